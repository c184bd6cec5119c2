// The dashboard's HTTP server against a fake PoolView: routes, JSON, the
// event stream's framing and bounds, and the rules for actions (own origin,
// JSON, the token, bounded bodies). The page itself is tested in a real
// browser (native-tests/dashboard).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import http from 'node:http';
import net from 'node:net';
import vm from 'node:vm';
import type { ControlAction, ControlResult, JobInfo, PoolStatus, TasksStatus, WorkerStatus } from '../protocol/control.js';
import type { HistoryPoint } from '../arbiter/monitor.js';
import type { PoolView, Service } from '../arbiter/services.js';
import { Logger } from '../arbiter/log.js';
import { resolveOptions } from '../arbiter/options.js';
import { DashboardServer, bearerMatches, event, openDashboard, splitAddress, type DashboardLimits } from './server.js';
import { DASHBOARD_SCRIPT } from './page/script.js';
import { DASHBOARD_STYLE } from './page/style.js';
import { DASHBOARD_HTML } from './page/html.js';

const log = new Logger({ level: 'critical', format: 'text' });
const TOKEN = 'a-token-of-some-length-0123456789';

function worker(id: number, extra: Partial<WorkerStatus> = {}): WorkerStatus {
  return {
    id, kind: 'socket', pid: 1000 + id, generation: 1, state: 'ready', inFlight: 1, capacity: 100, acceptedTotal: 10, requestsTotal: 10, rssBytes: 50e6, cpuUs: 1e6,
    heartbeatAgeMs: 200, ageMs: 60_000, wakeupsTotal: 10, latencyCounts: [], jobsCompleted: 0, cpuPermille: 120, acceptsPerSecond: 42.5, p99Us: 2000, ...extra,
  };
}

const job = (id: number, state: JobInfo['state']): JobInfo => ({
  id, app: 'echo', action: 'sleep', state, worker: 3, caller: 'arbiter', submittedAtMs: 1, startedAtMs: 2, endedAtMs: 3, payloadBytes: 5, errorCode: '', errorMessage: '', meta: { trace: 't' + id }, chunks: 0,
});

class FakeView implements PoolView {
  readonly options = resolveOptions({ command: ['node', 'app.mjs'], workers: 2 });
  readonly actions: ControlAction[] = [];
  workers: WorkerStatus[] = [worker(1), worker(2)];
  tasks: TasksStatus = { apps: [] };
  points: HistoryPoint[] = [];
  jobList: JobInfo[] = [job(1, 'succeeded'), job(2, 'failed'), job(3, 'running')];
  /** What control() answers to a scale or reload. */
  answer: ControlResult = { done: 'workers: 2 -> 3' };
  #n = 0;

  status(): PoolStatus {
    this.#n++;
    return {
      controlVersion: 1, pid: 4242, implementation: 'corral-node/test', strategy: 'arbiter', generation: 1, targetWorkers: this.workers.length, targetTaskWorkers: 0,
      listeners: ['127.0.0.1:8000'], startedAtMs: 1, uptimeMs: this.#n, bootFailures: 0, state: 'running', workers: this.workers, restarts: [{ reason: 'crash', count: 1 }],
      interval: { durationMs: 1000, accepted: 5, requests: 5, p50Us: 100, p99Us: 1000, jobs: 0 }, acceptedTotal: 99, latencyBoundsUs: [],
    };
  }
  tasksStatus(): TasksStatus { return this.tasks; }
  jobs(): never { throw new Error('the dashboard reads jobs through control()'); }
  history(): HistoryPoint[] { return this.points; }
  control(a: ControlAction): ControlResult {
    this.actions.push(a);
    if (a.action === 'jobs') {
      if (a.state === 'bogus') return { error: { code: 'CORRAL_ERR_INVALID_OPTION', message: 'bad state' } };
      const m = this.jobList.filter((j) => (!a.state || j.state === a.state) && (!a.app || j.app === a.app) && (!a.id || j.id === a.id));
      return { jobs: { jobs: m.slice(0, a.limit || 100), matched: m.length } };
    }
    return this.answer;
  }
}

function point(t: number): HistoryPoint {
  return { t, acceptsPerSecond: 10, requestsPerSecond: 10, p50Us: 100, p99Us: 900, jobsPerSecond: 0, inFlight: 1, ready: 2, workers: 2, cpuPermille: 50, rssBytes: 1e8, restarts: 1, queued: 0, perWorker: { 1: { a: 5, p99: 900, cpu: 20 } } };
}

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: string; json: any }

