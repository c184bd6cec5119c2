// Every case of the suite, in report order. Ids are stable: a case that is
// removed leaves its id unused forever.
import type { CaseInfo } from './types.js';
import type { RunnableCase } from './runner.js';
import type { WorkerContext } from './worker-context.js';
import { processCases } from './cases/worker-process.js';
import { handshakeCases } from './cases/worker-handshake.js';
import { heartbeatCases } from './cases/worker-heartbeat.js';
import { acceptCases } from './cases/worker-accept.js';
import { handoffCases } from './cases/worker-handoff.js';
import { lifecycleCases } from './cases/worker-lifecycle.js';
import { framingCases } from './cases/worker-framing.js';
import { taskCases } from './cases/worker-tasks.js';
import { flowCases } from './cases/worker-flow.js';

function bySection<T extends CaseInfo>(cases: T[]): T[] {
  const key = (s: string) => s.split('.').map((p) => p.padStart(3, '0')).join('.');
  return cases
    .map((c, i) => ({ c, i }))
    .sort((a, b) => key(a.c.section).localeCompare(key(b.c.section)) || a.i - b.i)
    .map((x) => x.c);
}

export const workerCases: RunnableCase<WorkerContext>[] = bySection([
  ...processCases,
  ...framingCases,
  ...handshakeCases,
  ...heartbeatCases,
  ...acceptCases,
  ...handoffCases,
  ...lifecycleCases,
  ...taskCases,
  ...flowCases,
]);

/** Every case of both roles (metadata only). */
export function allCases(): CaseInfo[] {
  return [...workerCases];
}

export function findCase(id: string): CaseInfo | undefined {
  const upper = id.toUpperCase();
  return allCases().find((c) => c.id === upper || `${c.role}/${c.section}/${c.slug}` === id);
}
