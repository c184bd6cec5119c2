// The suite's end of a control channel, instrumented for judging a peer.
//
// Unlike transport/channel.ts, which enforces the protocol on behalf of an
// implementation, a Wire only observes: it never answers on its own, keeps
// every frame it sees (decoded when possible, raw when not) in the case's
// transcript, and lets a case send arbitrary bytes (oversize, empty or
// undecodable frames) as well as well-formed messages.
//
//   peer bytes ──► FrameDecoder(max = hard cap) ──► decodeMessage ──► inbox
//                                                  └─ undecodable ──► inbox as {bad}
//   case ──► send(msg) / sendRaw(bytes) ──► socket
import type { Duplex } from 'node:stream';
import { FrameDecoder } from '../protocol/framer.js';
import { decodeMessage, encodeFrame, encodeMessage, messageToJSON, type Message, type MessageKind, type OutMessage } from '../protocol/codec.js';
import { DEFAULT_MAX_FRAME_BYTES, HARD_MAX_FRAME_BYTES } from '../protocol/limits.js';
import type { TranscriptEntry } from './types.js';
import { checkSentEnvelope, type FrameProblem } from './frame-check.js';
import { fairTimeout, type FairTimer } from './starvation.js';

/** Collects a case's transcript; times are relative to the case start. */
export class Transcript {
  readonly entries: TranscriptEntry[] = [];
  readonly origin: number;
  /** Cap, so a flooding testee cannot exhaust memory. */
  readonly limit: number;
  dropped = 0;

  constructor(origin = performance.now(), limit = 2000) {
    this.origin = origin;
    this.limit = limit;
  }

  now(): number {
    return Math.round((performance.now() - this.origin) * 10) / 10;
  }

  add(entry: Omit<TranscriptEntry, 'tMs'> & { tMs?: number }): void {
    if (this.entries.length >= this.limit) {
      this.dropped++;
      return;
    }
    this.entries.push({ tMs: entry.tMs ?? this.now(), ...entry } as TranscriptEntry);
  }

  event(channel: string, what: string, detail?: unknown): void {
    this.add(detail === undefined ? { dir: 'event', channel, what } : { dir: 'event', channel, what, detail });
  }
}

export function hex(bytes: Uint8Array, max = 64): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const s = b.subarray(0, max).toString('hex').replace(/(..)/g, '$1 ').trim();
  return b.length > max ? `${s} … (${b.length} bytes)` : s;
}

/** Something that arrived on a wire. */
export type Incoming =
  | { type: 'message'; tMs: number; message: Message; size: number }
  | { type: 'bad'; tMs: number; error: Error; hex: string }
  | { type: 'eof'; tMs: number };

/** A short human form of a received message, for "observed:" lines. */
export function describeIncoming(i: Incoming | undefined): string {
  if (i === undefined) return 'nothing';
  if (i.type === 'eof') return `EOF at ${i.tMs} ms`;
  if (i.type === 'bad') return `an invalid frame (${i.error.message}) at ${i.tMs} ms`;
  return `${describeMessage(i.message)} at ${i.tMs} ms`;
}

export function describeMessage(m: Message | OutMessage): string {
  const json = messageToJSON(m as Message) as Record<string, unknown>;
  const body = (json[Object.keys(json)[0] as string] ?? {}) as Record<string, unknown>;
  const kind = m.kind.charAt(0).toUpperCase() + m.kind.slice(1);
  const text = JSON.stringify(body);
  return `${kind}${text.length > 300 ? text.slice(0, 300) + '…}' : text}`;
}

interface Waiter {
  accept: (i: Incoming) => boolean;
  resolve: (i: Incoming | undefined) => void;
  timer: FairTimer;
}

