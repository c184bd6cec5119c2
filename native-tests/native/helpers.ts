// Shared by the native addon's real-kernel tests: fd leak checks, bounded
// waits, loopback clients and fixture children.
import { readdirSync, readlinkSync, readFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import * as net from 'node:net';
import * as assert from 'uvu/assert';
import * as native from '../../src/transport/native.js';

export const here = dirname(new URL(import.meta.url).pathname);

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves with `p`, or rejects after `ms` naming what was awaited. */
export async function within<T>(ms: number, p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `cond` every 5 ms until true or `ms` passed; returns the last result. */
export async function until(cond: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) return false;
    await sleep(5);
  }
  return true;
}

/** This process's open descriptors as "fd -> target" strings. */
export function openFds(): string[] {
  const out: string[] = [];
  for (const name of readdirSync('/proc/self/fd')) {
    let target = '?';
    try { target = readlinkSync(`/proc/self/fd/${name}`); } catch { continue; } // the readdir's own fd
    out.push(`${name} -> ${target}`);
  }
  return out.sort();
}

/** fdinfo flags of one descriptor (octal in /proc). */
export function fdFlags(fd: number): number {
  const m = /^flags:\s+([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
  if (!m?.[1]) throw new Error(`no flags for fd ${fd}`);
  return parseInt(m[1], 8);
}
export const O_NONBLOCK = 0o4000;
export const O_CLOEXEC = 0o2000000;

let warmed = false;
/**
 * Opens the process-wide descriptors libuv creates lazily and keeps (the
 * SIGCHLD signal pipe on the first spawn), so they do not count as leaks.
 */
export async function warmUp(): Promise<void> {
  if (warmed) return;
  warmed = true;
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'close');
}

/**
 * Wraps a test body: no descriptor may be open after the body (and its
 * cleanup) that was not open before. Entries are "fd -> target", and socket
 * targets carry the inode, so a leaked socket that reuses a number freed
 * meanwhile (by an earlier suite winding down) still shows. Sockets close
 * asynchronously, so the check is retried for up to a second.
 */
export function noLeaks(body: () => Promise<void> | void): () => Promise<void> {
  return async () => {
    await warmUp();
    const before = new Set(openFds());
    await body();
    let extra: string[] = [];
    await until(() => (extra = openFds().filter((e) => !before.has(e))).length === 0, 1000);
    assert.equal(extra, [], 'descriptors left open');
  };
}

/** Connects a loopback TCP (or unix) client and waits for the handshake. */
export async function connect(port: number | string, host = '127.0.0.1'): Promise<net.Socket> {
  const s = typeof port === 'string' ? net.connect(port) : net.connect(port, host);
  // A connection never accepted is reset when its listener closes; that is
  // expected cleanup here, not a failure.
  s.on('error', () => {});
  await within(2000, once(s, 'connect'), `connect to ${host}:${port}`);
  return s;
}

/** Destroys sockets and waits until each has closed (its fd is released). */
export async function destroyAll(sockets: net.Socket[]): Promise<void> {
  await Promise.all(sockets.map(async (s) => {
    if (s.closed) return;
    const closed = once(s, 'close');
    s.destroy();
    await closed;
  }));
}

/** Closes native fds, ignoring those already closed. */
export function closeAll(fds: number[]): void {
  for (const fd of fds) {
    try { native.close(fd); } catch { /* already closed */ }
  }
}

/** Runs `fn`, which must throw; returns what it threw. */
export function thrown(fn: () => unknown): Error & Record<string, unknown> {
  try {
    fn();
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected a throw');
}

/** A fixture child (plain .mjs, loads the same addon) with its stdout as JSON lines. */
export interface Child {
  proc: ChildProcess;
  messages: Record<string, unknown>[];
  /** Resolves with the first message satisfying `pred` (bounded). */
  next(pred: (m: Record<string, unknown>) => boolean, ms: number, what: string): Promise<Record<string, unknown>>;
  send(line: string): void;
  exited: Promise<number | null>;
}

export function spawnFixture(script: string, args: string[], extraFds: number[]): Child {
  const proc = spawn(process.execPath, [join(here, script), ...args], {
    stdio: ['pipe', 'pipe', 'inherit', ...extraFds],
    env: { ...process.env, CORRAL_NATIVE_PATH: native.addonPath },
  });
  const messages: Record<string, unknown>[] = [];
  const waiters: { pred: (m: Record<string, unknown>) => boolean; resolve: (m: Record<string, unknown>) => void }[] = [];
  let buf = '';
  proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line.trim()) continue;
      const m = JSON.parse(line) as Record<string, unknown>;
      messages.push(m);
      for (const w of [...waiters]) {
        if (w.pred(m)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
        }
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => proc.on('close', (code) => resolve(code)));
  return {
    proc,
    messages,
    exited,
    next(pred, ms, what) {
      const seen = messages.find(pred);
      if (seen) return Promise.resolve(seen);
      return within(ms, new Promise((resolve) => waiters.push({ pred, resolve })), what);
    },
    send(line) {
      proc.stdin?.write(line + '\n');
    },
  };
}

/** Kills what is still running and waits for every child to be gone. */
export async function reap(children: Child[]): Promise<void> {
  for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
  await Promise.all(children.map((c) => c.exited));
}
