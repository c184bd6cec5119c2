// Periodic jobs (a "beat") for the Redis queues of spec.md section 13.
//
// Every arbiter that consumes queues may run the same schedules, and a tick must
// still become exactly one job. Rather than elect a leader (a lock with a lease,
// renewed, lost on a partition, and a window where two hosts both believe they
// hold it), each arbiter computes the same deterministic tick times (epoch-aligned
// intervals, cron in a fixed timezone, UTC unless given) and enqueues each tick
// with the idempotency key `beat:NAME:TICK_EPOCH_MS`. The enqueue script resolves
// that key in Redis atomically with creating the job (QUEUE-1, QUEUE-2), so the
// first arbiter to arrive creates the job and every other one gets the same job
// back: the claim and the enqueue cannot be separated, no arbiter is special, and
// a retried enqueue whose reply was lost cannot make a second job either.
// The key lives at least two periods, so a slow arbiter cannot re-create a tick
// that a faster one already ran.
//
// Like Celery beat there is no catch-up: ticks missed while no beat ran are gone.

import { Cron } from 'croner';
import { InvalidOptionError } from '../errors.js';
import { APP_NAME } from '../protocol/limits.js';

/** One periodic job. Exactly one of `cron` and `everyMs` is set. */
export interface Schedule {
  /** Unique among the schedules; part of each tick's idempotency key. */
  name: string;
  /** A cron expression of 5 fields, or 6 with seconds first (croner syntax). */
  cron?: string;
  /** Period in ms (at least 1000); ticks fall on multiples of it since the epoch. */
  everyMs?: number;
  /** IANA timezone the cron expression is read in; default `UTC`. Cron only. */
  timezone?: string;
  /** The queue (an app name, HELLO-10) the job goes to. */
  queue: string;
  /** The task (action) the job runs. */
  task: string;
  /** The job's payload, the same on every tick. */
  payload?: unknown;
  /** Extra enqueue options; `idempotencyKey` and `keyTtlMs` are set per tick. */
  options?: Record<string, unknown>;
}

/** What a Beat needs from its host; tests inject fakes. */
export interface BeatDeps {
  /** Epoch ms. */
  now(): number;
  /** Calls `fn` after `ms`; the caller decides whether the timer keeps the process alive. */
  setTimer(fn: () => void, ms: number): { cancel(): void };
  /** Enqueues a job (spec.md 13); must honour `options.idempotencyKey` (QUEUE-2). */
  enqueue(queue: string, task: string, payload: unknown, options: Record<string, unknown>): Promise<unknown>;
  log(level: 'debug' | 'info' | 'warning', msg: string): void;
}

/** A task name: what may follow the app in a job name `app.action`. */
const TASK_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
const KEYS = new Set(['name', 'cron', 'everyMs', 'timezone', 'queue', 'task', 'payload', 'options']);
/** A timer never waits longer, so a step of the wall clock is noticed within a minute. */
const MAX_WAIT_MS = 60_000;
/** A tick whose timer fires later than this (a stall, a suspended host) is reported missed. */
const LATE_LIMIT_MS = 60_000;
/** Retry backoff doubles from the first delay up to the max; a key lives at least an hour. */
const [RETRY_FIRST_MS, RETRY_MAX_MS, KEY_TTL_MIN_MS] = [500, 30_000, 3_600_000];

function cronOf(expr: string, timezone: string | undefined): Cron {
  return new Cron(expr, { paused: true, mode: '5-or-6-parts', timezone: timezone ?? 'UTC' });
}

/**
 * Checks a list of schedules and returns clean copies.
 * @throws InvalidOptionError whose message names the offending option, e.g. `schedules[2].cron`.
 */
