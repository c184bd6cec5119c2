// Tables: one per scenario, in the terminal (aligned text) and in markdown.
import type { HerdResult } from './metrics.js';
import type { ScenarioName } from './options.js';

export interface Header {
  node: string;
  machine: { cpus: number; model: string; kernel: string };
  date: string;
  repeats: number;
  trace: string;
}

const f = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));
const ms = (us: number) => f(us / 1000, us >= 10_000 ? 1 : 2);
const int = (x: number) => Math.round(x).toString();

interface Column {
  head: string;
  get: (r: HerdResult) => string;
  left?: boolean;
}

/** How the wakeups in these rows were counted, for the column head: one source, or 'mixed'. */
export function wakeupsCounting(rows: HerdResult[]): 'sched_wakeup' | 'counters' | 'mixed' | null {
  const src = new Set(rows.map((r) => r.wakeupsSource).filter((x) => x !== null));
  if (src.size === 0) return null;
  return src.size === 1 ? [...src][0]! : 'mixed';
}

const mib = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(0));

function columns(scenario: ScenarioName, rows: HerdResult[]): Column[] {
  const unit = scenario === 'keepalive' ? 'req' : 'conn';
  const counting = wakeupsCounting(rows);
  const cols: Column[] = [
    { head: 'strategy', get: (r) => r.strategy, left: true },
    { head: 'w', get: (r) => String(r.workers) },
    { head: scenario === 'keepalive' ? 'req/s' : 'conn/s', get: (r) => int(scenario === 'keepalive' ? r.requestsPerSec : r.connsPerSec) },
    { head: 'p50 ms', get: (r) => ms(r.latencyUs.p50) },
    { head: 'p99 ms', get: (r) => ms(r.latencyUs.p99) },
    { head: 'p99.9 ms', get: (r) => ms(r.latencyUs.p999) },
    // The counting method sits in the head: addon counters and sched_wakeup are not comparable.
    { head: `wake/${unit} (${counting ?? 'n/a'})`, get: (r) => f(r.wakeupsPerConn) + (counting === 'mixed' && r.wakeupsSource === 'counters' ? 'c' : '') },
  ];
  if (scenario === 'burst') cols.push({ head: 'wake/burst', get: (r) => f(r.wakeupsPerBurst, 1) });
  cols.push(
    { head: `EAGAIN/${unit}`, get: (r) => f(r.eagainPerConn, 3) },
    { head: `ctxsw/${unit}`, get: (r) => `${f(r.ctxSwitchesPerConn, 1)}+${f(r.arbiterCtxSwitchesPerConn, 1)}` },
    { head: `CPU ms/1k ${unit}`, get: (r) => `${int(r.cpuMsPerKConn)}+${int(r.arbiterCpuMsPerKConn)}` },
    { head: 'Jain', get: (r) => f(r.jain, 3) },
    { head: 'max/min', get: (r) => (r.maxMin === null ? (r.idleWorkers ? `${r.idleWorkers} idle` : '–') : f(r.maxMin, 1)) },
    { head: 'failed', get: (r) => String(r.failed) + (r.notStarted ? ` (+${r.notStarted} unmade)` : '') },
    { head: 'client CPU', get: (r) => `${Math.round(r.loadgenCpuShare * 100)}%${r.loadgenBottleneck ? '!' : ''}` },
    { head: 'other', get: (r) => f(r.backgroundCores, 1) },
    { head: 'RSS MiB w/arb', get: (r) => `${mib(r.workerRssMaxMiB)}/${mib(r.arbiterRssMaxMiB)}` },
  );
  return cols;
}

export function headerText(h: Header): string {
  return `machine: ${h.machine.cpus} cpus, ${h.machine.model}, Linux ${h.machine.kernel}; node ${h.node}; ${h.date}; ${h.repeats} repeat(s), medians\ntracing: ${h.trace}`;
}

