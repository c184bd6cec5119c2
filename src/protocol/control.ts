// The control protocol, version 1 (spec.md section 14): what `corral ctl`,
// `corral top` or any program says to a running arbiter over its control
// socket. Pure: bytes in, messages out; the socket lives in the arbiter
// (src/arbiter/control-server.ts) and the client (src/control/client.ts).
//
//   client                                          arbiter
//     [len][ControlRequest{request_id 1, status}] ──►
//     [len][ControlRequest{request_id 2, scale}]  ──►
//           ◄── [len][ControlReply{request_id 1, status: PoolStatus}]
//           ◄── [len][ControlReply{request_id 2, done: "…"}]
//
// The frame is the arbiter protocol's (section 3): a 4-byte big-endian
// length, then the message. Requests are small, so the arbiter's limit is
// low (CONTROL_LIMITS.maxRequestBytes); replies may be large (a status of
// hundreds of workers), up to the protocol's hard limit.
import { corral } from './generated/control.js';
// codec.js makes 64-bit fields plain numbers for every generated module; its
// generated classes and these were evaluated before that, so reset ours too.
import { plainUint64Defaults } from './codec.js';
import { DecodeError } from './errors.js';
import { FRAME_HEADER_BYTES, HARD_MAX_FRAME_BYTES } from './limits.js';
import { frameHeader } from './framer.js';

const pb = corral.control.v1;
plainUint64Defaults(pb);

/** The control protocol version this implementation speaks (PoolStatus.control_version). */
export const CONTROL_VERSION = 1;

/** The arbiter's limits on a control client (spec.md section 14.4). */
export interface ControlLimits {
  /** Largest request frame the arbiter accepts; a larger length prefix closes the connection before its bytes are read. */
  maxRequestBytes: number;
  /** Largest reply frame a client accepts. */
  maxReplyBytes: number;
  /** Clients connected at once; more are refused. */
  maxClients: number;
  /** Reply bytes queued for a client that does not read before it is disconnected. */
  maxQueuedBytes: number;
  /** Requests one client may send per second before it is disconnected (CORRAL_ERR_FLOOD). */
  maxRequestsPerSecond: number;
  /** JobsRequest.limit when 0. */
  defaultJobs: number;
  /** JobsRequest.limit's ceiling. */
  maxJobs: number;
}

/** The defaults of ControlLimits. */
export const CONTROL_LIMITS: Readonly<ControlLimits> = Object.freeze({
  maxRequestBytes: 4096,
  maxReplyBytes: HARD_MAX_FRAME_BYTES,
  maxClients: 64,
  maxQueuedBytes: 8 * 1024 * 1024,
  maxRequestsPerSecond: 1000,
  defaultJobs: 100,
  maxJobs: 1000,
});

export const ControlWorkerKind = pb.WorkerKind;

/** The actions of a ControlRequest, by their oneof name. */
export type ControlAction =
  | { action: 'status'; histograms?: boolean }
  | { action: 'scale'; kind: 'socket' | 'task'; workers: number; app?: string }
  | { action: 'reload' }
  | { action: 'stop'; graceful: boolean }
  | { action: 'reopenLogs' }
  | { action: 'tasks' }
  | { action: 'jobs'; state?: string; app?: string; limit?: number; id?: number };

export type ControlActionName = ControlAction['action'];

export const CONTROL_ACTIONS: readonly ControlActionName[] = Object.freeze(['status', 'scale', 'reload', 'stop', 'reopenLogs', 'tasks', 'jobs']);

export interface WorkerStatus {
  id: number;
  kind: 'socket' | 'task';
  pid: number;
  generation: number;
  state: string;
  inFlight: number;
  capacity: number;
  acceptedTotal: number;
  requestsTotal: number;
  rssBytes: number;
  cpuUs: number;
  heartbeatAgeMs: number;
  ageMs: number;
  wakeupsTotal: number;
  latencyCounts: number[];
  jobsCompleted: number;
  cpuPermille: number;
  acceptsPerSecond: number;
  p99Us: number;
}

export interface Interval {
  durationMs: number;
  accepted: number;
  requests: number;
  p50Us: number;
  p99Us: number;
  jobs: number;
}

export interface PoolStatus {
  controlVersion: number;
  pid: number;
  implementation: string;
  strategy: string;
  generation: number;
  targetWorkers: number;
  targetTaskWorkers: number;
  listeners: string[];
  startedAtMs: number;
  uptimeMs: number;
  bootFailures: number;
  state: 'starting' | 'running' | 'stopping';
  workers: WorkerStatus[];
  restarts: { reason: string; count: number }[];
  interval: Interval;
  acceptedTotal: number;
  latencyBoundsUs: number[];
}

