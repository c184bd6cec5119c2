// `corral/worker`: turns a Node server into a corral protocol worker.
//
//   import http from 'node:http';
//   import { serve, isWorker } from 'corral/worker';
//   const server = http.createServer(handler);
//   if (isWorker()) serve(server); else server.listen(8000);
//
// Two ways in:
//   serve(server)          Hello, Welcome, Ready in one go (an app that embeds corral)
//   prepare() ... attach()  Hello and Welcome first, Ready once the app has loaded
//                           (the bootstrap: the worker heartbeats while the app loads)
import * as net from 'node:net';
import type { Duplex } from 'node:stream';
import { CorralError, InvalidOptionError } from '../errors.js';
import type { TaskClient, CallOptions } from '../tasks/client.js';
import { DEFAULT_HANDSHAKE_TIMEOUT_MS } from '../protocol/limits.js';
import { EXIT, isWorkerEnvironment, type StrategyName, type WorkerEnvironment } from '../transport/process-state.js';
import { WorkerRuntime, type SignalSource, type WorkerStats } from './runtime.js';
import { readEnvironment, scrubEnvironment } from './environment.js';
import { loadRealNative, type NativeDeps } from './native-deps.js';
import type { SocketFactory } from './load.js';
import { toServer, type Servable } from './frameworks.js';
import { accessLogFromEnvironment, accessLogFromOption, type AccessLog } from './access-log.js';
import { parseAccessLogFormat } from '../transport/access-log-format.js';
import { implementation, openControl } from './program.js';
import { guardStdio } from './stdio.js';

export type { WorkerStats, SignalSource } from './runtime.js';
export type { NativeDeps, WatcherLike, Datagram } from './native-deps.js';
export type { SocketFactory } from './load.js';
export { toServer, isServable, type Servable, type FastifyLike, type KoaLike } from './frameworks.js';

/** Options of {@link serve}. Everything is optional; the arbiter's Welcome decides the rest. */
export interface ServeOptions {
  /** Connections the worker holds at once, reported in Ready and heartbeats. Default 1000; 0 = unbounded. */
  capacity?: number;
  /** Time to wait for the arbiter's Welcome before exiting with code 3. Default 10000. */
  handshakeTimeoutMs?: number;
  /**
   * Deadline of a drain started by {@link Worker.drain} without an argument;
   * 0 (the default) = none. A SIGTERM drain has no deadline of its own
   * (spec SIG-1): the arbiter's kill ends it.
   */
  gracefulTimeoutMs?: number;
  /**
   * Called when the worker starts draining (Drain message or SIGTERM), e.g. to
   * close database pools. The Goodbye waits for a returned promise, within
   * the drain deadline.
   */
  onDrain?: () => void | Promise<void>;
  /**
   * An access log, one line per finished HTTP response on standard output:
   * a Gunicorn access_log_format string (`%(h)s %(r)s %(s)s %({x-request-id}i)s`…),
   * true for Gunicorn's default format, false for none. The arbiter's own
   * setting (`corral run --access-log`, passed in NODE_CORRAL_ACCESS_LOG)
   * takes precedence; this is the default when it sets none.
   */
  accessLog?: string | boolean;

  // Injection points, for tests and embedders.
  /** Where access log lines go (each ends with a newline); default one process.stdout.write per line. */
  accessLogWrite?: (line: string) => void;
  /** The worker environment; default read from process.env (and then removed from it). */
  environment?: WorkerEnvironment;
  /** The control channel stream; default the CORRAL_CONTROL_FD socket. */
  control?: Duplex;
  /** Called to end the process; default process.exit. */
  exit?: (code: number) => void;
  /** The native socket layer; default src/transport/native.ts. */
  native?: NativeDeps;
  /** Makes the socket for an accepted fd; default a net.Socket configured like the server's own. */
  socketFactory?: SocketFactory;
  /** Signal source for SIGTERM/SIGINT/SIGQUIT; default process, null = none. */
  signals?: SignalSource | null;
  /** Diagnostic output; default process.stderr. */
  stderr?: (text: string) => void;
  /** Monotonic clock in ms; default performance.now. */
  now?: () => number;
}

