import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LeaseCoordinator, LeaseViolation, type LeaseAction } from './lease.js';

function setup(listeners = 1, workers = 3, opts: Partial<{ maxAccepts: number; leaseMs: number; graceMs: number; stallMs: number; revocable: boolean }> = {}) {
  let now = 0;
  const c = new LeaseCoordinator(listeners, { maxAccepts: opts.maxAccepts ?? 16, leaseMs: opts.leaseMs ?? 1000, graceMs: opts.graceMs ?? 500, stallMs: opts.stallMs ?? 0, now: () => now });
  for (let id = 1; id <= workers; id++) c.addWorker(id, 100, opts.revocable ?? true);
  return { c, advance: (ms: number) => (now += ms) };
}

const grants = (a: LeaseAction[]) => a.filter((x) => x.type === 'grant').map((x) => [x.lease.listener, x.lease.workerId]);

test('no lease before a worker is ready; the first ready worker gets it', () => {
  const { c } = setup();
  assert.equal(c.schedule(), []);
  assert.equal(grants(c.ready(2)), [[0, 2]]);
  // Others becoming ready change nothing: one lease per listener.
  assert.equal(c.ready(1), []);
  assert.equal(c.ready(3), []);
  assert.is(c.outstanding().length, 1);
});

test('at most one outstanding lease per listener, whatever the event order', () => {
  const { c } = setup(2, 4);
  const seen: LeaseAction[] = [];
  for (let id = 1; id <= 4; id++) seen.push(...c.ready(id));
  for (let i = 0; i < 200; i++) {
    const l = c.outstanding()[i % 2];
    if (!l) break;
    seen.push(...c.load((i % 4) + 1, i % 3));
    seen.push(...c.done(l.workerId, { grantId: l.grantId, listener: l.listener, accepted: 16, inFlight: i % 5 }));
    const per = new Map<number, number>();
    for (const x of c.outstanding()) per.set(x.listener, (per.get(x.listener) ?? 0) + 1);
    for (const n of per.values()) assert.is(n, 1);
  }
  assert.ok(seen.length > 100);
});

test('leases rotate over an idle pool: fewest accepted first, then lowest id', () => {
  const { c } = setup(1, 3);
  c.ready(1); c.ready(2); c.ready(3);
  const order: number[] = [];
  for (let i = 0; i < 6; i++) {
    const l = c.holder(0)!;
    order.push(l.workerId);
    c.done(l.workerId, { grantId: l.grantId, listener: 0, accepted: 16, inFlight: 0 });
  }
  assert.equal(order, [1, 2, 3, 1, 2, 3]);
});

test('the least-loaded worker gets the lease; full workers get none', () => {
  const { c } = setup(1, 3);
  c.ready(1); c.ready(2); c.ready(3);
  const first = c.holder(0)!;
  c.load(2, 0);
  c.load(3, 100); // at capacity
  const a = c.done(first.workerId, { grantId: first.grantId, listener: 0, accepted: 1, inFlight: 50 });
  assert.equal(grants(a), [[0, 2]]);
  const l = c.holder(0)!;
  c.load(1, 100);
  c.load(2, 100);
  assert.equal(c.done(2, { grantId: l.grantId, listener: 0, accepted: 0, inFlight: 100 }), []);
  assert.is(c.holder(0), undefined);
  // Room frees up: the lease goes out at once.
  assert.equal(grants(c.load(3, 10)), [[0, 3]]);
});

test('releaseLoad is the fair share plus one, at least 2, at most capacity', () => {
  const { c } = setup(1, 2);
  c.ready(1);
  assert.is(c.holder(0)!.releaseLoad, 2);
  const l = c.holder(0)!;
  c.ready(2);
  c.load(2, 10);
  c.done(1, { grantId: l.grantId, listener: 0, accepted: 16, inFlight: 6 });
  // Worker 1 (6 in flight) is less loaded than 2 (10): fair share ceil(16/2) = 8.
  assert.is(c.holder(0)!.workerId, 1);
  assert.is(c.holder(0)!.releaseLoad, 9);
});

test('an AcceptDone for a lease the worker does not hold is a violation', () => {
  const { c } = setup(1, 2);
  c.ready(1); c.ready(2);
  const l = c.holder(0)!;
  assert.throws(() => c.done(2, { grantId: l.grantId, listener: 0, accepted: 1, inFlight: 0 }), (e: unknown) => e instanceof LeaseViolation);
  assert.throws(() => c.done(l.workerId, { grantId: l.grantId + 7, listener: 0, accepted: 1, inFlight: 0 }), (e: unknown) => e instanceof LeaseViolation);
  assert.throws(() => c.done(l.workerId, { grantId: l.grantId, listener: 5, accepted: 1, inFlight: 0 }), (e: unknown) => e instanceof LeaseViolation);
  assert.throws(() => c.done(l.workerId, { grantId: l.grantId, listener: 0, accepted: 17, inFlight: 0 }), (e: unknown) => e instanceof LeaseViolation);
});

