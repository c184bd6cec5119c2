// `corral/worker`: turns a Node server into a corral protocol worker.
//
//   import http from 'node:http';
//   import { serve, isWorker } from 'corral/worker';
//   const server = http.createServer(handler);
//   if (isWorker()) serve(server); else server.listen(8000);
import * as net from 'node:net';
import { readFileSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import { InvalidOptionError } from '../errors.js';
import { DEFAULT_HANDSHAKE_TIMEOUT_MS } from '../protocol/limits.js';
import { EXIT, isWorkerEnvironment, readWorkerEnvironment, type StrategyName, type WorkerEnvironment } from '../transport/process-state.js';
import { WorkerRuntime, type SignalSource, type WorkerStats } from './runtime.js';
import { loadRealNative, type NativeDeps } from './native-deps.js';
import type { SocketFactory } from './load.js';

export type { WorkerStats, SignalSource } from './runtime.js';
export type { NativeDeps, WatcherLike, Datagram, AcceptedFd } from './native-deps.js';
export type { SocketFactory } from './load.js';

/** Options of {@link serve}. Everything is optional; the arbiter's Welcome decides the rest. */
export interface ServeOptions {
  /** Connections the worker holds at once, reported in Hello and Ready. Default 1000. */
  capacity?: number;
  /** Time to wait for the arbiter's Welcome before exiting with code 3. Default 10000. */
  handshakeTimeoutMs?: number;
  /** Drain deadline when the drain comes from SIGTERM rather than a Drain message. Default 30000. */
  gracefulTimeoutMs?: number;
  /**
   * Called when the worker starts draining (Drain message or SIGTERM), e.g. to
   * close database pools. The Goodbye waits for a returned promise, within
   * the drain deadline.
   */
  onDrain?: () => void | Promise<void>;

  // Injection points, for tests and embedders.
  /** The worker environment; default read from process.env. */
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

/** A running worker, returned by {@link serve} once the arbiter has welcomed it. */
export interface Worker {
  /** The id the arbiter gave this worker. */
  readonly id: number;
  /** The accept strategy the arbiter chose. */
  readonly strategy: StrategyName;
  /** Current load, as sent in heartbeats. */
  readonly stats: WorkerStats;
  /** Starts a graceful drain, as SIGTERM does. */
  drain(deadlineMs?: number): void;
  /** Says Goodbye and exits now, as SIGINT does. */
  stop(): void;
}

const REGISTRY = Symbol.for('corral.worker.serving');

/**
 * True once serve() has been called in this process, by any copy of this
 * module (an app importing `corral/worker` from dist/ and the bootstrap
 * running from src/ are different module instances, hence the global).
 */
export function serveCalled(): boolean {
  return (globalThis as Record<symbol, unknown>)[REGISTRY] === true;
}

/** True when this process was started by a corral arbiter as a protocol worker. */
export function isWorker(): boolean {
  return isWorkerEnvironment();
}

let packageVersion: string | undefined;
function implementation(): string {
  if (packageVersion === undefined) {
    try {
      // src/worker/ and dist/worker/ are both two levels below the package root.
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
      packageVersion = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
    } catch {
      packageVersion = '0.0.0';
    }
  }
  return `corral-node/${packageVersion}`;
}

function invalidOption(message: string, range = true): Error {
  return new InvalidOptionError(message, { range });
}

function checkOptions(server: unknown, o: ServeOptions): void {
  if (!(server instanceof net.Server)) throw invalidOption('server must be an http.Server or net.Server', false);
  const nonNegInt = (name: keyof ServeOptions, v: unknown) => {
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0)) throw invalidOption(`options.${name} must be a non-negative integer`);
  };
  nonNegInt('capacity', o.capacity);
  nonNegInt('handshakeTimeoutMs', o.handshakeTimeoutMs);
  nonNegInt('gracefulTimeoutMs', o.gracefulTimeoutMs);
  if (o.onDrain !== undefined && typeof o.onDrain !== 'function') throw invalidOption('options.onDrain must be a function', false);
}

/**
 * Serves `server` as a corral worker: performs the handshake on the control
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
 * Exit codes: 0 after a drain, a stop or a signal; 1 when the control
 * channel closes while the worker is serving ("arbiter went away"; 0 if it
 * was already draining or stopping); 3 for a bad environment or handshake.
 */
export async function serve(server: net.Server, options: ServeOptions = {}): Promise<Worker> {
  checkOptions(server, options);
  const stderr = options.stderr ?? ((text: string) => void process.stderr.write(text));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const bootFail = (message: string): Promise<never> => {
    stderr(`corral worker (pid ${process.pid}): ${message}\n`);
    exit(EXIT.bootError);
    return Promise.reject(new Error(message));
  };

  // Only a worker running on the real process state is unique per process;
  // tests build many runtimes side by side on injected streams.
  const real = options.control === undefined;
  if (real) {
    if (serveCalled()) throw new Error('serve() was already called in this process');
    (globalThis as Record<symbol, unknown>)[REGISTRY] = true;
  }

  let environment: WorkerEnvironment;
  let control: Duplex;
  try {
    environment = options.environment ?? readWorkerEnvironment();
  } catch (err) {
    return bootFail((err as Error).message);
  }
  let native: NativeDeps;
  try {
    native = options.native ?? (await loadRealNative());
  } catch (err) {
    return bootFail(`the native socket layer is not available: ${(err as Error).message}`);
  }
  // Benchmark instrumentation (CORRAL_COUNTERS_DIR); a no-op otherwise.
  if (real && options.native === undefined) (await import('../transport/instrument.js')).installCounterDump('worker');
  try {
    control = options.control ?? new net.Socket({ fd: environment.controlFd, readable: true, writable: true });
  } catch (err) {
    return bootFail(`CORRAL_CONTROL_FD=${environment.controlFd} is not a usable socket: ${(err as Error).message}`);
  }

  const runtime = new WorkerRuntime(server, {
    environment,
    control,
    capacity: options.capacity ?? 1000,
    handshakeTimeoutMs: options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS,
    gracefulTimeoutMs: options.gracefulTimeoutMs ?? 30_000,
    implementation: implementation(),
    pid: process.pid,
    exit,
    native,
    socketFactory: options.socketFactory,
    signals: options.signals === undefined ? process : options.signals,
    stderr,
    setTitle: real,
    onDrain: options.onDrain,
    now: options.now ?? (() => performance.now()),
  });
  const worker: Worker = {
    get id() {
      return runtime.workerId;
    },
    get strategy() {
      return runtime.strategy;
    },
    get stats() {
      return runtime.stats;
    },
    drain: (deadlineMs = options.gracefulTimeoutMs ?? 30_000) => runtime.drain(deadlineMs),
    stop: () => runtime.stop('stop()'),
  };
  await runtime.start();
  return worker;
}