/** A running worker, returned by {@link serve} once it has sent Ready. */
export interface Worker {
  /** The id the arbiter gave this worker. */
  readonly id: number;
  /** The accept strategy the arbiter chose. */
  readonly strategy: StrategyName;
  /** Current load, as sent in heartbeats. */
  readonly stats: WorkerStats;
  /** Starts a graceful drain, as SIGTERM does (default: options.gracefulTimeoutMs, 0 = no deadline). */
  drain(deadlineMs?: number): void;
  /** Says Goodbye{STOPPED} and exits now. */
  stop(): void;
}

/**
 * A worker whose handshake has begun before its application is loaded
 * (see {@link prepare}).
 */
export interface PreparedWorker {
  /** Resolves once Hello is sent; rejects when the environment is bad (the worker has exited with 3). */
  readonly started: Promise<void>;
  /** Serves `server`: waits for Welcome, sends Ready. Rejects when the worker ended first. */
  attach(server: net.Server, options?: ServeOptions): Promise<Worker>;
  /** The application could not be loaded: Error APP_LOAD, exit 4. */
  appLoadFailed(message: string): void;
}

// Process-wide flags, shared by every copy of this module (an app importing
// `corral/worker` from dist/ and the bootstrap running from src/ are
// different module instances, hence global symbols).
const SERVING = Symbol.for('corral.worker.serving');
const PENDING = Symbol.for('corral.worker.pending');
const CONSUMED = Symbol.for('corral.worker.environment');
const HANGUP = Symbol.for('corral.worker.sighup');
const RUNTIME = Symbol.for('corral.worker.runtime');
const registry = globalThis as Record<symbol, unknown>;

/** True once serve() has been called in this process, by any copy of this module. */
export function serveCalled(): boolean {
  return registry[SERVING] === true;
}

/**
 * True when this process was started by a corral arbiter as a protocol
 * worker, also after the worker has read (and removed) its variables.
 */
export function isWorker(): boolean {
  return registry[CONSUMED] === true || isWorkerEnvironment();
}

function invalidOption(message: string, range = true): Error {
  return new InvalidOptionError(message, { range });
}

function checkOptions(o: ServeOptions): void {
  const nonNegInt = (name: keyof ServeOptions, v: unknown) => {
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0)) throw invalidOption(`options.${name} must be a non-negative integer`);
  };
  nonNegInt('capacity', o.capacity);
  nonNegInt('handshakeTimeoutMs', o.handshakeTimeoutMs);
  nonNegInt('gracefulTimeoutMs', o.gracefulTimeoutMs);
  if (o.onDrain !== undefined && typeof o.onDrain !== 'function') throw invalidOption('options.onDrain must be a function', false);
  if (o.accessLog !== undefined && typeof o.accessLog !== 'boolean') {
    if (typeof o.accessLog !== 'string') throw invalidOption('options.accessLog must be a format string or a boolean', false);
    try {
      parseAccessLogFormat(o.accessLog);
    } catch (err) {
      throw invalidOption(`options.accessLog: ${(err as Error).message}`);
    }
  }
  if (o.accessLogWrite !== undefined && typeof o.accessLogWrite !== 'function') throw invalidOption('options.accessLogWrite must be a function', false);
}

function checkServer(server: unknown): void {
  if (!(server instanceof net.Server)) throw invalidOption('server must be an http.Server or net.Server', false);
}

/**
 * SIG-3: SIGHUP is the arbiter's reload signal and a closing terminal's; it
 * must not end a worker. (SIGPIPE needs nothing: Node ignores it from the
 * start, so a write to a closed connection fails with EPIPE [SIG-4].)
 * SIG-5: the arbiter passes SIGUSR1 (reopen logs) on; this runtime keeps no
 * log file (its output goes to the arbiter), and without a handler Node would
 * open its inspector on 127.0.0.1:9229, a debugger any local process could
 * attach to.
 */
function ignoreHangup(): void {
  if (registry[HANGUP] === true) return;
  registry[HANGUP] = true;
  process.on('SIGHUP', () => {});
  process.on('SIGUSR1', () => {});
}

/**
 * Starts the handshake before the application is loaded: checks the
 * environment (exit 3 when it is bad), sends Hello, and once Welcome has
 * arrived heartbeats while the application loads [LIVE-4]. `attach()` then
 * sends Ready; `appLoadFailed()` reports the failure and exits 4. On the real
 * process state the prepared worker is also what an app's own serve() call
 * attaches to.
 */
