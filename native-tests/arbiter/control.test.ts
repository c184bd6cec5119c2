// The control socket and `corral ctl` (spec.md section 14) against real
// processes and a real Unix socket: what an operator types, what the pool
// does, and what a buggy, hostile or stuck client cannot do to the arbiter.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import * as net from 'node:net';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ControlServer, type ControlLimits } from '../../src/arbiter/control-server.js';
import { Logger } from '../../src/arbiter/log.js';
import { ControlClient } from '../../src/control/client.js';
import { CONTROL_LIMITS, controlFrame, decodeReply, encodeRequest, type ControlResult, type PoolStatus } from '../../src/protocol/control.js';
import { EXAMPLE_STATUS } from '../../src/protocol/control-examples.js';
import { FrameDecoder } from '../../src/protocol/framer.js';
import { connect } from '../../src/tasks/connect.js';
import { freePort } from '../../src/conformance/arbiter-harness.js';
import * as native from '../../src/transport/native.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'corral-control-'));
const log = new Logger({ level: 'critical', format: 'text' });

async function until<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function ctl(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'bin/corral.mjs'), 'ctl', ...args], { cwd: root, timeout: 60_000 }, (e, out, err) => {
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, out, err });
    });
  });
}

/** A raw connection that collects every reply frame until the arbiter closes it. */
function raw(path: string): { sock: net.Socket; replies: ReturnType<typeof decodeReply>[]; closed: Promise<void> } {
  const sock = net.connect(path);
  const replies: ReturnType<typeof decodeReply>[] = [];
  const d = new FrameDecoder({ maxFrameBytes: CONTROL_LIMITS.maxReplyBytes });
  sock.on('data', (c: Buffer) => { for (const f of d.push(c)) replies.push(decodeReply(f)); });
  sock.on('error', () => {});
  const closed = new Promise<void>((r) => sock.once('close', () => r()));
  return { sock, replies, closed };
}

async function rejects(fn: () => Promise<unknown>, check: (e: { code?: string; message?: string }) => boolean): Promise<void> {
  try {
    await fn();
  } catch (err) {
    assert.ok(check(err as { code?: string }), `rejected as expected, but with ${(err as Error).message}`);
    return;
  }
  assert.unreachable('did not reject');
}

/** One HTTP request on a connection of its own. */
function get(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => { res.resume(); res.on('end', () => resolve()); }).on('error', reject);
  });
}

const statusOnly = (): ControlResult => ({ status: EXAMPLE_STATUS });

test('the socket is created 0600; a stale socket is replaced, a live one is not [CTL-1, CTL-3]', async () => {
  const path = join(dir, 'stale.sock');
  // A socket file nobody listens on: what an arbiter killed with -9 leaves.
  native.close(native.listen({ path, backlog: 1 }));
  assert.ok(existsSync(path));
  const a = await ControlServer.open(path, statusOnly, log);
  try {
    assert.is(statSync(path).mode & 0o777, 0o600);
    await rejects(() => ControlServer.open(path, statusOnly, log), (e) => e.code === 'CORRAL_ERR_CONTROL_SOCKET_IN_USE');
    writeFileSync(join(dir, 'plain-file'), 'x');
    await rejects(() => ControlServer.open(join(dir, 'plain-file'), statusOnly, log), (e) => /not a socket/.test(e.message ?? ''));
  } finally {
    a.close();
  }
  assert.not.ok(existsSync(path), 'removed at close');
});

test('bad frames close the connection with a reply of request id 0; an unknown action does not [CTL-5, CTL-6, CTL-7]', async () => {
  const path = join(dir, 'bad.sock');
  const s = await ControlServer.open(path, statusOnly, log);
  try {
    const big = raw(path);
    // A length prefix beyond the limit: refused on the prefix, the payload never sent.
    big.sock.write(Buffer.from([0x00, 0x01, 0x00, 0x00]));
    await big.closed;
    assert.equal(big.replies.map((r) => [r.requestId, 'error' in r.result && r.result.error.code]), [[0, 'CORRAL_ERR_FRAME_TOO_LARGE']]);
    const empty = raw(path);
    empty.sock.write(Buffer.from([0, 0, 0, 0]));
    await empty.closed;
    assert.equal(empty.replies.map((r) => 'error' in r.result && r.result.error.code), ['CORRAL_ERR_FRAME_EMPTY']);
    const junk = raw(path);
    junk.sock.write(controlFrame(Uint8Array.from([0x0a, 0xff, 0xff])));
    await junk.closed;
    assert.equal(junk.replies.map((r) => 'error' in r.result && r.result.error.code), ['CORRAL_ERR_DECODE']);
    const later = raw(path);
    // request_id 5, then an action of a later version (field 99), then a status in the same write.
    later.sock.write(Buffer.concat([controlFrame(Uint8Array.from([0x08, 0x05, 0x9a, 0x06, 0x00])), controlFrame(encodeRequest(6, { action: 'status' }))]));
    await until('two replies', () => later.replies.length === 2);
    assert.equal(later.replies.map((r) => [r.requestId, 'error' in r.result ? r.result.error.code : 'status']), [[5, 'CORRAL_ERR_CONTROL_UNKNOWN_REQUEST'], [6, 'status']]);
    assert.not.ok(later.sock.destroyed, 'still open');
    later.sock.end();
  } finally {
    s.close();
  }
});

