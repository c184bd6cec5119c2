// Worker cases: task workers (spec 4.6). They need the `tasks` feature
// (UNSUPPORTED otherwise), and some need jobs the worker knows, named on the
// command line: --task (quick), --task-slow (runs a second or more),
// --task-fail (fails), --task-stream (streams chunks), --task-echo (answers
// its payload), --task-meta (answers its Execute.meta; 1.3).
//
//   job-reply = Result / *Chunk End / *Chunk Error   (all with the Execute's request_id)
import type { Message } from '../../protocol/codec.js';
import type { Incoming } from '../wire.js';
import { describeIncoming } from '../wire.js';
import { check, fail, type WorkerContext } from '../worker-context.js';
import { sleep, type TestWorker } from '../worker-harness.js';
import { FairDeadline } from '../starvation.js';
import { encodeMessage } from '../../protocol/codec.js';
import { DEFAULT_MAX_FRAME_BYTES, META_SINCE_MINOR } from '../../protocol/limits.js';
import { CaseUnsupported } from '../types.js';
import { ErrorCode, codeName, expectDrained, expectFatalError, expectQuiet, workerCase, type WorkerCase } from './common.js';

const PAYLOAD = new TextEncoder().encode('{"conformance":true}');
/** The frame limit W-TK-015 negotiates: small, so that a large payload costs little. */
const ECHO_LIMIT = 4096;

/** A JSON array of 1e20s of exactly `n` octets, padded with spaces: a JSON codec writes each 1e20 longer (1e+20, 100000000000000000000). */
function jsonOf1e20(n: number): Uint8Array {
  const k = Math.max(1, Math.floor((n - 1) / 5));
  const text = `[${Array(k).fill('1e20').join(',')}]`;
  return new TextEncoder().encode(text.length <= n ? text.padEnd(n, ' ') : text);
}

async function taskWorker(ctx: WorkerContext, features?: string[]): Promise<TestWorker> {
  ctx.need('tasks');
  const w = ctx.start({ task: true });
  await w.handshake(features ? { features } : {});
  return w;
}

type Msg = Extract<Incoming, { type: 'message' }>;

/** A task worker past a handshake at 1.3 or later, where Execute.meta exists (UNSUPPORTED below it). */
async function metaWorker(ctx: WorkerContext): Promise<TestWorker> {
  ctx.need('tasks');
  const minor = Math.max(-1, ...ctx.testee.versions.filter((v) => v.major === 1).map((v) => v.minor ?? 0));
  if (minor < META_SINCE_MINOR) throw new CaseUnsupported(`the worker speaks 1.${minor}; Execute.meta came with 1.${META_SINCE_MINOR} (COMPAT-8)`);
  return taskWorker(ctx);
}

/**
 * Metadata as a 1.3 arbiter may send it: keys the worker cannot know, under
 * corral. (the arbiter's) and outside it, UTF-8 beyond ASCII, an empty value,
 * and keys that name properties of objects in some languages.
 */
const META: Record<string, string> = {
  'corral.queue': 'conformance',
  'corral.job': 'W-TK-job-1',
  'corral.attempt': '2',
  'corral.conformance-unknown': 'a key no worker knows',
  'x-trace': '00-4bf92f3577b34da6-01',
  'ünïcödé': '日本語 😀',
  empty: '',
  constructor: 'c',
  ['__proto__']: 'p',
};

/** Messages that belong to job `id` (Result, Chunk, End, or an Error carrying it). */
function replies(w: TestWorker, id: number): Message[] {
  return w.wire.received
    .filter((i): i is Msg => i.type === 'message')
    .map((i) => i.message)
    .filter((m) => (m.kind === 'result' || m.kind === 'chunk' || m.kind === 'end' || m.kind === 'error') && m.body.requestId === id);
}

function isFinal(m: Message): boolean {
  return m.kind === 'result' || m.kind === 'end' || m.kind === 'error';
}

/** Waits for the final reply of job `id`. */
async function finalReply(w: TestWorker, id: number, ms: number): Promise<Message> {
  const deadline = new FairDeadline(ms, w.runDelay);
  for (;;) {
    const f = replies(w, id).find(isFinal);
    if (f) {
      w.wire.consumeAll();
      return f;
    }
    const left = deadline.left();
    if (left <= 0 || w.wire.eof) fail(`job ${id} got no final reply`, 'Result, End or Error with its request_id', `${replies(w, id).length} partial replies${w.exitText()}`, ['TASK-3']);
    await w.wire.next(left, (i) => i.type === 'message');
  }
}

