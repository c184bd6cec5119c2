// Protocol constants shared by every role. Changing any of these changes the
// wire contract (spec.md sections 3 and 5), so they live in one place.

/** Largest frame payload (Envelope bytes) a peer accepts unless both sides negotiate otherwise. */
export const DEFAULT_MAX_FRAME_BYTES = 65536;

/** No negotiation may raise the frame limit above this (16 MiB). */
export const HARD_MAX_FRAME_BYTES = 16 * 1024 * 1024;

/** Size of the big-endian length prefix in front of every Envelope. */
export const FRAME_HEADER_BYTES = 4;

/** The protocol version this implementation speaks. */
export const PROTOCOL_VERSION: Readonly<{ major: 1; minor: 5 }> = Object.freeze({ major: 1, minor: 5 });

/**
 * Upper bounds, in microseconds, of the request-duration buckets a worker
 * counts in Heartbeat.latency_counts (since 1.4, spec.md section 6.3); a
 * last bucket, not listed, holds everything slower. Fixed by the protocol so
 * that counts from every worker add up.
 */
export const LATENCY_BOUNDS_US: readonly number[] = Object.freeze([
  100, 250, 500, 1000, 2500, 5000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000,
]);

/** Counts in a non-empty Heartbeat.latency_counts: one per bound and a last, unbounded bucket (LOAD-9). */
export const LATENCY_BUCKETS = LATENCY_BOUNDS_US.length + 1;

/**
 * The minor version of major 1 that added Heartbeat.wakeups_total and
 * latency_counts: a worker that negotiated less sends neither, and an arbiter
 * takes neither from it (COMPAT-8, NEG-6, section 6.3).
 */
export const LOAD_COUNTS_SINCE_MINOR = 4;

/** Default cadence of worker heartbeats (Welcome.heartbeat_interval_ms). */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 1000;

/** Default time a worker has to send Hello after it starts. */
export const DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;

/** Feature names exchanged in Hello.features and Welcome.features (spec.md section 5.3). */
export const FEATURE = Object.freeze({
  ACCEPT_ARBITER: 'accept.arbiter',
  ACCEPT_SHARED: 'accept.shared',
  ACCEPT_EXCLUSIVE: 'accept.exclusive',
  ACCEPT_REUSEPORT: 'accept.reuseport',
  ACCEPT_HANDOFF: 'accept.handoff',
  /** Since 1.1: the arbiter may take a lease back with AcceptRevoke (section 7.2.6). */
  ACCEPT_REVOKE: 'accept.revoke',
  /** Since 1.5: a worker may hold a lease beside other holders of the listener, polling with an exclusive wakeup (section 7.2.9). */
  ACCEPT_OVERLAP: 'accept.overlap',
  TASKS: 'tasks',
  TASKS_STREAM: 'tasks.stream',
  /** Since 1.2: streamed results are paced by Credit (section 4.6.2). */
  TASKS_FLOW: 'tasks.flow',
  /** Since 1.2: the peer submits jobs to the arbiter (section 4.7). */
  TASKS_CALL: 'tasks.call',
  LOAD_REPORT: 'load-report',
} as const);

/** Every feature name defined by protocol 1.x, in spec order. */
export const FEATURES = Object.freeze([
  FEATURE.ACCEPT_ARBITER,
  FEATURE.ACCEPT_SHARED,
  FEATURE.ACCEPT_EXCLUSIVE,
  FEATURE.ACCEPT_REUSEPORT,
  FEATURE.ACCEPT_HANDOFF,
  FEATURE.ACCEPT_REVOKE,
  FEATURE.ACCEPT_OVERLAP,
  FEATURE.TASKS,
  FEATURE.TASKS_STREAM,
  FEATURE.TASKS_FLOW,
  FEATURE.TASKS_CALL,
  FEATURE.LOAD_REPORT,
] as const);

/**
 * The minor version of major 1 that introduced each feature added after 1.0:
 * a feature is negotiated only when the chosen version has it (COMPAT-8).
 */
export const FEATURE_SINCE: Readonly<Record<string, { major: number; minor: number }>> = Object.freeze({
  [FEATURE.ACCEPT_REVOKE]: Object.freeze({ major: 1, minor: 1 }),
  [FEATURE.ACCEPT_OVERLAP]: Object.freeze({ major: 1, minor: 5 }),
  [FEATURE.TASKS_FLOW]: Object.freeze({ major: 1, minor: 2 }),
  [FEATURE.TASKS_CALL]: Object.freeze({ major: 1, minor: 2 }),
});

/** The minor version of major 1 that added Execute.meta: a peer that negotiated less is sent none (COMPAT-8, section 4.6.3). */
export const META_SINCE_MINOR = 3;

/** Most entries a caller may put in Execute.meta (CALL-17). */
export const MAX_META_ENTRIES = 64;

/** Most octets a caller may put in Execute.meta: its keys and values together, in UTF-8 (CALL-17). */
export const MAX_META_BYTES = 4096;

/** Meta keys that begin with this are the arbiter's own; a caller does not send them (CALL-17, TASK-26). */
export const META_RESERVED_PREFIX = 'corral.';

/** A task app's name, as Hello.apps lists it and a job name `app.action` starts (HELLO-10, section 4.6.1). */
export const APP_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** A feature name defined by protocol 1.x. */
export type Feature = (typeof FEATURES)[number];
