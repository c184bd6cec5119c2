// Runs cases and turns what happened into verdicts.
//
//   case returns               -> PASS
//   CaseFailure                -> FAIL (MUST), NON_STRICT (SHOULD), INFO (MAY);
//                                 a failure may name a weaker level than its case
//   CaseUnsupported            -> UNSUPPORTED
//   CaseSkipped                -> SKIPPED
//   CaseInfoNote               -> INFO
//   anything else, or the case -> ERROR (the suite could not judge)
//   outlived its time limit
//
// and then --known-failing turns a listed FAIL into XFAIL and a listed PASS
// into XPASS. Cases run in a small pool; `serial` cases run alone at the end
// so their timing checks are not disturbed by other testees starting.
import { availableParallelism } from 'node:os';
import {
  CaseFailure, CaseInfoNote, CaseSkipped, CaseUnsupported,
  type CaseInfo, type CaseResult, type Level, type RunSummary, type Verdict, VERDICTS,
} from './types.js';
import { Transcript } from './wire.js';
import { applyKnownFailing, isListed, type KnownFailingEntry } from './known-failing.js';
import { fairTimeout, type FairTimer } from './starvation.js';

export interface RunnableCase<C> extends CaseInfo {
  /** Runs alone, after the others (timing-sensitive). */
  serial?: boolean;
  run(ctx: C): Promise<void>;
}

/** Creates a case's context and disposes of what it started. */
export interface ContextFactory<C> {
  create(c: RunnableCase<C>, transcript: Transcript): C;
  /** Kills what the case started; returns the testee's teardown and stderr. */
  dispose(ctx: C): Promise<{ teardown?: string; stderr?: string }>;
  /**
   * Rules every case enforces in the background (background.ts), checked
   * after a case passed; a CaseFailure here is a FAIL whatever the case's level.
   */
  verify?(ctx: C): void;
}

export interface RunnerOptions {
  knownFailing: KnownFailingEntry[];
  jobs: number;
  /** Hard limit for one case, after which it is an ERROR (fair time: not counting while the suite is held up). */
  caseLimitMs: number;
  /** Called as each case finishes (progress output). */
  onResult?: (r: CaseResult) => void;
}

/**
 * The default boot timeout. It only bounds a hang: a Node worker under tsx
 * took over 10 s to say Hello at a load average of 19 on two cores, and a
 * worker that does start pays none of it.
 */
export const DEFAULT_BOOT_TIMEOUT_MS = 60_000;

/** Cases mostly wait on their testee, so twice the CPU count (2 to 6) keeps the machine busy without starving timing checks. */
export function defaultJobs(): number {
  return Math.max(2, Math.min(6, availableParallelism() * 2));
}

const RANK: Record<Level, number> = { MUST: 3, SHOULD: 2, MAY: 1 };

function failureVerdict(caseLevel: Level, failureLevel: Level | undefined): Verdict {
  const level = failureLevel && RANK[failureLevel] < RANK[caseLevel] ? failureLevel : caseLevel;
  return level === 'MUST' ? 'FAIL' : level === 'SHOULD' ? 'NON_STRICT' : 'INFO';
}

/** Runs one case to a result (known-failing not applied yet). */
export async function runOne<C>(c: RunnableCase<C>, factory: ContextFactory<C>, caseLimitMs: number): Promise<CaseResult> {
  const started = performance.now();
  const transcript = new Transcript(started);
  const base = { info: strip(c), transcript: transcript.entries };
  let ctx: C | undefined;
  let outcome: Omit<CaseResult, 'info' | 'transcript' | 'durationMs'>;
  let timer: FairTimer | undefined;
  try {
    ctx = factory.create(c, transcript);
    const limit = new Promise<never>((_, reject) => {
      timer = fairTimeout(caseLimitMs, () => reject(new Error(`the case did not finish within ${caseLimitMs} ms`)));
    });
    await Promise.race([c.run(ctx), limit]);
    outcome = { verdict: 'PASS', message: '' };
    try {
      factory.verify?.(ctx);
    } catch (err) {
      outcome = classify({ ...c, level: 'MUST' }, err);
    }
  } catch (err) {
    outcome = classify(c, err);
  } finally {
    timer?.cancel();
  }
  if (ctx !== undefined) {
    try {
      const { teardown, stderr } = await factory.dispose(ctx);
      if (teardown !== undefined) outcome.teardown = teardown;
      if (stderr) outcome.stderr = stderr;
    } catch (err) {
      if (outcome.verdict === 'PASS') outcome = { verdict: 'ERROR', message: `cleaning up failed: ${(err as Error).message}` };
    }
  }
  return { ...base, ...outcome, durationMs: Math.round(performance.now() - started) };
}

