// What the queue consumer and the producer need from a message broker. Redis
// Streams (redis.ts) is the one shipped; a RabbitMQ or NATS JetStream adapter
// would implement the same verbs: add a job, take a batch for one consumer,
// record one delivery's outcome, move due delayed jobs, hand a dead
// consumer's jobs to the living, revoke, and look inside.

/** Celery's task states (spec.md section 13.3). */
export type JobState = 'PENDING' | 'RECEIVED' | 'STARTED' | 'RETRY' | 'SUCCESS' | 'FAILURE' | 'REVOKED';
export const FINAL_STATES: ReadonlySet<string> = new Set(['SUCCESS', 'FAILURE', 'REVOKED']);

/** Priorities: the stream a job waits in (0 is read first). */
export const PRIORITIES = { high: 0, normal: 1, low: 2 } as const;
export type Priority = keyof typeof PRIORITIES;

/** Retry delay: min(maxMs, delayMs × factor^(attempt−1)), less up to half at random with jitter (QUEUE-9). */
export interface Backoff {
  delayMs: number;
  factor: number;
  maxMs: number;
  jitter: boolean;
}

/** A job as a producer writes it (section 13.2). */
export interface NewJob {
  id: string;
  queue: string;
  task: string;
  contentType: string;
  payload: Uint8Array;
  priority: 0 | 1 | 2;
  retries: number;
  backoff: Backoff;
  /** Epoch ms after which it is revoked unstarted; 0 = never. */
  expiresAt: number;
  softMs: number;
  hardMs: number;
  /** Run the action once per element of a JSON array payload. */
  each: boolean;
  /** Epoch ms before which it does not run (ETA); 0 = now. */
  dueAt: number;
  key?: string;
  keyTtlMs: number;
  /** The waiter's result channel suffix. */
  resultChannel?: string;
  workflow?: { id: string; node: string };
}

/** One job handed to one consumer: the stream entry and the job's data. */
export interface Delivery {
  stream: string;
  entry: string;
  id: string;
  queue: string;
  task: string;
  contentType: string;
  payload: Buffer;
  attempts: number;
  retries: number;
  backoff: Backoff | undefined;
  softMs: number;
  hardMs: number;
  each: boolean;
  deliveries: number;
  key: string;
  /** Marked STARTED by the script that handed it out (an idle slot was waiting for it). */
  started: boolean;
}

/** What became of one delivery (finish.lua's outcomes). */
export type Outcome =
  | { kind: 'ok'; contentType: string; result: Uint8Array }
  | { kind: 'fail'; code: string; message: string; retryAt?: number }
  | { kind: 'dead'; code: string; message: string }
  | { kind: 'lost' }
  | { kind: 'return' }
  | { kind: 'skip' };

/** A job as inspection shows it. */
export interface JobInfo {
  id: string;
  queue: string;
  task: string;
  state: JobState;
  attempts: number;
  deliveries: number;
  contentType: string;
  payload: Buffer;
  resultContentType?: string;
  result?: Buffer;
  error?: { code: string; message: string };
  consumer?: string;
  created?: number;
  received?: number;
  started?: number;
  finished?: number;
  key?: string;
  workflow?: { id: string; node: string };
}

/** Options of fetch that come from the consumer's configuration. */
export interface FetchOptions {
  maxDeliveries: number;
  /** "queue.task" → [max, windowMs] (QUEUE-12). */
  rates: Record<string, [number, number]>;
  /** Queue → idle task-worker slots now: that many of its jobs start at once (STARTED, not RECEIVED). */
  starts?: Record<string, number>;
}
