// Waiting for a condition that changes only when something arrives (a
// probe's report, a control reply): wake() on each arrival re-checks every
// waiter at once, and a 250 ms tick re-checks anyway, so a condition made
// true by time alone is not missed.
export class Wakeup {
  #waiters: (() => void)[] = [];

  /** Something arrived: every waiter checks its condition again. */
  wake(): void {
    for (const w of this.#waiters.splice(0)) w();
  }

  /** Resolves true once `cond()` holds, false after `ms`. */
  async until(cond: () => boolean, ms: number): Promise<boolean> {
    const deadline = performance.now() + ms;
    while (!cond()) {
      const left = deadline - performance.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 250));
        this.#waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return true;
  }
}
