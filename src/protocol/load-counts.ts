// Heartbeat.wakeups_total and Heartbeat.latency_counts (spec.md section 6.3,
// since 1.4): what a socket worker counts, and how a receiver checks it.
//
//   latency_counts[i], i < 16   requests that took more than LATENCY_BOUNDS_US[i-1]
//                               (0 for i = 0) and at most LATENCY_BOUNDS_US[i] µs
//   latency_counts[16]          requests that took more than LATENCY_BOUNDS_US[15] µs
//
// Each request is counted in exactly one bucket; the counts run from the
// worker's start and never decrease (LOAD-9, LOAD-10, LOAD-11). A peer that
// negotiated 1.3 or lower is sent neither field (COMPAT-8).
import { LATENCY_BOUNDS_US, LATENCY_BUCKETS, LOAD_COUNTS_SINCE_MINOR } from './limits.js';

/** True when a peer that negotiated minor version `minor` of major 1 may send or be taken at its word on wakeups_total and latency_counts. */
export function loadCountsAllowed(minor: number | null | undefined): boolean {
  return (minor ?? 0) >= LOAD_COUNTS_SINCE_MINOR;
}

/**
 * The bucket of a request that took `us` microseconds: the first whose upper
 * bound it does not exceed, or the last (unbounded) one. A linear scan: most
 * requests land in the first few buckets, and there are only 16 bounds.
 */
export function latencyBucket(us: number): number {
  const bounds = LATENCY_BOUNDS_US;
  const n = bounds.length;
  let i = 0;
  while (i < n && us > (bounds[i] as number)) i++;
  return i;
}

/** A fresh, zeroed latency_counts list (17 counts). */
export function emptyLatencyCounts(): number[] {
  return new Array<number>(LATENCY_BUCKETS).fill(0);
}

/**
 * What is wrong with a received latency_counts, or undefined when it is
 * usable: empty (the worker does not count) or exactly 17 counts (LOAD-9).
 */
export function latencyCountsProblem(counts: readonly number[]): string | undefined {
  if (counts.length === 0 || counts.length === LATENCY_BUCKETS) return undefined;
  return `Heartbeat.latency_counts has ${counts.length} counts, not ${LATENCY_BUCKETS}; ignored`;
}

/** The index of the first count of `now` below its value in `before`, or -1 when none went down (LOAD-11). */
export function firstDecrease(before: readonly number[], now: readonly number[]): number {
  const n = Math.min(before.length, now.length);
  for (let i = 0; i < n; i++) if ((now[i] as number) < (before[i] as number)) return i;
  return -1;
}
