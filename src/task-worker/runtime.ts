// The task worker side of the protocol: handshake, heartbeats, jobs, drain
// and stop (spec.md sections 4.6, 5, 6, 8).
//
//   worker                         arbiter
//     Hello{TASK, apps} ───────────►                       phase 'hello'
//           ◄─────────────────────── Welcome               phase 'booting' (apps import, init())
//     Heartbeat (every interval) ──►
//     Ready{capacity} ─────────────►                       phase 'ready'
//           ◄─────────────────────── Execute / Cancel / Credit
//     Result / Chunk* End / Error ─►
//           ◄─────────────────────── Drain (or SIGTERM)    phase 'draining': running jobs finish,
//     Goodbye{DRAINED} ────────────► then exit 0           then every app's close()
//
// Exit status [EXIT-1..5]: 0 after a drain, Stop, SIGINT/SIGQUIT, or the end
// of the control channel once welcomed; 3 when the handshake fails or a
// fatal error comes before Ready; 4 when an app fails to load; 1 for a fatal
// protocol error after Ready.
import { corral, type Message, type OutMessage } from '../protocol/codec.js';
import { CorralError, FrameTruncatedError } from '../protocol/errors.js';
import { FEATURE, PROTOCOL_VERSION } from '../protocol/limits.js';
import { EXIT } from '../transport/process-state.js';
import { Heartbeats } from '../worker/heartbeats.js';
import { FEATURE_OF, STOP_CLOSE_MS, TASK_FEATURES, TASK_MAX_FRAME_BYTES, type SignalName, type TaskPhase, type TaskRuntimeConfig } from './config.js';
import { checkTaskWelcome } from './environment.js';
import { Jobs } from './jobs.js';
import { ControlLink } from './link.js';
import type { TaskApp } from './app.js';

export { DEFAULT_TASK_CAPACITY, TASK_FEATURES, TASK_MAX_FRAME_BYTES } from './config.js';
export type { SignalSource, TaskPhase, TaskRuntimeConfig } from './config.js';

const { ErrorCode, GoodbyeReason, WorkerKind } = corral.v1;

