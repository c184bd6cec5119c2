// The arbiter as a consumer of durable queues (spec.md section 13): it takes
// jobs from Redis and runs them on its own task workers through the task
// pool, as it runs its callers' jobs, then writes each outcome back. One
// consumer per arbiter; the task workers never see Redis, so a Python task
// worker serves a Redis queue as it serves execute().
//
//   Redis ──fetch.lua──► held (≤ prefetch) ──submit──► TaskPool ──► task worker
//   Redis ◄─finish.lua── outcome (retried until Redis takes it) ◄── reply
//
// Race windows, named:
// - Between a run's end and finish.lua: the job is still pending under this
//   consumer; if the arbiter dies here the job is reclaimed and runs again
//   (at-least-once), and idempotency keys or a final-state check make the
//   second outcome a no-op (QUEUE-6).
// - Between revoke.lua and the control message: a job revoked while it runs
//   finishes here and its outcome is discarded as stale.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { errorFromWire } from '../protocol/errors.js';
import type { OutMessage } from '../protocol/codec.js';
import { ErrorCode } from '../protocol/codec.js';
import type { Delivery, Outcome } from '../broker/broker.js';
import { RedisBroker, redact } from '../broker/redis.js';
import { QUEUE_DEFAULTS, backoffDelay } from '../queue/options.js';
import { Beat } from '../queue/beat.js';
import { Queue } from '../queue/producer.js';
import { decodePayload, encodeResult } from '../tasks/codec.js';
import type { Logger } from './log.js';
import type { QueueOptions } from './queue-options.js';
import type { Caller, TaskPool } from './task-pool.js';

interface Reply { ok: true; payload: Uint8Array; contentType: string } 
type RunResult = Reply | { ok: false; wire: number; code: string; message: string };

interface Held {
  d: Delivery;
  /** Request ids of this delivery's runs in the pool (one, or one at a time for `each`). */
  rid: number;
  /** Its first run reached a task worker (STARTED was asked for). */
  started?: boolean;
}

export interface QueueConsumerDeps {
  pool: TaskPool;
  log: Logger;
  /** Jobs held at once when options.prefetch is 0: the task workers' capacity. */
  capacity(): number;
}

export class QueueConsumer {
  readonly name = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  readonly broker: RedisBroker;
  readonly #o: QueueOptions;
  readonly #deps: QueueConsumerDeps;
  readonly #caller: Caller;
  readonly #held = new Map<string, Held>();
  readonly #calls = new Map<number, { resolve(r: RunResult): void; chunks: Uint8Array[]; contentType: string }>();
  #nextId = 0;
  #running = false;
  #loopDone: Promise<void> = Promise.resolve();
  #wake: (() => void) | undefined;
  #timers: NodeJS.Timeout[] = [];
  #promoteTimer: NodeJS.Timeout | undefined;
  #toStart: string[] = [];
  #writes = new Set<Promise<void>>();
  #outage: number | undefined;
  #unsubscribe: (() => void) | undefined;
  /** close() gave up waiting: outcomes not written by now stay pending for another consumer. */
  #stopForced = false;
  #beat: Beat | undefined;
  #producer: Queue | undefined;
  readonly counts = { fetched: 0, succeeded: 0, failed: 0, retried: 0, lost: 0, returned: 0, stale: 0, dead: 0, reclaimed: 0 };

  constructor(o: QueueOptions, deps: QueueConsumerDeps) {
    this.#o = o;
    this.#deps = deps;
    this.broker = new RedisBroker(o.redis, { prefix: o.prefix, resultTtlMs: o.resultTtlMs, keep: o.keep, name: `corral-consumer-${process.pid}` });
    this.#caller = { name: 'queue', reply: (m) => this.#reply(m) };
    this.#fetchO.maxDeliveries = o.maxDeliveries;
    this.#fetchO.rates = o.rates;
  }

  get prefetch(): number {
    return this.#o.prefetch > 0 ? this.#o.prefetch : Math.max(1, QUEUE_DEFAULTS.prefetchMultiplier * this.#deps.capacity());
  }

  /** Resolves once the consumer is connected and taking jobs. */
  started: Promise<void> = new Promise(() => {});
  #closing = false;

