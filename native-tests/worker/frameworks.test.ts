// Each framework's fixture app under a real `corral run` arbiter, answering
// real HTTP requests over loopback, and no worker dying for it. The Fastify
// cases are the ones that once crashed every worker on every request
// (a server served before ready(): 44 worker deaths, 0 answers for 40).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { get, root, startPool, type Pool } from '../arbiter/pool.js';

const WORKERS = 2;
const REQUESTS = 20;
const pools: Pool[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'corral-frameworks-'));

test.after.each(async () => {
  for (const pool of pools.splice(0)) await pool.stop('SIGKILL');
});
test.after(() => rmSync(tmp, { recursive: true, force: true }));

/** Starts a pool of `app`, makes REQUESTS sequential requests, checks every answer and that no worker exited. */
async function check(app: string, framework: string) {
  const pool = await startPool(['--workers', String(WORKERS), '--bind', '127.0.0.1:0', app], { readyWorkers: WORKERS, timeoutMs: 30_000 });
  pools.push(pool);
  const pids = new Set<number>();
  for (let i = 0; i < REQUESTS; i++) {
    const r = await get(pool.port, i % 2 ? '/json' : '/', 10_000);
    assert.is(r.status, 200, `request ${i}: ${r.error ?? r.status}\n${pool.log()}`);
    if (i % 2) {
      const body = JSON.parse(r.body!) as { framework: string; pid: number };
      assert.is(body.framework, framework);
      pids.add(body.pid);
    } else {
      const m = new RegExp(`^hello from ${framework} (\\d+)\\n$`).exec(r.body!);
      assert.ok(m, `request ${i} answered ${JSON.stringify(r.body)}`);
      pids.add(Number(m![1]));
    }
  }
  // Every answer came from a worker that said Ready, and none of them died.
  const ready = [...pool.log().matchAll(/worker \d+ \(pid (\d+)\) ready$/gm)].map((m) => Number(m[1]));
  assert.is(ready.length, WORKERS, pool.log());
  for (const pid of pids) assert.ok(ready.includes(pid), `pid ${pid} is one of the ready workers ${ready}`);
  assert.not.match(pool.log(), /\) exited/, 'no worker exited while serving');
  assert.is(await pool.stop('SIGTERM'), 0, pool.log());
  pools.splice(pools.indexOf(pool), 1);
}

for (const framework of ['http', 'express', 'koa', 'fastify']) {
  test(`corral run fixtures/apps/${framework}.mjs: ${REQUESTS} requests answered by ${WORKERS} workers, none dies`, async () => {
    await check(join(root, `fixtures/apps/${framework}.mjs`), framework);
  });
}

const fastifyUrl = pathToFileURL(createRequire(join(root, 'package.json')).resolve('fastify')).href;
const workerUrl = pathToFileURL(join(root, 'src/worker/index.ts')).href;

test('an app that calls serve(fastify()) itself, never calling ready(), is served', async () => {
  // The embedding form of the same app: serve() awaits ready() before Ready.
  const app = join(tmp, 'fastify-serve.mjs');
  writeFileSync(app, [
    `import Fastify from ${JSON.stringify(fastifyUrl)};`,
    `import { isWorker, serve } from ${JSON.stringify(workerUrl)};`,
    `const app = Fastify();`,
    `app.get('/', async (req, reply) => { reply.type('text/plain'); return 'hello from fastify ' + process.pid + '\\n'; });`,
    `app.register(async (f) => { await new Promise((r) => setTimeout(r, 50)); f.get('/json', async () => ({ framework: 'fastify', pid: process.pid })); });`,
    `if (isWorker()) serve(app);`,
    '',
  ].join('\n'));
  await check(app, 'fastify');
});

test('serve(fastify()) whose plugin fails in ready(): the application failed to load, exit 4, no respawn loop', async () => {
  const app = join(tmp, 'fastify-fails.mjs');
  writeFileSync(app, [
    `import Fastify from ${JSON.stringify(fastifyUrl)};`,
    `import { isWorker, serve } from ${JSON.stringify(workerUrl)};`,
    `const app = Fastify();`,
    `app.register(async () => { throw new Error('database unreachable'); });`,
    `if (isWorker()) serve(app).catch(() => {});`,
    '',
  ].join('\n'));
  const err = (await startPool(['--workers', '2', '--bind', '127.0.0.1:0', app], { readyWorkers: 2, timeoutMs: 30_000 }).catch((e: Error) => e)) as Error;
  assert.instance(err, Error);
  assert.match(err.message, /corral run exited early/);
  assert.match(err.message, /reports error 400 \(fatal\): serve\(\): database unreachable/);
  assert.match(err.message, /could not load the application \(exit 4\): halting/);
  assert.match(err.message, /stopped \(exit 4\)/);
});

test.run();
