// One system, one repeat, in a process of its own (forked by main.ts with an
// IPC channel, in a process group of its own): it is the producer, it starts
// and stops the consumer processes, and it reads Redis's counters around each
// timed run. Every scenario starts from FLUSHALL. It exits when the channel
// closes, killing whatever it started.
import { descendants, machineBusyMs, sampleProcess } from '../common/proc.js';
import { histogram, percentile } from '../tasks/loops.js';
import { bullmq } from './bullmq.js';
import { corral } from './corral.js';
import type { ScenarioName, Sizes, SystemName } from './options.js';
import { scenarioKey } from './options.js';
import { RedisAdmin, type CommandCounts, type MonitorCounts } from './redis-stats.js';
import { killIdentified, identify, type Consumers, type Producer, type QueueSystem } from './systems.js';

export interface DriverRun {
  type: 'run';
  system: SystemName;
  url: string;
  scenarios: ScenarioName[];
  workers: number[];
  capacity: number;
  sizes: Sizes;
  count: boolean;
}

export interface LatencyMs {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface Sample {
  scenario: ScenarioName;
  workers: number;
  key: string;
  describe: string;
  /** Jobs in the timed run, and how they ended. */
  jobs: number;
  ok: number;
  errors: Record<string, number>;
  elapsedMs: number;
  /** Jobs done per second (enqueue: jobs enqueued per second). */
  perSec: number;
  /** throughput: how long the enqueueing took within the run (consumers already working). */
  enqueueMs: number | null;
  latencyMs: LatencyMs | null;
  /** latency: counts per log bucket of µs (bench/tasks/loops.ts HIST_EDGES_US). */
  histogram: number[] | null;
  /** What Redis counted over the timed run. */
  redis: CommandCounts;
  /** CPU over the timed run, ms: redis-server, the consumer processes (consumersTop: those the driver started, i.e. corral's arbiter or the BullMQ workers; the rest are corral's task workers), the producer (this process). */
  cpuMs: { redis: number; consumers: number; consumersTop: number; producer: number };
  /** Cores the rest of the machine used meanwhile: noise in these figures. */
  otherCores: number | null;
  /** The untimed MONITOR pass: top-level commands and commands inside scripts, for `jobs` jobs. */
  count: (MonitorCounts & { jobs: number }) | null;
  /** This driver and the consumer processes it ran, each with its start time: what must be gone after the run. */
  procs: { pid: number; start: string }[];
}

export type DriverMessage =
  | { type: 'start'; key: string }
  | { type: 'result'; key: string; sample: Sample }
  | { type: 'failed'; key: string; message: string }
  | { type: 'done' };

const send = (m: DriverMessage) => process.send?.(m);
const now = () => performance.now();
const SYSTEMS: Record<SystemName, QueueSystem> = { corral, bullmq };

class Timeout extends Error {}

/** p, or a Timeout after ms (p goes on). */
function deadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => { t = setTimeout(() => reject(new Timeout(`${what}: not done within ${Math.round(ms)} ms`)), Math.max(1, ms)); })]).finally(() => clearTimeout(t));
}

function errorCode(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (err instanceof Timeout) return 'timeout';
  if (e && typeof e.code === 'string' && e.code) return e.code;
  return String(e?.message ?? e).slice(0, 60);
}

interface BulkResult {
  jobs: number;
  ok: number;
  errors: Record<string, number>;
  elapsedMs: number;
  enqueueMs: number;
}

/**
 * n jobs enqueued in bulk calls of `batch`; with `wait`, each job's result
 * is awaited from the moment its batch is in Redis. Timed from the first
 * enqueue to the last result (or to the end of the enqueueing without wait).
 */
async function bulk(p: Producer, n: number, batch: number, wait: boolean, timeoutMs: number): Promise<BulkResult> {
  const errors: Record<string, number> = {};
  let ok = 0;
  const fail = (err: unknown) => { const c = errorCode(err); errors[c] = (errors[c] ?? 0) + 1; };
  const waits: Promise<void>[] = [];
  const t0 = now();
  const stopAt = t0 + timeoutMs;
  let enqueued = 0;
  for (let i = 0; i < n; i += batch) {
    const jobs = await deadline(p.enqueueBatch(Math.min(batch, n - i), 'noop'), stopAt - now(), 'enqueue');
    enqueued += jobs.length;
    if (wait) for (const j of jobs) waits.push(p.result(j).then(() => { ok++; }, fail));
  }
  const enqueueMs = now() - t0;
  if (!wait) ok = enqueued;
  else {
    try {
      await deadline(Promise.all(waits), stopAt - now(), 'results');
    } catch (err) {
      if (!(err instanceof Timeout)) throw err;
      const missing = n - ok - Object.values(errors).reduce((a, b) => a + b, 0);
      if (missing > 0) errors.timeout = (errors.timeout ?? 0) + missing;
    }
  }
  return { jobs: n, ok, errors, elapsedMs: now() - t0, enqueueMs };
}

