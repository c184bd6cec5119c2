// `bench tasks`: corral's task pool and its peers, each system in a driver
// process of its own per repeat (driver.ts), systems interleaved within a
// repeat so that drift in the machine's load spreads over all of them.
// Prints progress, the tables and the goals; writes JSON, SVG and markdown.
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine } from '../herd/proc.js';
import { aggregate, type Result } from './aggregate.js';
import type { DriverMessage, DriverRun, ScenarioSample } from './driver.js';
import { checkGoals, goalsTable, type GoalVerdict } from './goals.js';
import { CORRAL, crashScenario, HELP, LOOP_SCENARIOS, loopScenarios, parseTasksArgs, SCENARIOS, SYSTEM_BLURB, UsageError, type ScenarioName, type SystemName, type TasksOptions } from './options.js';
import { plotSvg } from './plot.js';
import { headerText, LEGEND, rssTable, table, type Header } from './report.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DRIVER = fileURLToPath(new URL('./driver.ts', import.meta.url));
/** A driver that says nothing for this long is killed and its scenario counted as failed. */
const SILENCE_MS = 180_000;

export interface TasksReport extends Header {
  config: { systems: SystemName[]; scenarios: ScenarioName[]; loops: ReturnType<typeof loopScenarios>; crash: ReturnType<typeof crashScenario>; blurbs: Record<string, string> };
  notices: string[];
  /** System -> why it could not run here. */
  unavailable: Record<string, string>;
  errors: { system: SystemName; scenario: ScenarioName; repeat: number; message: string }[];
  results: Result[];
  goals: GoalVerdict[];
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

function stringify(report: TasksReport): string {
  const round = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v);
  return JSON.stringify(report, round, 2).replace(/\[\s+([^\[\]{}]*?)\s+\]/g, (_m, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`) + '\n';
}

function scenariosFor(system: SystemName, wanted: ScenarioName[]): ScenarioName[] {
  return wanted.filter((s) => (LOOP_SCENARIOS as readonly string[]).includes(s) || system === 'corral-embedded');
}

const drivers = new Set<ChildProcess>();
function killDrivers(): void {
  for (const d of drivers) {
    try {
      // Its own process group: the driver and everything it started.
      process.kill(-d.pid!, 'SIGKILL');
    } catch {
      d.kill('SIGKILL');
    }
  }
  drivers.clear();
}

/** One system, one repeat, in a fresh driver; calls back per message. */
function runDriver(system: SystemName, scenarios: ScenarioName[], quick: boolean, on: (m: DriverMessage) => void): Promise<void> {
  return new Promise((resolveRun) => {
    const d = fork(DRIVER, [], { cwd: root, execArgv: ['--import', 'tsx'], detached: true, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    drivers.add(d);
    let finished = false;
    let timer: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        on({ type: 'failed', scenario: scenarios[0]!, message: `the driver said nothing for ${SILENCE_MS / 1000} s; killed` });
        finish();
      }, SILENCE_MS);
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
      if (!finished) on({ type: 'failed', scenario: scenarios[0]!, message: `the driver exited (${sig ?? code}) before it was done` });
      finish();
    });
    arm();
    d.send({ type: 'run', system, scenarios, quick } satisfies DriverRun);
  });
}

function eta(elapsedMs: number, done: number, total: number): string {
  if (done >= total) return 'done';
  if (done === 0) return 'ETA ?';
  const s = Math.round(((total - done) * elapsedMs) / done / 1000);
  return `ETA ${s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`}`;
}

function brief(sc: ScenarioName, s: ScenarioSample): string {
  const l = s.loop;
  if (l?.latencyUs) return sc === 'payload' ? `p50 ${(l.latencyUs.p50 / 1000).toFixed(2)} ms  p99 ${(l.latencyUs.p99 / 1000).toFixed(2)} ms` : `p50 ${l.latencyUs.p50.toFixed(0)} µs  p99 ${l.latencyUs.p99.toFixed(0)} µs  p99.9 ${l.latencyUs.p999.toFixed(0)} µs`;
  if (l) return `${Math.round(l.perSec)}/s${Object.keys(l.errors).length ? `  errors ${JSON.stringify(l.errors)}` : ''}`;
  if (s.crash) return `${s.crash.kills} kills, ${s.crash.rejectMs.length} calls rejected, kill → rejection max ${s.crash.rejectMs.length ? Math.max(...s.crash.rejectMs).toFixed(1) : '–'} ms`;
  if (s.chaos) return `${s.chaos.kills} kills, ${s.chaos.submitted} calls, ${s.chaos.ok} ok, never settled ${s.chaos.lost}, queued lost ${s.chaos.queuedLost}`;
  return '';
}

function emit(report: TasksReport, opts: TasksOptions): void {
  const say = (s: string) => process.stdout.write(s + '\n');
  const scen = loopScenarios(report.mode === 'quick');
  say(`\n${headerText(report)}`);
  for (const [s, why] of Object.entries(report.unavailable)) say(`unavailable: ${s}: ${why}`);
  const blurb = (sc: ScenarioName) => (sc === 'crash' ? 'kill -9 a task worker with calls in flight: time to their rejection' : sc === 'chaos' ? 'kill -9 a random task worker every 200 ms under load' : scen[sc].blurb);
  for (const sc of SCENARIOS) {
    if (!report.results.some((r) => r.scenario === sc)) continue;
    say(`\n== ${sc}: ${blurb(sc)}`);
    process.stdout.write(table(report.results, sc));
  }
  say('\n== RSS');
  process.stdout.write(rssTable(report.results, report.config.systems));
  if (report.goals.length) {
    say('\ngoals (medians of this run; ratio to the reference in parentheses):');
    process.stdout.write(goalsTable(report.goals, false));
  }
  say('');
  for (const l of LEGEND) say(l);
  for (const n of report.notices) say(`notice: ${n}`);
  if (report.errors.length) say(`${report.errors.length} run(s) failed; see "errors" in the JSON`);

  const subtitle = `${report.machine.cpus} cpus (${report.machine.model}), Linux ${report.machine.kernel}, node ${report.node}, ${report.date.slice(0, 10)}; ${report.mode}, median of ${report.repeats}, whiskers min–max`;
  if (opts.plot) {
    mkdirSync(dirname(resolve(opts.plot)), { recursive: true });
    writeFileSync(opts.plot, plotSvg(report.results, report.config.systems, { title: 'corral bench tasks: the task pool and its peers, same jobs, same run', subtitle, unavailable: report.unavailable }));
  }
  if (opts.markdown) {
    mkdirSync(dirname(resolve(opts.markdown)), { recursive: true });
    let md = `# bench tasks\n\n${headerText(report)}\n\n`;
    for (const [s, why] of Object.entries(report.unavailable)) md += `- unavailable: **${s}**: ${why}\n`;
    md += `\nSystems:\n\n${report.config.systems.map((s) => `- **${s}**: ${SYSTEM_BLURB[s]}`).join('\n')}\n`;
    if (report.goals.length) md += `\n## Goals\n\nMedians of this run; in parentheses the ratio to the reference (piscina in the same run, or the target).\n\n${goalsTable(report.goals, true)}`;
    for (const sc of SCENARIOS) {
      const rows = report.results.filter((r) => r.scenario === sc);
      if (!rows.length) continue;
      md += `\n## ${sc}: ${blurb(sc)}\n\n${table(report.results, sc, true)}\nConfigurations: ${[...new Set(rows.map((r) => `${r.system}: ${r.describe}`))].join('; ')}.\n`;
    }
    md += `\n## RSS\n\n${rssTable(report.results, report.config.systems, true)}`;
    md += `\n${LEGEND.map((l) => `- ${l}`).join('\n')}\n`;
    if (report.notices.length) md += `\n${report.notices.map((n) => `- notice: ${n}`).join('\n')}\n`;
    if (report.errors.length) md += `\n## Failed runs\n\n${report.errors.map((e) => `- ${e.system} ${e.scenario} repeat ${e.repeat}: ${e.message.split('\n')[0]}`).join('\n')}\n`;
    writeFileSync(opts.markdown, md);
  }
  const wrote = [opts.json && `JSON ${opts.json}`, opts.plot && `plot ${opts.plot}`, opts.markdown && `markdown ${opts.markdown}`].filter(Boolean);
  if (wrote.length) say(`\nwrote: ${wrote.join(', ')}`);
}

function outputs(opts: TasksOptions, stamp: string): void {
  if (!opts.out && (opts.json || opts.plot || opts.markdown)) return;
  const dir = opts.out ? resolve(opts.out) : mkdtempSync(join(tmpdir(), `corral-bench-tasks-${stamp}-`));
  mkdirSync(dir, { recursive: true });
  opts.json ??= join(dir, 'tasks.json');
  opts.plot ??= join(dir, 'tasks.svg');
  opts.markdown ??= join(dir, 'tasks.md');
}

export async function tasks(argv: string[]): Promise<number> {
  let opts: TasksOptions;
  try {
    opts = parseTasksArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`bench tasks: ${err.message}\n(bench tasks --help lists the options)\n`);
      return 2;
    }
    throw err;
  }
  if (opts.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (opts.from) {
    const report = JSON.parse(readFileSync(opts.from, 'utf8')) as TasksReport;
    report.goals = checkGoals(report.results);
    emit(report, opts);
    if (opts.json) writeFileSync(opts.json, stringify(report));
    return 0;
  }
  const say = (s: string) => process.stdout.write(s + '\n');
  const header: Header = {
    node: process.version,
    machine: machine(),
    date: new Date().toISOString(),
    commit: gitDescribe(),
    mode: opts.quick ? 'quick' : 'full',
    repeats: opts.repeat,
    peers: { piscina: version('piscina'), tinypool: version('tinypool') },
    loadavg: { start: loadavg()[0]!, end: null },
  };
  const notices: string[] = [];
  const unavailable: Record<string, string> = {};
  const errors: TasksReport['errors'] = [];
  const samples = new Map<string, ScenarioSample[]>();
  const key = (s: SystemName, sc: ScenarioName) => `${s}\0${sc}`;

  const onExit = () => killDrivers();
  const onSignal = (sig: NodeJS.Signals) => {
    killDrivers();
    process.stderr.write(`\nbench tasks: ${sig}, every pool stopped\n`);
    process.exit(128 + (sig === 'SIGINT' ? 2 : 15));
  };
  const onDisconnect = () => onSignal('SIGTERM');
  process.channel?.unref();
  process.on('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('disconnect', onDisconnect);

  outputs(opts, header.date.slice(0, 19).replace(/[:T]/g, '-'));
  say(`bench tasks: ${opts.systems.join(', ')}; scenarios ${opts.scenarios.join(', ')}; ${opts.repeat} repeat(s)${opts.quick ? ', quick' : ''}`);
  say(headerText(header));
  const total = opts.repeat * opts.systems.reduce((a, s) => a + scenariosFor(s, opts.scenarios).length, 0);
  let done = 0;
  const started = Date.now();
  const line = (rep: number, s: SystemName, sc: ScenarioName, text: string) => {
    if (opts.quiet) return;
    const w = String(total).length;
    say(`[${String(done).padStart(w)}/${total} ${eta(Date.now() - started, done, total)}] ${s.padEnd(16)} ${sc.padEnd(9)} rep ${rep}/${opts.repeat}  ${text}`);
  };

  const buildReport = (): TasksReport => {
    const results: Result[] = [];
    for (const sc of SCENARIOS) for (const s of opts.systems) {
      const list = samples.get(key(s, sc));
      if (list?.length) results.push(aggregate(s, sc, list));
    }
    return {
      ...header,
      config: { systems: opts.systems, scenarios: opts.scenarios, loops: loopScenarios(opts.quick), crash: crashScenario(opts.quick), blurbs: Object.fromEntries(opts.systems.map((s) => [s, SYSTEM_BLURB[s]])) },
      notices,
      unavailable,
      errors,
      results,
      goals: opts.systems.some((s) => (CORRAL as readonly string[]).includes(s)) ? checkGoals(results) : [],
    };
  };
  const writeJson = () => {
    if (!opts.json) return;
    mkdirSync(dirname(resolve(opts.json)), { recursive: true });
    writeFileSync(opts.json, stringify(buildReport()));
  };

  try {
    for (let rep = 1; rep <= opts.repeat; rep++) {
      for (const system of opts.systems) {
        const wanted = scenariosFor(system, opts.scenarios);
        if (!wanted.length) continue;
        if (unavailable[system]) {
          for (const sc of wanted) {
            done++;
            line(rep, system, sc, `unavailable: ${unavailable[system]}`);
          }
          continue;
        }
        const seen = new Set<ScenarioName>();
        await runDriver(system, wanted, opts.quick, (m) => {
          if (m.type === 'start' || m.type === 'done') return;
          if (m.type === 'unavailable') {
            unavailable[system] = m.reason;
            for (const sc of wanted) if (!seen.has(sc)) {
              seen.add(sc);
              done++;
              line(rep, system, sc, `unavailable: ${m.reason}`);
            }
            return;
          }
          seen.add(m.scenario);
          done++;
          if (m.type === 'failed') {
            errors.push({ system, scenario: m.scenario, repeat: rep, message: m.message });
            line(rep, system, m.scenario, `FAILED: ${m.message.split('\n')[0]}`);
            return;
          }
          const list = samples.get(key(system, m.scenario)) ?? [];
          list.push(m.sample);
          samples.set(key(system, m.scenario), list);
          line(rep, system, m.scenario, brief(m.scenario, m.sample));
        });
        // A driver that died midway: its remaining scenarios count as done (failed).
        for (const sc of wanted) if (!seen.has(sc)) {
          done++;
          errors.push({ system, scenario: sc, repeat: rep, message: 'not run: the driver ended before it' });
          line(rep, system, sc, 'FAILED: not run (the driver ended before it)');
        }
        writeJson();
      }
    }
  } finally {
    killDrivers();
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('disconnect', onDisconnect);
  }
  const took = Math.round((Date.now() - started) / 1000);
  header.loadavg.end = loadavg()[0]!;
  const busy = Math.max(header.loadavg.start, header.loadavg.end);
  if (busy > header.machine.cpus) notices.push(`the load average was ${header.loadavg.start.toFixed(1)} at the start and ${header.loadavg.end.toFixed(1)} at the end on ${header.machine.cpus} cpus: other work shared the machine, and every figure carries that noise (peers and corral alike, interleaved)`);
  const report = buildReport();
  emit(report, opts);
  say(`took ${took >= 60 ? `${Math.floor(took / 60)}m${String(took % 60).padStart(2, '0')}s` : `${took}s`}`);
  writeJson();
  return errors.length ? 1 : 0;
}
