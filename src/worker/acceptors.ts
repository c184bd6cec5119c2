// How a worker gets its connections, one class per accept strategy
// (spec.md section 7). Each acceptor reads readiness from native Watchers and
// hands fds to the host (the runtime), which dispatches them to the server
// and owns the control channel.
//
//   arbiter    LeaseAcceptor    polls a listener only while it holds a grant
//   shared     PollAcceptor     polls every listener (the herd baseline)
//   exclusive  PollAcceptor     polls through EPOLLEXCLUSIVE
//   reuseport  PollAcceptor     polls its own SO_REUSEPORT listeners
//   handoff    HandoffAcceptor  receives accepted fds over SCM_RIGHTS (handoff.ts)
//
// Each counts its wakeups (Heartbeat.wakeups_total, spec.md section 6.3.1):
// a grant taken and each readiness of a held listener (arbiter), each
// readiness it handles (shared, exclusive, reuseport), each readiness of the
// handoff channel that yields datagrams (handoff) [LOAD-8].
import { getSystemErrorName } from 'node:util';
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
  /** accept.revoke was negotiated: the arbiter may take a grant back (spec section 7.2.8). */
  readonly revocable?: boolean;
  /**
   * accept.overlap was negotiated: other workers may hold the same listener
   * at once, so a held listener is polled with an exclusive wakeup (spec
   * section 7.2.9).
   */
  readonly overlap?: boolean;
  /**
   * Hands an accepted fd to the server; takes the fd in every case (false: it
   * failed and the fd is closed). `listenerFd` is the listener it came from.
   */
  dispatch(fd: number, listenerFd?: number): boolean;
  send(message: OutMessage): void;
  /** Non-fatal Error to the arbiter. */
  sendError(code: number, message: string, messageType?: number): void;
  /** A fatal protocol error: Error{fatal}, Goodbye, close, exit. */
  fatal(code: number, message: string): void;
  log(message: string): void;
  /** The handoff channel hit EOF: the arbiter is gone. */
  arbiterGone(): void;
  /** Runs `fn(true)` once everything sent so far has left for the kernel, or `fn(false)` if the worker ends first. */
  afterFlush(fn: (flushed: boolean) => void): void;
  /** Largest handoff frame accepted (the negotiated frame limit). */
  readonly maxFrameBytes: number;
  now(): number;
}

export interface Acceptor {
  /** Times the worker was woken to accept, since it started (section 6.3.1) [LOAD-8]. */
  readonly wakeups: number;
  /** Called once Ready is on the wire [ACCEPT-2]. */
  start(): void;
  /** Stop taking new connections (release grants with DRAINING). */
  drain(): void;
  /** in_flight went down: a paused acceptor may resume. */
  loadChanged(): void;
  /** Stops every watcher, sends nothing; no callbacks afterwards. */
  close(): void;
}

/**
 * accept(2) errors that concern one pending connection, not the listener:
 * nothing was accepted and the listener stays usable [ACCEPT-3]. (The native
 * layer already retries EINTR, ECONNABORTED and EPROTO itself.) Any other
 * error is an accept failure.
 */
const TRANSIENT_ACCEPT_ERRORS = new Set([
  'ECONNABORTED', 'EINTR', 'EPROTO', 'EPERM', 'ENETDOWN', 'ENOPROTOOPT', 'EHOSTDOWN', 'ENONET', 'EHOSTUNREACH', 'EOPNOTSUPP', 'ENETUNREACH',
]);

/** An accept error: 'transient' (nothing accepted, the listener is fine) or the accept failure itself. */
function failure(err: Error): 'transient' | Error {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && TRANSIENT_ACCEPT_ERRORS.has(code) ? 'transient' : err;
}

/** What the native watcher's own accept gave: the fd, or -errno. */
function fromNative(conn: number): { fd: number } | 'transient' | Error {
  if (conn >= 0) return { fd: conn };
  const code = getSystemErrorName(conn);
  return failure(Object.assign(new Error(`accept: ${code}`), { code, errno: conn, syscall: 'accept' }));
}

