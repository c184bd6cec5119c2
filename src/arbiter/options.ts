// Arbiter options: one table of defaults, one validator. Every message names
// the option it is about, so a bad config file or flag says what to fix.
import { resolveQueueOptions, type QueueOptions, type QueueOptionsInput } from './queue-options.js';
import { availableParallelism } from 'node:os';
import { InvalidOptionError } from '../errors.js';
import { APP_NAME } from '../protocol/limits.js';
import { STRATEGIES, type StrategyName } from '../transport/process-state.js';
import { DEFAULT_ACCESS_LOG_FORMAT, parseAccessLogFormat } from '../transport/access-log-format.js';
import type { Hooks } from './hooks.js';
import { DEFAULT_WORKER_LINE_BYTES, MAX_WORKER_LINE_BYTES, MIN_WORKER_LINE_BYTES } from './worker-output.js';

export type LogLevel = 'debug' | 'info' | 'warning' | 'error' | 'critical';
export type LogFormat = 'text' | 'json';
export type WorkerOutput = 'prefix' | 'inherit';

/** A parsed `--bind` value. */
export type BindSpec =
  | { kind: 'tcp'; host: string; port: number; text: string }
  | { kind: 'unix'; path: string; text: string }
  | { kind: 'fd'; fd: number; text: string };

