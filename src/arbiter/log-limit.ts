// Rate limiting for log lines a worker can cause at will. A worker that
// streams unknown frames or non-fatal Error reports must not fill the disk
// (one such worker wrote 425,404 WARNING lines, 33.6 MB, in 35 s): the first
// `burst` occurrences per key are logged, later ones are counted and
// summarised once per interval ("… N more suppressed in the last 10 s").
// A key quiet for a whole interval is forgotten, so a later occurrence is
// logged again. Pure: the clock is injected.

export interface LogLimitOptions {
  /** Lines logged per key before suppression starts. */
  burst: number;
  /** How often a key's suppressed count is reported, ms. */
  intervalMs: number;
  now: () => number;
}

export interface Suppressed {
  key: string;
  /** Occurrences not logged since the last summary. */
  count: number;
  /** The time the summary covers, ms. */
  spanMs: number;
  /** The last suppressed message, as a sample. */
  last: string;
}

interface Entry {
  logged: number;
  suppressed: number;
  /** When the current summary's span began (the first suppressed occurrence, or the last summary). */
  since: number;
  lastAt: number;
  last: string;
}

export class LogLimiter {
  readonly #opts: LogLimitOptions;
  readonly #keys = new Map<string, Entry>();

  constructor(options: LogLimitOptions) {
    this.#opts = options;
  }

  /** One occurrence for `key`: true when it is to be logged, false when it was counted instead. */
  admit(key: string, message: string): boolean {
    const now = this.#opts.now();
    let e = this.#keys.get(key);
    if (!e) {
      e = { logged: 0, suppressed: 0, since: now, lastAt: now, last: '' };
      this.#keys.set(key, e);
    }
    e.lastAt = now;
    if (e.logged < this.#opts.burst) {
      e.logged++;
      return true;
    }
    if (e.suppressed === 0) e.since = now;
    e.suppressed++;
    e.last = message;
    return false;
  }

  /**
   * The summaries due now: every key that has suppressed something for a
   * whole interval. Keys quiet for an interval are forgotten.
   */
  due(): Suppressed[] {
    const now = this.#opts.now();
    const out: Suppressed[] = [];
    for (const [key, e] of this.#keys) {
      if (e.suppressed > 0 && now - e.since >= this.#opts.intervalMs) {
        out.push({ key, count: e.suppressed, spanMs: now - e.since, last: e.last });
        e.suppressed = 0;
        e.since = now;
      } else if (e.suppressed === 0 && now - Math.max(e.lastAt, e.since) >= this.#opts.intervalMs) {
        this.#keys.delete(key);
      }
    }
    return out;
  }

  /** Forgets `key` (its source is gone), returning what it still had suppressed. */
  end(key: string): Suppressed | undefined {
    const e = this.#keys.get(key);
    if (!e) return undefined;
    this.#keys.delete(key);
    return e.suppressed > 0 ? { key, count: e.suppressed, spanMs: this.#opts.now() - e.since, last: e.last } : undefined;
  }

  /** Keys tracked (for tests: the limiter itself stays bounded). */
  get size(): number {
    return this.#keys.size;
  }
}

/** "… 12 more suppressed in the last 10 s (last: …)". */
export function describeSuppressed(s: Suppressed): string {
  const secs = s.spanMs >= 10_000 ? Math.round(s.spanMs / 1000) : Math.max(0, s.spanMs / 1000).toFixed(1);
  return `${s.count} more suppressed in the last ${secs} s (last: ${s.last})`;
}
