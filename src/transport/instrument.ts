// Benchmark instrumentation. With CORRAL_COUNTERS_DIR set, a corral process
// (arbiter or Node worker) writes its counters to <dir>/<pid>.json whenever it
// receives SIGWINCH, so `bench herd` can diff snapshots taken before and after
// a measured run. Off (no handler, no cost) when the variable is unset.
//
//   { "pid": 123, "role": "worker", "time": <ms>, "readiness": …, "acceptCalls": …,
//     "acceptWouldBlock": …, "accepted": …, "channelReads": … }
import { writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import * as native from './native.js';
import { channelStats } from './stats.js';

export const COUNTERS_DIR_ENV = 'CORRAL_COUNTERS_DIR';

export interface CounterSnapshot extends native.Counters {
  pid: number;
  role: string;
  time: number;
  channelReads: number;
}

export function snapshot(role: string): CounterSnapshot {
  return { pid: process.pid, role, time: Date.now(), ...native.counters(), channelReads: channelStats.reads };
}

let installed = false;

/** Installs the SIGWINCH dump when CORRAL_COUNTERS_DIR is set. */
export function installCounterDump(role: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const dir = env[COUNTERS_DIR_ENV];
  if (!dir || installed) return false;
  installed = true;
  process.on('SIGWINCH', () => {
    const file = join(dir, `${process.pid}.json`);
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify(snapshot(role)));
      renameSync(`${file}.tmp`, file);
    } catch {
      // The directory went away: the benchmark that asked is gone too.
    }
  });
  return true;
}
