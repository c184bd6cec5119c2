// The prefork pool end to end: real arbiter, real workers, real sockets on
// loopback. Every load is bounded in count and time.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chaos, countingApp, handoffAcks, helloApp, get, load, pidOf, readCounts, sleep, startPool, workerPids, type Chaos, type Pool, type Reply } from './pool.js';

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

// kill -9 under load. A kill can physically cost what the victim held when
// it died; every other connection is owed an answer by another worker: those
// queued in the shared listener's accept queue (arbiter, shared, exclusive),
// which the arbiter keeps open, and in handoff those the arbiter handed over
// and the victim had not acknowledged, which the arbiter hands on. The
// counting app records, per pid, each connection it acquires and each
// response it finishes (synchronously, so a SIGKILL leaves the record as far
// as the worker got); acquired − finished of a killed pid is what it held.
//
// Race windows, where a victim holds a connection that it has not recorded:
// - arbiter, shared, exclusive: accept(2) returns in the native layer, then
//   the worker wraps the fd and emits 'connection', where the app records it.
//   A kill in between closes a connection nobody recorded. The worker takes
//   one connection per accept and records it before the next accept, so at
//   most one per kill. Short in CPU time, but a busy victim preempted inside
//   it (a loaded 2-core machine) or a freshly started one (its first socket,
//   Node's lazily loaded http internals) holds it open for milliseconds; it
//   was seen up to 2 times in 10 kills. Counted as one per kill, since no
//   counter sees it: the runtime's own accepted_total is counted where the
//   app records.
// - handoff: the worker acknowledges a batch (HandoffAck), then hands it to
//   the server [HANDOFF-23]; once the arbiter reads the acknowledgement it
//   closes its copy, so a kill in between loses the whole batch unrecorded.
//   8 at once was seen (failing ~0.4-1.4 s into the request) when every
//   worker could be killed: the first replacement to be ready was handed
//   everything queued and killed before serving it. The arbiter counts each
//   worker's acknowledgements and logs the count when it reaps it, so here
//   the bound is exact: acknowledged − finished. What the victim had not
//   acknowledged, the arbiter handed on (handoff-dispatch.test.ts).
const CLIENTS = 8;
// Replacements boot while the survivors serve the load: on a loaded 2-core
// machine a worker can take longer than the default 10 s to say Hello, and
// being stopped for it would turn a test of kills into one of boot speed.
const SLOW_BOOT = ['--handshake-timeout', '30'];

