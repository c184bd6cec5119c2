// Kernel-level counts for `--trace`, from perf tracepoints (counting mode, no
// samples), so every pool is measured the same way whoever owns the listener:
//
//   wakeups  sched:sched_wakeup whose wakee (`pid` field) is the main thread of
//            a pool process. The event fires in the waker's context (often the
//            load generator's softirq), so it is counted system-wide (-a) and
//            filtered on the wakee, not attached to the pool with -p.
//   eagain   syscalls:sys_exit_accept4 with ret == -EAGAIN, called by a pool process
//   accepts  syscalls:sys_exit_accept4 with ret >= 0, called by a pool process
//
// perf starts with its events disabled (-D -1) and is switched on and off over
// a control fifo (--control), so the counts cover exactly the measured window.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EAGAIN = 11;

export interface TraceCounts {
  wakeups: number;
  eagain: number;
  accepts: number;
}

export type TraceProbe = { ok: true; tool: string } | { ok: false; reason: string };

function events(mainPids: number[]): string[] {
  const wakee = mainPids.map((p) => `pid == ${p}`).join(' || ');
  const caller = mainPids.map((p) => `common_pid == ${p}`).join(' || ');
  return [
    '-e', 'sched:sched_wakeup', '--filter', wakee,
    '-e', 'syscalls:sys_exit_accept4', '--filter', `ret == -${EAGAIN} && (${caller})`,
    '-e', 'syscalls:sys_exit_accept4', '--filter', `ret >= 0 && (${caller})`,
  ];
}

/** Can perf count these tracepoints system-wide here? */
export function probeTrace(): TraceProbe {
  const r = spawnSync('perf', ['stat', '-a', '-x,', ...events([1]), '--', 'true'], { encoding: 'utf8', timeout: 20_000 });
  if (r.error) return { ok: false, reason: `perf: ${(r.error as NodeJS.ErrnoException).code ?? r.error.message}` };
  const lines = parse(r.stderr ?? '');
  if (r.status !== 0 || lines === undefined) {
    const why = (r.stderr ?? '').split('\n').find((l) => /error|not supported|permission|denied|not found/i.test(l)) ?? `perf stat exited ${r.status}`;
    return { ok: false, reason: why.trim() };
  }
  return { ok: true, tool: 'perf stat (sched:sched_wakeup, syscalls:sys_exit_accept4)' };
}

/** The three counts from `perf stat -x,` output, or undefined if any is missing or unsupported. */
function parse(text: string): number[] | undefined {
  const counts: number[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(',');
    if (f.length < 3 || !/^(sched:sched_wakeup|syscalls:sys_exit_accept4)$/.test(f[2] ?? '')) continue;
    if (!/^\d+$/.test(f[0] ?? '')) return undefined;
    counts.push(Number(f[0]));
  }
  return counts.length === 3 ? counts : undefined;
}

const live = new Map<ChildProcess, string>();

/** SIGKILLs any perf still running and removes its fifos (synchronous: safe in an 'exit' handler). */
export function killAllTraces(): void {
  for (const [p, dir] of live) {
    p.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
  live.clear();
}

export class TraceSession {
  readonly #dir = mkdtempSync(join(tmpdir(), 'corral-herd-trace-'));
  #perf: ChildProcess | undefined;
  #ctl: net.Socket | undefined;
  #ack: net.Socket | undefined;
  #acks = 0;
  #waiters: (() => void)[] = [];
  #stderr = '';
  #exited: Promise<void> | undefined;

  /** Starts perf with the events disabled; enable() waits until it listens. */
  async open(mainPids: number[]): Promise<void> {
    const ctl = join(this.#dir, 'ctl');
    const ack = join(this.#dir, 'ack');
    for (const f of [ctl, ack]) {
      const r = spawnSync('mkfifo', [f]);
      if (r.status !== 0) throw new Error(`mkfifo ${f} failed`);
    }
    // O_RDWR opens of a fifo never block, whoever opens the other end first;
    // O_NONBLOCK lets libuv poll them (a blocking read would pin a threadpool
    // thread for good).
    const flags = constants.O_RDWR | constants.O_NONBLOCK;
    this.#ctl = new net.Socket({ fd: openSync(ctl, flags), readable: false, writable: true });
    this.#ack = new net.Socket({ fd: openSync(ack, flags), readable: true, writable: false });
    this.#ack.setEncoding('utf8');
    this.#ack.on('data', (d: string) => {
      this.#acks += (d.match(/ack/g) ?? []).length;
      while (this.#acks > 0 && this.#waiters.length) {
        this.#acks--;
        this.#waiters.shift()!();
      }
    });
    this.#ack.on('error', () => {});
    this.#ctl.on('error', () => {});
    this.#perf = spawn('perf', ['stat', '-a', '-x,', '-D', '-1', '--control', `fifo:${ctl},${ack}`, ...events(mainPids)], { stdio: ['ignore', 'ignore', 'pipe'] });
    const perf = this.#perf;
    live.set(perf, this.#dir);
    perf.on('exit', () => live.delete(perf));
    perf.stderr!.on('data', (d) => (this.#stderr += d));
    this.#exited = new Promise((resolve) => perf.on('close', () => resolve()));
    this.#perf.on('error', (e) => (this.#stderr += e.message));
  }

  #closeFifos(): void {
    this.#ctl?.destroy();
    this.#ack?.destroy();
  }

  async #command(cmd: 'enable' | 'disable'): Promise<void> {
    const acked = new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`perf did not acknowledge "${cmd}": ${this.#stderr.trim()}`)), 10_000);
      this.#waiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
    this.#ctl!.write(`${cmd}\n`);
    await acked;
  }

  enable(): Promise<void> {
    return this.#command('enable');
  }

  disable(): Promise<void> {
    return this.#command('disable');
  }

  /** Stops perf and returns what it counted while enabled. */
  async close(): Promise<TraceCounts> {
    try {
      if (this.#perf && this.#perf.exitCode === null) this.#perf.kill('SIGINT');
      const t = setTimeout(() => this.#perf?.kill('SIGKILL'), 5000);
      await this.#exited;
      clearTimeout(t);
      const counts = parse(this.#stderr);
      if (!counts) throw new Error(`cannot read perf's counts: ${this.#stderr.trim().slice(-500)}`);
      return { wakeups: counts[0]!, eagain: counts[1]!, accepts: counts[2]! };
    } finally {
      this.#closeFifos();
      rmSync(this.#dir, { recursive: true, force: true });
    }
  }

  /** Best-effort cleanup after an error. */
  kill(): void {
    try {
      this.#perf?.kill('SIGKILL');
    } catch {
      // gone
    }
    this.#closeFifos();
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
