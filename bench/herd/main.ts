// `bench herd`: runs the pools, measures, prints, writes JSON / SVG / markdown.
//
// Per repeat, per worker count, per strategy: a fresh pool (own process
// group), then for each scenario:
//
//   warm up -> settle -> [counters] -> /proc -> perf on -> load -> perf off -> /proc -> [counters]
//
// so the SIGWINCH that makes corral processes dump their counters, and perf's
// own start-up, fall outside the measured window. Strategies are interleaved
// within a repeat, so drift in the machine's load spreads over all of them.
import { cliOptions } from '../common/cli.js';
import { compiledCli } from '../common/dist.js';
import { stopOnSignals } from '../common/drivers.js';
import { resolve } from 'node:path';
import { defaultOutputs, fileStamp, gitDescribe, markdownLegend, rerender, root, stringifyReport, writeOutput, wroteLine } from '../common/run.js';
import { counterDelta, snapshotCounters, type CounterDelta, type CounterFile } from './counters.js';
import { buildLoadgen, killAllLoadgens, runLoadgen } from './loadgen.js';
import { aggregate, computeRun, median, type HerdResult, type RunMetrics } from './metrics.js';
import { CORRAL_STRATEGIES, HELP, NGINX_STRATEGIES, parseHerdArgs, scenarioFor, type HerdOptions, type Scenario, type ScenarioName, type Strategy } from './options.js';
import { checkGoals, goalsText, type GoalVerdict } from './goals.js';
import { plotSvg } from './plot.js';
import { kindOf, killAllPools, startPool, type Pool, type PoolContext } from './pools.js';
import { machine, machineBusyMs, procDelta, RssSampler, samplePool } from '../common/proc.js';
import { headerText, LEGEND, memoryTable, spreadTable, table, wakeupsCounting, type Header } from './report.js';
import { verdict, verdictText, type VerdictLine } from './verdict.js';
import { killAllTraces, probeTrace, TraceSession, type TraceCounts } from './trace.js';
import { probeNginx, type NginxInfo } from '../peers/nginx.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function nodeHasReusePort(version: string = process.versions.node): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 23 || (major === 23 && minor >= 1) || (major === 22 && minor >= 12);
}

export interface HerdReport extends Header {
  commit: string | null;
  scenario: ScenarioName | ScenarioName[];
  scenarios: ScenarioName[];
  config: { workers: number[]; strategies: Strategy[]; repeat: number; warmup: number | null; scenarios: Scenario[]; corralConfig: string | null };
  notices: string[];
  errors: { strategy: Strategy; workers: number; scenario: ScenarioName | null; repeat: number; message: string }[];
  results: HerdResult[];
  /** The arbiter strategy's goals, checked against this run's medians. */
  goals: GoalVerdict[];
  /** How wakeupsPerConn was counted in this report: 'sched_wakeup' (--trace), 'counters' (corral's addon), 'mixed'. */
  wakeupsCounting: 'sched_wakeup' | 'counters' | 'mixed' | null;
  /** Per scenario and worker count, the winner of each metric and by how much. */
  verdict: VerdictLine[];
}

interface Measured {
  metrics: RunMetrics;
  countersMissing: string[];
}

