// Starting and signalling worker processes, behind an interface so that the
// supervision logic is tested with fakes (no processes, no clock).
import { spawn as spawnChild } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { Duplex, Readable } from 'node:stream';
import { ENV } from '../transport/process-state.js';

export interface SpawnRequest {
  id: number;
  generation: number;
  command: string[];
  env: NodeJS.ProcessEnv;
  /** Placed at fds 3, 4, ... in the child (LISTEN_FDS order). */
  listenFds: number[];
  /** Give the child a control channel at fd 3 + listenFds.length. */
  control: boolean;
  /** The child's end of the handoff socketpair, placed right after the control channel. */
  handoffFd: number | undefined;
  /**
   * 'pipe': fds 1 and 2 are pipes the arbiter reads (WorkerProcess.stdout and
   * stderr); 'inherit': they are the arbiter's own stdout and stderr.
   */
  output: 'pipe' | 'inherit';
}

export interface WorkerProcess extends EventEmitter<{ exit: [code: number | null, signal: NodeJS.Signals | null]; error: [Error] }> {
  readonly pid: number | undefined;
  /** The arbiter's end of the control channel. */
  readonly control: Duplex | undefined;
  /** The worker's fds 1 and 2, when the request asked for pipes (absent in test fakes). */
  readonly stdout?: Readable | undefined;
  readonly stderr?: Readable | undefined;
  kill(signal: NodeJS.Signals): boolean;
}

export type Spawner = (request: SpawnRequest) => WorkerProcess;

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => performance.now() };

// LISTEN_PID must equal the worker's own pid (sd_listen_fds(3) checks it), and
// the pid is only known after the fork. A one-line shell sets it and execs the
// real program in the same process, keeping every inherited fd.
const SET_LISTEN_PID = `${ENV.listenPid}=$$; export ${ENV.listenPid}; exec "$0" "$@"`;

/**
 * With piped output, 'exit' is reported once both pipes have been read to
 * their end, so that a worker's last lines (a crash's stack trace) are
 * logged before the arbiter says it exited, and are not lost when the
 * arbiter stops right after its last worker. A pipe held open by something
 * else (a grandchild that inherited it) is not waited for beyond this.
 */
export const OUTPUT_DRAIN_MS = 1000;

/** Spawns real worker processes with child_process.spawn. */
export const nodeSpawner: Spawner = (req) => {
  const out = req.output === 'pipe' ? 'pipe' : 'inherit';
  const stdio: (number | 'pipe' | 'ignore' | 'inherit')[] = ['ignore', out, out, ...req.listenFds];
  if (req.control) stdio.push('pipe');
  if (req.handoffFd !== undefined) stdio.push(req.handoffFd);
  const [program, ...args] = req.command;
  const useShell = req.listenFds.length > 0;
  const child = spawnChild(useShell ? '/bin/sh' : (program as string), useShell ? ['-c', SET_LISTEN_PID, program as string, ...args] : args, {
    stdio,
    env: req.env,
    // Own process group? No: a terminal's Ctrl-C should reach the arbiter,
    // which then stops the workers in order; they stay in its group.
    detached: false,
  });
  const proc = new EventEmitter() as WorkerProcess & EventEmitter;
  const control = req.control ? (child.stdio[3 + req.listenFds.length] as Duplex | null) ?? undefined : undefined;
  Object.defineProperties(proc, {
    pid: { get: () => child.pid },
    control: { value: control },
    stdout: { value: child.stdout ?? undefined },
    stderr: { value: child.stderr ?? undefined },
  });
  (proc as { kill: WorkerProcess['kill'] }).kill = (signal) => {
    try {
      return child.kill(signal);
    } catch {
      return false;
    }
  };
  const pipes = [child.stdout, child.stderr].filter((s): s is Readable => s !== null);
  child.on('exit', (code, signal) => {
    const open = pipes.filter((p) => !p.closed);
    if (open.length === 0) {
      proc.emit('exit', code, signal);
      return;
    }
    let reported = false;
    const report = (force: boolean) => {
      if (reported || (!force && open.some((p) => !p.closed))) return;
      reported = true;
      clearTimeout(timer);
      proc.emit('exit', code, signal);
    };
    const timer = setTimeout(() => report(true), OUTPUT_DRAIN_MS);
    for (const p of open) p.once('close', () => report(false));
  });
  child.on('error', (err) => proc.emit('error', err));
  return proc;
};
