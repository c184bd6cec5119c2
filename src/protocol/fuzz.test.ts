// Deterministic fuzzing of the framer and the codec: valid, mutated, random and
// structurally random frames, with broken length prefixes, split at random
// points. The only acceptable failure is a CorralError with a CORRAL_ERR_*
// code, and the decoder must never hold more than maxFrameBytes + 4 bytes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FrameDecoder, frameHeader } from './framer.js';
import { decodeMessage, encodeMessage, validate, MESSAGE_FIELD_NUMBERS, MESSAGE_KINDS, type OutMessage } from './codec.js';
import { CorralError } from './errors.js';
import { EXAMPLE_MESSAGES } from './examples.js';
import { varint } from './raw.js';

const FRAMES = 120_000;
const SEED = 0x5eed1234;

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

const random = rng(SEED);
const int = (n: number): number => Math.floor(random() * n);
const bytes = (n: number): number[] => Array.from({ length: n }, () => int(256));

const templates: number[][] = [
  ...MESSAGE_KINDS.map((k) => Array.from(encodeMessage(EXAMPLE_MESSAGES[k] as OutMessage))),
  ...MESSAGE_KINDS.map((k) => Array.from(encodeMessage({ kind: k, body: {} } as OutMessage))),
];


const knownFields = Object.values(MESSAGE_FIELD_NUMBERS);

/** A random but mostly well-formed protobuf message, `depth` levels deep. */
function structured(depth: number): number[] {
  const out: number[] = [];
  const fields = 1 + int(4);
  for (let i = 0; i < fields; i++) {
    const r = random();
    const field = r < 0.5 ? knownFields[int(knownFields.length)]! : r < 0.8 ? 1 + int(200) : 1 + int(536870911);
    const wireType = [0, 1, 2, 2, 2, 5, 3][int(7)]!;
    out.push(...varint(field * 8 + wireType));
    if (wireType === 0) out.push(...varint(int(2 ** 31) * (random() < 0.2 ? 2 ** 20 : 1)));
    else if (wireType === 1) out.push(...bytes(8));
    else if (wireType === 5) out.push(...bytes(4));
    else if (wireType === 3) out.push(...varint(field * 8 + 4));
    else {
      const inner = depth > 0 && random() < 0.7 ? structured(depth - 1) : bytes(int(12));
      out.push(...varint(inner.length), ...inner);
    }
  }
  return out;
}

function mutate(): number[] {
  const base = templates[int(templates.length)]!;
  switch (int(7)) {
    case 0:
      return base;
    case 1: { // flip a few bytes
      const out = base.slice();
      for (let i = 1 + int(4); i > 0; i--) out[int(out.length)] = int(256);
      return out;
    }
    case 2: // garbage
      return bytes(1 + int(80));
    case 3: // truncated
      return base.slice(0, 1 + int(base.length));
    case 4: { // bytes inserted
      const at = int(base.length + 1);
      return [...base.slice(0, at), ...bytes(1 + int(6)), ...base.slice(at)];
    }
    case 5:
      return structured(2);
    default: { // two messages spliced
      const other = templates[int(templates.length)]!;
      return [...base.slice(0, int(base.length + 1)), ...other.slice(int(other.length))];
    }
  }
}

/** The length prefix: usually right, sometimes zero, huge or off by a little. */
function header(length: number): Uint8Array {
  const r = random();
  if (r < 0.9) return frameHeader(length);
  if (r < 0.93) return frameHeader(0);
  if (r < 0.96) return Uint8Array.from(bytes(4));
  return frameHeader(Math.max(0, length + int(9) - 4));
}

const counts = new Map<string, number>();
function count(what: string): void {
  counts.set(what, (counts.get(what) ?? 0) + 1);
}

function expectCorral(err: unknown): void {
  if (!(err instanceof CorralError) || !/^CORRAL_ERR_[A-Z_]+$/.test(err.code)) throw err;
  count(err.code);
}

function decodeOne(payload: Uint8Array): void {
  try {
    validate(decodeMessage(payload));
    count('valid');
  } catch (err) {
    expectCorral(err);
  }
}

test(`${FRAMES} random and mutated frames: only CORRAL_ERR_* errors, bounded buffering`, () => {
  const started = Date.now();
  let fed = 0;
  let decoder = new FrameDecoder({ maxFrameBytes: 4096 });
  while (fed < FRAMES) {
    // A batch of frames as one byte stream.
    const parts: Uint8Array[] = [];
    for (let i = 0, n = 1 + int(40); i < n; i++, fed++) {
      const payload = Uint8Array.from(mutate());
      decodeOne(payload); // the codec alone
      parts.push(header(payload.length), payload);
    }
    const stream = Buffer.concat(parts);
    // Split it at random points and feed it through the framer.
    let at = 0;
    try {
      while (at < stream.length) {
        const n = 1 + int(random() < 0.5 ? 16 : 512);
        for (const frame of decoder.push(stream.subarray(at, at + n))) decodeOne(frame);
        assert.ok(decoder.bufferedBytes <= decoder.maxFrameBytes + 4, 'bufferedBytes bound');
        at += n;
      }
      if (random() < 0.3) decoder.end();
    } catch (err) {
      expectCorral(err);
      assert.ok(decoder.failed);
      decoder = new FrameDecoder({ maxFrameBytes: random() < 0.5 ? 4096 : 65536 });
    }
  }
  const elapsed = Date.now() - started;
  // Every outcome must have been reached, or the fuzzer is not exploring.
  for (const code of ['valid', 'CORRAL_ERR_DECODE', 'CORRAL_ERR_UNKNOWN_MESSAGE', 'CORRAL_ERR_INVALID_FIELD',
    'CORRAL_ERR_FRAME_EMPTY', 'CORRAL_ERR_FRAME_TOO_LARGE', 'CORRAL_ERR_FRAME_TRUNCATED']) {
    assert.ok((counts.get(code) ?? 0) > 0, `never saw ${code}: ${JSON.stringify([...counts])}`);
  }
  assert.ok(fed >= 100_000);
  // How long it took is reported, not judged: a loaded machine is slow, and
  // speed goals live in the benchmarks (bench/codec.ts).
  console.log(`    fuzz: ${fed} frames in ${elapsed} ms`);
});

test.run();
