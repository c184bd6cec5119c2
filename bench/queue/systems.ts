// What the driver needs from each queue system: a producer (enqueue in bulk,
// enqueue one, await a job's result) and consumer processes started for a
// worker count and stopped again.
import { spawn, type ChildProcess } from 'node:child_process';
import { descendants, statField } from '../common/proc.js';

/** The two jobs every system serves: `noop` (measured) and `pid` (which worker ran it). */
export type Task = 'noop' | 'pid';

export interface Producer {
  /** n jobs in one bulk call, as the system's users enqueue many; resolves once Redis holds them all. */
  enqueueBatch(n: number, task: Task): Promise<unknown[]>;
  enqueueOne(task: Task): Promise<unknown>;
  /** The job's result, or a rejection with its failure (no time limit: the driver bounds each run). */
  result(job: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export interface Consumers {
  /** What runs, for the report. */
  describe: string;
  /** The end of the consumers' output, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface QueueSystem {
  /** A producer connected to `url`, for runs of up to `jobs` jobs at once. */
  producer(url: string, jobs: number): Promise<Producer>;
  /** Starts the consumer processes; resolves once they are connected (the driver then checks every worker serves jobs). */
  start(url: string, workers: number, capacity: number): Promise<Consumers>;
}

/** A process's start time (clock ticks since boot, /proc/PID/stat field 22): with the pid, it names one process even after the pid is reused. */
export function startTime(pid: number): string | undefined {
  return statField(pid, 19);
}

/** The processes, each with its start time, so that a later kill reaches them and nothing that reused a pid. */
export function identify(pids: number[]): { pid: number; start: string }[] {
  return pids.flatMap((pid) => {
    const start = startTime(pid);
    return start === undefined ? [] : [{ pid, start }];
  });
}

export function killIdentified(procs: { pid: number; start: string }[], signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const p of procs) {
    if (startTime(p.pid) !== p.start) continue;
    try {
      process.kill(p.pid, signal);
    } catch {
      // gone
    }
  }
}

export function killTree(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  killIdentified(identify([...descendants(pid).reverse(), pid]), signal);
}

/** Resolves true once the child has exited, false after ms. */
export function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

/** Stops a child: `signal`, then SIGKILL for it and everything it started if it has not exited within graceMs. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const pid = child.pid;
  const kids = identify(pid === undefined ? [] : descendants(pid));
  try {
    child.kill(signal);
  } catch {
    // gone
  }
  if (!(await exited(child, graceMs)) && pid !== undefined) killTree(pid);
  // Grandchildren whose parent exited without them.
  killIdentified(kids);
  await exited(child, 2000);
}

/** Spawns a Node child and keeps the tail of its output for error messages. */
export function spawnNode(args: string[], o: { cwd: string; ipc?: boolean; env?: NodeJS.ProcessEnv }): { child: ChildProcess; tail: () => string } {
  const child = spawn(process.execPath, args, { cwd: o.cwd, env: o.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe', ...(o.ipc ? (['ipc'] as const) : [])] });
  let tail = '';
  const keep = (d: Buffer) => { tail = (tail + d.toString('utf8')).slice(-4000); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', (err) => keep(Buffer.from(`\n${err.message}\n`)));
  return { child, tail: () => tail };
}
