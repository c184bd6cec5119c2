// The issue's goals for durable queues, checked against BullMQ measured in
// the same run on the same redis-server: throughput at least BullMQ's, p50
// and p99 latency at most BullMQ's, fewer Redis round trips (top-level
// commands) per job. A goal whose inputs were not measured is "not checked",
// never met; a figure with failed jobs in it meets nothing.
import type { Result } from './aggregate.js';

export interface GoalVerdict {
  id: string;
  goal: string;
  target: string;
  value: string;
  /** corral / BullMQ. */
  ratio: number | null;
  met: boolean | null;
}

const f = (x: number | null | undefined, d = 0) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(d));
const failed = (r: Result | undefined) => (r ? Object.values(r.errors).reduce((a, b) => a + b, 0) : 0);

export function checkGoals(results: Result[]): GoalVerdict[] {
  const get = (system: string, key: string) => results.find((r) => r.system === system && r.key === key);
  const out: GoalVerdict[] = [];
  const add = (v: GoalVerdict, c: Result | undefined, b: Result | undefined) => {
    const n = failed(c);
    const nb = failed(b);
    const notes = [n ? `corral: ${n} jobs FAILED` : '', nb ? `BullMQ: ${nb} jobs failed` : ''].filter(Boolean).join('; ');
    out.push({ ...v, value: notes ? `${v.value} (${notes})` : v.value, met: n && v.met !== null ? false : v.met });
  };
  const keys = [...new Set(results.map((r) => r.key))];
  for (const key of keys.filter((k) => k.startsWith('throughput-')).sort((a, b) => Number(a.slice(11)) - Number(b.slice(11)))) {
    const c = get('corral', key);
    const b = get('bullmq', key);
    const w = key.slice(11);
    const cv = c?.perSec?.median;
    const bv = b?.perSec?.median;
    add({ id: key, goal: `throughput, no-op jobs, ${w} worker(s)`, target: bv !== undefined ? `≥ BullMQ's ${f(bv)}/s` : "≥ BullMQ's (not measured)", value: cv !== undefined ? `${f(cv)}/s` : '–',
      ratio: cv !== undefined && bv !== undefined ? cv / bv : null, met: cv !== undefined && bv !== undefined ? cv >= bv : null }, c, b);
  }
  const cl = get('corral', 'latency');
  const bl = get('bullmq', 'latency');
  for (const p of ['p50', 'p99'] as const) {
    const cv = cl?.latencyMs?.[p].median;
    const bv = bl?.latencyMs?.[p].median;
    add({ id: `latency-${p}`, goal: `latency ${p}, enqueue → result, one in flight`, target: bv !== undefined ? `≤ BullMQ's ${f(bv, 2)} ms` : "≤ BullMQ's (not measured)", value: cv !== undefined ? `${f(cv, 2)} ms` : '–',
      ratio: cv !== undefined && bv !== undefined ? cv / bv : null, met: cv !== undefined && bv !== undefined ? cv <= bv : null }, cl, bl);
  }
  // A job's whole life (enqueue, run, result); enqueue alone is in the commands table, not a goal.
  for (const key of ['latency', ...keys.filter((k) => k.startsWith('throughput-')).sort((a, b) => Number(a.slice(11)) - Number(b.slice(11)))]) {
    const c = get('corral', key);
    const b = get('bullmq', key);
    if (!c && !b) continue;
    const cv = c?.count?.topLevelPerJob.median;
    const bv = b?.count?.topLevelPerJob.median;
    const what = key === 'latency' ? 'one in flight' : `throughput, ${key.slice(11)} worker(s)`;
    add({ id: `round-trips-${key}`, goal: `Redis round trips (commands sent) per job, ${what}`, target: bv !== undefined ? `< BullMQ's ${f(bv, 2)}` : "< BullMQ's (not counted)", value: cv !== undefined ? f(cv, 2) : '–',
      ratio: cv !== undefined && bv !== undefined ? cv / bv : null, met: cv !== undefined && bv !== undefined ? cv < bv : null }, c, b);
    const cr = c?.readsPerJob?.median;
    const br = b?.readsPerJob?.median;
    add({ id: `reads-${key}`, goal: `Redis round trips as redis-server reads them (a pipeline counts once) per job, ${what}`, target: br !== undefined ? `< BullMQ's ${f(br, 2)}` : "< BullMQ's (not measured)", value: cr !== undefined ? f(cr, 2) : '–',
      ratio: cr !== undefined && br !== undefined ? cr / br : null, met: cr !== undefined && br !== undefined ? cr < br : null }, c, b);
  }
  return out;
}

export function goalsTable(goals: GoalVerdict[], markdown: boolean): string {
  const mark = (m: boolean | null) => (m === null ? 'not checked' : m ? 'met' : 'MISSED');
  const head = ['goal', 'target', 'corral', 'corral / BullMQ', 'verdict'];
  const rows = goals.map((g) => [g.goal, g.target, g.value, g.ratio === null ? '–' : `${g.ratio.toFixed(2)}×`, mark(g.met)]);
  if (markdown) return `| ${head.join(' | ')} |\n|:---|:---|---:|---:|:---|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`;
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => '  ' + r.map((c, i) => c.padEnd(w[i]!)).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}
