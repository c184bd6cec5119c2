// What the task cases share: an arbiter under test that runs probes as its
// task workers, the address of its task socket, and clients on it.
//
// The arbiter's command must start `{probe}` as its task worker program and
// write its task socket's address to `{tasks-address-file}`, e.g.
//   corral run ... --tasks alpha=a --tasks beta=b:1 --task-command={probe}
//                  --tasks-address-file {tasks-address-file} -- {probe}
// An arbiter that starts no probe as a task worker makes every task case
// UNSUPPORTED.
import { CaseFailure, CaseUnsupported, HandshakeNeverCompleted } from './types.js';
import type { ArbiterContext } from './arbiter-context.js';
import type { ProbeHandle, TestArbiter } from './arbiter-harness.js';
import type { ProbeReport, ProbeScript, ProbeStart } from './probe-protocol.js';
import { readTaskAddress, TaskClient, type TaskAddress } from './task-client.js';
import { describeIncoming } from './wire.js';
import { sleep } from './worker-harness.js';
import { num, field } from './cases/arbiter-common.js';

export interface TaskPool {
  a: TestArbiter;
  /** Task probes ready when the pool settled. */
  workers: ProbeHandle[];
  /** Socket probes ready when the pool settled. */
  sockets: ProbeHandle[];
}

/** A script for task probes and one for socket probes. */
export interface TaskScripts {
  task?: (start: ProbeStart, index: number) => ProbeScript;
  socket?: (start: ProbeStart, index: number) => ProbeScript;
}

/** Starts the arbiter and waits until its task probes are ready; UNSUPPORTED when it runs none. */
export async function taskPool(ctx: ArbiterContext, scripts: TaskScripts = {}): Promise<TaskPool> {
  ctx.needProtocol();
  const a = await ctx.start({ ...(scripts.socket ? { scriptFor: scripts.socket } : {}), ...(scripts.task ? { taskScriptFor: scripts.task } : {}) });
  let ready = await a.settled(ctx.timing.bootTimeoutMs + ctx.timing.timeoutMs);
  if (a.readyTaskProbes().length === 0) {
    // Task workers may come up later than the socket workers (a slower program, a
    // wrapper); a command that names {tasks-address-file} surely runs some.
    const wait = a.tasksAddressFile ? ctx.timing.bootTimeoutMs : 2000;
    if (await a.until(() => a.readyTaskProbes().length > 0, wait)) ready = await a.settled(ctx.timing.bootTimeoutMs);
  }
  const workers = a.readyTaskProbes();
  if (workers.length === 0) {
    if (a.taskProbes.length > 0) {
      throw new HandshakeNeverCompleted('no task worker became ready', 'a probe started as a task worker, Welcomed and Ready', `${a.taskProbes.length} task probes started`);
    }
    if (ready.length === 0 && a.probes.length === 0) {
      throw new HandshakeNeverCompleted('no probe started', 'probes started by the arbiter', `nothing${a.exit ? `; the arbiter exited with ${a.exit.code ?? a.exit.signal}` : ''}`);
    }
    throw new CaseUnsupported('the arbiter under test runs no task workers (no probe was started without CORRAL_ACCEPT); give it {probe} as its task worker program');
  }
  return { a, workers, sockets: ready };
}

/** The task socket's address from {tasks-address-file}; UNSUPPORTED when the command has no such placeholder. */
export async function taskAddress(ctx: ArbiterContext, a: TestArbiter): Promise<TaskAddress> {
  const file = a.tasksAddressFile;
  if (!file) throw new CaseUnsupported('the arbiter command has no {tasks-address-file}: the suite cannot learn the task socket\'s address (spec.md 4.7.1)');
  const until = performance.now() + ctx.timing.bootTimeoutMs;
  for (;;) {
    const addr = readTaskAddress(file);
    if (addr) return addr;
    if (performance.now() > until || a.exit) {
      throw new CaseFailure('the arbiter wrote no task socket address', `the address in ${file}`, a.exit ? `the arbiter exited with ${a.exit.code ?? a.exit.signal}` : 'no file', ['CALL-12']);
    }
    await sleep(50);
  }
}

