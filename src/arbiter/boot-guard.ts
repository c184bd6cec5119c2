// Respawn pacing. A worker that dies before it is ready is a boot failure;
// consecutive failures back the respawns off exponentially, and too many in a
// row halt the arbiter instead of fork-looping (Gunicorn's WORKER_BOOT_ERROR).
// Pure: the arbiter passes the clock in.

export interface BootGuardOptions {
  maxFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export class BootGuard {
  readonly #opts: BootGuardOptions;
  #failures = 0;
  #notBefore = 0;

  constructor(options: BootGuardOptions) {
    this.#opts = options;
  }

  get failures(): number {
    return this.#failures;
  }

  /** A worker reached Ready: the pool boots fine, forget earlier failures. */
  succeeded(): void {
    this.#failures = 0;
    this.#notBefore = 0;
  }

  /** A worker died before Ready. Returns true when the arbiter must halt. */
  failed(now: number): boolean {
    this.#failures++;
    const delay = Math.min(this.#opts.maxDelayMs, this.#opts.baseDelayMs * 2 ** (this.#failures - 1));
    this.#notBefore = now + delay;
    return this.#failures >= this.#opts.maxFailures;
  }

  /** How many workers may be spawned now: all that are missing, or one while backing off. */
  allowance(now: number, missing: number): number {
    if (missing <= 0 || now < this.#notBefore) return 0;
    return this.#failures > 0 ? 1 : missing;
  }

  /** A worker was spawned. While backing off, wait for its outcome before the next one. */
  spawned(): void {
    if (this.#failures > 0) this.#notBefore = Number.POSITIVE_INFINITY;
  }

  /** When the next spawn is allowed (for the loop's next wakeup). */
  get notBefore(): number {
    return this.#notBefore;
  }
}
