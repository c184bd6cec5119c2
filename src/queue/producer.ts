// The producer side of durable queues: enqueue() from any process that can
// reach Redis, and the handle that follows a job to its result.
//
//   enqueue ──enqueue.lua──► P:j:ID + P:q:Q:s:PRI ──► any consumer (arbiter) ──► task worker
//   result() ◄── PUBLISH P:r:R ◄── finish.lua ◄─────────────┘
//
// A waiter subscribes to its channel before it reads the job's hash, so a
// result published in between is not missed; it also reads the hash again
// every pollMs, because a message published while Redis restarts, or while
// the subscriber reconnects, is gone (pub/sub keeps nothing).
import { randomBytes } from 'node:crypto';
import { CorralError, InvalidOptionError } from '../errors.js';
import { FINAL_STATES, PRIORITIES, type JobInfo, type JobState, type NewJob, type Priority } from '../broker/broker.js';
import { RedisBroker, brokerError, type QueueInfo } from '../broker/redis.js';
import { decodePayload, encodePayload, type CodecName } from '../tasks/codec.js';
import { enqueueWorkflow, type Canvas, type Workflow } from './workflow.js';
import { QUEUE_DEFAULTS, checkBackoff, checkKey, checkMs, checkQueueName, checkTaskName } from './options.js';

/** Options of Queue.connect(). */
export interface QueueConnectOptions {
  /** Redis URL (default redis://127.0.0.1:6379). */
  redis?: string;
  /** Key prefix (default "corral"): installations sharing one Redis use different prefixes. */
  prefix?: string;
  /** How long a finished job and its result stay in Redis, ms (default 24 h). */
  resultTtlMs?: number;
  /** Largest payload, bytes (default 16 MiB). */
  maxPayloadBytes?: number;
  /** How often a waiter re-reads a job it waits for, ms (default 1000). */
  pollMs?: number;
  /** How long enqueue() keeps resending after the connection to Redis was lost, ms (default 10 000). */
  retryMs?: number;
}

/** Options of one enqueue (Celery's apply_async options, BullMQ's job options). */
export interface EnqueueOptions {
  priority?: Priority;
  /** Run no earlier than this many ms from now (Celery's countdown). */
  delayMs?: number;
  /** Run no earlier than this time (Celery's eta). */
  eta?: Date | number;
  /** Revoke the job if it has not started within this many ms (Celery's expires). */
  expiresMs?: number;
  /** Retries after a failed run (default 0). */
  retries?: number;
  /** Retry delay: ms, or { delayMs, factor, maxMs, jitter } (default 1 s × 2^n, at most 10 min, jittered). */
  backoff?: number | { delayMs?: number; factor?: number; maxMs?: number; jitter?: boolean };
  /** Soft time limit: the action's signal aborts and the run fails with CORRAL_ERR_TASK_TIMEOUT. */
  softTimeLimitMs?: number;
  /** Hard time limit: the task worker running it is stopped and replaced. */
  timeLimitMs?: number;
  /** A job enqueued again with the same key (while the first lives) is the first job. */
  idempotencyKey?: string;
  /** How long the key dedupes, ms (default 24 h). */
  keyTtlMs?: number;
  /** Payload encoding (default json; a Buffer is sent raw). */
  codec?: CodecName;
  /** Choose the job's id (default 16 random bytes, base64url). */
  jobId?: string;
}

