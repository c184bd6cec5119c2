// Drain, stop, signals, exit codes and the bootstrap, with the worker as a
// real process and the test as its arbiter.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import http from 'node:http';
import * as net from 'node:net';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as native from '../../src/transport/native.js';
import { corral } from '../../src/protocol/codec.js';
import { bootstrap, get, helloApp, killAll, root, sleep, spawnWorker, within } from './harness.js';

const { GoodbyeReason, ErrorCode } = corral.v1;

const opened: number[] = [];
function listen(): { fd: number; port: number } {
  const fd = native.listen({ host: '127.0.0.1', port: 0 });
  opened.push(fd);
  return { fd, port: native.localAddress(fd).port };
}

const tmp = mkdtempSync(join(tmpdir(), 'corral-worker-native-'));

test.after.each(() => {
  killAll();
  for (const fd of opened.splice(0)) {
    try {
      native.close(fd);
    } catch {
      // already closed
    }
  }
});
test.after(() => rmSync(tmp, { recursive: true, force: true }));

for (const via of ['Drain', 'SIGTERM'] as const) {
  test(`${via} with a request in flight: it completes (Connection: close), Goodbye DRAINED, exit 0`, async () => {
    const { fd, port } = listen();
    const w = spawnWorker({ strategy: 'shared', listenFds: [fd] });
    await w.handshake();
    const inFlight = get(port, '/?sleep=700');
    await sleep(250);
    if (via === 'Drain') w.arbiter!.send({ kind: 'drain', body: { deadlineMs: 5000, reason: 'test' } });
    else w.child.kill('SIGTERM');
    // Stopped accepting: a connection made now stays in the backlog.
    await sleep(100);
    const late = net.connect(port, '127.0.0.1');
    late.on('error', () => {});
    const r = await within(inFlight, 3000, 'in-flight response');
    assert.is(r.status, 200);
    assert.is(r.body, `hello from ${w.pid}\n`);
    assert.is(r.headers.connection, 'close');
    const bye = await w.arbiter!.nextOf('goodbye', 3000);
    assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_DRAINED);
    assert.is(bye.body.acceptedTotal, 1);
    assert.is(await within(w.exited, 3000, 'exit'), 0);
    await sleep(50);
    const left = native.acceptOne(fd);
    assert.ok(left, 'the connection made during the drain was left for others');
    native.close(left!.fd);
    late.destroy();
  });
}

test('Drain closes idle keep-alive connections instead of waiting for them', async () => {
  const { fd, port } = listen();
  const w = spawnWorker({ strategy: 'shared', listenFds: [fd] });
  await w.handshake();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const body = await new Promise<string>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
        let b = '';
        res.on('data', (d) => (b += d));
        res.on('end', () => resolve(b));
      }).on('error', reject);
    });
    assert.is(body, `hello from ${w.pid}\n`);
    const started = Date.now();
    w.arbiter!.send({ kind: 'drain', body: { deadlineMs: 20_000 } });
    const bye = await w.arbiter!.nextOf('goodbye', 3000);
    assert.is(bye.body.detail, '', 'drained, not cut off at the deadline');
    assert.is(await within(w.exited, 3000, 'exit'), 0);
    assert.ok(Date.now() - started < 2000, 'did not wait for the client to hang up');
  } finally {
    agent.destroy();
  }
});

test('Drain deadline: Goodbye and exit 0 with a request still running', async () => {
  const { fd, port } = listen();
  const w = spawnWorker({ strategy: 'shared', listenFds: [fd] });
  await w.handshake();
  const slow = get(port, '/?sleep=10000', 8000).catch((e: Error) => e);
  await sleep(200);
  const started = Date.now();
  w.arbiter!.send({ kind: 'drain', body: { deadlineMs: 800 } });
  const bye = await w.arbiter!.nextOf('goodbye', 3000);
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_DRAINED);
  assert.match(bye.body.detail, /deadline/);
  assert.is(await within(w.exited, 3000, 'exit'), 0);
  assert.ok(Date.now() - started < 800, 'Goodbye before the arbiter would kill');
  assert.instance(await slow, Error);
});

for (const sig of ['SIGINT', 'SIGQUIT'] as const) {
  test(`${sig}: Goodbye STOPPED and exit 0 at once`, async () => {
    const { fd } = listen();
    const w = spawnWorker({ strategy: 'shared', listenFds: [fd] });
    await w.handshake();
    w.child.kill(sig);
    const bye = await w.arbiter!.nextOf('goodbye', 3000);
    assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_STOPPED);
    assert.is(bye.body.detail, sig);
    assert.is(await within(w.exited, 3000, 'exit'), 0);
  });
}

test('control channel EOF: exit 1, "arbiter went away"', async () => {
  const { fd } = listen();
  const w = spawnWorker({ strategy: 'shared', listenFds: [fd] });
  await w.handshake();
  w.arbiter!.channel.destroy();
  assert.is(await within(w.exited, 3000, 'exit'), 1);
  assert.match(w.output(), /arbiter went away/);
});