export interface Percentiles { p50: number; p90: number; p99: number; n: number }

export interface AppStatus {
  name: string;
  workers: number;
  queued: number;
  inFlight: number;
  submitted: number;
  completed: number;
  failed: number;
  rejected: number;
  lost: number;
  abandoned: number;
  waitMs: Percentiles;
  runMs: Percentiles;
  /**
   * Arbiter-local, not in the control protocol (the wire's AppStatus has no
   * such field, so a decoded reply lacks both): run durations of the jobs its
   * task workers finished, counted by bucket of JOB_RUN_BOUNDS_MS
   * (src/arbiter/task-pool.ts, then a last, open bucket) and summed, since
   * the start. What the metrics endpoint's job run-time histogram reads.
   */
  runCounts?: number[];
  runSumMs?: number;
}

export interface QueueDepth { queue: string; waiting: number; delayed: number; dead: number }

export interface QueueStatus {
  state: 'connected' | 'connecting' | 'closed';
  queues: string[];
  held: number;
  fetched: number;
  succeeded: number;
  failed: number;
  retried: number;
  dead: number;
  depths: QueueDepth[];
}

export interface TasksStatus {
  apps: AppStatus[];
  queue?: QueueStatus | undefined;
}

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'timeout' | 'lost';
export const JOB_STATES: readonly JobState[] = Object.freeze(['queued', 'running', 'succeeded', 'failed', 'cancelled', 'timeout', 'lost']);

export interface JobInfo {
  id: number;
  app: string;
  action: string;
  state: JobState;
  worker: number;
  caller: string;
  submittedAtMs: number;
  startedAtMs: number;
  endedAtMs: number;
  payloadBytes: number;
  errorCode: string;
  errorMessage: string;
  meta: Record<string, string>;
  chunks: number;
}

export interface JobList { jobs: JobInfo[]; matched: number }

/** What a request is answered with: a body, or an error. */
export type ControlResult =
  | { status: PoolStatus }
  | { done: string }
  | { tasks: TasksStatus }
  | { jobs: JobList }
  | { error: { code: string; message: string } };

export interface ControlReply { requestId: number; result: ControlResult }

// ---- requests -----------------------------------------------------------

const KIND_NUMBER = { socket: pb.WorkerKind.WORKER_KIND_SOCKET, task: pb.WorkerKind.WORKER_KIND_TASK } as const;

/** A ControlRequest's bytes (no frame header). */
export function encodeRequest(requestId: number, a: ControlAction): Uint8Array {
  const m: corral.control.v1.ControlRequest.$Properties = { requestId };
  switch (a.action) {
    case 'status': m.status = { histograms: a.histograms ?? false }; break;
    case 'scale': m.scale = { kind: KIND_NUMBER[a.kind], workers: a.workers, app: a.app ?? '' }; break;
    case 'reload': m.reload = {}; break;
    case 'stop': m.stop = { graceful: a.graceful }; break;
    case 'reopenLogs': m.reopenLogs = {}; break;
    case 'tasks': m.tasks = {}; break;
    case 'jobs': m.jobs = { state: a.state ?? '', app: a.app ?? '', limit: a.limit ?? 0, id: a.id ?? 0 }; break;
  }
  return pb.ControlRequest.encode(m).finish();
}

/**
 * A decoded request: its id and action; or `action` undefined with the
 * reason in `problem`: an action this version does not know
 * (CORRAL_ERR_CONTROL_UNKNOWN_REQUEST, CTL-7) or a field value the spec
 * forbids (CORRAL_ERR_INVALID_FIELD, CTL-8). Both are answered and the
 * connection carries on. Throws DecodeError for bytes that are not a
 * ControlRequest at all, after which the connection is closed (CTL-6).
 */
