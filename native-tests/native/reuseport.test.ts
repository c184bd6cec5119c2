// Two SO_REUSEPORT listeners on one port: the kernel spreads connections over
// both by 4-tuple hash. With 64 connections from distinct source ports the
// chance that one listener gets none is 2 * 2^-64, so "both got some" is a
// deterministic check.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as native from '../../src/transport/native.js';
import { connect, destroyAll, closeAll, noLeaks, thrown } from './helpers.js';

const CONNECTIONS = 64;

test('two SO_REUSEPORT listeners on one port both receive connections', noLeaks(async () => {
  const a = native.listen({ host: '127.0.0.1', reusePort: true, backlog: CONNECTIONS });
  const { port } = native.localAddress(a);
  const b = native.listen({ host: '127.0.0.1', port, reusePort: true, backlog: CONNECTIONS });
  const clients = [];
  const fds: number[] = [];
  try {
    assert.is(native.localAddress(b).port, port);
    for (let i = 0; i < CONNECTIONS; i++) clients.push(await connect(port));
    assert.is(new Set(clients.map((c) => c.localPort)).size, CONNECTIONS, 'distinct source ports');
    const gotA = native.acceptBatch(a, CONNECTIONS + 1);
    const gotB = native.acceptBatch(b, CONNECTIONS + 1);
    fds.push(...gotA.map((c) => c.fd), ...gotB.map((c) => c.fd));
    assert.is(gotA.length + gotB.length, CONNECTIONS);
    assert.ok(gotA.length > 0 && gotB.length > 0, `split ${gotA.length}/${gotB.length}`);
  } finally {
    closeAll([...fds, a, b]);
    await destroyAll(clients);
  }
}));

test('without SO_REUSEPORT the second bind fails with EADDRINUSE', noLeaks(() => {
  const a = native.listen({ host: '127.0.0.1', reusePort: true });
  try {
    const { port } = native.localAddress(a);
    const err = thrown(() => native.listen({ host: '127.0.0.1', port }));
    assert.is(err['code'], 'EADDRINUSE');
  } finally {
    native.close(a);
  }
}));

test.run();
