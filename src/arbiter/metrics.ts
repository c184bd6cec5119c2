// The Prometheus metrics endpoint (options.metrics, `corral run --metrics
// HOST:PORT`): GET /metrics answers in the Prometheus text format 0.0.4.
//
//   Prometheus ──GET /metrics──► openMetrics' server ──► registry.metrics()
//                                                          │ every family's collect():
//                                                          │   one snapshot per scrape:
//                                                          │   view.status({ histograms: true }), view.tasksStatus()
//              ◄── text/plain; version=0.0.4 ──────────────┘
//
// Nothing is counted here: every value is read from the PoolView when a
// scrape asks (the arbiter's sampling and the workers' heartbeats keep the
// numbers), so the endpoint costs nothing between scrapes. prom-client writes
// the exposition (escaping, HELP and TYPE, counter and histogram conventions)
// from a Registry of this endpoint's own, never the global one.
//
// Two histograms are built from bucket counts that already exist, which
// prom-client's Histogram cannot be set from, so BucketHistogram writes their
// samples itself (still through the Registry): the workers' request
// durations (Heartbeat.latency_counts, bounds LATENCY_BOUNDS_US) and the task
// apps' job run times (TaskPool's JOB_RUN_BOUNDS_MS). The request-duration
// histogram has no _sum: the workers report counts per bucket, not the sum of
// durations, and a sum made up from bucket bounds would be a guess dressed as
// a measurement. The text format 0.0.4 requires the +Inf bucket and that it
// equal _count, not a _sum (Prometheus' parsers and the Python client's take
// a histogram without one; histogram_quantile() reads only the buckets). It
// would not do for OpenMetrics, which wants _count and _sum together or
// neither, so this endpoint answers 0.0.4 only. The job run-time histogram
// has its _sum: the arbiter times every run itself.
//
// The arbiter process's own metrics are prom-client's default ones, prefixed
// corral_arbiter_. They describe the process, not a pool, so they are
// collected into one registry per process and merged into each endpoint's.
// Their event-loop delay monitor samples with a timer; at prom-client's
// default 10 ms it would wake the arbiter 100 times a second, ten times its
// own supervision tick, so it samples once a second.
//
// Bounded: connections (maxConnections), header size and time, request time,
// idle keep-alive time; request bodies are never read into memory (a request
// that has one gets its answer and the connection is closed); concurrent
// scrapes share one rendering.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Registry, collectDefaultMetrics, type Metric } from 'prom-client';
import { LATENCY_BOUNDS_US } from '../protocol/limits.js';
import type { PoolStatus, TasksStatus } from '../protocol/control.js';
import type { Logger } from './log.js';
import { EXIT_REASONS } from './monitor.js';
import { parseBind } from './options.js';
import type { PoolView, Service } from './services.js';
import { JOB_RUN_BOUNDS_MS } from './task-pool.js';

/** The endpoint's bounds on its clients. */
export const METRICS_LIMITS = Object.freeze({
  /** Connections open at once; more are closed as they arrive. */
  maxConnections: 32,
  /** Time for a request's headers to arrive, ms. */
  headersTimeoutMs: 5_000,
  /** Time for a whole request to arrive, ms. */
  requestTimeoutMs: 10_000,
  /** An idle keep-alive connection is closed after this long, ms. */
  keepAliveTimeoutMs: 5_000,
  /** A connection on which nothing moves for this long (a client that does not read its answer) is closed, ms. */
  idleTimeoutMs: 30_000,
  /** Request header bytes. */
  maxHeaderBytes: 8 * 1024,
  /** Scrape errors logged per minute (the rest are counted in the next line). */
  errorLogsPerMinute: 1,
});

/** prom-client's default metrics are collected under this prefix. */
export const ARBITER_METRICS_PREFIX = 'corral_arbiter_';

