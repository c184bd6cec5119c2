import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { KnownFailingError, applyKnownFailing, isListed, parseKnownFailing, unmatchedEntries } from './known-failing.js';
import type { CaseInfo } from './types.js';

const info = (id: string, section: string, slug: string): CaseInfo => ({
  id, role: 'worker', section, slug, title: '', requirements: ['X-1'], level: 'MUST', procedure: ['p'], expectations: ['e'],
});
const cases = [info('W-AC-002', '7.2.2', 'grant-max-accepts'), info('W-HS-001', '4.3', 'hello-first')];

test('parses ids and patterns with comments and blank lines', () => {
  const e = parseKnownFailing('# header\n\nW-AC-002   # accepts one too many\nworker/4.*/hello-*\n');
  assert.equal(e.map((x) => [x.pattern, x.line, x.comment]), [['W-AC-002', 3, 'accepts one too many'], ['worker/4.*/hello-*', 4, '']]);
});

test('rejects two entries on one line', () => {
  assert.throws(() => parseKnownFailing('W-AC-002 W-HS-001\n'), (e: unknown) => e instanceof KnownFailingError && /line 1/.test((e as Error).message));
});

test('finds stale entries', () => {
  const e = parseKnownFailing('W-AC-002\nW-ZZ-999\n');
  assert.equal(unmatchedEntries(e, cases).map((x) => x.pattern), ['W-ZZ-999']);
  assert.ok(isListed(e, cases[0]!));
  assert.not.ok(isListed(e, cases[1]!));
});

test('listed failures are XFAIL, listed passes XPASS, the rest unchanged', () => {
  assert.is(applyKnownFailing('FAIL', true), 'XFAIL');
  assert.is(applyKnownFailing('NON_STRICT', true), 'XFAIL');
  assert.is(applyKnownFailing('ERROR', true), 'XFAIL');
  assert.is(applyKnownFailing('PASS', true), 'XPASS');
  assert.is(applyKnownFailing('UNSUPPORTED', true), 'UNSUPPORTED');
  assert.is(applyKnownFailing('SKIPPED', true), 'SKIPPED');
  assert.is(applyKnownFailing('FAIL', false), 'FAIL');
});

test.run();
