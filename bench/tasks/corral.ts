// The corral systems, written against the task-pool API (src/index.ts:
// new Arbiter({ tasks, taskCapacity, workers }), arbiter.execute(),
// arbiter.tasksAddress, connect() from corral/tasks). Loaded at run time:
// while any of it is missing, the systems say "unavailable: <reason>" and the
// peers still run.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corralCaller, type ExecuteFn } from './corral-calls.js';
import { runLoop, type LoopCommand, type LoopResult } from './loops.js';
import { childrenMatching, type PoolSpec } from './peers.js';
import type { Runner } from './systems.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURE = join(root, 'fixtures/tasks/echo.mjs');
const CALLER_WORKER = fileURLToPath(new URL('./caller-worker.ts', import.meta.url));
const CLIENT_RUNNER = fileURLToPath(new URL('./client-runner.ts', import.meta.url));
const WORKER_BOOTSTRAP = join(root, 'src/worker/bootstrap.ts');
/** Task workers, among this process's children (the Node task worker's bootstrap, or the Python one). */
export const TASK_WORKER_CMD = /task-worker[/\\]bootstrap|task_worker\.py|^corral task worker/;

export class Unavailable extends Error {}

export interface CorralArbiter {
  start(): Promise<void>;
  stop(options?: { graceful?: boolean }): Promise<number>;
  execute: ExecuteFn;
  tasksAddress?: string;
  stats?(): { workers?: { pid?: number; state?: unknown }[]; tasks?: { apps?: Record<string, Record<string, unknown>> } };
}
type ArbiterCtor = new (options: Record<string, unknown>) => CorralArbiter;

/** The app name the fixture declares (its `name:`), or 'bench'. */
export function fixtureApp(): string {
  try {
    return /^\s*name:\s*['"]([A-Za-z0-9_-]{1,64})['"]/m.exec(readFileSync(FIXTURE, 'utf8'))?.[1] ?? 'bench';
  } catch {
    return 'bench';
  }
}

let cached: ArbiterCtor | undefined;
export async function loadArbiter(): Promise<ArbiterCtor> {
  if (cached) return cached;
  let mod: { Arbiter?: ArbiterCtor };
  try {
    mod = (await import(pathToFileURL(join(root, 'src/index.ts')).href)) as { Arbiter?: ArbiterCtor };
  } catch (err) {
    throw new Unavailable(`src/index.ts does not load (${String((err as Error).message).split('\n')[0]})`);
  }
  if (typeof mod.Arbiter?.prototype?.execute !== 'function') throw new Unavailable('the Arbiter has no execute() yet (src/index.ts)');
  if (!existsSync(FIXTURE)) throw new Unavailable('fixtures/tasks/echo.mjs is missing');
  cached = mod.Arbiter;
  return cached;
}

function taskOptions(spec: PoolSpec, logLevel = 'warning'): Record<string, unknown> {
  const app = fixtureApp();
  return {
    tasks: [{ name: app, module: FIXTURE, workers: spec.workers }],
    taskWorkers: spec.workers,
    ...(spec.capacity !== undefined ? { taskCapacity: spec.capacity } : {}),
    logLevel,
  };
}

/** Task worker pids: this process's children running a task worker. */
export function taskWorkerPids(): number[] {
  return childrenMatching(TASK_WORKER_CMD);
}

/** Task workers that said Ready (by the arbiter's stats), or every task worker when it has none. */
export function readyTaskWorkerPids(arbiter: CorralArbiter): number[] {
  const pids = taskWorkerPids();
  const workers = arbiter.stats?.().workers;
  if (!Array.isArray(workers)) return pids;
  const ready = new Set(workers.filter((w) => /ready/i.test(String(w.state))).map((w) => w.pid));
  return pids.filter((p) => ready.has(p));
}

/** start() resolves before every task worker is Ready: measure only a whole pool. */
async function allReady(arbiter: CorralArbiter, n: number): Promise<void> {
  if (!arbiter.stats) return;
  await waitFor(`${n} Ready task workers`, () => readyTaskWorkerPids(arbiter).length >= n, 60_000);
}

async function waitFor(what: string, ok: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** quiet: the crash scenarios kill workers on purpose; the arbiter's warnings about it are not news. */
export async function startEmbedded(spec: PoolSpec, quiet = false): Promise<Runner & { arbiter: CorralArbiter; app: string }> {
  const Arbiter = await loadArbiter();
  const app = fixtureApp();
  const arbiter = new Arbiter({ ...taskOptions(spec, quiet ? 'error' : 'warning'), workers: 0, command: [] });
  await arbiter.start();
  await allReady(arbiter, spec.workers);
  const execute: ExecuteFn = (a, action, payload, options) => arbiter.execute(a, action, payload, options);
  // Ready means the task workers said Ready; one call each makes sure.
  await Promise.all(Array.from({ length: spec.workers * 2 }, () => execute(app, 'noop', null, { codec: 'json' })));
  return {
    arbiter,
    app,
    run: (cmd) => runLoop(corralCaller(execute, app, cmd.job), cmd),
    pids: () => ({ caller: process.pid, arbiter: process.pid, workers: taskWorkerPids() }),
    stop: () => stopArbiter(arbiter),
    describe: `corral arbiter in this process, ${spec.workers} Node task workers, taskCapacity ${spec.capacity ?? 'default'}; execute() 1 hop`,
  };
}

async function stopArbiter(arbiter: CorralArbiter): Promise<void> {
  const t = setTimeout(() => taskWorkerPids().forEach((p) => kill(p)), 10_000);
  try {
    await arbiter.stop({ graceful: false });
  } finally {
    clearTimeout(t);
  }
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone
  }
}

function post(socketPath: string, body: string, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, path: '/', method: 'POST', headers: { 'content-type': 'application/json' }, timeout: timeoutMs }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString() }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** execute() from a socket worker: the worker runs the loop, through the arbiter (2 hops). */
export async function startFromWorker(spec: PoolSpec): Promise<Runner> {
  const Arbiter = await loadArbiter();
  const app = fixtureApp();
  const dir = mkdtempSync(join(tmpdir(), 'corral-bench-tasks-'));
  const sock = join(dir, 'http.sock');
  const arbiter = new Arbiter({
    ...taskOptions(spec),
    workers: 1,
    command: [process.execPath, '--import', 'tsx', WORKER_BOOTSTRAP, CALLER_WORKER],
    bind: [`unix:${sock}`],
    env: { CORRAL_BENCH_TASKS_APP: app },
  });
  let workerPid = 0;
  try {
    await arbiter.start();
    await allReady(arbiter, spec.workers);
    const ping = JSON.stringify({ kind: 'throughput', job: { op: 'noop' }, warmup: 0, calls: spec.workers * 2, inFlight: spec.workers * 2, maxMs: 5000, app } satisfies LoopCommand);
    await waitFor('the socket worker', async () => {
      try {
        const r = await post(sock, ping, 10_000);
        if (r.status !== 200) throw new Unavailable(`the socket worker's execute() failed: ${r.text.split('\n').slice(0, 3).join(' ')}`);
        const a = JSON.parse(r.text) as { pid: number; result: LoopResult };
        if (a.result.ok === 0) throw new Unavailable(`execute() from a socket worker fails: ${JSON.stringify(a.result.errors)}`);
        workerPid = a.pid;
        return true;
      } catch (err) {
        if (err instanceof Unavailable) throw err;
        return false;
      }
    }, 30_000);
  } catch (err) {
    await stopArbiter(arbiter);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    async run(cmd: LoopCommand): Promise<LoopResult> {
      const r = await post(sock, JSON.stringify({ ...cmd, app }), cmd.maxMs * 2 + 60_000);
      if (r.status !== 200) throw new Error(`socket worker: ${r.text.slice(0, 500)}`);
      return (JSON.parse(r.text) as { result: LoopResult }).result;
    },
    pids: () => ({ caller: workerPid, arbiter: process.pid, workers: taskWorkerPids() }),
    async stop() {
      await stopArbiter(arbiter);
      rmSync(dir, { recursive: true, force: true });
    },
    describe: `a corral socket worker (1) calls execute() through the arbiter (this process) to ${spec.workers} task workers, taskCapacity ${spec.capacity ?? 'default'}`,
  };
}