/** A fresh file for countingApp's records. */
function countFile(label: string): { file: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `corral-count-${label}-`));
  return { file: join(dir, 'counts'), done: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs CLIENTS paced clients while chaos() kills, preferring victims that
 * hold a connection right now (so that kills cost something and the bound is
 * tested); the pool is stopped when it returns.
 */
async function underChaos(pool: Pool, countsFile: string, enough: (kills: number, replies: Reply[]) => boolean, maxKills?: number): Promise<{ replies: Reply[]; chaos: Chaos }> {
  const replies: Reply[] = [];
  let running = true;
  // Paced (~50 req/s per client): each client has at most one connection
  // open, so at most CLIENTS connections exist at any instant. A request gets
  // 15 s: one that waits for a replacement worker on a loaded machine is
  // slow, not lost, and a lost one still fails within the test.
  const traffic = load(pool.port, { concurrency: CLIENTS, until: () => running, maxRequests: 20_000, pauseMs: 20, timeoutMs: 15_000, replies });
  try {
    const busy = (live: number[]) => {
      const held = readCounts(countsFile);
      return live.filter((pid) => { const h = held.get(pid); return h !== undefined && h.acquired > h.finished; });
    };
    const c = await chaos(pool, { everyMs: 200, deadlineMs: 20_000, enough: (kills) => enough(kills, replies), prefer: busy, ...(maxKills ? { maxKills } : {}) });
    return { replies, chaos: c };
  } finally {
    running = false;
    await traffic;
    await pool.stop();
  }
}

for (const accept of ['arbiter', 'shared', 'exclusive', 'handoff'] as const) {
  test(`${accept}: kill -9 under load loses only connections the killed workers held`, async () => {
    const counts = countFile(accept);
    try {
      const pool = await startPool(['--workers', '4', '--bind', '127.0.0.1:0', '--accept', accept, ...SLOW_BOOT, countingApp], { readyWorkers: 4, env: { COUNTING_FILE: counts.file } });
      const { replies, chaos: c } = await underChaos(pool, counts.file, (kills, r) => kills >= 10 && r.length >= 400);
      const failed = replies.filter((r) => !r.ok);
      const held = readCounts(counts.file);
      const acks = handoffAcks(pool);
      const killed = new Set(c.killed);
      // Owed, per kill: what the victim had taken and not answered.
      let recorded = 0;
      let window = 0;
      for (const pid of killed) {
        const h = held.get(pid) ?? { acquired: 0, finished: 0 };
        recorded += h.acquired - h.finished;
        if (accept === 'handoff') {
          const acked = acks.get(pid);
          assert.ok(acked !== undefined, `no acknowledgement count logged for killed pid ${pid}`);
          // The server gets a connection only after its HandoffAck is out.
          assert.ok(acked >= h.acquired, `pid ${pid} served ${h.acquired} connections but acknowledged ${acked}`);
          window += acked - h.acquired;
        } else {
          window += 1;
        }
      }
      const owed = recorded + window;
      console.log(`    ${accept}: ${replies.length} requests, ${failed.length} failed; ${killed.size} kills in ${c.elapsedMs} ms; owed ${owed} (${recorded} recorded held, ${window} ${accept === 'handoff' ? 'acknowledged, never served' : 'window, one per kill'})`);
      assert.ok(killed.size >= 5, `only ${killed.size} kills in ${c.elapsedMs} ms`);
      assert.ok(replies.length >= 100, `only ${replies.length} requests in ${c.elapsedMs} ms`);
      // Workers that were not killed lost nothing: they finished every
      // connection they took (the pool stopped gracefully, after the traffic).
      const unfinished = [...held].filter(([pid, h]) => !killed.has(pid) && h.acquired !== h.finished);
      assert.equal(unfinished, [], `workers that were not killed left connections unfinished`);
      assert.ok(failed.length <= owed, `${failed.length} failed requests, but the ${killed.size} killed workers held only ${owed}: ${JSON.stringify(failed.slice(0, 3))}`);
    } finally {
      counts.done();
    }
  });
}

test('reuseport: a killed worker takes the connections queued on its own listener with it', async () => {
  // Each worker owns an SO_REUSEPORT listener; the kernel hashes each new
  // connection to one of them. When a worker dies, its listener closes and
  // the connections waiting in that listener's queue are reset (spec.md
  // section 7.5, unless net.ipv4.tcp_migrate_req is set). This test
  // documents it rather than hides it: the failures beyond what the victims
  // held are those queues, and are reported, bounded only physically.
  const counts = countFile('reuseport');
  try {
    const pool = await startPool(['--workers', '4', '--bind', '127.0.0.1:0', '--accept', 'reuseport', ...SLOW_BOOT, countingApp], { readyWorkers: 4, env: { COUNTING_FILE: counts.file } });
    const { replies, chaos: c } = await underChaos(pool, counts.file, (kills, r) => kills >= 6 && r.filter((x) => x.ok).length >= 300, 6);
    const ok = replies.filter((r) => r.ok).length;
    const failed = replies.length - ok;
    const held = readCounts(counts.file);
    let recorded = 0;
    for (const pid of c.killed) {
      const h = held.get(pid) ?? { acquired: 0, finished: 0 };
      recorded += h.acquired - h.finished;
    }
    const kills = c.killed.length;
    console.log(`    reuseport: ${failed} of ${replies.length} requests failed with ${kills} kills in ${c.elapsedMs} ms: ${recorded} held by the victims (recorded), the other ${Math.max(0, failed - recorded)} in their accept windows (at most one per kill) or their listeners' queues`);
    assert.ok(kills >= 3, `only ${kills} kills in ${c.elapsedMs} ms`);
    // A replacement's listener exists (and gets its share of connections)
    // from its spawn, seconds before it accepts, so clients stall on booting
    // workers and a loaded machine answers far fewer; 50 still spans the kills.
    assert.ok(ok >= 50, `${ok} of ${replies.length} answered in ${c.elapsedMs} ms`);
    // Each client has at most one connection open, so a kill can reset at
    // most CLIENTS connections, held or queued.
    assert.ok(failed <= kills * CLIENTS, `${failed} failed requests for ${kills} kills`);
  } finally {
    counts.done();
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