export function prepare(options: ServeOptions = {}): PreparedWorker {
  checkOptions(options);
  const stderr = options.stderr ?? ((text: string) => void process.stderr.write(text));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  // Only a worker on the real process state is unique per process; tests
  // build many runtimes side by side on injected streams.
  const real = options.control === undefined;
  const bootFail = (message: string): never => {
    stderr(`corral worker (pid ${process.pid}): ${message}\n`);
    exit(EXIT.bootError);
    throw new Error(message);
  };

  // The arbiter's access log setting, read (and removed) before anything the
  // application starts could inherit it.
  const logOptions = { ...(options.accessLogWrite ? { write: options.accessLogWrite } : {}), ...(options.now ? { now: options.now } : {}) };
  const arbiterAccessLog: AccessLog | undefined = real && options.environment === undefined
    ? accessLogFromEnvironment(process.env, (m) => stderr(`corral worker (pid ${process.pid}): ${m}\n`), logOptions)
    : undefined;

  const runtimeP = (async () => {
    let environment: WorkerEnvironment;
    try {
      environment = options.environment ?? readEnvironment(process.env, process.pid);
    } catch (err) {
      return bootFail((err as Error).message);
    }
    // Benchmark instrumentation (CORRAL_COUNTERS_DIR, read now); a no-op otherwise.
    if (real && options.native === undefined) (await import('../transport/instrument.js')).installCounterDump('worker');
    if (real && options.environment === undefined) {
      scrubEnvironment(process.env); // ENV-20
      registry[CONSUMED] = true;
    }
    let native: NativeDeps;
    try {
      native = options.native ?? (await loadRealNative());
    } catch (err) {
      return bootFail(`the native socket layer is not available: ${(err as Error).message}`);
    }
    let control: Duplex;
    try {
      control = options.control ?? openControl(environment.controlFd);
    } catch (err) {
      return bootFail((err as Error).message);
    }
    const signals = options.signals === undefined ? process : options.signals;
    if (real && signals === process) ignoreHangup();
    if (real) guardStdio(); // EPIPE once the arbiter is gone; blocking writes (stdio.ts)
    const runtime = new WorkerRuntime({
      environment,
      control,
      capacity: options.capacity ?? 1000,
      handshakeTimeoutMs: options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS,
      implementation: implementation('corral-node'),
      pid: process.pid,
      exit,
      native,
      signals,
      stderr,
      setTitle: real,
      now: options.now ?? (() => performance.now()),
    });
    void runtime.start();
    if (real) registry[RUNTIME] = runtime;
    return runtime;
  })();
  // Nobody may be waiting yet; the failure has been reported and exit called.
  runtimeP.catch(() => {});
  const started = runtimeP.then(() => undefined);
  started.catch(() => {});

  const prepared: PreparedWorker = {
    started,
    async attach(server: net.Server, o: ServeOptions = {}): Promise<Worker> {
      checkServer(server);
      checkOptions(o);
      if (registry[PENDING] === prepared) delete registry[PENDING];
      if (real) registry[SERVING] = true;
      const runtime = await runtimeP;
      // Ready right after Welcome, or at once when Welcome is already in.
      const accessLog = arbiterAccessLog ?? accessLogFromOption(o.accessLog ?? options.accessLog, {
        ...logOptions, ...(o.accessLogWrite ? { write: o.accessLogWrite } : {}), ...(o.now ? { now: o.now } : {}),
      });
      await runtime.serve({ server, capacity: o.capacity ?? options.capacity ?? 1000, onDrain: o.onDrain ?? options.onDrain, socketFactory: o.socketFactory ?? options.socketFactory, accessLog });
      const drainDefault = o.gracefulTimeoutMs ?? options.gracefulTimeoutMs ?? 0;
      return {
        get id() {
          return runtime.workerId;
        },
        get strategy() {
          return runtime.strategy;
        },
        get stats() {
          return runtime.stats;
        },
        drain: (deadlineMs = drainDefault) => runtime.drain(deadlineMs),
        stop: () => runtime.stop(undefined, 'stop()'),
      };
    },
    appLoadFailed(message: string): void {
      void runtimeP.then((runtime) => runtime.appLoadFailed(message), () => undefined);
    },
  };
  if (real) registry[PENDING] = prepared;
  return prepared;
}

