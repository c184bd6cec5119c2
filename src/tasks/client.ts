// The caller side of the task pool: execute() and stream() over any
// transport that carries Execute / Cancel / Credit out and the job-reply
// sequence back (spec.md section 4.7). The same client serves the embedding
// process (frames handed to the arbiter's pool as objects), a socket worker
// (its control channel) and a script outside the pool (the task socket).
//
//   execute ──Execute{id, window}──►            stream consumer pulls a chunk
//           ◄──Result | Error──────              └─ every window/2 chunks read: Credit{id, n}
//
// Each call has its own request id, unique while outstanding (CALL-2). An
// aborted signal sends Cancel and settles the call at once; what arrives
// for it later is dropped (TASK-18).
import type { Message, OutMessage } from '../protocol/codec.js';
import { errorFromWire, FrameTooLargeError, TaskCancelledError, TaskOverloadedError, TaskTimeoutError } from '../protocol/errors.js';
import { CorralError, InvalidOptionError } from '../errors.js';
import { metaProblem, metaWireBytes, type Meta } from '../protocol/meta.js';
import { contentTypeOf, decodePayload, encodePayload, type CodecName } from './codec.js';

/** Options of one call. */
export interface CallOptions {
  /** Aborting it cancels the job (Cancel is sent) and rejects with CORRAL_ERR_TASK_CANCELLED. */
  signal?: AbortSignal;
  /** The job must finish within this many ms of the arbiter receiving it (queue time included); 0 = none. */
  deadlineMs?: number;
  /** The job may be run again on another worker if its worker is lost before any output. */
  idempotent?: boolean;
  /**
   * Job metadata that the action reads as `ctx.meta` (Execute.meta, spec.md
   * section 4.6.3): who asked, a trace id, a key that makes a retry safe.
   * Strings to strings, at most 64 entries and 4096 octets of keys and
   * values in UTF-8; keys beginning with `corral.` are the arbiter's own and
   * are refused (CORRAL_ERR_INVALID_OPTION). The action does not see it
   * when the arbiter, or the task worker that runs the job, speaks a
   * protocol before 1.3.
   */
  meta?: Readonly<Record<string, string>>;
  /** How the payload is encoded (default json; a Buffer is always sent raw). */
  codec?: CodecName;
  /** When the app's queue is full: reject with CORRAL_ERR_TASK_OVERLOADED (default), or retry with backoff until the deadline or the signal. */
  whenFull?: 'reject' | 'wait';
}

export interface TaskTransport {
  send(m: OutMessage): void;
}

export interface TaskClientOptions {
  /** Pace streamed results with Credit (tasks.flow negotiated). */
  flow: boolean;
  /** Chunks the caller buffers per stream (Execute.window). */
  window?: number;
  /** Send Execute.meta (protocol 1.3 or later negotiated); without it a call's meta is left out. */
  meta?: boolean;
  /** The negotiated frame limit: a call whose Execute would not fit is refused here, not by the arbiter (which would close the channel). */
  maxFrameBytes?: number;
}

type Reply = Extract<Message | OutMessage, { kind: 'result' | 'chunk' | 'end' | 'error' }>;

interface Pending {
  /** Set by #begin before Execute leaves: a local pool may answer inside send(). */
  id: number;
  codec: CodecName;
  onReply(m: Reply): void;
  fail(err: Error): void;
}

const DEFAULT_WINDOW = 16;

export class TaskClient {
  readonly #t: TaskTransport;
  readonly #flow: boolean;
  readonly #meta: boolean;
  readonly #window: number;
  readonly #maxFrameBytes: number;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #closed: Error | undefined;

  constructor(transport: TaskTransport, o: TaskClientOptions) {
    this.#t = transport;
    this.#flow = o.flow;
    this.#meta = o.meta === true;
    this.#window = o.window ?? DEFAULT_WINDOW;
    this.#maxFrameBytes = o.maxFrameBytes ?? Infinity;
  }

  /** Calls in flight. */
  get pending(): number {
    return this.#pending.size;
  }

