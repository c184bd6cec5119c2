// The task app API (`corral/tasks` re-exports it): what a module served by a
// Node task worker imports.
//
//   import { defineApp } from 'corral/tasks';
//   export default defineApp({ name: 'images', async init() {}, actions: { resize(payload, ctx) {} } });
export { defineApp, CONTENT_TYPE, type Action, type LogLevel, type TaskApp, type TaskContext } from './app.js';
export { TASK_FEATURES, DEFAULT_TASK_CAPACITY } from './runtime.js';
