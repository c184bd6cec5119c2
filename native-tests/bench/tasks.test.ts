// `corral bench tasks --quick` end to end, through the CLI path a user takes,
// with every system (corral's when the task pool is there). Checks that the
// JSON has every system and scenario, and that its counts add up; never how
// fast anything is. Then Ctrl-C: a TERM mid-run leaves no process behind.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TasksReport } from '../../bench/tasks/main.js';
import { CORRAL, LOOP_SCENARIOS, PEERS, parseTasksArgs, SYSTEMS } from '../../bench/tasks/options.js';
import { percentile, percentiles } from '../../bench/tasks/loops.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

test('options and percentiles', () => {
  const o = parseTasksArgs(['--quick']);
  assert.is(o.repeat, 1);
  assert.equal(o.systems, [...SYSTEMS]);
  assert.is(parseTasksArgs([]).repeat, 3);
  assert.equal(parseTasksArgs(['--systems', 'piscina,uds', '--scenario', 'latency']).systems, ['piscina', 'uds']);
  assert.throws(() => parseTasksArgs(['--systems', 'nope']), /unknown/);
  assert.throws(() => parseTasksArgs(['--repeat', '0']), /--repeat/);
  assert.is(percentile([1, 2, 3, 4], 0.5), 2);
  assert.is(percentiles(Float64Array.from([5, 1, 3])).max, 5);
});

/** Processes whose command line names this run's marker directory or the bench's children. */
function benchProcesses(): string[] {
  const out: string[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (/bench\/tasks\/(driver|fork-child|uds-child|client-runner|caller-worker)/.test(cmd)) out.push(`${name} ${cmd}`);
    } catch {
      // gone
    }
  }
  return out;
}

test('corral bench tasks --quick: every system and scenario, counts that add up, JSON + SVG + markdown', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corral-bench-tasks-test-'));
  try {
    const json = join(dir, 't.json');
    const r = spawnSync(process.execPath, [join(root, 'bin/corral.mjs'), 'bench', 'tasks', '--quick', '--json', json, '--plot', join(dir, 't.svg'), '--markdown', join(dir, 't.md')], { cwd: root, encoding: 'utf8', timeout: 400_000 });
    const out = `${r.stdout}\n${r.stderr}`.slice(-6000);
    assert.ok(r.status === 0 || r.status === 1, out);
    const report = JSON.parse(readFileSync(json, 'utf8')) as TasksReport;
    assert.is(report.mode, 'quick');
    assert.ok(report.machine.cpus >= 1 && report.node.startsWith('v'));
    // Peers always run: every scenario, every call ok.
    for (const s of PEERS) for (const sc of LOOP_SCENARIOS) {
      const res = report.results.find((x) => x.system === s && x.scenario === sc);
      assert.ok(res, `${s} ${sc} missing: ${JSON.stringify(report.errors.filter((e) => e.system === s))}`);
      assert.is(res!.repeats, 1);
      assert.ok(res!.calls > 0);
      assert.is(res!.ok, res!.calls, `${s} ${sc}: ${JSON.stringify(res!.errors)}`);
      assert.ok(sc === 'latency' || sc === 'payload' ? res!.latencyUs !== null : res!.perSec !== null);
    }
    // corral: unavailable (said so), or each scenario a result or a recorded error; calls add up.
    for (const s of CORRAL) {
      if (report.unavailable[s]) continue;
      for (const sc of [...LOOP_SCENARIOS, ...(s === 'corral-embedded' ? (['crash', 'chaos'] as const) : [])]) {
        const res = report.results.find((x) => x.system === s && x.scenario === sc);
        const err = report.errors.find((e) => e.system === s && e.scenario === sc);
        assert.ok(res || err, `${s} ${sc}: neither a result nor an error`);
        if (res?.calls) assert.is(res.ok + sum(res.errors), res.calls, `${s} ${sc}`);
      }
      assert.is(report.goals.filter((g) => g.system === s).length >= 6, true);
    }
    const chaos = report.results.find((x) => x.scenario === 'chaos')?.chaos;
    if (chaos) {
      assert.is(chaos.ok + sum(chaos.errors) + chaos.lost, chaos.submitted, JSON.stringify(chaos));
      assert.is(chaos.lost, 0, 'calls never settled');
      assert.is(chaos.queuedLost, 0, 'queued jobs lost');
    }
    const crash = report.results.find((x) => x.scenario === 'crash')?.crash;
    if (crash) assert.is(crash.rejectMs.length, crash.rejectedPerKill.reduce((a, b) => a + b, 0));
    // One progress line per (system, scenario).
    const total = PEERS.length * LOOP_SCENARIOS.length + CORRAL.length * LOOP_SCENARIOS.length + 2;
    assert.is((r.stdout.match(new RegExp(`^\\[\\s*\\d+/${total} `, 'gm')) ?? []).length, total, out);
    assert.match(readFileSync(join(dir, 't.svg'), 'utf8'), /^<svg /);
    assert.match(readFileSync(join(dir, 't.md'), 'utf8'), /## latency/);
    assert.equal(benchProcesses(), [], 'processes left behind');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a TERM mid-run stops every pool the benchmark started', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corral-bench-tasks-test-'));
  try {
    const child = spawn(process.execPath, [join(root, 'scripts/bench.mjs'), 'tasks', '--quick', '--systems', 'fork-json,uds,piscina', '--out', dir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    // Wait for the first measured scenario, so that pools are running.
    const until = Date.now() + 120_000;
    while (!/^\[\s*1\//m.test(text) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    assert.match(text, /^\[\s*1\//m, text);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    assert.is.not(code, 0);
    const gone = Date.now() + 10_000;
    while (benchProcesses().length && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
    assert.equal(benchProcesses(), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
