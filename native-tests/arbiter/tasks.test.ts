// The task pool with real processes: task workers beside socket workers,
// execute() from the embedding process, from a socket worker and from a
// client of the task socket; concurrency, crash settlement, idempotent
// re-runs, the hard deadline, recycling, reload, streams paced end to end,
// and what a task worker inherits. Counts are asserted, not timings.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { readdirSync, readlinkSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Arbiter } from '../../src/arbiter/arbiter.js';
import type { ArbiterInput } from '../../src/arbiter/options.js';
import { nodeWorkerCommand } from '../../src/cli/run.js';
import { tsxImport } from '../../src/transport/tsx.js';

const here = resolve('native-tests/arbiter/task-apps');
const PROBE = { name: 'probe', module: join(here, 'probe.mjs') };
const ECHO = { name: 'echo', module: resolve('fixtures/tasks/echo.mjs') };
const quiet = { logLevel: 'warning' as const };

async function pool(o: ArbiterInput): Promise<Arbiter> {
  const a = new Arbiter({ ...quiet, ...o });
  const ready = new Promise<void>((r) => a.once('ready', () => r()));
  await a.start();
  await ready;
  return a;
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? String(e));
const until = async (cond: () => boolean, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};
const taskPids = (a: Arbiter, state = 'ready') => a.stats().workers.filter((w) => w.kind === 'task' && w.state === state).map((w) => w.pid!);

test('real concurrency up to the capacity, least loaded across workers, the rest queued and run [TASK-11, TASK-23, TASK-24]', async () => {
  const a = await pool({ tasks: [PROBE], taskWorkers: 2, taskCapacity: 3 });
  try {
    const jobs = Array.from({ length: 10 }, () => a.execute('probe', 'hold', { ms: 400 }) as Promise<{ pid: number; at: number; max: number }>);
    const r = await Promise.all(jobs);
    assert.is(r.length, 10, 'every job settled with a result');
    assert.ok(r.every((x) => x.max <= 3), `no worker ran more than its capacity at once (max ${Math.max(...r.map((x) => x.max))})`);
    assert.ok(r.some((x) => x.at >= 2), 'jobs really ran concurrently inside a worker');
    const byPid = new Map<number, number>();
    for (const x of r) byPid.set(x.pid, (byPid.get(x.pid) ?? 0) + 1);
    assert.is(byPid.size, 2, 'both workers took jobs');
    const s = a.stats().tasks!.apps.probe as { submitted: number; completed: number; queued: number };
    assert.equal([s.submitted, s.completed, s.queued], [10, 10, 0]);
  } finally {
    await a.stop();
  }
});

test('a killed task worker: its jobs settle TASK_WORKER_LOST at once, idempotent ones run again elsewhere, queued ones are not lost; a replacement starts [TASK-20, CALL-7]', async () => {
  const a = await pool({ tasks: [PROBE], taskWorkers: 2, taskCapacity: 2 });
  try {
    const first = await a.execute('probe', 'pid') as number;
    // Fill both workers (capacity 2 each), then queue more.
    const plain = [0, 1].map(() => codeOf(a.execute('probe', 'hold', { ms: 3000 })));
    const again = [0, 1].map(() => a.execute('probe', 'hold', { ms: 300 }, { idempotent: true }) as Promise<{ pid: number }>);
    const queued = [0, 1, 2].map(() => a.execute('probe', 'hold', { ms: 50 }) as Promise<{ pid: number }>);
    await until(() => (a.stats().tasks!.apps.probe as { inFlight: number }).inFlight === 4);
    const victims = taskPids(a);
    const t0 = Date.now();
    process.kill(victims[0]!, 'SIGKILL');
    process.kill(victims[1]!, 'SIGKILL');
    const codes = await Promise.all(plain);
    const lostAfter = Date.now() - t0;
    assert.equal(codes, ['CORRAL_ERR_TASK_WORKER_LOST', 'CORRAL_ERR_TASK_WORKER_LOST']);
    assert.ok(lostAfter < 3000, `lost jobs settled at the loss (${lostAfter} ms), not when they would have ended`);
    const rerun = await Promise.all(again);
    assert.ok(rerun.every((x) => !victims.includes(x.pid)), 'idempotent jobs ran again on a new worker');
    const q = await Promise.all(queued);
    assert.is(q.length, 3, 'queued jobs were not lost');
    assert.ok(first > 0);
    await until(() => taskPids(a).length === 2);
    assert.ok(taskPids(a).every((p) => !victims.includes(p)), 'both slots were refilled');
  } finally {
    await a.stop();
  }
});

