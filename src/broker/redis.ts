// The Redis Streams broker (spec.md section 13): one command connection for
// scripts and writes, one for blocking reads (XREADGROUP BLOCK holds its
// connection), one subscriber for results and revocations, each opened when
// first needed. ioredis reconnects by itself and queues commands while it
// does; a command that fails is the caller's to retry (the consumer retries
// outcomes until Redis takes them: nothing acknowledged is lost).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { CorralError } from '../errors.js';
import * as inspect from './redis-inspect.js';
import type { Delivery, FetchOptions, JobInfo, JobState, NewJob, Outcome } from './broker.js';

const LUA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'lua');
const SCRIPTS = ['enqueue', 'fetch', 'finish', 'start', 'promote', 'reclaim', 'revoke'] as const;
type ScriptName = (typeof SCRIPTS)[number];

/** A script as loaded: common.lua, then the script's own file (section 13). */
export function scriptSource(name: ScriptName): string {
  return readFileSync(join(LUA_DIR, 'common.lua'), 'utf8') + '\n' + readFileSync(join(LUA_DIR, `${name}.lua`), 'utf8');
}

export interface RedisBrokerOptions {
  /** Key prefix P (section 13.1). */
  prefix: string;
  /** How long a final job's hash stays, ms. */
  resultTtlMs: number;
  /** Final ids kept per queue and state for inspection. */
  keep: number;
  /** Connection name shown by CLIENT LIST. */
  name?: string;
}

type Raw = Buffer | Raw[] | number | null;
const str = (b: Raw | undefined): string => (b === null || b === undefined ? '' : Buffer.isBuffer(b) ? b.toString('utf8') : String(b));
const num = (b: Raw | undefined): number => Number(str(b) || 0);

/** Wraps a Redis failure in CORRAL_ERR_QUEUE_BROKER, keeping the cause. */
export function brokerError(err: unknown, what: string): CorralError {
  if (err instanceof CorralError) return err;
  const m = err instanceof Error ? err.message : String(err);
  return new CorralError('CORRAL_ERR_QUEUE_BROKER', `${what}: ${m}`, { cause: err });
}

export class RedisBroker {
  readonly prefix: string;
  readonly group: string;
  readonly #o: RedisBrokerOptions;
  readonly #url: string;
  readonly #cmd: Redis;
  #block: Redis | undefined;
  #sub: Redis | undefined;
  readonly #subs = new Map<string, Set<(m: Buffer) => void>>();
  readonly #resubscribed = new Set<() => void>();
  #groupsMade = new Set<string>();
  #closed = false;

  constructor(url: string, o: RedisBrokerOptions) {
    this.#url = url;
    this.#o = o;
    this.prefix = o.prefix;
    this.group = o.prefix;
    this.#cmd = this.#connect('cmd');
    for (const name of SCRIPTS) this.#cmd.defineCommand(name, { numberOfKeys: 0, lua: scriptSource(name) });
  }

  #ratesOf: { rates: unknown; json: string } | undefined;
  /** The rates as the scripts take them, encoded once (they are the consumer's configuration). */
  #rates(rates: Record<string, [number, number]>): string {
    if (this.#ratesOf?.rates !== rates) this.#ratesOf = { rates, json: JSON.stringify(rates) };
    return this.#ratesOf.json;
  }