export interface ArbiterOptions {
  /** The worker command line: argv[0] is the program. */
  command: string[];
  /** Listen addresses: `HOST:PORT`, `[v6]:PORT`, `unix:PATH`, `fd://N`. */
  bind: string[];
  workers: number;
  accept: StrategyName;
  /** Seconds without a heartbeat before a worker is stopped; 0 disables. */
  timeout: number;
  /** Seconds a draining worker (or the whole pool on TERM) is given before SIGKILL. */
  gracefulTimeout: number;
  /** Recycle a worker after this many connections; 0 disables. */
  maxRequests: number;
  maxRequestsJitter: number;
  backlog: number;
  pidfile: string | undefined;
  logLevel: LogLevel;
  logFormat: LogFormat;
  logFile: string | undefined;
  /** Heartbeat interval told to workers, ms (default: a quarter of the timeout, at most 1 s). */
  heartbeatIntervalMs: number;
  /** A worker must say Hello within this many ms of its spawn. */
  handshakeTimeoutMs: number;
  /** Arbiter strategy: connections a worker may accept under one lease. */
  leaseMaxAccepts: number;
  /** Arbiter strategy: connections a worker may accept under one lease while the pool is busy (a worker reported 2 or more in flight). */
  leaseMaxAcceptsBusy: number;
  /** Arbiter strategy: how long one lease lasts, ms. */
  leaseMs: number;
  /** Arbiter strategy: a lease not answered within leaseMs + this is considered lost, ms. */
  leaseGraceMs: number;
  /**
   * Arbiter strategy, workers with accept.revoke: a holder that sends nothing
   * while connections wait on its listener this long has its lease revoked
   * and granted to another worker, ms; 0 = never (spec section 7.2.8).
   */
  leaseStallMs: number;
  /** Arbiter strategy: how often the listener's accept queue is read while a revocable lease is out, ms. */
  leasePollMs: number;
  /**
   * Arbiter strategy: leases out at once per listener, to workers that
   * negotiated accept.overlap (spec section 7.2.9); 1 = one holder at a time.
   */
  leaseHolders: number;
  /**
   * A worker that said Hello must say Ready within this many ms of its spawn,
   * or it is stopped. At least handshakeTimeoutMs (unset, it follows a raised one).
   */
  readyTimeoutMs: number;
  /**
   * A worker the arbiter gave up on (protocol error, handshake, Ready or
   * heartbeat timeout) is SIGKILLed this many ms after SIGTERM. Until it
   * has exited it holds its slot, so a worker ignoring SIGTERM cannot make
   * processes pile up. Not the graceful timeout: nothing useful is drained.
   */
  killDelayMs: number;
  /**
   * A worker that exits by itself within this many ms of Ready (for example
   * one that crashes on its first connection) counts as a boot failure:
   * backoff, and a halt after maxBootFailures in a row. 0 disables.
   */
  minUptimeMs: number;
  /**
   * Warnings a worker can cause at will (unknown frames, non-fatal Error
   * reports): this many are logged per worker, later ones are counted and
   * summarised once every workerLogIntervalMs, so one worker cannot fill the disk.
   */
  workerLogBurst: number;
  workerLogIntervalMs: number;
  /**
   * The workers' stdout and stderr: 'prefix' reads them through pipes into
   * the arbiter's log, each line whole and marked with its worker and pid (or
   * one JSON object per line with --log-format json); 'inherit' gives the
   * workers the arbiter's own stdout and stderr, raw (src/arbiter/worker-output.ts).
   */
  workerOutput: WorkerOutput;
  /** 'prefix': a worker's line longer than this many bytes is logged in pieces of at most this many. */
  workerLineBytes: number;
  /**
   * Node workers write an access log line per finished HTTP response to their
   * standard output, in this Gunicorn access_log_format (`true` in the input:
   * Gunicorn's default); undefined = none. Passed in NODE_CORRAL_ACCESS_LOG.
   */
  accessLog: string | undefined;
  /** Workers that exit during boot this many times in a row halt the arbiter. */
  maxBootFailures: number;
  /** Respawn backoff: first delay and cap, ms. */
  respawnBackoffMs: number;
  respawnBackoffMaxMs: number;
  /** Supervise workers by process only: no control channel, no handshake (systemd-style apps). */
  plain: boolean;
  /** Extra environment for workers. */
  env: Record<string, string>;
  hooks: Partial<Hooks>;
  /** Task apps run by task workers beside the socket workers (spec.md section 4.6); empty = none. */
  tasks: TaskAppSpec[];
  /** Task worker processes; each app runs on the first `app.workers` of them (all when unset). Default: the largest app count, at least 1. */
  taskWorkers: number;
  /** The task worker program; the arbiter appends `--capacity N name=module ...`. Default: corral's Node task worker. */
  taskCommand: string[] | undefined;
  /** Jobs one task worker runs at once (Hello/Ready capacity it is told to declare). */
  taskCapacity: number;
  /** Jobs queued per app before callers get TASK_OVERLOADED. */
  maxQueue: number;
  /** How long a job may run past its deadline or cancel before its task worker is replaced, ms; 0 = never. */
  taskGraceMs: number;
  /** Chunks of a streamed result the arbiter holds per job for a slow caller (the window it gives task workers). */
  taskStreamWindow: number;
  /**
   * Bytes the arbiter may have queued for one task worker or one caller
   * (payloads of jobs in flight) before it takes the peer for one that
   * stopped reading and closes its channel.
   */
  taskQueueBytes: number;
  /** Recycle a task worker after this many jobs (+ up to taskMaxJobsJitter); 0 = never. */
  taskMaxJobs: number;
  taskMaxJobsJitter: number;
  /** Recycle a task worker whose resident memory exceeds this many MiB (checked between jobs); 0 = never. */
  taskMaxRssMb: number;
  /** Write the task socket's address to this file (mode 0600), for clients outside the pool. */
  tasksAddressFile: string | undefined;
  /** Consume durable queues from Redis (spec.md section 13); undefined = none. */
  queue: QueueOptions | undefined;
  /** Ended task jobs kept for `corral ctl jobs` and the dashboard (the newest). */
  taskJobHistory: number;
  /**
   * The control socket's path (spec.md section 14): a Unix socket, mode 0600,
   * for `corral ctl` and `corral top`; undefined = none. `corral run` opens
   * one by default (controlSocketPath()).
   */
  controlSocket: string | undefined;
  /** Serve Prometheus metrics at http://HOST:PORT/metrics; undefined = off. */
  metrics: string | undefined;
  /** Serve the web dashboard at http://HOST:PORT/; undefined = off. */
  dashboard: string | undefined;
  /**
   * A token the dashboard requires for actions (scale, reload) as
   * `Authorization: Bearer TOKEN`. Required when the dashboard is bound to
   * a non-loopback address; optional on loopback.
   */
  dashboardToken: string | undefined;
  /** How often the pool is sampled for rates, percentiles, CPU and memory (status, top, metrics, dashboard), ms. */
  sampleIntervalMs: number;
  /** Samples of pool history kept for the dashboard's charts (at sampleIntervalMs each). */
  historySamples: number;
}

/** What a user passes: every option optional, and `queue` as written (resolveQueueOptions checks it). */
export type ArbiterInput = Partial<Omit<ArbiterOptions, 'queue' | 'controlSocket' | 'accessLog'>> & {
  queue?: QueueOptionsInput | false;
  controlSocket?: string | false | undefined;
  /** A format, true for Gunicorn's default, false or undefined for none. */
  accessLog?: string | boolean | undefined;
};

