// The metrics endpoint against a fake PoolView with known numbers: what a
// scrape says (values, types, histograms), when the view is read, and how the
// HTTP server behaves (paths, methods, bounds, close, a port in use).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { openMetrics, metricsRegistry, METRICS_LIMITS } from './metrics.js';
import { Logger } from './log.js';
import { resolveOptions, type ArbiterOptions } from './options.js';
import type { PoolView, Service } from './services.js';
import type { AppStatus, PoolStatus, TasksStatus, WorkerStatus } from '../protocol/control.js';
import { LATENCY_BOUNDS_US } from '../protocol/limits.js';
import { JOB_RUN_BOUNDS_MS } from './task-pool.js';

const log = new Logger({ level: 'critical', format: 'text' });

function worker(over: Partial<WorkerStatus>): WorkerStatus {
  return {
    id: 1, kind: 'socket', pid: 100, generation: 0, state: 'ready', inFlight: 0, capacity: 0, acceptedTotal: 0, requestsTotal: 0, rssBytes: 0, cpuUs: 0,
    heartbeatAgeMs: 0, ageMs: 0, wakeupsTotal: 0, latencyCounts: [], jobsCompleted: 0, cpuPermille: 0, acceptsPerSecond: 0, p99Us: 0, ...over,
  };
}

function app(over: Partial<AppStatus>): AppStatus {
  const p = { p50: 0, p90: 0, p99: 0, n: 0 };
  return { name: 'a', workers: 0, queued: 0, inFlight: 0, submitted: 0, completed: 0, failed: 0, rejected: 0, lost: 0, abandoned: 0, waitMs: p, runMs: p, ...over };
}

/** 17 request-duration counts: 3 at or under 100 µs, 2 in (1 ms, 2.5 ms], 1 past 10 s. */
const LATENCY = (() => {
  const c = new Array<number>(LATENCY_BOUNDS_US.length + 1).fill(0);
  c[0] = 3;
  c[LATENCY_BOUNDS_US.indexOf(2500)] = 2;
  c[LATENCY_BOUNDS_US.length] = 1;
  return c;
})();

/** Job run counts: 4 at or under 1 ms, 1 in (250 ms, 500 ms]; 0.9 s in all. */
const RUNS = (() => {
  const c = new Array<number>(JOB_RUN_BOUNDS_MS.length + 1).fill(0);
  c[0] = 4;
  c[JOB_RUN_BOUNDS_MS.indexOf(500)] = 1;
  return c;
})();

function pool(over: Partial<PoolStatus> = {}): PoolStatus {
  return {
    controlVersion: 1, pid: 1234, implementation: 'corral-node/test', strategy: 'arbiter', generation: 2, targetWorkers: 3, targetTaskWorkers: 1,
    listeners: ['127.0.0.1:8000'], startedAtMs: 1_700_000_000_000, uptimeMs: 12_345, bootFailures: 1, state: 'running',
    workers: [
      worker({ id: 7, kind: 'socket', state: 'ready', inFlight: 2, capacity: 64, acceptedTotal: 40, requestsTotal: 38, rssBytes: 50_000_000, cpuUs: 2_500_000, heartbeatAgeMs: 250, wakeupsTotal: 11, latencyCounts: LATENCY }),
      worker({ id: 9, kind: 'socket', state: 'booting' }),
      worker({ id: 12, kind: 'task', state: 'ready', capacity: 4, inFlight: 1, rssBytes: 30_000_000, cpuUs: 1_000 }),
    ],
    restarts: [{ reason: 'killed', count: 2 }, { reason: 'reload', count: 3 }],
    interval: { durationMs: 1000, accepted: 0, requests: 0, p50Us: 0, p99Us: 0, jobs: 0 },
    acceptedTotal: 55,
    latencyBoundsUs: [...LATENCY_BOUNDS_US],
    ...over,
  };
}

function tasks(): TasksStatus {
  return {
    apps: [app({ name: 'mail', workers: 1, queued: 2, inFlight: 1, submitted: 20, completed: 12, failed: 3, rejected: 1, lost: 1, abandoned: 0, runCounts: RUNS, runSumMs: 900 })],
    queue: { state: 'connected', queues: ['mail'], held: 4, fetched: 30, succeeded: 20, failed: 2, retried: 5, dead: 1, depths: [{ queue: 'mail', waiting: 6, delayed: 2, dead: 1 }] },
  };
}

