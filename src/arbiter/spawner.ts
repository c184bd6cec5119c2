// Starting and signalling worker processes, behind an interface so that the
// supervision logic is tested with fakes (no processes, no clock).
import { spawn as spawnChild } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
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
}

export interface WorkerProcess extends EventEmitter<{ exit: [code: number | null, signal: NodeJS.Signals | null]; error: [Error] }> {
  readonly pid: number | undefined;
  /** The arbiter's end of the control channel. */
  readonly control: Duplex | undefined;
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

/** Spawns real worker processes with child_process.spawn. */
export const nodeSpawner: Spawner = (req) => {
  const stdio: (number | 'pipe' | 'ignore' | 'inherit')[] = ['ignore', 'inherit', 'inherit', ...req.listenFds];
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
  });
  (proc as { kill: WorkerProcess['kill'] }).kill = (signal) => {
    try {
      return child.kill(signal);
    } catch {
      return false;
    }
  };
  child.on('exit', (code, signal) => proc.emit('exit', code, signal));
  child.on('error', (err) => proc.emit('error', err));
  return proc;
};
