// What a worker case gets: the testee's declared capabilities (from the
// discovery handshake), a way to start fresh worker processes, and helpers for
// the steps many cases share (get a connection in flight, drain, judge exit).
import type { StrategyName } from '../transport/process-state.js';
import { corral } from '../protocol/codec.js';
import { FEATURE } from '../protocol/limits.js';
import { CaseFailure, CaseSkipped, CaseUnsupported, type Level } from './types.js';

/** Jobs of a task worker the task cases may run. */
export interface TaskJobs {
  /** Completes quickly with a single Result or a stream. */
  quick?: string;
  /** Runs for at least a second (cancellation, duplicates, drain). */
  slow?: string;
  /** Fails. */
  fail?: string;
  /** Streams at least one Chunk when tasks.stream is negotiated. */
  stream?: string;
  /** Answers its payload as its result (so the suite controls the output's size). */
  echo?: string;
  /** Answers the Execute.meta it was given, as a JSON object (1.3). */
  meta?: string;
}
import type { Transcript } from './wire.js';
import { describeIncoming } from './wire.js';
import * as native from '../transport/native.js';
import { TestClient, TestWorker, type StartOptions, type Timing } from './worker-harness.js';

const { ReleaseReason } = corral.v1;

export class WorkerContext {
  readonly argv: string[];
  readonly timing: Timing;
  readonly transcript: Transcript;
  /** The Hello of the discovery run. */
  readonly testee: corral.v1.Hello;
  readonly workers: TestWorker[] = [];
  /** Job names given on the command line (--task, --task-slow, ...). */
  readonly jobs: TaskJobs;
  #grantSeq = 0;

  constructor(argv: string[], timing: Timing, transcript: Transcript, testee: corral.v1.Hello, jobs: TaskJobs = {}) {
    this.argv = argv;
    this.timing = timing;
    this.transcript = transcript;
    this.testee = testee;
    this.jobs = jobs;
  }

  /** The job name configured for `kind`, or SKIPPED telling how to configure it. */
  job(kind: keyof TaskJobs): string {
    const name = this.jobs[kind];
    if (name === undefined) {
      const flag = { quick: '--task', slow: '--task-slow', fail: '--task-fail', stream: '--task-stream', echo: '--task-echo', meta: '--task-meta' }[kind];
      throw new CaseSkipped(`needs a job of the worker: run with ${flag} NAME`);
    }
    return name;
  }

  has(feature: string): boolean {
    return this.testee.features.includes(feature);
  }

  /** Throws UNSUPPORTED unless the testee declared `feature`. */
  need(feature: string): void {
    if (!this.has(feature)) throw new CaseUnsupported(`the worker does not declare "${feature}" in Hello`);
  }

  /** True when the testee said it is a task worker. */
  get isTaskWorker(): boolean {
    return this.testee.kind === corral.v1.WorkerKind.WORKER_KIND_TASK;
  }

  /** How generic cases start the testee: as a task worker, or a socket worker in socketStrategy(). */
  defaultStart(): StartOptions {
    return this.isTaskWorker ? { task: true } : { strategy: this.socketStrategy() };
  }

  /** The strategy generic cases use: shared if declared, else arbiter, exclusive, reuseport, handoff. */
  socketStrategy(): StrategyName {
    if (this.isTaskWorker) throw new CaseUnsupported('the worker is a task worker; this case is about connections');
    for (const s of ['shared', 'arbiter', 'exclusive', 'reuseport', 'handoff'] as const) {
      if (this.has(`accept.${s}`)) return s;
    }
    throw new CaseUnsupported('the worker declares no accept strategy (accept.*) in Hello');
  }

  /** Starts a worker process (killed when the case ends). */
  start(opts: StartOptions = {}): TestWorker {
    const w = new TestWorker(this.argv, opts, this.timing, this.transcript);
    this.workers.push(w);
    return w;
  }

  /** Starts a second worker on the listeners of `w` (same strategy). */
  startSharing(w: TestWorker, workerId: number): TestWorker {
    return this.start({ strategy: w.strategy, workerId, shareListeners: w.listeners });
  }

  /** Starts a worker in the generic strategy and completes the handshake. */
  async ready(over: Partial<corral.v1.IWelcome> = {}, opts: StartOptions = {}): Promise<TestWorker> {
    const w = this.start({ ...this.defaultStart(), ...opts });
    await w.handshake(over);
    return w;
  }

