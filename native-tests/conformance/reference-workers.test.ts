// The reference workers (Python, C) and the Node worker runtime must pass
// the worker conformance suite: every case PASS, NON_STRICT, UNSUPPORTED or INFO.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { explain, root, runSuite } from './run-suite.js';

const TSX = import.meta.resolve('tsx');

test('the Python reference worker is conformant', async () => {
  const r = await runSuite('worker', [], ['python3', join(root, 'native-tests/workers/python/worker.py')]);
  assert.is(r.exit, 0, explain(r));
});

test('the C reference worker is conformant', async () => {
  const make = spawnSync('make', ['-s', '-C', join(root, 'native-tests/workers/c')], { encoding: 'utf8' });
  assert.is(make.status, 0, `make failed: ${make.stderr}`);
  const r = await runSuite('worker', [], [join(root, 'native-tests/workers/c/worker')]);
  assert.is(r.exit, 0, explain(r));
});

test('the Node worker runtime is conformant', async () => {
  const r = await runSuite('worker', [], [process.execPath, '--import', TSX, join(root, 'src/worker/bootstrap.ts'), join(root, 'fixtures/apps/hello.mjs')]);
  assert.is(r.exit, 0, explain(r));
});

test.run();