/** Worker states a worker of PoolStatus can be in (an exited one is not listed). */
const WORKER_STATES = ['booting', 'ready', 'draining', 'stopping'] as const;
const WORKER_KINDS = ['socket', 'task'] as const;
const JOB_OUTCOMES = ['completed', 'failed', 'rejected', 'lost', 'abandoned'] as const;

/** What one scrape reads: taken once, shared by every family. */
interface Snapshot {
  pool: PoolStatus;
  tasks: TasksStatus;
}

type Labels = Record<string, string>;
type Emit = (labels: Labels, value: number) => void;

/** One histogram's series: counts per bucket (not cumulative), the last past the largest bound. */
interface Buckets {
  labels: Labels;
  /** Upper bounds, seconds, increasing. */
  bounds: readonly number[];
  counts: readonly number[];
  /** Sum of the observations, seconds; undefined when unknown (no _sum sample is written). */
  sum?: number | undefined;
}

/**
 * A histogram family written from bucket counts kept elsewhere: cumulative
 * _bucket samples, le ascending, the +Inf bucket equal to _count. It is a
 * prom-client metric as far as the Registry is concerned (name, help, type,
 * get()), so the Registry formats and escapes it like the others.
 */
class BucketHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly labelNames: string[];
  constructor(readonly name: string, readonly help: string, labelNames: string[], readonly read: () => Buckets[]) {
    this.labelNames = labelNames;
  }

  async get() {
    const values: { metricName: string; labels: Record<string, string | number>; value: number }[] = [];
    for (const h of this.read()) {
      let seen = 0;
      h.bounds.forEach((le, i) => {
        seen += h.counts[i] ?? 0;
        values.push({ metricName: `${this.name}_bucket`, labels: { ...h.labels, le }, value: seen });
      });
      seen += h.counts[h.bounds.length] ?? 0;
      values.push({ metricName: `${this.name}_bucket`, labels: { ...h.labels, le: '+Inf' }, value: seen });
      if (h.sum !== undefined) values.push({ metricName: `${this.name}_sum`, labels: h.labels, value: h.sum });
      values.push({ metricName: `${this.name}_count`, labels: h.labels, value: seen });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  /** Registry.resetMetrics(): nothing is kept here to reset. */
  reset(): void {}
}

let processRegistry: Registry | undefined;

/** The arbiter process's metrics (prom-client's default ones), collected once per process whatever the number of endpoints. */
function arbiterProcessRegistry(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: ARBITER_METRICS_PREFIX, eventLoopMonitoringPrecision: 1000 });
  }
  return processRegistry;
}

const seconds = (ms: number) => ms / 1000;
/** A counter's value: never negative, never NaN (a value from a worker is not trusted to be either). */
const count = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);

/**
 * The registry a scrape of `view` renders: the pool's families, read from
 * `view` when rendered, and the arbiter process's. Exported for tests; the
 * endpoint is openMetrics().
 */
