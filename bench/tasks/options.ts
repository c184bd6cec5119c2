// `bench tasks` options, its systems and its scenarios (full and --quick sizes).
import { intFlag, nameList as list, OUTPUT_FLAGS, outputHelp, RUN_FLAGS, outputOptions, parseFlags, type OutputOptions } from '../common/cli.js';
import type { Job } from './loops.js';

export const PEERS = ['piscina', 'tinypool-threads', 'tinypool-process', 'fork-json', 'fork-advanced', 'uds'] as const;
export const CORRAL = ['corral-embedded', 'corral-worker', 'corral-client'] as const;
export const SYSTEMS = [...CORRAL, ...PEERS] as const;
export type SystemName = (typeof SYSTEMS)[number];

export const SYSTEM_BLURB: Record<SystemName, string> = {
  'corral-embedded': 'corral: arbiter.execute() in the embedding process, 1 hop to the task worker',
  'corral-worker': 'corral: execute() in a socket worker, through the arbiter to the task worker',
  'corral-client': "corral: a Node client on the arbiter's task socket, connect(address)",
  piscina: 'piscina 5 run(), worker threads',
  'tinypool-threads': 'tinypool 2 run(), worker threads',
  'tinypool-process': "tinypool 2 run(), runtime 'child_process' (advanced serialization)",
  'fork-json': "child_process.fork IPC, serialization 'json' (request ids, round-robin)",
  'fork-advanced': "child_process.fork IPC, serialization 'advanced'",
  uds: 'floor: Node → Node Unix socket, length-framed, 1 hop (one child; N for the multi-worker scenarios)',
};

export const SCENARIOS = ['latency', 'pipelined', 'payload', 'cpu', 'gunicorn', 'crash', 'chaos'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
/** Scenarios every system runs; crash and chaos are corral's alone. */
export const LOOP_SCENARIOS = ['latency', 'pipelined', 'payload', 'cpu', 'gunicorn'] as const;
export type LoopScenarioName = (typeof LOOP_SCENARIOS)[number];

export interface LoopScenario {
  name: LoopScenarioName;
  kind: 'latency' | 'throughput';
  job: Job;
  workers: number;
  /** Jobs a worker holds at once; undefined = each system's default. */
  capacity: number | undefined;
  inFlight: number;
  warmup: number;
  calls: number;
  /** Hard bound on the measured part, ms. */
  maxMs: number;
  blurb: string;
}

export interface CrashScenario {
  /** Kills for the settlement measurement, one at a time. */
  samples: number;
  /** Chaos: how long, how often, how many callers. */
  chaosSeconds: number;
  chaosEveryMs: number;
  chaosCallers: number;
}

// Warm-ups: corral's no-op p50 falls from 186 to 34 µs over its first 6000 calls (JIT), so every
// system gets 5000 before the no-op scenarios are timed, in --quick too.
export function loopScenarios(quick: boolean): Record<LoopScenarioName, LoopScenario> {
  const q = (full: number, small: number) => (quick ? small : full);
  return {
    latency: { name: 'latency', kind: 'latency', job: { op: 'noop' }, workers: 2, capacity: undefined, inFlight: 1, warmup: q(5000, 5000), calls: q(20_000, 1500), maxMs: q(20_000, 4000), blurb: 'no-op, one call in flight: latency per call' },
    pipelined: { name: 'pipelined', kind: 'throughput', job: { op: 'noop' }, workers: 2, capacity: undefined, inFlight: 64, warmup: q(5000, 5000), calls: q(50_000, 5000), maxMs: q(15_000, 3000), blurb: 'no-op, 64 in flight: calls per second' },
    payload: { name: 'payload', kind: 'latency', job: { op: 'echo', bytes: 1 << 20 }, workers: 2, capacity: undefined, inFlight: 1, warmup: q(20, 5), calls: q(300, 40), maxMs: q(15_000, 3000), blurb: '1 MiB echoed back, one call in flight: round trip' },
    cpu: { name: 'cpu', kind: 'throughput', job: { op: 'cpu', ms: 1 }, workers: 2, capacity: undefined, inFlight: 64, warmup: q(200, 50), calls: q(4000, 600), maxMs: q(15_000, 3000), blurb: '1 ms busy-loop jobs on 2 workers, 64 in flight (theoretical 2000/s)' },
    gunicorn: { name: 'gunicorn', kind: 'throughput', job: { op: 'block', ms: 10 }, workers: 4, capacity: 1, inFlight: 100, warmup: q(100, 40), calls: q(2000, 300), maxMs: q(15_000, 3000), blurb: "Gunicorn's scenario: 4 workers of capacity 1, 10 ms blocking jobs, 100 callers (theoretical 400/s; Gunicorn 334)" },
  };
}

export function crashScenario(quick: boolean): CrashScenario {
  return quick ? { samples: 2, chaosSeconds: 2, chaosEveryMs: 200, chaosCallers: 16 } : { samples: 6, chaosSeconds: 10, chaosEveryMs: 200, chaosCallers: 16 };
}

export interface TasksOptions extends OutputOptions {
  systems: SystemName[];
  scenarios: ScenarioName[];
  repeat: number;
  quick: boolean;
}

export const HELP = `Usage: corral bench tasks [options]      (same as: npm run bench tasks -- [options])

Runs corral's task pool and its peers side by side on this machine, every one
started fresh in a driver process of its own, with the same jobs:

  systems  ${SYSTEMS.join(', ')}
  scenarios
    latency    ${'no-op, one call in flight: p50 / p99 / p99.9 in µs'}
    pipelined  ${'no-op, 64 in flight: calls/s'}
    payload    ${'1 MiB echo, one in flight: p50 / p99 in ms'}
    cpu        ${'1 ms CPU jobs on 2 workers, 64 in flight: jobs/s of 2000'}
    gunicorn   ${'4 workers, capacity 1, 10 ms blocking jobs, 100 callers: jobs/s of 400'}
    crash      ${'corral: kill -9 a task worker with calls in flight: ms to their rejection'}
    chaos      ${'corral: kill -9 a random task worker every 200 ms under load: every call settled'}

then prints the tables and the issue's goals as ratios against the peers of
the same run, and writes JSON, an SVG plot and markdown. The default (3
repeats) takes about 6-10 minutes on a 2-core machine; --quick (1 repeat,
smaller counts) under a minute.

Options:
  --quick              1 repeat and small counts (under a minute)
  --repeat N           repeats (default 3; --quick 1); figures are medians, with min–max
  --systems LIST       a comma list of the systems above (default all)
  --scenario LIST      a comma list of the scenarios above, or all (default all)
${outputHelp('tasks')}`;

export function parseTasksArgs(argv: string[]): TasksOptions {
  const values = parseFlags(argv, { ...RUN_FLAGS, ...OUTPUT_FLAGS });
  const s = (k: string) => values[k] as string | undefined;
  const quick = values.quick === true;
  return {
    systems: s('systems') !== undefined ? list('systems', s('systems')!, SYSTEMS, false) : [...SYSTEMS],
    scenarios: list('scenario', s('scenario') ?? s('scenarios') ?? 'all', SCENARIOS, true),
    repeat: intFlag('repeat', s('repeat'), 1, 100) ?? (quick ? 1 : 3),
    quick,
    ...outputOptions(values),
  };
}
