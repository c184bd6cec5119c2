// The metrics endpoint of a real pool, read by a real Prometheus parser: two
// socket workers (fixtures/apps/hello.mjs) and a task app, at least N requests
// each on a connection of its own, M jobs, one socket worker killed with SIGKILL;
// then /metrics is scraped and parsed by the official Python client's
// text-format parser (prometheus_client.parser, Debian package
// python3-prometheus-client). Counted facts are asserted, not timings: the
// arbiter samples every sampleIntervalMs and workers report in heartbeats,
// so the test waits for the counts with a deadline. Skipped with a notice
// when no python3 can import prometheus_client.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync, execFile } from 'node:child_process';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { Arbiter } from '../../src/arbiter/arbiter.js';
import { nodeWorkerCommand } from '../../src/cli/run.js';
import { LATENCY_BOUNDS_US } from '../../src/protocol/limits.js';
import { JOB_RUN_BOUNDS_MS } from '../../src/arbiter/task-pool.js';
import { get, helloApp, sleep } from './pool.js';

const PROBE = { name: 'probe', module: join(resolve('native-tests/arbiter/task-apps'), 'probe.mjs') };
const N = 24;
const M = 9;

/** The first python3 that has prometheus_client (pyenv's may not; Debian's /usr/bin/python3 does once the package is installed). */
const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import prometheus_client.parser'], { stdio: 'ignore' }).status === 0);
if (!python) console.log('notice: no python3 with prometheus_client (Debian package python3-prometheus-client); the metrics parser test is skipped');
const t = python ? test : test.skip;

interface Sample { name: string; labels: Record<string, string>; value: number | string }
interface Family { name: string; type: string; samples: Sample[] }

// Non-finite values become strings: JSON has no Infinity or NaN.
const PARSE = `
import json, math, sys
from prometheus_client.parser import text_string_to_metric_families
out = []
for f in text_string_to_metric_families(sys.stdin.read()):
    out.append({'name': f.name, 'type': f.type, 'samples': [
        {'name': s.name, 'labels': s.labels, 'value': s.value if math.isfinite(s.value) else str(s.value)} for s in f.samples]})
print(json.dumps(out))
`;

/** The exposition parsed by prometheus_client; throws (the parser's message) on text it refuses. */
function parse(text: string): Promise<Family[]> {
  return new Promise((res, rej) => {
    const p = execFile(python!, ['-c', PARSE], { timeout: 30_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) rej(new Error(`prometheus_client refused the scrape: ${stderr || err.message}`));
      else res(JSON.parse(stdout) as Family[]);
    });
    p.stdin!.end(text);
  });
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function scrape(url: string): Promise<{ text: string; type: string }> {
  const r = await fetch(url, { headers: { connection: 'close' } });
  assert.is(r.status, 200);
  return { text: await r.text(), type: r.headers.get('content-type') ?? '' };
}