/** One job in flight: enqueue, await its result, next; µs per job. */
async function latencyLoop(p: Producer, warm: number, n: number, timeoutMs: number): Promise<{ us: Float64Array; ok: number; errors: Record<string, number>; elapsedMs: number }> {
  const errors: Record<string, number> = {};
  const one = async () => p.result(await p.enqueueOne('noop'));
  const stopWarm = now() + timeoutMs;
  for (let i = 0; i < warm && now() < stopWarm; i++) await deadline(one(), stopWarm - now(), 'latency warm-up').catch(() => {});
  const us = new Float64Array(n);
  let k = 0;
  let ok = 0;
  const t0 = now();
  const stopAt = t0 + timeoutMs;
  while (k < n && now() < stopAt) {
    const a = now();
    try {
      await deadline(one(), stopAt - a, 'latency');
      ok++;
    } catch (err) {
      const c = errorCode(err);
      errors[c] = (errors[c] ?? 0) + 1;
    }
    us[k++] = (now() - a) * 1000;
  }
  return { us: us.subarray(0, k), ok, errors, elapsedMs: now() - t0 };
}

/** Runs `pid` jobs until every one of the `workers` consumers has served one (or 60 s pass). */
async function everyWorkerServes(p: Producer, workers: number, capacity: number): Promise<void> {
  const seen = new Set<number>();
  const until = now() + 60_000;
  while (seen.size < workers) {
    if (now() > until) throw new Error(`only ${seen.size} of ${workers} workers served a job within 60 s`);
    const jobs = await deadline(p.enqueueBatch(2 * workers * capacity, 'pid'), until - now(), 'pid jobs');
    for (const pid of await deadline(Promise.all(jobs.map((j) => p.result(j))), until - now(), `waiting for ${workers} workers to serve`)) seen.add(Number(pid));
  }
}

/** CPU so far of the consumer processes (everything this driver started), ms: the processes it started itself (corral's arbiter, the BullMQ workers) and those below them (corral's task workers). */
function consumersCpuMs(): { top: number; below: number } {
  const direct = new Set(descendants(process.pid, 1));
  let top = 0;
  let below = 0;
  for (const pid of descendants()) {
    const ms = (sampleProcess(pid)?.cpuNs ?? 0) / 1e6;
    if (direct.has(pid)) top += ms; else below += ms;
  }
  return { top, below };
}

/** Redis's counters and everyone's CPU around fn. */
async function timed<T>(admin: RedisAdmin, fn: () => Promise<T>): Promise<{ value: T; redis: CommandCounts; cpuMs: Sample['cpuMs']; otherCores: number | null; procs: Sample['procs'] }> {
  const m0 = machineBusyMs();
  const c0 = consumersCpuMs();
  const p0 = process.cpuUsage();
  const t0 = now();
  const { value, counts } = await admin.around(fn);
  const ms = now() - t0;
  const pu = process.cpuUsage(p0);
  const c1 = consumersCpuMs();
  const cpuMs = { redis: counts.cpuMs, consumers: c1.top + c1.below - c0.top - c0.below, consumersTop: c1.top - c0.top, producer: (pu.user + pu.system) / 1000 };
  const other = (machineBusyMs() - m0 - cpuMs.redis - cpuMs.consumers - cpuMs.producer) / ms;
  return { value, redis: counts, cpuMs, otherCores: ms > 0 && Number.isFinite(other) ? Math.max(0, other) : null, procs: identify([process.pid, ...descendants()]) };
}

function latencyFigures(us: Float64Array): LatencyMs {
  const s = Float64Array.from(us).sort();
  let total = 0;
  for (const x of s) total += x;
  const ms = (x: number) => x / 1000;
  return { p50: ms(percentile(s, 0.5)), p90: ms(percentile(s, 0.9)), p99: ms(percentile(s, 0.99)), max: ms(s.length ? s[s.length - 1]! : NaN), mean: ms(s.length ? total / s.length : NaN) };
}

