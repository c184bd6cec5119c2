#!/usr/bin/env node
// Compiles src/ to dist/ for library consumers (`import … from 'corral'`) and
// copies the generated protobuf code, which is JavaScript already.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let tsc;
try {
  tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
} catch {
  // `npm pack`/`npm publish` run this as `prepare`; typescript is a
  // devDependency, so packing needs a full `npm install` first.
  console.error('build: typescript is not installed; run `npm install` (with devDependencies) before `npm run build` or `npm pack`');
  process.exit(1);
}
rmSync(join(root, 'dist'), { recursive: true, force: true });
// `--lenient` (the prepare step of `npm install`): tsc still emits when it
// reports type errors, and an install must not fail on them; `npm test`
// type-checks strictly.
try {
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
} catch (err) {
  if (!process.argv.includes('--lenient')) throw err;
  console.warn('build: type errors reported above; dist/ was emitted anyway');
}
mkdirSync(join(root, 'dist/protocol/generated'), { recursive: true });
for (const f of ['corral.js', 'corral.d.ts', 'control.js', 'control.d.ts']) cpSync(join(root, 'src/protocol/generated', f), join(root, 'dist/protocol/generated', f));
// The queue scripts are read at run time (spec.md section 13: other languages load the same files).
cpSync(join(root, 'src/broker/lua'), join(root, 'dist/broker/lua'), { recursive: true });
console.log('built dist/');
