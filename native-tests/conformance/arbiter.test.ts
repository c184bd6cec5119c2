// `corral run` must pass the arbiter conformance suite, in the arbiter
// strategy (every case) and in the handoff, shared and process-only modes
// (the cases of those modes, and the judged basic session).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { explain, runSuite } from './run-suite.js';

const corral = (...opts: string[]) => [process.execPath, 'bin/corral.mjs', 'run', '--workers', '3', '--bind', '{bind}', '--timeout', '2', '--graceful-timeout', '3', ...opts, '--', '{probe}'];
const judged = ['A-HS-001', 'A-PS-*', 'A-EN-*', 'A-WE-*', 'A-FR-*', 'A-ST-001', 'A-SC-*'].flatMap((p) => ['--run', p]);

test('corral run (arbiter strategy) is conformant', async () => {
  const r = await runSuite('arbiter', ['--graceful-timeout-ms', '3000'], corral());
  assert.is(r.exit, 0, explain(r));
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