async function measure(pool: Pool, sc: Scenario, warmup: number, lg: string, tracing: boolean): Promise<Measured> {
  if (warmup > 0) {
    await runLoadgen(lg, { port: pool.port, scenario: { ...sc, mode: 'close', rate: 0 }, connections: warmup, concurrency: Math.min(4, Math.max(1, sc.concurrency)), maxSeconds: 60 });
  }
  const workerPids = pool.currentWorkers();
  const pids = [pool.leader, ...workerPids];
  const trace = tracing ? new TraceSession() : undefined;
  let rssFigures: ReturnType<RssSampler['stop']> | undefined;
  try {
    if (trace) await trace.open(pids);
    // Let the pool go idle: the burst scenario starts from sleeping workers,
    // and nothing left over from the warm-up should land in the window.
    await sleep(250);
    let before: Map<number, CounterFile> | undefined;
    if (pool.countersDir) before = await snapshotCounters(pool.countersDir, pids);
    const procBefore = samplePool(pids);
    const busyBefore = machineBusyMs();
    if (trace) await trace.enable();
    const maxSeconds = Math.min(180, Math.max(20, sc.connections / 100));
    const rss = new RssSampler(pool.leader, workerPids);
    rss.start();
    let load;
    try {
      load = await runLoadgen(lg, { port: pool.port, scenario: sc, maxSeconds });
    } finally {
      rssFigures = rss.stop();
    }
    if (trace) await trace.disable();
    const busy = machineBusyMs() - busyBefore;
    const procAfter = samplePool(pids);
    let counters: CounterDelta | undefined;
    const countersMissing: string[] = [];
    if (pool.countersDir && before) {
      const after = await snapshotCounters(pool.countersDir, pids);
      for (const pid of pids) {
        if (!before.has(pid) || !after.has(pid)) countersMissing.push(pid === pool.leader ? `arbiter ${pid}` : `worker ${pid}`);
      }
      if (countersMissing.length === 0) counters = counterDelta(before, after);
    }
    let traced: TraceCounts | undefined;
    if (trace) traced = await trace.close();
    const metrics = computeRun({
      kind: pool.kind,
      scenario: sc.name,
      load,
      workerPids,
      workers: procDelta(procBefore, procAfter, workerPids),
      arbiter: procDelta(procBefore, procAfter, [pool.leader]),
      counters,
      trace: traced,
      machineBusyMs: busy,
      rss: rssFigures,
    });
    return { metrics, countersMissing };
  } catch (err) {
    trace?.kill();
    throw err;
  }
}

/** The line of a pool's log that says why it failed, if one does. */
function firstCause(msg: string): string {
  const lines = msg.split('\n');
  let line: string | undefined;
  for (const re of [/timeout|EADDRINUSE|Error:/, /halting|cannot|failed|error/i]) {
    line ??= lines.find((l) => re.test(l) && !/ECONNRESET/.test(l));
  }
  return (line ?? msg.split('\n')[0] ?? '').replace(/^\[[^\]]*\] \[\d+\] /, '').slice(0, 200);
}

function defaultStrategies(nginx: NginxInfo | undefined): Strategy[] {
  const list: Strategy[] = [...CORRAL_STRATEGIES, 'shared-fd', 'cluster-rr', 'cluster-none'];
  if (nodeHasReusePort()) list.push('node-reuseport');
  if (nginx) list.push(...NGINX_STRATEGIES);
  return list;
}

/** 75 s, 4m05s, 1h02m. */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 100) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Time left, from the mean time per finished run so far. */
export function eta(elapsedMs: number, done: number, total: number): string {
  return done >= total ? 'done' : `ETA ${duration((elapsedMs / Math.max(1, done)) * (total - done))}`;
}

function progress(i: number, total: number, s: Strategy, w: number, sc: ScenarioName, rep: number, reps: number, m: RunMetrics | string, elapsedMs = 0): string {
  const width = String(total).length;
  const head = `[${String(i).padStart(width)}/${total} ${eta(elapsedMs, i, total)}] ${s.padEnd(15)} w=${String(w).padEnd(3)} ${sc.padEnd(9)} rep ${rep}/${reps} `;
  if (typeof m === 'string') return `${head} FAILED: ${m}`;
  const rate = sc === 'keepalive' ? `${Math.round(m.requestsPerSec)} req/s` : `${Math.round(m.connsPerSec)} conn/s`;
  const wake = m.wakeupsPerConn === null ? '' : `  wake ${m.wakeupsPerConn.toFixed(2)}/${sc === 'keepalive' ? 'req' : 'conn'} (${m.tracedWakeupsPerConn !== null ? 'sched_wakeup' : 'counters'})`;
  const bg = m.backgroundCores !== null && m.backgroundCores >= 0.25 ? `  (other load ${m.backgroundCores.toFixed(1)} cores)` : '';
  const failed = m.failed || m.notStarted ? `  ${m.failed} FAILED${m.notStarted ? `, ${m.notStarted} not made in time` : ''}` : '';
  return `${head}… ${rate.padStart(12)}  p99 ${(m.latencyUs.p99 / 1000).toFixed(2)} ms${wake}  Jain ${m.jain === null ? '–' : m.jain.toFixed(3)}${failed}${bg}`;
}

