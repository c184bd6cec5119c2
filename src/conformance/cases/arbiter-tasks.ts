// Arbiter cases, task pool (spec.md sections 4.6 and 4.7): the suite submits
// jobs as a client of the task socket and its probes run them as the
// arbiter's task workers, each job answered as the case planned it (see
// task-context.ts for the command the arbiter under test needs).
import { CaseSkipped } from '../types.js';
import { check, fail, type ArbiterContext } from '../arbiter-context.js';
import type { ProbeHandle } from '../arbiter-harness.js';
import type { JobPlan } from '../probe-protocol.js';
import type { TaskClient } from '../task-client.js';
import { describeMessage } from '../wire.js';
import { sleep } from '../worker-harness.js';
import { appsOf, client, executes, jobAt, narrowApp, pickApps, taskPool, waitJob, type TaskPool } from '../task-context.js';
import { ErrorCode, arbiterCase, codeName, field, num } from './arbiter-common.js';

const NEVER: JobPlan = { reply: 'never', onCancel: 'ignore' };

/** The capacity a probe declared last (Ready, then heartbeats); 0 = unbounded. */
function capacityOf(p: ProbeHandle): number {
  const last = [...p.sent('ready'), ...p.sent('heartbeat')].sort((x, y) => x.at - y.at).pop();
  return num(field(last?.body, 'capacity'));
}

/** Error code and fatal flag of a final reply, for messages. */
function errorOf(r: { message: { kind: string; body: unknown } } | undefined): { code: number; fatal: boolean } | undefined {
  if (r?.message.kind !== 'error') return undefined;
  return { code: num(field(r.message.body, 'code')), fatal: field(r.message.body, 'fatal') === true };
}

function show(r: { message: Parameters<typeof describeMessage>[0] } | undefined): string {
  return r ? describeMessage(r.message) : 'no reply';
}

/** Expects Error{code, not fatal} as the final reply of `id`. */
async function expectError(ctx: ArbiterContext, c: TaskClient, id: number, code: number, requirements: string[], waitMs = ctx.timing.timeoutMs): Promise<{ tMs: number }> {
  const r = await c.waitFinal(id, waitMs);
  const e = errorOf(r);
  check(e?.code === code, `job ${id} was not answered ${codeName(code)}`, `Error{code: ${codeName(code)}, request_id: ${id}}`, show(r), requirements);
  check(e.fatal === false, `${codeName(code)} was marked fatal`, 'fatal: false', show(r), requirements);
  return r as { tMs: number };
}

/**
 * Fills every worker of `app` to its declared capacity with jobs that never
 * end; returns their tags, or skips when a worker declared no bound.
 */
async function fill(ctx: ArbiterContext, pool: TaskPool, c: TaskClient, app: string, servers: ProbeHandle[], firstId: number): Promise<{ tags: string[]; ids: number[] }> {
  const total = servers.reduce((n, p) => n + capacityOf(p), 0);
  if (servers.some((p) => capacityOf(p) === 0)) throw new CaseSkipped(`a worker of app ${app} declared capacity 0 (unbounded): no job can be made to wait`);
  const tags: string[] = [];
  const ids: number[] = [];
  for (let i = 0; i < total; i++) {
    tags.push(`fill-${i}`);
    ids.push(firstId + i);
    c.execute(firstId + i, `${app}.hold`, { ...NEVER, tag: `fill-${i}` });
  }
  const ok = await pool.a.until(() => tags.every((t) => jobAt(pool, t)), ctx.timing.timeoutMs * 2);
  const lost = tags.map((t) => jobAt(pool, t)).find((j) => j && j.probe.exitedAt !== undefined);
  if (lost) throw new CaseSkipped(`a worker holding a filler job exited (probe ${lost.probe.pid}); the queue cannot be judged`);
  if (!ok) throw new CaseSkipped(`only ${tags.filter((t) => jobAt(pool, t)).length} of ${total} jobs reached the workers of ${app} (capacity ${total}): the arbiter queues below the capacity the workers declared`);
  return { tags, ids };
}

/** Answers jobs at the probes that hold them (a Result, as late as the case wants). */
function answer(pool: TaskPool, tags: string[]): void {
  for (const t of tags) {
    const j = jobAt(pool, t);
    if (j) j.probe.do({ t: 'do', action: 'answer', requestId: j.id });
  }
}

