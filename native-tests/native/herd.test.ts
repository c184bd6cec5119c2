// Eight processes watch one inherited listener; one connection arrives.
// Plain watchers: all eight wake (the thundering herd). EPOLLEXCLUSIVE
// watchers: exactly one wakes, and a second connection wakes a different
// one (the first stopped watching, so it is no longer a sleeper). Wakeups are
// each child's own readiness counter, reported back over stdout.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import * as native from '../../src/transport/native.js';
import { connect, destroyAll, noLeaks, reap, sleep, spawnFixture, until, type Child } from './helpers.js';

const N = 8;
/** After the expected wakeups, how long other children get to (wrongly) wake too. */
const GRACE_MS = 300;

/** Whether pid's main thread is asleep in epoll_wait, i.e. in libuv's poll (per /proc). */
function asleepInPoll(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/wchan`, 'utf8').includes('epoll_wait');
  } catch {
    return false; // exited
  }
}

async function pool(mode: 'plain' | 'exclusive', body: (children: Child[], port: number) => Promise<void>): Promise<void> {
  const lfd = native.listen({ host: '127.0.0.1', backlog: 64 });
  const children: Child[] = [];
  try {
    for (let i = 0; i < N; i++) children.push(spawnFixture('herd-child.mjs', [mode], [lfd]));
    await Promise.all(children.map((c) => c.next((m) => m['ready'] === true, 10_000, 'child ready')));
    // 'ready' follows start(), but a child still busy finishing its startup
    // is not a sleeper: the kernel would queue the event to it and move on,
    // and it would see the connection (an extra wakeup) once idle. Wait until
    // every child sleeps in the event loop, twice in a row 20 ms apart.
    const allAsleep = () => children.every((c) => asleepInPoll(c.proc.pid as number));
    let settled = false;
    for (const deadline = Date.now() + 5000; !settled && Date.now() < deadline;) {
      if (!allAsleep()) await sleep(5);
      else settled = (await sleep(20), allAsleep());
    }
    assert.ok(settled, 'every child asleep in its event loop');
    await body(children, native.localAddress(lfd).port);
  } finally {
    native.close(lfd);
    await reap(children);
  }
}

function woken(children: Child[]): number[] {
  return children.filter((c) => c.messages.some((m) => typeof m['woke'] === 'number')).map((c) => c.proc.pid as number);
}

async function reports(children: Child[]): Promise<number[]> {
  for (const c of children) c.send('report');
  const rs = await Promise.all(children.map((c) => c.next((m) => m['report'] === true, 5000, 'report')));
  return rs.map((r) => (r['counters'] as native.Counters).readiness);
}

test(`plain: one connection wakes all ${N} watchers`, noLeaks(async () => {
  const clients: import('node:net').Socket[] = [];
  try {
    await pool('plain', async (children, port) => {
      clients.push(await connect(port));
      await until(() => woken(children).length === N, 5000);
      await sleep(GRACE_MS);
      const counts = await reports(children);
      assert.equal(counts, new Array(N).fill(1), `readiness per child: ${counts.join(',')}`);
    });
  } finally {
    await destroyAll(clients);
  }
}));

test(`exclusive: one connection wakes exactly 1 of ${N}; the next wakes another`, noLeaks(async () => {
  const clients: import('node:net').Socket[] = [];
  try {
    await pool('exclusive', async (children, port) => {
      clients.push(await connect(port));
      assert.ok(await until(() => woken(children).length >= 1, 5000), 'someone woke');
      await sleep(GRACE_MS);
      const first = woken(children);
      assert.is(first.length, 1, `woken after one connection: ${first.length}`);

      clients.push(await connect(port));
      assert.ok(await until(() => woken(children).length >= 2, 5000), 'someone else woke');
      await sleep(GRACE_MS);
      const second = woken(children);
      assert.is(second.length, 2, `woken after two connections: ${second.length}`);

      const counts = await reports(children);
      assert.is(counts.reduce((a, b) => a + b, 0), 2, `readiness per child: ${counts.join(',')}`);
      assert.ok(counts.every((n) => n <= 1), 'no child woke twice');
    });
  } finally {
    await destroyAll(clients);
  }
}));

test.run();
