import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FrameDecoder, frameHeader } from './framer.js';
import { encodeFrame, decodeMessage, type OutMessage } from './codec.js';
import { CorralError, FrameEmptyError, FrameTooLargeError, FrameTruncatedError, InvalidOptionError } from './errors.js';
import { EXAMPLE_MESSAGES, examplePayload } from './examples.js';
import { DEFAULT_MAX_FRAME_BYTES, HARD_MAX_FRAME_BYTES } from './limits.js';

function thrown(fn: () => unknown): CorralError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CorralError) return err;
    throw err;
  }
  throw new Error('expected a throw');
}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const messages: OutMessage[] = [
  EXAMPLE_MESSAGES.hello, EXAMPLE_MESSAGES.welcome, EXAMPLE_MESSAGES.heartbeat, EXAMPLE_MESSAGES.acceptGrant,
  { kind: 'ready', body: {} }, EXAMPLE_MESSAGES.execute, EXAMPLE_MESSAGES.goodbye,
];
const frames = messages.map((m) => encodeFrame(m));
const payloads = frames.map((f) => Array.from(f.subarray(4)));
const stream = Buffer.concat(frames);

function feed(d: FrameDecoder, chunks: Uint8Array[]): number[][] {
  const out: number[][] = [];
  for (const c of chunks) {
    for (const f of d.push(c)) out.push(Array.from(f));
    assert.ok(d.bufferedBytes <= d.maxFrameBytes + 4);
  }
  d.end();
  return out;
}

test('one chunk with several frames yields them in order, as views of the chunk', () => {
  const d = new FrameDecoder();
  const got = d.push(stream);
  assert.is(got.length, frames.length);
  got.forEach((f, i) => {
    assert.equal(Array.from(f), payloads[i]);
    assert.is(f.buffer, stream.buffer, 'no copy for a frame inside one chunk');
  });
  assert.is(d.bufferedBytes, 0);
  d.end();
  assert.is(decodeMessage(got[0]!).kind, 'hello');
});

test('every single split point gives the same frames', () => {
  for (let i = 0; i <= stream.length; i++) {
    const got = feed(new FrameDecoder(), [stream.subarray(0, i), stream.subarray(i)]);
    assert.equal(got, payloads, `split at ${i}`);
  }
});

test('every pair of split points gives the same frames', () => {
  const small = Buffer.concat([frames[2]!, frames[3]!, frames[4]!]);
  const expected = [payloads[2], payloads[3], payloads[4]];
  for (let i = 0; i <= small.length; i++) {
    for (let j = i; j <= small.length; j++) {
      const got = feed(new FrameDecoder(), [small.subarray(0, i), small.subarray(i, j), small.subarray(j)]);
      assert.equal(got, expected, `split at ${i}, ${j}`);
    }
  }
});

test('random multi-splits give the same frames', () => {
  const random = rng(0xc0ffee);
  for (let round = 0; round < 2000; round++) {
    const chunks: Uint8Array[] = [];
    let at = 0;
    while (at < stream.length) {
      const n = Math.min(stream.length - at, Math.floor(random() * random() * 64));
      chunks.push(stream.subarray(at, at + n));
      at += n;
    }
    assert.equal(feed(new FrameDecoder(), chunks), payloads, `round ${round}`);
  }
});

test('byte by byte', () => {
  const d = new FrameDecoder();
  const chunks = Array.from(stream, (b) => Uint8Array.of(b));
  assert.equal(feed(d, chunks), payloads);
});

test('a frame spanning chunks is copied once and is independent of the chunks', () => {
  const f = frames[1]!;
  const a = Buffer.from(f.subarray(0, 10));
  const b = Buffer.from(f.subarray(10));
  const d = new FrameDecoder();
  assert.equal(d.push(a), []);
  assert.is(d.bufferedBytes, 6);
  const [got] = d.push(b);
  assert.ok(got !== undefined);
  a.fill(0);
  b.fill(0);
  assert.equal(Array.from(got), payloads[1]);
});

test('empty chunks are harmless', () => {
  const d = new FrameDecoder();
  assert.equal(d.push(new Uint8Array(0)), []);
  assert.equal(feed(d, [new Uint8Array(0), stream, new Uint8Array(0)]), payloads);
});

test('zero length is FRAME_EMPTY, and the decoder stays failed', () => {
  const d = new FrameDecoder();
  const err = thrown(() => d.push(Buffer.from('00000000', 'hex')));
  assert.instance(err, FrameEmptyError);
  assert.is(err.code, 'CORRAL_ERR_FRAME_EMPTY');
  assert.is(err.wireCode, 101);
  assert.is(err.fatal, true);
  assert.ok(d.failed);
  assert.is(d.bufferedBytes, 0);
  assert.is(thrown(() => d.push(frames[2]!)), err);
  assert.is(thrown(() => d.end()), err);
});

test('a zero length split across chunks is caught when its last byte arrives', () => {
  const d = new FrameDecoder();
  assert.equal(d.push(Buffer.concat([frames[3]!, Buffer.from('0000', 'hex')])).length, 1);
  assert.instance(thrown(() => d.push(Buffer.from('0000', 'hex'))), FrameEmptyError);
});

