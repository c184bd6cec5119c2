#!/usr/bin/env node
// `npm run screenshots`: the dashboard's pictures in docs/images/, taken from
// a real pool so that the charts have data: three socket workers
// (fixtures/apps/hello.mjs) under HTTP load that rises and falls (a few
// requests burn CPU), two task workers (fixtures/tasks/echo.mjs) given a
// stream of jobs (some fail, some run long, all with meta). After SCREENSHOT_SECONDS (default 45) it
// captures, at 1280x800 in headless chromium (/usr/bin/chromium, driven by
// playwright-core):
//   docs/images/dashboard.png        the top of the page (light)
//   docs/images/dashboard-dark.png   the same in the dark scheme
//   docs/images/dashboard-tasks.png  task apps and jobs, a failed job's details open
// Halfway there is a reload (a new generation replaces every worker), and
// later one socket worker is SIGKILLed: the restarts panel counts both.
import { register } from 'tsx/esm/api';
import http from 'node:http';
import net from 'node:net';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

register();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { Arbiter } = await import('../src/arbiter/arbiter.ts');
const { nodeWorkerCommand } = await import('../src/cli/run.ts');
const { chromium } = await import('playwright-core');

const SECONDS = Number(process.env.SCREENSHOT_SECONDS ?? 45);
const out = join(root, 'docs/images');
mkdirSync(out, { recursive: true });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  const s = net.createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

function get(port, path) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', resolve);
      res.on('error', resolve);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', resolve);
  });
}

const dashPort = await freePort();
const arbiter = new Arbiter({
  logLevel: 'warning',
  command: nodeWorkerCommand(join(root, 'fixtures/apps/hello.mjs'), []),
  workers: 3,
  bind: ['127.0.0.1:0'],
  tasks: [{ name: 'echo', module: join(root, 'fixtures/tasks/echo.mjs') }],
  taskWorkers: 2,
  dashboard: `127.0.0.1:${dashPort}`,
  handshakeTimeoutMs: 60_000,
});
const ready = new Promise((r) => arbiter.once('ready', r));
await arbiter.start();
await ready;
const appPort = Number(arbiter.addresses[0].split(':').pop());
console.log(`pool ready; dashboard at http://127.0.0.1:${dashPort}/; ${SECONDS} s of load`);

const t0 = Date.now();
let running = true;
let paused = false;
// HTTP clients: how many are busy follows a slow wave, so the charts have a shape.
const clients = Array.from({ length: 8 }, async (_, i) => {
  while (running) {
    const phase = (Date.now() - t0) / 1000;
    const busy = 3.5 + 3 * Math.sin(phase / 7);
    if (i < busy && !paused) await get(appPort, Math.random() < 0.08 ? '/?work=4' : Math.random() < 0.2 ? '/?sleep=15' : '/');
    else await sleep(100);
  }
});
// Jobs: short sleeps, some CPU, some failures, now and then a long one.
let n = 0;
const jobs = new Set();
const cancel = new AbortController();
const ticker = setInterval(() => {
  n++;
  const meta = { request: `req-${1000 + n}`, tenant: ['acme', 'globex', 'initech'][n % 3] };
  const r = Math.random();
  const p = r < 0.1
    ? arbiter.execute('echo', 'fail', { message: `invoice ${n} has no customer` }, { meta })
    : r < 0.2
      ? arbiter.execute('echo', 'cpu', { ms: 40 }, { meta })
      : n % 40 === 0
        ? arbiter.execute('echo', 'sleep', { ms: 20_000 }, { meta, signal: cancel.signal })
        : arbiter.execute('echo', 'sleep', { ms: 30 + Math.round(Math.random() * 400) }, { meta });
  const settled = p.catch(() => {}).finally(() => jobs.delete(settled));
  jobs.add(settled);
}, 150);

// A reload at a third (generation 2), and at two thirds one worker is
// killed while the load pauses for a moment (a worker killed with unread
// data on its control channel resets it, which the arbiter counts apart).
setTimeout(() => arbiter.control({ action: 'reload' }), (SECONDS * 1000) / 3);
setTimeout(async () => {
  paused = true;
  await sleep(1500);
  const victim = arbiter.status().workers.find((w) => w.kind === 'socket' && w.state === 'ready');
  if (victim) process.kill(victim.pid, 'SIGKILL');
  await sleep(500);
  paused = false;
}, (SECONDS * 2000) / 3);

await sleep(SECONDS * 1000);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--hide-scrollbars'] });
try {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    await page.goto(`http://127.0.0.1:${dashPort}/`);
    await page.waitForSelector('[data-testid=worker-row]');
    // The last minute: the pool has run for less than the default five.
    if (SECONDS < 240) await page.click('[data-testid=window-60]');
    await sleep(2500); // a few points from the event stream
    await page.screenshot({ path: join(out, scheme === 'light' ? 'dashboard.png' : 'dashboard-dark.png') });
    if (scheme === 'light') {
      await page.locator('#tasks').evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 72));
      await page.click('[data-testid=job-tab-failed]');
      await page.waitForSelector('[data-testid=job-row][data-state=failed]');
      await page.locator('[data-testid=job-row]').first().click();
      await page.waitForSelector('[data-testid=job-detail] [data-field=state]');
      await sleep(500);
      await page.screenshot({ path: join(out, 'dashboard-tasks.png') });
    }
    await page.close();
  }
} finally {
  await browser.close();
  running = false;
  clearInterval(ticker);
  cancel.abort();
  await Promise.all([...clients, ...jobs]);
  await arbiter.stop();
}
console.log(`wrote ${['dashboard.png', 'dashboard-dark.png', 'dashboard-tasks.png'].map((f) => join('docs/images', f)).join(', ')}`);
process.exit(0);
