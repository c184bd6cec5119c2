// systemd integration and the embedding form: plain socket-activation apps
// under --plain, listeners inherited through LISTEN_FDS, sd_notify messages.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as native from '../../src/transport/native.js';
import { tsxImport } from '../../src/transport/tsx.js';
import { corralBin, get, pidOf, root, sleep, startPool } from './pool.js';

const plainApp = join(root, 'fixtures/apps/systemd-plain.mjs');

for (const accept of ['shared', 'reuseport'] as const) {
  test(`--plain ${accept}: a systemd socket-activation app runs unchanged, supervised by process`, async () => {
    const pool = await startPool(['--workers', '2', '--bind', '127.0.0.1:0', '--accept', accept, '--plain', '--', process.execPath, plainApp], { readyWorkers: 2 });
    try {
      const replies = await Promise.all(Array.from({ length: 40 }, () => get(pool.port)));
      assert.ok(replies.every((r) => r.ok), `${JSON.stringify(replies.find((r) => !r.ok))}\n${pool.log()}`);
      assert.ok(new Set(replies.map(pidOf)).size >= 1);
    } finally {
      assert.is(await pool.stop(), 0, pool.log());
    }
  });
}

test('listeners inherited through LISTEN_FDS are used instead of binding; READY=1 and STOPPING=1 reach NOTIFY_SOCKET', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corral-sd-'));
  const notifyPath = join(dir, 'notify');
  // A datagram receiver standing in for systemd.
  const receiver = spawn('python3', ['-u', '-c', `
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
print("bound", flush=True)
while True:
    print(s.recv(4096).decode(), flush=True)
`, notifyPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  let notes = '';
  receiver.stdout!.on('data', (d) => (notes += d));
  while (!notes.includes('bound')) await sleep(20);
  const fd = native.listen({ host: '127.0.0.1', port: 0 });
  const port = native.localAddress(fd).port;
  native.setCloexec(fd, false);
  const proc = spawn('/bin/sh', ['-c', 'LISTEN_PID=$$; export LISTEN_PID; exec "$0" "$@"', process.execPath, corralBin, 'run', '--workers', '1', '--bind', '127.0.0.1:1', join(root, 'fixtures/apps/hello.mjs')], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe', fd], env: { ...process.env, LISTEN_FDS: '1', LISTEN_FDNAMES: 'web', NOTIFY_SOCKET: notifyPath },
  });
  native.close(fd);
  let log = '';
  proc.stderr!.on('data', (d) => (log += d));
  try {
    const deadline = Date.now() + 15_000;
    while (!notes.includes('READY=1') && Date.now() < deadline) await sleep(20);
    assert.match(notes, /READY=1/);
    assert.match(log, new RegExp(`listening at 127.0.0.1:${port}`), 'the inherited socket, not --bind');
    assert.ok((await get(port)).ok);
    proc.kill('SIGTERM');
    const code = await new Promise((r) => proc.on('exit', r));
    assert.is(code, 0, log);
    await sleep(100);
    assert.match(notes, /STOPPING=1/);
  } finally {
    proc.kill('SIGKILL');
    receiver.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the one-file form: the same script is arbiter and workers', async () => {
  const fd = native.listen({ host: '127.0.0.1', port: 0 });
  const port = native.localAddress(fd).port;
  native.close(fd);
  const proc = spawn(process.execPath, ['--import', tsxImport(), join(root, 'fixtures/apps/embedded.ts')], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BIND: `127.0.0.1:${port}` },
  });
  let log = '';
  proc.stderr!.on('data', (d) => (log += d));
  try {
    const deadline = Date.now() + 15_000;
    while ((log.match(/\) ready$/gm) ?? []).length < 2 && Date.now() < deadline) await sleep(25);
    const replies = await Promise.all(Array.from({ length: 20 }, () => get(port)));
    assert.ok(replies.every((r) => r.ok), log);
    assert.ok(replies.every((r) => pidOf(r) !== proc.pid), 'answered by workers, not the arbiter');
    proc.kill('SIGTERM');
    assert.is(await new Promise((r) => proc.on('exit', r)), 0, log);
  } finally {
    proc.kill('SIGKILL');
  }
});

test.run();
