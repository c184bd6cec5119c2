// Worker cases of protocol 1.2 for task workers: flow control of streamed
// results (spec 4.6.2, feature tasks.flow) and the apps a task worker names
// in Hello (4.3, 4.6.1).
//
//   suite                                 task worker
//     │── Execute{id, stream job, window W} ─►│
//     │◄── Chunk seq 0 … W-1 ─────────────────│  then nothing: the credit is spent
//     │── Credit{id, 1} ─────────────────────►│
//     │◄── Chunk seq W ───────────────────────│  then nothing again
//     │── Credit{id, the rest} ──────────────►│
//     │◄── Chunk … End{chunks} ───────────────│
//
// A case needs tasks.flow (UNSUPPORTED otherwise, without a run), and it must
// be negotiated: a worker that lists it but speaks 1.0 or 1.1 does not get it
// in Welcome (NEG-3), and is then judged UNSUPPORTED too.
import type { Message } from '../../protocol/codec.js';
import { corral } from '../../protocol/codec.js';
import { APP_NAME } from '../../protocol/limits.js';
import { FairDeadline } from '../starvation.js';
import { CaseSkipped, CaseUnsupported } from '../types.js';
import { describeIncoming } from '../wire.js';
import { check, fail, type WorkerContext } from '../worker-context.js';
import type { TestWorker } from '../worker-harness.js';
import { expectDrained, expectQuiet, workerCase, type WorkerCase } from './common.js';

const PAYLOAD = new TextEncoder().encode('{"conformance":true}');

type Chunk = Extract<Message, { kind: 'chunk' }>;

/** A task worker past its handshake, with `features` negotiated (UNSUPPORTED when they are not). */
async function flowWorker(ctx: WorkerContext, features: string[]): Promise<TestWorker> {
  ctx.need('tasks');
  for (const f of features) ctx.need(f);
  const w = ctx.start({ task: true });
  await w.handshake();
  const agreed = w.welcome?.features ?? [];
  const missing = features.filter((f) => !agreed.includes(f));
  if (missing.length > 0) {
    const v = w.welcome?.version;
    throw new CaseUnsupported(`${missing.join(', ')} not negotiated at version ${v?.major ?? 1}.${v?.minor ?? 0} (NEG-3)`);
  }
  return w;
}

function execute(w: TestWorker, requestId: number, name: string, window: number): void {
  w.wire.send({ kind: 'execute', body: { requestId, name, payload: PAYLOAD, contentType: 'application/json', window } });
}

/** What has arrived for job `id` so far. */
function repliesOf(w: TestWorker, id: number): { chunks: { chunk: Chunk; tMs: number }[]; final: Message | undefined } {
  const chunks: { chunk: Chunk; tMs: number }[] = [];
  let final: Message | undefined;
  for (const i of w.wire.received) {
    if (i.type !== 'message') continue;
    const m = i.message;
    if ((m.kind === 'chunk' || m.kind === 'result' || m.kind === 'end' || m.kind === 'error') && m.body.requestId === id) {
      if (m.kind === 'chunk') chunks.push({ chunk: m, tMs: i.tMs });
      else final ??= m;
    }
  }
  return { chunks, final };
}

/** Waits until `done` holds for job `id`'s replies, the channel ends, or `ms` pass; returns the replies. */
async function waitReplies(w: TestWorker, id: number, ms: number, done: (r: ReturnType<typeof repliesOf>) => boolean): Promise<ReturnType<typeof repliesOf>> {
  const deadline = new FairDeadline(ms, w.runDelay);
  for (;;) {
    const r = repliesOf(w, id);
    if (done(r) || w.wire.eof || deadline.passed) return r;
    await w.wire.next(Math.max(1, deadline.left()), (i) => i.type === 'message');
  }
}

function describe(m: Message | undefined): string {
  return m ? describeIncoming({ type: 'message', tMs: 0, message: m, size: 0 }).replace(/ at 0 ms$/, '') : 'nothing';
}

