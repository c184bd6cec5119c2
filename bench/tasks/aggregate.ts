// From the repeats of one (system, scenario) to medians with min–max, and
// the report's shape.
import type { ChaosResult, CrashResult } from './crash.js';
import type { ScenarioSample } from './driver.js';
import type { ScenarioName, SystemName } from './options.js';

/** A figure over the repeats: median, and min–max. */
export interface Fig {
  median: number;
  min: number;
  max: number;
}

export interface Result {
  system: SystemName;
  scenario: ScenarioName;
  /** Repeats that produced a sample. */
  repeats: number;
  describe: string;
  /** Calls measured, over all repeats, and how they ended. */
  calls: number;
  ok: number;
  errors: Record<string, number>;
  /** Calls (jobs) per second; for latency scenarios, the rate one caller reached. */
  perSec: Fig | null;
  /** Per call, µs: each percentile is taken per repeat, then the median over repeats. */
  latencyUs: { p50: Fig; p90: Fig; p99: Fig; p999: Fig; max: Fig } | null;
  /** Counts per log bucket (loops.HIST_EDGES_US), summed over the repeats. */
  histogram: number[] | null;
  rss: { callerMiB: Fig | null; arbiterMiB: Fig | null; workerMiB: Fig | null; workers: number };
  /** Cores the rest of the machine used meanwhile (median, min–max over the repeats): noise in these figures. */
  otherCores: Fig | null;
  crash: (Omit<CrashResult, 'rejectMs' | 'replacedMs'> & { rejectMs: number[]; replacedMs: number[]; rejectP50Ms: number | null; rejectMaxMs: number | null }) | null;
  chaos: (ChaosResult & { runs: number }) | null;
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function fig(xs: (number | null | undefined)[]): Fig | null {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  if (v.length === 0) return null;
  return { median: median(v), min: Math.min(...v), max: Math.max(...v) };
}

function add(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
}

export function aggregate(system: SystemName, scenario: ScenarioName, samples: ScenarioSample[]): Result {
  const loops = samples.map((s) => s.loop).filter((l) => l !== null);
  const errors: Record<string, number> = {};
  for (const l of loops) add(errors, l.errors);
  let histogram: number[] | null = null;
  for (const l of loops) {
    if (!l.histogram) continue;
    histogram ??= new Array<number>(l.histogram.length).fill(0);
    l.histogram.forEach((n, i) => (histogram![i] = (histogram![i] ?? 0) + n));
  }
  const lat = loops.filter((l) => l.latencyUs);
  const lf = (k: 'p50' | 'p90' | 'p99' | 'p999' | 'max') => fig(lat.map((l) => l.latencyUs![k]))!;
  const r: Result = {
    system,
    scenario,
    repeats: samples.length,
    describe: samples[0]?.describe ?? '',
    calls: loops.reduce((a, l) => a + l.calls, 0),
    ok: loops.reduce((a, l) => a + l.ok, 0),
    errors,
    perSec: fig(loops.map((l) => l.perSec)),
    latencyUs: lat.length ? { p50: lf('p50'), p90: lf('p90'), p99: lf('p99'), p999: lf('p999'), max: lf('max') } : null,
    histogram,
    rss: {
      callerMiB: fig(samples.map((s) => s.rss?.callerMiB)),
      arbiterMiB: fig(samples.map((s) => s.rss?.arbiterMiB)),
      workerMiB: fig(samples.flatMap((s) => s.rss?.workerMiB ?? [])),
      workers: Math.max(0, ...samples.map((s) => s.rss?.workerMiB.length ?? 0)),
    },
    otherCores: fig(samples.map((s) => s.otherCores)),
    crash: null,
    chaos: null,
  };
  const crashes = samples.map((s) => s.crash).filter((c) => c !== null);
  if (crashes.length) {
    const rejectMs = crashes.flatMap((c) => c.rejectMs);
    const codes: Record<string, number> = {};
    for (const c of crashes) add(codes, c.codes);
    r.crash = {
      kills: crashes.reduce((a, c) => a + c.kills, 0),
      rejectedPerKill: crashes.flatMap((c) => c.rejectedPerKill),
      codes,
      rejectMs,
      replacedMs: crashes.flatMap((c) => c.replacedMs),
      rejectP50Ms: rejectMs.length ? median(rejectMs) : null,
      rejectMaxMs: rejectMs.length ? Math.max(...rejectMs) : null,
    };
  }
  const chaos = samples.map((s) => s.chaos).filter((c) => c !== null);
  if (chaos.length) {
    const e: Record<string, number> = {};
    for (const c of chaos) add(e, c.errors);
    const sum = (k: 'seconds' | 'kills' | 'submitted' | 'ok' | 'lost' | 'queuedLost' | 'skipped') => chaos.reduce((a, c) => a + c[k], 0);
    r.chaos = { runs: chaos.length, seconds: sum('seconds'), kills: sum('kills'), capacity: chaos[0]!.capacity, workers: chaos[0]!.workers, submitted: sum('submitted'), ok: sum('ok'), errors: e, lost: sum('lost'), queuedLost: sum('queuedLost'), skipped: sum('skipped'), arbiterApps: chaos[chaos.length - 1]!.arbiterApps };
  }
  return r;
}
