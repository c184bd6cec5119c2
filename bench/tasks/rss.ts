// VmRSS of the caller, the arbiter and each worker, sampled while a scenario runs.
import { rssKiB } from '../common/proc.js';

export interface RssFigures {
  /** Largest sample of the calling process, MiB. */
  callerMiB: number | null;
  /** Largest sample of the arbiter (corral), MiB; null for peers. */
  arbiterMiB: number | null;
  /** Per worker process, its largest sample, MiB (empty for thread pools). */
  workerMiB: number[];
}

export class RssWatch {
  private caller = 0;
  private arbiter = 0;
  private readonly workers = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;
  private current: { caller: number; arbiter: number | null; workers: number[] };
  private count = 0;

  // The pid list can cost a scan of /proc: it is refreshed once a second, not every sample.
  constructor(private readonly pids: () => { caller: number; arbiter: number | null; workers: number[] }, intervalMs = 100) {
    this.current = pids();
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  stop(): RssFigures {
    clearInterval(this.timer);
    this.sample();
    const mib = (k: number) => Math.round((k / 1024) * 10) / 10;
    const p = this.current;
    return { callerMiB: this.caller ? mib(this.caller) : null, arbiterMiB: p.arbiter !== null && this.arbiter ? mib(this.arbiter) : null, workerMiB: [...this.workers.values()].map(mib) };
  }

  private sample(): void {
    if (++this.count % 10 === 0) this.current = this.pids();
    const p = this.current;
    this.caller = Math.max(this.caller, rssKiB(p.caller) ?? 0);
    if (p.arbiter !== null) this.arbiter = Math.max(this.arbiter, rssKiB(p.arbiter) ?? 0);
    for (const w of p.workers) {
      const r = rssKiB(w);
      if (r !== undefined) this.workers.set(w, Math.max(this.workers.get(w) ?? 0, r));
    }
  }
}
