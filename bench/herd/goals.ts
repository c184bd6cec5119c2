// The goals the `arbiter` strategy is held to (issue: bench herd), checked
// against a run's medians. A goal whose inputs were not measured in this run
// (another worker count, no shared pool, no tracing…) is reported as not
// checked, never as met.
import type { HerdResult } from './metrics.js';

export interface GoalVerdict {
  id: string;
  goal: string;
  value: string;
  target: string;
  /** true met, false missed, null not checked (inputs missing). */
  met: boolean | null;
}

const NODE_OTHERS = ['shared', 'exclusive', 'reuseport', 'handoff', 'cluster-rr', 'cluster-none', 'node-reuseport'];

const f = (x: number | null | undefined, d = 2) => (x === null || x === undefined ? '–' : x.toFixed(d));

export function checkGoals(results: HerdResult[]): GoalVerdict[] {
  const get = (strategy: string, scenario: string, workers: number) => results.find((r) => r.strategy === strategy && r.scenario === scenario && r.workers === workers);
  const out: GoalVerdict[] = [];
  const add = (id: string, goal: string, value: string, target: string, met: boolean | null) => out.push({ id, goal, value, target, met });

  // idle, 8 workers
  const a = get('arbiter', 'idle', 8);
  const sh = get('shared', 'idle', 8);
  const idleAll = results.filter((r) => r.strategy === 'arbiter' && r.scenario === 'idle').sort((x, y) => x.workers - y.workers);
  const src = a?.wakeupsSource ? ` (${a.wakeupsSource})` : '';
  add('idle-wakeups', 'idle, 8 workers: wakeups per connection, arbiter included', f(a?.wakeupsPerConn) + src, '≤ 1.5', a?.wakeupsPerConn == null ? null : a.wakeupsPerConn <= 1.5);
  const flat = idleAll.filter((r) => r.wakeupsPerConn !== null);
  add('idle-wakeups-flat', 'idle: wakeups per connection stay flat as workers grow',
    flat.map((r) => `${r.workers}: ${f(r.wakeupsPerConn)}`).join(', ') || '–', '≤ 1.5 at every worker count (up to 32)',
    flat.length < 2 || !flat.some((r) => r.workers >= 32) ? null : flat.every((r) => r.wakeupsPerConn! <= 1.5));
  add('idle-cpu', 'idle, 8 workers: pool CPU per 1k connections (workers + arbiter)', a ? `${f(a.poolCpuMsPerKConn, 0)} ms` : '–', sh ? `< shared's ${f(sh.poolCpuMsPerKConn, 0)} ms` : '< shared (not run)', a && sh ? a.poolCpuMsPerKConn < sh.poolCpuMsPerKConn : null);
  add('idle-p50', 'idle, 8 workers: p50 latency', a ? `${f(a.latencyUs.p50 / 1000, 3)} ms` : '–', sh ? `≤ 1.1 × shared's ${f(sh.latencyUs.p50 / 1000, 3)} ms` : '≤ 1.1 × shared (not run)', a && sh ? a.latencyUs.p50 <= 1.1 * sh.latencyUs.p50 : null);
  add('idle-p99', 'idle, 8 workers: p99 latency', a ? `${f(a.latencyUs.p99 / 1000)} ms` : '–', sh ? `≤ shared's ${f(sh.latencyUs.p99 / 1000)} ms` : '≤ shared (not run)', a && sh ? a.latencyUs.p99 <= sh.latencyUs.p99 : null);
  add('idle-jain', 'idle, 8 workers: Jain over connections per worker', f(a?.jain, 3), '≥ 0.95', a?.jain == null ? null : a.jain >= 0.95);

  // close, 16 workers
  const c = get('arbiter', 'close', 16);
  const c8 = get('arbiter', 'close', 8);
  const rr = get('cluster-rr', 'close', 16);
  const others = NODE_OTHERS.map((s) => get(s, 'close', 16)).filter((r): r is HerdResult => r !== undefined);
  const best = others.reduce<HerdResult | undefined>((b, r) => (!b || r.connsPerSec > b.connsPerSec ? r : b), undefined);
  add('close-throughput', 'close, 16 workers: connections per second', c ? f(c.connsPerSec, 0) : '–', best ? `≥ 0.9 × ${best.strategy}'s ${f(best.connsPerSec, 0)} = ${f(0.9 * best.connsPerSec, 0)}` : '≥ 0.9 × best other Node strategy (not run)', c && best ? c.connsPerSec >= 0.9 * best.connsPerSec : null);
  add('close-p99-rr', 'close, 16 workers: p99 latency against cluster-rr', c ? `${f(c.latencyUs.p99 / 1000)} ms` : '–', rr ? `≤ cluster-rr's ${f(rr.latencyUs.p99 / 1000)} ms` : '≤ cluster-rr (not run)', c && rr ? c.latencyUs.p99 <= rr.latencyUs.p99 : null);
  add('close-p99-growth', 'close: p99 at 16 workers against its own p99 at 8', c ? `${f(c.latencyUs.p99 / 1000)} ms` : '–', c8 ? `≤ 1.1 × ${f(c8.latencyUs.p99 / 1000)} ms = ${f((1.1 * c8.latencyUs.p99) / 1000)} ms` : '≤ 1.1 × p99 at 8 (not run)', c && c8 ? c.latencyUs.p99 <= 1.1 * c8.latencyUs.p99 : null);
  add('close-jain', 'close, 16 workers: Jain', f(c?.jain, 3), '≥ 0.95', c?.jain == null ? null : c.jain >= 0.95);
  add('close-eagain', 'close, 16 workers: would-block accepts per connection', f(c?.eagainPerConn, 4), '≤ 0.02', c?.eagainPerConn == null ? null : c.eagainPerConn <= 0.02);
  add('close-failed', 'close, 16 workers: failed connections', c ? String(c.failed + c.notStarted) : '–', '0', c ? c.failed + c.notStarted === 0 : null);
  return out;
}

export function goalsText(goals: GoalVerdict[], markdown = false): string {
  const mark = (m: boolean | null) => (m === null ? 'not checked' : m ? 'met' : 'MISSED');
  if (markdown) {
    return `| goal | arbiter | target | verdict |\n|:---|---:|:---|:---|\n` + goals.map((g) => `| ${g.goal} | ${g.value} | ${g.target} | ${mark(g.met)} |`).join('\n') + '\n';
  }
  const w = Math.max(...goals.map((g) => g.goal.length));
  const v = Math.max(...goals.map((g) => g.value.length));
  return goals.map((g) => `  ${mark(g.met).padEnd(11)} ${g.goal.padEnd(w)}  ${g.value.padStart(v)}  (${g.target})`).join('\n') + '\n';
}