/** Terminal tables, goals, SVG and markdown for a finished (or reloaded) report. */
function emit(report: HerdReport, opts: HerdOptions, took: string | undefined): void {
  const say = (s: string) => process.stdout.write(s + '\n');
  const header: Header = report;
  const scenarios = report.config.scenarios;
  const tracing = report.results.some((r) => r.wakeupsSource === 'sched_wakeup');
  say(`\n${headerText(header)}${report.commit ? `; commit ${report.commit}` : ''}`);
  for (const sc of scenarios) {
    if (!report.results.some((r) => r.scenario === sc.name)) continue;
    say(`\n== ${sc.name}: ${sc.blurb} (${sc.mode === 'keepalive' ? `${sc.connections} requests` : `${sc.connections} connections`} per run, K=${sc.concurrency}${sc.rate ? `, open loop ${sc.rate}/s` : ''})`);
    process.stdout.write(table(report.results, sc.name));
  }
  const checked = report.goals.filter((g) => g.met !== null);
  if (checked.length) {
    say(`\ngoals for the arbiter strategy (medians of this run):`);
    process.stdout.write(goalsText(checked));
    const rest = report.goals.length - checked.length;
    if (rest) say(`  (${rest} more need other scenarios, worker counts or strategies: --scenario idle,close --workers 8,16 with shared-fd, shared, exclusive and --trace)`);
  }
  say('');
  for (const l of LEGEND) say(l);
  for (const n of report.notices) say(`notice: ${n}`);
  if (report.verdict.length) {
    say(`\nverdict (medians of ${header.repeats}; wakeups counted by ${report.wakeupsCounting ?? 'nothing'}${report.wakeupsCounting === 'counters' ? ", not comparable with traced figures: --trace" : ''}):`);
    process.stdout.write(verdictText(report.verdict));
  }
  if (report.errors.length) say(`${report.errors.length} run(s) failed; see "errors" in the JSON`);
  if (took !== undefined) say(`took ${took}`);

  if (opts.plot) {
    const m = header.machine;
    writeOutput(opts.plot, plotSvg(report.results, {
      title: 'corral bench herd: wakeups per connection and p99 latency against worker count',
      subtitle: `${m.cpus} cpus (${m.model}), Linux ${m.kernel}, node ${header.node}, ${header.date.slice(0, 10)}; median of ${header.repeats}, bars min–max; wakeups: ${tracing ? 'sched_wakeup (perf)' : "corral's addon counters (others need --trace)"}`,
      scenarios: report.scenarios,
    }));
  }
  if (opts.markdown) {
    let md = `# bench herd\n\n${headerText(header).replace('\n', '  \n')}${report.commit ? `  \ncommit ${report.commit}` : ''}\n`;
    for (const sc of scenarios) {
      if (!report.results.some((r) => r.scenario === sc.name)) continue;
      md += `\n## ${sc.name}: ${sc.blurb}\n\n${sc.mode === 'keepalive' ? `${sc.connections} requests` : `${sc.connections} connections`} per run, K=${sc.concurrency}.\n\n${table(report.results, sc.name, true)}\nmin–max over the repeats:\n\n${spreadTable(report.results, sc.name)}\nmemory (VmRSS sampled every 100 ms during each run; median over the repeats):\n\n${memoryTable(report.results, sc.name)}`;
    }
    if (report.verdict.length) md += `\n## Verdict\n\nMedians of ${header.repeats}; best of the Node pools (corral and node:cluster), nginx apart; wakeups counted by ${report.wakeupsCounting ?? 'nothing'}. "within spread": the runner-up's min–max over the repeats overlaps the winner's.\n${verdictText(report.verdict, true)}`;
    if (report.goals.some((g) => g.met !== null)) md += `\n## Goals for the arbiter strategy\n\n${goalsText(report.goals, true)}`;
    md += markdownLegend(LEGEND, report.notices);
    writeOutput(opts.markdown, md);
  }
  const wrote = wroteLine(opts);
  if (wrote) say(wrote);
}

/** `--from FILE`: print and render a saved report again, without running anything. */
function reemit(opts: HerdOptions): number {
  return rerender<HerdReport>('herd', opts, (report) => Array.isArray(report.results) && !!report.config?.scenarios, (report) => {
    report.commit ??= null;
    report.goals = report.results.some((r) => r.strategy === 'arbiter') ? checkGoals(report.results) : [];
    report.wakeupsCounting = wakeupsCounting(report.results);
    report.verdict = verdict(report.results);
    emit(report, opts, undefined);
  });
}