export function validateSchedules(list: unknown): Schedule[] {
  if (!Array.isArray(list)) throw new InvalidOptionError(`schedules must be an array, got ${typeof list}`);
  const names = new Set<string>();
  return list.map((item: unknown, i) => {
    const at = `schedules[${i}]`;
    const bad = (field: string, msg: string, range = false): never => {
      throw new InvalidOptionError(`${at}${field === '' ? '' : '.' + field}: ${msg}`, { range });
    };
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return bad('', 'must be an object');
    const o = item as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!KEYS.has(k)) bad(k, 'is not a schedule option');
    const { name, cron, everyMs, timezone, queue, task, payload, options } = o;
    if (typeof name !== 'string' || name === '' || name.length > 128) return bad('name', 'must be a string of 1 to 128 characters');
    if (names.has(name)) bad('name', `${JSON.stringify(name)} is used by another schedule`);
    names.add(name);
    if ((cron === undefined) === (everyMs === undefined)) bad('', 'must have exactly one of cron and everyMs');
    const out: Schedule = { name, queue: queue as string, task: task as string };
    if (timezone !== undefined) {
      if (cron === undefined) bad('timezone', 'applies only to a cron schedule');
      if (typeof timezone !== 'string') return bad('timezone', 'must be a string');
      try {
        new Intl.DateTimeFormat('en', { timeZone: timezone });
      } catch {
        bad('timezone', `${JSON.stringify(timezone)} is not an IANA timezone`, true);
      }
      out.timezone = timezone;
    }
    if (cron !== undefined) {
      if (typeof cron !== 'string') return bad('cron', 'must be a string');
      let next: Date | null;
      try {
        next = cronOf(cron, out.timezone).nextRun();
      } catch (err) {
        return bad('cron', `${JSON.stringify(cron)} is not a cron expression (${(err as Error).message})`, true);
      }
      if (next === null) bad('cron', `${JSON.stringify(cron)} never matches a date`, true);
      out.cron = cron;
    } else {
      if (typeof everyMs !== 'number' || !Number.isSafeInteger(everyMs) || everyMs < 1000) {
        bad('everyMs', `must be an integer of at least 1000, got ${String(everyMs)}`, true);
      }
      out.everyMs = everyMs as number;
    }
    if (typeof queue !== 'string' || !APP_NAME.test(queue)) bad('queue', `${JSON.stringify(queue)} is not a queue name (1 to 64 of A-Z a-z 0-9 _ -)`);
    if (typeof task !== 'string' || !TASK_NAME.test(task)) bad('task', `${JSON.stringify(task)} is not a task name (1 to 64 of A-Z a-z 0-9 _ . -, not starting with . or -)`);
    if (payload !== undefined) out.payload = payload;
    if (options !== undefined) {
      if (typeof options !== 'object' || options === null || Array.isArray(options)) return bad('options', 'must be an object');
      if ('idempotencyKey' in options) bad('options.idempotencyKey', 'is set by the beat, one key per tick');
      out.options = { ...(options as Record<string, unknown>) };
    }
    return out;
  });
}

interface Entry {
  s: Schedule;
  cron: Cron | undefined;
  /** The next tick to enqueue, epoch ms; null when the cron expression has no more. */
  next: number | null;
}

/** An enqueue of `tick`, made at `at`; retrying stops at `deadline`, the following tick. */
interface Retry { e: Entry; tick: number; attempt: number; at: number; deadline: number }

/**
 * Enqueues the ticks of periodic schedules. Several Beats with the same schedules,
 * on any hosts, produce one job per tick between them (see the file header).
 * Ticks missed while stopped are not caught up; a rejected enqueue is retried
 * with backoff until the following tick.
 */
export class Beat {
  readonly #deps: BeatDeps;
  readonly #entries: Entry[];
  #retries = new Set<Retry>();
  #timer: { cancel(): void } | undefined;
  #running = false;
  /** Bumped by start() and stop(), so an enqueue that settles after stop() is ignored. */
  #generation = 0;

  /** @throws InvalidOptionError when `schedules` is not valid (see {@link validateSchedules}). */
  constructor(schedules: readonly Schedule[], deps: BeatDeps) {
    this.#deps = deps;
    this.#entries = validateSchedules(schedules).map((s) => ({ s, cron: s.cron === undefined ? undefined : cronOf(s.cron, s.timezone), next: null }));
  }

