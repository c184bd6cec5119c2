import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PassThrough } from 'node:stream';
import { LineAssembler, formatJson, formatText, jsonObject, pipeWorkerOutput, type OutputLine } from './worker-output.js';

function assemble(chunks: (string | Uint8Array)[], max = 64, end = true): OutputLine[] {
  const out: OutputLine[] = [];
  const a = new LineAssembler(max, (l) => out.push(l));
  for (const c of chunks) a.push(typeof c === 'string' ? Buffer.from(c) : c);
  if (end) a.end();
  return out;
}

/** The same bytes pushed in every split into two chunks, and one byte at a time. */
function everySplit(bytes: Buffer, max: number): OutputLine[][] {
  const results: OutputLine[][] = [];
  for (let i = 0; i <= bytes.length; i++) results.push(assemble([bytes.subarray(0, i), bytes.subarray(i)], max));
  results.push(assemble([...bytes].map((b) => Uint8Array.of(b)), max));
  return results;
}

const whole = (...texts: string[]) => texts.map((text) => ({ text, part: 0, more: false }));

test('lines split at every byte come out whole and in order', () => {
  const input = Buffer.from('first line\nsecond\n\nthird, not ended');
  for (const got of everySplit(input, 64)) assert.equal(got, whole('first line', 'second', '', 'third, not ended'));
});

test('CRLF: the CR of a line end is dropped, a CR elsewhere kept', () => {
  for (const got of everySplit(Buffer.from('dos\r\nmid\rdle\r\n\r\nlast\r'), 64)) assert.equal(got, whole('dos', 'mid\rdle', '', 'last'));
});

test('multi-byte UTF-8 split across chunks at every byte is decoded intact', () => {
  const text = 'é 日本 🐄 ü';
  for (const got of everySplit(Buffer.from(`${text}\n${text}`), 64)) assert.equal(got, whole(text, text));
});

test('a line longer than the limit is cut into pieces of at most the limit, marked, at character boundaries', () => {
  const max = 16;
  const line = 'a'.repeat(15) + '🐄' + 'b'.repeat(20); // the cow (4 bytes) straddles byte 16
  for (const got of everySplit(Buffer.from(`${line}\nnext\n`), max)) {
    assert.equal(got, [
      { text: 'a'.repeat(15), part: 1, more: true },
      { text: '🐄' + 'b'.repeat(12), part: 2, more: true },
      { text: 'b'.repeat(8), part: 3, more: false },
      { text: 'next', part: 0, more: false },
    ]);
    for (const l of got) assert.ok(Buffer.byteLength(l.text) <= max);
  }
});

test('a line of exactly the limit is whole, with or without CRLF; one byte more is cut', () => {
  const max = 8;
  for (const got of everySplit(Buffer.from('12345678\n12345678\r\n'), max)) assert.equal(got, whole('12345678', '12345678'));
  for (const got of everySplit(Buffer.from('123456789\n'), max)) assert.equal(got, [{ text: '12345678', part: 1, more: true }, { text: '9', part: 2, more: false }]);
});

test('memory: an endless line holds at most limit + 1 bytes', () => {
  const max = 100;
  let pieces = 0;
  const a = new LineAssembler(max, () => pieces++);
  for (let i = 0; i < 1000; i++) {
    a.push(Buffer.alloc(997, 'x'));
    assert.ok(a.held <= max + 1, `${a.held} bytes held`);
  }
  assert.is(a.state, 'cut');
  a.end();
  assert.is(a.state, 'ended');
  assert.is(pieces, Math.ceil((997 * 1000) / max));
});

test('state machine: idle -> line -> cut -> idle -> ended; nothing after end', () => {
  const out: OutputLine[] = [];
  const a = new LineAssembler(4, (l) => out.push(l));
  assert.is(a.state, 'idle');
  a.push(Buffer.from('ab'));
  assert.is(a.state, 'line');
  a.push(Buffer.from('cdef'));
  assert.is(a.state, 'cut');
  a.push(Buffer.from('\n'));
  assert.is(a.state, 'idle');
  a.push(Buffer.from('partial'));
  a.end();
  assert.is(a.state, 'ended');
  a.push(Buffer.from('late\n'));
  a.end();
  assert.equal(out.map((l) => l.text), ['abcd', 'ef', 'part', 'ial']);
});

test('binary junk: invalid UTF-8 becomes U+FFFD, bytes are never lost between pieces', () => {
  const junk = Buffer.from([0xff, 0x80, 0x80, 0x80, 0x80, 0x00, 0x1b, 0xc3]);
  const got = assemble([junk, Buffer.from('\n')], 4);
  const bytes = got.reduce((n, l) => n + Buffer.from(l.text).length, 0);
  assert.ok(bytes > 0);
  assert.ok(got.every((l) => !l.text.includes('\n')));
  assert.is(got.at(-1)!.more, false);
});

const src = { id: 3, pid: 4242, kind: 'socket' as const };
const T = '2026-12-07T13:00:00.000Z';

