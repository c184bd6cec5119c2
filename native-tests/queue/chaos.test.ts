// Scaling out, and what a crash costs: several arbiters (one per simulated
// host) consume one queue in one Redis; task workers and a whole arbiter with
// its workers are killed with SIGKILL under load, and Redis itself is
// restarted with its append-only file on. The final ledger must show every
// job SUCCESS and every job's effect made exactly once: a job run twice
// (at-least-once delivery) finds its idempotency key taken.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue, type Job } from '../../src/queue/producer.js';
import { REDIS_SKIP_NOTICE, redisServerPath, startRedis, type RedisServer } from '../../fixtures/redis/server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const APP = join(root, 'fixtures/queue/jobs.mjs');
const skip = redisServerPath() === undefined;
if (skip) console.log(REDIS_SKIP_NOTICE);
const t = skip ? test.skip : test;

let redis: RedisServer;
let dir: string;
const procs: ChildProcess[] = [];

test.before(async () => {
  if (skip) return;
  redis = await startRedis({ aof: true });
  dir = mkdtempSync(join(tmpdir(), 'corral-chaos-'));
});

test.after(async () => {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) try { process.kill(-p.pid!, 'SIGKILL'); } catch { /* gone */ }
  await redis?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** An arbiter in a process group of its own (killing the group is losing the host). */
function arbiter(prefix: string, ledger: string): ChildProcess {
  const p = spawn(process.execPath, [join(root, 'bin/corral.mjs'), 'run', '--log-level', 'warning', '--tasks', `jobs=${APP}`, '--task-workers', '2', '--task-capacity', '4',
    '--redis', redis.url, '--queue-prefix', prefix, '--visibility', '1.5', '--max-deliveries', '50'], {
    cwd: root, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, QUEUE_REDIS: redis.url, QUEUE_LEDGER: ledger },
  });
  let tail = '';
  p.stderr!.on('data', (b: Buffer) => { tail = (tail + b.toString()).slice(-4000); });
  p.on('exit', (code, sig) => { if (code !== 0 && sig !== 'SIGKILL' && sig !== 'SIGTERM') console.log(`arbiter ${p.pid} exited ${code ?? sig}: ${tail}`); });
  procs.push(p);
  return p;
}

function children(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(d));
    } catch { /* exited */ }
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, ok: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * `n` arbiters consuming under `prefix`, a producer, and their ledger; the
 * body may start more arbiters with spawn(). Afterwards every arbiter still
 * alive is stopped with TERM and awaited.
 */
async function scene(prefix: string, n: number, body: (s: { ledger: string; hosts: ChildProcess[]; q: Queue; spawn(): ChildProcess }) => Promise<void>): Promise<void> {
  const ledger = join(dir, `ledger-${prefix}`);
  const hosts: ChildProcess[] = [];
  const spawnOne = () => { const h = arbiter(prefix, ledger); hosts.push(h); return h; };
  for (let i = 0; i < n; i++) spawnOne();
  const q = await Queue.connect({ redis: redis.url, prefix });
  try {
    await waitFor(`${n} live consumer(s)`, async () => (await q.broker.redis.keys(`${prefix}:alive:*`)).length === n);
    await body({ ledger, hosts, q, spawn: spawnOne });
  } finally {
    await q.close();
    const alive = hosts.filter((h) => h.exitCode === null && h.signalCode === null);
    for (const h of alive) h.kill('SIGTERM');
    await Promise.all(alive.map((h) => new Promise((r) => { if (h.exitCode !== null || h.signalCode !== null) r(undefined); else h.once('exit', r); })));
  }
}

/** The ledger: every job SUCCESS with its own key as result, every effect once. */
async function audit(q: Queue, jobs: Job[], keys: string[], ledger: string): Promise<{ runs: number; reruns: number }> {
  const results = await Promise.all(jobs.map((j) => j.result({ timeoutMs: 120_000 }).catch((e: Error) => e)));
  const failed = results.map((r, i) => ({ r, i })).filter(({ r, i }) => r !== keys[i]);
  assert.is(failed.length, 0, `jobs without their result: ${JSON.stringify(failed.slice(0, 5).map(({ r, i }) => [keys[i], String(r)]))}`);
  for (const j of jobs) assert.is(await j.state(), 'SUCCESS');
  const made = await Promise.all(keys.map((k) => q.broker.redis.get(`test:effect:${k}`)));
  assert.is(made.filter((m) => m === null).length, 0, 'every effect was made');
  const lines = readFileSync(ledger, 'utf8').split('\n').filter(Boolean);
  // test:effects lists each effect made, appended in the same script as the guard.
  const effects = await q.broker.redis.lrange('test:effects', 0, -1);
  const mine = new Set(keys);
  const counted = effects.filter((k) => mine.has(k!));
  assert.is(counted.length, keys.length, 'each key\'s effect was made exactly once (no second effect for a job run twice)');
  assert.is(new Set(counted).size, keys.length);
  const runs = lines.filter((l) => l.startsWith('run ') && mine.has(l.split(' ')[1]!)).length;
  return { runs, reruns: runs - keys.length };
}

