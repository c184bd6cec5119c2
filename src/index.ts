// corral: the arbiter, the worker runtime and the protocol, from one entry.
export { Arbiter, type ArbiterDeps, type ArbiterEvents, type WorkerRecord, type WorkerState } from './arbiter/arbiter.js';
export { resolveOptions, parseBind, DEFAULTS, type ArbiterOptions, type BindSpec, type LogLevel, type LogFormat } from './arbiter/options.js';
export type { Hooks, HookArbiter, HookWorker, HookExit } from './arbiter/hooks.js';
export { runPool } from './embed.js';
export { serve, isWorker, type ServeOptions } from './worker/index.js';
export { EXIT, ENV, STRATEGIES, type StrategyName } from './transport/process-state.js';
export * from './errors.js';
