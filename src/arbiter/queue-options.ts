// The arbiter's `queue` option: consuming durable queues from Redis (spec.md
// section 13). Defaults live in src/queue/options.ts, shared with producers.
import { InvalidOptionError } from '../errors.js';
import { QUEUE_DEFAULTS, checkMs, checkQueueName, checkTaskName, parseRate } from '../queue/options.js';
import { validateSchedules, type Schedule } from '../queue/beat.js';

/** What a user writes (camelCase in the Arbiter options and the config file). */
export interface QueueOptionsInput {
  /** Redis URL (default redis://127.0.0.1:6379, or $CORRAL_REDIS). */
  redis?: string;
  prefix?: string;
  /** Queues to consume (default: every task app). */
  queues?: string[];
  /** Jobs held at once (default: 2 × task workers × task capacity). */
  prefetch?: number;
  /** A consumer silent this long is dead; its jobs go to others (default 30 s). */
  visibilityMs?: number;
  /** Deliveries without a run ending before a job is dead-lettered (default 3). */
  maxDeliveries?: number;
  /** "queue.task" → "10/s", shared by every consumer. */
  rateLimits?: Record<string, string>;
  /** Defaults for jobs that set none (0 = no limit). */
  softTimeLimitMs?: number;
  timeLimitMs?: number;
  /** Periodic jobs (cron or interval); one job per tick across all arbiters. */
  schedules?: Schedule[];
  resultTtlMs?: number;
  maxPayloadBytes?: number;
}

export interface QueueOptions {
  redis: string;
  prefix: string;
  queues: string[];
  prefetch: number;
  visibilityMs: number;
  maxDeliveries: number;
  blockMs: number;
  rates: Record<string, [number, number]>;
  softTimeLimitMs: number;
  timeLimitMs: number;
  schedules: Schedule[];
  resultTtlMs: number;
  keep: number;
  maxPayloadBytes: number;
}

export function resolveQueueOptions(input: unknown, apps: readonly string[]): QueueOptions | undefined {
  if (input === undefined || input === null || input === false) return undefined;
  if (typeof input !== 'object') throw new InvalidOptionError('queue: must be an object ({ redis, queues, ... })');
  const i = input as QueueOptionsInput;
  const known = new Set(['redis', 'prefix', 'queues', 'prefetch', 'visibilityMs', 'maxDeliveries', 'rateLimits', 'softTimeLimitMs', 'timeLimitMs', 'schedules', 'resultTtlMs', 'maxPayloadBytes', 'blockMs']);
  for (const k of Object.keys(i)) if (!known.has(k)) throw new InvalidOptionError(`queue.${k}: unknown option`);
  const redis = i.redis ?? process.env.CORRAL_REDIS ?? QUEUE_DEFAULTS.redis;
  if (typeof redis !== 'string' || !/^rediss?:\/\//.test(redis)) throw new InvalidOptionError(`queue.redis: must be a redis:// or rediss:// URL`);
  const prefix = i.prefix ?? QUEUE_DEFAULTS.prefix;
  if (typeof prefix !== 'string' || !/^[A-Za-z0-9_.-]{1,64}$/.test(prefix)) throw new InvalidOptionError('queue.prefix: must be 1-64 of A-Z a-z 0-9 _ . -');
  const queues = (i.queues ?? [...apps]).map((q, n) => checkQueueName(q, `queue.queues[${n}]`));
  if (queues.length === 0) throw new InvalidOptionError('queue.queues: no queue to consume (configure task apps, or name the queues)');
  for (const q of queues) if (!apps.includes(q)) throw new InvalidOptionError(`queue.queues: "${q}" is not one of the task apps (${apps.join(', ') || 'none'}); a queue is served by the task app of the same name`);
  const rates: Record<string, [number, number]> = {};
  for (const [k, v] of Object.entries(i.rateLimits ?? {})) {
    const dot = k.indexOf('.');
    if (dot < 1) throw new InvalidOptionError(`queue.rateLimits: key "${k}" must be "queue.task"`);
    checkQueueName(k.slice(0, dot), `queue.rateLimits["${k}"]`);
    checkTaskName(k.slice(dot + 1), `queue.rateLimits["${k}"]`);
    rates[k] = parseRate(v, `queue.rateLimits["${k}"]`);
  }
  const int = (name: keyof QueueOptionsInput, v: unknown, dflt: number, min: number) => {
    // The command line passes numbers as strings.
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v ?? dflt;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min) throw new InvalidOptionError(`queue.${name}: must be a whole number >= ${min}, got ${String(v)}`, { range: true });
    return n;
  };
  const o: QueueOptions = {
    redis, prefix, queues,
    prefetch: int('prefetch', i.prefetch, QUEUE_DEFAULTS.prefetch, 0),
    visibilityMs: checkMs(i.visibilityMs ?? QUEUE_DEFAULTS.visibilityMs, 'queue.visibilityMs', 300),
    maxDeliveries: int('maxDeliveries', i.maxDeliveries, QUEUE_DEFAULTS.maxDeliveries, 1),
    blockMs: checkMs((i as { blockMs?: number }).blockMs ?? QUEUE_DEFAULTS.blockMs, 'queue.blockMs', 10),
    rates,
    softTimeLimitMs: checkMs(i.softTimeLimitMs ?? 0, 'queue.softTimeLimitMs'),
    timeLimitMs: checkMs(i.timeLimitMs ?? 0, 'queue.timeLimitMs'),
    schedules: validateSchedules(i.schedules ?? []).map((s) => s),
    resultTtlMs: checkMs(i.resultTtlMs ?? QUEUE_DEFAULTS.resultTtlMs, 'queue.resultTtlMs', 1000),
    keep: QUEUE_DEFAULTS.keep,
    maxPayloadBytes: int('maxPayloadBytes', i.maxPayloadBytes, QUEUE_DEFAULTS.maxPayloadBytes, 1),
  };
  if (o.blockMs >= o.visibilityMs) throw new InvalidOptionError(`queue.blockMs (${o.blockMs}) must be less than queue.visibilityMs (${o.visibilityMs})`, { range: true });
  return o;
}
