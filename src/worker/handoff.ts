// The handoff strategy, worker side (spec.md section 7.6): the arbiter
// accepts and sends each connection as one SOCK_SEQPACKET datagram
//
//   ┌──────────────┬───────────────────────────────┐  + SCM_RIGHTS: exactly one fd
//   │ u32 BE len N │ N bytes Envelope{handoff: …}  │
//   └──────────────┴───────────────────────────────┘
//
// and the worker answers on the control channel with a HandoffAck.
//
// Every datagram read in one readiness callback is acknowledged by a single
// HandoffAck, so a burst costs one control frame [HANDOFF-21, HANDOFF-22].
// The kept connections are handed to the server only once that HandoffAck
// has left for the kernel [HANDOFF-23]:
//
//   recv d1, d2, d3 ──► HandoffAck{[1, 2, 3]} ──► (flushed) ──► server gets 1, 2, 3
//
// so a connection the arbiter re-dispatches after we die has never been
// read from or written to. Race windows, both after the acknowledgement,
// when the arbiter has closed (or, reading to our end of stream, will close)
// its copy: a kill between the HandoffAck and the dispatch loses every
// connection of the batch although the server never saw one (a fresh worker
// can be handed a burst and takes longest over its first sockets); and a
// socket that cannot be made for a kept fd (the fd is not a stream socket) is
// closed, and that connection is lost.
import { corral, decodeMessage, validate } from '../protocol/codec.js';
import { UnknownMessageError } from '../protocol/errors.js';
import type { Acceptor, AcceptorHost } from './acceptors.js';
import type { Datagram, WatcherLike } from './native-deps.js';

const { ErrorCode } = corral.v1;

/**
 * fds accepted per datagram: more than the one a valid handoff carries, so
 * that a datagram with two or three is seen whole, refused by id and every
 * fd closed [HANDOFF-18]; beyond that the native layer drops the datagram
 * (MSG_CTRUNC) and closes what arrived.
 */
const MAX_FDS_PER_DATAGRAM = 4;

/** Datagrams read per readiness callback; the rest wait for the next turn of the loop. */
const MAX_DATAGRAMS_PER_WAKEUP = 64;

type Verdict =
  | { kind: 'keep'; id: number; fd: number }
  | { kind: 'refuse'; id: number }
  | { kind: 'skip' }
  | { kind: 'fatal'; code: number; message: string };

export class HandoffAcceptor implements Acceptor {
  readonly #host: AcceptorHost;
  readonly #fd: number;
  #watcher: WatcherLike | undefined;
  #closed = false;
  /** Readiness callbacks of the handoff channel that read at least one datagram [LOAD-8]. */
  wakeups = 0;

  constructor(host: AcceptorHost, fd: number) {
    this.#host = host;
    this.#fd = fd;
  }

