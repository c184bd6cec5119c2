// Server hooks, named as Gunicorn names them so its users find them. Every hook
// runs in the arbiter process; a hook that throws or rejects is logged and
// never stops the arbiter.
import type { Logger } from './log.js';

/** What a hook is told about a worker. */
export interface HookWorker {
  id: number;
  pid: number | undefined;
  generation: number;
  /** A socket worker or a task worker (undefined from older callers: socket). */
  kind?: 'socket' | 'task';
}

export interface HookExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Why the arbiter thinks the worker ended: "exited", "killed after heartbeat timeout", ... */
  reason: string;
}

/** The arbiter as hooks see it (a narrow view, so hooks cannot corrupt its state). */
export interface HookArbiter {
  readonly pid: number;
  readonly workers: number;
  stats(): unknown;
  log(level: 'debug' | 'info' | 'warning' | 'error', message: string): void;
}

export interface Hooks {
  /** Before the listeners are bound. */
  on_starting(arbiter: HookArbiter): unknown;
  /** After the listeners are bound and the first workers were spawned. */
  when_ready(arbiter: HookArbiter): unknown;
  /** Just before a worker is spawned. */
  pre_fork(arbiter: HookArbiter, worker: HookWorker): unknown;
  /** Just after a worker was spawned (its pid is known). */
  post_fork(arbiter: HookArbiter, worker: HookWorker): unknown;
  /** A worker completed the handshake and said Ready. */
  worker_ready(arbiter: HookArbiter, worker: HookWorker): unknown;
  /** Any worker process ended (including ones that failed at boot). */
  child_exit(arbiter: HookArbiter, worker: HookWorker, exit: HookExit): unknown;
  /** A worker that had been ready ended. */
  worker_exit(arbiter: HookArbiter, worker: HookWorker, exit: HookExit): unknown;
  /** The target worker count changed; `previous` is null the first time. */
  nworkers_changed(arbiter: HookArbiter, count: number, previous: number | null): unknown;
  /** A reload (HUP) started. */
  on_reload(arbiter: HookArbiter): unknown;
  /** The arbiter is about to exit. */
  on_exit(arbiter: HookArbiter): unknown;
  /** Task workers (Gunicorn's on_dirty_starting): before the first task worker is spawned. */
  task_starting(arbiter: HookArbiter): unknown;
  /** A task worker was spawned (also reported to post_fork, with kind 'task'). */
  task_post_fork(arbiter: HookArbiter, worker: HookWorker): unknown;
  /** A task worker loaded its apps (every init() done) and said Ready. */
  task_worker_init(arbiter: HookArbiter, worker: HookWorker): unknown;
  /** A task worker that had been ready ended. */
  task_worker_exit(arbiter: HookArbiter, worker: HookWorker, exit: HookExit): unknown;
}

export const HOOK_NAMES: readonly (keyof Hooks)[] = [
  'on_starting', 'when_ready', 'pre_fork', 'post_fork', 'worker_ready',
  'child_exit', 'worker_exit', 'nworkers_changed', 'on_reload', 'on_exit',
  'task_starting', 'task_post_fork', 'task_worker_init', 'task_worker_exit',
];

/** Runs the configured hooks for the arbiter; a hook that throws or rejects is logged. */
export class HookRunner {
  readonly #options: { readonly hooks: Partial<Hooks> };
  readonly #view: () => HookArbiter;
  readonly #log: Logger;

  constructor(options: { readonly hooks: Partial<Hooks> }, view: () => HookArbiter, log: Logger) {
    this.#options = options;
    this.#view = view;
    this.#log = log;
  }

  async run(name: keyof Hooks, ...args: unknown[]): Promise<void> {
    const fn = this.#options.hooks[name] as ((...a: unknown[]) => unknown) | undefined;
    if (!fn) return;
    try {
      await fn(this.#view(), ...args);
    } catch (err) {
      this.#log.error(`hook ${name} failed: ${(err as Error).stack ?? err}`);
    }
  }

  /** Runs a hook without waiting for it. */
  fire(name: keyof Hooks, ...args: unknown[]): void {
    void this.run(name, ...args);
  }
}
