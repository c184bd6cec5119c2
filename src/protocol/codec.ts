// The Envelope codec: typed messages <-> protobuf bytes.
//
// Every frame carries one corral.v1.Envelope whose `body` oneof is the message
// type. Here the oneof becomes a discriminated union, `{ kind, body }`, so a
// `switch (m.kind)` narrows `m.body` to the generated class.
//
//   Envelope bytes:  [ tag = field_number << 3 | 2 ][ varint length ][ body message ]
//                      field numbers: hello 1 .. credit 35 (envelope.proto)
//
// Decoding is strict about structure (DecodeError) and about the body type
// (UnknownMessageError when no known body is present), and lenient about
// unknown fields inside known messages, which are skipped (COMPAT-1).
// Semantic rules that the .proto cannot express live in validate(), so that a
// receiver can tell "undecodable" (fatal) from "decodable but wrong".
import protobuf from 'protobufjs/minimal.js';
import { corral } from './generated/corral.js';
import { DecodeError, FrameEmptyError, FrameTooLargeError, InvalidFieldError, UnknownMessageError } from './errors.js';
import { FRAME_HEADER_BYTES, HARD_MAX_FRAME_BYTES } from './limits.js';

// 64-bit fields are plain numbers (brief: "64-bit fields are plain JS numbers").
// protobufjs picks Long or number when it reads or writes a uint64, so this
// must run before the first decode.
(protobuf.util as { Long: unknown }).Long = undefined;
protobuf.configure();

// The generated classes set their uint64 prototype defaults when the module is
// evaluated, which (ES module order) is before the lines above: a field that
// was zero on the wire would read as Long(0). Reset those defaults to 0.
function isLongLike(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as { low?: unknown }).low === 'number' &&
    typeof (v as { high?: unknown }).high === 'number';
}
/** Resets the uint64 prototype defaults of every generated class in `namespace` to 0 (see above). */
export function plainUint64Defaults(namespace: object): void {
  for (const value of Object.values(namespace) as unknown[]) {
    if (typeof value !== 'function') continue;
    const proto = (value as { prototype: Record<string, unknown> }).prototype;
    for (const key of Object.getOwnPropertyNames(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key);
      if (d !== undefined && 'value' in d && isLongLike(d.value)) proto[key] = 0;
    }
  }
}
plainUint64Defaults(corral.v1);

export { corral };
export const ErrorCode = corral.v1.ErrorCode;
export type ErrorCode = corral.v1.ErrorCode;
export const AcceptStrategy = corral.v1.AcceptStrategy;
export type AcceptStrategy = corral.v1.AcceptStrategy;
export const ReleaseReason = corral.v1.ReleaseReason;
export type ReleaseReason = corral.v1.ReleaseReason;
export const GoodbyeReason = corral.v1.GoodbyeReason;
export type GoodbyeReason = corral.v1.GoodbyeReason;
export const WorkerKind = corral.v1.WorkerKind;
export type WorkerKind = corral.v1.WorkerKind;

/** The decoded body class of each message kind. */
export interface BodyTypes {
  hello: corral.v1.Hello;
  welcome: corral.v1.Welcome;
  ready: corral.v1.Ready;
  heartbeat: corral.v1.Heartbeat;
  acceptGrant: corral.v1.AcceptGrant;
  acceptDone: corral.v1.AcceptDone;
  handoff: corral.v1.ConnectionHandoff;
  handoffAck: corral.v1.HandoffAck;
  acceptRevoke: corral.v1.AcceptRevoke;
  drain: corral.v1.Drain;
  stop: corral.v1.Stop;
  goodbye: corral.v1.Goodbye;
  error: corral.v1.Error;
  execute: corral.v1.Execute;
  result: corral.v1.Result;
  chunk: corral.v1.Chunk;
  end: corral.v1.End;
  cancel: corral.v1.Cancel;
  credit: corral.v1.Credit;
}

/** The name of a message type: the Envelope oneof member, in camelCase. */
export type MessageKind = keyof BodyTypes;

