// toServer(): what serve() and the bootstrap make of each kind of app, with
// the real frameworks, answering a real request over loopback.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import http from 'node:http';
import * as net from 'node:net';
import { createRequire } from 'node:module';
import Fastify from 'fastify';
import { isServable, toServer } from './frameworks.js';

// Express and Koa ship no types; these are the few members the tests use.
interface ExpressApp extends http.RequestListener {
  get(path: string, handler: (req: http.IncomingMessage, res: { send(body: string): void }) => void): void;
}
interface KoaApp {
  use(middleware: (ctx: { path: string; body: unknown }) => void): void;
  callback(): http.RequestListener;
}
const require = createRequire(import.meta.url);
const express = require('express') as () => ExpressApp;
const Koa = require('koa') as new () => KoaApp;

/** Listens on an ephemeral loopback port, GETs `path` once, closes. */
async function answer(server: net.Server, path = '/'): Promise<{ status: number; body: string }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  try {
    return await new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      }).on('error', reject);
    });
  } finally {
    if (server instanceof http.Server) server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

test('a server is served as it is', async () => {
  const server = http.createServer((req, res) => res.end('plain'));
  assert.is(await toServer(server), server);
});

test('a request handler and an Express app get an http.Server of their own', async () => {
  const handler = await toServer((req: http.IncomingMessage, res: http.ServerResponse) => res.end('handler'));
  assert.instance(handler, http.Server);
  assert.equal(await answer(handler), { status: 200, body: 'handler' });
  const app = express();
  app.get('/', (_req, res) => res.send('express'));
  assert.equal(await answer(await toServer(app)), { status: 200, body: 'express' });
});

test('a Koa app is served through its callback()', async () => {
  const app = new Koa();
  app.use((ctx) => {
    ctx.body = `koa ${ctx.path}`;
  });
  assert.ok(isServable(app));
  assert.equal(await answer(await toServer(app), '/x'), { status: 200, body: 'koa /x' });
});

test('a Fastify instance that was never made ready is awaited ready(): its async plugin routes answer', async () => {
  const app = Fastify();
  app.register(async (f) => {
    await new Promise((r) => setTimeout(r, 20));
    f.get('/late', async () => 'registered by a plugin');
  });
  let readyCalls = 0;
  app.addHook('onReady', async () => void readyCalls++);
  const server = await toServer(app);
  assert.is(server, app.server);
  assert.is(readyCalls, 1, 'ready() ran before the server was handed back');
  assert.equal(await answer(server, '/late'), { status: 200, body: 'registered by a plugin' });
  await app.close();
});

test('a Fastify plugin that fails rejects with the plugin\'s error', async () => {
  const app = Fastify();
  app.register(async () => {
    throw new Error('database unreachable');
  });
  const err = await toServer(app).catch((e: Error) => e);
  assert.instance(err, Error);
  assert.match((err as Error).message, /database unreachable/);
});

for (const [what, value, got] of [
  ['a plain object', { listen() {} }, 'an object'],
  ['a string', 'app.mjs', 'string'],
  ['null', null, 'null'],
  ['an object with ready() but no server', { ready: async () => {} }, 'an object'],
  ['a class instance', new (class Router {})(), 'a Router'],
] as const) {
  test(`${what} rejects with CORRAL_ERR_INVALID_OPTION naming what is expected`, async () => {
    assert.not.ok(isServable(value));
    const err = (await toServer(value).catch((e: unknown) => e)) as Error & { code?: string };
    assert.instance(err, Error);
    assert.is(err.code, 'CORRAL_ERR_INVALID_OPTION');
    assert.match(err.message, /http\.Server or net\.Server/);
    assert.match(err.message, /Koa app \(with \.callback\(\)\)/);
    assert.match(err.message, /Fastify instance \(with \.ready\(\) and \.server\)/);
    assert.ok(err.message.endsWith(`got ${got}`), err.message);
  });
}

test.run();