  /** A job-reply frame from the arbiter. Returns false when it belongs to no call of ours. */
  receive(m: Reply): boolean {
    const p = this.#pending.get(Number(m.body.requestId ?? 0));
    if (!p) return false;
    p.onReply(m);
    return true;
  }

  /** The transport is gone: every call in flight rejects with `err`; later calls too. */
  close(err: Error): void {
    this.#closed ??= err;
    for (const p of [...this.#pending.values()]) p.fail(err);
    this.#pending.clear();
  }

  /** Runs `app.action` and resolves with its result (decoded by its content type). */
  async execute(app: string, action: string, payload?: unknown, o: CallOptions = {}): Promise<unknown> {
    for (let backoff = 5; ; backoff = Math.min(backoff * 2, 200)) {
      const started = performance.now();
      try {
        return await this.#once(app, action, payload, o);
      } catch (err) {
        if (!(err instanceof TaskOverloadedError) || o.whenFull !== 'wait' || o.signal?.aborted) throw err;
        // Waiting is the caller's, never the arbiter's memory: retry until the deadline.
        if (o.deadlineMs) {
          const left = Math.floor(o.deadlineMs - (performance.now() - started) - backoff);
          o = { ...o, deadlineMs: left };
          if (left <= 0) throw new TaskTimeoutError(`${app}.${action}: the queue stayed full until the deadline`, { cause: err });
        }
        await new Promise((r) => setTimeout(r, backoff));
      }
    }
  }

  #once(app: string, action: string, payload: unknown, o: CallOptions): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const chunks: unknown[] = [];
      // Declared first: a local pool may answer inside send() (TASK_UNKNOWN, say).
      let cleanup: (() => void) | undefined;
      const p: Pending = {
        id: 0,
        codec: o.codec ?? 'json',
        onReply: (m) => {
          if (m.kind === 'chunk') return void chunks.push(decodePayload(m.body.payload ?? new Uint8Array(0), contentTypeOf(o.codec)));
          this.#end(p.id, cleanup);
          if (m.kind === 'result') {
            try {
              resolve(decodePayload(m.body.payload ?? new Uint8Array(0), m.body.contentType ?? ''));
            } catch (err) {
              reject(new CorralError('CORRAL_ERR_DECODE', `${app}.${action}: the result is not valid ${m.body.contentType}: ${(err as Error).message}`));
            }
          } else if (m.kind === 'end') resolve(chunks);
          else reject(wireError(m));
        },
        fail: (err) => {
          this.#end(p.id, cleanup);
          reject(err);
        },
      };
      const id = this.#begin(app, action, payload, o, 0, p, reject);
      if (id !== 0 && this.#pending.has(id)) cleanup = this.#watchSignal(id, o.signal);
    });
  }

