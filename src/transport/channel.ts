// A control channel: the framer and codec on top of any Duplex (a socketpair
// end wrapped in net.Socket, or an in-memory pair in tests).
//
//   stream bytes ──► FrameDecoder ──► decodeMessage ──► 'message'
//   send(msg)    ──► encodeFrame  ──► stream.write
//
// Protocol failures follow spec.md section 9: an unknown message type is
// answered with a non-fatal Error and the channel carries on; anything fatal
// (oversize, empty or undecodable frame, a flood, a peer that stops reading)
// sends one fatal Error, ends the stream and emits 'failed' then 'close'.
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { FrameDecoder } from '../protocol/framer.js';
import { decodeMessage, encodeFrame, validate, type Message, type OutMessage } from '../protocol/codec.js';
import { DEFAULT_MAX_FRAME_BYTES } from '../protocol/limits.js';
import { CorralError, FloodError, FrameTruncatedError, UnexpectedMessageError, UnknownMessageError, toWireError } from '../protocol/errors.js';
import { channelStats } from './stats.js';

export interface ChannelOptions {
  /** Largest frame accepted from the peer (and sent to it). */
  maxFrameBytes?: number;
  /** Frames accepted per `floodWindowMs` before the peer is cut off; 0 = no limit. */
  maxFramesPerWindow?: number;
  floodWindowMs?: number;
  /** Bytes queued for a peer that does not read before the channel is closed. */
  maxQueuedBytes?: number;
  /** Monotonic clock in ms (injected in tests). */
  now?: () => number;
  /**
   * Batch the frames sent in one turn of the event loop into one writev
   * (cork until the next tick). For a side that answers many peers (the
   * arbiter), not for one that must see each frame reach the kernel on its
   * own (a worker's handoff acknowledgements, HANDOFF-23).
   */
  batchWrites?: boolean;
}

export const CHANNEL_DEFAULTS = {
  maxFrameBytes: DEFAULT_MAX_FRAME_BYTES,
  maxFramesPerWindow: 20_000,
  floodWindowMs: 1000,
  maxQueuedBytes: 4 * 1024 * 1024,
} as const;

export interface ChannelEvents {
  message: [Message];
  /** A non-fatal protocol problem that was answered on the wire (unknown message type). */
  warning: [CorralError];
  /** The channel failed (fatal protocol error or stream error); 'close' follows. */
  failed: [Error];
  close: [];
}

export class Channel extends EventEmitter<ChannelEvents> {
  readonly #stream: Duplex;
  readonly #decoder: FrameDecoder;
  #maxFramesPerWindow: number;
  readonly #floodWindowMs: number;
  #maxQueuedBytes: number;
  readonly #now: () => number;
  #windowStart = 0;
  #windowFrames = 0;
  #closed = false;
  /**
   * Error replies to the frames of one read, written together when the read
   * is done. A queued write costs a few hundred bytes of bookkeeping whatever
   * its size, so a peer streaming small unknown frames without reading grew
   * the process by far more than maxQueuedBytes when each reply was a write.
   */
  #replies: Uint8Array[] | undefined;
  #repliesBytes = 0;
  /**
   * True until the handshake is done (the owner clears it): an unknown message
   * type then is not answered and skipped but is fatal UNEXPECTED_MESSAGE,
   * since only Hello / Welcome / Error may come first (HS-2, HS-6).
   */
  handshaking = false;

  /**
   * Raises (or lowers) the flood and queue limits once the peer's role is
   * known: a task worker answers every Execute and a caller may submit tens
   * of thousands of jobs a second, each frame up to the negotiated limit,
   * which the defaults (sized for a socket worker's control traffic) would
   * take for a flood or a peer that stopped reading.
   */
  setLimits(limits: { maxFramesPerWindow?: number; maxQueuedBytes?: number }): void {
    if (limits.maxFramesPerWindow !== undefined) this.#maxFramesPerWindow = limits.maxFramesPerWindow;
    if (limits.maxQueuedBytes !== undefined) this.#maxQueuedBytes = limits.maxQueuedBytes;
  }
  /** Frames received and sent, for statistics and the flood check. */
  framesIn = 0;
  framesOut = 0;

