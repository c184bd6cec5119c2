// The worker side of the protocol: handshake, heartbeats, the accept
// strategy, drain and stop (spec.md sections 5-8).
//
//   worker                         arbiter
//     Hello ───────────────────────►                       phase 'hello'
//           ◄─────────────────────── Welcome               phase 'booting' (the app may still load)
//     Heartbeat (every interval) ──►
//     Ready ───────────────────────►                       phase 'ready'
//           ◄─────────────────────── AcceptGrant / Drain / Stop
//     AcceptDone / HandoffAck ─────►
//     Goodbye ─────────────────────► then exit 0
//
// Exit status [EXIT-1..5]: 0 after a drain, Stop, SIGINT/SIGQUIT, or the end
// of the control (or handoff) channel once welcomed; 3 when the handshake
// fails or a fatal error comes before Ready; 4 when the app fails to load;
// 1 for a fatal protocol error after Ready.
import { Channel } from '../transport/channel.js';
import { corral, encodeFrame, type Message, type MessageKind, type OutMessage } from '../protocol/codec.js';
import { CorralError, FrameTruncatedError } from '../protocol/errors.js';
import { FEATURE, PROTOCOL_VERSION } from '../protocol/limits.js';
import { EXIT, type StrategyName } from '../transport/process-state.js';
import { ConnectionTracker } from './load.js';
import { LeaseAcceptor, PollAcceptor, type Acceptor, type AcceptorHost } from './acceptors.js';
import { HandoffAcceptor } from './handoff.js';
import { Heartbeats } from './heartbeats.js';
import { checkWelcome } from './welcome.js';
import { TaskClient } from '../tasks/client.js';
import { WORKER_FEATURES, WORKER_MAX_FRAME_BYTES, type Phase, type RuntimeConfig, type ServeConfig, type SignalName, type WorkerStats } from './config.js';

export { WORKER_FEATURES, WORKER_MAX_FRAME_BYTES } from './config.js';
export type { Phase, RuntimeConfig, ServeConfig, SignalSource, WorkerStats } from './config.js';

const { ErrorCode, GoodbyeReason, WorkerKind } = corral.v1;

/** Messages that belong to an optional feature [ERR-18]. */
const FEATURE_OF: Partial<Record<MessageKind, string>> = {
  acceptGrant: FEATURE.ACCEPT_ARBITER,
  acceptRevoke: FEATURE.ACCEPT_REVOKE,
  handoff: FEATURE.ACCEPT_HANDOFF,
  execute: FEATURE.TASKS,
  cancel: FEATURE.TASKS,
};

/** Bytes of job payloads a calling worker may have queued for the arbiter. */
const CALLER_QUEUE_BYTES = 256 * 1024 * 1024;

/** Longest Error.message sent, in UTF-16 units; stays below ERR-2's 1024 octets of UTF-8 for any text. */
const MAX_ERROR_TEXT = 340;

