// When a worker sends Heartbeat (spec.md section 6):
//
//   Welcome ──► every heartbeat_interval_ms until the worker exits  [LIVE-1, LIVE-3, LIVE-4]
//   in_flight reaches the capacity / falls below it again         [LOAD-6]
//        ──► one early Heartbeat, at most one per 10 ms           [LOAD-7]
//
// The timers run on the event loop that serves the connections, so a
// stalled loop stops the heartbeats instead of hiding behind them [LIVE-2].

/** LOAD-7: early heartbeats at most this often. */
export const EARLY_HEARTBEAT_MIN_MS = 10;

export class Heartbeats {
  readonly #send: () => void;
  readonly #now: () => number;
  #interval: NodeJS.Timeout | undefined;
  #early: NodeJS.Timeout | undefined;
  #lastEarly = -Infinity;
  #full = false;

  /** `send` sends one Heartbeat with the current figures; `now` is the monotonic clock. */
  constructor(send: () => void, now: () => number) {
    this.#send = send;
    this.#now = now;
  }

  /** Regular heartbeats from now on (unref'd: they never keep the process alive). */
  start(intervalMs: number): void {
    if (this.#interval) clearInterval(this.#interval);
    this.#interval = setInterval(this.#send, intervalMs);
    this.#interval.unref();
  }

  /**
   * The load changed; with load-report negotiated, a crossing of the capacity
   * (0 = unbounded: never) is reported early.
   */
  loadChanged(inFlight: number, capacity: number): void {
    if (capacity === 0) return;
    const full = inFlight >= capacity;
    if (full === this.#full) return;
    this.#full = full;
    if (this.#early) return; // one is already due and will carry the latest figures
    const wait = this.#lastEarly + EARLY_HEARTBEAT_MIN_MS - this.#now();
    if (wait <= 0) {
      this.#lastEarly = this.#now();
      this.#send();
      return;
    }
    this.#early = setTimeout(() => {
      this.#early = undefined;
      this.#lastEarly = this.#now();
      this.#send();
    }, wait);
    this.#early.unref();
  }

  stop(): void {
    if (this.#interval) clearInterval(this.#interval);
    if (this.#early) clearTimeout(this.#early);
    this.#interval = undefined;
    this.#early = undefined;
  }
}
