// One example of every message with every field set to a non-default value.
// The unit tests round-trip them, scripts/vectors.ts turns them into the
// MSG-1 golden vectors and bench/codec.ts measures them, so all three agree on
// what "a typical Heartbeat" is.
import { AcceptStrategy, GoodbyeReason, ReleaseReason, WorkerKind, type MessageKind, type OutMessage } from './codec.js';
import { DEFAULT_MAX_FRAME_BYTES, FEATURE } from './limits.js';

/** Deterministic payload bytes: 0, 1, 2, ... wrapping at 256. */
export function examplePayload(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = i & 0xff;
  return out;
}

/** Every message kind, each with all of its fields set. */
export const EXAMPLE_MESSAGES: { readonly [K in MessageKind]: Extract<OutMessage, { kind: K }> } = {
  hello: {
    kind: 'hello',
    body: {
      versions: [{ major: 1, minor: 0 }, { major: 2, minor: 1 }],
      kind: WorkerKind.WORKER_KIND_SOCKET,
      pid: 4242,
      features: [FEATURE.ACCEPT_ARBITER, FEATURE.ACCEPT_HANDOFF, FEATURE.LOAD_REPORT],
      maxFrameBytes: DEFAULT_MAX_FRAME_BYTES,
      implementation: 'corral-node/0.1.0',
      capacity: 1000,
      apps: ['images', 'llm'],
    },
  },
  welcome: {
    kind: 'welcome',
    body: {
      version: { major: 1, minor: 5 },
      workerId: 3,
      heartbeatIntervalMs: 1000,
      heartbeatTimeoutMs: 5000,
      listeners: [
        { index: 1, name: 'http', address: '127.0.0.1:8000' },
        { index: 2, name: 'admin', address: 'unix:/run/corral/admin.sock' },
      ],
      maxFrameBytes: DEFAULT_MAX_FRAME_BYTES,
      strategy: AcceptStrategy.ACCEPT_STRATEGY_ARBITER,
      features: [FEATURE.ACCEPT_ARBITER, FEATURE.LOAD_REPORT],
      generation: 2,
    },
  },
  ready: { kind: 'ready', body: { capacity: 1000 } },
  heartbeat: {
    kind: 'heartbeat',
    body: {
      timeMs: 1234567890123, inFlight: 12, capacity: 1000, acceptedTotal: 4294967301, requestsTotal: 98765, wakeupsTotal: 61234,
      // Since 1.4: 17 counts, one per bucket of LATENCY_BOUNDS_US and one above the last bound.
      latencyCounts: [5120, 40210, 30011, 14002, 6300, 2100, 612, 250, 90, 41, 17, 6, 3, 1, 1, 0, 0],
    },
  },
  acceptGrant: {
    kind: 'acceptGrant',
    body: { grantId: 7, listener: 1, maxAccepts: 16, releaseLoad: 900, leaseMs: 250 },
  },
  acceptDone: {
    kind: 'acceptDone',
    body: { grantId: 7, listener: 1, accepted: 16, wouldBlock: 1, inFlight: 28, reason: ReleaseReason.RELEASE_REASON_BATCH },
  },
  handoff: { kind: 'handoff', body: { handoffId: 9007199254740991, listener: 1, peer: '[::1]:51234' } },
  handoffAck: { kind: 'handoffAck', body: { handoffIds: [1, 2, 4294967296], inFlight: 4, refusedIds: [5] } },
  acceptRevoke: { kind: 'acceptRevoke', body: { grantId: 7, listener: 1 } },
  drain: { kind: 'drain', body: { deadlineMs: 30000, reason: 'reload' } },
  stop: { kind: 'stop', body: { reason: 'operator requested' } },
  goodbye: {
    kind: 'goodbye',
    body: { reason: GoodbyeReason.GOODBYE_REASON_DRAINED, detail: 'drained 12 connections', acceptedTotal: 4294967301 },
  },
  error: {
    kind: 'error',
    body: { code: 200, message: 'unknown message type 42', fatal: true, requestId: 17, messageType: 42 },
  },
  execute: {
    kind: 'execute',
    body: {
      requestId: 17, name: 'images.resize', payload: examplePayload(16), deadlineMs: 5000, contentType: 'application/json', window: 16, idempotent: true,
      meta: { 'corral.job': 'j-8f3a', 'corral.attempt': '2', tenant: 'acme' },
    },
  },
  result: { kind: 'result', body: { requestId: 17, payload: examplePayload(8), contentType: 'application/octet-stream' } },
  chunk: { kind: 'chunk', body: { requestId: 17, seq: 3, payload: examplePayload(4) } },
  end: { kind: 'end', body: { requestId: 17, chunks: 4 } },
  cancel: { kind: 'cancel', body: { requestId: 17, reason: 'client went away' } },
  credit: { kind: 'credit', body: { requestId: 17, chunks: 8 } },
};