export const flowCases: WorkerCase[] = [
  workerCase({
    id: 'W-TK-012',
    section: '4.6.2',
    slug: 'window-and-credit-pace-a-stream',
    title: 'A stream with a window sends no more Chunks than the window plus the Credit given, and finishes once given enough',
    requirements: ['FLOW-1', 'TASK-5', 'TASK-6'],
    level: 'MUST',
    feature: 'tasks.flow',
    procedure: [
      'Start the task worker with tasks, tasks.stream and tasks.flow negotiated.',
      'Run the --task-stream job with window 0 as request 21 and count its chunks (n); it needs n >= 2.',
      'Run it again as request 22 with window W = min(2, n - 1); wait for W chunks and watch for a while.',
      'Send Credit{22, 1}; wait for one more chunk (or End) and watch again.',
      'Send Credit{22, 2n + 8}, more than the rest needs; wait for End.',
    ],
    expectations: [
      'At most W chunks before the first Credit (W with a stream that has more), more after Credit{1}, and never more than window + credit sent so far.',
      'After enough credit, End{chunks} counting the chunks, numbered 0, 1, 2, ...',
    ],
    async run(ctx) {
      const name = ctx.job('stream');
      const w = await flowWorker(ctx, ['tasks.stream', 'tasks.flow']);
      const t = ctx.timing.timeoutMs;
      execute(w, 21, name, 0);
      const probe = await waitReplies(w, 21, t * 2, (r) => r.final !== undefined);
      check(probe.final?.kind === 'end', 'the --task-stream job did not end with End', 'Chunks, then End', describe(probe.final) + w.exitText(), ['TASK-3']);
      const n = probe.chunks.length;
      if (n < 2) throw new CaseSkipped(`the --task-stream job streamed ${n} chunk(s); flow control needs one that streams at least 2`);
      const window = Math.min(2, n - 1);
      // Every Credit sent, with when: a chunk that arrives at tMs may use only
      // the credit sent before then (what the worker received is at most that).
      const credits: { tMs: number; chunks: number }[] = [];
      const allowed = (tMs: number) => window + credits.filter((c) => c.tMs <= tMs).reduce((s, c) => s + c.chunks, 0);
      const credit = (chunks: number) => {
        credits.push({ tMs: w.transcript.now(), chunks });
        w.wire.send({ kind: 'credit', body: { requestId: 22, chunks } });
      };
      const overrun = () => repliesOf(w, 22).chunks.find((c, i) => i + 1 > allowed(c.tMs));
      const judgeOverrun = () => {
        const o = overrun();
        if (o) {
          fail('the worker sent more Chunks than the window plus the Credit it was given', `at most ${allowed(o.tMs)} chunks by ${o.tMs} ms`,
            `Chunk seq ${o.chunk.body.seq} at ${o.tMs} ms (window ${window}, credit so far ${allowed(o.tMs) - window})`, ['FLOW-1']);
        }
      };

      execute(w, 22, name, window);
      let r = await waitReplies(w, 22, t * 2, (x) => x.chunks.length >= window || x.final !== undefined);
      await watch(w, ctx.timing.quietMs);
      judgeOverrun();
      r = repliesOf(w, 22);
      check(r.final === undefined || r.final.kind === 'end', 'the paced stream ended with an error', 'Chunks, then End', describe(r.final) + w.exitText(), ['TASK-3']);
      // Fewer chunks than the window is no breach (FLOW-1 bounds from above);
      // the credit below must still get the stream going.
      if (r.final === undefined) {
        const before = r.chunks.length;
        credit(1);
        r = await waitReplies(w, 22, t * 2, (x) => x.chunks.length > before || x.final !== undefined);
        await watch(w, ctx.timing.quietMs);
        judgeOverrun();
        r = repliesOf(w, 22);
        check(r.final !== undefined || r.chunks.length > before, 'a Credit did not let another Chunk through',
          `more than ${before} chunks after Credit{chunks: 1}`, `${r.chunks.length} chunks${w.exitText()}`, ['FLOW-1']);
        if (r.final === undefined) {
          // More than the rest needs: credit left over at End is no fault.
          credit(2 * n + 8);
          r = await waitReplies(w, 22, t * 4, (x) => x.final !== undefined);
          judgeOverrun();
        }
      }
      const end = r.final;
      if (end?.kind !== 'end') fail('the paced stream did not end with End', 'End once enough credit was given', describe(end) + w.exitText(), ['FLOW-1', 'TASK-3']);
      const seqs = r.chunks.map((c) => c.chunk.body.seq);
      check(seqs.every((s, i) => s === i), 'Chunk.seq is not 0, 1, 2, ...', '0, 1, 2, ...', seqs.join(', '), ['TASK-5']);
      check(end.body.chunks === seqs.length, 'End.chunks does not count the chunks', `chunks: ${seqs.length}`, `chunks: ${end.body.chunks}`, ['TASK-6']);
    },
  }),
  workerCase({
    id: 'W-TK-013',
    section: '4.6.2',
    slug: 'credit-for-unknown-job-ignored',
    title: 'Credit for a request_id the worker is not streaming is ignored: no answer, and the worker carries on',
    requirements: ['FLOW-5'],
    level: 'MUST',
    feature: 'tasks.flow',
    procedure: [
      'Start the task worker with tasks.flow negotiated.',
      'Send Credit{request_id: 4242, chunks: 3}, for no job at all.',
      'If a --task-stream (else --task) job is configured: run it with window 8 as request 31 to its end, then send Credit{31, 4}, which crossed its last chunk.',
      'Run the --task job, if configured; then Drain.',
    ],
    expectations: ['Nothing but heartbeats after each Credit; the job after them gets its reply; the Drain is honoured.'],
    async run(ctx) {
      const w = await flowWorker(ctx, ['tasks.flow']);
      const t = ctx.timing.timeoutMs;
      w.wire.send({ kind: 'credit', body: { requestId: 4242, chunks: 3 } });
      await expectQuiet(w, ctx.timing.quietMs, 'the worker answered a Credit for a job it never had', ['FLOW-5']);
      const job = ctx.jobs.stream ?? ctx.jobs.quick;
      if (job !== undefined) {
        execute(w, 31, job, 8);
        const r = await waitReplies(w, 31, t * 2, (x) => x.final !== undefined);
        check(r.final !== undefined, 'the job got no final reply', 'Result, End or Error', `${r.chunks.length} chunks${w.exitText()}`, ['TASK-3']);
        const seen = w.wire.received.length;
        w.wire.consumeAll();
        w.wire.send({ kind: 'credit', body: { requestId: 31, chunks: 4 } });
        await expectQuiet(w, ctx.timing.quietMs, 'the worker answered a Credit for a job that had ended', ['FLOW-5']);
        const late = w.wire.received.slice(seen).find((i) => i.type === 'message' && i.message.kind !== 'heartbeat');
        check(late === undefined, 'the worker answered a Credit for a job that had ended', 'nothing but heartbeats', describeIncoming(late), ['FLOW-5']);
      }
      if (ctx.jobs.quick !== undefined) {
        execute(w, 32, ctx.jobs.quick, 0);
        const r = await waitReplies(w, 32, t * 2, (x) => x.final !== undefined);
        check(r.final !== undefined, 'the worker ran no job after the stray Credits', 'a final reply to request 32', `${r.chunks.length} chunks${w.exitText()}`, ['FLOW-5']);
        w.wire.consumeAll();
      }
      await expectDrained(ctx, w, ['FLOW-5']);
    },
  }),
  workerCase({
    id: 'W-TK-014',
    section: '4.3',
    slug: 'hello-apps',
    title: 'Hello.apps names apps of 1 to 64 characters of A-Z a-z 0-9 _ -, only for a task worker, and includes the app of every job it runs',
    requirements: ['HELLO-10'],
    level: 'MUST',
    procedure: [
      'Start the worker as discovery did and read its Hello.',
      'For a task worker whose Hello.apps is not empty: take the app of each job named on the command line (--task and the others), the part before the first ".".',
    ],
    expectations: [
      'Each entry of Hello.apps matches [A-Za-z0-9_-]{1,64}; a socket worker sends none.',
      'A task worker that lists apps lists the app of each configured job (an arbiter sends it no job of another app, TASK-22).',
    ],
    async run(ctx) {
      const w = ctx.start(ctx.defaultStart());
      const hello = await w.readHello();
      const apps = hello.apps ?? [];
      const task = hello.kind === corral.v1.WorkerKind.WORKER_KIND_TASK;
      check(task || apps.length === 0, 'a socket worker lists apps in Hello', 'Hello.apps empty', JSON.stringify(apps), ['HELLO-10']);
      const bad = apps.filter((a) => !APP_NAME.test(a));
      check(bad.length === 0, 'Hello.apps has a malformed app name', 'names of 1 to 64 characters from A-Z a-z 0-9 _ -', JSON.stringify(bad), ['HELLO-10']);
      if (!task || apps.length === 0) return;
      const jobs = [...new Set(Object.values(ctx.jobs).filter((j): j is string => j !== undefined))];
      const unlisted = jobs.filter((j) => !apps.includes(j.split('.')[0] as string));
      check(unlisted.length === 0, 'the worker runs jobs of an app it does not list in Hello.apps',
        `the app of ${jobs.join(', ')} in Hello.apps`, `Hello.apps ${JSON.stringify(apps)}; not listed: ${unlisted.join(', ')}`, ['HELLO-10']);
    },
  }),
];

/** Watches the wire for `ms` (fair time), whatever arrives; ends early only at EOF. */
async function watch(w: TestWorker, ms: number): Promise<void> {
  w.wire.consumeAll();
  await w.wire.next(ms, () => false);
}