test('heartbeats arrive at the negotiated interval and report the load', async () => {
  const { fd, port } = listen();
  const w = spawnWorker({ strategy: 'shared', listenFds: [fd] });
  await w.handshake({ heartbeatIntervalMs: 100 });
  await get(port);
  await get(port);
  await sleep(150);
  const hb = await w.arbiter!.nextOf('heartbeat', 2000);
  assert.is(hb.body.acceptedTotal, 2);
  assert.is(hb.body.requestsTotal, 2);
  assert.is(hb.body.inFlight, 0);
  assert.is(hb.body.capacity, 1000);
  w.arbiter!.send({ kind: 'stop', body: {} });
  assert.is(await within(w.exited, 3000, 'exit'), 0);
});

test('the process title names the worker', async () => {
  const { fd } = listen();
  const w = spawnWorker({ strategy: 'shared', listenFds: [fd], id: 42 });
  await w.handshake();
  await sleep(50);
  const cmdline = readFileSync(`/proc/${w.pid}/cmdline`, 'utf8').replace(/\0+$/, '').replaceAll('\0', ' ');
  assert.match(cmdline, /^corral worker 42/);
  w.arbiter!.send({ kind: 'stop', body: {} });
  await within(w.exited, 3000, 'exit');
});

test('VERSION_MISMATCH from the arbiter: exit 3', async () => {
  const w = spawnWorker({ strategy: 'shared' });
  await w.arbiter!.next('hello', 10_000);
  w.arbiter!.send({ kind: 'error', body: { code: ErrorCode.ERROR_CODE_VERSION_MISMATCH, message: 'no common major', fatal: true } });
  assert.is(await within(w.exited, 3000, 'exit'), 3);
  assert.match(w.output(), /no common major/);
});

test('bad environment: exit 3 naming the variable', async () => {
  const w = spawnWorker({ strategy: 'shared', control: false });
  assert.is(await within(w.exited, 10_000, 'exit'), 3);
  assert.match(w.output(), /CORRAL_CONTROL_FD/);
  const v = spawnWorker({ strategy: 'shared', env: { CORRAL_ACCEPT: 'roundrobin' } });
  assert.is(await within(v.exited, 10_000, 'exit'), 3);
  assert.match(v.output(), /CORRAL_ACCEPT/);
});

test('bootstrap: an app that fails to load or exports nothing servable exits 4', async () => {
  const missing = spawnWorker({ strategy: 'shared', args: ['--import', 'tsx', bootstrap, join(tmp, 'missing.mjs')] });
  assert.is(await within(missing.exited, 10_000, 'exit'), 4);
  assert.match(missing.output(), /failed to load/);
  const file = join(tmp, 'nothing.mjs');
  writeFileSync(file, 'export default 42;\n');
  const nothing = spawnWorker({ strategy: 'shared', args: ['--import', 'tsx', bootstrap, file] });
  assert.is(await within(nothing.exited, 10_000, 'exit'), 4);
  assert.match(nothing.output(), /must default-export an http\.Server, a net\.Server or a request handler, or call serve\(\)/);
});

test('bootstrap: an app that calls serve() itself is served once, with its options', async () => {
  const { fd, port } = listen();
  const app = join(root, 'native-tests/worker/self-serve.mjs');
  const w = spawnWorker({ strategy: 'shared', listenFds: [fd], args: ['--import', 'tsx', bootstrap, app] });
  const hello = await w.arbiter!.next('hello', 10_000);
  assert.is(hello.body.capacity, 5);
  w.arbiter!.send({ kind: 'welcome', body: { version: { major: 1, minor: 0 }, workerId: 1, strategy: corral.v1.AcceptStrategy.ACCEPT_STRATEGY_SHARED, heartbeatIntervalMs: 1000 } });
  await w.arbiter!.next('ready', 5000);
  const r = await get(port);
  assert.is(r.body, `self-served by ${w.pid}\n`);
  await sleep(200);
  assert.equal(w.arbiter!.pending().filter((m) => m.kind !== 'heartbeat'), [], 'no second Hello');
  assert.not.match(w.output(), /already called/);
  w.arbiter!.send({ kind: 'stop', body: {} });
  assert.is(await within(w.exited, 3000, 'exit'), 0);
});

test('systemd-plain.mjs: serves from LISTEN_FDS with no corral import, exits 0 on SIGTERM', async () => {
  const { fd, port } = listen();
  const app = join(root, 'fixtures/apps/systemd-plain.mjs');
  const w = spawnWorker({ strategy: 'shared', listenFds: [fd], control: false, args: [app] });
  // The listener exists before the app starts, so the connection just waits in the backlog.
  const r = await get(port, '/', 8000);
  assert.is(r.body, `hello from ${w.pid}\n`);
  w.child.kill('SIGTERM');
  assert.is(await within(w.exited, 3000, 'exit'), 0);
  const bare = spawnWorker({ strategy: 'shared', control: false, args: [app] });
  assert.is(await within(bare.exited, 5000, 'exit'), 1);
  assert.match(bare.output(), /LISTEN_FDS/);
});

test('hello.mjs: ?work=MS burns CPU before answering', async () => {
  const { fd, port } = listen();
  const w = spawnWorker({ strategy: 'shared', listenFds: [fd], args: ['--import', 'tsx', bootstrap, helloApp] });
  await w.handshake();
  const t0 = performance.now();
  const r = await get(port, '/?work=150');
  assert.is(r.body, `hello from ${w.pid}\n`);
  assert.ok(performance.now() - t0 >= 150);
  w.arbiter!.send({ kind: 'stop', body: {} });
  await within(w.exited, 3000, 'exit');
});

test.run();
