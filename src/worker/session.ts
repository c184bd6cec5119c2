// What every worker does on its control channel, whatever it serves (spec.md
// sections 5, 6, 8, 9). The socket worker (runtime.ts) and the task worker
// (src/task-worker/runtime.ts) extend it with their work.
//
//   worker                         arbiter
//     Hello ───────────────────────►                       phase 'hello' (handshake timer)
//           ◄─────────────────────── Welcome               phase 'booting': checked, heartbeats start
//     Heartbeat (every interval) ──►
//     Ready ───────────────────────►                       phase 'ready' (the runtime's serve())
//           ◄─────────────────────── work, Drain, Stop, Error
//     Goodbye ─────────────────────► then exit             phase 'draining' or 'stopping', then 'exited'
//
// Exit status [EXIT-1..5]: 0 after a drain, Stop, SIGINT/SIGQUIT, or the end
// of the control channel once welcomed; 3 when the handshake fails or a
// fatal error comes before Ready; 4 when the app fails to load; 1 for a
// fatal protocol error after Ready.
import { corral, type Message, type OutMessage } from '../protocol/codec.js';
import { CorralError, FrameTruncatedError } from '../protocol/errors.js';
import { FEATURE, PROTOCOL_VERSION } from '../protocol/limits.js';
import { loadCountsAllowed } from '../protocol/load-counts.js';
import { EXIT } from '../transport/process-state.js';
import { Heartbeats } from './heartbeats.js';
import { ControlLink, type ErrorExtra } from './link.js';
import type { WelcomeProblem } from './welcome.js';
import type { LoadFigures, Phase, SessionConfig, SessionKind, SignalName } from './config.js';

export type { LoadFigures, SessionKind } from './config.js';

const { ErrorCode, GoodbyeReason } = corral.v1;

