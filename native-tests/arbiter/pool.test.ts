// The prefork pool end to end: real arbiter, real workers, real sockets on
// loopback. Every load is bounded in count and time.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { helloApp, get, load, pidOf, sleep, startPool, workerPids } from './pool.js';

const STRATEGIES = ['arbiter', 'shared', 'exclusive', 'reuseport', 'handoff'] as const;

for (const accept of STRATEGIES) {
  test(`${accept}: requests are answered by several workers`, async () => {
    const pool = await startPool(['--workers', '3', '--bind', '127.0.0.1:0', '--accept', accept, helloApp], { readyWorkers: 3 });
    try {
      const replies: Awaited<ReturnType<typeof get>>[] = [];
      // Concurrency spreads connections even where one worker could keep up alone.
      for (let round = 0; round < 10; round++) replies.push(...(await Promise.all(Array.from({ length: 12 }, () => get(pool.port)))));
      assert.ok(replies.every((r) => r.ok), JSON.stringify(replies.find((r) => !r.ok)));
      const pids = new Set(replies.map(pidOf));
      assert.ok(pids.size >= 2, `answered by ${pids.size} worker(s) in ${accept}`);
    } finally {
      assert.is(await pool.stop(), 0);
    }
  });
}

// kill -9 a random worker every 200 ms for 5 s under load. Connections still
// queued in the kernel (or held by the arbiter, in handoff) must survive; only
// connections a killed worker had already accepted may fail.
for (const accept of ['arbiter', 'shared', 'exclusive', 'handoff'] as const) {
  test(`${accept}: kill -9 a worker every 200 ms for 5 s under load loses at most the killed workers' own connections`, async () => {
    const pool = await startPool(['--workers', '4', '--bind', '127.0.0.1:0', '--accept', accept, helloApp], { readyWorkers: 4 });
    let kills = 0;
    let running = true;
    try {
      const chaos = (async () => {
        const end = Date.now() + 5000;
        while (Date.now() < end) {
          await sleep(200);
          const pids = workerPids(pool);
          const victim = pids[Math.floor(Math.random() * pids.length)];
          if (victim) {
            try { process.kill(victim, 'SIGKILL'); kills++; } catch { /* already gone */ }
          }
        }
        running = false;
      })();
      // Paced (8 clients, ~50 req/s each), like the load under which Node's
      // cluster lost 2 of 600 requests to 15 kills on this kind of machine.
      const replies = await load(pool.port, { concurrency: 8, until: () => running, maxRequests: 6000, pauseMs: 20 });
      await chaos;
      const failed = replies.filter((r) => !r.ok);
      // A loaded 2-core machine makes fewer requests in 5 s; 100 still spans every kill.
      assert.ok(replies.length > 100, `only ${replies.length} requests made`);
      // Killed workers now back off before they are replaced, so a loaded
      // machine has fewer live victims to pick from.
      assert.ok(kills >= 3, `only ${kills} kills`);
      // What a kill can physically cost: the connections the victim had
      // accepted, which with 8 clients is at most 8 per kill. Queued ones
      // (kernel queue, or the arbiter's held fds in handoff) are owed an answer.
      assert.ok(failed.length <= kills * 8, `${failed.length} failed requests for ${kills} kills in ${accept}: ${JSON.stringify(failed.slice(0, 3))}`);
    } finally {
      running = false;
      await pool.stop();
    }
  });
}

test('reuseport: a killed worker takes the connections queued on its own listener with it', async () => {
  // Each worker owns an SO_REUSEPORT listener; the kernel hashes each new
  // connection to one of them. When a worker dies, its listener closes and
  // the connections waiting in that listener's queue are reset. This test
  // documents it rather than hides it.
  const pool = await startPool(['--workers', '4', '--bind', '127.0.0.1:0', '--accept', 'reuseport', helloApp], { readyWorkers: 4 });
  let running = true;
  let kills = 0;
  try {
    const chaos = (async () => {
      for (let i = 0; i < 10; i++) {
        await sleep(200);
        const pids = workerPids(pool);
        const victim = pids[i % Math.max(1, pids.length)];
        if (victim) { try { process.kill(victim, 'SIGKILL'); kills++; } catch { /* gone */ } }
      }
      running = false;
    })();
    const replies = await load(pool.port, { concurrency: 8, until: () => running, maxRequests: 4000 });
    await chaos;
    const ok = replies.filter((r) => r.ok).length;
    assert.ok(ok > 100, `${ok} of ${replies.length} answered`);
    // Reported, not bounded: losses here come from per-listener queues.
    console.log(`    reuseport: ${replies.length - ok} of ${replies.length} requests failed with ${kills} kills`);
  } finally {
    running = false;
    await pool.stop();
  }
});

test('HUP under load: every worker pid replaced, no failed request', async () => {
  const pool = await startPool(['--workers', '3', '--bind', '127.0.0.1:0', helloApp], { readyWorkers: 3 });
  let running = true;
  try {
    const before = new Set(workerPids(pool));
    assert.is(before.size, 3);
    const traffic = load(pool.port, { concurrency: 6, until: () => running, maxRequests: 20_000 });
    await sleep(300);
    pool.proc.kill('SIGHUP');
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const now = workerPids(pool);
      if (now.length === 3 && now.every((p) => !before.has(p))) break;
      await sleep(50);
    }
    await sleep(300);
    running = false;
    const replies = await traffic;
    const after = new Set(workerPids(pool));
    assert.ok([...after].every((p) => !before.has(p)), `old pids survived: ${[...after]}`);
    const failed = replies.filter((r) => !r.ok);
    assert.is(failed.length, 0, JSON.stringify(failed.slice(0, 3)));
    assert.ok(replies.length > 50);
  } finally {
    running = false;
    await pool.stop();
  }
});

test('TERM with requests in flight: they complete and the arbiter exits 0 within the graceful timeout', async () => {
  const pool = await startPool(['--workers', '2', '--bind', '127.0.0.1:0', '--graceful-timeout', '10', helloApp], { readyWorkers: 2 });
  const inflight = [get(pool.port, '/?work=700'), get(pool.port, '/?work=700'), get(pool.port, '/?work=700')];
  await sleep(150);
  const t0 = Date.now();
  const code = await pool.stop('SIGTERM');
  const replies = await Promise.all(inflight);
  assert.is(code, 0);
  assert.ok(replies.every((r) => r.ok), JSON.stringify(replies));
  assert.ok(Date.now() - t0 < 10_000);
});

test('TTIN / TTOU change the worker count', async () => {
  const pool = await startPool(['--workers', '2', '--bind', '127.0.0.1:0', helloApp], { readyWorkers: 2 });
  try {
    pool.proc.kill('SIGTTIN');
    const until = async (n: number) => {
      const deadline = Date.now() + 10_000;
      while (workerPids(pool).length !== n && Date.now() < deadline) await sleep(50);
      return workerPids(pool).length;
    };
    assert.is(await until(3), 3);
    // Two identical signals sent back to back may arrive as one (POSIX does
    // not queue them), so the second waits for the first to take effect.
    pool.proc.kill('SIGTTOU');
    assert.is(await until(2), 2);
    pool.proc.kill('SIGTTOU');
    assert.is(await until(1), 1);
    const r = await get(pool.port);
    assert.ok(r.ok);
  } finally {
    await pool.stop();
  }
});

test.run();
