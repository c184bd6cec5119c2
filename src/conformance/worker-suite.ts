// `corral conformance worker`: discover what the worker declares, then run
// the worker cases against fresh processes of it.
//
//   discovery: spawn (shared, else arbiter, exclusive, reuseport, handoff, task,
//     until one start is not refused with an exit before Hello) -> Hello ->
//     Welcome -> Ready -> Stop
//     no Hello / no Ready: the handshake cases run (and fail), the rest are
//     SKIPPED, and the run exits 3
//   cases: each starts its own worker process(es), killed when it ends
import { corral } from '../protocol/codec.js';
import type { CaseResult } from './types.js';
import { HandshakeNeverCompleted } from './types.js';
import { notRun, runAll, type ContextFactory, type RunnableCase, type RunnerOptions } from './runner.js';
import { Transcript, describeIncoming } from './wire.js';
import { WorkerContext, type TaskJobs } from './worker-context.js';
import type { StartOptions, TestWorker, Timing } from './worker-harness.js';
import { workerCases } from './registry.js';
import { checkWorker } from './background.js';

export interface Discovery {
  hello: corral.v1.Hello | undefined;
  /** Why the handshake did not complete, when it did not. */
  failure: HandshakeNeverCompleted | Error | undefined;
  transcript: Transcript;
  stderr: string;
  /** Milliseconds from spawn to Hello. */
  startupMs?: number;
}

const EMPTY_HELLO = corral.v1.Hello.create({ versions: [], features: [] });

/** How discovery starts the testee, in turn, until it says Hello. */
const DISCOVERY_STARTS: StartOptions[] = [
  { strategy: 'shared' }, { strategy: 'arbiter' }, { strategy: 'exclusive' }, { strategy: 'reuseport', reusePort: true },
  { strategy: 'handoff' }, { task: true },
];

/** The Hello among what `w` has sent (HELLO-1: it must be the first frame). */
async function helloOf(w: TestWorker, timing: Timing): Promise<corral.v1.Hello> {
  const first = w.wire.received[0];
  if (first?.type === 'message' && first.message.kind === 'hello') {
    w.hello = first.message.body;
    return first.message.body;
  }
  throw new HandshakeNeverCompleted('the worker did not start with Hello', `Hello as the first frame within ${timing.bootTimeoutMs} ms of the spawn`,
    first ? describeIncoming(first) : `nothing within ${timing.bootTimeoutMs} ms${w.exitText()}`, ['HELLO-1']);
}

/** Runs one handshake with the worker to learn its Hello. */
export async function discover(argv: string[], timing: Timing): Promise<Discovery> {
  const transcript = new Transcript();
  const ctx = new WorkerContext(argv, timing, transcript, EMPTY_HELLO);
  let hello: corral.v1.Hello | undefined;
  let startupMs: number | undefined;
  try {
    // A worker may support a single strategy and exit 3 for any other
    // (ENV-18 lets it): try each until one answers with Hello. Only an exit
    // before Hello moves on; silence is the worker's failure.
    let w: TestWorker | undefined;
    let started: StartOptions = {};
    for (const opts of DISCOVERY_STARTS) {
      if (w) await w.dispose();
      started = opts;
      w = ctx.start(opts);
      const first = await Promise.race([w.wire.next(timing.bootTimeoutMs), w.exited.then(() => 'exited' as const)]);
      if (first === 'exited' || first?.type === 'eof') await w.waitExit(timing.timeoutMs);
      if (w.exit && !w.wire.received.some((i) => i.type === 'message')) continue;
      break;
    }
    if (!w) throw new Error('no discovery start');
    hello = await helloOf(w, timing);
    startupMs = transcript.entries.find((e) => e.dir === 'in')?.tMs;
    const features = hello.features;
    const strategy = (['shared', 'arbiter', 'exclusive', 'reuseport', 'handoff'] as const).find((s) => features.includes(`accept.${s}`)) ?? 'shared';
    const task = hello.kind === corral.v1.WorkerKind.WORKER_KIND_TASK;
    if (task ? !started.task : started.task || started.strategy !== strategy) {
      // Start it again the way it asks to be started.
      await w.dispose();
      w = ctx.start(task ? { task: true } : { strategy });
      hello = await w.readHello();
    }
    w.sendWelcome();
    const r = await w.wire.nextMessage(timing.bootTimeoutMs);
    if (r?.type !== 'message' || r.message.kind !== 'ready') {
      throw new HandshakeNeverCompleted('the worker did not send Ready after Welcome', 'Ready', r?.type ?? 'nothing' + w.exitText());
    }
    w.wire.send({ kind: 'stop', body: { reason: 'conformance discovery done' } });
    await w.waitExit(Math.min(500, timing.timeoutMs));
    return { hello, failure: undefined, transcript, stderr: ctx.workers.map((x) => x.stderr).join(''), ...(startupMs !== undefined ? { startupMs } : {}) };
  } catch (err) {
    return { hello, failure: err as Error, transcript, stderr: ctx.workers.map((x) => x.stderr).join('') };
  } finally {
    for (const w of ctx.workers) await w.dispose();
  }
}