function request(s: Service, path: string, o: { method?: string; headers?: Record<string, string | number>; body?: string | Buffer; chunks?: Buffer[] } = {}): Promise<Reply> {
  const u = new URL(s.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path, method: o.method ?? 'GET', headers: o.headers ?? {}, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        let json: unknown;
        try { json = JSON.parse(body); } catch { json = undefined; }
        resolve({ status: res.statusCode!, headers: res.headers, body, json });
      });
    });
    req.on('error', reject);
    if (o.chunks) {
      for (const c of o.chunks) req.write(c);
      req.end();
    } else req.end(o.body);
  });
}

/** A POST as the dashboard's own page sends it. */
function act(s: Service, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const u = new URL(s.url);
  return request(s, path, { method: 'POST', headers: { 'content-type': 'application/json', origin: `http://${u.host}`, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

async function withServer(fn: (s: Service, view: FakeView) => Promise<void>, o: { token?: string; limits?: Partial<DashboardLimits>; view?: FakeView } = {}): Promise<void> {
  const view = o.view ?? new FakeView();
  const s = await openDashboard(view, '127.0.0.1:0', { token: o.token, log, limits: o.limits });
  try {
    await fn(s, view);
  } finally {
    await s.close();
  }
}

const scaleCalls = (v: FakeView) => v.actions.filter((a) => a.action === 'scale' || a.action === 'reload');

test('binds a free port when asked for port 0, and says where', async () => {
  await withServer(async (s) => {
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.is.not(new URL(s.url).port, '0');
    assert.is(s.name, 'dashboard');
  });
});

test('GET / is the page, with its script and style, under a strict Content-Security-Policy', async () => {
  await withServer(async (s) => {
    const page = await request(s, '/');
    assert.is(page.status, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(String(page.headers['content-security-policy']), /default-src 'none'; script-src 'self'/);
    assert.is(page.headers['x-frame-options'], 'DENY');
    assert.match(page.body, /<script src="\/dashboard\.js" defer><\/script>/);
    assert.match(page.body, /"tokenRequired":false/);
    assert.not.match(page.body, /\{\{CONFIG\}\}/);
    const js = await request(s, '/dashboard.js');
    assert.is(js.status, 200);
    assert.match(String(js.headers['content-type']), /^text\/javascript/);
    assert.is(js.body, DASHBOARD_SCRIPT);
    const css = await request(s, '/dashboard.css');
    assert.match(String(css.headers['content-type']), /^text\/css/);
    assert.is(css.body, DASHBOARD_STYLE);
    const head = await request(s, '/', { method: 'HEAD' });
    assert.is(head.status, 200);
    assert.is(head.body, '');
  });
});

test('the embedded script compiles, and the page has the stable ids the browser test and the docs rely on', () => {
  assert.not.throws(() => new vm.Script(DASHBOARD_SCRIPT, { filename: 'dashboard.js' }));
  assert.not.match(DASHBOARD_SCRIPT, /\$\{/);
  for (const id of ['workers-body', 'scale-socket-plus', 'scale-socket-minus', 'scale-socket-input', 'reload', 'restarts', 'job-tabs', 'jobs-body', 'job-detail', 'chart-throughput', 'chart-latency', 'chart-load', 'chart-cpu']) {
    assert.ok(DASHBOARD_HTML.includes(`id="${id}"`), id);
  }
  // Every id the script looks up exists in the page.
  for (const m of DASHBOARD_SCRIPT.matchAll(/\$\('([a-z0-9-]+)'\)/g)) assert.ok(DASHBOARD_HTML.includes(`id="${m[1]}"`), `#${m[1]} is in the page`);
});

test('GET /api/status, /api/tasks and /api/history answer JSON from the view, never cached', async () => {
  const view = new FakeView();
  view.points = [point(1000), point(2000)];
  view.tasks = { apps: [{ name: 'echo', workers: 1, queued: 0, inFlight: 0, submitted: 3, completed: 2, failed: 1, rejected: 0, lost: 0, abandoned: 0, waitMs: { p50: 1, p90: 1, p99: 2, n: 3 }, runMs: { p50: 5, p90: 6, p99: 7, n: 3 } }] };
  await withServer(async (s) => {
    const st = await request(s, '/api/status');
    assert.is(st.status, 200);
    assert.match(String(st.headers['content-type']), /^application\/json/);
    assert.is(st.headers['cache-control'], 'no-store');
    assert.is(st.json.pid, 4242);
    assert.equal(st.json.workers.map((w: WorkerStatus) => w.pid), [1001, 1002]);
    assert.equal((await request(s, '/api/tasks')).json, view.tasks);
    assert.equal((await request(s, '/api/history')).json, view.points);
  }, { view });
});

test('GET /api/jobs passes state, app, limit and id to control(); counts=1 adds the count per state', async () => {
  await withServer(async (s, view) => {
    const all = await request(s, '/api/jobs');
    assert.is(all.status, 200);
    assert.is(all.json.matched, 3);
    assert.equal(view.actions[0], { action: 'jobs', state: '', app: '', limit: 0, id: 0 });
    const failed = await request(s, '/api/jobs?state=failed&app=echo&limit=5');
    assert.equal(failed.json.jobs.map((j: JobInfo) => j.id), [2]);
    assert.equal(view.actions[1], { action: 'jobs', state: 'failed', app: 'echo', limit: 5, id: 0 });
    const one = await request(s, '/api/jobs?id=3');
    assert.equal(one.json.jobs[0].meta, { trace: 't3' });
    const counts = await request(s, '/api/jobs?counts=1&limit=1');
    assert.equal(counts.json.counts, { queued: 0, running: 1, succeeded: 1, failed: 1, cancelled: 0, timeout: 0, lost: 0 });
    assert.is(counts.json.jobs.length, 1);
    assert.is(counts.json.matched, 3);
  });
});

test('GET /api/jobs refuses a bad query with 400 and a code, before asking the view', async () => {
  await withServer(async (s, view) => {
    for (const q of ['state=bogus', 'limit=0', 'limit=5000', 'limit=-1', 'limit=1.5', 'id=abc', 'id=0']) {
      const r = await request(s, `/api/jobs?${q}`);
      assert.is(r.status, 400, q);
      assert.is(r.json.error.code, 'CORRAL_ERR_INVALID_OPTION', q);
    }
    assert.is(view.actions.length, 0);
  });
});

test('unknown pages are 404, wrong methods 405 with Allow; a GET never acts', async () => {
  await withServer(async (s, view) => {
    const r = await request(s, '/nope');
    assert.is(r.status, 404);
    assert.is(r.json.error.code, 'CORRAL_ERR_NOT_FOUND');
    const post = await act(s, '/api/status', {});
    assert.is(post.status, 405);
    assert.is(post.headers.allow, 'GET, HEAD');
    const get = await request(s, '/api/scale?kind=socket&workers=9');
    assert.is(get.status, 405);
    assert.is(get.headers.allow, 'POST');
    assert.is((await request(s, '/api/reload')).status, 405);
    assert.equal(scaleCalls(view), []);
  });
});

test('on a loopback bind the Host must be a loopback name (a rebound DNS name reads nothing)', async () => {
  await withServer(async (s) => {
    const port = new URL(s.url).port;
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, `localhost.evil.example:${port}`]) {
      const r = await request(s, '/api/status', { headers: { host } });
      assert.is(r.status, 403, host);
      assert.is(r.json.error.code, 'CORRAL_ERR_FORBIDDEN_HOST');
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `127.1.2.3:${port}`, `[::1]:${port}`]) {
      assert.is((await request(s, '/api/status', { headers: { host } })).status, 200, host);
    }
    // HTTP/1.0 may leave the Host out: refused too.
    const raw = await new Promise<string>((resolve) => {
      let text = '';
      const c = net.connect(Number(port), '127.0.0.1', () => c.write('GET /api/status HTTP/1.0\r\n\r\n'));
      c.setEncoding('utf8');
      c.on('data', (d) => (text += d));
      c.on('close', () => resolve(text));
    });
    assert.match(raw, /^HTTP\/1\.1 403 /);
  });
});

test('POST /api/scale and /api/reload from the page act through control()', async () => {
  await withServer(async (s, view) => {
    const r = await act(s, '/api/scale', { kind: 'socket', workers: 3 });
    assert.is(r.status, 200);
    assert.equal(r.json, { done: 'workers: 2 -> 3' });
    const t = await act(s, '/api/scale', { kind: 'task', workers: 2, app: 'echo' }, { 'content-type': 'application/json; charset=utf-8' });
    assert.is(t.status, 200);
    const rl = await act(s, '/api/reload', '');
    assert.is(rl.status, 200);
    assert.equal(scaleCalls(view), [{ action: 'scale', kind: 'socket', workers: 3 }, { action: 'scale', kind: 'task', workers: 2, app: 'echo' }, { action: 'reload' }]);
  });
});

test('a cross-origin or origin-less POST is refused with 403; so is one that is not JSON (415); nothing is done', async () => {
  await withServer(async (s, view) => {
    const u = new URL(s.url);
    const body = JSON.stringify({ kind: 'socket', workers: 5 });
    const cases: [Record<string, string>, number, string][] = [
      [{ 'content-type': 'application/json' }, 403, 'CORRAL_ERR_FORBIDDEN_ORIGIN'],
      [{ 'content-type': 'application/json', origin: 'http://evil.example' }, 403, 'CORRAL_ERR_FORBIDDEN_ORIGIN'],
      [{ 'content-type': 'application/json', origin: 'null' }, 403, 'CORRAL_ERR_FORBIDDEN_ORIGIN'],
      [{ 'content-type': 'application/json', origin: `https://${u.host}` }, 403, 'CORRAL_ERR_FORBIDDEN_ORIGIN'],
      [{ 'content-type': 'application/json', origin: `http://${u.host}`, 'sec-fetch-site': 'cross-site' }, 403, 'CORRAL_ERR_FORBIDDEN_ORIGIN'],
      [{ 'content-type': 'text/plain', origin: `http://${u.host}` }, 415, 'CORRAL_ERR_UNSUPPORTED_MEDIA_TYPE'],
      [{ 'content-type': 'application/x-www-form-urlencoded', origin: `http://${u.host}` }, 415, 'CORRAL_ERR_UNSUPPORTED_MEDIA_TYPE'],
      [{ origin: `http://${u.host}` }, 415, 'CORRAL_ERR_UNSUPPORTED_MEDIA_TYPE'],
    ];
    for (const [headers, status, code] of cases) {
      const r = await request(s, '/api/scale', { method: 'POST', headers, body });
      assert.is(r.status, status, JSON.stringify(headers));
      assert.is(r.json.error.code, code);
    }
    assert.equal(scaleCalls(view), []);
  });
});

test('with a token, actions need Authorization: Bearer TOKEN (401 otherwise); reads do not', async () => {
  await withServer(async (s, view) => {
    const page = await request(s, '/');
    assert.match(page.body, /"tokenRequired":true/);
    assert.not.match(page.body, new RegExp(TOKEN));
    assert.is((await request(s, '/api/status')).status, 200);
    for (const auth of [undefined, 'Bearer wrong-token-0123456789abcdef', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, 'Bearer ']) {
      const r = await act(s, '/api/scale', { kind: 'socket', workers: 3 }, auth === undefined ? {} : { authorization: auth });
      assert.is(r.status, 401, String(auth));
      assert.is(r.json.error.code, 'CORRAL_ERR_UNAUTHORIZED');
      assert.match(String(r.headers['www-authenticate']), /^Bearer/);
    }
    assert.equal(scaleCalls(view), []);
    const ok = await act(s, '/api/scale', { kind: 'socket', workers: 3 }, { authorization: `Bearer ${TOKEN}` });
    assert.is(ok.status, 200);
    assert.is((await act(s, '/api/reload', {}, { authorization: `bearer  ${TOKEN}` })).status, 200);
    assert.is(scaleCalls(view).length, 2);
  }, { token: TOKEN });
});

test('bad bodies are 400 with a code; control() errors keep their code, as 409 (state) or 400', async () => {
  await withServer(async (s, view) => {
    const bad: [string, string][] = [
      ['{"kind":', 'CORRAL_ERR_BAD_REQUEST'],
      ['[1,2]', 'CORRAL_ERR_BAD_REQUEST'],
      ['"socket"', 'CORRAL_ERR_BAD_REQUEST'],
      ['{"kind":"both","workers":2}', 'CORRAL_ERR_BAD_REQUEST'],
      ['{"kind":"socket","workers":"3"}', 'CORRAL_ERR_BAD_REQUEST'],
      ['{"kind":"socket","workers":2.5}', 'CORRAL_ERR_BAD_REQUEST'],
      ['{"kind":"socket"}', 'CORRAL_ERR_BAD_REQUEST'],
      ['{"kind":"task","workers":2,"app":7}', 'CORRAL_ERR_BAD_REQUEST'],
    ];
    for (const [body, code] of bad) {
      const r = await act(s, '/api/scale', body);
      assert.is(r.status, 400, body);
      assert.is(r.json.error.code, code, body);
    }
    assert.equal(scaleCalls(view), []);
    view.answer = { error: { code: 'CORRAL_ERR_INVALID_OPTION', message: 'ScaleRequest.workers must be 1 to 1024, got 0' } };
    const range = await act(s, '/api/scale', { kind: 'socket', workers: 0 });
    assert.is(range.status, 400);
    assert.equal(range.json, { error: view.answer.error });
    view.answer = { error: { code: 'CORRAL_ERR_STATE', message: 'the pool is stopping' } };
    const state = await act(s, '/api/reload', {});
    assert.is(state.status, 409);
    assert.is(state.json.error.code, 'CORRAL_ERR_STATE');
  });
});

test('a body over 4 KiB is refused with 413, whether announced or streamed', async () => {
  await withServer(async (s, view) => {
    const u = new URL(s.url);
    const headers = { 'content-type': 'application/json', origin: `http://${u.host}` };
    const big = JSON.stringify({ kind: 'socket', workers: 3, pad: 'x'.repeat(5000) });
    const announced = await request(s, '/api/scale', { method: 'POST', headers, body: big });
    assert.is(announced.status, 413);
    assert.is(announced.json.error.code, 'CORRAL_ERR_BODY_TOO_LARGE');
    const streamed = await request(s, '/api/scale', { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' }, chunks: [Buffer.from(big.slice(0, 3000)), Buffer.from(big.slice(3000))] });
    assert.is(streamed.status, 413);
    const fits = await act(s, '/api/scale', JSON.stringify({ kind: 'socket', workers: 3, pad: 'x'.repeat(4000) }));
    assert.is(fits.status, 200);
    assert.is(scaleCalls(view).length, 1);
  });
});

/** Reads an event stream until `done(text)`; resolves with the text. */
function stream(s: Service, done: (text: string) => boolean, path = '/api/events'): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  const u = new URL(s.url);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: u.hostname, port: u.port, path, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      const finish = () => { req.destroy(); resolve({ status: res.statusCode!, headers: res.headers, text }); };
      res.on('data', (d) => { text += d; if (done(text)) finish(); });
      res.on('end', finish);
      res.on('error', finish);
      res.on('close', finish);
    });
    req.on('error', reject);
  });
}