  constructor(stream: Duplex, options: ChannelOptions = {}) {
    super();
    this.#stream = stream;
    this.#decoder = new FrameDecoder({ maxFrameBytes: options.maxFrameBytes ?? CHANNEL_DEFAULTS.maxFrameBytes });
    this.#maxFramesPerWindow = options.maxFramesPerWindow ?? CHANNEL_DEFAULTS.maxFramesPerWindow;
    this.#floodWindowMs = options.floodWindowMs ?? CHANNEL_DEFAULTS.floodWindowMs;
    this.#maxQueuedBytes = options.maxQueuedBytes ?? CHANNEL_DEFAULTS.maxQueuedBytes;
    this.#now = options.now ?? (() => performance.now());
    this.#batch = options.batchWrites ?? false;
    stream.on('data', (chunk: Buffer) => this.#onData(chunk));
    stream.on('end', () => this.#onEnd());
    stream.on('error', (err) => this.#fail(err, false));
    stream.on('close', () => this.#finish());
  }

  get closed(): boolean {
    return this.#closed;
  }

  get maxFrameBytes(): number {
    return this.#decoder.maxFrameBytes;
  }

  /** Applies the negotiated limit (spec NEG-4) to both directions. */
  set maxFrameBytes(n: number) {
    this.#decoder.maxFrameBytes = n;
  }

  /** Sends one message; returns false when the channel is already closed. */
  send(message: OutMessage): boolean {
    if (this.#closed) return false;
    this.#flushReplies(); // keeps the order of what we write
    // The frames of one turn of the event loop leave in one writev: a busy
    // task pool sends tens of thousands of small frames a second, and a
    // write(2) each was a fifth of the arbiter's CPU. The turn ends before
    // any I/O is polled, so no frame waits for anything but the code that is
    // already running.
    if (this.#batch && !this.#corked) {
      this.#corked = true;
      this.#stream.cork();
      process.nextTick(this.#uncork);
    }
    this.#stream.write(encodeFrame(message));
    this.framesOut++;
    return !this.#overQueued();
  }

  #corked = false;
  readonly #batch: boolean;
  readonly #uncork = (): void => {
    this.#corked = false;
    this.#stream.uncork();
  };

  // A peer that stops reading must not make us buffer without bound: every
  // write counts, the Error replies to its unknown frames included.
  #overQueued(): boolean {
    const queued = this.#stream.writableLength + this.#repliesBytes;
    if (queued <= this.#maxQueuedBytes) return false;
    // It does not read: the replies not yet written would never be read either.
    this.#replies = undefined;
    this.#repliesBytes = 0;
    this.#fail(new FloodError(`peer stopped reading: ${queued} bytes queued (limit ${this.#maxQueuedBytes})`), false);
    return true;
  }

  /** Ends the channel; with a protocol error, tells the peer why first. */
  close(reason?: CorralError): void {
    if (this.#closed) return;
    if (reason) this.#writeError(reason, true);
    this.#closed = true;
    this.#flushReplies();
    this.#endAndRelease();
  }

  // The peer may never close its end: once what we wrote has reached the
  // kernel ('finish'), release the fd instead of waiting for the peer's EOF.
  // Destroying any earlier could drop the Error frame that says why.
  #endAndRelease(): void {
    const stream = this.#stream;
    if (stream.destroyed) return;
    stream.once('finish', () => stream.destroy());
    stream.end();
    setTimeout(() => stream.destroy(), 1000).unref();
  }

  /** Tears the channel down without a goodbye (the peer is gone or hostile). */
  destroy(): void {
    this.#closed = true;
    this.#stream.destroy();
  }

  #onData(chunk: Buffer): void {
    channelStats.reads++;
    if (this.#closed) return;
    let frames: Uint8Array[];
    try {
      frames = this.#decoder.push(chunk);
    } catch (err) {
      this.#fail(err as Error, true);
      return;
    }
    this.#replies = [];
    try {
      this.#onFrames(frames);
    } finally {
      this.#flushReplies();
      this.#replies = undefined;
    }
  }

  #onFrames(frames: Uint8Array[]): void {
    for (const frame of frames) {
      if (this.#closed) return;
      this.framesIn++;
      if (this.#maxFramesPerWindow > 0 && this.#flooded()) {
        this.#fail(new FloodError(`more than ${this.#maxFramesPerWindow} frames in ${this.#floodWindowMs} ms`), true);
        return;
      }
      let message: Message;
      try {
        message = decodeMessage(frame);
        // Stateless field rules (HELLO-2, COMPAT-7, ...): INVALID_FIELD, fatal.
        validate(message);
      } catch (err) {
        if (err instanceof UnknownMessageError && this.handshaking) {
          this.#fail(new UnexpectedMessageError(`unknown message type ${err.messageType} before the handshake completed`), true);
          return;
        }
        if (err instanceof UnknownMessageError) {
          // COMPAT-2: answered, never silently dropped, and not fatal.
          this.#writeError(err, false);
          if (this.#overQueued()) return;
          this.emit('warning', err);
          continue;
        }
        this.#fail(err as Error, true);
        return;
      }
      this.emit('message', message);
    }
  }

  #flooded(): boolean {
    const now = this.#now();
    if (now - this.#windowStart >= this.#floodWindowMs) {
      this.#windowStart = now;
      this.#windowFrames = 0;
    }
    return ++this.#windowFrames > this.#maxFramesPerWindow;
  }

  #onEnd(): void {
    if (this.#closed) return;
    try {
      this.#decoder.end();
    } catch (err) {
      // FRAME-6: EOF inside a frame. The peer is gone, so nothing is sent.
      this.#fail(err instanceof FrameTruncatedError ? err : (err as Error), false);
      return;
    }
    this.#closed = true;
    this.#stream.end();
  }

  #writeError(err: CorralError, fatal: boolean): void {
    if (this.#stream.destroyed || !this.#stream.writable) return;
    const frame = encodeFrame({ kind: 'error', body: { ...toWireError(err), fatal } });
    this.framesOut++;
    if (this.#replies) {
      this.#replies.push(frame);
      this.#repliesBytes += frame.length;
    } else this.#stream.write(frame);
  }

  #flushReplies(): void {
    const replies = this.#replies;
    if (!replies?.length) return;
    this.#replies = [];
    this.#repliesBytes = 0;
    if (this.#stream.destroyed || !this.#stream.writable) return;
    this.#stream.write(replies.length === 1 ? replies[0]! : Buffer.concat(replies));
  }

  #fail(err: Error, tellPeer: boolean): void {
    if (this.#closed) return;
    if (tellPeer && err instanceof CorralError) this.#writeError(err, true);
    this.#closed = true;
    this.#flushReplies();
    this.emit('failed', err);
    this.#endAndRelease();
  }

  #finish(): void {
    this.#closed = true;
    this.emit('close');
  }
}
