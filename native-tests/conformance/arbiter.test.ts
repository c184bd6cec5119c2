// `corral run` must pass the arbiter conformance suite, in the arbiter
// strategy (every case) and in the handoff, shared and process-only modes
// (the cases of those modes, and the judged basic session).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { explain, root, runSuite } from './run-suite.js';

const corral = (...opts: string[]) => [process.execPath, 'bin/corral.mjs', 'run', '--workers', '3', '--bind', '{bind}', '--timeout', '2', '--graceful-timeout', '3', ...opts, '--', '{probe}'];
const judged = ['A-HS-001', 'A-PS-*', 'A-EN-*', 'A-WE-*', 'A-FR-*', 'A-ST-001', 'A-SC-*'].flatMap((p) => ['--run', p]);

test('corral run (arbiter strategy) is conformant', async () => {
  const r = await runSuite('arbiter', ['--graceful-timeout-ms', '3000'], corral());
  assert.is(r.exit, 0, explain(r));
  // No {control-socket} in the command: the control cases cannot find the socket.
  const control = r.cases.filter((c) => c.id.startsWith('A-CTL-') && c.verdict !== 'UNSUPPORTED' && !(c.id === 'A-CTL-002' && c.verdict === 'SKIPPED'));
  assert.equal(control.map((c) => `${c.id}:${c.verdict}`), []);
});

test('corral run --control-socket passes the control cases (those listed in control-known-failing.txt fail as known)', async () => {
  const r = await runSuite('arbiter', ['--graceful-timeout-ms', '3000', '--run', 'A-CTL-*', '--known-failing', join(root, 'native-tests/conformance/control-known-failing.txt')],
    corral('--control-socket', '{control-socket}'));
  assert.is(r.exit, 0, explain(r));
  const passed = r.cases.filter((c) => c.verdict === 'PASS').map((c) => c.id);
  // A-CTL-002 needs root; the known failures are XFAIL.
  assert.ok(passed.length >= (process.getuid?.() === 0 ? 15 : 14), `only ${passed.length} control cases passed: ${passed.join(' ')}\n${explain(r)}`);
});

test('corral run --accept handoff is conformant', async () => {
  const r = await runSuite('arbiter', ['--graceful-timeout-ms', '3000', ...judged, '--run', 'A-HO-*'], corral('--accept', 'handoff'));
  assert.is(r.exit, 0, explain(r));
});

test('corral run --accept shared is conformant', async () => {
  const r = await runSuite('arbiter', ['--graceful-timeout-ms', '3000', ...judged, '--run', 'A-SH-*'], corral('--accept', 'shared'));
  assert.is(r.exit, 0, explain(r));
});

test('corral run --plain is conformant', async () => {
  const r = await runSuite('arbiter', ['--graceful-timeout-ms', '3000', ...judged, '--run', 'A-PL-*'], corral('--plain', '--accept', 'shared'));
  assert.is(r.exit, 0, explain(r));
});

test.run();
