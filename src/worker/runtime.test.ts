import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as net from 'node:net';
import { corral, encodeFrame } from '../protocol/codec.js';
import { frameHeader } from '../protocol/framer.js';
import { PROTOCOL_VERSION } from '../protocol/limits.js';
import { prepare, serve } from './index.js';
import { duplexPair, environment, fakeWorld, harness, rejects, sleep, start, until, welcomeFor } from './test-support.js';

const { GoodbyeReason, ErrorCode, AcceptStrategy } = corral.v1;

/** Sends a Welcome built from the harness environment, with `over` applied. */
const welcome = (h: ReturnType<typeof harness>, over: Partial<corral.v1.Welcome.$Properties> = {}) =>
  h.arbiter.send({ kind: 'welcome', body: welcomeFor(h.env, over) });

/** Expects a fatal Error `code` from the worker and then its exit with `status`. */
async function expectFatal(h: ReturnType<typeof harness>, code: number, status: number) {
  const err = await h.arbiter.next('error');
  assert.is(err.body.code, code, `error code (${err.body.message})`);
  assert.is(err.body.fatal, true);
  await until(() => h.exits.length > 0);
  assert.equal(h.exits, [status]);
  return err;
}

// ---- handshake --------------------------------------------------------------

test('handshake: Hello describes the worker, Welcome is answered by Ready [HELLO-1..7, HS-8, HS-9]', async () => {
  const h = await start({ serve: { capacity: 12 } });
  const b = h.hello.body;
  assert.equal(b.versions.map((v) => [v.major, v.minor]), [[1, PROTOCOL_VERSION.minor]]);
  assert.is(b.kind, corral.v1.WorkerKind.WORKER_KIND_SOCKET);
  assert.is(b.pid, process.pid);
  assert.equal(b.features, ['accept.arbiter', 'accept.shared', 'accept.exclusive', 'accept.reuseport', 'accept.handoff', 'accept.revoke', 'accept.overlap', 'load-report', 'tasks.call', 'tasks.stream', 'tasks.flow']);
  assert.is(b.maxFrameBytes, 16 * 1024 * 1024, 'room for task payloads when it calls jobs');
  assert.match(b.implementation, /^corral-node\/\d+\.\d+\.\d+/);
  assert.is(b.capacity, 12);
  assert.is(h.worker.id, 7);
  assert.is(h.worker.strategy, 'shared');
  const ready = h.arbiter.received.find((m) => m.kind === 'ready');
  assert.is(ready?.kind === 'ready' && ready.body.capacity, 12);
  h.worker.stop();
});

test('handshake: a fatal Error (VERSION_MISMATCH) from the arbiter -> exit 3, nothing sent, serve() rejects [ERR-6, EXIT-2]', async () => {
  const h = harness();
  await h.arbiter.next('hello');
  h.arbiter.send({ kind: 'error', body: { code: ErrorCode.ERROR_CODE_VERSION_MISMATCH, message: 'no common major', fatal: true } });
  await rejects(h.served);
  assert.equal(h.exits, [3]);
  assert.match(h.stderr.join(''), /no common major/);
  await sleep(5);
  assert.equal(h.arbiter.pending(), [], 'an Error is never answered [ERR-8]');
});

test('handshake: a non-fatal Error is logged and the worker keeps waiting for Welcome, whatever the code [ERR-7, ERR-9]', async () => {
  const h = harness();
  await h.arbiter.next('hello');
  h.arbiter.send({ kind: 'error', body: { code: ErrorCode.ERROR_CODE_VERSION_MISMATCH, message: 'just saying', fatal: false } });
  await sleep(10);
  assert.equal(h.exits, []);
  assert.match(h.stderr.join(''), /just saying/);
  welcome(h);
  await h.served;
  await h.arbiter.next('ready');
  (await h.served).stop();
});

test('handshake: no Welcome within the timeout -> exit 3 [HS-7]', async () => {
  const h = harness({ serve: { handshakeTimeoutMs: 30 } });
  await h.arbiter.next('hello');
  await rejects(h.served);
  assert.equal(h.exits, [3]);
  assert.match(h.stderr.join(''), /no Welcome .* within 30 ms/);
});

