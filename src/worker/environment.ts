// What a worker checks at start (spec.md section 2.3), on top of the common
// reader in transport/process-state.ts, and the clean-up afterwards.
//
//   CORRAL_PROTOCOL     must be "1"                                   [ENV-17]
//   CORRAL_CONTROL_FD   3+n, an open socket                           [ENV-6, ENV-18]
//   CORRAL_HANDOFF_FD   3+n+1 in the handoff strategy, an open socket [ENV-7, ENV-18]
//   CORRAL_WORKER_ID    non-zero                                      [ENV-9, PROC-13]
//   CORRAL_ACCEPT       one of the five strategy names                [ENV-10]
//   CORRAL_ARBITER_PID  set                                           [ENV-12]
//   LISTEN_FDS/LISTEN_FDNAMES/LISTEN_PID  all three, n names, our pid [ENV-1..3, ENV-19]
//   every number        decimal digits, no sign, spaces or leading 0  [ENV-13]
//
// Anything wrong is a BadEnvironmentError, which the caller turns into exit
// status 3 [ENV-18, EXIT-2].
import { fstatSync } from 'node:fs';
import { BadEnvironmentError, ENV, LISTEN_FDS_START, readWorkerEnvironment, type WorkerEnvironment } from '../transport/process-state.js';

const DECIMAL = /^(0|[1-9][0-9]*)$/;

/** The protocol major this worker speaks, as CORRAL_PROTOCOL spells it. */
export const PROTOCOL_ENV_VALUE = '1';

export interface ReadEnvironmentOptions {
  /** Whether an fd number names an open socket; default fstat. Checked for every fd the environment names. */
  isSocket?: (fd: number) => boolean;
}

/** fstat(2): true when `fd` is open and a socket. */
export function isOpenSocket(fd: number): boolean {
  try {
    return fstatSync(fd).isSocket();
  } catch {
    return false;
  }
}

/**
 * Reads and checks the worker's initial process state; throws
 * BadEnvironmentError naming the variable at fault.
 */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env, pid = process.pid, options: ReadEnvironmentOptions = {}): WorkerEnvironment {
  const protocol = env[ENV.protocol];
  const control = env[ENV.controlFd];
  if (protocol !== undefined && protocol !== PROTOCOL_ENV_VALUE) {
    throw new BadEnvironmentError(`${ENV.protocol}=${JSON.stringify(protocol)}: this worker speaks protocol ${PROTOCOL_ENV_VALUE} only`);
  }
  if (protocol === undefined && (control === undefined || control === '')) {
    throw new BadEnvironmentError(`${ENV.protocol} and ${ENV.controlFd} are not set: this process was not started by a corral arbiter`);
  }
  if (protocol === undefined) throw new BadEnvironmentError(`${ENV.protocol} is not set`);
  for (const name of [ENV.controlFd, ENV.handoffFd, ENV.workerId, ENV.arbiterPid, ENV.listenFds, ENV.listenPid]) {
    const raw = env[name];
    if (raw !== undefined && !DECIMAL.test(raw)) throw new BadEnvironmentError(`${name} must be a decimal number without sign, spaces or leading zeros, got ${JSON.stringify(raw)}`);
  }
  for (const name of [ENV.workerId, ENV.accept, ENV.arbiterPid]) {
    if (env[name] === undefined || env[name] === '') throw new BadEnvironmentError(`${name} is not set`);
  }
  if (env[ENV.workerId] === '0') throw new BadEnvironmentError(`${ENV.workerId} must not be 0`);

  const base = readWorkerEnvironment(env, pid);
  const n = base.listenFds.length;
  if (n > 0) {
    const names = env[ENV.listenFdNames];
    if (names === undefined) throw new BadEnvironmentError(`${ENV.listenFdNames} is not set although ${ENV.listenFds}=${n}`);
    const list = names.split(':');
    if (list.length !== n || list.some((s) => s === '')) {
      throw new BadEnvironmentError(`${ENV.listenFdNames} must hold ${n} non-empty names separated by colons, got ${JSON.stringify(names)}`);
    }
    if (env[ENV.listenPid] === undefined) throw new BadEnvironmentError(`${ENV.listenPid} is not set although ${ENV.listenFds}=${n}`);
  }
  if (base.strategy === 'handoff' && n > 0) throw new BadEnvironmentError(`${ENV.listenFds}=${n}: no listener is passed in the handoff strategy`);
  if (base.controlFd !== LISTEN_FDS_START + n) {
    throw new BadEnvironmentError(`${ENV.controlFd}=${base.controlFd} must be ${LISTEN_FDS_START + n}, right after the ${n} listener(s)`);
  }
  if (base.strategy === 'handoff' && base.handoffFd !== base.controlFd + 1) {
    throw new BadEnvironmentError(`${ENV.handoffFd}=${base.handoffFd} must be ${base.controlFd + 1}, right after the control channel`);
  }

  const isSocket = options.isSocket ?? isOpenSocket;
  const fds: [string, number][] = base.listenFds.map((fd, i) => [`listener ${i} (${ENV.listenFds})`, fd]);
  fds.push([ENV.controlFd, base.controlFd]);
  if (base.strategy === 'handoff' && base.handoffFd !== undefined) fds.push([ENV.handoffFd, base.handoffFd]);
  for (const [name, fd] of fds) {
    if (!isSocket(fd)) throw new BadEnvironmentError(`${name}: fd ${fd} is not an open socket`);
  }
  return base;
}

/**
 * Removes the LISTEN_* and CORRAL_* variables once they have been read, so
 * that programs the application starts do not take them for their own
 * [ENV-20].
 */
export function scrubEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of Object.keys(env)) {
    if (name.startsWith('LISTEN_') || name.startsWith('CORRAL_')) delete env[name];
  }
}
