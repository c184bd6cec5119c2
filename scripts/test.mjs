#!/usr/bin/env node
// `npm test`: type-check, check generated code, run every test suite, and end
// with one line `N passed, N failed[, N skipped]` computed from the results.
//
// Steps run in order; a failed step does not stop the later ones, so one run
// reports everything that is wrong. A check that is not a uvu suite (tsc, the
// generated-code diff) counts as one test.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
const only = process.argv.slice(2); // e.g. `npm test -- unit native`
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(name, cmd, args, opts = {}) {
  const started = Date.now();
  process.stdout.write(`\n== ${name}\n`);
  const r = spawnSync(cmd, args, { cwd: root, env: { ...env, ...opts.env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: opts.timeoutMs ?? 20 * 60_000, maxBuffer: 256 * 1024 * 1024 });
  const out = (r.stdout ?? '') + (r.stderr ?? '');
  process.stdout.write(out.endsWith('\n') || out === '' ? out : out + '\n');
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.error) process.stdout.write(`${name}: ${r.error.message}\n`);
  return { status: r.error ? 1 : r.status ?? 1, out, secs };
}

function check(name, cmd, args, opts) {
  if (only.length && !only.includes(opts?.group ?? name)) return;
  const { status, secs } = run(name, cmd, args, opts);
  if (status === 0) totals.passed++;
  else { totals.failed++; failures.push(name); }
  process.stdout.write(`-- ${name}: ${status === 0 ? 'ok' : 'FAILED'} (${secs}s)\n`);
}

// uvu prints "Total: N / Passed: N / Skipped: N" at the end of a run.
function suite(name, cmd, args, opts = {}) {
  if (only.length && !only.includes(opts.group ?? name)) return;
  const { status, out, secs } = run(name, cmd, args, opts);
  const num = (label) => { const m = out.match(new RegExp(`^\\s*${label}:\\s+(\\d+)`, 'm')); return m ? Number(m[1]) : null; };
  const total = num('Total'), passed = num('Passed'), skipped = num('Skipped') ?? 0;
  if (total === null || passed === null) {
    totals.failed++; failures.push(`${name} (did not run to completion)`);
  } else {
    totals.passed += passed;
    totals.skipped += skipped;
    const failed = Math.max(0, total - passed - skipped);
    totals.failed += failed;
    if (failed > 0) failures.push(`${name} (${failed} failed)`);
    else if (status !== 0) { totals.failed++; failures.push(`${name} (exit ${status})`); }
  }
  process.stdout.write(`-- ${name}: exit ${status} (${secs}s)\n`);
}

// tsx as an ESM loader (--import), not uvu's `-r` require hook: with the
// hook, modules that tests load through import() are loaded a second time,
// which splits error classes (instanceof) and confuses coverage.
const uvu = ['--import', 'tsx', join(root, 'node_modules/uvu/bin.js')];

check('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'], { group: 'static' });
check('generated code is current', process.execPath, ['scripts/proto.mjs', '--check'], { group: 'static' });

// Unit tests sit beside the code; src/protocol must keep its line coverage.
suite('unit', bin('c8'), [
  '--reporter=text-summary', '--reporter=text', '--all', '--src=src',
  '--include=src/**', '--exclude=src/protocol/generated/**', '--exclude=**/*.test.ts',
  process.execPath, ...uvu, 'src', '\\.test\\.ts$',
]);
check('coverage: src/protocol lines >= 85%', bin('c8'), [
  'check-coverage', '--lines=85', '--include=src/protocol/**', '--exclude=src/protocol/generated/**', '--exclude=**/*.test.ts',
], { group: 'unit' });

// Real-kernel and real-process tests.
if (existsSync(join(root, 'native-tests'))) {
  // Everything under native-tests except the conformance runs, which get a
  // step of their own (they run the whole suite against several testees).
  suite('native (node ' + process.versions.node + ')', process.execPath, [...uvu, 'native-tests', '^(?!conformance/).*\\.test\\.ts$'], { group: 'native' });
  suite('conformance', process.execPath, [...uvu, 'native-tests/conformance', '\\.test\\.ts$'], { group: 'conformance' });
}

// The addon's own tests again on the other supported Node majors.
if (process.env.CORRAL_SKIP_OTHER_NODES !== '1' && existsSync(join(root, 'native-tests/native'))) {
  for (const major of ['22', '24']) {
    suite(`native addon (node ${major})`, process.execPath, [join(root, 'scripts/other-node.mjs'), major, ...uvu, 'native-tests/native', '\\.test\\.ts$'], { group: 'other-nodes' });
  }
} else if (process.env.CORRAL_SKIP_OTHER_NODES === '1') {
  process.stdout.write('\nnotice: CORRAL_SKIP_OTHER_NODES=1, the addon tests on Node 22 and 24 were not run\n');
}

process.stdout.write('\n');
if (failures.length) process.stdout.write(`failed: ${failures.join('; ')}\n`);
const line = `${totals.passed} passed, ${totals.failed} failed` + (totals.skipped ? `, ${totals.skipped} skipped` : '');
process.stdout.write(line + '\n');
process.exit(totals.failed ? 1 : 0);
