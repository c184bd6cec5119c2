import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as net from 'node:net';
import { corral } from '../protocol/codec.js';
import { frameHeader } from '../protocol/framer.js';
import { serve } from './index.js';
import { duplexPair, harness, rejects, sleep, start, until } from './test-support.js';

const { GoodbyeReason, ErrorCode, AcceptStrategy } = corral.v1;

test('handshake: Hello describes the worker, Welcome is answered by Ready', async () => {
  const h = await start({ serve: { capacity: 12 } });
  const b = h.hello.body;
  assert.equal(b.versions.map((v) => [v.major, v.minor]), [[1, 0]]);
  assert.is(b.kind, corral.v1.WorkerKind.WORKER_KIND_SOCKET);
  assert.is(b.pid, process.pid);
  assert.equal(b.features, ['accept.arbiter', 'accept.shared', 'accept.exclusive', 'accept.reuseport', 'accept.handoff', 'load-report']);
  assert.is(b.maxFrameBytes, 65536);
  assert.match(b.implementation, /^corral-node\/\d+\.\d+\.\d+/);
  assert.is(b.capacity, 12);
  assert.is(h.worker.id, 7);
  assert.is(h.worker.strategy, 'shared');
  h.worker.stop();
});

test('handshake: VERSION_MISMATCH from the arbiter -> exit 3, serve() rejects', async () => {
  const h = harness();
  await h.arbiter.next('hello');
  h.arbiter.send({ kind: 'error', body: { code: ErrorCode.ERROR_CODE_VERSION_MISMATCH, message: 'no common major', fatal: true } });
  await rejects(h.served);
  assert.equal(h.exits, [3]);
  assert.match(h.stderr.join(''), /no common major/);
});

test('handshake: no Welcome within the timeout -> exit 3', async () => {
  const h = harness({ serve: { handshakeTimeoutMs: 30 } });
  await h.arbiter.next('hello');
  await rejects(h.served);
  assert.equal(h.exits, [3]);
  assert.match(h.stderr.join(''), /no Welcome .* within 30 ms/);
});

test('handshake: a message other than Welcome first -> fatal UNEXPECTED_MESSAGE, exit 3', async () => {
  const h = harness();
  await h.arbiter.next('hello');
  h.arbiter.send({ kind: 'drain', body: { deadlineMs: 10 } });
  const err = await h.arbiter.next('error');
  assert.is(err.body.code, ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE);
  assert.is(err.body.fatal, true);
  await rejects(h.served);
  assert.equal(h.exits, [3]);
});

test('handshake: Welcome with another major version -> exit 3', async () => {
  const h = harness();
  await h.arbiter.next('hello');
  h.arbiter.send({ kind: 'welcome', body: { version: { major: 2, minor: 0 }, strategy: AcceptStrategy.ACCEPT_STRATEGY_SHARED } });
  const err = await h.arbiter.next('error');
  assert.is(err.body.code, ErrorCode.ERROR_CODE_VERSION_MISMATCH);
  await rejects(h.served);
  assert.equal(h.exits, [3]);
});

test('handshake: control channel closed before Welcome -> exit 3', async () => {
  const h = harness();
  await h.arbiter.next('hello');
  h.arbiter.channel.close();
  await rejects(h.served);
  assert.equal(h.exits, [3]);
});

test('bad environment -> exit 3 with the variable named', async () => {
  const saved = process.env.CORRAL_CONTROL_FD;
  delete process.env.CORRAL_CONTROL_FD;
  try {
    const [w] = duplexPair();
    const exits: number[] = [];
    const stderr: string[] = [];
    await rejects(serve(new net.Server(), { control: w, exit: (c) => exits.push(c), stderr: (t) => stderr.push(t), signals: null }));
    assert.equal(exits, [3]);
    assert.match(stderr.join(''), /CORRAL_CONTROL_FD/);
  } finally {
    if (saved !== undefined) process.env.CORRAL_CONTROL_FD = saved;
  }
});

