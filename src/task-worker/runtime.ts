// The task worker: the session (src/worker/session.ts: handshake,
// heartbeats, errors, drain and stop) plus its jobs (spec.md section 4.6).
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
import { corral, type Message } from '../protocol/codec.js';
import { FEATURE } from '../protocol/limits.js';
import { metaAllowed } from '../protocol/meta.js';
import { EXIT } from '../transport/process-state.js';
import { WorkerSession, type LoadFigures } from '../worker/session.js';
import type { WelcomeProblem } from '../worker/welcome.js';
import { FEATURE_OF, STOP_CLOSE_MS, TASK_FEATURES, TASK_MAX_FRAME_BYTES, type TaskRuntimeConfig } from './config.js';
import { checkTaskWelcome } from './environment.js';
import { Jobs } from './jobs.js';
import type { TaskApp } from './app.js';

export { DEFAULT_TASK_CAPACITY, TASK_FEATURES, TASK_MAX_FRAME_BYTES } from './config.js';
export type { SignalSource, TaskPhase, TaskRuntimeConfig } from './config.js';

const { ErrorCode, WorkerKind } = corral.v1;

export class TaskWorkerRuntime extends WorkerSession {
  readonly #cfg: TaskRuntimeConfig;
  readonly #jobs: Jobs;
  #apps: ReadonlyMap<string, TaskApp> = new Map();
  #maxFrameBytes = TASK_MAX_FRAME_BYTES;
  #stream = false;
  #flow = false;
  #meta = false;
  #closing = false;

