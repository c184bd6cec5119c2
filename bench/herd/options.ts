// `bench herd` options, the scenarios and the strategy list.
import { intFlag, OUTPUT_FLAGS, outputOptions, parseFlags, UsageError, type OutputOptions } from '../common/cli.js';


export const CORRAL_STRATEGIES = ['arbiter', 'shared', 'exclusive', 'reuseport', 'handoff'] as const;
export const NODE_STRATEGIES = ['shared-fd', 'cluster-rr', 'cluster-none', 'node-reuseport'] as const;
export const NGINX_STRATEGIES = ['nginx-mutex', 'nginx-exclusive', 'nginx-reuseport'] as const;
export const ALL_STRATEGIES = [...CORRAL_STRATEGIES, ...NODE_STRATEGIES, ...NGINX_STRATEGIES] as const;
export type Strategy = (typeof ALL_STRATEGIES)[number];

export const SCENARIOS = ['idle', 'close', 'keepalive', 'burst', 'slow'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** What the load generator does in one measured run. */
export interface Scenario {
  name: ScenarioName;
  mode: 'close' | 'keepalive' | 'burst';
  /** Connections in flight (keepalive: connections; burst: connections per burst). */
  concurrency: number;
  /** Connections per run (keepalive: requests per run; burst: bursts × concurrency). */
  connections: number;
  path: string;
  /** Open loop: connections per second (close mode only); 0 = closed loop. */
  rate: number;
  pauseMs: number;
  blurb: string;
}

export const SCENARIO_DEFAULTS: Record<ScenarioName, Scenario> = {
  idle: { name: 'idle', mode: 'close', concurrency: 1, connections: 2000, path: '/', rate: 0, pauseMs: 0, blurb: 'one connection in flight: every other worker is asleep' },
  close: { name: 'close', mode: 'close', concurrency: 16, connections: 4000, path: '/', rate: 0, pauseMs: 0, blurb: '16 in flight, one request per connection: accept-heavy' },
  keepalive: { name: 'keepalive', mode: 'keepalive', concurrency: 16, connections: 3200, path: '/', rate: 0, pauseMs: 0, blurb: '16 keep-alive connections, many requests each' },
  burst: { name: 'burst', mode: 'burst', concurrency: 32, connections: 480, path: '/', rate: 0, pauseMs: 100, blurb: 'idle pool, then 32 simultaneous connects; 100 ms pause between bursts' },
  slow: { name: 'slow', mode: 'close', concurrency: 16, connections: 1000, path: '/?work=2', rate: 0, pauseMs: 0, blurb: '16 in flight, the handler burns 2 ms of CPU per request' },
};

export interface HerdOptions extends OutputOptions {
  workers: number[];
  strategies: Strategy[] | undefined;
  scenarios: ScenarioName[];
  connections: number | undefined;
  concurrency: number | undefined;
  rate: number | undefined;
  repeat: number;
  trace: boolean;
  /** A corral run --config file (e.g. lease parameters) for the corral strategies. */
  corralConfig: string | undefined;
  warmup: number | undefined;
  full: boolean;
}

export const HELP = `Usage: corral bench herd [options]      (same as: npm run bench herd -- [options])

Runs every accept strategy side by side on loopback and reports, per strategy and
worker count: wakeups and failed (would-block) accepts per connection, context
switches, CPU, latency, throughput, fairness and memory (VmRSS), then a verdict:
which strategy wins each metric, and by how much. The default (8 workers, idle
scenario, 3 repeats, 21 runs, 30 with nginx) takes about 80 s on a quiet 2-core
machine and 2-5 minutes on a busy one; each progress line shows an ETA.

Options:
  --workers LIST       worker counts, e.g. 2,4,8,16,32 (default 8)
  --strategies LIST    any of: ${CORRAL_STRATEGIES.join(', ')} (corral),
                       shared-fd (plain children inheriting one listening fd,
                       no corral code: the herd baseline), cluster-rr,
                       cluster-none (node:cluster), node-reuseport
                       (Node >= 22.12), nginx-mutex, nginx-exclusive,
                       nginx-reuseport (when an nginx binary is on PATH).
                       Default: all that can run here.
  --scenario LIST      ${SCENARIOS.join(' | ')}, or a comma list, or all (default idle)
                         idle       ${SCENARIO_DEFAULTS.idle.blurb}
                         close      ${SCENARIO_DEFAULTS.close.blurb}
                         keepalive  ${SCENARIO_DEFAULTS.keepalive.blurb}
                         burst      ${SCENARIO_DEFAULTS.burst.blurb}
                         slow       ${SCENARIO_DEFAULTS.slow.blurb}
  --connections N      connections per run (keepalive: requests per run; burst:
                       connections per run, in bursts of --concurrency)
  --concurrency K      connections in flight (default per scenario: 1, 16, 16, 32, 16)
  --rate R             open loop: start R connections per second (close-mode
                       scenarios), at most --concurrency in flight
  --repeat N           fresh pool per repeat; figures are medians (default 3)
  --warmup N           warm-up connections before each scenario (default max(200, 16 x workers))
  --full               the full sweep: --workers 2,4,8,16,32 --scenario all
                       --trace (about 25 minutes on 2 cores)
  --out DIR            write herd.json, herd.svg and herd.md into DIR (default:
                       a new directory under the system's temp directory,
                       unless --json, --plot or --markdown says where)
  --json FILE          write the results as JSON
  --plot FILE.svg      write wakeups/connection and p99 against worker count
  --markdown FILE      write the tables as markdown
  --trace              count sched_wakeup and accept4 -EAGAIN with perf tracepoints
                       (needs perf and permission to trace the whole system)
  --corral-config FILE pass --config FILE to corral run (e.g. leaseMaxAccepts)
  --quiet              no progress lines
  -h, --help           show this help
`;

function intList(name: string, v: string): number[] {
  const out = v.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (out.length === 0 || out.some((n) => !Number.isInteger(n) || n < 1 || n > 256)) throw new UsageError(`--${name} must be a comma list of integers 1..256, got ${JSON.stringify(v)}`);
  return out;
}

const posInt = (name: string, v: string | undefined, max = 10_000_000) => intFlag(name, v, 1, max);

export function parseHerdArgs(argv: string[]): HerdOptions {
  const values = parseFlags(argv, {
    workers: { type: 'string' },
    strategies: { type: 'string' },
    scenario: { type: 'string' },
    scenarios: { type: 'string' },
    connections: { type: 'string' },
    concurrency: { type: 'string' },
    rate: { type: 'string' },
    repeat: { type: 'string' },
    warmup: { type: 'string' },
    trace: { type: 'boolean' },
    'corral-config': { type: 'string' },
    full: { type: 'boolean' },
    ...OUTPUT_FLAGS,
  });
  const s = (k: string) => values[k] as string | undefined;
  let strategies: Strategy[] | undefined;
  if (s('strategies') !== undefined) {
    strategies = [];
    for (const name of s('strategies')!.split(',').map((x) => x.trim()).filter(Boolean)) {
      if (!(ALL_STRATEGIES as readonly string[]).includes(name)) throw new UsageError(`--strategies: unknown strategy ${JSON.stringify(name)} (known: ${ALL_STRATEGIES.join(', ')})`);
      if (!strategies.includes(name as Strategy)) strategies.push(name as Strategy);
    }
    if (strategies.length === 0) throw new UsageError('--strategies is empty');
  }
  const full = values.full === true;
  const scenarioArg = s('scenario') ?? s('scenarios') ?? (full ? 'all' : 'idle');
  const scenarios: ScenarioName[] = [];
  for (const name of scenarioArg === 'all' ? [...SCENARIOS] : scenarioArg.split(',').map((x) => x.trim()).filter(Boolean)) {
    if (!(SCENARIOS as readonly string[]).includes(name)) throw new UsageError(`--scenario: unknown scenario ${JSON.stringify(name)} (known: ${SCENARIOS.join(', ')}, all)`);
    if (!scenarios.includes(name as ScenarioName)) scenarios.push(name as ScenarioName);
  }
  if (scenarios.length === 0) throw new UsageError('--scenario is empty');
  const rateRaw = s('rate');
  let rate: number | undefined;
  if (rateRaw !== undefined) {
    rate = Number(rateRaw);
    if (!Number.isFinite(rate) || rate <= 0 || rate > 1_000_000) throw new UsageError(`--rate must be a number of connections per second, got ${JSON.stringify(rateRaw)}`);
  }
  return {
    workers: s('workers') !== undefined ? intList('workers', s('workers')!) : full ? [2, 4, 8, 16, 32] : [8],
    strategies,
    scenarios,
    connections: posInt('connections', s('connections')),
    concurrency: posInt('concurrency', s('concurrency'), 20_000),
    rate,
    repeat: posInt('repeat', s('repeat'), 1000) ?? 3,
    warmup: s('warmup') === '0' ? 0 : posInt('warmup', s('warmup')),
    trace: values.trace === true || full,
    corralConfig: s('corral-config'),
    full,
    ...outputOptions(values),
  };
}

/** The scenario as run, with --connections / --concurrency / --rate applied. */
export function scenarioFor(name: ScenarioName, o: Pick<HerdOptions, 'connections' | 'concurrency' | 'rate'>): Scenario {
  const base = SCENARIO_DEFAULTS[name];
  const sc: Scenario = { ...base };
  if (o.concurrency !== undefined) sc.concurrency = o.concurrency;
  if (o.connections !== undefined) sc.connections = o.connections;
  if (o.rate !== undefined && sc.mode === 'close') sc.rate = o.rate;
  if (sc.mode === 'burst') sc.connections = Math.max(1, Math.round(sc.connections / sc.concurrency)) * sc.concurrency;
  if (sc.mode === 'keepalive') sc.connections = Math.max(1, Math.ceil(sc.connections / sc.concurrency)) * sc.concurrency;
  return sc;
}