interface Fake extends PoolView {
  reads: { status: number; tasks: number; histograms: (boolean | undefined)[] };
  poolStatus: PoolStatus;
  tasks: TasksStatus;
}

function fake(o: Partial<ArbiterOptions> = { tasks: [{ name: 'mail' }] as never, queue: {} as never }): Fake {
  const options = { ...resolveOptions({ command: ['x'], workers: 1 }), ...o } as ArbiterOptions;
  const f: Fake = {
    options,
    reads: { status: 0, tasks: 0, histograms: [] },
    poolStatus: pool(),
    tasks: tasks(),
    status(opts) { f.reads.status++; f.reads.histograms.push(opts?.histograms); return f.poolStatus; },
    tasksStatus() { f.reads.tasks++; return f.tasks; },
    jobs() { throw new Error('not read'); },
    history() { throw new Error('not read'); },
    control() { throw new Error('metrics never act'); },
  };
  return f;
}

/** Samples by `name{labels}` as written (labels in the order written), and TYPE by family. */
function parse(text: string) {
  const samples = new Map<string, number>();
  const types = new Map<string, string>();
  const helps = new Set<string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const t = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (t) { types.set(t[1]!, t[2]!); continue; }
    const h = /^# HELP (\S+) /.exec(line);
    if (h) { helps.add(h[1]!); continue; }
    const at = line.lastIndexOf(' ');
    const key = line.slice(0, at);
    assert.not.ok(samples.has(key), `sample ${key} written twice`);
    samples.set(key, Number(line.slice(at + 1)));
  }
  return { samples, types, helps, get: (k: string) => samples.get(k), keys: (prefix: string) => [...samples.keys()].filter((k) => k.startsWith(prefix)) };
}

