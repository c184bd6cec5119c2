// The stall watch of the arbiter strategy (spec.md section 7.2.8): while a
// revocable lease is out and another worker could take it over, read the
// listener's accept queue every pollMs without accepting from it, and feed
// what the kernel reports to the lease coordinator, which decides.
//
// The timer runs only while the coordinator says a poll is worth it
// (watching()), so a pool of one worker, of 1.0 workers, or a pool that is
// stopping costs nothing; an idle pool costs one getsockopt per listener per
// poll and wakes no worker.
import type { LeaseAction, LeaseCoordinator } from './lease.js';

export interface StallWatchDeps {
  /** Connections waiting on a listener fd, null when the kernel reports none (native.acceptQueue). */
  queued(fd: number): number | null;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export class StallWatch {
  readonly #lease: LeaseCoordinator;
  readonly #fds: readonly number[];
  readonly #pollMs: number;
  readonly #apply: (actions: LeaseAction[]) => void;
  readonly #deps: StallWatchDeps;
  #timer: unknown;
  polls = 0;

  constructor(lease: LeaseCoordinator, listenerFds: readonly number[], pollMs: number, apply: (actions: LeaseAction[]) => void, deps: StallWatchDeps) {
    this.#lease = lease;
    this.#fds = listenerFds;
    this.#pollMs = pollMs;
    this.#apply = apply;
    this.#deps = deps;
  }

  get running(): boolean {
    return this.#timer !== undefined;
  }

  /** Starts or stops the timer to match the coordinator; call after anything that changes leases or workers. */
  sync(): void {
    const want = this.#lease.watching();
    if (want && this.#timer === undefined) {
      this.#timer = this.#deps.setInterval(() => this.#poll(), this.#pollMs);
    } else if (!want && this.#timer !== undefined) {
      this.close();
    }
  }

  close(): void {
    if (this.#timer === undefined) return;
    this.#deps.clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #poll(): void {
    for (const listener of this.#lease.watchedListeners()) {
      const fd = this.#fds[listener];
      if (fd === undefined) continue;
      let queued: number | null;
      try {
        queued = this.#deps.queued(fd);
      } catch {
        queued = null; // a listener the kernel will not describe: the lease timers alone apply
      }
      this.polls++;
      this.#apply(this.#lease.observeQueue(listener, queued));
    }
    this.sync();
  }
}
