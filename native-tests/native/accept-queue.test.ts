// acceptQueue: the kernel's count of connections waiting on a listener, read
// without accepting, which is what lets the arbiter see a lease holder that
// has stopped taking connections.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as native from '../../src/transport/native.js';
import { InvalidOptionError } from '../../src/errors.js';
import { connect, destroyAll, noLeaks, thrown, until } from './helpers.js';

test('tcp listener: the count follows connections queued and accepted, and max is the backlog', noLeaks(async () => {
  const lfd = native.listen({ host: '127.0.0.1', backlog: 64 });
  const clients = [];
  try {
    assert.equal(native.acceptQueue(lfd), { queued: 0, max: 64 });
    const { port } = native.localAddress(lfd);
    for (let i = 0; i < 5; i++) clients.push(await connect(port!));
    // connect() resolves on the client's SYN-ACK; the server side joins the
    // queue when the final ACK is processed, which loopback does inline but a
    // loaded machine may defer a little.
    assert.ok(await until(() => native.acceptQueue(lfd)?.queued === 5, 2000), `queued ${native.acceptQueue(lfd)?.queued}`);
    for (let taken = 1; taken <= 5; taken++) {
      const conn = native.acceptOne(lfd);
      assert.ok(conn);
      native.close(conn.fd);
      assert.is(native.acceptQueue(lfd)?.queued, 5 - taken);
    }
  } finally {
    await destroyAll(clients);
    native.close(lfd);
  }
}));

test('unix listener and non-listening sockets: null (the kernel reports no queue)', noLeaks(() => {
  const path = join(tmpdir(), `corral-aq-${process.pid}.sock`);
  const ufd = native.listen({ path });
  const [a, b] = native.seqpacketPair();
  try {
    assert.is(native.acceptQueue(ufd), null);
    assert.is(native.acceptQueue(a), null);
  } finally {
    native.close(ufd);
    unlinkSync(path);
    native.close(a);
    native.close(b);
  }
}));

test('bad descriptors: a Node-style error naming getsockopt, or InvalidOptionError', () => {
  const err = thrown(() => native.acceptQueue(1_000_000));
  assert.is(err.code, 'EBADF');
  assert.is(err.syscall, 'getsockopt');
  assert.instance(thrown(() => native.acceptQueue(-1)), InvalidOptionError);
});

test.run();
