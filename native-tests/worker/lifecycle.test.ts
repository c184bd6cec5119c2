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
  test(`${sig}: Goodbye SIGNAL and exit 0 at once, with a request in flight [SIG-2, STOP-1, STOP-3]`, async () => {
    const { fd, port } = listen();
    const w = spawnWorker({ strategy: 'shared', listenFds: [fd] });
    await w.handshake();
    const inFlight = get(port, '/?sleep=5000', 8000).catch((e: Error) => e);
    await sleep(200);
    w.child.kill(sig);
    const bye = await w.arbiter!.nextOf('goodbye', 3000);
    assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_SIGNAL);
    assert.is(bye.body.detail, sig);
    assert.is(await within(w.exited, 3000, 'exit'), 0);
    assert.instance(await inFlight, Error, 'not waited for');
  });
}

test('SIGHUP and SIGPIPE are ignored [SIG-3, SIG-4]', async () => {
  const { fd, port } = listen();
  const w = spawnWorker({ strategy: 'shared', listenFds: [fd] });
  await w.handshake();
  w.child.kill('SIGHUP');
  w.child.kill('SIGPIPE');
  await sleep(200);
  assert.is(w.child.exitCode, null, 'still running');
  assert.is((await get(port)).body, `hello from ${w.pid}\n`);
  w.arbiter!.send({ kind: 'stop', body: {} });
  assert.is(await within(w.exited, 3000, 'exit'), 0);
});

test('control channel EOF: the arbiter is gone, exit 0 at once without Goodbye, "arbiter went away" [STOP-4, EXIT-1]', async () => {
  const { fd, port } = listen();
  const w = spawnWorker({ strategy: 'shared', listenFds: [fd] });
  await w.handshake();
  const inFlight = get(port, '/?sleep=5000', 8000).catch((e: Error) => e);
  await sleep(200);
  w.arbiter!.channel.destroy();
  assert.is(await within(w.exited, 3000, 'exit'), 0);
  assert.match(w.output(), /arbiter went away/);
  assert.equal(w.arbiter!.received.filter((m) => m.kind === 'goodbye'), []);
  assert.instance(await inFlight, Error, 'not waited for');
});

test('a fatal protocol error after Ready: Error, Goodbye ERROR, exit 1 [HS-15, ERR-10, EXIT-4]', async () => {
  const { fd } = listen();
  const w = spawnWorker({ strategy: 'shared', listenFds: [fd] });
  await w.handshake();
  w.arbiter!.send({ kind: 'ready', body: {} });
  const err = await w.arbiter!.nextOf('error', 3000);
  assert.equal([err.body.code, err.body.fatal], [ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, true]);
  const bye = await w.arbiter!.nextOf('goodbye', 3000);
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_ERROR);
  assert.is(await within(w.exited, 3000, 'exit'), 1);
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

test('bad environment: exit 3 naming the variable [ENV-17, ENV-18]', async () => {
  const w = spawnWorker({ strategy: 'shared', control: false });
  assert.is(await within(w.exited, 10_000, 'exit'), 3);
  assert.match(w.output(), /CORRAL_CONTROL_FD/);
  const v = spawnWorker({ strategy: 'shared', env: { CORRAL_ACCEPT: 'roundrobin' } });
  assert.is(await within(v.exited, 10_000, 'exit'), 3);
  assert.match(v.output(), /CORRAL_ACCEPT/);
  const p = spawnWorker({ strategy: 'shared', env: { CORRAL_PROTOCOL: '2' } });
  assert.is(await within(p.exited, 10_000, 'exit'), 3);
  assert.match(p.output(), /CORRAL_PROTOCOL="2"/);
  assert.equal(p.arbiter!.received, [], 'no Hello');
  const { fd } = listen();
  const q = spawnWorker({ strategy: 'shared', listenFds: [fd], env: { LISTEN_PID: '1' } });
  assert.is(await within(q.exited, 10_000, 'exit'), 3);
  assert.match(q.output(), /LISTEN_PID=1/);
});

test('the worker removes LISTEN_* and CORRAL_* from its environment; isWorker() stays true [ENV-20]', async () => {
  const { fd, port } = listen();
  const w = spawnWorker({ strategy: 'shared', listenFds: [fd], args: ['--import', 'tsx', bootstrap, join(root, 'native-tests/worker/env-app.mjs')] });
  await w.handshake();
  const r = await get(port);
  assert.equal(JSON.parse(r.body), { left: [], isWorker: true });
  w.arbiter!.send({ kind: 'stop', body: {} });
  await within(w.exited, 3000, 'exit');
});

test('a slow app: Hello at once, heartbeats after Welcome while it loads, then Ready [LIVE-4, HS-11]', async () => {
  const { fd, port } = listen();
  const w = spawnWorker({ strategy: 'shared', listenFds: [fd], env: { SLOW_APP_MS: '1500' }, args: ['--import', 'tsx', bootstrap, join(root, 'native-tests/worker/slow-app.mjs')] });
  await w.handshake({ heartbeatIntervalMs: 100 });
  const beforeReady = w.arbiter!.received.slice(0, w.arbiter!.received.findIndex((m) => m.kind === 'ready'));
  assert.equal(beforeReady[0]?.kind, 'hello');
  assert.ok(beforeReady.filter((m) => m.kind === 'heartbeat').length >= 2, `heartbeats before Ready: ${beforeReady.map((m) => m.kind).join(', ')}`);
  assert.ok(beforeReady.every((m) => m.kind === 'hello' || m.kind === 'heartbeat'));
  assert.is((await get(port)).body, `slow app ${w.pid}\n`);
  w.arbiter!.send({ kind: 'stop', body: {} });
  await within(w.exited, 3000, 'exit');
});

test('the app fails to load: Error APP_LOAD (fatal), exit 4 [HS-10, EXIT-3]', async () => {
  const w = spawnWorker({ strategy: 'shared', args: ['--import', 'tsx', bootstrap, join(tmp, 'missing-app.mjs')] });
  const hello = await w.arbiter!.next('hello', 10_000);
  assert.is(hello.body.pid, w.pid);
  const e = await w.arbiter!.nextOf('error', 10_000);
  assert.equal([e.body.code, e.body.fatal], [ErrorCode.ERROR_CODE_APP_LOAD, true]);
  assert.is(await within(w.exited, 10_000, 'exit'), 4);
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
  await w.handshake();
  const ready = w.arbiter!.received.find((m) => m.kind === 'ready');
  assert.is(ready?.kind === 'ready' && ready.body.capacity, 5, 'the app\'s own options');
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