export function decodeRequest(bytes: Uint8Array): { requestId: number; action: ControlAction | undefined; problem?: { code: string; message: string } } {
  let m: corral.control.v1.ControlRequest;
  try {
    m = pb.ControlRequest.decode(bytes);
  } catch (err) {
    throw new DecodeError(`not a ControlRequest: ${(err as Error).message}`);
  }
  const requestId = m.requestId;
  switch (m.action) {
    case 'status': return { requestId, action: { action: 'status', histograms: m.status!.histograms ?? false } };
    case 'scale': {
      const s = m.scale!;
      const kind = s.kind === pb.WorkerKind.WORKER_KIND_SOCKET ? 'socket' : s.kind === pb.WorkerKind.WORKER_KIND_TASK ? 'task' : undefined;
      if (!kind) return { requestId, action: undefined, problem: { code: 'CORRAL_ERR_INVALID_FIELD', message: `ScaleRequest.kind must be SOCKET (1) or TASK (2), got ${s.kind} [CTL-8]` } };
      return { requestId, action: { action: 'scale', kind, workers: s.workers ?? 0, ...(s.app ? { app: s.app } : {}) } };
    }
    case 'reload': return { requestId, action: { action: 'reload' } };
    case 'stop': return { requestId, action: { action: 'stop', graceful: m.stop!.graceful ?? false } };
    case 'reopenLogs': return { requestId, action: { action: 'reopenLogs' } };
    case 'tasks': return { requestId, action: { action: 'tasks' } };
    case 'jobs': {
      const j = m.jobs!;
      return { requestId, action: { action: 'jobs', ...(j.state ? { state: j.state } : {}), ...(j.app ? { app: j.app } : {}), limit: j.limit ?? 0, id: j.id ?? 0 } };
    }
    default: return { requestId, action: undefined, problem: { code: 'CORRAL_ERR_CONTROL_UNKNOWN_REQUEST', message: 'the request names no action this arbiter knows (control protocol 1) [CTL-7]' } };
  }
}

// ---- replies ------------------------------------------------------------

const KIND_NAME = (n: number): 'socket' | 'task' => (n === pb.WorkerKind.WORKER_KIND_TASK ? 'task' : 'socket');

/** A ControlReply's bytes (no frame header). */
export function encodeReply(reply: ControlReply): Uint8Array {
  const r = reply.result;
  const m: corral.control.v1.ControlReply.$Properties = { requestId: reply.requestId };
  if ('error' in r) m.error = r.error;
  else if ('status' in r) m.status = { ...r.status, workers: r.status.workers.map((w) => ({ ...w, kind: KIND_NUMBER[w.kind] })) };
  else if ('done' in r) m.done = { message: r.done };
  else if ('tasks' in r) m.tasks = r.tasks as corral.control.v1.TasksStatus.$Properties;
  else if ('jobs' in r) m.jobs = r.jobs;
  return pb.ControlReply.encode(m).finish();
}

const OBJECT = { defaults: true, arrays: true, objects: true } as const;

/** A decoded reply, every field present (proto3 defaults filled in). Throws DecodeError. */
export function decodeReply(bytes: Uint8Array): ControlReply {
  let m: corral.control.v1.ControlReply;
  try {
    m = pb.ControlReply.decode(bytes);
  } catch (err) {
    throw new DecodeError(`not a ControlReply: ${(err as Error).message}`);
  }
  const requestId = m.requestId;
  if (m.error && m.error.code) return { requestId, result: { error: { code: m.error.code, message: m.error.message ?? '' } } };
  switch (m.body) {
    case 'status': {
      const s = pb.PoolStatus.toObject(m.status as corral.control.v1.PoolStatus, OBJECT) as unknown as PoolStatus & { workers: (WorkerStatus & { kind: number })[] };
      s.interval ??= { durationMs: 0, accepted: 0, requests: 0, p50Us: 0, p99Us: 0, jobs: 0 };
      return { requestId, result: { status: { ...s, workers: s.workers.map((w) => ({ ...w, kind: KIND_NAME(w.kind as unknown as number) })) } } };
    }
    case 'done': return { requestId, result: { done: m.done!.message ?? '' } };
    case 'tasks': {
      const t = pb.TasksStatus.toObject(m.tasks as corral.control.v1.TasksStatus, OBJECT) as unknown as TasksStatus;
      if (!m.tasks!.queue) delete t.queue;
      return { requestId, result: { tasks: t } };
    }
    case 'jobs': return { requestId, result: { jobs: pb.JobList.toObject(m.jobs as corral.control.v1.JobList, OBJECT) as unknown as JobList } };
    default: return { requestId, result: { error: { code: 'CORRAL_ERR_CONTROL_UNKNOWN_REPLY', message: 'a reply with no body this client knows' } } };
  }
}

/** One frame: the 4-byte big-endian length, then `payload`. */
export function controlFrame(payload: Uint8Array): Buffer {
  return Buffer.concat([frameHeader(payload.length), payload], FRAME_HEADER_BYTES + payload.length);
}
