// spec.md and the conformance cases must agree: every MUST requirement is
// checked by a case (or listed in untestable.ts with a reason), and every
// requirement a case cites exists.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { levelOf, loadSpec, mentionedIds, parseRequirements, sectionTitles, specPath, specVersion } from './requirements.js';
import { workerCases } from './registry.js';
import { arbiterCases } from './arbiter-registry.js';
import { UNTESTABLE } from './untestable.js';
import { TESTED_ELSEWHERE } from './elsewhere.js';
import { caseName } from './types.js';

const all = [...workerCases, ...arbiterCases];

test('spec.md exists and defines requirements', () => {
  assert.ok(existsSync(specPath()), `${specPath()} is missing`);
  const spec = loadSpec();
  assert.ok(spec.requirements.size > 50, `only ${spec.requirements.size} requirements parsed`);
});

test('every anchor in spec.md is parsed as a requirement with a level', () => {
  const text = readFileSync(specPath(), 'utf8');
  const spec = loadSpec();
  const missing = [...mentionedIds(text)].filter((id) => !spec.requirements.has(id));
  assert.equal(missing, [], `anchors without a parsed sentence: ${missing.join(', ')}`);
  const notes = [...spec.requirements.values()].filter((r) => r.level === 'NOTE').map((r) => r.id);
  assert.equal(notes, [], `requirements without MUST/SHOULD/MAY: ${notes.join(', ')}`);
});

test('every MUST requirement is covered by a case or listed as untestable', () => {
  const spec = loadSpec();
  const cited = new Set(all.flatMap((c) => c.requirements));
  const uncovered = [...spec.requirements.values()].filter((r) => r.level === 'MUST' && !cited.has(r.id) && UNTESTABLE[r.id] === undefined && TESTED_ELSEWHERE[r.id] === undefined);
  assert.equal(uncovered.map((r) => `${r.id} (${r.section}): ${r.text}`), [], 'MUST requirements without a case');
});

test('elsewhere.ts lists existing MUSTs, each named in a test title of the file it gives', () => {
  const spec = loadSpec();
  for (const [id, file] of Object.entries(TESTED_ELSEWHERE)) {
    assert.is(spec.requirements.get(id)?.level, 'MUST', `${id} is not a MUST of spec.md`);
    const text = readFileSync(join(dirname(specPath()), file), 'utf8');
    const titled = text.split('\n').some((line) => /^\s*(t|test)\(/.test(line) && new RegExp(`\\[[^\\]]*\\b${id}\\b[^\\]]*\\]`).test(line));
    assert.ok(titled, `${file} has no test whose title names [${id}]`);
  }
});

test('cases cite only requirements that exist', () => {
  const spec = loadSpec();
  const unknown = all.flatMap((c) => c.requirements.filter((id) => !spec.requirements.has(id)).map((id) => `${c.id} cites ${id}`));
  assert.equal(unknown, []);
});

test('untestable.ts lists only existing, uncited MUSTs, each with a reason', () => {
  const spec = loadSpec();
  const cited = new Set(all.flatMap((c) => c.requirements));
  for (const [id, reason] of Object.entries(UNTESTABLE)) {
    const r = spec.requirements.get(id);
    assert.ok(r, `${id} is not in spec.md`);
    assert.is(r.level, 'MUST', `${id} is ${r.level}, not MUST`);
    assert.not.ok(cited.has(id), `${id} is cited by a case; remove it from untestable.ts`);
    assert.ok(reason.length > 20, `${id} needs a reason`);
  }
  assert.ok(Object.keys(UNTESTABLE).length <= Math.ceil(spec.requirements.size * 0.06), 'the untestable list should stay short');
});

test('case ids and names are unique and well-formed', () => {
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const c of all) {
    assert.ok(/^[WA]-[A-Z]{2,3}-\d{3}$/.test(c.id), `bad id ${c.id}`);
    assert.is(c.id[0], c.role === 'worker' ? 'W' : 'A', `${c.id} has the wrong role letter`);
    assert.not.ok(ids.has(c.id), `duplicate id ${c.id}`);
    assert.not.ok(names.has(caseName(c)), `duplicate name ${caseName(c)}`);
    assert.ok(/^[a-z0-9-]+$/.test(c.slug), `bad slug ${c.slug}`);
    assert.ok(c.requirements.length > 0 && c.procedure.length > 0 && c.expectations.length > 0, `${c.id} lacks requirements, procedure or expectations`);
    ids.add(c.id);
    names.add(caseName(c));
  }
});

test('every case section exists in spec.md', () => {
  const spec = loadSpec();
  const missing = all.filter((c) => !spec.sections.has(c.section)).map((c) => `${c.id}: ${c.section}`);
  assert.equal(missing, []);
});

test('parser: anchors after the sentence, levels, sections, code blocks, references', () => {
  const md = [
    '# The Thing, version 2.3',
    '',
    '## 3. Framing',
    '',
    '### 3.3 Limits',
    '',
    '- A receiver MUST reject a frame whose length N is zero, as error `FRAME_EMPTY` (101), which is fatal. [FRAME-3]',
    '- A sender SHOULD NOT send frames larger than needed. [FRAME-9]',
    '',
    'Explanatory text that mentions [FRAME-3] in passing is not a definition.',
    'An implementation MAY log every frame, e.g. for debugging. [FRAME-10]',
    '',
    '```',
    'A MUST in a code block [FRAME-99]',
    '```',
    '',
    '## 4. Messages',
    '',
    'Each message MUST be one of the **listed** ones. [MSG-1]',
  ].join('\n');
  const reqs = parseRequirements(md);
  assert.equal(reqs.map((r) => r.id), ['FRAME-3', 'FRAME-9', 'FRAME-10', 'MSG-1']);
  assert.equal(reqs.map((r) => r.level), ['MUST', 'SHOULD', 'MAY', 'MUST']);
  assert.equal(reqs.map((r) => r.section), ['3.3', '3.3', '3.3', '4']);
  assert.is(reqs[0]?.text, 'A receiver MUST reject a frame whose length N is zero, as error FRAME_EMPTY (101), which is fatal.');
  assert.is(reqs[2]?.text, 'An implementation MAY log every frame, e.g. for debugging.');
  assert.is(reqs[3]?.text, 'Each message MUST be one of the listed ones.');
  assert.is(specVersion(md), '2.3');
  assert.is(sectionTitles(md).get('3.3'), 'Limits');
  assert.ok(mentionedIds(md).has('FRAME-99'));
});

test('levelOf picks the RFC 2119 keyword (uppercase only)', () => {
  assert.is(levelOf('It MUST NOT fail.'), 'MUST');
  assert.is(levelOf('It SHOULD NOT fail.'), 'SHOULD');
  assert.is(levelOf('It MAY fail.'), 'MAY');
  assert.is(levelOf('It must fail, it may.'), 'NOTE');
});

test.run();
