// `npm run bench queue` end to end with very small counts, through the path
// a user takes (scripts/bench.mjs): both systems, every scenario, 1 and 2
// workers. Checks that the report has every figure and that its counts add
// up, that the files are written, and that every process the run started
// (redis-server, the drivers, the arbiters and their task workers, the BullMQ
// workers) is gone; never how fast anything is. Skipped with a notice when
// redis-server is not installed.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REDIS_SKIP_NOTICE, redisServerPath } from '../../fixtures/redis/server.js';
import type { QueueReport } from '../../bench/queue/main.js';
import { plannedKeys } from '../../bench/queue/main.js';
import { parseQueueArgs, SYSTEMS } from '../../bench/queue/options.js';
import { parseCommandStats, parseInfo } from '../../bench/queue/redis-stats.js';
import { startTime } from '../../bench/queue/systems.js';
import { statField } from '../../bench/common/proc.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const installed = redisServerPath() !== undefined;
if (!installed) console.log(REDIS_SKIP_NOTICE.replace('the queue tests are skipped', 'the bench queue smoke run is skipped'));
const t = installed ? test : test.skip;

test('options, planned scenarios, INFO parsing', () => {
  const o = parseQueueArgs(['--quick']);
  assert.is(o.repeat, 1);
  assert.equal(o.systems, [...SYSTEMS]);
  assert.equal(o.workers, [1, 4]);
  assert.is(parseQueueArgs([]).repeat, 3);
  assert.is(parseQueueArgs(['--jobs', '50']).sizes.warmup, 50);
  assert.equal(plannedKeys(o), ['enqueue', 'latency', 'throughput-1', 'throughput-4']);
  assert.equal(plannedKeys(parseQueueArgs(['--scenario', 'throughput', '--workers', '2'])), ['throughput-2']);
  assert.throws(() => parseQueueArgs(['--systems', 'nope']), /unknown/);
  assert.throws(() => parseQueueArgs(['--workers', '0']), /--workers/);
  assert.equal(parseCommandStats('# Commandstats\r\ncmdstat_evalsha:calls=7,usec=1\r\ncmdstat_config|resetstat:calls=1,usec=2\r\ncmdstat_hset:calls=3,usec=1\r\n'), { evalsha: 7, hset: 3 });
  assert.is(parseInfo('# Server\r\nredis_version:7.0.15\r\n').redis_version, '7.0.15');
});

t('bench queue: a tiny run of both systems; figures present, counts that add up, files written, nothing left running', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corral-bench-queue-test-'));
  try {
    const args = [join(root, 'scripts/bench.mjs'), 'queue', '--quick', '--jobs', '120', '--samples', '15', '--batch', '60', '--workers', '1,2', '--out', dir];
    // Bounded: on a loaded 2-core machine the run takes 15-30 s; a TERM at 55 s stops it and everything it started.
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 55_000, killSignal: 'SIGTERM' });
    const out = `${r.stdout}\n${r.stderr}`.slice(-6000);
    assert.is(r.status, 0, out);
    const report = JSON.parse(readFileSync(join(dir, 'queue.json'), 'utf8')) as QueueReport;
    assert.is(report.mode, 'quick');
    assert.ok(report.machine.cpus >= 1 && report.node.startsWith('v'));
    assert.match(report.redis.version, /^\d+\.\d+/);
    assert.match(report.versions.bullmq, /^\d+\./);
    assert.equal(report.errors, []);
    const keys = ['enqueue', 'latency', 'throughput-1', 'throughput-2'];
    for (const system of SYSTEMS) for (const key of keys) {
      const res = report.results.find((x) => x.system === system && x.key === key);
      assert.ok(res, `${system} ${key} missing`);
      assert.is(res!.repeats, 1);
      assert.is(res!.ok, res!.jobs, `${system} ${key}: ${JSON.stringify(res!.errors)}`);
      assert.is(res!.jobs, key === 'latency' ? 15 : 120);
      assert.ok(key === 'latency' ? res!.latencyMs !== null && res!.latencyMs.p50.median > 0 : res!.perSec !== null && res!.perSec.median > 0);
      // Redis saw the jobs: at least one script call per job, and the MONITOR pass counted commands sent.
      assert.ok(res!.callsPerJob !== null && res!.callsPerJob.median >= 1, `${system} ${key} calls/job`);
      assert.ok(res!.count !== null && res!.count.topLevelPerJob.median >= 1, `${system} ${key} commands sent`);
      assert.ok(res!.count!.scriptsPerJob.median <= res!.count!.topLevelPerJob.median);
      if (key !== 'enqueue') assert.ok(res!.count!.consumerPerJob.median > 0, `${system} ${key}: no consumer command counted`);
    }
    assert.ok(report.goals.length >= 4);
    assert.ok(report.goals.every((g) => g.met !== null), JSON.stringify(report.goals));
    assert.match(readFileSync(join(dir, 'queue.svg'), 'utf8'), /^<svg /);
    const md = readFileSync(join(dir, 'queue.md'), 'utf8');
    for (const h of ['## Goals', '## throughput', '## latency', '## Redis commands per job']) assert.ok(md.includes(h), h);
    // Nothing the run started is still alive: redis-server, the drivers, their consumers.
    const procs = [...Object.values(report.samples).flat().flatMap((s) => s.procs)];
    assert.ok(procs.length >= 4, 'the report names the processes it ran');
    // A process killed at the end may take a moment to go on a loaded machine, and one whose parent
    // is gone stays a zombie where nothing reaps orphans (state Z: not running, nothing left to stop).
    const running = (p: { pid: number; start: string }) => startTime(p.pid) === p.start && statField(p.pid, 0) !== 'Z';
    let alive = procs.filter(running);
    for (let i = 0; i < 50 && alive.length > 0; i++) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      alive = procs.filter(running);
    }
    assert.equal(alive, [], 'processes left behind');
    assert.ok(!existsSync(`/proc/${report.redis.pid}`) || !readFileSync(`/proc/${report.redis.pid}/cmdline`, 'utf8').includes(`:${report.redis.port}`), 'redis-server left running');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
