// The suite cannot pass vacuously: each mutant in fixtures/mutants breaks one
// rule, and the suite must fail exactly the cases mutants.json expects.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explain, failures, pool, root, runSuite } from './run-suite.js';

interface WorkerMutant {
  name: string;
  args: string[];
  task?: boolean;
  run?: string[];
  exit: number;
  fails: string[];
}
const manifest = JSON.parse(readFileSync(join(root, 'fixtures/mutants/mutants.json'), 'utf8')) as {
  workers: WorkerMutant[];
  arbiters: { run: string[]; baselineFails: string[]; mutants: { name: string; fails: string[] }[] };
  control: { run: string[]; mutants: { name: string; fails: string[] }[] };
};
const TASK_JOBS = ['--task', 'mutant.echo', '--task-slow', 'mutant.sleep', '--task-fail', 'mutant.fail', '--task-stream', 'mutant.stream', '--task-echo', 'mutant.echo'];

test('every worker mutant fails exactly its expected cases (and the unmutated base passes)', async () => {
  const results = await pool(manifest.workers, 2, async (m) => {
    const args = [...(m.run ?? []).flatMap((p) => ['--run', p]), '--jobs', '3', ...(m.task ? TASK_JOBS : [])];
    const r = await runSuite('worker', args, ['python3', join(root, 'fixtures/mutants/worker.py'), ...m.args]);
    return { m, r };
  });
  // "ID?" in fails: the mutant fails that case only when the timing lets its
  // fault show (e.g. it accepts before the grant only if it runs before the
  // grant arrives); it may pass it on a loaded machine, never fail another.
  const matches = (m: WorkerMutant, got: string[]) => {
    const must = m.fails.filter((f) => !f.endsWith('?'));
    const may = new Set(m.fails.filter((f) => f.endsWith('?')).map((f) => f.slice(0, -1)));
    return must.every((f) => got.includes(f)) && got.every((f) => must.includes(f) || may.has(f));
  };
  const wrong = results.filter(({ m, r }) => r.exit !== m.exit || !matches(m, failures(r)));
  assert.equal(wrong.map(({ m, r }) => `${m.name}: exit ${r.exit} (want ${m.exit}), failed [${failures(r).join(' ')}], want [${[...m.fails].sort().join(' ')}]\n${explain(r)}`), []);
});

test('every arbiter mutant fails exactly its cases on top of the relay baseline', async () => {
  const a = manifest.arbiters;
  const run = a.run.flatMap((p) => ['--run', p]);
  const command = (mutation: string) => [process.execPath, 'bin/corral.mjs', 'run', '--workers', '3', '--bind', '{bind}', '--timeout', '2', '--graceful-timeout', '3', '--',
    'python3', join(root, 'fixtures/mutants/meddle.py'), mutation, '--', '{probe}'];
  const [base, ...muts] = await pool(['none', ...a.mutants.map((m) => m.name)], 2, (name) => runSuite('arbiter', ['--graceful-timeout-ms', '3000', ...run], command(name)));
  const baseline = failures(base as never);
  for (const f of a.baselineFails) assert.ok(baseline.includes(f), `the relay baseline should fail ${f}: ${baseline.join(' ')}`);
  a.mutants.forEach((m, i) => {
    const got = failures(muts[i] as never);
    for (const f of m.fails) assert.not.ok(baseline.includes(f), `${f} already fails without the ${m.name} mutation`);
    assert.equal(got, [...new Set([...baseline, ...m.fails])].sort(), `${m.name}: ${explain(muts[i] as never)}`);
  });
});

test('every control socket mutant fails exactly its cases, and the relay alone none', async () => {
  const c = manifest.control;
  const run = c.run.flatMap((p) => ['--run', p]);
  const command = (mutation: string) => ['python3', join(root, 'fixtures/mutants/control-meddle.py'), mutation, '{control-socket}', '--',
    process.execPath, 'bin/corral.mjs', 'run', '--workers', '3', '--bind', '{bind}', '--timeout', '2', '--graceful-timeout', '3', '--control-socket', '{control-socket}.inner', '--', '{probe}'];
  const runs = await pool(c.mutants, 2, (m) => runSuite('arbiter', ['--graceful-timeout-ms', '3000', ...run], command(m.name)));
  const wrong = c.mutants.map((m, i) => ({ m, r: runs[i]! })).filter(({ m, r }) => failures(r).join(' ') !== [...m.fails].sort().join(' ') || r.exit !== (m.fails.length ? 1 : 0));
  assert.equal(wrong.map(({ m, r }) => `${m.name}: exit ${r.exit}, failed [${failures(r).join(' ')}], want [${[...m.fails].sort().join(' ')}]\n${explain(r)}`), []);
});

test.run();
