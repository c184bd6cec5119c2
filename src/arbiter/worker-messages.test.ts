// The arbiter's handling of Heartbeat.wakeups_total and latency_counts
// (spec.md section 6.3.1, since 1.4), on a fake context: no process, no channel.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { onWorkerMessage, type MessageContext } from './worker-messages.js';
import type { WorkerRecord } from './worker-record.js';
import { corral, type Message } from '../protocol/codec.js';
import { LATENCY_BUCKETS } from '../protocol/limits.js';

function setup(minor: number) {
  const warnings: string[] = [];
  const loads: [number, number][] = [];
  const ctx = {
    options: { accept: 'arbiter' },
    log: { debug() {}, info() {}, warning() {}, error() {} },
    accept: { capacity() {}, done() {}, load: (_id: number, inFlight: number, accepted: number) => loads.push([inFlight, accepted]) },
    now: () => 1000,
    workerWarning: (_w: WorkerRecord, text: string) => warnings.push(text),
    tasks: undefined,
  } as unknown as MessageContext;
  const w = {
    id: 1, kind: 'socket', minor, helloed: true, everReady: true, saidGoodbye: false, state: 'ready', proc: { pid: 4242 },
    capacity: 100, inFlight: 0, acceptedTotal: 0, acceptedAcknowledged: 0, requestsTotal: 0, wakeupsTotal: 0, latencyCounts: undefined, lastSeen: 0,
  } as unknown as WorkerRecord;
  const beat = (body: corral.v1.IHeartbeat) => onWorkerMessage(ctx, w, { kind: 'heartbeat', body: corral.v1.Heartbeat.create(body) } as Message);
  const done = (accepted: number) => onWorkerMessage(ctx, w, { kind: 'acceptDone', body: corral.v1.AcceptDone.create({ grantId: 1, listener: 1, accepted, inFlight: 0 }) } as Message);
  return { w, warnings, loads, beat, done };
}

const counts = (...head: number[]) => [...head, ...new Array<number>(LATENCY_BUCKETS - head.length).fill(0)];

test('1.4: wakeups_total and latency_counts are kept on the record; wakeups never go down', () => {
  const t = setup(4);
  t.beat({ timeMs: 1, acceptedTotal: 3, requestsTotal: 3, wakeupsTotal: 5, latencyCounts: counts(2, 1) });
  assert.is(t.w.wakeupsTotal, 5);
  assert.equal(t.w.latencyCounts, counts(2, 1));
  t.beat({ timeMs: 2, acceptedTotal: 4, requestsTotal: 4, wakeupsTotal: 4, latencyCounts: counts(3, 1) });
  assert.is(t.w.wakeupsTotal, 5, 'a lower wakeups_total does not replace a higher one');
  assert.equal(t.w.latencyCounts, counts(3, 1));
  t.beat({ timeMs: 3, acceptedTotal: 4, requestsTotal: 4 });
  assert.equal(t.w.latencyCounts, counts(3, 1), 'an empty list says nothing');
  assert.equal(t.warnings, []);
});

test('a latency_counts of the wrong length is ignored, with a warning; the last good one stays [LOAD-14, LOAD-15]', () => {
  const t = setup(4);
  t.beat({ timeMs: 1, wakeupsTotal: 1, latencyCounts: counts(1) });
  t.beat({ timeMs: 2, wakeupsTotal: 2, latencyCounts: [1, 2, 3] });
  t.beat({ timeMs: 3, wakeupsTotal: 3, latencyCounts: [...counts(9), 1] });
  assert.equal(t.w.latencyCounts, counts(1));
  assert.is(t.w.wakeupsTotal, 3, 'wakeups_total is still taken');
  assert.is(t.warnings.length, 2);
  assert.match(t.warnings[0]!, /3 counts, not 17/);
  assert.match(t.warnings[1]!, /18 counts, not 17/);
});

test('counts that went down are ignored, with a warning [LOAD-11]', () => {
  const t = setup(4);
  t.beat({ timeMs: 1, latencyCounts: counts(5, 5) });
  t.beat({ timeMs: 2, latencyCounts: counts(6, 4) });
  assert.equal(t.w.latencyCounts, counts(5, 5));
  assert.match(t.warnings[0]!, /latency_counts\[1\] went down from 5 to 4/);
});

test('below 1.4 neither field is taken (NEG-6, COMPAT-8)', () => {
  const t = setup(3);
  t.beat({ timeMs: 1, acceptedTotal: 2, wakeupsTotal: 9, latencyCounts: counts(2) });
  assert.is(t.w.wakeupsTotal, 0);
  assert.is(t.w.latencyCounts, undefined);
  assert.is(t.w.acceptedTotal, 2, 'the 1.0 fields are');
  assert.equal(t.loads, [[0, 2]]);
  assert.equal(t.warnings, []);
});

test('connections a heartbeat already counted are not counted again when the lease\'s AcceptDone reports them', () => {
  const t = setup(4);
  // A heartbeat sent while the lease is out: its 5 connections, then the AcceptDone for the same 5.
  t.beat({ timeMs: 1, acceptedTotal: 5 });
  t.done(5);
  assert.is(t.w.acceptedTotal, 5);
  // The next lease: AcceptDone first, then a heartbeat that includes it.
  t.done(3);
  assert.is(t.w.acceptedTotal, 8);
  t.beat({ timeMs: 2, acceptedTotal: 8 });
  assert.is(t.w.acceptedTotal, 8);
  // A heartbeat behind the AcceptDones never lowers the count.
  t.beat({ timeMs: 3, acceptedTotal: 7 });
  assert.is(t.w.acceptedTotal, 8);
});

test.run();
