// The web dashboard in a real browser: headless Chromium (the Debian package,
// /usr/bin/chromium) driven by playwright-core, against a real pool: two
// socket workers (fixtures/apps/hello.mjs) under paced HTTP load and one task
// worker (fixtures/tasks/echo.mjs) that has run jobs. What a person would
// check on screen is checked: the workers table shows the real pids; a
// worker killed with SIGKILL leaves the table and its replacement appears
// with a new id and pid; + scales 2 -> 3 socket workers (three rows, and the
// arbiter's target is 3); the job list by state, and a job's details on a
// click. A second pool runs as `corral run --dashboard` with the token in
// $CORRAL_DASHBOARD_TOKEN: an action without the token asks for it, a wrong
// one is refused, the right one acts.
//
// Counted facts are asserted, each waited for with a deadline (the page is
// updated once a second; a worker boots in seconds on a loaded machine).
// Skipped with a notice when /usr/bin/chromium is not installed.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Arbiter } from '../../src/arbiter/arbiter.js';
import { nodeWorkerCommand } from '../../src/cli/run.js';
import { helloApp, load, sleep, startPool } from '../arbiter/pool.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.log(`notice: ${CHROMIUM} is not installed (Debian package chromium); the dashboard's browser tests are skipped`);
const t = available ? test : test.skip;

const ECHO = { name: 'echo', module: resolve('fixtures/tasks/echo.mjs') };
const TOKEN = 'dashboard-test-token-5f2a9c41';
/** A kill must show within this long: the page is updated every second. */
const VISIBLE_MS = 5000;

let browser: Browser | undefined;

async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  browser ??= await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    timeout: 60_000,
  });
  return browser;
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** Polls `fn` until it returns a value that is not undefined; throws `what` at the deadline. */
async function eventually<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`not in ${ms} ms: ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await sleep(50);
  }
}

interface Row { id: number; pid: number; kind: string; state: string }
/** An element's data-* attributes (tsc here has no DOM types). */
type Tagged = { dataset: Record<string, string | undefined> };

/** The workers table as it is on screen. */
function rows(page: Page): Promise<Row[]> {
  return page.$$eval('[data-testid=worker-row]', (trs) => trs.map((tr) => {
    const d = (tr as unknown as Tagged).dataset;
    return { id: Number(d.id), pid: Number(d.pid), kind: d.kind ?? '', state: d.state ?? '' };
  }));
}

async function openPage(url: string): Promise<{ page: Page; errors: string[] }> {
  const b = await launch();
  const page = await b.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url, { timeout: 30_000 });
  return { page, errors };
}