function request(url: string, o: { method?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; socket: net.Socket }>((resolve, reject) => {
    const req = http.request(url, { method: o.method ?? 'GET', headers: o.headers, agent: o.agent ?? false }, (res) => {
      let body = '';
      const socket = res.socket; // null once the response ends and an agent takes the socket back
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body, socket }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

async function serve(view: PoolView): Promise<Service & { base: string }> {
  const s = await openMetrics(view, '127.0.0.1:0', log);
  return Object.assign(s, { base: s.url.replace(/\/metrics$/, '') });
}

// ---- what a scrape says -------------------------------------------------------

test('pool families: the view\'s numbers, exactly', async () => {
  const m = parse(await metricsRegistry(fake()).metrics());
  const g = m.get;
  assert.is(g('corral_workers{kind="socket",state="ready"}'), 1);
  assert.is(g('corral_workers{kind="socket",state="booting"}'), 1);
  assert.is(g('corral_workers{kind="socket",state="draining"}'), 0);
  assert.is(g('corral_workers{kind="task",state="ready"}'), 1);
  assert.is(m.keys('corral_workers{').length, 8, 'every kind and state, zeros included');
  assert.is(g('corral_workers_target{kind="socket"}'), 3);
  assert.is(g('corral_workers_target{kind="task"}'), 1);
  assert.is(g('corral_generation'), 2);
  assert.is(g('corral_uptime_seconds'), 12.345);
  assert.is(g('corral_connections_accepted_total'), 55);
  assert.is(g('corral_restarts_total{reason="killed"}'), 2);
  assert.is(g('corral_restarts_total{reason="reload"}'), 3);
  assert.is(g('corral_restarts_total{reason="crash"}'), 0, 'every reason is written, zeros included');
  assert.is(g('corral_boot_failures_consecutive'), 1);
  for (const [name, type] of [['corral_workers', 'gauge'], ['corral_connections_accepted_total', 'counter'], ['corral_restarts_total', 'counter'], ['corral_uptime_seconds', 'gauge']]) {
    assert.is(m.types.get(name!), type, name);
    assert.ok(m.helps.has(name!), `HELP ${name}`);
  }
});

test('per worker: labelled worker and kind, values in base units', async () => {
  const m = parse(await metricsRegistry(fake()).metrics());
  const w7 = (name: string) => m.get(`${name}{worker="7",kind="socket"}`);
  assert.is(w7('corral_worker_connections_accepted_total'), 40);
  assert.is(w7('corral_worker_requests_total'), 38);
  assert.is(w7('corral_worker_wakeups_total'), 11);
  assert.is(w7('corral_worker_in_flight'), 2);
  assert.is(w7('corral_worker_capacity'), 64);
  assert.is(w7('corral_worker_heartbeat_age_seconds'), 0.25);
  assert.is(w7('corral_worker_resident_memory_bytes'), 50_000_000);
  assert.is(w7('corral_worker_cpu_seconds_total'), 2.5);
  assert.is(m.get('corral_worker_cpu_seconds_total{worker="12",kind="task"}'), 0.001);
  assert.is(m.get('corral_worker_capacity{worker="12",kind="task"}'), 4);
  assert.is(m.keys('corral_worker_requests_total{').length, 3);
  assert.is(m.types.get('corral_worker_cpu_seconds_total'), 'counter');
  assert.is(m.types.get('corral_worker_in_flight'), 'gauge');
});

test('request durations: cumulative buckets at LATENCY_BOUNDS_US in seconds, +Inf = _count, no _sum; only workers that report counts', async () => {
  const m = parse(await metricsRegistry(fake()).metrics());
  const name = 'corral_worker_request_duration_seconds';
  assert.is(m.types.get(name), 'histogram');
  const buckets = m.keys(`${name}_bucket{worker="7"`);
  assert.equal(buckets.map((k) => /le="([^"]+)"/.exec(k)![1]), [...LATENCY_BOUNDS_US.map((us) => String(us / 1e6)), '+Inf']);
  assert.is(buckets[0], `${name}_bucket{worker="7",kind="socket",le="0.0001"}`);
  const v = buckets.map((k) => m.get(k)!);
  const at = (us: number) => v[LATENCY_BOUNDS_US.indexOf(us)];
  assert.is(v[0], 3);
  assert.is(at(1000), 3);
  assert.is(at(2500), 5);
  assert.is(at(10_000_000), 5);
  assert.is(v[v.length - 1], 6);
  assert.is(m.get(`${name}_count{worker="7",kind="socket"}`), 6);
  assert.is(m.keys(`${name}_sum`).length, 0, 'no _sum: the workers report none');
  assert.is(m.keys(`${name}_bucket{worker="9"`).length, 0, 'a worker that reports no counts has no histogram');
  assert.is(m.keys(`${name}_bucket{worker="12"`).length, 0);
});

test('task apps: jobs by outcome, queued, in flight, workers, and the run-time histogram with its _sum', async () => {
  const m = parse(await metricsRegistry(fake()).metrics());
  const g = m.get;
  assert.is(g('corral_task_jobs_submitted_total{app="mail"}'), 20);
  assert.equal(['completed', 'failed', 'rejected', 'lost', 'abandoned'].map((o) => g(`corral_task_jobs_total{app="mail",outcome="${o}"}`)), [12, 3, 1, 1, 0]);
  assert.is(g('corral_task_jobs_queued{app="mail"}'), 2);
  assert.is(g('corral_task_jobs_in_flight{app="mail"}'), 1);
  assert.is(g('corral_task_workers{app="mail"}'), 1);
  const name = 'corral_task_job_run_duration_seconds';
  assert.is(m.types.get(name), 'histogram');
  const buckets = m.keys(`${name}_bucket{app="mail"`);
  assert.equal(buckets.map((k) => /le="([^"]+)"/.exec(k)![1]), [...JOB_RUN_BOUNDS_MS.map((ms) => String(ms / 1000)), '+Inf']);
  assert.is(g(`${name}_bucket{app="mail",le="0.001"}`), 4);
  assert.is(g(`${name}_bucket{app="mail",le="0.25"}`), 4);
  assert.is(g(`${name}_bucket{app="mail",le="0.5"}`), 5);
  assert.is(g(`${name}_bucket{app="mail",le="+Inf"}`), 5);
  assert.is(g(`${name}_count{app="mail"}`), 5);
  assert.is(g(`${name}_sum{app="mail"}`), 0.9);
});

test('durable queue: depth by queue and state, the consumer\'s counters, held, connected', async () => {
  const m = parse(await metricsRegistry(fake()).metrics());
  const g = m.get;
  assert.equal(['waiting', 'delayed', 'dead'].map((s) => g(`corral_queue_depth{queue="mail",state="${s}"}`)), [6, 2, 1]);
  assert.equal(['fetched', 'succeeded', 'failed', 'retried', 'dead'].map((c) => g(`corral_queue_jobs_${c}_total`)), [30, 20, 2, 5, 1]);
  assert.is(g('corral_queue_jobs_held'), 4);
  assert.is(g('corral_queue_connected'), 1);
});

test('a pool without task apps or a queue has no such families; the arbiter process\'s own metrics are there, prefixed', async () => {
  const f = fake({ tasks: [], queue: undefined });
  f.tasks = { apps: [] };
  const m = parse(await metricsRegistry(f).metrics());
  assert.is([...m.types.keys()].filter((n) => n.startsWith('corral_task_') || n.startsWith('corral_queue_')).length, 0);
  assert.is(m.types.get('corral_arbiter_process_cpu_user_seconds_total'), 'counter');
  assert.ok((m.get('corral_arbiter_process_resident_memory_bytes') ?? 0) > 0);
  assert.is(m.types.get('corral_arbiter_nodejs_eventloop_lag_seconds'), 'gauge');
  assert.is([...m.types.keys()].filter((n) => !n.startsWith('corral_')).length, 0, 'every family is corral_');
});

test('label values are escaped (an app name is the user\'s)', async () => {
  const f = fake();
  f.tasks = { apps: [app({ name: 'a"b\\c\nd', submitted: 1 })] };
  const text = await metricsRegistry(f).metrics();
  assert.ok(text.includes('corral_task_jobs_submitted_total{app="a\\"b\\\\c\\nd"} 1'), text.split('\n').filter((l) => l.includes('submitted_total{')).join('\n'));
});

test('one status and one tasks read per scrape, with histograms; none between scrapes', async () => {
  const f = fake();
  const r = metricsRegistry(f);
  assert.equal([f.reads.status, f.reads.tasks], [0, 0], 'building the registry reads nothing');
  await r.metrics();
  assert.equal([f.reads.status, f.reads.tasks], [1, 1]);
  assert.equal(f.reads.histograms, [true]);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal([f.reads.status, f.reads.tasks], [1, 1]);
  await r.metrics();
  assert.equal([f.reads.status, f.reads.tasks], [2, 2]);
});

test('an exited worker\'s series end; its replacement is a new series', async () => {
  const f = fake();
  const r = metricsRegistry(f);
  let m = parse(await r.metrics());
  assert.ok(m.get('corral_worker_requests_total{worker="7",kind="socket"}') !== undefined);
  f.poolStatus = pool({ workers: [worker({ id: 13, kind: 'socket', requestsTotal: 1, latencyCounts: LATENCY })], restarts: [{ reason: 'crash', count: 1 }] });
  m = parse(await r.metrics());
  assert.is(m.keys('corral_worker_').filter((k) => k.includes('worker="7"')).length, 0);
  assert.is(m.get('corral_worker_requests_total{worker="13",kind="socket"}'), 1);
  assert.is(m.get('corral_worker_request_duration_seconds_count{worker="13",kind="socket"}'), 6);
  assert.is(m.get('corral_workers{kind="socket",state="booting"}'), 0);
  assert.is(m.get('corral_restarts_total{reason="crash"}'), 1);
});

test('a counter never goes negative or NaN on a bad number', async () => {
  const f = fake();
  f.poolStatus = pool({ workers: [worker({ id: 1, requestsTotal: -5, wakeupsTotal: Number.NaN })] });
  const m = parse(await metricsRegistry(f).metrics());
  assert.is(m.get('corral_worker_requests_total{worker="1",kind="socket"}'), 0);
  assert.is(m.get('corral_worker_wakeups_total{worker="1",kind="socket"}'), 0);
});

// ---- the HTTP server ------------------------------------------------------------

test('GET /metrics: 200 in the text format 0.0.4; HEAD the same headers without a body', async () => {
  const s = await serve(fake());
  try {
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    assert.is(s.name, 'metrics');
    const r = await request(s.url);
    assert.is(r.status, 200);
    assert.is(r.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
    assert.is(parse(r.body).get('corral_connections_accepted_total'), 55);
    assert.is(Number(r.headers['content-length']), Buffer.byteLength(r.body));
    const h = await request(s.url, { method: 'HEAD' });
    assert.is(h.status, 200);
    assert.is(h.body, '');
    assert.is(h.headers['content-type'], r.headers['content-type']);
    const q = await request(`${s.url}?name[]=x`);
    assert.is(q.status, 200, 'a query string is ignored');
  } finally {
    await s.close();
  }
});

test('GET / points to /metrics; another path is 404; another method 405 with Allow', async () => {
  const f = fake();
  const s = await serve(f);
  try {
    const root = await request(`${s.base}/`);
    assert.is(root.status, 200);
    assert.match(root.body, /\/metrics/);
    assert.is((await request(`${s.base}/metrics/x`)).status, 404);
    assert.is((await request(`${s.base}/favicon.ico`)).status, 404);
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const r = await request(s.url, { method });
      assert.is(r.status, 405, method);
      assert.is(r.headers.allow, 'GET, HEAD');
    }
    assert.is(f.reads.status, 0, 'none of them read the pool');
  } finally {
    await s.close();
  }
});

test('a request with a body gets its answer and the connection is closed; keep-alive otherwise', async () => {
  const s = await serve(fake());
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const a = await request(s.url, { agent });
    const b = await request(s.url, { agent });
    assert.is(a.socket, b.socket, 'the connection is kept alive');
    const body = 'x'.repeat(100_000);
    const r = await request(s.url, { method: 'POST', body, headers: { 'Content-Type': 'text/plain' } });
    assert.is(r.status, 405);
    assert.is(r.headers.connection, 'close');
    const g = await request(s.url, { body: 'abc', headers: { 'Content-Length': '3' } });
    assert.is(g.status, 200);
    assert.is(g.headers.connection, 'close');
  } finally {
    agent.destroy();
    await s.close();
  }
});

test('close() ends every connection, idle keep-alive ones too, and resolves', async () => {
  const s = await serve(fake());
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const r = await request(s.url, { agent });
  const closed = new Promise<void>((resolve) => r.socket.once('close', () => resolve()));
  const raw = net.connect((new URL(s.url)).port as unknown as number, '127.0.0.1');
  await new Promise((r) => raw.once('connect', r));
  const rawClosed = new Promise<void>((resolve) => raw.once('close', () => resolve()));
  const t = Date.now();
  await s.close();
  await Promise.all([closed, rawClosed]);
  assert.ok(Date.now() - t < 2000, 'without waiting for the keep-alive timeout');
  await s.close(); // twice is fine
  agent.destroy();
});

test(`connections past maxConnections (${METRICS_LIMITS.maxConnections}) are closed at once`, async () => {
  const s = await serve(fake());
  const port = Number(new URL(s.url).port);
  const socks: net.Socket[] = [];
  try {
    for (let i = 0; i < METRICS_LIMITS.maxConnections; i++) {
      const c = net.connect(port, '127.0.0.1');
      socks.push(c);
      await new Promise((r) => c.once('connect', r));
    }
    // Let the server count them before the one too many arrives.
    await new Promise((r) => setTimeout(r, 50));
    const extra = net.connect(port, '127.0.0.1');
    socks.push(extra);
    const ended = await new Promise<boolean>((resolve) => {
      extra.once('close', () => resolve(true));
      extra.on('error', () => {});
      setTimeout(() => resolve(false), 3000);
    });
    assert.ok(ended, 'the extra connection was closed');
  } finally {
    for (const c of socks) c.destroy();
    await s.close();
  }
});

test('a port in use: openMetrics rejects naming options.metrics and the address, code EADDRINUSE', async () => {
  const holder = net.createServer();
  await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
  const port = (holder.address() as AddressInfo).port;
  try {
    const err = await openMetrics(fake(), `127.0.0.1:${port}`, log).then(() => undefined, (e: NodeJS.ErrnoException) => e);
    assert.ok(err, 'rejected');
    assert.match(err!.message, /^options\.metrics/);
    assert.match(err!.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
    assert.match(err!.message, /in use/);
    assert.is(err!.code, 'EADDRINUSE');
  } finally {
    holder.close();
  }
});

test('a scrape that fails answers 500 and the endpoint carries on', async () => {
  const f = fake();
  let broken = true;
  const status = f.status.bind(f);
  f.status = (o) => { if (broken) throw new Error('boom'); return status(o); };
  const s = await serve(f);
  try {
    assert.is((await request(s.url)).status, 500);
    broken = false;
    assert.is((await request(s.url)).status, 200);
  } finally {
    await s.close();
  }
});

test.run();
