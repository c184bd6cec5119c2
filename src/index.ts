// corral: the arbiter, the worker runtime and the protocol, from one entry.
export { Arbiter, type ArbiterDeps, type ArbiterEvents, type WorkerRecord, type WorkerState } from './arbiter/arbiter.js';
export { resolveOptions, parseBind, parseTaskSpec, DEFAULTS, type ArbiterOptions, type BindSpec, type LogLevel, type LogFormat, type TaskAppSpec } from './arbiter/options.js';
export type { Hooks, HookArbiter, HookWorker, HookExit } from './arbiter/hooks.js';
export { runPool } from './embed.js';
export { serve, isWorker, execute, stream, type ServeOptions } from './worker/index.js';
export { connect, type TasksConnection } from './tasks/connect.js';
export type { CallOptions } from './tasks/client.js';
export { EXIT, ENV, STRATEGIES, type StrategyName } from './transport/process-state.js';
export * from './errors.js';
