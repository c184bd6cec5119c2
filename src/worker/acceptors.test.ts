import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { corral, encodeFrame } from '../protocol/codec.js';
import { sleep, start, until } from './test-support.js';

const { ReleaseReason, ErrorCode, AcceptStrategy, GoodbyeReason } = corral.v1;

const lease = (o: Parameters<typeof start>[0] = {}) =>
  start({ ...o, env: { strategy: 'arbiter', ...o.env }, welcome: { strategy: AcceptStrategy.ACCEPT_STRATEGY_ARBITER, ...o.welcome } });

const grant = (over: Partial<corral.v1.AcceptGrant.$Properties> = {}) =>
  ({ kind: 'acceptGrant', body: { grantId: 1, listener: 0, maxAccepts: 10, releaseLoad: 0, leaseMs: 5000, ...over } }) as const;

/** Waits until the worker has processed what the arbiter sent. */
const settle = () => sleep(5);

test('lease: no listener is polled without a grant', async () => {
  const h = await lease();
  assert.equal(h.native.watchers, []);
  h.native.enqueue(3, 100);
  assert.is(h.native.fire(3), false);
  assert.is(h.native.acceptCalls, 0);
  h.worker.stop();
});

test('lease: BATCH after max_accepts, one accept per readiness, watcher stopped before AcceptDone', async () => {
  const h = await lease();
  h.arbiter.send(grant({ grantId: 9, maxAccepts: 2 }));
  await settle();
  assert.ok(h.native.watcher(3)?.active, 'listener 0 polled under the grant');
  h.native.enqueue(3, 100, 101, 102);
  h.native.fire(3);
  assert.is(h.worker.stats.acceptedTotal, 1, 'one accept per readiness');
  h.native.fire(3);
  const done = await h.arbiter.next('acceptDone');
  const b = done.body;
  assert.equal([b.grantId, b.listener, b.accepted, b.wouldBlock, b.inFlight, b.reason], [9, 0, 2, 0, 2, ReleaseReason.RELEASE_REASON_BATCH]);
  assert.is(h.native.watcher(3)?.active, false);
  const log = h.native.log;
  assert.ok(log.lastIndexOf('stop 3') < log.lastIndexOf('write'), 'stop before AcceptDone is written');
  assert.is(h.native.fire(3), false, 'the third connection stays queued');
  assert.equal(h.native.queues.get(3), [102]);
  h.worker.stop();
});

test('lease: would-block is counted and the grant is kept', async () => {
  const h = await lease();
  h.arbiter.send(grant({ maxAccepts: 1 }));
  await settle();
  h.native.fire(3); // empty queue
  assert.ok(h.native.watcher(3)?.active);
  h.native.enqueue(3, 100);
  h.native.fire(3);
  const done = await h.arbiter.next('acceptDone');
  assert.is(done.body.accepted, 1);
  assert.is(done.body.wouldBlock, 1);
  assert.is(done.body.reason, ReleaseReason.RELEASE_REASON_BATCH);
  h.worker.stop();
});

test('lease: LOAD is checked before accepting', async () => {
  const h = await lease();
  h.arbiter.send(grant({ grantId: 1, maxAccepts: 2 }));
  await settle();
  h.native.enqueue(3, 100, 101, 102);
  h.native.fire(3);
  h.native.fire(3);
  await h.arbiter.next('acceptDone'); // BATCH, 2 in flight
  h.arbiter.send(grant({ grantId: 2, releaseLoad: 2 }));
  await settle();
  const calls = h.native.acceptCalls;
  h.native.fire(3);
  const done = await h.arbiter.next('acceptDone');
  assert.is(done.body.grantId, 2);
  assert.is(done.body.reason, ReleaseReason.RELEASE_REASON_LOAD);
  assert.is(done.body.accepted, 0);
  assert.is(done.body.inFlight, 2);
  assert.is(h.native.acceptCalls, calls, 'no accept once at release_load');
  h.worker.stop();
});

test('lease: LOAD as soon as an accept reaches release_load; release_load 0 means capacity', async () => {
  const h = await lease({ serve: { capacity: 2 } });
  h.arbiter.send(grant({ releaseLoad: 0 }));
  await settle();
  h.native.enqueue(3, 100, 101, 102);
  h.native.fire(3);
  h.native.fire(3);
  const done = await h.arbiter.next('acceptDone');
  assert.is(done.body.reason, ReleaseReason.RELEASE_REASON_LOAD);
  assert.is(done.body.accepted, 2);
  assert.is(done.body.inFlight, 2);
  h.worker.stop();
});

test('lease: EXPIRED when the lease timer fires on an empty queue', async () => {
  const h = await lease();
  h.arbiter.send(grant({ grantId: 4, leaseMs: 30 }));
  const done = await h.arbiter.next('acceptDone');
  assert.is(done.body.grantId, 4);
  assert.is(done.body.reason, ReleaseReason.RELEASE_REASON_EXPIRED);
  assert.is(h.native.watcher(3)?.active, false);
  h.worker.stop();
});

