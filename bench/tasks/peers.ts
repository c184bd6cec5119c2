// The peers, all real and started fresh for each measurement: piscina 5,
// tinypool (threads and child_process), a child_process.fork request/response
// pool ('json' and 'advanced' serialization), and the floor, a length-framed
// Unix-socket round trip to Node children. Every one runs bench/tasks/jobs.mjs.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkEcho, payloadFor, type Job, type Op } from './loops.js';

const JOBS_FILE = fileURLToPath(new URL('./jobs.mjs', import.meta.url));
const FORK_CHILD = fileURLToPath(new URL('./fork-child.mjs', import.meta.url));
const UDS_CHILD = fileURLToPath(new URL('./uds-child.mjs', import.meta.url));

export interface PoolSpec {
  workers: number;
  /** Jobs one worker holds at once; undefined = the system's default. */
  capacity?: number | undefined;
}

/** A running pool, local to the measuring process. */
export interface PoolHandle {
  /** A zero-argument call for this job, built once (payload included). */
  caller(job: Job): () => Promise<unknown>;
  /** The caller (this process, or the process that calls) and the worker processes; threads live in the caller. */
  pids(): { caller: number; workers: number[] };
  stop(): Promise<void>;
  /** How the pool was configured, for the report. */
  describe: string;
}

const argOf = (job: Job) => (job.op === 'cpu' || job.op === 'block' ? { ms: job.ms ?? 0 } : undefined);

// piscina 5 and tinypool 2 have the same call shape: run(arg, { name }).
interface RunPool {
  run(arg: unknown, opts: { name: string }): Promise<unknown>;
  destroy(): Promise<void>;
}

function runCaller(pool: RunPool, job: Job): () => Promise<unknown> {
  const opts = { name: job.op };
  if (job.op === 'echo') {
    const data = payloadFor(job, 'buffer');
    return async () => {
      const r = await pool.run(data, opts);
      checkEcho(job, r);
      return r;
    };
  }
  const arg = argOf(job);
  return () => pool.run(arg, opts);
}

export async function startPiscina(spec: PoolSpec): Promise<PoolHandle> {
  const { Piscina } = await import('piscina');
  const capacity = spec.capacity ?? 1;
  const pool = new Piscina({ filename: JOBS_FILE, minThreads: spec.workers, maxThreads: spec.workers, concurrentTasksPerWorker: capacity, idleTimeout: 60_000 });
  // Threads start on demand: one call per thread before anything is measured.
  await Promise.all(Array.from({ length: spec.workers * 2 }, () => pool.run(undefined, { name: 'noop' })));
  return {
    caller: (job) => runCaller(pool, job),
    pids: () => ({ caller: process.pid, workers: [] }),
    stop: () => pool.destroy(),
    describe: `piscina ${spec.workers} threads, concurrentTasksPerWorker ${capacity}, atomics default`,
  };
}

export async function startTinypool(spec: PoolSpec, runtime: 'worker_threads' | 'child_process'): Promise<PoolHandle> {
  const { Tinypool } = await import('tinypool');
  const capacity = spec.capacity ?? 1;
  // child_process: 'advanced' serialization, so that a Buffer crosses as bytes (the default, json, turns it into an array of numbers).
  const pool = new Tinypool({ filename: JOBS_FILE, minThreads: spec.workers, maxThreads: spec.workers, concurrentTasksPerWorker: capacity, idleTimeout: 60_000, runtime, ...(runtime === 'child_process' ? { serialization: 'advanced' as const } : {}) });
  await Promise.all(Array.from({ length: spec.workers * 2 }, () => pool.run(undefined, { name: 'noop' })));
  const workerPids = (): number[] => {
    if (runtime !== 'child_process') return [];
    // tinypool keeps its workers private; its process workers are our forked children running entry/process.js.
    return childrenMatching(/tinypool[/\\]dist[/\\]entry[/\\]process\.js/);
  };
  return {
    caller: (job) => runCaller(pool as unknown as RunPool, job),
    pids: () => ({ caller: process.pid, workers: workerPids() }),
    stop: () => pool.destroy(),
    describe: `tinypool ${runtime === 'child_process' ? `child_process (advanced serialization), ${spec.workers} processes` : `worker_threads, ${spec.workers} threads`}, concurrentTasksPerWorker ${capacity}`,
  };
}

