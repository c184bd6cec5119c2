// The pool's vital signs, sampled once per sampleIntervalMs: what status
// (corral ctl), corral top, the metrics endpoint and the dashboard show.
// Counters come from the workers' heartbeats (accepted, requests, wakeups,
// latency buckets, spec.md section 6.3); memory and CPU from /proc, because a
// stuck worker reports nothing and a worker's own word on its size is not
// needed. Rates and percentiles are differences between two samples, so a
// heartbeat lost in between costs nothing: the counters are cumulative.
//
//   sample k-1                 sample k
//   ├── counters(w) ──────────► counters(w) ── difference / interval ──► rates, p99
//
// Pure apart from the injected /proc reader: logic tests feed it numbers.
import { LATENCY_BOUNDS_US } from '../protocol/limits.js';
import type { Interval } from '../protocol/control.js';
import type { ProcessUsage } from '../transport/procfs.js';
import type { WorkerRecord } from './worker-record.js';

/** Why a worker ended, as counted in PoolStatus.restarts and the metrics' restarts by reason. */
export type ExitReason =
  | 'crash' | 'boot_failure' | 'boot_timeout' | 'killed' | 'heartbeat_timeout' | 'protocol_error'
  | 'max_requests' | 'max_jobs' | 'max_rss' | 'reload' | 'scale_down' | 'stop';

export const EXIT_REASONS: readonly ExitReason[] = Object.freeze([
  'crash', 'boot_failure', 'boot_timeout', 'killed', 'heartbeat_timeout', 'protocol_error',
  'max_requests', 'max_jobs', 'max_rss', 'reload', 'scale_down', 'stop',
]);

/**
 * Classifies a worker's exit. `stopReason` is the arbiter's reason for
 * stopping it (undefined when it ended by itself); `foreign` says a signal
 * the arbiter did not send ended it.
 */
export function exitReason(w: Pick<WorkerRecord, 'stopReason' | 'everReady'>, stopping: boolean, foreign: boolean): ExitReason {
  const r = w.stopReason;
  // A stranger's signal first: a SIGKILLed worker's channel resets before its
  // exit is reported, which leaves a stop reason of the arbiter's own.
  if (foreign) return 'killed';
  if (r === undefined) return stopping ? 'stop' : w.everReady ? 'crash' : 'boot_failure';
  if (r.startsWith('arbiter stopping')) return 'stop';
  if (/shrinking|no task app runs/.test(r)) return 'scale_down';
  if (/^replaced by generation|reload/.test(r)) return 'reload';
  if (/max requests/.test(r)) return 'max_requests';
  if (/taskMaxJobs/.test(r)) return 'max_jobs';
  if (/taskMaxRssMb/.test(r)) return 'max_rss';
  if (/heartbeat timeout/.test(r)) return 'heartbeat_timeout';
  if (/handshake timeout|ready timeout/.test(r)) return 'boot_timeout';
  // Whatever ended it before Ready (an app that fails to load reports a fatal error first) is a failure to boot.
  return w.everReady ? 'protocol_error' : 'boot_failure';
}

/** The percentile `q` (0..1) of bucket counts: the upper bound of the bucket it falls in; 0 when there are none. */
export function bucketPercentile(counts: readonly number[], q: number, bounds: readonly number[] = LATENCY_BOUNDS_US): number {
  let total = 0;
  for (const c of counts) total += c;
  if (total === 0) return 0;
  const want = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i]!;
    // The last bucket has no upper bound: the largest bound is the most that can be said.
    if (seen >= want) return bounds[Math.min(i, bounds.length - 1)]!;
  }
  return bounds[bounds.length - 1]!;
}

/** What one sample says about one worker. */
export interface WorkerRates {
  acceptsPerSecond: number;
  cpuPermille: number;
  p99Us: number;
  rssBytes: number;
  cpuUs: number;
}

/** One point of the pool's history (the dashboard's charts). */
export interface HistoryPoint {
  /** Unix time, ms. */
  t: number;
  acceptsPerSecond: number;
  requestsPerSecond: number;
  p50Us: number;
  p99Us: number;
  jobsPerSecond: number;
  inFlight: number;
  /** Socket and task workers in state ready. */
  ready: number;
  workers: number;
  cpuPermille: number;
  rssBytes: number;
  /** Worker exits since the start, every reason. */
  restarts: number;
  /** Jobs waiting in the arbiter for a task worker. */
  queued: number;
  /** Per worker id: accepts/s, p99 µs, CPU ‰. */
  perWorker: Record<number, { a: number; p99: number; cpu: number }>;
}

interface Previous {
  at: number;
  accepted: number;
  requests: number;
  cpuUs: number;
  latency: readonly number[] | undefined;
}

export interface MonitorDeps {
  usage(pid: number | undefined): ProcessUsage | undefined;
  wall(): number;
  historySamples: number;
}

export interface SampleExtras {
  /** Task jobs ended since the start (all apps). */
  jobsTotal: number;
  /** Task jobs waiting in the arbiter. */
  queued: number;
}

export class PoolMonitor {
  readonly #deps: MonitorDeps;
  readonly #prev = new Map<number, Previous>();
  readonly #rates = new Map<number, WorkerRates>();
  readonly #history: HistoryPoint[] = [];
  readonly #restarts = new Map<ExitReason, number>();
  #historyAt = 0;
  #lastAt: number | undefined;
  #jobsTotal = 0;
  /** Connections accepted by workers that have exited. */
  #acceptedGone = 0;
  #interval: Interval = { durationMs: 0, accepted: 0, requests: 0, p50Us: 0, p99Us: 0, jobs: 0 };