t('the page shows the live pool: real pids, a killed worker replaced on screen, + scales to 3, jobs by state and a job\'s details', async () => {
  const port = await freePort();
  const a = new Arbiter({
    logLevel: 'warning', command: nodeWorkerCommand(helloApp, []), workers: 2, bind: ['127.0.0.1:0'],
    tasks: [ECHO], taskWorkers: 1, dashboard: `127.0.0.1:${port}`, handshakeTimeoutMs: 60_000,
  });
  const ready = new Promise<void>((r) => a.once('ready', () => r()));
  await a.start();
  let loading = true;
  let loadDone: Promise<unknown> = Promise.resolve();
  const held = new AbortController();
  let page: Page | undefined;
  try {
    await ready;
    const appPort = Number(a.addresses[0]!.split(':').pop());
    loadDone = load(appPort, { concurrency: 2, until: () => loading, pauseMs: 20, timeoutMs: 15_000, maxRequests: 100_000 });
    // Jobs that ended each way, with meta, and one still running.
    const settled = await Promise.allSettled([
      ...[0, 1, 2, 3, 4].map((i) => a.execute('echo', 'sleep', { ms: 50 }, { meta: { trace: `ok-${i}` } })),
      ...[0, 1, 2].map((i) => a.execute('echo', 'fail', { message: `boom ${i}` }, { meta: { trace: `bad-${i}` } })),
    ]);
    assert.equal(settled.map((s) => s.status), ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'rejected', 'rejected']);
    const running = a.execute('echo', 'sleep', { ms: 120_000 }, { signal: held.signal, meta: { trace: 'long' } }).catch(() => 'cancelled');

    const opened = await openPage(`http://127.0.0.1:${port}/`);
    page = opened.page;
    const p = page;
    const socketPids = () => a.status().workers.filter((w) => w.kind === 'socket').map((w) => w.pid).sort();

    // The real pids, as the arbiter knows them.
    await eventually('the table shows the socket workers\' pids', async () => {
      const on = (await rows(p)).filter((r) => r.kind === 'socket').map((r) => r.pid).sort();
      return on.length === 2 && JSON.stringify(on) === JSON.stringify(socketPids()) ? on : undefined;
    });
    const taskRow = await eventually('a task worker row', async () => (await rows(p)).find((r) => r.kind === 'task'));
    assert.is(taskRow.pid, a.status().workers.find((w) => w.kind === 'task')!.pid);
    assert.is(await p.textContent('[data-testid=pid]'), String(process.pid));
    assert.is(await p.textContent('[data-testid=strategy]'), 'arbiter');
    assert.is(await p.textContent('[data-testid=state]'), 'running');
    // The event stream brings numbers: accepts/s under load.
    await eventually('accepts/s above 0 on the card', async () => {
      const text = (await p.textContent('[data-testid=card-accepts]')) ?? '';
      return Number(text.replace(/[^\d.]/g, '')) > 0 ? text : undefined;
    });
    assert.is(await p.getAttribute('[data-testid=live]', 'class'), 'live on');

    // SIGKILL one socket worker: its row goes, a replacement's comes.
    const before = await rows(p);
    const victim = before.find((r) => r.kind === 'socket')!;
    const t0 = Date.now();
    process.kill(victim.pid, 'SIGKILL');
    await eventually(`worker ${victim.id} (pid ${victim.pid}) leaves the table`, async () => ((await rows(p)).some((r) => r.pid === victim.pid) ? undefined : true), VISIBLE_MS);
    const gone = Date.now() - t0;
    const fresh = await eventually('a replacement row with a new id and pid', async () => {
      const now = (await rows(p)).filter((r) => r.kind === 'socket');
      const n = now.find((r) => !before.some((b) => b.id === r.id || b.pid === r.pid));
      return now.length === 2 && n ? n : undefined;
    }, VISIBLE_MS);
    const replaced = Date.now() - t0;
    assert.ok(fresh.id > Math.max(...before.map((r) => r.id)), 'the replacement has a new id');
    assert.ok(a.status().workers.some((w) => w.pid === fresh.pid), 'the replacement\'s pid is a worker of the arbiter');
    // Counted, whatever the reason the arbiter gave it (a kill that resets the control channel is
    // classified by src/arbiter/monitor.ts, not here).
    await eventually('the restarts panel counts the exit', async () => ((await p.textContent('[data-testid=restarts-total]')) === '1' && (await p.locator('[data-testid=restarts] li').count()) === 1 ? true : undefined));
    console.log(`  dashboard: killed pid ${victim.pid}; its row left after ${gone} ms, the replacement (worker ${fresh.id}, pid ${fresh.pid}) appeared after ${replaced} ms`);

    // + : from 2 to 3 socket workers.
    assert.is(a.status().targetWorkers, 2);
    await eventually('the input shows the target, 2', async () => ((await p.inputValue('[data-testid=scale-socket-input]')) === '2' ? true : undefined));
    await p.click('[data-testid=scale-socket-plus]');
    await eventually('the arbiter\'s target is 3', () => (a.status().targetWorkers === 3 ? true : undefined), 10_000);
    await eventually('three socket worker rows', async () => ((await rows(p)).filter((r) => r.kind === 'socket').length === 3 ? true : undefined), 15_000);
    assert.match((await p.textContent('[data-testid=toast]')) ?? '', /workers: 2 -> 3/);
    await eventually('the third worker becomes ready on screen', async () => {
      const socket = (await rows(p)).filter((r) => r.kind === 'socket');
      return socket.length === 3 && socket.every((r) => r.state === 'ready') ? true : undefined;
    }, 90_000);
    assert.equal((await rows(p)).filter((r) => r.kind === 'socket').map((r) => r.pid).sort(), socketPids());

    // Jobs: the tabs count them; the failed ones; a job's details.
    await p.locator('[data-testid=jobs-table]').scrollIntoViewIfNeeded();
    await eventually('the tabs count the jobs', async () => ((await p.textContent('[data-testid=job-tab-failed] .n')) === '3' && (await p.textContent('[data-testid=job-tab-succeeded] .n')) === '5' ? true : undefined), 10_000);
    await p.click('[data-testid=job-tab-failed]');
    await eventually('only failed jobs listed', async () => {
      const states = await p.$$eval('[data-testid=job-row]', (trs) => trs.map((tr) => (tr as unknown as Tagged).dataset.state));
      return states.length === 3 && states.every((s) => s === 'failed') ? true : undefined;
    }, 10_000);
    const first = p.locator('[data-testid=job-row]').first();
    const id = await first.getAttribute('data-id');
    await first.click();
    const detail = p.locator('[data-testid=job-detail]');
    await detail.waitFor({ state: 'visible', timeout: 10_000 });
    await eventually('the detail is of the job clicked', async () => ((await detail.getAttribute('data-id')) === id ? true : undefined), 10_000);
    assert.is(await detail.locator('[data-field=state]').textContent(), 'failed');
    assert.is(await detail.locator('[data-field=app]').textContent(), 'echo');
    assert.is(await detail.locator('[data-field=action]').textContent(), 'fail');
    assert.is(await detail.locator('[data-field="error code"]').textContent(), 'CORRAL_ERR_TASK_FAILED');
    assert.match((await detail.locator('[data-field=error]').textContent()) ?? '', /boom 2/);
    assert.match((await detail.locator('[data-testid=job-detail-meta]').textContent()) ?? '', /trace\s*bad-2/);
    // The one still running.
    await p.click('[data-testid=job-tab-running]');
    const runningRow = p.locator('[data-testid=job-row][data-state=running]');
    await runningRow.first().waitFor({ timeout: 10_000 });
    await runningRow.first().click();
    await eventually('the running job\'s detail', async () => ((await detail.locator('[data-field=state]').textContent()) === 'running' ? true : undefined), 10_000);
    assert.match((await detail.locator('[data-testid=job-detail-meta]').textContent()) ?? '', /trace\s*long/);
    await p.click('[data-testid=job-detail-close]');
    assert.ok(await detail.isHidden());
    // The apps table.
    assert.match((await p.textContent('[data-testid=app-row][data-app=echo]')) ?? '', /echo/);

    assert.equal(opened.errors, [], 'no script errors on the page');
    held.abort();
    assert.is(await running, 'cancelled');
  } finally {
    loading = false;
    held.abort();
    await page?.close();
    await loadDone;
    await a.stop();
  }
});