/** Direct children of this process whose command line matches. */
export function childrenMatching(re: RegExp): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      if (re.test(readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' '))) out.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

// ---- the request/response pools this benchmark writes itself ----

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  channel: number;
}

/**
 * Request ids and dispatch over N channels. With no capacity, requests go
 * round-robin and queue in the channel (as a fork pool usually does); with a
 * capacity, each channel holds at most that many and the rest wait here for
 * the first free one (Gunicorn's scenario: capacity 1).
 */
class Dispatcher {
  private nextId = 1;
  private rr = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly busy: number[];
  private readonly waiting: { id: number; send: (channel: number) => void }[] = [];

  constructor(private readonly channels: number, private readonly capacity: number | undefined) {
    this.busy = new Array<number>(channels).fill(0);
  }

  submit(send: (channel: number, id: number) => void): Promise<unknown> {
    const id = this.nextId++;
    if (this.nextId > 0xfffffff0) this.nextId = 1;
    return new Promise((resolve, reject) => {
      const p: Pending = { resolve, reject, channel: -1 };
      this.pending.set(id, p);
      const go = (channel: number) => {
        p.channel = channel;
        this.busy[channel]!++;
        send(channel, id);
      };
      if (this.capacity === undefined) {
        go(this.rr);
        this.rr = (this.rr + 1) % this.channels;
        return;
      }
      const free = this.freeChannel();
      if (free >= 0) go(free);
      else this.waiting.push({ id, send: go });
    });
  }