  #connect(role: string): Redis {
    const r = new Redis(this.#url, {
      connectionName: `${this.#o.name ?? 'corral'}:${role}`,
      // Reconnect for ever, 50 ms up to 2 s apart: Redis restarting is an outage to ride out, not an error to exit on.
      retryStrategy: (n) => Math.min(50 * n, 2000),
      maxRetriesPerRequest: role === 'block' ? 0 : 20,
      lazyConnect: false,
      // Commands issued in one tick leave in one write: outcomes of many jobs, one round trip.
      enableAutoPipelining: role === 'cmd',
    });
    // Errors reach the commands that fail; the connection's own 'error' event would otherwise throw.
    r.on('error', () => {});
    return r;
  }

  /** Resolves once the command connection is up (rejects after timeoutMs). */
  async ready(timeoutMs = 10_000): Promise<void> {
    if (this.#cmd.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => { cleanup(); reject(new CorralError('CORRAL_ERR_QUEUE_BROKER', `Redis at ${redact(this.#url)} did not answer within ${timeoutMs} ms`)); }, timeoutMs);
      const ok = () => { cleanup(); resolve(); };
      const cleanup = () => { clearTimeout(t); this.#cmd.off('ready', ok); };
      this.#cmd.on('ready', ok);
    });
  }

  #run(name: ScriptName, args: (string | number | Uint8Array)[]): Promise<Raw> {
    const fn = (this.#cmd as unknown as Record<string, (...a: unknown[]) => Promise<Raw>>)[`${name}Buffer`]!;
    return fn.call(this.#cmd, this.prefix, ...args).catch((err: unknown) => { throw brokerError(err, `${name}.lua`); });
  }

  // ---- producer -------------------------------------------------------------

  /** enqueue.lua: a new job, or the live job with the same idempotency key. */
  async enqueue(j: NewJob, now = Date.now()): Promise<{ id: string; created: boolean }> {
    const r = (await this.#run('enqueue', [j.queue, j.id, now, j.dueAt, j.key ?? '', j.keyTtlMs, ...jobFields(j)])) as Raw[];
    return { id: str(r[0]), created: num(r[1]) === 1 };
  }

  /** A workflow and its jobs in one MULTI (section 13.6): roots go to their streams, the rest wait. */
  async enqueueWorkflow(w: { id: string; def: WorkflowDef; jobs: NewJob[]; roots: Set<string>; resultChannel?: string }, now = Date.now()): Promise<void> {
    const m = this.#cmd.multi();
    const status: string[] = [];
    for (const [node, n] of Object.entries(w.def.nodes)) status.push(`s:${node}`, w.roots.has(n.job) ? 'QUEUED' : 'WAITING');
    m.hset(`${this.prefix}:w:${w.id}`, 'def', JSON.stringify(w.def), 'left', Object.keys(w.def.nodes).length, 'state', 'PENDING', 'created', now, 'rc', w.resultChannel ?? '', ...status);
    for (const j of w.jobs) {
      m.hset(`${this.prefix}:j:${j.id}`, ...(jobFields(j) as string[]), 'v', '1', 'queue', j.queue, 'state', 'PENDING', 'created', now, 'attempts', 0, 'deliveries', 0);
      m.sadd(`${this.prefix}:queues`, j.queue);
      if (!w.roots.has(j.id)) continue;
      if (j.dueAt > now) m.zadd(`${this.prefix}:q:${j.queue}:delayed`, j.dueAt, j.id);
      else m.xadd(`${this.prefix}:q:${j.queue}:s:${j.priority}`, '*', 'id', j.id, 'v', '1');
    }
    try { await m.exec(); } catch (err) { throw brokerError(err, 'enqueue workflow'); }
  }

  // ---- consumer -------------------------------------------------------------

  /** The consumer group on every priority stream of these queues (created at id 0: jobs enqueued before any consumer are read). */
  async ensureGroups(queues: readonly string[]): Promise<void> {
    for (const q of queues) {
      for (let pri = 0; pri < 3; pri++) {
        const sk = `${this.prefix}:q:${q}:s:${pri}`;
        try {
          await this.#cmd.xgroup('CREATE', sk, this.group, '0', 'MKSTREAM');
        } catch (err) {
          if (!String((err as Error).message).includes('BUSYGROUP')) throw brokerError(err, `XGROUP CREATE ${sk}`);
        }
        this.#groupsMade.add(sk);
      }
    }
  }

  /** fetch.lua "read": up to `count` new jobs, high priority first, without blocking. */
  async fetch(consumer: string, queues: readonly string[], count: number, o: FetchOptions, now = Date.now()): Promise<Delivery[]> {
    const r = (await this.#run('fetch', [this.group, consumer, now, count, o.maxDeliveries, this.#o.resultTtlMs, this.#o.keep, this.#rates(o.rates), JSON.stringify(o.starts ?? {}), 'read', ...queues])) as Raw[][];
    return r.map(toDelivery);
  }

  /**
   * Waits up to blockMs for new entries (XREADGROUP BLOCK on its own
   * connection), then hands them to fetch.lua "given".
   */
  async waitFor(consumer: string, queues: readonly string[], count: number, blockMs: number, o: FetchOptions): Promise<Delivery[]> {
    this.#block ??= this.#connect('block');
    const keys: string[] = [];
    for (let pri = 0; pri < 3; pri++) for (const q of queues) keys.push(`${this.prefix}:q:${q}:s:${pri}`);
    let got: [string, [string, string[]][]][] | null;
    try {
      got = (await this.#block.xreadgroup('GROUP', this.group, consumer, 'COUNT', count, 'BLOCK', blockMs, 'STREAMS', ...keys, ...keys.map(() => '>'))) as typeof got;
    } catch (err) {
      // Redis came back empty (restarted without the data, or FLUSHALL): the groups are gone with the streams.
      if (String((err as Error).message).includes('NOGROUP')) await this.ensureGroups(queues);
      throw brokerError(err, 'XREADGROUP');
    }
    if (!got) return [];
    const given: string[] = [];
    for (const [sk, entries] of got) {
      for (const [eid, f] of entries) {
        let id = '';
        let v = '1';
        for (let i = 0; i < f.length; i += 2) {
          if (f[i] === 'id') id = f[i + 1]!;
          else if (f[i] === 'v') v = f[i + 1]!;
        }
        given.push(sk, eid, id, v);
      }
    }
    if (given.length === 0) return [];
    const r = (await this.#run('fetch', [this.group, consumer, Date.now(), count, o.maxDeliveries, this.#o.resultTtlMs, this.#o.keep, this.#rates(o.rates), JSON.stringify(o.starts ?? {}), 'given', ...given])) as Raw[][];
    return r.map(toDelivery);
  }

  /** start.lua: these jobs are running (RECEIVED → STARTED unless revoked meanwhile). */
  async started(ids: readonly string[], now = Date.now()): Promise<void> {
    if (ids.length > 0) await this.#run('start', [now, ...ids]);
  }

  /**
   * finish.lua: one delivery's outcome, and with `next` up to next.count
   * jobs for the consumer in the same call (the slot it frees). Returns the
   * job's state after it (or 'stale') and the jobs taken.
   */
  async finish(d: Delivery, o: Outcome, next?: { consumer: string; queues: readonly string[]; count: number; o: FetchOptions }, now = Date.now()): Promise<{ state: JobState | 'stale'; next: Delivery[] }> {
    const tail: (string | number | Uint8Array)[] =
      o.kind === 'ok' ? [o.contentType, o.result, '']
        : o.kind === 'fail' ? [o.code, o.message, o.retryAt ?? '']
          : o.kind === 'dead' ? [o.code, o.message, ''] : ['', '', ''];
    const more = next && next.count > 0 ? [next.count, next.consumer, next.o.maxDeliveries, this.#rates(next.o.rates), JSON.stringify(next.o.starts ?? {}), ...next.queues] : [0];
    const r = (await this.#run('finish', [this.group, now, this.#o.resultTtlMs, this.#o.keep, d.id, d.stream, d.entry, o.kind, ...tail, ...more])) as Raw[];
    return { state: str(r[0]) as JobState | 'stale', next: ((r[1] ?? []) as Raw[][]).map(toDelivery) };
  }

  /** promote.lua: due delayed jobs to their streams. */
  async promote(queues: readonly string[], now = Date.now()): Promise<{ moved: number; nextAt: number | undefined }> {
    const r = (await this.#run('promote', [now, 500, ...queues])) as Raw[];
    const next = num(r[1]);
    return { moved: num(r[0]), nextAt: next < 0 ? undefined : next };
  }

  /** reclaim.lua: entries of dead consumers back to their streams. */
  async reclaim(consumer: string, queues: readonly string[]): Promise<number> {
    return num(await this.#run('reclaim', [this.group, consumer, ...queues]));
  }

  /**
   * Entries pending under `consumer` for at least minIdleMs: the consumer
   * compares them with what it holds. One it does not hold was handed to it
   * by a command whose reply was lost (Redis restarted between running
   * fetch.lua or XREADGROUP and answering), and would otherwise stay pending
   * for as long as the consumer lives.
   */
  async pendingOf(consumer: string, queues: readonly string[], minIdleMs: number): Promise<{ stream: string; entry: string; id: string }[]> {
    const out: { stream: string; entry: string; id: string }[] = [];
    for (const q of queues) {
      for (let pri = 0; pri < 3; pri++) {
        const sk = `${this.prefix}:q:${q}:s:${pri}`;
        const pend = (await this.#cmd.xpending(sk, this.group, 'IDLE', minIdleMs, '-', '+', 100, consumer).catch(() => [])) as [string, string, number, number][];
        for (const [entry] of pend) {
          const e = await this.#cmd.xrange(sk, entry, entry);
          const f = e[0]?.[1] ?? [];
          let id = '';
          for (let i = 0; i < f.length; i += 2) if (f[i] === 'id') id = f[i + 1]!;
          out.push({ stream: sk, entry, id });
        }
      }
    }
    return out;
  }

  /** Keeps P:alive:C for ttlMs more (QUEUE-5). */
  async alive(consumer: string, ttlMs: number): Promise<void> {
    await this.#cmd.set(`${this.prefix}:alive:${consumer}`, String(process.pid), 'PX', ttlMs);
  }

  /** The consumer stops: its key goes at once, so nobody waits a visibility timeout for what it returned. */
  async gone(consumer: string): Promise<void> {
    await this.#cmd.del(`${this.prefix}:alive:${consumer}`);
  }

  // ---- both -----------------------------------------------------------------

  /** revoke.lua. */
  async revoke(id: string, terminate: boolean, now = Date.now()): Promise<JobState | 'missing'> {
    return str(await this.#run('revoke', [id, now, terminate ? '1' : '0', this.#o.resultTtlMs, this.#o.keep])) as JobState | 'missing';
  }

  async job(id: string): Promise<JobInfo | undefined> {
    const h = await this.#cmd.hgetallBuffer(`${this.prefix}:j:${id}`);
    if (!h || !h.state) return undefined;
    const s = (k: string) => h[k]?.toString('utf8');
    const n = (k: string) => (h[k] ? Number(h[k]!.toString()) : undefined);
    return {
      id, queue: s('queue') ?? '', task: s('task') ?? '', state: s('state') as JobState, attempts: n('attempts') ?? 0, deliveries: n('deliveries') ?? 0,
      contentType: s('ct') ?? '', payload: h.p ?? Buffer.alloc(0),
      ...(h.rct ? { resultContentType: s('rct')!, result: h.r ?? Buffer.alloc(0) } : {}),
      ...(h.ecode ? { error: { code: s('ecode')!, message: s('emsg') ?? '' } } : {}),
      ...(h.consumer ? { consumer: s('consumer')! } : {}),
      ...times({ created: n('created'), received: n('received'), started: n('started'), finished: n('finished') }),
      ...(h.key ? { key: s('key')! } : {}),
      ...(h.wf ? { workflow: { id: s('wf')!, node: s('node') ?? '' } } : {}),
    };
  }

  async workflow(id: string): Promise<{ state: string; def: WorkflowDef; nodes: Record<string, string> } | undefined> {
    const h = await this.#cmd.hgetall(`${this.prefix}:w:${id}`);
    if (!h.def) return undefined;
    const nodes: Record<string, string> = {};
    for (const [k, v] of Object.entries(h)) if (k.startsWith('s:')) nodes[k.slice(2)] = v;
    return { state: h.state ?? 'PENDING', def: JSON.parse(h.def) as WorkflowDef, nodes };
  }

  /**
   * Subscribes fn to a channel (P-relative name); resolves once Redis
   * confirmed. `resubscribed` runs after the subscriber connection came
   * back and its channels were subscribed again: what was published in
   * between is lost, so a listener reads again what it waits for.
   */
  async subscribe(channel: string, fn: (m: Buffer) => void, resubscribed?: () => void): Promise<() => void> {
    const full = `${this.prefix}:${channel}`;
    if (resubscribed) this.#resubscribed.add(resubscribed);
    if (!this.#sub) {
      const sub = (this.#sub = this.#connect('sub'));
      sub.on('messageBuffer', (ch: Buffer, m: Buffer) => { for (const f of this.#subs.get(ch.toString()) ?? []) f(m); });
      let first = true;
      sub.on('ready', () => {
        if (first) { first = false; return; }
        // ioredis subscribes again by itself; one more SUBSCRIBE, answered, marks the moment after which nothing is missed.
        void sub.subscribe(...this.#subs.keys()).then(() => { for (const f of this.#resubscribed) f(); }, () => {});
      });
    }
    let set = this.#subs.get(full);
    if (!set) {
      set = new Set();
      this.#subs.set(full, set);
      await this.#sub.subscribe(full).catch((err: unknown) => { throw brokerError(err, `SUBSCRIBE ${full}`); });
    }
    set.add(fn);
    return () => {
      set!.delete(fn);
      if (set!.size === 0) { this.#subs.delete(full); this.#sub?.unsubscribe(full).catch(() => {}); }
    };
  }

  // ---- inspection: see redis-inspect.ts for each verb -------------------------

  queues(): Promise<string[]> {
    return inspect.queues(this.#cmd, this);
  }

  inspect(queue: string): Promise<QueueInfo> {
    return inspect.inspect(this.#cmd, this, queue);
  }

  ids(queue: string, state: 'SUCCESS' | 'FAILURE' | 'REVOKED' | 'DELAYED', limit: number): Promise<string[]> {
    return inspect.ids(this.#cmd, this, queue, state, limit);
  }

  streamIds(queue: string, which: 'PENDING' | 'ACTIVE', limit: number): Promise<{ id: string; consumer?: string }[]> {
    return inspect.streamIds(this.#cmd, this, queue, which, limit);
  }

  redrive(queue: string, limit: number): Promise<string[]> {
    return inspect.redrive(this.#cmd, this, queue, limit);
  }

  dead(queue: string, limit: number): Promise<{ entry: string; id: string; reason: string; deliveries: number; at: number }[]> {
    return inspect.dead(this.#cmd, this, queue, limit);
  }

  /** The command connection, for what the verbs above do not cover (tests, the bench's command counts). */
  get redis(): Redis {
    return this.#cmd;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const all = [this.#cmd, this.#block, this.#sub].filter((r): r is Redis => r !== undefined);
    // quit() waits for replies still owed; disconnect() cuts a blocked XREADGROUP at once.
    this.#block?.disconnect();
    await Promise.all(all.filter((r) => r !== this.#block).map((r) => r.quit().catch(() => r.disconnect())));
  }
}

export interface WorkflowNode {
  job: string;
  deps: string[];
  rule?: 'all_success' | 'all_done' | 'one_failed' | 'one_success';
  pipe?: boolean;
}

/** What P:w:ID's `def` holds (section 13.6). */
export interface WorkflowDef {
  nodes: Record<string, WorkflowNode>;
  children: Record<string, string[]>;
  out: string[];
  shape: 'one' | 'list' | 'map';
}

export interface QueueInfo {
  queue: string;
  streams: { priority: 'high' | 'normal' | 'low'; length: number; waiting: number; pending: number }[];
  delayed: number;
  dead: number;
  consumers: { name: string; pending: number; idleMs: number; alive: boolean }[];
  finished: Record<string, number>;
}

function times(t: Record<'created' | 'received' | 'started' | 'finished', number | undefined>): Partial<Record<keyof typeof t, number>> {
  const o: Partial<Record<keyof typeof t, number>> = {};
  for (const [k, v] of Object.entries(t)) if (v !== undefined) o[k as keyof typeof t] = v;
  return o;
}


function jobFields(j: NewJob): (string | number | Uint8Array)[] {
  const f: (string | number | Uint8Array)[] = [
    'task', j.task, 'ct', j.contentType, 'p', j.payload, 'pri', j.priority, 'retries', j.retries,
    'backoff', JSON.stringify({ delay: j.backoff.delayMs, factor: j.backoff.factor, max: j.backoff.maxMs, jitter: j.backoff.jitter }),
    'expires', j.expiresAt, 'soft', j.softMs, 'hard', j.hardMs, 'each', j.each ? 1 : 0,
  ];
  if (j.key) f.push('key', j.key);
  if (j.resultChannel) f.push('rc', j.resultChannel);
  if (j.workflow) f.push('wf', j.workflow.id, 'node', j.workflow.node);
  return f;
}

function toDelivery(r: Raw[]): Delivery {
  let backoff: Delivery['backoff'];
  try {
    const b = JSON.parse(str(r[9])) as { delay: number; factor: number; max: number; jitter: boolean };
    backoff = { delayMs: Number(b.delay) || 0, factor: Number(b.factor) || 1, maxMs: Number(b.max) || 0, jitter: b.jitter !== false };
  } catch { backoff = undefined; }
  return {
    stream: str(r[0]), entry: str(r[1]), id: str(r[2]), queue: str(r[3]), task: str(r[4]), contentType: str(r[5]),
    payload: Buffer.isBuffer(r[6]) ? r[6] : Buffer.from(str(r[6])), attempts: num(r[7]), retries: num(r[8]), backoff,
    softMs: num(r[10]), hardMs: num(r[11]), each: str(r[12]) === '1', deliveries: num(r[13]), key: str(r[14]), started: str(r[15]) === '1',
  };
}

/** A Redis URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