  constructor(deps: MonitorDeps) {
    this.#deps = deps;
  }

  /** Takes a sample of `workers` at monotonic time `now`. */
  sample(now: number, workers: Iterable<WorkerRecord>, extras: SampleExtras): void {
    const since = this.#lastAt;
    this.#lastAt = now;
    const seen = new Set<number>();
    const sum = new Array<number>(LATENCY_BOUNDS_US.length + 1).fill(0);
    let accepted = 0;
    let requests = 0;
    let inFlight = 0;
    let ready = 0;
    let count = 0;
    let cpuPermille = 0;
    let rssBytes = 0;
    const perWorker: HistoryPoint['perWorker'] = {};
    for (const w of workers) {
      if (w.state === 'exited') continue;
      seen.add(w.id);
      count++;
      inFlight += w.inFlight;
      if (w.state === 'ready') ready++;
      const use = this.#deps.usage(w.proc.pid);
      const p = this.#prev.get(w.id);
      const dt = p ? now - p.at : 0;
      const dAccepted = Math.max(0, w.acceptedTotal - (p?.accepted ?? 0));
      const dRequests = Math.max(0, w.requestsTotal - (p?.requests ?? 0));
      // A task worker's accepted_total counts the jobs it started: not connections.
      if (w.kind === 'socket') accepted += dAccepted;
      requests += dRequests;
      const lat = w.latencyCounts;
      const dLat = lat ? lat.map((c, i) => Math.max(0, c - (p?.latency?.[i] ?? 0))) : undefined;
      if (dLat) for (let i = 0; i < sum.length; i++) sum[i]! += dLat[i] ?? 0;
      const cpuUs = use?.cpuUs ?? 0;
      const rates: WorkerRates = {
        acceptsPerSecond: dt > 0 ? (dAccepted * 1000) / dt : 0,
        // µs of CPU per ms of wall time is thousandths of a core.
        cpuPermille: dt > 0 && p ? Math.max(0, Math.round((cpuUs - p.cpuUs) / dt)) : 0,
        p99Us: dLat ? bucketPercentile(dLat, 0.99) : 0,
        rssBytes: use?.rssBytes ?? 0,
        cpuUs,
      };
      this.#rates.set(w.id, rates);
      cpuPermille += rates.cpuPermille;
      rssBytes += rates.rssBytes;
      perWorker[w.id] = { a: Math.round(rates.acceptsPerSecond * 10) / 10, p99: rates.p99Us, cpu: rates.cpuPermille };
      this.#prev.set(w.id, { at: now, accepted: w.acceptedTotal, requests: w.requestsTotal, cpuUs, latency: lat ? [...lat] : undefined });
    }
    for (const id of [...this.#prev.keys()]) {
      if (!seen.has(id)) {
        this.#prev.delete(id);
        this.#rates.delete(id);
      }
    }
    const jobs = Math.max(0, extras.jobsTotal - this.#jobsTotal);
    this.#jobsTotal = extras.jobsTotal;
    if (since === undefined) return; // the first sample is only a baseline
    const durationMs = Math.max(1, Math.round(now - since));
    this.#interval = { durationMs, accepted, requests, p50Us: bucketPercentile(sum, 0.5), p99Us: bucketPercentile(sum, 0.99), jobs };
    const perSecond = (n: number) => Math.round((n * 1000 * 10) / durationMs) / 10;
    this.#push({
      t: this.#deps.wall(), acceptsPerSecond: perSecond(accepted), requestsPerSecond: perSecond(requests), p50Us: this.#interval.p50Us, p99Us: this.#interval.p99Us,
      jobsPerSecond: perSecond(jobs), inFlight, ready, workers: count, cpuPermille, rssBytes, restarts: this.restartsTotal, queued: extras.queued, perWorker,
    });
  }

  /** A worker exited: count the reason, and keep the connections it accepted in the pool's total. */
  exited(w: WorkerRecord, reason: ExitReason): void {
    this.#restarts.set(reason, (this.#restarts.get(reason) ?? 0) + 1);
    // A task worker's accepted_total counts the jobs it started, not connections.
    if (w.kind === 'socket') this.#acceptedGone += w.acceptedTotal;
  }

  /** What the last sample said about worker `id`. */
  rates(id: number): WorkerRates | undefined {
    return this.#rates.get(id);
  }

  /** The last complete interval. */
  get interval(): Interval {
    return this.#interval;
  }

  /** Connections accepted by every socket worker since the start, given the live workers' own totals (task workers' are jobs, and left out). */
  acceptedTotal(live: Iterable<WorkerRecord>): number {
    let n = this.#acceptedGone;
    for (const w of live) if (w.kind === 'socket') n += w.acceptedTotal;
    return n;
  }

  restarts(): { reason: ExitReason; count: number }[] {
    return EXIT_REASONS.filter((r) => this.#restarts.has(r)).map((reason) => ({ reason, count: this.#restarts.get(reason)! }));
  }

  get restartsTotal(): number {
    let n = 0;
    for (const c of this.#restarts.values()) n += c;
    return n;
  }

  /** The history, oldest first (at most historySamples points). */
  history(): HistoryPoint[] {
    return [...this.#history.slice(this.#historyAt), ...this.#history.slice(0, this.#historyAt)];
  }

  #push(p: HistoryPoint): void {
    if (this.#history.length < this.#deps.historySamples) this.#history.push(p);
    else {
      this.#history[this.#historyAt] = p;
      this.#historyAt = (this.#historyAt + 1) % this.#deps.historySamples;
    }
  }
}
