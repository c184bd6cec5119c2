// The suite as an arbiter: starts a worker exactly as spec.md section 2 says
// and gives cases a handle to drive and observe it.
//
//   fd 0          /dev/null
//   fd 1, 2       pipes (captured for the report)
//   fd 3..3+n-1   listening sockets created here (127.0.0.1, port 0)
//   fd 3+n        control channel: AF_UNIX SOCK_STREAM (a spawn 'pipe' is a socketpair)
//   fd 3+n+1      handoff channel: AF_UNIX SOCK_SEQPACKET (handoff strategy only)
//
// LISTEN_PID must be the worker's own pid, known only after the fork, so the
// command runs through `sh -c 'LISTEN_PID=$$; export LISTEN_PID; exec "$0" "$@"'`,
// which keeps the pid and every inherited fd.
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import { fstatSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import * as native from '../transport/native.js';
import { ENV, strategyToWire, type StrategyName } from '../transport/process-state.js';
import { corral, encodeFrame, type OutMessage } from '../protocol/codec.js';
import { DEFAULT_MAX_FRAME_BYTES, FEATURE_SINCE, HARD_MAX_FRAME_BYTES, PROTOCOL_VERSION } from '../protocol/limits.js';
import { CaseFailure, HandshakeNeverCompleted } from './types.js';
import { Transcript, Wire, describeIncoming, hex } from './wire.js';
import { acceptQueueByInode, socketInodes } from './procfs.js';
import { FairDeadline, fairTimeout, runDelayMs, sample, type FairTimer, type StallSample } from './starvation.js';

const SET_LISTEN_PID = `${ENV.listenPid}=$$; export ${ENV.listenPid}; exec "$0" "$@"`;

// Every wait below is in fair time (starvation.ts): it does not run out
// while the suite or the testee waits for a CPU.
export interface Timing {
  /** Longest wait for any reaction the spec requires. */
  timeoutMs: number;
  /** Longest wait for the first frame after spawn (process start-up included). */
  bootTimeoutMs: number;
  /** How long "nothing happens" is watched for. */
  quietMs: number;
  /** How long the testee took to send its first frame in discovery (its start-up time). */
  startupMs?: number;
}

/** The wait for something a process must do right after it starts (exit on a bad environment, say). */
export function startWait(t: Timing): number {
  // The whole boot timeout: start-up on a loaded machine varies far more than
  // twice discovery's (a Node worker took over 5 s under load), and the wait
  // ends as soon as the worker exits, so only a worker that never does pays it.
  return t.bootTimeoutMs;
}

export interface StartOptions {
  strategy?: StrategyName;
  /** Start a task worker: no listeners, no CORRAL_ACCEPT, Welcome.strategy UNSPECIFIED. */
  task?: boolean;
  /** Listening sockets to pass (default 1; 0 in the handoff strategy). */
  listeners?: number;
  /** Create the listeners with SO_REUSEPORT (reuseport strategy). */
  reusePort?: boolean;
  /** Environment changes: a value of undefined removes the variable. */
  env?: Record<string, string | undefined>;
  /** Worker id in CORRAL_WORKER_ID and Welcome. */
  workerId?: number;
  /** Pass these (another worker's) listeners instead of creating new ones. */
  shareListeners?: TestListener[];
}

export interface TestListener {
  index: number;
  fd: number;
  port: number;
  address: string;
  inode: number;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  tMs: number;
}

/** An HTTP client connection to a listener, as the suite's "user". */
export class TestClient {
  readonly socket: net.Socket;
  readonly id: number;
  data = Buffer.alloc(0);
  closed = false;
  readonly connected: Promise<boolean>;
  #dataWaiters: (() => void)[] = [];
  #transcript: Transcript;
  /** The serving worker's wait for a CPU, when known: response waits are fair to it. */
  readonly #peerDelay: (() => number | undefined) | undefined;

  constructor(id: number, port: number, transcript: Transcript, peerDelay?: () => number | undefined) {
    this.id = id;
    this.#transcript = transcript;
    this.#peerDelay = peerDelay;
    this.socket = net.connect({ host: '127.0.0.1', port });
    this.connected = new Promise((resolve) => {
      this.socket.once('connect', () => resolve(true));
      this.socket.once('error', () => resolve(false));
    });
    this.socket.on('data', (d: Buffer) => {
      if (this.data.length === 0) transcript.event(`client ${id}`, 'response', d.subarray(0, 80).toString('latin1'));
      this.data = Buffer.concat([this.data, d]).subarray(0, 65536);
      this.#wake();
    });
    this.socket.on('error', () => {});
    this.socket.on('close', () => {
      this.closed = true;
      this.#wake();
    });
  }

  #wake(): void {
    for (const w of this.#dataWaiters.splice(0)) w();
  }

  /** Sends an HTTP request (or part of one). */
  write(text: string): void {
    this.#transcript.event(`client ${this.id}`, 'send', text.length > 80 ? text.slice(0, 80) + '…' : text);
    if (!this.socket.destroyed) this.socket.write(text);
  }

  request(path = '/'): void {
    this.write(`GET ${path} HTTP/1.1\r\nHost: conformance\r\nConnection: close\r\n\r\n`);
  }

  /** True once any response byte arrived (waits up to `ms`). */
  async gotResponse(ms: number): Promise<boolean> {
    if (this.data.length > 0) return true;
    const deadline = new FairDeadline(ms, this.#peerDelay);
    while (this.data.length === 0 && !this.closed) {
      const left = deadline.left();
      if (left <= 0) break;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.#dataWaiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.data.length > 0;
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** One worker process started by the suite. */
export class TestWorker {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly wire: Wire;
  readonly listeners: TestListener[];
  readonly strategy: StrategyName;
  /** A task worker (no listeners, no strategy). */
  readonly task: boolean;
  readonly workerId: number;
  /** Our end of the handoff socketpair (handoff strategy). */
  readonly handoffFd: number | undefined;
  readonly timing: Timing;
  readonly transcript: Transcript;
  exit: ExitInfo | undefined;
  readonly exited: Promise<ExitInfo>;
  stderr = '';
  readonly clients: TestClient[] = [];
  hello: corral.v1.Hello | undefined;
  welcome: corral.v1.IWelcome | undefined;
  #ownFds: number[] = [];
  #shared: TestListener[] | undefined;
  #clientSeq = 0;
  /**
   * Where the suite's stall and this worker's wait for a CPU stood at each
   * frame received and every 100 ms while it runs (starvation.ts): timing
   * checks excuse the lateness they explain.
   */
  readonly stall: StallSample[] = [];
  #lastRunDelay: number | undefined;
  #sampler: NodeJS.Timeout | undefined;
  /** This worker's run_delay so far (the last value read once it is gone). */
  readonly runDelay = (): number | undefined => {
    if (!this.exit) this.#lastRunDelay = runDelayMs(this.pid) ?? this.#lastRunDelay;
    return this.#lastRunDelay;
  };

  constructor(argv: string[], opts: StartOptions, timing: Timing, transcript: Transcript) {
    this.timing = timing;
    this.transcript = transcript;
    this.strategy = opts.strategy ?? 'shared';
    this.task = opts.task ?? false;
    this.workerId = opts.workerId ?? 1;
    const handoff = this.strategy === 'handoff';
    const n = opts.task ? 0 : opts.shareListeners?.length ?? opts.listeners ?? (handoff ? 0 : 1);
    this.listeners = [...(opts.shareListeners ?? [])];
    this.#shared = opts.shareListeners;
    for (let i = this.listeners.length; i < n; i++) {
      const fd = native.listen({ host: '127.0.0.1', port: 0, backlog: 64, reusePort: opts.reusePort ?? false });
      this.#ownFds.push(fd);
      const a = native.localAddress(fd);
      this.listeners.push({ index: i, fd, port: a.port, address: `127.0.0.1:${a.port}`, inode: fstatSync(fd).ino });
    }
    let handoffChild: number | undefined;
    if (handoff) {
      const [ours, theirs] = native.seqpacketPair();
      this.handoffFd = ours;
      this.#ownFds.push(ours);
      handoffChild = theirs;
    }
    const controlFd = 3 + n;
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) {
      if (!k.startsWith('CORRAL_') && !k.startsWith('LISTEN_')) env[k] = v;
    }
    Object.assign(env, {
      [ENV.protocol]: String(PROTOCOL_VERSION.major),
      [ENV.controlFd]: String(controlFd),
      [ENV.workerId]: String(this.workerId),
      [ENV.arbiterPid]: String(process.pid),
    });
    if (!this.task) env[ENV.accept] = this.strategy;
    if (n > 0) {
      env[ENV.listenFds] = String(n);
      env[ENV.listenFdNames] = this.listeners.map((l) => `l${l.index}`).join(':');
    }
    if (handoffChild !== undefined) env[ENV.handoffFd] = String(controlFd + 1);
    for (const [k, v] of Object.entries(opts.env ?? {})) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    const stdio: (number | 'pipe' | 'ignore')[] = ['ignore', 'pipe', 'pipe', ...this.listeners.map((l) => l.fd), 'pipe'];
    if (handoffChild !== undefined) stdio.push(handoffChild);
    const [program, ...args] = argv as [string, ...string[]];
    const useShell = n > 0 && !(opts.env !== undefined && ENV.listenPid in opts.env);
    this.child = spawn(useShell ? '/bin/sh' : program, useShell ? ['-c', SET_LISTEN_PID, program, ...args] : args, { stdio, env });
    if (handoffChild !== undefined) native.close(handoffChild);
    this.pid = this.child.pid ?? -1;
    transcript.event('worker', 'spawn', { pid: this.pid, strategy: this.strategy, listeners: this.listeners.map((l) => l.address), env: pick(env) });
    const capture = (d: Buffer) => {
      this.stderr = (this.stderr + d.toString('utf8')).slice(-4000);
    };
    this.child.stdout?.on('data', capture);
    this.child.stderr?.on('data', capture);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal, tMs: transcript.now() };
        transcript.event('worker', 'exit', { code, signal });
        resolve(this.exit);
      });
      this.child.once('error', (err) => {
        this.exit = { code: null, signal: null, tMs: transcript.now() };
        transcript.event('worker', 'spawn-error', err.message);
        resolve(this.exit);
      });
    });
    const control = this.child.stdio[controlFd] as Duplex | null;
    if (!control) throw new Error('spawn gave no control channel');
    this.wire = new Wire(control, transcript, 'control');
    this.wire.peerDelay = this.runDelay;
    const take = (tMs: number) => {
      const s = sample(tMs);
      s.peer = this.runDelay();
      this.stall.push(s);
    };
    this.wire.onIncoming((i) => take(i.tMs));
    this.#sampler = setInterval(() => take(transcript.now()), 100);
    this.#sampler.unref();
    void this.exited.then(() => clearInterval(this.#sampler));
  }

  /** Records a stall sample now (e.g. where a timing window ends). */
  sampleStall(): void {
    const s = sample(this.transcript.now());
    s.peer = this.runDelay();
    this.stall.push(s);
  }

  // ---- handshake ----------------------------------------------------------------

  /** Waits for the first frame and requires it to be Hello. */
  async readHello(): Promise<corral.v1.Hello> {
    const first = await this.wire.next(this.timing.bootTimeoutMs);
    if (first?.type === 'message' && first.message.kind === 'hello') {
      this.hello = first.message.body;
      return first.message.body;
    }
    throw new HandshakeNeverCompleted('the worker did not start with Hello',
      `Hello as the first frame within ${this.timing.bootTimeoutMs} ms of the spawn`,
      first ? describeIncoming(first) : `nothing within ${this.timing.bootTimeoutMs} ms${this.exitText()}`, ['HELLO-1']);
  }

  /** A Welcome answering `hello`, as a conformant arbiter would build it. */
  welcomeFor(hello: corral.v1.Hello, over: Partial<corral.v1.IWelcome> = {}): corral.v1.IWelcome {
    const offered = hello.maxFrameBytes > 0 ? hello.maxFrameBytes : DEFAULT_MAX_FRAME_BYTES;
    // NEG-1: the smaller of the two sides' highest minors of major 1, so that a
    // 1.2 task worker gets 1.2 and with it tasks.flow (NEG-3), and a worker
    // of 1.0 or 1.1 gets its own version and no feature newer than it.
    const minor = Math.min(PROTOCOL_VERSION.minor, Math.max(...hello.versions.filter((v) => v.major === 1).map((v) => v.minor ?? 0)));
    return {
      version: { major: PROTOCOL_VERSION.major, minor: Number.isFinite(minor) ? minor : 0 },
      workerId: this.workerId,
      heartbeatIntervalMs: 1000,
      heartbeatTimeoutMs: 10_000,
      listeners: this.listeners.map((l) => ({ index: l.index, name: `l${l.index}`, address: l.address })),
      maxFrameBytes: Math.min(offered, DEFAULT_MAX_FRAME_BYTES, HARD_MAX_FRAME_BYTES),
      strategy: this.task ? 0 : strategyToWire(this.strategy),
      // NEG-3: a feature of a later minor than the one chosen stays out.
      features: hello.features.filter((f) => f !== '' && !((FEATURE_SINCE[f]?.minor ?? 0) > (Number.isFinite(minor) ? minor : 0))),
      generation: 1,
      ...over,
    };
  }

  sendWelcome(over: Partial<corral.v1.IWelcome> = {}): corral.v1.IWelcome {
    if (!this.hello) throw new Error('sendWelcome before readHello');
    if (!this.hello.versions.some((v) => v.major === PROTOCOL_VERSION.major)) {
      // An arbiter of 1.0 answers VERSION_MISMATCH here (NEG-2); so does the suite.
      this.wire.send({ kind: 'error', body: { code: corral.v1.ErrorCode.ERROR_CODE_VERSION_MISMATCH, message: `no common major version: the suite speaks ${PROTOCOL_VERSION.major}.${PROTOCOL_VERSION.minor}`, fatal: true } });
      this.wire.end();
      throw new HandshakeNeverCompleted('the worker offers no version the suite speaks', 'Hello.versions listing major 1',
        JSON.stringify(this.hello.versions), ['HELLO-3']);
    }
    this.welcome = this.welcomeFor(this.hello, over);
    this.wire.features = this.welcome.features ?? [];
    this.wire.minor = this.welcome.version?.minor ?? 0;
    this.wire.peerLimit = this.welcome.maxFrameBytes || DEFAULT_MAX_FRAME_BYTES;
    this.wire.send({ kind: 'welcome', body: this.welcome });
    return this.welcome;
  }

  /** Hello -> Welcome -> Ready. Heartbeats before Ready are tolerated here (W-HS-004 judges order). */
  async handshake(over: Partial<corral.v1.IWelcome> = {}): Promise<corral.v1.Hello> {
    const hello = await this.readHello();
    this.sendWelcome(over);
    const r = await this.wire.nextMessage(this.timing.bootTimeoutMs);
    if (r?.type !== 'message' || r.message.kind !== 'ready') {
      throw new HandshakeNeverCompleted('the worker did not send Ready after Welcome',
        `Ready within ${this.timing.bootTimeoutMs} ms of Welcome`, describeIncoming(r) + this.exitText(), ['HELLO-1']);
    }
    return hello;
  }

  // ---- observation --------------------------------------------------------------

  /** Waits for the process to exit; undefined on timeout. */
  async waitExit(ms: number): Promise<ExitInfo | undefined> {
    if (this.exit) return this.exit;
    let timer: FairTimer | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = fairTimeout(ms, () => resolve(undefined), this.runDelay)));
    const e = await Promise.race([this.exited, timeout]);
    timer?.cancel();
    return e;
  }

  exitText(): string {
    if (!this.exit) return '';
    return this.exit.signal ? `; the worker was killed by ${this.exit.signal}` : `; the worker exited with code ${this.exit.code}`;
  }

  /** Connections waiting in a listener's accept queue (from /proc/net/tcp). */
  acceptQueue(index = 0): number {
    const l = this.listeners[index];
    if (!l) throw new Error(`no listener ${index}`);
    const q = acceptQueueByInode(l.inode);
    if (q === undefined) throw new Error(`listener ${index} (${l.address}) is not in /proc/net/tcp`);
    return q;
  }

  /** Polls until the accept queue of `index` holds `n` connections (or time runs out); returns the last count. */
  async waitQueue(index: number, n: number, ms: number): Promise<number> {
    const deadline = new FairDeadline(ms, this.runDelay);
    let q = this.acceptQueue(index);
    while (q !== n && !deadline.passed) {
      await sleep(20);
      q = this.acceptQueue(index);
    }
    return q;
  }

  /** Socket inodes the worker holds, by fd. */
  sockets(): Map<number, number> {
    return socketInodes(this.pid);
  }

  client(index = 0): TestClient {
    const l = this.listeners[index];
    if (!l) throw new Error(`no listener ${index}`);
    const c = new TestClient(++this.#clientSeq, l.port, this.transcript, this.runDelay);
    this.clients.push(c);
    return c;
  }

  /** Opens `count` connections to a listener and waits until all are connected. */
  async clientsTo(index: number, count: number, request: boolean): Promise<TestClient[]> {
    const out: TestClient[] = [];
    for (let i = 0; i < count; i++) out.push(this.client(index));
    await Promise.all(out.map((c) => c.connected));
    if (request) for (const c of out) c.request();
    return out;
  }

  // ---- handoff ------------------------------------------------------------------

  /** Sends one ConnectionHandoff with `fd` over the handoff channel. */
  sendHandoff(handoffId: number, fd: number, peer: string): void {
    if (this.handoffFd === undefined) throw new Error('not the handoff strategy');
    const m: OutMessage = { kind: 'handoff', body: { handoffId, listener: 0, peer } };
    const frame = encodeFrame(m);
    this.transcript.add({ dir: 'out', channel: 'handoff', what: 'handoff', detail: { handoffId: String(handoffId), listener: 0, peer, fd }, hex: hex(frame) });
    if (!native.sendWithFds(this.handoffFd, frame, [fd])) throw new Error('the handoff channel is full');
  }

  /** Sends one raw datagram (any bytes, any number of fds) on the handoff channel. */
  sendHandoffRaw(data: Uint8Array, fds: number[], what: string, detail?: unknown): void {
    if (this.handoffFd === undefined) throw new Error('not the handoff strategy');
    this.transcript.add({ dir: 'out', channel: 'handoff', what, detail: { fds: fds.length, ...(detail as object | undefined) }, hex: hex(data) });
    if (!native.sendWithFds(this.handoffFd, data, fds)) throw new Error('the handoff channel is full');
  }

  /** Closes the suite's end of the handoff channel (the worker sees end of stream). */
  closeHandoff(): void {
    const fd = this.handoffFd;
    if (fd === undefined) return;
    const i = this.#ownFds.indexOf(fd);
    if (i >= 0) this.#ownFds.splice(i, 1);
    native.close(fd);
    this.transcript.event('handoff', 'suite-closed');
  }

  /** Ends the case: SIGKILL if still running, close every fd and client. */
  async dispose(): Promise<string> {
    clearInterval(this.#sampler);
    for (const c of this.clients) c.destroy();
    let teardown: string;
    if (!this.exit) {
      teardown = 'still running at the end of the case: killed';
      try {
        this.child.kill('SIGKILL');
      } catch {
        // already gone
      }
      await this.waitExit(2000);
    } else {
      teardown = this.exit.signal ? `killed by ${this.exit.signal}` : `exited with code ${this.exit.code}`;
    }
    this.wire.destroy();
    const shared = new Set((this.#shared ?? []).map((l) => l.fd));
    for (const fd of this.#ownFds.splice(0)) {
      if (shared.has(fd)) continue;
      try {
        native.close(fd);
      } catch {
        // already closed
      }
    }
    return teardown;
  }
}

function pick(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if ((k.startsWith('CORRAL_') || k.startsWith('LISTEN_')) && v !== undefined) out[k] = v;
  return out;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A failed check, with what was expected and what was seen. */
export function fail(message: string, expected: string, observed: string, requirements?: string[]): never {
  throw new CaseFailure(message, expected, observed, requirements);
}