export interface ResultOptions {
  /** Reject with CORRAL_ERR_TIMEOUT after this many ms (the job goes on). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** A job in Redis: its id, its state, and its result once it has one. */
export class Job {
  /** @internal Set by the Queue that enqueued it: its results come to that Queue's channel. */
  own: { evictions: number } | undefined;
  constructor(readonly queue: Queue, readonly id: string, readonly created: boolean) {}
  /** The job's current state (undefined once its hash has expired). */
  async state(): Promise<JobState | undefined> {
    return (await this.queue.broker.job(this.id))?.state;
  }
  info(): Promise<JobInfo | undefined> {
    return this.queue.broker.job(this.id);
  }
  /** Resolves with the decoded result; rejects with the job's error code on FAILURE, CORRAL_ERR_QUEUE_REVOKED on REVOKED. */
  result(o: ResultOptions = {}): Promise<unknown> {
    return this.queue.wait(this.id, false, o, this.own).then((info) => settle(info as JobInfo));
  }
  /** Revokes the job; terminate (default true) also cancels it if it runs. */
  cancel(o: { terminate?: boolean } = {}): Promise<JobState | 'missing'> {
    return this.queue.revoke(this.id, o);
  }
}

/** A broker error that means "the connection went", not "Redis said no". */
function isConnectionLoss(err: unknown): boolean {
  return (err as { code?: string }).code === 'CORRAL_ERR_QUEUE_BROKER' && /connection|closed|aborted|ECONN|EPIPE|ETIMEDOUT|max retries|LOADING/i.test((err as Error).message);
}

const RECENT_MAX = 10_000;

function settle(info: JobInfo): unknown {
  if (info.state === 'SUCCESS') return decodePayload(info.result ?? Buffer.alloc(0), info.resultContentType ?? 'application/json');
  throw new CorralError(info.error?.code ?? (info.state === 'REVOKED' ? 'CORRAL_ERR_QUEUE_REVOKED' : 'CORRAL_ERR_TASK_FAILED'), `job ${info.id} (${info.queue}.${info.task}) ${info.state}: ${info.error?.message ?? ''}`);
}

interface Waiter {
  workflow: boolean;
  /** Read the hash again: the job changed state. */
  wake(): void;
  /** The result came with the message (a job's SUCCESS): no read needed. */
  deliver(info: JobInfo): void;
}

/** A connection to the queues in one Redis: enqueue, wait, revoke, inspect. */
export class Queue {
  readonly broker: RedisBroker;
  /** This producer's result channel suffix (section 13.5). */
  readonly channel = randomBytes(12).toString('base64url');
  readonly #o: Required<Omit<QueueConnectOptions, 'redis' | 'prefix'>>;
  readonly #waiters = new Map<string, Set<Waiter>>();
  /** Outcomes of our jobs that arrived before anyone waited (at most RECENT_MAX, oldest let go first). */
  readonly #recent = new Map<string, JobInfo | { state: string }>();
  /** How many outcomes were let go (or lost to a reconnect): a waiter enqueued before that reads the hash. */
  #evictions = 0;
  #unsubscribe: Promise<() => void> | undefined;

  private constructor(broker: RedisBroker, o: QueueConnectOptions) {
    this.broker = broker;
    this.#o = { resultTtlMs: o.resultTtlMs ?? QUEUE_DEFAULTS.resultTtlMs, maxPayloadBytes: o.maxPayloadBytes ?? QUEUE_DEFAULTS.maxPayloadBytes, pollMs: o.pollMs ?? 1000, retryMs: o.retryMs ?? 10_000 };
  }