test('options are checked and named', async () => {
  const err = await serve(new net.Server(), { capacity: -1 }).catch((e: Error & { code?: string }) => e);
  assert.instance(err, Error);
  assert.is((err as { code?: string }).code, 'CORRAL_ERR_INVALID_OPTION');
  assert.match((err as Error).message, /options\.capacity/);
  const err2 = await serve({} as net.Server).catch((e: Error) => e);
  assert.match((err2 as Error).message, /server must be/);
});

test('Welcome strategy wins over CORRAL_ACCEPT', async () => {
  const h = await start({ env: { strategy: 'shared' }, welcome: { strategy: AcceptStrategy.ACCEPT_STRATEGY_EXCLUSIVE } });
  assert.is(h.worker.strategy, 'exclusive');
  assert.ok(h.native.watchers.every((w) => w.exclusive));
  assert.match(h.stderr.join(''), /using exclusive/);
  h.worker.stop();
});

test('heartbeats carry time, load and totals', async () => {
  const h = await start({ welcome: { heartbeatIntervalMs: 20 } });
  h.native.enqueue(3, 100, 101);
  h.native.fire(3);
  h.native.fire(3);
  h.sockets.close(100);
  await until(() => h.worker.stats.inFlight === 1);
  const hb = await h.arbiter.nextOf('heartbeat');
  assert.is(hb.body.timeMs, 1000);
  assert.is(hb.body.inFlight, 1);
  assert.is(hb.body.capacity, 1000);
  assert.is(hb.body.acceptedTotal, 2);
  assert.is(hb.body.requestsTotal, 0);
  h.worker.stop();
});

