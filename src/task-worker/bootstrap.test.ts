import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { corral } from '../protocol/codec.js';
import { duplexPair, FakeArbiter } from '../worker/test-support.js';
import { bootTaskWorker, parseArgs } from './bootstrap.js';
import { readTaskEnvironment } from './environment.js';
import { taskWelcome, until, WORKER_ID } from './test-support.js';

const { ErrorCode } = corral.v1;
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/tasks');

test('parseArgs: --capacity N and name=module pairs; clear errors otherwise', () => {
  assert.equal(parseArgs(['--capacity', '4', 'a=x.mjs', 'b=y.mjs']), { capacity: 4, apps: [{ name: 'a', module: 'x.mjs' }, { name: 'b', module: 'y.mjs' }] });
  assert.equal(parseArgs(['--capacity=0', 'a=x.mjs=z']), { capacity: 0, apps: [{ name: 'a', module: 'x.mjs=z' }] });
  assert.is(parseArgs(['a=x.mjs']).capacity, 16);
  for (const [args, re] of [
    [[], /no app/],
    [['x.mjs'], /not name=module/],
    [['--capacity'], /needs a value/],
    [['--capacity', '-1', 'a=x'], /whole number/],
    [['--capacity', '01', 'a=x'], /whole number/],
    [['--frobnicate', 'a=x'], /unknown option/],
    [['a b=x'], /app name/],
    [['a='], /names no module/],
    [['a=x', 'a=y'], /twice/],
  ] as const) {
    assert.throws(() => parseArgs(args), re as RegExp, JSON.stringify(args));
  }
});

test('readTaskEnvironment: fd 3, no listeners, no CORRAL_ACCEPT [ENV-11, ENV-17, ENV-18]', () => {
  const ok = { CORRAL_PROTOCOL: '1', CORRAL_CONTROL_FD: '3', CORRAL_WORKER_ID: '5', CORRAL_ARBITER_PID: '1' };
  const yes = () => true;
  assert.equal(readTaskEnvironment(ok, yes), { controlFd: 3, workerId: 5 });
  for (const [over, re] of [
    [{ CORRAL_PROTOCOL: undefined }, /not set/],
    [{ CORRAL_PROTOCOL: '2' }, /protocol 1 only/],
    [{ CORRAL_ACCEPT: 'shared' }, /task worker/],
    [{ LISTEN_FDS: '1' }, /task worker/],
    [{ CORRAL_CONTROL_FD: '4' }, /must be 3/],
    [{ CORRAL_WORKER_ID: '0' }, /worker id/],
    [{ CORRAL_WORKER_ID: '05' }, /decimal/],
    [{ CORRAL_ARBITER_PID: undefined }, /CORRAL_ARBITER_PID is not set/],
  ] as const) {
    assert.throws(() => readTaskEnvironment({ ...ok, ...over }, yes), re as RegExp, JSON.stringify(over));
  }
  assert.throws(() => readTaskEnvironment(ok, () => false), /not an open socket/);
});

function boot(args: string[]) {
  const [w, a] = duplexPair();
  const arbiter = new FakeArbiter(a);
  const exits: number[] = [];
  const stderr: string[] = [];
  const booted = bootTaskWorker({
    args, environment: { controlFd: 3, workerId: WORKER_ID }, control: w, exit: (c) => exits.push(c), stderr: (t) => stderr.push(t), signals: null, cwd: fixtures,
  });
  return { arbiter, exits, stderr, booted };
}

test('boot: Hello names the apps; after Welcome each app loads and init() runs once; then Ready', async () => {
  const b = boot(['--capacity', '3', 'echo=echo.mjs', 'counter=counter.mjs']);
  const hello = await b.arbiter.next('hello');
  assert.equal(hello.body.apps, ['echo', 'counter']);
  assert.is(hello.body.capacity, 3);
  b.arbiter.send({ kind: 'welcome', body: taskWelcome() });
  const ready = await b.arbiter.nextOf('ready');
  assert.is(ready.body.capacity, 3);
  const runtime = await b.booted;
  assert.ok(runtime);
  b.arbiter.send({ kind: 'execute', body: { requestId: 1, name: 'counter.count', contentType: 'application/json' } });
  b.arbiter.send({ kind: 'execute', body: { requestId: 2, name: 'counter.count', contentType: 'application/json' } });
  const r1 = await b.arbiter.nextOf('result');
  const r2 = await b.arbiter.nextOf('result');
  const v = [r1, r2].map((r) => JSON.parse(Buffer.from(r.body.payload).toString()) as { inits: number; calls: number });
  assert.equal(v.map((x) => x.inits), [1, 1]);
  assert.equal(v.map((x) => x.calls).sort(), [1, 2]);
  runtime?.stop();
});

for (const [what, arg, re] of [
  ['fails to import', 't=throws.mjs', /fails at import/],
  ['has an init() that throws', 't=init-fails.mjs', /init\(\) failed/],
  ['names its app differently', 'other=echo.mjs', /names its app/],
  ['does not exist', 'x=no-such-module.mjs', /failed to load/],
] as const) {
  test(`boot: a module that ${what} is APP_LOAD (fatal) and exit 4 [HS-10, EXIT-3]`, async () => {
    const b = boot([arg]);
    await b.arbiter.next('hello');
    b.arbiter.send({ kind: 'welcome', body: taskWelcome() });
    const err = await b.arbiter.nextOf('error');
    assert.is(err.body.code, ErrorCode.ERROR_CODE_APP_LOAD);
    assert.is(err.body.fatal, true);
    assert.match(err.body.message, re);
    await until(() => b.exits.length > 0);
    assert.equal(b.exits, [4]);
    assert.not.ok(b.arbiter.received.some((m) => m.kind === 'ready'));
  });
}

test('boot: bad arguments are exit 3 before any Hello', async () => {
  const b = boot(['--capacity', 'lots', 'a=echo.mjs']);
  assert.is(await b.booted, undefined);
  assert.equal(b.exits, [3]);
  assert.match(b.stderr.join(''), /--capacity must be/);
  assert.equal(b.arbiter.received, []);
});

test.run();
