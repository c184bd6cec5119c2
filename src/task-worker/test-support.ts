// Test doubles for the task worker runtime: a runtime on an in-memory control
// channel with a fake arbiter, injected exit, signals and clock. Used by the
// unit tests beside this file; not part of the API.
import { EventEmitter } from 'node:events';
import { corral, type MessageOf } from '../protocol/codec.js';
import { PROTOCOL_VERSION } from '../protocol/limits.js';
import { duplexPair, FakeArbiter, until } from '../worker/test-support.js';
import type { TaskApp } from './app.js';
import { TASK_FEATURES, TaskWorkerRuntime } from './runtime.js';

export { sleep, until, rejects } from '../worker/test-support.js';

export interface TaskHarnessOptions {
  apps?: Record<string, TaskApp>;
  capacity?: number;
  welcome?: Partial<corral.v1.Welcome.$Properties>;
}

export const WORKER_ID = 9;

export function taskWelcome(over: Partial<corral.v1.Welcome.$Properties> = {}): corral.v1.Welcome.$Properties {
  return {
    version: { major: 1, minor: PROTOCOL_VERSION.minor },
    workerId: WORKER_ID,
    heartbeatIntervalMs: 60_000,
    heartbeatTimeoutMs: 0,
    listeners: [],
    maxFrameBytes: 65536,
    strategy: 0,
    features: [...TASK_FEATURES],
    generation: 1,
    ...over,
  };
}

/** A task worker runtime on a fake arbiter, before the handshake. */
export function taskHarness(o: TaskHarnessOptions = {}) {
  const [w, a] = duplexPair();
  const arbiter = new FakeArbiter(a);
  const exits: number[] = [];
  const stderr: string[] = [];
  const signals = new EventEmitter();
  const apps = new Map(Object.entries(o.apps ?? {}));
  const runtime = new TaskWorkerRuntime({
    control: w,
    workerId: WORKER_ID,
    apps: [...apps.keys()],
    capacity: o.capacity ?? 16,
    handshakeTimeoutMs: 10_000,
    implementation: 'corral-node-tasks/test',
    pid: process.pid,
    exit: (c) => exits.push(c),
    signals,
    stderr: (t) => stderr.push(t),
    now: () => performance.now(),
  });
  const welcomed = runtime.start();
  return { arbiter, exits, stderr, signals, runtime, apps, welcomed, control: w };
}

/** A task worker welcomed and Ready; returns the harness with the Hello it sent. */
export async function taskStart(o: TaskHarnessOptions = {}) {
  const h = taskHarness(o);
  const hello = await h.arbiter.next('hello');
  h.arbiter.send({ kind: 'welcome', body: taskWelcome(o.welcome) });
  await h.welcomed;
  h.runtime.serve(h.apps);
  await h.arbiter.nextOf('ready');
  return { ...h, hello };
}

type Harness = Awaited<ReturnType<typeof taskStart>>;

/** Sends Execute with a JSON payload. */
export function execute(h: Harness, requestId: number, name: string, payload: unknown = undefined, extra: Partial<corral.v1.Execute.$Properties> = {}): void {
  const bytes = payload === undefined ? new Uint8Array(0) : Buffer.from(JSON.stringify(payload));
  h.arbiter.send({ kind: 'execute', body: { requestId, name, payload: bytes, contentType: 'application/json', ...extra } });
}

/** The next message (skipping heartbeats) that is a reply of job `id`. */
export async function replyOf(h: Harness, id: number, timeoutMs = 2000): Promise<MessageOf<'result' | 'chunk' | 'end' | 'error'>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = await h.arbiter.nextAny(Math.max(1, deadline - Date.now()));
    if ((m.kind === 'result' || m.kind === 'chunk' || m.kind === 'end' || m.kind === 'error') && m.body.requestId === id) return m as MessageOf<'result' | 'chunk' | 'end' | 'error'>;
    if (m.kind === 'heartbeat') continue;
    throw new Error(`expected a reply to ${id}, got ${m.kind}: ${JSON.stringify(m.body)}`);
  }
}

/** The JSON value of a Result. */
export function json(m: { body: object }): unknown {
  const p = (m.body as { payload?: Uint8Array }).payload ?? new Uint8Array(0);
  return p.length === 0 ? undefined : JSON.parse(Buffer.from(p).toString('utf8'));
}

/** Resolves once the worker has called exit. */
export async function exited(h: { exits: number[] }, timeoutMs = 2000): Promise<number> {
  await until(() => h.exits.length > 0, timeoutMs, 'the worker to exit');
  return h.exits[0]!;
}

/** A promise with its resolve function, for actions that wait on the test. */
export function gate<T = void>(): { promise: Promise<T>; open: (v: T) => void } {
  let open!: (v: T) => void;
  const promise = new Promise<T>((r) => (open = r));
  return { promise, open };
}