test('a job deaf to its deadline: the caller gets TASK_TIMEOUT at the deadline, the worker is replaced after the grace period; timeout 0 means none [CALL-5, CALL-10, TASK-14]', async () => {
  const a = await pool({ tasks: [PROBE], taskWorkers: 1, taskGraceMs: 300 });
  try {
    const before = await a.execute('probe', 'pid') as number;
    const t0 = Date.now();
    const code = await codeOf(a.execute('probe', 'spin', { ms: 20_000 }, { deadlineMs: 200 }));
    assert.is(code, 'CORRAL_ERR_TASK_TIMEOUT');
    assert.ok(Date.now() - t0 < 20_000, 'answered long before the job would have ended');
    await until(() => taskPids(a).length === 1 && taskPids(a)[0] !== before);
    assert.ok((await a.execute('probe', 'pid')) !== before, 'a new worker serves');
    // deadlineMs 0 = no deadline (Gunicorn's dirty_timeout=0 failed every call).
    assert.equal(await a.execute('probe', 'hold', { ms: 50 }, { deadlineMs: 0 }), { pid: await a.execute('probe', 'pid'), at: 1, max: 1 });
  } finally {
    await a.stop();
  }
});

test('recycling after taskMaxJobs: the replacement is ready before the old worker leaves; no job fails [SUP-8 for tasks]', async () => {
  const a = await pool({ tasks: [PROBE], taskWorkers: 1, taskMaxJobs: 5 });
  try {
    // The replacement boots while the old worker keeps serving; every call succeeds meanwhile.
    const pids: number[] = [];
    const end = Date.now() + 30_000;
    while (new Set(pids).size < 2 && Date.now() < end) {
      pids.push(await a.execute('probe', 'pid') as number);
      await new Promise((r) => setTimeout(r, 10));
    }
    const first = pids[0]!;
    assert.ok(new Set(pids).size >= 2, `the worker was recycled after its 5 jobs (${pids.length} calls, 1 pid)`);
    assert.ok(pids.filter((p) => p === first).length >= 5, 'it ran at least its 5 jobs first');
    await until(() => { try { process.kill(first, 0); return false; } catch { return true; } });
  } finally {
    await a.stop();
  }
});

test('HUP replaces every task worker and the old pids are gone; the task hooks fire [reload]', async () => {
  const seen: string[] = [];
  const hook = (name: string) => (_a: unknown, w?: { kind?: string }) => void seen.push(`${name}${w?.kind ? `:${w.kind}` : ''}`);
  const hooks = Object.fromEntries(['task_starting', 'task_post_fork', 'task_worker_init', 'task_worker_exit', 'worker_ready'].map((n) => [n, hook(n)]));
  const a = await pool({ tasks: [PROBE], taskWorkers: 2, hooks });
  try {
    assert.equal(seen.filter((x) => x === 'task_starting').length, 1);
    assert.equal(seen.filter((x) => x === 'task_post_fork:task').length, 2);
    assert.equal(seen.filter((x) => x === 'task_worker_init:task').length, 2);
    assert.equal(seen.filter((x) => x === 'worker_ready:task').length, 2);
    const old = taskPids(a);
    assert.is(old.length, 2);
    a.reload();
    await until(() => {
      const now = a.stats().workers.filter((w) => w.kind === 'task').map((w) => w.pid!);
      return now.length === 2 && now.every((p) => !old.includes(p)) && taskPids(a).length === 2;
    });
    for (const p of old) {
      let alive = true;
      try {
        process.kill(p, 0);
      } catch {
        alive = false;
      }
      assert.not.ok(alive, `old task worker ${p} exited`);
    }
    await until(() => seen.filter((x) => x === 'task_worker_exit:task').length === 2);
  } finally {
    await a.stop();
  }
});

