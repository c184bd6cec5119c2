// The socket worker: the session (session.ts: handshake, heartbeats, errors,
// drain and stop) plus what it serves, connections taken by an accept
// strategy (spec.md sections 5-8), and its calls to task workers (4.7).
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
import { corral, type Message, type MessageKind } from '../protocol/codec.js';
import { CorralError } from '../protocol/errors.js';
import { FEATURE } from '../protocol/limits.js';
import { metaAllowed } from '../protocol/meta.js';
import { emptyLatencyCounts } from '../protocol/load-counts.js';
import type { StrategyName } from '../transport/process-state.js';
import { ConnectionTracker, type ConnectionKind } from './load.js';
import { LeaseAcceptor, PollAcceptor, type Acceptor, type AcceptorHost } from './acceptors.js';
import { HandoffAcceptor } from './handoff.js';
import { WorkerSession, type LoadFigures } from './session.js';
import { checkWelcome, type WelcomeProblem } from './welcome.js';
import { TaskClient } from '../tasks/client.js';
import { WORKER_FEATURES, WORKER_MAX_FRAME_BYTES, type RuntimeConfig, type ServeConfig, type WorkerStats } from './config.js';

export { WORKER_FEATURES, WORKER_MAX_FRAME_BYTES } from './config.js';
export type { Phase, RuntimeConfig, ServeConfig, SignalSource, WorkerStats } from './config.js';

const { ErrorCode, WorkerKind } = corral.v1;

/** Messages that belong to an optional feature [ERR-18]. */
const FEATURE_OF: Partial<Record<MessageKind, string>> = {
  acceptGrant: FEATURE.ACCEPT_ARBITER,
  acceptRevoke: FEATURE.ACCEPT_REVOKE,
  handoff: FEATURE.ACCEPT_HANDOFF,
  execute: FEATURE.TASKS,
  cancel: FEATURE.TASKS,
};

/** latency_counts before the application serves (heartbeats while it loads). */
const ZERO_LATENCY: readonly number[] = Object.freeze(emptyLatencyCounts());

/** Bytes of job payloads a calling worker may have queued for the arbiter. */
const CALLER_QUEUE_BYTES = 256 * 1024 * 1024;

export class WorkerRuntime extends WorkerSession {
  readonly #cfg: RuntimeConfig;
  #tracker: ConnectionTracker | undefined;
  #acceptor: Acceptor | undefined;
  readonly #strategy: StrategyName;
  #capacity: number;
  #onDrain: (() => void | Promise<void>) | undefined;
  /** Calls to task workers through the arbiter (tasks.call), once Ready. */
  #tasks: TaskClient | undefined;
  #drainHookDone = false;
  /** serve() called before Welcome: Ready goes out the moment Welcome is accepted. */
  #serveOnWelcome: { sc: ServeConfig; resolve: () => void; reject: (err: Error) => void } | undefined;

  constructor(cfg: RuntimeConfig) {
    super(cfg, {
      label: 'corral worker',
      kind: WorkerKind.WORKER_KIND_SOCKET,
      workerId: cfg.environment.workerId,
      features: WORKER_FEATURES,
      maxFrameBytes: WORKER_MAX_FRAME_BYTES,
      featureOf: FEATURE_OF,
      link: { channel: { maxFrameBytes: WORKER_MAX_FRAME_BYTES }, cork: false },
    });
    this.#cfg = cfg;
    this.#strategy = cfg.environment.strategy;
    this.#capacity = cfg.capacity;
  }

  /** The caller of task jobs (section 4.7), once Ready, when the arbiter offered tasks.call. */
  get tasks(): TaskClient | undefined {
    return this.#tasks;
  }

  get strategy(): StrategyName {
    return this.#strategy;
  }

  get stats(): WorkerStats {
    const t = this.#tracker;
    return {
      inFlight: t?.inFlight ?? 0, acceptedTotal: t?.acceptedTotal ?? 0, requestsTotal: t?.requestsTotal ?? 0,
      wakeupsTotal: this.#acceptor?.wakeups ?? 0, latencyCounts: t ? t.latencyCounts.slice() : emptyLatencyCounts(),
    };
  }

