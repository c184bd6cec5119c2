// Framing (spec.md section 3): every message on the control channel is
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |          Length N (32-bit unsigned, big-endian)               |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                                                               |
//   :        N bytes: one protobuf corral.v1.Envelope               :
//   |                                                               |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
//   N counts the Envelope only, not the 4 length bytes [FRAME-2].
//   N = 0 is invalid [FRAME-3]; N > the negotiated limit is rejected as soon
//   as the 4 length bytes are in, before any payload is buffered [FRAME-5].
//
// FrameDecoder is a state machine in the style of ws's Receiver:
//
//        push(chunk)
//            |
//            v
//   +--------------+  4 bytes in, 0 < N <= max  +---------------+
//   | READ_LENGTH  |--------------------------->| READ_PAYLOAD  |
//   |              |<---------------------------| (need N bytes)|
//   +--------------+   N bytes in: emit frame   +---------------+
//            |  N = 0 or N > max                        |
//            v                                          | end() with bytes pending
//   +--------------+                                    |
//   |    FAILED    |<-----------------------------------+
//   +--------------+   sticky: every later push()/end() rethrows
//
// Chunks are kept by reference. A frame wholly inside one chunk is returned as
// a subarray of it (no copy); a frame that spans chunks is copied once, when
// its last byte arrives.
import { FrameEmptyError, FrameTooLargeError, FrameTruncatedError, InvalidOptionError } from './errors.js';
import { DEFAULT_MAX_FRAME_BYTES, FRAME_HEADER_BYTES, HARD_MAX_FRAME_BYTES } from './limits.js';

const READ_LENGTH = 0;
const READ_PAYLOAD = 1;
const FAILED = 2;
type State = typeof READ_LENGTH | typeof READ_PAYLOAD | typeof FAILED;

/** Options of a FrameDecoder. */
export interface FrameDecoderOptions {
  /** Largest accepted Envelope, in bytes (1 .. 16 MiB). Default 65536. */
  maxFrameBytes?: number;
}

function checkMaxFrameBytes(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new InvalidOptionError(`${name} must be a positive integer`);
  }
  if (value < 1 || value > HARD_MAX_FRAME_BYTES) {
    throw new InvalidOptionError(`${name} must be between 1 and ${HARD_MAX_FRAME_BYTES}, got ${value}`, { range: true });
  }
  return value;
}

/** The 4-byte big-endian length prefix of a frame whose Envelope is `length` bytes. */
export function frameHeader(length: number): Buffer {
  if (!Number.isInteger(length) || length < 0 || length > 0xffffffff) {
    throw new RangeError(`frame length must be an integer between 0 and ${0xffffffff}, got ${length}`);
  }
  const header = Buffer.allocUnsafe(FRAME_HEADER_BYTES);
  header.writeUInt32BE(length, 0);
  return header;
}

/**
 * Splits a byte stream into frame payloads (Envelope bytes).
 *
 * `push(chunk)` returns the frames completed by `chunk`, in order. It throws
 * FrameTooLargeError as soon as a length prefix exceeds `maxFrameBytes`, and
 * FrameEmptyError on a zero length; frames completed earlier in the same chunk
 * are dropped with it, since the channel is closed on either error. After an
 * error the decoder stays failed and rethrows it. `end()` reports a stream that
 * stopped mid-frame (FrameTruncatedError).
 */
export class FrameDecoder {
  private _max: number;
  private _state: State = READ_LENGTH;
  private _error: Error | null = null;
  /** Unconsumed chunks; reading starts at `_offset` in `_chunks[0]`. */
  private _chunks: Uint8Array[] = [];
  private _offset = 0;
  private _buffered = 0;
  /** Payload length of the frame being read (READ_PAYLOAD). */
  private _length = 0;

  constructor(opts: FrameDecoderOptions = {}) {
    this._max = opts.maxFrameBytes === undefined
      ? DEFAULT_MAX_FRAME_BYTES
      : checkMaxFrameBytes(opts.maxFrameBytes, 'options.maxFrameBytes');
  }

