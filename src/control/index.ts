// `corral/control`: drive a running arbiter from a program (spec.md section 14).
export { ControlClient, type ControlClientOptions } from './client.js';
export { findControlSocket, defaultControlSocket, socketForPidfile, runtimeDir } from './paths.js';
export type {
  ControlAction, ControlResult, PoolStatus, WorkerStatus, Interval, TasksStatus, AppStatus, QueueStatus, QueueDepth, JobList, JobInfo, JobState, Percentiles,
} from '../protocol/control.js';
export { CONTROL_VERSION, CONTROL_LIMITS, JOB_STATES } from '../protocol/control.js';