test('a flood is cut off; a client that never reads is dropped; clients beyond the bound are refused; the others are answered throughout [CTL-10, CTL-11, CTL-12, CTL-19]', async () => {
  const path = join(dir, 'limits.sock');
  const logFile = join(dir, 'limits.log');
  const wlog = new Logger({ level: 'warning', format: 'text', file: logFile });
  const logged = () => readFileSync(logFile, 'utf8');
  const limits: ControlLimits = { ...CONTROL_LIMITS, maxClients: 3, maxRequestsPerSecond: 100, maxQueuedBytes: 64 * 1024 };
  // Replies of about 8 KiB: a client that does not read fills the kernel's buffers, then passes 64 KiB queued.
  const bigStatus: PoolStatus = { ...EXAMPLE_STATUS, listeners: Array.from({ length: 400 }, (_, i) => `127.0.0.1:${10_000 + i}`) };
  let answered = 0;
  let reply = EXAMPLE_STATUS;
  const s = await ControlServer.open(path, () => { answered++; return { status: reply }; }, wlog, limits);
  try {
    const good = await ControlClient.connect(path);
    const flood = raw(path);
    flood.sock.write(Buffer.concat(Array.from({ length: 300 }, (_, i) => controlFrame(encodeRequest(i + 1, { action: 'status' })))));
    await flood.closed;
    const last = flood.replies.at(-1)!;
    assert.equal([last.requestId, 'error' in last.result && last.result.error.code], [0, 'CORRAL_ERR_FLOOD']);
    assert.is(flood.replies.length, 101, '100 answered, then the flood error');
    // A client that sends and never reads, below the flood limit.
    reply = bigStatus;
    const stuck = net.connect(path);
    stuck.on('error', () => {});
    stuck.pause();
    await new Promise((r) => stuck.once('connect', r));
    let sent = 0;
    const pump = setInterval(() => {
      if (sent >= 400 || stuck.destroyed) return;
      stuck.write(Buffer.concat(Array.from({ length: 10 }, () => controlFrame(encodeRequest(++sent, { action: 'status' })))));
    }, 150);
    try {
      await until('the client that never reads dropped', () => logged().includes('[CTL-12]'), 60_000);
    } finally {
      clearInterval(pump);
      stuck.destroy();
    }
    assert.is((await good.status()).pid, EXAMPLE_STATUS.pid, 'the well-behaved client is answered meanwhile');
    // The good client and three more: one too many.
    const others = [raw(path), raw(path), raw(path)];
    await until('a client beyond maxClients refused', () => logged().includes('[CTL-10]'));
    await Promise.race([Promise.any(others.map((o) => o.closed)), new Promise((r) => setTimeout(r, 5000))]);
    assert.is(others.filter((o) => o.sock.destroyed).length, 1, 'exactly one refused');
    for (const o of others) o.sock.destroy();
    assert.is((await good.status()).pid, EXAMPLE_STATUS.pid, 'and answered after');
    assert.ok(answered > 100);
    good.close();
  } finally {
    s.close();
    wlog.close();
  }
});