  /**
   * The frame size limit. Setting it (after the handshake negotiates a new
   * limit) applies from the next length prefix; a frame whose prefix has
   * already been accepted completes under the old limit.
   */
  get maxFrameBytes(): number {
    return this._max;
  }

  set maxFrameBytes(value: number) {
    this._max = checkMaxFrameBytes(value, 'maxFrameBytes');
  }

  /**
   * Bytes received but not yet returned as frames. At most 3 while waiting for
   * a length, and below the frame's length while waiting for its payload, so
   * never more than maxFrameBytes + 4 between calls.
   */
  get bufferedBytes(): number {
    return this._buffered;
  }

  /** True after an error; every later call rethrows it. */
  get failed(): boolean {
    return this._state === FAILED;
  }

  /** Feeds the next chunk of the stream; returns the frames it completes. */
  push(chunk: Uint8Array): Uint8Array[] {
    if (this._state === FAILED) throw this._error as Error;
    const frames: Uint8Array[] = [];
    if (chunk.length === 0) return frames;
    this._chunks.push(chunk);
    this._buffered += chunk.length;
    for (;;) {
      if (this._state === READ_LENGTH) {
        if (this._buffered < FRAME_HEADER_BYTES) break;
        const n = this._readLength();
        if (n === 0) this._fail(new FrameEmptyError('zero-length frame [FRAME-3]'));
        if (n > this._max) {
          this._fail(new FrameTooLargeError(`frame of ${n} bytes exceeds the limit of ${this._max} bytes [FRAME-5]`, {
            length: n, limit: this._max,
          }));
        }
        this._length = n;
        this._state = READ_PAYLOAD;
      } else {
        if (this._buffered < this._length) break;
        frames.push(this._consume(this._length));
        this._state = READ_LENGTH;
      }
    }
    return frames;
  }

  /** The stream has ended. Throws FrameTruncatedError if a frame was left incomplete. */
  end(): void {
    if (this._state === FAILED) throw this._error as Error;
    if (this._state === READ_PAYLOAD) {
      this._fail(new FrameTruncatedError(
        `stream ended after ${this._buffered} of ${this._length} payload bytes [FRAME-6]`,
      ));
    }
    if (this._buffered > 0) {
      this._fail(new FrameTruncatedError(
        `stream ended after ${this._buffered} of ${FRAME_HEADER_BYTES} length bytes [FRAME-6]`,
      ));
    }
  }

  private _fail(err: Error): never {
    this._state = FAILED;
    this._error = err;
    this._chunks = [];
    this._offset = 0;
    this._buffered = 0;
    throw err;
  }

  private _readLength(): number {
    const first = this._chunks[0] as Uint8Array;
    const o = this._offset;
    if (first.length - o >= FRAME_HEADER_BYTES) {
      // Multiply the top byte rather than shift it, so the result stays unsigned.
      const n = first[o]! * 0x1000000 + ((first[o + 1]! << 16) | (first[o + 2]! << 8) | first[o + 3]!);
      this._skip(FRAME_HEADER_BYTES);
      return n;
    }
    // The prefix spans chunks: gather it byte by byte.
    let n = 0;
    for (let i = 0; i < FRAME_HEADER_BYTES; i++) {
      const c = this._chunks[0] as Uint8Array;
      n = n * 256 + c[this._offset]!;
      this._skip(1);
    }
    return n;
  }

  /** Advances past `n` bytes within the first chunk. */
  private _skip(n: number): void {
    this._offset += n;
    this._buffered -= n;
    if (this._offset === (this._chunks[0] as Uint8Array).length) {
      this._chunks.shift();
      this._offset = 0;
    }
  }

  /** Removes and returns the next `n` bytes: a view if they lie in one chunk, else a copy. */
  private _consume(n: number): Uint8Array {
    const first = this._chunks[0] as Uint8Array;
    const o = this._offset;
    if (first.length - o >= n) {
      const out = first.subarray(o, o + n);
      this._skip(n);
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const c = this._chunks[0] as Uint8Array;
      const take = Math.min(c.length - this._offset, n - filled);
      out.set(c.subarray(this._offset, this._offset + take), filled);
      filled += take;
      this._skip(take);
    }
    return out;
  }
}
