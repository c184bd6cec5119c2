// Real-process helpers for the arbiter tests: start `corral run` as a child
// process, find its address, load it with bounded HTTP traffic on loopback.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const corralBin = join(root, 'bin/corral.mjs');
export const helloApp = join(root, 'fixtures/apps/hello.mjs');
/** hello.mjs that records each connection it acquires and finishes (COUNTING_FILE). */
export const countingApp = join(root, 'fixtures/apps/counting.mjs');

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
  // Generous: a worker boots through tsx in about 3 s on an idle 2-core
  // machine, and four booting at once on a loaded one took more than 15 s.
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
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

export interface Reply {
  ok: boolean;
  status?: number;
  body?: string;
  error?: string;
  /** Since the request started. */
  ms: number;
  /** The client's local port once connected (the server's remote port), to find the connection in a server's records. */
  port?: number | undefined;
}

/** One GET on a fresh connection (Connection: close). */
export function get(port: number, path = '/', timeoutMs = 5000, host = '127.0.0.1'): Promise<Reply> {
  const t0 = performance.now();
  let local: number | undefined;
  return new Promise((resolve) => {
    const req = http.get({ host, port, path, agent: false, headers: { connection: 'close' }, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ ok: res.statusCode === 200, status: res.statusCode!, body, ms: performance.now() - t0, port: local }));
      res.on('error', (e) => resolve({ ok: false, error: e.message, ms: performance.now() - t0, port: local }));
    });
    req.on('socket', (s) => s.once('connect', () => (local = s.localPort)));
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ ok: false, error: (e as NodeJS.ErrnoException).code ?? e.message, ms: performance.now() - t0, port: local }));
  });
}

/**
 * `concurrency` clients making requests until `until()` is false; bounded by
 * maxRequests. `pauseMs` between a client's requests paces the load;
 * `replies`, when given, is filled as the replies come (to watch progress).
 */
export async function load(port: number, opts: { concurrency: number; until: () => boolean; maxRequests?: number; path?: string; pauseMs?: number; timeoutMs?: number; replies?: Reply[] }): Promise<Reply[]> {
  const replies: Reply[] = opts.replies ?? [];
  const max = opts.maxRequests ?? 20_000;
  await Promise.all(Array.from({ length: opts.concurrency }, async () => {
    while (opts.until() && replies.length < max) {
      replies.push(await get(port, opts.path, opts.timeoutMs));
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

/** Per worker pid, from countingApp's file: connections acquired ('connection') and finished (response written out). */
export function readCounts(file: string): Map<number, { acquired: number; finished: number }> {
  const counts = new Map<number, { acquired: number; finished: number }>();
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return counts; // no worker recorded anything
  }
  for (const line of text.split('\n')) {
    const m = /^([AF]) (\d+) /.exec(line);
    if (!m) continue;
    const pid = Number(m[2]);
    const c = counts.get(pid) ?? { acquired: 0, finished: 0 };
    if (m[1] === 'A') c.acquired++;
    else c.finished++;
    counts.set(pid, c);
  }
  return counts;
}

/** handoff: per worker pid, the connections the arbiter saw it acknowledge (its debug line when the worker is reaped). */
export function handoffAcks(pool: Pool): Map<number, number> {
  const acks = new Map<number, number>();
  for (const m of pool.log().matchAll(/worker \d+ \(pid (\d+)\) had acknowledged (\d+) handoff/g)) acks.set(Number(m[1]), Number(m[2]));
  return acks;
}

export interface Chaos {
  /** Pids killed, in order; each at most once. */
  killed: number[];
  /** When the chaos ended, ms after it began. */
  elapsedMs: number;
}

/**
 * kill -9 a random ready worker every `everyMs`, sparing the last one (so
 * traffic keeps flowing and every kill has somewhere for the victim's queued
 * connections to go), until `enough()` or `deadlineMs` has passed. Bounded by
 * time and count, not by a rate: a loaded machine boots replacements slowly
 * and gets fewer kills per second, so it runs longer instead. `prefer` picks
 * the candidates to choose from first (say, those holding a connection now);
 * after `maxKills` it only waits for `enough()`.
 */
export async function chaos(pool: Pool, opts: { everyMs: number; deadlineMs: number; enough: (kills: number) => boolean; prefer?: (live: number[]) => number[]; maxKills?: number }): Promise<Chaos> {
  const killed: number[] = [];
  const t0 = Date.now();
  while (Date.now() - t0 < opts.deadlineMs && !opts.enough(killed.length)) {
    await sleep(opts.everyMs);
    // A killed worker stays listed until the arbiter logs its exit; a zombie
    // can still be signalled, so our own list keeps it from counting twice.
    const live = workerPids(pool).filter((p) => !killed.includes(p));
    if (live.length < 2 || killed.length >= (opts.maxKills ?? Infinity)) continue;
    const preferred = opts.prefer?.(live) ?? [];
    const from = preferred.length > 0 ? preferred : live;
    const victim = from[Math.floor(Math.random() * from.length)]!;
    try {
      process.kill(victim, 'SIGKILL');
      killed.push(victim);
    } catch {
      // already gone
    }
  }
  return { killed, elapsedMs: Date.now() - t0 };
}
