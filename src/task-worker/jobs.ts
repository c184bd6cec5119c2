// The jobs a task worker runs (spec.md section 4.6): one Job per Execute,
// from the action's call to the job's one final reply.
//
//   Execute ─► action(payload, ctx) ─► value ──────────────► Result       [TASK-3]
//                                  └─► iterable ─► Chunk* ─► End          [TASK-5, TASK-6]
//                                  └─► throws ──────────────► Error TASK_FAILED [TASK-10]
//   deadline passes ─► Error TASK_TIMEOUT at once, signal aborted        [TASK-13]
//   Cancel          ─► Error TASK_CANCELLED at once, signal aborted      [TASK-16]
//
// After the final reply nothing more is sent for the job: output that the
// action produces later is discarded. A stream is pulled only while the
// job has credit [FLOW-1] and the channel is not backed up.
import { corral, type OutMessage } from '../protocol/codec.js';
import { TaskCancelledError, TaskTimeoutError } from '../protocol/errors.js';
import { EMPTY_META, type Meta } from '../protocol/meta.js';
import { decodePayload, encodeResult, encodeValue, findAction, gathered, isStream, type LogLevel, type TaskApp, type TaskContext } from './app.js';

const { ErrorCode } = corral.v1;

/** What the jobs need from the runtime. */
export interface JobHost {
  readonly apps: ReadonlyMap<string, TaskApp>;
  /** tasks.stream negotiated: streams go as Chunks, else gathered into one Result [TASK-4]. */
  readonly stream: boolean;
  /** tasks.flow negotiated: Execute.window and Credit pace streams [FLOW-1]. */
  readonly flow: boolean;
  /** 1.3 or later negotiated: Execute.meta is the action's ctx.meta [TASK-27]. */
  readonly meta: boolean;
  /** The negotiated frame limit [NEG-15, TASK-19]. */
  readonly maxFrameBytes: number;
  now(): number;
  send(m: OutMessage): void;
  /** A promise when the channel is backed up, resolved once it drained (or closed). */
  backedUp(): Promise<void> | undefined;
  error(code: number, message: string, requestId: number): void;
  log(line: string): void;
  /** The number of running jobs changed. */
  loadChanged(): void;
}

function varintBytes(n: number): number {
  let bytes = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    bytes++;
  }
  return bytes;
}

/** An upper bound of a Result or Chunk frame's Envelope size: a field for the id, a uint32 (seq) or string (content type), and the payload. */
function frameBytes(requestId: number, payloadBytes: number, extraField: number): number {
  const body = 1 + varintBytes(requestId) + 1 + varintBytes(payloadBytes) + payloadBytes + extraField;
  return 1 + varintBytes(body) + body;
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as PromiseLike<unknown>).then === 'function';
}

function reason(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  const s = String(err);
  return s === '' ? 'the action failed' : s;
}

type Iter = AsyncIterator<unknown> | Iterator<unknown>;

/** One running job; it is also the action's TaskContext. */
class Job implements TaskContext {
  readonly requestId: number;
  readonly contentType: string;
  readonly deadline: number | undefined;
  readonly name: string;
  /** The final reply has been sent, or the job abandoned: nothing more goes out for it. */
  finished = false;
  credit: number;
  timer: NodeJS.Timeout | undefined;
  iterator: Iter | undefined;
  #rawMeta: Record<string, string> | undefined;
  #meta: Meta | undefined;
  #controller: AbortController | undefined;
  #aborted: Error | undefined;
  #wake: (() => void) | undefined;
  readonly #log: (line: string) => void;

  constructor(body: corral.v1.Execute, deadline: number | undefined, credit: number, meta: boolean, log: (line: string) => void) {
    this.requestId = body.requestId;
    this.contentType = body.contentType;
    this.name = body.name;
    this.#rawMeta = meta ? body.meta : undefined;
    this.deadline = deadline;
    this.credit = credit;
    this.#log = log;
  }