export class Wire {
  readonly channel: string;
  readonly #stream: Duplex;
  readonly #transcript: Transcript;
  readonly #decoder = new FrameDecoder({ maxFrameBytes: HARD_MAX_FRAME_BYTES });
  /** Everything received, in order. */
  readonly received: Incoming[] = [];
  /** Index of the first item `next()` has not returned yet. */
  #cursor = 0;
  #waiters: Waiter[] = [];
  #eof: Incoming | undefined;
  #listeners: ((i: Incoming) => void)[] = [];
  /** Sender-side rule violations found in the peer's frames (frame-check.ts). */
  readonly problems: (FrameProblem & { tMs: number; kind: string })[] = [];
  /** Envelope sizes of every frame received, for limit checks. */
  readonly sizes: number[] = [];
  /** Negotiated features, for the extension-message rule. */
  features: readonly string[] = [];
  /** The negotiated minor version of major 1, once known, for what 1.3 added (COMPAT-8). */
  minor: number | undefined = undefined;
  /**
   * The frame limit in force for what the peer sends (FRAME-10): the default
   * until the suite sends Welcome, then the negotiated one. The decoder itself
   * accepts up to the hard cap, so that an oversize frame is recorded as a
   * broken rule instead of ending the conversation.
   */
  peerLimit = DEFAULT_MAX_FRAME_BYTES;
  /**
   * The peer's wait for a CPU so far (starvation.ts), when the suite knows
   * its process: timeouts of this wire do not run while the peer or the
   * suite was starved.
   */
  peerDelay: (() => number | undefined) | undefined;

