// PoolMonitor: rates and percentiles are differences between samples, exits
// are counted by reason, the history is bounded.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PoolMonitor, bucketPercentile, exitReason } from './monitor.js';
import type { WorkerRecord } from './worker-record.js';

function worker(id: number, over: Partial<WorkerRecord> = {}): WorkerRecord {
  return {
    id, kind: 'socket', slot: -1, maxJobs: 0, features: [], minor: 4, generation: 1, proc: { pid: 1000 + id } as WorkerRecord['proc'], channel: undefined, handoffSock: undefined,
    state: 'ready', spawnedAt: 0, lastSeen: 0, helloed: true, everReady: true, capacity: 100, inFlight: 0, acceptedTotal: 0, acceptedAcknowledged: 0, requestsTotal: 0, wakeupsTotal: 0, latencyCounts: undefined,
    maxConnections: 0, termAt: undefined, killAt: undefined, stopReason: undefined, planned: false, recycle: false, saidGoodbye: false, readyAt: 0, signalled: false, stable: true, ...over,
  };
}

const counts = (at: Record<number, number>) => Array.from({ length: 17 }, (_, i) => at[i] ?? 0);

test('bucketPercentile: the upper bound of the bucket the rank falls in; the last bucket reads as the largest bound', () => {
  assert.is(bucketPercentile(counts({}), 0.99), 0);
  assert.is(bucketPercentile(counts({ 0: 99, 5: 1 }), 0.99), 100);
  assert.is(bucketPercentile(counts({ 0: 98, 5: 2 }), 0.99), 5000);
  assert.is(bucketPercentile(counts({ 3: 1 }), 0.5), 1000);
  assert.is(bucketPercentile(counts({ 16: 4 }), 0.5), 10_000_000);
});

test('exitReason classifies the arbiter\'s stop reasons and the exits it did not ask for', () => {
  const r = (stopReason: string | undefined, everReady = true, stopping = false, foreign = false) => exitReason({ stopReason, everReady }, stopping, foreign);
  assert.is(r(undefined), 'crash');
  assert.is(r(undefined, false), 'boot_failure');
  assert.is(r(undefined, true, false, true), 'killed');
  assert.is(r(undefined, true, true), 'stop');
  assert.is(r('control channel reset', true, false, true), 'killed', 'SIGKILLed: its channel reset first');
  assert.is(r('arbiter stopping'), 'stop');
  assert.is(r('pool shrinking'), 'scale_down');
  assert.is(r('task pool shrinking'), 'scale_down');
  assert.is(r('replaced by generation 3'), 'reload');
  assert.is(r('reload abandoned'), 'reload');
  assert.is(r('max requests reached'), 'max_requests');
  assert.is(r('recycled after 100 jobs (taskMaxJobs 100)'), 'max_jobs');
  assert.is(r('recycled at 300 MiB resident (taskMaxRssMb 256)'), 'max_rss');
  assert.is(r('heartbeat timeout (nothing heard for 31.0 s, limit 30 s)'), 'heartbeat_timeout');
  assert.is(r('handshake timeout: no Hello within 10000 ms'), 'boot_timeout');
  assert.is(r('protocol error CORRAL_ERR_DECODE: bad'), 'protocol_error');
  assert.is(r('the worker reported fatal error 400', false), 'boot_failure', 'an app that failed to load, before Ready');
});

test('rates, CPU and the interval are differences between two samples; the first sample is a baseline', () => {
  let cpu = 0;
  const m = new PoolMonitor({ usage: () => ({ rssBytes: 1 << 20, cpuUs: cpu }), wall: () => 1_000, historySamples: 3 });
  const a = worker(1, { acceptedTotal: 100, requestsTotal: 100, latencyCounts: counts({ 2: 100 }) });
  const b = worker(2, { acceptedTotal: 50 });
  m.sample(0, [a, b], { jobsTotal: 5, queued: 0 });
  assert.is(m.history().length, 0, 'a baseline only');
  a.acceptedTotal = 300;
  a.requestsTotal = 300;
  a.latencyCounts = counts({ 2: 297, 9: 3 });
  b.acceptedTotal = 50;
  cpu = 500_000; // 0.5 s of CPU in 1 s: half a core
  m.sample(1000, [a, b], { jobsTotal: 8, queued: 2 });
  assert.is(m.rates(1)?.acceptsPerSecond, 200);
  assert.is(m.rates(1)?.cpuPermille, 500);
  assert.is(m.rates(1)?.p99Us, 100_000, '3 of 200 requests took up to 100 ms: the 99th percentile is among them');
  assert.is(m.rates(2)?.acceptsPerSecond, 0);
  assert.equal(m.interval, { durationMs: 1000, accepted: 200, requests: 200, p50Us: 500, p99Us: 100_000, jobs: 3 });
  const h = m.history();
  assert.is(h.length, 1);
  assert.is(h[0]!.acceptsPerSecond, 200);
  assert.is(h[0]!.queued, 2);
  assert.is(h[0]!.perWorker[1]!.a, 200);
});

test('exits are counted by reason, and the pool total keeps what exited workers accepted', () => {
  const m = new PoolMonitor({ usage: () => undefined, wall: () => 0, historySamples: 2 });
  const gone = worker(1, { acceptedTotal: 40 });
  m.exited(gone, 'killed');
  m.exited(worker(2), 'killed');
  m.exited(worker(3), 'reload');
  assert.equal(m.restarts(), [{ reason: 'killed', count: 2 }, { reason: 'reload', count: 1 }]);
  assert.is(m.restartsTotal, 3);
  assert.is(m.acceptedTotal([worker(4, { acceptedTotal: 2 })]), 42);
});

test('the pool\'s connections leave out task workers, whose accepted_total counts jobs started, live or exited', () => {
  const m = new PoolMonitor({ usage: () => undefined, wall: () => 0, historySamples: 2 });
  m.exited(worker(1, { acceptedTotal: 40 }), 'killed');
  m.exited(worker(2, { kind: 'task', acceptedTotal: 9 }), 'killed');
  assert.is(m.acceptedTotal([worker(3, { acceptedTotal: 2 }), worker(4, { kind: 'task', acceptedTotal: 7 })]), 42);
  assert.is(m.restartsTotal, 2, 'both exits are counted');
});

test('the history keeps the newest historySamples points, oldest first', () => {
  let t = 0;
  const m = new PoolMonitor({ usage: () => undefined, wall: () => t, historySamples: 3 });
  for (let i = 0; i <= 5; i++) {
    t = i;
    m.sample(i * 1000, [worker(1, { acceptedTotal: i * 10 })], { jobsTotal: 0, queued: 0 });
  }
  assert.equal(m.history().map((p) => p.t), [3, 4, 5]);
});

test('a worker that exited leaves no rates behind', () => {
  const m = new PoolMonitor({ usage: () => undefined, wall: () => 0, historySamples: 3 });
  m.sample(0, [worker(1)], { jobsTotal: 0, queued: 0 });
  assert.ok(m.rates(1));
  m.sample(1000, [], { jobsTotal: 0, queued: 0 });
  assert.is(m.rates(1), undefined);
});

test.run();
