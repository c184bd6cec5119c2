// Arbiter cases, callers (spec.md 4.6.2 and 4.7): how the arbiter answers a
// caller's Execute, Cancel and Credit, relays streams within the windows,
// and counts abandoned jobs against their worker.
import { CaseSkipped, CaseUnsupported } from '../types.js';
import { check, fail } from '../arbiter-context.js';
import type { ProbeHandle } from '../arbiter-harness.js';
import { describeMessage } from '../wire.js';
import { sleep } from '../worker-harness.js';
import { client, jobAt, narrowApp, taskPool, waitJob } from '../task-context.js';
import { ErrorCode, arbiterCase, codeName, expectFatal, field, num } from './arbiter-common.js';
import { NEVER, answer, capacityOf, expectError, fill, marker, outstandingAt, show } from './arbiter-tasks.js';

function creditsTo(p: ProbeHandle, id: number): number {
  return p.recv('credit').filter((r) => num(field(r.body, 'requestId')) === id).reduce((n, r) => n + num(field(r.body, 'chunks')), 0);
}

function chunksSent(p: ProbeHandle, id: number): number {
  return p.sent('chunk').filter((s) => num(field(s.body, 'requestId')) === id).length;
}

export const callCases = [
  arbiterCase({
    id: 'A-TK-006',
    section: '4.6.2',
    slug: 'relay-holds-at-most-window',
    title: 'Relaying a stream to a caller that does not read, the arbiter holds at most the window it gave the worker',
    requirements: ['FLOW-6', 'FLOW-1'],
    level: 'MUST',
    procedure: [
      'A client submits a job streaming 200 chunks with Execute.window 1 and never sends Credit; the worker sends as many chunks as its window and the Credit it receives allow.',
      'Once the worker has stalled for a while, the client cancels the job.',
    ],
    expectations: [
      'The worker\'s Execute has a window above 0 (it negotiated tasks.flow).',
      'The client receives at most 1 chunk (FLOW-1: the arbiter sends no more than the client\'s window).',
      'The Credit the worker receives never exceeds the chunks relayed to the client, so the arbiter holds at most the window it gave (FLOW-6).',
    ],
    async run(ctx) {
      const pool = await taskPool(ctx);
      const { app } = narrowApp(pool);
      const c = await client(ctx, pool.a);
      if (!c.wire.features.includes('tasks.flow')) throw new CaseUnsupported('the arbiter did not negotiate tasks.flow with the client');
      c.execute(1, `${app}.stream`, { reply: 'stream', chunks: 200, tag: 'stream' }, { window: 1 });
      const job = await waitJob(ctx, pool, 'stream');
      if (!job) fail('the job never reached a worker', 'Execute at a task worker', 'none', ['CALL-3']);
      const window = num(field(job.probe.recv('execute').find((r) => num(field(r.body, 'requestId')) === job.id)?.body, 'window'));
      const flow = ((job.probe.welcome?.['features'] as string[] | undefined) ?? []).includes('tasks.flow');
      if (!flow) throw new CaseUnsupported('the arbiter did not negotiate tasks.flow with the probe');
      check(window > 0, 'the arbiter gave the worker no window while relaying to a caller that paces the stream', 'Execute.window > 0', 'window 0', ['FLOW-6']);
      // Stalled: every chunk the credit allows was sent, and nothing moves for a while.
      let last = -1;
      for (let i = 0; i < 40; i++) {
        const now = chunksSent(job.probe, job.id);
        if (now === last && now >= window + creditsTo(job.probe, job.id)) break;
        last = now;
        await sleep(150);
      }
      await sleep(300);
      const relayed = c.replies(1).filter((r) => r.message.kind === 'chunk').length;
      const credit = creditsTo(job.probe, job.id);
      const sent = chunksSent(job.probe, job.id);
      c.cancel(1);
      check(relayed <= 1, 'the arbiter sent the caller more chunks than its window', 'at most 1 chunk (window 1, no Credit)', `${relayed} chunks`, ['FLOW-1']);
      check(credit <= relayed, 'the arbiter credited the worker for chunks it did not relay', `Credit of at most ${relayed} chunks (held: at most the window ${window})`,
        `Credit of ${credit} chunks; the worker sent ${sent}, the caller got ${relayed}: ${sent - relayed} held`, ['FLOW-6']);
    },
  }),
  arbiterCase({
    id: 'A-TK-007',
    section: '4.6.2',
    slug: 'worker-floods-stream',
    title: 'A task worker that sends more chunks than its window and credit is FLOOD, fatal',
    requirements: ['FLOW-4'],
    level: 'MUST',
    procedure: ['A client submits a streamed job with Execute.window 1 and no Credit; the worker sends two chunks more than the window and the Credit it received allow, at once.'],
    expectations: [`The worker receives Error{code: ${codeName(205)}, fatal: true} and end of stream.`],
    async run(ctx) {
      const pool = await taskPool(ctx, { task: () => ({ ignoreEof: true }) });
      const { app } = narrowApp(pool);
      const c = await client(ctx, pool.a);
      c.execute(1, `${app}.flood`, { reply: 'stream', chunks: 500, flood: 2, tag: 'flood' }, { window: 1 });
      const job = await waitJob(ctx, pool, 'flood');
      if (!job) fail('the job never reached a worker', 'Execute at a task worker', 'none', ['CALL-3']);
      const window = num(field(job.probe.recv('execute').find((r) => num(field(r.body, 'requestId')) === job.id)?.body, 'window'));
      if (window === 0) throw new CaseUnsupported('the arbiter gave the worker no window: nothing is too many');
      await expectFatal(ctx, pool.a, job.probe, ErrorCode.ERROR_CODE_FLOOD, ['FLOW-4']);
    },
  }),
  arbiterCase({
    id: 'A-TK-008',
    section: '4.7',
    slug: 'duplicate-caller-request',
    title: 'A caller\'s Execute reusing an outstanding id is DUPLICATE_REQUEST, not fatal; the first job is unaffected',
    requirements: ['CALL-2'],
    level: 'MUST',
    procedure: ['A client submits job 7 (held by the worker), then another Execute with id 7; then the worker answers the first job.'],
    expectations: [`The second Execute is answered Error{code: ${codeName(305)}, request_id 7}, not fatal; then the first job's Result arrives, and the connection stays open.`],
    async run(ctx) {
      const pool = await taskPool(ctx);
      const { app } = narrowApp(pool);
      const c = await client(ctx, pool.a);
      c.execute(7, `${app}.hold`, { ...NEVER, tag: 'first' });
      await waitJob(ctx, pool, 'first');
      c.execute(7, `${app}.again`, { reply: 'result', tag: 'second' });
      await expectError(ctx, c, 7, ErrorCode.ERROR_CODE_DUPLICATE_REQUEST, ['CALL-2']);
      await sleep(100);
      answer(pool, ['first']);
      const deadline = performance.now() + ctx.timing.timeoutMs;
      while (c.replies(7).length < 2 && performance.now() < deadline) await sleep(20);
      const all = c.replies(7);
      check(all[1]?.message.kind === 'result', 'the job already running under a duplicated id was affected', 'its Result after the DUPLICATE_REQUEST', all.map((r) => describeMessage(r.message)).join('; '), ['CALL-2']);
      check(jobAt(pool, 'second') === undefined, 'the duplicate was run', 'the duplicate refused', 'it reached a worker', ['CALL-2']);
    },
  }),
  arbiterCase({
    id: 'A-TK-009',
    section: '4.7',
    slug: 'caller-job-replies',
    title: 'Each caller\'s job gets exactly one job-reply sequence carrying the caller\'s request id',
    requirements: ['CALL-3'],
    level: 'MUST',
    procedure: ['A client submits three jobs: one answered with a Result (caller id 123456789012), one streaming 5 chunks (id 2), one failing with TASK_FAILED (id 3).'],
    expectations: ['Job 123456789012: one Result; job 2: Chunk seq 0..4 then End{chunks 5}; job 3: one Error{TASK_FAILED}; every reply carries the caller\'s id, and nothing else arrives for these ids.'],
    async run(ctx) {
      const pool = await taskPool(ctx);
      const { app } = narrowApp(pool);
      const c = await client(ctx, pool.a);
      const big = 123456789012;
      c.execute(big, `${app}.one`, { reply: 'result', tag: 'result' });
      c.execute(2, `${app}.many`, { reply: 'stream', chunks: 5, tag: 'stream' });
      c.execute(3, `${app}.bad`, { reply: 'error', errorCode: 303, tag: 'error' });
      for (const id of [big, 2, 3]) await c.waitFinal(id, ctx.timing.timeoutMs * 2);
      await sleep(200);
      const one = c.replies(big);
      check(one.length === 1 && one[0]?.message.kind === 'result', 'a job answered with a Result was not relayed as one Result', `Result{request_id: ${big}}`, one.map((r) => describeMessage(r.message)).join('; ') || 'nothing', ['CALL-3']);
      const payload = JSON.parse(Buffer.from((one[0]?.message.body as { payload: Uint8Array }).payload).toString('utf8')) as { tag?: string };
      check(payload.tag === 'result', 'the Result\'s payload was not the worker\'s', 'the worker\'s payload, unchanged', JSON.stringify(payload), ['CALL-3']);
      const stream = c.replies(2);
      const kinds = stream.map((r) => r.message.kind);
      const seqs = stream.filter((r) => r.message.kind === 'chunk').map((r) => num(field(r.message.body, 'seq')));
      check(kinds.join(',') === 'chunk,chunk,chunk,chunk,chunk,end' && seqs.join(',') === '0,1,2,3,4' && num(field(stream[5]?.message.body, 'chunks')) === 5,
        'a streamed job was not relayed as Chunk seq 0..4 and End{chunks 5}', 'Chunk×5 (seq 0..4), End{chunks: 5}', stream.map((r) => describeMessage(r.message)).join('; ') || 'nothing', ['CALL-3']);
      const err = c.replies(3);
      check(err.length === 1 && num(field(err[0]?.message.body, 'code')) === 303, 'a failed job was not relayed as one Error{TASK_FAILED}', 'Error{code: TASK_FAILED(303), request_id: 3}', err.map((r) => describeMessage(r.message)).join('; ') || 'nothing', ['CALL-3']);
    },
  }),
  arbiterCase({
    id: 'A-TK-010',
    section: '4.7',
    slug: 'unknown-app-and-full-queue',
    title: 'A job of an app no worker serves is TASK_UNKNOWN; a job beyond a full queue is TASK_OVERLOADED; neither is fatal',
    requirements: ['CALL-4', 'TASK-11'],
    level: 'MUST',
    procedure: [
      'A client submits a job of the app "conformance-no-such-app".',
      'Then it submits jobs that the workers hold, in batches of 50, until one is refused (at most 2100 beyond the workers\' capacity).',
    ],
    expectations: [
      'The first job is answered Error{TASK_UNKNOWN}, not fatal.',
      'A job is refused with Error{TASK_OVERLOADED}, not fatal, and only once the workers hold as many jobs as they declared (a queue bound the arbiter documents); the connection stays open.',
      'No worker holds more jobs than its declared capacity (TASK-11, SHOULD).',
    ],
    async run(ctx) {
      const pool = await taskPool(ctx);
      const { app, servers } = narrowApp(pool);
      const c = await client(ctx, pool.a);
      c.execute(1, 'conformance-no-such-app.x', { reply: 'result' });
      await expectError(ctx, c, 1, ErrorCode.ERROR_CODE_TASK_UNKNOWN, ['CALL-4']);
      const capacity = servers.reduce((n, p) => n + capacityOf(p), 0);
      if (servers.some((p) => capacityOf(p) === 0)) throw new CaseSkipped(`a worker of app ${app} declared capacity 0 (unbounded)`);
      let id = 10;
      const refused = () => c.messages().find((m) => m.kind === 'error' && num(field(m.body, 'code')) === ErrorCode.ERROR_CODE_TASK_OVERLOADED);
      while (!refused() && id < 10 + capacity + 2100) {
        for (let i = 0; i < 50; i++) c.execute(++id, `${app}.hold`, { ...NEVER, tag: `q-${id}` });
        await pool.a.until(() => refused() !== undefined, 300);
      }
      const r = refused();
      if (!r) throw new CaseSkipped(`no job was refused after ${id - 10} jobs: the queue bound of app ${app} is above what the suite tries`);
      check(field(r.body, 'fatal') !== true, 'TASK_OVERLOADED was marked fatal', 'fatal: false', describeMessage(r), ['CALL-4']);
      const firstRefused = num(field(r.body, 'requestId'));
      check(firstRefused - 10 > capacity, 'a job was refused while the workers had room', `no refusal among the first ${capacity} jobs`, `job ${firstRefused - 10} refused`, ['CALL-4']);
      await sleep(200);
      check(!c.wire.eof, 'the client was disconnected', 'the connection open', 'end of stream', ['CALL-4']);
      for (const p of servers) {
        const most = Math.max(0, ...p.recv('execute').map((e) => outstandingAt(p, e.at + 0.001).length));
        check(most <= capacityOf(p), 'a worker was given more jobs than its capacity', `at most ${capacityOf(p)} outstanding`, `${most} at probe ${p.pid}`, ['TASK-11'], 'SHOULD');
      }
    },
  }),
  arbiterCase({
    id: 'A-TK-011',
    section: '4.7',
    slug: 'cancel-queued-job',
    title: 'A caller\'s Cancel of a queued job is TASK_CANCELLED at once, and the job never runs',
    requirements: ['CALL-6'],
    level: 'MUST',
    procedure: ['The workers of one app are filled to their declared capacity; a client submits one more job (queued) and cancels it; the fillers are then answered and a last job is run.'],
    expectations: ['The queued job is answered Error{TASK_CANCELLED}, not fatal, and never reaches a worker.'],
    async run(ctx) {
      const pool = await taskPool(ctx);
      const { app, servers } = narrowApp(pool);
      const c = await client(ctx, pool.a);
      const { tags } = await fill(ctx, pool, c, app, servers, 100);
      c.execute(1, `${app}.queued`, { reply: 'result', tag: 'queued' });
      await sleep(100);
      if (jobAt(pool, 'queued')) throw new CaseSkipped('the job was not queued: the arbiter sent it beyond the capacity the workers declared');
      c.cancel(1);
      await expectError(ctx, c, 1, ErrorCode.ERROR_CODE_TASK_CANCELLED, ['CALL-6']);
      answer(pool, tags);
      await marker(ctx, c, app, 2);
      const ran = jobAt(pool, 'queued');
      check(ran === undefined, 'a cancelled queued job was run', 'never sent to a worker', `probe ${ran?.probe.pid} received it`, ['CALL-6']);
    },
  }),
  arbiterCase({
    id: 'A-TK-012',
    section: '4.7',
    slug: 'caller-gone-cancels',
    title: 'When a client closes its connection, its running jobs are cancelled at their workers',
    requirements: ['CALL-8'],
    level: 'MUST',
    procedure: ['A client submits a job the worker holds; once it runs, the client closes its connection.'],
    expectations: ['The worker receives Cancel for the job.'],
    async run(ctx) {
      const pool = await taskPool(ctx);
      const { app } = narrowApp(pool);
      const c = await client(ctx, pool.a);
      c.execute(1, `${app}.hold`, { reply: 'never', tag: 'orphan' });
      const job = await waitJob(ctx, pool, 'orphan');
      if (!job) fail('the job never reached a worker', 'Execute at a task worker', 'none', ['CALL-3']);
      c.close();
      const got = () => job.probe.recv('cancel').some((r) => num(field(r.body, 'requestId')) === job.id);
      await pool.a.until(got, ctx.timing.timeoutMs);
      check(got(), 'the job of a client that went away was not cancelled', `Cancel{request_id: ${job.id}} to the worker`, job.probe.recv().slice(-3).map((r) => r.kind).join(', ') || 'nothing', ['CALL-8']);
    },
  }),
  arbiterCase({
    id: 'A-TK-013',
    section: '4.7',
    slug: 'abandoned-job-counts',
    title: 'A cancelled job still counts against its worker\'s capacity until the worker answers it',
    requirements: ['CALL-9'],
    level: 'MUST',
    procedure: [
      'The workers of one app are filled to their declared capacity with jobs that ignore Cancel; the client cancels one of them and submits another job.',
      '300 ms later the worker answers the cancelled job.',
    ],
    expectations: ['The new job does not reach the worker of the cancelled job before that worker has answered it (or exited).'],
    async run(ctx) {
      const pool = await taskPool(ctx);
      const { app, servers } = narrowApp(pool);
      const c = await client(ctx, pool.a);
      const { tags, ids } = await fill(ctx, pool, c, app, servers, 100);
      const victim = jobAt(pool, tags[0] as string);
      if (!victim) fail('a filler job vanished', 'the job at its worker', 'none', ['CALL-3']);
      c.cancel(ids[0] as number);
      await expectError(ctx, c, ids[0] as number, ErrorCode.ERROR_CODE_TASK_CANCELLED, ['CALL-6']);
      c.execute(1, `${app}.next`, { reply: 'result', tag: 'next' });
      await sleep(300);
      victim.probe.do({ t: 'do', action: 'answer', requestId: victim.id });
      await pool.a.until(() => jobAt(pool, 'next') !== undefined, ctx.timing.timeoutMs);
      const next = jobAt(pool, 'next');
      if (next?.probe === victim.probe) {
        const at = next.probe.recv('execute').find((r) => num(field(r.body, 'requestId')) === next.id)?.at ?? 0;
        const open = outstandingAt(next.probe, at);
        check(!open.includes(victim.id), 'a job was sent to a worker still running a cancelled job at full capacity',
          `the cancelled job ${victim.id} counted until answered`, `Execute ${next.id} arrived while ${open.length} jobs (capacity ${capacityOf(victim.probe)}) were outstanding, the cancelled one among them`, ['CALL-9']);
      }
      answer(pool, tags.slice(1));
    },
  }),
];

export { show };
