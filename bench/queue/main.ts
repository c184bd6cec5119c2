// `bench queue`: corral's durable queues against BullMQ on one redis-server
// started here. For each repeat, each system in turn (the order alternates
// between repeats, so that drift in the machine's load spreads over both)
// runs in a driver process of its own (driver.ts). Prints progress, the
// tables and the goals; writes JSON, SVG and markdown. Every process it
// starts (drivers, arbiters, BullMQ workers, redis-server) is stopped at the
// end, on an error, and on Ctrl-C or TERM.
import { fileURLToPath } from 'node:url';
import { REDIS_SKIP_NOTICE, redisServerPath, startRedis, type RedisServer } from '../../fixtures/redis/server.js';
import { cliOptions } from '../common/cli.js';
import { Drivers, stopOnSignals } from '../common/drivers.js';
import { clock, defaultOutputs, fileStamp, loadNotice, markdownFailures, markdownLegend, packageVersion, progressHead, rerender, runHeader, stringifyReport, writeOutput, wroteLine } from '../common/run.js';
import { aggregate, type Result } from './aggregate.js';
import type { DriverMessage, DriverRun, Sample } from './driver.js';
import { checkGoals, goalsTable, type GoalVerdict } from './goals.js';
import { HELP, parseQueueArgs, scenarioKey, SYSTEM_BLURB, SYSTEMS, type QueueBenchOptions, type ScenarioName, type SystemName } from './options.js';
import { plotSvg } from './plot.js';
import { commandLists, commandsTable, enqueueTable, headerText, latencyTable, LEGEND, throughputKeys, throughputTable, type Header } from './report.js';
import { parseInfo } from './redis-stats.js';

const drivers = new Drivers(fileURLToPath(new URL('./driver.ts', import.meta.url)));

export interface QueueReport extends Header {
  config: { systems: SystemName[]; scenarios: ScenarioName[]; workers: number[]; count: boolean; blurbs: Record<string, string> };
  notices: string[];
  errors: { system: SystemName; key: string; repeat: number; message: string }[];
  results: Result[];
  goals: GoalVerdict[];
  /** Every repeat's figures, per system and scenario, as the drivers sent them. */
  samples: Record<string, Sample[]>;
}

/** The measured configurations, in the order a driver runs them. */
export function plannedKeys(o: Pick<QueueBenchOptions, 'scenarios' | 'workers'>): string[] {
  const keys: string[] = [];
  if (o.scenarios.includes('enqueue')) keys.push('enqueue');
  const shapes = [...new Set([...(o.scenarios.includes('latency') ? [1] : []), ...(o.scenarios.includes('throughput') ? o.workers : [])])].sort((a, b) => a - b);
  for (const w of shapes) {
    if (w === 1 && o.scenarios.includes('latency')) keys.push('latency');
    if (o.scenarios.includes('throughput') && o.workers.includes(w)) keys.push(scenarioKey('throughput', w));
  }
  return keys;
}

function brief(s: Sample): string {
  const fails = Object.entries(s.errors).map(([k, v]) => `${k}: ${v}`).join(', ');
  const cmds = `${(s.redis.calls / Math.max(1, s.jobs)).toFixed(1)} calls/job${s.count ? `, ${(Object.values(s.count.topLevel).reduce((a, b) => a + b, 0) / Math.max(1, s.count.jobs)).toFixed(2)} sent/job` : ''}`;
  const main = s.latencyMs ? `p50 ${s.latencyMs.p50.toFixed(2)} ms  p90 ${s.latencyMs.p90.toFixed(2)} ms  p99 ${s.latencyMs.p99.toFixed(2)} ms` : `${Math.round(s.perSec)} jobs/s`;
  return `${main}  ${cmds}${fails ? `  FAILED ${fails}` : ''}`;
}

const SECTION: Record<string, string> = {
  enqueue: 'enqueue only: N no-op jobs in bulk, no consumer running',
  latency: 'latency: one job in flight, enqueue → result, 1 worker',
  throughput: 'throughput: N no-op jobs enqueued in bulk, every result awaited',
  commands: 'Redis commands per job',
};

