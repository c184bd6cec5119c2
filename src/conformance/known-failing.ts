// Known-failing lists (--known-failing FILE).
//
//   # comments and blank lines are ignored
//   W-AC-002            # a case id
//   worker/7.*/release-* # or a name pattern (see pattern.ts)
//
// A listed case that fails is XFAIL (does not break the run); a listed case
// that passes is XPASS (breaks the run), so the list cannot go stale quietly.
// An entry that selects no case at all is an error for the same reason.
import type { CaseInfo, Verdict } from './types.js';
import { matches } from './pattern.js';

export interface KnownFailingEntry {
  pattern: string;
  /** 1-based line in the file. */
  line: number;
  comment: string;
}

export class KnownFailingError extends Error {
  override name = 'KnownFailingError';
}

/** Parses the text of a known-failing file. */
export function parseKnownFailing(text: string): KnownFailingEntry[] {
  const out: KnownFailingEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const hash = raw.indexOf('#');
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    const comment = hash >= 0 ? raw.slice(hash + 1).trim() : '';
    if (body === '') continue;
    if (/\s/.test(body)) throw new KnownFailingError(`line ${i + 1}: one case id or pattern per line, got ${JSON.stringify(body)}`);
    out.push({ pattern: body, line: i + 1, comment });
  }
  return out;
}

/** Entries that select none of `cases` (stale lines). */
export function unmatchedEntries(entries: readonly KnownFailingEntry[], cases: readonly CaseInfo[]): KnownFailingEntry[] {
  return entries.filter((e) => !cases.some((c) => matches(e.pattern, c)));
}

/** True when a case is listed. */
export function isListed(entries: readonly KnownFailingEntry[], c: CaseInfo): boolean {
  return entries.some((e) => matches(e.pattern, c));
}

/**
 * The verdict after applying the list: a listed FAIL/NON_STRICT/ERROR becomes
 * XFAIL, a listed PASS becomes XPASS; anything else is unchanged.
 */
export function applyKnownFailing(verdict: Verdict, listed: boolean): Verdict {
  if (!listed) return verdict;
  if (verdict === 'FAIL' || verdict === 'NON_STRICT' || verdict === 'ERROR') return 'XFAIL';
  if (verdict === 'PASS') return 'XPASS';
  return verdict;
}
