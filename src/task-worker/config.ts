// The task worker runtime's configuration and constants.
import type { MessageKind } from '../protocol/codec.js';
import { FEATURE, HARD_MAX_FRAME_BYTES } from '../protocol/limits.js';
import type { Phase, SessionConfig } from '../worker/config.js';

export type { SignalName, SignalSource } from '../worker/config.js';

/** Hello.features of a task worker. */
export const TASK_FEATURES: readonly string[] = [FEATURE.TASKS, FEATURE.TASKS_STREAM, FEATURE.TASKS_FLOW, FEATURE.LOAD_REPORT];

/** Hello.max_frame_bytes: the hard cap, so that large payloads fit when the arbiter allows them. */
export const TASK_MAX_FRAME_BYTES = HARD_MAX_FRAME_BYTES;

/** Hello.capacity when none is given: concurrent jobs. */
export const DEFAULT_TASK_CAPACITY = 16;

/** The longest a Stop waits for the apps' close() hooks before the worker exits. */
export const STOP_CLOSE_MS = 1000;

/** Messages that belong to an optional feature [ERR-18]. */
export const FEATURE_OF: Partial<Record<MessageKind, string>> = {
  execute: FEATURE.TASKS,
  cancel: FEATURE.TASKS,
  credit: FEATURE.TASKS_FLOW,
  acceptGrant: FEATURE.ACCEPT_ARBITER,
  acceptRevoke: FEATURE.ACCEPT_REVOKE,
  handoff: FEATURE.ACCEPT_HANDOFF,
};

export type TaskPhase = Phase;

export interface TaskRuntimeConfig extends SessionConfig {
  workerId: number;
  /** Hello.apps: the app names served. */
  apps: readonly string[];
  /** Concurrent jobs; 0 = unbounded. */
  capacity: number;
}
