// From one measured run's raw material (load generator report, /proc deltas,
// corral counters, perf counts) to the per-connection figures; and from the
// repeats to medians with min–max.
import type { CounterDelta } from './counters.js';
import type { LoadgenReport } from './loadgen.js';
import type { ScenarioName, Strategy } from './options.js';
import type { PoolKind } from './pools.js';
import type { ProcDelta, RssFigures } from '../common/proc.js';
import type { TraceCounts } from './trace.js';

export const LATENCY_KEYS = ['p50', 'p90', 'p99', 'p999', 'max'] as const;
export type Latency = Record<(typeof LATENCY_KEYS)[number], number>;

/** One repeat of one (strategy, workers, scenario). */
export interface RunMetrics {
  /** Connections the load generator made, and how they ended. */
  connections: number;
  ok: number;
  failed: number;
  /** Connections the run's time limit left unmade. */
  notStarted: number;
  errors: Record<string, number>;
  requests: number;
  /** The per-unit denominators count this: connections, or requests in keepalive. */
  units: number;
  connsPerSec: number;
  requestsPerSec: number;
  latencyUs: Latency;
  latencyRawUs: Latency;
  counterWakeupsPerConn: number | null;
  tracedWakeupsPerConn: number | null;
  wakeupsPerConn: number | null;
  wakeupsPerBurst: number | null;
  counterEagainPerConn: number | null;
  tracedEagainPerConn: number | null;
  eagainPerConn: number | null;
  /** Worker processes only (every thread); the arbiter / primary / master separately. */
  ctxSwitchesPerConn: number;
  arbiterCtxSwitchesPerConn: number;
  cpuMsPerKConn: number;
  arbiterCpuMsPerKConn: number;
  poolCpuMsPerKConn: number;
  jain: number | null;
  maxMin: number | null;
  idleWorkers: number;
  /** Answers per worker pid (workers first, zeros included, then any other pid that answered). */
  perWorker: number[];
  /** Accepted connections by corral's counters, and by accept4 (trace), for cross-checks. */
  counterAccepted: number | null;
  tracedAccepts: number | null;
  loadgenCpuShare: number;
  loadgenBottleneck: boolean;
  /** Cores used by everything else on the machine during the run (not the pool, not the client). */
  backgroundCores: number | null;
  /** VmRSS sampled during the run, MiB: over every worker's samples, and the leader's. */
  workerRssMaxMiB: number | null;
  workerRssMedianMiB: number | null;
  arbiterRssMaxMiB: number | null;
  arbiterRssMedianMiB: number | null;
}

export interface RunInput {
  kind: PoolKind;
  scenario: ScenarioName;
  load: LoadgenReport;
  workerPids: number[];
  workers: ProcDelta;
  arbiter: ProcDelta;
  /** corral pools: counters from every pool process, or undefined when some did not answer. */
  counters: CounterDelta | undefined;
  trace: TraceCounts | undefined;
  /** The whole machine's busy CPU during the run, ms (/proc/stat), if known. */
  machineBusyMs?: number | undefined;
  rss?: RssFigures | undefined;
}

/** Jain's fairness index (Σx)² / (n·Σx²), in [1/n, 1]; 1 = equal shares. */
export function jain(xs: number[]): number | null {
  const n = xs.length;
  const sum = xs.reduce((a, b) => a + b, 0);
  const sq = xs.reduce((a, b) => a + b * b, 0);
  if (n === 0 || sq === 0) return null;
  return (sum * sum) / (n * sq);
}

/** Answers per worker: every worker pid (zero if it answered none), then any other pid that answered. */
export function perWorker(perPid: Record<string, number>, workerPids: number[]): number[] {
  const counts = workerPids.map((p) => perPid[String(p)] ?? 0);
  for (const [pid, n] of Object.entries(perPid)) if (!workerPids.includes(Number(pid))) counts.push(n);
  return counts;
}