  /** Starts ticking; the first tick of each schedule is the first one after now. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#generation++;
    const now = this.#deps.now();
    for (const e of this.#entries) e.next = this.#after(e, now);
    this.#arm();
  }

  /** Stops ticking: cancels the timer and pending retries; enqueues in flight are not awaited. */
  stop(): void {
    if (!this.#running) return;
    this.#running = false;
    this.#generation++;
    this.#timer?.cancel();
    this.#timer = undefined;
    this.#retries.clear();
    for (const e of this.#entries) e.next = null;
  }

  /** The next tick of each schedule (epoch ms), earliest first; empty when stopped. */
  nextTicks(): { name: string; at: number }[] {
    return this.#entries.flatMap((e) => (e.next === null ? [] : [{ name: e.s.name, at: e.next }])).sort((a, b) => a.at - b.at);
  }

  /** The first tick strictly after `t`, or null. */
  #after(e: Entry, t: number): number | null {
    if (e.cron === undefined) {
      const every = e.s.everyMs as number;
      return (Math.floor(t / every) + 1) * every;
    }
    return e.cron.nextRun(new Date(t))?.getTime() ?? null;
  }

  #arm(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
    let wake = Infinity;
    for (const e of this.#entries) if (e.next !== null) wake = Math.min(wake, e.next);
    for (const r of this.#retries) wake = Math.min(wake, r.at);
    if (wake === Infinity) return;
    const wait = Math.min(MAX_WAIT_MS, Math.max(0, wake - this.#deps.now()));
    this.#timer = this.#deps.setTimer(() => this.#fire(), wait);
  }

  #fire(): void {
    this.#timer = undefined;
    if (!this.#running) return;
    const now = this.#deps.now();
    for (const r of [...this.#retries]) {
      if (r.at > now) continue;
      this.#retries.delete(r);
      this.#attempt(r);
    }
    for (const e of this.#entries) {
      if (e.next === null || e.next > now) continue;
      const tick = e.next;
      e.next = this.#after(e, now);
      if (e.next === null) this.#deps.log('info', `beat ${e.s.name}: the cron expression has no further ticks`);
      const deadline = this.#after(e, tick) ?? tick + KEY_TTL_MIN_MS;
      if (now - tick > LATE_LIMIT_MS) {
        this.#deps.log('warning', `beat ${e.s.name}: missed the tick of ${new Date(tick).toISOString()}, ${now - tick} ms late`);
      } else {
        this.#attempt({ e, tick, attempt: 1, at: now, deadline });
      }
    }
    if (this.#running) this.#arm();
  }

  #attempt(r: Retry): void {
    const { e, tick } = r;
    const key = `beat:${e.s.name}:${tick}`;
    const keyTtlMs = Math.max(2 * (r.deadline - tick), KEY_TTL_MIN_MS);
    const generation = this.#generation;
    new Promise((resolve) => resolve(this.#deps.enqueue(e.s.queue, e.s.task, e.s.payload, { ...e.s.options, idempotencyKey: key, keyTtlMs }))).then(
      () => {
        if (generation === this.#generation) this.#deps.log('debug', `beat ${e.s.name}: enqueued ${key}`);
      },
      (err: unknown) => {
        if (generation !== this.#generation) return;
        const now = this.#deps.now();
        const at = now + Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (r.attempt - 1));
        const why = err instanceof Error ? err.message : String(err);
        if (at >= r.deadline) {
          this.#deps.log('warning', `beat ${e.s.name}: missed the tick of ${new Date(tick).toISOString()} after ${r.attempt} attempts: ${why}`);
          return;
        }
        this.#deps.log('debug', `beat ${e.s.name}: enqueue of ${key} failed (${why}), retrying`);
        this.#retries.add({ ...r, attempt: r.attempt + 1, at });
        this.#arm();
      },
    );
  }
}
