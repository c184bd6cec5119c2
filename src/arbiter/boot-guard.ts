// Respawn pacing. A worker that dies before it is ready is a boot failure;
// consecutive failures back the respawns off exponentially, and too many in a
// row halt the arbiter instead of fork-looping (Gunicorn's WORKER_BOOT_ERROR).
// Only failures a worker brought on itself (its own exit code) count toward
// the halt: a worker killed by someone else's signal (an operator's kill -9,
// the OOM killer) backs the respawns off but never takes the service down.
// Pure: the arbiter passes the clock in.

export interface BootGuardOptions {
  maxFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export class BootGuard {
  readonly #opts: BootGuardOptions;
  #failures = 0;
  /** Consecutive failures of any kind, for the backoff. */
  #streak = 0;
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
    this.#streak = 0;
    this.#notBefore = 0;
  }

  /**
   * A worker died before Ready (or crashed young, see crashLoopMs). Returns
   * true when the arbiter must halt. `byItself` false (ended by a signal the
   * arbiter did not send): backoff only.
   */
  failed(now: number, byItself = true): boolean {
    if (byItself) this.#failures++;
    this.#streak++;
    const delay = Math.min(this.#opts.maxDelayMs, this.#opts.baseDelayMs * 2 ** Math.min(30, this.#streak - 1));
    this.#notBefore = now + delay;
    return this.#failures >= this.#opts.maxFailures;
  }

  /** Consecutive failures of any kind (the backoff's exponent). */
  get streak(): number {
    return this.#streak;
  }

  /** How many workers may be spawned now: all that are missing, or one while backing off. */
  allowance(now: number, missing: number): number {
    if (missing <= 0 || now < this.#notBefore) return 0;
    return this.#streak > 0 ? 1 : missing;
  }

  /**
   * A worker said Ready but has not yet lived minUptimeMs: the next spawn may
   * go ahead, but the failure count stands until one proves stable
   * (succeeded), so a worker that crashes on its first connection every time
   * still reaches the halt.
   */
  readied(): void {
    if (this.#notBefore === Number.POSITIVE_INFINITY) this.#notBefore = 0;
  }

  /** A worker was spawned. While backing off, wait for its outcome before the next one. */
  spawned(): void {
    if (this.#streak > 0) this.#notBefore = Number.POSITIVE_INFINITY;
  }

  /** When the next spawn is allowed (for the loop's next wakeup). */
  get notBefore(): number {
    return this.#notBefore;
  }
}
