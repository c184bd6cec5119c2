import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { corral } from '../protocol/codec.js';
import { ACCEPT_FAILURE_PAUSE_MS, POLL_ACCEPT_BATCH } from './acceptors.js';
import { WORKER_FEATURES } from './runtime.js';
import { sleep, start, until } from './test-support.js';

const { ReleaseReason, ErrorCode, AcceptStrategy, GoodbyeReason } = corral.v1;

// A 1.0 session by default: without accept.revoke the holder accepts inside
// the readiness callback, which the tests drive synchronously.
const lease = (o: Parameters<typeof start>[0] = {}) =>
  start({
    ...o, env: { strategy: 'arbiter', ...o.env },
    welcome: { strategy: AcceptStrategy.ACCEPT_STRATEGY_ARBITER, features: WORKER_FEATURES.filter((f) => f !== 'accept.revoke'), ...o.welcome },
  });

/** A 1.1 session with accept.revoke negotiated. */
const revocable = (o: Parameters<typeof start>[0] = {}) => lease({ ...o, welcome: { version: { major: 1, minor: 1 }, features: [...WORKER_FEATURES], ...o.welcome } });

const grant = (over: Partial<corral.v1.AcceptGrant.$Properties> = {}) =>
  ({ kind: 'acceptGrant', body: { grantId: 1, listener: 0, maxAccepts: 10, releaseLoad: 0, leaseMs: 5000, ...over } }) as const;

/** Waits until the worker has processed what the arbiter sent. */
const settle = () => sleep(5);

const errno = (code: string) => Object.assign(new Error(`accept: ${code}`), { code });

test('lease: no listener is polled without a grant [ACCEPT-13]', async () => {
  const h = await lease();
  assert.equal(h.native.watchers, []);
  h.native.enqueue(3, 100);
  assert.is(h.native.fire(3), false);
  assert.is(h.native.acceptCalls, 0);
  h.worker.stop();
});