test('a user other than the arbiter\'s (or root) is refused even when the file lets them in [CTL-2]', async () => {
  if (process.getuid?.() !== 0) {
    console.log('notice: not root, so no process of another uid can be started; CTL-2 is not checked here');
    return;
  }
  const path = join(dir, 'peer.sock');
  const s = await ControlServer.open(path, statusOnly, log);
  try {
    chmodSync(dir, 0o755);
    chmodSync(path, 0o666); // the file's mode no longer protects it: the credential check must
    const script = `const s=require('net').connect(${JSON.stringify(path)});let n=0;s.on('data',d=>n+=d.length);s.on('connect',()=>s.write(Buffer.from(${JSON.stringify([...controlFrame(encodeRequest(1, { action: 'status' }))])})));s.on('close',()=>{console.log('bytes='+n);});s.on('error',e=>console.log('error='+e.code));setTimeout(()=>{console.log('timeout');process.exit(0)},5000).unref();`;
    const out = await new Promise<string>((resolve) => {
      const c = spawn(process.execPath, ['-e', script], { uid: 65534, gid: 65534, stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      c.stdout.on('data', (d: Buffer) => (text += d));
      c.on('exit', () => resolve(text));
    });
    assert.match(out, /bytes=0/, `closed without a reply: ${out}`);
    const me = await ControlClient.connect(path);
    assert.is((await me.status()).pid, EXAMPLE_STATUS.pid, 'the arbiter\'s own user is still answered');
    me.close();
  } finally {
    chmodSync(dir, 0o700);
    s.close();
  }
});

test('corral ctl drives a real pool: status, workers N, a worker killed, reload, jobs, tasks, stop --graceful --wait [CTL-4, CTL-15, CTL-16, CTL-17]', async () => {
  const port = await freePort();
  const pidfile = join(dir, 'pool.pid');
  const addressFile = join(dir, 'tasks.addr');
  const logFile = join(dir, 'pool.log');
  const arbiter: ChildProcess = spawn(process.execPath, [
    join(root, 'bin/corral.mjs'), 'run', '-w', '2', '-b', `127.0.0.1:${port}`, '-p', pidfile, '--tasks', `echo=${join(root, 'fixtures/tasks/echo.mjs')}`, '--task-workers', '1',
    '--tasks-address-file', addressFile, '--log-level', 'warning', '--log-file', logFile, join(root, 'fixtures/apps/hello.mjs'),
  ], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<number | null>((r) => arbiter.once('exit', (code) => r(code)));
  try {
    const status = async () => JSON.parse((await ctl('-p', pidfile, '--json', 'status')).out) as PoolStatus;
    let s = await until('three workers ready', async () => { const x = await status(); return x.workers.filter((w) => w.state === 'ready').length === 3 && x.state === 'running' && x; }, 60_000);
    assert.is(s.pid, arbiter.pid);
    assert.is(s.targetWorkers, 2);
    assert.is(s.controlVersion, 1);
    assert.is(statSync(pidfile.replace(/\.pid$/, '.sock')).mode & 0o777, 0o600);
    const kids = readFileSync(`/proc/${arbiter.pid}/task/${arbiter.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
    for (const w of s.workers) assert.ok(kids.includes(w.pid), `worker ${w.id}'s pid ${w.pid} is a child of the arbiter`);
    const text = await ctl('-p', pidfile, 'status');
    assert.is(text.code, 0, text.err);
    for (const w of s.workers) assert.match(text.out, new RegExp(`\\b${w.pid}\\b`));

    // Load: 20 connections, each one request. Counted, not guessed.
    for (let i = 0; i < 20; i++) await get(port);
    s = await until('20 connections counted', async () => { const x = await status(); return x.acceptedTotal >= 20 && x; });
    assert.is(s.acceptedTotal, 20);

    const up = await ctl('-p', pidfile, 'workers', '3');
    assert.is(up.code, 0, up.err);
    assert.match(up.out, /workers: 2 -> 3/);
    await until('three socket workers ready', async () => (await status()).workers.filter((w) => w.kind === 'socket' && w.state === 'ready').length === 3);

    const victim = s.workers.find((w) => w.kind === 'socket')!;
    process.kill(victim.pid, 'SIGKILL');
    s = await until('the killed worker counted and replaced', async () => {
      const x = await status();
      return x.restarts.some((r) => r.reason === 'killed' && r.count === 1) && !x.workers.some((w) => w.pid === victim.pid) && x.workers.filter((w) => w.kind === 'socket' && w.state === 'ready').length === 3 && x;
    });
    assert.ok(s.acceptedTotal >= 20, 'what the killed worker accepted still counts [CTL-17]');

    const tasks = await connect(readFileSync(addressFile, 'utf8').trim());
    for (let i = 0; i < 5; i++) assert.equal(await tasks.execute('echo', 'echo', { i }), { i });
    await rejects(() => tasks.execute('echo', 'fail', { message: 'no luck' }), (e) => e.code === 'CORRAL_ERR_TASK_FAILED');
    tasks.close();
    const jobs = JSON.parse((await ctl('-p', pidfile, '--json', 'jobs')).out) as { jobs: { id: number; state: string; action: string; errorMessage: string }[]; matched: number };
    assert.is(jobs.matched, 6);
    assert.equal(jobs.jobs.map((j) => j.state), ['failed', 'succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded']);
    const failed = await ctl('-p', pidfile, 'jobs', '--id', String(jobs.jobs[0]!.id));
    assert.match(failed.out, /error\s+CORRAL_ERR_TASK_FAILED: .*no luck/);
    const t = JSON.parse((await ctl('-p', pidfile, '--json', 'tasks')).out) as { apps: { name: string; completed: number; failed: number }[] };
    assert.equal(t.apps.map((a) => [a.name, a.completed, a.failed]), [['echo', 5, 1]]);

    const bad = await ctl('-p', pidfile, 'workers', '2', '--task', '--app', 'nope');
    assert.is(bad.code, 1);
    assert.match(bad.err, /CORRAL_ERR_INVALID_FIELD/);

    const gen = (await status()).generation;
    const re = await ctl('-p', pidfile, 'reload');
    assert.is(re.code, 0, re.err);
    await until('the new generation serving', async () => { const x = await status(); return x.generation === gen + 1 && x.workers.filter((w) => w.kind === 'socket' && w.generation === gen + 1 && w.state === 'ready').length === 3 && x.workers.every((w) => w.kind === 'task' || w.generation === gen + 1); }, 60_000);
    const reopened = await ctl('-p', pidfile, 'reopen-logs');
    assert.is(reopened.code, 0, reopened.err);
    // The workers got SIGUSR1: none may answer it by opening Node's inspector.
    await new Promise((r) => setTimeout(r, 500));
    assert.not.match(readFileSync(logFile, 'utf8'), /Debugger listening|inspector/i);
    const after = await status();
    assert.ok(after.workers.every((w) => w.state === 'ready'), 'every worker still serving');

    const stop = await ctl('-p', pidfile, 'stop', '--graceful', '--wait');
    assert.is(stop.code, 0, stop.err);
    assert.is(await exited, 0);
    assert.not.ok(existsSync(pidfile.replace(/\.pid$/, '.sock')), 'the socket is removed');
    const gone = await ctl('-p', pidfile, 'status');
    assert.is(gone.code, 3);
  } finally {
    if (arbiter.exitCode === null) arbiter.kill('SIGKILL');
  }
});

test('a re-exec (USR2) hands the control socket to the new arbiter; the old one leaves it in place [CTL-3]', async () => {
  const port = await freePort();
  const pidfile = join(dir, 'reexec.pid');
  const sock = pidfile.replace(/\.pid$/, '.sock');
  const old: ChildProcess = spawn(process.execPath, [join(root, 'bin/corral.mjs'), 'run', '-w', '1', '-b', `127.0.0.1:${port}`, '-p', pidfile, '--log-level', 'warning', join(root, 'fixtures/apps/hello.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const oldExit = new Promise<number | null>((r) => old.once('exit', (code) => r(code)));
  let newPid = 0;
  try {
    const status = async () => JSON.parse((await ctl('-p', pidfile, '--json', 'status')).out) as PoolStatus;
    await until('the first arbiter running', async () => (await status()).state === 'running', 60_000);
    process.kill(old.pid!, 'SIGUSR2');
    assert.is(await oldExit, 0, 'the old arbiter stops once the new one is ready');
    newPid = Number(readFileSync(pidfile, 'utf8').trim());
    assert.is.not(newPid, old.pid);
    assert.ok(existsSync(sock), 'the old arbiter left the new socket in place');
    const s = await until('the new arbiter answering at the same path', async () => { const x = await status(); return x.pid === newPid && x.state === 'running' && x; }, 30_000);
    assert.is(s.workers.length, 1);
    assert.is((await ctl('-p', pidfile, 'stop', '--wait')).code, 0);
    await until('the new arbiter gone', () => { try { process.kill(newPid, 0); return false; } catch { return true; } });
    assert.not.ok(existsSync(sock), 'removed by the arbiter that owned it');
  } finally {
    if (old.exitCode === null) old.kill('SIGKILL');
    if (newPid) try { process.kill(newPid, 'SIGKILL'); } catch { /* gone */ }
  }
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();