  start(): void {
    if (this.#closed || this.#watcher) return;
    this.#watcher = this.#host.native.createWatcher(this.#fd, () => this.#onReadable(), { exclusive: false });
    this.#watcher.start();
  }

  #onReadable(): void {
    const host = this.#host;
    const kept: { id: number; fd: number }[] = [];
    const refused: number[] = [];
    const abandon = () => {
      // Not acknowledged: the arbiter still holds these and hands them on.
      for (const k of kept) safeClose(host, k.fd);
    };
    // One wakeup per readiness that yields datagrams, however many [LOAD-8].
    let counted = false;
    const woke = () => {
      if (!counted) this.wakeups++;
      counted = true;
    };
    for (let i = 0; i < MAX_DATAGRAMS_PER_WAKEUP && !this.#closed; i++) {
      let dgram: Datagram | null;
      try {
        // HANDOFF-15: room for the 4-octet header plus the negotiated limit.
        dgram = host.native.recvWithFds(this.#fd, host.maxFrameBytes + 4, MAX_FDS_PER_DATAGRAM);
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (code === 'CORRAL_ERR_CMSG_TRUNCATED') {
          woke();
          // HANDOFF-18, MSG_CTRUNC: the native layer dropped the datagram and
          // closed what arrived, so there is no id to refuse.
          host.sendError(ErrorCode.ERROR_CODE_INVALID_FIELD, `handoff datagram with truncated ancillary data: ${(err as Error).message}`);
          continue;
        }
        abandon();
        // CORRAL_ERR_NATIVE from recvWithFds is MSG_TRUNC: longer than the buffer [HANDOFF-16].
        if (code === 'CORRAL_ERR_NATIVE') host.fatal(ErrorCode.ERROR_CODE_FRAME_TOO_LARGE, `handoff datagram longer than 4 + ${host.maxFrameBytes} octets`);
        else host.fatal(ErrorCode.ERROR_CODE_INTERNAL, `receiving on the handoff channel failed: ${(err as Error).message}`);
        return;
      }
      if (dgram === null) break;
      woke();
      if (dgram.eof || (dgram.data.length === 0 && dgram.fds.length === 0)) {
        // STOP-4: end of stream on the handoff channel is the loss of the arbiter.
        abandon();
        this.#stopWatching();
        host.arbiterGone();
        return;
      }
      const v = this.#examine(dgram);
      if (v.kind === 'fatal') {
        abandon();
        host.fatal(v.code, v.message);
        return;
      }
      if (v.kind === 'keep') kept.push(v);
      else if (v.kind === 'refuse') refused.push(v.id);
    }
    if (kept.length === 0 && refused.length === 0) return;
    // HANDOFF-20: every id, kept or refused. The kept fds are ours from here
    // on, so they count in in_flight already [LOAD-1].
    host.send({ kind: 'handoffAck', body: { handoffIds: kept.map((k) => k.id), inFlight: host.inFlight + kept.length, refusedIds: refused } });
    if (kept.length === 0) return;
    host.afterFlush((flushed) => {
      for (const k of kept) {
        if (flushed) host.dispatch(k.fd);
        else safeClose(host, k.fd);
      }
    });
  }

  /**
   * What to do with one datagram. Every fd of a datagram that is not kept
   * is closed here, untouched [HANDOFF-18, HANDOFF-19, HANDOFF-24].
   */
  #examine(d: Datagram): Verdict {
    const host = this.#host;
    const { data, fds } = d;
    const drop = () => {
      for (const fd of fds) safeClose(host, fd);
    };
    const fatal = (code: number, message: string): Verdict => {
      drop();
      return { kind: 'fatal', code, message };
    };
    // HANDOFF-17: the datagram is exactly one frame.
    if (data.length < 4) return fatal(ErrorCode.ERROR_CODE_DECODE, `handoff datagram of ${data.length} octets is shorter than a frame header`);
    const n = data.readUInt32BE(0);
    if (n !== data.length - 4) return fatal(ErrorCode.ERROR_CODE_DECODE, `handoff frame length ${n} does not match the datagram (${data.length - 4} octets after the header)`);
    if (n === 0) return fatal(ErrorCode.ERROR_CODE_FRAME_EMPTY, 'zero-length frame on the handoff channel'); // FRAME-3
    let m;
    try {
      m = decodeMessage(data.subarray(4));
    } catch (err) {
      if (err instanceof UnknownMessageError) {
        // HANDOFF-19, unknown type: answered, not fatal.
        drop();
        host.sendError(ErrorCode.ERROR_CODE_UNKNOWN_MESSAGE, `unknown message type ${err.messageType} on the handoff channel`, err.messageType);
        return { kind: 'skip' };
      }
      return fatal(ErrorCode.ERROR_CODE_DECODE, `undecodable handoff frame: ${(err as Error).message}`); // FRAME-7
    }
    if (m.kind !== 'handoff') return fatal(ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, `${m.kind} on the handoff channel`); // HANDOFF-19
    try {
      validate(m); // handoff_id 0 or above 2^53 - 1 [HANDOFF-3, MSG-7, ERR-17]
    } catch (err) {
      return fatal(ErrorCode.ERROR_CODE_INVALID_FIELD, (err as Error).message);
    }
    const id = m.body.handoffId;
    if (fds.length !== 1) {
      drop();
      host.sendError(ErrorCode.ERROR_CODE_INVALID_FIELD, `handoff ${id} came with ${fds.length} descriptors instead of 1`);
      return { kind: 'refuse', id };
    }
    if (host.draining) {
      // HANDOFF-26: our copy goes; the arbiter still holds its own and hands it on.
      drop();
      return { kind: 'refuse', id };
    }
    return { kind: 'keep', id, fd: fds[0] as number };
  }

  #stopWatching(): void {
    this.#watcher?.close();
    this.#watcher = undefined;
  }

  // Handoffs keep being read while draining so that they are refused at once
  // instead of waiting in our socket buffer until we exit [HANDOFF-25].
  drain(): void {}

  loadChanged(): void {}

  close(): void {
    this.#closed = true;
    this.#stopWatching();
  }
}

function safeClose(host: AcceptorHost, fd: number): void {
  try {
    host.native.close(fd);
  } catch {
    // Already closed: nothing to release.
  }
}