test('lease: BATCH after max_accepts, one accept per readiness, watcher stopped before AcceptDone [ACCEPT-15, ACCEPT-22, ACCEPT-23]', async () => {
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

test('lease wakeups: a grant taken and each readiness under it; not a grant refused or a readiness without one [LOAD-8]', async () => {
  const h = await lease();
  h.arbiter.send(grant({ grantId: 1, listener: 7 })); // no such listener: INVALID_FIELD, not taken
  await h.arbiter.next('error');
  await h.arbiter.next('acceptDone');
  assert.is(h.worker.stats.wakeupsTotal, 0);
  h.arbiter.send(grant({ grantId: 2, maxAccepts: 2 }));
  await settle();
  assert.is(h.worker.stats.wakeupsTotal, 1, 'the grant');
  h.native.enqueue(3, 100);
  h.native.fire(3);
  h.native.fire(3); // the queue is empty now: still a wakeup, a would-block
  assert.is(h.worker.stats.wakeupsTotal, 3);
  h.native.enqueue(3, 101);
  h.native.fire(3);
  const done = await h.arbiter.next('acceptDone');
  assert.equal([done.body.accepted, done.body.wouldBlock], [2, 1]);
  assert.is(h.worker.stats.wakeupsTotal, 4);
  assert.is(h.native.fire(3), false, 'out of the poll set: no more wakeups');
  assert.is(h.worker.stats.wakeupsTotal, 4);
  h.worker.stop();
});

test('shared wakeups: each readiness handled, the herd included; none while paused at capacity [LOAD-8]', async () => {
  const h = await start({ serve: { capacity: 1 } });
  h.native.enqueue(3, 100);
  h.native.fire(3);
  assert.is(h.worker.stats.wakeupsTotal, 1);
  assert.is(h.native.fire(3), false, 'at capacity the watchers are stopped');
  h.sockets.close(100);
  await until(() => h.worker.stats.inFlight === 0);
  h.native.fire(4); // listener 1, nothing queued: another worker took it
  assert.is(h.worker.stats.wakeupsTotal, 2);
  h.worker.stop();
});

test('revoke: the holder stops polling at once and answers AcceptDone REVOKED with its counts [ACCEPT-42]', async () => {
  const h = await revocable();
  h.arbiter.send(grant({ grantId: 4, maxAccepts: 10 }));
  await settle();
  h.native.enqueue(3, 100, 101, 102);
  h.native.fire(3);
  await settle();
  assert.is(h.worker.stats.acceptedTotal, 1);
  h.arbiter.send({ kind: 'acceptRevoke', body: { grantId: 4, listener: 0 } });
  const done = await h.arbiter.next('acceptDone');
  const b = done.body;
  assert.equal([b.grantId, b.listener, b.accepted, b.reason], [4, 0, 1, ReleaseReason.RELEASE_REASON_REVOKED]);
  assert.is(h.native.watcher(3)?.active, false);
  const log = h.native.log;
  assert.ok(log.lastIndexOf('stop 3') < log.lastIndexOf('write'), 'stop before AcceptDone is written');
  assert.equal(h.native.queues.get(3), [101, 102], 'the rest stay queued for the next holder');
  h.worker.stop();
});

test('revoke: an AcceptRevoke readable in the same poll as the listener wins; no accept after it [ACCEPT-44]', async () => {
  const h = await revocable();
  h.arbiter.send(grant({ grantId: 5 }));
  await settle();
  h.native.enqueue(3, 100);
  // The listener's callback runs first, as after SIGCONT when the kernel
  // reports it first; the AcceptRevoke is handled in the same poll phase,
  // before the deferred accept.
  h.native.fire(3);
  assert.is(h.native.acceptCalls, 0, 'no accept inside the readiness callback');
  h.arbiter.send({ kind: 'acceptRevoke', body: { grantId: 5, listener: 0 } });
  const done = await h.arbiter.next('acceptDone');
  assert.equal([done.body.accepted, done.body.reason], [0, ReleaseReason.RELEASE_REASON_REVOKED]);
  await settle();
  assert.is(h.native.acceptCalls, 0);
  assert.equal(h.native.queues.get(3), [100]);
  h.worker.stop();
});

test('revoke: deferred accepts still take one connection per readiness event [ACCEPT-15, ACCEPT-44]', async () => {
  const h = await revocable();
  h.arbiter.send(grant({ maxAccepts: 2 }));
  await settle();
  h.native.enqueue(3, 100, 101, 102);
  h.native.fire(3);
  h.native.fire(3); // a second event before the check phase: still one accept
  await settle();
  assert.is(h.worker.stats.acceptedTotal, 1);
  h.native.fire(3);
  const done = await h.arbiter.next('acceptDone');
  assert.equal([done.body.accepted, done.body.reason], [2, ReleaseReason.RELEASE_REASON_BATCH]);
  h.worker.stop();
});

test('revoke: for a grant not held (it crossed our AcceptDone) it is ignored without an answer [ACCEPT-43]', async () => {
  const h = await revocable();
  h.arbiter.send(grant({ grantId: 6, maxAccepts: 1 }));
  await settle();
  h.native.enqueue(3, 100);
  h.native.fire(3);
  await h.arbiter.next('acceptDone');
  h.arbiter.send({ kind: 'acceptRevoke', body: { grantId: 6, listener: 0 } });
  h.arbiter.send({ kind: 'acceptRevoke', body: { grantId: 99, listener: 3 } });
  await settle();
  assert.equal(h.arbiter.pending(), []);
  // A held grant is not touched by a revoke naming another grant id.
  h.arbiter.send(grant({ grantId: 7 }));
  await settle();
  h.arbiter.send({ kind: 'acceptRevoke', body: { grantId: 6, listener: 0 } });
  await settle();
  assert.equal(h.arbiter.pending(), []);
  assert.ok(h.native.watcher(3)?.active);
  h.worker.stop();
});

test('revoke: AcceptRevoke without accept.revoke negotiated is UNSUPPORTED_FEATURE, not fatal [ERR-18]', async () => {
  const h = await lease();
  h.arbiter.send(grant({ grantId: 8 }));
  await settle();
  h.arbiter.send({ kind: 'acceptRevoke', body: { grantId: 8, listener: 0 } });
  const err = await h.arbiter.next('error');
  assert.equal([err.body.code, err.body.fatal], [ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, false]);
  assert.ok(h.native.watcher(3)?.active, 'the grant is kept');
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

test('lease: accept errors about one connection keep the grant [ACCEPT-3]', async () => {
  const h = await lease();
  h.arbiter.send(grant({ maxAccepts: 1 }));
  await settle();
  for (const code of ['ECONNABORTED', 'EPERM', 'ENETUNREACH']) {
    h.native.acceptError = errno(code);
    h.native.fire(3);
  }
  h.native.acceptError = undefined;
  assert.equal(h.arbiter.pending(), [], 'no AcceptDone');
  assert.ok(h.native.watcher(3)?.active);
  h.native.enqueue(3, 100);
  h.native.fire(3);
  const done = await h.arbiter.next('acceptDone');
  assert.equal([done.body.accepted, done.body.wouldBlock, done.body.reason], [1, 0, ReleaseReason.RELEASE_REASON_BATCH]);
  h.worker.stop();
});

test('lease: LOAD is checked before accepting [ACCEPT-16]', async () => {
  const h = await lease({ welcome: { features: ['accept.arbiter'] } });
  h.arbiter.send(grant({ grantId: 1, maxAccepts: 2 }));
  await settle();
  h.native.enqueue(3, 100, 101, 102);
  h.native.fire(3);
  h.native.fire(3);
  await h.arbiter.next('acceptDone'); // BATCH, 2 in flight
  h.arbiter.send(grant({ grantId: 2, releaseLoad: 3 }));
  await settle();
  h.native.fire(3);
  assert.is(h.worker.stats.inFlight, 3);
  const calls = h.native.acceptCalls;
  const done = await h.arbiter.next('acceptDone');
  assert.is(done.body.grantId, 2);
  assert.is(done.body.reason, ReleaseReason.RELEASE_REASON_LOAD);
  assert.is(done.body.accepted, 1);
  assert.is(done.body.inFlight, 3);
  assert.is(h.native.fire(3), false, 'released: no longer polled');
  assert.is(h.native.acceptCalls, calls, 'no accept once at release_load');
  h.worker.stop();
});

test('lease: the release conditions are checked when the grant arrives [ACCEPT-16]', async () => {
  const h = await lease({ welcome: { features: ['accept.arbiter'] } });
  h.arbiter.send(grant({ grantId: 1, maxAccepts: 1 }));
  await settle();
  h.native.enqueue(3, 100);
  h.native.fire(3);
  await h.arbiter.next('acceptDone');
  h.arbiter.send(grant({ grantId: 2, releaseLoad: 1 }));
  const done = await h.arbiter.next('acceptDone');
  assert.equal([done.body.grantId, done.body.accepted, done.body.inFlight, done.body.reason], [2, 0, 1, ReleaseReason.RELEASE_REASON_LOAD]);
  assert.is(h.native.watcher(3)?.active, false, 'never polled under grant 2');
  h.worker.stop();
});

test('lease: LOAD as soon as an accept reaches release_load; release_load 0 means capacity', async () => {
  const h = await lease({ serve: { capacity: 2 } });
  h.arbiter.send(grant({ releaseLoad: 0 }));
  await settle();
  h.native.enqueue(3, 100, 101, 102);
  h.native.fire(3);
  h.native.fire(3);
  const done = await h.arbiter.nextOf('acceptDone');
  assert.is(done.body.reason, ReleaseReason.RELEASE_REASON_LOAD);
  assert.is(done.body.accepted, 2);
  assert.is(done.body.inFlight, 2);
  h.worker.stop();
});

test('lease: release_load 0 with capacity 0 (unbounded) never releases for LOAD', async () => {
  const h = await lease({ serve: { capacity: 0 } });
  h.arbiter.send(grant({ releaseLoad: 0, maxAccepts: 3 }));
  await settle();
  h.native.enqueue(3, 100, 101, 102);
  for (let i = 0; i < 3; i++) h.native.fire(3);
  const done = await h.arbiter.next('acceptDone');
  assert.equal([done.body.accepted, done.body.reason], [3, ReleaseReason.RELEASE_REASON_BATCH]);
  h.worker.stop();
});

test('lease: EXPIRED when the lease timer fires on an empty queue [ACCEPT-18]', async () => {
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

test('lease: DRAINING releases a held grant, later grants are answered at once [ACCEPT-19, ACCEPT-28]', async () => {
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

test('lease: Stop releases a held grant with DRAINING before Goodbye [ACCEPT-20]', async () => {
  const h = await lease();
  h.arbiter.send(grant({ grantId: 3 }));
  await settle();
  h.arbiter.send({ kind: 'stop', body: {} });
  const done = await h.arbiter.next('acceptDone');
  assert.is(done.body.reason, ReleaseReason.RELEASE_REASON_DRAINING);
  await h.arbiter.next('goodbye');
  assert.equal(h.exits, [0]);
});

test('lease: ERROR when accept() fails [ACCEPT-21]', async () => {
  const h = await lease();
  h.arbiter.send(grant());
  await settle();
  h.native.acceptError = errno('EMFILE');
  h.native.fire(3);
  const done = await h.arbiter.next('acceptDone');
  assert.is(done.body.reason, ReleaseReason.RELEASE_REASON_ERROR);
  assert.match(h.stderr.join(''), /EMFILE/);
  h.worker.stop();
});

test('lease: a second grant on a held listener -> GRANT_VIOLATION, ignored [ACCEPT-27]', async () => {
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

for (const [what, over] of [
  ['a listener that does not exist', { listener: 5 }],
  ['max_accepts 0', { maxAccepts: 0 }],
  ['lease_ms 0', { leaseMs: 0 }],
] as const) {
  test(`lease: a grant with ${what} -> INVALID_FIELD (not fatal), AcceptDone{0, ERROR}, never polled [ACCEPT-26]`, async () => {
    const h = await lease();
    h.native.enqueue(3, 100);
    h.arbiter.send(grant({ grantId: 8, ...over }));
    const err = await h.arbiter.next('error');
    assert.is(err.body.code, ErrorCode.ERROR_CODE_INVALID_FIELD);
    assert.is(err.body.fatal, false);
    const done = await h.arbiter.next('acceptDone');
    assert.equal([done.body.grantId, done.body.accepted, done.body.reason], [8, 0, ReleaseReason.RELEASE_REASON_ERROR]);
    assert.equal(h.native.watchers, [], 'no listener was polled');
    assert.is(h.native.acceptCalls, 0);
    // The worker carries on: a valid grant still works.
    h.arbiter.send(grant({ grantId: 9, maxAccepts: 1 }));
    await settle();
    h.native.fire(3);
    const ok = await h.arbiter.next('acceptDone');
    assert.equal([ok.body.grantId, ok.body.accepted], [9, 1]);
    assert.equal(h.exits, []);
    h.worker.stop();
  });
}

test('a grant in a polling strategy without accept.arbiter negotiated -> UNSUPPORTED_FEATURE, not fatal, ignored [ERR-18]', async () => {
  const h = await start({ welcome: { features: ['accept.shared', 'load-report'] } });
  h.arbiter.send(grant({ grantId: 4 }));
  const err = await h.arbiter.next('error');
  assert.is(err.body.code, ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE);
  assert.is(err.body.fatal, false);
  await settle();
  assert.equal(h.arbiter.pending(), [], 'no AcceptDone: the grant is ignored');
  assert.equal(h.exits, []);
  assert.is(h.native.acceptCalls, 0);
  h.worker.stop();
});

test('a grant in a polling strategy with accept.arbiter negotiated -> UNEXPECTED_MESSAGE, fatal, exit 1 [HS-15]', async () => {
  const h = await start({ welcome: { features: [...WORKER_FEATURES] } });
  h.arbiter.send(grant({ grantId: 4 }));
  const err = await h.arbiter.next('error');
  assert.is(err.body.code, ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE);
  assert.is(err.body.fatal, true);
  const bye = await h.arbiter.next('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_ERROR);
  await until(() => h.exits.length > 0);
  assert.equal(h.exits, [1]);
});

test('shared: a readiness takes the queue up to capacity; would-block counted; capacity pauses and resumes polling [SHARED-5]', async () => {
  const h = await start({ serve: { capacity: 2 } });
  assert.equal(h.native.watchers.map((w) => [w.fd, w.exclusive, w.active]), [[3, false, true], [4, false, true]]);
  h.native.fire(4); // the herd: woken, nothing to accept
  assert.is(h.worker.stats.inFlight, 0);
  h.native.enqueue(3, 100, 101, 102);
  h.native.fire(3); // takes two, then it is full: the third stays queued for other workers
  assert.is(h.worker.stats.inFlight, 2);
  assert.equal(h.native.queues.get(3), [102]);
  assert.ok(h.native.watchers.every((w) => !w.active), 'paused at capacity');
  assert.is(h.native.fire(3), false);
  h.sockets.close(100);
  await until(() => h.native.watchers.every((w) => w.active));
  const calls = h.native.acceptCalls;
  h.native.fire(3); // takes the last one and learns the queue is empty
  assert.is(h.worker.stats.acceptedTotal, 3);
  assert.is(h.native.acceptCalls - calls, 1); // full again at once: no accept to learn the queue is empty
  h.worker.stop();
});

test('shared: one readiness takes at most POLL_ACCEPT_BATCH connections, then lets the loop run', async () => {
  const h = await start();
  h.native.enqueue(3, ...Array.from({ length: POLL_ACCEPT_BATCH + 3 }, (_, i) => 100 + i));
  h.native.fire(3);
  assert.is(h.worker.stats.acceptedTotal, POLL_ACCEPT_BATCH);
  h.native.fire(3);
  assert.is(h.worker.stats.acceptedTotal, POLL_ACCEPT_BATCH + 3);
  h.worker.stop();
});

test('shared: an accept failure pauses polling for a moment instead of spinning', async () => {
  const h = await start();
  h.native.acceptError = errno('EMFILE');
  h.native.fire(3);
  assert.match(h.stderr.join(''), /EMFILE/);
  assert.ok(h.native.watchers.every((w) => !w.active), 'paused');
  h.native.acceptError = undefined;
  await until(() => h.native.watchers.every((w) => w.active), ACCEPT_FAILURE_PAUSE_MS + 2000, 'polling again');
  h.native.enqueue(3, 100);
  h.native.fire(3);
  assert.is(h.worker.stats.acceptedTotal, 1);
  assert.equal(h.exits, []);
  h.worker.stop();
});

test('shared: a transient accept error is not a failure [ACCEPT-3]', async () => {
  const h = await start();
  h.native.acceptError = errno('EHOSTUNREACH');
  h.native.fire(3);
  assert.ok(h.native.watchers.every((w) => w.active), 'still polling');
  assert.is(h.stderr.join(''), '');
  h.worker.stop();
});

test('shared: listeners are polled only once Ready is on the wire [ACCEPT-2]', async () => {
  // Writes on the control channel complete 30 ms late, as to a slow reader.
  const h = await start({ controlDelayMs: 30 });
  // start() returns when Ready reached the arbiter; the worker learns that its
  // write completed only now, so no listener may be polled yet.
  assert.equal(h.native.watchers.filter((w) => w.active), []);
  await until(() => h.native.watchers.length === 2 && h.native.watchers.every((w) => w.active), 2000, 'polling after Ready');
  h.worker.stop();
});

test('reuseport behaves as shared on its own fds', async () => {
  const h = await start({ env: { strategy: 'reuseport' } });
  assert.equal(h.native.watchers.map((w) => [w.fd, w.exclusive]), [[3, false], [4, false]]);
  h.native.enqueue(4, 100);
  h.native.fire(4);
  assert.is(h.worker.stats.acceptedTotal, 1);
  h.worker.stop();
});

test('reuseport: a drain takes what is queued on its own listeners, then closes them [REUSE-4]', async () => {
  const h = await start({ env: { strategy: 'reuseport' } });
  h.native.enqueue(3, 100, 101);
  h.native.enqueue(4, 102);
  h.arbiter.send({ kind: 'drain', body: { deadlineMs: 5000 } });
  await until(() => h.native.closed.length === 2);
  assert.equal(h.native.closed, [3, 4]);
  assert.is(h.worker.stats.acceptedTotal, 3);
  assert.ok(h.native.watchers.every((w) => w.closed));
  for (const fd of [100, 101, 102]) h.sockets.close(fd);
  const bye = await h.arbiter.nextOf('goodbye');
  assert.is(bye.body.acceptedTotal, 3);
});

test('shared: a drain leaves the queued connections to the other workers [SHARED-6]', async () => {
  const h = await start();
  h.native.enqueue(3, 100);
  h.arbiter.send({ kind: 'drain', body: { deadlineMs: 5000 } });
  await h.arbiter.nextOf('goodbye');
  assert.equal(h.native.queues.get(3), [100]);
  assert.equal(h.native.closed, []);
});

test('exclusive: listeners are polled through EPOLLEXCLUSIVE [EXCL-1]', async () => {
  const h = await start({ env: { strategy: 'exclusive' } });
  assert.equal(h.native.watchers.map((w) => [w.fd, w.exclusive, w.active]), [[3, true, true], [4, true, true]]);
  h.native.enqueue(3, 100);
  h.native.fire(3);
  assert.is(h.worker.stats.acceptedTotal, 1);
  h.worker.stop();
});

test.run();