/** The body shape accepted for encoding: all fields optional, plain objects allowed. */
export type OutBodyTypes = { [K in MessageKind]: NonNullable<corral.v1.Envelope.$Properties[K]> };

/** A decoded message: `kind` narrows `body` to the generated class (every field present). */
export type Message = { [K in MessageKind]: { kind: K; body: BodyTypes[K] } }[MessageKind];

/** A message to encode: `body` may be a plain object with any subset of fields. */
export type OutMessage = { [K in MessageKind]: { kind: K; body: OutBodyTypes[K] } }[MessageKind];

/** The decoded message of one kind. */
export type MessageOf<K extends MessageKind> = Extract<Message, { kind: K }>;

interface BodyCodec {
  encode(body: object, writer: protobuf.Writer): protobuf.Writer;
  decode(reader: protobuf.Reader, length: number): object;
}

/** Envelope field number of each kind (envelope.proto). */
export const MESSAGE_FIELD_NUMBERS: Readonly<Record<MessageKind, number>> = Object.freeze({
  hello: 1, welcome: 2, ready: 3, heartbeat: 4,
  acceptGrant: 10, acceptDone: 11, handoff: 12, handoffAck: 13, acceptRevoke: 14,
  drain: 20, stop: 21, goodbye: 22, error: 23,
  execute: 30, result: 31, chunk: 32, end: 33, cancel: 34, credit: 35,
});

/** Every message kind, in field-number order. */
export const MESSAGE_KINDS: readonly MessageKind[] = Object.freeze(
  (Object.keys(MESSAGE_FIELD_NUMBERS) as MessageKind[]).sort((a, b) => MESSAGE_FIELD_NUMBERS[a] - MESSAGE_FIELD_NUMBERS[b]),
);

const BODY_CODECS: Readonly<Record<MessageKind, BodyCodec>> = {
  hello: corral.v1.Hello, welcome: corral.v1.Welcome, ready: corral.v1.Ready, heartbeat: corral.v1.Heartbeat,
  acceptGrant: corral.v1.AcceptGrant, acceptDone: corral.v1.AcceptDone, handoff: corral.v1.ConnectionHandoff,
  handoffAck: corral.v1.HandoffAck, acceptRevoke: corral.v1.AcceptRevoke, drain: corral.v1.Drain, stop: corral.v1.Stop, goodbye: corral.v1.Goodbye,
  error: corral.v1.Error, execute: corral.v1.Execute, result: corral.v1.Result, chunk: corral.v1.Chunk,
  end: corral.v1.End, cancel: corral.v1.Cancel, credit: corral.v1.Credit,
} as Record<MessageKind, BodyCodec>;

const KIND_BY_FIELD = new Map<number, MessageKind>(MESSAGE_KINDS.map((k) => [MESSAGE_FIELD_NUMBERS[k], k]));
// The same as a dense array, for the decode fast path.
const KIND_BY_TAG_FIELD: (MessageKind | undefined)[] = [];
for (const [field, kind] of KIND_BY_FIELD) KIND_BY_TAG_FIELD[field] = kind;

/** The message kind carried in Envelope field `fieldNumber`, or undefined if unknown. */
export function kindOfField(fieldNumber: number): MessageKind | undefined {
  return KIND_BY_FIELD.get(fieldNumber);
}

// One writer is reused for every encode, which saves allocating a writer and
// its 128-byte buffer per message (a small saving: the encode itself dominates).
// finish() copies the bytes out, so the writer's buffer never escapes. It is
// dropped after a large message so that one 16 MiB Execute does not pin 16 MiB.
const WRITER_KEEP_BYTES = 64 * 1024;
let writer = protobuf.Writer.create();

