// Machine-readable reports.
//
// JSON: { schemaVersion, tool, specVersion, role, testee, command, strict,
//         summary: {verdict counts, passed, exitCode}, cases: [{ id, name, section,
//         title, level, requirements, verdict, message, expected, observed,
//         durationMs, teardown, transcript: [{tMs, dir, channel, what, detail, hex}] }] }
//
// JUnit: one <testsuite> per spec section (package="worker/7.2"), one
// <testcase classname="worker.7.2" name="W-AC-002 grant-max-accepts"> per case.
//   FAIL, XPASS -> <failure>   ERROR -> <error>
//   UNSUPPORTED, SKIPPED, XFAIL -> <skipped message=...>
//   PASS, NON_STRICT, INFO -> passed (NON_STRICT/INFO noted in <system-out>
//   and a verdict property; with --strict NON_STRICT is a <failure>)
import type { CaseResult, RunSummary } from './types.js';
import { caseName } from './types.js';
import { loadSpec } from './requirements.js';
import { formatTranscript } from './report-human.js';

export const JSON_SCHEMA_VERSION = 1;

export function renderJson(s: RunSummary): string {
  const spec = loadSpec();
  return JSON.stringify({
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: 'corral conformance',
    specVersion: s.specVersion,
    role: s.role,
    command: s.command,
    testee: s.testee,
    strict: s.strict,
    startedAt: s.startedAt,
    durationMs: s.durationMs,
    summary: { ...s.counts, passed: s.passed, exitCode: s.exitCode, ...(s.note ? { note: s.note } : {}) },
    cases: s.results.map((r) => ({
      id: r.info.id,
      name: caseName(r.info),
      section: r.info.section,
      title: r.info.title,
      level: r.info.level,
      requirements: r.info.requirements.map((id) => ({ id, text: spec.requirements.get(id)?.text ?? null, level: spec.requirements.get(id)?.level ?? null })),
      ...(r.info.feature ? { feature: r.info.feature } : {}),
      procedure: r.info.procedure,
      expectations: r.info.expectations,
      verdict: r.verdict,
      message: r.message,
      ...(r.expected !== undefined ? { expected: r.expected } : {}),
      ...(r.observed !== undefined ? { observed: r.observed } : {}),
      ...(r.failedRequirements ? { failedRequirements: r.failedRequirements } : {}),
      durationMs: r.durationMs,
      ...(r.teardown ? { teardown: r.teardown } : {}),
      ...(r.stderr ? { stderr: r.stderr } : {}),
      transcript: r.transcript,
    })),
  }, null, 2) + '\n';
}

export function xmlEscape(s: string): string {
  return s
    // XML 1.0 forbids most control characters even as references.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function failureText(r: CaseResult): string {
  const spec = loadSpec();
  const lines = [r.message];
  for (const id of r.failedRequirements ?? r.info.requirements) {
    const req = spec.requirements.get(id);
    lines.push(`-> [${id}]${req ? ' ' + req.text : ''}`);
  }
  if (r.expected) lines.push(`expected: ${r.expected}`);
  if (r.observed) lines.push(`observed: ${r.observed}`);
  if (r.transcript.length) lines.push('transcript:', formatTranscript(r.transcript, '', 80));
  return lines.join('\n');
}

export function renderJunit(s: RunSummary): string {
  const spec = loadSpec();
  const sections = new Map<string, CaseResult[]>();
  for (const r of s.results) {
    const list = sections.get(r.info.section) ?? [];
    list.push(r);
    sections.set(r.info.section, list);
  }
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0, time: 0 };
  const suites: string[] = [];
  let id = 0;
  for (const [section, results] of sections) {
    const title = spec.sections.get(section);
    const pkg = `${s.role}/${section}`;
    const failures = results.filter((r) => r.verdict === 'FAIL' || r.verdict === 'XPASS' || (s.strict && r.verdict === 'NON_STRICT')).length;
    const errors = results.filter((r) => r.verdict === 'ERROR').length;
    const skipped = results.filter((r) => r.verdict === 'UNSUPPORTED' || r.verdict === 'SKIPPED' || r.verdict === 'XFAIL').length;
    const time = results.reduce((a, r) => a + r.durationMs, 0) / 1000;
    totals.tests += results.length;
    totals.failures += failures;
    totals.errors += errors;
    totals.skipped += skipped;
    totals.time += time;
    suites.push(`  <testsuite id="${id++}" name="${xmlEscape(`${section}${title ? '. ' + title : ''}`)}" package="${xmlEscape(pkg)}" tests="${results.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${time.toFixed(3)}" timestamp="${xmlEscape(s.startedAt.replace(/\.\d+Z$/, ''))}" hostname="localhost">`);
    for (const r of results) {
      const attrs = `classname="${xmlEscape(`${s.role}.${section}`)}" name="${xmlEscape(`${r.info.id} ${r.info.slug}`)}" time="${(r.durationMs / 1000).toFixed(3)}"`;
      const body: string[] = [];
      body.push(`      <properties><property name="verdict" value="${r.verdict}"/><property name="level" value="${r.info.level}"/><property name="requirements" value="${xmlEscape(r.info.requirements.join(' '))}"/><property name="name" value="${xmlEscape(caseName(r.info))}"/></properties>`);
      if (r.verdict === 'FAIL' || r.verdict === 'XPASS' || (s.strict && r.verdict === 'NON_STRICT')) {
        const msg = r.verdict === 'XPASS' ? 'listed as known-failing, but passed' : r.message;
        body.push(`      <failure message="${xmlEscape(msg)}" type="${r.verdict}">${xmlEscape(failureText(r))}</failure>`);
      } else if (r.verdict === 'ERROR') {
        body.push(`      <error message="${xmlEscape(r.message.split('\n')[0] ?? '')}" type="ERROR">${xmlEscape(failureText(r))}</error>`);
      } else if (r.verdict === 'UNSUPPORTED' || r.verdict === 'SKIPPED' || r.verdict === 'XFAIL') {
        body.push(`      <skipped message="${xmlEscape(`${r.verdict}: ${r.message}`)}"/>`);
      } else if (r.verdict === 'NON_STRICT' || r.verdict === 'INFO') {
        body.push(`      <system-out>${xmlEscape(`${r.verdict}: ${failureText(r)}`)}</system-out>`);
      }
      suites.push(`    <testcase ${attrs}>\n${body.join('\n')}\n    </testcase>`);
    }
    suites.push('  </testsuite>');
  }
  out.push(`<testsuites name="corral conformance ${s.role}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="${totals.time.toFixed(3)}">`);
  out.push(...suites, '</testsuites>');
  return out.join('\n') + '\n';
}