test('resizing: setTaskWorkers(n) and TTIN/TTOU in a pool of task workers only; per-app counts; max-RSS recycling [TTIN, TTOU]', async () => {
  const a = await pool({ tasks: [PROBE], taskWorkers: 1 });
  try {
    a.setTaskWorkers(2);
    await until(() => taskPids(a).length === 2);
    a.signal('TTIN');
    await until(() => taskPids(a).length === 3);
    a.signal('TTOU');
    await until(() => a.stats().workers.filter((w) => w.kind === 'task').length === 2);
    a.setTaskWorkers(1, 'probe');
    await until(() => a.stats().workers.filter((w) => w.kind === 'task' && w.state === 'ready').length >= 1);
    assert.ok(typeof await a.execute('probe', 'pid') === 'number');
  } finally {
    await a.stop();
  }
  // Every Node worker is above 1 MiB resident: each is recycled once it has run a job, and no job fails meanwhile.
  const b = await pool({ tasks: [PROBE], taskWorkers: 1, taskMaxRssMb: 1 });
  try {
    const pids: number[] = [];
    const end = Date.now() + 30_000;
    while (new Set(pids).size < 2 && Date.now() < end) {
      pids.push(await b.execute('probe', 'pid') as number);
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(new Set(pids).size >= 2, 'the worker above taskMaxRssMb was replaced');
  } finally {
    await b.stop();
  }
});

test('a Node caller runs Python jobs: the stdlib Python task worker under --task-command [CALL-3]', async () => {
  const a = await pool({
    tasks: [{ name: 'echo', module: resolve('fixtures/tasks/py_apps.py') + ':Echo' }], taskWorkers: 1,
    taskCommand: ['python3', resolve('native-tests/workers/python/task_worker.py')], env: { PYTHONDONTWRITEBYTECODE: '1' },
  });
  try {
    assert.equal(await a.execute('echo', 'echo', { from: 'node', n: [1, 2] }), { from: 'node', n: [1, 2] });
    const chunks: unknown[] = [];
    for await (const c of a.stream('echo', 'stream', { n: 4 })) chunks.push(c);
    assert.is(chunks.length, 4);
    assert.is(await codeOf(a.execute('echo', 'fail')), 'CORRAL_ERR_TASK_FAILED');
    // The Python action's ctx.meta (TASK-27).
    assert.equal(await a.execute('echo', 'meta', null, { meta: { a: 'b', 'ü': '日本 😀', empty: '' } }), { a: 'b', 'ü': '日本 😀', empty: '' });
    assert.equal(await a.execute('echo', 'meta'), {});
  } finally {
    await a.stop();
  }
});

test('job metadata reaches the action as ctx.meta, from the embedding process, a socket worker and a client [TASK-25, TASK-27, CALL-17]', async () => {
  const a = await pool({ command: nodeWorkerCommand(join(here, 'web.mjs'), []), workers: 1, bind: ['127.0.0.1:0'], tasks: [ECHO, PROBE], taskWorkers: 1 });
  try {
    assert.equal(await a.execute('echo', 'meta', { any: 'payload' }, { meta: { a: 'b' } }), { a: 'b' });
    assert.equal(await a.execute('echo', 'meta'), {});
    const chunks: unknown[] = [];
    for await (const c of a.stream('echo', 'meta', null, { meta: { streamed: 'yes' } })) chunks.push(c);
    assert.equal(chunks, [{ streamed: 'yes' }]);
    const r = await (await fetch(`http://${a.addresses[0]}/meta`)).json() as { worker: number; meta: unknown };
    assert.equal(r.meta, { from: 'web', worker: String(r.worker) });
    const { connect } = await import('../../src/tasks/connect.js');
    const client = await connect(a.tasksAddress!);
    try {
      assert.equal(await client.execute('echo', 'meta', null, { meta: { 'x-trace': 't-1', 'ü': '😀' } }), { 'x-trace': 't-1', 'ü': '😀' });
    } finally {
      client.close();
    }
    // The arbiter's own keys cannot be forged, and the limits hold before anything is sent.
    assert.is(await codeOf(a.execute('echo', 'meta', null, { meta: { 'corral.job': 'forged' } })), 'CORRAL_ERR_INVALID_OPTION');
    assert.is(await codeOf(a.execute('echo', 'meta', null, { meta: { big: 'x'.repeat(5000) } })), 'CORRAL_ERR_INVALID_OPTION');
  } finally {
    await a.stop();
  }
});

test('a stream is paced end to end: a caller that stops reading pauses the producer [FLOW-1, FLOW-6]', async () => {
  const a = await pool({ tasks: [PROBE], taskWorkers: 1, taskCapacity: 4, taskStreamWindow: 8 });
  try {
    const it = a.stream('probe', 'numbers', { n: 1000 });
    const first = await it.next();
    assert.is(first.value, 0);
    await new Promise((r) => setTimeout(r, 400));
    const produced = await a.execute('probe', 'produced') as number;
    // At most: the arbiter's window (8) plus the caller's (16 by default) plus a credit batch in flight.
    assert.ok(produced <= 8 + 16 + 8 + 1, `the producer paused (${produced} of 1000 produced)`);
    let n = 1;
    for await (const v of it) {
      assert.is(v, n);
      if (++n === 100) break; // stopping early cancels the job
    }
    assert.is(n, 100);
  } finally {
    await a.stop();
  }
});

test('a socket worker calls jobs with execute() and stream() through its control channel [CALL-3]', async () => {
  const a = await pool({ command: nodeWorkerCommand(join(here, 'web.mjs'), []), workers: 2, bind: ['127.0.0.1:0'], tasks: [PROBE], taskWorkers: 1 });
  try {
    const base = `http://${a.addresses[0]}`;
    const r = await (await fetch(`${base}/call`)).json() as { worker: number; taskPid: number };
    assert.is(r.taskPid, taskPids(a)[0]);
    assert.ok(r.worker !== r.taskPid);
    const s = await (await fetch(`${base}/stream?n=40`)).json() as { chunks: number[] };
    assert.equal(s.chunks, Array.from({ length: 40 }, (_, i) => i));
  } finally {
    await a.stop();
  }
});

test('task workers inherit no listening socket and no CORRAL_ACCEPT [PROC-3, ENV-11]', async () => {
  const a = await pool({ command: nodeWorkerCommand(join(here, 'web.mjs'), []), workers: 1, bind: ['127.0.0.1:0'], tasks: [PROBE], taskWorkers: 1 });
  try {
    const pid = taskPids(a)[0]!;
    const sockets = (p: number) => readdirSync(`/proc/${p}/fd`).map((fd) => { try { return readlinkSync(`/proc/${p}/fd/${fd}`); } catch { return ''; } }).filter((l) => l.startsWith('socket:'));
    const listening = new Set(readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1).map((l) => l.trim().split(/\s+/)).filter((f) => f[3] === '0A').map((f) => `socket:[${f[9]}]`));
    const held = sockets(pid).filter((s) => listening.has(s));
    assert.equal(held, [], 'the task worker holds no listening TCP socket');
    const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    assert.not.ok(environ.some((e) => e.startsWith('CORRAL_ACCEPT=') || e.startsWith('LISTEN_FDS=')));
  } finally {
    await a.stop();
  }
});

