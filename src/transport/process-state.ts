// The initial process state of a worker (spec.md section 2): which fds it
// inherits, the environment that names them, and the exit codes. The arbiter
// builds this state and the worker runtime reads it, so both use this module.
//
//   fd 0          /dev/null
//   fd 1, 2       inherited
//   fd 3..3+n-1   listening sockets (LISTEN_FDS = n; none in the handoff strategy)
//   fd 3+n        control channel, AF_UNIX SOCK_STREAM    (CORRAL_CONTROL_FD)
//   fd 3+n+1      handoff channel, AF_UNIX SOCK_SEQPACKET (CORRAL_HANDOFF_FD, handoff only)
import { CorralError } from '../protocol/errors.js';
import { corral } from '../protocol/codec.js';

export const ENV = {
  protocol: 'CORRAL_PROTOCOL',
  controlFd: 'CORRAL_CONTROL_FD',
  handoffFd: 'CORRAL_HANDOFF_FD',
  workerId: 'CORRAL_WORKER_ID',
  accept: 'CORRAL_ACCEPT',
  arbiterPid: 'CORRAL_ARBITER_PID',
  listenFds: 'LISTEN_FDS',
  listenFdNames: 'LISTEN_FDNAMES',
  listenPid: 'LISTEN_PID',
} as const;

/** The first inherited listener's fd (systemd's SD_LISTEN_FDS_START). */
export const LISTEN_FDS_START = 3;

export const STRATEGIES = ['arbiter', 'shared', 'exclusive', 'reuseport', 'handoff'] as const;
export type StrategyName = (typeof STRATEGIES)[number];

const WIRE: Record<StrategyName, corral.v1.AcceptStrategy> = {
  arbiter: corral.v1.AcceptStrategy.ACCEPT_STRATEGY_ARBITER,
  shared: corral.v1.AcceptStrategy.ACCEPT_STRATEGY_SHARED,
  exclusive: corral.v1.AcceptStrategy.ACCEPT_STRATEGY_EXCLUSIVE,
  reuseport: corral.v1.AcceptStrategy.ACCEPT_STRATEGY_REUSEPORT,
  handoff: corral.v1.AcceptStrategy.ACCEPT_STRATEGY_HANDOFF,
};

export function strategyToWire(name: StrategyName): corral.v1.AcceptStrategy {
  return WIRE[name];
}

export function strategyFromWire(value: number): StrategyName | undefined {
  return STRATEGIES.find((s) => WIRE[s] === value);
}

/** The feature a worker declares in Hello to say it can run a strategy. */
export function strategyFeature(name: StrategyName): string {
  return `accept.${name}`;
}

/** Exit codes shared by workers and the arbiter (spec.md section 2.6). */
export const EXIT = {
  ok: 0,
  error: 1,
  usage: 2,
  /** Worker: the environment or the handshake failed. Arbiter: workers keep failing at boot. */
  bootError: 3,
  /** Worker: the application could not be loaded. Arbiter: halted on an app load error. */
  appLoadError: 4,
} as const;

export class BadEnvironmentError extends CorralError {
  constructor(message: string) {
    super('CORRAL_ERR_BAD_ENVIRONMENT', message);
    this.name = 'BadEnvironmentError';
  }
}

export interface WorkerEnvironment {
  controlFd: number;
  handoffFd: number | undefined;
  workerId: number;
  strategy: StrategyName;
  /** fds of the inherited listeners, in LISTEN_FDS order. */
  listenFds: number[];
  listenNames: string[];
}

function fdVar(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 3 || n > 65535) throw new BadEnvironmentError(`${name} must be a file descriptor number >= 3, got ${JSON.stringify(raw)}`);
  return n;
}

/** True when this process was started by an arbiter as a protocol worker. */
export function isWorkerEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[ENV.controlFd] !== undefined && env[ENV.controlFd] !== '';
}

/** Reads and checks the worker's environment; throws BadEnvironmentError. */
export function readWorkerEnvironment(env: NodeJS.ProcessEnv = process.env, pid = process.pid): WorkerEnvironment {
  const controlFd = fdVar(env, ENV.controlFd);
  if (controlFd === undefined) throw new BadEnvironmentError(`${ENV.controlFd} is not set: this process was not started by a corral arbiter`);
  const strategyRaw = env[ENV.accept] ?? 'shared';
  const strategy = STRATEGIES.find((s) => s === strategyRaw);
  if (!strategy) throw new BadEnvironmentError(`${ENV.accept} must be one of ${STRATEGIES.join(', ')}, got ${JSON.stringify(strategyRaw)}`);
  const handoffFd = fdVar(env, ENV.handoffFd);
  if (strategy === 'handoff' && handoffFd === undefined) throw new BadEnvironmentError(`${ENV.handoffFd} must be set in the handoff strategy`);
  const listenFds: number[] = [];
  const count = env[ENV.listenFds];
  if (count !== undefined && count !== '') {
    const n = Number(count);
    if (!Number.isInteger(n) || n < 0 || n > 1024) throw new BadEnvironmentError(`${ENV.listenFds} must be a count of listeners, got ${JSON.stringify(count)}`);
    const owner = env[ENV.listenPid];
    if (owner !== undefined && owner !== '' && Number(owner) !== pid) {
      throw new BadEnvironmentError(`${ENV.listenPid}=${owner} names another process (this is ${pid})`);
    }
    for (let i = 0; i < n; i++) listenFds.push(LISTEN_FDS_START + i);
  }
  const names = (env[ENV.listenFdNames] ?? '').split(':').filter((s) => s !== '');
  const workerId = Number(env[ENV.workerId] ?? '0');
  return {
    controlFd,
    handoffFd,
    workerId: Number.isInteger(workerId) ? workerId : 0,
    strategy,
    listenFds,
    listenNames: listenFds.map((_, i) => names[i] ?? `listener${i}`),
  };
}