  constructor(cfg: TaskRuntimeConfig) {
    super(cfg, {
      label: 'corral task worker',
      kind: WorkerKind.WORKER_KIND_TASK,
      workerId: cfg.workerId,
      features: TASK_FEATURES,
      maxFrameBytes: TASK_MAX_FRAME_BYTES,
      featureOf: FEATURE_OF,
      // No cap on what is queued for the arbiter: it is bounded by the jobs the
      // arbiter sent (one Result each; streams pause while the channel is
      // backed up), and capacity x a large result is legitimately much. No
      // flood limit either: every Execute is answered, and a busy arbiter sends
      // far more than the channel's default of frames per second.
      link: { channel: { maxFrameBytes: TASK_MAX_FRAME_BYTES, maxQueuedBytes: Number.MAX_SAFE_INTEGER, maxFramesPerWindow: 0 }, cork: true },
    });
    this.#cfg = cfg;
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
      get meta() {
        return self.#meta;
      },
      get maxFrameBytes() {
        return self.#maxFrameBytes;
      },
      now: cfg.now,
      send: (m) => this.send(m),
      backedUp: () => this.link.backedUp(),
      error: (code, message, requestId) => this.sendError(code, message, { requestId }),
      log: (line) => this.log(line),
      loadChanged: () => this.#loadChanged(),
    });
  }

  /** Jobs running now. */
  get inFlight(): number {
    return this.#jobs.running;
  }

  /** The apps are loaded and initialised: Ready [HS-8, HS-9]. False when the worker is no longer booting (it drained or ended). */
  serve(apps: ReadonlyMap<string, TaskApp>): boolean {
    if (this.phase !== 'booting') return false;
    this.#apps = apps;
    this.becomeReady();
    this.send({ kind: 'ready', body: { capacity: this.#cfg.capacity } });
    return true;
  }

  /** An app could not be loaded: Error APP_LOAD (fatal), exit 4 [HS-10, EXIT-3]. */
  appLoadFailed(message: string): void {
    if (this.phase === 'stopping') return;
    this.failAppLoad(message, 'an app failed to load');
  }

  // ---- the session's hooks --------------------------------------------------------

  protected helloFields(): { capacity: number; apps: string[] } {
    return { capacity: this.#cfg.capacity, apps: [...this.#cfg.apps] };
  }

  protected checkWelcome(w: corral.v1.Welcome): WelcomeProblem | undefined {
    return checkTaskWelcome(w, { workerId: this.#cfg.workerId, features: TASK_FEATURES, maxFrameBytes: TASK_MAX_FRAME_BYTES });
  }

  protected override welcomed(w: corral.v1.Welcome): void {
    this.#maxFrameBytes = w.maxFrameBytes;
    this.#stream = w.features.includes(FEATURE.TASKS_STREAM);
    this.#flow = w.features.includes(FEATURE.TASKS_FLOW);
    this.#meta = metaAllowed(w.version?.minor);
  }

  protected work(m: Message): boolean {
    if (m.kind !== 'execute' && m.kind !== 'cancel' && m.kind !== 'credit') return false; // HS-15: accept coordination
    // HS-13: no work before Ready.
    if (this.phase === 'booting') this.fatal(ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, `${m.kind} before Ready`);
    else if (m.kind === 'execute') this.#onExecute(m.body);
    else if (m.kind === 'cancel') this.#jobs.cancel(m.body.requestId, m.body.reason);
    else this.#jobs.credit(m.body.requestId, m.body.chunks);
    return true;
  }

  protected figures(): LoadFigures {
    const j = this.#jobs;
    return { inFlight: j.running, capacity: this.#cfg.capacity, acceptedTotal: j.startedTotal, requestsTotal: j.finishedTotal };
  }

  /** DRAIN-1..8: no new jobs (DRAIN-4); once the running ones finished, every app's close(). */
  protected drainStarted(): void {
    this.#checkDrained();
  }

  protected deadlinePassed(): string {
    const n = this.#jobs.running;
    // The jobs get no reply of their own: the arbiter answers their callers when the worker exits [TASK-20].
    this.#jobs.abandonAll('the worker\'s drain deadline passed');
    return n > 0 ? `drain deadline passed with ${n} jobs running` : 'drain deadline passed while the apps closed';
  }

  /**
   * STOP-1..3: running jobs abandoned, exit 0 once the apps' close() hooks
   * returned, which are given at most STOP_CLOSE_MS.
   */
  protected override stopped(): void {
    this.#jobs.abandonAll('the worker stopped');
    // A drain that already runs the close() hooks is not waited for again.
    if (this.#closing || ![...this.#apps.values()].some((a) => typeof a.close === 'function')) {
      this.terminate(EXIT.ok, true);
      return;
    }
    this.#closing = true;
    const cap = this.timer(STOP_CLOSE_MS, () => this.terminate(EXIT.ok, true), true);
    void this.#closeApps().then(() => {
      clearTimeout(cap);
      this.terminate(EXIT.ok, true);
    });
  }

  protected override ended(): void {
    this.#jobs.abandonAll('the worker is exiting');
  }

  // ---- jobs ------------------------------------------------------------------

  #onExecute(e: corral.v1.Execute): void {
    const id = e.requestId; // not 0 and at most 2^53-1: the channel has checked [TASK-7, MSG-7]
    if (this.#jobs.has(id)) {
      this.sendError(ErrorCode.ERROR_CODE_DUPLICATE_REQUEST, `request ${id} is already running`, { requestId: id }); // TASK-8
      return;
    }
    if (this.phase === 'draining') {
      this.sendError(ErrorCode.ERROR_CODE_TASK_OVERLOADED, 'the worker is draining', { requestId: id }); // DRAIN-4
      return;
    }
    const cap = this.#cfg.capacity;
    if (cap > 0 && this.#jobs.running >= cap) {
      this.sendError(ErrorCode.ERROR_CODE_TASK_OVERLOADED, `the worker is running ${this.#jobs.running} jobs, its capacity`, { requestId: id }); // TASK-12
      return;
    }
    this.#jobs.start(e);
  }

  #loadChanged(): void {
    // LOAD-6: early heartbeats when the capacity is reached or left.
    this.reportLoad(this.#jobs.running, this.#cfg.capacity);
    this.#checkDrained();
  }

  #checkDrained(): void {
    if (this.phase !== 'draining' || this.#closing || this.#jobs.running > 0) return;
    this.#closing = true;
    void this.#closeApps().then(() => {
      if (this.phase === 'draining') this.finishDrain('');
    });
  }

  /** Every app's close(), in turn; a failure is logged and the others still close. */
  async #closeApps(): Promise<void> {
    for (const [name, app] of this.#apps) {
      if (typeof app.close !== 'function') continue;
      try {
        await app.close();
      } catch (err) {
        this.log(`app ${name}: close() failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}