export const LEGEND = [
  'wake = wakeups per connection over all pool processes (arbiter/primary included), counted as the column head says: (sched_wakeup) = kernel tracepoint, --trace; (counters) = corral\'s addon counters, readiness callbacks + control-channel reads, not comparable with the traced figure (the lease at idle, 8 workers: 1.13 counted, 0.43 traced); "c" marks counter figures in a mixed column; – = not measurable without --trace',
  'ctxsw, CPU = workers + arbiter/primary (all threads, /proc); EAGAIN = accepts that found nothing; Jain over answers per worker (1 = equal)',
  'client CPU = the load generator\'s share of one core; ! = it may be the bottleneck; other = cores used by the rest of the machine meanwhile (noise)',
  'RSS MiB w/arb = VmRSS sampled every 100 ms during the run: the largest worker sample / the arbiter (primary, master); medians in the markdown and JSON',
];

/** Markdown: VmRSS sampled during the runs, per worker and for the leader. */
export function memoryTable(results: HerdResult[], scenario: ScenarioName): string {
  const rows = results.filter((r) => r.scenario === scenario);
  let out = `| strategy | w | worker RSS median MiB | worker RSS max MiB | arbiter RSS median MiB | arbiter RSS max MiB |\n|:---|---:|---:|---:|---:|---:|\n`;
  for (const r of rows) out += `| ${r.strategy} | ${r.workers} | ${f(r.workerRssMedianMiB, 1)} | ${f(r.workerRssMaxMiB, 1)} | ${f(r.arbiterRssMedianMiB, 1)} | ${f(r.arbiterRssMaxMiB, 1)} |\n`;
  return out;
}

export function table(results: HerdResult[], scenario: ScenarioName, markdown = false): string {
  const rows = results.filter((r) => r.scenario === scenario);
  const cols = columns(scenario, rows);
  const cells = rows.map((r) => cols.map((c) => c.get(r)));
  if (markdown) {
    const head = `| ${cols.map((c) => c.head).join(' | ')} |\n|${cols.map((c) => (c.left ? ':---' : '---:')).join('|')}|\n`;
    return head + cells.map((row) => `| ${row.join(' | ')} |`).join('\n') + '\n';
  }
  const width = cols.map((c, i) => Math.max(c.head.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((s, i) => (cols[i]!.left ? s.padEnd(width[i]!) : s.padStart(width[i]!))).join('  ');
  let out = line(cols.map((c) => c.head)) + '\n';
  let prevWorkers: number | undefined;
  for (let i = 0; i < rows.length; i++) {
    if (prevWorkers !== undefined && rows[i]!.workers !== prevWorkers) out += '\n';
    prevWorkers = rows[i]!.workers;
    out += line(cells[i]!) + '\n';
  }
  return out;
}

/** Spreads (min–max over repeats) for the figures that move most. */
export function spreadTable(results: HerdResult[], scenario: ScenarioName): string {
  const rows = results.filter((r) => r.scenario === scenario);
  const rg = (r: HerdResult, k: string, scale = 1, digits = 0) => {
    const v = r.range[k] as [number, number] | null | undefined;
    return v ? `${(v[0] / scale).toFixed(digits)}–${(v[1] / scale).toFixed(digits)}` : '–';
  };
  const lat = (r: HerdResult, k: string) => {
    const v = (r.range.latencyUs as Record<string, [number, number] | null>)[k];
    return v ? `${(v[0] / 1000).toFixed(2)}–${(v[1] / 1000).toFixed(2)}` : '–';
  };
  const counting = wakeupsCounting(rows) ?? 'n/a';
  let out = `| strategy | w | conn/s | p50 ms | p99 ms | wake/conn (${counting}) | pool CPU ms/1k | Jain |\n|:---|---:|---:|---:|---:|---:|---:|---:|\n`;
  for (const r of rows) {
    out += `| ${r.strategy} | ${r.workers} | ${rg(r, scenario === 'keepalive' ? 'requestsPerSec' : 'connsPerSec')} | ${lat(r, 'p50')} | ${lat(r, 'p99')} | ${rg(r, 'wakeupsPerConn', 1, 2)} | ${rg(r, 'poolCpuMsPerKConn')} | ${rg(r, 'jain', 1, 3)} |\n`;
  }
  return out;
}