  /**
   * The application is loaded: sends Ready and starts taking connections,
   * at once when welcomed, else right when Welcome is accepted (so that a
   * frame arriving in the same read as Welcome finds the worker ready).
   * Rejects when the worker ends first, or has already been served.
   */
  serve(sc: ServeConfig): Promise<void> {
    if (this.phase === 'hello' && !this.#serveOnWelcome) {
      return new Promise<void>((resolve, reject) => {
        this.#serveOnWelcome = { sc, resolve, reject };
      });
    }
    if (this.phase !== 'booting') return Promise.reject(new Error(`the worker cannot start serving: it is ${this.phase === 'hello' ? 'already being served' : this.phase}`));
    this.#startServing(sc);
    return Promise.resolve();
  }

  /**
   * The application could not be loaded: Error APP_LOAD (fatal), exit 4
   * [HS-10, EXIT-3] (1 if Ready was already sent [EXIT-5]).
   */
  appLoadFailed(message: string): void {
    this.failAppLoad(message, 'the application failed to load');
  }

  #startServing(sc: ServeConfig): void {
    this.#capacity = sc.capacity;
    this.#onDrain = sc.onDrain;
    this.#tracker = new ConnectionTracker(sc.server, {
      ...(sc.socketFactory ? { socketFactory: sc.socketFactory } : {}),
      ...(sc.accessLog ? { onRequest: sc.accessLog.onRequest } : {}),
      now: this.#cfg.now,
      onRelease: () => {
        this.#acceptor?.loadChanged();
        this.#loadChanged();
        this.#checkDrained();
      },
      onError: (err) => this.log(`could not hand a connection to the server: ${err.message}`),
    });
    this.becomeReady();
    this.#acceptor = this.#makeAcceptor();
    this.send({ kind: 'ready', body: { capacity: this.#capacity } }); // HS-8, HS-9
    // CALL-11: jobs only after Ready.
    if (this.negotiated(FEATURE.TASKS_CALL)) {
      // Results of its own calls are answers, however many; their payloads may queue up.
      this.link.channel.setLimits({ maxFramesPerWindow: 0, maxQueuedBytes: CALLER_QUEUE_BYTES });
      this.#tasks = new TaskClient({ send: (m) => this.send(m) }, {
        flow: this.negotiated(FEATURE.TASKS_FLOW), meta: metaAllowed(this.version.minor), maxFrameBytes: this.link.channel.maxFrameBytes,
      });
    }
    // ACCEPT-2: no listener joins the poll set before Ready has left.
    this.afterFlush((flushed) => {
      if (flushed && (this.phase === 'ready' || this.phase === 'draining')) this.#acceptor?.start();
    });
  }

  // ---- the session's hooks --------------------------------------------------------

  protected helloFields(): { capacity: number } {
    return { capacity: this.#capacity };
  }

  protected checkWelcome(w: corral.v1.Welcome): WelcomeProblem | undefined {
    return checkWelcome(w, { environment: this.#cfg.environment, features: WORKER_FEATURES, maxFrameBytes: WORKER_MAX_FRAME_BYTES });
  }

  protected override welcomed(): void {
    if (this.#cfg.setTitle) process.title = `corral worker ${this.workerId}`;
    const pending = this.#serveOnWelcome;
    this.#serveOnWelcome = undefined;
    if (pending) {
      this.#startServing(pending.sc);
      pending.resolve();
    }
  }

  protected override reply(m: Message): boolean {
    if (m.kind === 'result' || m.kind === 'chunk' || m.kind === 'end' || (m.kind === 'error' && m.body.requestId !== 0 && !m.body.fatal)) {
      // A reply to one of our calls; one for a call already settled (aborted) is dropped (TASK-18).
      if (this.#tasks) this.#tasks.receive(m);
      else if (m.kind !== 'error') this.sendError(ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, `${m.kind} belongs to feature tasks.call, which was not negotiated`);
      return true;
    }
    return false;
  }

  protected work(m: Message): boolean {
    if (m.kind === 'acceptGrant') {
      if (this.phase === 'booting') this.fatal(ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, 'AcceptGrant before Ready'); // HS-13
      else if (this.#acceptor instanceof LeaseAcceptor) this.#acceptor.grant(m.body);
      else this.fatal(ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, `AcceptGrant in the ${this.#strategy} strategy`);
      return true;
    }
    if (m.kind === 'acceptRevoke') {
      // ACCEPT-43: before Ready no grant can be held, so there is nothing to revoke.
      if (this.#acceptor instanceof LeaseAcceptor) this.#acceptor.revoke(m.body);
      return true;
    }
    // HS-15: a handoff on the control channel.
    return false;
  }

  protected figures(): LoadFigures {
    const t = this.#tracker;
    // The tracker's own list: the session copies it into the Heartbeat.
    return {
      inFlight: t?.inFlight ?? 0, capacity: this.#capacity, acceptedTotal: t?.acceptedTotal ?? 0, requestsTotal: t?.requestsTotal ?? 0,
      wakeupsTotal: this.#acceptor?.wakeups ?? 0, latencyCounts: t?.latencyCounts ?? ZERO_LATENCY,
    };
  }

  /** ACCEPT-19, ACCEPT-20: AcceptDone{DRAINING} for every grant. */
  protected override release(): void {
    this.#acceptor?.drain();
  }

  /** DRAIN-1..8: grants released, no more accepts, in-flight connections finish, the onDrain hook runs. */
  protected drainStarted(deadlineMs: number): void {
    this.#acceptor?.drain(); // ACCEPT-19: AcceptDone{DRAINING} for every grant
    this.#tracker?.beginDrain();
    // Connections accepted just before the drain whose first request has
    // not arrived: give it a moment, then treat them as idle too.
    const freshGrace = deadlineMs > 0 ? Math.min(1000, deadlineMs / 2) : 1000;
    this.timer(freshGrace, () => this.#tracker?.closeIdle(true));
    const hook = this.#onDrain;
    Promise.resolve()
      .then(() => hook?.())
      .catch((err: unknown) => this.log(`onDrain failed: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        this.#drainHookDone = true;
        this.#checkDrained();
      });
  }

  protected deadlinePassed(): string {
    return `drain deadline passed with ${this.#tracker?.inFlight ?? 0} connections in flight`;
  }

  protected override ended(why: Error | undefined): void {
    this.#acceptor?.close();
    this.#tracker?.destroyAll();
    this.#tasks?.close(new CorralError('CORRAL_ERR_STATE', 'the worker is exiting: its task calls cannot be answered'));
    this.#serveOnWelcome?.reject(why ?? new Error('the worker ended before it was welcomed'));
    this.#serveOnWelcome = undefined;
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
      revocable: this.negotiated(FEATURE.ACCEPT_REVOKE),
      overlap: this.negotiated(FEATURE.ACCEPT_OVERLAP),
      get draining() {
        return self.phase !== 'ready';
      },
      dispatch: (fd, listenerFd) => this.#dispatch(fd, listenerFd),
      send: (m) => this.send(m),
      sendError: (code, message, messageType) => this.sendError(code, message, messageType === undefined ? {} : { messageType }),
      fatal: (code, message) => this.fatal(code, message),
      log: (line) => this.log(line),
      arbiterGone: () => this.arbiterGone('the handoff channel was closed'),
      afterFlush: (fn) => this.afterFlush(fn),
      get maxFrameBytes() {
        return self.link.channel.maxFrameBytes;
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

  #dispatch(fd: number, listenerFd: number | undefined): boolean {
    if (this.#tracker?.dispatch(fd, listenerFd === undefined ? undefined : this.#kindOf(listenerFd))) {
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

  /** Listener fd → its family, asked once per listener. */
  readonly #kinds = new Map<number, ConnectionKind | undefined>();
  #kindOf(listenerFd: number): ConnectionKind | undefined {
    if (!this.#kinds.has(listenerFd)) this.#kinds.set(listenerFd, this.#cfg.native.listenerKind?.(listenerFd));
    return this.#kinds.get(listenerFd);
  }

  #loadChanged(): void {
    this.reportLoad(this.#tracker?.inFlight ?? 0, this.#capacity);
  }

  #checkDrained(): void {
    if (this.phase === 'draining' && this.#drainHookDone && (this.#tracker?.inFlight ?? 0) === 0) this.finishDrain('');
  }
}
