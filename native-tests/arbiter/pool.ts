// Real-process helpers for the arbiter tests: start `corral run` as a child
// process, find its address, load it with bounded HTTP traffic on loopback.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const corralBin = join(root, 'bin/corral.mjs');
export const helloApp = join(root, 'fixtures/apps/hello.mjs');

export interface Pool {
  proc: ChildProcess;
  address: string;
  host: string;
  port: number;
  log: () => string;
  /** Resolves with the arbiter's exit code. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `corral run <args>`; resolves once it is listening and `ready` workers said Ready. */
export async function startPool(args: string[], opts: { env?: NodeJS.ProcessEnv; readyWorkers?: number; timeoutMs?: number } = {}): Promise<Pool> {
  const proc = spawn(process.execPath, [corralBin, 'run', '--log-level', 'debug', ...args], {
    cwd: root,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  const want = opts.readyWorkers ?? 1;
  let address = '';
  for (;;) {
    const m = /listening at (\S+?)(,| \()/.exec(out);
    if (m) address = m[1]!;
    const ready = (out.match(/\) ready$/gm) ?? []).length;
    if (address && ready >= want) break;
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`corral run exited early:\n${out}`);
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`corral run not ready in time (address ${address || 'unknown'}, want ${want} ready):\n${out}`);
    }
    await sleep(25);
  }
  const [, host = '127.0.0.1', port = '0'] = /^(.*):(\d+)$/.exec(address) ?? [];
  return {
    proc, address, host, port: Number(port), log: () => out, exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      const t = setTimeout(() => proc.kill('SIGKILL'), 20_000);
      const code = await exited;
      clearTimeout(t);
      return code;
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface Reply { ok: boolean; status?: number; body?: string; error?: string; ms: number }

/** One GET on a fresh connection (Connection: close). */
export function get(port: number, path = '/', timeoutMs = 5000, host = '127.0.0.1'): Promise<Reply> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.get({ host, port, path, agent: false, headers: { connection: 'close' }, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ ok: res.statusCode === 200, status: res.statusCode!, body, ms: performance.now() - t0 }));
      res.on('error', (e) => resolve({ ok: false, error: e.message, ms: performance.now() - t0 }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ ok: false, error: (e as NodeJS.ErrnoException).code ?? e.message, ms: performance.now() - t0 }));
  });
}

/**
 * `concurrency` clients making requests until `until()` is false; bounded by
 * maxRequests. `pauseMs` between a client's requests paces the load.
 */
export async function load(port: number, opts: { concurrency: number; until: () => boolean; maxRequests?: number; path?: string; pauseMs?: number }): Promise<Reply[]> {
  const replies: Reply[] = [];
  const max = opts.maxRequests ?? 20_000;
  await Promise.all(Array.from({ length: opts.concurrency }, async () => {
    while (opts.until() && replies.length < max) {
      replies.push(await get(port, opts.path));
      if (opts.pauseMs) await sleep(opts.pauseMs);
    }
  }));
  return replies;
}

export const pidOf = (r: Reply) => Number(/hello from (\d+)/.exec(r.body ?? '')?.[1] ?? 0);

export function workerPids(pool: Pool): number[] {
  const pids = new Set<number>();
  for (const m of pool.log().matchAll(/worker \d+ \(pid (\d+)\) ready$/gm)) pids.add(Number(m[1]));
  for (const m of pool.log().matchAll(/worker \d+ \(pid (\d+)\) exited/gm)) pids.delete(Number(m[1]));
  return [...pids];
}