/** A client of the task socket in a process of its own. */
export async function startClient(spec: PoolSpec): Promise<Runner> {
  const Arbiter = await loadArbiter();
  const app = fixtureApp();
  const arbiter = new Arbiter({ ...taskOptions(spec), workers: 0, command: [] });
  let child: ChildProcess | undefined;
  try {
    await arbiter.start();
    await allReady(arbiter, spec.workers);
    const address = arbiter.tasksAddress;
    if (typeof address !== 'string' || !address) throw new Unavailable('the arbiter has no tasksAddress');
    child = fork(CLIENT_RUNNER, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, CORRAL_BENCH_TASKS_APP: app }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const c = child;
    const answer = await request(c, { type: 'connect', address }, 30_000);
    if (answer.type !== 'connected') throw new Unavailable(`the client could not connect: ${String(answer.message).split('\n')[0]}`);
  } catch (err) {
    child?.kill('SIGKILL');
    await stopArbiter(arbiter);
    throw err;
  }
  const c = child!;
  return {
    async run(cmd: LoopCommand): Promise<LoopResult> {
      const a = await request(c, { type: 'run', cmd: { ...cmd, app } }, cmd.maxMs * 2 + 60_000);
      if (a.type !== 'result') throw new Error(`client: ${String(a.message).slice(0, 500)}`);
      return a.result as LoopResult;
    },
    pids: () => ({ caller: c.pid ?? 0, arbiter: process.pid, workers: taskWorkerPids() }),
    async stop() {
      c.disconnect?.();
      const t = setTimeout(() => c.kill('SIGKILL'), 3000);
      if (c.exitCode === null && c.signalCode === null) await new Promise((r) => c.once('exit', r));
      clearTimeout(t);
      await stopArbiter(arbiter);
    },
    describe: `a Node client process on the arbiter's task socket (connect(address)), ${spec.workers} task workers, taskCapacity ${spec.capacity ?? 'default'}`,
  };
}

function request(c: ChildProcess, msg: object, timeoutMs: number): Promise<{ type: string; message?: unknown; result?: unknown }> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => done(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
    const onMsg = (m: { type: string }) => done(undefined, m);
    const onExit = (code: number | null, sig: string | null) => done(new Error(`client exited (${sig ?? code})`));
    const done = (err?: Error, m?: { type: string }) => {
      clearTimeout(t);
      c.off('message', onMsg);
      c.off('exit', onExit);
      if (err) reject(err);
      else resolve(m!);
    };
    c.on('message', onMsg);
    c.on('exit', onExit);
    c.send(msg);
  });
}