test('GET /api/events: status at once, then status and the newest history point every tick, tasks for a task pool; comment heartbeats', async () => {
  const view = new FakeView();
  view.points = [point(1000)];
  view.tasks = { apps: [{ name: 'echo', workers: 1, queued: 2, inFlight: 0, submitted: 0, completed: 0, failed: 0, rejected: 0, lost: 0, abandoned: 0, waitMs: { p50: 0, p90: 0, p99: 0, n: 0 }, runMs: { p50: 0, p90: 0, p99: 0, n: 0 } }] };
  await withServer(async (s) => {
    setTimeout(() => view.points.push(point(2000)), 120);
    const r = await stream(s, (t) => (t.match(/^event: status$/gm) ?? []).length >= 4 && /^: heartbeat/m.test(t));
    assert.is(r.status, 200);
    assert.match(String(r.headers['content-type']), /^text\/event-stream/);
    assert.is(r.headers['cache-control'], 'no-store');
    assert.ok(r.text.startsWith('retry: 2000\n\nevent: status\ndata: {'), r.text.slice(0, 80));
    // Every event is `event: NAME`, one `data: JSON` line, a blank line; comments start with a colon.
    const blocks = r.text.split('\n\n').filter((b) => b !== '');
    for (const b of blocks) {
      if (b.startsWith('retry:') || b.startsWith(':')) continue;
      const m = /^event: (status|point|tasks)\ndata: (.*)$/.exec(b);
      assert.ok(m, `a well-formed event: ${b.slice(0, 60)}`);
      JSON.parse(m![2]!);
    }
    const points = blocks.filter((b) => b.startsWith('event: point')).map((b) => JSON.parse(b.slice(b.indexOf('data: ') + 6)).t);
    assert.equal(points, [1000, 2000], 'each point once (the first with the opening status), then only new ones');
    assert.ok(blocks.some((b) => b.startsWith('event: tasks')));
    const statuses = blocks.filter((b) => b.startsWith('event: status')).map((b) => JSON.parse(b.slice(b.indexOf('data: ') + 6)).uptimeMs);
    assert.ok(statuses.every((u, i) => i === 0 || u > statuses[i - 1]!), 'a fresh status every tick');
  }, { view, limits: { tickMs: 40, heartbeatMs: 100 } });
});

