// `bench queue` options, its systems and scenarios, and their sizes (full,
// --quick, and the --jobs/--samples overrides the smoke test uses).
import { intFlag as int, nameList as list, OUTPUT_FLAGS, outputHelp, RUN_FLAGS, outputOptions, parseFlags, UsageError, type OutputOptions } from '../common/cli.js';

export const SYSTEMS = ['corral', 'bullmq'] as const;
export type SystemName = (typeof SYSTEMS)[number];

export const SCENARIOS = ['enqueue', 'latency', 'throughput'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** Task capacity of a corral task worker (its default) and concurrency of a BullMQ Worker, unless --capacity says otherwise. */
export const DEFAULT_CAPACITY = 16;

export interface Sizes {
  /** Throughput: jobs per measured run. */
  jobs: number;
  /** Enqueue only: jobs per measured run. */
  enqueueJobs: number;
  /** Jobs handed to one bulk call (corral: that many enqueue() in one tick; BullMQ: one addBulk). */
  batch: number;
  /** No-op jobs run through a freshly started pool before anything is timed. */
  warmup: number;
  /** Latency: single jobs timed, one in flight. */
  samples: number;
  latencyWarmup: number;
  /** The untimed MONITOR pass: jobs in bulk (throughput, enqueue) and single jobs (latency). */
  countJobs: number;
  countSamples: number;
  /** Bound on one measured part; a run cut short reports what finished. */
  timeoutMs: number;
}

export function sizes(quick: boolean, o: { jobs?: number | undefined; samples?: number | undefined; batch?: number | undefined } = {}): Sizes {
  const base: Sizes = quick
    ? { jobs: 3000, enqueueJobs: 3000, batch: 1000, warmup: 1000, samples: 150, latencyWarmup: 30, countJobs: 300, countSamples: 30, timeoutMs: 60_000 }
    : { jobs: 20_000, enqueueJobs: 20_000, batch: 1000, warmup: 3000, samples: 500, latencyWarmup: 100, countJobs: 1000, countSamples: 100, timeoutMs: 120_000 };
  if (o.jobs !== undefined) {
    base.jobs = o.jobs;
    base.enqueueJobs = o.jobs;
    base.warmup = Math.min(base.warmup, o.jobs);
    base.countJobs = Math.min(base.countJobs, o.jobs);
  }
  if (o.samples !== undefined) {
    base.samples = o.samples;
    base.latencyWarmup = Math.min(base.latencyWarmup, o.samples);
    base.countSamples = Math.min(base.countSamples, o.samples);
  }
  if (o.batch !== undefined) base.batch = o.batch;
  return base;
}

export interface QueueBenchOptions extends OutputOptions {
  systems: SystemName[];
  scenarios: ScenarioName[];
  /** Worker counts of the throughput scenario (latency always uses 1). */
  workers: number[];
  capacity: number;
  repeat: number;
  quick: boolean;
  sizes: Sizes;
  /** Run the untimed MONITOR pass that separates top-level commands from those inside scripts. */
  count: boolean;
}

export const SYSTEM_BLURB: Record<SystemName, string> = {
  corral: '`corral run --tasks bench=fixtures/queue/bench-app.mjs --task-workers W --task-capacity C --redis URL` (one arbiter consuming from Redis, W Node task workers); producer `Queue.connect()`, `enqueue()`, `job.result()`',
  bullmq: 'W worker processes, each one `new Worker(queue, processor, { concurrency: C })` with an in-process no-op processor, other options the defaults; producer `Queue.addBulk()` / `Queue.add()`, `job.waitUntilFinished(queueEvents)`, with the events stream kept at 10 entries per job of a run (`streams.events.maxLen`; the default 10 000 loses completions when the reader falls behind, and their waiters never resolve)',
};

export const HELP = `Usage: corral bench queue [options]      (same as: npm run bench queue -- [options])

Durable job queues on one redis-server that this command starts (and stops):
corral's (an arbiter consuming from Redis, corral/queue producing) against
BullMQ, in the same run, each on a fresh FLUSHALL.

  systems    ${SYSTEMS.join(', ')}
  scenarios
    enqueue     N no-op jobs enqueued in bulk with no consumer running: jobs/s
    latency     one job in flight, enqueue → result: p50 / p90 / p99 in ms (1 worker)
    throughput  N no-op jobs enqueued in bulk, every result awaited: jobs/s from the
                first enqueue to the last result, with W workers (--workers)

For every scenario it records Redis's own counters over the timed run (INFO
commandstats: calls per job, those inside scripts included; socket reads, i.e.
requests as redis-server receives them, a pipeline counting once; bytes; CPU),
and, in an untimed pass with MONITOR, the commands the clients sent apart from
those run inside Lua scripts. The full run (3 repeats) takes 3-6 minutes on a
2-core machine.

Options:
  --quick              1 repeat, ${sizes(true).jobs} jobs, ${sizes(true).samples} latency samples (under a minute)
  --repeat N           repeats (default 3; --quick 1); figures are medians, with min–max
  --systems LIST       ${SYSTEMS.join(',')} (default both)
  --scenario LIST      ${SCENARIOS.join(',')} or all (default all)
  --workers LIST       worker counts for throughput (default 1,4)
  --capacity C         jobs one corral task worker / one BullMQ Worker runs at once (default ${DEFAULT_CAPACITY})
  --jobs N             jobs per throughput and enqueue run (default ${sizes(false).jobs}; --quick ${sizes(true).jobs})
  --samples N          latency samples (default ${sizes(false).samples}; --quick ${sizes(true).samples})
  --batch N            jobs per bulk call (default ${sizes(false).batch})
  --no-count           skip the MONITOR pass (top-level commands are then not reported)
${outputHelp('queue')}`;

export function parseQueueArgs(argv: string[]): QueueBenchOptions {
  const values = parseFlags(argv, {
    ...RUN_FLAGS,
    workers: { type: 'string' },
    capacity: { type: 'string' },
    jobs: { type: 'string' },
    samples: { type: 'string' },
    batch: { type: 'string' },
    'no-count': { type: 'boolean' },
    ...OUTPUT_FLAGS,
  });
  const s = (k: string) => values[k] as string | undefined;
  const quick = values.quick === true;
  const workers: number[] = [];
  for (const w of (s('workers') ?? '1,4').split(',').map((x) => x.trim()).filter(Boolean)) {
    const n = int('workers', w, 1, 64)!;
    if (!workers.includes(n)) workers.push(n);
  }
  if (workers.length === 0) throw new UsageError('--workers is empty');
  workers.sort((a, b) => a - b);
  return {
    systems: s('systems') !== undefined ? list('systems', s('systems')!, SYSTEMS) : [...SYSTEMS],
    scenarios: list('scenario', s('scenario') ?? s('scenarios') ?? 'all', SCENARIOS),
    workers,
    capacity: int('capacity', s('capacity'), 1, 10_000) ?? DEFAULT_CAPACITY,
    repeat: int('repeat', s('repeat'), 1, 100) ?? (quick ? 1 : 3),
    quick,
    sizes: sizes(quick, { jobs: int('jobs', s('jobs'), 1, 10_000_000), samples: int('samples', s('samples'), 1, 1_000_000), batch: int('batch', s('batch'), 1, 1_000_000) }),
    count: values['no-count'] !== true,
    ...outputOptions(values),
  };
}

/** The key of one measured configuration: enqueue, latency, throughput-W. */
export function scenarioKey(scenario: ScenarioName, workers: number): string {
  return scenario === 'throughput' ? `throughput-${workers}` : scenario;
}
