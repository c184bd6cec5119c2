// The worker side of the protocol: handshake, heartbeats, the accept
// strategy, drain and stop (spec.md sections 5-8).
//
//   worker                         arbiter
//     Hello ───────────────────────►
//           ◄─────────────────────── Welcome   (or Error VERSION_MISMATCH, fatal)
//     Ready ───────────────────────►
//     Heartbeat (every interval) ──►
//           ◄─────────────────────── AcceptGrant / Drain / Stop
//     AcceptDone / HandoffAck ─────►
//     Goodbye ─────────────────────► then exit 0
//
// Exit codes: 0 after a drain or stop (and when the control channel closes
// while draining or stopping), 1 when the arbiter goes away otherwise,
// 3 when the environment or the handshake fails.
import type * as net from 'node:net';
import type { Duplex } from 'node:stream';
import { Channel } from '../transport/channel.js';
import { corral, decodeMessage, validate, type Message, type OutMessage } from '../protocol/codec.js';
import { DEFAULT_HEARTBEAT_INTERVAL_MS, DEFAULT_MAX_FRAME_BYTES, FEATURE, HARD_MAX_FRAME_BYTES, PROTOCOL_VERSION } from '../protocol/limits.js';
import { EXIT, strategyFromWire, type StrategyName, type WorkerEnvironment } from '../transport/process-state.js';
import { ConnectionTracker, type SocketFactory } from './load.js';
import { HandoffAcceptor, LeaseAcceptor, PollAcceptor, type Acceptor, type AcceptorHost } from './acceptors.js';
import type { NativeDeps } from './native-deps.js';

const { ErrorCode, GoodbyeReason, WorkerKind } = corral.v1;

export const WORKER_FEATURES = [
  FEATURE.ACCEPT_ARBITER,
  FEATURE.ACCEPT_SHARED,
  FEATURE.ACCEPT_EXCLUSIVE,
  FEATURE.ACCEPT_REUSEPORT,
  FEATURE.ACCEPT_HANDOFF,
  FEATURE.LOAD_REPORT,
];

/** The worker's part of the handshake (Hello.max_frame_bytes). */
export const WORKER_MAX_FRAME_BYTES = DEFAULT_MAX_FRAME_BYTES;

type SignalName = 'SIGTERM' | 'SIGINT' | 'SIGQUIT';

/** Where signals come from: `process`, or an emitter in tests. */
export interface SignalSource {
  on(event: SignalName, listener: () => void): unknown;
  off(event: SignalName, listener: () => void): unknown;
}

export interface RuntimeConfig {
  environment: WorkerEnvironment;
  control: Duplex;
  capacity: number;
  handshakeTimeoutMs: number;
  gracefulTimeoutMs: number;
  implementation: string;
  pid: number;
  exit: (code: number) => void;
  native: NativeDeps;
  socketFactory: SocketFactory | undefined;
  signals: SignalSource | null;
  stderr: (line: string) => void;
  setTitle: boolean;
  onDrain: (() => void | Promise<void>) | undefined;
  now: () => number;
}

/** Load figures, as reported in heartbeats. */
export interface WorkerStats {
  inFlight: number;
  acceptedTotal: number;
  requestsTotal: number;
}

type Phase = 'handshake' | 'ready' | 'draining' | 'stopping' | 'exited';

export class WorkerRuntime {
  readonly #cfg: RuntimeConfig;
  readonly #channel: Channel;
  readonly #tracker: ConnectionTracker;
  #phase: Phase = 'handshake';
  #acceptor: Acceptor | undefined;
  #strategy: StrategyName;
  #workerId: number;
  #capacity: number;
  #timers = new Set<NodeJS.Timeout>();
  #heartbeat: NodeJS.Timeout | undefined;
  #failure: Error | undefined;
  #handshakeTimer: NodeJS.Timeout | undefined;
  #drainHookDone = false;
  #settle: { resolve: () => void; reject: (err: Error) => void } | undefined;
  readonly #signalHandlers = {
    SIGTERM: () => this.drain(this.#cfg.gracefulTimeoutMs),
    SIGINT: () => this.stop('SIGINT'),
    SIGQUIT: () => this.stop('SIGQUIT'),
  };