function classify(c: CaseInfo, err: unknown): Omit<CaseResult, 'info' | 'transcript' | 'durationMs'> {
  if (err instanceof CaseFailure) {
    const out: Omit<CaseResult, 'info' | 'transcript' | 'durationMs'> = {
      verdict: failureVerdict(c.level, err.level), message: err.message, expected: err.expected, observed: err.observed,
    };
    if (err.requirements) out.failedRequirements = err.requirements;
    return out;
  }
  if (err instanceof CaseUnsupported) return { verdict: 'UNSUPPORTED', message: err.message };
  if (err instanceof CaseSkipped) return { verdict: 'SKIPPED', message: err.message };
  if (err instanceof CaseInfoNote) return { verdict: 'INFO', message: err.message, observed: err.observed };
  const e = err as Error;
  return { verdict: 'ERROR', message: e?.stack ?? String(err) };
}

function strip(c: CaseInfo): CaseInfo {
  const { id, role, section, slug, title, requirements, level, procedure, expectations, feature } = c;
  return feature === undefined
    ? { id, role, section, slug, title, requirements, level, procedure, expectations }
    : { id, role, section, slug, title, requirements, level, procedure, expectations, feature };
}

/** A result for a case that was not run. */
export function notRun(c: CaseInfo, verdict: Verdict, message: string): CaseResult {
  return { info: strip(c), verdict, message, durationMs: 0, transcript: [] };
}

/** Runs `cases` in a pool; results come back in case order. */
export async function runAll<C>(cases: RunnableCase<C>[], factory: ContextFactory<C>, opts: RunnerOptions): Promise<CaseResult[]> {
  const results = new Map<string, CaseResult>();
  const finish = (c: RunnableCase<C>, r: CaseResult) => {
    r.verdict = applyKnownFailing(r.verdict, isListed(opts.knownFailing, c));
    results.set(c.id, r);
    opts.onResult?.(r);
  };
  const parallel = cases.filter((c) => !c.serial);
  const serial = cases.filter((c) => c.serial);
  let next = 0;
  const worker = async () => {
    while (next < parallel.length) {
      const c = parallel[next++] as RunnableCase<C>;
      finish(c, await runOne(c, factory, opts.caseLimitMs));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.jobs, parallel.length)) }, worker));
  for (const c of serial) finish(c, await runOne(c, factory, opts.caseLimitMs));
  return cases.map((c) => results.get(c.id) as CaseResult);
}

export function countVerdicts(results: readonly CaseResult[]): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const r of results) counts[r.verdict]++;
  return counts;
}

/** Whether a verdict breaks the run. */
export function breaksRun(v: Verdict, strict: boolean): boolean {
  return v === 'FAIL' || v === 'ERROR' || v === 'XPASS' || (strict && v === 'NON_STRICT');
}

/** Exit code of a run: 0 conformant, 1 a failure, 3 the testee never completed the handshake. */
export function exitCodeOf(summary: Pick<RunSummary, 'results' | 'strict'>, handshakeFailed: boolean): number {
  if (handshakeFailed) return 3;
  return summary.results.some((r) => breaksRun(r.verdict, summary.strict)) ? 1 : 0;
}
