// Durable queues against a real redis-server, with real arbiters and task
// workers: Celery's task semantics (states, retries, ETA, expiry, priorities,
// rate limits, revoke, soft and hard time limits), idempotency keys, dead
// letters, workflows and periodic jobs. Skipped, with a notice, where
// redis-server is not installed.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { Arbiter } from '../../src/arbiter/arbiter.js';
import { Queue } from '../../src/queue/producer.js';
import { chain, chord, chunks, dag, group, sig } from '../../src/queue/workflow.js';
import { REDIS_SKIP_NOTICE, redisServerPath, startRedis, type RedisServer } from '../../fixtures/redis/server.js';

const APP = fileURLToPath(new URL('../../fixtures/queue/jobs.mjs', import.meta.url));
const WAIT = { timeoutMs: 30_000 };
const skip = redisServerPath() === undefined;
if (skip) console.log(REDIS_SKIP_NOTICE);

let redis: RedisServer;
let main: Arbiter;
let solo: Arbiter;
let twin: Arbiter;
let q: Queue;
let qs: Queue;

async function arbiter(o: ConstructorParameters<typeof Arbiter>[0]): Promise<Arbiter> {
  const a = new Arbiter({ logLevel: 'error', ...o });
  const ready = new Promise<void>((r) => a.once('ready', () => r()));
  await a.start();
  await ready;
  return a;
}

test.before(async () => {
  if (skip) return;
  redis = await startRedis();
  process.env.QUEUE_REDIS = redis.url;
  // `main`: two task workers, a rate limit and a periodic job; `solo`: one
  // worker running one job at a time, taking one job at a time (priorities,
  // hard limits), under a prefix of its own.
  main = await arbiter({
    tasks: [{ name: 'jobs', module: APP }], taskWorkers: 2, env: { QUEUE_REDIS: redis.url },
    queue: { redis: redis.url, prefix: 'sem', visibilityMs: 2000, maxDeliveries: 2, rateLimits: { 'jobs.pid': '3/s' }, schedules: [{ name: 'tick', everyMs: 1000, queue: 'jobs', task: 'noop' }] },
  });
  // `twin`: a second consumer of the same queues with the same schedule, as on another host.
  twin = await arbiter({
    tasks: [{ name: 'jobs', module: APP }], taskWorkers: 1, env: { QUEUE_REDIS: redis.url },
    queue: { redis: redis.url, prefix: 'sem', visibilityMs: 2000, maxDeliveries: 2, rateLimits: { 'jobs.pid': '3/s' }, schedules: [{ name: 'tick', everyMs: 1000, queue: 'jobs', task: 'noop' }] },
  });
  solo = await arbiter({
    tasks: [{ name: 'jobs', module: APP }], taskWorkers: 1, taskCapacity: 1, taskGraceMs: 200, env: { QUEUE_REDIS: redis.url },
    queue: { redis: redis.url, prefix: 'solo', prefetch: 1, visibilityMs: 2000 },
  });
  q = await Queue.connect({ redis: redis.url, prefix: 'sem' });
  qs = await Queue.connect({ redis: redis.url, prefix: 'solo' });
});

test.after(async () => {
  if (skip) return;
  await q?.close();
  await qs?.close();
  await main?.stop();
  await solo?.stop();
  await twin?.stop();
  await redis?.stop();
});

const t = skip ? test.skip : test;

t('a job runs once and its result comes back; the hash records PENDING → RECEIVED → STARTED → SUCCESS [QUEUE-1]', async () => {
  const j = await q.enqueue('jobs', 'add', { a: 2, b: 40 });
  assert.is(j.created, true);
  assert.is(await j.result(WAIT), 42);
  const info = (await j.info())!;
  assert.is(info.state, 'SUCCESS');
  assert.is(info.attempts, 1);
  assert.is(info.deliveries, 0);
  assert.ok(info.created! <= info.received! && info.received! <= info.started! && info.started! <= info.finished!, JSON.stringify(info));
  assert.match(info.consumer!, /:\d+:/);
});

