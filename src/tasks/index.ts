// `corral/tasks`: calling jobs from outside the pool, and writing task apps.
export { connect, tasksAddressFrom, type TasksConnection, type ConnectOptions } from './connect.js';
export { TaskClient, type CallOptions, type TaskTransport, type TaskClientOptions } from './client.js';
export { encodePayload, decodePayload, CONTENT_TYPE, type CodecName } from './codec.js';
// Writing task apps: what a module served by a task worker default-exports.
export { defineApp, type Action, type TaskApp, type TaskContext } from '../task-worker/index.js';
