// `bench queue`: corral's durable queues against BullMQ on one redis-server
// started here. For each repeat, each system in turn (the order alternates
// between repeats, so that drift in the machine's load spreads over both)
// runs in a driver process of its own (driver.ts). Prints progress, the
// tables and the goals; writes JSON, SVG and markdown. Every process it
// starts (drivers, arbiters, BullMQ workers, redis-server) is stopped at the
// end, on an error, and on Ctrl-C or TERM.
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REDIS_SKIP_NOTICE, redisServerPath, startRedis, type RedisServer } from '../../fixtures/redis/server.js';
import { machine } from '../herd/proc.js';
import { aggregate, type Result } from './aggregate.js';
import type { DriverMessage, DriverRun, Sample } from './driver.js';
import { checkGoals, goalsTable, type GoalVerdict } from './goals.js';
import { HELP, parseQueueArgs, scenarioKey, SYSTEM_BLURB, SYSTEMS, UsageError, type QueueBenchOptions, type ScenarioName, type SystemName } from './options.js';
import { plotSvg } from './plot.js';
import { commandLists, commandsTable, enqueueTable, headerText, latencyTable, LEGEND, throughputKeys, throughputTable, type Header } from './report.js';
import { parseInfo } from './redis-stats.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DRIVER = fileURLToPath(new URL('./driver.ts', import.meta.url));

export interface QueueReport extends Header {
  config: { systems: SystemName[]; scenarios: ScenarioName[]; workers: number[]; count: boolean; blurbs: Record<string, string> };
  notices: string[];
  errors: { system: SystemName; key: string; repeat: number; message: string }[];
  results: Result[];
  goals: GoalVerdict[];
  /** Every repeat's figures, per system and scenario, as the drivers sent them. */
  samples: Record<string, Sample[]>;
}

