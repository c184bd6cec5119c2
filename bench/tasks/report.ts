// Tables (terminal and markdown) for a bench tasks report.
import type { Fig, Result } from './aggregate.js';
import { headerLine, type RunHeader } from '../common/run.js';
import { renderTable, type Column as TableColumn } from '../common/table.js';
import type { LoopScenarioName, ScenarioName, SystemName } from './options.js';

export interface Header extends RunHeader {
  peers: Record<string, string>;
}

export function headerText(h: Header): string {
  return headerLine(h, Object.entries(h.peers).map(([k, v]) => `${k} ${v}`).join(', '));
}

const n0 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : Math.round(x).toString());
const n2 = (x: number | null | undefined, d = 2) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(d));
const range = (fg: Fig | null | undefined, scale = 1, d = 0) => (fg ? `${(fg.min / scale).toFixed(d)}–${(fg.max / scale).toFixed(d)}` : '–');
const errs = (r: Result) => {
  const e = Object.entries(r.errors);
  return e.length ? e.map(([k, v]) => `${k}: ${v}`).join(', ') : '0';
};
const other = (r: Result) => (r.otherCores ? `${n2(r.otherCores.median, 1)} (${n2(r.otherCores.min, 1)}–${n2(r.otherCores.max, 1)})` : '–');
const rss = (r: Result) => `${n2(r.rss.callerMiB?.median, 0)}/${r.rss.arbiterMiB ? n2(r.rss.arbiterMiB.median, 0) : '–'}/${r.rss.workerMiB ? n2(r.rss.workerMiB.median, 0) : 'threads'}`;

type Column = TableColumn<Result>;

const THEORETICAL: Partial<Record<LoopScenarioName, number>> = { cpu: 2000, gunicorn: 400 };

function columns(scenario: ScenarioName, rows: Result[]): Column[] {
  const sys: Column = { head: 'system', get: (r) => r.system, left: true };
  const piscina = rows.find((r) => r.system === 'piscina');
  if (scenario === 'latency') {
    return [sys,
      { head: 'p50 µs', get: (r) => n0(r.latencyUs?.p50.median) },
      { head: 'p90 µs', get: (r) => n0(r.latencyUs?.p90.median) },
      { head: 'p99 µs', get: (r) => n0(r.latencyUs?.p99.median) },
      { head: 'p99.9 µs', get: (r) => n0(r.latencyUs?.p999.median) },
      { head: 'p50 min–max', get: (r) => range(r.latencyUs?.p50) },
      { head: 'p99 min–max', get: (r) => range(r.latencyUs?.p99) },
      { head: 'p50 vs piscina', get: (r) => (piscina?.latencyUs && r.latencyUs ? `${n2(r.latencyUs.p50.median / piscina.latencyUs.p50.median)}×` : '–') },
      { head: 'calls', get: (r) => String(r.calls) },
      { head: 'errors', get: errs },
      { head: 'RSS MiB caller/arb/worker', get: rss },
      { head: 'other cores', get: other },
    ];
  }
  if (scenario === 'payload') {
    return [sys,
      { head: 'p50 ms', get: (r) => n2((r.latencyUs?.p50.median ?? NaN) / 1000) },
      { head: 'p99 ms', get: (r) => n2((r.latencyUs?.p99.median ?? NaN) / 1000) },
      { head: 'p50 min–max', get: (r) => range(r.latencyUs?.p50, 1000, 2) },
      { head: 'p99 min–max', get: (r) => range(r.latencyUs?.p99, 1000, 2) },
      { head: 'MiB/s each way', get: (r) => n0(r.latencyUs ? 1e6 / r.latencyUs.p50.median : NaN) },
      { head: 'calls', get: (r) => String(r.calls) },
      { head: 'errors', get: errs },
      { head: 'RSS MiB caller/arb/worker', get: rss },
      { head: 'other cores', get: other },
    ];
  }
  const theo = THEORETICAL[scenario as LoopScenarioName];
  return [sys,
    { head: scenario === 'pipelined' ? 'calls/s' : 'jobs/s', get: (r) => n0(r.perSec?.median) },
    { head: 'min–max', get: (r) => range(r.perSec) },
    ...(theo ? [{ head: `of ${theo}/s`, get: (r: Result) => (r.perSec ? `${n0((r.perSec.median / theo) * 100)} %` : '–') }] : []),
    { head: 'vs piscina', get: (r) => (piscina?.perSec && r.perSec ? `${n2(r.perSec.median / piscina.perSec.median)}×` : '–') },
    { head: 'calls', get: (r) => String(r.calls) },
    { head: 'errors', get: errs },
    { head: 'RSS MiB caller/arb/worker', get: rss },
    { head: 'other cores', get: other },
  ];
}

const render = (cols: Column[], rows: Result[], markdown: boolean) => renderTable(cols, rows, markdown);