async function until<T>(what: string, read: () => Promise<T> | T, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: not reached in ${ms} ms; last ${JSON.stringify(v)}`);
    await sleep(50);
  }
}

const one = (families: Family[], sample: string, labels: Record<string, string> = {}) => {
  const hits = families.flatMap((f) => f.samples).filter((s) => s.name === sample && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  assert.is(hits.length, 1, `one ${sample} ${JSON.stringify(labels)}, found ${hits.length}`);
  return hits[0]!.value as number;
};

/** Each series of a histogram family: its buckets (le ascending as written), +Inf, _count, _sum if any. */
function histograms(families: Family[], name: string) {
  const f = families.find((x) => x.name === name);
  assert.ok(f, `family ${name}`);
  assert.is(f!.type, 'histogram');
  const series = new Map<string, { labels: Record<string, string>; buckets: [string, number][]; count?: number; sum?: number }>();
  for (const s of f!.samples) {
    const { le, ...rest } = s.labels;
    const key = JSON.stringify(rest);
    const h = series.get(key) ?? { labels: rest, buckets: [] };
    series.set(key, h);
    if (s.name === `${name}_bucket`) h.buckets.push([le!, s.value as number]);
    else if (s.name === `${name}_count`) h.count = s.value as number;
    else if (s.name === `${name}_sum`) h.sum = s.value as number;
  }
  return [...series.values()];
}

function wellFormed(name: string, h: ReturnType<typeof histograms>[number], bounds: readonly number[]) {
  const where = `${name} ${JSON.stringify(h.labels)}`;
  assert.equal(h.buckets.map(([le]) => le), [...bounds.map(String), '+Inf'], `${where}: every bucket, le ascending`);
  for (let i = 1; i < h.buckets.length; i++) assert.ok(h.buckets[i]![1] >= h.buckets[i - 1]![1], `${where}: buckets never decrease (${h.buckets.map(([, v]) => v).join(' ')})`);
  assert.is(h.buckets[h.buckets.length - 1]![1], h.count, `${where}: +Inf = _count`);
}

/**
 * N connections, M jobs, a SIGKILL, a scrape. Each connection is counted
 * once whatever the strategy (under the arbiter strategy a heartbeat sent
 * during a lease and the lease's AcceptDone report the same connections).
 */
async function scenario(accept: 'shared' | 'arbiter') {
  const port = await freePort();
  const a = new Arbiter({
    logLevel: 'error', accept, command: nodeWorkerCommand(helloApp, []), workers: 2, bind: ['127.0.0.1:0'],
    tasks: [PROBE], taskWorkers: 1, metrics: `127.0.0.1:${port}`, sampleIntervalMs: 100, heartbeatIntervalMs: 100,
    handshakeTimeoutMs: 60_000, readyTimeoutMs: 60_000,
  });
  const ready = new Promise<void>((r) => a.once('ready', () => r()));
  await a.start();
  try {
    await ready;
    const url = `http://127.0.0.1:${port}/metrics`;
    const web = Number(/:(\d+)$/.exec(a.addresses[0]!)![1]);

    // At least N requests, each on its own connection (get() sends Connection: close, agent: false; nothing
    // else connects), and more, eight at a time, until both socket workers have served some: one is killed
    // having accepted connections, the other still reports a request histogram.
    let sent = 0;
    const request = async () => {
      const r = await get(web, '/', 15_000);
      assert.ok(r.ok, `request ${sent}: ${r.error ?? r.status}`);
      sent++;
    };
    const socketWorkers = () => a.status().workers.filter((w) => w.kind === 'socket' && w.state === 'ready');
    while (sent < N) await request();
    const jobs = await Promise.all(Array.from({ length: M }, () => a.execute('probe', 'hold', { ms: 5 })));
    assert.is(jobs.length, M);
    for (;;) {
      // Every request reported in a heartbeat (one request per connection), so every connection too: what
      // the killed one accepted after its last heartbeat would be lost with it, and rightly not counted.
      await until('every request reported', () => socketWorkers().reduce((n, w) => n + w.requestsTotal, 0), (n) => n >= sent, 30_000);
      if (socketWorkers().every((w) => w.requestsTotal > 0) || sent >= 8 * N) break;
      for (let i = 0; i < 8; i++) await request();
    }
    const socket = socketWorkers().sort((x, y) => x.requestsTotal - y.requestsTotal);
    assert.is(socket.length, 2);
    const victim = socket.find((w) => w.requestsTotal > 0)!;
    process.kill(victim.pid, 'SIGKILL');

    // The replacement is ready and has reported, and the sample after it has been taken.
    const families = await until('the scrape after the kill', async () => parse((await scrape(url)).text), (f) => {
      const ids = f.flatMap((x) => x.samples).filter((s) => s.name === 'corral_worker_heartbeat_age_seconds' && s.labels.kind === 'socket').map((s) => s.labels.worker);
      const readySocket = f.flatMap((x) => x.samples).find((s) => s.name === 'corral_workers' && s.labels.kind === 'socket' && s.labels.state === 'ready')?.value;
      return readySocket === 2 && ids.length === 2 && !ids.includes(String(victim.id))
        && f.flatMap((x) => x.samples).some((s) => s.name === 'corral_restarts_total' && s.labels.reason === 'killed' && s.value === 1);
    });

    // The pool.
    const accepted = one(families, 'corral_connections_accepted_total');
    assert.is(accepted, sent, 'every connection counted once, the killed worker\'s included');
    assert.is(one(families, 'corral_restarts_total', { reason: 'killed' }), 1);
    const otherExits = families.flatMap((f) => f.samples).filter((s) => s.name === 'corral_restarts_total' && s.labels.reason !== 'killed');
    assert.ok(otherExits.every((s) => s.value === 0), `no other exit: ${JSON.stringify(otherExits.filter((s) => s.value !== 0))}`);
    assert.is(one(families, 'corral_workers_target', { kind: 'socket' }), 2);
    assert.is(one(families, 'corral_workers', { kind: 'task', state: 'ready' }), 1);
    assert.is(one(families, 'corral_generation'), 1);
    assert.is(one(families, 'corral_boot_failures_consecutive'), 0);
    assert.ok(one(families, 'corral_uptime_seconds') > 0);

    // The workers: a new id for the replacement, the victim's series gone; per worker, the histogram adds
    // up to its requests (LOAD-13). A worker that has served nothing may not report counts yet, and then has none.
    const requestHist = histograms(families, 'corral_worker_request_duration_seconds');
    const socketTotals = families.flatMap((f) => f.samples).filter((s) => s.name === 'corral_worker_requests_total' && s.labels.kind === 'socket');
    assert.is(socketTotals.length, 2);
    let requests = 0;
    for (const s of socketTotals) {
      const total = s.value as number;
      requests += total;
      const h = requestHist.find((x) => x.labels.worker === s.labels.worker);
      if (total > 0) assert.ok(h, `worker ${s.labels.worker} served ${total} requests: it has a request histogram`);
      if (!h) continue;
      wellFormed('corral_worker_request_duration_seconds', h, LATENCY_BOUNDS_US.map((us) => us / 1e6));
      assert.is(h.sum, undefined, 'no _sum: the workers report none');
      assert.is(h.count, total, `worker ${s.labels.worker}: the histogram's _count = its requests_total`);
    }
    assert.ok(requestHist.length >= 1 && requests > 0, 'the surviving worker served some of the requests');
    assert.ok(requests <= sent - victim.requestsTotal, `the live workers completed ${requests} of the ${sent} requests, the killed one ${victim.requestsTotal}`);
    for (const s of families.flatMap((f) => f.samples).filter((x) => x.name.startsWith('corral_worker_'))) {
      assert.is.not(s.labels.worker, String(victim.id), `${s.name}: the killed worker's series are gone`);
    }
    assert.ok(one(families, 'corral_worker_resident_memory_bytes', { kind: 'task' }) > 0, 'RSS read from /proc');

    // The task app.
    assert.is(one(families, 'corral_task_jobs_submitted_total', { app: 'probe' }), M);
    assert.is(one(families, 'corral_task_jobs_total', { app: 'probe', outcome: 'completed' }), M);
    for (const outcome of ['failed', 'rejected', 'lost', 'abandoned']) assert.is(one(families, 'corral_task_jobs_total', { app: 'probe', outcome }), 0, outcome);
    assert.is(one(families, 'corral_task_jobs_queued', { app: 'probe' }), 0);
    assert.is(one(families, 'corral_task_jobs_in_flight', { app: 'probe' }), 0);
    const runs = histograms(families, 'corral_task_job_run_duration_seconds');
    assert.is(runs.length, 1);
    wellFormed('corral_task_job_run_duration_seconds', runs[0]!, JOB_RUN_BOUNDS_MS.map((ms) => ms / 1000));
    assert.is(runs[0]!.count, M);
    assert.ok(runs[0]!.sum! >= M * 0.005, `each job held 5 ms at least: _sum ${runs[0]!.sum}`);

    // The arbiter process.
    assert.ok(one(families, 'corral_arbiter_process_resident_memory_bytes') > 0);
    assert.ok(families.every((f) => f.name.startsWith('corral_')), 'every family is corral_');
  } finally {
    await a.stop();
  }
}