async function run(msg: DriverRun): Promise<void> {
  const sys = SYSTEMS[msg.system];
  const z = msg.sizes;
  const admin = new RedisAdmin(msg.url);
  const fail = (key: string, err: unknown) => send({ type: 'failed', key, message: String((err as Error)?.stack ?? err).slice(0, 3000) });
  try {
    if (msg.scenarios.includes('enqueue')) {
      const key = 'enqueue';
      send({ type: 'start', key });
      let p: Producer | undefined;
      try {
        await admin.flushAll();
        p = await sys.producer(msg.url, Math.max(z.jobs, z.enqueueJobs, z.warmup));
        const prod = p;
        // The producer's code warms up (JIT) before it is timed; nothing consumes.
        await bulk(prod, Math.min(z.warmup, z.enqueueJobs), z.batch, false, z.timeoutMs);
        await admin.flushAll();
        const t = await timed(admin, () => bulk(prod, z.enqueueJobs, z.batch, false, z.timeoutMs));
        let count: Sample['count'] = null;
        if (msg.count) {
          await admin.flushAll();
          count = { ...(await admin.monitor(() => bulk(prod, z.countJobs, z.batch, false, z.timeoutMs))).counts, jobs: z.countJobs };
        }
        const r = t.value;
        send({ type: 'result', key, sample: {
          scenario: 'enqueue', workers: 0, key, describe: 'no consumer running', jobs: r.jobs, ok: r.ok, errors: r.errors, elapsedMs: r.elapsedMs, perSec: (r.ok / r.elapsedMs) * 1000,
          enqueueMs: r.enqueueMs, latencyMs: null, histogram: null, redis: t.redis, cpuMs: t.cpuMs, otherCores: t.otherCores, count, procs: t.procs,
        } });
      } catch (err) {
        fail(key, err);
      } finally {
        await p?.close().catch(() => {});
      }
    }

    const shapes = [...new Set([...(msg.scenarios.includes('latency') ? [1] : []), ...(msg.scenarios.includes('throughput') ? msg.workers : [])])].sort((a, b) => a - b);
    for (const w of shapes) {
      const keys: { key: string; scenario: ScenarioName }[] = [];
      if (w === 1 && msg.scenarios.includes('latency')) keys.push({ key: 'latency', scenario: 'latency' });
      if (msg.scenarios.includes('throughput') && msg.workers.includes(w)) keys.push({ key: scenarioKey('throughput', w), scenario: 'throughput' });
      let p: Producer | undefined;
      let consumers: Consumers | undefined;
      let done = 0;
      try {
        await admin.flushAll();
        p = await sys.producer(msg.url, Math.max(z.jobs, z.enqueueJobs, z.warmup));
        const prod = p;
        consumers = await sys.start(msg.url, w, msg.capacity);
        try {
          await everyWorkerServes(prod, w, msg.capacity);
        } catch (err) {
          throw new Error(`${(err as Error).message}; the consumers' output:\n${consumers.output() || '(none)'}`);
        }
        // Warm-up: the consumers' and the producer's code paths, JIT-compiled before anything is timed.
        await bulk(prod, z.warmup, z.batch, true, z.timeoutMs);
        for (const { key, scenario } of keys) {
          send({ type: 'start', key });
          try {
            if (scenario === 'latency') {
              await latencyLoop(prod, z.latencyWarmup, 0, z.timeoutMs);
              const t = await timed(admin, () => latencyLoop(prod, 0, z.samples, z.timeoutMs));
              let count: Sample['count'] = null;
              if (msg.count) count = { ...(await admin.monitor(() => latencyLoop(prod, 0, z.countSamples, z.timeoutMs))).counts, jobs: z.countSamples };
              const r = t.value;
              if (r.ok === 0) throw new Error(`every job failed: ${JSON.stringify(r.errors)}`);
              send({ type: 'result', key, sample: {
                scenario, workers: w, key, describe: consumers.describe, jobs: r.us.length, ok: r.ok, errors: r.errors, elapsedMs: r.elapsedMs, perSec: (r.ok / r.elapsedMs) * 1000,
                enqueueMs: null, latencyMs: latencyFigures(r.us), histogram: histogram(r.us), redis: t.redis, cpuMs: t.cpuMs, otherCores: t.otherCores, count, procs: t.procs,
              } });
            } else {
              const t = await timed(admin, () => bulk(prod, z.jobs, z.batch, true, z.timeoutMs));
              let count: Sample['count'] = null;
              if (msg.count) count = { ...(await admin.monitor(() => bulk(prod, z.countJobs, z.batch, true, z.timeoutMs))).counts, jobs: z.countJobs };
              const r = t.value;
              if (r.ok === 0) throw new Error(`every job failed: ${JSON.stringify(r.errors)}`);
              send({ type: 'result', key, sample: {
                scenario, workers: w, key, describe: consumers.describe, jobs: r.jobs, ok: r.ok, errors: r.errors, elapsedMs: r.elapsedMs, perSec: (r.ok / r.elapsedMs) * 1000,
                enqueueMs: r.enqueueMs, latencyMs: null, histogram: null, redis: t.redis, cpuMs: t.cpuMs, otherCores: t.otherCores, count, procs: t.procs,
              } });
            }
          } catch (err) {
            fail(key, err);
          }
          done++;
        }
      } catch (err) {
        for (const { key } of keys.slice(done)) fail(key, err);
      } finally {
        await p?.close().catch(() => {});
        await consumers?.stop().catch(() => {});
      }
    }
  } finally {
    await admin.flushAll().catch(() => {});
    await admin.close();
  }
}

function killDescendants(): void {
  killIdentified(identify(descendants().reverse()));
}

process.on('exit', killDescendants);
process.on('disconnect', () => process.exit(0));
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => process.exit(130));
process.once('message', (m: DriverRun) => {
  void run(m)
    .catch((err: unknown) => send({ type: 'failed', key: '*', message: String((err as Error)?.stack ?? err) }))
    .finally(() => {
      send({ type: 'done' });
      setTimeout(() => process.exit(0), 100);
    });
});
