// Every arbiter case, in report order.
import type { RunnableCase } from './runner.js';
import type { ArbiterContext } from './arbiter-context.js';

export const arbiterCases: RunnableCase<ArbiterContext>[] = [];