export function metricsRegistry(view: PoolView): Registry {
  const registry = new Registry();
  let snap: Snapshot | undefined;
  // Registry.metrics() calls every family's collect() in one synchronous
  // pass before it awaits anything, so a snapshot dropped at the next
  // microtask is one snapshot per scrape: every family sees the same pool.
  const now = (): Snapshot => {
    if (!snap) {
      snap = { pool: view.status({ histograms: true }), tasks: view.tasksStatus() };
      queueMicrotask(() => { snap = undefined; });
    }
    return snap;
  };
  const registers = [registry];
  const gauge = (name: string, help: string, labelNames: string[], fill: (s: Snapshot, emit: Emit) => void) =>
    new Gauge({
      name, help, labelNames, registers,
      collect() {
        this.reset();
        fill(now(), (labels, value) => this.set(labels, value));
      },
    });
  const counter = (name: string, help: string, labelNames: string[], fill: (s: Snapshot, emit: Emit) => void) =>
    new Counter({
      name, help, labelNames, registers,
      collect() {
        this.reset();
        fill(now(), (labels, value) => this.inc(labels, count(value)));
      },
    });
  const histogram = (name: string, help: string, labelNames: string[], read: (s: Snapshot) => Buckets[]) =>
    registry.registerMetric(new BucketHistogram(name, help, labelNames, () => read(now())) as unknown as Metric);

  // ---- the pool ----
  gauge('corral_workers', 'Workers by kind and state (exited ones are not counted).', ['kind', 'state'], (s, emit) => {
    const n = new Map<string, number>();
    for (const k of WORKER_KINDS) for (const st of WORKER_STATES) n.set(`${k} ${st}`, 0);
    for (const w of s.pool.workers) n.set(`${w.kind} ${w.state}`, (n.get(`${w.kind} ${w.state}`) ?? 0) + 1);
    for (const [key, v] of n) {
      const [kind, state] = key.split(' ') as [string, string];
      emit({ kind, state }, v);
    }
  });
  gauge('corral_workers_target', 'Workers the arbiter keeps running, by kind (socket: --workers; task: task worker slots).', ['kind'], (s, emit) => {
    emit({ kind: 'socket' }, s.pool.targetWorkers);
    emit({ kind: 'task' }, s.pool.targetTaskWorkers);
  });
  gauge('corral_generation', 'The generation of workers the pool runs: 1 at the start, one more at each reload (back by one when a reload is abandoned).', [], (s, emit) => emit({}, s.pool.generation));
  gauge('corral_uptime_seconds', 'Time since the arbiter started.', [], (s, emit) => emit({}, seconds(s.pool.uptimeMs)));
  counter('corral_connections_accepted_total', 'Connections accepted by the socket workers since the arbiter started, those of exited workers included.', [], (s, emit) => emit({}, s.pool.acceptedTotal));
  counter('corral_restarts_total', 'Workers that exited since the arbiter started, by reason (replaced unless the pool was shrinking or stopping).', ['reason'], (s, emit) => {
    const n = new Map<string, number>(EXIT_REASONS.map((r) => [r, 0]));
    for (const r of s.pool.restarts) n.set(r.reason, r.count);
    for (const [reason, v] of n) emit({ reason }, v);
  });
  gauge('corral_boot_failures_consecutive', 'Workers in a row that failed to boot (0 once one boots); the arbiter gives up at its limit.', [], (s, emit) => emit({}, s.pool.bootFailures));

  // ---- each worker: a restarted worker is a new id, so a new series; an exited worker's series end ----
  const perWorker = (field: (w: PoolStatus['workers'][number]) => number) => (s: Snapshot, emit: Emit) => {
    for (const w of s.pool.workers) emit({ worker: String(w.id), kind: w.kind }, field(w));
  };
  const W = ['worker', 'kind'];
  counter('corral_worker_connections_accepted_total', 'Connections the worker accepted (its heartbeats).', W, perWorker((w) => w.acceptedTotal));
  counter('corral_worker_requests_total', 'Requests the worker completed (its heartbeats).', W, perWorker((w) => w.requestsTotal));
  counter('corral_worker_wakeups_total', 'Times the worker was woken to accept (its heartbeats; spec.md 6.3.1).', W, perWorker((w) => w.wakeupsTotal));
  gauge('corral_worker_in_flight', 'Connections or jobs the worker holds now.', W, perWorker((w) => w.inFlight));
  gauge('corral_worker_capacity', 'Connections or jobs the worker can hold at once.', W, perWorker((w) => w.capacity));
  gauge('corral_worker_heartbeat_age_seconds', 'Time since the arbiter last heard from the worker.', W, perWorker((w) => seconds(w.heartbeatAgeMs)));
  gauge('corral_worker_resident_memory_bytes', 'The worker process\'s resident memory (/proc, at the last sample).', W, perWorker((w) => w.rssBytes));
  counter('corral_worker_cpu_seconds_total', 'CPU time the worker process used, user and system (/proc, at the last sample).', W, perWorker((w) => w.cpuUs / 1e6));
  histogram('corral_worker_request_duration_seconds',
    'Durations of the requests the worker completed, from the bucket counts of its heartbeats (no _sum: workers do not report one).',
    W, (s) => {
      const boundsUs = s.pool.latencyBoundsUs.length ? s.pool.latencyBoundsUs : LATENCY_BOUNDS_US;
      const bounds = boundsUs.map((us) => us / 1e6);
      return s.pool.workers
        .filter((w) => w.latencyCounts.length === bounds.length + 1)
        .map((w) => ({ labels: { worker: String(w.id), kind: w.kind }, bounds, counts: w.latencyCounts.map(count) }));
    });

  // ---- task apps ----
  if (view.options.tasks.length > 0) {
    const perApp = (field: (a: TasksStatus['apps'][number]) => number) => (s: Snapshot, emit: Emit) => {
      for (const a of s.tasks.apps) emit({ app: a.name }, field(a));
    };
    counter('corral_task_jobs_submitted_total', 'Jobs the app\'s callers submitted that the arbiter took (not refused as unknown or duplicate).', ['app'], perApp((a) => a.submitted));
    counter('corral_task_jobs_total', 'Jobs of the app that ended, by outcome: completed, failed (the action failed), rejected (queue full), lost (the worker died), abandoned (cancelled, timed out, caller gone).', ['app', 'outcome'], (s, emit) => {
      for (const a of s.tasks.apps) for (const outcome of JOB_OUTCOMES) emit({ app: a.name, outcome }, a[outcome]);
    });
    gauge('corral_task_jobs_queued', 'Jobs of the app waiting in the arbiter for a task worker.', ['app'], perApp((a) => a.queued));
    gauge('corral_task_jobs_in_flight', 'Jobs of the app running on task workers.', ['app'], perApp((a) => a.inFlight));
    gauge('corral_task_workers', 'Task workers that serve the app.', ['app'], perApp((a) => a.workers));
    const runBounds = JOB_RUN_BOUNDS_MS.map(seconds);
    histogram('corral_task_job_run_duration_seconds', 'Run times of the app\'s jobs that a task worker finished, from the Execute sent to the last reply.', ['app'], (s) =>
      s.tasks.apps
        .filter((a) => a.runCounts?.length === runBounds.length + 1)
        .map((a) => ({ labels: { app: a.name }, bounds: runBounds, counts: a.runCounts!.map(count), sum: seconds(a.runSumMs ?? 0) })));
  }

  // ---- the durable-queue consumer ----
  if (view.options.queue) {
    const q = (field: (q: NonNullable<TasksStatus['queue']>) => number) => (s: Snapshot, emit: Emit) => {
      if (s.tasks.queue) emit({}, field(s.tasks.queue));
    };
    gauge('corral_queue_connected', '1 while the consumer is connected to Redis, else 0.', [], q((x) => (x.state === 'connected' ? 1 : 0)));
    gauge('corral_queue_depth', 'Jobs in each durable queue by state: waiting, delayed (a retry or a later run), dead (out of attempts); read from Redis every few seconds.', ['queue', 'state'], (s, emit) => {
      for (const d of s.tasks.queue?.depths ?? []) {
        emit({ queue: d.queue, state: 'waiting' }, d.waiting);
        emit({ queue: d.queue, state: 'delayed' }, d.delayed);
        emit({ queue: d.queue, state: 'dead' }, d.dead);
      }
    });
    gauge('corral_queue_jobs_held', 'Jobs the consumer has taken from Redis and not yet finished.', [], q((x) => x.held));
    counter('corral_queue_jobs_fetched_total', 'Jobs the consumer took from Redis.', [], q((x) => x.fetched));
    counter('corral_queue_jobs_succeeded_total', 'Queue jobs that succeeded.', [], q((x) => x.succeeded));
    counter('corral_queue_jobs_failed_total', 'Queue jobs that ended failed, neither retried nor moved to the dead list.', [], q((x) => x.failed));
    counter('corral_queue_jobs_retried_total', 'Failed attempts of queue jobs put back for another attempt.', [], q((x) => x.retried));
    counter('corral_queue_jobs_dead_total', 'Queue jobs moved to the dead list (out of attempts).', [], q((x) => x.dead));
  }

  return Registry.merge([registry, arbiterProcessRegistry()]);
}

