// The arbiter: owns the listeners, spawns workers that inherit them,
// supervises them over the control channel, and coordinates who accepts.
//
// Supervision reads like Gunicorn's loop. Signal handlers only enqueue; the
// loop (#tick) drains the queue and runs named verbs:
//
//   handle<SIGNAL>  ->  murderStuck()  ->  manageWorkers()
//
// and process exits are reaped as they are reported (reap()). Everything that
// touches the outside world (spawning, killing, the clock) is injected, so
// the logic is tested without processes.
//
// What the verbs drive lives beside this file: spawn-worker.ts (what a worker
// inherits), worker-messages.ts (its control channel), worker-stop.ts (how
// one worker is ended) and accept.ts (who accepts, per strategy).
import { EventEmitter } from 'node:events';
import { ENV, EXIT } from '../transport/process-state.js';
import { CorralError, HandshakeTimeoutError } from '../protocol/errors.js';
import { BootGuard } from './boot-guard.js';
import { AcceptCoordination } from './accept.js';
import { HOOK_NAMES, HookRunner, type HookExit, type HookWorker } from './hooks.js';
import type { StallWatchDeps } from './lease-watch.js';
import { closeListeners, inheritedListeners, openListeners, type ListenerRecord } from './listeners.js';
import { Logger } from './log.js';
import { LogLimiter, describeSuppressed } from './log-limit.js';
import { resolveOptions, type ArbiterInput, type ArbiterOptions } from './options.js';
import { nodeSpawner, systemClock, type Clock, type Spawner, type WorkerProcess } from './spawner.js';
import { notify } from './systemd.js';
import { promoteAfterReexec, reexec, REEXEC_PARENT } from './reexec.js';
import { removePidfile, writePidfile } from './pidfile.js';
import { COUNTERS_DIR_ENV, installCounterDump } from '../transport/instrument.js';
import type { WorkerRecord } from './worker-record.js';
import { openChannel, type MessageContext } from './worker-messages.js';
import { spawnWorker } from './spawn-worker.js';
import { disconnect, endWorker, killOverdue, stopWorkerNow } from './worker-stop.js';
import { manageTaskSlots, taskCommandFor } from './task-workers.js';
import { TaskHost } from './task-host.js';
import type { CallOptions } from '../tasks/client.js';
import type { HistoryPoint } from './monitor.js';
import { PoolOperator } from './operate.js';
import { ControlServer } from './control-server.js';
import { openServices, type PoolView, type Service } from './services.js';
import type { ControlAction, ControlResult, JobList, PoolStatus, TasksStatus } from '../protocol/control.js';
import type { JobQuery } from './task-pool.js';

export type { WorkerRecord, WorkerState } from './worker-record.js';

export interface ArbiterDeps {
  spawn?: Spawner;
  clock?: Clock;
  /** Install process signal handlers (default true). */
  handleSignals?: boolean;
  logger?: Logger;
  /** Supervision loop period, ms (default 100; logic tests with a fake clock use less). */
  tickMs?: number;
  /** Open listeners (injected in logic tests, which need no sockets). */
  openListeners?: (options: ArbiterOptions) => ListenerRecord[];
  /** The stall watch's queue reads and timer (injected in logic tests; default: native.acceptQueue, real timers). */
  stallWatch?: Partial<StallWatchDeps>;
}

export interface ArbiterEvents {
  ready: [];
  'worker-ready': [HookWorker];
  'worker-exit': [HookWorker, HookExit];
  reload: [];
  exit: [number];
}

