// `corral run` option parsing: flags in seconds become the options in ms,
// and a bad value is refused with a message naming the flag.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runOptions } from './run.js';
import { InvalidOptionError, resolveOptions } from '../arbiter/options.js';

const opts = async (...args: string[]) => {
  const o = await runOptions([...args, '--', 'worker'], {});
  if (o === 'help') throw new Error('help');
  return o;
};

test('--handshake-timeout, --ready-timeout, --kill-delay, --min-uptime: seconds to ms', async () => {
  const o = await opts('--handshake-timeout', '2', '--ready-timeout', '4.5', '--kill-delay', '0.25', '--min-uptime', '0');
  assert.is(o.handshakeTimeoutMs, 2000);
  assert.is(o.readyTimeoutMs, 4500);
  assert.is(o.killDelayMs, 250);
  assert.is(o.minUptimeMs, 0);
  const r = resolveOptions({ ...o, workers: 1 });
  assert.equal([r.readyTimeoutMs, r.killDelayMs, r.minUptimeMs], [4500, 250, 0]);
});

test('unset: the defaults stand', async () => {
  const o = await opts();
  assert.is(o.readyTimeoutMs, undefined);
  const r = resolveOptions({ ...o, workers: 1 });
  assert.equal([r.readyTimeoutMs, r.killDelayMs, r.minUptimeMs], [60_000, 2000, 1000]);
});

test('--access-log: alone the default format; with a FORMAT (the next argument holding an atom, or =FORMAT) that format', async () => {
  assert.is((await opts()).accessLog, undefined);
  assert.is((await opts('--access-log')).accessLog, true);
  assert.is((await opts('--access-log', '%(r)s %(s)s')).accessLog, '%(r)s %(s)s');
  assert.is((await opts('--access-log=%(h)s "%(r)s"', '-w', '2')).accessLog, '%(h)s "%(r)s"');
  const withApp = await runOptions(['--access-log', 'fixtures/apps/hello.mjs'], {});
  if (withApp === 'help') throw new Error('help');
  assert.is(withApp.accessLog, true, 'an app module after the flag is not taken for a format');
  assert.ok(withApp.command?.some((a) => a.endsWith('hello.mjs')));
  assert.is(resolveOptions({ ...(await opts('--access-log')), workers: 1 }).accessLog, '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"');
  const bad = await opts('--access-log', '%(nope)s');
  assert.throws(() => resolveOptions({ ...bad, workers: 1 }), /options\.accessLog: at offset 0: unknown atom/);
});

test('the command line wins over CORRAL_CMD_ARGS', async () => {
  const o = await runOptions(['--kill-delay', '3', '--', 'worker'], { CORRAL_CMD_ARGS: '--kill-delay 1 --min-uptime 5' });
  if (o === 'help') throw new Error('help');
  assert.is(o.killDelayMs, 3000);
  assert.is(o.minUptimeMs, 5000);
});

for (const [flag, value] of [['ready-timeout', 'soon'], ['kill-delay', '-1'], ['min-uptime', ''], ['handshake-timeout', 'NaN']] as const) {
  test(`--${flag} ${JSON.stringify(value)} is refused, naming the flag`, async () => {
    const err = await opts(`--${flag}=${value}`).catch((e: Error) => e);
    assert.instance(err, InvalidOptionError);
    assert.match((err as Error).message, new RegExp(`^--${flag} must be a non-negative number of seconds`));
  });
}

test('out of range after conversion: resolveOptions names the option', async () => {
  const o = await opts('--ready-timeout', '0.001');
  assert.throws(() => resolveOptions({ ...o, workers: 1 }), /options\.readyTimeoutMs must be an integer >= 10, got 1/);
});

test('--metrics HOST:PORT, or a port alone for 127.0.0.1; resolveOptions checks it', async () => {
  assert.is((await opts('--metrics', '0.0.0.0:9100')).metrics, '0.0.0.0:9100');
  assert.is((await opts('--metrics', '9100')).metrics, '127.0.0.1:9100');
  assert.is((await opts()).metrics, undefined);
  const bad = await opts('--metrics', 'nowhere');
  assert.throws(() => resolveOptions({ ...bad, workers: 1 }), /options\.metrics must be HOST:PORT/);
});

test('--worker-output prefix|inherit; resolveOptions names a bad one', async () => {
  assert.is((await opts('--worker-output', 'inherit')).workerOutput, 'inherit');
  assert.is(resolveOptions({ ...(await opts()), workers: 1 }).workerOutput, 'prefix');
  const bad = await opts('--worker-output', 'raw');
  assert.throws(() => resolveOptions({ ...bad, workers: 1 }), /options\.workerOutput must be one of prefix, inherit, got "raw"/);
});

test.run();

test('--tasks [NAME=]MODULE[:N] and the task flags; --tasks alone is a pool of task workers that binds nothing', async () => {
  const o = await opts('--tasks', 'img=./images.mjs:2', '--tasks', './llm.mjs', '--task-workers', '3', '--task-capacity', '8', '--max-queue', '50',
    '--task-grace', '1.5', '--task-max-jobs', '100', '--task-max-jobs-jitter', '10', '--task-max-rss', '512', '--task-command', 'python3  w.py', '--tasks-address-file', '/tmp/a');
  assert.equal(o.tasks, [{ name: 'img', module: './images.mjs', workers: 2 }, { name: 'llm', module: './llm.mjs' }]);
  assert.equal(o.taskCommand, ['python3', 'w.py']);
  const r = resolveOptions({ ...o, workers: 1 });
  assert.equal([r.taskWorkers, r.taskCapacity, r.maxQueue, r.taskGraceMs, r.taskMaxJobs, r.taskMaxJobsJitter, r.taskMaxRssMb, r.tasksAddressFile], [3, 8, 50, 1500, 100, 10, 512, '/tmp/a']);
  const only = await runOptions(['--tasks', './jobs.mjs:2'], {});
  assert.ok(only !== 'help');
  const ro = resolveOptions(only as object);
  assert.equal([ro.workers, ro.taskWorkers, ro.command], [0, 2, []]);
});

test('bad task options name the option', async () => {
  const bad = (o: object, re: RegExp) => assert.throws(() => resolveOptions({ command: ['w'], workers: 1, ...o }), (e: Error) => e instanceof InvalidOptionError && re.test(e.message));
  bad({ tasks: [{ name: 'a.b', module: 'x' }] }, /app name "a\.b"/);
  bad({ tasks: ['a=x', 'a=y'] }, /listed twice/);
  bad({ tasks: [{ name: 'a', module: 'x', workers: 3 }], taskWorkers: 2 }, /asks for 3 workers but options.taskWorkers is 2/);
  bad({ tasks: ['x'], taskStreamWindow: 0 }, /options.taskStreamWindow/);
  bad({ tasks: ['x'], taskCommand: [] }, /options.taskCommand/);
  assert.not.throws(() => resolveOptions({ tasks: ['x'] as never }));
});
