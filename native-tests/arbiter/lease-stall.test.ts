// A lease holder that stops (SIGSTOP) while clients keep connecting: how long
// does the pool go without a completion? Measures and reports the longest gap
// between completions from the stop to the end of the load window.
//
// What is physically owed: the arbiter reads the listener's accept queue
// every leasePollMs while a revocable lease is out, and revokes the lease of
// a holder that leaves connections waiting for leaseStallMs without a word
// (spec.md 7.2.8), granting the listener to another worker at once. So the
// stall is leaseStallMs + one poll + the grant's trip + one request, about
// 100 ms on a quiet machine; timers run late on a loaded one. Without
// revocation the arbiter could only wait for the lease to be lost, after
// leaseMs + graceMs (2 s): the assertion is that the stall ends well before
// that, i.e. that the lease was revoked and not merely lost.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { get, helloApp, pidOf, sleep, startPool, type Pool } from './pool.js';

const LEASE_MS = 1000; // DEFAULTS.leaseMs
const GRACE_MS = 1000; // DEFAULTS.leaseGraceMs

async function stallOnce(): Promise<{ gap: number; completed: number; failed: number; stopped: number }> {
  const pool: Pool = await startPool(['--workers', '3', '--bind', '127.0.0.1:0', '--timeout', '30', helloApp], { readyWorkers: 3 });
  let stopped = 0;
  try {
    // The worker that served the last request holds the lease (an idle pool
    // keeps it with the holder until 16 accepts or leaseMs).
    const first = await get(pool.port);
    assert.ok(first.ok, first.error);
    stopped = pidOf(first);
    process.kill(stopped, 'SIGSTOP');
    const t0 = performance.now();
    const windowMs = LEASE_MS + GRACE_MS + 1500;
    const done: number[] = [];
    let failed = 0;
    // Four clients; one that connected to the stopped worker waits on it
    // until SIGCONT, the others keep measuring.
    const clients = Array.from({ length: 4 }, async () => {
      while (performance.now() - t0 < windowMs) {
        const r = await get(pool.port, '/', 20_000);
        if (r.ok) done.push(performance.now());
        else failed++;
      }
    });
    await sleep(windowMs);
    process.kill(stopped, 'SIGCONT');
    await Promise.all(clients);
    const inWindow = done.filter((t) => t - t0 <= windowMs).sort((a, b) => a - b);
    let gap = inWindow.length ? inWindow[0]! - t0 : windowMs;
    for (let i = 1; i < inWindow.length; i++) gap = Math.max(gap, inWindow[i]! - inWindow[i - 1]!);
    return { gap, completed: done.length, failed, stopped };
  } finally {
    if (stopped) try { process.kill(stopped, 'SIGCONT'); } catch { /* gone */ }
    await pool.stop();
  }
}

test('a SIGSTOPped lease holder: its lease is revoked, and the longest completion gap ends before a lost lease would', async () => {
  const r = await stallOnce();
  console.log(`    lease stall: longest gap ${r.gap.toFixed(0)} ms, ${r.completed} completed, ${r.failed} failed (holder pid ${r.stopped} stopped; a lost lease would take ${LEASE_MS + GRACE_MS} ms)`);
  assert.is(r.failed, 0);
  assert.ok(r.completed > 0);
  assert.ok(r.gap < LEASE_MS + GRACE_MS, `gap ${r.gap.toFixed(0)} ms: the stalled lease was not revoked`);
});

test.run();
