import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { defaultWorkers, parseBind, resolveOptions } from './options.js';

const base = { command: ['node', 'app.mjs'], workers: 2 };

test('defaults', () => {
  const o = resolveOptions(base);
  assert.equal(o.bind, ['127.0.0.1:8000']);
  assert.is(o.accept, 'arbiter');
  assert.is(o.timeout, 30);
  assert.is(o.workers, 2);
});

test("workers' output: prefixed by default, lines cut at 16 KiB", () => {
  const o = resolveOptions(base);
  assert.is(o.workerOutput, 'prefix');
  assert.is(o.workerLineBytes, 16 * 1024);
  assert.is(resolveOptions({ ...base, workerOutput: 'inherit', workerLineBytes: '1024' as unknown as number }).workerLineBytes, 1024);
});

test('accessLog: off by default, true is Gunicorn\'s default format, a bad format is refused naming the option', () => {
  assert.is(resolveOptions(base).accessLog, undefined);
  assert.is(resolveOptions({ ...base, accessLog: false }).accessLog, undefined);
  assert.is(resolveOptions({ ...base, accessLog: true }).accessLog, '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"');
  assert.is(resolveOptions({ ...base, accessLog: '%(r)s %(s)s %({x-request-id}i)s %(D)s' }).accessLog, '%(r)s %(s)s %({x-request-id}i)s %(D)s');
  for (const [bad, why] of [['%(z)s', /unknown atom %\(z\)s/], ['no atoms', /no atom/], ['%(r)s 100%', /offset 9/], ['%(r)s\n', /printable ASCII/], ['%({bad header}i)s', /not a header name/], [7, /a format string or a boolean/]] as const) {
    assert.throws(() => resolveOptions({ ...base, accessLog: bad as string }), (e: Error) => /^options\.accessLog/.test(e.message) && why.test(e.message), String(bad));
  }
});

test('numeric strings are accepted (CLI and env values)', () => {
  const o = resolveOptions({ ...base, workers: '4' as unknown as number, timeout: '2.5' as unknown as number });
  assert.is(o.workers, 4);
  assert.is(o.timeout, 2.5);
});

for (const [opts, msg] of [
  [{ workers: 0 }, 'options.workers must be a positive integer'],
  [{ workers: 'abc' }, 'got "abc"'],
  [{ accept: 'round-robin' }, 'options.accept must be one of arbiter, shared, exclusive, reuseport, handoff'],
  [{ timeout: -1 }, 'options.timeout must be a non-negative number of seconds'],
  [{ bind: [] }, 'options.bind must list at least one address'],
  [{ bind: ['nowhere'] }, 'options.bind: "nowhere" must be HOST:PORT'],
  [{ bind: ['127.0.0.1:70000'] }, 'out of range'],
  [{ command: [] }, 'options.command must be a non-empty array'],
  [{ plain: true, accept: 'arbiter' }, 'options.accept must be shared or reuseport for plain workers'],
  [{ hooks: { on_starting: 5 } }, 'options.hooks.on_starting must be a function'],
  [{ timeout: 1.5, heartbeatIntervalMs: 1000 }, 'must be at least twice the heartbeat interval'],
  [{ readyTimeoutMs: 5 }, 'options.readyTimeoutMs must be an integer >= 10'],
  [{ readyTimeoutMs: 3000, handshakeTimeoutMs: 4000 }, 'options.readyTimeoutMs (3000 ms) must be at least options.handshakeTimeoutMs (4000 ms)'],
  [{ killDelayMs: -1 }, 'options.killDelayMs must be a non-negative integer'],
  [{ minUptimeMs: 1.5 }, 'options.minUptimeMs must be a non-negative integer'],
  [{ workerLogBurst: -1 }, 'options.workerLogBurst must be a non-negative integer'],
  [{ workerLogIntervalMs: 50 }, 'options.workerLogIntervalMs must be an integer >= 100'],
  [{ workerOutput: 'raw' }, 'options.workerOutput must be one of prefix, inherit'],
  [{ workerLineBytes: 100 }, 'options.workerLineBytes must be an integer >= 256 no larger than 1048576'],
] as const) {
  test(`rejects ${JSON.stringify(opts)}`, () => {
    try {
      resolveOptions({ ...base, ...(opts as object) } as never);
      assert.unreachable('should have thrown');
    } catch (err) {
      assert.is((err as { code?: string }).code, 'CORRAL_ERR_INVALID_OPTION');
      assert.ok((err as Error).message.includes(msg), (err as Error).message);
    }
  });
}

test('readyTimeoutMs: 60 s by default, never below a raised handshake timeout unless set', () => {
  assert.is(resolveOptions(base).readyTimeoutMs, 60_000);
  assert.is(resolveOptions({ ...base, handshakeTimeoutMs: 120_000 }).readyTimeoutMs, 120_000);
  assert.is(resolveOptions({ ...base, handshakeTimeoutMs: 2000, readyTimeoutMs: 4000 }).readyTimeoutMs, 4000);
});

test('parseBind forms', () => {
  assert.equal(parseBind('127.0.0.1:80'), { kind: 'tcp', host: '127.0.0.1', port: 80, text: '127.0.0.1:80' });
  assert.equal(parseBind('[::1]:8080'), { kind: 'tcp', host: '::1', port: 8080, text: '[::1]:8080' });
  assert.equal(parseBind(':9000'), { kind: 'tcp', host: '0.0.0.0', port: 9000, text: ':9000' });
  assert.equal(parseBind('localhost:1'), { kind: 'tcp', host: '127.0.0.1', port: 1, text: 'localhost:1' });
  assert.equal(parseBind('unix:/tmp/x.sock'), { kind: 'unix', path: '/tmp/x.sock', text: 'unix:/tmp/x.sock' });
  assert.equal(parseBind('fd://3'), { kind: 'fd', fd: 3, text: 'fd://3' });
});

test('WEB_CONCURRENCY sets the default worker count', () => {
  assert.is(defaultWorkers({ WEB_CONCURRENCY: '7' }), 7);
  assert.throws(() => defaultWorkers({ WEB_CONCURRENCY: 'x' }), /WEB_CONCURRENCY must be a positive integer/);
  assert.ok(defaultWorkers({}) >= 1);
});

test.run();
