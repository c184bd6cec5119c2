// USR2: replace the running arbiter with a new one (a new binary or new code)
// without closing the listeners. The new arbiter inherits them as LISTEN_FDS,
// starts its own workers, and once they are ready tells the old one to stop
// (SIGTERM), which drains the old workers. The listening sockets are never
// closed in between, so no connection is refused: the kernel keeps queueing
// them and whichever generation's worker accepts first serves them.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { ENV } from '../transport/process-state.js';
import type { ListenerRecord } from './listeners.js';
import type { Logger } from './log.js';
import type { WorkerProcess } from './spawner.js';
import { notify } from './systemd.js';

/** Set in the new arbiter's environment: the pid of the arbiter it replaces. */
export const REEXEC_PARENT = 'CORRAL_REEXEC_PARENT';

/** The environment this process started with, before anything deleted LISTEN_*. */
const startEnv: NodeJS.ProcessEnv = { ...process.env };

export function reexec(listeners: ListenerRecord[]): WorkerProcess {
  const env: NodeJS.ProcessEnv = { ...startEnv, [REEXEC_PARENT]: String(process.pid) };
  env[ENV.listenFds] = String(listeners.length);
  env[ENV.listenFdNames] = listeners.map((l) => l.name).join(':');
  delete env[ENV.listenPid];
  const argv = [...process.execArgv, ...process.argv.slice(1)];
  // As for workers, LISTEN_PID is set by a one-line shell that execs in place.
  const child = spawn('/bin/sh', ['-c', `${ENV.listenPid}=$$; export ${ENV.listenPid}; exec "$0" "$@"`, process.execPath, ...argv], {
    stdio: ['ignore', 'inherit', 'inherit', ...listeners.map((l) => l.fd)],
    env,
    cwd: process.cwd(),
  });
  const proc = new EventEmitter() as WorkerProcess & EventEmitter;
  Object.defineProperties(proc, { pid: { get: () => child.pid }, control: { value: undefined } });
  (proc as { kill: WorkerProcess['kill'] }).kill = (signal) => child.kill(signal);
  child.on('exit', (code, signal) => proc.emit('exit', code, signal));
  child.on('error', (err) => proc.emit('error', err));
  return proc;
}

// In an arbiter started by USR2: once our workers are ready, the old arbiter
// drains its own and exits.
export function promoteAfterReexec(log: Logger): void {
  const parent = Number(process.env[REEXEC_PARENT] ?? '0');
  if (!parent) return;
  delete process.env[REEXEC_PARENT];
  log.info(`re-exec complete: telling the old arbiter ${parent} to stop`);
  notify(`MAINPID=${process.pid}`);
  try { process.kill(parent, 'SIGTERM'); } catch { /* already gone */ }
}