function tasksOfThisWorker(): TaskClient {
  const runtime = registry[RUNTIME] as WorkerRuntime | undefined;
  if (!runtime) throw new CorralError('CORRAL_ERR_STATE', 'execute() and stream() need a corral worker: this process was not started by an arbiter (use connect() from corral/tasks outside the pool)');
  const client = runtime.tasks;
  if (!client) {
    throw new CorralError('CORRAL_ERR_STATE', runtime.phase === 'ready' || runtime.phase === 'draining'
      ? 'the arbiter runs no task apps (it did not offer tasks.call)'
      : 'call execute() once the worker serves (after serve() resolved)');
  }
  return client;
}

/**
 * From inside a socket worker: runs the job `app.action` on one of the
 * arbiter's task workers and resolves with its result (spec.md section 4.7).
 * Rejects with a CorralError: CORRAL_ERR_TASK_UNKNOWN, _TASK_OVERLOADED,
 * _TASK_TIMEOUT, _TASK_CANCELLED, _TASK_FAILED, _TASK_WORKER_LOST, or
 * CORRAL_ERR_STATE outside a serving worker.
 */
export async function execute(app: string, action: string, payload?: unknown, options?: CallOptions): Promise<unknown> {
  return tasksOfThisWorker().execute(app, action, payload, options);
}

/** From inside a socket worker: runs a streamed job and yields its chunks, paced by how fast they are read. */
export async function* stream(app: string, action: string, payload?: unknown, options?: CallOptions): AsyncGenerator<unknown, void, undefined> {
  yield* tasksOfThisWorker().stream(app, action, payload, options);
}

/**
 * Serves `app` as a corral worker. `app` is an http.Server or net.Server, a
 * request handler or Express app, a Koa app, or a Fastify instance (whose
 * `ready()` is awaited first); anything else rejects with
 * CORRAL_ERR_INVALID_OPTION. The worker performs the handshake on the control
 * channel the arbiter passed, accepts connections by the strategy the
 * arbiter chose and hands each one to the server with
 * `server.emit('connection', socket)`, reports load in heartbeats, and drains
 * on Drain or SIGTERM (stop accepting, finish in-flight requests, close idle
 * keep-alive connections, Goodbye, exit 0). SIGINT and SIGQUIT stop at once.
 *
 * The server does not need to listen. The promise resolves once the worker
 * is Ready; when the environment or the handshake is bad the process exits
 * with code 3 (and, with an injected `exit`, the promise rejects). It rejects
 * with an InvalidOptionError for bad options, and when serve() was already
 * called in this process.
 *
 * Exit codes: 0 after a drain, a stop, a signal, or when the arbiter goes
 * away (its end of the control channel closes); 1 after a fatal protocol
 * error; 3 for a bad environment or handshake.
 */
export async function serve(app: Servable, options: ServeOptions = {}): Promise<Worker> {
  checkOptions(options);
  const real = options.control === undefined;
  if (real && serveCalled()) throw new Error('serve() was already called in this process');
  // Race window: a Fastify instance is awaited ready() below, while the
  // bootstrap checks serveCalled() as soon as the app module has loaded; so
  // the process is claimed now, not only once attach() runs.
  const claimed = real && !(app instanceof net.Server);
  if (claimed) registry[SERVING] = true;
  let server: net.Server;
  try {
    server = await toServer(app);
  } catch (err) {
    const pending = registry[PENDING] as PreparedWorker | undefined;
    // Under the bootstrap nobody else will report it: a plugin that failed
    // in ready() is the application failing to load (Error APP_LOAD, exit 4).
    if (claimed && pending) pending.appLoadFailed(`serve(): ${(err as Error).message}`);
    else if (claimed) delete registry[SERVING];
    throw err;
  }
  if (real) {
    // The bootstrap began the handshake before loading the app that calls us.
    const pending = registry[PENDING] as PreparedWorker | undefined;
    if (pending) return pending.attach(server, options);
  }
  return prepare(options).attach(server, options);
}