/** One task app: a name (`app` in job names `app.action`), the module that defines it, and optionally how many task workers run it. */
export interface TaskAppSpec {
  name: string;
  module: string;
  workers?: number;
}

export const DEFAULTS: Omit<ArbiterOptions, 'command' | 'workers' | 'hooks' | 'env'> = {
  bind: ['127.0.0.1:8000'],
  accept: 'arbiter',
  timeout: 30,
  gracefulTimeout: 30,
  maxRequests: 0,
  maxRequestsJitter: 0,
  backlog: 2048,
  pidfile: undefined,
  logLevel: 'info',
  logFormat: 'text',
  logFile: undefined,
  heartbeatIntervalMs: 0,
  handshakeTimeoutMs: 10_000,
  leaseMaxAccepts: 16,
  leaseMaxAcceptsBusy: 64,
  leaseMs: 1000,
  leaseGraceMs: 1000,
  leaseStallMs: 50,
  leasePollMs: 20,
  leaseHolders: 2,
  readyTimeoutMs: 60_000,
  killDelayMs: 2000,
  minUptimeMs: 1000,
  workerLogBurst: 5,
  workerLogIntervalMs: 10_000,
  workerOutput: 'prefix',
  workerLineBytes: DEFAULT_WORKER_LINE_BYTES,
  accessLog: undefined,
  maxBootFailures: 5,
  respawnBackoffMs: 100,
  respawnBackoffMaxMs: 10_000,
  plain: false,
  tasks: [],
  taskWorkers: 0,
  taskCommand: undefined,
  taskCapacity: 16,
  maxQueue: 1000,
  taskGraceMs: 5000,
  taskStreamWindow: 16,
  taskQueueBytes: 256 * 1024 * 1024,
  taskMaxJobs: 0,
  taskMaxJobsJitter: 0,
  taskMaxRssMb: 0,
  tasksAddressFile: undefined,
  queue: undefined,
  taskJobHistory: 1000,
  controlSocket: undefined,
  metrics: undefined,
  dashboard: undefined,
  dashboardToken: undefined,
  sampleIntervalMs: 1000,
  historySamples: 600,
};

export { InvalidOptionError };

/** The default worker count: $WEB_CONCURRENCY, else the CPU count. */
export function defaultWorkers(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.WEB_CONCURRENCY;
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new InvalidOptionError(`WEB_CONCURRENCY must be a positive integer, got ${JSON.stringify(raw)}`);
    return n;
  }
  return availableParallelism();
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warning', 'error', 'critical'];

function int(name: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    const what = min === 1 ? 'a positive integer' : min === 0 ? 'a non-negative integer' : `an integer >= ${min}`;
    throw new InvalidOptionError(`options.${name} must be ${what}${max < Number.MAX_SAFE_INTEGER ? ` no larger than ${max}` : ''}, got ${JSON.stringify(value)}`);
  }
  return n;
}

