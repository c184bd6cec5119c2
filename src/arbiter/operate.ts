// What an operator sees of the pool and what they may do to it: the answers
// to the control protocol's requests (spec.md section 14), shared by the
// control socket, the dashboard and the library's status(). The verbs only
// enqueue or set targets; the supervision loop carries them out, as it does
// for signals (a scale is TTIN/TTOU with a number, a reload a HUP, a stop a
// TERM or QUIT, reopen-logs a USR1).
import { CONTROL_LIMITS, CONTROL_VERSION, JOB_STATES, type ControlAction, type ControlResult, type PoolStatus, type WorkerStatus } from '../protocol/control.js';
import { LATENCY_BOUNDS_US } from '../protocol/limits.js';
import { CorralError } from '../errors.js';

/** A request field this arbiter cannot take (CTL-8): answered, nothing done, the connection stays open. */
const invalid = (message: string) => new CorralError('CORRAL_ERR_INVALID_FIELD', `${message} [CTL-8]`);
import { implementation } from '../transport/version.js';
import { PoolMonitor, exitReason, type HistoryPoint } from './monitor.js';
import { processUsage } from '../transport/procfs.js';
import type { JobList, TasksStatus } from '../protocol/control.js';
import type { JobQuery } from './task-pool.js';
import type { ArbiterOptions } from './options.js';
import type { TaskHost } from './task-host.js';
import type { WorkerRecord } from './worker-record.js';

/** What operate needs of the arbiter. */
export interface OperateContext {
  readonly options: ArbiterOptions;
  readonly monitor: PoolMonitor;
  readonly taskHost: TaskHost | undefined;
  now(): number;
  startedAtMs(): number;
  uptimeMs(): number;
  generation(): number;
  target(): number;
  taskSlots(): number;
  listeners(): string[];
  bootFailures(): number;
  state(): PoolStatus['state'];
  workers(): Iterable<WorkerRecord>;
  setWorkers(n: number): void;
  setTaskWorkers(n: number, app?: string): void;
  reload(): void;
  stop(graceful: boolean): void;
  reopenLogs(): void;
}

/** The pool as PoolStatus (spec.md section 14.3); `histograms` adds each worker's latency buckets. */
export function poolStatus(c: OperateContext, histograms = false): PoolStatus {
  const now = c.now();
  const workers: WorkerStatus[] = [];
  for (const w of c.workers()) {
    if (w.state === 'exited') continue;
    const r = c.monitor.rates(w.id);
    workers.push({
      id: w.id, kind: w.kind, pid: w.proc.pid ?? 0, generation: w.generation, state: w.state, inFlight: w.inFlight, capacity: w.capacity,
      acceptedTotal: w.acceptedTotal, requestsTotal: w.requestsTotal, rssBytes: r?.rssBytes ?? 0, cpuUs: r?.cpuUs ?? 0,
      heartbeatAgeMs: Math.max(0, Math.round(now - w.lastSeen)), ageMs: Math.max(0, Math.round(now - w.spawnedAt)),
      wakeupsTotal: w.wakeupsTotal, latencyCounts: histograms && w.latencyCounts ? [...w.latencyCounts] : [],
      jobsCompleted: w.kind === 'task' ? c.taskHost?.pool.completed(w.id) ?? 0 : 0,
      cpuPermille: r?.cpuPermille ?? 0, acceptsPerSecond: Math.round((r?.acceptsPerSecond ?? 0) * 10) / 10, p99Us: r?.p99Us ?? 0,
    });
  }
  workers.sort((a, b) => a.id - b.id);
  return {
    controlVersion: CONTROL_VERSION,
    pid: process.pid,
    implementation: implementation('corral-node'),
    strategy: c.options.plain ? 'plain' : c.options.accept,
    generation: c.generation(),
    targetWorkers: c.target(),
    targetTaskWorkers: c.taskSlots(),
    listeners: c.listeners(),
    startedAtMs: c.startedAtMs(),
    uptimeMs: Math.round(c.uptimeMs()),
    bootFailures: c.bootFailures(),
    state: c.state(),
    workers,
    restarts: c.monitor.restarts(),
    interval: c.monitor.interval,
    acceptedTotal: c.monitor.acceptedTotal([...c.workers()].filter((w) => w.state !== 'exited')),
    latencyBoundsUs: [...LATENCY_BOUNDS_US],
  };
}

/**
 * Answers one control request. Never throws: a request that cannot be
 * carried out is answered with an error whose code is stable (spec.md
 * section 14.6), and the connection stays open.
 */
export function runControl(c: OperateContext, a: ControlAction): ControlResult {
  try {
    return { ...act(c, a) };
  } catch (err) {
    if (err instanceof CorralError) return { error: { code: err.code, message: err.message } };
    if (err instanceof RangeError) return { error: { code: 'CORRAL_ERR_INVALID_FIELD', message: err.message } };
    return { error: { code: 'CORRAL_ERR_INTERNAL', message: (err as Error).message } };
  }
}

