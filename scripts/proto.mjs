#!/usr/bin/env node
// Regenerates src/protocol/generated/ from proto/ with protobufjs-cli.
// `node scripts/proto.mjs --check` regenerates into a temporary folder and
// fails when the committed output differs (run by `npm test`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const protoDir = join(root, 'proto');
// envelope.proto imports every other file; naming them again would load them twice.
const files = ['corral/v1/envelope.proto'];
const committed = join(root, 'src/protocol/generated');
const out = check ? mkdtempSync(join(tmpdir(), 'corral-proto-')) : committed;
mkdirSync(out, { recursive: true });

const require = createRequire(import.meta.url);
const pbjs = join(dirname(require.resolve('protobufjs-cli/package.json')), 'bin/pbjs');
// The control protocol (spec.md section 14) is its own package with its own
// root, so that the two static modules never overwrite each other's types.
const bundles = [
  { out: 'corral.js', root: 'default', files },
  { out: 'control.js', root: 'control', files: ['corral/control/v1/control.proto'] },
];
for (const b of bundles) {
  execFileSync(process.execPath, [
    pbjs, '-t', 'static-module', '-w', 'esm', '--es6', '--force-number', '--no-service',
    '--no-typeurl', '--no-verify', '--no-delimited', '-r', b.root, '-p', protoDir,
    '-o', join(out, b.out), '--dts', ...b.files,
  ], { cwd: protoDir, stdio: ['ignore', 'inherit', 'inherit'] });
}

if (check) {
  let stale = [];
  for (const f of ['corral.js', 'corral.d.ts', 'control.js', 'control.d.ts']) {
    const a = existsSync(join(committed, f)) ? readFileSync(join(committed, f), 'utf8') : '';
    if (a !== readFileSync(join(out, f), 'utf8')) stale.push(f);
  }
  rmSync(out, { recursive: true, force: true });
  if (stale.length) {
    console.error(`src/protocol/generated is stale (${stale.join(', ')}): run \`npm run proto\` and commit the result`);
    process.exit(1);
  }
  console.log('generated protocol code is current');
} else {
  console.log('generated src/protocol/generated/{corral,control}.{js,d.ts} from proto/corral');
}