  /** Connects to Redis (rejects with CORRAL_ERR_QUEUE_BROKER if it does not answer within 10 s). */
  static async connect(o: QueueConnectOptions = {}): Promise<Queue> {
    const prefix = o.prefix ?? QUEUE_DEFAULTS.prefix;
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix)) throw new InvalidOptionError(`prefix: ${JSON.stringify(prefix)} must be 1-64 of A-Z a-z 0-9 _ . -`);
    const resultTtlMs = checkMs(o.resultTtlMs ?? QUEUE_DEFAULTS.resultTtlMs, 'resultTtlMs', 1000);
    const broker = new RedisBroker(o.redis ?? process.env.CORRAL_REDIS ?? QUEUE_DEFAULTS.redis, { prefix, resultTtlMs, keep: QUEUE_DEFAULTS.keep, name: 'corral-producer' });
    const q = new Queue(broker, o);
    try {
      await broker.ready();
      // Before the first enqueue: every outcome of a job of ours is then published to us.
      await q.#listen();
    } catch (err) {
      await broker.close();
      throw err;
    }
    return q;
  }

  /** Enqueues `queue.task(payload)`; resolves once Redis holds the job. */
  async enqueue(queue: string, task: string, payload?: unknown, o: EnqueueOptions = {}): Promise<Job> {
    const j = this.newJob(queue, task, payload, o);
    // A command cut off by a lost connection may or may not have run; enqueue.lua is
    // idempotent by job id (QUEUE-2), so sending it again makes at most one job.
    for (let pause = 100, end = Date.now() + this.#o.retryMs; ; pause = Math.min(pause * 2, 1000)) {
      try {
        const evictions = this.#evictions;
        const { id, created } = await this.broker.enqueue(j);
        const job = new Job(this, id, created || id === j.id);
        // Its outcome will be published on our channel (subscribed in connect()) unless the key gave another producer's job.
        if (id === j.id) job.own = { evictions };
        return job;
      } catch (err) {
        if (!isConnectionLoss(err) || Date.now() + pause > end) throw err;
        await new Promise((r) => setTimeout(r, pause));
      }
    }
  }

  /** A job's description as enqueue() would write it (workflows use it for their nodes). */
  newJob(queue: string, task: string, payload: unknown, o: EnqueueOptions, now = Date.now()): NewJob {
    checkQueueName(queue);
    checkTaskName(task);
    const known = new Set(['priority', 'delayMs', 'eta', 'expiresMs', 'retries', 'backoff', 'softTimeLimitMs', 'timeLimitMs', 'idempotencyKey', 'keyTtlMs', 'codec', 'jobId', 'each']);
    for (const k of Object.keys(o)) if (!known.has(k)) throw new InvalidOptionError(`enqueue options: unknown option "${k}"`);
    const { payload: bytes, contentType } = encodePayload(payload ?? null, o.codec);
    if (bytes.byteLength > this.#o.maxPayloadBytes) {
      throw new CorralError('CORRAL_ERR_QUEUE_PAYLOAD_TOO_LARGE', `the payload of ${queue}.${task} is ${bytes.byteLength} bytes, more than maxPayloadBytes (${this.#o.maxPayloadBytes})`);
    }
    const priority = o.priority ?? 'normal';
    if (!(priority in PRIORITIES)) throw new InvalidOptionError(`priority: must be "high", "normal" or "low", got ${JSON.stringify(priority)}`);
    let dueAt = 0;
    if (o.delayMs !== undefined) dueAt = now + checkMs(o.delayMs, 'delayMs');
    if (o.eta !== undefined) {
      const t = o.eta instanceof Date ? o.eta.getTime() : o.eta;
      if (typeof t !== 'number' || !Number.isFinite(t)) throw new InvalidOptionError('eta: must be a Date or epoch ms');
      dueAt = Math.max(dueAt, t);
    }
    const retries = o.retries ?? 0;
    if (!Number.isInteger(retries) || retries < 0 || retries > 1000) throw new InvalidOptionError(`retries: must be a whole number from 0 to 1000, got ${String(retries)}`, { range: true });
    const soft = checkMs(o.softTimeLimitMs ?? 0, 'softTimeLimitMs');
    const hard = checkMs(o.timeLimitMs ?? 0, 'timeLimitMs');
    if (soft > 0 && hard > 0 && hard < soft) throw new InvalidOptionError(`timeLimitMs (${hard}) must not be less than softTimeLimitMs (${soft})`, { range: true });
    return {
      id: o.jobId === undefined ? randomBytes(16).toString('base64url') : checkKey(o.jobId, 'jobId'),
      queue, task, contentType, payload: bytes, priority: PRIORITIES[priority], retries, backoff: checkBackoff(o.backoff),
      // Celery's expires: from the time of enqueueing, so a job delayed past it never runs.
      expiresAt: o.expiresMs === undefined ? 0 : now + checkMs(o.expiresMs, 'expiresMs', 1),
      softMs: soft, hardMs: hard, each: (o as { each?: boolean }).each === true, dueAt,
      ...(o.idempotencyKey === undefined ? {} : { key: checkKey(o.idempotencyKey, 'idempotencyKey') }),
      keyTtlMs: checkMs(o.keyTtlMs ?? QUEUE_DEFAULTS.keyTtlMs, 'keyTtlMs', 1000),
      resultChannel: this.channel,
    };
  }

  /** Enqueues a workflow: chain, group, chord, chunks or dag (section 13.6). */
  workflow(c: Canvas): Promise<Workflow> {
    return enqueueWorkflow(this, c);
  }

  /** A handle on a job by id (from another process, say). */
  job(id: string): Job {
    return new Job(this, checkKey(id, 'id'), false);
  }

  /** Revokes a job (QUEUE-11): it will not start; with terminate (default false) a running one is cancelled. */
  revoke(id: string, o: { terminate?: boolean } = {}): Promise<JobState | 'missing'> {
    return this.broker.revoke(checkKey(id, 'id'), o.terminate === true);
  }

  #listen(): Promise<() => void> {
    this.#unsubscribe ??= this.broker.subscribe(`r:${this.channel}`, (m) => this.#message(m), () => {
      // Messages published while the subscriber was away are lost: read every awaited job again.
      this.#evictions++;
      this.#recent.clear();
      for (const set of this.#waiters.values()) for (const w of set) w.wake();
    });
    return this.#unsubscribe;
  }

  /**
   * Waits until job (or workflow) `id` is final and returns its description.
   * A job of ours: its outcome comes on our channel, or is among the recent
   * outcomes nobody waited for yet; the hash is read only if some of those
   * were let go since it was enqueued, and every 30 s as a last resort.
   * Anyone else's job or a workflow: subscribe, read, and read again every pollMs.
   */
  async wait(id: string, workflow: boolean, o: ResultOptions = {}, own?: { evictions: number }): Promise<JobInfo | { state: string }> {
    await this.#listen();
    let early: JobInfo | { state: string } | undefined;
    if (own && !workflow) {
      early = this.#recent.get(id);
      this.#recent.delete(id);
      // A result came with its message; a failure's code and message are in the hash.
      if (early && 'result' in early) return early;
    }
    const trusted = own !== undefined && !workflow && early === undefined && this.#evictions === own.evictions;
    const read = async () => (workflow ? this.broker.workflow(id) : this.broker.job(id));
    return new Promise((resolve, reject) => {
      let done = false;
      let timer: NodeJS.Timeout | undefined;
      let poll: NodeJS.Timeout | undefined;
      const waiter: Waiter = { workflow, wake: () => void check(), deliver: (info) => finish(undefined, info) };
      const finish = (err: Error | undefined, v?: JobInfo | { state: string }) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        clearInterval(poll);
        o.signal?.removeEventListener('abort', onAbort);
        const set = this.#waiters.get(id);
        set?.delete(waiter);
        if (set?.size === 0) this.#waiters.delete(id);
        if (err) reject(err); else resolve(v!);
      };
      const check = async () => {
        try {
          const info = await read();
          if (!info) return finish(new CorralError('CORRAL_ERR_QUEUE_UNKNOWN_JOB', `${workflow ? 'workflow' : 'job'} ${id} is not in Redis (never enqueued, or its result expired)`));
          if (FINAL_STATES.has(info.state)) finish(undefined, info as JobInfo);
        } catch (err) {
          if (!done && (err as CorralError).code !== 'CORRAL_ERR_QUEUE_BROKER') finish(brokerError(err, 'reading the job'));
          // A broker error while Redis restarts: the next poll tries again.
        }
      };
      const onAbort = () => finish(new CorralError('CORRAL_ERR_TASK_CANCELLED', `stopped waiting for ${id}: ${String(o.signal?.reason ?? 'aborted')}`));
      if (o.signal?.aborted) return onAbort();
      o.signal?.addEventListener('abort', onAbort, { once: true });
      if (o.timeoutMs !== undefined) timer = setTimeout(() => finish(new CorralError('CORRAL_ERR_TIMEOUT', `${workflow ? 'workflow' : 'job'} ${id} did not end within ${o.timeoutMs} ms (it goes on)`)), o.timeoutMs);
      poll = setInterval(() => void check(), trusted ? 30_000 : this.#o.pollMs);
      let set = this.#waiters.get(id);
      if (!set) this.#waiters.set(id, (set = new Set()));
      set.add(waiter);
      if (!trusted) void check();
    });
  }

  #message(m: Buffer): void {
    const nl = m.indexOf(10);
    let head: { id?: string; state?: string; ct?: string; workflow?: boolean };
    try { head = JSON.parse(m.subarray(0, nl < 0 ? m.length : nl).toString('utf8')) as typeof head; } catch { return; }
    if (!head.id || !head.state || !FINAL_STATES.has(head.state)) return;
    const waiting = this.#waiters.get(head.id);
    if (!waiting && !head.workflow) {
      // Nobody waits yet (the producer enqueues a batch, then awaits): keep it for result(), boundedly.
      this.#recent.set(head.id, head.state === 'SUCCESS' && head.ct !== undefined
        ? { id: head.id, queue: '', task: '', state: 'SUCCESS', attempts: 0, deliveries: 0, contentType: '', payload: Buffer.alloc(0), resultContentType: head.ct, result: Buffer.from(m.subarray(nl + 1)) }
        : { state: head.state });
      if (this.#recent.size > RECENT_MAX) {
        this.#recent.delete(this.#recent.keys().next().value!);
        this.#evictions++;
      }
      return;
    }
    for (const w of [...(waiting ?? [])]) {
      if (w.workflow !== (head.workflow === true)) continue;
      if (head.state === 'SUCCESS' && head.ct !== undefined && !w.workflow) {
        w.deliver({ id: head.id, queue: '', task: '', state: 'SUCCESS', attempts: 0, deliveries: 0, contentType: '', payload: Buffer.alloc(0), resultContentType: head.ct, result: m.subarray(nl + 1) });
      } else w.wake();
    }
  }

  /** Every queue a producer has used. */
  queues(): Promise<string[]> {
    return this.broker.queues();
  }

  /** Depths per priority, delayed and dead counts, consumers with their pending jobs, finished counts. */
  inspect(queue: string): Promise<QueueInfo> {
    return this.broker.inspect(checkQueueName(queue));
  }

  /**
   * Jobs of a queue by state: PENDING (waiting in the streams), ACTIVE
   * (received or started by a consumer), DELAYED (countdown, ETA, retry
   * backoff), or the latest SUCCESS / FAILURE / REVOKED.
   */
  async jobs(queue: string, state: 'PENDING' | 'ACTIVE' | 'DELAYED' | 'SUCCESS' | 'FAILURE' | 'REVOKED', limit = 100): Promise<JobInfo[]> {
    checkQueueName(queue);
    const ids = state === 'PENDING' || state === 'ACTIVE'
      ? (await this.broker.streamIds(queue, state, limit)).map((x) => x.id)
      : await this.broker.ids(queue, state, limit);
    const out: JobInfo[] = [];
    for (const id of ids) {
      const info = id ? await this.broker.job(id) : undefined;
      if (info) out.push(info);
    }
    return out;
  }

  /** Dead letters, oldest first. */
  dead(queue: string, limit = 100) {
    return this.broker.dead(checkQueueName(queue), limit);
  }

  /** Dead letters back into their queue, attempts reset; returns the job ids. */
  redrive(queue: string, limit = 1000): Promise<string[]> {
    return this.broker.redrive(checkQueueName(queue), limit);
  }

  async close(): Promise<void> {
    await this.broker.close();
  }
}