export class WorkerRuntime {
  readonly #cfg: RuntimeConfig;
  readonly #channel: Channel;
  #tracker: ConnectionTracker | undefined;
  #phase: Phase = 'hello';
  #acceptor: Acceptor | undefined;
  readonly #strategy: StrategyName;
  #workerId: number;
  #capacity: number;
  #features: readonly string[] = [];
  #onDrain: (() => void | Promise<void>) | undefined;
  #timers = new Set<NodeJS.Timeout>();
  readonly #heartbeats: Heartbeats;
  #failure: Error | undefined;
  /** Calls to task workers through the arbiter (tasks.call), once Ready. */
  #tasks: TaskClient | undefined;
  #handshakeTimer: NodeJS.Timeout | undefined;
  #drainHookDone = false;
  #deadline: { at: number; timer: NodeJS.Timeout } | undefined;
  #welcome: { promise: Promise<void>; resolve: () => void; reject: (err: Error) => void } | undefined;
  /** serve() called before Welcome: Ready goes out the moment Welcome is accepted. */
  #serveOnWelcome: { sc: ServeConfig; resolve: () => void; reject: (err: Error) => void } | undefined;
  readonly #signalHandlers = {
    SIGTERM: () => this.drain(0), // SIG-1: as Drain{deadline_ms: 0}
    SIGINT: () => this.stop(GoodbyeReason.GOODBYE_REASON_SIGNAL, 'SIGINT'), // SIG-2
    SIGQUIT: () => this.stop(GoodbyeReason.GOODBYE_REASON_SIGNAL, 'SIGQUIT'),
  };

  constructor(cfg: RuntimeConfig) {
    this.#cfg = cfg;
    this.#strategy = cfg.environment.strategy;
    this.#workerId = cfg.environment.workerId;
    this.#capacity = cfg.capacity;
    this.#channel = new Channel(cfg.control, { maxFrameBytes: WORKER_MAX_FRAME_BYTES });
    this.#channel.handshaking = true; // cleared by Welcome (HS-6)
    this.#heartbeats = new Heartbeats(() => this.#sendHeartbeat(), cfg.now);
  }

  get phase(): Phase {
    return this.#phase;
  }

  /** The caller of task jobs (section 4.7), once Ready, when the arbiter offered tasks.call. */
  get tasks(): TaskClient | undefined {
    return this.#tasks;
  }

  get workerId(): number {
    return this.#workerId;
  }

  get strategy(): StrategyName {
    return this.#strategy;
  }

  get stats(): WorkerStats {
    const t = this.#tracker;
    return { inFlight: t?.inFlight ?? 0, acceptedTotal: t?.acceptedTotal ?? 0, requestsTotal: t?.requestsTotal ?? 0 };
  }

  /**
   * Sends Hello. The promise resolves once Welcome has been accepted (the
   * worker is then 'booting': heartbeating, waiting for serve()), and rejects
   * when the worker ends before that (exit 3 after a failed handshake).
   */
  start(): Promise<void> {
    if (this.#welcome) return this.#welcome.promise;
    let resolve!: () => void;
    let reject!: (err: Error) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Nobody may be waiting yet (the bootstrap is still loading the app).
    promise.catch(() => {});
    this.#welcome = { promise, resolve, reject };
    const ch = this.#channel;
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
        kind: WorkerKind.WORKER_KIND_SOCKET,
        pid: this.#cfg.pid,
        features: [...WORKER_FEATURES],
        maxFrameBytes: WORKER_MAX_FRAME_BYTES,
        implementation: this.#cfg.implementation,
        capacity: this.#capacity,
      },
    });
    return promise;
  }

  /**
   * The application is loaded: sends Ready and starts taking connections,
   * at once when welcomed, else right when Welcome is accepted (so that a
   * frame arriving in the same read as Welcome finds the worker ready).
   * Rejects when the worker ends first, or has already been served.
   */
  serve(sc: ServeConfig): Promise<void> {
    if (this.#phase === 'hello' && !this.#serveOnWelcome) {
      return new Promise<void>((resolve, reject) => {
        this.#serveOnWelcome = { sc, resolve, reject };
      });
    }
    if (this.#phase !== 'booting') return Promise.reject(new Error(`the worker cannot start serving: it is ${this.#phase === 'hello' ? 'already being served' : this.#phase}`));
    this.#startServing(sc);
    return Promise.resolve();
  }

  #startServing(sc: ServeConfig): void {
    this.#capacity = sc.capacity;
    this.#onDrain = sc.onDrain;
    this.#tracker = new ConnectionTracker(sc.server, {
      ...(sc.socketFactory ? { socketFactory: sc.socketFactory } : {}),
      onRelease: () => {
        this.#acceptor?.loadChanged();
        this.#loadChanged();
        this.#checkDrained();
      },
      onError: (err) => this.#log(`could not hand a connection to the server: ${err.message}`),
    });
    this.#phase = 'ready';
    this.#acceptor = this.#makeAcceptor();
    this.#send({ kind: 'ready', body: { capacity: this.#capacity } }); // HS-8, HS-9
    // CALL-11: jobs only after Ready.
    if (this.#features.includes(FEATURE.TASKS_CALL)) {
      // Results of its own calls are answers, however many; their payloads may queue up.
      this.#channel.setLimits({ maxFramesPerWindow: 0, maxQueuedBytes: CALLER_QUEUE_BYTES });
      this.#tasks = new TaskClient({ send: (m) => this.#send(m) }, { flow: this.#features.includes(FEATURE.TASKS_FLOW), maxFrameBytes: this.#channel.maxFrameBytes });
    }
    // ACCEPT-2: no listener joins the poll set before Ready has left.
    this.#afterFlush((flushed) => {
      if (flushed && (this.#phase === 'ready' || this.#phase === 'draining')) this.#acceptor?.start();
    });
  }

  /**
   * The application could not be loaded: Error APP_LOAD (fatal), exit 4
   * [HS-10, EXIT-3] (1 if Ready was already sent [EXIT-5]).
   */
  appLoadFailed(message: string): void {
    if (this.#phase === 'exited') return;
    this.#log(message);
    const beforeReady = this.#phase === 'hello' || this.#phase === 'booting';
    this.#acceptor?.drain();
    this.#sendError(ErrorCode.ERROR_CODE_APP_LOAD, message, { fatal: true });
    // HS-5: before Welcome nothing but Hello and a fatal Error.
    if (this.#phase !== 'hello') this.#sendGoodbye(GoodbyeReason.GOODBYE_REASON_ERROR, 'the application failed to load');
    this.#terminate(beforeReady ? EXIT.appLoadError : EXIT.error, true, new Error(message));
  }

  /**
   * Graceful stop [DRAIN-1..8]: release grants, stop accepting, finish
   * in-flight connections, Goodbye, exit 0. `deadlineMs` 0 = no deadline of
   * our own; a second drain keeps the earlier deadline.
   */
  drain(deadlineMs: number): void {
    switch (this.#phase) {
      case 'hello':
        // HS-5 allows no Goodbye before Welcome, and there is nothing to finish.
        this.#log('asked to drain before the handshake completed; exiting');
        this.#terminate(EXIT.ok, false, new Error('the worker drained before the handshake completed'));
        return;
      case 'booting':
        // DRAIN-9: no work taken yet, so the drain is complete at once.
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
    this.#acceptor?.drain(); // ACCEPT-19: AcceptDone{DRAINING} for every grant
    this.#tracker?.beginDrain();
    // Connections accepted just before the drain whose first request has
    // not arrived: give it a moment, then treat them as idle too.
    const freshGrace = deadlineMs > 0 ? Math.min(1000, deadlineMs / 2) : 1000;
    this.#timer(freshGrace, () => this.#tracker?.closeIdle(true));
    this.#setDeadline(deadlineMs);
    const hook = this.#onDrain;
    Promise.resolve()
      .then(() => hook?.())
      .catch((err: unknown) => this.#log(`onDrain failed: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        this.#drainHookDone = true;
        this.#checkDrained();
      });
  }

  /** Immediate stop [STOP-1..3]: grants released, Goodbye (best effort), exit 0. */
  stop(reason: corral.v1.GoodbyeReason = GoodbyeReason.GOODBYE_REASON_STOPPED, detail = ''): void {
    if (this.#phase === 'exited' || this.#phase === 'stopping') return;
    if (this.#phase === 'hello') {
      this.#terminate(EXIT.ok, false, new Error('the worker stopped before the handshake completed'));
      return;
    }
    this.#phase = 'stopping';
    this.#acceptor?.drain(); // ACCEPT-20
    this.#sendGoodbye(reason, detail);
    this.#terminate(EXIT.ok, false);
  }

  // ---- messages ------------------------------------------------------------

  #onMessage(m: Message): void {
    if (this.#phase === 'exited' || this.#phase === 'stopping') return;
    if (this.#phase === 'hello') {
      this.#onHandshakeMessage(m);
      return;
    }
    if (m.kind === 'result' || m.kind === 'chunk' || m.kind === 'end' || (m.kind === 'error' && m.body.requestId !== 0 && !m.body.fatal)) {
      // A reply to one of our calls; one for a call already settled (aborted) is dropped (TASK-18).
      if (this.#tasks) this.#tasks.receive(m);
      else if (m.kind !== 'error') this.#sendError(ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, `${m.kind} belongs to feature tasks.call, which was not negotiated`);
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
      case 'acceptGrant':
        if (this.#phase === 'booting') this.#fatal(ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, 'AcceptGrant before Ready'); // HS-13
        else if (this.#acceptor instanceof LeaseAcceptor) this.#acceptor.grant(m.body);
        else this.#fatal(ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, `AcceptGrant in the ${this.#strategy} strategy`);
        return;
      case 'acceptRevoke':
        // ACCEPT-43: before Ready no grant can be held, so there is nothing to revoke.
        if (this.#acceptor instanceof LeaseAcceptor) this.#acceptor.revoke(m.body);
        return;
      case 'drain':
        this.drain(m.body.deadlineMs);
        return;
      case 'stop':
        this.stop(GoodbyeReason.GOODBYE_REASON_STOPPED, m.body.reason);
        return;
      default:
        // HS-14, HS-15: a second Welcome, a worker-to-arbiter message, a
        // handoff on the control channel.
        this.#fatal(ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, `unexpected ${m.kind} from the arbiter`);
    }
  }

  #onHandshakeMessage(m: Message): void {
    if (m.kind === 'welcome') {
      this.#channel.handshaking = false;
      this.#onWelcome(m.body);
      return;
    }
    if (m.kind === 'error') {
      this.#onError(m.body);
      return;
    }
    this.#fatal(ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, `${m.kind} before Welcome`); // HS-6
  }

  /** ERR-6, ERR-7, ERR-8, ERR-9: fatal by the flag alone; never answered. */
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
    // The arbiter closes the channel after a fatal Error: nothing more is sent.
    this.#terminate(this.#phase === 'booting' ? EXIT.bootError : EXIT.error, false, new Error(text));
  }

  #onWelcome(w: corral.v1.Welcome): void {
    const problem = checkWelcome(w, { environment: this.#cfg.environment, features: WORKER_FEATURES, maxFrameBytes: WORKER_MAX_FRAME_BYTES });
    if (problem) {
      this.#fatal(problem.code, problem.message);
      return;
    }
    if (this.#handshakeTimer) {
      clearTimeout(this.#handshakeTimer);
      this.#timers.delete(this.#handshakeTimer);
    }
    this.#channel.maxFrameBytes = w.maxFrameBytes; // NEG-15
    this.#workerId = w.workerId;
    this.#features = [...w.features];
    if (this.#cfg.setTitle) process.title = `corral worker ${this.#workerId}`;
    this.#phase = 'booting';
    // LIVE-3, LIVE-4: heartbeats from Welcome on, so an app that takes a
    // while to load is not taken for a stuck worker; LIVE-1 after Ready.
    this.#heartbeats.start(w.heartbeatIntervalMs);
    this.#welcome?.resolve();
    const pending = this.#serveOnWelcome;
    this.#serveOnWelcome = undefined;
    if (pending) {
      this.#startServing(pending.sc);
      pending.resolve();
    }
  }

  // ---- serving ---------------------------------------------------------------

  #makeAcceptor(): Acceptor {
    const self = this;
    const host: AcceptorHost = {
      native: this.#cfg.native,
      listenFds: this.#cfg.environment.listenFds,
      get inFlight() {
        return self.#tracker?.inFlight ?? 0;
      },
      capacity: this.#capacity,
      revocable: this.#features.includes(FEATURE.ACCEPT_REVOKE),
      get draining() {
        return self.#phase !== 'ready';
      },
      dispatch: (fd) => this.#dispatch(fd),
      send: (m) => this.#send(m),
      sendError: (code, message, messageType) => this.#sendError(code, message, messageType === undefined ? {} : { messageType }),
      fatal: (code, message) => this.#fatal(code, message),
      log: (line) => this.#log(line),
      arbiterGone: () => this.#arbiterGone('the handoff channel was closed'),
      afterFlush: (fn) => this.#afterFlush(fn),
      get maxFrameBytes() {
        return self.#channel.maxFrameBytes;
      },
      now: this.#cfg.now,
    };
    switch (this.#strategy) {
      case 'arbiter':
        return new LeaseAcceptor(host);
      case 'exclusive':
        return new PollAcceptor(host, { exclusive: true });
      case 'reuseport':
        return new PollAcceptor(host, { exclusive: false, reuseport: true });
      case 'handoff':
        return new HandoffAcceptor(host, this.#cfg.environment.handoffFd as number);
      case 'shared':
        return new PollAcceptor(host, { exclusive: false });
    }
  }

  #dispatch(fd: number): boolean {
    if (this.#tracker?.dispatch(fd)) {
      this.#loadChanged();
      return true;
    }
    try {
      this.#cfg.native.close(fd);
    } catch {
      // The failed socket constructor may already have closed it.
    }
    return false;
  }

  /** LOAD-6: early heartbeats, when load-report was negotiated. */
  #loadChanged(): void {
    if (this.#features.includes(FEATURE.LOAD_REPORT)) this.#heartbeats.loadChanged(this.#tracker?.inFlight ?? 0, this.#capacity);
  }

  #sendHeartbeat(): void {
    const s = this.stats;
    this.#send({
      kind: 'heartbeat',
      body: { timeMs: Math.max(0, Math.round(this.#cfg.now())), inFlight: s.inFlight, capacity: this.#capacity, acceptedTotal: s.acceptedTotal, requestsTotal: s.requestsTotal },
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
      if (this.#phase === 'draining') this.#finishDrain(`drain deadline passed with ${this.#tracker?.inFlight ?? 0} connections in flight`);
    });
    this.#deadline = { at, timer };
  }

  #checkDrained(): void {
    if (this.#phase === 'draining' && this.#drainHookDone && (this.#tracker?.inFlight ?? 0) === 0) this.#finishDrain('');
  }

  #finishDrain(detail: string): void {
    this.#sendGoodbye(GoodbyeReason.GOODBYE_REASON_DRAINED, detail); // DRAIN-5
    this.#terminate(EXIT.ok, true);
  }

  #sendGoodbye(reason: corral.v1.GoodbyeReason, detail: string): void {
    this.#send({ kind: 'goodbye', body: { reason, detail, acceptedTotal: this.#tracker?.acceptedTotal ?? 0 } });
  }

  /**
   * The channel failed on its own: it has already sent Error{fatal} when the
   * failure was ours to report. ERR-10: Goodbye{ERROR} follows it, written
   * here because the channel ends the stream right after this event.
   */
  #onChannelFailed(err: Error): void {
    this.#failure = err;
    if (!(err instanceof CorralError) || err instanceof FrameTruncatedError) return;
    if (this.#phase === 'hello' || this.#phase === 'exited' || this.#phase === 'stopping') return;
    const control = this.#cfg.control;
    if (!control.writable || control.writableLength > 65536) return;
    control.write(encodeFrame({ kind: 'goodbye', body: { reason: GoodbyeReason.GOODBYE_REASON_ERROR, detail: err.message, acceptedTotal: this.stats.acceptedTotal } }));
  }

  #onClose(): void {
    if (this.#phase === 'exited') return;
    const err = this.#failure;
    if (err instanceof CorralError && !(err instanceof FrameTruncatedError)) {
      // A fatal protocol error this side detected [EXIT-4, EXIT-2].
      const beforeReady = this.#phase === 'hello' || this.#phase === 'booting';
      this.#log(`fatal protocol error on the control channel: ${err.code}: ${err.message}`);
      this.#terminate(beforeReady ? EXIT.bootError : EXIT.error, false, err);
      return;
    }
    if (this.#phase === 'hello') {
      this.#bootFail(err ? `control channel failed during the handshake: ${err.message}` : 'the arbiter closed the control channel during the handshake');
      return;
    }
    this.#arbiterGone(err ? `control channel failed: ${err.message}` : '');
  }

  /** STOP-4, EXIT-1: the arbiter is gone; exit 0 at once, no Goodbye. */
  #arbiterGone(why: string): void {
    if (this.#phase === 'exited') return;
    this.#log(why ? `${why}; arbiter went away` : 'arbiter went away');
    this.#terminate(EXIT.ok, false, new Error('the arbiter went away'));
  }

  /**
   * A fatal error this side detected [ERR-5, ERR-10]: grants released,
   * Error{fatal}, Goodbye{ERROR} (not before Welcome [HS-5]), close, exit 3
   * before Ready and 1 after [EXIT-2, EXIT-4].
   */
  #fatal(code: number, message: string): void {
    if (this.#phase === 'exited') return;
    const beforeReady = this.#phase === 'hello' || this.#phase === 'booting';
    this.#log(`fatal: ${message}`);
    this.#acceptor?.drain();
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
    // Nothing after Goodbye or once the worker is on its way out [EXIT-7].
    if (this.#phase === 'exited') return;
    this.#channel.send(m);
  }

  #sendError(code: number, message: string, extra: { fatal?: boolean; messageType?: number } = {}): void {
    const text = message.length > MAX_ERROR_TEXT ? `${message.slice(0, MAX_ERROR_TEXT - 1)}\u2026` : message;
    this.#send({ kind: 'error', body: { code, message: text, fatal: extra.fatal ?? false, messageType: extra.messageType ?? 0 } });
  }

  /**
   * Runs `fn(true)` once everything written so far has reached the kernel
   * (at once when the writes went through synchronously), or `fn(false)`
   * when the worker ends first.
   */
  #afterFlush(fn: (flushed: boolean) => void): void {
    const control = this.#cfg.control;
    if (this.#phase === 'exited' || control.destroyed) {
      fn(false);
      return;
    }
    if (control.writableLength === 0) {
      fn(true);
      return;
    }
    // An empty write completes after every write queued before it.
    control.write(Buffer.alloc(0), (err) => fn(!err && this.#phase !== 'exited'));
  }

  #log(line: string): void {
    this.#cfg.stderr(`corral worker ${this.#workerId} (pid ${this.#cfg.pid}): ${line}\n`);
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

  /**
   * The single way out. `flush` waits (briefly) for the Goodbye to leave the
   * socket; otherwise the write has been attempted synchronously by libuv
   * and process.exit only loses it if the arbiter stopped reading. `why`
   * rejects a start() still waiting for Welcome.
   */
  #terminate(code: number, flush: boolean, why?: Error): void {
    if (this.#phase === 'exited') return;
    this.#phase = 'exited';
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    this.#heartbeats.stop();
    this.#acceptor?.close();
    if (this.#cfg.signals) for (const [sig, fn] of Object.entries(this.#signalHandlers)) this.#cfg.signals.off(sig as SignalName, fn);
    this.#tracker?.destroyAll();
    this.#tasks?.close(new CorralError('CORRAL_ERR_STATE', 'the worker is exiting: its task calls cannot be answered'));
    this.#welcome?.reject(why ?? new Error('the worker ended before it was welcomed'));
    this.#serveOnWelcome?.reject(why ?? new Error('the worker ended before it was welcomed'));
    this.#serveOnWelcome = undefined;
    const control = this.#cfg.control;
    this.#channel.close();
    if (!flush || control.writableLength === 0) {
      this.#cfg.exit(code);
      return;
    }
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.#cfg.exit(code);
    };
    control.once('finish', finish);
    control.once('close', finish);
    setTimeout(finish, 500).unref();
  }
}
