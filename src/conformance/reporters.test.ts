import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderHuman, summaryLine } from './report-human.js';
import { renderJson, renderJunit, xmlEscape } from './report-files.js';
import { countVerdicts } from './runner.js';
import type { CaseResult, RunSummary, Verdict } from './types.js';

function result(id: string, section: string, verdict: Verdict, extra: Partial<CaseResult> = {}): CaseResult {
  return {
    info: { id, role: 'worker', section, slug: id.toLowerCase(), title: `title of ${id}`, requirements: ['FRAME-3'], level: 'MUST', procedure: ['do'], expectations: ['see'] },
    verdict, message: verdict === 'PASS' ? '' : `message of ${id} <&>`, durationMs: 12,
    transcript: [{ tMs: 1.5, dir: 'out', channel: 'control', what: 'drain', detail: { deadlineMs: 10 } }, { tMs: 2, dir: 'in', channel: 'control', what: 'goodbye' }],
    ...extra,
  };
}

function summary(results: CaseResult[]): RunSummary {
  const counts = countVerdicts(results);
  const passed = !results.some((r) => ['FAIL', 'ERROR', 'XPASS'].includes(r.verdict));
  return { role: 'worker', specVersion: '1.0', command: ['python3', 'w.py'], testee: { implementation: 'x/1' }, strict: false, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 40, results, counts, passed, exitCode: passed ? 0 : 1 };
}

const results = [
  result('W-FR-002', '3.3', 'FAIL', { expected: 'Error{FRAME_EMPTY}', observed: 'nothing', failedRequirements: ['FRAME-3'] }),
  result('W-HS-001', '4.3', 'PASS'),
  result('W-AC-009', '7.4', 'UNSUPPORTED'),
  result('W-PS-002', '11.1', 'NON_STRICT', { expected: 'cloexec', observed: 'none' }),
];

test('human: grouped by section, failure details with requirement text, summary line', () => {
  const text = renderHuman(summary(results), { color: false, trace: false });
  const i33 = text.indexOf('3.3 ');
  const i43 = text.indexOf('4.3 ');
  assert.ok(i33 >= 0 && i43 > i33, 'sections in order');
  assert.match(text, /× W-FR-002 worker\/3\.3\/w-fr-002/);
  assert.match(text, /-> \[FRAME-3\] A receiver MUST reject a frame whose length N is zero/);
  assert.match(text, /expected: Error\{FRAME_EMPTY\}/);
  assert.match(text, /observed: nothing/);
  assert.match(text, /-> control: drain/);
  assert.match(text, /✔ W-HS-001/);
  const last = text.trimEnd().split('\n').pop();
  assert.is(last, 'CONFORMANCE worker v1.0 FAILED: 1 pass, 1 non-strict, 0 info, 1 unsupported, 0 skipped, 1 fail, 0 error');
  assert.is(summaryLine(summary([results[1] as CaseResult])), 'CONFORMANCE worker v1.0 PASSED: 1 pass, 0 non-strict, 0 info, 0 unsupported, 0 skipped, 0 fail, 0 error');
});

test('json: every case with verdict, timing, requirement text and transcript', () => {
  const j = JSON.parse(renderJson(summary(results)));
  assert.is(j.schemaVersion, 1);
  assert.is(j.summary.FAIL, 1);
  assert.is(j.cases.length, 4);
  assert.is(j.cases[0].name, 'worker/3.3/w-fr-002');
  assert.is(j.cases[0].verdict, 'FAIL');
  assert.is(j.cases[0].durationMs, 12);
  assert.is(j.cases[0].requirements[0].id, 'FRAME-3');
  assert.match(j.cases[0].requirements[0].text, /MUST reject/);
  assert.is(j.cases[0].transcript[0].what, 'drain');
});

test('junit: one testsuite per section, failure and skipped elements, escaped text', () => {
  const x = renderJunit(summary(results));
  assert.match(x, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
  assert.is((x.match(/<testsuite /g) ?? []).length, 4);
  assert.match(x, /<testsuite id="0" name="3\.3\. Frame size limits" package="worker\/3\.3" tests="1" failures="1"/);
  assert.match(x, /<testcase classname="worker\.3\.3" name="W-FR-002 w-fr-002" time="0\.012">/);
  assert.match(x, /<failure message="message of W-FR-002 &lt;&amp;&gt;" type="FAIL">/);
  assert.match(x, /<skipped message="UNSUPPORTED: /);
  assert.match(x, /<system-out>NON_STRICT: /);
  // Every element opened is closed.
  for (const tag of ['testsuites', 'testsuite', 'testcase', 'properties']) {
    assert.is((x.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length, (x.match(new RegExp(`</${tag}>`, 'g')) ?? []).length, tag);
  }
  assert.is(xmlEscape('a\u0001b"'), 'a\\x01b&quot;');
});

test.run();
