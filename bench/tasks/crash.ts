// corral only: what a task worker's SIGKILL does to the calls it held.
//
// settlement: calls in flight on both task workers (async sleeps), kill -9
//   one worker, time from the kill to each of its calls' rejection.
// chaos: callers keep calls going while a random task worker is killed every
//   chaosEveryMs; afterwards every call must have settled. Calls rejected for
//   a lost worker are bounded by what the killed workers held (kills x
//   capacity); anything beyond that would be a queued job lost.
import type { CorralArbiter } from './corral.js';
import { readyTaskWorkerPids, taskWorkerPids } from './corral.js';
import type { CrashScenario } from './options.js';

export interface CrashResult {
  /** ms from each kill to the rejection of each call the killed worker held. */
  rejectMs: number[];
  kills: number;
  /** Calls rejected per kill (what the worker held), and their codes. */
  rejectedPerKill: number[];
  codes: Record<string, number>;
  /** ms from each kill until the pool has its count of Ready task workers again (arbiter.stats()). */
  replacedMs: number[];
}

export interface ChaosResult {
  seconds: number;
  kills: number;
  capacity: number;
  workers: number;
  submitted: number;
  ok: number;
  errors: Record<string, number>;
  /** Calls never settled (must be 0). */
  lost: number;
  /** Rejections for a lost worker beyond kills x capacity: queued jobs lost (must be 0). */
  queuedLost: number;
  /** Ticks when no task worker was Ready, so none was killed. */
  skipped: number;
  /** The arbiter's own per-app counters after the run (stats().tasks.apps), when it has them. */
  arbiterApps: Record<string, unknown> | null;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const codeOf = (err: unknown) => String((err as { code?: unknown })?.code ?? (err as Error)?.name ?? 'Error');
const isLost = (code: string) => /WORKER_LOST/.test(code);
const kill = (pid: number) => {
  try {
    process.kill(pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
};

async function workersUp(n: number, notIn: number[], ms: number): Promise<number[]> {
  const until = Date.now() + ms;
  for (;;) {
    const pids = taskWorkerPids();
    if (pids.length >= n && !pids.some((p) => notIn.includes(p))) return pids;
    if (Date.now() > until) throw new Error(`task workers not back in ${ms} ms (have ${pids.join(', ') || 'none'})`);
    await sleep(20);
  }
}

async function readyUp(arbiter: CorralArbiter, n: number, notIn: number[], ms: number): Promise<number[]> {
  const until = Date.now() + ms;
  for (;;) {
    const pids = readyTaskWorkerPids(arbiter);
    if (pids.length >= n && !pids.some((p) => notIn.includes(p))) return pids;
    if (Date.now() > until) throw new Error(`task workers not Ready in ${ms} ms`);
    await sleep(10);
  }
}

export async function measureCrash(arbiter: CorralArbiter, app: string, workers: number, capacity: number, sc: CrashScenario, onSample: (i: number) => void): Promise<CrashResult> {
  const out: CrashResult = { rejectMs: [], kills: 0, rejectedPerKill: [], codes: {}, replacedMs: [] };
  let killed: number[] = [];
  for (let i = 0; i < sc.samples; i++) {
    await workersUp(workers, killed, 30_000);
    const pids = await readyUp(arbiter, workers, killed, 30_000);
    // Fill every worker: capacity sleeps each, long enough to outlive the measurement.
    let t0 = 0;
    const settled: Promise<void>[] = [];
    let rejected = 0;
    for (let k = 0; k < workers * capacity; k++) {
      settled.push(arbiter.execute(app, 'sleep', { ms: 1000 }, { codec: 'json' }).then(() => undefined, (err: unknown) => {
        const t = performance.now();
        const code = codeOf(err);
        out.codes[code] = (out.codes[code] ?? 0) + 1;
        if (t0 && isLost(code)) {
          out.rejectMs.push(t - t0);
          rejected++;
        }
      }));
    }
    await sleep(200);
    const victim = pids[Math.floor(Math.random() * pids.length)]!;
    t0 = performance.now();
    kill(victim);
    out.kills++;
    killed = [victim];
    // The replacement: time until the pool has its count of Ready task workers again, the dead one not among them.
    const replaced = (async () => {
      await readyUp(arbiter, workers, killed, 30_000);
      return performance.now() - t0;
    })();
    await Promise.all(settled);
    out.rejectedPerKill.push(rejected);
    out.replacedMs.push(await replaced);
    onSample(i + 1);
  }
  return out;
}

export async function measureChaos(arbiter: CorralArbiter, app: string, workers: number, capacity: number, sc: CrashScenario): Promise<ChaosResult> {
  const r: ChaosResult = { seconds: sc.chaosSeconds, kills: 0, capacity, workers, submitted: 0, ok: 0, errors: {}, lost: 0, queuedLost: 0, skipped: 0, arbiterApps: null };
  let running = true;
  const outstanding = new Set<Promise<void>>();
  const lane = async () => {
    while (running) {
      r.submitted++;
      const p = arbiter.execute(app, 'sleep', { ms: 2 }, { codec: 'json' }).then(
        () => void r.ok++,
        (err: unknown) => {
          const c = codeOf(err);
          r.errors[c] = (r.errors[c] ?? 0) + 1;
        },
      );
      outstanding.add(p);
      await p;
      outstanding.delete(p);
    }
  };
  const lanes = Array.from({ length: sc.chaosCallers }, lane);
  const end = Date.now() + sc.chaosSeconds * 1000;
  while (Date.now() < end) {
    await sleep(sc.chaosEveryMs);
    // Only workers that said Ready: killing one still booting tests the boot-failure backoff, not what happens to jobs.
    const pids = readyTaskWorkerPids(arbiter);
    if (pids.length && kill(pids[Math.floor(Math.random() * pids.length)]!)) r.kills++;
    else r.skipped++;
  }
  running = false;
  // Every call must settle: wait for them (bounded), and count what never did.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((res) => (timer = setTimeout(res, 20_000)));
  await Promise.race([Promise.all(lanes), deadline]);
  clearTimeout(timer);
  r.lost = outstanding.size;
  const apps = arbiter.stats?.().tasks?.apps;
  r.arbiterApps = apps ? (JSON.parse(JSON.stringify(apps)) as Record<string, unknown>) : null;
  const lostWorker = Object.entries(r.errors).filter(([c]) => isLost(c)).reduce((a, [, n]) => a + n, 0);
  r.queuedLost = Math.max(0, lostWorker - r.kills * capacity);
  return r;
}