test('event clients are bounded (503 past the limit), and one that leaves is forgotten', async () => {
  await withServer(async (s) => {
    const server = s as DashboardServer;
    const u = new URL(s.url);
    const open: http.ClientRequest[] = [];
    const connect = () => new Promise<number>((resolve) => {
      const req = http.get({ host: u.hostname, port: u.port, path: '/api/events', agent: false }, (res) => { resolve(res.statusCode!); res.resume(); res.on('error', () => {}); });
      req.on('error', () => {});
      open.push(req);
    });
    assert.is(await connect(), 200);
    assert.is(await connect(), 200);
    assert.is(await connect(), 503);
    assert.is(server.eventClients, 2);
    open[0]!.destroy();
    const end = Date.now() + 3000;
    while (server.eventClients !== 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    assert.is(server.eventClients, 1);
    assert.is(await connect(), 200);
    for (const r of open) r.destroy();
  }, { limits: { maxEventClients: 2, tickMs: 50 } });
});

test('an event client that does not read is dropped once too much is queued for it', async () => {
  const view = new FakeView();
  // ~150 KB of status per tick.
  view.workers = Array.from({ length: 400 }, (_, i) => worker(i + 1, { state: 'ready'.padEnd(200, ' ') }));
  await withServer(async (s) => {
    const server = s as DashboardServer;
    const u = new URL(s.url);
    const sock = net.connect(Number(u.port), u.hostname);
    await new Promise((r) => sock.once('connect', r));
    sock.write(`GET /api/events HTTP/1.1\r\nHost: ${u.host}\r\n\r\n`);
    sock.pause(); // never reads
    const end = Date.now() + 2000;
    while (server.eventClients === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
    assert.is(server.eventClients, 1);
    const deadline = Date.now() + 20_000;
    while (server.eventClients > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.is(server.eventClients, 0, 'the client was dropped');
    sock.destroy();
  }, { view, limits: { tickMs: 10, maxQueuedBytes: 256 * 1024 } });
});

test('connections are bounded, and close() ends the event streams and every connection', async () => {
  const s = await openDashboard(new FakeView(), '127.0.0.1:0', { log, limits: { maxConnections: 2, tickMs: 50 } });
  const u = new URL(s.url);
  const socks = await Promise.all([0, 1, 2].map(() => new Promise<net.Socket>((resolve) => {
    const c = net.connect(Number(u.port), u.hostname, () => resolve(c));
    c.on('error', () => {});
  })));
  const closed = await Promise.all(socks.map((c) => new Promise<boolean>((resolve) => {
    c.once('close', () => resolve(true));
    setTimeout(() => resolve(false), 300);
  })));
  assert.equal(closed.filter(Boolean).length, 1, 'the third connection was closed at once');
  for (const c of socks) c.destroy();
  await new Promise((r) => setTimeout(r, 50));
  const events = stream(s, () => false);
  await new Promise((r) => setTimeout(r, 100));
  await s.close();
  const r = await events;
  assert.match(r.text, /event: status/);
});

test('bearerMatches, splitAddress, event()', () => {
  assert.ok(bearerMatches(`Bearer ${TOKEN}`, TOKEN));
  assert.ok(bearerMatches(`bearer\t${TOKEN}`, TOKEN));
  assert.not.ok(bearerMatches(undefined, TOKEN));
  assert.not.ok(bearerMatches('Bearer', TOKEN));
  assert.not.ok(bearerMatches(`Bearer ${TOKEN} extra`, TOKEN));
  assert.not.ok(bearerMatches(TOKEN, TOKEN));
  assert.equal(splitAddress('127.0.0.1:9000'), { host: '127.0.0.1', port: 9000 });
  assert.equal(splitAddress('[::1]:0'), { host: '::1', port: 0 });
  assert.equal(splitAddress('localhost:80'), { host: 'localhost', port: 80 });
  assert.throws(() => splitAddress('nowhere'), /HOST:PORT/);
  assert.is(event('status', { a: 'x\ny' }), 'event: status\ndata: {"a":"x\\ny"}\n\n');
});

test('a port in use is an error from openDashboard', async () => {
  const s = await openDashboard(new FakeView(), '127.0.0.1:0', { log });
  try {
    let code = '';
    await openDashboard(new FakeView(), `127.0.0.1:${new URL(s.url).port}`, { log }).catch((e: NodeJS.ErrnoException) => (code = e.code ?? ''));
    assert.is(code, 'EADDRINUSE');
  } finally {
    await s.close();
  }
});

test.run();