export function table(results: Result[], scenario: ScenarioName, markdown = false): string {
  const rows = results.filter((r) => r.scenario === scenario);
  if (scenario === 'crash') {
    return render([
      { head: 'system', get: (r) => r.system, left: true },
      { head: 'kills', get: (r) => String(r.crash?.kills ?? 0) },
      { head: 'calls rejected per kill', get: (r) => r.crash?.rejectedPerKill.join(', ') ?? '–' },
      { head: 'kill → rejection p50 ms', get: (r) => n2(r.crash?.rejectP50Ms, 1) },
      { head: 'max ms', get: (r) => n2(r.crash?.rejectMaxMs, 1) },
      { head: 'kill → replacement Ready, ms', get: (r) => (r.crash?.replacedMs.length ? r.crash.replacedMs.map((x) => x.toFixed(0)).join(', ') : '–') },
      { head: 'codes', get: (r) => Object.entries(r.crash?.codes ?? {}).map(([k, v]) => `${k}: ${v}`).join(', ') || '–' },
    ], rows, markdown);
  }
  if (scenario === 'chaos') {
    return render([
      { head: 'system', get: (r) => r.system, left: true },
      { head: 'seconds', get: (r) => String(r.chaos?.seconds ?? '–') },
      { head: 'kills', get: (r) => String(r.chaos?.kills ?? '–') },
      { head: 'ticks with no Ready worker', get: (r) => String(r.chaos?.skipped ?? '–') },
      { head: 'calls', get: (r) => String(r.chaos?.submitted ?? '–') },
      { head: 'ok', get: (r) => String(r.chaos?.ok ?? '–') },
      { head: 'errors by code', get: (r) => Object.entries(r.chaos?.errors ?? {}).map(([k, v]) => `${k}: ${v}`).join(', ') || '0' },
      { head: 'never settled', get: (r) => String(r.chaos?.lost ?? '–') },
      { head: 'queued lost', get: (r) => String(r.chaos?.queuedLost ?? '–') },
      { head: 'bound kills × capacity', get: (r) => (r.chaos ? String(r.chaos.kills * r.chaos.capacity) : '–') },
    ], rows, markdown);
  }
  return render(columns(scenario, rows), rows, markdown);
}

/** Per system: the largest caller / arbiter figure over its scenarios, and its workers' median and max. */
export function rssTable(results: Result[], systems: SystemName[], markdown = false): string {
  const rows = systems.map((system) => {
    const rs = results.filter((r) => r.system === system && r.scenario !== 'chaos' && r.scenario !== 'crash');
    const max = (get: (r: Result) => Fig | null) => {
      const v = rs.map(get).filter((x): x is Fig => x !== null);
      return v.length ? Math.max(...v.map((x) => x.max)) : null;
    };
    const idle = rs.find((r) => r.scenario === 'latency');
    return { system, caller: max((r) => r.rss.callerMiB), arbiter: max((r) => r.rss.arbiterMiB), workerIdle: idle?.rss.workerMiB?.median ?? null, workerMax: max((r) => r.rss.workerMiB), workers: idle?.rss.workers ?? 0 };
  }).filter((r) => r.caller !== null);
  const head = ['system', 'caller MiB (max)', 'arbiter MiB (max)', 'worker MiB, latency scenario (median)', 'worker MiB (max, any scenario)'];
  const cells = rows.map((r) => [r.system, n2(r.caller, 0), r.arbiter === null ? '–' : n2(r.arbiter, 0), r.workers ? n2(r.workerIdle, 0) : 'threads: in the caller', r.workerMax === null ? '–' : n2(r.workerMax, 0)]);
  if (markdown) return `| ${head.join(' | ')} |\n|:---|---:|---:|---:|---:|\n${cells.map((c) => `| ${c.join(' | ')} |`).join('\n')}\n`;
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  return [head, ...cells].map((c) => '  ' + c.map((s, i) => (i ? s.padStart(w[i]!) : s.padEnd(w[i]!))).join('  ')).join('\n') + '\n';
}

export const LEGEND = [
  'latency: one call in flight from one caller; each percentile is taken per repeat, the table shows the median over repeats and the min–max',
  'throughput: calls (jobs) that succeeded per second with K in flight from one caller process; "vs piscina" = ratio to piscina in the same run',
  'RSS: VmRSS sampled every 100 ms (/proc); caller = the process that calls (for corral-embedded and the peers, the driver process that also hosts the arbiter or the thread pool); arb = the arbiter (corral); worker = each worker process (thread pools have none: their threads are in the caller)',
  'other cores = CPU the rest of the machine used while the scenario ran (everything but this system\'s processes), in cores, median (min–max) over the repeats: on a 2-core machine, anything near 1 or above means the figures carry that noise; it is high where the jobs leave the CPU idle (gunicorn: they block without CPU), because other work takes what is free',
  'corral-worker: the loop runs in a corral socket worker (execute() from corral/worker), its calls go through the arbiter; corral-client: the loop runs in a separate Node process connected to the task socket',
];
