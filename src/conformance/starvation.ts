// Time in which the suite or a testee could not run.
//
// The suite's waits and timing checks are meant in time a correct testee can
// use. On a loaded machine (the CPU shared with a build, other testees, the
// suite itself) a correct worker answers late and beats late only because it
// waited for a CPU, and the suite reads a frame late only because its own
// event loop was held up. Neither is the testee's fault, and both are
// measurable:
//
//   suite   lateness of a 25 ms ticker on the suite's event loop, summed
//           (anything that holds the loop up: CPU starvation, the suite's
//           own work, a GC pause)
//   testee  run_delay of /proc/PID/schedstat: nanoseconds the process was
//           runnable but waiting for a CPU (Linux; none elsewhere)
//
// A wait for a reaction ("Ready within the timeout") becomes `fairTimeout`:
// it runs its nominal time, then as long again as the suite or the testee
// lost meanwhile (the larger of the two, since they overlap), up to a cap, so
// a testee that is stuck still fails, just later. A timing requirement (the
// heartbeat cadence of LIVE-13) subtracts the same credit from each gap it
// judges (`creditBetween`). On an idle machine the credit is near zero and
// nothing changes.
import { readFileSync } from 'node:fs';

const TICK_MS = 25;
/** Ticker lateness below this is timer jitter, not starvation. */
const JITTER_MS = 3;
/** A fair wait lasts at most this many times its nominal time… */
const MAX_STRETCH = 10;
/** …and grows by at most this much: it still bounds a hang. */
const MAX_EXTRA_MS = 120_000;

let stalled = 0;
let last = 0;
let ticker: NodeJS.Timeout | undefined;

function ensureTicker(): void {
  if (ticker) return;
  last = performance.now();
  ticker = setInterval(() => {
    const now = performance.now();
    const late = now - last - TICK_MS;
    if (late > JITTER_MS) stalled += late;
    last = now;
  }, TICK_MS);
  ticker.unref();
}

/** Milliseconds the suite's event loop has been held up so far (monotonic, includes a stall in progress). */
export function suiteStalledMs(): number {
  ensureTicker();
  const late = performance.now() - last - TICK_MS;
  return stalled + (late > JITTER_MS ? late : 0);
}

/** Milliseconds `pid` has spent runnable but waiting for a CPU, or undefined (gone, no /proc, no schedstat). */
export function runDelayMs(pid: number): number | undefined {
  if (!(pid > 0)) return undefined;
  try {
    const f = readFileSync(`/proc/${pid}/schedstat`, 'latin1').split(' ');
    const ns = Number(f[1]);
    return Number.isFinite(ns) ? ns / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

/** Where the two clocks stood at one moment (tMs on the case's transcript clock). */
export interface StallSample {
  tMs: number;
  suite: number;
  peer: number | undefined;
}

export function sample(tMs: number, pid?: number): StallSample {
  return { tMs, suite: suiteStalledMs(), peer: pid === undefined ? undefined : runDelayMs(pid) };
}

/** What starvation between two samples can excuse: the larger of the suite's stall and the testee's wait for a CPU. */
export function creditOf(a: StallSample, b: StallSample): number {
  const suite = Math.max(0, b.suite - a.suite);
  const peer = a.peer !== undefined && b.peer !== undefined ? Math.max(0, b.peer - a.peer) : 0;
  return Math.max(suite, peer);
}

/**
 * The credit between `fromMs` and `toMs` from a list of samples in time
 * order: from the first sample at or after `fromMs` to the last at or before
 * `toMs`, so starvation outside the span is never counted.
 */
export function creditBetween(samples: readonly StallSample[], fromMs: number, toMs: number): number {
  let a: StallSample | undefined;
  let b: StallSample | undefined;
  for (const s of samples) {
    if (a === undefined && s.tMs >= fromMs) a = s;
    if (s.tMs <= toMs) b = s;
  }
  return a && b && b.tMs > a.tMs ? creditOf(a, b) : 0;
}

export interface FairTimer {
  cancel(): void;
}

/**
 * Calls `fire` once `ms` have passed in which neither the suite nor the
 * testee (`peerDelay`, its run_delay now) was starved: after `ms`, and again
 * for as long as both lost meanwhile, up to MAX_STRETCH × `ms` in all.
 */
export function fairTimeout(ms: number, fire: () => void, peerDelay?: () => number | undefined): FairTimer {
  const read = (): StallSample => ({ tMs: 0, suite: suiteStalledMs(), peer: peerDelay?.() });
  const start = read();
  const extraCap = Math.min(ms * (MAX_STRETCH - 1), MAX_EXTRA_MS);
  let granted = 0;
  let timer: NodeJS.Timeout;
  const arm = (wait: number) => {
    timer = setTimeout(() => {
      const owed = Math.min(creditOf(start, read()), extraCap);
      if (owed - granted >= 1) {
        const more = owed - granted;
        granted = owed;
        arm(more);
      } else fire();
    }, wait);
  };
  arm(ms);
  return { cancel: () => clearTimeout(timer) };
}

/** `fairTimeout` as a promise. */
export function fairSleep(ms: number, peerDelay?: () => number | undefined): Promise<void> {
  return new Promise((resolve) => fairTimeout(ms, resolve, peerDelay));
}

/** A deadline `ms` of fair time away, for loops that wait in several steps. */
export class FairDeadline {
  readonly #ms: number;
  readonly #t0 = performance.now();
  readonly #start: StallSample;
  readonly #peerDelay: (() => number | undefined) | undefined;

  constructor(ms: number, peerDelay?: () => number | undefined) {
    this.#ms = ms;
    this.#peerDelay = peerDelay;
    this.#start = { tMs: 0, suite: suiteStalledMs(), peer: peerDelay?.() };
  }

  /** Fair milliseconds left (<= 0 once passed). */
  left(): number {
    const now: StallSample = { tMs: 0, suite: suiteStalledMs(), peer: this.#peerDelay?.() };
    const extra = Math.min(creditOf(this.#start, now), this.#ms * (MAX_STRETCH - 1), MAX_EXTRA_MS);
    return this.#ms + extra - (performance.now() - this.#t0);
  }

  get passed(): boolean {
    return this.left() <= 0;
  }
}
