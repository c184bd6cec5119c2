// One-shot accept on a real loopback listener: would-block is a value, one
// connection per acceptOne, acceptBatch stops at N or at would-block, and the
// counters agree with the syscalls made.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as http from 'node:http';
import { once } from 'node:events';
import * as native from '../../src/transport/native.js';
import { connect, destroyAll, closeAll, fdFlags, noLeaks, within, O_CLOEXEC, O_NONBLOCK } from './helpers.js';

function delta(before: native.Counters): native.Counters {
  const now = native.counters();
  return {
    readiness: now.readiness - before.readiness,
    acceptCalls: now.acceptCalls - before.acceptCalls,
    acceptWouldBlock: now.acceptWouldBlock - before.acceptWouldBlock,
    accepted: now.accepted - before.accepted,
  };
}

test('the addon is loaded', () => {
  assert.ok(native.available, 'native addon unavailable');
  assert.match(native.addonPath, /corral_native\.node$/);
});

test('acceptOne: would-block on an empty queue, then exactly one connection per call', noLeaks(async () => {
  const lfd = native.listen({ host: '127.0.0.1', backlog: 16 });
  const { port } = native.localAddress(lfd);
  const clients = [];
  const fds: number[] = [];
  try {
    const c0 = native.counters();
    assert.is(native.acceptOne(lfd), null);
    assert.equal(delta(c0), { readiness: 0, acceptCalls: 1, acceptWouldBlock: 1, accepted: 0 });

    for (let i = 0; i < 3; i++) clients.push(await connect(port));
    const ports = new Set(clients.map((c) => c.localPort));
    const c1 = native.counters();
    for (let i = 0; i < 3; i++) {
      const conn = native.acceptOne(lfd);
      assert.ok(conn, `connection ${i}`);
      fds.push(conn.fd);
      assert.is(conn.family, 'tcp4');
      assert.is(conn.remoteAddress, '127.0.0.1');
      assert.ok(ports.delete(conn.remotePort), `unexpected peer port ${conn.remotePort}`);
      const flags = fdFlags(conn.fd);
      assert.ok(flags & O_NONBLOCK, 'accepted fd is O_NONBLOCK');
      assert.ok(flags & O_CLOEXEC, 'accepted fd is close-on-exec');
    }
    assert.is(native.acceptOne(lfd), null);
    assert.equal(delta(c1), { readiness: 0, acceptCalls: 4, acceptWouldBlock: 1, accepted: 3 });
    assert.is(new Set(fds).size, 3);
  } finally {
    closeAll([...fds, lfd]);
    await destroyAll(clients);
  }
}));

test('acceptBatch stops at max, then at would-block', noLeaks(async () => {
  const lfd = native.listen({ host: '127.0.0.1', backlog: 16 });
  const { port } = native.localAddress(lfd);
  const clients = [];
  const fds: number[] = [];
  try {
    for (let i = 0; i < 5; i++) clients.push(await connect(port));
    const c0 = native.counters();
    const first = native.acceptBatch(lfd, 2);
    assert.is(first.length, 2);
    assert.equal(delta(c0), { readiness: 0, acceptCalls: 2, acceptWouldBlock: 0, accepted: 2 });
    const rest = native.acceptBatch(lfd, 10);
    assert.is(rest.length, 3);
    assert.equal(delta(c0), { readiness: 0, acceptCalls: 6, acceptWouldBlock: 1, accepted: 5 });
    fds.push(...first.map((c) => c.fd), ...rest.map((c) => c.fd));
    assert.equal(native.acceptBatch(lfd, 4), []);
    assert.equal(delta(c0), { readiness: 0, acceptCalls: 7, acceptWouldBlock: 2, accepted: 5 });
  } finally {
    closeAll([...fds, lfd]);
    await destroyAll(clients);
  }
}));

test('resetCounters zeroes every counter', () => {
  native.resetCounters();
  assert.equal(native.counters(), { readiness: 0, acceptCalls: 0, acceptWouldBlock: 0, accepted: 0 });
});

test('toSocket: the accepted fd becomes a working net.Socket that owns it', noLeaks(async () => {
  const lfd = native.listen({ host: '127.0.0.1' });
  const client = await connect(native.localAddress(lfd).port);
  try {
    const conn = native.acceptOne(lfd);
    assert.ok(conn);
    const sock = native.toSocket(conn);
    assert.is(sock.remotePort, client.localPort);
    const got = once(client, 'data');
    sock.end('hello');
    assert.is(String((await within(2000, got, 'data'))[0]), 'hello');
    sock.destroy();
    await once(sock, 'close');
  } finally {
    native.close(lfd);
    await destroyAll([client]);
  }
}));

test('dispatch hands the connection to an http.Server', noLeaks(async () => {
  const lfd = native.listen({ host: '127.0.0.1' });
  const server = http.createServer((req, res) => res.end(`hi ${req.url}`));
  try {
    const { port } = native.localAddress(lfd);
    const response = new Promise<string>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: '/x', agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d)).on('end', () => resolve(`${res.statusCode} ${body}`));
      }).on('error', reject);
    });
    let conn: native.AcceptedConnection | null = null;
    const deadline = Date.now() + 2000;
    while (!(conn = native.acceptOne(lfd)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    assert.ok(conn, 'connection arrived');
    const sock = native.dispatch(server, conn);
    assert.is(await within(2000, response, 'http response'), '200 hi /x');
    if (!sock.closed) await once(sock, 'close');
  } finally {
    native.close(lfd);
    server.close();
  }
}));

test.run();
