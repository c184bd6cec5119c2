// The issue's goals for the task pool, as ratios against the peers measured
// in the same run. A goal whose inputs were not measured here (corral
// unavailable, piscina not run, a scenario left out) is "not checked", never met.
import type { Result } from './aggregate.js';
import { CORRAL, type SystemName } from './options.js';

export interface GoalVerdict {
  id: string;
  goal: string;
  target: string;
  system: SystemName;
  value: string;
  /** value / reference, where the goal is a ratio. */
  ratio: number | null;
  met: boolean | null;
}

const f = (x: number | null | undefined, d = 0) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(d));

export function checkGoals(results: Result[]): GoalVerdict[] {
  const get = (system: string, scenario: string) => results.find((r) => r.system === system && r.scenario === scenario);
  const out: GoalVerdict[] = [];
  const pLat = get('piscina', 'latency')?.latencyUs;
  const pPipe = get('piscina', 'pipelined')?.perSec;
  for (const system of CORRAL) {
    // A figure with failed calls in it meets nothing: fast errors are not fast calls.
    const failed = (scenario: string) => {
      const r = get(system, scenario);
      const n = r ? Object.values(r.errors).reduce((a, b) => a + b, 0) : 0;
      return n > 0 ? n : 0;
    };
    const scenarioOf: Record<string, string> = { 'noop-p50': 'latency', 'noop-p99': 'latency', pipelined: 'pipelined', cpu: 'cpu', gunicorn: 'gunicorn', payload: 'payload' };
    const add = (id: string, goal: string, target: string, value: string, ratio: number | null, met: boolean | null) => {
      const n = scenarioOf[id] ? failed(scenarioOf[id]!) : 0;
      out.push({ id, goal, target, system, value: n ? `${value}, ${n} calls FAILED` : value, ratio, met: n && met !== null ? false : met });
    };
    const lat = get(system, 'latency')?.latencyUs;
    add('noop-p50', 'no-op p50, one in flight', pLat ? `≤ piscina's ${f(pLat.p50.median)} µs` : "≤ piscina's (not run)", lat ? `${f(lat.p50.median)} µs` : '–',
      lat && pLat ? lat.p50.median / pLat.p50.median : null, lat && pLat ? lat.p50.median <= pLat.p50.median : null);
    add('noop-p99', 'no-op p99, one in flight', pLat ? `≤ 1.5 × piscina's ${f(pLat.p99.median)} µs = ${f(1.5 * pLat.p99.median)} µs` : "≤ 1.5 × piscina's (not run)", lat ? `${f(lat.p99.median)} µs` : '–',
      lat && pLat ? lat.p99.median / pLat.p99.median : null, lat && pLat ? lat.p99.median <= 1.5 * pLat.p99.median : null);
    const pipe = get(system, 'pipelined')?.perSec;
    add('pipelined', 'pipelined no-op, 64 in flight', pPipe ? `≥ piscina's ${f(pPipe.median)}/s` : "≥ piscina's (not run)", pipe ? `${f(pipe.median)}/s` : '–',
      pipe && pPipe ? pipe.median / pPipe.median : null, pipe && pPipe ? pipe.median >= pPipe.median : null);
    const cpu = get(system, 'cpu')?.perSec;
    add('cpu', '1 ms CPU jobs, 2 workers', '≥ 90 % of 2000/s = 1800/s', cpu ? `${f(cpu.median)}/s` : '–', cpu ? cpu.median / 2000 : null, cpu ? cpu.median >= 1800 : null);
    const g = get(system, 'gunicorn')?.perSec;
    add('gunicorn', "Gunicorn's scenario (4 × capacity 1, 10 ms, 100 callers)", '≥ 380/s of 400 (Gunicorn: 334)', g ? `${f(g.median)}/s` : '–', g ? g.median / 400 : null, g ? g.median >= 380 : null);
    const pay = get(system, 'payload')?.latencyUs;
    add('payload', '1 MiB round trip, p50', '≤ 2 ms', pay ? `${f(pay.p50.median / 1000, 2)} ms (p99 ${f(pay.p99.median / 1000, 2)})` : '–', pay ? pay.p50.median / 2000 : null, pay ? pay.p50.median <= 2000 : null);
    if (system !== 'corral-embedded') continue;
    const crash = get(system, 'crash')?.crash;
    add('crash', "dead worker's in-flight calls rejected (slowest of all kills)", '≤ 50 ms', crash && crash.rejectMaxMs !== null ? `${f(crash.rejectMaxMs, 1)} ms (p50 ${f(crash.rejectP50Ms, 1)}, ${crash.rejectMs.length} calls, ${crash.kills} kills)` : '–',
      crash?.rejectMaxMs != null ? crash.rejectMaxMs / 50 : null, crash?.rejectMaxMs != null ? crash.rejectMaxMs <= 50 && crash.rejectMs.length > 0 : null);
    const ch = get(system, 'chaos')?.chaos;
    add('chaos', 'kill -9 a task worker every 200 ms: calls never settled, queued jobs lost', '0 and 0', ch ? `${ch.lost} and ${ch.queuedLost} (${ch.submitted} calls, ${ch.kills} kills)` : '–', null, ch ? ch.lost === 0 && ch.queuedLost === 0 && ch.submitted > 0 : null);
  }
  return out;
}

export function goalsTable(goals: GoalVerdict[], markdown: boolean): string {
  const mark = (m: boolean | null) => (m === null ? 'not checked' : m ? 'met' : 'MISSED');
  const ids = [...new Set(goals.map((g) => g.id))];
  const systems = [...new Set(goals.map((g) => g.system))];
  const cell = (g: GoalVerdict | undefined) => (g ? `${g.value}${g.ratio !== null ? ` (${g.ratio.toFixed(2)}×)` : ''} ${mark(g.met)}` : 'measured with corral-embedded');
  const rows = ids.map((id) => {
    const first = goals.find((g) => g.id === id)!;
    return [first.goal, first.target, ...systems.map((s) => cell(goals.find((g) => g.id === id && g.system === s)))];
  });
  const head = ['goal', 'target', ...systems];
  if (markdown) return `| ${head.join(' | ')} |\n|${head.map(() => ':---').join('|')}|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`;
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => '  ' + r.map((c, i) => c.padEnd(w[i]!)).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}