  // Made on first use: most actions never look at it, and the bench's
  // smallest jobs should not pay for an AbortController each.
  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort(this.#aborted);
    }
    return this.#controller.signal;
  }

  // Made on first use, as the signal is: a frozen copy without a prototype,
  // so that keys such as "constructor" or "__proto__" are plain entries.
  get meta(): Meta {
    if (this.#meta === undefined) {
      const raw = this.#rawMeta;
      const keys = raw ? Object.keys(raw) : [];
      if (keys.length === 0) this.#meta = EMPTY_META;
      else {
        const copy = Object.create(null) as Record<string, string>;
        for (const key of keys) copy[key] = raw![key]!;
        this.#meta = Object.freeze(copy);
      }
    }
    return this.#meta;
  }

  log(level: LogLevel, message: string): void {
    this.#log(`job ${this.requestId} (${this.name}) ${level}: ${message}`);
  }

  abort(why: Error): void {
    this.#aborted = why;
    this.#controller?.abort(why);
    this.wake();
  }

  addCredit(n: number): void {
    this.credit += n;
    this.wake();
  }

  /** Resolves when credit arrives or the job finishes. */
  waitCredit(): Promise<void> {
    return new Promise((resolve) => (this.#wake = resolve));
  }

  wake(): void {
    const w = this.#wake;
    this.#wake = undefined;
    w?.();
  }
}

export class Jobs {
  readonly #host: JobHost;
  readonly #running = new Map<number, Job>();
  /** Jobs started and jobs finished since the worker started (Heartbeat.accepted_total, requests_total). */
  startedTotal = 0;
  finishedTotal = 0;

  constructor(host: JobHost) {
    this.#host = host;
  }

  get running(): number {
    return this.#running.size;
  }

  has(requestId: number): boolean {
    return this.#running.has(requestId);
  }

  /** Runs the job of `body`; the caller has checked the id, the capacity and the drain. */
  start(body: corral.v1.Execute): void {
    const host = this.#host;
    const id = body.requestId;
    const found = findAction(host.apps, body.name);
    if (!found) {
      host.error(ErrorCode.ERROR_CODE_TASK_UNKNOWN, `no job named ${JSON.stringify(body.name)} in this worker (apps: ${[...host.apps.keys()].join(', ') || 'none'})`, id); // TASK-9
      return;
    }
    let payload: unknown;
    try {
      payload = decodePayload(body.payload, body.contentType);
    } catch (err) {
      host.error(ErrorCode.ERROR_CODE_TASK_FAILED, `the payload is not valid ${body.contentType}: ${reason(err)}`, id);
      return;
    }
    const credit = host.flow && body.window > 0 ? body.window : Infinity;
    const job = new Job(body, body.deadlineMs > 0 ? host.now() + body.deadlineMs : undefined, credit, host.meta, (line) => host.log(line));
    this.#running.set(id, job);
    this.startedTotal++;
    host.loadChanged();
    if (body.deadlineMs > 0) {
      job.timer = setTimeout(() => this.#abort(job, ErrorCode.ERROR_CODE_TASK_TIMEOUT, new TaskTimeoutError(`the job's deadline of ${body.deadlineMs} ms passed`)), body.deadlineMs);
      job.timer.unref();
    }
    let value: unknown;
    try {
      value = found.action.call(found.app, payload, job);
    } catch (err) {
      this.#fail(job, err);
      return;
    }
    this.#settle(job, value);
  }

  /** Cancel: TASK_CANCELLED at once for a running job [TASK-16]; ignored otherwise [TASK-17]. */
  cancel(requestId: number, why: string): void {
    const job = this.#running.get(requestId);
    if (job) this.#abort(job, ErrorCode.ERROR_CODE_TASK_CANCELLED, new TaskCancelledError(why ? `the job was cancelled: ${why}` : 'the job was cancelled'));
  }

  /** Credit for a streaming job; ignored for one that is not running [FLOW-5]. */
  credit(requestId: number, chunks: number): void {
    this.#running.get(requestId)?.addCredit(chunks);
  }

  /** The worker is going away: every job's signal aborts and nothing more is sent for it. */
  abandonAll(why: string): void {
    const err = new TaskCancelledError(why);
    for (const job of this.#running.values()) this.#finish(job, err);
    this.#running.clear();
  }

  #settle(job: Job, value: unknown): void {
    if (isThenable(value)) {
      Promise.resolve(value).then(
        (v) => this.#settle(job, v),
        (err: unknown) => this.#fail(job, err),
      );
      return;
    }
    if (job.finished) return;
    if (isStream(value)) void this.#pump(job, value);
    else this.#result(job, value);
  }

  #result(job: Job, value: unknown): void {
    if (job.finished) return;
    let enc: { payload: Uint8Array; contentType: string };
    try {
      enc = encodeResult(value, job.contentType);
    } catch (err) {
      this.#fail(job, `the result cannot be encoded as ${job.contentType || 'bytes'}: ${reason(err)}`);
      return;
    }
    const ct = Buffer.byteLength(enc.contentType);
    const size = frameBytes(job.requestId, enc.payload.length, 1 + varintBytes(ct) + ct);
    if (size > this.#host.maxFrameBytes) {
      // TASK-19: a Result never exceeds the frame limit.
      this.#fail(job, `the result of ${enc.payload.length} bytes does not fit in a frame: the negotiated limit is ${this.#host.maxFrameBytes} bytes`);
      return;
    }
    this.#host.send({ kind: 'result', body: { requestId: job.requestId, payload: enc.payload, contentType: enc.contentType } });
    this.#done(job);
  }

  async #pump(job: Job, source: AsyncIterable<unknown> | Iterator<unknown>): Promise<void> {
    const host = this.#host;
    let it: Iter;
    try {
      it = Symbol.asyncIterator in source ? (source as AsyncIterable<unknown>)[Symbol.asyncIterator]() : (source as Iterator<unknown>);
    } catch (err) {
      this.#fail(job, err);
      return;
    }
    job.iterator = it;
    const collected: unknown[] | undefined = host.stream ? undefined : [];
    let seq = 0;
    try {
      for (;;) {
        if (!collected) {
          // FLOW-1: the generator is not pulled while the credit is spent.
          while (job.credit <= 0 && !job.finished) await job.waitCredit();
          const backlog = host.backedUp();
          if (backlog) await backlog;
        }
        if (job.finished) return;
        const r = await it.next();
        if (job.finished) return;
        if (r.done) break;
        const v = isThenable(r.value) ? await r.value : r.value;
        if (job.finished) return;
        if (collected) {
          collected.push(v);
          continue;
        }
        const payload = encodeValue(v, job.contentType);
        if (frameBytes(job.requestId, payload.length, 1 + varintBytes(seq)) > host.maxFrameBytes) {
          this.#fail(job, `chunk ${seq} of ${payload.length} bytes does not fit in a frame: the negotiated limit is ${host.maxFrameBytes} bytes`); // TASK-19
          return;
        }
        host.send({ kind: 'chunk', body: { requestId: job.requestId, seq, payload } });
        seq++;
        job.credit--;
      }
    } catch (err) {
      this.#fail(job, err);
      return;
    }
    job.iterator = undefined; // ran to its end: nothing to close
    if (collected) {
      this.#result(job, gathered(collected, job.contentType));
      return;
    }
    host.send({ kind: 'end', body: { requestId: job.requestId, chunks: seq } });
    this.#done(job);
  }

  #fail(job: Job, err: unknown): void {
    if (job.finished) return;
    this.#host.error(ErrorCode.ERROR_CODE_TASK_FAILED, reason(err), job.requestId); // TASK-10
    this.#finish(job, undefined);
    this.#running.delete(job.requestId);
    this.finishedTotal++;
    this.#host.loadChanged();
  }

  /** Timeout or Cancel: the Error goes first, then the signal aborts. */
  #abort(job: Job, code: number, why: Error): void {
    if (job.finished) return;
    this.#host.error(code, why.message, job.requestId);
    this.#finish(job, why);
    this.#running.delete(job.requestId);
    this.finishedTotal++;
    this.#host.loadChanged();
  }

  #done(job: Job): void {
    this.#finish(job, undefined);
    this.#running.delete(job.requestId);
    this.finishedTotal++;
    this.#host.loadChanged();
  }

  /** Marks the job finished; with `why`, aborts its signal; closes a stream that did not end. */
  #finish(job: Job, why: Error | undefined): void {
    job.finished = true;
    if (job.timer) clearTimeout(job.timer);
    job.timer = undefined;
    const it = job.iterator;
    job.iterator = undefined;
    if (why) job.abort(why);
    else job.wake();
    if (it && typeof it.return === 'function') {
      // Runs the generator's finally blocks; an async generator that is
      // still running does so once it next yields.
      try {
        const r = it.return(undefined);
        if (isThenable(r)) Promise.resolve(r).catch(() => {});
      } catch {
        // Its clean-up failed; the job has already been answered.
      }
    }
  }
}