test('a dead holder loses its lease at once and another worker gets it', () => {
  const { c } = setup(1, 2);
  c.ready(1); c.ready(2);
  assert.is(c.holder(0)!.workerId, 1);
  assert.equal(grants(c.remove(1)), [[0, 2]]);
});

test('a draining holder keeps the lease until it answers, then gets no new one', () => {
  const { c } = setup(1, 2);
  c.ready(1); c.ready(2);
  const l = c.holder(0)!;
  c.drain(1);
  assert.is(c.holder(0), l);
  assert.equal(grants(c.done(1, { grantId: l.grantId, listener: 0, accepted: 3, inFlight: 0 })), [[0, 2]]);
});

test('a lease unanswered past leaseMs + grace is taken back; its late answer is stale, not a violation', () => {
  const { c, advance } = setup(1, 2, { leaseMs: 1000, graceMs: 500 });
  c.ready(1); c.ready(2);
  const l = c.holder(0)!;
  advance(1400);
  assert.equal(c.expire(), []);
  advance(200);
  const a = c.expire();
  assert.is(a[0]?.type, 'lost');
  assert.equal(grants(a), [[0, 2]]);
  c.done(1, { grantId: l.grantId, listener: 0, accepted: 2, inFlight: 0 });
  assert.is(c.holder(0)!.workerId, 2);
});

test('paused: no leases until resumed', () => {
  const { c } = setup(1, 1);
  c.pause(true);
  assert.equal(c.ready(1), []);
  assert.equal(grants(c.pause(false)), [[0, 1]]);
});

test('several listeners spread over workers before doubling up', () => {
  const { c } = setup(3, 3);
  c.pause(true);
  c.ready(1); c.ready(2);
  c.pause(false);
  assert.equal(c.outstanding().map((l) => l.workerId).sort(), [1, 1, 2]);
  // With a single ready worker, it serves every listener rather than leave one unwatched.
  const { c: d } = setup(2, 2);
  d.ready(1);
  assert.equal(d.outstanding().map((l) => l.workerId), [1, 1]);
});

test('a revocable holder silent while connections wait stallMs has its lease revoked and granted to another worker at once; its late answer is stale', () => {
  const { c, advance } = setup(1, 2, { stallMs: 50 });
  c.ready(1); c.ready(2);
  const l = c.holder(0)!;
  assert.equal(c.observeQueue(0, 3), []); // first sight of a queue: only noted
  advance(30);
  assert.equal(c.observeQueue(0, 5), []); // not yet stallMs
  advance(25);
  const a = c.observeQueue(0, 5);
  assert.equal(a[0], { type: 'revoke', lease: l, queued: 5 });
  assert.equal(grants(a), [[0, 2]]);
  // The stalled worker gets no lease until it is heard from (ACCEPT-37).
  const l2 = c.holder(0)!;
  assert.equal(grants(c.done(2, { grantId: l2.grantId, listener: 0, accepted: 16, inFlight: 0 })), [[0, 2]]);
  c.done(1, { grantId: l.grantId, listener: 0, accepted: 1, inFlight: 0 });
  assert.is(c.holder(0)!.workerId, 2);
});

test('no revocation while the holder is heard from, the queue empties, or no poll sees a queue', () => {
  const { c, advance } = setup(1, 2, { stallMs: 50 });
  c.ready(1); c.ready(2);
  c.observeQueue(0, 4);
  advance(40);
  c.load(1, 3); // a Heartbeat (or any load report) is progress
  advance(40);
  assert.equal(c.observeQueue(0, 4), []);
  advance(20);
  assert.equal(c.observeQueue(0, 0), []); // drained
  advance(60);
  assert.equal(c.observeQueue(0, 2), []);
  advance(60);
  assert.equal(c.observeQueue(0, null), []); // a unix listener: nothing to see, the timers alone apply
  advance(60);
  assert.equal(c.observeQueue(0, 2), []);
  assert.is(c.holder(0)!.workerId, 1);
  // stallMs 0: never.
  const { c: d, advance: adv } = setup(1, 2);
  d.ready(1); d.ready(2);
  d.observeQueue(0, 9);
  adv(10_000);
  assert.equal(d.observeQueue(0, 9), []);
  assert.not.ok(d.watching());
});

