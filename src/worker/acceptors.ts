// How a worker gets its connections, one class per accept strategy
// (spec.md section 7). Each acceptor reads readiness from native Watchers and
// hands fds to the host (the runtime), which dispatches them to the server
// and owns the control channel.
//
//   arbiter    LeaseAcceptor    polls a listener only while it holds a grant
//   shared     PollAcceptor     polls every listener (the herd baseline)
//   exclusive  PollAcceptor     polls through EPOLLEXCLUSIVE
//   reuseport  PollAcceptor     polls its own SO_REUSEPORT listeners
//   handoff    HandoffAcceptor  receives accepted fds over SCM_RIGHTS
import { corral, type OutMessage } from '../protocol/codec.js';
import type { NativeDeps, WatcherLike } from './native-deps.js';

const { ReleaseReason, ErrorCode } = corral.v1;

/** What an acceptor needs from the runtime. */
export interface AcceptorHost {
  readonly native: NativeDeps;
  /** Listener fds, index i = fd 3 + i. */
  readonly listenFds: readonly number[];
  readonly inFlight: number;
  /** Connections the worker holds at most; 0 = unbounded. */
  readonly capacity: number;
  readonly draining: boolean;
  /** Hands an accepted fd to the server; takes the fd in every case (false: it failed and the fd is closed). */
  dispatch(fd: number): boolean;
  send(message: OutMessage): void;
  /** Non-fatal Error to the arbiter. */
  sendError(code: number, message: string): void;
  log(message: string): void;
  /** The handoff channel hit EOF: the arbiter is gone. */
  arbiterGone(): void;
  /** Largest handoff frame accepted (the negotiated frame limit). */
  readonly maxFrameBytes: number;
  now(): number;
}

export interface Acceptor {
  start(): void;
  /** Stop taking new connections (release grants with DRAINING). */
  drain(): void;
  /** in_flight went down: a paused acceptor may resume. */
  loadChanged(): void;
  /** Release everything; no callbacks afterwards. */
  close(): void;
}

interface Grant {
  grantId: number;
  listener: number;
  maxAccepts: number;
  releaseLoad: number;
  expiresAt: number;
  accepted: number;
  wouldBlock: number;
  timer: NodeJS.Timeout | undefined;
}

/**
 * The herd-free lease: a listener is in this worker's poll set only between
 * an AcceptGrant and the AcceptDone that answers it.
 */
export class LeaseAcceptor implements Acceptor {
  readonly #host: AcceptorHost;
  readonly #grants = new Map<number, Grant>();
  readonly #watchers = new Map<number, WatcherLike>();
  #closed = false;

  constructor(host: AcceptorHost) {
    this.#host = host;
  }

  start(): void {}

