// spec.md section 13 is enough for another language to produce jobs: a
// Python producer (native-tests/workers/python/queue_producer.py, standard
// library only) enqueues through the same Lua scripts, and a real arbiter
// consuming a real redis-server runs its jobs. Results travel both ways
// (Python waits for its own jobs and for Node's; Node waits for Python's),
// idempotency keys hold across languages, and bad input (a newer format
// version, a malformed stream entry, an unknown task) is dead-lettered
// without stopping the consumer. Skipped with a notice when redis-server is
// not installed.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { Arbiter } from '../../src/arbiter/arbiter.js';
import { Queue } from '../../src/queue/producer.js';
import { REDIS_SKIP_NOTICE, redisServerPath, startRedis, type RedisServer } from '../../fixtures/redis/server.js';

const PRODUCER = resolve('native-tests/workers/python/queue_producer.py');
const JOBS = resolve('fixtures/queue/jobs.mjs');
const installed = redisServerPath() !== undefined;
if (!installed) console.log(REDIS_SKIP_NOTICE);
const t = installed ? test : test.skip;

let redis: RedisServer | undefined;
let arbiter: Arbiter | undefined;
let q: Queue | undefined;

test.before(async () => {
  if (!installed) return;
  redis = await startRedis();
  arbiter = new Arbiter({ logLevel: 'warning', tasks: [{ name: 'jobs', module: JOBS }], taskWorkers: 1, queue: { redis: redis.url, visibilityMs: 2000 } });
  const ready = new Promise<void>((r) => arbiter!.once('ready', () => r()));
  await arbiter.start();
  await ready;
  // pollMs: a job Python enqueued names Python's result channel, so a Node waiter reads the hash to learn it ended.
  q = await Queue.connect({ redis: redis.url, pollMs: 100 });
});

test.after(async () => {
  await q?.close();
  await arbiter?.stop();
  await redis?.stop();
});

interface Run { code: number | null; stdout: string; stderr: string }

/** queue_producer.py with these arguments, against the test's Redis. */
function py(...args: string[]): Promise<Run> {
  return new Promise((res) => {
    execFile('python3', [PRODUCER, '--redis', redis!.url, ...args], { timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : null) : 0;
      res({ code, stdout, stderr });
    });
  });
}

const lines = (r: Run) => r.stdout.trim().split('\n');
const ID = /^[A-Za-z0-9_-]{22}$/;

async function json(...args: string[]): Promise<{ code: number | null; out: Record<string, unknown> }> {
  const r = await py(...args);
  assert.is(r.stderr, '', `queue_producer.py ${args.join(' ')} wrote to stderr`);
  return { code: r.code, out: JSON.parse(r.stdout) as Record<string, unknown> };
}

async function eventually<T>(get: () => Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The dead letter of `id` in P:q:jobs:dead, once it is there. */
const deadLetter = (id: string) => eventually(async () => (await q!.broker.dead('jobs', 1000)).find((d) => d.id === id), `dead letter for "${id}"`);

const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code?: string }) => e.code ?? String(e));

t('Python enqueues jobs.add {a:2,b:3} and waits: 5 [QUEUE-1, section 13.5]', async () => {
  const r = await py('enqueue', 'jobs', 'add', '{"a":2,"b":3}', '--wait', '--timeout', '20');
  assert.is(r.stderr, '');
  assert.is(r.code, 0);
  const [id, result] = lines(r);
  assert.match(id!, ID);
  assert.is(result, '5');
  const info = (await q!.job(id!).info())!;
  assert.is(info.state, 'SUCCESS');
  assert.is(info.queue, 'jobs');
  assert.is(info.task, 'add');
  assert.is(info.attempts, 1);
  assert.is(info.contentType, 'application/json');
  assert.is(info.payload.toString(), '{"a":2,"b":3}');
  assert.is(info.resultContentType, 'application/json');
  assert.is(info.result!.toString(), '5');
  assert.is(info.consumer, arbiter!.stats().tasks!.queue!.consumer);
});

t('Python enqueues, Node reads the result; Node enqueues, Python reads it; both write the same job hash fields', async () => {
  const payload = { x: [1, 'two', null], y: { z: true } };
  const r = await py('enqueue', 'jobs', 'echo', JSON.stringify(payload));
  assert.is(r.code, 0);
  const id = lines(r)[0]!;
  assert.match(id, ID);
  assert.equal(await q!.job(id).result({ timeoutMs: 20_000 }), payload);

  const node = await q!.enqueue('jobs', 'add', { a: 40, b: 2 });
  const back = await json('result', node.id, '--json', '--timeout', '20');
  assert.is(back.code, 0);
  assert.equal(back.out, { id: node.id, state: 'SUCCESS', result: 42 });

  const fields = async (jobId: string) => Object.keys(await q!.broker.redis.hgetall(`corral:j:${jobId}`)).sort();
  assert.equal(await fields(id), await fields(node.id), 'a finished Python job and a finished Node job have the same fields');
  const pyRc = await q!.broker.redis.hget(`corral:j:${id}`, 'rc');
  assert.match(pyRc!, /^[A-Za-z0-9_-]{16}$/, "the Python job's rc is its producer's channel");
  assert.is.not(pyRc, q!.channel);
});

