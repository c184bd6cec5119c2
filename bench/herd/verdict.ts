// The verdict a run ends with: for each scenario and worker count, which
// strategy wins each metric among the Node pools (corral's strategies and
// node:cluster), by how much against the runner-up, and where the arbiter
// stands against node:cluster and nginx. nginx is kept apart: it answers
// from its config without a JavaScript handler, so it would win everything
// and say nothing about how Node pools compare.
//
// "within spread" marks a lead smaller than the noise: the winner's min–max
// over the repeats overlaps the runner-up's.
import type { HerdResult } from './metrics.js';
import type { ScenarioName } from './options.js';
import { kindOf } from './pools.js';
import { wakeupsCounting } from './report.js';

interface Metric {
  name: string;
  better: 'lower' | 'higher';
  get: (r: HerdResult) => number | null;
  range: (r: HerdResult) => [number, number] | null;
  fmt: (x: number) => string;
}

export interface VerdictLine {
  scenario: ScenarioName;
  workers: number;
  metric: string;
  better: 'lower' | 'higher';
  winner: string | null;
  winnerValue: number | null;
  runnerUp: string | null;
  runnerUpValue: number | null;
  /** How many times better the winner is than the runner-up (≥ 1). */
  ratio: number | null;
  withinSpread: boolean;
  /** The arbiter against the best node:cluster pool and the best nginx pool (× better, < 1 = worse). */
  arbiterVsCluster: { strategy: string; ratio: number } | null;
  arbiterVsNginx: { strategy: string; ratio: number } | null;
}

const rng = (k: string) => (r: HerdResult) => (r.range[k] as [number, number] | null | undefined) ?? null;
const lat = (k: string) => (r: HerdResult) => (r.range.latencyUs as Record<string, [number, number] | null> | undefined)?.[k] ?? null;

function metrics(scenario: ScenarioName, rows: HerdResult[]): Metric[] {
  const unit = scenario === 'keepalive' ? 'req' : 'conn';
  const rate = scenario === 'keepalive' ? 'requestsPerSec' : 'connsPerSec';
  return [
    { name: `wakeups/${unit} (${wakeupsCounting(rows) ?? 'n/a'})`, better: 'lower', get: (r) => r.wakeupsPerConn, range: rng('wakeupsPerConn'), fmt: (x) => x.toFixed(2) },
    { name: `pool CPU ms/1k ${unit}`, better: 'lower', get: (r) => r.poolCpuMsPerKConn, range: rng('poolCpuMsPerKConn'), fmt: (x) => x.toFixed(0) },
    { name: 'p50 ms', better: 'lower', get: (r) => r.latencyUs.p50 / 1000, range: (r) => scale(lat('p50')(r)), fmt: (x) => x.toFixed(2) },
    { name: 'p99 ms', better: 'lower', get: (r) => r.latencyUs.p99 / 1000, range: (r) => scale(lat('p99')(r)), fmt: (x) => x.toFixed(2) },
    { name: `${unit}/s`, better: 'higher', get: (r) => (scenario === 'keepalive' ? r.requestsPerSec : r.connsPerSec), range: rng(rate), fmt: (x) => x.toFixed(0) },
    { name: 'Jain', better: 'higher', get: (r) => r.jain, range: rng('jain'), fmt: (x) => x.toFixed(3) },
    { name: 'worker RSS MiB (max)', better: 'lower', get: (r) => r.workerRssMaxMiB ?? null, range: rng('workerRssMaxMiB'), fmt: (x) => x.toFixed(0) },
  ];
}

function scale(r: [number, number] | null): [number, number] | null {
  return r ? [r[0] / 1000, r[1] / 1000] : null;
}

/** × better of a over b (≥ 1 when a is better). */
function times(a: number, b: number, better: 'lower' | 'higher'): number {
  if (better === 'lower') return a > 0 ? b / a : b > 0 ? Infinity : 1;
  return b > 0 ? a / b : a > 0 ? Infinity : 1;
}

