// A worker's end of its control channel: the Channel (framing, codec,
// protocol failures) plus what a runtime needs around it.
//
//   send()             with `cork`, the frames of one event-loop turn leave in one write
//   sendError()        Error with its text cut to fit ERR-2
//   sendAfterFailure() a last frame after the channel itself failed
//   backedUp()         a stream pauses while a lot is queued for the arbiter
//   afterFlush()       what was sent has reached the kernel
//   close()            the last frames leave (briefly waited for), then `done`
import type { Duplex } from 'node:stream';
import { Channel, type ChannelOptions } from '../transport/channel.js';
import { encodeFrame, type OutMessage } from '../protocol/codec.js';

/** Longest Error.message sent, in UTF-16 units; stays below ERR-2's 1024 octets of UTF-8 for any text. */
const MAX_ERROR_TEXT = 340;

/** Streams stop pulling while this much is queued on the control channel. */
const BACKLOG_BYTES = 1024 * 1024;

export interface LinkOptions {
  channel: ChannelOptions;
  /** Gather the frames sent in one event-loop turn into one write. */
  cork: boolean;
}

/** Error fields besides code and message; 0 and false are the defaults on the wire. */
export interface ErrorExtra {
  fatal?: boolean;
  requestId?: number;
  messageType?: number;
}

export class ControlLink {
  readonly channel: Channel;
  readonly control: Duplex;
  readonly #cork: boolean;
  #corked = false;
  #closed = false;

  constructor(control: Duplex, options: LinkOptions) {
    this.control = control;
    this.#cork = options.cork;
    this.channel = new Channel(control, options.channel);
    this.channel.handshaking = true; // cleared by Welcome (HS-6)
  }

  send(m: OutMessage): void {
    if (this.#closed) return;
    if (this.#cork && !this.#corked) {
      this.#corked = true;
      this.control.cork();
      process.nextTick(() => {
        this.#corked = false;
        this.control.uncork();
      });
    }
    this.channel.send(m);
  }

  sendError(code: number, message: string, extra: ErrorExtra = {}): void {
    const text = message.length > MAX_ERROR_TEXT ? `${message.slice(0, MAX_ERROR_TEXT - 1)}\u2026` : message;
    this.send({ kind: 'error', body: { code, message: text, fatal: extra.fatal ?? false, requestId: extra.requestId ?? 0, messageType: extra.messageType ?? 0 } });
  }

  /**
   * Writes `m` straight to the stream, after the channel itself failed and
   * just before it ends the stream (Goodbye{ERROR} after its fatal Error).
   */
  sendAfterFailure(m: OutMessage): void {
    const control = this.control;
    if (!control.writable || control.writableLength > 65536) return;
    control.write(encodeFrame(m));
  }

  /** A promise while much is queued for the arbiter, resolved once it drained (or the stream closed). */
  backedUp(): Promise<void> | undefined {
    const control = this.control;
    if (control.writableLength < BACKLOG_BYTES || this.#closed) return undefined;
    return new Promise((resolve) => {
      const done = () => {
        control.off('drain', done);
        control.off('close', done);
        resolve();
      };
      control.on('drain', done);
      control.on('close', done);
    });
  }

  /**
   * Runs `fn(true)` once everything written so far has reached the kernel
   * (at once when the writes went through synchronously), or `fn(false)`
   * when the stream or the worker (`ended()`) ends first.
   */
  afterFlush(fn: (flushed: boolean) => void, ended: () => boolean): void {
    const control = this.control;
    if (ended() || control.destroyed) {
      fn(false);
      return;
    }
    if (control.writableLength === 0) {
      fn(true);
      return;
    }
    // An empty write completes after every write queued before it.
    control.write(Buffer.alloc(0), (err) => fn(!err && !ended()));
  }

  /** Ends the channel; `done` runs at once, or with `flush` once the queued frames left (at most 500 ms later). */
  close(flush: boolean, done: () => void): void {
    this.#closed = true;
    const control = this.control;
    if (this.#corked) {
      this.#corked = false;
      control.uncork();
    }
    this.channel.close();
    if (!flush || control.writableLength === 0) {
      done();
      return;
    }
    let called = false;
    const finish = () => {
      if (called) return;
      called = true;
      done();
    };
    control.once('finish', finish);
    control.once('close', finish);
    setTimeout(finish, 500).unref();
  }
}