test('handshake: a message other than Welcome first -> fatal UNEXPECTED_MESSAGE, no Goodbye, exit 3 [HS-6, HS-5]', async () => {
  const h = harness();
  await h.arbiter.next('hello');
  h.arbiter.send({ kind: 'drain', body: { deadlineMs: 10 } });
  await expectFatal(h, ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, 3);
  await rejects(h.served);
  await sleep(5);
  assert.equal(h.arbiter.pending(), [], 'nothing but Hello and the fatal Error before Welcome');
});

for (const [what, version] of [['another major', { major: 2, minor: 0 }], ['a minor above the one offered', { major: 1, minor: PROTOCOL_VERSION.minor + 1 }]] as const) {
  test(`handshake: Welcome with ${what} -> VERSION_MISMATCH, fatal, exit 3 [NEG-5]`, async () => {
    const h = harness();
    await h.arbiter.next('hello');
    welcome(h, { version });
    await expectFatal(h, ErrorCode.ERROR_CODE_VERSION_MISMATCH, 3);
    await rejects(h.served);
  });
}

test('handshake: Welcome.features with a feature Hello did not offer -> INVALID_FIELD, fatal, exit 3 [NEG-9]', async () => {
  const h = harness();
  await h.arbiter.next('hello');
  welcome(h, { features: ['accept.shared', 'tasks'] });
  const err = await expectFatal(h, ErrorCode.ERROR_CODE_INVALID_FIELD, 3);
  assert.match(err.body.message, /tasks/);
});

test('handshake: Welcome.strategy other than CORRAL_ACCEPT -> UNSUPPORTED_FEATURE, fatal, exit 3 [NEG-12]', async () => {
  const h = harness({ env: { strategy: 'shared' } });
  await h.arbiter.next('hello');
  welcome(h, { strategy: AcceptStrategy.ACCEPT_STRATEGY_EXCLUSIVE });
  const err = await expectFatal(h, ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, 3);
  assert.match(err.body.message, /CORRAL_ACCEPT=shared/);
  assert.equal(h.native.watchers, []);
});

test('handshake: Welcome.features without the strategy\'s own feature -> UNSUPPORTED_FEATURE, fatal [NEG-7]', async () => {
  const h = harness();
  await h.arbiter.next('hello');
  welcome(h, { features: ['load-report'] });
  await expectFatal(h, ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, 3);
});

const badWelcomes: [string, Partial<corral.v1.Welcome.$Properties>][] = [
  ['worker_id other than CORRAL_WORKER_ID [WELCOME-1]', { workerId: 8 }],
  ['heartbeat_interval_ms 0 [WELCOME-2]', { heartbeatIntervalMs: 0 }],
  ['heartbeat_timeout_ms below twice the interval [WELCOME-2]', { heartbeatIntervalMs: 1000, heartbeatTimeoutMs: 1500 }],
  ['generation 0 [WELCOME-7]', { generation: 0 }],
  ['max_frame_bytes above the offer [NEG-4]', { maxFrameBytes: 16 * 1024 * 1024 + 1 }],
  ['max_frame_bytes 0 [NEG-4]', { maxFrameBytes: 0 }],
  ['listeners other than LISTEN_FDS [WELCOME-3]', { listeners: [{ index: 0, name: 'a' }] }],
  ['an unknown strategy value [COMPAT-7]', { strategy: 9 as corral.v1.AcceptStrategy }],
];
for (const [what, over] of badWelcomes) {
  test(`handshake: Welcome with ${what} -> INVALID_FIELD, fatal, exit 3 [ERR-17]`, async () => {
    const h = harness();
    await h.arbiter.next('hello');
    welcome(h, over);
    await expectFatal(h, ErrorCode.ERROR_CODE_INVALID_FIELD, 3);
  });
}

test('handshake: Welcome and Drain in one read -> Ready, then the drain (the app was loaded before Welcome) [FRAME-1]', async () => {
  const h = harness();
  await h.arbiter.next('hello');
  await sleep(5); // serve() is waiting for Welcome
  h.arbiter.writeRaw(Buffer.concat([encodeFrame({ kind: 'welcome', body: welcomeFor(h.env) }), encodeFrame({ kind: 'drain', body: { deadlineMs: 1000 } })]));
  await h.arbiter.next('ready');
  const bye = await h.arbiter.next('goodbye');
  assert.equal([bye.body.reason, bye.body.detail], [GoodbyeReason.GOODBYE_REASON_DRAINED, '']);
  await until(() => h.exits.length > 0);
  assert.equal(h.exits, [0]);
});