  nextGrantId(): number {
    return ++this.#grantSeq;
  }

  /**
   * Puts one client connection in flight on `w`, in whatever strategy `w`
   * runs: shared-style strategies accept by themselves, arbiter needs a
   * grant of one, handoff needs the fd sent. `partial` is sent by the client
   * first (e.g. an incomplete request head, so the connection stays busy).
   */
  async inFlight(w: TestWorker, partial: string): Promise<TestClient> {
    if (w.task) throw new CaseUnsupported('this case holds a connection in flight; the worker is a task worker (the W-TK cases cover jobs)');
    if (w.strategy === 'handoff') {
      return this.handOff(w, partial);
    }
    const [c] = await w.clientsTo(0, 1, false);
    const client = c as TestClient;
    if (partial) client.write(partial);
    if (w.strategy === 'arbiter') {
      // The connection must still be queued: nothing is accepted without a grant.
      await new Promise((r) => setTimeout(r, Math.round(this.timing.quietMs / 4)));
      if (w.acceptQueue(0) === 0) fail('the worker accepted a connection without a grant', 'the connection queued until the grant', 'accepted before any grant', ['ACCEPT-13']);
      const grantId = this.nextGrantId();
      w.wire.send({ kind: 'acceptGrant', body: { grantId, listener: 0, maxAccepts: 1, releaseLoad: 0, leaseMs: this.timing.timeoutMs * 2 } });
      const done = await w.wire.waitFor('acceptDone', this.timing.timeoutMs);
      if (done?.type !== 'message' || done.message.kind !== 'acceptDone') {
        fail('the worker did not release a grant of max_accepts 1 after accepting',
          `AcceptDone{grant_id: ${grantId}} within ${this.timing.timeoutMs} ms`, describeIncoming(done), ['ACCEPT-6']);
      }
    }
    const q = await w.waitQueue(0, 0, this.timing.timeoutMs);
    if (q !== 0) fail('the worker did not accept the connection', 'the accept queue empties', `${q} connection(s) still queued after ${this.timing.timeoutMs} ms`);
    return client;
  }

  /** Hands a fresh client connection to a handoff-strategy worker. */
  async handOff(w: TestWorker, partial: string, handoffId = 1): Promise<TestClient> {
    const lfd = native.listen({ host: '127.0.0.1', port: 0, backlog: 8 });
    try {
      const port = native.localAddress(lfd).port;
      const client = new TestClient(1000 + handoffId, port, this.transcript, w.runDelay);
      w.clients.push(client);
      await client.connected;
      if (partial) client.write(partial);
      let conn = native.acceptOne(lfd);
      for (let i = 0; conn === null && i < 100; i++) {
        await new Promise((r) => setTimeout(r, 5));
        conn = native.acceptOne(lfd);
      }
      if (conn === null) throw new Error('the suite could not accept its own test connection');
      try {
        w.sendHandoff(handoffId, conn.fd, `${conn.remoteAddress}:${conn.remotePort}`);
        const ack = await w.wire.waitFor('handoffAck', this.timing.timeoutMs);
        if (ack?.type !== 'message' || ack.message.kind !== 'handoffAck' || !ack.message.body.handoffIds.includes(handoffId)) {
          fail('the worker did not acknowledge a handoff', `HandoffAck listing ${handoffId} within ${this.timing.timeoutMs} ms`, describeIncoming(ack), ['HANDOFF-3']);
        }
      } finally {
        native.close(conn.fd);
      }
      return client;
    } finally {
      native.close(lfd);
    }
  }

  /** Requires `w` to exit within `ms`; returns its exit. */
  async mustExit(w: TestWorker, ms: number, what: string, requirements: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const e = await w.waitExit(ms);
    if (!e) fail(`the worker did not exit ${what}`, `exit within ${ms} ms`, `still running after ${ms} ms`, requirements);
    // The exit can be reported before the last frames are read: drain the channel first.
    await w.wire.waitEof(300);
    return e;
  }
}

export function fail(message: string, expected: string, observed: string, requirements?: string[], level?: Level): never {
  throw new CaseFailure(message, expected, observed, requirements, level);
}

export function check(cond: boolean, message: string, expected: string, observed: string, requirements?: string[], level?: Level): asserts cond {
  if (!cond) fail(message, expected, observed, requirements, level);
}

export function reasonName(r: number): string {
  return ReleaseReason[r] ?? String(r);
}

export { FEATURE };
