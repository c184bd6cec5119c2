#!/usr/bin/env node
// Runs a command under another Node major, fetched from the npm registry:
//
//   node scripts/other-node.mjs <major> <args...>
//   node scripts/other-node.mjs 22 node_modules/uvu/bin.js -r tsx native-tests/native '\.test\.ts$'
//
// The binary comes from `npx -y -p node@<major>` (the `node` package ships a
// real ELF binary). The addon is Node-API (ABI-stable), so the one built for
// the default Node normally loads unchanged; this script checks that under the
// target Node first. If it does not load (or CORRAL_NATIVE_REBUILD=1), the
// addon is rebuilt with the target Node into build/node-<major>/, leaving the
// default build alone, and the command gets CORRAL_NATIVE_PATH pointing at it.
//
// No fallbacks: if the binary cannot be fetched or the addon cannot be made to
// load, this exits non-zero with the reason.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [major, ...args] = process.argv.slice(2);

function fail(message) {
  process.stderr.write(`other-node: ${message}\n`);
  process.exit(1);
}

if (!major || !/^\d+$/.test(major) || args.length === 0) fail('usage: node scripts/other-node.mjs <major> <args...>');

function run(cmd, argv, opts = {}) {
  return spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
}

// 1. The binary.
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const found = run(npx, ['-y', '-p', `node@${major}`, 'node', '-p', 'process.execPath + "\\n" + process.version'], { timeout: 10 * 60_000 });
const lines = (found.stdout ?? '').trim().split('\n');
const nodeBin = lines[0];
const version = lines[1] ?? '';
if (found.status !== 0 || !nodeBin || !existsSync(nodeBin)) {
  const why = found.error?.message ?? (found.stderr ?? '').split('\n').filter((l) => l && !l.includes('Unknown user config')).slice(-3).join(' | ');
  fail(`cannot fetch node@${major} with npx: ${why || `exit ${found.status}`}`);
}
if (!version.startsWith(`v${major}.`)) fail(`npx -p node@${major} gave ${version} at ${nodeBin}`);

// 2. The addon: does the default build load under this Node?
const defaultAddon = process.env.CORRAL_NATIVE_PATH || join(root, 'build', 'Release', 'corral_native.node');
function loads(nodePath, addonPath) {
  const r = run(nodePath, ['-e', `require(${JSON.stringify(addonPath)})`]);
  return r.status === 0 ? '' : (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').slice(0, 4).join(' | ');
}

let addon = defaultAddon;
let why = existsSync(defaultAddon) ? loads(nodeBin, defaultAddon) : `${defaultAddon} does not exist`;
if (why === '' && process.env.CORRAL_NATIVE_REBUILD !== '1') {
  process.stdout.write(`other-node: ${version} at ${nodeBin}; addon ${addon} loads unchanged (Node-API)\n`);
} else {
  if (why) process.stdout.write(`other-node: the default addon does not load under ${version}: ${why}\n`);
  addon = rebuild();
  why = loads(nodeBin, addon);
  if (why) fail(`the addon rebuilt for ${version} does not load: ${why}`);
  process.stdout.write(`other-node: ${version} at ${nodeBin}; addon rebuilt at ${addon}\n`);
}

// Builds a private copy of the sources with node-gyp running under the target
// Node, so node-gyp targets that version.
function rebuild() {
  const dir = join(root, 'build', `node-${major}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  cpSync(join(root, 'binding.gyp'), join(dir, 'binding.gyp'));
  cpSync(join(root, 'src', 'native'), join(dir, 'src', 'native'), { recursive: true });

  // npm's own node-gyp (what `npm install` uses); else fetch one.
  const npmRoot = run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['root', '-g']).stdout?.trim() ?? '';
  const bundled = join(npmRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  // Headers: node-gyp downloads them for the target version unless a nodedir
  // is configured (Node-API headers from another version work the same).
  const nodedir = process.env.npm_config_nodedir
    || run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['config', 'get', 'nodedir']).stdout?.trim();
  const gypArgs = ['rebuild', ...(nodedir && nodedir !== 'undefined' ? [`--nodedir=${nodedir}`] : [])];
  const r = existsSync(bundled)
    ? run(nodeBin, [bundled, ...gypArgs], { cwd: dir, stdio: 'inherit' })
    : run(npx, ['-y', 'node-gyp@12', ...gypArgs], { cwd: dir, stdio: 'inherit', env: { ...process.env, PATH: `${dirname(nodeBin)}:${process.env.PATH}` } });
  if (r.status !== 0) fail(`node-gyp rebuild for ${version} failed (exit ${r.status ?? r.error?.message})`);
  const out = join(dir, 'build', 'Release', 'corral_native.node');
  if (!existsSync(out)) fail(`node-gyp did not produce ${out}`);
  return out;
}

// 3. The command, with the target Node first on PATH so nested `node` calls match.
const child = run(nodeBin, args, {
  stdio: 'inherit',
  encoding: undefined,
  env: { ...process.env, CORRAL_NATIVE_PATH: addon, PATH: `${dirname(nodeBin)}:${process.env.PATH ?? ''}` },
});
if (child.error) fail(`cannot run ${nodeBin}: ${child.error.message}`);
process.exit(child.status ?? 1);