export function computeRun(r: RunInput): RunMetrics {
  const L = r.load;
  const units = r.scenario === 'keepalive' ? L.requests : L.connections;
  const per = (x: number) => (units > 0 ? x / units : 0);
  const perK = (ms: number) => (units > 0 ? (ms / units) * 1000 : 0);
  // Bursts: the rate while connections were open, not diluted by the pauses.
  const wallS = (r.scenario === 'burst' ? L.busyMs : L.wallMs) / 1000;
  const counts = perWorker(L.perPid, r.workerPids);
  const max = Math.max(0, ...counts);
  const min = counts.length ? Math.min(...counts) : 0;
  const c = r.counters;
  const counterWakeups = c ? per(c.readiness + c.channelReads) : null;
  const tracedWakeups = r.trace ? per(r.trace.wakeups) : null;
  const wakeups = tracedWakeups ?? counterWakeups;
  const rawWakeups = r.trace ? r.trace.wakeups : c ? c.readiness + c.channelReads : null;
  const cpuShare = L.wallMs > 0 ? (L.cpuUserMs + L.cpuSysMs) / L.wallMs : 0;
  const pick = (l: LoadgenReport['latencyUs']): Latency => ({ p50: l.p50, p90: l.p90, p99: l.p99, p999: l.p999, max: l.max });
  return {
    connections: L.connections,
    ok: L.ok,
    failed: L.failed,
    notStarted: L.notStarted,
    errors: { ...L.errors },
    requests: L.requests,
    units,
    connsPerSec: wallS > 0 ? L.ok / wallS : 0,
    requestsPerSec: wallS > 0 ? L.okRequests / wallS : 0,
    latencyUs: pick(L.latencyUs),
    latencyRawUs: pick(L.latencyRawUs),
    counterWakeupsPerConn: counterWakeups,
    tracedWakeupsPerConn: tracedWakeups,
    wakeupsPerConn: wakeups,
    wakeupsPerBurst: r.scenario === 'burst' && rawWakeups !== null && L.bursts > 0 ? rawWakeups / L.bursts : null,
    counterEagainPerConn: c ? per(c.acceptWouldBlock) : null,
    tracedEagainPerConn: r.trace ? per(r.trace.eagain) : null,
    eagainPerConn: r.trace ? per(r.trace.eagain) : c ? per(c.acceptWouldBlock) : null,
    ctxSwitchesPerConn: per(r.workers.ctxSwitches),
    arbiterCtxSwitchesPerConn: per(r.arbiter.ctxSwitches),
    cpuMsPerKConn: perK(r.workers.cpuMs),
    arbiterCpuMsPerKConn: perK(r.arbiter.cpuMs),
    poolCpuMsPerKConn: perK(r.workers.cpuMs + r.arbiter.cpuMs),
    jain: jain(counts),
    maxMin: min > 0 ? max / min : null,
    idleWorkers: counts.filter((n) => n === 0).length,
    perWorker: counts,
    counterAccepted: c ? c.accepted : null,
    tracedAccepts: r.trace ? r.trace.accepts : null,
    loadgenCpuShare: cpuShare,
    loadgenBottleneck: cpuShare >= 0.9,
    // /proc/stat comes in 10 ms ticks: small negatives are rounding.
    backgroundCores: r.machineBusyMs === undefined || L.wallMs <= 0 ? null : Math.max(0, r.machineBusyMs - r.workers.cpuMs - r.arbiter.cpuMs - L.cpuUserMs - L.cpuSysMs) / L.wallMs,
    workerRssMaxMiB: r.rss?.workerMaxMiB ?? null,
    workerRssMedianMiB: r.rss?.workerMedianMiB ?? null,
    arbiterRssMaxMiB: r.rss?.arbiterMaxMiB ?? null,
    arbiterRssMedianMiB: r.rss?.arbiterMedianMiB ?? null,
  };
}

// ---- aggregation over repeats -------------------------------------------------

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** [min, max] of the non-null values, or null if there are none. */
type Range = [number, number] | null;

export interface HerdResult {
  strategy: Strategy;
  workers: number;
  scenario: ScenarioName;
  /** What the per-connection figures are per: 'connection', or 'request' (keepalive). */
  unit: 'connection' | 'request';
  connsPerSec: number;
  requestsPerSec: number;
  latencyUs: Latency;
  latencyRawUs: Latency;
  wakeupsPerConn: number | null;
  /** Where wakeupsPerConn comes from: 'sched_wakeup' (--trace), 'counters' (corral's own), or null. */
  wakeupsSource: 'sched_wakeup' | 'counters' | null;
  counterWakeupsPerConn: number | null;
  tracedWakeupsPerConn: number | null;
  wakeupsPerBurst: number | null;
  eagainPerConn: number | null;
  counterEagainPerConn: number | null;
  tracedEagainPerConn: number | null;
  ctxSwitchesPerConn: number;
  arbiterCtxSwitchesPerConn: number;
  cpuMsPerKConn: number;
  arbiterCpuMsPerKConn: number;
  poolCpuMsPerKConn: number;
  jain: number | null;
  maxMin: number | null;
  idleWorkers: number;
  /** Totals over all repeats. */
  connections: number;
  ok: number;
  failed: number;
  notStarted: number;
  errors: Record<string, number>;
  loadgenCpuShare: number;
  loadgenBottleneck: boolean;
  backgroundCores: number | null;
  /** VmRSS in MiB sampled during each run (median over the repeats of each run's max / median). */
  workerRssMaxMiB: number | null;
  workerRssMedianMiB: number | null;
  arbiterRssMaxMiB: number | null;
  arbiterRssMedianMiB: number | null;
  repeats: number;
  /** [min, max] over the repeats of each median figure. */
  range: Record<string, Range | Record<string, Range>>;
  /** Each repeat's own counts, for cross-checks. */
  runs: RunSummary[];
}

export interface RunSummary {
  connections: number;
  ok: number;
  failed: number;
  notStarted: number;
  requests: number;
  perWorker: number[];
  counterAccepted: number | null;
  tracedAccepts: number | null;
  connsPerSec: number;
  p99Us: number;
}