t(`a real pool (accept shared): at least ${N} connections, ${M} jobs, one worker SIGKILLed, scraped and parsed by prometheus_client`, () => scenario('shared'));
t(`a real pool (accept arbiter, the default): the same, each connection counted once`, () => scenario('arbiter'));

t('the content type is the text format 0.0.4, and the port is free again once the arbiter stops', async () => {
  const port = await freePort();
  const a = new Arbiter({ logLevel: 'warning', tasks: [PROBE], taskWorkers: 1, metrics: `127.0.0.1:${port}` });
  await a.start();
  try {
    const { type, text } = await scrape(`http://127.0.0.1:${port}/metrics`);
    assert.is(type, 'text/plain; version=0.0.4; charset=utf-8');
    await parse(text);
  } finally {
    await a.stop();
  }
  const s = net.createServer();
  await new Promise<void>((r, j) => { s.once('error', j); s.listen(port, '127.0.0.1', r); });
  await new Promise((r) => s.close(r));
});

test('a metrics port in use fails the start, naming options.metrics', async () => {
  const holder = net.createServer();
  await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
  const port = (holder.address() as AddressInfo).port;
  const a = new Arbiter({ logLevel: 'critical', tasks: [PROBE], taskWorkers: 1, metrics: `127.0.0.1:${port}` });
  try {
    const err = await a.start().then(() => undefined, (e: Error & { code?: string }) => e);
    assert.ok(err, 'start() rejected');
    assert.match(err!.message, /options\.metrics/);
    assert.is(err!.code, 'EADDRINUSE');
  } finally {
    holder.close();
    await a.stop().catch(() => undefined);
  }
});

test.run();
