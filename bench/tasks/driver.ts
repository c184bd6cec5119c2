// One system, one repeat, in a process of its own (forked by main.ts with an
// IPC channel): starts the system for each pool shape the scenarios need,
// runs them, and sends each result back. A fresh process per system keeps
// one pool's threads, heap and children from weighing on the next, and makes
// this process's RSS the embedding arbiter's own. It exits when the channel
// closes, killing whatever it started.
import { crashScenario, LOOP_SCENARIOS, loopScenarios, type ScenarioName, type SystemName } from './options.js';
import { specFor, startSystem, type Runner } from './systems.js';
import { RssWatch, type RssFigures } from './rss.js';
import { descendants, machineBusyMs, sampleProcess } from '../common/proc.js';
import type { LoopResult } from './loops.js';
import { Unavailable, startEmbedded } from './corral.js';
import { measureChaos, measureCrash, type ChaosResult, type CrashResult } from './crash.js';

export interface DriverRun {
  type: 'run';
  system: SystemName;
  scenarios: ScenarioName[];
  quick: boolean;
}

export interface ScenarioSample {
  loop: LoopResult | null;
  crash: CrashResult | null;
  chaos: ChaosResult | null;
  rss: RssFigures | null;
  describe: string;
  /** Cores used by everything else on the machine while the scenario ran (not this driver and what it started): noise. */
  otherCores: number | null;
}

export type DriverMessage =
  | { type: 'start'; scenario: ScenarioName }
  | { type: 'result'; scenario: ScenarioName; sample: ScenarioSample }
  | { type: 'failed'; scenario: ScenarioName; message: string }
  | { type: 'unavailable'; reason: string }
  | { type: 'done' };

const send = (m: DriverMessage) => process.send?.(m);

/** CPU ms of this process and every descendant, now. */
function treeCpuMs(): number {
  let ns = 0;
  for (const pid of [process.pid, ...descendants()]) ns += sampleProcess(pid)?.cpuNs ?? 0;
  return ns / 1e6;
}

/** Measures what the rest of the machine did while fn ran, in cores. A process of ours that exits meanwhile takes its CPU time with it (counted as other). */
async function withOtherLoad<T>(fn: () => Promise<T>): Promise<{ value: T; otherCores: number | null }> {
  const m0 = machineBusyMs();
  const c0 = treeCpuMs();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const other = (machineBusyMs() - m0 - (treeCpuMs() - c0)) / ms;
  return { value, otherCores: ms > 0 && Number.isFinite(other) ? Math.max(0, other) : null };
}

function killDescendants(): void {
  for (const pid of descendants()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

async function run(msg: DriverRun): Promise<void> {
  const loops = loopScenarios(msg.quick);
  let runner: Runner | undefined;
  let shape = '';
  // A pool shape that failed to start is not started again for the next scenario.
  const startFailed = new Map<string, string>();
  try {
    for (const name of msg.scenarios) {
      if (!(LOOP_SCENARIOS as readonly string[]).includes(name)) continue;
      const sc = loops[name as keyof typeof loops];
      const spec = specFor(msg.system, sc);
      const key = `${spec.workers}/${spec.capacity}`;
      send({ type: 'start', scenario: name });
      try {
        if (key !== shape) {
          await runner?.stop();
          runner = undefined;
          shape = '';
          const earlier = startFailed.get(key);
          if (earlier !== undefined) throw new Error(`did not start (as for the scenario before): ${earlier}`);
          try {
            runner = await startSystem(msg.system, spec);
          } catch (err) {
            if (!(err instanceof Unavailable)) startFailed.set(key, String((err as Error)?.message ?? err).split('\n')[0]!);
            throw err;
          }
          shape = key;
        }
        const r = runner!;
        const watch = new RssWatch(() => r.pids());
        const { value: loop, otherCores } = await withOtherLoad(() => r.run({ kind: sc.kind, job: sc.job, warmup: sc.warmup, calls: sc.calls, inFlight: sc.inFlight, maxMs: sc.maxMs }));
        if (loop.calls > 0 && loop.ok === 0) throw new Error(`every call failed: ${JSON.stringify(loop.errors)}`);
        send({ type: 'result', scenario: name, sample: { loop, crash: null, chaos: null, rss: watch.stop(), describe: r.describe, otherCores } });
      } catch (err) {
        if (err instanceof Unavailable) {
          send({ type: 'unavailable', reason: err.message });
          return;
        }
        send({ type: 'failed', scenario: name, message: String((err as Error)?.stack ?? err).slice(0, 3000) });
        await runner?.stop().catch(() => {});
        runner = undefined;
        shape = '';
      }
    }
  } finally {
    await runner?.stop().catch(() => {});
  }
  if (msg.system === 'corral-embedded' && (msg.scenarios.includes('crash') || msg.scenarios.includes('chaos'))) await crashes(msg);
}

async function crashes(msg: DriverRun): Promise<void> {
  const sc = crashScenario(msg.quick);
  const workers = 2;
  const capacity = 4;
  let h: Awaited<ReturnType<typeof startEmbedded>> | undefined;
  try {
    h = await startEmbedded({ workers, capacity }, true);
    const describe = `corral arbiter in this process, ${workers} Node task workers, taskCapacity ${capacity}`;
    for (const name of ['crash', 'chaos'] as const) {
      if (!msg.scenarios.includes(name)) continue;
      send({ type: 'start', scenario: name });
      try {
        const hh = h;
        const watch = new RssWatch(() => hh.pids());
        const { value: crash, otherCores: o1 } = await withOtherLoad(async () => (name === 'crash' ? measureCrash(h!.arbiter, h!.app, workers, capacity, sc, () => {}) : null));
        const { value: chaos, otherCores: o2 } = await withOtherLoad(async () => (name === 'chaos' ? measureChaos(h!.arbiter, h!.app, workers, capacity, sc) : null));
        send({ type: 'result', scenario: name, sample: { loop: null, crash, chaos, rss: watch.stop(), describe, otherCores: name === 'crash' ? o1 : o2 } });
      } catch (err) {
        send({ type: 'failed', scenario: name, message: String((err as Error)?.stack ?? err).slice(0, 3000) });
      }
    }
  } catch (err) {
    if (err instanceof Unavailable) send({ type: 'unavailable', reason: err.message });
    else for (const name of ['crash', 'chaos'] as const) if (msg.scenarios.includes(name)) send({ type: 'failed', scenario: name, message: String((err as Error)?.stack ?? err).slice(0, 3000) });
  } finally {
    await h?.stop().catch(() => {});
  }
}

process.on('exit', killDescendants);
process.on('disconnect', () => process.exit(0));
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => process.exit(130));
process.once('message', (m: DriverRun) => {
  void run(m)
    .catch((err: unknown) => send({ type: 'failed', scenario: m.scenarios[0]!, message: String((err as Error)?.stack ?? err) }))
    .finally(() => {
      send({ type: 'done' });
      // Whatever a pool left behind goes with this process.
      setTimeout(() => process.exit(0), 100);
    });
});
