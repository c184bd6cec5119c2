// The task worker's end of its control channel: the Channel (framing,
// codec, protocol failures) plus what the runtime needs around it.
//
//   send()      frames of one event-loop turn leave in one write (cork / uncork)
//   backedUp()  a stream pauses while a lot is queued for the arbiter
//   close()     the last frames leave (briefly waited for), then `done`
import type { Duplex } from 'node:stream';
import { Channel } from '../transport/channel.js';
import { encodeFrame, type OutMessage } from '../protocol/codec.js';
import { HARD_MAX_FRAME_BYTES } from '../protocol/limits.js';

/** Longest Error.message sent, in UTF-16 units; stays below ERR-2's 1024 octets of UTF-8 for any text. */
const MAX_ERROR_TEXT = 340;

/** Streams stop pulling while this much is queued on the control channel. */
const BACKLOG_BYTES = 1024 * 1024;

export class ControlLink {
  readonly channel: Channel;
  readonly #control: Duplex;
  #corked = false;
  #closed = false;

  constructor(control: Duplex) {
    this.#control = control;
    // No cap on what is queued for the arbiter: it is bounded by the jobs the
    // arbiter sent (one Result each; streams pause while the channel is
    // backed up), and capacity x a large result is legitimately much. No
    // flood limit either: every Execute is answered, and a busy arbiter sends
    // far more than the channel's default of frames per second.
    this.channel = new Channel(control, { maxFrameBytes: HARD_MAX_FRAME_BYTES, maxQueuedBytes: Number.MAX_SAFE_INTEGER, maxFramesPerWindow: 0 });
    this.channel.handshaking = true; // cleared by Welcome (HS-6)
  }

  send(m: OutMessage): void {
    if (this.#closed) return;
    if (!this.#corked) {
      this.#corked = true;
      this.#control.cork();
      process.nextTick(() => {
        this.#corked = false;
        this.#control.uncork();
      });
    }
    this.channel.send(m);
  }

  sendError(code: number, message: string, extra: { fatal?: boolean; requestId?: number } = {}): void {
    const text = message.length > MAX_ERROR_TEXT ? `${message.slice(0, MAX_ERROR_TEXT - 1)}\u2026` : message;
    this.send({ kind: 'error', body: { code, message: text, fatal: extra.fatal ?? false, requestId: extra.requestId ?? 0 } });
  }

  /**
   * Writes `m` straight to the stream, after the channel itself failed and
   * just before it ends the stream (Goodbye{ERROR} after its fatal Error).
   */
  sendAfterFailure(m: OutMessage): void {
    const control = this.#control;
    if (!control.writable || control.writableLength > 65536) return;
    control.write(encodeFrame(m));
  }

  /** A promise while much is queued for the arbiter, resolved once it drained (or the stream closed). */
  backedUp(): Promise<void> | undefined {
    const control = this.#control;
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

  /** Ends the channel; `done` runs at once, or with `flush` once the queued frames left (at most 500 ms later). */
  close(flush: boolean, done: () => void): void {
    this.#closed = true;
    const control = this.#control;
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
