// Payload codecs of the task pool: the wire carries bytes and a content type
// (Execute.content_type, Result.content_type); these turn values into bytes
// and back. JSON for anything, MessagePack (msgpackr) for binary-rich values
// and speed, raw bytes for Buffers. Chunks carry no content type: they use
// the job's (spec.md section 4.6).
import { Packr } from 'msgpackr';
import { InvalidOptionError } from '../errors.js';

export type CodecName = 'json' | 'msgpack' | 'raw';

export const CONTENT_TYPE = Object.freeze({
  json: 'application/json',
  msgpack: 'application/msgpack',
  raw: 'application/octet-stream',
} as const);

// Plain maps and no records extension: what a Python or C reader of
// MessagePack expects, and what structured values round-trip as.
const packr = new Packr({ useRecords: false, mapsAsObjects: true });
const EMPTY = new Uint8Array(0);

/** Encodes a value for the wire; a Buffer/Uint8Array is always sent raw. */
export function encodePayload(value: unknown, codec: CodecName = 'json'): { payload: Uint8Array; contentType: string } {
  if (value instanceof Uint8Array) return { payload: value, contentType: CONTENT_TYPE.raw };
  switch (codec) {
    case 'json':
      return { payload: value === undefined ? EMPTY : Buffer.from(JSON.stringify(value)), contentType: CONTENT_TYPE.json };
    case 'msgpack':
      return { payload: packr.pack(value), contentType: CONTENT_TYPE.msgpack };
    case 'raw':
      if (value === undefined || value === null) return { payload: EMPTY, contentType: CONTENT_TYPE.raw };
      if (typeof value === 'string') return { payload: Buffer.from(value), contentType: CONTENT_TYPE.raw };
      throw new InvalidOptionError(`codec "raw" sends bytes or strings, got ${typeof value}`, { range: false });
    default:
      throw new InvalidOptionError(`options.codec must be json, msgpack or raw, got ${JSON.stringify(codec)}`);
  }
}

/** Decodes a payload by its content type; unknown types stay bytes. */
export function decodePayload(payload: Uint8Array, contentType: string): unknown {
  if (contentType === CONTENT_TYPE.json) return payload.length === 0 ? undefined : JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8'));
  if (contentType === CONTENT_TYPE.msgpack) return payload.length === 0 ? undefined : packr.unpack(payload);
  return Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
}