  settle(id: number, error: string | undefined, value: unknown): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    this.busy[p.channel]!--;
    if (error !== undefined) p.reject(new Error(error));
    else p.resolve(value);
    if (this.capacity !== undefined && this.waiting.length && this.busy[p.channel]! < this.capacity) this.waiting.shift()!.send(p.channel);
  }

  failAll(reason: string): void {
    for (const [id] of this.pending) this.settle(id, reason, undefined);
    for (const w of this.waiting.splice(0)) this.pending.get(w.id)?.reject(new Error(reason));
  }

  private freeChannel(): number {
    let best = -1;
    for (let i = 0; i < this.channels; i++) {
      const c = (this.rr + i) % this.channels;
      if (this.busy[c]! < this.capacity! && (best < 0 || this.busy[c]! < this.busy[best]!)) best = c;
    }
    if (best >= 0) this.rr = (best + 1) % this.channels;
    return best;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

async function stopChildren(children: ChildProcess[]): Promise<void> {
  for (const c of children) c.kill('SIGTERM');
  const t = setTimeout(() => children.forEach((c) => c.kill('SIGKILL')), 2000);
  await Promise.all(children.map(exited));
  clearTimeout(t);
}

/** A fork() IPC pool: N children, request ids, round-robin (or first free under a capacity). */
export async function startForkPool(spec: PoolSpec, serialization: 'json' | 'advanced'): Promise<PoolHandle> {
  const children = Array.from({ length: spec.workers }, () => fork(FORK_CHILD, [], { serialization, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const d = new Dispatcher(children.length, spec.capacity);
  children.forEach((c) => {
    c.on('message', (m: { i: number; r?: unknown; e?: string }) => d.settle(m.i, m.e, m.r));
    c.on('exit', () => d.failAll('fork child exited'));
  });
  await Promise.all(children.map((c) => new Promise<void>((resolve, reject) => {
    c.once('spawn', resolve);
    c.once('error', reject);
  })));
  const h: PoolHandle = {
    caller(job) {
      const a = job.op === 'echo' ? payloadFor(job, serialization === 'json' ? 'string' : 'buffer') : argOf(job);
      const o: Op = job.op;
      return async () => {
        const r = await d.submit((ch, i) => children[ch]!.send({ i, o, a }));
        checkEcho(job, r);
        return r;
      };
    },
    pids: () => ({ caller: process.pid, workers: children.map((c) => c.pid!).filter(Boolean) }),
    stop: () => stopChildren(children),
    describe: `child_process.fork, serialization '${serialization}', ${spec.workers} children, ${spec.capacity === undefined ? 'round-robin' : `first free, capacity ${spec.capacity}`}${serialization === 'json' ? '; echo sends a string (json carries no bytes)' : ''}`,
  };
  // Children start lazily: a call each before anything is measured.
  const warm = h.caller({ op: 'noop' });
  await Promise.all(children.map(() => warm()));
  return h;
}

const OP_CODE: Record<Op, number> = { noop: 0, cpu: 1, block: 2, echo: 3 };

/** The floor: length-framed requests over one Unix socket per Node child (1 hop; one child in the latency scenarios). */
export async function startUds(spec: PoolSpec): Promise<PoolHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'corral-bench-uds-'));
  const children: ChildProcess[] = [];
  const sockets: net.Socket[] = [];
  const d = new Dispatcher(spec.workers, spec.capacity);
  try {
    for (let i = 0; i < spec.workers; i++) {
      const path = join(dir, `${i}.sock`);
      const c = fork(UDS_CHILD, [path], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(c);
      c.on('exit', () => d.failAll('uds child exited'));
      await new Promise<void>((resolve, reject) => {
        c.once('message', () => resolve());
        c.once('error', reject);
        c.once('exit', () => reject(new Error('uds child exited before listening')));
      });
      const s = net.connect(path);
      await new Promise<void>((resolve, reject) => {
        s.once('connect', resolve);
        s.once('error', reject);
      });
      s.setNoDelay?.(true);
      readFrames(s, (id, status, payload) => d.settle(id, status === 0 ? undefined : payload.toString(), payload));
      sockets.push(s);
    }
  } catch (err) {
    sockets.forEach((s) => s.destroy());
    await stopChildren(children);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const h: PoolHandle = {
    caller(job) {
      const payload = job.op === 'echo' ? (payloadFor(job, 'buffer') as Buffer) : undefined;
      const op = OP_CODE[job.op];
      const ms = job.ms ?? 0;
      return async () => {
        const r = await d.submit((ch, id) => {
          const head = Buffer.allocUnsafe(13);
          head.writeUInt32LE(9 + (payload?.length ?? 0), 0);
          head.writeUInt32LE(id, 4);
          head[8] = op;
          head.writeUInt32LE(ms, 9);
          const s = sockets[ch]!;
          if (payload) {
            s.cork();
            s.write(head);
            s.write(payload);
            s.uncork();
          } else s.write(head);
        });
        checkEcho(job, r);
        return r;
      };
    },
    pids: () => ({ caller: process.pid, workers: children.map((c) => c.pid!).filter(Boolean) }),
    async stop() {
      sockets.forEach((s) => s.destroy());
      await stopChildren(children);
      rmSync(dir, { recursive: true, force: true });
    },
    describe: `Node → Node Unix socket, length-framed, 1 hop; ${spec.workers} child${spec.workers > 1 ? 'ren' : ''}, one socket each`,
  };
  const warm = h.caller({ op: 'noop' });
  await Promise.all(children.map(() => warm()));
  return h;
}

function readFrames(s: net.Socket, onFrame: (id: number, status: number, payload: Buffer) => void): void {
  let chunks: Buffer[] = [];
  let have = 0;
  s.on('data', (data: Buffer) => {
    chunks.push(data);
    have += data.length;
    while (have >= 4) {
      // Join only when a whole frame is there: a 1 MiB answer comes in many reads.
      if (chunks[0]!.length < 4) chunks = [Buffer.concat(chunks, have)];
      const len = chunks[0]!.readUInt32LE(0);
      if (have < 4 + len) return;
      const buf = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, have);
      onFrame(buf.readUInt32LE(4), buf[8]!, buf.subarray(9, 4 + len));
      const rest = buf.subarray(4 + len);
      have = rest.length;
      chunks = have ? [rest] : [];
    }
  });
  s.on('error', () => {});
}