t('a failing job is retried with backoff until it succeeds; one whose retries are spent ends FAILURE with the action\'s error [QUEUE-9]', async () => {
  const key = `k${Date.now()}`;
  const j = await q.enqueue('jobs', 'flaky', { key, times: 2 }, { retries: 3, backoff: { delayMs: 100, factor: 2, jitter: false } });
  const started = Date.now();
  assert.is(await j.result(WAIT), 3);
  assert.is((await j.info())!.attempts, 3);
  // Two retries waited 100 and 200 ms.
  assert.ok(Date.now() - started >= 300, `${Date.now() - started} ms`);
  const f = await q.enqueue('jobs', 'fail', 'x', { retries: 1, backoff: 50 });
  const err = await f.result(WAIT).then(() => undefined, (e: unknown) => e as { code: string; message: string });
  assert.is(err?.code, 'CORRAL_ERR_TASK_FAILED');
  assert.match(err!.message, /failed on purpose/);
  const info = (await f.info())!;
  assert.is(info.state, 'FAILURE');
  assert.is(info.attempts, 2);
});

t('countdown and ETA: a delayed job does not start before its time; an expired one is revoked unstarted [QUEUE-8]', async () => {
  const t0 = Date.now();
  const d = await q.enqueue('jobs', 'echo', 'later', { delayMs: 700 });
  const e = await q.enqueue('jobs', 'echo', 'eta', { eta: new Date(t0 + 500) });
  assert.is(await d.state(), 'PENDING');
  assert.is(await d.result(WAIT), 'later');
  assert.is(await e.result(WAIT), 'eta');
  assert.ok((await d.info())!.started! >= t0 + 700);
  assert.ok((await e.info())!.started! >= t0 + 500);
  const x = await q.enqueue('jobs', 'echo', 'never', { delayMs: 400, expiresMs: 100 });
  const err = await x.result(WAIT).then(() => undefined, (e: unknown) => e as { code: string });
  assert.is(err?.code, 'CORRAL_ERR_QUEUE_REVOKED');
  const info = (await x.info())!;
  assert.is(info.state, 'REVOKED');
  assert.is(info.started, undefined);
  assert.match(info.error!.message, /expired/);
});

t('priorities: with the consumer busy, waiting jobs start high, normal, low [QUEUE-3]', async () => {
  const busy = await qs.enqueue('jobs', 'sleep', { ms: 600 });
  while ((await busy.state()) !== 'STARTED') await new Promise((r) => setTimeout(r, 20));
  const low = await qs.enqueue('jobs', 'echo', 'low', { priority: 'low' });
  const normal = await qs.enqueue('jobs', 'echo', 'normal');
  const high = await qs.enqueue('jobs', 'echo', 'high', { priority: 'high' });
  await Promise.all([busy, low, normal, high].map((j) => j.result(WAIT)));
  const at = async (j: typeof low) => (await j.info())!.started!;
  assert.ok((await at(high)) <= (await at(normal)) && (await at(normal)) <= (await at(low)), `${await at(high)} ${await at(normal)} ${await at(low)}`);
});

t('a rate limit holds across the consumer: at most 3 jobs of jobs.pid received per second [QUEUE-12]', async () => {
  const jobs = await Promise.all(Array.from({ length: 8 }, () => q.enqueue('jobs', 'pid', null)));
  await Promise.all(jobs.map((j) => j.result(WAIT)));
  const perWindow = new Map<number, number>();
  for (const j of jobs) {
    const w = Math.floor((await j.info())!.received! / 1000);
    perWindow.set(w, (perWindow.get(w) ?? 0) + 1);
  }
  assert.ok([...perWindow.values()].every((n) => n <= 3), JSON.stringify([...perWindow]));
  assert.ok(perWindow.size >= 3, `8 jobs at 3/s need 3 windows, saw ${perWindow.size}`);
});

