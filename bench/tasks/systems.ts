// Every system behind one interface: start it for a pool shape, run loops on
// it, read its pids, stop it.
import { runLoop, type LoopCommand, type LoopResult } from './loops.js';
import type { SystemName } from './options.js';
import { startForkPool, startPiscina, startTinypool, startUds, type PoolHandle, type PoolSpec } from './peers.js';
import { startClient, startEmbedded, startFromWorker } from './corral.js';

export interface Runner {
  run(cmd: LoopCommand): Promise<LoopResult>;
  /** Who calls, the arbiter (corral; null for peers) and the worker processes (none for thread pools: they live in the caller). */
  pids(): { caller: number; arbiter: number | null; workers: number[] };
  stop(): Promise<void>;
  describe: string;
}

function local(h: PoolHandle): Runner {
  return {
    run: (cmd) => runLoop(h.caller(cmd.job), cmd),
    pids: () => ({ ...h.pids(), arbiter: null }),
    stop: () => h.stop(),
    describe: h.describe,
  };
}

/** The pool shape a system runs a scenario on: the floor keeps to one child where one call is in flight. */
export function specFor(system: SystemName, scenario: { workers: number; capacity: number | undefined; inFlight: number; name: string }): PoolSpec {
  if (system === 'uds' && (scenario.name === 'latency' || scenario.name === 'payload' || scenario.name === 'pipelined')) return { workers: 1, capacity: scenario.capacity };
  return { workers: scenario.workers, capacity: scenario.capacity };
}

export async function startSystem(system: SystemName, spec: PoolSpec): Promise<Runner> {
  switch (system) {
    case 'piscina': return local(await startPiscina(spec));
    case 'tinypool-threads': return local(await startTinypool(spec, 'worker_threads'));
    case 'tinypool-process': return local(await startTinypool(spec, 'child_process'));
    case 'fork-json': return local(await startForkPool(spec, 'json'));
    case 'fork-advanced': return local(await startForkPool(spec, 'advanced'));
    case 'uds': return local(await startUds(spec));
    case 'corral-embedded': return startEmbedded(spec);
    case 'corral-worker': return startFromWorker(spec);
    case 'corral-client': return startClient(spec);
  }
}