  /** Runs `app.action` and yields each chunk of its streamed result (a single Result is yielded once). */
  async *stream(app: string, action: string, payload?: unknown, o: CallOptions = {}): AsyncGenerator<unknown, void, undefined> {
    const window = this.#flow ? this.#window : 0;
    const queue: Reply[] = [];
    let wake: (() => void) | undefined;
    let failure: Error | undefined;
    let done = false;
    let consumed = 0;
    let startErr: Error | undefined;
    const id = this.#begin(app, action, payload, o, window, {
      id: 0,
      codec: o.codec ?? 'json',
      onReply: (m) => {
        queue.push(m);
        if (m.kind !== 'chunk') done = true;
        wake?.();
      },
      fail: (err) => {
        failure = err;
        done = true;
        wake?.();
      },
    }, (err) => (startErr = err));
    if (startErr) throw startErr;
    const cleanup = this.#watchSignal(id, o.signal);
    try {
      for (;;) {
        const m = queue.shift();
        if (!m) {
          if (failure) throw failure;
          if (done && queue.length === 0) return;
          await new Promise<void>((r) => (wake = r));
          wake = undefined;
          continue;
        }
        if (m.kind === 'chunk') {
          yield decodePayload(m.body.payload ?? new Uint8Array(0), contentTypeOf(o.codec));
          // Credit for what was read, half a window at a time (FLOW-3).
          if (window > 0 && ++consumed >= Math.max(1, window >> 1) && this.#pending.has(id)) {
            this.#t.send({ kind: 'credit', body: { requestId: id, chunks: consumed } });
            consumed = 0;
          }
        } else if (m.kind === 'result') {
          yield decodePayload(m.body.payload ?? new Uint8Array(0), m.body.contentType ?? '');
          return;
        } else if (m.kind === 'end') return;
        else throw wireError(m);
      }
    } finally {
      // A consumer that stops early (break, throw) cancels the job.
      if (this.#pending.has(id)) {
        this.#pending.delete(id);
        this.#safeSend({ kind: 'cancel', body: { requestId: id, reason: 'the caller stopped reading' } });
      }
      cleanup?.();
    }
  }

  /** Sends Execute; returns the request id, or 0 after calling reject (bad arguments, closed, aborted). */
  #begin(app: string, action: string, payload: unknown, o: CallOptions, window: number, p: Pending, reject: (err: Error) => void): number {
    try {
      if (this.#closed) throw this.#closed;
      if (typeof app !== 'string' || app === '' || app.includes('.')) throw new InvalidOptionError(`app must be a non-empty name without dots, got ${JSON.stringify(app)}`);
      if (typeof action !== 'string' || action === '') throw new InvalidOptionError(`action must be a non-empty string, got ${JSON.stringify(action)}`);
      const deadlineMs = o.deadlineMs ?? 0;
      if (!Number.isInteger(deadlineMs) || deadlineMs < 0 || deadlineMs > 0xffffffff) throw new InvalidOptionError(`options.deadlineMs must be a non-negative integer, got ${deadlineMs}`);
      const problem = o.meta === undefined ? undefined : metaProblem(o.meta);
      if (problem) throw new InvalidOptionError(`options.meta: ${problem.message}`, { range: problem.range });
      if (o.signal?.aborted) throw new TaskCancelledError(`${app}.${action}: aborted before it was sent`, { cause: o.signal.reason });
      const { payload: bytes, contentType } = encodePayload(payload, o.codec ?? 'json');
      // A copy, as the payload's bytes are: the job may wait in a queue while the caller reuses its object.
      const meta: Meta | undefined = this.#meta && o.meta ? { ...o.meta } : undefined;
      // Envelope and field overhead is well under 64 octets besides the name, content type and meta.
      const size = bytes.length + Buffer.byteLength(app) + Buffer.byteLength(action) + contentType.length + metaWireBytes(meta) + 64;
      if (size > this.#maxFrameBytes) throw new FrameTooLargeError(`${app}.${action}: a payload of ${bytes.length} bytes does not fit in a frame (limit ${this.#maxFrameBytes} bytes); pass a reference to the data instead`);
      const id = this.#nextId++;
      p.id = id;
      this.#pending.set(id, p);
      this.#t.send({ kind: 'execute', body: { requestId: id, name: `${app}.${action}`, payload: bytes, contentType, deadlineMs, window, idempotent: o.idempotent === true, ...(meta ? { meta } : {}) } });
      return id;
    } catch (err) {
      reject(err as Error);
      return 0;
    }
  }

  #watchSignal(id: number, signal: AbortSignal | undefined): (() => void) | undefined {
    if (!signal) return undefined;
    const onAbort = () => {
      const p = this.#pending.get(id);
      if (!p) return;
      this.#pending.delete(id);
      this.#safeSend({ kind: 'cancel', body: { requestId: id, reason: 'aborted by the caller' } });
      p.fail(new TaskCancelledError('aborted by the caller', { cause: signal.reason }));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    return () => signal.removeEventListener('abort', onAbort);
  }

  #end(id: number, cleanup: (() => void) | undefined): void {
    this.#pending.delete(id);
    cleanup?.();
  }

  #safeSend(m: OutMessage): void {
    if (this.#closed) return;
    try {
      this.#t.send(m);
    } catch {
      // The transport failed: close() settles everything.
    }
  }
}


function wireError(m: Extract<Reply, { kind: 'error' }>): CorralError {
  return errorFromWire(m.body.code ?? 0, m.body.message ?? '', { requestId: Number(m.body.requestId ?? 0), fatal: false });
}