/** Runs a last job of `app` to completion: what the arbiter had queued before it has left the queue. */
async function marker(ctx: ArbiterContext, c: TaskClient, app: string, id: number): Promise<void> {
  c.execute(id, `${app}.marker`, { reply: 'result', tag: 'marker' });
  const r = await c.waitFinal(id, ctx.timing.timeoutMs * 2);
  check(r?.message.kind === 'result', 'a job that a worker answered was not relayed', `Result{request_id: ${id}}`, show(r), ['CALL-3']);
}

/** Jobs outstanding at `p` just before `at`: Executes received minus final replies sent. */
function outstandingAt(p: ProbeHandle, at: number): number[] {
  const open = new Set<number>();
  const events = [...p.recv('execute').map((r) => ({ at: r.at, open: num(field(r.body, 'requestId')) })),
    ...p.sent().filter((s) => s.kind === 'result' || s.kind === 'end' || (s.kind === 'error' && num(field(s.body, 'requestId')) !== 0)).map((s) => ({ at: s.at, close: num(field(s.body, 'requestId')) }))]
    .sort((x, y) => x.at - y.at);
  for (const e of events) {
    if (e.at >= at) break;
    if ('open' in e && e.open !== undefined) open.add(e.open);
    else if ('close' in e && e.close !== undefined) open.delete(e.close);
  }
  return [...open];
}

