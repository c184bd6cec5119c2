// Case selection patterns (--run, --skip, known-failing lists, `list PATTERN`).
//
// A pattern is matched against a case's id (`W-HS-001`) and its name
// (`worker/5.1/hello-first`), case-insensitively. In names, components are
// separated by `/`:
//
//   *    any characters within one component    worker/5.*/hello-*
//   **   any number of whole components         worker/**/drain*
//
// A pattern with no `/` and no wildcard also matches a name prefix by
// component, so `worker` selects every worker case and `W-HS` every W-HS-*
// case only when written `W-HS-*` (ids match whole).
import type { CaseInfo } from './types.js';
import { caseName } from './types.js';

function componentRegex(component: string): string {
  let out = '';
  for (const ch of component) {
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else out += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

/** Compiles a pattern into a RegExp over `/`-separated names. */
export function compilePattern(pattern: string): RegExp {
  const parts = pattern.split('/');
  let re = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as string;
    const last = i === parts.length - 1;
    if (p === '**') {
      // Zero or more components, including their separators.
      re += last ? '.*' : '(?:[^/]+/)*';
    } else {
      re += componentRegex(p) + (last ? '' : '/');
    }
  }
  return new RegExp(`^${re}$`, 'i');
}

/** True when `pattern` selects the case (by id or by name, or by name prefix). */
export function matches(pattern: string, c: Pick<CaseInfo, 'id' | 'role' | 'section' | 'slug'>): boolean {
  const re = compilePattern(pattern);
  const name = caseName(c);
  if (re.test(c.id) || re.test(name)) return true;
  // `worker` or `worker/7` select a subtree.
  if (!/[*?]/.test(pattern)) {
    const prefix = pattern.replace(/\/+$/, '').toLowerCase();
    const lower = name.toLowerCase();
    if (prefix !== '' && (lower.startsWith(prefix + '/') || lower.startsWith(prefix + '.'))) return true;
  }
  return false;
}

/** Applies --run (any must match; none given = all) and --skip (none may match). */
export function selectCases<T extends Pick<CaseInfo, 'id' | 'role' | 'section' | 'slug'>>(
  cases: readonly T[],
  run: readonly string[],
  skip: readonly string[],
): { selected: T[]; skipped: { c: T; pattern: string }[] } {
  const selected: T[] = [];
  const skipped: { c: T; pattern: string }[] = [];
  for (const c of cases) {
    if (run.length > 0 && !run.some((p) => matches(p, c))) {
      skipped.push({ c, pattern: `not selected by --run ${run.join(' ')}` });
      continue;
    }
    const s = skip.find((p) => matches(p, c));
    if (s !== undefined) {
      skipped.push({ c, pattern: `--skip ${s}` });
      continue;
    }
    selected.push(c);
  }
  return { selected, skipped };
}
