import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as http from 'node:http';
import * as net from 'node:net';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corral } from '../protocol/codec.js';
import { appSpecifier, boot, planFor } from './bootstrap.js';
import { fakeWorld, until, welcomeFor } from './test-support.js';

const { ErrorCode } = corral.v1;

const dir = mkdtempSync(join(tmpdir(), 'corral-bootstrap-'));
function app(name: string, source: string): string {
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

/** Boots `file` against a fake arbiter; `welcome` answers Hello with Welcome first. */
async function run(file: string, o: { welcome?: boolean } = {}) {
  const world = fakeWorld({ serve: { handshakeTimeoutMs: 2000 } });
  const exits: number[] = [];
  const stderr: string[] = [];
  const booted = boot({ argv: ['node', 'bootstrap', file], exit: (c) => exits.push(c), stderr: (t) => stderr.push(t), serveOptions: world.options });
  const hello = await world.arbiter.next('hello');
  if (o.welcome) world.arbiter.send({ kind: 'welcome', body: welcomeFor(world.env) });
  await booted;
  return { world, hello, exits: world.exits, stderr: stderr.join('') + world.stderr.join(''), bootExits: exits };
}

test('appSpecifier: paths become file URLs, URLs stay', () => {
  assert.is(appSpecifier('app.mjs', '/srv/x'), pathToFileURL('/srv/x/app.mjs').href);
  assert.is(appSpecifier('/abs/app.mjs', '/srv'), pathToFileURL('/abs/app.mjs').href);
  assert.is(appSpecifier('file:///a/b.mjs'), 'file:///a/b.mjs');
  assert.is(appSpecifier('data:text/javascript,export default 1'), 'data:text/javascript,export default 1');
});

test('planFor: what each kind of module gets', () => {
  assert.equal(planFor({}, 'app.mjs', true), { kind: 'served' });
  const h = http.createServer();
  assert.equal(planFor({ default: h }, 'app.mjs', false), { kind: 'serve', server: h });
  const n = net.createServer();
  assert.equal(planFor({ default: n }, 'app.mjs', false), { kind: 'serve', server: n });
  const fromFn = planFor({ default: (_req: unknown, res: http.ServerResponse) => res.end() }, 'app.mjs', false);
  assert.is(fromFn.kind, 'serve');
  assert.instance((fromFn as { server: unknown }).server, http.Server);
  const bad = planFor({ default: 42 }, 'app.mjs', false);
  assert.equal(bad, { kind: 'invalid', message: 'app.mjs must default-export an http.Server, a net.Server or a request handler, or call serve()' });
  assert.is(planFor({}, 'x.mjs', false).kind, 'invalid');
});

test('boot: Hello goes out before the app is loaded', async () => {
  const world = fakeWorld();
  // The app notes its loading in the log of control-channel writes.
  (globalThis as Record<string, unknown>).__corralBootLog = world.native.log;
  const file = app('order.mjs', 'globalThis.__corralBootLog.push("app loaded"); export default (req, res) => res.end();');
  const booted = boot({ argv: ['node', 'bootstrap', file], exit: () => {}, stderr: () => {}, serveOptions: world.options });
  await world.arbiter.next('hello');
  world.arbiter.send({ kind: 'welcome', body: welcomeFor(world.env) });
  await booted;
  await world.arbiter.next('ready');
  assert.equal(world.native.log.slice(0, 2), ['write', 'app loaded'], 'Hello written, then the app loaded');
  delete (globalThis as Record<string, unknown>).__corralBootLog;
  world.arbiter.send({ kind: 'stop', body: {} });
  await until(() => world.exits.length > 0);
});

test('boot: a module that does not load -> Error APP_LOAD (fatal) and exit 4 with the error [EXIT-3, HS-10]', async () => {
  const r = await run(join(dir, 'missing.mjs'), { welcome: true });
  await until(() => r.exits.length > 0);
  assert.equal(r.exits, [4]);
  assert.match(r.stderr, /failed to load .*missing\.mjs/);
  const err = await r.world.arbiter.nextOf('error');
  assert.equal([err.body.code, err.body.fatal], [ErrorCode.ERROR_CODE_APP_LOAD, true]);

  const t = await run(app('throws.mjs', "throw new Error('boom at load');"));
  await until(() => t.exits.length > 0);
  assert.equal(t.exits, [4]);
  assert.match(t.stderr, /boom at load/);
});

test('boot: a module with nothing to serve -> exit 4 with the rule', async () => {
  const file = app('nothing.mjs', 'export default { port: 1 };');
  const r = await run(file, { welcome: true });
  await until(() => r.exits.length > 0);
  assert.equal(r.exits, [4]);
  assert.match(r.stderr, /nothing\.mjs must default-export an http\.Server, a net\.Server or a request handler, or call serve\(\)/);
});

test('boot: a default-exported handler is served: Welcome, then Ready', async () => {
  const file = app('handler.mjs', "export default (req, res) => res.end('hi');");
  const r = await run(file, { welcome: true });
  assert.is(r.hello.body.pid, process.pid);
  const ready = await r.world.arbiter.nextOf('ready');
  assert.is(ready.body.capacity, 1000);
  assert.equal(r.exits, []);
  r.world.arbiter.send({ kind: 'stop', body: {} });
  await until(() => r.exits.length > 0);
  assert.equal(r.exits, [0]);
});

test('boot: no Welcome -> the handshake times out: exit 3, whatever the app', async () => {
  const file = app('handler2.mjs', "export default (req, res) => res.end('hi');");
  const world = fakeWorld({ serve: { handshakeTimeoutMs: 50 } });
  await boot({ argv: ['node', 'bootstrap', file], exit: () => {}, stderr: () => {}, serveOptions: world.options });
  await until(() => world.exits.length > 0);
  assert.equal(world.exits, [3]);
});

test('boot: a bad environment exits 3 before the app is loaded [EXIT-2]', async () => {
  const saved = process.env.CORRAL_PROTOCOL;
  process.env.CORRAL_PROTOCOL = '7';
  (globalThis as Record<string, unknown>).__corralLoaded = false;
  const file = app('never.mjs', 'globalThis.__corralLoaded = true; export default () => {};');
  try {
    const world = fakeWorld();
    const opts = { ...world.options };
    delete opts.environment;
    await boot({ argv: ['node', 'bootstrap', file], exit: () => {}, stderr: () => {}, serveOptions: opts });
    assert.equal(world.exits, [3]);
    assert.is((globalThis as Record<string, unknown>).__corralLoaded, false);
  } finally {
    if (saved === undefined) delete process.env.CORRAL_PROTOCOL;
    else process.env.CORRAL_PROTOCOL = saved;
  }
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();
