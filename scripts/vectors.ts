// Regenerates the golden vectors in fixtures/vectors/ from the codec.
//
//   npx tsx scripts/vectors.ts           write the files
//   npx tsx scripts/vectors.ts --check   regenerate in memory; exit 1 if a committed file differs
//
// Every test declares the outcome it is meant to have (its error code, or
// none); the generator runs the bytes through the real framer and codec and
// refuses to write a vector whose actual outcome differs, so a codec bug can
// not slip into the vectors. fixtures/README.md documents the format.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DEFAULT_MAX_FRAME_BYTES, EXAMPLE_MESSAGES, FEATURE, FEATURES, FrameDecoder,
  HARD_MAX_FRAME_BYTES, MESSAGE_KINDS, PROTOCOL_VERSION, ReleaseReason, UnknownMessageError, WorkerKind, CorralError,
  decodeMessage, encodeFrame, encodeMessage, examplePayload, frameHeader, messageFromJSON, messageToJSON, negotiate,
  toWireError, validate, type HandshakeOffer, type OutMessage, type corral,
} from '../src/protocol/index.js';
import {
  CONTROL_LIMITS, CONTROL_VERSION, controlFrame, decodeReply, decodeRequest, encodeReply, encodeRequest, type ControlAction, type ControlReply,
} from '../src/protocol/control.js';
import { EXAMPLE_STATUS } from '../src/protocol/control-examples.js';
import { corral as control } from '../src/protocol/generated/control.js';
import { varint, fieldKey, lenField } from '../src/protocol/raw.js';

/** Bump when the generator changes what it writes. */
export const GENERATOR_VERSION = '1.0.0';
export const SCHEMA = 'corral-vectors-v1';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const VECTORS_DIR = join(root, 'fixtures/vectors');
export const TRANSCRIPTS_DIR = join(root, 'fixtures/transcripts');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };
export type VectorResult = 'valid' | 'invalid' | 'acceptable';

export interface VectorTest {
  tcId: number;
  id: string;
  requirement: string;
  comment: string;
  flags: string[];
  hex: string;
  message: Json;
  result: VectorResult;
  error: string | null;
  [extra: string]: Json | undefined;
}

export interface VectorGroup {
  type: string;
  tests: VectorTest[];
  [extra: string]: Json | VectorTest[];
}

export interface VectorFile {
  schema: string;
  generatorVersion: string;
  protocolVersion: string;
  numberOfTests: number;
  notes: Record<string, string>;
  testGroups: VectorGroup[];
}

// ---------------------------------------------------------------------------
// Running bytes through the receiver

/** What a receiver makes of a byte stream delivered in `chunks`, then EOF. */
export interface StreamOutcome {
  /** Messages received (decoded and valid) before any error. */
  messages: JsonObject[];
  /** The first frame's Envelope, when the stream is exactly one frame that decodes (even if invalid). */
  single: JsonObject | null;
  error: CorralError | null;
}

export function receive(chunks: Uint8Array[], maxFrameBytes = DEFAULT_MAX_FRAME_BYTES): StreamOutcome {
  const decoder = new FrameDecoder({ maxFrameBytes });
  const messages: JsonObject[] = [];
  const decoded: JsonObject[] = [];
  let frames = 0;
  let error: CorralError | null = null;
  try {
    for (const chunk of chunks) {
      for (const payload of decoder.push(chunk)) {
        frames++;
        const m = decodeMessage(payload);
        const json = messageToJSON(m) as JsonObject;
        decoded.push(json);
        validate(m);
        messages.push(json);
      }
    }
    decoder.end();
  } catch (err) {
    if (!(err instanceof CorralError)) throw err;
    error = err;
  }
  const total = Buffer.concat(chunks);
  const single = frames === 1 && decoded.length === 1 && total.length === total.readUInt32BE(0) + 4 ? decoded[0]! : null;
  return { messages, single, error };
}

// ---------------------------------------------------------------------------
// Building tests

interface Spec {
  id: string;
  requirement: string;
  comment: string;
  flags: string[];
  /** The stream, as delivered; one chunk unless the test is about splitting. */
  chunks: Uint8Array[];
  /** The error the receiver must report, or null. */
  error: string | null;
  /** 'acceptable' marks behaviour the spec leaves to the implementation. */
  result?: VectorResult;
  maxFrameBytes?: number;
  /** Include the `messages` list (frame streams). */
  listMessages?: boolean;
  extra?: JsonObject;
}

const hexOf = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.length).toString('hex');
const bytes = (h: string): Buffer => Buffer.from(h.replace(/\s+/g, ''), 'hex');
const frame = (payload: ArrayLike<number>): Buffer => Buffer.concat([frameHeader(payload.length), Buffer.from(Uint8Array.from(payload))]);

const field = fieldKey;
/** The body bytes of a message (the Envelope minus its tag and length). */
function bodyOf(m: OutMessage): number[] {
  const env = Array.from(encodeMessage(m));
  let i = 0;
  while (env[i]! & 0x80) i++; // tag
  i++;
  while (env[i]! & 0x80) i++; // length
  return env.slice(i + 1);
}

function makeTest(spec: Spec, tcId: number): VectorTest {
  const outcome = receive(spec.chunks, spec.maxFrameBytes);
  const actual = outcome.error?.code ?? null;
  if (actual !== spec.error) {
    throw new Error(`vector ${spec.id}: expected ${spec.error ?? 'success'}, the codec gives ${actual ?? 'success'}` +
      (outcome.error ? ` (${outcome.error.message})` : ''));
  }
  const test: VectorTest = {
    tcId,
    id: spec.id,
    requirement: spec.requirement,
    comment: spec.comment,
    flags: spec.flags,
    hex: hexOf(Buffer.concat(spec.chunks)),
    message: outcome.single,
    result: spec.result ?? (spec.error === null ? 'valid' : 'invalid'),
    error: spec.error,
  };
  if (spec.maxFrameBytes !== undefined) test.maxFrameBytes = spec.maxFrameBytes;
  if (spec.chunks.length > 1) test.chunks = spec.chunks.map(hexOf);
  // `messages` lists what a frame stream yields; left out when it would just repeat `message`.
  if (spec.listMessages === true && !(outcome.single !== null && outcome.messages.length === 1)) test.messages = outcome.messages;
  if (outcome.error instanceof UnknownMessageError) {
    test.messageType = outcome.error.messageType;
    const reply = toWireError(outcome.error);
    test.reply = { code: reply.code ?? 0, fatal: reply.fatal ?? false, messageType: reply.messageType ?? 0 };
  } else if (outcome.error !== null) {
    test.fatal = outcome.error.fatal;
  }
  Object.assign(test, spec.extra);
  return test;
}

function makeFile(notes: Record<string, string>, groups: { type: string; extra?: JsonObject; specs: Spec[] }[]): VectorFile {
  let tcId = 0;
  const testGroups = groups.map((g) => ({ type: g.type, ...g.extra, tests: g.specs.map((s) => makeTest(s, ++tcId)) }));
  for (const g of testGroups) for (const t of g.tests) for (const flag of t.flags) {
    if (notes[flag] === undefined) throw new Error(`vector ${t.id}: flag ${flag} has no note`);
  }
  return {
    schema: SCHEMA,
    generatorVersion: GENERATOR_VERSION,
    protocolVersion: `${PROTOCOL_VERSION.major}.${PROTOCOL_VERSION.minor}`,
    numberOfTests: tcId,
    notes,
    testGroups,
  };
}

const E = {
  TOO_LARGE: 'CORRAL_ERR_FRAME_TOO_LARGE',
  EMPTY: 'CORRAL_ERR_FRAME_EMPTY',
  TRUNCATED: 'CORRAL_ERR_FRAME_TRUNCATED',
  DECODE: 'CORRAL_ERR_DECODE',
  UNKNOWN: 'CORRAL_ERR_UNKNOWN_MESSAGE',
  INVALID: 'CORRAL_ERR_INVALID_FIELD',
  VERSION: 'CORRAL_ERR_VERSION_MISMATCH',
} as const;

// ---------------------------------------------------------------------------
// framing.json

