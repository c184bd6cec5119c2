// `corral queue` against a real redis-server and a real arbiter: what an
// operator types, with the exit codes the help promises.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Arbiter } from '../../src/arbiter/arbiter.js';
import { REDIS_SKIP_NOTICE, redisServerPath, startRedis, type RedisServer } from '../../fixtures/redis/server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const skip = redisServerPath() === undefined;
if (skip) console.log(REDIS_SKIP_NOTICE);
const t = skip ? test.skip : test;

let redis: RedisServer;
let a: Arbiter;

function corral(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'bin/corral.mjs'), 'queue', '--redis', redis.url, ...args], { cwd: root, timeout: 60_000 }, (e, out, err) => {
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, out, err });
    });
  });
}

test.before(async () => {
  if (skip) return;
  redis = await startRedis();
  a = new Arbiter({ logLevel: 'error', tasks: [{ name: 'jobs', module: join(root, 'fixtures/queue/jobs.mjs') }], taskWorkers: 1, queue: { redis: redis.url, maxDeliveries: 1 } });
  const ready = new Promise<void>((r) => a.once('ready', () => r()));
  await a.start();
  await ready;
});

test.after(async () => {
  await a?.stop();
  await redis?.stop();
});

t('enqueue --wait prints the result; job, jobs, stats show it; a failing job exits 1 with its code', async () => {
  const r = await corral('--json', 'enqueue', 'jobs', 'add', '{"a":2,"b":3}', '--wait');
  assert.is(r.code, 0, r.err);
  const { id, state, result } = JSON.parse(r.out) as { id: string; state: string; result: number };
  assert.is(state, 'SUCCESS');
  assert.is(result, 5);
  const job = JSON.parse((await corral('--json', 'job', id)).out) as { state: string; attempts: number; payload: string; result: string };
  assert.equal([job.state, job.attempts, job.payload, job.result], ['SUCCESS', 1, '{"a":2,"b":3}', '5']);
  const done = JSON.parse((await corral('--json', 'jobs', 'jobs', '--state', 'success')).out) as { id: string }[];
  assert.ok(done.some((j) => j.id === id));
  const f = await corral('enqueue', 'jobs', 'fail', '"x"', '--wait');
  assert.is(f.code, 1);
  assert.match(f.out, /CORRAL_ERR_TASK_FAILED: .*failed on purpose/);
  const stats = JSON.parse((await corral('--json', 'stats')).out) as { queue: string; finished: Record<string, number>; consumers: { alive: boolean }[] }[];
  assert.is(stats.length, 1);
  assert.equal([stats[0]!.queue, stats[0]!.finished.SUCCESS, stats[0]!.finished.FAILURE], ['jobs', 1, 1]);
  assert.is(stats[0]!.consumers.filter((c) => c.alive).length, 1);
  const text = await corral('stats');
  assert.match(text.out, /^queue\s+waiting h\/n\/l\s+active/m);
});

t('dead letters are listed and redriven; revoke; a delayed job is listed as DELAYED', async () => {
  const crash = await corral('--json', 'enqueue', 'jobs', 'crash', '--wait');
  assert.is(crash.code, 1);
  assert.is((JSON.parse(crash.out) as { error: { code: string } }).error.code, 'CORRAL_ERR_QUEUE_DEAD_LETTER');
  const dead = JSON.parse((await corral('--json', 'dead', 'jobs')).out) as { id: string; reason: string }[];
  assert.is(dead.length, 1);
  assert.match(dead[0]!.reason, /^CORRAL_ERR_QUEUE_DEAD_LETTER: delivered 1 times/);
  const later = JSON.parse((await corral('--json', 'enqueue', 'jobs', 'echo', '1', '--delay', '60')).out) as { id: string };
  const delayed = JSON.parse((await corral('--json', 'jobs', 'jobs', '--state', 'DELAYED')).out) as { id: string; state: string }[];
  assert.equal(delayed.map((j) => [j.id, j.state]), [[later.id, 'PENDING']]);
  assert.match((await corral('revoke', later.id)).out, /REVOKED/);
  assert.is((await corral('revoke', 'no-such-job')).code, 1);
  assert.match((await corral('redrive', 'jobs')).out, /^1 dead letter\(s\) back in jobs/);
  // Back in the queue, the job kills its worker again and is dead-lettered again: a new dead entry, the old one gone.
  let again: { id: string; entry: string }[] = [];
  for (let i = 0; i < 200 && again.length === 0; i++) {
    again = JSON.parse((await corral('--json', 'dead', 'jobs')).out) as typeof again;
    if (again.length === 0) await new Promise((r) => setTimeout(r, 100));
  }
  assert.is(again.length, 1);
  assert.is(again[0]!.id, dead[0]!.id);
  assert.is.not(again[0]!.entry, (dead[0] as unknown as { entry: string }).entry);
});

t('usage errors exit 2 and name the problem; an unreachable Redis exits 1', async () => {
  const bad = await corral('jobs', 'jobs', '--state', 'WEIRD');
  assert.is(bad.code, 2);
  assert.match(bad.err, /--state must be one of/);
  assert.is((await corral('nonsense')).code, 2);
  assert.is((await corral('enqueue', 'jobs', 'add', '{not json')).code, 2);
  assert.is((await corral('enqueue', 'bad queue!', 'add')).code, 2);
  const down = await new Promise<{ code: number; err: string }>((resolve) => {
    execFile(process.execPath, [join(root, 'bin/corral.mjs'), 'queue', '--redis', 'redis://127.0.0.1:9', 'stats'], { cwd: root, timeout: 60_000 }, (e, _o, err) => resolve({ code: e ? Number(e.code) : 0, err }));
  });
  assert.is(down.code, 1);
  assert.match(down.err, /CORRAL_ERR_QUEUE_BROKER|did not answer/);
});

test.run();
