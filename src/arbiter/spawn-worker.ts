// Spawning one worker: what it inherits (the listening sockets, the control
// channel, its end of the handoff socketpair) and its environment (ENV-*),
// and the arbiter's new record of it. The process itself is started by the
// injected Spawner, so logic tests see every request without processes.
import * as native from '../transport/native.js';
import { ENV, LISTEN_FDS_START } from '../transport/process-state.js';
import { PROTOCOL_VERSION } from '../protocol/limits.js';
import { ACCESS_LOG_ENV } from '../transport/access-log-format.js';
import type { ListenerRecord } from './listeners.js';
import type { ArbiterOptions } from './options.js';
import type { Clock, Spawner, WorkerProcess } from './spawner.js';
import type { Logger } from './log.js';
import type { WorkerRecord } from './worker-record.js';
import { pipeWorkerOutput } from './worker-output.js';

export interface SpawnDeps {
  spawn: Spawner;
  clock: Clock;
  options: ArbiterOptions;
  listeners: readonly ListenerRecord[];
  /** Where the worker's own output lines go (when the spawner pipes them). */
  log: Logger;
}

/**
 * Starts worker `id` of `generation`; throws if the spawner does. A task
 * worker (`task` given) inherits no listener and no CORRAL_ACCEPT (PROC-3,
 * ENV-11): unlike Gunicorn's dirty workers it can never hold the port.
 */
export function spawnWorker(deps: SpawnDeps, id: number, generation: number, task?: { slot: number; command: string[] }): WorkerRecord {
  const o = deps.options;
  let handoffPair: [number, number] | undefined;
  if (o.accept === 'handoff' && !task) handoffPair = native.seqpacketPair();
  const listenFds = o.accept === 'handoff' || task ? [] : listenFdsFor(o, deps.listeners);
  const env: NodeJS.ProcessEnv = { ...process.env };
  // ENV-14: nothing stray that a worker could mistake for its own state;
  // then what the operator configured (ENV-15).
  for (const name of Object.keys(env)) {
    if (name === 'NOTIFY_SOCKET' || name.startsWith('LISTEN_') || name.startsWith('CORRAL_')) delete env[name];
  }
  Object.assign(env, o.env);
  if (listenFds.length) {
    env[ENV.listenFds] = String(listenFds.length);
    env[ENV.listenFdNames] = deps.listeners.map((l) => l.name).join(':');
  }
  if (!o.plain || task) {
    Object.assign(env, {
      [ENV.protocol]: String(PROTOCOL_VERSION.major),
      [ENV.controlFd]: String(LISTEN_FDS_START + listenFds.length),
      [ENV.workerId]: String(id),
      [ENV.arbiterPid]: String(process.pid),
    });
    if (!task) env[ENV.accept] = o.accept;
    if (handoffPair) env[ENV.handoffFd] = String(LISTEN_FDS_START + listenFds.length + 1);
  }
  // The Node worker runtime's access log (not a protocol variable): the
  // option decides, never a value left in the arbiter's environment.
  delete env[ACCESS_LOG_ENV];
  if (o.accessLog !== undefined && !task) env[ACCESS_LOG_ENV] = o.accessLog;
  let proc: WorkerProcess;
  try {
    proc = deps.spawn({
      id, generation, command: task?.command ?? o.command, env, listenFds, control: task ? true : !o.plain, handoffFd: handoffPair?.[1],
      output: o.workerOutput === 'prefix' ? 'pipe' : 'inherit',
    });
  } finally {
    // The child has its own copies now (or the spawn failed).
    if (handoffPair) native.close(handoffPair[1]);
    if (o.accept === 'reuseport') for (const fd of listenFds) native.close(fd);
  }
  // Its output lines, whole and prefixed, into the arbiter's log (worker-output.ts).
  pipeWorkerOutput(proc, id, task ? 'task' : 'socket', deps.log, o.workerLineBytes);
  const jobJitter = task && o.taskMaxJobsJitter > 0 ? Math.floor(Math.random() * (o.taskMaxJobsJitter + 1)) : 0;
  const now = deps.clock.now();
  const jitter = o.maxRequestsJitter > 0 ? Math.floor(Math.random() * (o.maxRequestsJitter + 1)) : 0;
  return {
    id, kind: task ? 'task' : 'socket', slot: task?.slot ?? -1, maxJobs: task && o.taskMaxJobs > 0 ? o.taskMaxJobs + jobJitter : 0, features: [], minor: 0, generation, proc, channel: undefined, handoffSock: handoffPair?.[0], state: 'booting', spawnedAt: now, lastSeen: now,
    helloed: false, everReady: false, capacity: 0, inFlight: 0, acceptedTotal: 0, acceptedAcknowledged: 0, requestsTotal: 0, wakeupsTotal: 0, latencyCounts: undefined,
    maxConnections: o.maxRequests > 0 ? o.maxRequests + jitter : 0, termAt: undefined, killAt: undefined, stopReason: undefined, planned: false, recycle: false, saidGoodbye: false,
    readyAt: undefined, signalled: false, stable: false,
  };
}

// reuseport: every worker gets fresh SO_REUSEPORT listeners on the same
// addresses; the others share the arbiter's.
function listenFdsFor(o: ArbiterOptions, listeners: readonly ListenerRecord[]): number[] {
  if (o.accept !== 'reuseport') return listeners.map((l) => l.fd);
  return listeners.map((l) => {
    const a = native.localAddress(l.fd);
    return native.listen({ host: a.address, port: a.port, backlog: o.backlog, reusePort: true });
  });
}
