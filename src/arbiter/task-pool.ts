// The arbiter's task pool: which task worker runs which job, the queue per
// app, deadlines, cancels, streamed results relayed with flow control, and
// what becomes of jobs whose worker is lost (spec.md sections 4.6, 4.7).
//
//   caller ──Execute{id c}──► submit() ──► queue[app] ──► pump() ──Execute{id w}──► task worker
//   caller ◄──Result/Chunk/End/Error{id c}── relay ◄──── onReply() ◄──────────────── task worker
//
// A caller's Execute.meta goes to the worker as it came (TASK-25), only to
// workers that negotiated 1.3 or later (COMPAT-8); call() checks it against
// the caller's limits first (CALL-17, CALL-18), submit() does not, so that
// the arbiter's own jobs may carry `corral.` keys.
//
// A job has two ids: the caller's (unique among that caller's outstanding
// jobs, CALL-2) and the arbiter's, unique for the arbiter's life and never
// reused, so a late reply can never be taken for another job's (TASK-2).
//
// Pure: no sockets and no timers. The arbiter calls expire(now) when
// nextTimer() says so, and turns the injected send/reply/kill into frames
// and signals; logic tests drive it with a fake clock.
import type { OutMessage } from '../protocol/codec.js';
import { ErrorCode } from '../protocol/codec.js';
import { metaProblem, type Meta } from '../protocol/meta.js';
import { errorFromWire } from '../protocol/errors.js';
import type { JobInfo, JobList, JobState as ListedState } from '../protocol/control.js';

/** Whoever submitted jobs: a socket worker's control channel, a task-socket client, the embedding process. */
export interface Caller {
  readonly name: string;
  /** Sends one job-reply message (already carrying the caller's request id). */
  reply(m: OutMessage): void;
}

export interface TaskPoolDeps {
  now(): number;
  /** Sends a frame to a task worker. */
  send(workerId: number, m: OutMessage): void;
  /** Stops and replaces a task worker that holds a job past its deadline or cancel (CALL-10). */
  kill(workerId: number, reason: string): void;
  log(level: 'debug' | 'info' | 'warning', message: string): void;
  /** expire() has something to do at `at` (a deadline or the end of a grace period). */
  schedule(at: number): void;
}

export interface TaskPoolOptions {
  /** Jobs queued per app before TASK_OVERLOADED (TASK-24). */
  maxQueue: number;
  /** Grace past a deadline or a cancel before the worker is replaced, ms (CALL-10). */
  graceMs: number;
  /** Chunks per job the arbiter holds for a slow caller (Execute.window to the worker, FLOW-6). */
  streamWindow: number;
  /** Ended jobs kept for jobs() (the newest; `corral ctl jobs`, the dashboard); 0 keeps none. */
  jobHistory?: number;
}

/** What jobs() is asked for (a JobsRequest, spec.md section 14.3). */
export interface JobQuery {
  state?: string | undefined;
  app?: string | undefined;
  /** At most this many, newest first. */
  limit: number;
  /** Only this job (JobInfo.id); 0 or undefined = any. */
  id?: number | undefined;
}

export interface SubmitRequest {
  caller: Caller;
  requestId: number;
  name: string;
  payload: Uint8Array;
  contentType: string;
  /** 0 = none. */
  deadlineMs: number;
  /** The caller's window: 0 = it does not pace the stream. */
  window: number;
  idempotent: boolean;
  /**
   * Job metadata for the action (Execute.meta, since 1.3): sent as it is to a
   * task worker that negotiated 1.3 or later, and to no other (COMPAT-8).
   */
  meta?: Meta;
  /** This job's grace past its deadline or cancel, instead of the pool's (a queued job's hard time limit). */
  graceMs?: number;
  /** Called when the job is sent to a task worker (it may wait in the app's queue first). */
  onStart?: () => void;
}

type JobState = 'queued' | 'running' | 'abandoned';