t('revoke: a waiting job never runs; revoke with terminate cancels a running job (its signal aborts) [QUEUE-11, QUEUE-6]', async () => {
  const later = await q.enqueue('jobs', 'echo', 'x', { delayMs: 5000 });
  assert.is(await later.cancel({ terminate: false }), 'REVOKED');
  assert.is((await later.result(WAIT).catch((e: { code: string }) => e.code)), 'CORRAL_ERR_QUEUE_REVOKED');
  const running = await q.enqueue('jobs', 'sleep', { ms: 20_000 });
  while ((await running.state()) !== 'STARTED') await new Promise((r) => setTimeout(r, 20));
  const t0 = Date.now();
  assert.is(await running.cancel(), 'REVOKED');
  // The slot comes back: a job after it runs at once, well before the 20 s sleep would end.
  assert.is(await (await q.enqueue('jobs', 'add', { a: 1, b: 1 })).result(WAIT), 2);
  assert.ok(Date.now() - t0 < 10_000);
  assert.is(await running.state(), 'REVOKED');
  assert.is(await later.state(), 'REVOKED');
});

t('soft time limit: the action\'s signal aborts and the run fails TASK_TIMEOUT; hard limit: the worker is replaced [QUEUE-10]', async () => {
  const soft = await q.enqueue('jobs', 'sleep', { ms: 10_000 }, { softTimeLimitMs: 200 });
  assert.is(await soft.result(WAIT).catch((e: { code: string }) => e.code), 'CORRAL_ERR_TASK_TIMEOUT');
  const before = await (await qs.enqueue('jobs', 'pid', null)).result(WAIT);
  const hard = await qs.enqueue('jobs', 'stubborn', { ms: 4000 }, { softTimeLimitMs: 100, timeLimitMs: 400 });
  assert.is(await hard.result(WAIT).catch((e: { code: string }) => e.code), 'CORRAL_ERR_TASK_TIMEOUT');
  const after = await (await qs.enqueue('jobs', 'pid', null)).result(WAIT);
  assert.is.not(after, before, 'the stubborn job\'s worker was replaced');
});

t('the action sees the queue job in ctx.meta: queue, id, attempt (1, then 2 on its retry) and idempotency key', async () => {
  const j = await q.enqueue('jobs', 'meta', null, { idempotencyKey: `meta-${Date.now()}` });
  assert.equal(await j.result(WAIT), { 'corral.queue': 'jobs', 'corral.job': j.id, 'corral.attempt': '1', 'corral.key': (await j.info())!.key });
  const r = await q.enqueue('jobs', 'flakyMeta', null, { retries: 1, backoff: 10 });
  assert.equal(await r.result(WAIT), { 'corral.queue': 'jobs', 'corral.job': r.id, 'corral.attempt': '2' });
});

t('idempotency keys: the same key gives the same job, which runs once [QUEUE-2]', async () => {
  const key = `once-${Date.now()}`;
  const a = await q.enqueue('jobs', 'effect', { key }, { idempotencyKey: key });
  const b = await q.enqueue('jobs', 'effect', { key }, { idempotencyKey: key });
  assert.is(b.id, a.id);
  assert.is(b.created, false);
  assert.is(await a.result(WAIT), key);
  const c = await q.enqueue('jobs', 'effect', { key }, { idempotencyKey: key });
  assert.is(c.id, a.id, 'still the same job after it finished (while its hash lives)');
  assert.is((await a.info())!.attempts, 1);
});

t('a job that keeps killing its worker is dead-lettered after maxDeliveries (2), not run for ever [QUEUE-7]', async () => {
  const j = await q.enqueue('jobs', 'crash', null);
  const err = await j.result(WAIT).then(() => undefined, (e: unknown) => e as { code: string; message: string });
  assert.is(err?.code, 'CORRAL_ERR_QUEUE_DEAD_LETTER');
  const dead = await q.broker.dead('jobs', 100);
  const entry = dead.find((d) => d.id === j.id);
  assert.ok(entry, JSON.stringify(dead));
  assert.is(entry!.deliveries, 2);
  // The pool is whole again.
  assert.is(await (await q.enqueue('jobs', 'add', { a: 3, b: 4 })).result(WAIT), 7);
});