const NUMERIC = [
  'connsPerSec', 'requestsPerSec', 'wakeupsPerConn', 'counterWakeupsPerConn', 'tracedWakeupsPerConn', 'wakeupsPerBurst',
  'eagainPerConn', 'counterEagainPerConn', 'tracedEagainPerConn', 'ctxSwitchesPerConn', 'arbiterCtxSwitchesPerConn',
  'cpuMsPerKConn', 'arbiterCpuMsPerKConn', 'poolCpuMsPerKConn', 'jain', 'maxMin', 'idleWorkers', 'loadgenCpuShare', 'backgroundCores',
  'workerRssMaxMiB', 'workerRssMedianMiB', 'arbiterRssMaxMiB', 'arbiterRssMedianMiB',
] as const;

function med(runs: RunMetrics[], get: (r: RunMetrics) => number | null): { value: number | null; range: Range } {
  const xs = runs.map(get).filter((x): x is number => x !== null && Number.isFinite(x));
  // A figure missing from some repeats (e.g. max/min with an idle worker) is
  // reported only if every repeat has it: a median of the lucky ones would flatter.
  if (xs.length === 0 || xs.length < runs.length) return { value: null, range: xs.length ? [Math.min(...xs), Math.max(...xs)] : null };
  return { value: median(xs), range: [Math.min(...xs), Math.max(...xs)] };
}

export function aggregate(strategy: Strategy, workers: number, scenario: ScenarioName, runs: RunMetrics[], tracing: boolean): HerdResult {
  const range: HerdResult['range'] = {};
  const out: Record<string, unknown> = {};
  for (const k of NUMERIC) {
    const m = med(runs, (r) => r[k]);
    out[k] = m.value;
    range[k] = m.range;
  }
  const lat = (which: 'latencyUs' | 'latencyRawUs') => {
    const v = {} as Latency;
    const rg: Record<string, Range> = {};
    for (const k of LATENCY_KEYS) {
      const m = med(runs, (r) => r[which][k]);
      v[k] = m.value ?? 0;
      rg[k] = m.range;
    }
    range[which] = rg;
    return v;
  };
  const errors: Record<string, number> = {};
  for (const r of runs) for (const [k, n] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + n;
  const wakeups = out.wakeupsPerConn as number | null;
  return {
    strategy,
    workers,
    scenario,
    unit: scenario === 'keepalive' ? 'request' : 'connection',
    connsPerSec: out.connsPerSec as number,
    requestsPerSec: out.requestsPerSec as number,
    latencyUs: lat('latencyUs'),
    latencyRawUs: lat('latencyRawUs'),
    wakeupsPerConn: wakeups,
    wakeupsSource: wakeups === null ? null : tracing && out.tracedWakeupsPerConn !== null ? 'sched_wakeup' : 'counters',
    counterWakeupsPerConn: out.counterWakeupsPerConn as number | null,
    tracedWakeupsPerConn: out.tracedWakeupsPerConn as number | null,
    wakeupsPerBurst: out.wakeupsPerBurst as number | null,
    eagainPerConn: out.eagainPerConn as number | null,
    counterEagainPerConn: out.counterEagainPerConn as number | null,
    tracedEagainPerConn: out.tracedEagainPerConn as number | null,
    ctxSwitchesPerConn: out.ctxSwitchesPerConn as number,
    arbiterCtxSwitchesPerConn: out.arbiterCtxSwitchesPerConn as number,
    cpuMsPerKConn: out.cpuMsPerKConn as number,
    arbiterCpuMsPerKConn: out.arbiterCpuMsPerKConn as number,
    poolCpuMsPerKConn: out.poolCpuMsPerKConn as number,
    jain: out.jain as number | null,
    maxMin: out.maxMin as number | null,
    idleWorkers: out.idleWorkers as number,
    connections: runs.reduce((a, r) => a + r.connections, 0),
    ok: runs.reduce((a, r) => a + r.ok, 0),
    failed: runs.reduce((a, r) => a + r.failed, 0),
    notStarted: runs.reduce((a, r) => a + r.notStarted, 0),
    errors,
    loadgenCpuShare: out.loadgenCpuShare as number,
    loadgenBottleneck: runs.some((r) => r.loadgenBottleneck),
    backgroundCores: out.backgroundCores as number | null,
    workerRssMaxMiB: out.workerRssMaxMiB as number | null,
    workerRssMedianMiB: out.workerRssMedianMiB as number | null,
    arbiterRssMaxMiB: out.arbiterRssMaxMiB as number | null,
    arbiterRssMedianMiB: out.arbiterRssMedianMiB as number | null,
    repeats: runs.length,
    range,
    runs: runs.map((r) => ({
      connections: r.connections,
      ok: r.ok,
      failed: r.failed,
      notStarted: r.notStarted,
      requests: r.requests,
      perWorker: r.perWorker,
      counterAccepted: r.counterAccepted,
      tracedAccepts: r.tracedAccepts,
      connsPerSec: r.connsPerSec,
      p99Us: r.latencyUs.p99,
    })),
  };
}