interface Job {
  /** The arbiter's id of the job for listings (JobInfo.id): unique for the pool's life, unlike wid, which each attempt gets anew. */
  seq: number;
  /** Wall-clock times for listings, ms; 0 = not reached. */
  submittedWall: number;
  startedWall: number;
  req: SubmitRequest;
  app: string;
  state: JobState;
  receivedAt: number;
  deadlineAt: number | undefined;
  /** When the worker is replaced if the job has still not ended (after a deadline or cancel). */
  hardAt: number | undefined;
  startedAt: number | undefined;
  worker: TaskWorker | undefined;
  wid: number;
  /** Chunks relayed to the caller; once > 0 the job is never re-run elsewhere. */
  relayed: number;
  /** Chunks held for a caller without credit (at most streamWindow). */
  held: OutMessage[];
  /** The End or final Error that must follow the held chunks. */
  heldFinal: OutMessage | undefined;
  callerCredit: number;
  /** Credit owed to the worker for chunks relayed, sent in batches. */
  owed: number;
  /** Chunks received from the worker beyond what it was allowed (FLOW-4). */
  received: number;
  allowed: number;
}

interface TaskWorker {
  id: number;
  /** Apps served; null = any (Hello.apps empty). */
  apps: Set<string> | null;
  capacity: number;
  ready: boolean;
  /** Draining or stopping: no new job (DRAIN-12). */
  closed: boolean;
  /** Asked to be killed for a job past its grace (CALL-10): once is enough. */
  killed: boolean;
  flow: boolean;
  /** It negotiated 1.3 or later: its Execute carries meta (COMPAT-8). */
  meta: boolean;
  jobs: Map<number, Job>;
  completed: number;
}

/** Sample ring for percentiles: the last N values. */
class Samples {
  readonly #v: number[] = [];
  #i = 0;
  constructor(readonly size = 2048) {}
  add(x: number): void {
    if (this.#v.length < this.size) this.#v.push(x);
    else this.#v[this.#i++ % this.size] = x;
  }
  percentiles(): { p50: number; p90: number; p99: number; n: number } {
    const s = [...this.#v].sort((a, b) => a - b);
    const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : 0);
    return { p50: at(0.5), p90: at(0.9), p99: at(0.99), n: s.length };
  }
}

/**
 * Upper bounds (ms) of the buckets a task app's run durations are counted in,
 * for the metrics endpoint's histogram (corral_task_job_run_duration_seconds):
 * fixed, so that counts from any two moments can be subtracted. A last bucket
 * past the largest bound holds the rest.
 */
export const JOB_RUN_BOUNDS_MS: readonly number[] = Object.freeze([
  1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000, 300_000,
]);

/** Run durations counted by bucket (JOB_RUN_BOUNDS_MS, then the rest), and their sum: cumulative since the start. */
class RunCounts {
  readonly counts = new Array<number>(JOB_RUN_BOUNDS_MS.length + 1).fill(0);
  sumMs = 0;
  add(ms: number): void {
    let i = 0;
    while (i < JOB_RUN_BOUNDS_MS.length && ms > JOB_RUN_BOUNDS_MS[i]!) i++;
    this.counts[i]!++;
    this.sumMs += ms;
  }
}

interface AppState {
  queue: Job[];
  waits: Samples;
  runs: Samples;
  runCounts: RunCounts;
  submitted: number;
  completed: number;
  failed: number;
  rejected: number;
  lost: number;
  /** Settled before their worker answered: cancelled, timed out, caller gone, refused at shutdown. */
  abandoned: number;
}

export class TaskPool {
  readonly #deps: TaskPoolDeps;
  readonly #o: TaskPoolOptions;
  readonly #workers = new Map<number, TaskWorker>();
  readonly #apps = new Map<string, AppState>();
  /** Apps the pool is configured to run (known before any worker said Hello). */
  readonly #configured: Set<string>;
  /** Jobs by caller and caller request id. */
  readonly #byCaller = new Map<Caller, Map<number, Job>>();
  #nextWid = 1;
  #nextSeq = 1;
  #closed = false;
  /** The newest ended jobs, oldest first (a ring of jobHistory entries). */
  readonly #ended: JobInfo[] = [];
  #endedAt = 0;

  constructor(o: TaskPoolOptions, configuredApps: readonly string[], deps: TaskPoolDeps) {
    this.#o = o;
    this.#deps = deps;
    this.#configured = new Set(configuredApps);
    for (const a of configuredApps) this.#app(a);
  }

  // ---- workers ----------------------------------------------------------