type SignalName = 'TERM' | 'INT' | 'QUIT' | 'HUP' | 'TTIN' | 'TTOU' | 'USR1' | 'USR2';
const SIGNALS: SignalName[] = ['TERM', 'INT', 'QUIT', 'HUP', 'TTIN', 'TTOU', 'USR1', 'USR2'];
const TICK_MS = 100;
/** Signals a process raises on itself when it crashes: its own failure, not a stranger's kill. */
const SELF_SIGNALS = new Set<string>(['SIGSEGV', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGILL', 'SIGSYS', 'SIGTRAP']);

export class Arbiter extends EventEmitter<ArbiterEvents> implements PoolView {
  readonly options: ArbiterOptions;
  readonly log: Logger;
  readonly #spawn: Spawner;
  readonly #clock: Clock;
  readonly #deps: ArbiterDeps;
  readonly #workers = new Map<number, WorkerRecord>();
  readonly #queue: SignalName[] = [];
  readonly #signalHandlers = new Map<NodeJS.Signals, () => void>();
  readonly #boot: BootGuard;
  readonly #hooks: HookRunner;
  /** Per-worker rate limit on the warnings a worker can cause at will. */
  readonly #noisy: LogLimiter;
  /** Who accepts: the strategy's coordinator (leases, handoffs), or nothing to do for the kernel's strategies. */
  readonly #accept: AcceptCoordination;
  /** What the per-worker helpers (message handlers, stopping one worker) may use of the arbiter. */
  readonly #workerCtx: MessageContext;
  #listeners: ListenerRecord[] = [];
  #target: number;
  #generation = 1;
  #nextId = 1;
  #timer: NodeJS.Timeout | undefined;
  #stopping: { graceful: boolean; deadline: number; code: number } | undefined;
  /** Set once the arbiter has fully stopped: nothing is ever spawned again. */
  #finished = false;
  #managing = false;
  #stopped: Promise<number> | undefined;
  #resolveStopped: ((code: number) => void) | undefined;
  #readyAnnounced = false;
  #reexecChild: WorkerProcess | undefined;
  /** The task pool and what serves it (spec.md sections 4.6, 4.7), when task apps are configured. */
  readonly #taskHost: TaskHost | undefined;
  /** Status, rates and history (sampled every sampleIntervalMs), and the control requests. */
  readonly #operator: PoolOperator;
  /** The control socket (options.controlSocket) and the HTTP services (metrics, dashboard). */
  #control: ControlServer | undefined;
  #services: Service[] = [];

  constructor(options: ArbiterInput, deps: ArbiterDeps = {}) {
    super();
    this.options = resolveOptions(options);
    // Benchmark instrumentation reaches the workers as configured environment.
    const countersDir = process.env[COUNTERS_DIR_ENV];
    if (countersDir && this.options.env[COUNTERS_DIR_ENV] === undefined) this.options.env = { ...this.options.env, [COUNTERS_DIR_ENV]: countersDir };
    this.#deps = deps;
    this.#spawn = deps.spawn ?? nodeSpawner;
    this.#clock = deps.clock ?? systemClock;
    this.log = deps.logger ?? new Logger({ level: this.options.logLevel, format: this.options.logFormat, file: this.options.logFile });
    this.#target = this.options.workers;
    this.#noisy = new LogLimiter({ burst: this.options.workerLogBurst, intervalMs: this.options.workerLogIntervalMs, now: () => this.#clock.now() });
    this.#boot = new BootGuard({ maxFailures: this.options.maxBootFailures, baseDelayMs: this.options.respawnBackoffMs, maxDelayMs: this.options.respawnBackoffMaxMs });
    this.#hooks = new HookRunner(this.options, () => ({ pid: process.pid, workers: this.#target, stats: () => this.stats(), log: (level, message) => this.log.log(level, message) }), this.log);
    this.#accept = new AcceptCoordination(this.options, {
      now: () => this.#clock.now(),
      log: this.log,
      send: (id, m) => this.#workers.get(id)?.channel?.send(m),
      stallWatch: deps.stallWatch,
    });
    if (this.options.tasks.length > 0) {
      this.#taskHost = new TaskHost(this.options, {
        now: () => this.#clock.now(),
        log: this.log,
        send: (id, m) => this.#workers.get(id)?.channel?.send(m),
        kill: (id, reason) => {
          const w = this.#workers.get(id);
          if (w) this.#retire(w, reason, 'kill', true);
        },
      });
    }
    this.#operator = new PoolOperator({
      options: this.options,
      taskHost: this.#taskHost,
      now: () => this.#clock.now(),
      generation: () => this.#generation,
      target: () => (this.options.workers === 0 ? 0 : this.#target),
      taskSlots: () => this.#taskSlots,
      listeners: () => this.addresses,
      bootFailures: () => this.#boot.failures,
      state: () => (this.#stopping || this.#finished ? 'stopping' : this.#readyAnnounced ? 'running' : 'starting'),
      workers: () => this.#workers.values(),
      setWorkers: (n) => this.setWorkers(n),
      setTaskWorkers: (n, app) => this.setTaskWorkers(n, app),
      // Carried out before the reply is sent (CTL-15): a request pipelined
      // behind one of these sees the new generation, or the pool stopping.
      reload: () => this.#handleReload(),
      stop: (graceful) => this.#beginStop(graceful, EXIT.ok),
      reopenLogs: () => this.#reopenLogs(),
    });
    this.#workerCtx = {
      tasks: this.#tasks,
      jobDone: (w) => {
        if (w.maxJobs > 0 && this.#tasks!.completed(w.id) >= w.maxJobs) setImmediate(() => this.#tick());
      },
      options: this.options,
      log: this.log,
      accept: this.#accept,
      listeners: () => this.#listeners,
      now: () => this.#clock.now(),
      markReady: (w) => this.#markReady(w),
      workerWarning: (w, text) => this.#workerWarning(w, text),
      retire: (w, reason, how) => this.#retire(w, reason, how),
    };
  }

  /** Bound addresses ("127.0.0.1:8000", "unix:/path"), once started. */
  get addresses(): string[] {
    return this.#listeners.map((l) => l.address);
  }

  get workerCount(): number {
    return this.#target;
  }

  /**
   * Binds the listeners, spawns the workers and starts supervising. Resolves
   * once the listeners are bound and the workers spawned; `ready` is emitted
   * when every worker has completed its handshake.
   */
  async start(): Promise<void> {
    if (this.#timer || this.#stopped) throw new CorralError('CORRAL_ERR_STATE', 'arbiter already started');
    await this.#hooks.run('on_starting');
    this.#operator.started();
    if (this.options.controlSocket) {
      this.#control = await ControlServer.open(this.options.controlSocket, (a) => this.control(a), this.log, undefined, { takeOver: process.env[REEXEC_PARENT] !== undefined });
      this.log.info(`corral arbiter ${process.pid}: control socket ${this.#control.path} (corral ctl --socket ${this.#control.path})`);
    }
    const open = this.#deps.openListeners ?? ((o: ArbiterOptions) => openListeners(o.bind, o.backlog, inheritedListeners(), (process.env[ENV.listenFdNames] ?? '').split(':'), o.accept === 'reuseport'));
    try {
      // A pool of task workers only binds nothing.
      this.#listeners = this.options.workers > 0 ? open(this.options) : [];
      // The metrics endpoint and the dashboard: a port in use fails the start, like a listener's.
      this.#services = await openServices(this, this.options, this.log);
    } catch (err) {
      this.#control?.close();
      closeListeners(this.#listeners, true);
      throw err;
    }
    if (this.#listeners.length) this.log.info(`corral arbiter ${process.pid} listening at ${this.addresses.join(', ')} (accept: ${this.options.accept})`);
    await this.#taskHost?.open();
    this.#accept.open(this.#listeners);
    writePidfile(this.options.pidfile);
    if (this.#deps.handleSignals !== false) {
      this.#installSignals();
      installCounterDump('arbiter');
    }
    this.#stopped = new Promise((resolve) => (this.#resolveStopped = resolve));
    this.#timer = setInterval(() => this.#tick(), this.#deps.tickMs ?? TICK_MS);
    this.#hooks.fire('nworkers_changed', this.#target, null);
    if (this.#tasks) await this.#hooks.run('task_starting');
    this.#manageWorkers();
    await this.#hooks.run('when_ready');
  }

  /** HUP: a new generation of workers; the old one is drained once they are ready. */
  reload(): void { this.#enqueue('HUP'); }

  /** Stops the pool; resolves with the arbiter's exit code. */
  stop(options: { graceful?: boolean } = {}): Promise<number> {
    if (!this.#stopped) return Promise.resolve(EXIT.ok);
    if (this.#finished) return this.#stopped;
    this.#beginStop(options.graceful !== false, EXIT.ok);
    return this.#stopped;
  }

  /** Resolves with the exit code when the arbiter has stopped for any reason. */
  stopped(): Promise<number> {
    return this.#stopped ?? Promise.resolve(EXIT.ok);
  }

  /**
   * The task socket's address (an abstract Unix socket name starting with
   * NUL), for `connect()` from processes of the same user outside the pool;
   * undefined when no task apps are configured or before start().
   */
  get tasksAddress(): string | undefined {
    return this.#taskHost?.address;
  }

  /**
   * Runs the job `app.action` on a task worker and resolves with its result.
   * Rejects with a CorralError whose code says why: CORRAL_ERR_TASK_UNKNOWN,
   * _TASK_OVERLOADED, _TASK_TIMEOUT, _TASK_CANCELLED, _TASK_FAILED,
   * _TASK_WORKER_LOST.
   */
  execute(app: string, action: string, payload?: unknown, options?: CallOptions): Promise<unknown> {
    return this.#caller().then((c) => c.execute(app, action, payload, options));
  }

  /** Runs a streamed job and yields its chunks (flow-controlled: a consumer that stops reading pauses the producer). */
  stream(app: string, action: string, payload?: unknown, options?: CallOptions): AsyncGenerator<unknown, void, undefined> {
    const self = this;
    return (async function* () {
      yield* (await self.#caller()).stream(app, action, payload, options);
    })();
  }

  /** Sets the number of task workers, or (with `app`) how many of them run that app. */
  setTaskWorkers(n: number, app?: string): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`task workers must be a positive integer, got ${n}`);
    if (!this.#tasks) throw new CorralError('CORRAL_ERR_STATE', 'no task apps are configured');
    if (app !== undefined) {
      const spec = this.options.tasks.find((t) => t.name === app);
      if (!spec) throw new RangeError(`no task app named ${JSON.stringify(app)}`);
      spec.workers = n;
      if (n > this.#taskSlots) this.#taskSlots = n;
      // Slots whose app set changed get new workers (a generation for tasks only would be finer; a reload is simpler).
      this.log.info(`task app ${app}: ${n} worker(s); reloading task workers`);
      this.#reloadTasks();
    } else {
      for (const t of this.options.tasks) if (t.workers !== undefined && t.workers > n) t.workers = n;
      this.log.info(`task workers: ${this.#taskSlots} -> ${n}`);
      this.#taskSlots = n;
    }
    this.#manageWorkers();
  }

  setWorkers(n: number): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`workers must be a positive integer, got ${n}`);
    if (this.options.workers === 0) return this.setTaskWorkers(n);
    const previous = this.#target;
    this.#target = n;
    if (n !== previous) this.#hooks.fire('nworkers_changed', n, previous);
    this.#manageWorkers();
  }

  /** Enqueues a signal as if the process had received it. */
  signal(name: SignalName): void { this.#enqueue(name); }

  /**
   * The pool as the control protocol's PoolStatus (spec.md section 14.3):
   * what `corral ctl status` prints. Rates, percentiles and CPU are those of
   * the last sample (sampleIntervalMs).
   */
  status(options: { histograms?: boolean } = {}): PoolStatus {
    return this.#operator.status(options.histograms);
  }

  /** The task apps and the queue consumer (`corral ctl tasks`). */
  tasksStatus(): TasksStatus {
    return this.#operator.tasksStatus();
  }

  /** Task jobs waiting, running and recently ended, newest first (`corral ctl jobs`). */
  jobs(query: Partial<JobQuery> = {}): JobList {
    return this.#operator.jobs(query);
  }

  /** The pool's history, one point per sample, oldest first (historySamples of them). */
  history(): HistoryPoint[] {
    return this.#operator.history();
  }

  /** Carries out one control request, as the control socket does; never throws. */
  control(action: ControlAction): ControlResult {
    return this.#operator.control(action);
  }

  stats() {
    const now = this.#clock.now();
    return {
      pid: process.pid,
      strategy: this.options.accept,
      generation: this.#generation,
      target: this.#target,
      listeners: this.addresses,
      bootFailures: this.#boot.failures,
      ...this.#accept.stats(),
      tasks: this.#taskHost?.stats(),
      workers: [...this.#workers.values()].map((w) => ({
        id: w.id, kind: w.kind, pid: w.proc.pid, generation: w.generation, state: w.state, inFlight: w.inFlight,
        acceptedTotal: w.acceptedTotal, requestsTotal: w.requestsTotal, lastSeenMsAgo: Math.round(now - w.lastSeen),
      })),
    };
  }

  // ---- the loop ---------------------------------------------------------

  #enqueue(sig: SignalName): void {
    if (this.#finished) return;
    this.#queue.push(sig);
    setImmediate(() => this.#tick());
  }

  #tick(): void {
    try {
      for (let sig = this.#queue.shift(); sig; sig = this.#queue.shift()) this.#handle(sig);
      this.#operator.sample();
      this.#accept.expire();
      this.#murderStuck();
      this.#manageWorkers();
      this.#drainTasks();
      this.#tasks?.expire();
      for (const s of this.#noisy.due()) this.log.warning(`${s.key}: ${describeSuppressed(s)}`);
      this.#checkStopped();
    } catch (err) {
      // The supervisor must outlive its own bugs: log and carry on.
      this.log.error(`supervision loop error: ${(err as Error).stack ?? err}`);
    }
  }

  #handle(sig: SignalName): void {
    this.log.info(`handling SIG${sig}`);
    switch (sig) {
      case 'TERM': return this.#beginStop(true, EXIT.ok);
      case 'INT':
      case 'QUIT': return this.#beginStop(false, EXIT.ok);
      case 'HUP': return this.#handleReload();
      case 'TTIN': return this.options.workers === 0 ? this.setTaskWorkers(this.#taskSlots + 1) : this.setWorkers(this.#target + 1);
      case 'TTOU':
        if (this.options.workers === 0) return this.#taskSlots > 1 ? this.setTaskWorkers(this.#taskSlots - 1) : this.log.warning('TTOU ignored: the pool keeps at least one task worker');
        return this.#target > 1 ? this.setWorkers(this.#target - 1) : this.log.warning('TTOU ignored: the pool keeps at least one worker');
      case 'USR1': return this.#reopenLogs();
      case 'USR2': return this.#handleReexec();
    }
  }

  /** USR1: the log file reopened (after logrotate moved it), and the workers told. */
  #reopenLogs(): void {
    this.log.reopen();
    for (const w of this.#alive()) w.proc.kill('SIGUSR1');
  }

  #handleReload(): void {
    if (this.#stopping) return;
    this.#generation++;
    this.log.info(`reloading: starting generation ${this.#generation}`);
    notify('RELOADING=1');
    this.#hooks.fire('on_reload');
    this.emit('reload');
    this.#manageWorkers();
  }

  #handleReexec(): void {
    if (this.#reexecChild || process.env[REEXEC_PARENT]) {
      this.log.warning('USR2 ignored: a re-exec is already in progress');
      return;
    }
    try {
      const child = reexec(this.#listeners);
      this.#reexecChild = child;
      this.log.info(`re-exec: new arbiter ${child.pid} inherits ${this.#listeners.length} listener(s); this one stops once it is ready`);
      child.on('exit', (code, signal) => {
        if (this.#reexecChild === child) this.#reexecChild = undefined;
        if (!this.#stopping) this.log.error(`re-exec'd arbiter ${child.pid} exited (${signal ?? code}) before taking over; carrying on`);
      });
    } catch (err) {
      this.log.error(`re-exec failed: ${(err as Error).message}`);
    }
  }

  // ---- verbs ------------------------------------------------------------

  /** Stops workers that missed heartbeats or never said Hello; kills the ones past their deadline. */
  #murderStuck(): void {
    const now = this.#clock.now();
    for (const w of this.#workers.values()) {
      if (w.state === 'exited') continue;
      this.#checkStable(w);
      if (killOverdue(this.#workerCtx, w, now)) continue;
      if (this.options.plain || w.state === 'stopping') continue;
      if (!w.helloed && now - w.spawnedAt > this.options.handshakeTimeoutMs) {
        // HS-1: say why, close the channel, and end it.
        const err = new HandshakeTimeoutError(`no Hello within ${this.options.handshakeTimeoutMs} ms`);
        this.log.warning(`worker ${w.id} (pid ${w.proc.pid}): ${err.code}: ${err.message}; stopping it`);
        disconnect(this.#workerCtx, w, err, `handshake timeout: no Hello within ${this.options.handshakeTimeoutMs} ms`);
      } else if (w.helloed && !w.everReady && w.state === 'booting' && now - w.spawnedAt > Math.max(this.options.readyTimeoutMs, this.options.handshakeTimeoutMs)) {
        // Hello but never Ready: it must not hold its slot (and our memory) forever.
        const limit = Math.max(this.options.readyTimeoutMs, this.options.handshakeTimeoutMs);
        const err = new HandshakeTimeoutError(`no Ready within ${limit} ms`);
        this.log.warning(`worker ${w.id} (pid ${w.proc.pid}): ${err.code}: ${err.message}; stopping it`);
        disconnect(this.#workerCtx, w, err, `ready timeout: no Ready within ${limit} ms`);
      } else if (this.options.timeout > 0 && w.helloed && now - w.lastSeen > this.options.timeout * 1000) {
        this.#retire(w, `heartbeat timeout (nothing heard for ${((now - w.lastSeen) / 1000).toFixed(1)} s, limit ${this.options.timeout} s)`, 'term');
      }
    }
  }

  /** Keeps the current generation at the target count; retires old generations and recycled workers. */
  #manageWorkers(): void {
    // Not re-entrant: spawning a plain worker marks it ready at once, and
    // markReady manages the pool; a nested pass would count the workers the
    // outer one has not spawned yet as missing and spawn them twice.
    if (this.#managing) return;
    this.#managing = true;
    try {
      this.#managePass();
    } finally {
      this.#managing = false;
    }
  }

  #managePass(): void {
    if (this.#stopping || this.#finished || !this.#stopped) return;
    const now = this.#clock.now();
    const current = [...this.#workers.values()].filter((w) => w.kind === 'socket' && w.generation === this.#generation && (w.state === 'booting' || w.state === 'ready') && !w.recycle);
    // A worker given up on (not a planned stop) holds its slot until it has
    // exited: one that ignores SIGTERM must not be replaced while it lives on,
    // or processes pile up (killDelayMs bounds how long that lasts).
    const givenUp = [...this.#workers.values()].filter((w) => w.kind === 'socket' && w.generation === this.#generation && !w.planned && (w.state === 'stopping' || w.state === 'draining') && !w.recycle).length;
    const allowed = this.#boot.allowance(now, this.#target - current.length - givenUp);
    for (let i = 0; i < allowed; i++) this.#spawnWorker();
    const tasksReady = !this.#tasks || manageTaskSlots({
      options: this.options, workers: this.#workers.values(), generation: this.#generation, slots: this.#taskSlots,
      allowance: (missing) => this.#boot.allowance(this.#clock.now(), missing),
      spawn: (slot) => this.#spawnWorker(slot),
      retire: (w, reason) => this.#retire(w, reason, 'drain', true),
      completed: (id) => this.#tasks!.completed(id),
    });
    if (current.length > this.#target) {
      for (const w of current.sort((a, b) => a.id - b.id).slice(0, current.length - this.#target)) this.#retire(w, 'pool shrinking', 'drain', true);
    }
    const readyNow = current.filter((w) => w.state === 'ready').length;
    if (readyNow >= this.#target) {
      for (const w of this.#workers.values()) {
        if (w.kind === 'socket' && w.generation < this.#generation && (w.state === 'ready' || w.state === 'booting')) this.#retire(w, `replaced by generation ${this.#generation}`, 'drain', true);
      }
      if (!this.#readyAnnounced && tasksReady) {
        this.#readyAnnounced = true;
        this.log.info(this.#tasks ? `${readyNow} socket worker(s) and ${this.#taskSlots} task worker(s) ready` : `${readyNow} worker(s) ready`);
        notify('READY=1');
        this.emit('ready');
        promoteAfterReexec(this.log);
      }
    }
    // max_requests (SUP-8): one worker at a time, and its replacement is
    // started (it no longer counts in `current`) and ready before it drains.
    if (this.options.maxRequests > 0) {
      const all = [...this.#workers.values()].filter((w) => w.kind === 'socket');
      const recycling = all.some((w) => (w.recycle && w.state !== 'exited') || (w.state === 'draining' && w.stopReason === 'max requests reached'));
      const due = current.find((w) => w.state === 'ready' && w.maxConnections > 0 && w.acceptedTotal >= w.maxConnections);
      if (!recycling && due) {
        due.recycle = true;
        this.log.info(`worker ${due.id} (pid ${due.proc.pid}) reached ${due.acceptedTotal} connections (max ${due.maxConnections}): starting its replacement`);
        setImmediate(() => this.#tick());
      }
      if (current.filter((w) => w.state === 'ready' && !w.recycle).length >= this.#target) {
        for (const w of all) if (w.recycle && w.state === 'ready') this.#retire(w, 'max requests reached', 'drain', true);
      }
    }
  }

  /** Spawns a socket worker, or the task worker of `slot`. */
  #spawnWorker(slot?: number): void {
    const id = this.#nextId++;
    const generation = this.#generation;
    const kind = slot === undefined ? 'socket' : 'task';
    const hw: HookWorker = { id, pid: undefined, generation, kind };
    this.#hooks.fire('pre_fork', hw);
    const o = this.options;
    const task = slot === undefined ? undefined : { slot, command: taskCommandFor(o, slot) };
    let w: WorkerRecord;
    try {
      w = spawnWorker({ spawn: this.#spawn, clock: this.#clock, options: o, listeners: this.#listeners, log: this.log }, id, generation, task);
    } catch (err) {
      this.log.error(`${kind} worker ${id}: cannot start: ${(err as Error).message}`);
      this.#boot.failed(this.#clock.now(), true);
      return;
    }
    const proc = w.proc;
    this.#workers.set(id, w);
    this.#boot.spawned();
    proc.on('exit', (code, signal) => this.#reap(w, code, signal));
    proc.on('error', (err) => {
      this.log.error(`worker ${id}: cannot start ${JSON.stringify(o.command[0])}: ${err.message}`);
      this.#reap(w, 127, null);
    });
    if (o.plain && !task) {
      // Supervised by process only: it is "ready" as soon as it runs.
      w.helloed = true;
      this.#markReady(w);
    } else if (proc.control) {
      openChannel(this.#workerCtx, w, proc.control);
    }
    this.log.debug(`spawned ${task ? 'task ' : ''}worker ${id} (pid ${proc.pid}, generation ${generation}${task ? `, slot ${slot}: ${task.command.slice(-(o.tasks.length + 2)).join(' ')}` : ''})`);
    this.#hooks.fire('post_fork', { id, pid: proc.pid, generation, kind });
    if (task) this.#hooks.fire('task_post_fork', { id, pid: proc.pid, generation, kind });
  }

  /** Stops one worker (how: see endWorker) unless it is already on its way out. */
  #retire(w: WorkerRecord, reason: string, how: 'drain' | 'term' | 'kill', planned = false): void {
    if (w.state === 'exited' || w.state === 'stopping' || (w.state === 'draining' && how === 'drain')) return;
    this.#accept.drain(w.id);
    this.#tasks?.close(w.id);
    endWorker(this.#workerCtx, w, reason, how, planned);
  }

  /** A worker process ended: forget it, give its leases and handoffs to others. */
  #reap(w: WorkerRecord, code: number | null, signal: NodeJS.Signals | null, waited = false): void {
    if (w.state === 'exited') return;
    // HANDOFF-13: the exit can be reported before the last frames the worker
    // wrote (HandoffAcks) have been read. Read to the end of the channel
    // first, so acknowledged connections are not handed out a second time.
    if (!waited && w.channel && !w.channel.closed) {
      const again = () => this.#reap(w, code, signal, true);
      w.channel.once('close', again);
      setTimeout(again, 1000).unref();
      return;
    }
    const wasReady = w.everReady;
    const expected = w.planned || w.stopReason !== undefined || this.#stopping !== undefined;
    w.state = 'exited';
    this.#workers.delete(w.id);
    const quieted = this.#noisy.end(`worker ${w.id} (pid ${w.proc.pid})`);
    if (quieted) this.log.warning(`worker ${w.id} (pid ${w.proc.pid}): ${describeSuppressed(quieted)}`);
    w.channel?.destroy();
    this.#accept.remove(w);
    // TASK-20: settle the jobs it ran; CALL-8: cancel the jobs it called.
    if (w.kind === 'task') this.#tasks?.removeWorker(w.id);
    if (w.caller) this.#tasks?.callerGone(w.caller);
    // Ended by someone else's signal (kill -9, the OOM killer), not its own crash nor ours.
    const foreign = signal !== null && !w.signalled && !SELF_SIGNALS.has(signal);
    this.#operator.exited(w, foreign);
    const how = signal ? `signal ${signal}${signal === 'SIGKILL' && !expected ? ' (perhaps out of memory?)' : ''}` : `code ${code}`;
    const reason = w.stopReason ?? (wasReady ? 'exited unexpectedly' : code === EXIT.appLoadError ? 'application load failure' : 'boot failure: exited before Ready');
    const exit: HookExit = { code, signal, reason };
    (expected && (code === 0 || signal === 'SIGKILL' || signal === 'SIGTERM' || signal === 'SIGQUIT') ? this.log.info : this.log.warning).call(this.log, `${w.kind === 'task' ? 'task ' : ''}worker ${w.id} (pid ${w.proc.pid}) exited with ${how}: ${reason}`);
    const hw: HookWorker = { id: w.id, pid: w.proc.pid, generation: w.generation, kind: w.kind };
    this.#hooks.fire('child_exit', hw, exit);
    if (wasReady) {
      this.#hooks.fire('worker_exit', hw, exit);
      if (w.kind === 'task') this.#hooks.fire('task_worker_exit', hw, exit);
      this.emit('worker-exit', hw, exit);
    }
    // A boot failure: it died before Ready, or by itself within minUptimeMs
    // of Ready (a crash loop, e.g. on its first connection every time).
    const now = this.#clock.now();
    const crashLoop = wasReady && !w.stable && !foreign && this.options.minUptimeMs > 0;
    if ((!wasReady || crashLoop) && !w.planned && !this.#stopping) {
      // SUP-4..6: halt only when nothing is serving; otherwise keep the ready
      // workers serving and retry with backoff (a bad reload is abandoned).
      // A worker ended by someone else's signal (kill -9, the OOM killer)
      // backs off but never counts toward the halt.
      const ready = [...this.#workers.values()].filter((x) => x.state === 'ready' && (x.stable || !crashLoop));
      const tooMany = this.#boot.failed(now, !foreign);
      if (crashLoop) this.log.warning(`worker ${w.id} (pid ${w.proc.pid}) exited ${Math.round(now - (w.readyAt ?? now))} ms after Ready (within minUptimeMs ${this.options.minUptimeMs}): counted as a boot failure (${this.#boot.failures} in a row)`);
      if (ready.length === 0 && code === EXIT.appLoadError) {
        this.log.critical(`worker ${w.id} could not load the application (exit ${code}): halting`);
        return this.#beginStop(false, EXIT.appLoadError);
      }
      if (ready.length === 0 && tooMany) {
        this.log.critical(`workers failed to boot ${this.#boot.failures} times in a row (last: ${how}): halting`);
        return this.#beginStop(false, EXIT.bootError);
      }
      const servingGeneration = Math.max(...ready.map((x) => x.generation));
      // Only a reload can be abandoned: with nothing ready there is no older generation to fall back to.
      if (ready.length > 0 && w.generation > servingGeneration && (tooMany || code === EXIT.bootError || code === EXIT.appLoadError)) {
        this.log.error(`a worker of generation ${w.generation} failed to boot (${how}): reload abandoned, generation ${servingGeneration} keeps serving`);
        for (const x of this.#workers.values()) if (x.generation > servingGeneration) this.#retire(x, 'reload abandoned', x.state === 'ready' ? 'drain' : 'kill', true);
        this.#generation = servingGeneration;
        this.#boot.succeeded();
      } else if (tooMany) {
        this.log.error(`workers keep failing at boot (${this.#boot.failures} in a row, last: ${how}); ${ready.length} ready worker(s) keep serving, retrying with backoff`);
      }
    }
    setImmediate(() => this.#tick());
  }

  #beginStop(graceful: boolean, code: number): void {
    if (this.#finished) return;
    const now = this.#clock.now();
    if (this.#stopping) {
      // INT/QUIT during a graceful stop hurries it up (Gunicorn does the same).
      if (graceful || !this.#stopping.graceful) return;
      this.#stopping.graceful = false;
    } else {
      this.#stopping = { graceful, deadline: now + this.options.gracefulTimeout * 1000, code };
      notify('STOPPING=1');
      this.log.info(graceful ? `graceful stop: draining ${this.#alive().length} worker(s)` : `fast stop: stopping ${this.#alive().length} worker(s)`);
    }
    this.#accept.pause();
    this.#taskHost?.stopping();
    // Graceful: socket workers drain first and may still call jobs meanwhile;
    // task workers drain once the last socket worker is gone (#drainTasks).
    for (const w of this.#alive()) {
      if (graceful) {
        if (w.kind === 'socket') this.#retire(w, 'arbiter stopping', 'drain', true);
      } else stopWorkerNow(this.#workerCtx, w, now);
    }
    if (!graceful) this.#tasks?.shutdown();
    this.#drainTasks();
    setImmediate(() => this.#tick());
  }

  /** During a graceful stop: once no socket worker is left, refuse new jobs and drain the task workers. */
  #drainTasks(): void {
    if (!this.#stopping || !this.#tasks) return;
    if (this.#alive().some((w) => w.kind === 'socket')) return;
    this.#tasks.shutdown();
    for (const w of this.#alive()) if (w.kind === 'task') this.#retire(w, 'arbiter stopping', 'drain', true);
  }

  #checkStopped(): void {
    if (!this.#stopping || this.#finished || this.#workers.size > 0) return;
    const code = this.#stopping.code;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#accept.close();
    this.#control?.close();
    const tasksClosed = Promise.all([this.#taskHost?.close(), ...this.#services.map((x) => x.close())]);
    // After a re-exec the listeners (and a unix socket's path) live on in the new arbiter.
    closeListeners(this.#listeners, !this.#reexecChild);
    removePidfile(this.options.pidfile);
    for (const [sig, fn] of this.#signalHandlers) process.off(sig, fn);
    this.#signalHandlers.clear();
    this.#finished = true;
    // The queue consumer's last outcomes reach Redis before the arbiter says it stopped.
    void tasksClosed.catch((err: unknown) => this.log.warning(`closing the task pool: ${(err as Error).message}`)).finally(() => {
      this.log.info(`arbiter ${process.pid} stopped (exit ${code})`);
      this.#hooks.fire('on_exit');
      this.emit('exit', code);
      this.#resolveStopped?.(code);
    });
  }

  // ---- worker state ---------------------------------------------------------

  #markReady(w: WorkerRecord): void {
    if (w.everReady) return;
    w.everReady = true;
    w.readyAt = this.#clock.now();
    if (w.state === 'booting') w.state = 'ready';
    this.#boot.readied();
    this.#checkStable(w);
    this.log.info(`${w.kind === 'task' ? 'task ' : ''}worker ${w.id} (pid ${w.proc.pid}) ready`);
    if (w.kind === 'socket') this.#accept.ready(w.id);
    const hw = { id: w.id, pid: w.proc.pid, generation: w.generation, kind: w.kind };
    this.#hooks.fire('worker_ready', hw);
    if (w.kind === 'task') this.#hooks.fire('task_worker_init', hw);
    this.emit('worker-ready', hw);
    this.#manageWorkers();
  }

  /** minUptimeMs after Ready a worker proves the pool boots: forget earlier failures. */
  #checkStable(w: WorkerRecord): void {
    if (w.stable || w.readyAt === undefined || w.state !== 'ready') return;
    if (this.#clock.now() - w.readyAt < this.options.minUptimeMs) return;
    w.stable = true;
    this.#boot.succeeded();
  }

  /** A warning a worker can cause as often as it likes: logged the first few times, then counted (workerLogBurst). */
  #workerWarning(w: WorkerRecord, text: string): void {
    if (this.#noisy.admit(`worker ${w.id} (pid ${w.proc.pid})`, text)) this.log.warning(`worker ${w.id} (pid ${w.proc.pid}): ${text}`);
  }

  // ---- tasks ------------------------------------------------------------------

  async #caller() {
    if (!this.#taskHost) throw new CorralError('CORRAL_ERR_TASK_UNKNOWN', 'this arbiter runs no task apps (options.tasks is empty)');
    return this.#taskHost.caller();
  }

  /** The task pool, when task apps are configured. */
  get #tasks() {
    return this.#taskHost?.pool;
  }

  /** Task worker slots. */
  get #taskSlots(): number {
    return this.#taskHost?.slots ?? 0;
  }

  set #taskSlots(n: number) {
    if (this.#taskHost) this.#taskHost.slots = n;
  }

  /** New task workers for every slot (a per-app count changed). */
  #reloadTasks(): void {
    for (const w of this.#workers.values()) if (w.kind === 'task' && w.state === 'ready') w.recycle = true;
  }

  // ---- signals ---------------------------------------------------------------

  #installSignals(): void {
    for (const name of SIGNALS) {
      const sig = `SIG${name}` as NodeJS.Signals;
      const fn = () => this.#enqueue(name);
      this.#signalHandlers.set(sig, fn);
      process.on(sig, fn);
    }
  }

  #alive(): WorkerRecord[] {
    return [...this.#workers.values()].filter((w) => w.state !== 'exited');
  }
}

export { HOOK_NAMES };
