// `corral bench herd` end to end in a tiny configuration (2 workers, a few
// hundred connections, 1 repeat, arbiter and cluster-rr), through the same
// CLI path a user takes. Checks the JSON's shape and that its numbers agree
// with each other, not how fast anything is.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jain, median, perWorker } from '../../bench/herd/metrics.js';
import type { HerdReport } from '../../bench/herd/main.js';
import { scenarioFor, parseHerdArgs } from '../../bench/herd/options.js';
import { loadgenArgs } from '../../bench/herd/loadgen.js';
import { probeNginx } from '../../bench/peers/nginx.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CONNECTIONS = 300;
// CI installs nginx-light so that the nginx reference path runs too.
const withNginx = !('missing' in probeNginx());
const STRATEGIES = ['arbiter', 'cluster-rr', ...(withNginx ? ['nginx-exclusive'] : [])];


test('jain, median, perWorker', () => {
  assert.is(jain([5, 5, 5, 5]), 1);
  assert.is(jain([8, 0, 0, 0]), 0.25);
  assert.is(jain([]), null);
  assert.is(median([3, 1, 2]), 2);
  assert.is(median([4, 1, 2, 3]), 2.5);
  // Every worker appears (zeros too), then any pid outside the pool.
  assert.equal(perWorker({ '10': 3, '99': 1 }, [10, 11]), [3, 0, 1]);
});

test('options: scenarios, lists, and the load each scenario asks for', () => {
  const o = parseHerdArgs(['--workers', '2,4', '--scenario', 'idle,burst', '--strategies', 'arbiter,cluster-rr', '--repeat', '1']);
  assert.equal(o.workers, [2, 4]);
  assert.equal(o.scenarios, ['idle', 'burst']);
  assert.equal(o.strategies, ['arbiter', 'cluster-rr']);
  assert.throws(() => parseHerdArgs(['--strategies', 'nope']), /unknown strategy/);
  assert.throws(() => parseHerdArgs(['--workers', '0']), /--workers/);
  assert.equal(parseHerdArgs(['--scenario', 'all']).scenarios, ['idle', 'close', 'keepalive', 'burst', 'slow']);
  const burst = scenarioFor('burst', { connections: 100, concurrency: 32, rate: undefined });
  assert.is(burst.connections, 96); // whole bursts
  const args = loadgenArgs({ port: 1234, scenario: burst, maxSeconds: 5 });
  assert.ok(args.includes('--bursts') && args[args.indexOf('--bursts') + 1] === '3');
  const ka = loadgenArgs({ port: 1234, scenario: scenarioFor('keepalive', { connections: 320, concurrency: 16, rate: undefined }), maxSeconds: 5 });
  assert.is(ka[ka.indexOf('--requests') + 1], '20');
});

