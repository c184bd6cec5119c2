// What Linux's /proc says about one process's use of the machine: resident
// memory and CPU time. The arbiter reads it for its workers once per sample
// (status, top, metrics); a worker's own report could not be trusted for it,
// and a stuck worker reports nothing.
import { readFileSync } from 'node:fs';

/** CLK_TCK: the unit of utime and stime in /proc/PID/stat (100 on every Linux Node runs on). */
const TICK_US = 10_000;

export interface ProcessUsage {
  /** Resident set size, bytes (VmRSS). */
  rssBytes: number;
  /** CPU time, user + system, microseconds (10 ms resolution). */
  cpuUs: number;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return undefined;
  }
}

/** Memory and CPU of process `pid`; undefined when it is gone (or /proc is not there). */
export function processUsage(pid: number | undefined): ProcessUsage | undefined {
  if (pid === undefined || pid <= 0) return undefined;
  const stat = read(`/proc/${pid}/stat`);
  const status = read(`/proc/${pid}/status`);
  if (stat === undefined || status === undefined) return undefined;
  // comm (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(f[11]) + Number(f[12]);
  const rss = /VmRSS:\s+(\d+) kB/.exec(status);
  return { rssBytes: rss ? Number(rss[1]) * 1024 : 0, cpuUs: Number.isFinite(ticks) ? ticks * TICK_US : 0 };
}
