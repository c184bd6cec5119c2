import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compilePattern, matches, selectCases } from './pattern.js';

const c = (id: string, role: 'worker' | 'arbiter', section: string, slug: string) => ({ id, role, section, slug });
const cases = [
  c('W-HS-001', 'worker', '4.3', 'hello-first'),
  c('W-AC-002', 'worker', '7.2.2', 'grant-max-accepts'),
  c('W-LC-001', 'worker', '8.1', 'drain-finishes-in-flight'),
  c('A-GR-001', 'arbiter', '7.2.1', 'one-grant-per-listener'),
];

test('ids match whole, case-insensitively, with wildcards', () => {
  assert.ok(matches('W-HS-001', cases[0]!));
  assert.ok(matches('w-hs-001', cases[0]!));
  assert.not.ok(matches('W-HS-00', cases[0]!));
  assert.ok(matches('W-AC-*', cases[1]!));
  assert.not.ok(matches('W-AC-*', cases[0]!));
});

test('* stays within one component, ** spans any number', () => {
  assert.ok(matches('worker/7.*/grant-*', cases[1]!));
  assert.not.ok(matches('worker/*/grant-*', cases[3]!));
  assert.ok(matches('**/drain-*', cases[2]!));
  assert.ok(matches('worker/**', cases[2]!));
  assert.not.ok(matches('arbiter/**', cases[2]!));
  assert.ok(compilePattern('a/*/c').test('a/b/c'));
  assert.not.ok(compilePattern('a/*/c').test('a/b/x/c'));
  assert.ok(compilePattern('a/**/c').test('a/b/x/c'));
  assert.ok(compilePattern('a/**/c').test('a/c'));
  assert.ok(compilePattern('?-HS-001').test('W-HS-001'));
});

test('a plain prefix selects a subtree by component', () => {
  assert.ok(matches('worker', cases[0]!));
  assert.ok(matches('worker/7', cases[1]!));
  assert.ok(matches('worker/7.2', cases[1]!));
  assert.not.ok(matches('worker/7', cases[0]!));
  assert.not.ok(matches('work', cases[0]!));
});

test('dots and other regex characters are literal', () => {
  assert.not.ok(matches('worker/7x2x2/grant-max-accepts', cases[1]!));
});

test('selectCases applies --run then --skip', () => {
  const { selected, skipped } = selectCases(cases, ['worker/**'], ['W-LC-*']);
  assert.equal(selected.map((x) => x.id), ['W-HS-001', 'W-AC-002']);
  assert.equal(skipped.map((x) => x.c.id), ['W-LC-001', 'A-GR-001']);
  assert.ok(skipped[0]?.pattern.includes('--skip W-LC-*'));
  assert.equal(selectCases(cases, [], []).selected.length, 4);
});

test.run();
