// Tables (terminal and markdown) for a bench queue report.
import type { Fig, Result } from './aggregate.js';
import { headerLine, type RunHeader } from '../common/run.js';
import { renderTable, type Column } from '../common/table.js';
import type { Sizes, SystemName } from './options.js';

export interface Header extends RunHeader {
  /** redis-server's version, and what else the run used. */
  redis: { version: string; bin: string; pid: number; port: number };
  versions: { bullmq: string; ioredis: string };
  capacity: number;
  sizes: Sizes;
}

export function headerText(h: Header): string {
  return headerLine(h, `redis-server ${h.redis.version}; bullmq ${h.versions.bullmq}, ioredis ${h.versions.ioredis}`);
}

const NAME: Record<SystemName, string> = { corral: 'corral', bullmq: 'BullMQ' };
const n0 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : Math.round(x).toString());
const n2 = (x: number | null | undefined, d = 2) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(d));
const range = (fg: Fig | null | undefined, d = 0) => (fg ? `${fg.min.toFixed(d)}–${fg.max.toFixed(d)}` : '–');
const failed = (r: Result) => {
  const e = Object.entries(r.errors);
  return e.length ? e.map(([k, v]) => `${k}: ${v}`).join(', ') : '0';
};
const other = (r: Result) => (r.otherCores ? `${n2(r.otherCores.median, 1)} (${n2(r.otherCores.min, 1)}–${n2(r.otherCores.max, 1)})` : '–');
const cpu = (r: Result, consumers = true) => {
  const c = r.cpuPerKJob;
  if (!c) return '–';
  // corral's consumers are the arbiter and, below it, the task workers: shown apart.
  const split = r.system === 'corral' && c.consumersTop ? ` (${n0(c.consumersTop.median)} + ${n0(c.consumers.median - c.consumersTop.median)})` : '';
  return [n0(c.redis.median), ...(consumers ? [`${n0(c.consumers.median)}${split}`] : []), n0(c.producer.median)].join(' / ');
};
const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(2)}×` : '–');

const render = (cols: Column<Result>[], rows: Result[], markdown: boolean) => renderTable(cols, rows, markdown);

const order = (results: Result[], keys: string[]) => keys.flatMap((k) => (['corral', 'bullmq'] as const).map((s) => results.find((r) => r.key === k && r.system === s)).filter((r): r is Result => r !== undefined));
const peer = (results: Result[], r: Result) => results.find((x) => x.key === r.key && x.system === 'bullmq');

export function throughputKeys(results: Result[]): string[] {
  return [...new Set(results.filter((r) => r.scenario === 'throughput').map((r) => r.key))].sort((a, b) => Number(a.slice(11)) - Number(b.slice(11)));
}

export function throughputTable(results: Result[], markdown = false): string {
  const rows = order(results, throughputKeys(results));
  if (!rows.length) return '';
  return render([
    { head: 'workers', get: (r) => String(r.workers) },
    { head: 'system', get: (r) => NAME[r.system], left: true },
    { head: 'jobs/s', get: (r) => n0(r.perSec?.median) },
    { head: 'min–max', get: (r) => range(r.perSec) },
    { head: 'vs BullMQ', get: (r) => ratio(r.perSec?.median, peer(results, r)?.perSec?.median) },
    { head: 'enqueue phase ms', get: (r) => n0(r.enqueueMs?.median) },
    { head: 'CPU ms / 1000 jobs: redis / consumers / producer', get: (r) => cpu(r) },
    { head: 'jobs', get: (r) => String(r.jobs) },
    { head: 'failed', get: failed },
    { head: 'other cores', get: other },
  ], rows, markdown);
}

export function enqueueTable(results: Result[], markdown = false): string {
  const rows = order(results, ['enqueue']);
  if (!rows.length) return '';
  return render([
    { head: 'system', get: (r) => NAME[r.system], left: true },
    { head: 'jobs/s', get: (r) => n0(r.perSec?.median) },
    { head: 'min–max', get: (r) => range(r.perSec) },
    { head: 'vs BullMQ', get: (r) => ratio(r.perSec?.median, peer(results, r)?.perSec?.median) },
    { head: 'CPU ms / 1000 jobs: redis / producer', get: (r) => cpu(r, false) },
    { head: 'bytes sent / received per job', get: (r) => (r.netBytesPerJob ? `${n0(r.netBytesPerJob.in.median)} / ${n0(r.netBytesPerJob.out.median)}` : '–') },
    { head: 'jobs', get: (r) => String(r.jobs) },
    { head: 'failed', get: failed },
    { head: 'other cores', get: other },
  ], rows, markdown);
}

export function latencyTable(results: Result[], markdown = false): string {
  const rows = order(results, ['latency']);
  if (!rows.length) return '';
  return render([
    { head: 'system', get: (r) => NAME[r.system], left: true },
    { head: 'p50 ms', get: (r) => n2(r.latencyMs?.p50.median) },
    { head: 'p90 ms', get: (r) => n2(r.latencyMs?.p90.median) },
    { head: 'p99 ms', get: (r) => n2(r.latencyMs?.p99.median) },
    { head: 'max ms', get: (r) => n2(r.latencyMs?.max.median) },
    { head: 'p50 min–max', get: (r) => range(r.latencyMs?.p50, 2) },
    { head: 'p99 min–max', get: (r) => range(r.latencyMs?.p99, 2) },
    { head: 'p50 vs BullMQ', get: (r) => ratio(r.latencyMs?.p50.median, peer(results, r)?.latencyMs?.p50.median) },
    { head: 'CPU ms / 1000 jobs: redis / consumers / producer', get: (r) => cpu(r) },
    { head: 'samples', get: (r) => String(r.jobs) },
    { head: 'failed', get: failed },
    { head: 'other cores', get: other },
  ], rows, markdown);
}

const label = (key: string) => (key === 'enqueue' ? 'enqueue only' : key === 'latency' ? 'latency (1 in flight)' : `throughput, ${key.slice(11)} worker(s)`);

export function commandsTable(results: Result[], markdown = false): string {
  const rows = order(results, ['latency', ...throughputKeys(results), 'enqueue']);
  if (!rows.length) return '';
  return render([
    { head: 'scenario', get: (r) => label(r.key), left: true },
    { head: 'system', get: (r) => NAME[r.system], left: true },
    { head: 'commands sent / job', get: (r) => (r.count ? `${n2(r.count.topLevelPerJob.median)}` : '–') },
    { head: 'of which scripts', get: (r) => (r.count ? n2(r.count.scriptsPerJob.median) : '–') },
    { head: 'producer / consumers', get: (r) => (r.count ? `${n2(r.count.producerPerJob.median)} / ${n2(r.count.consumerPerJob.median)}` : '–') },
    { head: 'inside scripts / job', get: (r) => (r.count ? n2(r.count.luaPerJob.median, 1) : '–') },
    { head: 'all calls / job (timed run)', get: (r) => `${n2(r.callsPerJob?.median, 1)} (${range(r.callsPerJob, 1)})` },
    { head: 'socket reads / job', get: (r) => `${n2(r.readsPerJob?.median)} (${range(r.readsPerJob, 2)})` },
    { head: 'socket writes / job', get: (r) => n2(r.writesPerJob?.median) },
    { head: 'bytes in / out per job', get: (r) => (r.netBytesPerJob ? `${n0(r.netBytesPerJob.in.median)} / ${n0(r.netBytesPerJob.out.median)}` : '–') },
  ], rows, markdown);
}

/** Per scenario and system: the commands sent per job, and the commands Redis ran most per job (scripts' included). */
export function commandLists(results: Result[], markdown = false): string {
  const rows = order(results, ['latency', ...throughputKeys(results), 'enqueue']);
  const fmt = (o: [string, number][]) => o.filter(([, v]) => v >= 0.005).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');
  const lines = rows.map((r) => {
    const sent = r.count ? fmt(Object.entries(r.count.topLevel).sort((a, b) => b[1] - a[1])) : 'not counted';
    return `${label(r.key)}, ${NAME[r.system]}: sent ${sent}; Redis ran most ${fmt(r.topCommands.slice(0, 8))}`;
  });
  return markdown ? lines.map((l) => `- ${l}`).join('\n') + '\n' : lines.map((l) => `  ${l}`).join('\n') + '\n';
}

export const LEGEND = [
  'throughput: N no-op jobs enqueued in bulk calls of B (corral: B × Queue.enqueue() in one tick, auto-pipelined; BullMQ: Queue.addBulk of B), each job\'s result awaited (corral: job.result(); BullMQ: job.waitUntilFinished(queueEvents)) from the moment its batch is in Redis; jobs/s = N / (first enqueue → last result); the consumers are started, every worker has served a job, and a warm-up ran before the clock starts',
  'enqueue only: the same bulk calls with no consumer running: jobs/s = N / (first enqueue → last batch acknowledged)',
  'latency: one job in flight (corral: await (await enqueue()).result(); BullMQ: await (await add()).waitUntilFinished(queueEvents)), 1 worker; each percentile is taken per repeat, the table shows the median over repeats and the min–max',
  'commands sent / job: top-level commands the clients sent (each one a request and a reply; pipelining can put several in one write), counted with MONITOR in an untimed pass; "of which scripts" = EVALSHA/EVAL; producer = the process that enqueues and awaits results, consumers = the arbiter (corral) or the Worker processes (BullMQ); inside scripts = commands those scripts ran',
  'socket reads / job: INFO stats total_reads_processed over the timed run: the reads redis-server made from client sockets, i.e. requests as they arrived, where a pipeline of many commands read at once counts once (the network round trips, as the server sees them); socket writes: replies and pub/sub messages it wrote',
  'all calls / job: INFO commandstats over the timed run, after CONFIG RESETSTAT: every command Redis executed, those run inside Lua scripts included (Redis counts both alike), divided by the jobs; it includes what the consumers do in the background meanwhile (blocking reads, heartbeats, delayed-job checks)',
  'CPU ms / 1000 jobs: redis-server (INFO cpu), the consumer processes and the producer (/proc), over the timed run; for corral the consumers\' figure is split in parentheses into the arbiter + its task workers',
  'other cores = CPU the rest of the machine used meanwhile (everything but redis-server, the producer and the consumers), in cores: on a 2-core machine, anything near 1 means the figures carry that noise',
];
