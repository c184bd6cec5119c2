// The arbiter's defences against misbehaving workers, and its signals, with
// real processes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsxImport } from '../../src/transport/tsx.js';
import { corralBin, get, helloApp, load, root, sleep, startPool, workerPids } from './pool.js';

const tsx = tsxImport();
const misbehave = (mode: string) => ['--', process.execPath, '--import', tsx, join(root, 'native-tests/arbiter/misbehave.ts'), mode];

test('a worker that never heartbeats is stopped after --timeout, killed, and replaced', async () => {
  const pool = await startPool(['--workers', '1', '--bind', '127.0.0.1:0', '--timeout', '1.5', '--graceful-timeout', '0.5', '--accept', 'shared', ...misbehave('silent')], { readyWorkers: 1 });
  try {
    const first = workerPids(pool)[0];
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !new RegExp(`worker 1 \\(pid ${first}\\) exited`).test(pool.log())) await sleep(50);
    assert.match(pool.log(), /heartbeat timeout \(nothing heard for [\d.]+ s, limit 1.5 s\)/);
    assert.match(pool.log(), /still alive past its deadline .*SIGKILL/);
    assert.match(pool.log(), new RegExp(`worker 1 \\(pid ${first}\\) exited with signal SIGKILL`));
    while (Date.now() < deadline && !/worker 2 \(pid \d+\) ready/.test(pool.log())) await sleep(50);
    assert.match(pool.log(), /worker 2 \(pid \d+\) ready/);
  } finally {
    await pool.stop('SIGINT');
  }
});

test('a worker that writes garbage to the control channel is stopped and replaced; the pool keeps serving', async () => {
  // One hello worker and one garbage writer cannot be mixed in one pool, so
  // this runs garbage writers alone and checks the arbiter survives them.
  const pool = await startPool(['--workers', '2', '--bind', '127.0.0.1:0', '--graceful-timeout', '1', '--accept', 'shared', ...misbehave('garbage')], { readyWorkers: 2 });
  try {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !/worker [34] \(pid \d+\) ready/.test(pool.log())) await sleep(50);
    assert.match(pool.log(), /CORRAL_ERR_FRAME_TOO_LARGE|CORRAL_ERR_DECODE/);
    assert.match(pool.log(), /worker [34] \(pid \d+\) ready/, 'replacements came up');
    assert.is(pool.proc.exitCode, null, 'the arbiter is still running');
  } finally {
    await pool.stop('SIGINT');
  }
});

test('workers that exit at boot every time: the arbiter halts with exit code 3', async () => {
  const proc = spawn(process.execPath, [corralBin, 'run', '--workers', '2', '--bind', '127.0.0.1:0', ...misbehave('boot')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stderr!.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((resolve) => {
    const t = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    proc.on('exit', (c) => { clearTimeout(t); resolve(c); });
  });
  assert.is(code, 3, out);
  assert.match(out, /failed to boot 5 times in a row/);
});

test('bad options: a message naming the option and exit code 2', async () => {
  const proc = spawn(process.execPath, [corralBin, 'run', '--workers', 'lots', helloApp], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stderr!.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
  assert.is(code, 2);
  assert.match(out, /options.workers must be a positive integer/);
});

test('USR2 hands the listeners to a new arbiter without refusing a connection', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corral-usr2-'));
  const pidfile = join(dir, 'corral.pid');
  const pool = await startPool(['--workers', '2', '--bind', '127.0.0.1:0', '--pidfile', pidfile, helloApp], { readyWorkers: 2 });
  let running = true;
  let newPid = 0;
  try {
    const oldPid = pool.proc.pid!;
    assert.is(Number(readFileSync(pidfile, 'utf8')), oldPid);
    const traffic = load(pool.port, { concurrency: 4, until: () => running, maxRequests: 20_000 });
    await sleep(200);
    pool.proc.kill('SIGUSR2');
    // The old arbiter stops once the new one is ready; a re-exec that fails
    // leaves it running, which must fail the test, not hang the suite.
    const code = await Promise.race([pool.exited, sleep(60_000).then(() => 'still running' as const)]);
    assert.is(code, 0, `the old arbiter after USR2: ${code}\n${pool.log()}`);
    await sleep(300);
    running = false;
    const replies = await traffic;
    newPid = Number(readFileSync(pidfile, 'utf8'));
    assert.ok(newPid > 0 && newPid !== oldPid, 'pidfile names the new arbiter');
    const failed = replies.filter((r) => !r.ok);
    assert.is(failed.length, 0, JSON.stringify(failed.slice(0, 3)));
    assert.ok((await get(pool.port)).ok, 'the new arbiter serves');
  } finally {
    running = false;
    if (newPid) {
      try { process.kill(newPid, 'SIGTERM'); } catch { /* gone */ }
      const deadline = Date.now() + 10_000;
      while (existsSync(pidfile) && Date.now() < deadline) await sleep(50);
    }
    await pool.stop('SIGINT');
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