  /** A task worker said Hello; `terms` is what it negotiated: tasks.flow, and a version with Execute.meta (1.3). */
  addWorker(id: number, apps: readonly string[], capacity: number, terms: { flow: boolean; meta: boolean }): void {
    this.#workers.set(id, {
      id, apps: apps.length ? new Set(apps) : null, capacity, ready: false, closed: false, killed: false, flow: terms.flow, meta: terms.meta, jobs: new Map(), completed: 0,
    });
    for (const a of apps) this.#app(a);
  }

  /** It said Ready (or reported a new capacity): it may be given jobs. */
  ready(id: number, capacity: number): void {
    const w = this.#workers.get(id);
    if (!w) return;
    w.ready = true;
    w.capacity = capacity;
    this.#pumpAll();
  }

  /** Draining, stopping or given up on: no new job; its jobs run on (DRAIN-12). */
  close(id: number): void {
    const w = this.#workers.get(id);
    if (w) w.closed = true;
  }

  /** Jobs completed by a worker (for max-jobs recycling). */
  completed(id: number): number {
    return this.#workers.get(id)?.completed ?? 0;
  }

  /** The worker exited: settle every job it held (TASK-20, CALL-7). */
  removeWorker(id: number): void {
    const w = this.#workers.get(id);
    if (!w) return;
    this.#workers.delete(id);
    const retry: Job[] = [];
    for (const job of w.jobs.values()) {
      if (job.state === 'abandoned') continue;
      const app = this.#app(job.app);
      if (job.req.idempotent && job.relayed === 0 && job.held.length === 0 && !this.#closed) {
        job.state = 'queued';
        job.worker = undefined;
        retry.push(job);
        continue;
      }
      app.lost++;
      this.#finish(job, errorReply(job, ErrorCode.ERROR_CODE_TASK_WORKER_LOST, `task worker ${id} exited while running ${job.req.name}`));
    }
    // Re-run ahead of newer jobs, in their original order (CALL-7).
    for (const job of retry.reverse()) this.#app(job.app).queue.unshift(job);
    if (retry.length) this.#deps.log('info', `task worker ${id} lost: ${retry.length} idempotent job(s) queued again`);
    this.#pumpAll();
  }

  // ---- callers ----------------------------------------------------------

  /**
   * A caller's own Execute (a socket worker, a client, the embedding
   * process): submit() once its meta keeps within the caller's limits
   * (CALL-17); otherwise the job is refused with INVALID_FIELD, not fatal (CALL-18).
   */
  call(req: SubmitRequest): void {
    const problem = req.meta === undefined ? undefined : metaProblem(req.meta);
    if (problem) {
      req.caller.reply({ kind: 'error', body: { code: ErrorCode.ERROR_CODE_INVALID_FIELD, message: `Execute.meta: ${problem.message} [CALL-17]`, fatal: false, requestId: req.requestId } });
      return;
    }
    this.submit(req);
  }

  /** An Execute to run (CALL-2..5); its meta is not checked (the arbiter's own jobs add `corral.` keys). */
  submit(req: SubmitRequest): void {
    const mine = this.#callerJobs(req.caller);
    if (mine.has(req.requestId)) {
      req.caller.reply({ kind: 'error', body: { code: ErrorCode.ERROR_CODE_DUPLICATE_REQUEST, message: `request id ${req.requestId} is already outstanding`, requestId: req.requestId } });
      return;
    }
    const dot = req.name.indexOf('.');
    const app = dot > 0 ? req.name.slice(0, dot) : req.name;
    const now = this.#deps.now();
    const job: Job = {
      seq: this.#nextSeq++, submittedWall: Date.now(), startedWall: 0,
      req, app, state: 'queued', receivedAt: now, deadlineAt: req.deadlineMs > 0 ? now + req.deadlineMs : undefined, hardAt: undefined,
      startedAt: undefined, worker: undefined, wid: 0, relayed: 0, held: [], heldFinal: undefined, callerCredit: req.window, owed: 0, received: 0, allowed: 0,
    };
    if (this.#closed) return this.#reject(job, ErrorCode.ERROR_CODE_TASK_OVERLOADED, 'the arbiter is stopping');
    if (!this.#serves(app)) return this.#reject(job, ErrorCode.ERROR_CODE_TASK_UNKNOWN, `no task worker serves app "${app}" (job ${req.name})`);
    const state = this.#app(app);
    state.submitted++;
    mine.set(req.requestId, job);
    if (job.deadlineAt !== undefined) this.#deps.schedule(job.deadlineAt);
    const w = this.#pick(app);
    if (w) return this.#start(job, w);
    if (state.queue.length >= this.#o.maxQueue) {
      mine.delete(req.requestId);
      state.rejected++;
      return this.#reject(job, ErrorCode.ERROR_CODE_TASK_OVERLOADED, `the queue of app "${app}" is full (maxQueue ${this.#o.maxQueue})`);
    }
    state.queue.push(job);
  }

  /** A caller's Cancel (CALL-6): answered at once. */
  cancel(caller: Caller, requestId: number, reason: string): void {
    const job = this.#byCaller.get(caller)?.get(requestId);
    if (!job || job.state === 'abandoned') return; // crossed with its final reply (TASK-17's mirror)
    this.#abandon(job, errorReply(job, ErrorCode.ERROR_CODE_TASK_CANCELLED, reason || 'cancelled by the caller'), reason || 'cancelled');
  }

  /** A caller's Credit (FLOW-3): relay what was held, and pass the credit on. */
  credit(caller: Caller, requestId: number, chunks: number): void {
    const job = this.#byCaller.get(caller)?.get(requestId);
    if (!job || job.state !== 'running') return; // FLOW-5
    job.callerCredit += chunks;
    this.#flush(job);
  }

  /** The caller's channel closed: cancel everything it has outstanding (CALL-8). */
  callerGone(caller: Caller): void {
    const jobs = this.#byCaller.get(caller);
    if (!jobs) return;
    this.#byCaller.delete(caller);
    for (const job of [...jobs.values()]) if (job.state !== 'abandoned') this.#abandon(job, undefined, 'the caller went away');
  }

  // ---- replies from task workers ---------------------------------------

  /**
   * A job-reply frame from a task worker. Returns a protocol problem to
   * report as fatal (FLOW-4), or undefined.
   */
  onReply(workerId: number, m: OutMessage & { body: { requestId?: number | null } }): { code: number; message: string } | undefined {
    const w = this.#workers.get(workerId);
    const wid = Number(m.body.requestId ?? 0);
    const job = w?.jobs.get(wid);
    if (!w || !job) return undefined; // a reply to a job already settled (TASK-18)
    const final = m.kind === 'result' || m.kind === 'error' || m.kind === 'end';
    if (m.kind === 'chunk') {
      job.received++;
      if (w.flow && job.received > job.allowed) return { code: ErrorCode.ERROR_CODE_FLOOD, message: `job ${wid}: chunk ${job.received} beyond the window and credit (${job.allowed}) [FLOW-4]` };
    }
    if (final) {
      w.jobs.delete(wid);
      w.completed++;
      const app = this.#app(job.app);
      if (job.startedAt !== undefined) {
        const ms = this.#deps.now() - job.startedAt;
        app.runs.add(ms);
        app.runCounts.add(ms);
      }
      if (job.state !== 'abandoned') {
        if (m.kind === 'error') app.failed++;
        else app.completed++;
      }
    }
    if (job.state === 'abandoned') {
      // A slot is free: any app this worker serves may have jobs waiting.
      if (final) this.#pumpAll();
      return undefined; // TASK-18
    }
    const out = { kind: m.kind, body: { ...m.body, requestId: job.req.requestId } } as OutMessage;
    if (m.kind === 'chunk') {
      if (job.req.window === 0 && w.flow) {
        this.#relayChunk(job, out);
      } else if (job.req.window === 0 || job.callerCredit > 0) {
        if (job.req.window > 0) job.callerCredit--;
        this.#relayChunk(job, out);
      } else {
        job.held.push(out);
        // A worker without tasks.flow cannot be paused: past the window the
        // job fails rather than the arbiter's memory (FLOW-6).
        if (!w.flow && job.held.length > this.#o.streamWindow) {
          this.#abandon(job, errorReply(job, ErrorCode.ERROR_CODE_TASK_FAILED, `the stream outran the caller by ${this.#o.streamWindow} chunks and task worker ${w.id} does not support tasks.flow`), 'caller too slow');
        }
      }
      return undefined;
    }
    if (job.held.length > 0) {
      job.heldFinal = out; // after the held chunks
      this.#pumpAll();
      return undefined;
    }
    this.#finish(job, out);
    this.#pumpAll();
    return undefined;
  }

  // ---- time ---------------------------------------------------------------

  /** The earliest time expire() has something to do, or undefined. */
  nextTimer(): number | undefined {
    let next: number | undefined;
    const consider = (t: number | undefined) => { if (t !== undefined && (next === undefined || t < next)) next = t; };
    for (const jobs of this.#byCaller.values()) for (const j of jobs.values()) consider(j.state === 'abandoned' ? undefined : j.deadlineAt);
    for (const w of this.#workers.values()) if (!w.killed) for (const j of w.jobs.values()) consider(j.hardAt);
    return next;
  }

  /** Deadlines (CALL-5) and grace periods (CALL-10) that have passed. */
  expire(now = this.#deps.now()): void {
    for (const jobs of [...this.#byCaller.values()]) {
      for (const job of [...jobs.values()]) {
        if (job.state === 'abandoned' || job.deadlineAt === undefined || now < job.deadlineAt) continue;
        const ms = job.req.deadlineMs;
        this.#abandon(job, errorReply(job, ErrorCode.ERROR_CODE_TASK_TIMEOUT, `${job.req.name} did not finish within its deadline of ${ms} ms${job.state === 'queued' ? ' (it was still queued)' : ''}`), `deadline of ${ms} ms passed`);
      }
    }
    for (const w of [...this.#workers.values()]) {
      if (w.killed) continue;
      const overdue = [...w.jobs.values()].find((j) => j.hardAt !== undefined && now >= j.hardAt);
      if (overdue) {
        // Draining or not: a job that ignores its deadline would hold the drain to its end.
        w.closed = true;
        w.killed = true;
        this.#deps.kill(w.id, `job ${overdue.wid} (${overdue.req.name}) still running ${overdue.req.graceMs ?? this.#o.graceMs} ms after its deadline or cancel`);
      }
    }
  }

  /** The pool is stopping: refuse new jobs and everything queued. */
  shutdown(): void {
    this.#closed = true;
    for (const [name, app] of this.#apps) {
      for (const job of app.queue.splice(0)) {
        app.abandoned++;
        job.state = 'abandoned';
        this.#finish(job, errorReply(job, ErrorCode.ERROR_CODE_TASK_OVERLOADED, `the arbiter is stopping; ${name} job not run`));
      }
    }
  }

  stats() {
    const apps: Record<string, unknown> = {};
    for (const [name, a] of this.#apps) {
      let inFlight = 0;
      let workers = 0;
      for (const w of this.#workers.values()) {
        if (w.apps && !w.apps.has(name)) continue;
        workers++;
        for (const j of w.jobs.values()) if (j.app === name && j.state !== 'abandoned') inFlight++;
      }
      apps[name] = {
        workers, queued: a.queue.length, inFlight, submitted: a.submitted, completed: a.completed, failed: a.failed,
        rejected: a.rejected, lost: a.lost, abandoned: a.abandoned, waitMs: a.waits.percentiles(), runMs: a.runs.percentiles(),
        runCounts: [...a.runCounts.counts], runSumMs: a.runCounts.sumMs,
      };
    }
    return { apps, workers: [...this.#workers.values()].map((w) => ({ id: w.id, ready: w.ready, closed: w.closed, capacity: w.capacity, outstanding: w.jobs.size, completed: w.completed })) };
  }

  // ---- internals ------------------------------------------------------------

  #app(name: string): AppState {
    let a = this.#apps.get(name);
    if (!a) {
      a = { queue: [], waits: new Samples(), runs: new Samples(), runCounts: new RunCounts(), submitted: 0, completed: 0, failed: 0, rejected: 0, lost: 0, abandoned: 0 };
      this.#apps.set(name, a);
    }
    return a;
  }

  #callerJobs(caller: Caller): Map<number, Job> {
    let m = this.#byCaller.get(caller);
    if (!m) {
      m = new Map();
      this.#byCaller.set(caller, m);
    }
    return m;
  }

  /**
   * Jobs of `app` that would start at once if submitted now: room on ready
   * workers that serve it, less what already waits in its queue
   * (Infinity when a worker takes any number).
   */
  idleSlots(app: string): number {
    let n = 0;
    for (const w of this.#workers.values()) {
      if (!w.ready || w.closed || (w.apps && !w.apps.has(app))) continue;
      if (w.capacity === 0) return Infinity;
      n += Math.max(0, w.capacity - w.jobs.size);
    }
    return Math.max(0, n - (this.#apps.get(app)?.queue.length ?? 0));
  }

  #serves(app: string): boolean {
    if (this.#configured.has(app)) return true;
    for (const w of this.#workers.values()) if (!w.apps || w.apps.has(app)) return true;
    return false;
  }

  /** TASK-23: the ready worker serving the app with room and the fewest outstanding jobs. */
  #pick(app: string): TaskWorker | undefined {
    let best: TaskWorker | undefined;
    for (const w of this.#workers.values()) {
      if (!w.ready || w.closed || (w.apps && !w.apps.has(app))) continue;
      if (w.capacity > 0 && w.jobs.size >= w.capacity) continue;
      // Ties go to the worker that has done the least, so idle workers take turns.
      if (!best || w.jobs.size < best.jobs.size || (w.jobs.size === best.jobs.size && w.completed < best.completed)) best = w;
    }
    return best;
  }

  #start(job: Job, w: TaskWorker): void {
    const now = this.#deps.now();
    let deadlineMs = 0;
    if (job.deadlineAt !== undefined) {
      deadlineMs = Math.ceil(job.deadlineAt - now);
      if (deadlineMs <= 0) return this.#abandon(job, errorReply(job, ErrorCode.ERROR_CODE_TASK_TIMEOUT, `${job.req.name} waited past its deadline of ${job.req.deadlineMs} ms in the queue`), 'expired in queue');
    }
    const wid = this.#nextWid++;
    job.state = 'running';
    job.worker = w;
    job.wid = wid;
    job.startedAt = now;
    job.startedWall = Date.now();
    job.req.onStart?.();
    job.received = 0;
    job.allowed = w.flow ? this.#o.streamWindow : Infinity;
    this.#app(job.app).waits.add(now - job.receivedAt);
    w.jobs.set(wid, job);
    const r = job.req;
    this.#deps.send(w.id, {
      kind: 'execute',
      body: { requestId: wid, name: r.name, payload: r.payload, deadlineMs, contentType: r.contentType, window: w.flow ? this.#o.streamWindow : 0, meta: w.meta && r.meta ? r.meta : null },
    });
  }

  #pumpAll(): void {
    for (const name of this.#apps.keys()) this.#pump(name);
  }

  #pump(app: string): void {
    const a = this.#apps.get(app);
    if (!a) return;
    while (a.queue.length > 0) {
      const w = this.#pick(app);
      if (!w) return;
      this.#start(a.queue.shift()!, w);
    }
  }

  #relayChunk(job: Job, out: OutMessage): void {
    job.relayed++;
    job.req.caller.reply(out);
    const w = job.worker;
    if (!w?.flow) return;
    // Credit in batches of half the window: fewer frames, and a worker that
    // has used its window always gets credit back once the caller reads.
    job.owed++;
    if (job.owed >= Math.max(1, Math.floor(this.#o.streamWindow / 2))) {
      job.allowed += job.owed;
      this.#deps.send(w.id, { kind: 'credit', body: { requestId: job.wid, chunks: job.owed } });
      job.owed = 0;
    }
  }

  #flush(job: Job): void {
    while (job.held.length > 0 && job.callerCredit > 0) {
      job.callerCredit--;
      this.#relayChunk(job, job.held.shift()!);
    }
    if (job.held.length === 0 && job.heldFinal) {
      const fin = job.heldFinal;
      job.heldFinal = undefined;
      this.#finish(job, fin);
      this.#pumpAll();
    }
  }

  /** Ends a job for its caller (reply = the final frame, or nothing when the caller is gone). */
  #finish(job: Job, reply: OutMessage | undefined): void {
    if (job.state !== 'abandoned') this.#record(job, reply);
    const mine = this.#byCaller.get(job.req.caller);
    if (mine?.get(job.req.requestId) === job) mine.delete(job.req.requestId);
    if (job.state === 'queued') {
      const q = this.#apps.get(job.app)?.queue;
      const i = q ? q.indexOf(job) : -1;
      if (i >= 0) q!.splice(i, 1);
    }
    if (reply) job.req.caller.reply(reply);
  }

  /** Settles a job before its worker answered: a timeout, a cancel, a caller gone (CALL-6, CALL-9). */
  #abandon(job: Job, reply: OutMessage | undefined, why: string): void {
    const running = job.state === 'running';
    const w = job.worker;
    this.#app(job.app).abandoned++;
    this.#finish(job, reply);
    job.state = 'abandoned';
    job.held = [];
    job.heldFinal = undefined;
    if (running && w) {
      // Still counted against the worker's capacity until it answers (CALL-9).
      const grace = job.req.graceMs ?? this.#o.graceMs;
      job.hardAt = grace > 0 ? this.#deps.now() + grace : undefined;
      if (job.hardAt !== undefined) this.#deps.schedule(job.hardAt);
      this.#deps.send(w.id, { kind: 'cancel', body: { requestId: job.wid, reason: why } });
    }
  }

  /** Keeps an ended job for jobs(): how it ended, read from its final reply. */
  #record(job: Job, reply: OutMessage | undefined): void {
    const size = this.#o.jobHistory ?? 0;
    if (size <= 0) return;
    let state: ListedState = 'succeeded';
    let errorCode = '';
    let errorMessage = '';
    if (!reply) {
      state = 'cancelled';
      errorMessage = 'the caller went away';
    } else if (reply.kind === 'error') {
      const err = errorFromWire(reply.body.code ?? 0, reply.body.message ?? '');
      errorCode = err.code;
      errorMessage = err.message;
      const code = reply.body.code;
      state = code === ErrorCode.ERROR_CODE_TASK_TIMEOUT ? 'timeout' : code === ErrorCode.ERROR_CODE_TASK_CANCELLED ? 'cancelled' : code === ErrorCode.ERROR_CODE_TASK_WORKER_LOST ? 'lost' : 'failed';
    }
    const info = { ...this.#info(job, state), endedAtMs: Date.now(), errorCode, errorMessage };
    if (this.#ended.length < size) this.#ended.push(info);
    else {
      this.#ended[this.#endedAt] = info;
      this.#endedAt = (this.#endedAt + 1) % size;
    }
  }

  #info(job: Job, state: ListedState): JobInfo {
    const dot = job.req.name.indexOf('.');
    return {
      id: job.seq, app: job.app, action: dot > 0 ? job.req.name.slice(dot + 1) : '', state, worker: job.worker?.id ?? 0, caller: job.req.caller.name,
      submittedAtMs: job.submittedWall, startedAtMs: job.startedWall, endedAtMs: 0, payloadBytes: job.req.payload.length, errorCode: '', errorMessage: '',
      meta: job.req.meta ? { ...job.req.meta } : {}, chunks: job.relayed,
    };
  }

  /**
   * Jobs waiting, running and recently ended (jobHistory of them), newest
   * first: what `corral ctl jobs` and the dashboard list.
   */
  jobs(q: JobQuery): JobList {
    const live: JobInfo[] = [];
    for (const mine of this.#byCaller.values()) {
      for (const job of mine.values()) if (job.state !== 'abandoned') live.push(this.#info(job, job.state));
    }
    const ended = [...this.#ended.slice(this.#endedAt), ...this.#ended.slice(0, this.#endedAt)];
    const all = [...live.sort((a, b) => a.id - b.id), ...ended.sort((a, b) => a.id - b.id)].reverse();
    const match = all.filter((j) => (!q.state || j.state === q.state) && (!q.app || j.app === q.app) && (!q.id || j.id === q.id));
    return { jobs: match.slice(0, q.limit), matched: match.length };
  }

  #reject(job: Job, code: number, message: string): void {
    job.req.caller.reply(errorReply(job, code, message));
  }
}

function errorReply(job: Job, code: number, message: string): OutMessage {
  return { kind: 'error', body: { code, message, fatal: false, requestId: job.req.requestId } };
}