test('lease: EXPIRED is checked before accepting', async () => {
  const h = await lease();
  h.arbiter.send(grant({ leaseMs: 100 }));
  await settle();
  h.clock.t += 100;
  h.native.enqueue(3, 100);
  h.native.fire(3);
  const done = await h.arbiter.next('acceptDone');
  assert.is(done.body.reason, ReleaseReason.RELEASE_REASON_EXPIRED);
  assert.is(h.native.acceptCalls, 0);
  h.worker.stop();
});

test('lease: DRAINING releases a held grant, later grants are answered at once', async () => {
  const h = await lease();
  h.arbiter.send(grant({ grantId: 5, listener: 1 }));
  await settle();
  h.native.enqueue(4, 100);
  h.native.fire(4);
  h.arbiter.send({ kind: 'drain', body: { deadlineMs: 5000 } });
  const done = await h.arbiter.next('acceptDone');
  assert.equal([done.body.grantId, done.body.listener, done.body.accepted, done.body.reason], [5, 1, 1, ReleaseReason.RELEASE_REASON_DRAINING]);
  h.arbiter.send(grant({ grantId: 6, listener: 0 }));
  const again = await h.arbiter.next('acceptDone');
  assert.equal([again.body.grantId, again.body.accepted, again.body.reason], [6, 0, ReleaseReason.RELEASE_REASON_DRAINING]);
  assert.equal(h.native.watchers.filter((w) => w.fd === 3), [], 'no watcher for the refused grant');
  h.sockets.close(100);
  const bye = await h.arbiter.nextOf('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_DRAINED);
});

test('lease: Stop releases a held grant with DRAINING before Goodbye', async () => {
  const h = await lease();
  h.arbiter.send(grant({ grantId: 3 }));
  await settle();
  h.arbiter.send({ kind: 'stop', body: {} });
  const done = await h.arbiter.next('acceptDone');
  assert.is(done.body.reason, ReleaseReason.RELEASE_REASON_DRAINING);
  await h.arbiter.next('goodbye');
  assert.equal(h.exits, [0]);
});

test('lease: ERROR when accept() fails', async () => {
  const h = await lease();
  h.arbiter.send(grant());
  await settle();
  h.native.acceptError = Object.assign(new Error('too many open files'), { code: 'EMFILE' });
  h.native.fire(3);
  const done = await h.arbiter.next('acceptDone');
  assert.is(done.body.reason, ReleaseReason.RELEASE_REASON_ERROR);
  assert.match(h.stderr.join(''), /too many open files/);
  h.worker.stop();
});

test('lease: a second grant on a held listener -> GRANT_VIOLATION, ignored', async () => {
  const h = await lease();
  h.arbiter.send(grant({ grantId: 1, maxAccepts: 1 }));
  h.arbiter.send(grant({ grantId: 2, maxAccepts: 1 }));
  const err = await h.arbiter.next('error');
  assert.is(err.body.code, ErrorCode.ERROR_CODE_GRANT_VIOLATION);
  assert.is(err.body.fatal, false);
  h.native.enqueue(3, 100);
  h.native.fire(3);
  const done = await h.arbiter.next('acceptDone');
  assert.is(done.body.grantId, 1, 'the first grant stands');
  assert.equal(h.arbiter.pending(), []);
  assert.equal(h.exits, []);
  h.worker.stop();
});

test('lease: grants on two listeners are independent', async () => {
  const h = await lease();
  h.arbiter.send(grant({ grantId: 1, listener: 0, maxAccepts: 1 }));
  h.arbiter.send(grant({ grantId: 2, listener: 1, maxAccepts: 1 }));
  await settle();
  h.native.enqueue(4, 200);
  h.native.fire(4);
  const done = await h.arbiter.next('acceptDone');
  assert.equal([done.body.grantId, done.body.listener], [2, 1]);
  assert.ok(h.native.watcher(3)?.active);
  h.worker.stop();
});

test('lease: a grant for a listener that does not exist -> INVALID_FIELD and AcceptDone ERROR', async () => {
  const h = await lease();
  h.arbiter.send(grant({ grantId: 8, listener: 5 }));
  const err = await h.arbiter.next('error');
  assert.is(err.body.code, ErrorCode.ERROR_CODE_INVALID_FIELD);
  const done = await h.arbiter.next('acceptDone');
  assert.equal([done.body.grantId, done.body.reason], [8, ReleaseReason.RELEASE_REASON_ERROR]);
  h.worker.stop();
});

test('a grant in a polling strategy is refused without accepting', async () => {
  const h = await start();
  h.arbiter.send(grant({ grantId: 4 }));
  const err = await h.arbiter.next('error');
  assert.is(err.body.code, ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE);
  const done = await h.arbiter.next('acceptDone');
  assert.equal([done.body.grantId, done.body.reason], [4, ReleaseReason.RELEASE_REASON_ERROR]);
  h.worker.stop();
});

test('exclusive: listeners are polled through EPOLLEXCLUSIVE', async () => {
  const h = await start({ env: { strategy: 'exclusive' }, welcome: { strategy: AcceptStrategy.ACCEPT_STRATEGY_EXCLUSIVE } });
  assert.equal(h.native.watchers.map((w) => [w.fd, w.exclusive, w.active]), [[3, true, true], [4, true, true]]);
  h.native.enqueue(3, 100);
  h.native.fire(3);
  assert.is(h.worker.stats.acceptedTotal, 1);
  h.worker.stop();
});

// --- handoff -------------------------------------------------------------

const HANDOFF_FD = 6;
const handoff = (o: Parameters<typeof start>[0] = {}) =>
  start({ ...o, env: { strategy: 'handoff', listenFds: [], listenNames: [], handoffFd: HANDOFF_FD }, welcome: { strategy: AcceptStrategy.ACCEPT_STRATEGY_HANDOFF } });

const dgram = (id: number, fds: number[]) => ({ data: encodeFrame({ kind: 'handoff', body: { handoffId: id, listener: 0, peer: '127.0.0.1:1' } }), fds });

test('handoff: every datagram of one readiness is served and acked once', async () => {
  const h = await handoff();
  assert.equal(h.native.watchers.map((w) => [w.fd, w.active]), [[HANDOFF_FD, true]]);
  h.native.datagrams.set(HANDOFF_FD, [dgram(11, [100]), dgram(12, [101])]);
  h.native.fire(HANDOFF_FD);
  const ack = await h.arbiter.next('handoffAck');
  assert.equal(ack.body.handoffIds, [11, 12]);
  assert.equal(ack.body.refusedIds, []);
  assert.is(ack.body.inFlight, 2);
  assert.equal([...h.sockets.byFd.keys()], [100, 101]);
  await settle();
  assert.equal(h.arbiter.pending(), [], 'one ack for the batch');
  h.worker.stop();
});

test('handoff: bad datagrams -> fds closed, INVALID_FIELD, the good ones still served', async () => {
  const h = await handoff();
  const good = dgram(21, [100]);
  h.native.datagrams.set(HANDOFF_FD, [
    dgram(20, []), // no fd
    dgram(22, [101, 102]), // two fds
    { data: Buffer.from([0, 0, 0, 3, 0xff, 0xff, 0xff]), fds: [103] }, // undecodable
    { data: encodeFrame({ kind: 'stop', body: {} }), fds: [104] }, // wrong message
    { data: Buffer.from([0, 0, 0, 9, 1]), fds: [105] }, // length mismatch
    dgram(0, [106]), // handoff id 0 is invalid
    good,
  ]);
  h.native.fire(HANDOFF_FD);
  for (let i = 0; i < 6; i++) {
    const err = await h.arbiter.next('error');
    assert.is(err.body.code, ErrorCode.ERROR_CODE_INVALID_FIELD);
    assert.is(err.body.fatal, false);
  }
  const ack = await h.arbiter.next('handoffAck');
  assert.equal(ack.body.handoffIds, [21]);
  assert.equal(h.native.closed.sort(), [101, 102, 103, 104, 105, 106]);
  assert.equal([...h.sockets.byFd.keys()], [100]);
  h.worker.stop();
});

test('handoff: while draining, handoffs are refused and their fds closed', async () => {
  const h = await handoff();
  h.native.datagrams.set(HANDOFF_FD, [dgram(31, [100])]);
  h.native.fire(HANDOFF_FD);
  await h.arbiter.next('handoffAck');
  h.arbiter.send({ kind: 'drain', body: { deadlineMs: 5000 } });
  await settle();
  h.native.datagrams.set(HANDOFF_FD, [dgram(32, [101]), dgram(33, [102])]);
  h.native.fire(HANDOFF_FD);
  const ack = await h.arbiter.next('handoffAck');
  assert.equal(ack.body.handoffIds, []);
  assert.equal(ack.body.refusedIds, [32, 33]);
  assert.equal(h.native.closed, [101, 102]);
  h.sockets.close(100);
  await h.arbiter.nextOf('goodbye');
  await until(() => h.exits.length > 0);
  assert.equal(h.exits, [0]);
});

test('handoff: EOF on the handoff channel -> the arbiter is gone, exit 1', async () => {
  const h = await handoff();
  h.native.datagrams.set(HANDOFF_FD, [{ data: Buffer.alloc(0), fds: [], eof: true }]);
  h.native.fire(HANDOFF_FD);
  await until(() => h.exits.length > 0);
  assert.equal(h.exits, [1]);
  assert.match(h.stderr.join(''), /arbiter went away/);
});

test('handoff: the strategy without CORRAL_HANDOFF_FD fails the boot', async () => {
  const { harness, rejects } = await import('./test-support.js');
  const h = harness({ env: { strategy: 'shared' } });
  await h.arbiter.next('hello');
  h.arbiter.send({ kind: 'welcome', body: { version: { major: 1, minor: 0 }, strategy: AcceptStrategy.ACCEPT_STRATEGY_HANDOFF } });
  await rejects(h.served);
  assert.equal(h.exits, [3]);
  assert.match(h.stderr.join(''), /CORRAL_HANDOFF_FD/);
});

test.run();