t('an idempotency key: the same key gives the same id, created false the second time, and one run [QUEUE-2]', async () => {
  const key = `order-${process.pid}-${Date.now()}`;
  const first = await json('enqueue', 'jobs', 'add', '{"a":1,"b":2}', '--key', key, '--json');
  assert.is(first.code, 0);
  assert.is(first.out.created, true);
  assert.match(first.out.id as string, ID);
  // A second producer (another process, another result channel) waits for the first one's job.
  const second = await json('enqueue', 'jobs', 'add', '{"a":100,"b":200}', '--key', key, '--json', '--wait', '--timeout', '20');
  assert.is(second.code, 0);
  assert.equal(second.out, { id: first.out.id, created: false, state: 'SUCCESS', result: 3 });
  const third = await json('enqueue', 'jobs', 'add', '{"a":1,"b":2}', '--key', `${key}-other`, '--json');
  assert.is(third.out.created, true);
  assert.is.not(third.out.id, first.out.id);
  const info = (await q!.job(first.out.id as string).info())!;
  assert.is(info.key, key);
  assert.is(info.attempts, 1, 'the job ran once');
  assert.is(await q!.broker.redis.get(`corral:k:jobs:${key}`), first.out.id);
});

t('a job of format version 2 ends FAILURE with CORRAL_ERR_QUEUE_VERSION, unrun, and is dead-lettered [QUEUE-7]', async () => {
  const r = await py('raw-job', 'jobs', 'add', '{"a":2,"b":3}', '--v', '2');
  assert.is(r.code, 0);
  const id = lines(r)[0]!;
  assert.match(id, ID);
  const w = await json('result', id, '--json', '--timeout', '20');
  assert.is(w.code, 1);
  assert.equal(w.out, { id, state: 'FAILURE', error: { code: 'CORRAL_ERR_QUEUE_VERSION', message: 'queue format 2 is newer than this consumer knows (1)' } });
  assert.is(await codeOf(q!.job(id).result({ timeoutMs: 5000 })), 'CORRAL_ERR_QUEUE_VERSION');
  const dead = await deadLetter(id);
  assert.match(dead.reason, /^CORRAL_ERR_QUEUE_VERSION: queue format 2 /);
  assert.is(dead.deliveries, 0);
  const info = (await q!.job(id).info())!;
  assert.is(info.attempts, 0, 'never ran');
  assert.is(info.started, undefined);
  assert.is(await q!.broker.redis.hget(`corral:j:${id}`, 'v'), '2');
});

t('a malformed stream entry (no id) is dead-lettered, and the consumer goes on: a normal job after it succeeds [QUEUE-4, QUEUE-7]', async () => {
  const stream = 'corral:q:jobs:s:1';
  const noId = await py('raw-entry', 'jobs', '--fields', 'foo=bar', 'v=1');
  assert.is(noId.code, 0);
  const noIdEntry = lines(noId)[0]!;
  assert.match(noIdEntry, /^\d+-\d+$/);
  const ghost = `ghost-${process.pid}`;
  const ghostRun = await py('raw-entry', 'jobs', '--fields', `id=${ghost}`, 'v=1');
  assert.is(ghostRun.code, 0);

  const after = await py('enqueue', 'jobs', 'add', '{"a":20,"b":22}', '--wait', '--timeout', '20');
  assert.is(after.stderr, '');
  assert.is(after.code, 0);
  assert.is(lines(after)[1], '42');

  const dead = await deadLetter('');
  assert.is(dead.reason, 'CORRAL_ERR_QUEUE_DEAD_LETTER: the entry names no job');
  assert.is(dead.deliveries, 0);
  assert.is((await deadLetter(ghost)).reason, 'CORRAL_ERR_QUEUE_DEAD_LETTER: the entry names no job');
  // Acknowledged and deleted, not left pending under the consumer.
  assert.equal(await q!.broker.redis.xrange(stream, noIdEntry, noIdEntry), []);
  assert.is((await q!.broker.redis.xpending(stream, 'corral') as unknown[])[0], 0);
  assert.is(arbiter!.stats().tasks!.queue!.redisDown, false);
});

t('an unknown task name ends FAILURE with CORRAL_ERR_TASK_UNKNOWN and is dead-lettered; a failing action is not [QUEUE-7, QUEUE-9]', async () => {
  const r = await json('enqueue', 'jobs', 'nosuch', '{}', '--json', '--wait', '--timeout', '20');
  assert.is(r.code, 1);
  const id = r.out.id as string;
  assert.match(id, ID);
  assert.is(r.out.created, true);
  assert.is(r.out.state, 'FAILURE');
  const err = r.out.error as { code: string; message: string };
  assert.is(err.code, 'CORRAL_ERR_TASK_UNKNOWN');
  assert.match(err.message, 'jobs.nosuch');
  const dead = await deadLetter(id);
  assert.is(dead.reason, `CORRAL_ERR_TASK_UNKNOWN: ${err.message}`);
  assert.is(dead.deliveries, 1);
  assert.is(await codeOf(q!.job(id).result({ timeoutMs: 5000 })), 'CORRAL_ERR_TASK_UNKNOWN');

  // Without --json: the code and message on stderr, exit status 1.
  const plain = await py('enqueue', 'jobs', 'fail', '{"x":1}', '--retries', '1', '--wait', '--timeout', '20');
  assert.is(plain.code, 1);
  const failed = lines(plain)[0]!;
  assert.is(plain.stderr, 'CORRAL_ERR_TASK_FAILED: failed on purpose: {"x":1}\n');
  const info = (await q!.job(failed).info())!;
  assert.is(info.state, 'FAILURE');
  assert.is(info.attempts, 2, 'retried once (retries = 1, the backoff JSON read back)');
  assert.not.ok((await q!.broker.dead('jobs', 1000)).some((d) => d.id === failed), 'an action that throws is not a dead letter');
});

test.run();
