// `corral run` with task workers must pass the arbiter suite's task cases
// (A-TK-*, A-TS-*): the probe runs as its task workers (--task-command={probe})
// and the suite calls jobs on the task socket whose address the arbiter
// writes to {tasks-address-file}. A relay between the arbiter and its task
// workers (task-meddle.py) breaks one rule at a time, and the case that
// judges that rule must fail.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { explain, failures, root, runSuite } from './run-suite.js';

const TASK_CASES = ['--run', 'A-TK-*', '--run', 'A-TS-*'];

/** Two task workers: alpha on both, beta on the first only; capacity 2, queue 3, grace 1 s. */
const corral = (taskCommand = '{probe}') => [
  process.execPath, 'bin/corral.mjs', 'run', '--workers', '1', '--bind', '{bind}', '--timeout', '2', '--graceful-timeout', '3',
  '--tasks', 'alpha=alpha.mjs', '--tasks', 'beta=beta.mjs:1', '--task-workers', '2', `--task-command=${taskCommand}`,
  '--task-capacity', '2', '--max-queue', '3', '--task-grace', '1', '--tasks-address-file', '{tasks-address-file}', '--', '{probe}',
];
const meddle = (mutation: string) => `python3 ${join(root, 'native-tests/conformance/task-meddle.py')} ${mutation} -- {probe}`;

test('corral run with task workers passes the task cases', async () => {
  const r = await runSuite('arbiter', ['--graceful-timeout-ms', '3000', ...TASK_CASES], corral());
  assert.is(r.exit, 0, explain(r));
  const passed = r.cases.filter((c) => c.verdict === 'PASS').map((c) => c.id);
  assert.ok(passed.length >= 20, `only ${passed.length} task cases passed: ${passed.join(' ')}\n${explain(r)}`);
});

test('corral run without task workers: tasks.call is not offered, the other task cases are unsupported', async () => {
  const r = await runSuite('arbiter', ['--graceful-timeout-ms', '3000', ...TASK_CASES],
    [process.execPath, 'bin/corral.mjs', 'run', '--workers', '2', '--bind', '{bind}', '--timeout', '2', '--', '{probe}']);
  assert.is(r.exit, 0, explain(r));
  assert.is(r.cases.find((c) => c.id === 'A-TS-002')?.verdict, 'PASS', explain(r));
  const other = r.cases.filter((c) => /^A-T[KS]-/.test(c.id) && c.id !== 'A-TS-002' && c.id !== 'A-TS-005' && c.verdict !== 'UNSUPPORTED');
  assert.equal(other.map((c) => `${c.id}:${c.verdict}`), []);
});

test('an arbiter that never passes Cancel on fails the cancel cases', async () => {
  const r = await runSuite('arbiter', ['--graceful-timeout-ms', '3000', '--run', 'A-TK-003', '--run', 'A-TK-012', '--run', 'A-TK-009'], corral(meddle('drop-cancel')));
  assert.equal(failures(r), ['A-TK-003', 'A-TK-012'], explain(r));
});

test('an arbiter that drops a caller\'s meta fails A-TK-014; one that adds a key outside corral. fails it, and A-TK-015 at 1.2 [TASK-25, TASK-26, COMPAT-8]', async () => {
  for (const [mutation, fails] of [['drop-meta', ['A-TK-014']], ['add-meta', ['A-TK-014', 'A-TK-015']]] as const) {
    const r = await runSuite('arbiter', ['--graceful-timeout-ms', '3000', '--run', 'A-TK-014', '--run', 'A-TK-015', '--run', 'A-TK-009'], corral(meddle(mutation)));
    assert.equal(failures(r), fails, `${mutation}: ${explain(r)}`);
  }
});

test('an arbiter that credits a task worker beyond what it relayed fails FLOW-6', async () => {
  const r = await runSuite('arbiter', ['--graceful-timeout-ms', '3000', '--run', 'A-TK-006', '--run', 'A-TK-009'], corral(meddle('extra-credit')));
  assert.equal(failures(r), ['A-TK-006'], explain(r));
});

test.run();
