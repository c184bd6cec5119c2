// The queue options a producer and a consumer share, with their defaults in
// one place, and the checks that name the option a bad value came from.
import { InvalidOptionError } from '../errors.js';
import { APP_NAME } from '../protocol/limits.js';
import type { Backoff } from '../broker/broker.js';

export const QUEUE_DEFAULTS = Object.freeze({
  redis: 'redis://127.0.0.1:6379',
  prefix: 'corral',
  /** A final job's hash lives this long (its result with it). */
  resultTtlMs: 24 * 3600_000,
  /** Final ids kept per queue and state for inspection. */
  keep: 1000,
  /** An idempotency key dedupes for this long. */
  keyTtlMs: 24 * 3600_000,
  /** Largest payload or result, bytes (Redis strings may be 512 MiB; a queue is not a blob store). */
  maxPayloadBytes: 16 * 1024 * 1024,
  backoff: Object.freeze({ delayMs: 1000, factor: 2, maxMs: 600_000, jitter: true }) as Backoff,
  /** Consumer: jobs held at once (fetched and not finished); 0 = prefetchMultiplier × the task workers' total capacity. */
  prefetch: 0,
  /**
   * Twice the capacity: a slot that frees finds its next job already here
   * instead of waiting for Redis (+15-25 % jobs/s measured with short jobs);
   * the cost is that a dead host's extra jobs wait for the visibility timeout.
   */
  prefetchMultiplier: 2,
  /** Consumer: a consumer silent this long is dead and its jobs go to others. */
  visibilityMs: 30_000,
  /** Consumer: deliveries without a run ending before a job is dead-lettered. */
  maxDeliveries: 3,
  /** Consumer: how long one blocking read waits before the loop looks around. */
  blockMs: 1000,
});

/** Task names: actions of an app (dots allowed, as in `img.thumb.small`). */
export const TASK_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** Idempotency keys and job ids: printable, no spaces, bounded. */
const KEY = /^[\x21-\x7e]{1,128}$/;

export function checkQueueName(q: unknown, option = 'queue'): string {
  if (typeof q !== 'string' || !APP_NAME.test(q)) throw new InvalidOptionError(`${option}: ${JSON.stringify(q)} is not a queue name (1-64 of A-Z a-z 0-9 _ -; a queue is the task app that serves it)`);
  return q;
}

export function checkTaskName(t: unknown, option = 'task'): string {
  if (typeof t !== 'string' || !TASK_NAME.test(t)) throw new InvalidOptionError(`${option}: ${JSON.stringify(t)} is not a task name (1-128 of A-Z a-z 0-9 _ . -, not starting with . or -)`);
  return t;
}

export function checkKey(k: unknown, option: string): string {
  if (typeof k !== 'string' || !KEY.test(k)) throw new InvalidOptionError(`${option}: must be 1-128 printable ASCII characters without spaces`);
  return k;
}

export function checkMs(v: unknown, option: string, min = 0): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || !Number.isInteger(v)) throw new InvalidOptionError(`${option}: must be a whole number of ms >= ${min}, got ${String(v)}`, { range: true });
  return v;
}

export function checkBackoff(b: unknown, option = 'backoff'): Backoff {
  if (b === undefined) return { ...QUEUE_DEFAULTS.backoff };
  if (typeof b === 'number') return { ...QUEUE_DEFAULTS.backoff, delayMs: checkMs(b, option) };
  if (typeof b !== 'object' || b === null) throw new InvalidOptionError(`${option}: must be ms or { delayMs, factor, maxMs, jitter }`);
  const o = b as Partial<Backoff>;
  const factor = o.factor ?? QUEUE_DEFAULTS.backoff.factor;
  if (typeof factor !== 'number' || !(factor >= 1 && factor <= 100)) throw new InvalidOptionError(`${option}.factor: must be a number from 1 to 100`, { range: true });
  return {
    delayMs: checkMs(o.delayMs ?? QUEUE_DEFAULTS.backoff.delayMs, `${option}.delayMs`),
    factor,
    maxMs: checkMs(o.maxMs ?? QUEUE_DEFAULTS.backoff.maxMs, `${option}.maxMs`),
    jitter: o.jitter ?? QUEUE_DEFAULTS.backoff.jitter,
  };
}

/** The delay before retry number `attempt` (1 = the first retry), QUEUE-9. */
export function backoffDelay(b: Backoff, attempt: number, random = Math.random): number {
  const full = Math.min(b.maxMs, b.delayMs * b.factor ** Math.max(0, attempt - 1));
  return Math.round(b.jitter ? full - (full / 2) * random() : full);
}

/** "10/s", "100/m", "5/200ms" → [max, windowMs]. */
export function parseRate(v: unknown, option: string): [number, number] {
  const m = typeof v === 'string' ? /^(\d+)\/(\d*)(ms|s|m|h)$/.exec(v.trim()) : null;
  if (!m || Number(m[1]) < 1) throw new InvalidOptionError(`${option}: ${JSON.stringify(v)} is not a rate (like "10/s", "100/m", "5/200ms")`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[3] as 'ms' | 's' | 'm' | 'h'];
  return [Number(m[1]), (m[2] ? Number(m[2]) : 1) * unit];
}
