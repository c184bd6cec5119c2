// The worker runtimes' configuration (the session's, the socket worker's)
// and the names the socket worker shares with index.ts.
import type * as net from 'node:net';
import type { Duplex } from 'node:stream';
import type { corral, MessageKind } from '../protocol/codec.js';
import { FEATURE, HARD_MAX_FRAME_BYTES } from '../protocol/limits.js';
import type { WorkerEnvironment } from '../transport/process-state.js';
import type { SocketFactory } from './load.js';
import type { AccessLog } from './access-log.js';
import type { NativeDeps } from './native-deps.js';
import type { LinkOptions } from './link.js';

export const WORKER_FEATURES: readonly string[] = [
  FEATURE.ACCEPT_ARBITER,
  FEATURE.ACCEPT_SHARED,
  FEATURE.ACCEPT_EXCLUSIVE,
  FEATURE.ACCEPT_REUSEPORT,
  FEATURE.ACCEPT_HANDOFF,
  FEATURE.ACCEPT_REVOKE,
  FEATURE.ACCEPT_OVERLAP,
  FEATURE.LOAD_REPORT,
  // As a caller of task jobs (spec section 4.7).
  FEATURE.TASKS_CALL,
  FEATURE.TASKS_STREAM,
  FEATURE.TASKS_FLOW,
];

/**
 * The worker's part of the handshake (Hello.max_frame_bytes): room for task
 * payloads of a few MiB when it calls jobs. The limit is checked before a
 * frame is buffered, and a socket worker's arbiter negotiates it down to its
 * own (64 KiB when it runs no task workers).
 */
export const WORKER_MAX_FRAME_BYTES = HARD_MAX_FRAME_BYTES;

export type SignalName = 'SIGTERM' | 'SIGINT' | 'SIGQUIT';

/** Where signals come from: `process`, or an emitter in tests. */
export interface SignalSource {
  on(event: SignalName, listener: () => void): unknown;
  off(event: SignalName, listener: () => void): unknown;
}

/** What every worker session (socket or task worker) is given. */
export interface SessionConfig {
  control: Duplex;
  handshakeTimeoutMs: number;
  /** Hello.implementation. */
  implementation: string;
  pid: number;
  exit: (code: number) => void;
  signals: SignalSource | null;
  stderr: (text: string) => void;
  now: () => number;
}

/** What sets one kind of worker apart in the session. */
export interface SessionKind {
  /** Start of every log line, before the worker id. */
  label: string;
  /** Hello.kind. */
  kind: corral.v1.WorkerKind;
  /** CORRAL_WORKER_ID, until Welcome confirms it. */
  workerId: number;
  /** Hello.features. */
  features: readonly string[];
  /** Hello.max_frame_bytes. */
  maxFrameBytes: number;
  /** Messages that belong to an optional feature [ERR-18]. */
  featureOf: Partial<Record<MessageKind, string>>;
  link: LinkOptions;
}

/** The figures of a Heartbeat; Goodbye carries `acceptedTotal` too. */
export interface LoadFigures {
  inFlight: number;
  capacity: number;
  acceptedTotal: number;
  requestsTotal: number;
  /** Heartbeat.wakeups_total (since 1.4); absent when the kind of worker does not count them. */
  wakeupsTotal?: number;
  /** Heartbeat.latency_counts (since 1.4): 17 counts; absent when the kind of worker does not count them. */
  latencyCounts?: readonly number[];
}

export interface RuntimeConfig extends SessionConfig {
  environment: WorkerEnvironment;
  /** Hello.capacity: the first estimate; Ready carries the real one. */
  capacity: number;
  native: NativeDeps;
  setTitle: boolean;
}

/** What {@link WorkerRuntime.serve} needs once the application is loaded. */
export interface ServeConfig {
  server: net.Server;
  capacity: number;
  socketFactory: SocketFactory | undefined;
  onDrain: (() => void | Promise<void>) | undefined;
  /** One line per finished response, when configured. */
  accessLog?: AccessLog | undefined;
}

/** Load figures, as reported in heartbeats. */
export interface WorkerStats {
  inFlight: number;
  acceptedTotal: number;
  requestsTotal: number;
  /** Times the worker was woken to accept (spec.md section 6.3.1). */
  wakeupsTotal: number;
  /** Completed requests by duration: 17 counts, one per bucket of LATENCY_BOUNDS_US and one above the last bound (a copy). */
  latencyCounts: number[];
}

export type Phase = 'hello' | 'booting' | 'ready' | 'draining' | 'stopping' | 'exited';