test('a holder without accept.revoke is never revoked, and its lease is not watched: the lease timers alone end it', () => {
  const { c, advance } = setup(1, 2, { stallMs: 50, revocable: false });
  c.ready(1); c.ready(2);
  assert.not.ok(c.watching());
  assert.equal(c.watchedListeners(), []);
  c.observeQueue(0, 3);
  advance(500);
  assert.equal(c.observeQueue(0, 3), []);
  assert.is(c.holder(0)!.workerId, 1);
  advance(1001);
  assert.equal(c.expire().map((a) => a.type), ['lost', 'grant']);
});

test('watching: only while a lease is out and another worker could take it', () => {
  const { c } = setup(1, 2, { stallMs: 50 });
  assert.not.ok(c.watching());
  c.ready(1);
  assert.not.ok(c.watching()); // a single ready worker: no one to hand over to
  c.ready(2);
  assert.ok(c.watching());
  assert.equal(c.watchedListeners(), [0]);
  c.load(2, 100); // the other is full
  assert.not.ok(c.watching());
  c.load(2, 0);
  c.pause(true);
  assert.not.ok(c.watching());
});


// ---- accept.overlap (spec section 7.2.9) -------------------------------------

function overlapSetup(overlap: boolean[], holders = 2, stallMs = 0) {
  let now = 0;
  const c = new LeaseCoordinator(1, { maxAccepts: 16, leaseMs: 1000, graceMs: 500, stallMs, holders, now: () => now });
  overlap.forEach((o, i) => c.addWorker(i + 1, 100, true, o));
  // Two connections in flight at each worker: the pool is busy.
  overlap.forEach((_, i) => c.load(i + 1, 2));
  return { c, advance: (ms: number) => (now += ms) };
}

test('accept.overlap: an idle pool keeps one holder; a second joins once a worker reports two connections in flight', () => {
  const c = new LeaseCoordinator(1, { maxAccepts: 16, leaseMs: 1000, graceMs: 500, holders: 2, now: () => 0 });
  for (const id of [1, 2, 3]) c.addWorker(id, 100, true, true);
  for (const id of [1, 2, 3]) c.ready(id);
  assert.is(c.outstanding().length, 1);
  // One connection in flight at each of several workers is still an idle pool.
  assert.equal(c.load(2, 1), []);
  assert.equal(c.load(3, 1), []);
  const second = grants(c.load(3, 2));
  assert.is(second.length, 1);
  assert.is.not(second[0]?.[1], c.holder(0)?.workerId);
  assert.is(c.outstanding().length, 2);
  // Load gone: the next lease to end is not replaced beside the other.
  c.load(3, 1);
  const [first] = c.holders(0);
  c.done(first!.workerId, { grantId: first!.grantId, listener: 0, accepted: 16, inFlight: 0 });
  assert.is(c.outstanding().length, 1);
});

test('accept.overlap: a listener gets `holders` leases, each to a different worker, and a second one only between overlap workers', () => {
  const { c } = overlapSetup([true, true, true]);
  assert.equal(grants(c.ready(1)), [[0, 1]]);
  // One ready worker: nobody to put beside it (never a second lease to the same worker) [ACCEPT-47].
  assert.is(c.outstanding().length, 1);
  assert.equal(grants(c.ready(2)), [[0, 2]]);
  assert.equal(c.ready(3), []);
  assert.equal(c.holders(0).map((l) => l.workerId), [1, 2]);
});

test('accept.overlap: a worker without the feature never holds beside another, nor gets a lease beside one [ACCEPT-46]', () => {
  // Worker 1 (no overlap) first: it holds alone, however many overlap workers wait.
  const a = overlapSetup([false, true, true]);
  a.c.ready(1);
  a.c.ready(2);
  a.c.ready(3);
  assert.equal(a.c.holders(0).map((l) => l.workerId), [1]);
  // Once it hands back (busier than the others), two overlap workers hold together; it is not put beside them.
  const l = a.c.holder(0)!;
  a.c.done(1, { grantId: l.grantId, listener: 0, accepted: 16, inFlight: 5 });
  assert.equal(a.c.holders(0).map((x) => x.workerId).sort(), [2, 3]);
  // holders: 1 turns the feature off.
  const b = overlapSetup([true, true], 1);
  b.c.ready(1);
  b.c.ready(2);
  assert.is(b.c.outstanding().length, 1);
});