function text(ms: Message[]): string {
  return ms.map((m) => describeIncoming({ type: 'message', tMs: 0, message: m, size: 0 }).replace(/ at 0 ms$/, '')).join('; ') || 'nothing';
}

function execute(w: TestWorker, requestId: number, name: string, deadlineMs = 0, meta?: Record<string, string>): void {
  w.wire.send({ kind: 'execute', body: { requestId, name, payload: PAYLOAD, deadlineMs, contentType: 'application/json', ...(meta ? { meta } : {}) } });
}

export const taskCases: WorkerCase[] = [
  workerCase({
    id: 'W-TK-001',
    section: '4.6',
    slug: 'unknown-job',
    title: 'An Execute naming a job the worker does not know is TASK_UNKNOWN, not fatal, with its request_id',
    requirements: ['TASK-9', 'ERR-3'],
    level: 'MUST',
    feature: 'tasks',
    procedure: ['Start the task worker; complete the handshake.', 'Send Execute{request_id: 5, name: "conformance.no-such-job"}.'],
    expectations: [`Error{code: ${codeName(300)}, request_id: 5, fatal: false}; the channel stays open.`],
    async run(ctx) {
      const w = await taskWorker(ctx);
      execute(w, 5, 'conformance.no-such-job');
      const f = await finalReply(w, 5, ctx.timing.timeoutMs);
      check(f.kind === 'error' && f.body.code === ErrorCode.ERROR_CODE_TASK_UNKNOWN && !f.body.fatal, 'an unknown job was not answered TASK_UNKNOWN',
        `Error{${codeName(300)}, request_id: 5, fatal: false}`, text([f]), ['TASK-9', 'ERR-3']);
      await expectDrained(ctx, w, ['TASK-9']);
    },
  }),
  workerCase({
    id: 'W-TK-002',
    section: '4.6',
    slug: 'request-id-zero',
    title: 'An Execute with request_id 0 is INVALID_FIELD, fatal',
    requirements: ['TASK-7'],
    level: 'MUST',
    feature: 'tasks',
    procedure: ['Start the task worker.', 'Send Execute{request_id: 0}.'],
    expectations: [`Error{code: ${codeName(206)}, fatal: true}, close, exit.`],
    async run(ctx) {
      const w = await taskWorker(ctx);
      execute(w, 0, ctx.jobs.quick ?? 'conformance.any');
      await expectFatalError(ctx, w, ErrorCode.ERROR_CODE_INVALID_FIELD, ['TASK-7']);
    },
  }),
  workerCase({
    id: 'W-TK-003',
    section: '4.6',
    slug: 'cancel-of-unknown-job-ignored',
    title: 'Cancel for a request_id the worker is not running is ignored',
    requirements: ['TASK-17'],
    level: 'MUST',
    feature: 'tasks',
    procedure: ['Start the task worker.', 'Send Cancel{request_id: 77}; then Drain.'],
    expectations: ['No reply to the Cancel; the Drain is honoured.'],
    async run(ctx) {
      const w = await taskWorker(ctx);
      w.wire.send({ kind: 'cancel', body: { requestId: 77, reason: 'crossed' } });
      await expectQuiet(w, ctx.timing.quietMs, 'the worker answered a Cancel for a job it is not running', ['TASK-17']);
      await expectDrained(ctx, w, ['TASK-17']);
    },
  }),
  workerCase({
    id: 'W-TK-004',
    section: '4.6',
    slug: 'one-reply-sequence',
    title: 'A job gets exactly one reply sequence, every message carrying its request_id',
    requirements: ['TASK-3'],
    level: 'MUST',
    feature: 'tasks',
    procedure: ['Start the task worker.', 'Run the --task job as request 9; wait a moment after its final reply.'],
    expectations: ['Result, or Chunks then End, or Chunks then Error, all with request_id 9; nothing for 9 afterwards.'],
    async run(ctx) {
      const w = await taskWorker(ctx);
      const name = ctx.job('quick');
      execute(w, 9, name);
      await finalReply(w, 9, ctx.timing.timeoutMs * 2);
      await sleep(ctx.timing.quietMs);
      const r = replies(w, 9);
      const finals = r.filter(isFinal);
      const okShape = finals.length === 1 && isFinal(r[r.length - 1] as Message) &&
        (r.length === 1 || r.slice(0, -1).every((m) => m.kind === 'chunk')) && !(finals[0]?.kind === 'result' && r.length > 1);
      check(okShape, 'the job\'s replies are not one job-reply sequence', 'Result / *Chunk End / *Chunk Error', text(r), ['TASK-3']);
      const strays = w.wire.received.filter((i) => i.type === 'message' && ['result', 'chunk', 'end'].includes(i.message.kind) &&
        (i.message.body as { requestId: number }).requestId !== 9);
      check(strays.length === 0, 'a reply carried another request_id', 'request_id 9 on every reply', `${strays.length} other`, ['TASK-3']);
    },
  }),
  workerCase({
    id: 'W-TK-005',
    section: '4.6',
    slug: 'cancel-running-job',
    title: 'Cancel of a running job is answered TASK_CANCELLED with its request_id, and the job ends',
    requirements: ['TASK-16'],
    level: 'MUST',
    feature: 'tasks',
    procedure: ['Start the task worker.', 'Run the --task-slow job as request 11; after 100 ms send Cancel{11}, then Execute{111, an unknown job}.'],
    expectations: [
      `Error{code: ${codeName(302)}, request_id: 11, fatal: false} as its final reply (or its Result, if it finished before the worker read the Cancel); nothing after.`,
      'A Result for 11 after the reply to 111 is a Cancel ignored: the worker had read the Cancel while job 11 ran.',
    ],
    async run(ctx) {
      const w = await taskWorker(ctx);
      execute(w, 11, ctx.job('slow'));
      await sleep(100);
      w.wire.send({ kind: 'cancel', body: { requestId: 11, reason: 'conformance' } });
      // A frame after the Cancel that the worker must answer: once it has
      // answered that, it has read the Cancel, so a job still unanswered
      // then was running when the Cancel came.
      execute(w, 111, 'conformance.no-such-job');
      const f = await finalReply(w, 11, ctx.timing.timeoutMs * 2);
      check(f.kind === 'result' || (f.kind === 'error' && f.body.code === ErrorCode.ERROR_CODE_TASK_CANCELLED && !f.body.fatal),
        'a cancelled job was not answered TASK_CANCELLED', `Error{${codeName(302)}, request_id: 11}`, text([f]), ['TASK-16']);
      if (f.kind === 'result') {
        const order = w.wire.received.flatMap((i) => (i.type === 'message' && isFinal(i.message) ? [(i.message.body as { requestId?: number }).requestId] : []));
        const later = order.indexOf(111);
        check(later === -1 || later > order.indexOf(11), 'the worker read the Cancel while the job ran (it answered the Execute sent after it first) and still sent the job\'s Result',
          `Error{${codeName(302)}, request_id: 11}`, `the reply to request 111, then ${text([f])}`, ['TASK-16']);
      }
      await sleep(ctx.timing.quietMs);
      check(replies(w, 11).filter(isFinal).length === 1, 'the cancelled job replied again', 'one final reply', text(replies(w, 11)), ['TASK-16']);
    },
  }),
  workerCase({
    id: 'W-TK-006',
    section: '4.6',
    slug: 'duplicate-request-id',
    title: 'An Execute reusing the id of a running job is DUPLICATE_REQUEST, and the running job is unaffected',
    requirements: ['TASK-8'],
    level: 'MUST',
    feature: 'tasks',
    procedure: ['Start the task worker.', 'Run the --task-slow job as request 12, and after 50 ms send another Execute{12}.'],
    expectations: [`Error{code: ${codeName(305)}, request_id: 12, fatal: false}; later exactly one final reply that is not that Error.`],
    async run(ctx) {
      const w = await taskWorker(ctx);
      const slow = ctx.job('slow');
      execute(w, 12, slow);
      await sleep(50);
      execute(w, 12, slow);
      const dup = await w.wire.nextMessage(ctx.timing.timeoutMs, ['heartbeat', 'chunk']);
      check(dup?.type === 'message' && dup.message.kind === 'error' && dup.message.body.code === ErrorCode.ERROR_CODE_DUPLICATE_REQUEST &&
        dup.message.body.requestId === 12 && !dup.message.body.fatal, 'a duplicate request_id was not refused', `Error{${codeName(305)}, request_id: 12}`,
      describeIncoming(dup), ['TASK-8']);
      const deadline = new FairDeadline(ctx.timing.timeoutMs * 5, w.runDelay);
      let others: Message[] = [];
      while (!deadline.passed && !w.wire.eof) {
        others = replies(w, 12).filter((m) => isFinal(m) && !(m.kind === 'error' && m.body.code === ErrorCode.ERROR_CODE_DUPLICATE_REQUEST));
        if (others.length > 0) break;
        await w.wire.next(Math.max(1, deadline.left()), (i) => i.type === 'message');
      }
      check(others.length === 1, 'the running job was affected by the duplicate', 'one final reply for the first Execute', text(replies(w, 12)), ['TASK-8']);
    },
  }),
  workerCase({
    id: 'W-TK-007',
    section: '4.6',
    slug: 'streamed-result',
    title: 'A streamed result numbers its Chunks 0, 1, 2 ... and End counts them',
    requirements: ['TASK-5', 'TASK-6'],
    level: 'MUST',
    feature: 'tasks.stream',
    procedure: ['Start the task worker with tasks and tasks.stream negotiated.', 'Run the --task-stream job as request 14.'],
    expectations: ['Chunk.seq 0, 1, 2, ... in order, then End{chunks: the count}.'],
    async run(ctx) {
      ctx.need('tasks.stream');
      const w = await taskWorker(ctx);
      execute(w, 14, ctx.job('stream'));
      const f = await finalReply(w, 14, ctx.timing.timeoutMs * 2);
      const chunks = replies(w, 14).filter((m): m is Extract<Message, { kind: 'chunk' }> => m.kind === 'chunk');
      check(chunks.every((c, i) => c.body.seq === i), 'Chunk.seq is not 0, 1, 2, ...', '0, 1, 2, ...', chunks.map((c) => c.body.seq).join(', '), ['TASK-5']);
      if (f.kind === 'end') check(f.body.chunks === chunks.length, 'End.chunks does not count the chunks', `chunks: ${chunks.length}`, `chunks: ${f.body.chunks}`, ['TASK-6']);
    },
  }),
  workerCase({
    id: 'W-TK-008',
    section: '4.6',
    slug: 'no-stream-without-feature',
    title: 'Without tasks.stream negotiated the worker never sends Chunk or End',
    requirements: ['TASK-4'],
    level: 'MUST',
    feature: 'tasks',
    procedure: ['Start the task worker with Welcome.features lacking tasks.stream.', 'Run the --task-stream job (or --task) as request 15.'],
    expectations: ['Its reply is a Result or an Error; no Chunk, no End.'],
    async run(ctx) {
      const name = ctx.jobs.stream ?? ctx.job('quick');
      const w = await taskWorker(ctx, ctx.testee.features.filter((f) => f !== 'tasks.stream'));
      execute(w, 15, name);
      const f = await finalReply(w, 15, ctx.timing.timeoutMs * 2);
      const streamed = replies(w, 15).filter((m) => m.kind === 'chunk' || m.kind === 'end');
      check(streamed.length === 0, 'the worker streamed without tasks.stream', 'Result or Error only', text(replies(w, 15)), ['TASK-4']);
      check(f.kind === 'result' || f.kind === 'error', 'no Result or Error', 'Result or Error', text([f]), ['TASK-4']);
    },
  }),
  workerCase({
    id: 'W-TK-009',
    section: '4.6',
    slug: 'failed-job',
    title: 'A job that fails is answered TASK_FAILED, not fatal, saying why',
    requirements: ['TASK-10'],
    level: 'MUST',
    feature: 'tasks',
    procedure: ['Start the task worker.', 'Run the --task-fail job as request 16.'],
    expectations: [`Error{code: ${codeName(303)}, request_id: 16, fatal: false, message: not empty}; the channel stays open.`],
    async run(ctx) {
      const w = await taskWorker(ctx);
      execute(w, 16, ctx.job('fail'));
      const f = await finalReply(w, 16, ctx.timing.timeoutMs * 2);
      check(f.kind === 'error' && f.body.code === ErrorCode.ERROR_CODE_TASK_FAILED && !f.body.fatal && f.body.message !== '',
        'a failing job was not answered TASK_FAILED with a reason', `Error{${codeName(303)}, request_id: 16, message}`, text([f]), ['TASK-10']);
      await expectDrained(ctx, w, ['TASK-10']);
    },
  }),
  workerCase({
    id: 'W-TK-010',
    section: '8.1',
    slug: 'draining-task-worker-refuses-jobs',
    title: 'A draining task worker answers Execute with TASK_OVERLOADED',
    requirements: ['DRAIN-4', 'DRAIN-1'],
    level: 'MUST',
    feature: 'tasks',
    procedure: ['Start the task worker; run the --task-slow job as request 17 (it keeps the worker draining).', 'Send Drain, then Execute{18}.'],
    expectations: [`Error{code: ${codeName(304)}, request_id: 18, fatal: false}; job 17 still completes.`],
    async run(ctx) {
      const w = await taskWorker(ctx);
      const slow = ctx.job('slow');
      execute(w, 17, slow);
      await sleep(50);
      w.wire.send({ kind: 'drain', body: { deadlineMs: 10_000, reason: 'conformance' } });
      await sleep(50);
      execute(w, 18, ctx.jobs.quick ?? slow);
      const f = await finalReply(w, 18, ctx.timing.timeoutMs);
      check(f.kind === 'error' && f.body.code === ErrorCode.ERROR_CODE_TASK_OVERLOADED && !f.body.fatal, 'a draining worker took a new job',
        `Error{${codeName(304)}, request_id: 18}`, text([f]), ['DRAIN-4']);
      await finalReply(w, 17, ctx.timing.timeoutMs * 5);
    },
  }),
  workerCase({
    id: 'W-TK-011',
    section: '4.2',
    slug: 'request-id-above-2-53',
    title: 'An Execute request_id above 2^53 - 1 is INVALID_FIELD',
    requirements: ['MSG-7'],
    level: 'MUST',
    feature: 'tasks',
    procedure: ['Start the task worker.', 'Send Execute{request_id: 2^60}.'],
    expectations: [`Error{code: ${codeName(206)}, fatal: true}, close, exit.`],
    async run(ctx) {
      const w = await taskWorker(ctx);
      execute(w, 2 ** 60, ctx.jobs.quick ?? 'conformance.any');
      await expectFatalError(ctx, w, ErrorCode.ERROR_CODE_INVALID_FIELD, ['MSG-7']);
    },
  }),
  workerCase({
    id: 'W-TK-015',
    section: '4.6',
    slug: 'result-within-frame-limit',
    title: 'A result too large for one frame is streamed in Chunks or answered TASK_FAILED, never sent in an oversize frame',
    requirements: ['TASK-19', 'FRAME-10'],
    level: 'MUST',
    feature: 'tasks',
    procedure: [
      `Start the task worker with Welcome.max_frame_bytes ${ECHO_LIMIT} (or its own limit, if smaller).`,
      'Run the --task-echo job as request 41 with raw bytes (no content type) and as request 42 with a JSON array of 1e20s,' +
        ' each payload as large as the frame limit lets the Execute be: an echo labels bytes application/octet-stream, and a JSON codec writes 1e20 longer than it came, so either answer outgrows the frame.',
    ],
    expectations: [
      'Each job ends with a Result that fits the limit, Chunks that each fit and End (tasks.stream), or Error{TASK_FAILED, fatal: false}.',
      'No frame above the negotiated limit.',
    ],
    async run(ctx) {
      const name = ctx.job('echo');
      ctx.need('tasks');
      const limit = Math.min(ECHO_LIMIT, ctx.testee.maxFrameBytes || DEFAULT_MAX_FRAME_BYTES);
      const w = ctx.start({ task: true });
      await w.handshake({ maxFrameBytes: limit });
      const probes = [
        { requestId: 41, contentType: '', fill: (n: number) => new Uint8Array(n).fill(0x78) },
        { requestId: 42, contentType: 'application/json', fill: jsonOf1e20 },
      ];
      for (const p of probes) {
        const body = { requestId: p.requestId, name, payload: new Uint8Array(), contentType: p.contentType };
        // The largest payload whose Execute still fits: the sizes of the
        // length prefixes change with it, so shrink until it fits.
        let size = limit - encodeMessage({ kind: 'execute', body }).length;
        while (size > 0 && encodeMessage({ kind: 'execute', body: { ...body, payload: p.fill(size) } }).length > limit) size--;
        w.wire.send({ kind: 'execute', body: { ...body, payload: p.fill(size) } });
        const f = await finalReply(w, p.requestId, ctx.timing.timeoutMs * 2);
        const frames = w.wire.received.filter((i): i is Msg => i.type === 'message' && ['result', 'chunk', 'end', 'error'].includes(i.message.kind) &&
          (i.message.body as { requestId?: number }).requestId === p.requestId);
        const over = frames.find((i) => i.size > limit);
        if (over) {
          fail('the worker sent a reply above the negotiated frame limit', `every frame of job ${p.requestId} within ${limit} octets (Chunks or TASK_FAILED)`,
            `${over.message.kind} of ${over.size} octets for a ${size}-octet ${p.contentType || 'raw'} payload`, ['TASK-19', 'FRAME-10']);
        }
        const chunked = frames.some((i) => i.message.kind === 'chunk');
        check(f.kind === 'result' || f.kind === 'end' || (f.kind === 'error' && f.body.code === ErrorCode.ERROR_CODE_TASK_FAILED && !f.body.fatal),
          'a result too large for a frame was not answered as TASK-19 says', `Result within ${limit} octets, Chunks then End, or Error{${codeName(303)}, fatal: false}`,
          text([f]), ['TASK-19']);
        check(!chunked || w.wire.features.includes('tasks.stream'), 'the worker streamed without tasks.stream', 'Result or Error', text(frames.map((i) => i.message)), ['TASK-4']);
      }
    },
  }),
  workerCase({
    id: 'W-TK-016',
    section: '4.6.3',
    slug: 'meta-does-not-change-a-job',
    title: 'A job with Execute.meta the worker does not know runs as it does without (1.3)',
    requirements: ['TASK-28'],
    level: 'MUST',
    feature: 'tasks',
    procedure: [
      'Start the task worker; it must speak 1.3 or later (UNSUPPORTED otherwise).',
      'Run the --task job as request 46 without meta, then as request 47 with meta of keys no worker knows (corral.* and others, non-ASCII, an empty value, "constructor", "__proto__").',
    ],
    expectations: ['Job 47 ends as job 46 did: the same final reply (Result, End, or an Error of the same code), never an Error job 46 did not get; the channel stays open.'],
    async run(ctx) {
      const w = await metaWorker(ctx);
      const name = ctx.job('quick');
      execute(w, 46, name);
      const plain = await finalReply(w, 46, ctx.timing.timeoutMs * 2);
      execute(w, 47, name, 0, META);
      const withMeta = await finalReply(w, 47, ctx.timing.timeoutMs * 2);
      const same = withMeta.kind === plain.kind && (withMeta.kind !== 'error' || (plain.kind === 'error' && withMeta.body.code === plain.body.code));
      check(same, 'the worker treated a job differently because of its meta', `as without meta: ${text([plain])}`, text([withMeta]), ['TASK-28']);
      await expectDrained(ctx, w, ['TASK-28']);
    },
  }),
  workerCase({
    id: 'W-TK-017',
    section: '4.6.3',
    slug: 'action-sees-meta',
    title: 'The action sees every entry of Execute.meta as it arrived (1.3)',
    requirements: ['TASK-27'],
    level: 'MUST',
    feature: 'tasks',
    procedure: [
      'Start the task worker; it must speak 1.3 or later (UNSUPPORTED otherwise).',
      'Run the --task-meta job as request 48 with meta of nine entries (corral.* keys, non-ASCII, an empty value, "constructor", "__proto__"), and as request 49 with none.',
    ],
    expectations: ['Job 48\'s Result is a JSON object equal to the meta sent; job 49\'s is {}.'],
    async run(ctx) {
      const w = await metaWorker(ctx);
      const name = ctx.job('meta');
      const answer = async (requestId: number, meta: Record<string, string> | undefined): Promise<unknown> => {
        execute(w, requestId, name, 0, meta);
        const f = await finalReply(w, requestId, ctx.timing.timeoutMs * 2);
        if (f.kind !== 'result') fail('the --task-meta job did not answer with a Result', 'Result{a JSON object}', text([f]), ['TASK-27']);
        try {
          return JSON.parse(Buffer.from(f.body.payload).toString('utf8')) as unknown;
        } catch {
          return fail('the --task-meta job did not answer JSON', 'Result{a JSON object}', text([f]), ['TASK-27']);
        }
      };
      const seen = await answer(48, META);
      const sorted = (o: unknown) => (typeof o === 'object' && o !== null && !Array.isArray(o) ? JSON.stringify(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1))) : JSON.stringify(o));
      check(sorted(seen) === sorted(META), 'the action did not see the job\'s meta as it was sent', JSON.stringify(META), JSON.stringify(seen), ['TASK-27']);
      const none = await answer(49, undefined);
      check(sorted(none) === '[]', 'the action saw meta in a job that had none', '{}', JSON.stringify(none), ['TASK-27']);
    },
  }),
];