test('a script of the same user calls jobs through the task socket; the address file is mode 0600 [CALL-12, CALL-14]', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corral-tasks-'));
  const file = join(dir, 'address');
  const a = await pool({ tasks: [ECHO, PROBE], taskWorkers: 1, tasksAddressFile: file });
  try {
    const text = readFileSync(file, 'utf8').trim();
    assert.ok(text.startsWith('@corral-tasks-'), text);
    assert.is((await import('node:fs')).statSync(file).mode & 0o777, 0o600);
    const script = `import { connect, tasksAddressFrom } from ${JSON.stringify(resolve('src/tasks/index.ts'))};
      const c = await connect(tasksAddressFrom({ file: ${JSON.stringify(file)} }));
      const r = await c.execute('echo', 'echo', { n: 41 });
      const chunks = []; for await (const x of c.stream('probe', 'numbers', { n: 20 })) chunks.push(x);
      console.log(JSON.stringify({ r, chunks: chunks.length })); c.close();`;
    const out = await new Promise<string>((res, rej) => {
      const p = spawn(process.execPath, ['--import', tsxImport(), '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let s = '';
      p.stdout.on('data', (d) => (s += d));
      p.on('exit', (code) => (code === 0 ? res(s) : rej(new Error(`client exited ${code}`))));
    });
    assert.equal(JSON.parse(out), { r: { n: 41 }, chunks: 20 });
    // Another user is turned away before a byte is read (only testable as root).
    if (process.getuid?.() === 0) {
      const refused = await new Promise<string>((res) => {
        const p = spawn(process.execPath, ['--import', tsxImport(), '--input-type=module', '-e',
          `import { connect } from ${JSON.stringify(resolve('src/tasks/index.ts'))}; try { await connect(${JSON.stringify(a.tasksAddress)}); console.log('connected'); } catch (e) { console.log(e.code ?? e.message); }`],
        { stdio: ['ignore', 'pipe', 'ignore'], uid: 65534, gid: 65534, cwd: '/' });
        let s = '';
        p.stdout.on('data', (d) => (s += d));
        p.on('exit', () => res(s.trim()));
      });
      assert.not.equal(refused, 'connected', `uid 65534 was refused (${refused}) [CALL-13]`);
    }
  } finally {
    await a.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('pipelined: 64 calls in flight and 1 MiB payloads, from the embedding process and a client, are neither a flood nor a stalled peer', async () => {
  const a = await pool({ tasks: [ECHO], taskWorkers: 2, taskCapacity: 32 });
  try {
    const { connect } = await import('../../src/tasks/connect.js');
    const client = await connect(a.tasksAddress!);
    const big = Buffer.alloc(1 << 20, 7);
    for (const caller of [a, client]) {
      let done = 0;
      await Promise.all(Array.from({ length: 64 }, async () => {
        for (let i = 0; i < 300; i++) {
          await caller.execute('echo', 'noop');
          done++;
        }
      }));
      assert.is(done, 64 * 300);
      const echoed = await Promise.all(Array.from({ length: 64 }, () => caller.execute('echo', 'echo', big) as Promise<Buffer>));
      assert.ok(echoed.every((b) => b.length === big.length && b[0] === 7 && b[b.length - 1] === 7), '64 MiB in flight came back whole');
    }
    client.close();
  } finally {
    await a.stop();
  }
});

test('kill -9 a task worker every 200 ms under load: every call settles, none is lost, idempotent calls all succeed [TASK-20, CALL-7]', async () => {
  const a = await pool({ tasks: [PROBE], taskWorkers: 2, taskCapacity: 4, respawnBackoffMs: 50, respawnBackoffMaxMs: 500 });
  const outcomes = new Map<string, number>();
  const note = (k: string) => outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
  let kills = 0;
  try {
    const calls: Promise<void>[] = [];
    let stop = false;
    const chaos = (async () => {
      while (!stop) {
        await new Promise((r) => setTimeout(r, 200));
        const pids = taskPids(a);
        const victim = pids[Math.floor(Math.random() * pids.length)];
        if (victim !== undefined) {
          try {
            process.kill(victim, 'SIGKILL');
            kills++;
          } catch { /* already gone */ }
        }
      }
    })();
    // 16 callers, each with one call in flight, until 8 kills (at most 30 s:
    // on a loaded machine a replacement takes a while to be ready for the next kill).
    const end = Date.now() + 30_000;
    for (let c = 0; c < 16; c++) {
      calls.push((async () => {
        for (let i = 0; Date.now() < end && kills < 8; i++) {
          const idempotent = i % 2 === 0;
          const r = await codeOf(a.execute('probe', 'hold', { ms: 20 }, { idempotent }));
          note(`${idempotent ? 'idempotent' : 'plain'} ${r}`);
        }
      })());
    }
    await Promise.all(calls);
    stop = true;
    await chaos;
  } finally {
    await a.stop();
  }
  const total = [...outcomes.values()].reduce((x, y) => x + y, 0);
  const allowed = new Set(['idempotent ok', 'plain ok', 'plain CORRAL_ERR_TASK_WORKER_LOST']);
  for (const k of outcomes.keys()) assert.ok(allowed.has(k), `unexpected outcome ${k}: ${JSON.stringify([...outcomes])}`);
  assert.ok(kills >= 2, `the chaos ran (${kills} kills)`);
  assert.ok(total >= 16, `every caller's calls settled (${total})`);
  // A worker holds at most its capacity of plain jobs when it dies.
  assert.ok((outcomes.get('plain CORRAL_ERR_TASK_WORKER_LOST') ?? 0) <= 4 * kills, JSON.stringify([...outcomes]));
});

test.run();
