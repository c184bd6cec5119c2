// Where control sockets are looked for (spec.md section 14.1).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultControlSocket, findControlSocket, runtimeDir, socketForPidfile } from './paths.js';

const thrown = (fn: () => unknown): { code?: string; message: string } => {
  try {
    fn();
  } catch (err) {
    return err as { code?: string; message: string };
  }
  throw new Error('did not throw');
};

test('the socket of a pidfile sits beside it', () => {
  assert.is(socketForPidfile('/run/app.pid'), '/run/app.sock');
  assert.is(socketForPidfile('/run/app'), '/run/app.sock');
  assert.is(defaultControlSocket(1, '/run/x.pid'), '/run/x.sock');
});

test('the runtime directory: created 0700; refused when others may write to it', () => {
  const base = mkdtempSync(join(tmpdir(), 'corral-paths-'));
  try {
    const env = { XDG_RUNTIME_DIR: base };
    const dir = runtimeDir(env);
    assert.is(dir, join(base, 'corral'));
    assert.is(defaultControlSocket(77, undefined, env), join(base, 'corral', '77.sock'));
    chmodSync(dir, 0o777);
    assert.match(thrown(() => runtimeDir(env)).message, /writable by no one else/);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('findControlSocket: --socket, then the pidfile (its process must run), then the environment, then the only live arbiter', () => {
  const base = mkdtempSync(join(tmpdir(), 'corral-paths-'));
  try {
    const env: NodeJS.ProcessEnv = { XDG_RUNTIME_DIR: base };
    assert.is(findControlSocket({ socket: '/x.sock', pidfile: '/nope' }, env), '/x.sock');
    const pidfile = join(base, 'a.pid');
    writeFileSync(pidfile, `${process.pid}\n`);
    assert.is(findControlSocket({ pidfile }, env), join(base, 'a.sock'));
    writeFileSync(pidfile, '999999999\n');
    assert.is(thrown(() => findControlSocket({ pidfile }, env)).code, 'CORRAL_ERR_CONTROL_NOT_FOUND');
    assert.is(findControlSocket({}, { ...env, CORRAL_CONTROL_SOCKET: '/e.sock' }), '/e.sock');
    assert.match(thrown(() => findControlSocket({}, env)).message, /no running arbiter/);
    const dir = join(base, 'corral');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // A dead arbiter's socket is passed over; a live one is found.
    writeFileSync(join(dir, '999999999.sock'), '');
    writeFileSync(join(dir, `${process.pid}.sock`), '');
    assert.is(findControlSocket({}, env), join(dir, `${process.pid}.sock`));
    writeFileSync(join(dir, `${process.ppid}.sock`), '');
    assert.match(thrown(() => findControlSocket({}, env)).message, /2 arbiters are running/);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test.run();