/**
 * Serves `view`'s metrics at http://`address`/metrics. Resolves once bound;
 * rejects if it cannot bind (a port in use), naming options.metrics.
 */
export async function openMetrics(view: PoolView, address: string, log: Logger): Promise<Service> {
  const bind = parseBind(address);
  if (bind.kind !== 'tcp') throw new TypeError(`options.metrics must be HOST:PORT, got ${JSON.stringify(address)}`);
  const registry = metricsRegistry(view);
  let rendering: Promise<string> | undefined;
  let errors = 0;
  let loggedAt = -Infinity;

  const render = () => {
    // Scrapes that arrive while one renders share its answer.
    rendering ??= registry.metrics().finally(() => { rendering = undefined; });
    return rendering;
  };

  const answer = (req: http.IncomingMessage, res: http.ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) => {
    res.statusCode = status;
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.setHeader('Cache-Control', 'no-store');
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    // A body is never read: the connection it came on is not used again.
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (hasBody) res.setHeader('Connection', 'close');
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const text = 'text/plain; charset=utf-8';
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(req, res, 405, text, 'method not allowed: GET /metrics\n', { Allow: 'GET, HEAD', Connection: 'close' });
    if (path === '/') return answer(req, res, 200, text, `corral arbiter ${process.pid}: Prometheus metrics at /metrics\n`);
    if (path !== '/metrics') return answer(req, res, 404, text, 'not found: the metrics are at /metrics\n');
    render().then(
      (body) => answer(req, res, 200, registry.contentType, body),
      (err: unknown) => {
        errors++;
        const t = Date.now();
        if (t - loggedAt >= 60_000 / METRICS_LIMITS.errorLogsPerMinute) {
          log.error(`metrics: a scrape failed: ${(err as Error)?.stack ?? err}${errors > 1 ? ` (${errors} failed scrapes so far)` : ''}`);
          loggedAt = t;
        }
        answer(req, res, 500, text, 'the metrics could not be read; the arbiter\'s log says why\n');
      },
    );
  };

  const server = http.createServer({
    headersTimeout: METRICS_LIMITS.headersTimeoutMs,
    requestTimeout: METRICS_LIMITS.requestTimeoutMs,
    keepAliveTimeout: METRICS_LIMITS.keepAliveTimeoutMs,
    maxHeaderSize: METRICS_LIMITS.maxHeaderBytes,
  }, handle);
  server.maxConnections = METRICS_LIMITS.maxConnections;
  server.setTimeout(METRICS_LIMITS.idleTimeoutMs);
  await new Promise<void>((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EADDRINUSE' ? 'the address is in use (another process listens there)'
        : err.code === 'EADDRNOTAVAIL' ? 'no interface of this host has that address'
          : err.code === 'EACCES' ? 'permission denied (a port below 1024 needs privileges)'
            : err.message;
      reject(Object.assign(new Error(`options.metrics (--metrics ${address}): cannot listen on ${bind.host}:${bind.port}: ${why}${err.code ? ` (${err.code})` : ''}`, { cause: err }), { code: err.code }));
    };
    server.once('error', failed);
    server.listen({ host: bind.host, port: bind.port }, () => {
      server.off('error', failed);
      resolve();
    });
  });
  // A malformed, oversized or timed-out request is Node's to answer (400, 431, 408) and close.
  server.on('error', (err) => log.error(`metrics: ${err.message}`));

  const a = server.address() as AddressInfo;
  const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
  let closing: Promise<void> | undefined;
  return {
    name: 'metrics',
    url: `http://${host}:${a.port}/metrics`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