test('text: worker and pid prefix, stderr and task marked, control characters escaped, pieces marked', () => {
  assert.is(formatText(T, src, 'stdout', { text: 'GET / 200', part: 0, more: false }), `[${T}] [4242] [worker 3] GET / 200`);
  assert.is(formatText(T, src, 'stderr', { text: 'boom', part: 0, more: false }), `[${T}] [4242] [worker 3 stderr] boom`);
  assert.is(formatText(T, { ...src, kind: 'task' }, 'stdout', { text: 'x', part: 0, more: false }), `[${T}] [4242] [task worker 3] x`);
  assert.is(formatText(T, src, 'stdout', { text: 'a\x1b[31mred\r\x00\u009b', part: 0, more: false }), `[${T}] [4242] [worker 3] a\\x1b[31mred\\x0d\\x00\\x9b`);
  assert.is(formatText(T, src, 'stdout', { text: 'a', part: 1, more: true }), `[${T}] [4242] [worker 3] a [...]`);
  assert.is(formatText(T, src, 'stdout', { text: 'b', part: 2, more: true }), `[${T}] [4242] [worker 3] [...] b [...]`);
  assert.is(formatText(T, src, 'stdout', { text: 'c', part: 3, more: false }), `[${T}] [4242] [worker 3] [...] c`);
  const long = 'x'.repeat(5000);
  assert.ok(formatText(T, src, 'stdout', { text: long, part: 0, more: false }).endsWith(long), 'not capped at 512 like other worker strings');
});

test('json: one object per line with the worker fields; text lines in msg', () => {
  const line = formatJson(T, src, 'stderr', { text: 'say "hi"\x1b', part: 0, more: false });
  assert.equal(JSON.parse(line), { time: T, pid: 4242, worker: 3, kind: 'socket', stream: 'stderr', msg: 'say "hi"\x1b' });
  assert.not.match(line, /\x1b/);
  assert.equal(JSON.parse(formatJson(T, src, 'stdout', { text: 'p', part: 2, more: true })), { time: T, pid: 4242, worker: 3, kind: 'socket', stream: 'stdout', part: 2, more: true, msg: 'p' });
});

test("json: an app's JSON object line is kept as written under app, its fields unable to overwrite the arbiter's", () => {
  const pino = '{"level":30,"time":1765112400000,"pid":1,"hostname":"h","worker":"mine","big":12345678901234567890,"msg":"request completed"}';
  const line = formatJson(T, src, 'stdout', { text: pino, part: 0, more: false });
  assert.is(line, `{"time":"${T}","pid":4242,"worker":3,"kind":"socket","stream":"stdout","app":${pino}}`);
  const o = JSON.parse(line);
  assert.is(o.pid, 4242);
  assert.is(o.worker, 3);
  assert.is(o.app.worker, 'mine');
  assert.is(o.msg, undefined);
});

test('json: what is not one JSON object stays text', () => {
  for (const t of ['[1,2]', '"str"', '42', '{broken', '{"a":1} trailing', 'null', '{"a":1}{"b":2}']) {
    assert.is(jsonObject(t), undefined, t);
    assert.is(JSON.parse(formatJson(T, src, 'stdout', { text: t, part: 0, more: false })).msg, t);
  }
  // Raw control characters between tokens are valid JSON; rewritten without them.
  assert.is(jsonObject('{"a":\r1}'), '{"a":1}');
  assert.is(jsonObject(' {"a":1} '), '{"a":1}');
});

test('pipeWorkerOutput: both streams, lines whole, the partial last line flushed at end', async () => {
  const lines: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  pipeWorkerOutput({ pid: 77, stdout, stderr }, 5, 'socket', { format: 'text', writeLine: (l) => lines.push(l) }, 1024, () => new Date(0));
  stdout.write('out 1\nout ');
  stderr.write('err 1\n');
  stdout.write('2\nno newline');
  stdout.end();
  stderr.end('err tail');
  await new Promise((r) => setImmediate(r));
  const T0 = new Date(0).toISOString();
  assert.equal(lines.sort(), [
    `[${T0}] [77] [worker 5 stderr] err 1`,
    `[${T0}] [77] [worker 5 stderr] err tail`,
    `[${T0}] [77] [worker 5] no newline`,
    `[${T0}] [77] [worker 5] out 1`,
    `[${T0}] [77] [worker 5] out 2`,
  ]);
});

test('pipeWorkerOutput: a stream error does not throw, and flushes', async () => {
  const lines: string[] = [];
  const stdout = new PassThrough();
  pipeWorkerOutput({ pid: 1, stdout }, 1, 'task', { format: 'json', writeLine: (l) => lines.push(l) });
  stdout.write('half');
  stdout.destroy(new Error('EIO'));
  await new Promise((r) => setImmediate(r));
  assert.equal(lines.map((l) => JSON.parse(l).msg), ['half']);
  assert.is(JSON.parse(lines[0]!).kind, 'task');
});

test.run();