t('bad input: clear errors with stable codes, before anything reaches Redis', async () => {
  const code = async (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code: string }) => e.code);
  assert.is(await code(q.enqueue('no such queue!', 'x')), 'CORRAL_ERR_INVALID_OPTION');
  assert.is(await code(q.enqueue('jobs', '.bad')), 'CORRAL_ERR_INVALID_OPTION');
  assert.is(await code(q.enqueue('jobs', 'echo', 'x', { priority: 'urgent' as never })), 'CORRAL_ERR_INVALID_OPTION');
  assert.is(await code(q.enqueue('jobs', 'echo', 'x', { retries: -1 })), 'CORRAL_ERR_INVALID_OPTION');
  assert.is(await code(q.enqueue('jobs', 'echo', 'x', { bogus: 1 } as never)), 'CORRAL_ERR_INVALID_OPTION');
  assert.is(await code(q.enqueue('jobs', 'echo', 'x'.repeat(17 * 1024 * 1024))), 'CORRAL_ERR_QUEUE_PAYLOAD_TOO_LARGE');
  // An action the app does not have: a dead letter, not a retry loop.
  const u = await q.enqueue('jobs', 'nope', null, { retries: 5 });
  assert.is(await code(u.result(WAIT)), 'CORRAL_ERR_TASK_UNKNOWN');
  assert.is((await u.info())!.attempts, 1);
});

t('malformed entries written straight to Redis are dead-lettered and the consumer goes on: a hash without task, an entry of format 2, an entry naming no job [QUEUE-7]', async () => {
  const r = q.broker.redis;
  await r.multi()
    .hset('sem:j:notask', 'queue', 'jobs', 'state', 'PENDING', 'p', '1', 'ct', 'application/json', 'rc', q.channel)
    .xadd('sem:q:jobs:s:1', '*', 'id', 'notask', 'v', '1')
    .exec();
  const good = await q.enqueue('jobs', 'add', { a: 20, b: 22 });
  assert.is(await good.result(WAIT), 42, 'the job after the bad one runs');
  // Now the consumer is idle, blocked in XREADGROUP: the entry of format 2 arrives that way.
  const v2 = await q.enqueue('jobs', 'echo', 'x', { delayMs: 60_000 });
  await r.multi().zrem('sem:q:jobs:delayed', v2.id).xadd('sem:q:jobs:s:1', '*', 'id', v2.id, 'v', '2').exec();
  await r.xadd('sem:q:jobs:s:1', '*', 'v', '1');
  assert.is(await v2.result(WAIT).catch((e: { code: string }) => e.code), 'CORRAL_ERR_QUEUE_VERSION');
  assert.is(await (await q.enqueue('jobs', 'add', { a: 1, b: 2 })).result(WAIT), 3);
  const notask = await q.job('notask').info();
  assert.is(notask?.state, 'FAILURE');
  assert.is(notask?.error?.code, 'CORRAL_ERR_QUEUE_DEAD_LETTER');
  const reasons = (await q.broker.dead('jobs', 1000)).map((d) => `${d.id}|${d.reason.split(':')[0]}`);
  assert.ok(reasons.includes('notask|CORRAL_ERR_QUEUE_DEAD_LETTER'), reasons.join(' '));
  assert.ok(reasons.includes(`${v2.id}|CORRAL_ERR_QUEUE_VERSION`), reasons.join(' '));
  assert.ok(reasons.includes('|CORRAL_ERR_QUEUE_DEAD_LETTER'), 'the entry without an id');
});

t('a streamed (generator) action\'s chunks are the job\'s result, as a list', async () => {
  assert.equal(await (await q.enqueue('jobs', 'count', { n: 4 })).result(WAIT), [0, 1, 2, 3]);
});

