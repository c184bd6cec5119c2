// The program a Node task worker runs:
//
//   node dist/task-worker/bootstrap.js [--capacity N] name=module [name=module ...]
//   node --import tsx src/task-worker/bootstrap.ts ...                  (development)
//
//   argv, environment ─(bad: exit 3)─► Hello{TASK, apps} ◄── Welcome ── heartbeats ...
//     import each module, then each app's init() ─(throws: APP_LOAD, exit 4)─► Ready
//
// Hello goes out before any app module is imported, so that a slow import
// is covered by heartbeats instead of the arbiter's handshake timeout.
import type { Duplex } from 'node:stream';
import { DEFAULT_HANDSHAKE_TIMEOUT_MS } from '../protocol/limits.js';
import { EXIT } from '../transport/process-state.js';
import { scrubEnvironment } from '../worker/environment.js';
import { implementation, isEntry, openControl } from '../worker/program.js';
import { APP_NAME, loadApp, type TaskApp } from './app.js';
import { readTaskEnvironment, type TaskEnvironment } from './environment.js';
import { DEFAULT_TASK_CAPACITY, TaskWorkerRuntime, type SignalSource } from './runtime.js';
import { guardStdio } from '../worker/stdio.js';

export const USAGE = 'usage: bootstrap [--capacity N] name=module [name=module ...]';

export interface TaskWorkerArgs {
  capacity: number;
  apps: { name: string; module: string }[];
}

/** A bad command line; the worker exits 3. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses the arguments after the script name. */
export function parseArgs(args: readonly string[]): TaskWorkerArgs {
  let capacity = DEFAULT_TASK_CAPACITY;
  const apps: TaskWorkerArgs['apps'] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--capacity' || arg.startsWith('--capacity=')) {
      const raw = arg === '--capacity' ? args[++i] : arg.slice('--capacity='.length);
      if (raw === undefined) throw new UsageError('--capacity needs a value: the number of jobs run at once (0 = unbounded)');
      if (!/^(0|[1-9][0-9]*)$/.test(raw) || Number(raw) > 0xffffffff) throw new UsageError(`--capacity must be a whole number from 0 to 4294967295, got ${JSON.stringify(raw)}`);
      capacity = Number(raw);
      continue;
    }
    if (arg.startsWith('-')) throw new UsageError(`unknown option ${JSON.stringify(arg)}`);
    const eq = arg.indexOf('=');
    if (eq < 0) throw new UsageError(`${JSON.stringify(arg)} is not name=module`);
    const name = arg.slice(0, eq);
    const module = arg.slice(eq + 1);
    if (!APP_NAME.test(name)) throw new UsageError(`app name ${JSON.stringify(name)} must be 1 to 64 characters from A-Z a-z 0-9 _ -`);
    if (module === '') throw new UsageError(`app ${name} names no module`);
    if (apps.some((a) => a.name === name)) throw new UsageError(`app ${name} is given twice`);
    apps.push({ name, module });
  }
  if (apps.length === 0) throw new UsageError('no app given');
  return { capacity, apps };
}

export interface TaskBootOptions {
  /** The arguments after the script name; default process.argv.slice(2). */
  args?: readonly string[];
  /** Default process.env (read, then scrubbed of CORRAL_* and LISTEN_* [ENV-20]). */
  env?: NodeJS.ProcessEnv;
  /** The environment as read; default read from `env`. */
  environment?: TaskEnvironment;
  /** The control channel; default the CORRAL_CONTROL_FD socket. */
  control?: Duplex;
  exit?: (code: number) => void;
  stderr?: (text: string) => void;
  /** Default process; null = none. */
  signals?: SignalSource | null;
  now?: () => number;
  handshakeTimeoutMs?: number;
  /** Directory the module paths are relative to; default the working directory. */
  cwd?: string;
}

/**
 * Runs a task worker: checks argv and the environment (exit 3), says Hello,
 * loads the apps once welcomed (exit 4 when one fails), says Ready. Resolves
 * with the runtime once Ready was sent, or undefined when the worker ended
 * first (its exit has been called).
 */
export async function bootTaskWorker(options: TaskBootOptions = {}): Promise<TaskWorkerRuntime | undefined> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const stderr = options.stderr ?? ((text: string) => void process.stderr.write(text));
  const fail = (message: string): undefined => {
    stderr(`corral task worker (pid ${process.pid}): ${message}\n`);
    exit(EXIT.bootError);
    return undefined;
  };
  let args: TaskWorkerArgs;
  try {
    args = parseArgs(options.args ?? process.argv.slice(2));
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`);
  }
  const env = options.env ?? process.env;
  let environment: TaskEnvironment;
  try {
    environment = options.environment ?? readTaskEnvironment(env);
  } catch (err) {
    return fail((err as Error).message);
  }
  if (options.environment === undefined) scrubEnvironment(env); // ENV-20
  let control: Duplex;
  try {
    control = options.control ?? openControl(environment.controlFd);
  } catch (err) {
    return fail((err as Error).message);
  }
  const signals = options.signals === undefined ? process : options.signals;
  // SIG-3: SIGHUP is the arbiter's reload signal; SIGPIPE Node ignores already [SIG-4].
  // SIG-5: the arbiter passes SIGUSR1 (reopen logs) on; this worker keeps no
  // log file, and without a handler Node would open its inspector on
  // 127.0.0.1:9229 instead, a debugger any local process could attach to.
  if (signals === process) {
    process.on('SIGHUP', () => {});
    process.on('SIGUSR1', () => {});
  }
  if (options.control === undefined) guardStdio(); // EPIPE once the arbiter is gone; blocking writes (src/worker/stdio.ts)
  const runtime = new TaskWorkerRuntime({
    control,
    workerId: environment.workerId,
    apps: args.apps.map((a) => a.name),
    capacity: args.capacity,
    handshakeTimeoutMs: options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS,
    implementation: implementation('corral-node-tasks'),
    pid: process.pid,
    exit,
    signals,
    stderr,
    now: options.now ?? (() => performance.now()),
  });
  if (!(await runtime.start().then(() => true, () => false))) return undefined;
  if (options.control === undefined) process.title = `corral task worker ${runtime.workerId}`;

  const apps = new Map<string, TaskApp>();
  for (const { name, module } of args.apps) {
    try {
      apps.set(name, await loadApp(name, module, options.cwd));
    } catch (err) {
      stderr(`corral task worker (pid ${process.pid}): app ${name}: failed to load ${module}: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      runtime.appLoadFailed(`app ${name}: failed to load ${module}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    if (runtime.phase !== 'booting') return undefined; // drained or stopped meanwhile
  }
  for (const [name, app] of apps) {
    try {
      await app.init?.();
    } catch (err) {
      stderr(`corral task worker (pid ${process.pid}): app ${name}: init() failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      runtime.appLoadFailed(`app ${name}: init() failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    if (runtime.phase !== 'booting') return undefined;
  }
  return runtime.serve(apps) ? runtime : undefined;
}

if (isEntry(import.meta.url)) void bootTaskWorker();