  /** Connects (retrying while Redis is away), makes the consumer groups, and starts taking jobs. */
  start(): void {
    this.started = (async () => {
      for (let pause = 200; !this.#closing; pause = Math.min(pause * 2, 5000)) {
        try {
          await this.broker.ready(5000);
          await this.broker.ensureGroups(this.#o.queues);
          await this.broker.alive(this.name, this.#o.visibilityMs);
          this.#recovered();
          break;
        } catch (err) {
          this.#broken(err);
          await new Promise((r) => setTimeout(r, pause));
        }
      }
      if (this.#closing) return;
      await this.#begin();
    })();
    this.started.catch((err: unknown) => this.#deps.log.warning(`queue consumer did not start: ${(err as Error).message}`));
  }

  async #begin(): Promise<void> {
    this.#running = true;
    const every = (ms: number, fn: () => Promise<unknown>) => {
      const t = setInterval(() => void fn().catch((err: unknown) => this.#broken(err)), ms);
      t.unref();
      this.#timers.push(t);
    };
    every(Math.max(100, Math.floor(this.#o.visibilityMs / 3)), () => this.broker.alive(this.name, this.#o.visibilityMs));
    every(Math.max(200, Math.floor(this.#o.visibilityMs / 2)), () => this.#reclaim());
    await this.#reclaim().catch((err: unknown) => this.#broken(err));
    void this.#promote();
    this.#unsubscribe = await this.broker.subscribe('ctl', (m) => this.#control(m));
    if (this.#o.schedules.length > 0) {
      this.#producer = await Queue.connect({ redis: this.#o.redis, prefix: this.#o.prefix });
      const producer = this.#producer;
      this.#beat = new Beat(this.#o.schedules, {
        now: () => Date.now(),
        setTimer: (fn, ms) => { const t = setTimeout(fn, ms); t.unref(); return { cancel: () => clearTimeout(t) }; },
        enqueue: (q, t, p, opts) => producer.enqueue(q, t, p, opts as never),
        log: (level, msg) => this.#deps.log.log(level, msg),
      });
      this.#beat.start();
    }
    this.#loopDone = this.#loop();
    this.#deps.log.info(`queue consumer ${this.name}: queues ${this.#o.queues.join(', ')} at ${redact(this.#o.redis)} (prefix ${this.#o.prefix}, prefetch ${this.prefetch}, visibility ${this.#o.visibilityMs} ms)`);
  }

  async #reclaim(): Promise<void> {
    // Our own orphans first: entries pending under our name that we do not hold.
    const entries = new Set([...this.#held.values()].map((h) => h.d.entry));
    for (const p of await this.broker.pendingOf(this.name, this.#o.queues, this.#o.visibilityMs)) {
      if (entries.has(p.entry) || this.#held.has(p.id)) continue;
      this.#deps.log.info(`queue consumer: entry ${p.entry} (job ${p.id || '?'}) was handed to this consumer by a reply that never arrived; it goes back to its queue`);
      const d = { stream: p.stream, entry: p.entry, id: p.id } as Delivery;
      if (p.id) this.#write(d, { kind: 'return' }, 'orphan');
      else await this.broker.finish(d, { kind: 'skip' }).catch(() => undefined);
    }
    const n = await this.broker.reclaim(this.name, this.#o.queues);
    if (n > 0) {
      this.counts.reclaimed += n;
      this.#deps.log.info(`queue consumer: ${n} job(s) of consumers gone silent for ${this.#o.visibilityMs} ms went back to their queues`);
    }
  }

  /** Moves due delayed jobs, then sleeps until the next one is due (at most a second: others enqueue delayed jobs too). */
  async #promote(): Promise<void> {
    if (!this.#running) return;
    let next = 1000;
    try {
      const { nextAt } = await this.broker.promote(this.#o.queues);
      if (nextAt !== undefined) next = Math.min(next, Math.max(5, nextAt - Date.now()));
    } catch (err) {
      this.#broken(err);
    }
    if (!this.#running) return;
    this.#promoteTimer = setTimeout(() => void this.#promote(), next);
    this.#promoteTimer.unref();
  }

  async #loop(): Promise<void> {
    let pause = 100;
    let drained = false;
    while (this.#running) {
      const free = this.prefetch - this.#held.size;
      if (free <= 0) {
        await new Promise<void>((resolve) => (this.#wake = resolve));
        // Outcomes are written in batches (auto-pipelined): let the batch's other releases land, then fetch for all of them at once.
        await new Promise((r) => setImmediate(r));
        continue;
      }
      try {
        // A fetch that came back short means the queue ran dry: block at once next time
        // instead of asking again first (one round trip less per job at low load).
        let got: Delivery[] = drained ? [] : await this.broker.fetch(this.name, this.#o.queues, free, this.#fetchOptions);
        if (got.length === 0 && this.#running) got = await this.broker.waitFor(this.name, this.#o.queues, free, this.#o.blockMs, this.#fetchOptions);
        drained = got.length < free;
        this.#recovered();
        pause = 100;
        for (const d of got) this.#dispatch(d);
      } catch (err) {
        if (!this.#running) break;
        this.#broken(err);
        await new Promise((r) => setTimeout(r, pause));
        pause = Math.min(pause * 2, 2000);
      }
    }
  }

  #dispatch(d: Delivery): void {
    this.counts.fetched++;
    if (this.#held.has(d.id)) {
      // The same job twice at once (reclaimed from us while we thought we were dead): one run is enough.
      this.#write(d, { kind: 'skip' }, 'duplicate');
      return;
    }
    const h: Held = { d, rid: 0, started: d.started };
    this.#held.set(d.id, h);
    // Whatever happens in between, the delivery ends with an outcome written (or left pending for reclaim).
    void this.#runDelivery(h)
      .catch((err: unknown): Outcome => ({ kind: 'fail', code: (err as { code?: string }).code ?? 'CORRAL_ERR_TASK_FAILED', message: (err as Error).message }))
      .then((outcome) => this.#write(d, outcome, 'run'));
  }

  /** The pool sent a run of job `id` to a task worker: STARTED, written in one call per batch. */
  #started(id: string): void {
    this.#toStart.push(id);
    if (this.#toStart.length === 1) setImmediate(() => this.#flushStarted());
  }

  #flushStarted(): void {
    const ids = this.#toStart.splice(0);
    this.#track(this.broker.started(ids).catch((err: unknown) => this.#broken(err)));
  }

  async #runDelivery(h: Held): Promise<Outcome> {
    const d = h.d;
    const name = `${d.queue}.${d.task}`;
    let r: RunResult;
    if (d.each) {
      let items: unknown;
      try { items = decodePayload(d.payload, d.contentType); } catch { items = undefined; }
      if (!Array.isArray(items)) return { kind: 'dead', code: 'CORRAL_ERR_INVALID_ARGUMENT', message: `${name}: a chunks job's payload must be a JSON array` };
      const results: unknown[] = [];
      r = { ok: true, payload: new Uint8Array(), contentType: 'application/json' };
      for (const item of items) {
        const one = await this.#run(h, name, Buffer.from(JSON.stringify(item ?? null)), 'application/json');
        if (!one.ok) { r = one; break; }
        results.push(decodePayload(one.payload, one.contentType));
      }
      if (r.ok) r = { ok: true, ...encodeResult(results, 'application/json') };
    } else {
      r = await this.#run(h, name, d.payload, d.contentType);
    }
    if (r.ok) {
      if (r.payload.byteLength > this.#o.maxPayloadBytes) return { kind: 'fail', code: 'CORRAL_ERR_QUEUE_PAYLOAD_TOO_LARGE', message: `the result is ${r.payload.byteLength} bytes, more than maxPayloadBytes (${this.#o.maxPayloadBytes})` };
      return { kind: 'ok', contentType: r.contentType, result: r.payload };
    }
    switch (r.wire) {
      case ErrorCode.ERROR_CODE_TASK_WORKER_LOST: return { kind: 'lost' };
      case ErrorCode.ERROR_CODE_TASK_OVERLOADED: return { kind: 'return' }; // the pool is stopping: it never ran
      case ErrorCode.ERROR_CODE_TASK_UNKNOWN: return { kind: 'dead', code: r.code, message: r.message };
      default: {
        const retryAt = d.attempts + 1 <= d.retries ? Date.now() + backoffDelay(d.backoff ?? QUEUE_DEFAULTS.backoff, d.attempts + 1) : undefined;
        return { kind: 'fail', code: r.code, message: r.message, ...(retryAt === undefined ? {} : { retryAt }) };
      }
    }
  }

  /** One run in the task pool; soft limit = the job's deadline, hard limit = when the pool replaces the worker (QUEUE-10). */
  #run(h: Held, name: string, payload: Uint8Array, contentType: string): Promise<RunResult> {
    const soft = h.d.softMs || h.d.hardMs || this.#o.softTimeLimitMs;
    const hard = h.d.hardMs || this.#o.timeLimitMs;
    const graceMs = hard > 0 ? Math.max(1, hard - soft) : undefined;
    const rid = ++this.#nextId;
    h.rid = rid;
    return new Promise((resolve) => {
      this.#calls.set(rid, { resolve, chunks: [], contentType });
      // The action learns which queue job it runs (spec section 4.6.3), as Celery's self.request does.
      const meta: Record<string, string> = { 'corral.queue': h.d.queue, 'corral.job': h.d.id, 'corral.attempt': String(h.d.attempts + 1) };
      if (h.d.key) meta['corral.key'] = h.d.key;
      const onStart = !h.started ? () => { h.started = true; this.#started(h.d.id); } : undefined;
      this.#deps.pool.submit({ caller: this.#caller, requestId: rid, name, payload, contentType, deadlineMs: soft, window: 0, idempotent: false, meta, ...(onStart ? { onStart } : {}), ...(graceMs === undefined ? {} : { graceMs }) });
    });
  }

  /** The pool's replies for our runs; a streamed job's chunks become a JSON array. */
  #reply(m: OutMessage): void {
    const b = m.body as { requestId: number; payload?: Uint8Array; contentType?: string; code?: number; message?: string };
    const call = this.#calls.get(b.requestId);
    if (!call) return;
    if (m.kind === 'chunk') {
      call.chunks.push(b.payload ?? new Uint8Array());
      call.contentType = b.contentType || call.contentType;
      return;
    }
    this.#calls.delete(b.requestId);
    if (m.kind === 'result') call.resolve({ ok: true, payload: b.payload ?? new Uint8Array(), contentType: b.contentType || 'application/json' });
    else if (m.kind === 'end') {
      try {
        call.resolve({ ok: true, ...encodeResult(call.chunks.map((c) => decodePayload(c, call.contentType)), 'application/json') });
      } catch (err) {
        call.resolve({ ok: false, wire: ErrorCode.ERROR_CODE_TASK_FAILED, code: 'CORRAL_ERR_TASK_FAILED', message: `the streamed chunks could not be gathered into a list: ${(err as Error).message}` });
      }
    }
    else if (m.kind === 'error') {
      const e = errorFromWire(b.code ?? 0, b.message ?? '');
      call.resolve({ ok: false, wire: b.code ?? 0, code: e.code, message: e.message });
    }
  }

  /**
   * Writes an outcome, retrying while Redis is away: the job stays pending
   * until it is written (QUEUE-4). The outcome of a run frees its slot, and
   * the same call takes the next job for it (finish.lua), as long as the
   * consumer runs: one round trip per job under load, not two.
   */
  #write(d: Delivery, o: Outcome, why: 'run' | 'duplicate' | 'orphan'): void {
    const attempt = async () => {
      for (let pause = 100; ; pause = Math.min(pause * 2, 2000)) {
        const next = why === 'run' && this.#running ? { consumer: this.name, queues: this.#o.queues, count: 1, o: this.#fetchOptions } : undefined;
        try {
          const { state, next: got } = await this.broker.finish(d, o, next);
          this.#count(o, state);
          this.#recovered();
          if (why === 'run') {
            // The slot goes to the job taken in its place, if any; else the loop fetches (or blocks) for it.
            this.#held.delete(d.id);
            for (const n of got) this.#dispatch(n);
            if (got.length === 0) this.#release();
          }
          return;
        } catch (err) {
          this.#broken(err);
          if (!this.#running && this.#stopForced) return; // left pending: another consumer reclaims it
          await new Promise((r) => setTimeout(r, pause));
        }
      }
    };
    this.#track(attempt());
  }

  /** What fetch.lua and finish.lua need, with the idle slots per queue as of now. */
  get #fetchOptions() {
    const starts: Record<string, number> = {};
    for (const q of this.#o.queues) {
      const n = this.#deps.pool.idleSlots(q);
      if (n > 0) starts[q] = Math.min(n, 1_000_000);
    }
    this.#fetchO.starts = starts;
    return this.#fetchO;
  }

  readonly #fetchO: { maxDeliveries: number; rates: Record<string, [number, number]>; starts: Record<string, number> } = { maxDeliveries: 0, rates: {}, starts: {} };

  #count(o: Outcome, state: string): void {
    if (state === 'stale') { this.counts.stale++; return; }
    if (o.kind === 'ok') this.counts.succeeded++;
    else if (o.kind === 'lost') this.counts.lost++;
    else if (o.kind === 'return') this.counts.returned++;
    else if (o.kind === 'skip') return;
    else if (state === 'RETRY') this.counts.retried++;
    else if (o.kind === 'dead') this.counts.dead++;
    else this.counts.failed++;
  }

  #release(): void {
    const w = this.#wake;
    this.#wake = undefined;
    w?.();
  }

  #track(p: Promise<unknown>): void {
    const q = p.then(() => {}, () => {});
    this.#writes.add(q);
    void q.finally(() => this.#writes.delete(q));
  }

  /** P:ctl: a revoked job we hold is cancelled if terminate was asked (QUEUE-11); otherwise its outcome is discarded later. */
  #control(m: Buffer): void {
    let c: { revoke?: string; terminate?: boolean };
    try { c = JSON.parse(m.toString('utf8')) as typeof c; } catch { return; }
    if (typeof c.revoke !== 'string' || c.terminate !== true) return;
    const h = this.#held.get(c.revoke);
    if (h && this.#calls.has(h.rid)) {
      this.#deps.log.info(`queue consumer: job ${c.revoke} (${h.d.queue}.${h.d.task}) revoked with terminate: cancelling it`);
      this.#deps.pool.cancel(this.#caller, h.rid, 'revoked');
    }
  }

  /** One warning per outage, not one per failed command. */
  #broken(err: unknown): void {
    if (this.#outage !== undefined) return;
    this.#outage = Date.now();
    this.#deps.log.warning(`queue consumer: Redis at ${redact(this.#o.redis)}: ${(err as Error).message}; retrying (jobs held: ${this.#held.size})`);
  }

  #recovered(): void {
    if (this.#outage === undefined) return;
    this.#deps.log.info(`queue consumer: Redis is back after ${Date.now() - this.#outage} ms`);
    this.#outage = undefined;
  }

  stats() {
    return { consumer: this.name, queues: this.#o.queues, prefetch: this.prefetch, held: this.#held.size, redisDown: this.#outage !== undefined, ...this.counts };
  }

  /** Stops taking jobs (the pool's jobs still end and are written). */
  pause(): void {
    if (!this.#running) return;
    this.#running = false;
    this.#beat?.stop();
    clearTimeout(this.#promoteTimer);
    const w = this.#wake;
    this.#wake = undefined;
    w?.();
  }

  /**
   * Stops: no more jobs, outcomes written (up to timeoutMs), the consumer's
   * key removed so that what it did not finish goes to others at once.
   */
  async close(timeoutMs = 5000): Promise<void> {
    this.#closing = true;
    this.pause();
    let timer: NodeJS.Timeout | undefined;
    const flushed = (async () => { while (this.#writes.size > 0) await Promise.all([...this.#writes]); })();
    await Promise.race([flushed, new Promise((r) => { timer = setTimeout(r, timeoutMs); })]);
    clearTimeout(timer);
    this.#stopForced = true;
    for (const t of this.#timers) clearInterval(t);
    this.#unsubscribe?.();
    if (this.#held.size === 0) await this.broker.gone(this.name).catch(() => {});
    else this.#deps.log.warning(`queue consumer: stopping with ${this.#held.size} job(s) unwritten; they go back to the queue after the visibility timeout (${this.#o.visibilityMs} ms)`);
    await this.#producer?.close().catch(() => {});
    await this.broker.close();
    await this.#loopDone.catch(() => {});
  }
}
