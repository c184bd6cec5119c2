// Codec benchmark: protobuf encode/decode of each control message, and of a
// framed stream, side by side with JSON.stringify/JSON.parse of the same
// content.
//
//   npm run bench codec                 print the table
//   npm run bench codec -- --save       also write bench/results/codec-<date>.md
//   npm run bench codec -- --time 200   milliseconds per task (default 500)
//
// Each task runs a batch of operations per sample so that the timer's own cost
// (tens of nanoseconds) does not swamp operations that take ~100 ns.
import { Bench } from 'tinybench';
import { cpus, availableParallelism, loadavg, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  EXAMPLE_MESSAGES, FrameDecoder, decodeMessage, encodeFrame, encodeMessage, examplePayload, type OutMessage,
} from '../src/protocol/index.js';

const args = process.argv.slice(2);
const save = args.includes('--save');
const timeArg = args.indexOf('--time');
const time = timeArg >= 0 ? Number(args[timeArg + 1]) : 500;
if (!Number.isFinite(time) || time <= 0) {
  console.error('--time must be a positive number of milliseconds');
  process.exit(2);
}

const BATCH = 100;
const STREAM_FRAMES = 1000;
let sink: unknown; // keeps results alive so nothing is optimised away

const execute: OutMessage = {
  kind: 'execute',
  body: { requestId: 17, name: 'resize', payload: examplePayload(1024), deadlineMs: 5000, contentType: 'application/octet-stream' },
};
const subjects: [string, OutMessage][] = [
  ['Hello', EXAMPLE_MESSAGES.hello],
  ['Welcome', EXAMPLE_MESSAGES.welcome],
  ['Heartbeat', EXAMPLE_MESSAGES.heartbeat],
  ['AcceptGrant', EXAMPLE_MESSAGES.acceptGrant],
  ['AcceptDone', EXAMPLE_MESSAGES.acceptDone],
  ['HandoffAck', EXAMPLE_MESSAGES.handoffAck],
  ['Drain', EXAMPLE_MESSAGES.drain],
  ['Error', EXAMPLE_MESSAGES.error],
  ['Execute (1 KiB)', execute],
];

// The JSON side carries the same content; bytes travel as base64, as they
// would in any JSON protocol, and the conversion is part of what is timed.
function toJsonValue(m: OutMessage): unknown {
  return { kind: m.kind, body: m.body };
}
const hasBytes = (m: OutMessage): boolean => m.kind === 'execute';
function jsonEncode(m: OutMessage): string {
  if (m.kind === 'execute') {
    const p = m.body.payload as Uint8Array;
    return JSON.stringify({ kind: m.kind, body: { ...m.body, payload: Buffer.from(p.buffer, p.byteOffset, p.length).toString('base64') } });
  }
  return JSON.stringify(toJsonValue(m));
}
function jsonDecode(s: string, bytes: boolean): unknown {
  const v = JSON.parse(s) as { body: { payload?: string | Buffer } };
  if (bytes && typeof v.body.payload === 'string') v.body.payload = Buffer.from(v.body.payload, 'base64');
  return v;
}

const bench = new Bench({ time, warmupTime: Math.min(200, time), throws: true });
const batchOf = (fn: () => unknown) => (): void => {
  for (let i = 0; i < BATCH; i++) sink = fn();
};

interface Row { label: string; op: string; pb: string; json: string; pbBytes: number; jsonBytes: number; perOp: number }
const rows: Row[] = [];

for (const [label, m] of subjects) {
  const pbBytes = encodeMessage(m);
  const json = jsonEncode(m);
  const bytes = hasBytes(m);
  bench.add(`${label} encode pb`, batchOf(() => encodeMessage(m)));
  bench.add(`${label} encode json`, batchOf(() => jsonEncode(m)));
  bench.add(`${label} decode pb`, batchOf(() => decodeMessage(pbBytes)));
  bench.add(`${label} decode json`, batchOf(() => jsonDecode(json, bytes)));
  const size = { pbBytes: pbBytes.length, jsonBytes: Buffer.byteLength(json) };
  rows.push({ label, op: 'encode', pb: `${label} encode pb`, json: `${label} encode json`, ...size, perOp: BATCH });
  rows.push({ label, op: 'decode', pb: `${label} decode pb`, json: `${label} decode json`, ...size, perOp: BATCH });
}

