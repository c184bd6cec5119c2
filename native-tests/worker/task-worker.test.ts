// The Node task worker as a real process: the whole worker conformance suite
// against it, a drain with a job in flight (SIGTERM), and exit 4 for an app
// module that throws at import. The test plays the arbiter on fd 3.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { corral } from '../../src/protocol/codec.js';
import { FakeArbiter } from '../../src/worker/test-support.js';
import { taskWelcome } from '../../src/task-worker/test-support.js';
import { explain, root, runSuite } from '../conformance/run-suite.js';

const { ErrorCode, GoodbyeReason } = corral.v1;
const TSX = import.meta.resolve('tsx');
const bootstrap = join(root, 'src/task-worker/bootstrap.ts');
const tasks = join(root, 'fixtures/tasks');
const JOBS = ['--task', 'echo.noop', '--task-slow', 'echo.sleep', '--task-fail', 'echo.fail', '--task-stream', 'echo.stream', '--task-echo', 'echo.echo', '--task-meta', 'echo.meta'];

const live = new Set<ChildProcess>();
test.after.each(() => {
  for (const c of live) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  live.clear();
});

/** Spawns the task worker with the state of spec section 2 for a task worker: control channel at fd 3, no listeners. */
function spawnTaskWorker(apps: string[], env: NodeJS.ProcessEnv = {}) {
  const base: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('CORRAL_') && !k.startsWith('LISTEN_')) base[k] = v;
  const child = spawn(process.execPath, ['--import', TSX, bootstrap, ...apps], {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    env: { ...base, CORRAL_PROTOCOL: '1', CORRAL_CONTROL_FD: '3', CORRAL_WORKER_ID: '9', CORRAL_ARBITER_PID: String(process.pid), ...env },
  });
  live.add(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? 128 + (signal === 'SIGKILL' ? 9 : 15))));
  const arbiter = new FakeArbiter(child.stdio[3] as Duplex);
  return { child, arbiter, exited, output: () => output };
}

test('the Node task worker passes the worker conformance suite, task, flow and meta cases included', async () => {
  const r = await runSuite('worker', JOBS, [process.execPath, '--import', TSX, bootstrap, `echo=${join(tasks, 'echo.mjs')}`]);
  assert.is(r.exit, 0, explain(r));
  const taskCases = r.cases.filter((c) => c.id.startsWith('W-TK-'));
  assert.ok(taskCases.length >= 11, `task cases found: ${taskCases.map((c) => c.id).join(', ')}`);
  const notPassed = taskCases.filter((c) => c.verdict !== 'PASS').map((c) => `${c.id}:${c.verdict}`);
  assert.equal(notPassed, [], 'every task case runs and passes with the jobs given');
});

test('SIGTERM with a job in flight: the job finishes, close() runs, Goodbye{DRAINED}, exit 0 [SIG-1, DRAIN-2, DRAIN-5]', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corral-task-drain-'));
  try {
    const closeFile = join(dir, 'closed');
    const w = spawnTaskWorker([`echo=${join(tasks, 'echo.mjs')}`, `counter=${join(tasks, 'counter.mjs')}`], { COUNTER_CLOSE_FILE: closeFile });
    const hello = await w.arbiter.next('hello', 30_000);
    assert.equal(hello.body.apps, ['echo', 'counter']);
    w.arbiter.send({ kind: 'welcome', body: taskWelcome({ heartbeatIntervalMs: 100 }) });
    await w.arbiter.nextOf('ready', 30_000);
    w.arbiter.send({ kind: 'execute', body: { requestId: 1, name: 'counter.count', contentType: 'application/json' } });
    const counted = await w.arbiter.nextOf('result', 10_000);
    assert.equal((JSON.parse(Buffer.from(counted.body.payload).toString()) as { inits: number }).inits, 1);
    w.arbiter.send({ kind: 'execute', body: { requestId: 2, name: 'echo.sleep', payload: Buffer.from('{"ms":400}'), contentType: 'application/json' } });
    // The job is running once a heartbeat counts it.
    for (;;) {
      const hb = await w.arbiter.nextOf('heartbeat', 10_000);
      if (hb.body.inFlight === 1) break;
    }
    w.child.kill('SIGTERM');
    const result = await w.arbiter.nextOf('result', 10_000);
    assert.is(result.body.requestId, 2);
    assert.equal(JSON.parse(Buffer.from(result.body.payload).toString()), { slept: 400 });
    const bye = await w.arbiter.nextOf('goodbye', 10_000);
    assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_DRAINED);
    assert.is(bye.body.acceptedTotal, 2);
    assert.is(await w.exited, 0, w.output());
    assert.match(readFileSync(closeFile, 'utf8'), /^closed \d+ after 1 calls\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an app module that throws at import: Error APP_LOAD (fatal), no Ready, exit 4 [HS-10, EXIT-3]', async () => {
  const w = spawnTaskWorker([`bad=${join(tasks, 'throws.mjs')}`]);
  await w.arbiter.next('hello', 30_000);
  w.arbiter.send({ kind: 'welcome', body: taskWelcome() });
  const err = await w.arbiter.nextOf('error', 30_000);
  assert.is(err.body.code, ErrorCode.ERROR_CODE_APP_LOAD);
  assert.is(err.body.fatal, true);
  assert.match(err.body.message, /fails at import on purpose/);
  assert.is(await w.exited, 4, w.output());
  assert.not.ok(w.arbiter.received.some((m) => m.kind === 'ready'));
});

test('bad arguments and a socket worker\'s environment are exit 3 [ENV-11, ENV-18]', async () => {
  const bad = spawnTaskWorker(['--capacity', 'x', `echo=${join(tasks, 'echo.mjs')}`]);
  assert.is(await bad.exited, 3);
  assert.match(bad.output(), /--capacity must be/);
  const socketEnv = spawnTaskWorker([`echo=${join(tasks, 'echo.mjs')}`], { CORRAL_ACCEPT: 'shared' });
  assert.is(await socketEnv.exited, 3);
  assert.match(socketEnv.output(), /CORRAL_ACCEPT/);
});

test.run();