/** One accept: the connection, 'empty' (would block), 'transient' (nothing accepted), or the accept failure. */
function acceptFrom(host: AcceptorHost, fd: number): { fd: number } | 'empty' | 'transient' | Error {
  try {
    const conn = host.native.acceptFd(fd);
    return conn < 0 ? 'empty' : { fd: conn };
  } catch (err) {
    return failure(err as Error);
  }
}

interface Grant {
  grantId: number;
  listener: number;
  maxAccepts: number;
  /** The LOAD threshold: release_load, or the capacity when that is 0; 0 = none. */
  releaseLoad: number;
  expiresAt: number;
  accepted: number;
  wouldBlock: number;
  timer: NodeJS.Timeout | undefined;
  /** A readiness event's accept, deferred behind the control channel's events of the same poll (ACCEPT-44). */
  pending: NodeJS.Immediate | undefined;
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
  wakeups = 0;

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
    if (this.#closed) return;
    const reply = (reason: corral.v1.ReleaseReason) =>
      host.send({ kind: 'acceptDone', body: { grantId: g.grantId, listener: g.listener, accepted: 0, wouldBlock: 0, inFlight: host.inFlight, reason } });
    const fd = host.listenFds[g.listener];
    const invalid =
      fd === undefined ? `listener ${g.listener} does not exist (${host.listenFds.length} listeners)`
      : g.maxAccepts === 0 ? 'max_accepts is 0'
      : g.leaseMs === 0 ? 'lease_ms is 0'
      : undefined;
    if (invalid !== undefined) {
      // ACCEPT-26: not fatal; the grant is answered at once and never polled.
      host.sendError(ErrorCode.ERROR_CODE_INVALID_FIELD, `AcceptGrant ${g.grantId}: ${invalid}`);
      reply(ReleaseReason.RELEASE_REASON_ERROR);
      return;
    }
    const held = this.#grants.get(g.listener);
    if (held) {
      // ACCEPT-27: the arbiter gave out a second lease on a listener we hold.
      // Answering with AcceptDone would end the first grant's bookkeeping on
      // its side too, so the duplicate is only reported and ignored.
      host.sendError(ErrorCode.ERROR_CODE_GRANT_VIOLATION, `AcceptGrant ${g.grantId} for listener ${g.listener} while grant ${held.grantId} is held`);
      return;
    }
    if (host.draining) {
      reply(ReleaseReason.RELEASE_REASON_DRAINING); // ACCEPT-28
      return;
    }
    this.wakeups++; // a grant taken, polled or released at once [LOAD-8]
    const grant: Grant = {
      grantId: g.grantId,
      listener: g.listener,
      maxAccepts: g.maxAccepts,
      releaseLoad: g.releaseLoad > 0 ? g.releaseLoad : host.capacity,
      expiresAt: host.now() + g.leaseMs,
      accepted: 0,
      wouldBlock: 0,
      timer: undefined,
      pending: undefined,
    };
    this.#grants.set(g.listener, grant);
    // ACCEPT-16: the release conditions are checked on arrival too; a full
    // worker hands the listener straight back without ever polling it.
    const now = this.#releaseReason(grant);
    if (now !== undefined) {
      this.#release(grant, now);
      return;
    }
    // ACCEPT-18: the timer covers an empty queue, where no readiness would
    // ever run the per-accept check.
    grant.timer = setTimeout(() => this.#release(grant, ReleaseReason.RELEASE_REASON_EXPIRED), g.leaseMs);
    grant.timer.unref();
    let watcher = this.#watchers.get(g.listener);
    if (!watcher) {
      const listener = g.listener;
      // accept.overlap: EPOLLEXCLUSIVE, so that of the holders asleep on
      // this listener one wakes per connection [ACCEPT-45]. Each start()
      // registers anew at the tail of the wait queue, which the kernel
      // serves first to last: holders take turns by grant.
      watcher = host.native.createWatcher(fd as number, () => this.#onReadable(listener), { exclusive: host.overlap === true });
      this.#watchers.set(g.listener, watcher);
    }
    watcher.start();
  }

  /**
   * AcceptRevoke: the arbiter has already ended the grant and may have granted
   * the listener to another worker, so the listener leaves the poll set now
   * and no accept follows [ACCEPT-42]. A revoke for a grant not held crossed
   * our own AcceptDone on the wire and is ignored [ACCEPT-43].
   */
  revoke(r: corral.v1.AcceptRevoke): void {
    const grant = this.#grants.get(r.listener);
    if (!grant || grant.grantId !== r.grantId || this.#closed) return;
    this.#release(grant, ReleaseReason.RELEASE_REASON_REVOKED);
  }

  #onReadable(listener: number): void {
    const grant = this.#grants.get(listener);
    // A readiness callback already queued when the grant was released.
    if (!grant || this.#closed) return;
    this.wakeups++;
    if (!this.#host.revocable) {
      this.#acceptOnce(grant);
      return;
    }
    // ACCEPT-44. Race window: a holder resuming from SIGSTOP finds the
    // listener and the control channel readable in the same poll; libuv runs
    // their callbacks in the kernel's order, often the listener's first. The
    // accept waits for the check phase (setImmediate), after every callback
    // of this poll, so an AcceptRevoke that was already readable has been
    // handled by then and the grant is gone. The listener stays in the poll
    // set meanwhile: the next poll comes after the check phase, so readiness
    // still yields one accept per event.
    if (grant.pending) return;
    grant.pending = setImmediate(() => {
      grant.pending = undefined;
      if (this.#grants.get(listener) === grant && !this.#closed) this.#acceptOnce(grant);
    });
  }

  #acceptOnce(grant: Grant): void {
    const listener = grant.listener;
    const reason = this.#releaseReason(grant);
    if (reason !== undefined) {
      this.#release(grant, reason);
      return;
    }
    // ACCEPT-15: one accept per readiness event.
    const conn = acceptFrom(this.#host, this.#host.listenFds[listener] as number);
    if (conn instanceof Error) {
      this.#host.log(`accept on listener ${listener} failed: ${conn.message}`);
      this.#release(grant, ReleaseReason.RELEASE_REASON_ERROR); // ACCEPT-21
      return;
    }
    if (conn === 'empty' || conn === 'transient') {
      // Empty (a process outside the protocol sharing the socket, a
      // spurious wakeup) is counted; either way the grant is kept.
      if (conn === 'empty') grant.wouldBlock++;
      return;
    }
    grant.accepted++;
    this.#host.dispatch(conn.fd, this.#host.listenFds[listener]);
    // ACCEPT-17: checked again right away rather than at the next readiness:
    // a grant whose batch is used up would otherwise sit on an empty queue
    // until the lease expires, and the next connection would cost a wakeup
    // here and a round trip before another worker could take it.
    const after = this.#releaseReason(grant);
    if (after === ReleaseReason.RELEASE_REASON_BATCH || after === ReleaseReason.RELEASE_REASON_LOAD) this.#release(grant, after);
  }

  /** The first release condition that holds, in the order of spec section 7.2.2. */
  #releaseReason(grant: Grant): corral.v1.ReleaseReason | undefined {
    const host = this.#host;
    if (host.draining) return ReleaseReason.RELEASE_REASON_DRAINING;
    if (grant.accepted >= grant.maxAccepts) return ReleaseReason.RELEASE_REASON_BATCH;
    if (grant.releaseLoad > 0 && host.inFlight >= grant.releaseLoad) return ReleaseReason.RELEASE_REASON_LOAD;
    if (host.now() >= grant.expiresAt) return ReleaseReason.RELEASE_REASON_EXPIRED;
    return undefined;
  }

  #release(grant: Grant, reason: corral.v1.ReleaseReason): void {
    if (this.#grants.get(grant.listener) !== grant) return;
    // ACCEPT-23: the listener leaves the poll set before AcceptDone is on
    // the wire, so once the arbiter re-grants it no readiness can reach us.
    this.#watchers.get(grant.listener)?.stop();
    if (grant.timer) clearTimeout(grant.timer);
    if (grant.pending) clearImmediate(grant.pending);
    this.#grants.delete(grant.listener);
    this.#host.send({
      kind: 'acceptDone',
      body: { grantId: grant.grantId, listener: grant.listener, accepted: grant.accepted, wouldBlock: grant.wouldBlock, inFlight: this.#host.inFlight, reason },
    });
  }

  /** Releases every held grant with DRAINING [ACCEPT-19, ACCEPT-20]. */
  drain(): void {
    for (const grant of [...this.#grants.values()]) this.#release(grant, ReleaseReason.RELEASE_REASON_DRAINING);
  }

  loadChanged(): void {}

  close(): void {
    this.#closed = true;
    for (const grant of this.#grants.values()) {
      if (grant.timer) clearTimeout(grant.timer);
      if (grant.pending) clearImmediate(grant.pending);
    }
    this.#grants.clear();
    for (const w of this.#watchers.values()) w.close();
    this.#watchers.clear();
  }
}

/** How long polling pauses after an accept failure (EMFILE and the like), which would otherwise wake us in a loop. */
export const ACCEPT_FAILURE_PAUSE_MS = 100;

/** Most connections a poll strategy takes per readiness before it lets the loop run other events. */
export const POLL_ACCEPT_BATCH = 16;

/** Most connections a draining reuseport worker takes from one listener's own queue. */
const REUSEPORT_SWEEP_MAX = 4096;

/**
 * shared, exclusive and reuseport: poll every listener, accept one
 * connection per readiness. While the worker is at capacity the watchers are
 * stopped, so the kernel wakes other workers instead [SHARED-5].
 */
export class PollAcceptor implements Acceptor {
  readonly #host: AcceptorHost;
  readonly #exclusive: boolean;
  readonly #reuseport: boolean;
  readonly #watchers: WatcherLike[] = [];
  /** At capacity. */
  #paused = false;
  /** After an accept failure, until the timer runs. */
  #backoff: NodeJS.Timeout | undefined;
  #stopped = false;
  /** Empty accepts counted here, and by watchers since closed (the rest are in the watchers' own counts). */
  #wouldBlock = 0;
  #wakeups = 0;

  /** accept() calls that found the queue empty: the herd, measured. */
  get wouldBlock(): number {
    return this.#wouldBlock + this.#watcherEmpty();
  }

  /**
   * Readiness events handled, including those whose accept found nothing
   * [LOAD-8]: the native watcher accepts the first connection of each
   * readiness itself and counts the empty ones without calling back.
   */
  get wakeups(): number {
    return this.#wakeups + this.#watcherEmpty();
  }

  #watcherEmpty(): number {
    let n = 0;
    for (const w of this.#watchers) n += w.emptyAccepts ?? 0;
    return n;
  }

  /** Closes the watchers, keeping what they counted. */
  #closeWatchers(): void {
    const empty = this.#watcherEmpty();
    this.#wouldBlock += empty;
    this.#wakeups += empty;
    for (const w of this.#watchers) w.close();
    this.#watchers.length = 0;
  }

  constructor(host: AcceptorHost, opts: { exclusive: boolean; reuseport?: boolean }) {
    this.#host = host;
    this.#exclusive = opts.exclusive;
    this.#reuseport = opts.reuseport ?? false;
  }

  start(): void {
    const host = this.#host;
    if (this.#stopped || this.#watchers.length > 0) return;
    for (const fd of host.listenFds) {
      const w = host.native.createWatcher(fd, (conn) => this.#onReadable(fd, conn), { exclusive: this.#exclusive, accept: true });
      this.#watchers.push(w);
      if (!this.#full()) w.start();
    }
    this.#paused = this.#full();
  }

  #full(): boolean {
    return this.#host.capacity > 0 && this.#host.inFlight >= this.#host.capacity;
  }

  #polling(): boolean {
    return !this.#stopped && !this.#paused && this.#backoff === undefined;
  }

  /**
   * A readiness of listener `fd`. `first` is the connection the native
   * watcher already accepted for it (a negative errno if that accept
   * failed), or undefined from a watcher that does not accept.
   */
  #onReadable(fd: number, first?: number): void {
    if (!this.#polling()) {
      // Stopped or paused between the kernel's event and this callback: the
      // connection is ours now and is served like any other.
      if (first !== undefined && first >= 0) this.#host.dispatch(first, fd);
      return;
    }
    this.#wakeups++;
    // Up to POLL_ACCEPT_BATCH connections per readiness, as libuv's own
    // accept loop takes them: a worker that is awake empties the queue, so
    // the next connection does not find a backlog that wakes the others.
    for (let i = 0; i < POLL_ACCEPT_BATCH; i++) {
      const conn = i === 0 && first !== undefined ? fromNative(first) : acceptFrom(this.#host, fd);
      if (conn instanceof Error) {
        // The connection stays queued for another worker. The listener is
        // still readable, so pause rather than spin on the same failure.
        this.#host.log(`accept on fd ${fd} failed: ${conn.message}; pausing ${ACCEPT_FAILURE_PAUSE_MS} ms`);
        for (const w of this.#watchers) w.stop();
        this.#backoff = setTimeout(() => {
          this.#backoff = undefined;
          if (this.#polling()) for (const w of this.#watchers) w.start();
        }, ACCEPT_FAILURE_PAUSE_MS);
        this.#backoff.unref();
        return;
      }
      if (conn === 'transient') continue;
      if (conn === 'empty') {
        // The first accept of a wakeup finding nothing is the herd; the one
        // that ends a batch is how the loop learns the queue is empty.
        if (i === 0) this.#wouldBlock++;
        return;
      }
      this.#host.dispatch(conn.fd, fd);
      if (this.#full() && !this.#paused) {
        this.#paused = true;
        for (const w of this.#watchers) w.stop();
        return;
      }
      if (!this.#polling()) return;
    }
  }

  /**
   * SHARED-6: out of the poll set before the in-flight work is waited for.
   * A reuseport worker's listeners are its own: the connections the kernel
   * already put in their queues reach no other worker, so they are taken
   * first and the listeners closed at once, which stops the kernel routing
   * new connections to them [REUSE-4].
   */
  drain(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    if (this.#backoff) clearTimeout(this.#backoff);
    this.#backoff = undefined;
    this.#closeWatchers();
    if (!this.#reuseport) return;
    const host = this.#host;
    for (const fd of host.listenFds) {
      for (let i = 0; i < REUSEPORT_SWEEP_MAX; i++) {
        const conn = acceptFrom(host, fd);
        if (conn === 'empty' || conn instanceof Error) break;
        if (conn === 'transient') continue;
        host.dispatch(conn.fd, fd);
      }
      try {
        host.native.close(fd);
      } catch (err) {
        host.log(`closing listener fd ${fd} failed: ${(err as Error).message}`);
      }
    }
  }

  loadChanged(): void {
    if (this.#paused && !this.#full()) {
      this.#paused = false;
      if (this.#polling()) for (const w of this.#watchers) w.start();
    }
  }

  close(): void {
    this.#stopped = true;
    if (this.#backoff) clearTimeout(this.#backoff);
    this.#backoff = undefined;
    this.#closeWatchers();
  }
}
