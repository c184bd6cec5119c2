// `bench tasks`: corral's task pool and its peers, each system in a driver
// process of its own per repeat (driver.ts), systems interleaved within a
// repeat so that drift in the machine's load spreads over all of them.
// Prints progress, the tables and the goals; writes JSON, SVG and markdown.
import { fileURLToPath } from 'node:url';
import { cliOptions } from '../common/cli.js';
import { Drivers, stopOnSignals } from '../common/drivers.js';
import { clock, defaultOutputs, fileStamp, loadNotice, markdownFailures, markdownLegend, packageVersion, progressHead, rerender, runHeader, stringifyReport, writeOutput, wroteLine } from '../common/run.js';
import { aggregate, type Result } from './aggregate.js';
import type { DriverMessage, DriverRun, ScenarioSample } from './driver.js';
import { checkGoals, goalsTable, type GoalVerdict } from './goals.js';
import { CORRAL, crashScenario, HELP, LOOP_SCENARIOS, loopScenarios, parseTasksArgs, SCENARIOS, SYSTEM_BLURB, type ScenarioName, type SystemName, type TasksOptions } from './options.js';
import { plotSvg } from './plot.js';
import { headerText, LEGEND, rssTable, table, type Header } from './report.js';

const drivers = new Drivers(fileURLToPath(new URL('./driver.ts', import.meta.url)));
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

function scenariosFor(system: SystemName, wanted: ScenarioName[]): ScenarioName[] {
  return wanted.filter((s) => (LOOP_SCENARIOS as readonly string[]).includes(s) || system === 'corral-embedded');
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
  if (opts.plot) writeOutput(opts.plot, plotSvg(report.results, report.config.systems, { title: 'corral bench tasks: the task pool and its peers, same jobs, same run', subtitle, unavailable: report.unavailable }));
  if (opts.markdown) {
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
    md += markdownLegend(LEGEND, report.notices);
    md += markdownFailures(report.errors.map((e) => `${e.system} ${e.scenario} repeat ${e.repeat}: ${e.message.split('\n')[0]}`));
    writeOutput(opts.markdown, md);
  }
  const wrote = wroteLine(opts);
  if (wrote) say(wrote);
}

export async function tasks(argv: string[]): Promise<number> {
  const opts = cliOptions('tasks', argv, parseTasksArgs, HELP);
  if (typeof opts === 'number') return opts;
  if (opts.from) {
    return rerender<TasksReport>('tasks', opts, (report) => Array.isArray(report.results), (report) => {
      report.goals = checkGoals(report.results);
      emit(report, opts);
    });
  }
  const say = (s: string) => process.stdout.write(s + '\n');
  const { loadavg, ...run } = runHeader(opts.quick, opts.repeat);
  const header: Header = { ...run, peers: { piscina: packageVersion('piscina'), tinypool: packageVersion('tinypool') }, loadavg };
  const notices: string[] = [];
  const unavailable: Record<string, string> = {};
  const errors: TasksReport['errors'] = [];
  const samples = new Map<string, ScenarioSample[]>();
  const key = (s: SystemName, sc: ScenarioName) => `${s}\0${sc}`;

  const unhook = stopOnSignals('tasks', 'every pool stopped', () => drivers.killAll());

  defaultOutputs(opts, 'tasks', fileStamp(header.date));
  say(`bench tasks: ${opts.systems.join(', ')}; scenarios ${opts.scenarios.join(', ')}; ${opts.repeat} repeat(s)${opts.quick ? ', quick' : ''}`);
  say(headerText(header));
  const total = opts.repeat * opts.systems.reduce((a, s) => a + scenariosFor(s, opts.scenarios).length, 0);
  let done = 0;
  const started = Date.now();
  const line = (rep: number, s: SystemName, sc: ScenarioName, text: string) => {
    if (opts.quiet) return;
    say(`${progressHead(done, total, started)} ${s.padEnd(16)} ${sc.padEnd(9)} rep ${rep}/${opts.repeat}  ${text}`);
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
    if (opts.json) writeOutput(opts.json, stringifyReport(buildReport()));
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
        await drivers.run<DriverMessage>({ type: 'run', system, scenarios: wanted, quick: opts.quick } satisfies DriverRun, SILENCE_MS, (m) => {
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
        }, (message) => ({ type: 'failed', scenario: wanted[0]!, message }));
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
    drivers.killAll();
    unhook();
  }
  const took = Math.round((Date.now() - started) / 1000);
  const busy = loadNotice(header, 1, 'peers and corral alike');
  if (busy) notices.push(busy);
  const report = buildReport();
  emit(report, opts);
  say(`took ${clock(took)}`);
  writeJson();
  return errors.length ? 1 : 0;
}