t('workflows: chain pipes results, group and chunks give lists, chord gives the group\'s results to its body', async () => {
  assert.is(await (await q.workflow(chain(sig('jobs', 'add', { a: 1, b: 2 }), sig('jobs', 'echo'), sig('jobs', 'echo', 'fixed', { immutable: true })))).result(WAIT), 'fixed');
  assert.is(await (await q.workflow(chain(sig('jobs', 'add', { a: 1, b: 2 }), sig('jobs', 'echo')))).result(WAIT), 3);
  assert.equal(await (await q.workflow(group(sig('jobs', 'add', { a: 1, b: 2 }), sig('jobs', 'add', { a: 3, b: 4 })))).result(WAIT), [3, 7]);
  assert.equal(await (await q.workflow(chord([sig('jobs', 'add', { a: 1, b: 2 }), sig('jobs', 'add', { a: 3, b: 4 })], sig('jobs', 'echo')))).result(WAIT), [3, 7]);
  assert.equal(await (await q.workflow(chunks('jobs', 'echo', [1, 2, 3, 4, 5], 2))).result(WAIT), [[1, 2], [3, 4], [5]]);
  const failed = await q.workflow(chain(sig('jobs', 'fail', 1), sig('jobs', 'echo')));
  assert.is(await failed.result(WAIT).catch((e: { code: string }) => e.code), 'CORRAL_ERR_QUEUE_UPSTREAM');
  assert.is(await failed.state(), 'FAILURE');
});

t('a DAG with trigger rules: all_success is revoked upstream of a failure, one_failed and all_done run', async () => {
  const w = await q.workflow(dag({
    A: { queue: 'jobs', task: 'fail', payload: 1 },
    B: { queue: 'jobs', task: 'echo', payload: 'b', deps: ['A'] },
    C: { queue: 'jobs', task: 'echo', payload: 'c', deps: ['A'], rule: 'one_failed' },
    D: { queue: 'jobs', task: 'echo', payload: 'd', deps: ['B', 'C'], rule: 'all_done' },
    E: { queue: 'jobs', task: 'add', payload: { a: 1, b: 1 } },
    F: { queue: 'jobs', task: 'echo', deps: ['E', 'C'], pipe: true },
  }));
  assert.equal(await w.result(WAIT), { C: 'c', D: 'd', E: 2, F: [2, 'c'] });
  assert.equal(await w.status(), { A: 'FAILURE', B: 'REVOKED', C: 'SUCCESS', D: 'SUCCESS', E: 'SUCCESS', F: 'SUCCESS' });
  const b = await q.job(w.nodes.B!).info();
  assert.is(b!.error!.code, 'CORRAL_ERR_QUEUE_UPSTREAM');
  assert.is(b!.started, undefined);
  assert.is(await q.workflow(dag({ A: { queue: 'jobs', task: 'echo', deps: ['B'] }, B: { queue: 'jobs', task: 'echo', deps: ['A'] } })).catch((e: { code: string }) => e.code), 'CORRAL_ERR_INVALID_OPTION');
});

t('a periodic job runs once per tick across two arbiters with the same schedule, and inspection shows the queue', async () => {
  // Both beats have been ticking every second since the arbiters started.
  await new Promise((r) => setTimeout(r, 1200));
  const keys = (await q.broker.redis.keys('sem:k:jobs:beat:tick:*')).sort();
  assert.ok(keys.length >= 3, `ticks so far: ${keys.length}`);
  const ticks = keys.map((k) => Number(k.split(':').pop()));
  for (const tick of ticks) assert.is(tick % 1000, 0, 'ticks fall on whole seconds');
  const jobIds = await Promise.all(keys.map((k) => q.broker.redis.get(k)));
  assert.is(new Set(jobIds).size, keys.length, 'one job per tick');
  // Every noop job that ran was a tick's job: neither beat made a second one.
  const noops = (await q.jobs('jobs', 'SUCCESS', 1000)).filter((j) => j.task === 'noop');
  assert.ok(noops.length >= keys.length - 2 && noops.length <= keys.length, `${noops.length} noop jobs for ${keys.length} ticks`);
  for (const j of noops) assert.ok(jobIds.includes(j.id), `noop job ${j.id} is a tick's job`);
  const info = await q.broker.inspect('jobs');
  assert.is(info.queue, 'jobs');
  assert.ok(info.finished.SUCCESS! >= 10, JSON.stringify(info.finished));
  assert.ok(info.consumers.some((c) => c.alive), JSON.stringify(info.consumers));
  assert.is(info.dead >= 2, true, 'the crash job and the unknown task are dead letters');
});

test.run();
