// The package as a user gets it: `npm pack` this checkout, install the
// tarball into a temporary project on a PATH where cc, gcc, g++ and make fail
// (and CC=false), then use it from there. The addon must come from
// prebuilds/ (nothing can compile it), the CLI must run from dist/, and the
// workers of a JavaScript app must carry no TypeScript loader.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get, root, sleep } from '../arbiter/pool.js';

const work = mkdtempSync(join(tmpdir(), 'corral-install-'));
const project = join(work, 'project');
const noCompiler = join(work, 'no-compiler');
const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${noCompiler}:${process.env.PATH ?? ''}`, CC: 'false', CXX: 'false', npm_config_build_from_source: '' };
let installed = '';

function sh(cmd: string, args: string[], cwd: string, timeoutMs = 300_000) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.error?.message}):\n${out.slice(-4000)}`);
  return out;
}

test.before(() => {
  mkdirSync(noCompiler);
  for (const tool of ['cc', 'gcc', 'g++', 'c++', 'clang', 'make']) {
    writeFileSync(join(noCompiler, tool), '#!/bin/sh\necho "no compiler on this machine" >&2\nexit 127\n');
    chmodSync(join(noCompiler, tool), 0o755);
  }
  sh('npm', ['pack', '--pack-destination', work], root);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack wrote a tarball');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-app', version: '1.0.0', type: 'module', private: true }));
  // --foreground-scripts: the install script's output (a build attempt would show) ends up in the log.
  sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--foreground-scripts', join(work, tarball!)], project);
  installed = join(project, 'node_modules/corral');
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test('the committed prebuilds match binding.gyp and src/native', () => {
  sh(process.execPath, ['scripts/prebuild.mjs', '--check'], root);
});

test('the install script succeeds without a compiler, from the prebuild', () => {
  const out = sh('npm', ['rebuild', 'corral', '--foreground-scripts'], project);
  assert.ok(out.includes('node-gyp-build'), out);
  assert.not.ok(readdirSync(installed).includes('build'), 'nothing was built from source');
});

test('corral/native loads the prebuild and a listener accepts', () => {
  writeFileSync(join(project, 'native.mjs'), `
    import * as native from 'corral/native';
    import net from 'node:net';
    const fd = native.listen({ host: '127.0.0.1', port: 0 });
    const c = net.connect(native.localAddress(fd).port, '127.0.0.1');
    await new Promise((r, j) => { c.on('connect', r); c.on('error', j); });
    let conn = null;
    for (let i = 0; i < 500 && !conn; i++) { conn = native.acceptOne(fd); if (!conn) await new Promise((r) => setTimeout(r, 10)); }
    console.log(JSON.stringify({ path: native.addonPath, family: conn && conn.family }));
    c.destroy(); native.close(conn.fd); native.close(fd);
  `);
  const r = JSON.parse(sh(process.execPath, ['native.mjs'], project).split('\n').find((l) => l.startsWith('{')) ?? '') as { path: string; family: string };
  assert.is(r.path, join(installed, 'prebuilds/linux-x64/corral.napi.glibc.node'));
  assert.is(r.family, 'tcp4');
});

test('npx corral --version and conformance list run from the package', () => {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  assert.is(sh('npx', ['corral', '--version'], project).trim(), `corral ${version}`);
  assert.is(sh('npx', ['corral', '-v'], project).trim(), `corral ${version}`);
  assert.ok(/^W-\S+\s+worker\//m.test(sh('npx', ['corral', 'conformance', 'list'], project)));
});

test('corral run serves a JavaScript app from workers without tsx', async () => {
  writeFileSync(join(project, 'app.mjs'), `
    import http from 'node:http';
    export default http.createServer((req, res) => {
      res.setHeader('connection', 'close');
      res.end(JSON.stringify({ pid: process.pid, execArgv: process.execArgv, entry: process.argv[1] }));
    });
  `);
  const proc = spawn(process.execPath, [join(installed, 'bin/corral.mjs'), 'run', '--workers', '2', '--bind', '127.0.0.1:0', '--handshake-timeout', '60', 'app.mjs'], {
    cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  try {
    const deadline = Date.now() + 90_000;
    while ((out.match(/\) ready$/gm) ?? []).length < 2) {
      if (proc.exitCode !== null) throw new Error(`corral run exited early:\n${out}`);
      if (Date.now() > deadline) throw new Error(`workers not ready in time:\n${out}`);
      await sleep(50);
    }
    const port = Number(/listening at \S+?:(\d+)/.exec(out)?.[1]);
    // Each worker reports how it was started: no loader for a .mjs app.
    // (process.title overwrites /proc/PID/cmdline, so the app itself is the
    // witness; the bootstrap sets argv[1] to the app.)
    const seen = new Map<number, { execArgv: string[]; entry: string }>();
    for (let i = 0; i < 40 && seen.size < 2; i++) {
      const r = await get(port);
      assert.ok(r.ok, JSON.stringify(r));
      const w = JSON.parse(r.body ?? '') as { pid: number; execArgv: string[]; entry: string };
      seen.set(w.pid, w);
    }
    assert.is(seen.size, 2, 'both workers answered');
    for (const w of seen.values()) {
      assert.equal(w.execArgv, [], JSON.stringify(w));
      assert.is(w.entry, join(project, 'app.mjs'));
    }
    // tsx would also have started an esbuild service under the arbiter.
    const children = (spawnSync('pgrep', ['-P', String(proc.pid)], { encoding: 'utf8' }).stdout ?? '').trim().split('\n').filter(Boolean);
    assert.is(children.length, 2, `the arbiter's children are its two workers: ${children.join(' ')}`);
  } finally {
    proc.kill('SIGTERM');
    const t = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    await new Promise((r) => (proc.exitCode !== null ? r(null) : proc.on('exit', r)));
    clearTimeout(t);
  }
});

test.run();
