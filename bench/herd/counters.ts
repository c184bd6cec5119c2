// corral's own counters (src/transport/instrument.ts): with CORRAL_COUNTERS_DIR
// set, each corral process writes <dir>/<pid>.json on SIGWINCH. A snapshot
// signals every pool process and waits for files newer than the request.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CounterFile {
  pid: number;
  role: string;
  time: number;
  readiness: number;
  acceptCalls: number;
  acceptWouldBlock: number;
  accepted: number;
  channelReads: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function readCounter(dir: string, pid: number): CounterFile | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, `${pid}.json`), 'utf8')) as CounterFile;
  } catch {
    return undefined;
  }
}

/**
 * Signals each pid and collects its dump. Pids that do not answer within
 * `waitMs` are missing from the result (e.g. a worker without the handler).
 */
export async function snapshotCounters(dir: string, pids: number[], waitMs = 1500): Promise<Map<number, CounterFile>> {
  // Date.now() granularity: a dump written in the same ms as the request is fresh too.
  const asked = Date.now();
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGWINCH');
    } catch {
      // gone
    }
  }
  const out = new Map<number, CounterFile>();
  const deadline = Date.now() + waitMs;
  for (;;) {
    for (const pid of pids) {
      if (out.has(pid)) continue;
      const c = readCounter(dir, pid);
      if (c && c.time >= asked) out.set(pid, c);
    }
    if (out.size === pids.length || Date.now() > deadline) return out;
    await sleep(out.size === 0 ? 5 : 10);
  }
}

export interface CounterDelta {
  readiness: number;
  channelReads: number;
  acceptCalls: number;
  acceptWouldBlock: number;
  accepted: number;
  /** Per role ('arbiter', 'worker'), the same sums. */
  byRole: Record<string, { readiness: number; channelReads: number; acceptWouldBlock: number; accepted: number; processes: number }>;
  /** Pids that answered both snapshots. */
  answered: number[];
}

export function counterDelta(before: Map<number, CounterFile>, after: Map<number, CounterFile>): CounterDelta {
  const d: CounterDelta = { readiness: 0, channelReads: 0, acceptCalls: 0, acceptWouldBlock: 0, accepted: 0, byRole: {}, answered: [] };
  for (const [pid, a] of after) {
    const b = before.get(pid);
    if (!b) continue;
    d.answered.push(pid);
    const r = (d.byRole[a.role] ??= { readiness: 0, channelReads: 0, acceptWouldBlock: 0, accepted: 0, processes: 0 });
    r.processes++;
    r.readiness += a.readiness - b.readiness;
    r.channelReads += a.channelReads - b.channelReads;
    r.acceptWouldBlock += a.acceptWouldBlock - b.acceptWouldBlock;
    r.accepted += a.accepted - b.accepted;
    d.readiness += a.readiness - b.readiness;
    d.channelReads += a.channelReads - b.channelReads;
    d.acceptCalls += a.acceptCalls - b.acceptCalls;
    d.acceptWouldBlock += a.acceptWouldBlock - b.acceptWouldBlock;
    d.accepted += a.accepted - b.accepted;
  }
  return d;
}
