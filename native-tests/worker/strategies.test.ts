// The worker runtime as a real process, on real listeners from the native
// addon, in each accept strategy. The test is the arbiter.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as net from 'node:net';
import { readFileSync } from 'node:fs';
import * as native from '../../src/transport/native.js';
import { corral, encodeFrame, type Message } from '../../src/protocol/codec.js';
import { until } from '../../src/worker/test-support.js';
import { get, killAll, sleep, spawnWorker, within } from './harness.js';

const { ReleaseReason, GoodbyeReason } = corral.v1;

const opened: number[] = [];
function listen(opts: native.ListenOptions = {}): { fd: number; port: number } {
  const fd = native.listen({ host: '127.0.0.1', port: 0, ...opts });
  opened.push(fd);
  return { fd, port: native.localAddress(fd).port };
}

/** A raw HTTP/1.1 request whose response text accumulates in `.text`. */
function rawRequest(port: number) {
  const r = { text: '', socket: net.connect(port, '127.0.0.1') };
  r.socket.setEncoding('utf8');
  r.socket.on('data', (d: string) => (r.text += d));
  r.socket.on('error', () => {});
  r.socket.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  return r;
}

/** The file status flags of one of our fds (shared with the worker's copy: one open file description). */
function statusFlags(fd: number): number {
  const m = /^flags:\s+([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
  return m ? parseInt(m[1] as string, 8) : NaN;
}
const O_NONBLOCK = 0o4000;

test.after.each(() => {
  killAll();
  for (const fd of opened.splice(0)) {
    try {
      native.close(fd);
    } catch {
      // already closed
    }
  }
});

test('arbiter: connections are accepted only under a grant, exactly as granted', async () => {
  const { fd, port } = listen();
  const w = spawnWorker({ strategy: 'arbiter', listenFds: [fd] });
  await w.handshake();
  const arb = w.arbiter!;
  const hello = `hello from ${w.pid}\n`;

  const a = rawRequest(port);
  await sleep(300);
  assert.is(a.text, '', 'no grant: the connection waits in the backlog');

  arb.send({ kind: 'acceptGrant', body: { grantId: 1, listener: 0, maxAccepts: 1, releaseLoad: 0, leaseMs: 5000 } });
  const done = await arb.nextOf('acceptDone', 3000);
  assert.equal(
    [done.body.grantId, done.body.listener, done.body.accepted, done.body.wouldBlock, done.body.reason],
    [1, 0, 1, 0, ReleaseReason.RELEASE_REASON_BATCH],
  );
  await until(() => a.text.endsWith(hello), 3000, 'first response');

  const b = rawRequest(port);
  await sleep(300);
  assert.is(b.text, '', 'grant used up: the next connection waits');

  arb.send({ kind: 'acceptGrant', body: { grantId: 2, listener: 0, maxAccepts: 10, releaseLoad: 0, leaseMs: 500 } });
  await until(() => b.text.endsWith(hello), 3000, 'second response');
  const expired = await arb.nextOf('acceptDone', 3000);
  assert.equal([expired.body.grantId, expired.body.accepted, expired.body.reason], [2, 1, ReleaseReason.RELEASE_REASON_EXPIRED]);

  // A connection left in the backlog after the worker is gone is still there.
  const c = net.connect(port, '127.0.0.1');
  c.on('error', () => {});
  await sleep(100);
  arb.send({ kind: 'stop', body: { reason: 'test' } });
  const bye = await arb.nextOf('goodbye', 3000);
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_STOPPED);
  assert.is(await within(w.exited, 3000, 'exit'), 0);
  const left = native.acceptOne(fd);
  assert.ok(left, 'the ungranted connection was not accepted by the worker');
  native.close(left!.fd);
  c.destroy();
  for (const r of [a, b]) r.socket.destroy();
});

test('listeners stay non-blocking while workers serve from them [PROC-11]', async () => {
  const { fd, port } = listen();
  assert.ok(statusFlags(fd) & O_NONBLOCK, 'non-blocking to begin with');
  const shared = spawnWorker({ strategy: 'shared', listenFds: [fd], id: 1 });
  const leased = spawnWorker({ strategy: 'arbiter', listenFds: [fd], id: 2 });
  await Promise.all([shared.handshake(), leased.handshake()]);
  leased.arbiter!.send({ kind: 'acceptGrant', body: { grantId: 1, listener: 0, maxAccepts: 5, releaseLoad: 0, leaseMs: 2000 } });
  for (let i = 0; i < 4; i++) assert.is((await get(port)).status, 200);
  assert.ok(statusFlags(fd) & O_NONBLOCK, 'still non-blocking');
  for (const w of [shared, leased]) w.arbiter!.send({ kind: 'stop', body: {} });
  assert.equal(await within(Promise.all([shared.exited, leased.exited]), 3000, 'exit'), [0, 0]);
});

for (const strategy of ['shared', 'exclusive'] as const) {
  test(`${strategy}: two workers on one listener serve HTTP`, async () => {
    const { fd, port } = listen();
    const ws = [1, 2].map((id) => spawnWorker({ strategy, listenFds: [fd], id }));
    await Promise.all(ws.map((w) => w.handshake()));
    const pids = new Set(ws.map((w) => String(w.pid)));
    for (let i = 0; i < 6; i++) {
      const r = await get(port);
      assert.is(r.status, 200);
      const pid = /^hello from (\d+)\n$/.exec(r.body)?.[1];
      assert.ok(pid && pids.has(pid), `answered by one of the workers: ${r.body}`);
    }
    for (const w of ws) w.arbiter!.send({ kind: 'stop', body: {} });
    assert.equal(await within(Promise.all(ws.map((w) => w.exited)), 3000, 'exit'), [0, 0]);
  });
}

test('reuseport: each worker polls its own SO_REUSEPORT listener', async () => {
  const first = listen({ reusePort: true });
  const second = listen({ reusePort: true, port: first.port });
  const ws = [first, second].map((l, i) => spawnWorker({ strategy: 'reuseport', listenFds: [l.fd], id: i + 1 }));
  await Promise.all(ws.map((w) => w.handshake()));
  // Our copies would take a share of the connections into queues nobody polls.
  for (const fd of opened.splice(0)) native.close(fd);
  const seen = new Set<string>();
  for (let i = 0; i < 20; i++) {
    const r = await get(first.port);
    assert.is(r.status, 200);
    seen.add(r.body);
  }
  assert.equal([...seen].sort(), ws.map((w) => `hello from ${w.pid}\n`).sort(), 'the kernel spread connections over both');
  for (const w of ws) w.arbiter!.send({ kind: 'stop', body: {} });
  assert.equal(await within(Promise.all(ws.map((w) => w.exited)), 3000, 'exit'), [0, 0]);
});

test('handoff: connections accepted here are served there and acknowledged', async () => {
  const { fd, port } = listen();
  const [mine, theirs] = native.seqpacketPair();
  opened.push(mine);
  const w = spawnWorker({ strategy: 'handoff', handoffFd: theirs });
  native.close(theirs);
  await w.handshake();
  const arb = w.arbiter!;
  const held = new Map<number, number>();
  let nextId = 1;
  const watcher = new native.Watcher(fd, () => {
    const conn = native.acceptOne(fd);
    if (!conn) return;
    const id = nextId++;
    held.set(id, conn.fd);
    const frame = encodeFrame({ kind: 'handoff', body: { handoffId: id, listener: 0, peer: `${conn.remoteAddress}:${conn.remotePort}` } });
    assert.ok(native.sendWithFds(mine, frame, [conn.fd]));
  });
  watcher.start();
  try {
    const acked: number[] = [];
    arb.on('message', (m: Message) => {
      if (m.kind !== 'handoffAck') return;
      for (const id of m.body.handoffIds) {
        acked.push(id);
        // The worker owns the connection now; our copy goes.
        native.close(held.get(id)!);
        held.delete(id);
      }
    });
    for (let i = 0; i < 3; i++) {
      const r = await get(port);
      assert.is(r.body, `hello from ${w.pid}\n`);
    }
    await until(() => acked.length === 3, 3000, 'three acks');
    assert.equal(acked, [1, 2, 3]);
  } finally {
    watcher.close();
  }
  arb.send({ kind: 'stop', body: {} });
  assert.is(await within(w.exited, 3000, 'exit'), 0);
});

test.run();