function seconds(name: string, value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
    throw new InvalidOptionError(`options.${name} must be a non-negative number of seconds, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** options.accessLog: a checked format, Gunicorn's default for true, undefined for false or unset. */
function accessLogFormat(value: unknown): string | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return DEFAULT_ACCESS_LOG_FORMAT;
  if (typeof value !== 'string') throw new InvalidOptionError(`options.accessLog must be a format string or a boolean, got ${JSON.stringify(value)}`);
  try {
    parseAccessLogFormat(value);
  } catch (err) {
    throw new InvalidOptionError(`options.accessLog: ${(err as Error).message}, in ${JSON.stringify(value)}`);
  }
  return value;
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new InvalidOptionError(`options.${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return found;
}

/** Parses one `--bind` value. */
export function parseBind(text: string): BindSpec {
  if (text.startsWith('unix:')) {
    const path = text.slice(5);
    if (path === '') throw new InvalidOptionError(`options.bind: "${text}" has no socket path`);
    return { kind: 'unix', path, text };
  }
  if (text.startsWith('fd://')) {
    const fd = Number(text.slice(5));
    if (!Number.isInteger(fd) || fd < 0) throw new InvalidOptionError(`options.bind: "${text}" must name a file descriptor number`);
    return { kind: 'fd', fd, text };
  }
  const v6 = /^\[([^\]]+)\]:(\d+)$/.exec(text);
  const v4 = /^([^:[\]]*):(\d+)$/.exec(text);
  const m = v6 ?? v4;
  if (!m) throw new InvalidOptionError(`options.bind: "${text}" must be HOST:PORT, [IPv6]:PORT, unix:PATH or fd://N`);
  const port = Number(m[2]);
  if (port > 65535) throw new InvalidOptionError(`options.bind: port ${port} in "${text}" is out of range`);
  const host = m[1] === '' || m[1] === undefined ? '0.0.0.0' : m[1] === 'localhost' ? '127.0.0.1' : m[1];
  return { kind: 'tcp', host, port, text };
}

/** Fills defaults and validates; throws InvalidOptionError naming the option. */
export function resolveOptions(input: ArbiterInput): ArbiterOptions {
  const o = { ...DEFAULTS, env: {}, hooks: {}, command: [], ...stripUndefined(input) } as ArbiterOptions & { workers?: number };
  const tasks = resolveTasks(o.tasks);
  // A pool of task workers only needs no socket-worker command.
  const taskOnly = tasks.length > 0 && (o.workers === 0 || (input.command === undefined && o.workers === undefined));
  if (!taskOnly && (!Array.isArray(o.command) || o.command.length === 0 || o.command.some((a) => typeof a !== 'string'))) {
    throw new InvalidOptionError('options.command must be a non-empty array of strings (the worker program and its arguments)');
  }
  if (o.taskCommand !== undefined && (!Array.isArray(o.taskCommand) || o.taskCommand.length === 0 || o.taskCommand.some((a) => typeof a !== 'string'))) {
    throw new InvalidOptionError('options.taskCommand must be a non-empty array of strings (the task worker program and its arguments)');
  }
  const bind = typeof o.bind === 'string' ? [o.bind] : o.bind;
  if (!Array.isArray(bind) || bind.length === 0) throw new InvalidOptionError('options.bind must list at least one address');
  bind.forEach(parseBind);
  const hooks = o.hooks ?? {};
  for (const [k, v] of Object.entries(hooks)) {
    if (typeof v !== 'function') throw new InvalidOptionError(`options.hooks.${k} must be a function`);
  }
  const resolved: ArbiterOptions = {
    command: o.command,
    bind,
    workers: taskOnly ? 0 : int('workers', o.workers ?? defaultWorkers(), 1, 1024),
    accept: oneOf('accept', o.accept, STRATEGIES),
    timeout: seconds('timeout', o.timeout),
    gracefulTimeout: seconds('gracefulTimeout', o.gracefulTimeout),
    maxRequests: int('maxRequests', o.maxRequests, 0),
    maxRequestsJitter: int('maxRequestsJitter', o.maxRequestsJitter, 0),
    backlog: int('backlog', o.backlog, 1, 1 << 20),
    pidfile: o.pidfile,
    logLevel: oneOf('logLevel', o.logLevel, LOG_LEVELS),
    logFormat: oneOf('logFormat', o.logFormat, ['text', 'json'] as const),
    logFile: o.logFile,
    heartbeatIntervalMs: 0,
    handshakeTimeoutMs: int('handshakeTimeoutMs', o.handshakeTimeoutMs, 10),
    leaseMaxAccepts: int('leaseMaxAccepts', o.leaseMaxAccepts, 1, 1 << 20),
    leaseMaxAcceptsBusy: int('leaseMaxAcceptsBusy', o.leaseMaxAcceptsBusy, 1, 1 << 20),
    leaseMs: int('leaseMs', o.leaseMs, 1, 3_600_000),
    leaseGraceMs: int('leaseGraceMs', o.leaseGraceMs, 0, 3_600_000),
    leaseStallMs: int('leaseStallMs', o.leaseStallMs, 0, 3_600_000),
    leasePollMs: int('leasePollMs', o.leasePollMs, 1, 60_000),
    leaseHolders: int('leaseHolders', o.leaseHolders, 1, 64),
    readyTimeoutMs: 0,
    killDelayMs: int('killDelayMs', o.killDelayMs, 0, 3_600_000),
    minUptimeMs: int('minUptimeMs', o.minUptimeMs, 0, 3_600_000),
    workerLogBurst: int('workerLogBurst', o.workerLogBurst, 0, 1_000_000),
    workerLogIntervalMs: int('workerLogIntervalMs', o.workerLogIntervalMs, 100, 3_600_000),
    workerOutput: oneOf('workerOutput', o.workerOutput, ['prefix', 'inherit'] as const),
    workerLineBytes: int('workerLineBytes', o.workerLineBytes, MIN_WORKER_LINE_BYTES, MAX_WORKER_LINE_BYTES),
    accessLog: accessLogFormat(input.accessLog),
    maxBootFailures: int('maxBootFailures', o.maxBootFailures, 1),
    respawnBackoffMs: int('respawnBackoffMs', o.respawnBackoffMs, 0),
    respawnBackoffMaxMs: int('respawnBackoffMaxMs', o.respawnBackoffMaxMs, 0),
    plain: Boolean(o.plain),
    env: o.env ?? {},
    hooks,
    tasks,
    taskWorkers: tasks.length === 0 ? 0 : o.taskWorkers ? int('taskWorkers', o.taskWorkers, 1, 1024) : Math.max(1, ...tasks.map((t) => t.workers ?? 1)),
    taskCommand: o.taskCommand,
    taskCapacity: int('taskCapacity', o.taskCapacity, 0, 1_000_000),
    maxQueue: int('maxQueue', o.maxQueue, 0, 10_000_000),
    taskGraceMs: int('taskGraceMs', o.taskGraceMs, 0, 3_600_000),
    taskStreamWindow: int('taskStreamWindow', o.taskStreamWindow, 1, 65_536),
    taskQueueBytes: int('taskQueueBytes', o.taskQueueBytes, 1 << 20),
    taskMaxJobs: int('taskMaxJobs', o.taskMaxJobs, 0),
    taskMaxJobsJitter: int('taskMaxJobsJitter', o.taskMaxJobsJitter, 0),
    taskMaxRssMb: int('taskMaxRssMb', o.taskMaxRssMb, 0),
    tasksAddressFile: o.tasksAddressFile,
    queue: resolveQueueOptions(input.queue, tasks.map((t) => t.name)),
    taskJobHistory: int('taskJobHistory', o.taskJobHistory, 0, 1_000_000),
    controlSocket: socketPath('controlSocket', o.controlSocket),
    metrics: httpAddress('metrics', o.metrics),
    dashboard: httpAddress('dashboard', o.dashboard),
    dashboardToken: token('dashboardToken', o.dashboardToken),
    sampleIntervalMs: int('sampleIntervalMs', o.sampleIntervalMs, 100, 60_000),
    historySamples: int('historySamples', o.historySamples, 10, 100_000),
  };
  const dash = resolved.dashboard ? parseBind(resolved.dashboard) : undefined;
  if (dash?.kind === 'tcp' && !isLoopback(dash.host) && !resolved.dashboardToken) {
    throw new InvalidOptionError(`options.dashboard binds ${dash.text}, which is not a loopback address: set options.dashboardToken (--dashboard-token) so that only holders of the token can act on the pool`);
  }
  for (const t of tasks) {
    if (t.workers !== undefined && t.workers > resolved.taskWorkers) {
      throw new InvalidOptionError(`options.tasks: app "${t.name}" asks for ${t.workers} workers but options.taskWorkers is ${resolved.taskWorkers}`);
    }
  }
  // Four heartbeats per timeout, at most one a second: a short --timeout
  // (a test, an impatient deployment) gets a proportionally faster beat.
  // Ready comes after Hello, so its timeout (from the start too) is never the
  // shorter one: left unset, it grows with a raised handshake timeout; set
  // below it, it is refused rather than silently ignored.
  resolved.readyTimeoutMs = input.readyTimeoutMs === undefined
    ? Math.max(DEFAULTS.readyTimeoutMs, resolved.handshakeTimeoutMs)
    : int('readyTimeoutMs', o.readyTimeoutMs, 10);
  if (resolved.readyTimeoutMs < resolved.handshakeTimeoutMs) {
    throw new InvalidOptionError(`options.readyTimeoutMs (${resolved.readyTimeoutMs} ms) must be at least options.handshakeTimeoutMs (${resolved.handshakeTimeoutMs} ms): Ready comes after Hello`);
  }
  resolved.heartbeatIntervalMs = o.heartbeatIntervalMs
    ? int('heartbeatIntervalMs', o.heartbeatIntervalMs, 10, 3_600_000)
    : resolved.timeout > 0 ? Math.max(10, Math.min(1000, Math.floor((resolved.timeout * 1000) / 4))) : 1000;
  if (resolved.plain && !['shared', 'reuseport'].includes(resolved.accept)) {
    throw new InvalidOptionError(`options.accept must be shared or reuseport for plain workers (they do not speak the protocol), got ${resolved.accept}`);
  }
  // spec LIVE: a timeout shorter than two intervals would kill healthy workers.
  if (resolved.timeout > 0 && resolved.timeout * 1000 < 2 * resolved.heartbeatIntervalMs) {
    throw new InvalidOptionError(`options.timeout (${resolved.timeout} s) must be at least twice the heartbeat interval (${resolved.heartbeatIntervalMs} ms)`);
  }
  return resolved;
}

function socketPath(name: string, value: unknown): string | undefined {
  if (value === undefined || value === false || value === '') return undefined;
  if (typeof value !== 'string') throw new InvalidOptionError(`options.${name} must be a file system path`);
  // sun_path holds 108 bytes with its NUL.
  if (Buffer.byteLength(value) > 107) throw new InvalidOptionError(`options.${name}: the path ${JSON.stringify(value)} is longer than a Unix socket path may be (107 bytes)`);
  return value;
}

/** A `HOST:PORT` for an HTTP server (metrics, dashboard). */
function httpAddress(name: string, value: unknown): string | undefined {
  if (value === undefined || value === false || value === '') return undefined;
  const text = typeof value === 'number' ? `127.0.0.1:${value}` : value;
  if (typeof text !== 'string') throw new InvalidOptionError(`options.${name} must be HOST:PORT`);
  const b = (() => {
    try {
      return parseBind(text);
    } catch {
      return undefined;
    }
  })();
  if (b?.kind !== 'tcp') throw new InvalidOptionError(`options.${name} must be HOST:PORT (or a port, for 127.0.0.1), got ${JSON.stringify(value)}`);
  // Written out: parseBind reads an empty host as every address, and a metrics or dashboard port must say so.
  if (text.startsWith(':')) throw new InvalidOptionError(`options.${name}: "${text}" names no host; write 127.0.0.1:PORT, or 0.0.0.0:PORT to listen on every address`);
  return text;
}

function token(name: string, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length < 16 || /\s/.test(value)) throw new InvalidOptionError(`options.${name} must be a string of at least 16 characters without spaces`);
  return value;
}

