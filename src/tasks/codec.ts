// Payload codecs of the task pool, for callers and task workers alike: the
// wire carries bytes and a content type (Execute.content_type,
// Result.content_type); these turn values into bytes and back. Chunks carry
// no content type: they use the job's (spec.md section 4.6).
//
//   content type                 decoded as                       encoded from
//   application/json             JSON.parse(bytes)                JSON.stringify(value)
//   application/msgpack          msgpackr unpack(bytes)           msgpackr pack(value)
//   anything else, or empty      the bytes as a Buffer            bytes, strings as UTF-8
//
// A Buffer or Uint8Array is always sent as raw bytes, with content type
// application/octet-stream, whatever codec the call or the job uses.
import { Packr } from 'msgpackr';
import { InvalidOptionError } from '../errors.js';

export type CodecName = 'json' | 'msgpack' | 'raw';

export const CONTENT_TYPE = Object.freeze({
  JSON: 'application/json',
  MSGPACK: 'application/msgpack',
  OCTETS: 'application/octet-stream',
} as const);

// Plain maps, no records extension: what any other MessagePack reader (a
// Python or Go task worker) decodes.
const packr = new Packr({ useRecords: false, mapsAsObjects: true });
const EMPTY = new Uint8Array(0);

/** The codec a content type names; parameters ("; charset=utf-8") do not change it. */
export function codecOf(contentType: string): CodecName {
  const base = contentType.split(';', 1)[0]!.trim().toLowerCase();
  if (base === CONTENT_TYPE.JSON) return 'json';
  if (base === CONTENT_TYPE.MSGPACK || base === 'application/x-msgpack') return 'msgpack';
  return 'raw';
}

/** The content type of a codec. */
export function contentTypeOf(codec: CodecName | undefined): string {
  return codec === 'msgpack' ? CONTENT_TYPE.MSGPACK : codec === 'raw' ? CONTENT_TYPE.OCTETS : CONTENT_TYPE.JSON;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A payload decoded by its content type; an empty JSON or msgpack payload is undefined. Throws on bad bytes. */
export function decodePayload(bytes: Uint8Array, contentType: string): unknown {
  switch (codecOf(contentType)) {
    case 'json':
      return bytes.length === 0 ? undefined : JSON.parse(asBuffer(bytes).toString('utf8'));
    case 'msgpack':
      return bytes.length === 0 ? undefined : packr.unpack(asBuffer(bytes));
    case 'raw':
      return asBuffer(bytes);
  }
}

/** Encodes one value (a payload, a result, a chunk) with the codec of `contentType`. */
export function encodeValue(value: unknown, contentType: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  switch (codecOf(contentType)) {
    case 'json': {
      if (value === undefined) return EMPTY;
      const text = JSON.stringify(value);
      // A function or a symbol alone: JSON has no text for it.
      if (text === undefined) throw new TypeError(`a ${typeof value} cannot be encoded as JSON`);
      return Buffer.from(text, 'utf8');
    }
    case 'msgpack':
      return value === undefined ? EMPTY : packr.pack(value);
    case 'raw':
      if (value === undefined || value === null) return EMPTY;
      if (typeof value === 'string') return Buffer.from(value, 'utf8');
      if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      if (value instanceof ArrayBuffer) return new Uint8Array(value);
      // Not bytes: the best a raw reader can do with it is read it as JSON text.
      return encodeValue(value, CONTENT_TYPE.JSON);
  }
}

/**
 * A job's Result: its bytes and content type. Bytes go as
 * application/octet-stream; under a raw content type, a value that is not
 * bytes or a string goes as JSON and says so.
 */
export function encodeResult(value: unknown, contentType: string): { payload: Uint8Array; contentType: string } {
  if (value instanceof Uint8Array) return { payload: value, contentType: CONTENT_TYPE.OCTETS };
  if (codecOf(contentType) === 'raw' && value !== undefined && value !== null && typeof value !== 'string' && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer)) {
    return { payload: encodeValue(value, CONTENT_TYPE.JSON), contentType: CONTENT_TYPE.JSON };
  }
  return { payload: encodeValue(value, contentType), contentType };
}

/** A caller's payload: encoded with `codec` (default json); a Buffer is always sent raw. */
export function encodePayload(value: unknown, codec: CodecName = 'json'): { payload: Uint8Array; contentType: string } {
  if (codec !== 'json' && codec !== 'msgpack' && codec !== 'raw') throw new InvalidOptionError(`options.codec must be json, msgpack or raw, got ${JSON.stringify(codec)}`);
  if (codec === 'raw' && value !== undefined && value !== null && typeof value !== 'string' && !(value instanceof Uint8Array)) {
    throw new InvalidOptionError(`codec "raw" sends bytes or strings, got ${typeof value}`);
  }
  if (value instanceof Uint8Array) return { payload: value, contentType: CONTENT_TYPE.OCTETS };
  return { payload: encodeValue(value, contentTypeOf(codec)), contentType: contentTypeOf(codec) };
}
