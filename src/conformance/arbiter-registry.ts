// Every arbiter case, in report order (by spec section). Ids are stable.
import type { ArbiterCase } from './arbiter-suite.js';
import { sessionCases } from './cases/arbiter-session.js';
import { activeCases } from './cases/arbiter-active.js';
import { strategyCases } from './cases/arbiter-strategies.js';
import { taskCases } from './cases/arbiter-tasks.js';
import { callCases } from './cases/arbiter-task-calls.js';
import { taskSocketCases } from './cases/arbiter-task-socket.js';
import { metaCases } from './cases/arbiter-task-meta.js';
import { controlCases } from './cases/arbiter-control.js';

function key(s: string): string {
  return s.split('.').map((p) => p.padStart(3, '0')).join('.');
}

export const arbiterCases: ArbiterCase[] = [...sessionCases, ...activeCases, ...strategyCases, ...taskCases, ...callCases, ...metaCases, ...taskSocketCases, ...controlCases]
  .map((c, i) => ({ c, i }))
  .sort((a, b) => key(a.c.section).localeCompare(key(b.c.section)) || a.i - b.i)
  .map((x) => x.c);