  /** Grants currently held, by listener index (for tests and stats). */
  get held(): number[] {
    return [...this.#grants.keys()];
  }

  grant(g: corral.v1.AcceptGrant): void {
    const host = this.#host;
    const reply = (reason: corral.v1.ReleaseReason) =>
      host.send({ kind: 'acceptDone', body: { grantId: g.grantId, listener: g.listener, accepted: 0, wouldBlock: 0, inFlight: host.inFlight, reason } });
    if (this.#grants.has(g.listener)) {
      // The arbiter gave out a second lease on a listener we hold. Answering
      // with AcceptDone would release the first grant's bookkeeping on its
      // side too, so the duplicate is only reported and ignored.
      host.sendError(ErrorCode.ERROR_CODE_GRANT_VIOLATION, `grant ${g.grantId} for listener ${g.listener} while grant ${this.#grants.get(g.listener)?.grantId} is held`);
      return;
    }
    const fd = host.listenFds[g.listener];
    if (fd === undefined) {
      host.sendError(ErrorCode.ERROR_CODE_INVALID_FIELD, `grant ${g.grantId}: listener ${g.listener} does not exist (${host.listenFds.length} listeners)`);
      reply(ReleaseReason.RELEASE_REASON_ERROR);
      return;
    }
    if (this.#closed || host.draining) {
      reply(ReleaseReason.RELEASE_REASON_DRAINING);
      return;
    }
    const grant: Grant = {
      grantId: g.grantId,
      listener: g.listener,
      maxAccepts: g.maxAccepts,
      releaseLoad: g.releaseLoad > 0 ? g.releaseLoad : host.capacity,
      expiresAt: g.leaseMs > 0 ? host.now() + g.leaseMs : Infinity,
      accepted: 0,
      wouldBlock: 0,
      timer: undefined,
    };
    this.#grants.set(g.listener, grant);
    if (g.leaseMs > 0) {
      // The timer covers an empty queue: with no readiness the per-accept
      // check would never run and the arbiter would wait for the lease grace.
      grant.timer = setTimeout(() => this.#release(grant, ReleaseReason.RELEASE_REASON_EXPIRED), g.leaseMs);
      grant.timer.unref();
    }
    let watcher = this.#watchers.get(g.listener);
    if (!watcher) {
      const listener = g.listener;
      watcher = host.native.createWatcher(fd, () => this.#onReadable(listener), { exclusive: false });
      this.#watchers.set(g.listener, watcher);
    }
    watcher.start();
  }

  #onReadable(listener: number): void {
    const grant = this.#grants.get(listener);
    // A readiness callback already queued when the grant was released.
    if (!grant || this.#closed) return;
    const reason = this.#releaseReason(grant);
    if (reason !== undefined) {
      this.#release(grant, reason);
      return;
    }
    let conn;
    try {
      conn = this.#host.native.acceptOne(this.#host.listenFds[listener] as number);
    } catch (err) {
      this.#host.log(`accept on listener ${listener} failed: ${(err as Error).message}`);
      this.#release(grant, ReleaseReason.RELEASE_REASON_ERROR);
      return;
    }
    if (conn === null) {
      // Another process sharing the socket (outside the protocol) or a
      // connection reset before accept() got it. Keep polling.
      grant.wouldBlock++;
      return;
    }
    grant.accepted++;
    this.#host.dispatch(conn.fd);
    // Checked again right away rather than at the next readiness: a grant
    // whose batch is used up would otherwise sit on an empty queue until the
    // lease expires, and the next connection would cost a wakeup here and a
    // round trip before another worker could take it.
    const after = this.#releaseReason(grant);
    if (after === ReleaseReason.RELEASE_REASON_BATCH || after === ReleaseReason.RELEASE_REASON_LOAD) this.#release(grant, after);
  }

  #releaseReason(grant: Grant): corral.v1.ReleaseReason | undefined {
    const host = this.#host;
    if (host.draining) return ReleaseReason.RELEASE_REASON_DRAINING;
    if (grant.maxAccepts > 0 && grant.accepted >= grant.maxAccepts) return ReleaseReason.RELEASE_REASON_BATCH;
    if (grant.releaseLoad > 0 && host.inFlight >= grant.releaseLoad) return ReleaseReason.RELEASE_REASON_LOAD;
    if (host.now() >= grant.expiresAt) return ReleaseReason.RELEASE_REASON_EXPIRED;
    return undefined;
  }

  #release(grant: Grant, reason: corral.v1.ReleaseReason): void {
    if (this.#grants.get(grant.listener) !== grant) return;
    // Order matters: the listener leaves the poll set before AcceptDone is
    // on the wire, so once the arbiter re-grants it no readiness can reach us.
    this.#watchers.get(grant.listener)?.stop();
    if (grant.timer) clearTimeout(grant.timer);
    this.#grants.delete(grant.listener);
    this.#host.send({
      kind: 'acceptDone',
      body: { grantId: grant.grantId, listener: grant.listener, accepted: grant.accepted, wouldBlock: grant.wouldBlock, inFlight: this.#host.inFlight, reason },
    });
  }

  drain(): void {
    for (const grant of [...this.#grants.values()]) this.#release(grant, ReleaseReason.RELEASE_REASON_DRAINING);
  }

  loadChanged(): void {}

  close(): void {
    this.drain();
    this.#closed = true;
    for (const w of this.#watchers.values()) w.close();
    this.#watchers.clear();
  }
}

/**
 * shared, exclusive and reuseport: poll every listener, accept one
 * connection per readiness. While the worker is at capacity the watchers are
 * stopped, so the kernel wakes other workers instead.
 */
export class PollAcceptor implements Acceptor {
  readonly #host: AcceptorHost;
  readonly #exclusive: boolean;
  readonly #watchers: WatcherLike[] = [];
  #paused = false;
  #stopped = false;
  /** accept() calls that found the queue empty: the herd, measured. */
  wouldBlock = 0;

  constructor(host: AcceptorHost, opts: { exclusive: boolean }) {
    this.#host = host;
    this.#exclusive = opts.exclusive;
  }

  start(): void {
    const host = this.#host;
    host.listenFds.forEach((fd) => {
      const w = host.native.createWatcher(fd, () => this.#onReadable(fd), { exclusive: this.#exclusive });
      this.#watchers.push(w);
      w.start();
    });
  }

  #full(): boolean {
    return this.#host.capacity > 0 && this.#host.inFlight >= this.#host.capacity;
  }

  #onReadable(fd: number): void {
    if (this.#stopped) return;
    let conn;
    try {
      conn = this.#host.native.acceptOne(fd);
    } catch (err) {
      // EMFILE and friends: the connection stays queued for another worker.
      this.#host.log(`accept on fd ${fd} failed: ${(err as Error).message}`);
      return;
    }
    if (conn === null) {
      this.wouldBlock++;
      return;
    }
    this.#host.dispatch(conn.fd);
    if (this.#full() && !this.#paused) {
      this.#paused = true;
      for (const w of this.#watchers) w.stop();
    }
  }

  drain(): void {
    this.#stopped = true;
    for (const w of this.#watchers) w.stop();
  }

  loadChanged(): void {
    if (this.#paused && !this.#stopped && !this.#full()) {
      this.#paused = false;
      for (const w of this.#watchers) w.start();
    }
  }

  close(): void {
    this.#stopped = true;
    for (const w of this.#watchers) w.close();
    this.#watchers.length = 0;
  }
}

/**
 * handoff: the arbiter accepted the connection and sends it as one datagram
 *
 *   ┌──────────────┬───────────────────────────────┐  + SCM_RIGHTS: exactly one fd
 *   │ u32 BE len N │ N bytes Envelope{handoff: …}  │
 *   └──────────────┴───────────────────────────────┘
 *
 * Every datagram read in one readiness callback is acknowledged by a single
 * HandoffAck, so a burst costs one control frame.
 */
export class HandoffAcceptor implements Acceptor {
  readonly #host: AcceptorHost;
  readonly #fd: number;
  readonly #decode: (bytes: Uint8Array) => { kind: string; body: unknown };
  #watcher: WatcherLike | undefined;
  #closed = false;

  constructor(host: AcceptorHost, fd: number, decode: (bytes: Uint8Array) => { kind: string; body: unknown }) {
    this.#host = host;
    this.#fd = fd;
    this.#decode = decode;
  }

  start(): void {
    this.#watcher = this.#host.native.createWatcher(this.#fd, () => this.#onReadable(), { exclusive: false });
    this.#watcher.start();
  }

  #onReadable(): void {
    const host = this.#host;
    const served: number[] = [];
    const refused: number[] = [];
    while (!this.#closed) {
      let dgram;
      try {
        // More than one fd is allowed in so that a datagram carrying several
        // is seen whole and every one of them closed, not truncated.
        dgram = host.native.recvWithFds(this.#fd, host.maxFrameBytes + 4, 4);
      } catch (err) {
        // CMSG truncated: the native layer closed whatever fds arrived.
        host.sendError(ErrorCode.ERROR_CODE_INVALID_FIELD, `bad handoff datagram: ${(err as Error).message}`);
        continue;
      }
      if (dgram === null) break;
      if (dgram.eof || (dgram.data.length === 0 && dgram.fds.length === 0)) {
        this.#stopWatching();
        host.arbiterGone();
        break;
      }
      const problem = this.#check(dgram.data, dgram.fds);
      if (typeof problem === 'string') {
        for (const fd of dgram.fds) safeClose(host, fd);
        host.sendError(ErrorCode.ERROR_CODE_INVALID_FIELD, problem);
        continue;
      }
      const fd = dgram.fds[0] as number;
      if (host.draining) {
        // Our copy goes; the arbiter still holds its own and re-dispatches it.
        safeClose(host, fd);
        refused.push(problem.handoffId);
      } else if (host.dispatch(fd)) {
        served.push(problem.handoffId);
      } else {
        // dispatch() closed the fd; the arbiter's copy can go to another worker.
        refused.push(problem.handoffId);
      }
    }
    if (served.length || refused.length) {
      host.send({ kind: 'handoffAck', body: { handoffIds: served, inFlight: host.inFlight, refusedIds: refused } });
    }
  }

  /** The handoff in the datagram, or what is wrong with it. */
  #check(data: Buffer, fds: number[]): corral.v1.ConnectionHandoff | string {
    if (fds.length !== 1) return `handoff datagram carried ${fds.length} fds, expected exactly 1`;
    if (data.length < 4) return `handoff datagram of ${data.length} bytes is shorter than a frame header`;
    const n = data.readUInt32BE(0);
    if (n === 0 || n !== data.length - 4) return `handoff frame length ${n} does not match the datagram (${data.length - 4} payload bytes)`;
    let msg;
    try {
      msg = this.#decode(data.subarray(4));
    } catch (err) {
      return `undecodable handoff frame: ${(err as Error).message}`;
    }
    if (msg.kind !== 'handoff') return `handoff channel carried a ${msg.kind} message`;
    return msg.body as corral.v1.ConnectionHandoff;
  }

  #stopWatching(): void {
    this.#watcher?.close();
    this.#watcher = undefined;
  }

  // Handoffs keep being read while draining so that they are refused at once
  // instead of waiting in our socket buffer until we exit.
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