/** 127.0.0.0/8 and ::1. */
export function isLoopback(host: string): boolean {
  return /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host === 'localhost';
}

/** Parses a `--tasks` value: `[name=]module[:N]`; the name defaults to the module's file name. */
export function parseTaskSpec(text: string): TaskAppSpec {
  let rest = text;
  let name: string | undefined;
  const eq = rest.indexOf('=');
  if (eq > 0) {
    name = rest.slice(0, eq);
    rest = rest.slice(eq + 1);
  }
  let workers: number | undefined;
  const m = /^(.*):(\d+)$/.exec(rest);
  if (m) {
    rest = m[1]!;
    workers = Number(m[2]);
  }
  if (rest === '') throw new InvalidOptionError(`options.tasks: "${text}" names no module`);
  name ??= (rest.split('/').pop() ?? rest).replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]/g, '_');
  return workers === undefined ? { name, module: rest } : { name, module: rest, workers };
}

function resolveTasks(value: unknown): TaskAppSpec[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new InvalidOptionError('options.tasks must be an array of { name, module, workers? } or "name=module:N" strings');
  const out = value.map((v) => (typeof v === 'string' ? parseTaskSpec(v) : v) as TaskAppSpec);
  const seen = new Set<string>();
  for (const t of out) {
    if (typeof t !== 'object' || t === null || typeof t.module !== 'string' || t.module === '') throw new InvalidOptionError('options.tasks: every app needs a module');
    if (typeof t.name !== 'string' || !APP_NAME.test(t.name)) throw new InvalidOptionError(`options.tasks: app name ${JSON.stringify(t.name)} must be 1 to 64 characters from A-Z a-z 0-9 _ -`);
    if (seen.has(t.name)) throw new InvalidOptionError(`options.tasks: app "${t.name}" is listed twice`);
    seen.add(t.name);
    if (t.workers !== undefined) int(`tasks.${t.name}.workers`, t.workers, 1, 1024);
  }
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