export function verdict(results: HerdResult[]): VerdictLine[] {
  const out: VerdictLine[] = [];
  const cells = [...new Set(results.map((r) => `${r.scenario}\u0000${r.workers}`))];
  for (const cell of cells) {
    const [scenario, w] = cell.split('\u0000') as [ScenarioName, string];
    const workers = Number(w);
    const rows = results.filter((r) => r.scenario === scenario && r.workers === workers);
    for (const m of metrics(scenario, rows)) {
      const has = (r: HerdResult) => m.get(r) !== null && Number.isFinite(m.get(r)!);
      const sorted = (list: HerdResult[]) => list.filter(has).sort((a, b) => (m.better === 'lower' ? m.get(a)! - m.get(b)! : m.get(b)! - m.get(a)!));
      const node = sorted(rows.filter((r) => kindOf(r.strategy) !== 'nginx'));
      const [win, second] = node;
      const ra = win ? m.range(win) : null;
      const rb = second ? m.range(second) : null;
      const arb = rows.find((r) => r.strategy === 'arbiter' && has(r));
      const best = (kind: 'node' | 'nginx') => sorted(rows.filter((r) => kindOf(r.strategy) === kind))[0];
      const vs = (peer: HerdResult | undefined) => (arb && peer ? { strategy: peer.strategy, ratio: times(m.get(arb)!, m.get(peer)!, m.better) } : null);
      out.push({
        scenario, workers, metric: m.name, better: m.better,
        winner: win?.strategy ?? null, winnerValue: win ? m.get(win) : null,
        runnerUp: second?.strategy ?? null, runnerUpValue: second ? m.get(second) : null,
        ratio: win && second ? times(m.get(win)!, m.get(second)!, m.better) : null,
        withinSpread: !!(ra && rb && ra[0] <= rb[1] && rb[0] <= ra[1]),
        arbiterVsCluster: vs(best('node')),
        arbiterVsNginx: vs(best('nginx')),
      });
    }
  }
  return out;
}

const x = (r: number) => (r === Infinity ? '∞' : r >= 10 ? r.toFixed(0) : r.toFixed(2));
const rel = (r: number) => (r >= 1 ? `${x(r)}× better` : `${x(1 / r)}× worse`);

/** Text (terminal) or markdown. */
export function verdictText(lines: VerdictLine[], markdown = false): string {
  const fmtV = (l: VerdictLine, v: number | null) => (v === null ? '–' : l.metric.startsWith('Jain') ? v.toFixed(3) : v >= 100 ? v.toFixed(0) : v.toFixed(2));
  let out = '';
  const cells = [...new Set(lines.map((l) => `${l.scenario} at ${l.workers} workers`))];
  for (const cell of cells) {
    const ls = lines.filter((l) => `${l.scenario} at ${l.workers} workers` === cell);
    const rows = ls.map((l) => {
      const win = l.winner ? `${l.winner} ${fmtV(l, l.winnerValue)}` : 'not measured';
      const lead = l.ratio !== null ? `${x(l.ratio)}× better than ${l.runnerUp} ${fmtV(l, l.runnerUpValue)}${l.withinSpread ? ' (within spread)' : ''}` : l.winner ? 'no runner-up' : '';
      const arb = [l.arbiterVsCluster ? `${rel(l.arbiterVsCluster.ratio)} than ${l.arbiterVsCluster.strategy}` : '', l.arbiterVsNginx ? `${rel(l.arbiterVsNginx.ratio)} than ${l.arbiterVsNginx.strategy}` : ''].filter(Boolean).join('; ') || '–';
      return [`${l.metric} (${l.better} is better)`, win, lead, arb];
    });
    if (markdown) {
      out += `\n### ${cell}\n\n| metric | best Node pool | lead over the runner-up | arbiter against the peers |\n|:---|:---|:---|:---|\n`;
      out += rows.map((r) => `| ${r.join(' | ')} |`).join('\n') + '\n';
    } else {
      out += `\n${cell} (best of the Node pools; nginx apart):\n`;
      const wd = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
      out += rows.map((r) => `  ${r[0]!.padEnd(wd[0]!)}  ${r[1]!.padEnd(wd[1]!)}  ${r[2]!.padEnd(wd[2]!)}  arbiter: ${r[3]}`).join('\n') + '\n';
    }
  }
  return out;
}