export abstract class WorkerSession {
  readonly #cfg: SessionConfig;
  readonly #kind: SessionKind;
  protected readonly link: ControlLink;
  readonly #heartbeats: Heartbeats;
  #phase: Phase = 'hello';
  #workerId: number;
  #features: readonly string[] = [];
  #version: Readonly<{ major: number; minor: number }> = { major: 0, minor: 0 };
  #timers = new Set<NodeJS.Timeout>();
  #failure: Error | undefined;
  #handshakeTimer: NodeJS.Timeout | undefined;
  #deadline: { at: number; timer: NodeJS.Timeout } | undefined;
  #welcome: { promise: Promise<void>; resolve: () => void; reject: (err: Error) => void } | undefined;
  readonly #signalHandlers = {
    SIGTERM: () => this.drain(0), // SIG-1: as Drain{deadline_ms: 0}
    SIGINT: () => this.stop(GoodbyeReason.GOODBYE_REASON_SIGNAL, 'SIGINT'), // SIG-2
    SIGQUIT: () => this.stop(GoodbyeReason.GOODBYE_REASON_SIGNAL, 'SIGQUIT'),
  };

  constructor(cfg: SessionConfig, kind: SessionKind) {
    this.#cfg = cfg;
    this.#kind = kind;
    this.#workerId = kind.workerId;
    this.link = new ControlLink(cfg.control, kind.link);
    this.#heartbeats = new Heartbeats(() => this.#sendHeartbeat(), cfg.now);
  }

  get phase(): Phase {
    return this.#phase;
  }

  get workerId(): number {
    return this.#workerId;
  }

  /** The features both sides agreed on (empty before Welcome). */
  get features(): readonly string[] {
    return this.#features;
  }

  /** The version Welcome chose (0.0 before Welcome). */
  get version(): Readonly<{ major: number; minor: number }> {
    return this.#version;
  }

  /**
   * Sends Hello. The promise resolves once Welcome has been accepted (the
   * worker is then 'booting': heartbeating while its work loads), and rejects
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
    const ch = this.link.channel;
    ch.on('message', (m) => this.#onMessage(m));
    ch.on('failed', (err) => this.#onChannelFailed(err));
    ch.on('close', () => this.#onClose());
    if (this.#cfg.signals) for (const [sig, fn] of Object.entries(this.#signalHandlers)) this.#cfg.signals.on(sig as SignalName, fn);
    // Ref'd: until Welcome the process has nothing else to wait for [HS-7].
    this.#handshakeTimer = this.timer(this.#cfg.handshakeTimeoutMs, () => {
      if (this.#phase === 'hello') this.#bootFail(`no Welcome from the arbiter within ${this.#cfg.handshakeTimeoutMs} ms`);
    }, true);
    const k = this.#kind;
    this.send({
      kind: 'hello',
      body: {
        versions: [{ major: PROTOCOL_VERSION.major, minor: PROTOCOL_VERSION.minor }],
        kind: k.kind,
        pid: this.#cfg.pid,
        features: [...k.features],
        maxFrameBytes: k.maxFrameBytes,
        implementation: this.#cfg.implementation,
        ...this.helloFields(),
      },
    });
    return promise;
  }

  /**
   * Graceful stop [DRAIN-1..8]: the kind's drainStarted() stops new work and
   * calls finishDrain() once the running work is done. `deadlineMs` 0 = no
   * deadline of our own; a second drain keeps the earlier deadline.
   */
  drain(deadlineMs: number): void {
    switch (this.#phase) {
      case 'hello':
        // HS-5 allows no Goodbye before Welcome, and there is nothing to finish.
        this.log('asked to drain before the handshake completed; exiting');
        this.terminate(EXIT.ok, false, new Error('the worker drained before the handshake completed'));
        return;
      case 'booting':
        // DRAIN-9: no work taken yet, so the drain is complete at once.
        this.#sendGoodbye(GoodbyeReason.GOODBYE_REASON_DRAINED, 'drained before Ready');
        this.terminate(EXIT.ok, true);
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
    this.drainStarted(deadlineMs);
  }

  /** Immediate stop [STOP-1..3]: work released, Goodbye (best effort), then the kind's stopped(). */
  stop(reason: corral.v1.GoodbyeReason = GoodbyeReason.GOODBYE_REASON_STOPPED, detail = ''): void {
    if (this.#phase === 'exited' || this.#phase === 'stopping') return;
    if (this.#phase === 'hello') {
      this.terminate(EXIT.ok, false, new Error('the worker stopped before the handshake completed'));
      return;
    }
    this.#phase = 'stopping';
    this.release();
    this.#sendGoodbye(reason, detail);
    this.stopped();
  }

  // ---- what each kind adds ----------------------------------------------------

  /** Hello.capacity, and Hello.apps for a task worker. */
  protected abstract helloFields(): { capacity: number; apps?: string[] };
  protected abstract checkWelcome(w: corral.v1.Welcome): WelcomeProblem | undefined;
  /** Welcome was accepted: the phase is 'booting' and start() has resolved. */
  protected welcomed(_w: corral.v1.Welcome): void {}
  /** A message after Welcome that is a reply to the worker's own calls; true when taken. */
  protected reply(_m: Message): boolean {
    return false;
  }
  /** Work from the arbiter (its feature negotiated); false when the kind takes no such message. */
  protected abstract work(m: Message): boolean;
  protected abstract figures(): LoadFigures;
  /** Gives back what the arbiter lent (accept grants) before a fatal Error or a Goodbye. */
  protected release(): void {}
  /** The phase just became 'draining'. */
  protected abstract drainStarted(deadlineMs: number): void;
  /** The drain deadline passed: the work still running is given up; returns Goodbye.detail. */
  protected abstract deadlinePassed(): string;
  /** Goodbye{reason of stop()} has been sent: end the worker. */
  protected stopped(): void {
    this.terminate(EXIT.ok, false);
  }
  /** The worker is exiting; `why` rejects whatever still waits for Welcome. */
  protected ended(_why: Error | undefined): void {}

  // ---- for the kinds -------------------------------------------------------------

  protected negotiated(feature: string): boolean {
    return this.#features.includes(feature);
  }

  /** An app (the application, or one of the task apps) could not be loaded: Error APP_LOAD (fatal), exit 4 [HS-10, EXIT-3] (1 if Ready was already sent [EXIT-5]). */
  protected failAppLoad(message: string, goodbyeDetail: string): void {
    if (this.#phase === 'exited') return;
    this.log(message);
    const beforeReady = this.#phase === 'hello' || this.#phase === 'booting';
    this.release();
    this.sendError(ErrorCode.ERROR_CODE_APP_LOAD, message, { fatal: true });
    // HS-5: before Welcome nothing but Hello and a fatal Error.
    if (this.#phase !== 'hello') this.#sendGoodbye(GoodbyeReason.GOODBYE_REASON_ERROR, goodbyeDetail);
    this.terminate(beforeReady ? EXIT.appLoadError : EXIT.error, true, new Error(message));
  }

  /** Serving from now on: phase 'ready' (the kind sends Ready). */
  protected becomeReady(): void {
    this.#phase = 'ready';
  }

  /** LOAD-6: early heartbeats, when load-report was negotiated. */
  protected reportLoad(inFlight: number, capacity: number): void {
    if (this.negotiated(FEATURE.LOAD_REPORT)) this.#heartbeats.loadChanged(inFlight, capacity);
  }

  protected finishDrain(detail: string): void {
    this.#sendGoodbye(GoodbyeReason.GOODBYE_REASON_DRAINED, detail); // DRAIN-5
    this.terminate(EXIT.ok, true);
  }

  /** STOP-4, EXIT-1: the arbiter is gone; exit 0 at once, no Goodbye. */
  protected arbiterGone(why: string): void {
    if (this.#phase === 'exited') return;
    this.log(why ? `${why}; arbiter went away` : 'arbiter went away');
    this.terminate(EXIT.ok, false, new Error('the arbiter went away'));
  }

  /**
   * A fatal error this side detected [ERR-5, ERR-10]: work released,
   * Error{fatal}, Goodbye{ERROR} (not before Welcome [HS-5]), close, exit 3
   * before Ready and 1 after [EXIT-2, EXIT-4].
   */
  protected fatal(code: number, message: string): void {
    if (this.#phase === 'exited') return;
    const beforeReady = this.#phase === 'hello' || this.#phase === 'booting';
    this.log(`fatal: ${message}`);
    this.release();
    this.sendError(code, message, { fatal: true });
    if (this.#phase !== 'hello') this.#sendGoodbye(GoodbyeReason.GOODBYE_REASON_ERROR, message);
    this.terminate(beforeReady ? EXIT.bootError : EXIT.error, true, new Error(message));
  }

  protected send(m: OutMessage): void {
    // Nothing after Goodbye or once the worker is on its way out [EXIT-7].
    if (this.#phase === 'exited') return;
    this.link.send(m);
  }

  protected sendError(code: number, message: string, extra: ErrorExtra = {}): void {
    if (this.#phase !== 'exited') this.link.sendError(code, message, extra);
  }

  /** `fn(true)` once everything sent so far has reached the kernel, `fn(false)` when the worker ends first. */
  protected afterFlush(fn: (flushed: boolean) => void): void {
    this.link.afterFlush(fn, () => this.#phase === 'exited');
  }

  protected log(line: string): void {
    this.#cfg.stderr(`${this.#kind.label} ${this.#workerId} (pid ${this.#cfg.pid}): ${line}\n`);
  }

  /** A timer cleared on exit; unref'd unless the process must wait for it. */
  protected timer(ms: number, fn: () => void, ref = false): NodeJS.Timeout {
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
  protected terminate(code: number, flush: boolean, why?: Error): void {
    if (this.#phase === 'exited') return;
    this.#phase = 'exited';
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    this.#heartbeats.stop();
    if (this.#cfg.signals) for (const [sig, fn] of Object.entries(this.#signalHandlers)) this.#cfg.signals.off(sig as SignalName, fn);
    this.#welcome?.reject(why ?? new Error('the worker ended before it was welcomed'));
    this.ended(why);
    this.link.close(flush, () => this.#cfg.exit(code));
  }

  // ---- messages ------------------------------------------------------------

  #onMessage(m: Message): void {
    if (this.#phase === 'exited' || this.#phase === 'stopping') return;
    if (this.#phase === 'hello') {
      if (m.kind === 'welcome') {
        this.link.channel.handshaking = false;
        this.#onWelcome(m.body);
      } else if (m.kind === 'error') this.#onError(m.body);
      else this.fatal(ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, `${m.kind} before Welcome`); // HS-6
      return;
    }
    if (this.reply(m)) return;
    if (m.kind === 'error') {
      this.#onError(m.body);
      return;
    }
    const feature = this.#kind.featureOf[m.kind];
    if (feature !== undefined && !this.negotiated(feature)) {
      // ERR-18: answered, not fatal, otherwise ignored.
      this.sendError(ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, `${m.kind} belongs to feature ${feature}, which was not negotiated`);
      return;
    }
    if (m.kind === 'drain') this.drain(m.body.deadlineMs);
    else if (m.kind === 'stop') this.stop(GoodbyeReason.GOODBYE_REASON_STOPPED, m.body.reason);
    // HS-14, HS-15: a second Welcome, a worker-to-arbiter message, a message of the other kind of worker.
    else if (!this.work(m)) this.fatal(ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, `unexpected ${m.kind} from the arbiter`);
  }

  /** ERR-6, ERR-7, ERR-8, ERR-9: fatal by the flag alone; never answered. */
  #onError(e: corral.v1.Error): void {
    const text = `the arbiter reported error ${e.code}${e.fatal ? ' (fatal)' : ''}: ${e.message}`;
    if (!e.fatal) {
      this.log(text);
      return;
    }
    if (this.#phase === 'hello') {
      this.#bootFail(`the arbiter refused the handshake: error ${e.code}: ${e.message}`);
      return;
    }
    this.log(`${text}; closing`);
    // The arbiter closes the channel after a fatal Error: nothing more is sent.
    this.terminate(this.#phase === 'booting' ? EXIT.bootError : EXIT.error, false, new Error(text));
  }

  #onWelcome(w: corral.v1.Welcome): void {
    const problem = this.checkWelcome(w);
    if (problem) {
      this.fatal(problem.code, problem.message);
      return;
    }
    if (this.#handshakeTimer) {
      clearTimeout(this.#handshakeTimer);
      this.#timers.delete(this.#handshakeTimer);
    }
    this.link.channel.maxFrameBytes = w.maxFrameBytes; // NEG-15
    this.#workerId = w.workerId;
    this.#features = [...w.features];
    this.#version = { major: w.version?.major ?? 0, minor: w.version?.minor ?? 0 };
    this.#phase = 'booting';
    // LIVE-3, LIVE-4: heartbeats from Welcome on, so work that takes a while
    // to load is not taken for a stuck worker; LIVE-1 after Ready.
    this.#heartbeats.start(w.heartbeatIntervalMs);
    this.#welcome?.resolve();
    this.welcomed(w);
  }

  #sendHeartbeat(): void {
    // After Goodbye nothing may follow (EXIT-7), though a task worker's
    // close() hooks keep the process up to a second after a Stop.
    if (this.#phase === 'stopping' || this.#phase === 'exited') return;
    const f = this.figures();
    const body: corral.v1.IHeartbeat = { timeMs: Math.max(0, Math.round(this.#cfg.now())), inFlight: f.inFlight, capacity: f.capacity, acceptedTotal: f.acceptedTotal, requestsTotal: f.requestsTotal };
    // Since 1.4, and only when 1.4 was negotiated [COMPAT-8]; a copy, as the
    // frame may be encoded after more requests have been counted.
    if (loadCountsAllowed(this.#version.minor)) {
      if (f.wakeupsTotal !== undefined) body.wakeupsTotal = f.wakeupsTotal;
      if (f.latencyCounts !== undefined) body.latencyCounts = f.latencyCounts.slice();
    }
    this.send({ kind: 'heartbeat', body });
  }

  #sendGoodbye(reason: corral.v1.GoodbyeReason, detail: string): void {
    this.send({ kind: 'goodbye', body: { reason, detail, acceptedTotal: this.figures().acceptedTotal } });
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
    const timer = this.timer(Math.max(0, deadlineMs - margin), () => {
      if (this.#phase === 'draining') this.finishDrain(this.deadlinePassed());
    });
    this.#deadline = { at, timer };
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
    this.link.sendAfterFailure({ kind: 'goodbye', body: { reason: GoodbyeReason.GOODBYE_REASON_ERROR, detail: err.message, acceptedTotal: this.figures().acceptedTotal } });
  }

  #onClose(): void {
    if (this.#phase === 'exited') return;
    const err = this.#failure;
    if (err instanceof CorralError && !(err instanceof FrameTruncatedError)) {
      // A fatal protocol error this side detected [EXIT-4, EXIT-2].
      const beforeReady = this.#phase === 'hello' || this.#phase === 'booting';
      this.log(`fatal protocol error on the control channel: ${err.code}: ${err.message}`);
      this.terminate(beforeReady ? EXIT.bootError : EXIT.error, false, err);
      return;
    }
    if (this.#phase === 'hello') {
      this.#bootFail(err ? `control channel failed during the handshake: ${err.message}` : 'the arbiter closed the control channel during the handshake');
      return;
    }
    this.arbiterGone(err ? `control channel failed: ${err.message}` : '');
  }

  #bootFail(message: string): void {
    if (this.#phase === 'exited') return;
    this.log(message);
    this.terminate(EXIT.bootError, false, new Error(message));
  }
}