/** A client connected to the arbiter's task socket, closed with the arbiter; `handshake` false leaves Hello to the case. */
export async function client(ctx: ArbiterContext, a: TestArbiter, handshake = true): Promise<TaskClient> {
  const addr = await taskAddress(ctx, a);
  const c = new TaskClient(addr.path, ctx.transcript);
  a.closers.push(() => c.destroy());
  if (!(await c.connected)) throw new CaseFailure('the task socket refused a connection', `a connection to ${JSON.stringify(addr.text.trim())}`, 'connect failed', ['CALL-12']);
  if (!handshake) return c;
  const w = await c.handshake(ctx.timing.timeoutMs);
  if (w?.type !== 'message' || w.message.kind !== 'welcome') {
    throw new CaseFailure('the arbiter did not welcome a client', 'Welcome to Hello{kind CLIENT, features [tasks.call, tasks.stream, tasks.flow], capacity 0}', describeIncoming(w), ['CALL-14']);
  }
  return c;
}

export type Recv = Extract<ProbeReport, { t: 'recv' }>;

/** Execute frames a probe received, with the arbiter's request id and the case's tag. */
export function executes(p: ProbeHandle): { at: number; id: number; name: string; window: number; tag: string }[] {
  const tags = new Map(p.of('job').map((j) => [j.requestId, j.tag ?? '']));
  return p.recv('execute').map((r) => ({ at: r.at, id: num(field(r.body, 'requestId')), name: String(field(r.body, 'name') ?? ''), window: num(field(r.body, 'window')), tag: tags.get(num(field(r.body, 'requestId'))) ?? '' }));
}

/** The arbiter's request id of the job the case tagged `tag`, at any probe. */
export function jobAt(pool: TaskPool, tag: string): { probe: ProbeHandle; id: number } | undefined {
  for (const p of pool.a.taskProbes) {
    const j = p.of('job').find((e) => e.event === 'start' && e.tag === tag);
    if (j) return { probe: p, id: j.requestId };
  }
  return undefined;
}

/** Waits until the job tagged `tag` has reached a probe. */
export async function waitJob(ctx: ArbiterContext, pool: TaskPool, tag: string, ms = ctx.timing.timeoutMs): Promise<{ probe: ProbeHandle; id: number } | undefined> {
  await pool.a.until(() => jobAt(pool, tag) !== undefined, ms);
  return jobAt(pool, tag);
}

/** The apps a probe listed in its Hello. */
export function appsOf(p: ProbeHandle): string[] {
  return ((p.sent('hello')[0]?.body as { apps?: string[] } | undefined)?.apps) ?? [];
}

/** An app that every ready task probe serves, and one served by some but not all (if any). */
export function pickApps(pool: TaskPool): { common: string | undefined; partial: string | undefined; all: string[] } {
  const lists = pool.workers.map(appsOf);
  const all = [...new Set(lists.flat())].sort();
  const common = all.find((x) => lists.every((l) => l.length === 0 || l.includes(x)));
  const partial = all.find((x) => lists.some((l) => l.length > 0 && !l.includes(x)));
  return { common, partial, all };
}

/** An app and the ready task probes that serve it: the app served by the fewest of them (a single worker, ideally). */
export function narrowApp(pool: TaskPool): { app: string; servers: ProbeHandle[] } {
  const { all } = pickApps(pool);
  let best: { app: string; servers: ProbeHandle[] } | undefined;
  for (const app of all) {
    const servers = pool.workers.filter((p) => appsOf(p).length === 0 || appsOf(p).includes(app));
    if (!best || servers.length < best.servers.length) best = { app, servers };
  }
  if (!best) throw new CaseUnsupported('the task workers list no apps in Hello.apps; the suite names jobs by app');
  return best;
}