function writeEnvelope(m: OutMessage, prefix: boolean): Uint8Array {
  if (!Object.hasOwn(BODY_CODECS, m.kind)) throw new TypeError(`unknown message kind: ${String(m.kind)}`);
  const codec = BODY_CODECS[m.kind];
  const w = writer;
  w.pos = 0;
  w.states = null;
  try {
    if (prefix) w.fixed32(0); // placeholder for the big-endian length
    codec.encode(m.body, w.uint32((MESSAGE_FIELD_NUMBERS[m.kind] << 3) | 2).fork()).ldelim();
    return w.finish();
  } finally {
    if (w.buf.length > WRITER_KEEP_BYTES) writer = protobuf.Writer.create();
  }
}

/** Encodes `m` as Envelope bytes (no length prefix). */
export function encodeMessage(m: OutMessage): Uint8Array {
  return writeEnvelope(m, false);
}

/**
 * Encodes `m` as a complete frame: 4-byte big-endian length, then the Envelope.
 * Throws FrameTooLargeError when the Envelope exceeds `maxFrameBytes` (default:
 * the hard cap), so that a sender never writes a frame its peer must reject.
 */
export function encodeFrame(m: OutMessage, maxFrameBytes: number = HARD_MAX_FRAME_BYTES): Buffer {
  const out = writeEnvelope(m, true);
  const n = out.length - FRAME_HEADER_BYTES;
  if (n > maxFrameBytes) {
    throw new FrameTooLargeError(`cannot send a ${m.kind} frame of ${n} bytes: the limit is ${maxFrameBytes} bytes`, {
      length: n, limit: maxFrameBytes, fatal: false,
    });
  }
  out[0] = n >>> 24;
  out[1] = (n >>> 16) & 0xff;
  out[2] = (n >>> 8) & 0xff;
  out[3] = n & 0xff;
  return Buffer.isBuffer(out) ? out : Buffer.from(out.buffer, out.byteOffset, out.length);
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Decodes Envelope bytes (one frame's payload). Throws DecodeError when the
 * bytes are not a well-formed Envelope and UnknownMessageError (not fatal;
 * `messageType` = the field number) when the body is not a known type.
 * Unknown fields inside a known message are ignored.
 */
export function decodeMessage(bytes: Uint8Array): Message {
  if (bytes.length === 0) throw new FrameEmptyError('empty envelope');
  let env: corral.v1.Envelope;
  try {
    // Fast path, the shape every sender produces: one known body field that
    // spans the whole envelope. Decoding the body directly skips the Envelope
    // object and its 17-way field loop.
    const reader = protobuf.Reader.create(bytes);
    const tag = reader.uint32();
    const kind = (tag & 7) === 2 ? KIND_BY_TAG_FIELD[tag >>> 3] : undefined;
    if (kind !== undefined) {
      const length = reader.uint32();
      if (reader.pos + length === reader.len) return { kind, body: BODY_CODECS[kind].decode(reader, length) } as Message;
    }
    // Anything else (extra top-level fields, a repeated body, an unknown
    // field number) goes through the generated Envelope decoder.
    env = corral.v1.Envelope.decode(bytes);
  } catch (err) {
    throw new DecodeError(`undecodable envelope: ${describe(err)}`, { cause: err });
  }
  const kind = env.body;
  if (kind === undefined) throw noBodyError(bytes);
  return { kind, body: env[kind] } as Message;
}

/**
 * The envelope decoded but no known body was set. Scan its top-level fields to
 * tell an unknown message type (a field number we do not know) from a
 * malformed one (a known body field with the wrong wire type, or field 0).
 */
function noBodyError(bytes: Uint8Array): Error {
  if (bytes.length === 0) return new FrameEmptyError('empty envelope');
  const reader = protobuf.Reader.create(bytes);
  let unknown = 0;
  try {
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      const field = tag >>> 3;
      const wireType = tag & 7;
      if (field === 0) return new DecodeError('envelope has a field with number 0');
      const kind = KIND_BY_FIELD.get(field);
      if (kind !== undefined) {
        return new DecodeError(`envelope field ${field} (${kind}) has wire type ${wireType}, expected 2`);
      }
      if (unknown === 0) unknown = field;
      reader.skipType(wireType, 0, field);
    }
  } catch (err) {
    return new DecodeError(`undecodable envelope: ${describe(err)}`, { cause: err });
  }
  return new UnknownMessageError(unknown, `unknown message type ${unknown}`);
}

/**
 * Checks the rules spec.md sets on field values that a stateless receiver can
 * check. Throws InvalidFieldError (206, fatal) naming the field and the rule:
 * - Hello lists at least one version [HELLO-2];
 * - Hello.kind, Welcome.strategy, AcceptDone.reason and Goodbye.reason hold
 *   a value that this version defines [COMPAT-7];
 * - handoff and request ids are at most 2^53-1 [MSG-7];
 * - Execute.request_id is not 0 [TASK-7]; no handoff id is 0, which the
 *   arbiter never hands out [HANDOFF-3], so a ConnectionHandoff or a
 *   HandoffAck naming 0 is invalid [HANDOFF-12].
 * Rules that need state (a grant's listener, a known request id) are the
 * caller's.
 */
export function validate(m: Message): void {
  switch (m.kind) {
    case 'hello':
      if (m.body.versions.length === 0) invalid('Hello.versions must list at least one version [HELLO-2]');
      enumField('Hello.kind', m.body.kind, corral.v1.WorkerKind);
      break;
    case 'welcome':
      enumField('Welcome.strategy', m.body.strategy, corral.v1.AcceptStrategy);
      break;
    case 'acceptDone':
      enumField('AcceptDone.reason', m.body.reason, corral.v1.ReleaseReason);
      break;
    case 'goodbye':
      enumField('Goodbye.reason', m.body.reason, corral.v1.GoodbyeReason);
      break;
    case 'handoff':
      nonZeroHandoffId('ConnectionHandoff.handoff_id', m.body.handoffId);
      break;
    case 'handoffAck':
      for (const id of m.body.handoffIds) nonZeroHandoffId('HandoffAck.handoff_ids', id);
      for (const id of m.body.refusedIds) nonZeroHandoffId('HandoffAck.refused_ids', id);
      break;
    case 'execute':
      safeId('Execute.request_id', m.body.requestId);
      if (m.body.requestId === 0) invalid('Execute.request_id must not be 0 [TASK-7]');
      break;
    case 'error':
    case 'result':
    case 'chunk':
    case 'end':
    case 'cancel':
    case 'credit':
      safeId(`${TYPE_NAMES[m.kind]}.request_id`, m.body.requestId);
      break;
    default:
      break;
  }
}

const TYPE_NAMES = { error: 'Error', result: 'Result', chunk: 'Chunk', end: 'End', cancel: 'Cancel', credit: 'Credit' } as const;

function invalid(message: string): never {
  throw new InvalidFieldError(message);
}

function enumField(name: string, value: number, values: object): void {
  if (typeof (values as Record<number, unknown>)[value] !== 'string') invalid(`${name} has unknown value ${value} [COMPAT-7]`);
}

// uint64 ids arrive as JS numbers; above 2^53 two different ids could compare
// equal, which would misroute a task or a handoff.
function safeId(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) invalid(`${name} ${value} is above 2^53-1 [MSG-7]`);
}

function nonZeroHandoffId(name: string, value: number): void {
  safeId(name, value);
  if (value === 0) invalid(`${name} has handoff id 0, which is never handed out [HANDOFF-3]`);
}

/**
 * The protobuf JSON form of a message (canonical: zero values omitted, uint64
 * as strings, enums by name, bytes as base64), e.g. for logs and test vectors.
 */
export function messageToJSON(m: Message | OutMessage): Record<string, unknown> {
  return corral.v1.Envelope.decode(encodeMessage(m as OutMessage)).toJSON();
}

/** Parses the protobuf JSON form of an Envelope. Throws TypeError when it has no known body. */
export function messageFromJSON(json: Record<string, unknown>): Message {
  const env = corral.v1.Envelope.fromObject(json);
  const kind = env.body;
  if (kind === undefined) throw new TypeError('the JSON envelope has no known message body');
  return { kind, body: env[kind] } as Message;
}
