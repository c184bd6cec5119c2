// The goals the `arbiter` strategy is held to, checked against a run's
// medians: against the herd it replaces (the plain shared-fd pool: N
// children inheriting one listening fd, no corral code; and node:cluster's
// SCHED_NONE, the same herd through cluster) and against its own figures
// before overlapping grants. A goal whose inputs were not measured in this
// run (another worker count, no shared-fd pool, no tracing…) is reported as
// not checked, never as met.
import type { HerdResult } from './metrics.js';

export interface GoalVerdict {
  id: string;
  goal: string;
  value: string;
  target: string;
  /** true met, false missed, null not checked (inputs missing). */
  met: boolean | null;
}

/** The herd pools: every idle worker polls one shared socket. */
const HERDS = ['shared-fd', 'cluster-none'];

/**
 * Traced wakeups per connection of the arbiter strategy at 16 in flight
 * before accept.overlap (bench herd, 3 repeats, medians: 0.18 at 8 workers,
 * 0.16 at 16), which the busy pool must not exceed.
 */
const BUSY_WAKEUPS_BEFORE: Record<number, number> = { 8: 0.18, 16: 0.16 };

const f = (x: number | null | undefined, d = 2) => (x === null || x === undefined ? '–' : x.toFixed(d));

export function checkGoals(results: HerdResult[]): GoalVerdict[] {
  const get = (strategy: string, scenario: string, workers: number) => results.find((r) => r.strategy === strategy && r.scenario === scenario && r.workers === workers);
  const out: GoalVerdict[] = [];
  const add = (id: string, goal: string, value: string, target: string, met: boolean | null) => out.push({ id, goal, value, target, met });
  const bestHerd = (scenario: string, w: number, by: (r: HerdResult) => number, higher: boolean) =>
    HERDS.map((s) => get(s, scenario, w)).filter((r): r is HerdResult => r !== undefined)
      .reduce<HerdResult | undefined>((b, r) => (!b || (higher ? by(r) > by(b) : by(r) < by(b)) ? r : b), undefined);

  // busy: 16 in flight, at 8 and 16 workers
  for (const w of [8, 16]) {
    const a = get('arbiter', 'close', w);
    const tput = bestHerd('close', w, (r) => r.connsPerSec, true);
    const p50 = bestHerd('close', w, (r) => r.latencyUs.p50, false);
    const p99 = bestHerd('close', w, (r) => r.latencyUs.p99, false);
    const missing = (what: string) => `${what} (no herd pool run: add shared-fd)`;
    add(`busy-${w}-throughput`, `busy, ${w} workers: connections per second`, a ? f(a.connsPerSec, 0) : '–',
      tput ? `≥ 0.95 × ${tput.strategy}'s ${f(tput.connsPerSec, 0)} = ${f(0.95 * tput.connsPerSec, 0)}` : missing('≥ 0.95 × the best herd pool'),
      a && tput ? a.connsPerSec >= 0.95 * tput.connsPerSec : null);
    add(`busy-${w}-p50`, `busy, ${w} workers: p50 latency`, a ? `${f(a.latencyUs.p50 / 1000)} ms` : '–',
      p50 ? `≤ 1.2 × ${p50.strategy}'s ${f(p50.latencyUs.p50 / 1000)} ms` : missing('≤ 1.2 × the best herd p50'),
      a && p50 ? a.latencyUs.p50 <= 1.2 * p50.latencyUs.p50 : null);
    add(`busy-${w}-p99`, `busy, ${w} workers: p99 latency`, a ? `${f(a.latencyUs.p99 / 1000)} ms` : '–',
      p99 ? `≤ 0.8 × ${p99.strategy}'s ${f(p99.latencyUs.p99 / 1000)} ms` : missing('≤ 0.8 × the best herd p99'),
      a && p99 ? a.latencyUs.p99 <= 0.8 * p99.latencyUs.p99 : null);
    const before = BUSY_WAKEUPS_BEFORE[w] as number;
    const traced = a?.wakeupsSource === 'sched_wakeup';
    add(`busy-${w}-wakeups`, `busy, ${w} workers: wakeups per connection (traced)`, a ? f(a.wakeupsPerConn) : '–', `≤ ${before} (before overlapping grants)`,
      a && traced && a.wakeupsPerConn !== null ? a.wakeupsPerConn <= before : null);
    add(`busy-${w}-jain`, `busy, ${w} workers: Jain over connections per worker`, f(a?.jain, 3), '≥ 0.95', a?.jain == null ? null : a.jain >= 0.95);
  }

  // idle: one connection in flight, 8 workers
  const a = get('arbiter', 'idle', 8);
  const fd = get('shared-fd', 'idle', 8);
  add('idle-p99', 'idle, 8 workers: p99 latency', a ? `${f(a.latencyUs.p99 / 1000)} ms` : '–', fd ? `≤ 1.1 × shared-fd's ${f(fd.latencyUs.p99 / 1000)} ms` : '≤ 1.1 × shared-fd (not run)',
    a && fd ? a.latencyUs.p99 <= 1.1 * fd.latencyUs.p99 : null);
  add('idle-cpu', 'idle, 8 workers: pool CPU per 1k connections (workers + arbiter)', a ? `${f(a.poolCpuMsPerKConn, 0)} ms` : '–',
    fd ? `≤ 0.9 × shared-fd's ${f(fd.poolCpuMsPerKConn, 0)} ms` : '≤ 0.9 × shared-fd (not run)', a && fd ? a.poolCpuMsPerKConn <= 0.9 * fd.poolCpuMsPerKConn : null);
  add('idle-wakeups', 'idle, 8 workers: wakeups per connection, arbiter included', a ? `${f(a.wakeupsPerConn)}${a.wakeupsSource ? ` (${a.wakeupsSource})` : ''}` : '–', '≤ 1.5',
    a?.wakeupsPerConn == null ? null : a.wakeupsPerConn <= 1.5);

  // corral's own poll strategies against the plain pool: the worker runtime's cost per connection
  for (const s of ['shared', 'exclusive']) {
    for (const scenario of ['idle', 'close']) {
      const r = get(s, scenario, 8);
      const base = get('shared-fd', scenario, 8);
      add(`${s}-${scenario}-cpu`, `${s}, ${scenario}, 8 workers: pool CPU per 1k connections`, r ? `${f(r.poolCpuMsPerKConn, 0)} ms` : '–',
        base ? `≤ 1.05 × shared-fd's ${f(base.poolCpuMsPerKConn, 0)} ms` : '≤ 1.05 × shared-fd (not run)', r && base ? r.poolCpuMsPerKConn <= 1.05 * base.poolCpuMsPerKConn : null);
    }
  }
  const c = get('arbiter', 'close', 16);
  add('close-failed', 'busy, 16 workers: failed connections', c ? String(c.failed + c.notStarted) : '–', '0', c ? c.failed + c.notStarted === 0 : null);
  return out;
}

export function goalsText(goals: GoalVerdict[], markdown = false): string {
  const mark = (m: boolean | null) => (m === null ? 'not checked' : m ? 'met' : 'MISSED');
  if (markdown) {
    return `| goal | measured | target | verdict |\n|:---|---:|:---|:---|\n` + goals.map((g) => `| ${g.goal} | ${g.value} | ${g.target} | ${mark(g.met)} |`).join('\n') + '\n';
  }
  const w = Math.max(...goals.map((g) => g.goal.length));
  const v = Math.max(...goals.map((g) => g.value.length));
  return goals.map((g) => `  ${mark(g.met).padEnd(11)} ${g.goal.padEnd(w)}  ${g.value.padStart(v)}  (${g.target})`).join('\n') + '\n';
}