export async function herd(argv: string[]): Promise<number> {
  const opts = cliOptions('herd', argv, parseHerdArgs, HELP);
  if (typeof opts === 'number') return opts;
  if (opts.from) return reemit(opts);
  const say = (s: string) => process.stdout.write(s + '\n');
  const notices: string[] = [];
  const notice = (s: string) => {
    notices.push(s);
    process.stderr.write(`notice: ${s}\n`);
  };

  const probe = probeNginx();
  const nginx = 'missing' in probe ? undefined : probe;
  if (!nginx) notice(`nginx not found (${(probe as { missing: string }).missing}): the nginx-mutex, nginx-exclusive and nginx-reuseport reference pools are skipped; install nginx (e.g. nginx-light) to include them`);
  if (!nodeHasReusePort()) notice(`node ${process.version} has no listen({ reusePort }) (22.12+ / 23.1+): node-reuseport is skipped`);
  let strategies = opts.strategies ?? defaultStrategies(nginx);
  strategies = strategies.filter((s) => {
    if (kindOf(s) === 'nginx' && !nginx) return false;
    if (s === 'node-reuseport' && !nodeHasReusePort()) return false;
    return true;
  });
  if (strategies.length === 0) {
    process.stderr.write('bench herd: none of the requested strategies can run here\n');
    return 2;
  }
  let tracing = false;
  let traceText = 'off (--trace counts sched_wakeup and accept4 -EAGAIN for every pool)';
  if (opts.trace) {
    const t = probeTrace();
    if (t.ok) {
      tracing = true;
      traceText = `on: ${t.tool}; wakeups = sched_wakeup of the pool's main threads`;
    } else {
      traceText = `UNAVAILABLE (${t.reason})`;
      notice(`--trace: tracing is unavailable here (${t.reason}); wakeups and EAGAIN come from corral's own counters, and are null for the node:cluster and nginx pools`);
    }
  }
  if (!tracing && strategies.some((s) => kindOf(s) !== 'corral')) {
    notices.push('without tracing, wakeups and EAGAIN of node:cluster and nginx pools cannot be measured (null); corral figures come from its own counters');
  }

  let lg: string;
  try {
    lg = buildLoadgen(root);
  } catch (err) {
    process.stderr.write(`bench herd: ${(err as Error).message}\n`);
    return 1;
  }

  let corralCli: string | undefined;
  if (strategies.some((s) => kindOf(s) === 'corral')) {
    try {
      corralCli = compiledCli(root, (line) => process.stderr.write(`${line}\n`));
    } catch (err) {
      process.stderr.write(`bench herd: cannot build dist/: ${(err as Error).message}\n`);
      return 1;
    }
  }
  const ctx: PoolContext = { root, corralConfig: opts.corralConfig ? resolve(opts.corralConfig) : undefined, nginx, nodeBin: process.execPath, corralCli };
  const scenarios = opts.scenarios.map((n) => scenarioFor(n, opts));
  const header: Header = {
    node: process.version,
    machine: machine(),
    date: new Date().toISOString(),
    repeats: opts.repeat,
    trace: traceText,
  };

  // Whatever happens, no pool outlives the benchmark.
  const onExit = () => {
    killAllLoadgens();
    killAllPools();
    killAllTraces();
  };
  // Started by scripts/bench.mjs with an IPC channel: its end means the
  // runner is gone (even by SIGKILL), and the pools go with it.
  const unhook = stopOnSignals('herd', 'pools stopped', onExit);

  say(`bench herd: ${strategies.join(', ')}; workers ${opts.workers.join(', ')}; scenario ${opts.scenarios.join(', ')}; ${opts.repeat} repeat(s)`);
  say(headerText(header));
  const commit = gitDescribe();
  defaultOutputs(opts, 'herd', fileStamp(header.date));
  const runs = new Map<string, RunMetrics[]>();
  const key = (s: Strategy, w: number, sc: ScenarioName) => `${s}\u0000${w}\u0000${sc}`;
  const errors: HerdReport['errors'] = [];
  const total = opts.repeat * opts.workers.length * strategies.length * scenarios.length;
  let done = 0;
  let counterWarned = false;
  const started = Date.now();

  const buildReport = (): HerdReport => {
    const results: HerdResult[] = [];
    for (const sc of scenarios) for (const w of opts.workers) for (const s of strategies) {
      const r = runs.get(key(s, w, sc.name));
      if (r?.length) results.push(aggregate(s, w, sc.name, r, tracing));
    }
    return {
      ...header,
      commit,
      scenario: opts.scenarios.length === 1 ? opts.scenarios[0]! : opts.scenarios,
      scenarios: opts.scenarios,
      config: { workers: opts.workers, strategies, repeat: opts.repeat, warmup: opts.warmup ?? null, scenarios, corralConfig: opts.corralConfig ?? null },
      notices,
      errors,
      results,
      goals: strategies.includes('arbiter') ? checkGoals(results) : [],
      wakeupsCounting: wakeupsCounting(results),
      verdict: verdict(results),
    };
  };
  const writeJson = (report: HerdReport) => {
    if (opts.json) writeOutput(opts.json, stringifyReport(report));
  };

  try {
    for (let rep = 1; rep <= opts.repeat; rep++) {
      for (const w of opts.workers) {
        for (const s of strategies) {
          let pool: Pool | undefined;
          // One retry: a pool that cannot start on a loaded machine (e.g. 32
          // workers missing the handshake timeout) says nothing about accepting.
          for (let attempt = 1; !pool; attempt++) {
            try {
              pool = await startPool(s, w, ctx);
            } catch (err) {
              const msg = (err as Error).message;
              if (attempt === 1) {
                notice(`${s} with ${w} workers did not start (${firstCause(msg)}); retrying once`);
                await sleep(2000);
                continue;
              }
              errors.push({ strategy: s, workers: w, scenario: null, repeat: rep, message: msg.length > 4000 ? `${msg.slice(0, 1500)}\n…\n${msg.slice(-2500)}` : msg });
              for (const sc of scenarios) {
                done++;
                if (!opts.quiet) say(progress(done, total, s, w, sc.name, rep, opts.repeat, `pool did not start: ${firstCause(msg)}`, Date.now() - started));
              }
              break;
            }
          }
          if (!pool) continue;
          try {
            let first = true;
            for (const sc of scenarios) {
              done++;
              const warm = opts.warmup ?? Math.max(200, 16 * w);
              try {
                const m = await measure(pool, sc, first ? warm : Math.min(100, warm), lg, tracing);
                first = false;
                if (m.countersMissing.length && !counterWarned) {
                  counterWarned = true;
                  notice(`corral processes did not dump their counters on SIGWINCH (${m.countersMissing.slice(0, 4).join(', ')}${m.countersMissing.length > 4 ? ', …' : ''}): counter-based wakeups and EAGAIN are null`);
                }
                const list = runs.get(key(s, w, sc.name)) ?? [];
                list.push(m.metrics);
                runs.set(key(s, w, sc.name), list);
                if (!opts.quiet) say(progress(done, total, s, w, sc.name, rep, opts.repeat, m.metrics, Date.now() - started));
              } catch (err) {
                errors.push({ strategy: s, workers: w, scenario: sc.name, repeat: rep, message: (err as Error).message.slice(0, 2000) });
                if (!opts.quiet) say(progress(done, total, s, w, sc.name, rep, opts.repeat, (err as Error).message.split('\n')[0]!, Date.now() - started));
              }
            }
          } finally {
            await pool.stop();
          }
          writeJson(buildReport());
        }
      }
    }
  } finally {
    onExit();
    unhook();
  }

  const all = [...runs.values()].flat().map((m) => m.backgroundCores).filter((x): x is number => x !== null);
  const busy = all.filter((x) => x >= 0.25).length;
  if (busy > 0) {
    notice(`other processes used ≥ 0.25 of a core during ${busy} of ${all.length} runs (median ${median(all).toFixed(2)} cores, max ${Math.max(...all).toFixed(2)}): those figures carry that noise (column "other")`);
  }
  const report = buildReport();
  emit(report, opts, duration(Date.now() - started));
  writeJson(report);
  return errors.length ? 1 : 0;
}
