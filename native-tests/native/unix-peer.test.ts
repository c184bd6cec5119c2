// connectUnix and peerCredentials: what the task socket is built on. An
// abstract name is bound and connected with its own length (a peer in
// another language meets it), and the kernel says who is on the other end.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as native from '../../src/transport/native.js';
import { InvalidOptionError } from '../../src/errors.js';
import { noLeaks, thrown } from './helpers.js';

const abstract = () => `\0corral-test-${randomBytes(8).toString('hex')}`;

test('an abstract name is bound and connected with its own length; peerCredentials names both ends', noLeaks(async () => {
  const name = abstract();
  const lfd = native.listen({ path: name, backlog: 8 });
  let cfd = -1;
  let sfd = -1;
  try {
    const listed = readFileSync('/proc/net/unix', 'utf8').split('\n').map((l) => l.trim().split(/\s+/)[7]);
    assert.ok(listed.includes(`@${name.slice(1)}`), 'listed under the exact name, not padded with NULs');
    cfd = native.connectUnix(name);
    const conn = native.acceptOne(lfd);
    assert.ok(conn, 'the connection is queued at once');
    sfd = conn.fd;
    const me = { pid: process.pid, uid: process.getuid!(), gid: process.getgid!() };
    assert.equal(native.peerCredentials(sfd), me, 'the server sees the client process');
    assert.equal(native.peerCredentials(cfd), me, 'and the client the server');
  } finally {
    for (const fd of [cfd, sfd, lfd]) if (fd >= 0) native.close(fd);
  }
}));

test('connectUnix: nothing listening is ECONNREFUSED; bad arguments and bad fds are clear errors', noLeaks(async () => {
  assert.is((thrown(() => native.connectUnix(abstract())) as NodeJS.ErrnoException).code, 'ECONNREFUSED');
  assert.ok(thrown(() => native.connectUnix('')) instanceof InvalidOptionError);
  assert.is((thrown(() => native.connectUnix('\0' + 'x'.repeat(200))) as NodeJS.ErrnoException).code, 'ENAMETOOLONG');
  const e = thrown(() => native.peerCredentials(999_999)) as NodeJS.ErrnoException;
  assert.ok(e.code === 'EBADF' || e.code === 'CORRAL_ERR_INVALID_OPTION', String(e.code));
}));

test.run();