function act(c: OperateContext, a: ControlAction): ControlResult {
  const stopping = c.state() === 'stopping';
  switch (a.action) {
    case 'status': return { status: poolStatus(c, a.histograms) };
    case 'tasks': return { tasks: c.taskHost?.tasksStatus() ?? { apps: [] } };
    case 'jobs': {
      if (a.state && !(JOB_STATES as readonly string[]).includes(a.state)) throw invalid(`JobsRequest.state must be one of ${JOB_STATES.join(', ')} or empty, got ${JSON.stringify(a.state)}`);
      const limit = Math.min(a.limit || CONTROL_LIMITS.defaultJobs, CONTROL_LIMITS.maxJobs);
      return { jobs: c.taskHost?.pool.jobs({ state: a.state, app: a.app, limit, id: a.id }) ?? { jobs: [], matched: 0 } };
    }
    case 'scale': {
      if (stopping) throw new CorralError('CORRAL_ERR_STATE', 'the pool is stopping [CTL-16]');
      if (!Number.isInteger(a.workers) || a.workers < 1 || a.workers > 1024) throw invalid(`ScaleRequest.workers must be 1 to 1024, got ${a.workers}`);
      if (a.kind === 'task') {
        if (!c.taskHost) throw new CorralError('CORRAL_ERR_STATE', 'this pool runs no task workers');
        if (a.app && !c.options.tasks.some((t) => t.name === a.app)) throw invalid(`ScaleRequest.app: this pool runs no task app ${JSON.stringify(a.app)} (it runs ${c.options.tasks.map((t) => t.name).join(', ')})`);
        const before = a.app ? c.options.tasks.find((t) => t.name === a.app)?.workers ?? c.taskSlots() : c.taskSlots();
        c.setTaskWorkers(a.workers, a.app);
        return { done: `task workers${a.app ? ` of ${a.app}` : ''}: ${before} -> ${a.workers}` };
      }
      if (c.options.workers === 0) throw new CorralError('CORRAL_ERR_STATE', 'this pool runs no socket workers (scale kind TASK instead)');
      if (a.app) throw invalid('ScaleRequest.app is for task workers only');
      const before = c.target();
      c.setWorkers(a.workers);
      return { done: `workers: ${before} -> ${a.workers}` };
    }
    case 'reload':
      if (stopping) throw new CorralError('CORRAL_ERR_STATE', 'the pool is stopping [CTL-16]');
      c.reload();
      return { done: `reloading: generation ${c.generation()} starts; generation ${c.generation() - 1} drains once it is ready` };
    case 'stop':
      c.stop(a.graceful);
      return { done: a.graceful ? 'stopping gracefully: workers drain, then the arbiter exits' : 'stopping now' };
    case 'reopenLogs':
      c.reopenLogs();
      return { done: c.options.logFile ? `reopening ${c.options.logFile}; workers told (SIGUSR1)` : 'the arbiter logs to stderr (nothing to reopen); workers told (SIGUSR1)' };
  }
}

/** What the arbiter tells its operator: the context, less what the operator keeps itself. */
export type OperatorContext = Omit<OperateContext, 'monitor' | 'startedAtMs' | 'uptimeMs'>;

/**
 * The arbiter's operator: keeps the monitor, samples the pool once per
 * sampleIntervalMs (from the supervision loop), counts exits, and answers
 * status and control requests for the control socket, the HTTP services and
 * the library's status().
 */
export class PoolOperator {
  readonly #c: OperateContext;
  readonly #monitor: PoolMonitor;
  #lastSample = -Infinity;
  #startedAt = 0;
  #startedAtMs = 0;

  constructor(c: OperatorContext) {
    this.#monitor = new PoolMonitor({ usage: processUsage, wall: () => Date.now(), historySamples: c.options.historySamples });
    this.#c = {
      ...c,
      monitor: this.#monitor,
      startedAtMs: () => this.#startedAtMs,
      uptimeMs: () => (this.#startedAtMs ? c.now() - this.#startedAt : 0),
    };
  }

  /** The arbiter started now. */
  started(): void {
    this.#startedAt = this.#c.now();
    this.#startedAtMs = Date.now();
  }

  /** From the loop: a sample when one is due. */
  sample(): void {
    const now = this.#c.now();
    if (now - this.#lastSample < this.#c.options.sampleIntervalMs) return;
    this.#lastSample = now;
    const t = this.#c.taskHost?.totals();
    this.#monitor.sample(now, this.#c.workers(), { jobsTotal: t?.ended ?? 0, queued: t?.queued ?? 0 });
    this.#c.taskHost?.refreshDepths(now);
  }

  /** A worker exited (`foreign`: by a signal the arbiter did not send). */
  exited(w: WorkerRecord, foreign: boolean): void {
    this.#monitor.exited(w, exitReason(w, this.#c.state() === 'stopping', foreign));
  }

  status(histograms = false): PoolStatus {
    return poolStatus(this.#c, histograms);
  }

  tasksStatus(): TasksStatus {
    return this.#c.taskHost?.tasksStatus() ?? { apps: [] };
  }

  jobs(query: Partial<JobQuery>): JobList {
    const r = runControl(this.#c, { action: 'jobs', ...query } as ControlAction);
    if ('error' in r) throw new CorralError(r.error.code, r.error.message);
    return (r as { jobs: JobList }).jobs;
  }

  history(): HistoryPoint[] {
    return this.#monitor.history();
  }

  control(action: ControlAction): ControlResult {
    return runControl(this.#c, action);
  }
}
