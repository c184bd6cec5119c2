// The vocabulary of the conformance suite: cases, levels, verdicts, results.
//
// A case checks one behaviour of the testee (a worker or an arbiter) against
// the requirements of spec.md that it cites. Running a case ends in exactly
// one verdict:
//
//   PASS         the testee did what the requirement says
//   NON_STRICT   a SHOULD case failed: conformant, but --strict counts it
//   FAIL         a MUST case failed
//   INFO         behaviour the spec leaves open (MAY cases), recorded only
//   UNSUPPORTED  the case needs an optional feature the testee did not declare
//   SKIPPED      filtered out (--run/--skip), or a precondition is absent
//   ERROR        the suite itself could not run the case (not the testee's fault)
//   XFAIL        failed, and listed in --known-failing
//   XPASS        passed, but listed in --known-failing: the list is stale

export type Role = 'worker' | 'arbiter';
export type Level = 'MUST' | 'SHOULD' | 'MAY';
export type Verdict =
  | 'PASS' | 'NON_STRICT' | 'FAIL' | 'INFO' | 'UNSUPPORTED' | 'SKIPPED' | 'ERROR' | 'XFAIL' | 'XPASS';

export const VERDICTS: readonly Verdict[] = [
  'PASS', 'NON_STRICT', 'FAIL', 'INFO', 'UNSUPPORTED', 'SKIPPED', 'ERROR', 'XFAIL', 'XPASS',
];

/** One line of a case's wire transcript (decoded; raw bytes only when they did not decode). */
export interface TranscriptEntry {
  /** Milliseconds since the case started. */
  tMs: number;
  /** `out`: suite -> testee; `in`: testee -> suite; `event`: anything else seen (exit, signal, client). */
  dir: 'in' | 'out' | 'event';
  /** Which conversation: `control`, `handoff`, `probe 1234`, `arbiter`, `client 2`. */
  channel: string;
  /** Message kind, or a short event name. */
  what: string;
  /** The protobuf-JSON form of the message, or event details. */
  detail?: unknown;
  /** Hex of bytes that were sent raw or did not decode. */
  hex?: string;
}

/** A case definition, independent of how it is run. */
export interface CaseInfo {
  /** Stable, never reused: `W-HS-001`. */
  id: string;
  role: Role;
  /** spec.md section number the case belongs to, e.g. `5.1`. */
  section: string;
  /** Short kebab-case name; with role and section it forms the case name. */
  slug: string;
  /** One-line description. */
  title: string;
  /** Requirement IDs of spec.md the case checks, e.g. `FRAME-5`. */
  requirements: string[];
  level: Level;
  /** What the suite does, step by step. */
  procedure: string[];
  /** What the testee must do for the case to pass. */
  expectations: string[];
  /** An optional feature (Hello.features) the case needs; UNSUPPORTED when absent. */
  feature?: string;
}

/** `worker/5.1/hello-first`. */
export function caseName(c: Pick<CaseInfo, 'role' | 'section' | 'slug'>): string {
  return `${c.role}/${c.section}/${c.slug}`;
}

/** The outcome of running one case. */
export interface CaseResult {
  info: CaseInfo;
  verdict: Verdict;
  /** Why: the failed expectation, the missing feature, the skip pattern. */
  message: string;
  /** For FAIL/NON_STRICT/INFO: what the case expected and what it saw. */
  expected?: string;
  observed?: string;
  /** Requirements the failed check belongs to (defaults to the case's). */
  failedRequirements?: string[];
  durationMs: number;
  transcript: TranscriptEntry[];
  /** How the testee ended: exit code / signal / still running when killed. */
  teardown?: string;
  /** Output the testee wrote to stderr during the case (tail). */
  stderr?: string;
}

/** The run as a whole, for the reporters. */
export interface RunSummary {
  role: Role;
  specVersion: string;
  command: string[];
  /** What the testee said about itself (Hello of a worker, Welcome of an arbiter). */
  testee: Record<string, unknown>;
  strict: boolean;
  startedAt: string;
  durationMs: number;
  results: CaseResult[];
  counts: Record<Verdict, number>;
  /** True when the run is conformant (exit code 0). */
  passed: boolean;
  exitCode: number;
  /** A note printed above the summary line (e.g. "the worker never sent Hello"). */
  note?: string;
}

/** Thrown by a check: the testee did not do what the case expects. */
export class CaseFailure extends Error {
  readonly expected: string;
  readonly observed: string;
  readonly requirements: string[] | undefined;
  /** A check weaker than its case (a SHOULD inside a MUST case) says so here. */
  readonly level: Level | undefined;
  constructor(message: string, expected: string, observed: string, requirements?: string[], level?: Level) {
    super(message);
    this.name = 'CaseFailure';
    this.expected = expected;
    this.observed = observed;
    this.requirements = requirements;
    this.level = level;
  }
}

/** Thrown by a case that cannot run against this testee (feature not declared). */
export class CaseUnsupported extends Error {
  override name = 'CaseUnsupported';
}

/** Thrown by a case whose precondition is absent (nothing to test). */
export class CaseSkipped extends Error {
  override name = 'CaseSkipped';
}

/** Thrown by a case that records behaviour the spec leaves open. */
export class CaseInfoNote extends Error {
  override name = 'CaseInfoNote';
  readonly observed: string;
  constructor(message: string, observed: string) {
    super(message);
    this.observed = observed;
  }
}

/** Raised when the testee never completed a handshake: the run exits 3. */
export class HandshakeNeverCompleted extends CaseFailure {}
