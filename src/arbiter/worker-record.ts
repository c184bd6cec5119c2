// The arbiter's record of one worker: what supervision, the message handlers
// and the spawner read and write about it.
import type { Channel } from '../transport/channel.js';
import type { WorkerProcess } from './spawner.js';
import type { Caller } from './task-pool.js';

export type WorkerState = 'booting' | 'ready' | 'draining' | 'stopping' | 'exited';

/** The arbiter's record of one worker. */
export interface WorkerRecord {
  id: number;
  /** A socket worker, or a task worker (spec.md section 1.3). */
  kind: 'socket' | 'task';
  /** Task workers: the slot it fills (slot i runs every app whose worker count exceeds i). */
  slot: number;
  /** Task workers: recycle after this many jobs (taskMaxJobs + jitter); 0 = never. */
  maxJobs: number;
  /** Task workers: completed jobs when its resident size was last checked (taskMaxRssMb). */
  rssCheckedAtJobs?: number;
  /** The features negotiated in Welcome. */
  features: string[];
  /** The minor version of major 1 negotiated in Welcome (0 before). */
  minor: number;
  /** Socket workers that call jobs (tasks.call): the pool's handle on them. */
  caller?: Caller;
  generation: number;
  proc: WorkerProcess;
  channel: Channel | undefined;
  handoffSock: number | undefined;
  state: WorkerState;
  spawnedAt: number;
  lastSeen: number;
  helloed: boolean;
  everReady: boolean;
  capacity: number;
  inFlight: number;
  /** Connections it accepted: the larger of its latest Heartbeat's count and acceptedAcknowledged. */
  acceptedTotal: number;
  /** Connections it acknowledged in AcceptDone and HandoffAck. */
  acceptedAcknowledged: number;
  requestsTotal: number;
  /** Times it was woken to accept (Heartbeat.wakeups_total, since 1.4); 0 when not reported. */
  wakeupsTotal: number;
  /** Completed requests by duration bucket (Heartbeat.latency_counts, since 1.4; bounds LATENCY_BOUNDS_US); undefined when not reported. */
  latencyCounts: number[] | undefined;
  /** Recycle after this many connections (max_requests + jitter); 0 = never. */
  maxConnections: number;
  /** SIGTERM if still alive at this time (after its channel was closed on a protocol error). */
  termAt: number | undefined;
  /** SIGKILL if still alive at this time. */
  killAt: number | undefined;
  /** Why the arbiter is stopping it, for the exit log line. */
  stopReason: string | undefined;
  /** Stopped for a pool reason (shrinking, reload, recycling, shutdown), not a failure. */
  planned: boolean;
  /** Past --max-requests: serving until its replacement is ready, then drained. */
  recycle: boolean;
  /** It said Goodbye: any later frame is a protocol error (EXIT-9). */
  saidGoodbye: boolean;
  /** When it said Ready (for the crash-loop rule, minUptimeMs). */
  readyAt: number | undefined;
  /** The arbiter sent it a signal that ends it (a SIGKILL or SIGTERM exit is then ours, not a stranger's). */
  signalled: boolean;
  /** Ready for minUptimeMs: it proves the pool boots (and resets the boot-failure count). */
  stable: boolean;
}
