import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as http from 'node:http';
import * as net from 'node:net';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appSpecifier, boot, planFor } from './bootstrap.js';
import { duplexPair, environment, FakeArbiter, FakeNative } from './test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'corral-bootstrap-'));
function app(name: string, source: string): string {
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

async function run(file: string, serveOptions = {}) {
  const exits: number[] = [];
  const stderr: string[] = [];
  await boot({ argv: ['node', 'bootstrap', file], exit: (c) => exits.push(c), stderr: (t) => stderr.push(t), serveOptions });
  return { exits, stderr: stderr.join('') };
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

test('boot: a module that does not load -> exit 4 with the error', async () => {
  const r = await run(join(dir, 'missing.mjs'));
  assert.equal(r.exits, [4]);
  assert.match(r.stderr, /failed to load .*missing\.mjs/);
  const t = await run(app('throws.mjs', "throw new Error('boom at load');"));
  assert.equal(t.exits, [4]);
  assert.match(t.stderr, /boom at load/);
});

test('boot: a module with nothing to serve -> exit 4 with the rule', async () => {
  const file = app('nothing.mjs', 'export default { port: 1 };');
  const r = await run(file);
  assert.equal(r.exits, [4]);
  assert.match(r.stderr, /nothing\.mjs must default-export an http\.Server, a net\.Server or a request handler, or call serve\(\)/);
});

test('boot: a default-exported handler is served (Hello reaches the arbiter)', async () => {
  const file = app('handler.mjs', "export default (req, res) => res.end('hi');");
  const [w, a] = duplexPair();
  const arbiter = new FakeArbiter(a);
  const exits: number[] = [];
  const booted = boot({
    argv: ['node', 'bootstrap', file],
    exit: (c) => exits.push(c),
    stderr: () => {},
    serveOptions: { control: w, environment: environment(), native: new FakeNative(), signals: null, exit: (c) => exits.push(c), handshakeTimeoutMs: 50, stderr: () => {} },
  });
  const hello = await arbiter.next('hello');
  assert.is(hello.body.pid, process.pid);
  await booted; // handshake times out: serve's failure is its own exit(3), not a rejection here
  assert.equal(exits, [3]);
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();