function gitDescribe(): string | null {
  const r = spawnSync('git', ['describe', '--always', '--dirty', '--abbrev=12'], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function version(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'missing';
  }
}

function stringify(report: QueueReport): string {
  const round = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v);
  return JSON.stringify(report, round, 2).replace(/\[\s+([^\[\]{}]*?)\s+\]/g, (_m, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`) + '\n';
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

const drivers = new Set<ChildProcess>();
function killDrivers(): void {
  for (const d of drivers) {
    try {
      // Its own process group: the driver and every consumer it started.
      process.kill(-d.pid!, 'SIGKILL');
    } catch {
      d.kill('SIGKILL');
    }
  }
  drivers.clear();
}

/** One system, one repeat, in a fresh driver; calls back per message. */
function runDriver(run: DriverRun, silenceMs: number, on: (m: DriverMessage) => void): Promise<void> {
  return new Promise((resolveRun) => {
    const d = fork(DRIVER, [], { cwd: root, execArgv: ['--import', 'tsx'], detached: true, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    drivers.add(d);
    let finished = false;
    let timer: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        on({ type: 'failed', key: '*', message: `the driver said nothing for ${Math.round(silenceMs / 1000)} s; killed` });
        finish();
      }, silenceMs);
    };
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      try {
        process.kill(-d.pid!, 'SIGKILL');
      } catch {
        // gone with its group
      }
      drivers.delete(d);
      resolveRun();
    };
    d.on('message', (m: DriverMessage) => {
      arm();
      if (m.type === 'done') finish();
      else on(m);
    });
    d.on('exit', (code, sig) => {
      if (!finished) on({ type: 'failed', key: '*', message: `the driver exited (${sig ?? code}) before it was done` });
      finish();
    });
    arm();
    d.send(run);
  });
}

function eta(elapsedMs: number, done: number, total: number): string {
  if (done >= total) return 'done';
  if (done === 0) return 'ETA ?';
  const s = Math.round(((total - done) * elapsedMs) / done / 1000);
  return `ETA ${s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`}`;
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
  if (opts.plot) {
    mkdirSync(dirname(resolve(opts.plot)), { recursive: true });
    writeFileSync(opts.plot, plotSvg(r, { title: 'corral bench queue: durable queues on one redis-server, corral vs BullMQ, same run', subtitle }));
  }
  if (opts.markdown) {
    mkdirSync(dirname(resolve(opts.markdown)), { recursive: true });
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
    md += `\n${LEGEND.map((l) => `- ${l}`).join('\n')}\n`;
    if (report.notices.length) md += `\n${report.notices.map((n) => `- notice: ${n}`).join('\n')}\n`;
    if (report.errors.length) md += `\n## Failed runs\n\n${report.errors.map((e) => `- ${e.system} ${e.key} repeat ${e.repeat}: ${e.message.split('\n')[0]}`).join('\n')}\n`;
    writeFileSync(opts.markdown, md);
  }
  const wrote = [opts.json && `JSON ${opts.json}`, opts.plot && `plot ${opts.plot}`, opts.markdown && `markdown ${opts.markdown}`].filter(Boolean);
  if (wrote.length) say(`\nwrote: ${wrote.join(', ')}`);
}

function outputs(opts: QueueBenchOptions, stamp: string): void {
  if (!opts.out && (opts.json || opts.plot || opts.markdown)) return;
  const dir = opts.out ? resolve(opts.out) : mkdtempSync(join(tmpdir(), `corral-bench-queue-${stamp}-`));
  mkdirSync(dir, { recursive: true });
  opts.json ??= join(dir, 'queue.json');
  opts.plot ??= join(dir, 'queue.svg');
  opts.markdown ??= join(dir, 'queue.md');
}

export async function queue(argv: string[]): Promise<number> {
  let opts: QueueBenchOptions;
  try {
    opts = parseQueueArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`bench queue: ${err.message}\n(bench queue --help lists the options)\n`);
      return 2;
    }
    throw err;
  }
  if (opts.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (opts.from) {
    const report = JSON.parse(readFileSync(opts.from, 'utf8')) as QueueReport;
    report.goals = checkGoals(report.results);
    emit(report, opts);
    if (opts.json) writeFileSync(opts.json, stringify(report));
    return 0;
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

  let stopping = false;
  const onSignal = (sig: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    killDrivers();
    process.stderr.write(`\nbench queue: ${sig}, every process it started is stopped\n`);
    // redis-server: stop() kills it and removes its directory; the fixture's exit hook covers the rest.
    const code = 128 + (sig === 'SIGINT' ? 2 : 15);
    void Promise.race([server?.stop(), new Promise((r) => setTimeout(r, 3000))]).finally(() => process.exit(code));
  };
  const onDisconnect = () => onSignal('SIGTERM');
  const onExit = () => killDrivers();
  process.channel?.unref();
  process.on('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.once('disconnect', onDisconnect);

  const started = Date.now();
  let header: Header;
  try {
    server = await startRedis();
    const info = parseInfo(String(await server.command('INFO', 'server')));
    header = {
      node: process.version,
      machine: machine(),
      date: new Date().toISOString(),
      commit: gitDescribe(),
      mode: opts.quick ? 'quick' : 'full',
      repeats: opts.repeat,
      redis: { version: info.redis_version ?? 'unknown', bin, pid: server.pid, port: server.port },
      versions: { bullmq: version('bullmq'), ioredis: version('ioredis') },
      capacity: opts.capacity,
      sizes: opts.sizes,
      loadavg: { start: loadavg()[0]!, end: null },
    };
  } catch (err) {
    await server?.stop().catch(() => {});
    throw err;
  }
  outputs(opts, header.date.slice(0, 19).replace(/[:T]/g, '-'));
  say(`bench queue: ${opts.systems.join(', ')}; ${keys.join(', ')}; ${opts.repeat} repeat(s)${opts.quick ? ', quick' : ''}; redis-server ${header.redis.version} on port ${server.port}`);
  say(headerText(header));

  const total = opts.repeat * opts.systems.length * keys.length;
  let done = 0;
  const line = (rep: number, s: SystemName, key: string, text: string) => {
    if (opts.quiet) return;
    const w = String(total).length;
    say(`[${String(done).padStart(w)}/${total} ${eta(Date.now() - started, done, total)}] ${s.padEnd(7)} ${key.padEnd(13)} rep ${rep}/${opts.repeat}  ${text}`);
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
    if (!opts.json) return;
    mkdirSync(dirname(resolve(opts.json)), { recursive: true });
    writeFileSync(opts.json, stringify(buildReport()));
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
        await runDriver({ type: 'run', system, url: server.url, scenarios: opts.scenarios, workers: opts.workers, capacity: opts.capacity, sizes: opts.sizes, count: opts.count }, silenceMs, (m) => {
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
        });
        for (const k of keys) if (!seen.has(k)) failKey(k, 'not run: the driver ended before it');
        writeJson();
      }
    }
  } finally {
    killDrivers();
    await server.stop().catch(() => {});
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('disconnect', onDisconnect);
  }
  const took = Math.round((Date.now() - started) / 1000);
  header.loadavg.end = loadavg()[0]!;
  const busy = Math.max(header.loadavg.start, header.loadavg.end);
  if (busy > header.machine.cpus * 0.5) notices.push(`the load average was ${header.loadavg.start.toFixed(1)} at the start and ${header.loadavg.end.toFixed(1)} at the end on ${header.machine.cpus} cpus: other work shared the machine, and every figure carries that noise (both systems alike, interleaved)`);
  if (throughputKeys(buildReport().results).length === 0 && opts.scenarios.includes('throughput')) notices.push('no throughput figure was measured');
  const report = buildReport();
  emit(report, opts);
  say(`took ${took >= 60 ? `${Math.floor(took / 60)}m${String(took % 60).padStart(2, '0')}s` : `${took}s`}`);
  writeJson();
  return errors.length ? 1 : 0;
}
