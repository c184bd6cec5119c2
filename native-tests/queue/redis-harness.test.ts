// The redis-server harness (fixtures/redis/server.ts) that the queue tests
// and benchmarks stand on: data survives a restart and a crash with AOF on,
// stop() leaves nothing behind, and the server never outlives the process
// that started it. Skipped with a notice when redis-server is not installed.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { REDIS_SKIP_NOTICE, RedisReplyError, redisServerPath, startRedis, stopAllRedis } from '../../fixtures/redis/server.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const installed = redisServerPath() !== undefined;
if (!installed) console.log(REDIS_SKIP_NOTICE);
const t = installed ? test : test.skip;

test.after(() => stopAllRedis());

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The error code of a bare TCP connect to the port, or 'connected'. */
function probe(port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

/** The error `p` rejects with; fails the test if it resolves. */
async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new assert.Assertion({ message: 'expected a rejection', generated: true, operator: 'rejects', expects: 'rejection', actual: 'resolved' });
}

/** Polls `check` until it holds; false if it still does not after `ms` (generous: the machine may be loaded). */
async function eventually(check: () => boolean | Promise<boolean>, ms = 8_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(25);
  }
  return check();
}

t('restart() with AOF keeps the data; same port and dir, a new pid', async () => {
  const s = await startRedis({ aof: true });
  try {
    const { port, dir, pid } = s;
    assert.is(await s.command('SET', 'k', 'v'), 'OK');
    assert.is(await s.command('RPUSH', 'l', 1, 2, 3), 3);
    await s.restart();
    assert.is(s.port, port);
    assert.is(s.dir, dir);
    assert.is.not(s.pid, pid);
    assert.is(await s.command('GET', 'k'), 'v');
    assert.equal(await s.command('LRANGE', 'l', 0, -1), ['1', '2', '3']);
  } finally {
    await s.stop();
  }
});

t('restart({ downMs }): the port refuses connections while down', async () => {
  const s = await startRedis();
  try {
    let done = false;
    let refused = 0;
    const started = Date.now();
    const restarting = s.restart({ downMs: 300 }).finally(() => { done = true; });
    // The poller runs on the same event loop as restart()'s 300 ms pause, so
    // it gets turns inside the pause however loaded the machine is.
    while (!done) {
      if ((await probe(s.port)) === 'ECONNREFUSED') refused++;
      await sleep(10);
    }
    await restarting;
    assert.ok(Date.now() - started >= 300, 'restart() took at least downMs');
    assert.ok(refused > 0, 'a connection was refused during the pause');
    assert.is(await s.command('PING'), 'PONG');
  } finally {
    await s.stop();
  }
});

t('without AOF a restart loses the data', async () => {
  const s = await startRedis();
  try {
    await s.command('SET', 'k', 'v');
    await s.restart();
    assert.is(await s.command('GET', 'k'), null);
  } finally {
    await s.stop();
  }
});

t('kill() (SIGKILL) then start() keeps AOF data', async () => {
  const s = await startRedis({ aof: true });
  try {
    await s.command('SET', 'k', 'v');
    for (let i = 0; i < 50; i++) await s.command('INCR', 'n');
    const pid = s.pid;
    s.kill();
    assert.ok(await eventually(async () => (await probe(s.port)) === 'ECONNREFUSED'), 'the port closes after kill()');
    assert.is((await rejection(s.command('PING')) as NodeJS.ErrnoException).code, 'ECONNREFUSED');
    await s.start();
    assert.is.not(s.pid, pid);
    assert.is(await s.command('GET', 'k'), 'v');
    assert.is(await s.command('GET', 'n'), '50');
    // start() while running is a mistake, not a second server.
    assert.match((await rejection(s.start())).message, /kill\(\) it before start\(\)/);
  } finally {
    await s.stop();
  }
});

t('stop() removes the dir and the port no longer answers; start() after stop() is refused', async () => {
  const s = await startRedis({ aof: true });
  const { dir, port } = s;
  assert.ok(existsSync(dir));
  await s.command('SET', 'k', 'v');
  await s.stop();
  await s.stop(); // idempotent
  assert.not.ok(existsSync(dir), 'the directory is gone');
  assert.is(await probe(port), 'ECONNREFUSED');
  assert.is((await rejection(s.command('PING')) as NodeJS.ErrnoException).code, 'ECONNREFUSED');
  assert.match((await rejection(s.start())).message, /was stopped/);
  assert.match((await rejection(s.restart())).message, /was stopped/);
});

t('password: command() and url authenticate; a bare client is refused', async () => {
  const s = await startRedis({ password: 'p@ss word' });
  const client = new Redis(s.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    assert.match(s.url, /^redis:\/\/:p%40ss%20word@127\.0\.0\.1:\d+$/);
    assert.is(await s.command('SET', 'k', 'v'), 'OK');
    await client.connect();
    assert.is(await client.get('k'), 'v');
    const bare = await startRedisSibling(s.port);
    assert.instance(bare, RedisReplyError);
    assert.match((bare as Error).message, /^NOAUTH/);
  } finally {
    client.disconnect();
    await s.stop();
  }
});

/** GET through a raw connection with no AUTH: the reply (an error expected). */
function startRedisSibling(port: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const sock = connect({ host: '127.0.0.1', port });
    let text = '';
    sock.on('error', reject);
    sock.on('data', (d) => {
      text += d.toString();
      if (text.endsWith('\r\n')) {
        sock.destroy();
        resolve(text.startsWith('-') ? new RedisReplyError(text.slice(1).trim()) : text);
      }
    });
    sock.write('*2\r\n$3\r\nGET\r\n$1\r\nk\r\n');
  });
}

/**
 * Starts a server in a child node process that then ends as `how` says, and
 * checks that the server and its directory go with it.
 */
async function outlives(how: 'exit' | 'SIGKILL'): Promise<void> {
  const harness = pathToFileURL(join(root, 'fixtures/redis/server.ts')).href;
  const code = `
    import { startRedis } from ${JSON.stringify(harness)};
    const s = await startRedis({ aof: true });
    console.log(JSON.stringify({ port: s.port, dir: s.dir }));
    ${how === 'exit' ? '' : 'setInterval(() => {}, 1000);'}
  `;
  // No stop(): a normal exit must clean up by itself; SIGKILL leaves it to the watchdog.
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    child.once('exit', (c, sig) => reject(new Error(`child ended (${sig ?? c}) before reporting: ${out}`)));
    setTimeout(() => reject(new Error(`child silent after 15 s: ${out}`)), 15_000).unref();
  });
  const { port, dir } = JSON.parse(line) as { port: number; dir: string };
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (how === 'SIGKILL') child.kill('SIGKILL');
  await ended;
  // A zombie redis (no reaper in a container) still has a pid, so the port says whether it lives.
  assert.ok(await eventually(async () => (await probe(port)) === 'ECONNREFUSED'), `redis on port ${port} outlived its parent (${how})`);
  assert.ok(await eventually(() => !existsSync(dir)), `${dir} outlived its parent (${how})`);
}

t('a server is gone when its process exits without stop()', () => outlives('exit'));

t('a server is gone when its process is SIGKILLed (watchdog)', () => outlives('SIGKILL'));

test.run();