  constructor(server: net.Server, cfg: RuntimeConfig) {
    this.#cfg = cfg;
    this.#strategy = cfg.environment.strategy;
    this.#workerId = cfg.environment.workerId;
    this.#capacity = cfg.capacity;
    this.#channel = new Channel(cfg.control, { maxFrameBytes: WORKER_MAX_FRAME_BYTES });
    this.#tracker = new ConnectionTracker(server, {
      ...(cfg.socketFactory ? { socketFactory: cfg.socketFactory } : {}),
      onRelease: () => {
        this.#acceptor?.loadChanged();
        this.#checkDrained();
      },
      onError: (err) => this.#log(`could not hand a connection to the server: ${err.message}`),
    });
  }

  get phase(): Phase {
    return this.#phase;
  }

  get workerId(): number {
    return this.#workerId;
  }

  get strategy(): StrategyName {
    return this.#strategy;
  }

  get stats(): WorkerStats {
    return { inFlight: this.#tracker.inFlight, acceptedTotal: this.#tracker.acceptedTotal, requestsTotal: this.#tracker.requestsTotal };
  }

  /** Runs the handshake; resolves once Ready is sent, rejects after a boot failure (exit 3). */
  start(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#settle = { resolve, reject };
      const ch = this.#channel;
      ch.on('message', (m) => this.#onMessage(m));
      ch.on('failed', (err) => {
        this.#failure = err;
      });
      ch.on('close', () => this.#onClose());
      if (this.#cfg.signals) for (const [sig, fn] of Object.entries(this.#signalHandlers)) this.#cfg.signals.on(sig as SignalName, fn);
      // Ref'd: until Welcome the process has nothing else to wait for.
      this.#handshakeTimer = this.#timer(this.#cfg.handshakeTimeoutMs, () => {
        if (this.#phase === 'handshake') this.#bootFail(`no Welcome from the arbiter within ${this.#cfg.handshakeTimeoutMs} ms`);
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
    });
  }

  /** Graceful stop: release grants, stop accepting, finish in-flight connections, Goodbye, exit 0. */
  drain(deadlineMs: number): void {
    if (this.#phase === 'handshake') {
      // Nothing accepted yet, and no Welcome to say Goodbye after.
      this.#terminate(EXIT.ok, false);
      return;
    }
    if (this.#phase !== 'ready') return;
    this.#phase = 'draining';
    this.#acceptor?.drain();
    this.#tracker.beginDrain();
    // Connections accepted just before the drain whose first request has
    // not arrived: give it a moment, then treat them as idle too.
    const freshGrace = deadlineMs > 0 ? Math.min(1000, deadlineMs / 2) : 1000;
    this.#timer(freshGrace, () => this.#tracker.closeIdle(true));
    if (deadlineMs > 0) {
      // Goodbye must be on the wire before the arbiter's kill at deadlineMs.
      const margin = Math.min(500, deadlineMs / 10);
      this.#timer(Math.max(0, deadlineMs - margin), () => {
        if (this.#phase === 'draining') this.#finishDrain(`deadline passed with ${this.#tracker.inFlight} connections in flight`);
      });
    }
    const hook = this.#cfg.onDrain;
    Promise.resolve()
      .then(() => hook?.())
      .catch((err: unknown) => this.#log(`onDrain failed: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        this.#drainHookDone = true;
        this.#checkDrained();
      });
  }

  /** Immediate stop: Goodbye (best effort) and exit 0. */
  stop(detail = ''): void {
    if (this.#phase === 'exited' || this.#phase === 'stopping') return;
    if (this.#phase === 'handshake') {
      this.#terminate(EXIT.ok, false);
      return;
    }
    this.#phase = 'stopping';
    this.#acceptor?.drain();
    this.#send({ kind: 'goodbye', body: { reason: GoodbyeReason.GOODBYE_REASON_STOPPED, detail, acceptedTotal: this.#tracker.acceptedTotal } });
    this.#terminate(EXIT.ok, false);
  }

  #onMessage(m: Message): void {
    if (this.#phase === 'exited') return;
    if (this.#phase === 'handshake') {
      this.#onHandshakeMessage(m);
      return;
    }
    switch (m.kind) {
      case 'acceptGrant':
        if (this.#acceptor instanceof LeaseAcceptor) this.#acceptor.grant(m.body);
        else {
          this.#sendError(ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, `AcceptGrant in the ${this.#strategy} strategy`);
          this.#send({ kind: 'acceptDone', body: { grantId: m.body.grantId, listener: m.body.listener, inFlight: this.#tracker.inFlight, reason: corral.v1.ReleaseReason.RELEASE_REASON_ERROR } });
        }
        return;
      case 'drain':
        this.drain(m.body.deadlineMs);
        return;
      case 'stop':
        this.stop(m.body.reason);
        return;
      case 'error':
        this.#log(`arbiter reported error ${m.body.code}${m.body.fatal ? ' (fatal)' : ''}: ${m.body.message}`);
        return;
      default:
        // Not an arbiter-to-socket-worker message. Not fatal: the channel
        // itself is sound, the peer is confused about this one frame.
        this.#sendError(ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, `unexpected ${m.kind} message from the arbiter`);
    }
  }

  #onHandshakeMessage(m: Message): void {
    if (m.kind === 'welcome') {
      try {
        validate(m);
      } catch (err) {
        this.#sendError(ErrorCode.ERROR_CODE_INVALID_FIELD, (err as Error).message, true);
        this.#bootFail(`the arbiter sent an invalid Welcome: ${(err as Error).message}`);
        return;
      }
      this.#onWelcome(m.body);
      return;
    }
    if (m.kind === 'error') {
      if (m.body.fatal || m.body.code === ErrorCode.ERROR_CODE_VERSION_MISMATCH) {
        this.#bootFail(`the arbiter refused the handshake: error ${m.body.code}: ${m.body.message}`);
      } else {
        this.#log(`arbiter reported error ${m.body.code}: ${m.body.message}`);
      }
      return;
    }
    this.#sendError(ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, `${m.kind} before Welcome`, true);
    this.#bootFail(`the arbiter sent ${m.kind} before Welcome`);
  }

  #onWelcome(w: corral.v1.Welcome): void {
    const major = w.version?.major ?? 0;
    if (major !== PROTOCOL_VERSION.major) {
      this.#sendError(ErrorCode.ERROR_CODE_VERSION_MISMATCH, `Welcome chose version ${major}.${w.version?.minor ?? 0}; this worker speaks ${PROTOCOL_VERSION.major}.${PROTOCOL_VERSION.minor}`, true);
      this.#bootFail(`the arbiter chose protocol version ${major}, which this worker does not speak`);
      return;
    }
    // The negotiated limit can only be lower than what we offered.
    const limit = w.maxFrameBytes > 0 ? w.maxFrameBytes : DEFAULT_MAX_FRAME_BYTES;
    this.#channel.maxFrameBytes = Math.min(limit, WORKER_MAX_FRAME_BYTES, HARD_MAX_FRAME_BYTES);
    const chosen = strategyFromWire(w.strategy);
    if (chosen && chosen !== this.#strategy) {
      this.#log(`Welcome says strategy ${chosen}, CORRAL_ACCEPT said ${this.#strategy}; using ${chosen}`);
      this.#strategy = chosen;
    }
    if (this.#strategy === 'handoff' && this.#cfg.environment.handoffFd === undefined) {
      this.#bootFail('the handoff strategy needs CORRAL_HANDOFF_FD, which is not set');
      return;
    }
    if (this.#handshakeTimer) {
      clearTimeout(this.#handshakeTimer);
      this.#timers.delete(this.#handshakeTimer);
    }
    if (w.workerId > 0) this.#workerId = w.workerId;
    if (this.#cfg.setTitle) process.title = `corral worker ${this.#workerId}`;
    this.#phase = 'ready';
    this.#acceptor = this.#makeAcceptor();
    this.#send({ kind: 'ready', body: { capacity: this.#capacity } });
    this.#acceptor.start();
    const every = w.heartbeatIntervalMs > 0 ? w.heartbeatIntervalMs : DEFAULT_HEARTBEAT_INTERVAL_MS;
    this.#heartbeat = setInterval(() => this.#sendHeartbeat(), every);
    this.#heartbeat.unref();
    this.#settle?.resolve();
  }

  #makeAcceptor(): Acceptor {
    const self = this;
    const host: AcceptorHost = {
      native: this.#cfg.native,
      listenFds: this.#cfg.environment.listenFds,
      get inFlight() {
        return self.#tracker.inFlight;
      },
      capacity: this.#capacity,
      get draining() {
        return self.#phase !== 'ready';
      },
      dispatch: (fd) => this.#dispatch(fd),
      send: (m) => this.#send(m),
      sendError: (code, message) => this.#sendError(code, message),
      log: (line) => this.#log(line),
      arbiterGone: () => this.#arbiterGone(),
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
      case 'handoff':
        return new HandoffAcceptor(host, this.#cfg.environment.handoffFd as number, (bytes) => {
          const m = decodeMessage(bytes);
          validate(m);
          return m;
        });
      case 'shared':
      case 'reuseport':
        return new PollAcceptor(host, { exclusive: false });
    }
  }

  #dispatch(fd: number): boolean {
    if (this.#tracker.dispatch(fd)) return true;
    try {
      this.#cfg.native.close(fd);
    } catch {
      // The failed socket constructor may already have closed it.
    }
    return false;
  }

  #sendHeartbeat(): void {
    const s = this.stats;
    this.#send({
      kind: 'heartbeat',
      body: { timeMs: Math.round(this.#cfg.now()), inFlight: s.inFlight, capacity: this.#capacity, acceptedTotal: s.acceptedTotal, requestsTotal: s.requestsTotal },
    });
  }

  #checkDrained(): void {
    if (this.#phase === 'draining' && this.#drainHookDone && this.#tracker.inFlight === 0) this.#finishDrain('');
  }

  #finishDrain(detail: string): void {
    this.#send({ kind: 'goodbye', body: { reason: GoodbyeReason.GOODBYE_REASON_DRAINED, detail, acceptedTotal: this.#tracker.acceptedTotal } });
    this.#terminate(EXIT.ok, true);
  }

  #onClose(): void {
    if (this.#phase === 'exited') return;
    if (this.#phase === 'handshake') {
      this.#bootFail(this.#failure ? `control channel failed during the handshake: ${this.#failure.message}` : 'the arbiter closed the control channel during the handshake');
      return;
    }
    this.#arbiterGone();
  }

  #arbiterGone(): void {
    if (this.#phase === 'exited') return;
    if (this.#phase === 'draining' || this.#phase === 'stopping') {
      this.#terminate(EXIT.ok, false);
      return;
    }
    this.#log(this.#failure ? `control channel failed: ${this.#failure.message}; arbiter went away` : 'arbiter went away');
    this.#terminate(EXIT.error, false);
  }

  #bootFail(message: string): void {
    if (this.#phase === 'exited') return;
    this.#log(message);
    this.#terminate(EXIT.bootError, false);
    this.#settle?.reject(new Error(message));
  }

  #send(m: OutMessage): void {
    this.#channel.send(m);
  }

  #sendError(code: number, message: string, fatal = false): void {
    this.#send({ kind: 'error', body: { code, message, fatal } });
    if (fatal) this.#channel.close();
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
   * and process.exit only loses it if the arbiter stopped reading.
   */
  #terminate(code: number, flush: boolean): void {
    if (this.#phase === 'exited') return;
    this.#phase = 'exited';
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#acceptor?.close();
    if (this.#cfg.signals) for (const [sig, fn] of Object.entries(this.#signalHandlers)) this.#cfg.signals.off(sig as SignalName, fn);
    this.#tracker.destroyAll();
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
