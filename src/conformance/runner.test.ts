// The runner's verdict rules and exit codes, with cases that need no process.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { breaksRun, countVerdicts, exitCodeOf, runAll, type ContextFactory, type RunnableCase } from './runner.js';
import { CaseFailure, CaseInfoNote, CaseSkipped, CaseUnsupported, type Level } from './types.js';
import { parseKnownFailing } from './known-failing.js';

function mk(id: string, level: Level, run: () => Promise<void>): RunnableCase<object> {
  return { id, role: 'worker', section: '1', slug: id.toLowerCase(), title: id, requirements: ['R-1'], level, procedure: ['p'], expectations: ['e'], run };
}
const fail = (level?: Level) => async () => {
  throw new CaseFailure('broke', 'x', 'y', ['R-2'], level);
};
const factory: ContextFactory<object> = { create: () => ({}), dispose: async () => ({ teardown: 'gone' }) };

test('verdicts follow the case level and the kind of outcome', async () => {
  const cases = [
    mk('W-AA-001', 'MUST', async () => {}),
    mk('W-AA-002', 'MUST', fail()),
    mk('W-AA-003', 'SHOULD', fail()),
    mk('W-AA-004', 'MAY', fail()),
    mk('W-AA-005', 'MUST', fail('SHOULD')),
    mk('W-AA-006', 'MUST', async () => { throw new CaseUnsupported('no'); }),
    mk('W-AA-007', 'MUST', async () => { throw new CaseSkipped('no'); }),
    mk('W-AA-008', 'MUST', async () => { throw new CaseInfoNote('open', 'seen'); }),
    mk('W-AA-009', 'MUST', async () => { throw new TypeError('suite bug'); }),
    mk('W-AA-010', 'MUST', () => new Promise(() => {})),
  ];
  const r = await runAll(cases, factory, { knownFailing: [], jobs: 3, caseLimitMs: 50 });
  assert.equal(r.map((x) => x.verdict), ['PASS', 'FAIL', 'NON_STRICT', 'INFO', 'NON_STRICT', 'UNSUPPORTED', 'SKIPPED', 'INFO', 'ERROR', 'ERROR']);
  assert.equal(r[1]?.failedRequirements, ['R-2']);
  assert.is(r[1]?.expected, 'x');
  assert.is(r[1]?.teardown, 'gone');
  assert.ok(r[9]?.message.includes('did not finish'));
});

test('known-failing turns FAIL into XFAIL and PASS into XPASS', async () => {
  const kf = parseKnownFailing('W-BB-*\n');
  const r = await runAll([mk('W-BB-001', 'MUST', fail()), mk('W-BB-002', 'MUST', async () => {})], factory, { knownFailing: kf, jobs: 1, caseLimitMs: 1000 });
  assert.equal(r.map((x) => x.verdict), ['XFAIL', 'XPASS']);
});

test('serial cases run after the others, alone', async () => {
  const order: string[] = [];
  const c = (id: string, serial: boolean) => ({ ...mk(id, 'MUST', async () => { order.push(id); }), serial });
  await runAll([c('W-CC-001', true), c('W-CC-002', false), c('W-CC-003', false)], factory, { knownFailing: [], jobs: 2, caseLimitMs: 1000 });
  assert.is(order[2], 'W-CC-001');
});

test('exit codes: 0 conformant, 1 on FAIL/ERROR/XPASS (NON_STRICT with --strict), 3 without a handshake', () => {
  const res = (v: string) => ({ verdict: v }) as never;
  assert.is(exitCodeOf({ results: [res('PASS'), res('NON_STRICT'), res('XFAIL'), res('UNSUPPORTED')], strict: false }, false), 0);
  assert.is(exitCodeOf({ results: [res('PASS'), res('NON_STRICT')], strict: true }, false), 1);
  assert.is(exitCodeOf({ results: [res('XPASS')], strict: false }, false), 1);
  assert.is(exitCodeOf({ results: [res('ERROR')], strict: false }, false), 1);
  assert.is(exitCodeOf({ results: [res('PASS')], strict: false }, true), 3);
  assert.ok(breaksRun('FAIL', false));
  assert.not.ok(breaksRun('INFO', true));
  assert.is(countVerdicts([res('PASS'), res('PASS'), res('FAIL')]).PASS, 2);
});

test.run();