export const taskCases = [
  arbiterCase({
    id: 'A-TK-001',
    section: '4.6',
    slug: 'task-request-ids',
    title: 'The arbiter gives every Execute a non-zero request id, distinct among the worker\'s outstanding jobs (and never reused)',
    requirements: ['TASK-1', 'TASK-2'],
    level: 'MUST',
    procedure: [
      'Two clients each submit jobs with caller ids 1, 2, 3 that never end (both clients use the same ids), then cancel them; then both submit ids 1, 2, 3 again, answered with a Result.',
    ],
    expectations: [
      'Every Execute a task worker receives has a request id that is not 0 and not that of a job still outstanding at it (TASK-1).',
      'No request id is used twice at the same worker (TASK-2, SHOULD).',
    ],
    async run(ctx) {
      const pool = await taskPool(ctx);
      const { common } = pickApps(pool);
      const app = common ?? narrowApp(pool).app;
      const c1 = await client(ctx, pool.a);
      const c2 = await client(ctx, pool.a);
      for (const c of [c1, c2]) for (const id of [1, 2, 3]) c.execute(id, `${app}.hold`, { reply: 'never', tag: `r1-${c === c1 ? 'a' : 'b'}-${id}` });
      await pool.a.until(() => pool.a.taskProbes.reduce((n, p) => n + p.recv('execute').length, 0) >= 2, ctx.timing.timeoutMs);
      for (const c of [c1, c2]) for (const id of [1, 2, 3]) c.cancel(id);
      for (const c of [c1, c2]) for (const id of [1, 2, 3]) await c.waitFinal(id, ctx.timing.timeoutMs);
      await sleep(200);
      for (const c of [c1, c2]) for (const id of [1, 2, 3]) c.execute(id + 0, `${app}.again`, { reply: 'result', tag: `r2-${c === c1 ? 'a' : 'b'}-${id}` });
      for (const c of [c1, c2]) for (const id of [1, 2, 3]) {
        const deadline = performance.now() + ctx.timing.timeoutMs * 2;
        while (c.replies(id).length < 2 && performance.now() < deadline) await sleep(20);
      }
      let seen = 0;
      for (const p of pool.a.taskProbes) {
        const ids = new Set<number>();
        for (const e of p.recv('execute')) {
          const id = num(field(e.body, 'requestId'));
          seen++;
          check(id !== 0, 'an Execute carried request id 0', 'a non-zero request id', JSON.stringify(e.body), ['TASK-1']);
          const open = outstandingAt(p, e.at);
          check(!open.includes(id), 'an Execute reused the request id of a job outstanding at the worker', `an id other than ${open.join(', ')}`, `Execute{request_id: ${id}} to probe ${p.pid}`, ['TASK-1']);
          check(!ids.has(id), 'a request id was used twice at the same worker', 'a new id for every job', `request id ${id} twice at probe ${p.pid}`, ['TASK-2'], 'SHOULD');
          ids.add(id);
        }
      }
      check(seen >= 6, 'the jobs did not reach the task workers', 'at least 6 Executes', `${seen}`, ['CALL-3']);
    },
  }),
  arbiterCase({
    id: 'A-TK-002',
    section: '4.6',
    slug: 'task-deadline',
    title: 'A job past its deadline is TASK_TIMEOUT to its caller; a job whose deadline passed in the queue is never run',
    requirements: ['TASK-14', 'CALL-5'],
    level: 'MUST',
    procedure: [
      'A client submits a job with deadline_ms 400 that the worker never answers (it ignores the deadline and any Cancel).',
      'Then the workers of one app are filled to their declared capacity, a job with deadline_ms 300 is submitted (it must wait in the queue), the fillers are answered, and a last job is run to completion.',
    ],
    expectations: [
      'The first job is answered Error{TASK_TIMEOUT}, not fatal, no earlier than 400 ms after it was sent (TASK-14, CALL-5).',
      'The queued job is answered TASK_TIMEOUT and never reaches a worker (CALL-5).',
    ],
    async run(ctx) {
      const pool = await taskPool(ctx);
      const { app, servers } = narrowApp(pool);
      const c = await client(ctx, pool.a);
      const sentAt = ctx.transcript.now();
      c.execute(1, `${app}.slow`, { ...NEVER, tag: 'late' }, { deadlineMs: 400 });
      const r = await expectError(ctx, c, 1, ErrorCode.ERROR_CODE_TASK_TIMEOUT, ['TASK-14', 'CALL-5'], 400 + ctx.timing.bootTimeoutMs);
      check(r.tMs - sentAt >= 395, 'TASK_TIMEOUT came before the deadline', 'no earlier than 400 ms after the Execute', `${Math.round(r.tMs - sentAt)} ms`, ['CALL-5']);
      // The worker answers it late, so that it no longer holds room the next part counts on (CALL-9).
      answer(pool, ['late']);
      await pool.a.until(() => pool.a.taskProbes.some((p) => p.of('job').some((j) => j.tag === 'late' && j.event === 'answered')), ctx.timing.timeoutMs);
      const { tags } = await fill(ctx, pool, c, app, servers, 100);
      c.execute(2, `${app}.queued`, { reply: 'result', tag: 'expired' }, { deadlineMs: 300 });
      await expectError(ctx, c, 2, ErrorCode.ERROR_CODE_TASK_TIMEOUT, ['CALL-5'], 300 + ctx.timing.bootTimeoutMs);
      answer(pool, tags);
      await marker(ctx, c, app, 3);
      const ran = jobAt(pool, 'expired');
      check(ran === undefined, 'a job whose deadline passed in the queue was run', 'the job never sent to a worker', `probe ${ran?.probe.pid} received it as request ${ran?.id}`, ['CALL-5']);
    },
  }),
  arbiterCase({
    id: 'A-TK-003',
    section: '4.6',
    slug: 'late-replies-discarded',
    title: 'A cancelled or timed-out job gets exactly one final reply; the worker\'s late reply is discarded, not an error',
    requirements: ['TASK-18', 'CALL-6'],
    level: 'MUST',
    procedure: [
      'A client submits a job the worker holds (it ignores Cancel), and cancels it once it runs; after the client\'s answer the worker sends a Result for it anyway.',
      'The same with a job of deadline_ms 300 instead of a Cancel.',
      'A last job of the same app is run to completion.',
    ],
    expectations: [
      'The cancelled job is answered TASK_CANCELLED at once, and the worker receives Cancel for it (CALL-6).',
      'Each job gets exactly one reply (TASK_CANCELLED, TASK_TIMEOUT); nothing of the late Results reaches the client, and the worker gets no Error for them (TASK-18).',
    ],
    async run(ctx) {
      const pool = await taskPool(ctx);
      const { app } = narrowApp(pool);
      const c = await client(ctx, pool.a);
      c.execute(1, `${app}.hold`, { ...NEVER, tag: 'cancelled' });
      const job = await waitJob(ctx, pool, 'cancelled');
      if (!job) fail('the job never reached a worker', 'Execute at a task worker', 'none', ['CALL-3']);
      c.cancel(1);
      await expectError(ctx, c, 1, ErrorCode.ERROR_CODE_TASK_CANCELLED, ['CALL-6']);
      await pool.a.until(() => job.probe.recv('cancel').some((r) => num(field(r.body, 'requestId')) === job.id), ctx.timing.timeoutMs);
      check(job.probe.recv('cancel').some((r) => num(field(r.body, 'requestId')) === job.id), 'the worker running a cancelled job got no Cancel', `Cancel{request_id: ${job.id}}`, 'none', ['CALL-6']);
      const lateAt = ctx.now();
      job.probe.do({ t: 'do', action: 'answer', requestId: job.id });
      c.execute(2, `${app}.hold`, { ...NEVER, tag: 'timed-out' }, { deadlineMs: 300 });
      const job2 = await waitJob(ctx, pool, 'timed-out');
      await expectError(ctx, c, 2, ErrorCode.ERROR_CODE_TASK_TIMEOUT, ['TASK-14'], 300 + ctx.timing.bootTimeoutMs);
      if (job2) job2.probe.do({ t: 'do', action: 'answer', requestId: job2.id });
      await pool.a.until(() => [job, job2].every((j) => !j || j.probe.sent('result').some((s) => num(field(s.body, 'requestId')) === j.id)), ctx.timing.timeoutMs);
      await marker(ctx, c, app, 3);
      await sleep(200);
      for (const id of [1, 2]) {
        const all = c.replies(id);
        check(all.length === 1, `job ${id} got more than one reply`, 'exactly one final reply', all.map((x) => describeMessage(x.message)).join('; '), ['TASK-18']);
      }
      for (const j of [job, job2]) {
        if (!j) continue;
        const hit = j.probe.recv('error').find((e) => e.at >= lateAt && field(e.body, 'fatal') === true);
        check(hit === undefined, 'a late reply was treated as an error', 'no Error to the worker', JSON.stringify(hit?.body), ['TASK-18']);
      }
    },
  }),
  arbiterCase({
    id: 'A-TK-004',
    section: '4.6',
    slug: 'task-worker-exits',
    title: 'A task worker that exits settles every job it held: TASK_WORKER_LOST to each caller',
    requirements: ['TASK-20', 'CALL-7'],
    level: 'MUST',
    procedure: ['A client submits two jobs the worker holds (not idempotent); once they run, the worker exits with status 1.'],
    expectations: ['Each job is answered Error{TASK_WORKER_LOST (306)}, not fatal, and the client\'s connection stays open.'],
    async run(ctx) {
      const pool = await taskPool(ctx);
      const { app, servers } = narrowApp(pool);
      const c = await client(ctx, pool.a);
      const n = servers.length === 1 ? Math.min(2, capacityOf(servers[0] as ProbeHandle) || 2) : 1;
      for (let i = 1; i <= n; i++) c.execute(i, `${app}.hold`, { ...NEVER, tag: `held-${i}` });
      const held = [];
      for (let i = 1; i <= n; i++) held.push(await waitJob(ctx, pool, `held-${i}`));
      const p = held[0]?.probe;
      if (!p) fail('the job never reached a worker', 'Execute at a task worker', 'none', ['CALL-3']);
      const ids = held.flatMap((h, i) => (h?.probe === p ? [i + 1] : []));
      p.do({ t: 'do', action: 'exit', code: 1 });
      for (const id of ids) await expectError(ctx, c, id, ErrorCode.ERROR_CODE_TASK_WORKER_LOST, ['TASK-20', 'CALL-7'], ctx.timing.timeoutMs * 2);
      check(!c.wire.eof, 'the client was disconnected when a task worker exited', 'the connection open', 'end of stream', ['CALL-7']);
    },
  }),
  arbiterCase({
    id: 'A-TK-005',
    section: '4.6.1',
    slug: 'jobs-go-to-their-apps',
    title: 'Jobs go only to task workers that list their app in Hello.apps',
    requirements: ['TASK-22'],
    level: 'MUST',
    procedure: ['A client submits four jobs of every app the task workers listed, at once, all answered with a Result.'],
    expectations: ['Every Execute a worker receives names an app of its Hello.apps (or the worker listed none); every job is answered.'],
    async run(ctx) {
      const pool = await taskPool(ctx);
      const { all, partial } = pickApps(pool);
      if (all.length === 0) throw new CaseSkipped('the task workers list no apps');
      const c = await client(ctx, pool.a);
      let id = 0;
      for (let round = 0; round < 4; round++) for (const app of all) c.execute(++id, `${app}.where`, { reply: 'result', tag: `${app}-${round}` });
      for (let i = 1; i <= id; i++) await c.waitFinal(i, ctx.timing.timeoutMs * 2);
      for (const p of pool.a.taskProbes) {
        const apps = appsOf(p);
        for (const e of executes(p)) {
          const app = e.name.split('.')[0] as string;
          check(apps.length === 0 || apps.includes(app), 'a job went to a worker that does not serve its app', `apps ${apps.join(', ')}`, `${e.name} to probe ${p.pid}`, ['TASK-22']);
        }
      }
      for (let i = 1; i <= id; i++) check(c.final(i)?.message.kind === 'result', `job ${i} was not answered`, 'a Result', show(c.final(i)), ['CALL-3']);
      if (!partial) ctx.transcript.event('suite', 'note', 'every task worker serves every app: TASK-22 is checked only trivially');
    },
  }),
];

export { capacityOf, expectError, fill, answer, marker, outstandingAt, NEVER, show };