// A framed stream: 1000 Heartbeats as the arbiter reads them off a socket
// (framer + codec), against newline-delimited JSON.
const hb = EXAMPLE_MESSAGES.heartbeat;
const stream = Buffer.concat(Array.from({ length: STREAM_FRAMES }, () => encodeFrame(hb)));
const ndjson = Array.from({ length: STREAM_FRAMES }, () => jsonEncode(hb)).join('\n') + '\n';
const chunks: Buffer[] = [];
for (let at = 0; at < stream.length; at += 65536) chunks.push(stream.subarray(at, at + 65536));
bench.add('stream encode pb', () => {
  const frames: Buffer[] = [];
  for (let i = 0; i < STREAM_FRAMES; i++) frames.push(encodeFrame(hb));
  sink = Buffer.concat(frames);
});
bench.add('stream encode json', () => {
  const lines: string[] = [];
  for (let i = 0; i < STREAM_FRAMES; i++) lines.push(jsonEncode(hb));
  sink = Buffer.from(lines.join('\n') + '\n');
});
bench.add('stream decode pb', () => {
  const d = new FrameDecoder();
  let n = 0;
  for (const c of chunks) for (const f of d.push(c)) { sink = decodeMessage(f); n++; }
  if (n !== STREAM_FRAMES) throw new Error(`decoded ${n} frames`);
});
const ndjsonBuf = Buffer.from(ndjson);
bench.add('stream decode json', () => {
  const lines = ndjsonBuf.toString('utf8').split('\n');
  let n = 0;
  for (const line of lines) if (line.length > 0) { sink = JSON.parse(line); n++; }
  if (n !== STREAM_FRAMES) throw new Error(`decoded ${n} lines`);
});
const streamSize = { pbBytes: stream.length, jsonBytes: ndjsonBuf.length };
rows.push({ label: `${STREAM_FRAMES} Heartbeats, framed`, op: 'encode', pb: 'stream encode pb', json: 'stream encode json', ...streamSize, perOp: 1 });
rows.push({ label: `${STREAM_FRAMES} Heartbeats, framed`, op: 'decode', pb: 'stream decode pb', json: 'stream decode json', ...streamSize, perOp: 1 });

// Other work on the machine skews the figures; the report records how busy it was.
const loadBefore = loadavg()[0]!;
process.stderr.write(`running ${bench.tasks.length} tasks, ${time} ms each...\n`);
bench.runSync();
void sink;

interface Stat { ops: number; ns: number; rme: number }
function stat(name: string, perOp: number): Stat {
  const task = bench.tasks.find((t) => t.name === name);
  const r = task?.result;
  if (r === undefined || !('throughput' in r)) throw new Error(`task ${name} did not complete`);
  // The median sample, not the mean: on a shared machine a few preempted
  // samples would otherwise dominate. ± is the relative margin of error.
  const ns = (r.latency.p50 * 1e6) / perOp;
  return { ops: 1e9 / ns, ns, rme: r.latency.rme };
}

const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
const fmtNs = (n: number): string => (n >= 100 ? fmtInt(n) : n.toFixed(1));
const fmtPct = (n: number): string => `±${n.toFixed(2)}%`;

const header = ['Message', 'Op', 'protobuf ops/s', 'ns/op', '±', 'JSON ops/s', 'ns/op', '±', 'protobuf / JSON', 'bytes (pb / JSON)'];
const table: string[][] = [];
const results = new Map<string, { pb: Stat; json: Stat }>();
for (const row of rows) {
  const pb = stat(row.pb, row.perOp);
  const json = stat(row.json, row.perOp);
  results.set(`${row.label} ${row.op}`, { pb, json });
  table.push([
    row.label, row.op, fmtInt(pb.ops), fmtNs(pb.ns), fmtPct(pb.rme), fmtInt(json.ops), fmtNs(json.ns), fmtPct(json.rme),
    `${(pb.ops / json.ops).toFixed(2)}x`, `${row.pbBytes} / ${row.jsonBytes}`,
  ]);
}

function markdownTable(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const right = (i: number): boolean => i >= 2;
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => (right(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const sep = `|${widths.map((w, i) => (right(i) ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
  return [line(head), sep, ...body.map(line)].join('\n');
}

// The goal from the issue: >= 1,000,000 encodes/s and decodes/s for Heartbeat
// and AcceptGrant, and faster than JSON.
const goals: string[] = [];
let met = true;
for (const label of ['Heartbeat', 'AcceptGrant']) {
  for (const op of ['encode', 'decode']) {
    const r = results.get(`${label} ${op}`)!;
    const ok = r.pb.ops >= 1_000_000 && r.pb.ops > r.json.ops;
    met &&= ok;
    goals.push(`- ${label} ${op}: ${fmtInt(r.pb.ops)} ops/s, ${(r.pb.ops / r.json.ops).toFixed(2)}x JSON: ${ok ? 'met' : 'MISSED'}`);
  }
}

const cpu = cpus();
const date = new Date().toISOString().slice(0, 10);
const report = [
  `# Codec benchmark, ${date}`,
  '',
  `- Machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores (available parallelism ${availableParallelism()}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM`,
  `- Node ${process.version} (V8 ${process.versions.v8}), ${process.platform}-${process.arch}`,
  `- 1-minute load average ${loadBefore.toFixed(2)} before the run, ${loadavg()[0]!.toFixed(2)} after`,
  `- tinybench, ${time} ms per task; message tasks run ${BATCH} operations per sample, stream tasks ${STREAM_FRAMES} frames per operation`,
  '- ops/s and ns/op come from the median sample; ± is the relative margin of error of the mean (95% confidence)',
  '- protobuf = this package\'s codec (protobufjs static code); JSON = JSON.stringify / JSON.parse of the same `{ kind, body }`,',
  '  with bytes as base64. The stream rows read 1000 Heartbeat frames through FrameDecoder + decodeMessage',
  '  (or split newline-delimited JSON), and write them with encodeFrame (or JSON lines).',
  '',
  markdownTable(header, table),
  '',
  `Goal (>= 1,000,000 ops/s and faster than JSON for Heartbeat and AcceptGrant): ${met ? 'met' : 'MISSED'}`,
  ...goals,
  '',
].join('\n');

process.stdout.write(report);
if (save) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `codec-${date}.md`);
  writeFileSync(file, report);
  process.stderr.write(`saved ${file}\n`);
}