export function workerFactory(argv: string[], timing: Timing, testee: corral.v1.Hello, jobs: TaskJobs): ContextFactory<WorkerContext> {
  return {
    create: (_c, transcript) => new WorkerContext(argv, timing, transcript, testee, jobs),
    verify(ctx) {
      for (const w of ctx.workers) w.sampleStall();
      const end = ctx.transcript.now();
      for (const w of ctx.workers) checkWorker(w, end);
    },
    async dispose(ctx) {
      const teardowns: string[] = [];
      let stderr = '';
      for (const w of ctx.workers) {
        teardowns.push(await w.dispose());
        stderr += w.stderr;
      }
      return teardowns.length ? { teardown: teardowns.join('; '), stderr: stderr.slice(-4000) } : {};
    },
  };
}

export interface WorkerRun {
  results: CaseResult[];
  discovery: Discovery;
  handshakeFailed: boolean;
}

/** The cases that still mean something when the worker never completes a handshake. */
const HANDSHAKE_GATE = /^W-HS-00[1-4]$/;

export async function runWorkerSuite(
  argv: string[], timing: Timing, cases: RunnableCase<WorkerContext>[], skipped: CaseResult[], opts: RunnerOptions, jobs: TaskJobs = {},
): Promise<WorkerRun> {
  const discovery = await discover(argv, timing);
  const handshakeFailed = discovery.failure !== undefined;
  if (discovery.startupMs !== undefined) timing = { ...timing, startupMs: discovery.startupMs };
  // Without a Hello, the gate cases start the worker as discovery did (shared strategy).
  const testee = discovery.hello ?? corral.v1.Hello.create({ versions: [], features: ['accept.shared'] });
  const runnable = handshakeFailed ? cases.filter((c) => HANDSHAKE_GATE.test(c.id)) : cases;
  // A case for an optional feature the worker did not declare is UNSUPPORTED without a run.
  const unsupported = handshakeFailed ? [] : runnable.filter((c) => c.feature !== undefined && !testee.features.includes(c.feature));
  const ran = await runAll(runnable.filter((c) => !unsupported.includes(c)), workerFactory(argv, timing, testee, jobs), opts);
  for (const c of unsupported) ran.push(notRun(c, 'UNSUPPORTED', `the worker does not declare "${c.feature}" in Hello`));
  const byId = new Map(ran.map((r) => [r.info.id, r]));
  const results = [...cases.map((c) => byId.get(c.id) ?? notRun(c, 'SKIPPED', 'the worker never completed a handshake')), ...skipped]
;
  const order = new Map(workerCases.map((c, i) => [c.id, i]));
  results.sort((a, b) => (order.get(a.info.id) ?? 0) - (order.get(b.info.id) ?? 0));
  return { results, discovery, handshakeFailed };
}