test(`corral bench herd: tiny run writes consistent JSON and an SVG (${STRATEGIES.join(', ')})`, () => {
  // A directory of this test's own, made and removed here: nothing another
  // suite in the same process does can touch it in between.
  const dir = mkdtempSync(join(tmpdir(), 'corral-herd-test-'));
  try {
    tinyRun(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function tinyRun(dir: string): void {
  const json = join(dir, 'herd.json');
  const svg = join(dir, 'herd.svg');
  const r = spawnSync(process.execPath, [join(root, 'bin/corral.mjs'), 'bench', 'herd',
    '--workers', '2', '--strategies', STRATEGIES.join(','), '--scenario', 'idle,close', '--connections', String(CONNECTIONS),
    '--repeat', '1', '--warmup', '50', '--json', json, '--plot', svg,
  ], { cwd: root, encoding: 'utf8', timeout: 180_000 });
  const out = `${r.stdout}\n${r.stderr}`;
  assert.is(r.status, 0, out);
  // One progress line per run, and a table per scenario.
  const runs = STRATEGIES.length * 2;
  assert.is((r.stdout.match(new RegExp(`^\\[\\s*\\d+/${runs} (ETA [^\\]]+|done)\\]`, 'gm')) ?? []).length, runs, out);
  // The wakeup column says how it was counted, and the run ends with a verdict and where its files went.
  assert.match(r.stdout, /wake\/conn \((counters|sched_wakeup|mixed)\)/, out);
  assert.match(r.stdout, /^verdict \(medians of 1;/m, out);
  assert.match(r.stdout, /^idle at 2 workers \(best of the Node pools/m, out);
  assert.match(r.stdout, new RegExp(`^wrote: JSON ${json.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, plot `, 'm'), out);
  assert.match(r.stdout, /== idle:/);
  assert.match(r.stdout, /== close:/);
  assert.match(r.stdout, /machine: \d+ cpus/);

  const report = JSON.parse(readFileSync(json, 'utf8')) as HerdReport;
  assert.is(report.node, process.version);
  assert.type(report.machine.cpus, 'number');
  assert.type(report.machine.model, 'string');
  assert.type(report.machine.kernel, 'string');
  assert.equal(report.scenario, ['idle', 'close']);
  assert.is(report.results.length, STRATEGIES.length * 2);
  assert.ok(report.wakeupsCounting === 'counters' || report.wakeupsCounting === 'sched_wakeup', String(report.wakeupsCounting));
  // One verdict line per metric per (scenario, workers); each winner is a Node pool that ran, and leads by ≥ 1×.
  assert.ok(report.verdict.length >= 2 * 6, `${report.verdict.length} verdict lines`);
  for (const v of report.verdict) {
    if (v.winner === null) continue;
    assert.ok(STRATEGIES.includes(v.winner) && !v.winner.startsWith('nginx-'), v.winner);
    if (v.ratio !== null) assert.ok(v.ratio >= 1, `${v.metric} ratio ${v.ratio}`);
  }
  for (const res of report.results) {
    const what = `${res.strategy}/${res.scenario}`;
    assert.ok(STRATEGIES.includes(res.strategy), what);
    assert.is(res.workers, 2);
    assert.is(res.repeats, 1);
    assert.is(res.unit, 'connection');
    for (const k of ['p50', 'p90', 'p99', 'p999', 'max'] as const) assert.type(res.latencyUs[k], 'number', `${what} ${k}`);
    assert.ok(res.latencyUs.p50 > 0 && res.latencyUs.p50 <= res.latencyUs.p90 && res.latencyUs.p90 <= res.latencyUs.p99 && res.latencyUs.p99 <= res.latencyUs.p999 && res.latencyUs.p999 <= res.latencyUs.max, `${what} percentiles ordered`);
    assert.ok(res.connsPerSec > 0, what);
    // Every connection made was answered or counted as failed; the pool is healthy, so none failed.
    assert.is(res.connections, CONNECTIONS, what);
    assert.is(res.ok + res.failed, res.connections, what);
    assert.is(res.failed, 0, what);
    assert.is(res.notStarted, 0, what);
    const run = res.runs[0]!;
    assert.is(run.perWorker.length, 2, `${what}: both workers listed`);
    assert.is(run.perWorker.reduce((a, b) => a + b, 0), run.ok, `${what}: answers per worker add up`);
    // Jain lies in [1/n, 1].
    assert.ok(res.jain !== null && res.jain >= 0.5 - 1e-9 && res.jain <= 1 + 1e-9, `${what} jain ${res.jain}`);
    for (const k of ['ctxSwitchesPerConn', 'arbiterCtxSwitchesPerConn', 'cpuMsPerKConn', 'arbiterCpuMsPerKConn'] as const) {
      assert.type(res[k], 'number', `${what} ${k}`);
      assert.ok(res[k] >= 0, `${what} ${k}`);
    }
    assert.ok(Math.abs(res.poolCpuMsPerKConn - res.cpuMsPerKConn - res.arbiterCpuMsPerKConn) < 0.01 * res.poolCpuMsPerKConn + 1, `${what} pool CPU = workers + arbiter`);
    assert.ok(res.cpuMsPerKConn > 0, `${what}: workers used CPU`);
    assert.type(res.loadgenBottleneck, 'boolean');
    // VmRSS was sampled for every pool, leader and workers: a live process holds at least 1 MiB.
    for (const k of ['workerRssMaxMiB', 'workerRssMedianMiB', 'arbiterRssMaxMiB', 'arbiterRssMedianMiB'] as const) {
      assert.ok(res[k] !== null && res[k]! >= 1, `${what} ${k} ${res[k]}`);
    }
    assert.ok(res.workerRssMedianMiB! <= res.workerRssMaxMiB!, `${what} RSS median ≤ max`);
    if (res.strategy !== 'arbiter') {
      // Without --trace nothing counts cluster's wakeups: null, not a guess.
      if (res.wakeupsSource !== 'sched_wakeup') {
        assert.is(res.wakeupsPerConn, null, what);
        assert.is(res.eagainPerConn, null, what);
      }
      // rr hands connections out in turn, to workers that are free: on a loaded machine the shares
      // need not be equal (Jain 0.89 seen at 300 connections), but every worker gets some.
      if (res.strategy === 'cluster-rr') assert.is(res.idleWorkers, 0, `${what} per worker ${run.perWorker}`);
    } else if (res.wakeupsPerConn !== null) {
      // corral's own counters: every connection made was accepted by exactly one pool process.
      assert.is(res.wakeupsSource, 'counters');
      assert.is(run.counterAccepted, run.connections, `${what}: accepted == connections made`);
      assert.ok(res.eagainPerConn !== null && res.eagainPerConn >= 0);
    }
  }
  const plot = readFileSync(svg, 'utf8');
  assert.match(plot, /^<svg /);
  assert.match(plot, /arbiter/);
  assert.match(plot, /cluster-rr/);

  // --from prints a saved report again without running anything.
  const md = join(dir, 'herd.md');
  const again = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/herd.ts'), '--from', json, '--markdown', md], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.is(again.status, 0, again.stderr);
  assert.not.match(again.stdout, /^\[/m);
  assert.match(again.stdout, /== close:/);
  const mdText = readFileSync(md, 'utf8');
  assert.match(mdText, /\| arbiter \| 2 \|/);
  assert.match(mdText, /worker RSS median MiB/);
  assert.match(mdText, /## Verdict/);
}

/** Pids whose command line or environment mentions `marker` (workers inherit CORRAL_COUNTERS_DIR, under the pool's temporary directory). */
function processesWith(marker: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(marker) || readFileSync(`/proc/${name}/environ`, 'utf8').includes(marker)) out.push(Number(name));
    } catch {
      // gone
    }
  }
  return out;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function until(what: string, ok: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

for (const sig of ['SIGTERM', 'SIGKILL'] as const) {
  test(`npm run bench herd killed by pid (${sig}) leaves no pool behind`, async () => {
    // TMPDIR of our own: the runner, the benchmark and every pool process carry it.
    const tmp = mkdtempSync(join(tmpdir(), 'corral-herd-kill-'));
    try {
      const child = spawn(process.execPath, [join(root, 'scripts/bench.mjs'), 'herd', '--workers', '2', '--strategies', 'arbiter', '--connections', '20000', '--repeat', '1', '--warmup', '10', '--quiet'], { cwd: root, env: { ...process.env, TMPDIR: tmp }, stdio: 'ignore' });
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      // The arbiter and its 2 workers are up (counted by their command lines).
      await until('the pool to start', () => processesWith(join(tmp, 'corral-herd-arbiter-')).length >= 3, 90_000);
      child.kill(sig);
      const code = await exited;
      if (sig === 'SIGTERM') assert.is(code, 143, 'the runner exits with the benchmark\'s code for TERM');
      // TERM is passed on; after a KILL the benchmark sees its IPC channel close. Either way it stops its pools.
      await until('every pool process to exit', () => processesWith(tmp).length === 0, 20_000);
    } finally {
      for (const pid of processesWith(tmp)) process.kill(pid, 'SIGKILL');
      rmSync(tmp, { recursive: true, force: true });
    }
  });
}

test('bad options exit 2 and name the option', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/herd.ts'), '--repeat', 'x'], { cwd: root, encoding: 'utf8' });
  assert.is(r.status, 2);
  assert.match(r.stderr, /--repeat/);
});

test.run();