function emit(report: QueueReport, opts: QueueBenchOptions): void {
  const say = (s: string) => process.stdout.write(s + '\n');
  const r = report.results;
  say(`\n${headerText(report)}`);
  const sections: [string, string][] = [['throughput', throughputTable(r)], ['enqueue', enqueueTable(r)], ['latency', latencyTable(r)], ['commands', commandsTable(r)]];
  for (const [name, text] of sections) {
    if (!text) continue;
    say(`\n== ${SECTION[name]}`);
    process.stdout.write(text);
    if (name === 'commands') process.stdout.write(commandLists(r));
  }
  if (report.goals.length) {
    say('\ngoals (medians of this run, against BullMQ on the same redis-server):');
    process.stdout.write(goalsTable(report.goals, false));
  }
  say('');
  for (const n of report.notices) say(`notice: ${n}`);
  if (report.errors.length) say(`${report.errors.length} run(s) failed; see "errors" in the JSON`);

  const subtitle = `${report.machine.cpus} cpus (${report.machine.model}), node ${report.node}, redis-server ${report.redis.version}, bullmq ${report.versions.bullmq}, ${report.date.slice(0, 10)}; ${report.mode}, median of ${report.repeats}, whiskers min–max; ${report.sizes.jobs} jobs per throughput run, ${report.sizes.samples} latency samples, capacity ${report.capacity} per worker`;
  if (opts.plot) writeOutput(opts.plot, plotSvg(r, { title: 'corral bench queue: durable queues on one redis-server, corral vs BullMQ, same run', subtitle }));
  if (opts.markdown) {
    const z = report.sizes;
    let md = `# bench queue\n\n${headerText(report)}\n\n`;
    md += `Sizes: ${z.jobs} jobs per throughput run and ${z.enqueueJobs} per enqueue run, in bulk calls of ${z.batch}; ${z.warmup} warm-up jobs per started pool; ${z.samples} latency samples after ${z.latencyWarmup} warm-up; MONITOR passes of ${z.countJobs} jobs (${z.countSamples} for latency). Capacity ${report.capacity} jobs per worker.\n\n`;
    md += `Systems:\n\n${report.config.systems.map((s) => `- **${s}**: ${SYSTEM_BLURB[s]}`).join('\n')}\n`;
    if (report.goals.length) md += `\n## Goals\n\nMedians of this run; the ratio is corral / BullMQ.\n\n${goalsTable(report.goals, true)}`;
    for (const [name, text] of [['throughput', throughputTable(r, true)], ['enqueue', enqueueTable(r, true)], ['latency', latencyTable(r, true)], ['commands', commandsTable(r, true)]] as const) {
      if (!text) continue;
      md += `\n## ${SECTION[name]}\n\n${text}`;
      if (name === 'commands') md += `\n${commandLists(r, true)}`;
      const rows = r.filter((x) => (name === 'throughput' ? x.scenario === 'throughput' : x.key === name));
      if (rows.length) md += `\nConfigurations: ${[...new Set(rows.map((x) => `${x.system}${x.scenario === 'throughput' ? ` (${x.workers})` : ''}: ${x.describe}`))].join('; ')}.\n`;
    }
    md += markdownLegend(LEGEND, report.notices);
    md += markdownFailures(report.errors.map((e) => `${e.system} ${e.key} repeat ${e.repeat}: ${e.message.split('\n')[0]}`));
    writeOutput(opts.markdown, md);
  }
  const wrote = wroteLine(opts);
  if (wrote) say(wrote);
}