test('oversize is rejected from the 4 length bytes alone, before any payload', () => {
  const d = new FrameDecoder();
  const err = thrown(() => d.push(frameHeader(DEFAULT_MAX_FRAME_BYTES + 1)));
  assert.instance(err, FrameTooLargeError);
  assert.is(err.code, 'CORRAL_ERR_FRAME_TOO_LARGE');
  assert.is(err.wireCode, 100);
  assert.is(err.fatal, true);
  assert.is((err as FrameTooLargeError).length, DEFAULT_MAX_FRAME_BYTES + 1);
  assert.is((err as FrameTooLargeError).limit, DEFAULT_MAX_FRAME_BYTES);
  assert.is(d.bufferedBytes, 0);
  assert.is(thrown(() => d.push(Buffer.alloc(10))), err);
});

test('the largest 32-bit length is read as unsigned and rejected', () => {
  const err = thrown(() => new FrameDecoder({ maxFrameBytes: HARD_MAX_FRAME_BYTES }).push(Buffer.from('ffffffff', 'hex')));
  assert.instance(err, FrameTooLargeError);
  assert.is((err as FrameTooLargeError).length, 0xffffffff);
  const split = new FrameDecoder();
  split.push(Buffer.from('80', 'hex'));
  assert.is((thrown(() => split.push(Buffer.from('000000', 'hex'))) as FrameTooLargeError).length, 0x80000000);
});

test('a frame of exactly maxFrameBytes is accepted', () => {
  for (const max of [DEFAULT_MAX_FRAME_BYTES, 100]) {
    const d = new FrameDecoder({ maxFrameBytes: max });
    const payload = examplePayload(max);
    const got = d.push(Buffer.concat([frameHeader(max), payload]));
    assert.is(got.length, 1);
    assert.is(got[0]!.length, max);
    assert.instance(thrown(() => d.push(Buffer.concat([frameHeader(max + 1), examplePayload(max + 1)]))), FrameTooLargeError);
  }
});

test('maxFrameBytes can be changed between frames (negotiation)', () => {
  const d = new FrameDecoder();
  assert.is(d.maxFrameBytes, DEFAULT_MAX_FRAME_BYTES);
  d.push(frames[0]!);
  d.maxFrameBytes = 32;
  assert.is(d.maxFrameBytes, 32);
  assert.equal(d.push(Buffer.concat([frameHeader(32), examplePayload(32)])).length, 1);
  assert.instance(thrown(() => d.push(frameHeader(33))), FrameTooLargeError);
});

test('a new limit does not cut short a frame whose length was already accepted', () => {
  const d = new FrameDecoder();
  d.push(Buffer.concat([frameHeader(50), examplePayload(10)]));
  d.maxFrameBytes = 20;
  assert.is(d.push(examplePayload(40)).length, 1);
});

test('invalid maxFrameBytes values are option errors naming the option', () => {
  for (const v of [0, -1, HARD_MAX_FRAME_BYTES + 1]) {
    const err = thrown(() => new FrameDecoder({ maxFrameBytes: v }));
    assert.instance(err, InvalidOptionError);
    assert.is(err.code, 'CORRAL_ERR_INVALID_OPTION');
    assert.is(err.name, 'RangeError');
    assert.match(err.message, /^options\.maxFrameBytes must be between 1 and 16777216/);
  }
  for (const v of [1.5, Number.NaN, '10' as unknown as number]) {
    const err = thrown(() => new FrameDecoder({ maxFrameBytes: v }));
    assert.is(err.name, 'TypeError');
    assert.is(err.message, 'options.maxFrameBytes must be a positive integer');
  }
  const d = new FrameDecoder();
  assert.match(thrown(() => { d.maxFrameBytes = 0; }).message, /^maxFrameBytes must be between/);
  assert.is(d.maxFrameBytes, DEFAULT_MAX_FRAME_BYTES);
});

test('end() mid-length and mid-payload is FRAME_TRUNCATED', () => {
  for (const cut of [1, 2, 3, 4, 5, frames[0]!.length - 1]) {
    const d = new FrameDecoder();
    d.push(frames[0]!.subarray(0, cut));
    const err = thrown(() => d.end());
    assert.instance(err, FrameTruncatedError);
    assert.is(err.code, 'CORRAL_ERR_FRAME_TRUNCATED');
    assert.is(err.wireCode, 102);
    assert.is(err.fatal, true);
    assert.ok(d.failed);
    assert.is(thrown(() => d.push(frames[0]!)), err);
  }
});

test('end() after whole frames is clean, and the decoder can still be used', () => {
  const d = new FrameDecoder();
  d.push(stream);
  d.end();
  d.end();
  assert.is(d.push(frames[2]!).length, 1);
  assert.not.ok(d.failed);
});

test('bufferedBytes counts only the incomplete frame', () => {
  const d = new FrameDecoder({ maxFrameBytes: 100 });
  d.push(Buffer.concat([frames[3]!, frameHeader(100), examplePayload(99)]));
  assert.is(d.bufferedBytes, 99);
  assert.ok(d.bufferedBytes <= d.maxFrameBytes + 4);
  assert.is(d.push(Uint8Array.of(1, 0, 0)).length, 1);
  assert.is(d.bufferedBytes, 2);
});

test('frameHeader writes a 4-byte big-endian length', () => {
  assert.equal(Array.from(frameHeader(0x01020304)), [1, 2, 3, 4]);
  assert.equal(Array.from(frameHeader(0)), [0, 0, 0, 0]);
  assert.equal(Array.from(frameHeader(0xffffffff)), [255, 255, 255, 255]);
  assert.throws(() => frameHeader(-1), RangeError);
  assert.throws(() => frameHeader(2 ** 32), RangeError);
  assert.throws(() => frameHeader(1.5), RangeError);
});

test.run();