t('corral run --dashboard with the token in $CORRAL_DASHBOARD_TOKEN: an action asks for the token, a wrong one is refused, the right one scales', async () => {
  const port = await freePort();
  const pool = await startPool(['--workers', '1', '--bind', '127.0.0.1:0', '--handshake-timeout', '60', '--no-control-socket', '--dashboard', String(port), helloApp], { env: { CORRAL_DASHBOARD_TOKEN: TOKEN }, readyWorkers: 1, timeoutMs: 90_000 });
  let page: Page | undefined;
  try {
    assert.match(pool.log(), new RegExp(`dashboard at http://127\\.0\\.0\\.1:${port}/`));
    // Not on the command line, where ps would show it.
    assert.not.ok(readFileSync(`/proc/${pool.proc.pid}/cmdline`, 'utf8').includes(TOKEN));
    const status = async () => (await (await fetch(`http://127.0.0.1:${port}/api/status`)).json()) as { targetWorkers: number; workers: unknown[] };
    assert.is((await status()).targetWorkers, 1);

    const opened = await openPage(`http://127.0.0.1:${port}/`);
    page = opened.page;
    const p = page;
    await eventually('one worker row', async () => ((await rows(p)).length === 1 ? true : undefined));
    await eventually('the input shows 1', async () => ((await p.inputValue('[data-testid=scale-socket-input]')) === '1' ? true : undefined));
    await p.click('[data-testid=scale-socket-plus]');
    const form = p.locator('[data-testid=token-form]');
    await form.waitFor({ state: 'visible', timeout: 10_000 });
    await p.fill('[data-testid=token-input]', 'not-the-token-at-all-000');
    await p.press('[data-testid=token-input]', 'Enter');
    await form.waitFor({ state: 'visible', timeout: 10_000 });
    assert.is((await status()).targetWorkers, 1, 'a wrong token does nothing');
    await p.fill('[data-testid=token-input]', TOKEN);
    await p.press('[data-testid=token-input]', 'Enter');
    await eventually('the target is 2', async () => ((await status()).targetWorkers === 2 ? true : undefined), 10_000);
    await eventually('two worker rows', async () => ((await rows(p)).length === 2 ? true : undefined), 15_000);
    assert.ok(await form.isHidden());

    // #token=… in a new tab's address: kept for the session, gone from the address bar.
    const second = await browser!.newPage();
    await second.goto(`http://127.0.0.1:${port}/#token=${TOKEN}`);
    await eventually('the fragment is gone', () => (second.url().includes('#') ? undefined : true), 10_000);
    await eventually('the input shows 2', async () => ((await second.inputValue('[data-testid=scale-socket-input]')) === '2' ? true : undefined));
    await second.click('[data-testid=scale-socket-minus]');
    await eventually('the target is 1 again', async () => ((await status()).targetWorkers === 1 ? true : undefined), 10_000);
    assert.ok(await second.locator('[data-testid=token-form]').isHidden(), 'no token asked for');
    await second.close();
    assert.equal(opened.errors.filter((e) => !/status of 401/.test(e)), [], 'no script errors on the page (the browser logs each refused action, 401)');
    assert.match(pool.log(), /dashboard: scale from 127\.0\.0\.1: workers: 1 -> 2/);
    assert.match(pool.log(), /refused \(401 CORRAL_ERR_UNAUTHORIZED\)/);
  } finally {
    await page?.close();
    assert.is(await pool.stop(), 0);
  }
});

test.after(async () => {
  await browser?.close();
});

test.run();
