// SCM_RIGHTS over a SOCK_SEQPACKET pair: descriptors arrive close-on-exec and
// refer to the same open file; truncation drops the message and closes what
// arrived; EOF and would-block are values. A descriptor sent to a child
// process is usable there.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fstatSync } from 'node:fs';
import * as native from '../../src/transport/native.js';
import { CmsgTruncatedError, NativeError } from '../../src/errors.js';
import { connect, destroyAll, closeAll, fdFlags, noLeaks, reap, spawnFixture, thrown, within, O_CLOEXEC, O_NONBLOCK } from './helpers.js';
import { once } from 'node:events';

test('seqpacketPair: both ends non-blocking and close-on-exec', noLeaks(() => {
  const [a, b] = native.seqpacketPair();
  try {
    for (const fd of [a, b]) {
      assert.ok(fdFlags(fd) & O_NONBLOCK);
      assert.ok(fdFlags(fd) & O_CLOEXEC);
    }
    assert.is(native.recvWithFds(a), null, 'would block');
  } finally {
    closeAll([a, b]);
  }
}));

test('data and fds arrive as one message; received fds are new, cloexec, same file', noLeaks(() => {
  const [a, b] = native.seqpacketPair();
  const lfd = native.listen({ host: '127.0.0.1' });
  const got: number[] = [];
  try {
    assert.ok(native.sendWithFds(a, Buffer.from('frame-1'), [lfd, b]));
    assert.ok(native.sendWithFds(a, Buffer.from('frame-2'), []));
    const m1 = native.recvWithFds(b);
    assert.ok(m1);
    got.push(...m1.fds);
    assert.is(m1.data.toString(), 'frame-1');
    assert.is(m1.eof, false);
    assert.is(m1.fds.length, 2);
    assert.not.ok(m1.fds.includes(lfd));
    assert.is(fstatSync(m1.fds[0] as number).ino, fstatSync(lfd).ino);
    assert.is(fstatSync(m1.fds[1] as number).ino, fstatSync(b).ino);
    for (const fd of m1.fds) assert.ok(fdFlags(fd) & O_CLOEXEC, 'MSG_CMSG_CLOEXEC');
    assert.is(native.localAddress(m1.fds[0] as number).port, native.localAddress(lfd).port);
    const m2 = native.recvWithFds(b);
    assert.equal({ data: m2?.data.toString(), fds: m2?.fds }, { data: 'frame-2', fds: [] });
    assert.is(native.recvWithFds(b), null);
  } finally {
    closeAll([...got, lfd, a, b]);
  }
}));

test('more fds than maxFds: CmsgTruncatedError, and the fds that arrived are closed', noLeaks(() => {
  const [a, b] = native.seqpacketPair();
  try {
    // 3 fds: the kernel truncates. 2 fds: the control buffer has room for
    // them (CMSG_SPACE rounds up), but the limit is still 1.
    for (const fds of [[a, a, a], [a, a]]) {
      native.sendWithFds(a, Buffer.from('x'), fds);
      const err = thrown(() => native.recvWithFds(b, 100, 1));
      assert.instance(err, CmsgTruncatedError);
      assert.is(err['code'], 'CORRAL_ERR_CMSG_TRUNCATED');
      assert.is(native.recvWithFds(b), null, 'the message was consumed');
    }
  } finally {
    closeAll([a, b]);
  }
}));

test('a message longer than maxBytes is dropped with a NativeError; its fds are closed', noLeaks(() => {
  const [a, b] = native.seqpacketPair();
  try {
    native.sendWithFds(a, Buffer.alloc(100, 1), [a]);
    const err = thrown(() => native.recvWithFds(b, 10, 4));
    assert.instance(err, NativeError);
    assert.is(err['code'], 'CORRAL_ERR_NATIVE');
    assert.is(native.recvWithFds(b), null);
  } finally {
    closeAll([a, b]);
  }
}));

