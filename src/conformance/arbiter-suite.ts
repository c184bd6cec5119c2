import type { CaseResult } from './types.js';
import type { RunnableCase, RunnerOptions } from './runner.js';
import type { ArbiterContext } from './arbiter-context.js';
import type { Timing } from './worker-harness.js';

export async function runArbiterSuite(_argv: string[], _timing: Timing, _cases: RunnableCase<ArbiterContext>[], skipped: CaseResult[], _opts: RunnerOptions): Promise<{ results: CaseResult[]; handshakeFailed: boolean; testee: Record<string, unknown>; note?: string }> {
  return { results: skipped, handshakeFailed: false, testee: {} };
}
