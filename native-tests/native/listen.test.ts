// Listeners for every family, adopted fds, and the shape of errors: what was
// attempted, on what address, with Node's code/errno/syscall properties.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { constants } from 'node:os';
import { openSync, closeSync, existsSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as native from '../../src/transport/native.js';
import { InvalidOptionError } from '../../src/errors.js';
import { once } from 'node:events';
import { connect, destroyAll, closeAll, fdFlags, noLeaks, thrown, within, O_CLOEXEC, O_NONBLOCK } from './helpers.js';

/** Whether ::1 can be bound here (decided once, before the tests register). */
const ipv6 = (() => {
  try {
    native.close(native.listen({ host: '::1' }));
    return true;
  } catch (err) {
    console.log(`notice: ::1 is unavailable (${(err as Error).message}); the tcp6 test is skipped`);
    return false;
  }
})();

(ipv6 ? test : test.skip)('tcp6 on ::1: listen, localAddress, accept', noLeaks(async () => {
  const lfd = native.listen({ host: '[::1]' });
  const clients = [];
  try {
    const addr = native.localAddress(lfd);
    assert.is(addr.family, 'tcp6');
    assert.is(addr.address, '::1');
    assert.ok(addr.port > 0);
    assert.is(addr.path, undefined);
    clients.push(await connect(addr.port, '::1'));
    const conn = native.acceptOne(lfd);
    assert.ok(conn);
    native.close(conn.fd);
    assert.is(conn.family, 'tcp6');
    assert.is(conn.remoteAddress, '::1');
    assert.is(conn.remotePort, clients[0]?.localPort);
  } finally {
    native.close(lfd);
    await destroyAll(clients);
  }
}));

test('tcp4: the listener is non-blocking and close-on-exec', noLeaks(() => {
  const lfd = native.listen({ host: '127.0.0.1', backlog: 4 });
  try {
    assert.ok(fdFlags(lfd) & O_NONBLOCK);
    assert.ok(fdFlags(lfd) & O_CLOEXEC);
    assert.ok(native.isListening(lfd));
    native.setCloexec(lfd, false);
    assert.not.ok(fdFlags(lfd) & O_CLOEXEC);
    native.setCloexec(lfd, true);
    native.setNonBlocking(lfd, false);
    assert.not.ok(fdFlags(lfd) & O_NONBLOCK);
    native.setNonBlocking(lfd, true);
    assert.ok(fdFlags(lfd) & O_NONBLOCK);
  } finally {
    native.close(lfd);
  }
}));

test('unix path: listen, localAddress, accept', noLeaks(async () => {
  const path = join(tmpdir(), `corral-native-${process.pid}.sock`);
  const lfd = native.listen({ path });
  const clients = [];
  try {
    assert.equal(native.localAddress(lfd), { family: 'unix', address: path, port: 0, path });
    clients.push(await connect(path));
    const conn = native.acceptOne(lfd);
    assert.ok(conn);
    assert.equal({ family: conn.family, remoteAddress: conn.remoteAddress, remotePort: conn.remotePort }, { family: 'unix', remoteAddress: '', remotePort: 0 });
    // A unix connection wraps into a net.Socket too (a libuv pipe).
    const sock = native.toSocket(conn);
    const got = once(clients[0]!, 'data');
    sock.end('over unix');
    assert.is(String((await within(2000, got, 'data'))[0]), 'over unix');
    sock.destroy();
    if (!sock.closed) await once(sock, 'close');
    // The socket file is not ours to remove silently: a second bind fails.
    const err = thrown(() => native.listen({ path }));
    assert.is(err['code'], 'EADDRINUSE');
    assert.is(err.message, `bind EADDRINUSE ${path}`);
    assert.is(err['address'], path);
  } finally {
    native.close(lfd);
    if (existsSync(path)) unlinkSync(path);
    await destroyAll(clients);
  }
}));

test('unix abstract name', noLeaks(async () => {
  const name = `\0corral-native-${process.pid}`;
  const lfd = native.listen({ path: name });
  try {
    assert.is(native.localAddress(lfd).path, name);
    const err = thrown(() => native.listen({ path: name }));
    assert.is(err.message, `bind EADDRINUSE @corral-native-${process.pid}`);
  } finally {
    native.close(lfd);
  }
}));

test('EADDRINUSE: Node-style error naming address and port', noLeaks(() => {
  const lfd = native.listen({ host: '127.0.0.1' });
  try {
    const { port } = native.localAddress(lfd);
    const err = thrown(() => native.listen({ host: '127.0.0.1', port }));
    assert.instance(err, Error);
    assert.is(err.message, `bind EADDRINUSE 127.0.0.1:${port}`);
    assert.is(err['code'], 'EADDRINUSE');
    assert.is(err['errno'], -constants.errno.EADDRINUSE);
    assert.is(err['syscall'], 'bind');
    assert.is(err['address'], '127.0.0.1');
    assert.is(err['port'], port);
  } finally {
    native.close(lfd);
  }
}));

test('EBADF and friends: Node-style errors naming the fd', noLeaks(() => {
  const bad = 1_000_000; // above any fd limit here
  for (const [fn, syscall] of [
    [() => native.acceptOne(bad), 'accept'],
    [() => native.acceptBatch(bad, 4), 'accept'],
    [() => native.localAddress(bad), 'getsockname'],
    [() => native.close(bad), 'close'],
    [() => native.setNonBlocking(bad, true), 'fcntl'],
    [() => native.recvWithFds(bad), 'recvmsg'],
    [() => native.sendWithFds(bad, Buffer.from('x'), []), 'sendmsg'],
  ] as const) {
    const err = thrown(fn);
    assert.is(err.message, `${syscall} EBADF (fd ${bad})`);
    assert.is(err['code'], 'EBADF');
    assert.is(err['errno'], -constants.errno.EBADF);
    assert.is(err['syscall'], syscall);
    assert.is(err['fd'], bad);
  }
  const file = openSync(process.execPath, 'r'); // a regular file
  try {
    assert.is(thrown(() => native.acceptOne(file))['code'], 'ENOTSOCK');
  } finally {
    closeSync(file);
  }
  const [a, b] = native.seqpacketPair();
  try {
    assert.is(thrown(() => native.acceptOne(a))['code'], 'EINVAL', 'accept on a socket that is not listening');
    assert.not.ok(native.isListening(a));
  } finally {
    closeAll([a, b]);
  }
}));

test('option checks: InvalidOptionError naming the option', () => {
  const cases: [native.ListenOptions, RegExp, string][] = [
    [{ host: 'localhost' }, /options\.host must be a numeric/, 'TypeError'],
    [{ host: '127.0.0.1', port: 70000 }, /options\.port must be between 0 and 65535/, 'RangeError'],
    [{ host: '127.0.0.1', port: 1.5 }, /options\.port must be an integer/, 'TypeError'],
    [{ host: '127.0.0.1', backlog: -1 }, /options\.backlog/, 'RangeError'],
    [{ path: '/tmp/x', reusePort: true }, /options\.reusePort applies to TCP/, 'RangeError'],
    [{ path: '/tmp/x', port: 1 }, /options\.path cannot be combined/, 'RangeError'],
    [{ path: '' }, /options\.path must be a non-empty string/, 'TypeError'],
  ];
  for (const [opts, message, name] of cases) {
    const err = thrown(() => native.listen(opts));
    assert.is(err['code'], 'CORRAL_ERR_INVALID_OPTION', JSON.stringify(opts));
    assert.match(err.message, message);
    assert.is(err.name, name, JSON.stringify(opts));
    if (!(err instanceof InvalidOptionError)) assert.unreachable('expected InvalidOptionError');
  }
  assert.is(thrown(() => native.acceptBatch(0, 0))['code'], 'CORRAL_ERR_INVALID_OPTION');
  assert.is(thrown(() => native.acceptOne(-1))['code'], 'CORRAL_ERR_INVALID_OPTION');
  assert.is(thrown(() => native.close(1.5))['code'], 'CORRAL_ERR_INVALID_OPTION');
});

test('unix path too long: ENAMETOOLONG', () => {
  const err = thrown(() => native.listen({ path: '/tmp/' + 'x'.repeat(200) }));
  assert.is(err['code'], 'ENAMETOOLONG');
  assert.is(err['syscall'], 'bind');
});

test.run();