  constructor(stream: Duplex, transcript: Transcript, channel = 'control') {
    this.#stream = stream;
    this.#transcript = transcript;
    this.channel = channel;
    stream.on('data', (chunk: Buffer) => this.#onData(chunk));
    stream.on('end', () => this.#onEof());
    stream.on('close', () => this.#onEof());
    stream.on('error', (err) => this.#transcript.event(channel, 'socket-error', err.message));
  }

  get eof(): boolean {
    return this.#eof !== undefined;
  }

  /** Calls `fn` for every item received from now on. */
  onIncoming(fn: (i: Incoming) => void): void {
    this.#listeners.push(fn);
  }

  #push(i: Incoming): void {
    this.received.push(i);
    for (const fn of this.#listeners) fn(i);
    for (const w of [...this.#waiters]) {
      if (w.accept(i)) {
        w.timer.cancel();
        this.#waiters.splice(this.#waiters.indexOf(w), 1);
        w.resolve(i);
      }
    }
  }

  #onData(chunk: Buffer): void {
    let frames: Uint8Array[];
    try {
      frames = this.#decoder.push(chunk);
    } catch (err) {
      const tMs = this.#transcript.now();
      this.#transcript.add({ dir: 'in', channel: this.channel, what: 'invalid-frame', detail: (err as Error).message, hex: hex(chunk) });
      this.#push({ type: 'bad', tMs, error: err as Error, hex: hex(chunk) });
      this.#stream.destroy();
      return;
    }
    for (const frame of frames) this.#onFrame(frame);
  }

  #onFrame(frame: Uint8Array): void {
    const tMs = this.#transcript.now();
    this.sizes.push(frame.length);
    if (frame.length > this.peerLimit) {
      const p = { requirement: 'FRAME-10', problem: `a frame of ${frame.length} octets, above the limit of ${this.peerLimit} in force` };
      this.problems.push({ ...p, tMs, kind: 'frame' });
      this.#transcript.event(this.channel, 'rule-broken', `[${p.requirement}] ${p.problem}`);
    }
    let message: Message;
    try {
      message = decodeMessage(frame);
    } catch (err) {
      this.#transcript.add({ dir: 'in', channel: this.channel, what: 'undecodable', detail: (err as Error).message, hex: hex(frame) });
      this.#push({ type: 'bad', tMs, error: err as Error, hex: hex(frame) });
      return;
    }
    this.#transcript.add({ tMs, dir: 'in', channel: this.channel, what: message.kind, detail: bodyJSON(message) });
    for (const p of checkSentEnvelope(frame, this.features, this.minor)) {
      this.problems.push({ ...p, tMs, kind: message.kind });
      this.#transcript.event(this.channel, 'rule-broken', `[${p.requirement}] ${p.problem}`);
    }
    this.#push({ type: 'message', tMs, message, size: frame.length });
  }

  #onEof(): void {
    if (this.#eof) return;
    const i: Incoming = { type: 'eof', tMs: this.#transcript.now() };
    this.#eof = i;
    this.#transcript.event(this.channel, 'eof');
    this.#push(i);
  }

  /**
   * Resolves with the next received item (after the cursor) that `accept`
   * takes, advancing the cursor past it; items it skips stay consumed.
   * EOF always ends the wait. Resolves undefined after `timeoutMs` of time
   * in which neither side was starved of CPU (starvation.ts).
   */
  next(timeoutMs: number, accept: (i: Incoming) => boolean = () => true): Promise<Incoming | undefined> {
    while (this.#cursor < this.received.length) {
      const i = this.received[this.#cursor++] as Incoming;
      if (i.type === 'eof' || accept(i)) return Promise.resolve(i);
    }
    return new Promise((resolve) => {
      const w: Waiter = {
        accept: (i) => {
          this.#cursor = this.received.length;
          return i.type === 'eof' || accept(i);
        },
        resolve,
        timer: fairTimeout(timeoutMs, () => {
          this.#waiters.splice(this.#waiters.indexOf(w), 1);
          resolve(undefined);
        }, this.peerDelay),
      };
      this.#waiters.push(w);
    });
  }

  /** The next message that is not of the `ignore` kinds (default: heartbeats). */
  nextMessage(timeoutMs: number, ignore: readonly MessageKind[] = ['heartbeat']): Promise<Incoming | undefined> {
    return this.next(timeoutMs, (i) => i.type !== 'message' || !ignore.includes(i.message.kind));
  }

  /** The next message of kind `kind` (anything else is skipped), or EOF, or undefined on timeout. */
  waitFor(kind: MessageKind, timeoutMs: number): Promise<Incoming | undefined> {
    return this.next(timeoutMs, (i) => i.type === 'message' && i.message.kind === kind);
  }

  /** Resolves when the peer closes (true) or after `timeoutMs` (false). */
  async waitEof(timeoutMs: number): Promise<boolean> {
    if (this.#eof) return true;
    return new Promise((resolve) => {
      const timer = fairTimeout(timeoutMs, () => {
        this.#listeners.splice(this.#listeners.indexOf(fn), 1);
        resolve(false);
      }, this.peerDelay);
      const fn = (i: Incoming) => {
        if (i.type !== 'eof') return;
        timer.cancel();
        this.#listeners.splice(this.#listeners.indexOf(fn), 1);
        resolve(true);
      };
      this.#listeners.push(fn);
    });
  }

  /** Marks everything received so far as read. */
  consumeAll(): void {
    this.#cursor = this.received.length;
  }

  /** Items received since the cursor, without consuming them. */
  pending(): Incoming[] {
    return this.received.slice(this.#cursor);
  }

  /** Sends a well-formed message. */
  send(m: OutMessage): void {
    this.#transcript.add({ dir: 'out', channel: this.channel, what: m.kind, detail: bodyJSON(m) });
    if (!this.#stream.destroyed && this.#stream.writable) this.#stream.write(encodeFrame(m));
  }

  /**
   * Sends a well-formed message and resolves once it has left for the kernel
   * (the write callback), so that a case can act on the peer knowing the
   * frame is already waiting in the peer's socket buffer.
   */
  sendFlushed(m: OutMessage): Promise<void> {
    this.#transcript.add({ dir: 'out', channel: this.channel, what: m.kind, detail: bodyJSON(m) });
    if (this.#stream.destroyed || !this.#stream.writable) return Promise.resolve();
    return new Promise((resolve) => this.#stream.write(encodeFrame(m), () => resolve()));
  }

  /** Sends bytes as they are (a malformed frame, or a frame split by the case). */
  sendRaw(bytes: Uint8Array, what: string, detail?: unknown): void {
    this.#transcript.add(detail === undefined
      ? { dir: 'out', channel: this.channel, what, hex: hex(bytes) }
      : { dir: 'out', channel: this.channel, what, detail, hex: hex(bytes) });
    if (!this.#stream.destroyed && this.#stream.writable) this.#stream.write(bytes);
  }

  /** Closes our end (the peer sees EOF). */
  end(): void {
    this.#transcript.event(this.channel, 'suite-closed');
    this.#stream.end();
  }

  destroy(): void {
    for (const w of this.#waiters) {
      w.timer.cancel();
      w.resolve(undefined);
    }
    this.#waiters = [];
    this.#stream.destroy();
  }
}

/** The protobuf-JSON form of a message's body (zero values omitted). */
export function bodyJSON(m: Message | OutMessage): unknown {
  const json = messageToJSON(m as Message) as Record<string, unknown>;
  return json[Object.keys(json)[0] as string] ?? {};
}

/** A frame around arbitrary Envelope bytes. */
export function rawFrame(envelope: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(4 + envelope.length);
  out.writeUInt32BE(envelope.length, 0);
  out.set(envelope, 4);
  return out;
}

/** Envelope bytes of a message (no length prefix). */
export function envelopeBytes(m: OutMessage): Uint8Array {
  return encodeMessage(m);
}
