// Task apps: what a module served by the task worker exports, how the worker
// loads it, and how payloads cross the wire (spec.md section 4.6).
//
//   export default defineApp({ name?, init?, actions: { name(payload, ctx) }, close? })
//
//   Execute.content_type          payload handed to the action     Result / Chunk bytes
//   application/json              JSON.parse(bytes)                JSON.stringify(value)
//   application/msgpack           msgpackr unpack(bytes)           msgpackr pack(value)
//   anything else, or empty       the bytes as a Buffer            bytes, strings as UTF-8
//
// A returned Buffer or Uint8Array is always sent as raw bytes, with content
// type application/octet-stream, whatever the Execute's content type.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { CONTENT_TYPE, codecOf } from '../tasks/codec.js';
import { APP_NAME } from '../protocol/limits.js';

export { CONTENT_TYPE, APP_NAME };

/** Severity of a line an action logs through {@link TaskContext.log}. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What an action gets besides its payload. */
export interface TaskContext {
  /** Aborted when the job's deadline passes or the job is cancelled (the worker has then already answered). */
  readonly signal: AbortSignal;
  /** When the job's deadline passes, on the `performance.now()` clock (ms); undefined when it has none. */
  readonly deadline: number | undefined;
  /** The Execute's request id, unique among the jobs running in this worker. */
  readonly requestId: number;
  /** The Execute's content type ('' when it sent opaque bytes). */
  readonly contentType: string;
  /**
   * The job's metadata (Execute.meta, spec.md section 4.6.3), as it arrived:
   * what the caller attached (`execute(app, action, payload, { meta })`) and
   * keys beginning with `corral.` that the arbiter added. A durable queue's
   * job carries `corral.queue`, `corral.job`, `corral.attempt` (1 on the
   * first run) and, when it has one, `corral.key` (its idempotency key).
   * Frozen and without a prototype; empty when the job has none, or the
   * arbiter speaks a protocol before 1.3.
   */
  readonly meta: Readonly<Record<string, string>>;
  /** Writes a line to the worker's standard error, prefixed with the job. */
  log(level: LogLevel, message: string): void;
}

/**
 * One action of an app. The value it returns (or the promise it returns
 * resolves to) is the job's Result; an async or sync generator, or any other
 * async iterable or iterator, is streamed: one Chunk per value, then End.
 * A thrown error is the job's TASK_FAILED, with the error's message.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Action = (payload: any, ctx: TaskContext) => unknown;

/** A task app: the default export of a module the task worker serves. */
export interface TaskApp {
  /** When set, must equal the name the app is given on the worker's command line. */
  name?: string;
  /** Runs once per worker, before the worker says Ready; a throw ends the worker (exit 4). */
  init?(): void | Promise<void>;
  /** The jobs the app runs, by action name: a job named `app.action` runs `actions[action]`. */
  actions: Record<string, Action>;
  /** Runs once when the worker drains (after its last job) or stops (given at most a second). */
  close?(): void | Promise<void>;
}

/** Thrown when an app module cannot be used; the worker reports it as APP_LOAD and exits 4. */
export class AppDefinitionError extends Error {
  override name = 'AppDefinitionError';
}

/** Checks `app` and returns it unchanged; throws a TypeError naming what is wrong. */
export function defineApp<T extends TaskApp>(app: T): T {
  const problem = appProblem(app);
  if (problem) throw new TypeError(problem);
  return app;
}

function appProblem(app: unknown): string | undefined {
  if (typeof app !== 'object' || app === null) return 'a task app must be an object with an `actions` object';
  const a = app as Partial<TaskApp>;
  if (a.name !== undefined && (typeof a.name !== 'string' || !APP_NAME.test(a.name))) {
    return `the app name ${JSON.stringify(a.name)} must be 1 to 64 characters from A-Z a-z 0-9 _ -`;
  }
  if (typeof a.actions !== 'object' || a.actions === null) return 'a task app must have an `actions` object';
  for (const [k, v] of Object.entries(a.actions)) {
    if (typeof v !== 'function') return `action ${JSON.stringify(k)} is not a function`;
  }
  if (a.init !== undefined && typeof a.init !== 'function') return '`init` must be a function';
  if (a.close !== undefined && typeof a.close !== 'function') return '`close` must be a function';
  return undefined;
}

/** The module specifier for a module argument: a URL stays, a path becomes a file URL. */
export function moduleSpecifier(arg: string, cwd = process.cwd()): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(arg)) return arg;
  return pathToFileURL(resolve(cwd, arg)).href;
}

/**
 * Imports `module` and returns its default export as the app `name`.
 * Throws when the import fails, when the default export is not a task app, or
 * when the app names itself differently.
 */
export async function loadApp(name: string, module: string, cwd = process.cwd()): Promise<TaskApp> {
  const mod = (await import(moduleSpecifier(module, cwd))) as { default?: unknown };
  const problem = appProblem(mod.default);
  if (problem) throw new AppDefinitionError(`${module}: the default export is not a task app: ${problem}`);
  const app = mod.default as TaskApp;
  if (app.name !== undefined && app.name !== name) {
    throw new AppDefinitionError(`${module} names its app ${JSON.stringify(app.name)}, but the command line serves it as ${JSON.stringify(name)}`);
  }
  return app;
}

/** The action a job name `app.action` names, or undefined. */
export function findAction(apps: ReadonlyMap<string, TaskApp>, jobName: string): { app: TaskApp; action: Action } | undefined {
  const dot = jobName.indexOf('.');
  if (dot <= 0) return undefined;
  const app = apps.get(jobName.slice(0, dot));
  if (!app) return undefined;
  const actionName = jobName.slice(dot + 1);
  if (!Object.hasOwn(app.actions, actionName)) return undefined;
  const action = app.actions[actionName];
  return typeof action === 'function' ? { app, action } : undefined;
}

// ---- payload codecs: src/tasks/codec.ts, shared with the callers ------------

export { codecOf, decodePayload, encodeResult, encodeValue } from '../tasks/codec.js';

/**
 * A streamed result gathered into one value, for a peer that did not
 * negotiate tasks.stream: the chunks concatenated when they are all bytes,
 * else the array of values.
 */
export function gathered(values: unknown[], contentType: string): unknown {
  if (codecOf(contentType) === 'raw' && values.every((v) => v instanceof Uint8Array || typeof v === 'string')) {
    return Buffer.concat(values.map((v) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : (v as Uint8Array))));
  }
  return values;
}

/** True for a value an action returns to stream its result: an async iterable, or an iterator (a generator object). */
export function isStream(value: unknown): value is AsyncIterable<unknown> | Iterator<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  if (value instanceof Uint8Array) return false;
  if (typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') return true;
  // Arrays, Sets and Maps are iterable but are values; an iterator has next().
  return typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function' && typeof (value as Iterator<unknown>).next === 'function';
}