t('three arbiters on one queue; task workers and a whole arbiter killed with SIGKILL under load: nothing lost, no effect twice [QUEUE-4, QUEUE-5, QUEUE-6]', async () => {
  await scene('chaos', 3, async ({ ledger, hosts, q }) => {
    const N = 400;
    const keys = Array.from({ length: N }, (_, i) => `c-${i}`);
    const jobs = await Promise.all(keys.map((key) => q.enqueue('jobs', 'effect', { key, ms: 100 }, { idempotencyKey: key })));
    // Chaos: every 250 ms a task worker dies; the fourth blow takes a whole host.
    let kills = 0;
    let hostLost = false;
    let settled = false;
    const chaos = (async () => {
      while (kills < 10 && !settled) {
        await sleep(250);
        const alive = hosts.filter((h) => h.exitCode === null && h.signalCode === null);
        if (kills === 3 && !hostLost) {
          hostLost = true;
          process.kill(-alive[0]!.pid!, 'SIGKILL');
        } else {
          const victims = alive.flatMap((h) => children(h.pid!));
          if (victims.length) try { process.kill(victims[Math.floor(Math.random() * victims.length)]!, 'SIGKILL'); } catch { /* just exited */ }
        }
        kills++;
      }
    })();
    const { runs, reruns } = await audit(q, jobs, keys, ledger).finally(() => { settled = true; });
    await chaos;
    assert.ok(hostLost);
    assert.ok(kills >= 4, `${kills} kills happened before the jobs were done`);
    console.log(`  chaos: ${N} jobs, ${kills} kills (one a whole arbiter), ${runs} runs (${reruns} re-runs after a kill), 0 lost, 0 effects twice`);
    const info = await q.broker.inspect('jobs');
    assert.is(info.dead, 0, 'no job was dead-lettered');
    assert.is(info.streams.reduce((n, s) => n + s.pending + s.waiting, 0), 0, 'nothing left pending or waiting');
  });
});

t('Redis restarted mid-run (append-only file on): consumers and producers reconnect, nothing acknowledged is lost [QUEUE-4, QUEUE-13]', async () => {
  await scene('rr', 2, async ({ ledger, q }) => {
    const N = 300;
    const keys = Array.from({ length: N }, (_, i) => `r-${i}`);
    const jobs = await Promise.all(keys.slice(0, 200).map((key) => q.enqueue('jobs', 'effect', { key, ms: 20 }, { idempotencyKey: key })));
    await waitFor('a third of the jobs done', async () => (await q.broker.redis.lrange('test:effects', 0, -1).catch(() => [])).filter((k) => k.startsWith('r-')).length >= 70);
    const restarted = redis.restart({ downMs: 500 });
    // Enqueued while Redis is down: the client holds them until it is back.
    const late = keys.slice(200).map((key) => q.enqueue('jobs', 'effect', { key, ms: 20 }, { idempotencyKey: key }));
    await restarted;
    jobs.push(...(await Promise.all(late)));
    const { runs, reruns } = await audit(q, jobs, keys, ledger);
    console.log(`  restart: ${N} jobs (100 enqueued while Redis was down), ${runs} runs (${reruns} re-runs), 0 lost, 0 effects twice`);
  });
});

t('a workflow goes on when the arbiter running its step dies: another arbiter runs the rest [QUEUE-5]', async () => {
  await scene('wf', 1, async ({ hosts, q, spawn }) => {
    const { chain, sig } = await import('../../src/queue/workflow.js');
    const w = await q.workflow(chain(sig('jobs', 'add', { a: 1, b: 2 }), sig('jobs', 'sleep', { ms: 1500 }, { immutable: true }), sig('jobs', 'echo', 'after', { immutable: true })));
    await waitFor('the sleep step running', async () => (await w.status())[`2.sleep`] === 'QUEUED' && (await q.job(w.nodes['2.sleep']!).state()) === 'STARTED');
    process.kill(-hosts[0]!.pid!, 'SIGKILL');
    spawn();
    assert.is(await w.result({ timeoutMs: 60_000 }), 'after');
    assert.equal(await w.status(), { '1.add': 'SUCCESS', '2.sleep': 'SUCCESS', '3.echo': 'SUCCESS' });
    assert.is((await q.job(w.nodes['2.sleep']!).info())!.attempts, 1, 'the step killed with its arbiter ran again, once to the end');
  });
});

t('a graceful stop (TERM) finishes the jobs it runs and writes their outcomes: nothing runs twice, nothing is lost', async () => {
  await scene('term', 1, async ({ ledger, hosts, q, spawn }) => {
    const first = hosts[0]!;
    const keys = Array.from({ length: 12 }, (_, i) => `t-${i}`);
    const jobs = await Promise.all(keys.map((key) => q.enqueue('jobs', 'effect', { key, ms: 800 }, { idempotencyKey: key })));
    await waitFor('jobs running', async () => (await Promise.all(jobs.map((j) => j.state()))).filter((s) => s === 'STARTED').length >= 4);
    const exited = new Promise<number | null>((r) => first.once('exit', (code) => r(code)));
    first.kill('SIGTERM');
    spawn();
    const { runs, reruns } = await audit(q, jobs, keys, ledger);
    assert.is(await exited, 0, 'the stopped arbiter exits 0');
    assert.is(reruns, 0, `${runs} runs for ${keys.length} jobs`);
    for (const j of jobs) assert.is((await j.info())!.attempts, 1);
  });
});

t('an arbiter started while Redis is down starts anyway and consumes once Redis comes', async () => {
  redis.kill();
  const ledger = join(dir, 'ledger-late');
  const host = arbiter('late', ledger);
  try {
    await sleep(1500); // the arbiter is up, its consumer retrying
    assert.is(host.exitCode, null, 'the arbiter did not exit');
    await redis.start();
    const q = await Queue.connect({ redis: redis.url, prefix: 'late' });
    try {
      const job = await q.enqueue('jobs', 'add', { a: 4, b: 5 });
      assert.is(await job.result({ timeoutMs: 60_000 }), 9);
    } finally {
      await q.close();
    }
  } finally {
    host.kill('SIGTERM');
    if (host.exitCode === null) await new Promise((r) => host.once('exit', r));
  }
});

test.run();