test('EOF is a value; sending to a closed peer is EPIPE, not SIGPIPE', noLeaks(() => {
  const [a, b] = native.seqpacketPair();
  try {
    native.close(a);
    const eof = native.recvWithFds(b);
    assert.equal(eof && { data: eof.data.length, fds: eof.fds, eof: eof.eof }, { data: 0, fds: [], eof: true });
    const err = thrown(() => native.sendWithFds(b, Buffer.from('x'), []));
    assert.is(err['code'], 'EPIPE');
    assert.is(err['syscall'], 'sendmsg');
    assert.is(err['errno'], -32);
  } finally {
    closeAll([a, b]);
  }
}));

test('sendWithFds returns false when the socket buffer is full', noLeaks(() => {
  const [a, b] = native.seqpacketPair();
  try {
    const chunk = Buffer.alloc(4096);
    let sent = 0;
    while (native.sendWithFds(a, chunk, [])) if (++sent > 100_000) throw new Error('never blocked');
    assert.ok(sent > 0);
    let read = 0;
    while (native.recvWithFds(b, 8192, 0)) read++;
    assert.is(read, sent, 'nothing was lost or half-sent');
  } finally {
    closeAll([a, b]);
  }
}));

test('argument checks', () => {
  assert.is(thrown(() => native.sendWithFds(0, Buffer.alloc(0), []))['code'], 'CORRAL_ERR_INVALID_OPTION');
  assert.is(thrown(() => native.sendWithFds(0, 'x' as unknown as Uint8Array, []))['code'], 'CORRAL_ERR_INVALID_OPTION');
  assert.is(thrown(() => native.sendWithFds(0, Buffer.from('x'), [-1]))['code'], 'CORRAL_ERR_INVALID_OPTION');
  assert.is(thrown(() => native.recvWithFds(0, 0))['code'], 'CORRAL_ERR_INVALID_OPTION');
  assert.is(thrown(() => native.recvWithFds(0, 10, 254))['name'], 'RangeError');
});

test('sendDatagram: errors name the path', () => {
  const err = thrown(() => native.sendDatagram('/nonexistent/corral-notify.sock', Buffer.from('READY=1')));
  assert.is(err['code'], 'ENOENT');
  assert.is(err['syscall'], 'sendto');
  assert.is(err['address'], '/nonexistent/corral-notify.sock');
});

test('fds sent through SCM_RIGHTS serve connections in a child process', noLeaks(async () => {
  const [mine, theirs] = native.seqpacketPair();
  const lfd = native.listen({ host: '127.0.0.1' });
  const child = spawnFixture('fdpass-child.mjs', [], [theirs]);
  native.close(theirs); // the child holds its own copy now
  const clients = [];
  try {
    await child.next((m) => m['ready'] === true, 10_000, 'child ready');
    const port = native.localAddress(lfd).port;

    // 1. A connection accepted here is answered there.
    const c1 = await connect(port);
    clients.push(c1);
    const reply1 = collect(c1);
    let conn: native.AcceptedConnection | null = null;
    for (let i = 0; i < 200 && !(conn = native.acceptOne(lfd)); i++) await new Promise((r) => setTimeout(r, 5));
    assert.ok(conn, 'accepted');
    assert.ok(native.sendWithFds(mine, Buffer.from('conn'), [conn.fd]));
    native.close(conn.fd); // the child's copy keeps the connection open
    const got1 = await child.next((m) => m['got'] === 'conn', 5000, 'conn received');
    assert.is(got1['cloexec'], true);
    assert.is(await within(5000, reply1, 'reply on passed connection'), `served by ${child.proc.pid} on passed fd\n`);

    // 2. The listener itself, handed over: the child accepts from it.
    assert.ok(native.sendWithFds(mine, Buffer.from('listener'), [lfd]));
    await child.next((m) => m['got'] === 'listener', 5000, 'listener received');
    const c2 = await connect(port);
    clients.push(c2);
    assert.is(await within(5000, collect(c2), 'reply via passed listener'), `listener served by ${child.proc.pid}\n`);
    await child.next((m) => m['done'] === true, 5000, 'child done');
  } finally {
    closeAll([mine, lfd]);
    await reap([child]);
    await destroyAll(clients);
  }
}));

function collect(s: import('node:net').Socket): Promise<string> {
  let text = '';
  s.setEncoding('utf8').on('data', (d: string) => (text += d));
  return once(s, 'end').then(() => text);
}

test.run();
