// The worker runtime's configuration and the names it shares with index.ts.
import type * as net from 'node:net';
import type { Duplex } from 'node:stream';
import { FEATURE, HARD_MAX_FRAME_BYTES } from '../protocol/limits.js';
import type { WorkerEnvironment } from '../transport/process-state.js';
import type { SocketFactory } from './load.js';
import type { NativeDeps } from './native-deps.js';

export const WORKER_FEATURES: readonly string[] = [
  FEATURE.ACCEPT_ARBITER,
  FEATURE.ACCEPT_SHARED,
  FEATURE.ACCEPT_EXCLUSIVE,
  FEATURE.ACCEPT_REUSEPORT,
  FEATURE.ACCEPT_HANDOFF,
  FEATURE.ACCEPT_REVOKE,
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

export interface RuntimeConfig {
  environment: WorkerEnvironment;
  control: Duplex;
  /** Hello.capacity: the first estimate; Ready carries the real one. */
  capacity: number;
  handshakeTimeoutMs: number;
  implementation: string;
  pid: number;
  exit: (code: number) => void;
  native: NativeDeps;
  signals: SignalSource | null;
  stderr: (line: string) => void;
  setTitle: boolean;
  now: () => number;
}

/** What {@link WorkerRuntime.serve} needs once the application is loaded. */
export interface ServeConfig {
  server: net.Server;
  capacity: number;
  socketFactory: SocketFactory | undefined;
  onDrain: (() => void | Promise<void>) | undefined;
}

/** Load figures, as reported in heartbeats. */
export interface WorkerStats {
  inFlight: number;
  acceptedTotal: number;
  requestsTotal: number;
}

export type Phase = 'hello' | 'booting' | 'ready' | 'draining' | 'stopping' | 'exited';