test('handshake: control channel closed before Welcome -> exit 3 [EXIT-2]', async () => {
  const h = harness();
  await h.arbiter.next('hello');
  h.arbiter.channel.close();
  await rejects(h.served);
  assert.equal(h.exits, [3]);
});

test('bad environment -> exit 3 with the variable named [ENV-17, ENV-18, EXIT-2]', async () => {
  const saved = { ...process.env };
  const attempt = async () => {
    const [w] = duplexPair();
    const exits: number[] = [];
    const stderr: string[] = [];
    await rejects(serve(new net.Server(), { control: w, exit: (c) => exits.push(c), stderr: (t) => stderr.push(t), signals: null }));
    return { exits, stderr: stderr.join('') };
  };
  try {
    for (const k of Object.keys(process.env)) if (k.startsWith('CORRAL_') || k.startsWith('LISTEN_')) delete process.env[k];
    const none = await attempt();
    assert.equal(none.exits, [3]);
    assert.match(none.stderr, /CORRAL_CONTROL_FD/);
    Object.assign(process.env, { CORRAL_PROTOCOL: '2', CORRAL_CONTROL_FD: '3', CORRAL_WORKER_ID: '1', CORRAL_ACCEPT: 'shared', CORRAL_ARBITER_PID: '1' });
    const v2 = await attempt();
    assert.equal(v2.exits, [3]);
    assert.match(v2.stderr, /CORRAL_PROTOCOL="2"/);
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
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

// ---- between Welcome and Ready ------------------------------------------------

/** A prepared worker (the bootstrap's path), welcomed but not yet served. */
async function booting(o: Parameters<typeof fakeWorld>[0] = {}) {
  const world = fakeWorld(o);
  const prepared = prepare(world.options);
  await world.arbiter.next('hello');
  world.arbiter.send({ kind: 'welcome', body: welcomeFor(world.env, o.welcome) });
  return { ...world, prepared };
}

test('booting: heartbeats start at Welcome, before Ready, while the app loads [LIVE-3, LIVE-4]', async () => {
  const b = await booting({ welcome: { heartbeatIntervalMs: 20 } });
  const hb = await b.arbiter.next('heartbeat');
  assert.equal([hb.body.inFlight, hb.body.acceptedTotal], [0, 0]);
  const worker = await b.prepared.attach(b.server, { capacity: 3 });
  const ready = await b.arbiter.nextOf('ready');
  assert.is(ready.body.capacity, 3);
  worker.stop();
});

test('booting: Drain before Ready -> Goodbye DRAINED, exit 0, no Ready [DRAIN-9]', async () => {
  const b = await booting();
  b.arbiter.send({ kind: 'drain', body: { deadlineMs: 1000 } });
  const bye = await b.arbiter.next('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_DRAINED);
  await until(() => b.exits.length > 0);
  assert.equal(b.exits, [0]);
  await rejects(b.prepared.attach(b.server));
  assert.equal(b.arbiter.received.filter((m) => m.kind === 'ready'), []);
});

test('booting: AcceptGrant before Ready -> UNEXPECTED_MESSAGE, fatal, exit 3 [HS-13, HS-15]', async () => {
  const b = await booting({ env: { strategy: 'arbiter' } });
  b.arbiter.send({ kind: 'acceptGrant', body: { grantId: 1, listener: 0, maxAccepts: 1, leaseMs: 1000 } });
  const err = await b.arbiter.next('error');
  assert.equal([err.body.code, err.body.fatal], [ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, true]);
  await until(() => b.exits.length > 0);
  assert.equal(b.exits, [3]);
});

test('booting: the app fails to load -> Error APP_LOAD (fatal), Goodbye, exit 4 [HS-10, EXIT-3]', async () => {
  const b = await booting();
  b.prepared.appLoadFailed('boom at load');
  const err = await b.arbiter.next('error');
  assert.equal([err.body.code, err.body.fatal, err.body.message], [ErrorCode.ERROR_CODE_APP_LOAD, true, 'boom at load']);
  const bye = await b.arbiter.next('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_ERROR);
  await until(() => b.exits.length > 0);
  assert.equal(b.exits, [4]);
});

test('before Welcome: the app fails to load -> only the fatal Error APP_LOAD, exit 4 [HS-5]', async () => {
  const world = fakeWorld();
  const prepared = prepare(world.options);
  await world.arbiter.next('hello');
  prepared.appLoadFailed('no such module');
  const err = await world.arbiter.next('error');
  assert.equal([err.body.code, err.body.fatal], [ErrorCode.ERROR_CODE_APP_LOAD, true]);
  await until(() => world.exits.length > 0);
  assert.equal(world.exits, [4]);
  await sleep(5);
  assert.equal(world.arbiter.pending(), []);
});

// ---- after Ready ------------------------------------------------------------

test('heartbeats carry time, load and totals [LIVE-1, LIVE-5, LOAD-1, LOAD-2, LOAD-4]', async () => {
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

test('1.4: heartbeats carry wakeups_total and 17 latency_counts; a connection of a server that is not HTTP is counted at its close [LOAD-8, LOAD-9, LOAD-10]', async () => {
  const h = await start({ welcome: { heartbeatIntervalMs: 20, version: { major: 1, minor: 4 } } });
  assert.is(h.worker.stats.latencyCounts.length, 17);
  h.native.enqueue(3, 100, 101);
  h.native.fire(3);
  h.native.fire(3);
  h.native.fire(3); // the queue is empty: a wakeup that accepts nothing still counts
  h.clock.t += 3; // 3 ms: more than 2500 µs, at most 5000 µs, bucket 5
  h.sockets.close(100);
  await until(() => h.worker.stats.inFlight === 1);
  let hb = await h.arbiter.nextOf('heartbeat');
  // One may have been on its way before the connections came.
  while (hb.body.acceptedTotal < 2) hb = await h.arbiter.nextOf('heartbeat');
  assert.is(hb.body.wakeupsTotal, 3);
  assert.equal(hb.body.latencyCounts, [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(h.worker.stats.wakeupsTotal, 3);
  h.worker.stop();
});

test('1.3 negotiated: heartbeats carry neither wakeups_total nor latency_counts [COMPAT-8]', async () => {
  const h = await start({ welcome: { heartbeatIntervalMs: 20, version: { major: 1, minor: 3 } } });
  h.native.enqueue(3, 100);
  h.native.fire(3);
  h.sockets.close(100);
  await until(() => h.worker.stats.inFlight === 0);
  let hb = await h.arbiter.nextOf('heartbeat');
  while (hb.body.acceptedTotal < 1) hb = await h.arbiter.nextOf('heartbeat');
  assert.is(hb.body.wakeupsTotal, 0);
  assert.equal(hb.body.latencyCounts, []);
  assert.is(h.worker.stats.wakeupsTotal, 1, 'counted all the same');
  h.worker.stop();
});

test('load-report: an early heartbeat when in_flight reaches the capacity and when it falls below, at most one per 10 ms [LOAD-6, LOAD-7]', async () => {
  const h = await start({ serve: { capacity: 1 } });
  h.native.enqueue(3, 100, 101);
  h.native.fire(3);
  const full = await h.arbiter.next('heartbeat');
  assert.equal([full.body.inFlight, full.body.capacity], [1, 1]);
  // Freed at once (same clock reading): the report is deferred, not sent.
  let sentAtRelease = -1;
  const socket = h.sockets.byFd.get(100);
  socket?.once('close', () => {
    // Runs right after the worker's own 'close' handler.
    sentAtRelease = h.arbiter.received.length;
  });
  const before = h.arbiter.received.length;
  h.sockets.close(100);
  const free = await h.arbiter.next('heartbeat', 1000);
  assert.is(free.body.inFlight, 0);
  assert.is(sentAtRelease, before, 'nothing sent synchronously within 10 ms of the last early heartbeat');
  // Later than 10 ms by the worker's clock: sent at once.
  h.clock.t += 50;
  h.native.fire(3);
  const again = await h.arbiter.next('heartbeat', 1000);
  assert.is(again.body.inFlight, 1);
  h.worker.stop();
});

test('load-report: no early heartbeats unless negotiated', async () => {
  const h = await start({ serve: { capacity: 1 }, welcome: { features: ['accept.shared'] } });
  h.native.enqueue(3, 100);
  h.native.fire(3);
  await sleep(20);
  assert.equal(h.arbiter.pending(), []);
  h.worker.stop();
});

test('unknown message type is answered with Error 200 and the worker carries on [COMPAT-2]', async () => {
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

test('a message of a feature not negotiated (Execute) -> UNSUPPORTED_FEATURE, not fatal, ignored [ERR-18]', async () => {
  const h = await start();
  h.arbiter.send({ kind: 'execute', body: { requestId: 1, name: 'x' } });
  const err = await h.arbiter.next('error');
  assert.equal([err.body.code, err.body.fatal], [ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, false]);
  h.arbiter.send({ kind: 'drain', body: { deadlineMs: 1000 } });
  const bye = await h.arbiter.next('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_DRAINED);
});

for (const [what, message] of [
  ['a worker-to-arbiter message (Heartbeat) [HS-15]', { kind: 'heartbeat', body: { inFlight: 1 } }],
  ['a second Welcome [HS-14]', { kind: 'welcome', body: welcomeFor(environment()) }],
  ['a ConnectionHandoff on the control channel [HS-15]', { kind: 'handoff', body: { handoffId: 1 } }],
] as const) {
  test(`${what} -> UNEXPECTED_MESSAGE, fatal, Goodbye ERROR, exit 1 [ERR-10, EXIT-4, EXIT-5]`, async () => {
    const h = await start();
    h.arbiter.send(message);
    const err = await h.arbiter.next('error');
    assert.equal([err.body.code, err.body.fatal], [ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, true]);
    const bye = await h.arbiter.next('goodbye');
    assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_ERROR);
    await until(() => h.exits.length > 0);
    assert.equal(h.exits, [1]);
    await until(() => h.arbiter.closed, 2000, 'the channel closed');
  });
}

test('a frame above the negotiated limit -> FRAME_TOO_LARGE, fatal, then Goodbye ERROR, exit 1 [FRAME-5, NEG-15, ERR-10]', async () => {
  const h = await start({ welcome: { maxFrameBytes: 1024 } });
  h.arbiter.writeRaw(frameHeader(2000));
  const err = await h.arbiter.next('error');
  assert.equal([err.body.code, err.body.fatal], [ErrorCode.ERROR_CODE_FRAME_TOO_LARGE, true]);
  const bye = await h.arbiter.next('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_ERROR);
  await until(() => h.exits.length > 0);
  assert.equal(h.exits, [1]);
});

test('a non-fatal Error from the arbiter is logged and never answered [ERR-8, ERR-9]', async () => {
  const h = await start();
  h.arbiter.send({ kind: 'error', body: { code: 1500, message: 'fyi', fatal: false } });
  await sleep(10);
  assert.equal(h.arbiter.pending(), []);
  assert.match(h.stderr.join(''), /fyi/);
  assert.equal(h.exits, []);
  h.worker.stop();
});

test('a fatal Error from the arbiter after Ready -> close, exit 1, nothing sent [ERR-6, ERR-7]', async () => {
  const h = await start();
  h.arbiter.send({ kind: 'error', body: { code: 1500, message: 'you are done', fatal: true } });
  await until(() => h.exits.length > 0);
  assert.equal(h.exits, [1]);
  await sleep(5);
  assert.equal(h.arbiter.pending(), []);
});

test('Stop -> Goodbye STOPPED, exit 0 at once [STOP-1, STOP-2]', async () => {
  const h = await start();
  h.native.enqueue(3, 100);
  h.native.fire(3);
  h.arbiter.send({ kind: 'stop', body: { reason: 'bye' } });
  const bye = await h.arbiter.next('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_STOPPED);
  assert.is(bye.body.detail, 'bye');
  assert.is(bye.body.acceptedTotal, 1);
  assert.equal(h.exits, [0]);
  assert.ok(h.native.watchers.every((w) => !w.active));
});

test('SIGINT and SIGQUIT stop at once with Goodbye SIGNAL [SIG-2, STOP-3]', async () => {
  for (const sig of ['SIGINT', 'SIGQUIT']) {
    const h = await start();
    h.native.enqueue(3, 100);
    h.native.fire(3);
    h.signals.emit(sig);
    const bye = await h.arbiter.next('goodbye');
    assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_SIGNAL);
    assert.is(bye.body.detail, sig);
    assert.equal(h.exits, [0]);
    assert.is(h.signals.listenerCount(sig), 0, 'handlers removed on exit');
  }
});

test('SIGTERM drains as Drain{deadline_ms: 0}: no deadline of its own [SIG-1, DRAIN-1]', async () => {
  const h = await start({ serve: { gracefulTimeoutMs: 20 }, welcome: { features: ['accept.shared'] } });
  h.native.enqueue(3, 100);
  h.native.fire(3);
  h.signals.emit('SIGTERM');
  await sleep(80);
  assert.equal(h.arbiter.pending(), [], 'still draining, no Goodbye');
  assert.equal(h.exits, []);
  assert.ok(h.native.watchers.every((w) => !w.active), 'no longer accepting');
  h.sockets.close(100);
  const bye = await h.arbiter.next('goodbye');
  assert.equal([bye.body.reason, bye.body.detail], [GoodbyeReason.GOODBYE_REASON_DRAINED, '']);
  await until(() => h.exits.length > 0);
  assert.equal(h.exits, [0]);
});

test('a second Drain keeps the earlier deadline; 0 means none [DRAIN-8]', async () => {
  // SIGTERM (no deadline), then Drain{60}: the 60 ms deadline applies.
  const a = await start({ welcome: { features: ['accept.shared'] } });
  a.native.enqueue(3, 100);
  a.native.fire(3);
  a.signals.emit('SIGTERM');
  a.arbiter.send({ kind: 'drain', body: { deadlineMs: 60 } });
  const cut = await a.arbiter.next('goodbye', 2000);
  assert.match(cut.body.detail, /deadline/);

  // Drain{60}, then Drain{60000}: still cut at about 60 ms.
  const b = await start({ welcome: { features: ['accept.shared'] } });
  b.native.enqueue(3, 100);
  b.native.fire(3);
  b.arbiter.send({ kind: 'drain', body: { deadlineMs: 60 } });
  b.arbiter.send({ kind: 'drain', body: { deadlineMs: 60_000 } });
  const kept = await b.arbiter.next('goodbye', 2000);
  assert.match(kept.body.detail, /deadline/);

  // Drain{60000}, then Drain{60}: the earlier one wins.
  const c = await start({ welcome: { features: ['accept.shared'] } });
  c.native.enqueue(3, 100);
  c.native.fire(3);
  c.arbiter.send({ kind: 'drain', body: { deadlineMs: 60_000 } });
  await sleep(10);
  c.arbiter.send({ kind: 'drain', body: { deadlineMs: 60 } });
  const early = await c.arbiter.next('goodbye', 2000);
  assert.match(early.body.detail, /deadline/);
});

test('Drain waits for in-flight connections, then Goodbye DRAINED and exit 0 [DRAIN-2, DRAIN-5]', async () => {
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

test('Drain deadline: Goodbye and exit 0 even with connections still open [DRAIN-7]', async () => {
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

test('control channel EOF -> the arbiter is gone: exit 0 at once, no Goodbye [STOP-4, EXIT-1]', async () => {
  const h = await start();
  h.native.enqueue(3, 100);
  h.native.fire(3);
  h.arbiter.stream.end();
  await until(() => h.exits.length > 0);
  assert.equal(h.exits, [0]);
  assert.match(h.stderr.join(''), /arbiter went away/);
  await sleep(5);
  assert.equal(h.arbiter.received.filter((m) => m.kind === 'goodbye'), []);
  assert.ok(h.sockets.byFd.get(100)?.destroyed, 'the connection in flight is not waited for');

  const d = await start();
  d.native.enqueue(3, 100);
  d.native.fire(3);
  d.arbiter.send({ kind: 'drain', body: { deadlineMs: 5000 } });
  await sleep(10);
  d.arbiter.channel.close();
  await until(() => d.exits.length > 0);
  assert.equal(d.exits, [0]);
});

test('an EOF in the middle of a frame is the arbiter going away too [FRAME-6, EXIT-1]', async () => {
  const h = await start();
  h.arbiter.writeRaw(encodeFrame({ kind: 'stop', body: { reason: 'cut' } }).subarray(0, 5));
  h.arbiter.stream.end();
  await until(() => h.exits.length > 0);
  assert.equal(h.exits, [0]);
});

test('runtimes on injected control streams coexist (only the real process state is unique)', async () => {
  const a = await start();
  const b = await start();
  a.worker.stop();
  b.worker.stop();
  assert.equal([...a.exits, ...b.exits], [0, 0]);
});

test.run();