test('unknown message type is answered with Error 200 and the worker carries on', async () => {
  const h = await start();
  // Envelope field 50, length-delimited, empty: tag (50<<3|2) = 0x92 0x03, length 0.
  const payload = Buffer.from([0x92, 0x03, 0x00]);
  h.arbiter.writeRaw(Buffer.concat([frameHeader(payload.length), payload]));
  const err = await h.arbiter.next('error');
  assert.is(err.body.code, ErrorCode.ERROR_CODE_UNKNOWN_MESSAGE);
  assert.is(err.body.messageType, 50);
  assert.is(err.body.fatal, false);
  h.arbiter.send({ kind: 'stop', body: { reason: 'test' } });
  const bye = await h.arbiter.next('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_STOPPED);
});

test('an arbiter-bound message from the arbiter is answered with a non-fatal UNEXPECTED_MESSAGE', async () => {
  const h = await start();
  h.arbiter.send({ kind: 'heartbeat', body: { inFlight: 1 } });
  const err = await h.arbiter.next('error');
  assert.is(err.body.code, ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE);
  assert.is(err.body.fatal, false);
  assert.equal(h.exits, []);
  h.worker.stop();
});

test('Stop -> Goodbye STOPPED, exit 0 at once', async () => {
  const h = await start();
  h.native.enqueue(3, 100);
  h.native.fire(3);
  h.arbiter.send({ kind: 'stop', body: { reason: 'bye' } });
  const bye = await h.arbiter.next('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_STOPPED);
  assert.is(bye.body.acceptedTotal, 1);
  assert.equal(h.exits, [0]);
  assert.ok(h.native.watchers.every((w) => !w.active));
});

test('SIGINT and SIGQUIT stop at once; SIGTERM drains', async () => {
  for (const sig of ['SIGINT', 'SIGQUIT']) {
    const h = await start();
    h.signals.emit(sig);
    const bye = await h.arbiter.next('goodbye');
    assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_STOPPED);
    assert.is(bye.body.detail, sig);
    assert.equal(h.exits, [0]);
    assert.is(h.signals.listenerCount(sig), 0, 'handlers removed on exit');
  }
  const h = await start();
  h.signals.emit('SIGTERM');
  const bye = await h.arbiter.next('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_DRAINED);
  await until(() => h.exits.length > 0);
  assert.equal(h.exits, [0]);
});

test('Drain waits for in-flight connections, then Goodbye DRAINED and exit 0', async () => {
  let hookCalled = 0;
  const h = await start({ serve: { onDrain: () => void hookCalled++ } });
  h.native.enqueue(3, 100, 101);
  h.native.fire(3);
  h.native.fire(3);
  h.arbiter.send({ kind: 'drain', body: { deadlineMs: 5000 } });
  await sleep(20);
  assert.is(hookCalled, 1);
  assert.equal(h.arbiter.pending().filter((m) => m.kind === 'goodbye'), []);
  assert.ok(h.native.watchers.every((w) => !w.active), 'no longer accepting');
  h.sockets.close(100);
  await sleep(10);
  assert.equal(h.exits, []);
  h.sockets.close(101);
  const bye = await h.arbiter.nextOf('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_DRAINED);
  assert.is(bye.body.acceptedTotal, 2);
  await until(() => h.exits.length > 0);
  assert.equal(h.exits, [0]);
});

test('Drain deadline: Goodbye and exit 0 even with connections still open', async () => {
  const h = await start();
  h.native.enqueue(3, 100);
  h.native.fire(3);
  h.arbiter.send({ kind: 'drain', body: { deadlineMs: 60 } });
  const bye = await h.arbiter.nextOf('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_DRAINED);
  assert.match(bye.body.detail, /deadline passed with 1 connections/);
  await until(() => h.exits.length > 0);
  assert.equal(h.exits, [0]);
});

test('control channel EOF -> exit 1 "arbiter went away"; while draining -> exit 0', async () => {
  const h = await start();
  h.arbiter.channel.close();
  await until(() => h.exits.length > 0);
  assert.equal(h.exits, [1]);
  assert.match(h.stderr.join(''), /arbiter went away/);

  const d = await start();
  d.native.enqueue(3, 100);
  d.native.fire(3);
  d.arbiter.send({ kind: 'drain', body: { deadlineMs: 5000 } });
  await sleep(10);
  d.arbiter.channel.close();
  await until(() => d.exits.length > 0);
  assert.equal(d.exits, [0]);
});

test('shared: one accept per readiness; would-block counted; capacity pauses and resumes polling', async () => {
  const h = await start({ serve: { capacity: 2 } });
  assert.equal(h.native.watchers.map((w) => [w.fd, w.exclusive, w.active]), [[3, false, true], [4, false, true]]);
  h.native.enqueue(3, 100, 101, 102);
  h.native.fire(3);
  assert.is(h.worker.stats.inFlight, 1);
  h.native.fire(4); // the herd: woken, nothing to accept
  assert.is(h.worker.stats.inFlight, 1);
  h.native.fire(3);
  assert.is(h.worker.stats.inFlight, 2);
  assert.ok(h.native.watchers.every((w) => !w.active), 'paused at capacity');
  assert.is(h.native.fire(3), false);
  h.sockets.close(100);
  await until(() => h.native.watchers.every((w) => w.active));
  h.native.fire(3);
  assert.is(h.worker.stats.acceptedTotal, 3);
  h.worker.stop();
});

test('reuseport behaves as shared on its own fds', async () => {
  const h = await start({ env: { strategy: 'reuseport' }, welcome: { strategy: AcceptStrategy.ACCEPT_STRATEGY_REUSEPORT } });
  assert.equal(h.native.watchers.map((w) => [w.fd, w.exclusive]), [[3, false], [4, false]]);
  h.native.enqueue(4, 100);
  h.native.fire(4);
  assert.is(h.worker.stats.acceptedTotal, 1);
  h.worker.stop();
});

test('runtimes on injected control streams coexist (only the real process state is unique)', async () => {
  const a = await start();
  const b = await start();
  a.worker.stop();
  b.worker.stop();
  assert.equal([...a.exits, ...b.exits], [0, 0]);
});

test.run();