/** An Execute whose Envelope is exactly `size` bytes. */
function executeOfSize(size: number): OutMessage {
  for (let p = size; p > 0; p--) {
    const m: OutMessage = { kind: 'execute', body: { requestId: 1, payload: examplePayload(p) } };
    if (encodeMessage(m).length === size) return m;
  }
  throw new Error(`no Execute of ${size} bytes`);
}

function framing(): VectorFile {
  const hb = encodeFrame(EXAMPLE_MESSAGES.heartbeat);
  const grant = encodeFrame(EXAMPLE_MESSAGES.acceptGrant);
  const ready = encodeFrame({ kind: 'ready', body: { capacity: 1 } });
  const two = Buffer.concat([hb, grant]);
  const max = encodeFrame(executeOfSize(DEFAULT_MAX_FRAME_BYTES));
  const k1 = encodeFrame(executeOfSize(1024));
  const k1plus = encodeFrame(executeOfSize(1025));
  const s = (id: string, requirement: string, comment: string, flags: string[], chunks: Uint8Array[], error: string | null, more: Partial<Spec> = {}): Spec =>
    ({ id, requirement, comment, flags, chunks, error, listMessages: true, ...more });

  const valid: Spec[] = [
    s('frame-single', 'FRAME-1', 'One Heartbeat frame: 4-byte big-endian length, then the Envelope.', [], [hb], null),
    s('frame-two-in-one-chunk', 'FRAME-1', 'Two frames delivered in one read.', [], [two], null),
    s('frame-length-counts-envelope-only', 'FRAME-2', 'Ready{capacity:1}: the Envelope is 4 bytes (1a 02 08 01), so the length is 4, not 8.', [], [ready], null),
    s('frame-split-in-length', 'FRAME-1', 'The length prefix arrives in two reads.', ['Split'], [hb.subarray(0, 2), hb.subarray(2)], null),
    s('frame-split-in-payload', 'FRAME-1', 'The Envelope arrives in two reads.', ['Split'], [hb.subarray(0, 7), hb.subarray(7)], null),
    s('frame-split-across-frames', 'FRAME-1', 'A read ends two bytes into the second frame\'s length prefix.', ['Split'],
      [two.subarray(0, hb.length + 2), two.subarray(hb.length + 2)], null),
    s('frame-split-byte-by-byte', 'FRAME-1', 'Two frames delivered one byte per read.', ['Split'], Array.from(two, (b) => Uint8Array.of(b)), null),
    s('frame-empty-stream', 'FRAME-11', 'EOF before any byte: a clean end, no frame.', [], [], null),
    s('frame-max-size-exact', 'FRAME-4', 'An Envelope of exactly 65536 bytes, the default limit, is accepted.', ['MaxSize'], [max], null),
    s('frame-max-size-negotiated-exact', 'FRAME-4', 'With a negotiated limit of 1024, a 1024-byte Envelope is accepted.', ['MaxSize', 'Negotiated'],
      [k1], null, { maxFrameBytes: 1024 }),
  ];
  const invalid: Spec[] = [
    s('frame-zero-length', 'FRAME-3', 'A length of 0 is invalid.', ['ZeroLength'], [bytes('00000000')], E.EMPTY),
    s('frame-zero-length-after-valid', 'FRAME-3', 'A valid frame, then (in a later read) a zero length.', ['ZeroLength'],
      [hb, bytes('00000000')], E.EMPTY),
    s('frame-oversize-header-only', 'FRAME-5', 'Length 65537 with the default limit: rejected from the 4 length bytes alone; the receiver must not wait for the payload.',
      ['Oversize'], [bytes('00010001')], E.TOO_LARGE),
    s('frame-oversize-partial-payload', 'FRAME-5', 'Length 65537 followed by the start of a payload.', ['Oversize'],
      [Buffer.concat([bytes('00010001'), examplePayload(16)])], E.TOO_LARGE),
    s('frame-oversize-negotiated', 'FRAME-5', 'With a negotiated limit of 1024, a 1025-byte Envelope is rejected.', ['Oversize', 'Negotiated'],
      [k1plus], E.TOO_LARGE, { maxFrameBytes: 1024 }),
    s('frame-oversize-hard-cap', 'FRAME-4', 'Even at the 16 MiB hard cap, length 16777217 is rejected.', ['Oversize'],
      [bytes('01000001')], E.TOO_LARGE, { maxFrameBytes: HARD_MAX_FRAME_BYTES }),
    s('frame-length-high-bit', 'FRAME-5', 'Length 0x80000000: the length is unsigned, so this is 2 GiB, not negative.', ['Oversize'],
      [bytes('80000000')], E.TOO_LARGE),
    s('frame-length-max-u32', 'FRAME-5', 'Length 0xffffffff.', ['Oversize'], [bytes('ffffffff')], E.TOO_LARGE),
    s('frame-length-includes-header', 'FRAME-2', 'A sender that counts the 4 length bytes in N: the receiver waits for 4 more bytes and meets EOF.',
      ['Truncated'], [Buffer.concat([frameHeader(ready.length), ready.subarray(4)])], E.TRUNCATED),
    s('frame-truncated-in-length', 'FRAME-6', 'EOF after 3 of the 4 length bytes.', ['Truncated'], [bytes('000000')], E.TRUNCATED),
    s('frame-truncated-in-payload', 'FRAME-6', `EOF after 5 of the ${hb.length - 4} Envelope bytes.`, ['Truncated'], [hb.subarray(0, 9)], E.TRUNCATED),
    s('frame-truncated-after-valid', 'FRAME-6', 'A whole frame, then EOF inside the next one; the first frame is received.', ['Truncated'],
      [hb, grant.subarray(0, 6)], E.TRUNCATED),
    s('frame-decode-garbage', 'FRAME-7', 'A 4-byte payload that is not protobuf (an unterminated varint).', ['Garbage'],
      [frame([0xff, 0xff, 0xff, 0xff])], E.DECODE),
    s('frame-decode-length-beyond-payload', 'FRAME-12', 'The heartbeat field claims 5 bytes but 1 follows.', ['Garbage'],
      [frame([0x22, 0x05, 0x08])], E.DECODE),
    s('frame-decode-invalid-wire-type', 'FRAME-12', 'Wire type 7 does not exist.', ['Garbage'], [frame([0x07])], E.DECODE),
    s('frame-decode-known-body-wrong-wire-type', 'FRAME-12', 'Field 4 (heartbeat) sent as a varint: a known body with the wrong wire type is undecodable, not an unknown message.',
      ['Garbage'], [frame([0x20, 0x01])], E.DECODE),
    s('frame-decode-field-zero', 'FRAME-12', 'Field number 0 is invalid in protobuf.', ['Garbage'], [frame([0x00, 0x01])], E.DECODE),
    s('frame-decode-nested-truncated', 'FRAME-12', 'A Hello whose first Version claims 5 bytes it does not have.', ['Garbage'],
      [frame(lenField(1, [0x0a, 0x05, 0x08]))], E.DECODE),
    s('frame-decode-unterminated-group', 'FRAME-12', 'A start-group tag (field 50) with no end-group tag.', ['Garbage'],
      [frame(field(50, 3))], E.DECODE),
    s('frame-decode-group-mismatch', 'FRAME-12', 'Inside a Heartbeat, a group opened as field 9 and closed as field 10.', ['Garbage'],
      [frame(lenField(4, [...field(9, 3), ...field(10, 4)]))], E.DECODE),
    s('frame-decode-varint-too-long', 'FRAME-12', 'Heartbeat.time_ms as an 11-octet varint; the longest valid varint has 10.', ['Garbage'],
      [frame(lenField(4, [...field(1, 0), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))], E.DECODE),
  ];
  return makeFile({
    Split: 'The stream is delivered in the reads listed in `chunks`; the result must not depend on where reads end.',
    ZeroLength: 'A frame length of 0.',
    Oversize: 'A frame length above the receiver\'s limit (`maxFrameBytes`, default 65536).',
    MaxSize: 'A frame exactly at the limit.',
    Negotiated: 'The receiver\'s limit is the negotiated `maxFrameBytes` given in the test.',
    Truncated: 'The stream ends (EOF) inside a frame.',
    Garbage: 'The frame is well-formed but its payload is not a decodable Envelope.',
  }, [
    { type: 'FrameStream', specs: valid },
    { type: 'FrameStream', specs: invalid },
  ]);
}

// ---------------------------------------------------------------------------
// messages.json

function messages(): VectorFile {
  const one = (id: string, requirement: string, comment: string, flags: string[], m: OutMessage | Uint8Array, error: string | null, result?: VectorResult): Spec => {
    const payload = m instanceof Uint8Array ? m : encodeMessage(m);
    return { id, requirement, comment, flags, chunks: [frame(payload)], error, ...(result ? { result } : {}) };
  };
  const full = MESSAGE_KINDS.map((kind) => one(`msg-${kind}-all-fields`, 'MSG-1', `${kind} with every field set.`, ['AllFields'], EXAMPLE_MESSAGES[kind], null));
  const empty = MESSAGE_KINDS
    .filter((kind) => !['hello', 'welcome', 'handoff', 'execute', 'result', 'chunk', 'end', 'cancel'].includes(kind))
    .map((kind) => one(`msg-${kind}-defaults`, 'MSG-1', `${kind} with every field at its default: an empty body.`, ['Defaults'], { kind, body: {} } as OutMessage, null));
  const edge: Spec[] = [
    one('msg-heartbeat-uint64-max-safe', 'MSG-1', 'uint64 fields up to 2^53-1 survive as exact integers (protobuf JSON writes them as strings).', ['Uint64'],
      { kind: 'heartbeat', body: { timeMs: Number.MAX_SAFE_INTEGER, acceptedTotal: 2 ** 32, requestsTotal: 1 } }, null),
    one('msg-heartbeat-load-counts', 'LOAD-9', 'Heartbeat.wakeups_total and latency_counts (since 1.4): 17 counts, packed; a count of 300 takes two octets.', ['LoadCounts'],
      { kind: 'heartbeat', body: { timeMs: 1000, inFlight: 2, capacity: 100, wakeupsTotal: 7, latencyCounts: [3, 300, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] } }, null),
    one('msg-heartbeat-latency-counts-unpacked', 'MSG-5', 'Heartbeat.latency_counts sent unpacked (one tag per count) must be accepted like the packed form: 17 counts, the second 2.', ['Unpacked', 'NotCanonical', 'LoadCounts'],
      Uint8Array.from(lenField(4, Array.from({ length: 17 }, (_, i) => [...field(7, 0), i === 1 ? 2 : 0]).flat())), null),
    one('msg-handoffAck-unpacked', 'MSG-5', 'Repeated uint64 ids sent unpacked (one tag per id) must be accepted like the packed form.', ['Unpacked', 'NotCanonical'],
      Uint8Array.from(lenField(13, [...field(1, 0), 1, ...field(1, 0), ...varint(300), ...field(2, 0), 2])), null),
    one('msg-two-bodies-last-wins', 'MSG-3', 'An Envelope with two body members, Ready then Stop: the last on the wire wins.', ['NotCanonical'],
      Uint8Array.from([...encodeMessage({ kind: 'ready', body: { capacity: 1 } }), ...encodeMessage({ kind: 'stop', body: { reason: 'x' } })]), null),
    one('msg-present-zero', 'MSG-4', 'Ready.capacity present on the wire with value 0: the same as absent.', ['NotCanonical'],
      Uint8Array.from(lenField(3, [...field(1, 0), 0])), null),
    one('msg-error-unknown-message-reply', 'MSG-1', 'The reply to an unknown message type 50.', [],
      { kind: 'error', body: { code: 200, message: 'unknown message type 50', messageType: 50 } }, null),
    one('msg-error-fatal-decode', 'MSG-1', 'A fatal Error reporting an undecodable frame.', [],
      { kind: 'error', body: { code: 103, message: 'undecodable envelope', fatal: true } }, null),
    one('msg-execute-meta', 'TASK-27', 'Execute.meta (since 1.3): a map is one entry message per key, key in field 1, value in field 2; UTF-8 beyond ASCII and an empty value.', ['Map'],
      { kind: 'execute', body: { requestId: 3, name: 'jobs.send', meta: { 'corral.attempt': '1', 'ünï': '日本 😀', empty: '' } } }, null),
    one('msg-execute-meta-key-twice', 'MSG-1', 'Execute.meta with the key "k" twice, values "a" then "b": the last entry wins.', ['Map', 'NotCanonical'],
      Uint8Array.from(lenField(30, [...field(1, 0), 3, ...lenField(8, [...lenField(1, [0x6b]), ...lenField(2, [0x61])]), ...lenField(8, [...lenField(1, [0x6b]), ...lenField(2, [0x62])])])), null),
  ];
  const semantic: Spec[] = [
    one('msg-hello-no-versions', 'HELLO-2', 'A Hello must list at least one version.', ['Semantic'],
      { kind: 'hello', body: { kind: WorkerKind.WORKER_KIND_SOCKET, pid: 10 } }, E.INVALID),
    one('msg-execute-request-id-zero', 'TASK-7', 'Execute.request_id must not be 0.', ['Semantic'],
      { kind: 'execute', body: { name: 'job', payload: examplePayload(2) } }, E.INVALID),
    one('msg-acceptDone-unknown-reason', 'COMPAT-7', 'AcceptDone.reason 9 is not a ReleaseReason of 1.0.', ['Semantic'],
      { kind: 'acceptDone', body: { grantId: 1, reason: 9 as ReleaseReason } }, E.INVALID),
    one('msg-hello-unknown-kind', 'COMPAT-7', 'Hello.kind 7 is not a WorkerKind of 1.0.', ['Semantic'],
      { kind: 'hello', body: { versions: [{ major: 1 }], kind: 7 as WorkerKind, pid: 10 } }, E.INVALID),
    one('msg-handoffAck-zero-id', 'HANDOFF-12', 'HandoffAck lists handoff id 0, which the arbiter never hands out (HANDOFF-3).', ['Semantic'],
      { kind: 'handoffAck', body: { handoffIds: [5, 0] } }, E.INVALID),
    one('msg-handoff-zero-id', 'HANDOFF-3', 'A ConnectionHandoff with handoff id 0, which the arbiter never hands out.', ['Semantic'],
      { kind: 'handoff', body: { listener: 0, peer: '127.0.0.1:1' } }, E.INVALID),
    {
      ...one('msg-execute-request-id-above-2-53', 'MSG-7', 'Execute.request_id 2^60 (1152921504606846976) is above 2^53-1.',
        ['Semantic', 'Uint64'], { kind: 'execute', body: { requestId: 2 ** 60 } }, E.INVALID),
      // The decoded form would print the rounded JavaScript number; leave it out.
      extra: { message: null },
    },
  ];
  return makeFile({
    AllFields: 'Every field of the message has a non-default value.',
    Defaults: 'Every field has its default value, so the body is empty (proto3 omits defaults).',
    Uint64: 'A uint64 field with a value above 2^32.',
    Unpacked: 'A repeated scalar field sent unpacked; proto3 receivers accept both forms.',
    NotCanonical: 'Valid bytes that a proto3 encoder would not produce for this message; compare the decoded message, not the bytes.',
    Semantic: 'The bytes decode, but a value breaks a protocol rule (CORRAL_ERR_INVALID_FIELD).',
    Map: 'A map<string, string> field (Execute.meta, since 1.3): repeated entry messages {1: key, 2: value}, in any order.',
    LoadCounts: 'Heartbeat.wakeups_total and latency_counts (since 1.4): a latency_counts that is not empty holds exactly 17 counts (spec section 6.3).',
  }, [
    { type: 'MessageRoundTrip', specs: [...full, ...empty, ...edge] },
    { type: 'MessageValidation', specs: semantic },
  ]);
}

// ---------------------------------------------------------------------------
// unknown.json

function unknown(): VectorFile {
  const grant = bodyOf(EXAMPLE_MESSAGES.acceptGrant);
  const hb = Array.from(encodeMessage(EXAMPLE_MESSAGES.heartbeat));
  const u = (id: string, comment: string, flags: string[], payload: number[], error: string | null, result?: VectorResult): Spec =>
    ({ id, requirement: error === null ? 'COMPAT-1' : 'COMPAT-2', comment, flags, chunks: [frame(payload)], error, ...(result ? { result } : {}) });
  const fields: Spec[] = [
    u('unknown-field-varint-in-acceptGrant', 'AcceptGrant with an extra varint field 99 at the end.', ['UnknownField'],
      lenField(10, [...grant, ...field(99, 0), ...varint(123456)]), null),
    u('unknown-field-len-first-in-acceptGrant', 'AcceptGrant with an extra length-delimited field 100 before the known ones.', ['UnknownField'],
      lenField(10, [...lenField(100, [1, 2, 3]), ...grant]), null),
    u('unknown-field-fixed32-in-heartbeat', 'Heartbeat with an extra fixed32 field 16.', ['UnknownField'],
      lenField(4, [...bodyOf(EXAMPLE_MESSAGES.heartbeat), ...field(16, 5), 1, 2, 3, 4]), null),
    u('unknown-field-fixed64-in-hello', 'Hello with an extra fixed64 field 8.', ['UnknownField'],
      lenField(1, [...bodyOf(EXAMPLE_MESSAGES.hello), ...field(8, 1), 1, 2, 3, 4, 5, 6, 7, 8]), null),
    u('unknown-field-group-in-drain', 'Drain with an extra (deprecated) group field 7 holding a varint.', ['UnknownField', 'Group'],
      lenField(20, [...bodyOf(EXAMPLE_MESSAGES.drain), ...field(7, 3), ...field(1, 0), 5, ...field(7, 4)]), null),
    u('unknown-field-in-nested-listener', 'Welcome whose Listener carries an extra field 4.', ['UnknownField'],
      lenField(2, [...field(1, 2), 2, 0x08, 0x01, ...lenField(5, [0x08, 0x01, ...lenField(2, [0x61]), ...lenField(4, [0x78])])]), null),
    u('unknown-field-in-nested-version', 'Hello whose Version carries an extra field 3.', ['UnknownField'],
      lenField(1, [...lenField(1, [0x08, 0x01, ...field(3, 0), 7])]), null),
    u('unknown-field-known-number-wrong-type', 'Ready.capacity (field 1) sent length-delimited: a wire-type mismatch makes it an unknown field, skipped; capacity stays 0.',
      ['UnknownField'], lenField(3, [...lenField(1, [9])]), null),
    u('unknown-field-reserved-number-beside-body', 'An Envelope field 50 (reserved for 1.x) before a Heartbeat body: ignored, the Heartbeat is received.',
      ['UnknownField', 'Envelope'], [...field(50, 0), 1, ...hb], null),
    u('unknown-field-extension-number-beside-body', 'An Envelope field 150 (extension range) after a Heartbeat body.',
      ['UnknownField', 'Envelope'], [...hb, ...lenField(150, [1, 2])], null),
  ];
  const types: Spec[] = [
    u('unknown-type-5', 'Field 5: unassigned in the handshake range.', ['UnknownType'], lenField(5, [0x08, 0x01]), E.UNKNOWN),
    u('unknown-type-40-reserved', 'Field 40: reserved for future 1.x messages.', ['UnknownType', 'Reserved'], lenField(40, [0x08, 0x01]), E.UNKNOWN),
    u('unknown-type-99-reserved', 'Field 99: the last number reserved for 1.x.', ['UnknownType', 'Reserved'], lenField(99, []), E.UNKNOWN),
    u('unknown-type-100-extension', 'Field 100: the first extension number.', ['UnknownType', 'Extension'], lenField(100, [0x0a, 0x01, 0x78]), E.UNKNOWN),
    u('unknown-type-199-extension', 'Field 199: the last extension number.', ['UnknownType', 'Extension'], lenField(199, [0x10, 0x02]), E.UNKNOWN),
    u('unknown-type-200-private', 'Field 200: beyond every assigned range.', ['UnknownType'], lenField(200, [0x08, 0x01]), E.UNKNOWN),
    u('unknown-type-max-field-number', 'Field 536870911, the largest protobuf field number, as fixed64.', ['UnknownType'],
      [...field(536870911, 1), 0, 0, 0, 0, 0, 0, 0, 0], E.UNKNOWN),
    u('unknown-type-varint', 'Field 45 sent as a varint: still an unknown type, reported by its number.', ['UnknownType'], [...field(45, 0), 1], E.UNKNOWN),
    u('unknown-type-fixed32', 'Field 41 sent as fixed32.', ['UnknownType'], [...field(41, 5), 1, 2, 3, 4], E.UNKNOWN),
    { ...u('unknown-type-two-fields', 'Two unknown fields, 61 then 60: messageType is the first on the wire, 61.', ['UnknownType', 'MultipleUnknown'],
      [...lenField(61, [1]), ...lenField(60, [1])], E.UNKNOWN), requirement: 'COMPAT-3' },
  ];
  return makeFile({
    UnknownField: 'A field the receiver does not know inside a known message: it must be ignored.',
    Group: 'A deprecated group (wire types 3 and 4), skipped like any unknown field.',
    Envelope: 'The unknown field is in the Envelope itself, beside a known body.',
    UnknownType: 'The Envelope holds no known body: the receiver answers Error{code:200, message_type, fatal:false} (see `reply`) and keeps the channel open.',
    Reserved: 'A field number reserved for future 1.x messages (40-99).',
    Extension: 'A field number in the extension range (100-199).',
    MultipleUnknown: 'More than one unknown top-level field.',
  }, [
    { type: 'UnknownFields', specs: fields },
    { type: 'UnknownMessageType', specs: types },
  ]);
}

// ---------------------------------------------------------------------------
// handshake.json

interface NegCase {
  id: string;
  requirement: string;
  comment: string;
  flags: string[];
  hello: corral.v1.Hello.$Properties;
  offer: HandshakeOffer;
  error: string | null;
}

function handshake(): VectorFile {
  const v = (major: number, minor: number): { major: number; minor: number } => ({ major, minor });
  const base: corral.v1.Hello.$Properties = { kind: WorkerKind.WORKER_KIND_SOCKET, pid: 4242, implementation: 'vectors/1' };
  const offer = (versions: { major: number; minor: number }[], features: string[] = [...FEATURES], maxFrameBytes = 0): HandshakeOffer =>
    ({ versions, features, maxFrameBytes });
  const c = (id: string, requirement: string, comment: string, hello: corral.v1.Hello.$Properties, o: HandshakeOffer, error: string | null = null, flags: string[] = []): NegCase =>
    ({ id, requirement, comment, flags, hello: { ...base, ...hello }, offer: o, error });
  const cases: NegCase[] = [
    c('neg-1.0-both', 'NEG-1', 'Both sides speak 1.0.', { versions: [v(1, 0)] }, offer([v(1, 0)])),
    c('neg-highest-common-major', 'NEG-1', 'Worker 1.0 and 2.3, arbiter 1.1 and 2.1: major 2, minor min(3, 1).',
      { versions: [v(1, 0), v(2, 3)] }, offer([v(1, 1), v(2, 1)])),
    c('neg-min-minor-arbiter-lower', 'NEG-1', 'Worker 1.5, arbiter 1.2: 1.2.', { versions: [v(1, 5)] }, offer([v(1, 2)])),
    c('neg-min-minor-worker-lower', 'NEG-1', 'Worker 1.0, arbiter 1.3: 1.0.', { versions: [v(1, 0)] }, offer([v(1, 3)])),
    c('neg-versions-unordered', 'NEG-1', 'Versions in any order, a major listed twice: its highest minor counts.',
      { versions: [v(1, 1), v(3, 0), v(1, 4)] }, offer([v(1, 2), v(2, 0)])),
    c('neg-no-common-major', 'NEG-2', 'Worker 2.0, arbiter 1.0: VERSION_MISMATCH, fatal.', { versions: [v(2, 0)] }, offer([v(1, 0)]), E.VERSION),
    c('neg-no-common-major-many', 'NEG-2', 'Worker 0.9, 2.0, 3.1; arbiter 1.0.', { versions: [v(0, 9), v(2, 0), v(3, 1)] }, offer([v(1, 0)]), E.VERSION),
    c('neg-hello-without-versions', 'HELLO-2', 'A Hello with no versions is invalid.', {}, offer([v(1, 0)]), E.INVALID),
    c('neg-features-intersection', 'NEG-3', 'Features are the intersection, in the arbiter\'s order.',
      { versions: [v(1, 0)], features: [FEATURE.LOAD_REPORT, FEATURE.ACCEPT_HANDOFF, FEATURE.ACCEPT_ARBITER] },
      offer([v(1, 0)], [FEATURE.ACCEPT_ARBITER, FEATURE.ACCEPT_SHARED, FEATURE.LOAD_REPORT])),
    c('neg-features-none-common', 'NEG-3', 'No feature in common: the empty set.', { versions: [v(1, 0)], features: [FEATURE.TASKS] },
      offer([v(1, 0)], [FEATURE.ACCEPT_ARBITER])),
    c('neg-features-unknown-ignored', 'NEG-8', 'Feature names the arbiter does not know are dropped, not an error.',
      { versions: [v(1, 0)], features: ['x.vendor.thing', FEATURE.TASKS, FEATURE.TASKS_STREAM] }, offer([v(1, 0)])),
    c('neg-feature-since-1.1-dropped-at-1.0', 'COMPAT-8', 'accept.revoke came with 1.1: a worker that speaks 1.0 does not get it, even when it lists it.',
      { versions: [v(1, 0)], features: [FEATURE.ACCEPT_ARBITER, FEATURE.ACCEPT_REVOKE] }, offer([v(1, 1)])),
    c('neg-feature-since-1.1-kept-at-1.1', 'NEG-3', 'Both sides speak 1.1: accept.revoke is in the intersection.',
      { versions: [v(1, 1)], features: [FEATURE.ACCEPT_ARBITER, FEATURE.ACCEPT_REVOKE] }, offer([v(1, 1)])),
    c('neg-feature-since-1.2-dropped-at-1.1', 'COMPAT-8', 'tasks.flow and tasks.call came with 1.2: a task worker that speaks 1.1 keeps tasks and tasks.stream only.',
      { versions: [v(1, 1)], kind: WorkerKind.WORKER_KIND_TASK, features: [FEATURE.TASKS, FEATURE.TASKS_STREAM, FEATURE.TASKS_FLOW], apps: ['images'] }, offer([v(1, 2)])),
    c('neg-feature-since-1.2-kept-at-1.2', 'NEG-3', 'Both sides speak 1.2: tasks.flow is in the intersection.',
      { versions: [v(1, 2)], kind: WorkerKind.WORKER_KIND_TASK, features: [FEATURE.TASKS, FEATURE.TASKS_STREAM, FEATURE.TASKS_FLOW], apps: ['images'] }, offer([v(1, 2)])),
    c('neg-client-tasks-call', 'NEG-3', 'A client (kind CLIENT, since 1.2) speaking 1.2 gets tasks.call and tasks.flow.',
      { versions: [v(1, 2)], kind: WorkerKind.WORKER_KIND_CLIENT, features: [FEATURE.TASKS_CALL, FEATURE.TASKS_FLOW] }, offer([v(1, 2)])),
    c('neg-1.3-task-worker', 'NEG-1', 'Task worker and arbiter speak 1.3: version 1.3, so its Execute may carry meta (section 4.6.3); 1.3 adds no feature, the features are those of 1.2.',
      { versions: [v(1, 3)], kind: WorkerKind.WORKER_KIND_TASK, features: [FEATURE.TASKS, FEATURE.TASKS_STREAM, FEATURE.TASKS_FLOW], apps: ['images'] }, offer([v(1, 3)])),
    c('neg-1.2-task-worker-under-1.3', 'COMPAT-8', 'A task worker of 1.2 under an arbiter of 1.3: version 1.2, with tasks.flow; the arbiter sends it no Execute.meta.',
      { versions: [v(1, 2)], kind: WorkerKind.WORKER_KIND_TASK, features: [FEATURE.TASKS, FEATURE.TASKS_STREAM, FEATURE.TASKS_FLOW], apps: ['images'] }, offer([v(1, 3)])),
    c('neg-1.2-client-under-1.3', 'COMPAT-8', 'A client of 1.2 under an arbiter of 1.3: version 1.2; it sends no Execute.meta, and meta it sent anyway would be ignored.',
      { versions: [v(1, 2)], kind: WorkerKind.WORKER_KIND_CLIENT, features: [FEATURE.TASKS_CALL, FEATURE.TASKS_FLOW] }, offer([v(1, 3)])),
    c('neg-1.4-socket-worker', 'NEG-1', 'Socket worker and arbiter speak 1.4: version 1.4, so its Heartbeat may carry wakeups_total and latency_counts (section 6.3); 1.4 adds no feature.',
      { versions: [v(1, 4)], features: [FEATURE.ACCEPT_ARBITER, FEATURE.ACCEPT_REVOKE, FEATURE.LOAD_REPORT] }, offer([v(1, 4)])),
    c('neg-1.3-socket-worker-under-1.4', 'COMPAT-8', 'A socket worker of 1.3 under an arbiter of 1.4: version 1.3; its heartbeats carry no wakeups_total or latency_counts, and the arbiter would ignore them.',
      { versions: [v(1, 3)], features: [FEATURE.ACCEPT_ARBITER, FEATURE.ACCEPT_REVOKE, FEATURE.LOAD_REPORT] }, offer([v(1, 4)])),
    c('neg-1.5-accept-overlap', 'NEG-3', 'Socket worker and arbiter speak 1.5: accept.overlap is in the intersection, so the worker may be given a grant beside other holders of the listener (section 7.2.9).',
      { versions: [v(1, 5)], features: [FEATURE.ACCEPT_ARBITER, FEATURE.ACCEPT_REVOKE, FEATURE.ACCEPT_OVERLAP, FEATURE.LOAD_REPORT] }, offer([v(1, 5)])),
    c('neg-feature-since-1.5-dropped-at-1.4', 'COMPAT-8', 'accept.overlap came with 1.5: a socket worker of 1.4 that lists it anyway does not get it, and is never given a grant beside another.',
      { versions: [v(1, 4)], features: [FEATURE.ACCEPT_ARBITER, FEATURE.ACCEPT_REVOKE, FEATURE.ACCEPT_OVERLAP, FEATURE.LOAD_REPORT] }, offer([v(1, 5)])),
    c('neg-max-frame-defaults', 'NEG-4', 'Both sides say 0: the default, 65536.', { versions: [v(1, 0)] }, offer([v(1, 0)], [], 0)),
    c('neg-max-frame-worker-smaller', 'NEG-4', 'Worker 16384, arbiter 1 MiB: 16384.', { versions: [v(1, 0)], maxFrameBytes: 16384 }, offer([v(1, 0)], [], 1 << 20)),
    c('neg-max-frame-arbiter-smaller', 'NEG-4', 'Worker 1 MiB, arbiter 32768: 32768.', { versions: [v(1, 0)], maxFrameBytes: 1 << 20 }, offer([v(1, 0)], [], 32768)),
    c('neg-max-frame-worker-default', 'NEG-4', 'Worker 0 (= 65536), arbiter 1 MiB: 65536.', { versions: [v(1, 0)] }, offer([v(1, 0)], [], 1 << 20)),
    c('neg-max-frame-hard-cap', 'NEG-4', 'Worker 4294967295, arbiter 32 MiB: capped at 16 MiB.', { versions: [v(1, 0)], maxFrameBytes: 0xffffffff },
      offer([v(1, 0)], [], 32 << 20)),
  ];
  const specs: Spec[] = cases.map((k) => {
    let expect: Json = null;
    let actual: string | null = null;
    try {
      const r = negotiate(k.hello, k.offer);
      expect = { version: { ...r.version }, features: r.features, maxFrameBytes: r.maxFrameBytes };
    } catch (err) {
      if (!(err instanceof CorralError)) throw err;
      actual = err.code;
    }
    if (actual !== k.error) throw new Error(`vector ${k.id}: expected ${k.error ?? 'success'}, negotiate gives ${actual ?? 'success'}`);
    const frameBytes = encodeFrame({ kind: 'hello', body: k.hello });
    const helloJson = (messageToJSON({ kind: 'hello', body: k.hello }) as { hello: JsonObject }).hello;
    return {
      id: k.id, requirement: k.requirement, comment: k.comment, flags: k.flags, chunks: [frameBytes],
      // The Hello frame itself decodes; only HELLO-2 makes it invalid as a message.
      error: k.error === E.INVALID ? E.INVALID : null,
      result: k.error === null ? 'valid' : 'invalid' as VectorResult,
      extra: {
        hello: helloJson,
        offer: { versions: k.offer.versions.map((x) => ({ ...x })), features: k.offer.features, maxFrameBytes: k.offer.maxFrameBytes },
        expect,
        negotiationError: k.error,
      },
    };
  });
  const file = makeFile({}, [{ type: 'Negotiation', specs }]);
  // In this file `error` is the outcome of the negotiation, not of decoding the frame.
  for (const t of file.testGroups[0]!.tests) {
    t.error = t.negotiationError as string | null;
    delete t.negotiationError;
    delete t.fatal;
    if (t.error !== null) t.fatal = true;
  }
  return file;
}

// ---------------------------------------------------------------------------
// transcripts.json

interface TranscriptFrame {
  dir: 'w2a' | 'a2w';
  /** Which worker the frame belongs to, when the session involves several. */
  worker?: number;
  message?: JsonObject | null;
  /** Raw framed bytes (length prefix included), for frames that are not a valid message. */
  raw?: string;
  hex?: string;
  note?: string;
}
interface Transcript {
  id: string;
  title: string;
  requirement: string;
  frames: TranscriptFrame[];
}

/** The example sessions of spec.md section 12, one file each in fixtures/transcripts/. */
function loadTranscripts(): Transcript[] {
  const files = existsSync(TRANSCRIPTS_DIR) ? readdirSync(TRANSCRIPTS_DIR).filter((f) => f.endsWith('.json')).sort() : [];
  if (files.length === 0) throw new Error('fixtures/transcripts/*.json not found: the transcripts of spec.md section 12 are missing');
  return files.map((f) => JSON.parse(readFileSync(join(TRANSCRIPTS_DIR, f), 'utf8')) as Transcript);
}

/** Default-valued JSON (0, "0", false, "", [], {}, null, *_UNSPECIFIED) is dropped by canonical protobuf JSON. */
function isDefault(v: unknown): boolean {
  return v === 0 || v === '0' || v === false || v === '' || v === null ||
    (typeof v === 'string' && v.endsWith('_UNSPECIFIED')) || (Array.isArray(v) && v.length === 0);
}

/** Throws if `input` has a key that the canonical form lost: a typo in a transcript would otherwise vanish. */
function checkNoLostKeys(input: unknown, canonical: unknown, path: string): void {
  if (input === null || typeof input !== 'object') return;
  for (const [k, v] of Object.entries(input)) {
    const c = (canonical as Record<string, unknown> | null | undefined)?.[k];
    if (c === undefined) {
      if (!isDefault(v)) throw new Error(`${path}.${k}: not a field of the message (or an invalid value): ${JSON.stringify(v)}`);
      continue;
    }
    if (Array.isArray(v)) v.forEach((x, i) => checkNoLostKeys(x, (c as unknown[])[i], `${path}.${k}[${i}]`));
    else checkNoLostKeys(v, c, `${path}.${k}`);
  }
}

function transcripts(): VectorFile {
  const groups = loadTranscripts().map((t) => {
    const specs = t.frames.map((f, i): Spec => {
      const where = `transcript ${t.id} frame ${i + 1}`;
      const raw = f.raw ?? f.hex;
      let framed: Buffer;
      if (typeof raw === 'string') {
        framed = bytes(raw);
        if (f.raw !== undefined && f.hex !== undefined && f.raw !== f.hex) throw new Error(`${where}: raw and hex differ`);
      } else {
        if (f.message == null) throw new Error(`${where}: needs message or raw`);
        const m = messageFromJSON(f.message as Record<string, unknown>);
        checkNoLostKeys(f.message, messageToJSON(m), where);
        framed = encodeFrame(m as OutMessage);
      }
      const outcome = receive([framed]);
      const kind = outcome.single ? Object.keys(outcome.single)[0] : 'raw bytes';
      const extra: JsonObject = { dir: f.dir };
      if (f.worker !== undefined) extra.worker = f.worker;
      return {
        id: `${t.id}-${i + 1}`,
        requirement: t.requirement,
        comment: f.note ?? `${f.dir === 'w2a' ? 'worker -> arbiter' : 'arbiter -> worker'}: ${kind}`,
        flags: ['Transcript'],
        chunks: [framed],
        error: outcome.error?.code ?? null,
        extra,
      };
    });
    return { type: 'Transcript', extra: { transcriptId: t.id, title: t.title, requirement: t.requirement }, specs };
  });
  return makeFile({
    Transcript: 'One frame of an example session (spec.md section 12, fixtures/transcripts/). `dir` is w2a (worker to arbiter) or a2w; `worker` says which worker when a session has several.',
  }, groups);
}

// ---------------------------------------------------------------------------
// control.json: control protocol 1 (spec.md section 14), between a control
// client and the arbiter's control socket. Requests are what the arbiter
// receives (its request limit, CONTROL_LIMITS.maxRequestBytes, is the frame
// limit), replies what a client receives.

const cpb = control.control.v1;

/** Who reads the stream: the arbiter (ControlRequest frames) or a client (ControlReply frames). */
type ControlReceiver = 'arbiter' | 'client';

interface ControlSpec {
  id: string;
  requirement: string;
  comment: string;
  flags: string[];
  chunks: Uint8Array[];
  /** The outcome the script declares: null (every frame taken), or the error code. */
  error: string | null;
  maxFrameBytes?: number;
}

/** A frame's message in canonical protobuf JSON (toJSON: defaults left out, uint64 as strings, enums by name). */
function controlJson(receiver: ControlReceiver, payload: Uint8Array): JsonObject {
  return (receiver === 'arbiter' ? cpb.ControlRequest.decode(payload) : cpb.ControlReply.decode(payload)).toJSON() as JsonObject;
}

/**
 * What the receiver makes of a stream: every frame's message, and the first
 * problem: a connection-level one (the frame limit, an empty frame, bytes
 * that are not a ControlRequest: answered with request_id 0, then the
 * connection is closed) or one of a single request (an unknown action, a
 * forbidden value: answered under its request_id, the connection stays open;
 * for a client, a reply with no body it knows fails that request only).
 */
function controlReceive(receiver: ControlReceiver, chunks: Uint8Array[], maxFrameBytes: number): {
  messages: JsonObject[];
  error: string | null;
  reply: JsonObject | null;
  fatal: boolean;
} {
  const decoder = new FrameDecoder({ maxFrameBytes });
  const messages: JsonObject[] = [];
  try {
    for (const chunk of chunks) {
      for (const payload of decoder.push(chunk)) {
        if (receiver === 'arbiter') {
          const r = decodeRequest(payload);
          messages.push(controlJson(receiver, payload));
          if (r.problem) return { messages, error: r.problem.code, reply: { requestId: r.requestId, error: r.problem.code }, fatal: false };
        } else {
          const r = decodeReply(payload);
          messages.push(controlJson(receiver, payload));
          if ('error' in r.result && r.result.error.code === 'CORRAL_ERR_CONTROL_UNKNOWN_REPLY') return { messages, error: r.result.error.code, reply: null, fatal: false };
        }
      }
    }
  } catch (err) {
    if (!(err instanceof CorralError)) throw err;
    return { messages, error: err.code, reply: receiver === 'arbiter' ? { requestId: 0, error: err.code } : null, fatal: true };
  }
  return { messages, error: null, reply: null, fatal: false };
}

function makeControlTest(receiver: ControlReceiver, spec: ControlSpec, tcId: number): VectorTest {
  const limit = spec.maxFrameBytes ?? (receiver === 'arbiter' ? CONTROL_LIMITS.maxRequestBytes : CONTROL_LIMITS.maxReplyBytes);
  const o = controlReceive(receiver, spec.chunks, limit);
  if (o.error !== spec.error) throw new Error(`vector ${spec.id}: expected ${spec.error ?? 'success'}, the codec gives ${o.error ?? 'success'}`);
  const total = Buffer.concat(spec.chunks);
  const single = o.messages.length === 1 && total.length === total.readUInt32BE(0) + 4;
  const test: VectorTest = {
    tcId,
    id: spec.id,
    requirement: spec.requirement,
    comment: spec.comment,
    flags: spec.flags,
    hex: hexOf(total),
    message: single ? o.messages[0]! : null,
    result: spec.error === null ? 'valid' : 'invalid',
    error: spec.error,
  };
  if (spec.maxFrameBytes !== undefined) test.maxFrameBytes = spec.maxFrameBytes;
  if (spec.chunks.length > 1) test.chunks = spec.chunks.map(hexOf);
  if (!single) test.messages = o.messages;
  if (spec.error !== null) test.fatal = o.fatal;
  if (o.reply) test.reply = o.reply;
  return test;
}

function controlVectors(): VectorFile {
  const req = (id: number, a: ControlAction): Buffer => controlFrame(encodeRequest(id, a));
  const rep = (r: ControlReply): Buffer => controlFrame(encodeReply(r));
  const q = (id: string, requirement: string, comment: string, flags: string[], chunks: Uint8Array[], error: string | null = null, more: Partial<ControlSpec> = {}): ControlSpec =>
    ({ id, requirement, comment, flags, chunks, error, ...more });
  /** request_id, then encoded fields as they are. */
  const raw = (id: number, rest: number[]): Buffer => frame([...field(1, 0), ...varint(id), ...rest]);

  const requests: ControlSpec[] = [
    q('ctl-request-status', 'CTL-4', 'status{}: request_id 1, an empty StatusRequest in field 10.', [], [req(1, { action: 'status' })]),
    q('ctl-request-status-histograms', 'CTL-18', 'status{histograms: true}: each WorkerStatus then carries its latency_counts.', [], [req(2, { action: 'status', histograms: true })]),
    q('ctl-request-scale-socket', 'CTL-15', 'scale{kind SOCKET, workers 8}: eight socket workers, as TTIN and TTOU would make it one at a time.', [], [req(3, { action: 'scale', kind: 'socket', workers: 8 })]),
    q('ctl-request-scale-task-app', 'CTL-15', 'scale{kind TASK, workers 3, app "images"}: the task workers of one app.', [], [req(4, { action: 'scale', kind: 'task', workers: 3, app: 'images' })]),
    q('ctl-request-reload', 'CTL-15', 'reload{}: a new generation, as SIGHUP.', [], [req(5, { action: 'reload' })]),
    q('ctl-request-stop-graceful', 'CTL-15', 'stop{graceful: true}: drain and stop, as SIGTERM.', [], [req(6, { action: 'stop', graceful: true })]),
    q('ctl-request-stop-now', 'CTL-15', 'stop{}: graceful false is left out, the StopRequest is empty (6a 00): stop now, as SIGQUIT.', [], [req(7, { action: 'stop', graceful: false })]),
    q('ctl-request-reopen-logs', 'CTL-15', 'reopen_logs{}: as SIGUSR1.', [], [req(8, { action: 'reopenLogs' })]),
    q('ctl-request-tasks', 'CTL-4', 'tasks{}: the task apps and the queue consumer.', [], [req(9, { action: 'tasks' })]),
    q('ctl-request-jobs-filtered', 'CTL-4', 'jobs{state "failed", app "images", limit 20, id 7}.', [], [req(10, { action: 'jobs', state: 'failed', app: 'images', limit: 20, id: 7 })]),
    q('ctl-request-jobs-defaults', 'CTL-4', 'jobs{}: every job, the arbiter\'s default limit (100).', [], [req(11, { action: 'jobs' })]),
    q('ctl-request-id-max-safe', 'CTL-4', 'request_id 2^53-1 (9007199254740991), a uint64 the reply must echo exactly.', ['Uint64'], [req(Number.MAX_SAFE_INTEGER, { action: 'status' })]),
    q('ctl-request-unknown-fields', 'COMPAT-1', 'status{} with field 9 (a varint) inside StatusRequest and field 50 beside the action: both skipped, a plain status request.', ['UnknownField', 'NotCanonical'],
      [raw(12, [...lenField(10, [...field(9, 0), 1]), ...field(50, 0), 1])]),
  ];
  const problems: ControlSpec[] = [
    q('ctl-request-later-action', 'CTL-7', 'request_id 5, then field 99 (an action of a later version) as an empty message: answered CORRAL_ERR_CONTROL_UNKNOWN_REQUEST under request_id 5; the connection stays open.', ['UnknownAction'],
      [raw(5, lenField(99, []))], 'CORRAL_ERR_CONTROL_UNKNOWN_REQUEST'),
    q('ctl-request-reserved-action', 'CTL-7', 'Field 17, the first number reserved for later requests, holding {1: 1}.', ['UnknownAction'],
      [raw(13, lenField(17, [...field(1, 0), 1]))], 'CORRAL_ERR_CONTROL_UNKNOWN_REQUEST'),
    q('ctl-request-no-action', 'CTL-7', 'A request_id and no action at all.', ['UnknownAction'], [raw(14, [])], 'CORRAL_ERR_CONTROL_UNKNOWN_REQUEST'),
    q('ctl-request-scale-kind-7', 'CTL-8', 'scale{kind 7, workers 2}: 7 is no WorkerKind; answered CORRAL_ERR_INVALID_FIELD under request_id 15, nothing done, the connection stays open.', ['Forbidden'],
      [raw(15, lenField(11, [...field(1, 0), 7, ...field(2, 0), 2]))], 'CORRAL_ERR_INVALID_FIELD'),
    q('ctl-request-scale-kind-unspecified', 'CTL-8', 'scale{workers 2} with no kind (WORKER_KIND_UNSPECIFIED).', ['Forbidden'],
      [raw(16, lenField(11, [...field(2, 0), 2]))], 'CORRAL_ERR_INVALID_FIELD'),
  ];
  const two = Buffer.concat([req(1, { action: 'status' }), req(2, { action: 'scale', kind: 'socket', workers: 8 })]);
  const one = req(3, { action: 'jobs', state: 'running', app: 'images' });
  let app = 'a'.repeat(4000);
  for (let n = encodeRequest(17, { action: 'jobs', app }).length; n !== CONTROL_LIMITS.maxRequestBytes; n = encodeRequest(17, { action: 'jobs', app }).length) {
    app = 'a'.repeat(app.length + CONTROL_LIMITS.maxRequestBytes - n);
  }
  const streams: ControlSpec[] = [
    q('ctl-stream-pipelined', 'CTL-9', 'status (request_id 1) and scale (2) in one write, before any reply: both taken, in order.', [], [two]),
    q('ctl-stream-split-in-payload', 'CTL-4', 'One request arriving in two writes, split inside its payload.', ['Split'], [one.subarray(0, 9), one.subarray(9)]),
    q('ctl-stream-split-in-length', 'CTL-4', 'Two requests; the second one\'s length prefix is split across two writes.', ['Split'],
      [two.subarray(0, req(1, { action: 'status' }).length + 2), two.subarray(req(1, { action: 'status' }).length + 2)]),
    q('ctl-stream-max-request', 'CTL-5', `A request of exactly ${CONTROL_LIMITS.maxRequestBytes} octets, the arbiter's request limit: taken.`, ['MaxSize'],
      [req(17, { action: 'jobs', app })], null, { maxFrameBytes: CONTROL_LIMITS.maxRequestBytes }),
    q('ctl-stream-oversize', 'CTL-5', `The length prefix ${CONTROL_LIMITS.maxRequestBytes + 1} alone, above the request limit: answered at once from the 4 octets (request_id 0, CORRAL_ERR_FRAME_TOO_LARGE) and the connection closed.`,
      ['Oversize'], [frameHeader(CONTROL_LIMITS.maxRequestBytes + 1)], 'CORRAL_ERR_FRAME_TOO_LARGE', { maxFrameBytes: CONTROL_LIMITS.maxRequestBytes }),
    q('ctl-stream-empty', 'CTL-5', 'A length of 0: request_id 0, CORRAL_ERR_FRAME_EMPTY, and the connection closed.', ['ZeroLength'], [bytes('00000000')], 'CORRAL_ERR_FRAME_EMPTY'),
    q('ctl-stream-empty-after-valid', 'CTL-5', 'A status request, then a length of 0: the request is taken (and answered), then the connection is closed.', ['ZeroLength'],
      [req(1, { action: 'status' }), bytes('00000000')], 'CORRAL_ERR_FRAME_EMPTY'),
    q('ctl-stream-undecodable', 'CTL-6', 'The payload 0a ff ff: field 1 as a length whose varint never ends. request_id 0, CORRAL_ERR_DECODE, and the connection closed.', ['Garbage'],
      [frame([0x0a, 0xff, 0xff])], 'CORRAL_ERR_DECODE'),
  ];
  const replies: ControlSpec[] = [
    q('ctl-reply-status', 'CTL-17', 'A PoolStatus with every field set (EXAMPLE_STATUS): a socket and a task worker, restarts, the interval, latency bounds, uint64 counters above 2^32.', ['Uint64'],
      [rep({ requestId: 1, result: { status: EXAMPLE_STATUS } })]),
    q('ctl-reply-done', 'CTL-15', 'done: what a request that acts did, for a person to read.', [], [rep({ requestId: 3, result: { done: 'workers: 4 -> 8' } })]),
    q('ctl-reply-tasks', 'CTL-4', 'tasks: one app, no durable-queue consumer (no queue field).', [], [rep({ requestId: 9, result: { tasks: { apps: [{
      name: 'images', workers: 2, queued: 3, inFlight: 4, submitted: 100, completed: 90, failed: 2, rejected: 1, lost: 1, abandoned: 0,
      waitMs: { p50: 0.5, p90: 2, p99: 12.5, n: 90 }, runMs: { p50: 40, p90: 120, p99: 800, n: 90 },
    }] } } })]),
    q('ctl-reply-tasks-queue', 'CTL-4', 'tasks: an app with nothing run yet, and the queue consumer with its depths.', [], [rep({ requestId: 9, result: { tasks: {
      apps: [{ name: 'mail', workers: 1, queued: 0, inFlight: 0, submitted: 0, completed: 0, failed: 0, rejected: 0, lost: 0, abandoned: 0, waitMs: { p50: 0, p90: 0, p99: 0, n: 0 }, runMs: { p50: 0, p90: 0, p99: 0, n: 0 } }],
      queue: { state: 'connected', queues: ['mail', 'images'], held: 2, fetched: 50, succeeded: 45, failed: 2, retried: 3, dead: 1, depths: [{ queue: 'mail', waiting: 7, delayed: 1, dead: 0 }, { queue: 'images', waiting: 0, delayed: 0, dead: 1 }] },
    } } })]),
    q('ctl-reply-jobs', 'CTL-4', 'jobs: a failed durable job with its error and meta, of 12 that matched.', [], [rep({ requestId: 10, result: { jobs: { matched: 12, jobs: [{
      id: 7, app: 'images', action: 'resize', state: 'failed', worker: 4, caller: 'queue images', submittedAtMs: 1_765_000_000_000, startedAtMs: 1_765_000_000_010, endedAtMs: 1_765_000_000_250,
      payloadBytes: 120, errorCode: 'CORRAL_ERR_TASK_FAILED', errorMessage: 'no such image', meta: { 'corral.attempt': '2', 'corral.job': 'j-9' }, chunks: 0,
    }] } } })]),
    q('ctl-reply-jobs-empty', 'CTL-4', 'jobs: none matched; the JobList is set, and empty.', [], [rep({ requestId: 11, result: { jobs: { matched: 0, jobs: [] } } })]),
    q('ctl-reply-error', 'CTL-13', 'An error under the request\'s id and no body: CORRAL_ERR_INVALID_FIELD for a forbidden ScaleRequest.kind.', [],
      [rep({ requestId: 15, result: { error: { code: 'CORRAL_ERR_INVALID_FIELD', message: 'ScaleRequest.kind must be SOCKET (1) or TASK (2), got 7 [CTL-8]' } } })]),
    q('ctl-reply-connection-error', 'CTL-11', 'A connection-level error, request_id 0 (left out): the arbiter closes the connection after it.', [],
      [rep({ requestId: 0, result: { error: { code: 'CORRAL_ERR_FLOOD', message: 'more than 1000 requests in one second' } } })]),
    q('ctl-reply-unknown-fields', 'CTL-14', 'done with field 9 inside Done and field 50 beside it, both unknown: skipped, a done reply.', ['UnknownField', 'NotCanonical'],
      [frame([...field(1, 0), 3, ...lenField(11, [...lenField(1, Array.from(Buffer.from('ok'))), ...field(9, 0), 1]), ...field(50, 0), 1])]),
    q('ctl-reply-later-body', 'CTL-14', 'request_id 4 and only field 20 (a body of a later version): no body this client knows, so that one request fails (CORRAL_ERR_CONTROL_UNKNOWN_REPLY, a local code); the connection carries on.',
      ['UnknownBody'], [frame([...field(1, 0), 4, ...lenField(20, [...field(1, 0), 1])])], 'CORRAL_ERR_CONTROL_UNKNOWN_REPLY'),
  ];
  let tcId = 0;
  const group = (type: string, receiver: ControlReceiver, specs: ControlSpec[]): VectorGroup => ({ type, receiver, tests: specs.map((x) => makeControlTest(receiver, x, ++tcId)) });
  const testGroups = [
    group('ControlRequest', 'arbiter', requests),
    group('ControlRequestRefused', 'arbiter', problems),
    group('ControlStream', 'arbiter', streams),
    group('ControlReply', 'client', replies),
  ];
  const notes: Record<string, string> = {
    Uint64: 'A uint64 field with a value above 2^32; protobuf JSON writes it as a string.',
    UnknownField: 'A field the receiver does not know: it must be skipped (spec.md section 10.1).',
    NotCanonical: 'Valid bytes that a proto3 encoder would not produce; compare the decoded message, not the bytes.',
    UnknownAction: 'No action this version knows: answered CORRAL_ERR_CONTROL_UNKNOWN_REQUEST under its request_id (`reply`); the connection stays open (`fatal` false).',
    Forbidden: 'A value section 14.4 forbids: answered CORRAL_ERR_INVALID_FIELD under its request_id (`reply`), nothing done; the connection stays open.',
    Split: 'The stream arrives in the writes listed in `chunks`; the outcome must not depend on where they end.',
    MaxSize: 'A request exactly at the arbiter\'s request limit (`maxFrameBytes`).',
    Oversize: 'A length prefix above the request limit: refused from the prefix alone, before any payload.',
    ZeroLength: 'A frame length of 0.',
    Garbage: 'A frame whose payload is not a ControlRequest encoding.',
    UnknownBody: 'A reply that sets no body the client knows: a failure of that request, not of the connection.',
  };
  for (const g of testGroups) for (const t of g.tests) for (const f of t.flags) if (notes[f] === undefined) throw new Error(`vector ${t.id}: flag ${f} has no note`);
  return {
    schema: SCHEMA,
    generatorVersion: GENERATOR_VERSION,
    protocolVersion: `control/${CONTROL_VERSION}`,
    numberOfTests: tcId,
    notes,
    testGroups,
  };
}

// ---------------------------------------------------------------------------

/** Every vector file, by file name, as the exact text to commit. */
export function renderVectors(): Map<string, string> {
  const files = new Map<string, VectorFile>([
    ['framing.json', framing()],
    ['messages.json', messages()],
    ['unknown.json', unknown()],
    ['handshake.json', handshake()],
    ['transcripts.json', transcripts()],
    ['control.json', controlVectors()],
  ]);
  return new Map([...files].map(([name, f]) => [name, JSON.stringify(f, null, 2) + '\n']));
}

function main(): void {
  const check = process.argv.includes('--check');
  const rendered = renderVectors();
  let total = 0;
  for (const text of rendered.values()) total += (JSON.parse(text) as VectorFile).numberOfTests;
  if (check) {
    const stale = [...rendered].filter(([name, text]) => {
      const path = join(VECTORS_DIR, name);
      return !existsSync(path) || readFileSync(path, 'utf8') !== text;
    }).map(([name]) => name);
    if (stale.length > 0) {
      console.error(`fixtures/vectors is stale (${stale.join(', ')}): run \`npx tsx scripts/vectors.ts\` and commit the result`);
      process.exit(1);
    }
    console.log(`fixtures/vectors is current: ${rendered.size} files, ${total} vectors`);
    return;
  }
  mkdirSync(VECTORS_DIR, { recursive: true });
  for (const [name, text] of rendered) writeFileSync(join(VECTORS_DIR, name), text);
  console.log(`wrote ${rendered.size} files, ${total} vectors to fixtures/vectors`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