export class TaskWorkerRuntime {
  readonly #cfg: TaskRuntimeConfig;
  readonly #link: ControlLink;
  readonly #heartbeats: Heartbeats;
  readonly #jobs: Jobs;
  #apps: ReadonlyMap<string, TaskApp> = new Map();
  #phase: TaskPhase = 'hello';
  #workerId: number;
  #features: readonly string[] = [];
  #maxFrameBytes = TASK_MAX_FRAME_BYTES;
  #stream = false;
  #flow = false;
  #loadReport = false;
  #timers = new Set<NodeJS.Timeout>();
  #failure: Error | undefined;
  #handshakeTimer: NodeJS.Timeout | undefined;
  #deadline: { at: number; timer: NodeJS.Timeout } | undefined;
  #closing = false;
  #welcome: { promise: Promise<void>; resolve: () => void; reject: (err: Error) => void } | undefined;
  readonly #signalHandlers = {
    SIGTERM: () => this.drain(0), // SIG-1: as Drain{deadline_ms: 0}
    SIGINT: () => this.stop(GoodbyeReason.GOODBYE_REASON_SIGNAL, 'SIGINT'), // SIG-2
    SIGQUIT: () => this.stop(GoodbyeReason.GOODBYE_REASON_SIGNAL, 'SIGQUIT'),
  };

  constructor(cfg: TaskRuntimeConfig) {
    this.#cfg = cfg;
    this.#workerId = cfg.workerId;
    this.#link = new ControlLink(cfg.control);
    this.#heartbeats = new Heartbeats(() => this.#sendHeartbeat(), cfg.now);
    const self = this;
    this.#jobs = new Jobs({
      get apps() {
        return self.#apps;
      },
      get stream() {
        return self.#stream;
      },
      get flow() {
        return self.#flow;
      },
      get maxFrameBytes() {
        return self.#maxFrameBytes;
      },
      now: cfg.now,
      send: (m) => this.#send(m),
      backedUp: () => this.#link.backedUp(),
      error: (code, message, requestId) => this.#sendError(code, message, { requestId }),
      log: (line) => this.#log(line),
      loadChanged: () => this.#loadChanged(),
    });
  }

  get phase(): TaskPhase {
    return this.#phase;
  }

  get workerId(): number {
    return this.#workerId;
  }

  /** The features both sides agreed on (empty before Welcome). */
  get features(): readonly string[] {
    return this.#features;
  }

  /** Jobs running now. */
  get inFlight(): number {
    return this.#jobs.running;
  }

  /**
   * Sends Hello. Resolves once Welcome has been accepted (the worker then
   * heartbeats while its apps load), rejects when the worker ends first.
   */
  start(): Promise<void> {
    if (this.#welcome) return this.#welcome.promise;
    let resolve!: () => void;
    let reject!: (err: Error) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(() => {});
    this.#welcome = { promise, resolve, reject };
    const ch = this.#link.channel;
    ch.on('message', (m) => this.#onMessage(m));
    ch.on('failed', (err) => this.#onChannelFailed(err));
    ch.on('close', () => this.#onClose());
    if (this.#cfg.signals) for (const [sig, fn] of Object.entries(this.#signalHandlers)) this.#cfg.signals.on(sig as SignalName, fn);
    // Ref'd: until Welcome the process has nothing else to wait for [HS-7].
    this.#handshakeTimer = this.#timer(this.#cfg.handshakeTimeoutMs, () => {
      if (this.#phase === 'hello') this.#bootFail(`no Welcome from the arbiter within ${this.#cfg.handshakeTimeoutMs} ms`);
    }, true);
    this.#send({
      kind: 'hello',
      body: {
        versions: [{ major: PROTOCOL_VERSION.major, minor: PROTOCOL_VERSION.minor }],
        kind: WorkerKind.WORKER_KIND_TASK,
        pid: this.#cfg.pid,
        features: [...TASK_FEATURES],
        maxFrameBytes: TASK_MAX_FRAME_BYTES,
        implementation: this.#cfg.implementation,
        capacity: this.#cfg.capacity,
        apps: [...this.#cfg.apps],
      },
    });
    return promise;
  }

  /** The apps are loaded and initialised: Ready [HS-8, HS-9]. False when the worker is no longer booting (it drained or ended). */
  serve(apps: ReadonlyMap<string, TaskApp>): boolean {
    if (this.#phase !== 'booting') return false;
    this.#apps = apps;
    this.#phase = 'ready';
    this.#send({ kind: 'ready', body: { capacity: this.#cfg.capacity } });
    return true;
  }

  /** An app could not be loaded: Error APP_LOAD (fatal), exit 4 [HS-10, EXIT-3]. */
  appLoadFailed(message: string): void {
    if (this.#phase === 'exited' || this.#phase === 'stopping') return;
    this.#log(message);
    this.#sendError(ErrorCode.ERROR_CODE_APP_LOAD, message, { fatal: true });
    if (this.#phase !== 'hello') this.#sendGoodbye(GoodbyeReason.GOODBYE_REASON_ERROR, 'an app failed to load');
    // EXIT-5: never 4 after Ready.
    this.#terminate(this.#phase === 'ready' || this.#phase === 'draining' ? EXIT.error : EXIT.appLoadError, true, new Error(message));
  }

  /**
   * Graceful stop [DRAIN-1..8]: no new jobs, the running ones finish, every
   * app's close() runs, Goodbye{DRAINED}, exit 0. `deadlineMs` 0 = no
   * deadline of our own; a second drain keeps the earlier deadline.
   */
  drain(deadlineMs: number): void {
    switch (this.#phase) {
      case 'hello':
        // HS-5 allows no Goodbye before Welcome, and there is nothing to finish.
        this.#log('asked to drain before the handshake completed; exiting');
        this.#terminate(EXIT.ok, false, new Error('the worker drained before the handshake completed'));
        return;
      case 'booting':
        // DRAIN-9: no job taken yet.
        this.#sendGoodbye(GoodbyeReason.GOODBYE_REASON_DRAINED, 'drained before Ready');
        this.#terminate(EXIT.ok, true);
        return;
      case 'draining':
        this.#setDeadline(deadlineMs); // DRAIN-8
        return;
      case 'ready':
        break;
      default:
        return;
    }
    this.#phase = 'draining';
    this.#setDeadline(deadlineMs);
    this.#checkDrained();
  }

  /**
   * Immediate stop [STOP-1..3]: Goodbye (best effort), running jobs
   * abandoned, exit 0 once the apps' close() hooks returned, which are given
   * at most STOP_CLOSE_MS.
   */
  stop(reason: corral.v1.GoodbyeReason = GoodbyeReason.GOODBYE_REASON_STOPPED, detail = ''): void {
    if (this.#phase === 'exited' || this.#phase === 'stopping') return;
    if (this.#phase === 'hello') {
      this.#terminate(EXIT.ok, false, new Error('the worker stopped before the handshake completed'));
      return;
    }
    this.#phase = 'stopping';
    this.#sendGoodbye(reason, detail);
    this.#jobs.abandonAll('the worker stopped');
    // A drain that already runs the close() hooks is not waited for again.
    if (this.#closing || ![...this.#apps.values()].some((a) => typeof a.close === 'function')) {
      this.#terminate(EXIT.ok, true);
      return;
    }
    this.#closing = true;
    const cap = this.#timer(STOP_CLOSE_MS, () => this.#terminate(EXIT.ok, true), true);
    void this.#closeApps().then(() => {
      clearTimeout(cap);
      this.#terminate(EXIT.ok, true);
    });
  }

  // ---- messages ------------------------------------------------------------

  #onMessage(m: Message): void {
    if (this.#phase === 'exited' || this.#phase === 'stopping') return;
    if (this.#phase === 'hello') {
      if (m.kind === 'welcome') {
        this.#link.channel.handshaking = false;
        this.#onWelcome(m.body);
      } else if (m.kind === 'error') this.#onError(m.body);
      else this.#fatal(ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, `${m.kind} before Welcome`); // HS-6
      return;
    }
    if (m.kind === 'error') {
      this.#onError(m.body);
      return;
    }
    const feature = FEATURE_OF[m.kind];
    if (feature !== undefined && !this.#features.includes(feature)) {
      // ERR-18: answered, not fatal, otherwise ignored.
      this.#sendError(ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, `${m.kind} belongs to feature ${feature}, which was not negotiated`);
      return;
    }
    switch (m.kind) {
      case 'execute':
      case 'cancel':
      case 'credit':
        // HS-13: no work before Ready.
        if (this.#phase === 'booting') this.#fatal(ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, `${m.kind} before Ready`);
        else if (m.kind === 'execute') this.#onExecute(m.body);
        else if (m.kind === 'cancel') this.#jobs.cancel(m.body.requestId, m.body.reason);
        else this.#jobs.credit(m.body.requestId, m.body.chunks);
        return;
      case 'drain':
        this.drain(m.body.deadlineMs);
        return;
      case 'stop':
        this.stop(GoodbyeReason.GOODBYE_REASON_STOPPED, m.body.reason);
        return;
      default:
        // HS-14, HS-15: a second Welcome, a worker-to-arbiter message, accept coordination.
        this.#fatal(ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, `unexpected ${m.kind} from the arbiter`);
    }
  }

  #onExecute(e: corral.v1.Execute): void {
    const id = e.requestId; // not 0 and at most 2^53-1: the channel has checked [TASK-7, MSG-7]
    if (this.#jobs.has(id)) {
      this.#sendError(ErrorCode.ERROR_CODE_DUPLICATE_REQUEST, `request ${id} is already running`, { requestId: id }); // TASK-8
      return;
    }
    if (this.#phase === 'draining') {
      this.#sendError(ErrorCode.ERROR_CODE_TASK_OVERLOADED, 'the worker is draining', { requestId: id }); // DRAIN-4
      return;
    }
    const cap = this.#cfg.capacity;
    if (cap > 0 && this.#jobs.running >= cap) {
      this.#sendError(ErrorCode.ERROR_CODE_TASK_OVERLOADED, `the worker is running ${this.#jobs.running} jobs, its capacity`, { requestId: id }); // TASK-12
      return;
    }
    this.#jobs.start(e);
  }

  /** ERR-6..9: fatal by the flag alone; never answered. */
  #onError(e: corral.v1.Error): void {
    const text = `the arbiter reported error ${e.code}${e.fatal ? ' (fatal)' : ''}: ${e.message}`;
    if (!e.fatal) {
      this.#log(text);
      return;
    }
    if (this.#phase === 'hello') {
      this.#bootFail(`the arbiter refused the handshake: error ${e.code}: ${e.message}`);
      return;
    }
    this.#log(`${text}; closing`);
    this.#terminate(this.#phase === 'booting' ? EXIT.bootError : EXIT.error, false, new Error(text));
  }

  #onWelcome(w: corral.v1.Welcome): void {
    const problem = checkTaskWelcome(w, { workerId: this.#cfg.workerId, features: TASK_FEATURES, maxFrameBytes: TASK_MAX_FRAME_BYTES });
    if (problem) {
      this.#fatal(problem.code, problem.message);
      return;
    }
    if (this.#handshakeTimer) {
      clearTimeout(this.#handshakeTimer);
      this.#timers.delete(this.#handshakeTimer);
    }
    this.#maxFrameBytes = w.maxFrameBytes;
    this.#link.channel.maxFrameBytes = w.maxFrameBytes; // NEG-15
    this.#workerId = w.workerId;
    this.#features = [...w.features];
    this.#stream = w.features.includes(FEATURE.TASKS_STREAM);
    this.#flow = w.features.includes(FEATURE.TASKS_FLOW);
    this.#loadReport = w.features.includes(FEATURE.LOAD_REPORT);
    this.#phase = 'booting';
    // LIVE-3, LIVE-4: heartbeats from Welcome on, while the apps load.
    this.#heartbeats.start(w.heartbeatIntervalMs);
    this.#welcome?.resolve();
  }

  // ---- load ------------------------------------------------------------------

  #loadChanged(): void {
    // LOAD-6: early heartbeats when the capacity is reached or left.
    if (this.#loadReport) this.#heartbeats.loadChanged(this.#jobs.running, this.#cfg.capacity);
    this.#checkDrained();
  }

  #sendHeartbeat(): void {
    const j = this.#jobs;
    this.#send({
      kind: 'heartbeat',
      body: { timeMs: Math.max(0, Math.round(this.#cfg.now())), inFlight: j.running, capacity: this.#cfg.capacity, acceptedTotal: j.startedTotal, requestsTotal: j.finishedTotal },
    });
  }

  // ---- ending ------------------------------------------------------------------

  #setDeadline(deadlineMs: number): void {
    if (deadlineMs <= 0) return; // 0 = no deadline: never earlier than another one
    const at = this.#cfg.now() + deadlineMs;
    if (this.#deadline && this.#deadline.at <= at) return;
    if (this.#deadline) {
      clearTimeout(this.#deadline.timer);
      this.#timers.delete(this.#deadline.timer);
    }
    // DRAIN-7: Goodbye must be on the wire before the arbiter's kill at the deadline.
    const margin = Math.min(500, deadlineMs / 10);
    const timer = this.#timer(Math.max(0, deadlineMs - margin), () => {
      if (this.#phase !== 'draining') return;
      const n = this.#jobs.running;
      // The jobs get no reply of their own: the arbiter answers their callers when the worker exits [TASK-20].
      this.#jobs.abandonAll('the worker\'s drain deadline passed');
      this.#finishDrain(n > 0 ? `drain deadline passed with ${n} jobs running` : 'drain deadline passed while the apps closed');
    });
    this.#deadline = { at, timer };
  }

  #checkDrained(): void {
    if (this.#phase !== 'draining' || this.#closing || this.#jobs.running > 0) return;
    this.#closing = true;
    void this.#closeApps().then(() => {
      if (this.#phase === 'draining') this.#finishDrain('');
    });
  }

  /** Every app's close(), in turn; a failure is logged and the others still close. */
  async #closeApps(): Promise<void> {
    for (const [name, app] of this.#apps) {
      if (typeof app.close !== 'function') continue;
      try {
        await app.close();
      } catch (err) {
        this.#log(`app ${name}: close() failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  #finishDrain(detail: string): void {
    this.#sendGoodbye(GoodbyeReason.GOODBYE_REASON_DRAINED, detail); // DRAIN-5
    this.#terminate(EXIT.ok, true);
  }

  #sendGoodbye(reason: corral.v1.GoodbyeReason, detail: string): void {
    this.#send({ kind: 'goodbye', body: { reason, detail, acceptedTotal: this.#jobs.startedTotal } });
  }

  /** The channel failed on its own (it has sent Error{fatal} when it was ours to report): Goodbye{ERROR} follows [ERR-10]. */
  #onChannelFailed(err: Error): void {
    this.#failure = err;
    if (!(err instanceof CorralError) || err instanceof FrameTruncatedError) return;
    if (this.#phase === 'hello' || this.#phase === 'exited' || this.#phase === 'stopping') return;
    this.#link.sendAfterFailure({ kind: 'goodbye', body: { reason: GoodbyeReason.GOODBYE_REASON_ERROR, detail: err.message, acceptedTotal: this.#jobs.startedTotal } });
  }

  #onClose(): void {
    if (this.#phase === 'exited') return;
    const err = this.#failure;
    if (err instanceof CorralError && !(err instanceof FrameTruncatedError)) {
      const beforeReady = this.#phase === 'hello' || this.#phase === 'booting';
      this.#log(`fatal protocol error on the control channel: ${err.code}: ${err.message}`);
      this.#terminate(beforeReady ? EXIT.bootError : EXIT.error, false, err);
      return;
    }
    if (this.#phase === 'hello') {
      this.#bootFail(err ? `control channel failed during the handshake: ${err.message}` : 'the arbiter closed the control channel during the handshake');
      return;
    }
    // STOP-4, EXIT-1: the arbiter is gone; exit 0 at once, no Goodbye.
    this.#log(err ? `control channel failed: ${err.message}; arbiter went away` : 'arbiter went away');
    this.#terminate(EXIT.ok, false, new Error('the arbiter went away'));
  }

  /** A fatal error this side detected [ERR-5, ERR-10]: Error{fatal}, Goodbye{ERROR} (not before Welcome [HS-5]), exit 3 before Ready, 1 after. */
  #fatal(code: number, message: string): void {
    if (this.#phase === 'exited') return;
    const beforeReady = this.#phase === 'hello' || this.#phase === 'booting';
    this.#log(`fatal: ${message}`);
    this.#sendError(code, message, { fatal: true });
    if (this.#phase !== 'hello') this.#sendGoodbye(GoodbyeReason.GOODBYE_REASON_ERROR, message);
    this.#terminate(beforeReady ? EXIT.bootError : EXIT.error, true, new Error(message));
  }

  #bootFail(message: string): void {
    if (this.#phase === 'exited') return;
    this.#log(message);
    this.#terminate(EXIT.bootError, false, new Error(message));
  }

  #send(m: OutMessage): void {
    if (this.#phase === 'exited') return; // nothing after Goodbye [EXIT-7]
    this.#link.send(m);
  }

  #sendError(code: number, message: string, extra: { fatal?: boolean; requestId?: number } = {}): void {
    if (this.#phase !== 'exited') this.#link.sendError(code, message, extra);
  }

  #log(line: string): void {
    this.#cfg.stderr(`corral task worker ${this.#workerId} (pid ${this.#cfg.pid}): ${line}\n`);
  }

  /** A timer cleared on exit; unref'd unless the process must wait for it. */
  #timer(ms: number, fn: () => void, ref = false): NodeJS.Timeout {
    const t = setTimeout(() => {
      this.#timers.delete(t);
      fn();
    }, ms);
    if (!ref) t.unref();
    this.#timers.add(t);
    return t;
  }

  /** The single way out; `flush` waits briefly for the last frames to leave. */
  #terminate(code: number, flush: boolean, why?: Error): void {
    if (this.#phase === 'exited') return;
    this.#phase = 'exited';
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    this.#heartbeats.stop();
    this.#jobs.abandonAll('the worker is exiting');
    if (this.#cfg.signals) for (const [sig, fn] of Object.entries(this.#signalHandlers)) this.#cfg.signals.off(sig as SignalName, fn);
    this.#welcome?.reject(why ?? new Error('the worker ended before it was welcomed'));
    this.#link.close(flush, () => this.#cfg.exit(code));
  }
}