export async function queue(argv: string[]): Promise<number> {
  const opts = cliOptions('queue', argv, parseQueueArgs, HELP);
  if (typeof opts === 'number') return opts;
  if (opts.from) {
    return rerender<QueueReport>('queue', opts, (report) => Array.isArray(report.results), (report) => {
      report.goals = checkGoals(report.results);
      emit(report, opts);
    });
  }
  const bin = redisServerPath();
  if (bin === undefined) {
    process.stderr.write(`bench queue: ${REDIS_SKIP_NOTICE.replace(/^notice: /, '').replace(/; .*$/, '')}: nothing to measure against\n`);
    return 1;
  }
  const say = (s: string) => process.stdout.write(s + '\n');
  const notices: string[] = [];
  const errors: QueueReport['errors'] = [];
  const samples: Record<string, Sample[]> = {};
  const keys = plannedKeys(opts);
  let server: RedisServer | undefined;

  // redis-server: stop() kills it and removes its directory; the fixture's exit hook covers the rest.
  const unhook = stopOnSignals('queue', 'every process it started is stopped', () => drivers.killAll(), () => server?.stop());

  const started = Date.now();
  let header: Header;
  try {
    server = await startRedis();
    const info = parseInfo(String(await server.command('INFO', 'server')));
    const { loadavg, ...run } = runHeader(opts.quick, opts.repeat);
    header = {
      ...run,
      redis: { version: info.redis_version ?? 'unknown', bin, pid: server.pid, port: server.port },
      versions: { bullmq: packageVersion('bullmq'), ioredis: packageVersion('ioredis') },
      capacity: opts.capacity,
      sizes: opts.sizes,
      loadavg,
    };
  } catch (err) {
    unhook();
    await server?.stop().catch(() => {});
    throw err;
  }
  defaultOutputs(opts, 'queue', fileStamp(header.date));
  say(`bench queue: ${opts.systems.join(', ')}; ${keys.join(', ')}; ${opts.repeat} repeat(s)${opts.quick ? ', quick' : ''}; redis-server ${header.redis.version} on port ${server.port}`);
  say(headerText(header));

  const total = opts.repeat * opts.systems.length * keys.length;
  let done = 0;
  const line = (rep: number, s: SystemName, key: string, text: string) => {
    if (opts.quiet) return;
    say(`${progressHead(done, total, started)} ${s.padEnd(7)} ${key.padEnd(13)} rep ${rep}/${opts.repeat}  ${text}`);
  };
  const id = (s: SystemName, key: string) => `${s}/${key}`;
  const buildReport = (): QueueReport => {
    const results: Result[] = [];
    for (const key of keys) for (const s of SYSTEMS) {
      const list = samples[id(s, key)];
      if (list?.length) results.push(aggregate(s, key, list));
    }
    return {
      ...header,
      config: { systems: opts.systems, scenarios: opts.scenarios, workers: opts.workers, count: opts.count, blurbs: Object.fromEntries(opts.systems.map((s) => [s, SYSTEM_BLURB[s]])) },
      notices,
      errors,
      results,
      goals: opts.systems.length === 2 ? checkGoals(results) : [],
      samples,
    };
  };
  const writeJson = () => {
    if (opts.json) writeOutput(opts.json, stringifyReport(buildReport()));
  };
  const silenceMs = 120_000 + 2 * opts.sizes.timeoutMs;

  try {
    for (let rep = 1; rep <= opts.repeat; rep++) {
      const order = rep % 2 === 1 ? opts.systems : [...opts.systems].reverse();
      for (const system of order) {
        const seen = new Set<string>();
        const failKey = (key: string, message: string) => {
          seen.add(key);
          done++;
          errors.push({ system, key, repeat: rep, message });
          line(rep, system, key, `FAILED: ${message.split('\n')[0]}`);
        };
        await drivers.run<DriverMessage>({ type: 'run', system, url: server.url, scenarios: opts.scenarios, workers: opts.workers, capacity: opts.capacity, sizes: opts.sizes, count: opts.count } satisfies DriverRun, silenceMs, (m) => {
          if (m.type === 'start' || m.type === 'done') return;
          if (m.type === 'failed') {
            if (m.key === '*') { for (const k of keys) if (!seen.has(k)) failKey(k, m.message); }
            else failKey(m.key, m.message);
            return;
          }
          seen.add(m.key);
          done++;
          (samples[id(system, m.key)] ??= []).push(m.sample);
          line(rep, system, m.key, brief(m.sample));
        }, (message) => ({ type: 'failed', key: '*', message }));
        for (const k of keys) if (!seen.has(k)) failKey(k, 'not run: the driver ended before it');
        writeJson();
      }
    }
  } finally {
    drivers.killAll();
    await server.stop().catch(() => {});
    unhook();
  }
  const took = Math.round((Date.now() - started) / 1000);
  const busy = loadNotice(header, 0.5, 'both systems alike');
  if (busy) notices.push(busy);
  if (throughputKeys(buildReport().results).length === 0 && opts.scenarios.includes('throughput')) notices.push('no throughput figure was measured');
  const report = buildReport();
  emit(report, opts);
  say(`took ${clock(took)}`);
  writeJson();
  return errors.length ? 1 : 0;
}
