// Protocol 1.4 end to end: real arbiter, two real Node workers, real HTTP on
// loopback. The workers count their wakeups and each request's duration in
// Heartbeat.wakeups_total and latency_counts; the arbiter keeps what they
// report, and the control socket shows it (`corral ctl status`). With
// --access-log every finished response is one line of the worker's output.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ControlClient } from '../../src/control/client.js';
import type { PoolStatus } from '../../src/protocol/control.js';
import { LATENCY_BUCKETS } from '../../src/protocol/limits.js';
import { get, helloApp, sleep, startPool, type Reply } from './pool.js';

const REQUESTS = 40;
const CLIENTS = 4;

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** What the arbiter holds about its socket workers: the totals over them. */
function totals(s: PoolStatus) {
  const socket = s.workers.filter((w) => w.kind === 'socket');
  for (const w of socket) assert.ok(w.latencyCounts.length === 0 || w.latencyCounts.length === LATENCY_BUCKETS, `worker ${w.id}: ${w.latencyCounts.length} counts`);
  return {
    workers: socket.length,
    latency: sum(socket.map((w) => sum(w.latencyCounts))),
    requests: sum(socket.map((w) => w.requestsTotal)),
    wakeups: sum(socket.map((w) => w.wakeupsTotal)),
    accepted: sum(socket.map((w) => w.acceptedTotal)),
    byWorker: socket.map((w) => `${w.id}: latency ${w.latencyCounts.join(',')}, requests ${w.requestsTotal}, wakeups ${w.wakeupsTotal}, accepted ${w.acceptedTotal}`).join('; '),
  };
}

for (const accept of ['arbiter', 'handoff'] as const) {
  test(`${accept}: latency_counts add up to the requests made, wakeups are counted, and each response is one access log line`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corral-load-counts-'));
    const sock = join(dir, 'ctl.sock');
    // --timeout 2: heartbeats every 500 ms.
    const pool = await startPool(['--workers', '2', '--bind', '127.0.0.1:0', '--accept', accept, '--timeout', '2', '--control-socket', sock, '--access-log', helloApp], { readyWorkers: 2 });
    const ctl = await ControlClient.connect(sock, { timeoutMs: 20_000 });
    try {
      const status = () => ctl.status({ histograms: true }).then(totals);
      const before = await status();
      assert.is(before.workers, 2);
      // Requests on fresh connections, CLIENTS at a time, each with its own path.
      const replies: Reply[] = [];
      let next = 0;
      await Promise.all(Array.from({ length: CLIENTS }, async () => {
        while (next < REQUESTS) {
          const i = next++;
          replies.push({ ...(await get(pool.port, `/al/${accept}/${i}`, 20_000)), port: i });
        }
      }));
      assert.ok(replies.every((r) => r.ok), JSON.stringify(replies.find((r) => !r.ok)));
      // The counts reach the arbiter with the next heartbeats; on a loaded
      // machine those may be late, so wait for them rather than for a time.
      let after = await status();
      const deadline = Date.now() + 30_000;
      while ((after.latency - before.latency < REQUESTS || after.requests - before.requests < REQUESTS) && Date.now() < deadline) {
        await sleep(100);
        after = await status();
      }
      // Two more heartbeat intervals: nothing is counted twice.
      await sleep(1100);
      after = await status();
      const detail = `before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`;
      assert.is(after.latency - before.latency, REQUESTS, `latency counts: ${detail}`);
      assert.is(after.requests - before.requests, REQUESTS, `requests_total: ${detail}`);
      assert.ok(after.wakeups > 0, `wakeups_total: ${detail}`);
      // Under a lease each connection is taken on a readiness of its own (ACCEPT-15).
      if (accept === 'arbiter') assert.ok(after.wakeups - before.wakeups >= REQUESTS, `a wakeup per accepted connection at least: ${detail}`);
      // The access log: one line per response, in Gunicorn's default format,
      // in the worker's output as the arbiter logs it.
      const lines = () => [...pool.log().matchAll(new RegExp(`^.*"GET /al/${accept}/(\\d+) HTTP/1\\.1\\\\?" (\\d{3}) .*$`, 'gm'))];
      const logDeadline = Date.now() + 10_000;
      while (lines().length < REQUESTS && Date.now() < logDeadline) await sleep(50);
      const found = lines();
      assert.is(found.length, REQUESTS, found.map((m) => m[0]).join('\n'));
      assert.equal(found.map((m) => Number(m[1])).sort((a, b) => a - b), Array.from({ length: REQUESTS }, (_, i) => i), 'each path once');
      assert.ok(found.every((m) => m[2] === '200'), 'status 200');
      const line = /127\.0\.0\.1 - - \[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] \\?"GET \/al\/\w+\/\d+ HTTP\/1\.1\\?" 200 \d+ \\?"-\\?" \\?"-\\?"/;
      assert.match(found[0]![0], line);
    } finally {
      ctl.close();
      assert.is(await pool.stop(), 0);
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test.run();