test('accept.overlap: when one holder hands back, the other keeps its lease and a third worker joins at once', () => {
  const { c } = overlapSetup([true, true, true]);
  for (const id of [1, 2, 3]) c.ready(id);
  const [first] = c.holders(0);
  const actions = c.done(first!.workerId, { grantId: first!.grantId, listener: 0, accepted: 16, inFlight: 3 });
  assert.equal(grants(actions), [[0, 3]]);
  assert.equal(c.holders(0).map((l) => l.workerId), [2, 3]);
  // A stale or foreign AcceptDone is still a violation with two holders out.
  assert.throws(() => c.done(1, { grantId: c.holders(0)[0]!.grantId, listener: 0, accepted: 1, inFlight: 0 }), (e: Error) => e instanceof LeaseViolation);
});

test('accept.overlap: a holder that dies or goes silent loses only its own lease', () => {
  const { c, advance } = overlapSetup([true, true, true, true]);
  for (const id of [1, 2, 3, 4]) c.ready(id);
  assert.equal(grants(c.remove(1)), [[0, 3]]);
  assert.equal(c.holders(0).map((l) => l.workerId), [2, 3]);
  // Worker 3 keeps reporting, worker 2 says nothing: only 2's lease is lost.
  advance(1200);
  c.load(3, 2);
  const holder3 = c.holders(0).find((l) => l.workerId === 3)!;
  c.done(3, { grantId: holder3.grantId, listener: 0, accepted: 16, inFlight: 2 });
  advance(400);
  const lost = c.expire();
  assert.equal(lost.filter((x) => x.type === 'lost').map((x) => x.lease.workerId), [2]);
  assert.ok(c.holders(0).every((l) => l.workerId !== 2));
  assert.is(c.holders(0).length, 2);
});

test('accept.overlap: holders stall together: a co-holder that is never woken is not revoked while the other works; both are when both are silent', () => {
  const { c, advance } = overlapSetup([true, true, true], 2, 50);
  for (const id of [1, 2, 3]) c.ready(id);
  assert.equal(c.holders(0).map((l) => l.workerId), [1, 2]);
  assert.ok(c.watching());
  assert.equal(c.observeQueue(0, 3), []);
  advance(30);
  c.load(2, 2); // worker 2 works; worker 1 is never woken
  advance(30);
  assert.equal(c.observeQueue(0, 3), []);
  advance(60);
  const actions = c.observeQueue(0, 3);
  assert.equal(actions.filter((x) => x.type === 'revoke').map((x) => x.lease.workerId), [1, 2]);
  assert.equal(c.holders(0).map((l) => l.workerId), [3]);
});

test('the next lease goes to a worker that is not loaded and has accepted the fewest, not to the lowest stale in_flight [ACCEPT-10]', () => {
  const { c } = setup(1, 3);
  c.load(1, 5); // loaded: at or over the release load
  c.load(2, 0);
  c.load(3, 1);
  // release load = max(2, ceil(6 / 3) + 1) = 3: worker 1 is loaded, 2 and 3 are not; none has accepted anything: lowest in_flight.
  c.pause(true);
  for (const id of [1, 2, 3]) c.ready(id);
  c.pause(false);
  const first = c.holder(0)!;
  assert.is(first.workerId, 2);
  // Worker 2 took 16 and reports 0 in flight again; worker 3 still says 1 but has accepted fewer: it goes next.
  assert.equal(grants(c.done(2, { grantId: first.grantId, listener: 0, accepted: 16, inFlight: 0 })), [[0, 3]]);
  // A loaded worker is still picked when every eligible worker is loaded.
  const { c: d } = setup(1, 2);
  d.load(1, 9);
  d.load(2, 7);
  d.pause(true);
  d.ready(1);
  d.ready(2);
  d.pause(false);
  assert.is(d.holder(0)?.workerId, 2);
});

test('max_accepts: small batches while the pool is idle, bigger ones once it is busy', () => {
  const c = new LeaseCoordinator(1, { maxAccepts: 16, maxAcceptsBusy: 64, leaseMs: 1000, graceMs: 500, holders: 2, now: () => 0 });
  for (const id of [1, 2, 3]) c.addWorker(id, 100, true, true);
  for (const id of [1, 2, 3]) c.ready(id);
  assert.equal(c.outstanding().map((l) => l.maxAccepts), [16]);
  const busy = c.load(2, 2);
  assert.equal(busy.filter((a) => a.type === 'grant').map((a) => a.lease.maxAccepts), [64]);
});

test.run();
