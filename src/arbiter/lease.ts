// The herd-free accept coordinator for the `arbiter` strategy: accept leases.
// Pure (no I/O, no timers): the arbiter feeds it events and carries out the
// actions it returns, so every rule here is unit-tested without processes.
//
// Invariant (spec.md section 7, ACCEPT-*): at most one lease per listener is
// outstanding at any instant, so at most one worker has that listener in its
// poll set and one arriving connection makes at most one process runnable.
// Since 1.5 (accept.overlap, section 7.2.9) a listener may have up to
// `holders` leases out at once, each to a different worker that negotiated
// the feature and polls with an exclusive wakeup (EPOLLEXCLUSIVE): one
// arriving connection still wakes one sleeping holder, and while one holder
// hands its lease back the others keep accepting, so no connection waits for
// the round trip through the arbiter.
//
// Why a lease and not one grant per readiness event: a grant per connection
// costs an arbiter wakeup, a worker wakeup and a reply per connection, which
// loses to the plain herd on CPU. A lease lets the holder accept up to
// maxAccepts connections on its own, one wakeup each, and costs one round
// trip per lease. Rotating the lease to the least-loaded worker keeps the pool
// fair; releaseLoad makes a busy holder hand it on early.
import { hasRoom, type Candidate } from './policy.js';

/** Connections in flight at one worker at which its listeners get more than one holder (accept.overlap). */
export const BUSY_IN_FLIGHT = 2;

export interface LeaseWorker extends Candidate {
  ready: boolean;
  draining: boolean;
  /** It let a lease run out without answering, or had one revoked: no new lease until it is heard from. */
  stalled: boolean;
  /** It negotiated accept.revoke: its leases may be taken back with AcceptRevoke. */
  revocable: boolean;
  /** It negotiated accept.overlap: it may hold a lease beside other holders of the same listener. */
  overlap: boolean;
  /** Connections it reported in AcceptDone; acceptedTotal is the larger of this and its heartbeats' count. */
  acked: number;
}

export interface Lease {
  grantId: number;
  listener: number;
  workerId: number;
  sentAt: number;
  maxAccepts: number;
  releaseLoad: number;
  leaseMs: number;
  /** When a poll first saw connections queued with no word from the holder since; undefined: none seen. */
  queuedSince?: number | undefined;
}

export type LeaseAction =
  | { type: 'grant'; lease: Lease }
  /** The lease is taken back: the holder did not answer within leaseMs + grace. */
  | { type: 'lost'; lease: Lease }
  /**
   * The lease is taken back from a revocable holder that said nothing while
   * connections waited on the listener for stallMs: send it AcceptRevoke.
   */
  | { type: 'revoke'; lease: Lease; queued: number };

export interface LeaseOptions {
  /** max_accepts of a grant while the pool is idle. */
  maxAccepts: number;
  /** max_accepts of a grant while the pool is busy (see #busy); default maxAccepts. */
  maxAcceptsBusy?: number;
  leaseMs: number;
  graceMs: number;
  /** Queue polls: a revocable holder silent while connections wait this long loses the lease, ms; 0 = never. */
  stallMs?: number;
  /** Leases out at once per listener, to workers with accept.overlap (1 = one holder, as before 1.5). */
  holders?: number;
  now: () => number;
}

export interface DoneReport {
  grantId: number;
  listener: number;
  accepted: number;
  inFlight: number;
}

export class LeaseViolation extends Error {}

/**
 * Who gets the next grant (section 7.2.7): a worker not known to be loaded
 * before one that is, then the fewest grants held at the moment, then the
 * fewest connections accepted, then the least loaded, then the lowest id.
 * The accepted count is the arbiter's own and exact; in_flight is the
 * worker's last report, which under load is stale within milliseconds, so
 * it only sorts workers into loaded (at or over the level at which a
 * holder releases) and not. Ordering by that stale figure first, as before
 * 1.5, kept a worker whose last report happened to be high out of the
 * rotation until its next heartbeat, up to a second: 8 workers at 16 in
 * flight ended with 132 to 726 connections each (Jain 0.85).
 */
function before(w: Ranked, b: Ranked): boolean {
  if (w.loaded !== b.loaded) return !w.loaded;
  if (w.held !== b.held) return w.held < b.held;
  if (w.worker.acceptedTotal !== b.worker.acceptedTotal) return w.worker.acceptedTotal < b.worker.acceptedTotal;
  if (w.worker.inFlight !== b.worker.inFlight) return w.worker.inFlight < b.worker.inFlight;
  return w.worker.id < b.worker.id;
}

interface Ranked {
  worker: LeaseWorker;
  held: number;
  loaded: boolean;
}

export class LeaseCoordinator {
  readonly workers = new Map<number, LeaseWorker>();
  /** Per listener, its outstanding leases, oldest first (at most one unless every holder negotiated accept.overlap). */
  readonly #leases: Lease[][];
  readonly #opts: LeaseOptions;
  /** Grant ids taken back as lost: a late AcceptDone for one is stale, not a violation. */
  readonly #lost = new Set<number>();
  #nextGrantId = 1;
  #paused = false;
  grants = 0;

  constructor(listenerCount: number, options: LeaseOptions) {
    this.#leases = Array.from({ length: listenerCount }, () => []);
    this.#opts = options;
  }

  /** The oldest lease on a listener, if one is outstanding. */
  holder(listener: number): Lease | undefined {
    return this.#leases[listener]?.[0];
  }

  /** Every lease on a listener, oldest first. */
  holders(listener: number): readonly Lease[] {
    return this.#leases[listener] ?? [];
  }

  outstanding(): Lease[] {
    return this.#leases.flat();
  }

  /** A new capacity report (LOAD-3); 0 = unbounded. */
  capacity(id: number, capacity: number): void {
    const w = this.workers.get(id);
    if (w) w.capacity = capacity;
  }

  addWorker(id: number, capacity: number, revocable = false, overlap = false): void {
    this.workers.set(id, { id, capacity, inFlight: 0, acceptedTotal: 0, acked: 0, ready: false, draining: false, stalled: false, revocable, overlap });
  }

  /** The worker said Ready: it may now hold leases. */
  ready(id: number): LeaseAction[] {
    const w = this.workers.get(id);
    if (w) w.ready = true;
    return this.schedule();
  }

  /** A load report (Heartbeat, HandoffAck, AcceptDone). */
  load(id: number, inFlight: number, acceptedTotal?: number): LeaseAction[] {
    const w = this.workers.get(id);
    if (!w) return [];
    w.inFlight = inFlight;
    w.stalled = false;
    this.#heardFrom(id);
    if (acceptedTotal !== undefined && acceptedTotal > w.acceptedTotal) w.acceptedTotal = acceptedTotal;
    return this.schedule();
  }

  /**
   * The worker stops taking leases (draining or being stopped). A lease it
   * holds stays outstanding until it answers AcceptDone (it releases with
   * reason DRAINING) or dies: re-granting before that could put the listener
   * in two poll sets at once.
   */
  drain(id: number): void {
    const w = this.workers.get(id);
    if (w) w.draining = true;
  }

  /** The worker is gone (exited, channel closed): its leases return at once. */
  remove(id: number): LeaseAction[] {
    this.workers.delete(id);
    for (let i = 0; i < this.#leases.length; i++) this.#leases[i] = (this.#leases[i] as Lease[]).filter((l) => l.workerId !== id);
    return this.schedule();
  }

  /** AcceptDone from a worker. Throws LeaseViolation for a lease it does not hold. */
  done(workerId: number, report: DoneReport): LeaseAction[] {
    const list = this.#leases[report.listener];
    const lease = list?.find((l) => l.grantId === report.grantId);
    if (!list || !lease || lease.workerId !== workerId) {
      if (this.#lost.delete(report.grantId)) return this.load(workerId, report.inFlight);
      throw new LeaseViolation(`AcceptDone for grant ${report.grantId} on listener ${report.listener}, which worker ${workerId} does not hold`);
    }
    if (report.accepted > lease.maxAccepts) {
      throw new LeaseViolation(`AcceptDone reports ${report.accepted} connections accepted under grant ${report.grantId}, which allowed ${lease.maxAccepts}`);
    }
    list.splice(list.indexOf(lease), 1);
    const w = this.workers.get(workerId);
    if (w) {
      // A Heartbeat sent while the lease was out already counted these connections: both are lower bounds of the truth.
      w.acked += report.accepted;
      w.acceptedTotal = Math.max(w.acceptedTotal, w.acked);
      w.inFlight = report.inFlight;
      w.stalled = false;
    }
    return this.schedule();
  }

  // Any message from a holder is progress: a stall is silence while
  // connections wait. Under accept.overlap a listener's holders are judged
  // together: one that is never woken because its co-holder takes every
  // connection is not stalled, and the connections that wait are the
  // co-holder's to take (a holder that is really stopped is not woken
  // either: the kernel wakes the others, and its lease runs out by the
  // timers of section 7.2.6).
  #heardFrom(id: number): void {
    for (const list of this.#leases) {
      if (list.some((l) => l.workerId === id)) for (const l of list) l.queuedSince = undefined;
    }
  }

  /**
   * Whether the arbiter should poll the listeners' accept queues now: only
   * while a revocable lease is outstanding and another worker could take it
   * over, so a single-worker pool, or one of 1.0 workers, costs no polls.
   */
  watching(): boolean {
    if (!this.#opts.stallMs || this.#paused) return false;
    return this.outstanding().some((l) => this.#watched(l));
  }

  /** Listeners whose queues are worth a poll now (see watching()). */
  watchedListeners(): number[] {
    if (!this.#opts.stallMs || this.#paused) return [];
    return [...new Set(this.outstanding().filter((l) => this.#watched(l)).map((l) => l.listener))];
  }

  #watched(l: Lease): boolean {
    if (!this.workers.get(l.workerId)?.revocable) return false;
    for (const w of this.workers.values()) if (w.id !== l.workerId && w.ready && !w.draining && !w.stalled && hasRoom(w)) return true;
    return false;
  }

  /**
   * One poll of a listener's accept queue (queued: connections waiting, or
   * null when the kernel reports none, as for unix listeners: the lease timers
   * alone apply there). A revocable holder that sends nothing while
   * connections wait at polls stallMs apart is not draining them: its lease
   * is revoked and granted to another worker at once, without waiting for its
   * answer, which a stopped holder would never send (ACCEPT-40, ACCEPT-41).
   * The revoked grant is handled as a lost one (ACCEPT-30, ACCEPT-37): its
   * late AcceptDone is stale, and the holder gets no new lease until it is
   * heard from. A holder without accept.revoke cannot be told, and one that
   * resumed would accept beside the new holder: it keeps its lease until the
   * lease timers end it.
   */
  observeQueue(listener: number, queued: number | null): LeaseAction[] {
    const stallMs = this.#opts.stallMs ?? 0;
    if (stallMs === 0) return [];
    const actions: LeaseAction[] = [];
    // The listener's holders stall together (see #heardFrom): all of them
    // have been silent while connections waited, so all are revoked.
    for (const lease of [...(this.#leases[listener] ?? [])]) {
      if (!this.#watched(lease)) continue;
      if (queued === null || queued === 0) {
        lease.queuedSince = undefined;
        continue;
      }
      const now = this.#opts.now();
      if (lease.queuedSince === undefined) {
        lease.queuedSince = now;
        continue;
      }
      if (now - lease.queuedSince < stallMs) continue;
      this.#takeBack(listener, lease);
      actions.push({ type: 'revoke' as const, lease, queued });
    }
    return actions.length ? actions.concat(this.schedule()) : actions;
  }

  #takeBack(listener: number, lease: Lease): void {
    const list = this.#leases[listener] as Lease[];
    list.splice(list.indexOf(lease), 1);
    this.#lost.add(lease.grantId);
    // Bounded (SEC-7): a grant lost long ago is as good as unknown.
    if (this.#lost.size > 1024) this.#lost.delete(this.#lost.values().next().value as number);
    const w = this.workers.get(lease.workerId);
    if (w) w.stalled = true;
  }

  /** Takes back leases whose holders stopped answering. */
  expire(): LeaseAction[] {
    const now = this.#opts.now();
    const actions: LeaseAction[] = [];
    for (let i = 0; i < this.#leases.length; i++) {
      for (const lease of [...(this.#leases[i] as Lease[])]) {
        if (now - lease.sentAt > lease.leaseMs + this.#opts.graceMs) {
          this.#takeBack(i, lease);
          actions.push({ type: 'lost', lease });
        }
      }
    }
    return actions.length ? actions.concat(this.schedule()) : actions;
  }

  /** No new leases while paused (the pool is stopping). */
  pause(paused: boolean): LeaseAction[] {
    this.#paused = paused;
    return paused ? [] : this.schedule();
  }

  /**
   * Grants every free listener to the best eligible worker, and tops up each
   * listener whose holders all negotiated accept.overlap to `holders` leases
   * with more such workers.
   */
  schedule(): LeaseAction[] {
    if (this.#paused) return [];
    const actions: LeaseAction[] = [];
    const busy = this.#busy();
    const most = busy ? (this.#opts.holders ?? 1) : 1;
    const load = this.#poolReleaseLoad();
    for (let listener = 0; listener < this.#leases.length; listener++) {
      const list = this.#leases[listener] as Lease[];
      for (;;) {
        if (list.length >= (list.length === 0 ? 1 : most)) break;
        // Beside another holder only workers of accept.overlap, and only
        // beside holders of it: a holder of 1.4 polls without an exclusive
        // wakeup and would wake with every connection its co-holder takes.
        const overlap = list.length > 0;
        if (overlap && !list.every((l) => this.workers.get(l.workerId)?.overlap)) break;
        const w = this.#pick(list, overlap, load);
        if (!w) break;
        actions.push(this.#grant(listener, w, busy, load));
      }
    }
    return actions;
  }

  /**
   * Whether the pool is busy enough for more than one holder: a worker's
   * last report (AcceptDone, Heartbeat) had BUSY_IN_FLIGHT or more
   * connections in flight. An idle pool, one connection at a time, never
   * does, and keeps one holder: a second one would be woken by the
   * connections that arrive while the first is still finishing the last
   * one, a wakeup per connection that saves nothing. (Not the pool's sum:
   * at idle the last reports of the workers the lease rotated through each
   * still say 1, and add up.)
   */
  #busy(): boolean {
    for (const w of this.workers.values()) if (w.ready && !w.draining && w.inFlight >= BUSY_IN_FLIGHT) return true;
    return false;
  }

  // A busy pool gets bigger batches: under load a holder hands on by load
  // long before its batch runs out, and each grant that does end by batch
  // costs a round trip through the arbiter. An idle pool gets small ones, so
  // the lease rotates and no worker serves long runs of connections alone,
  // which lengthened the tail (measured at one connection in flight, 8
  // workers: p99 2.1 ms with batches of 16, 3.4 ms with 64).
  #grant(listener: number, w: LeaseWorker, busy: boolean, load: number): LeaseAction {
    const lease: Lease = {
      grantId: this.#nextGrantId++,
      listener,
      workerId: w.id,
      sentAt: this.#opts.now(),
      maxAccepts: busy ? (this.#opts.maxAcceptsBusy ?? this.#opts.maxAccepts) : this.#opts.maxAccepts,
      releaseLoad: this.#releaseLoad(w, load),
      leaseMs: this.#opts.leaseMs,
    };
    if (this.#nextGrantId > 0xffffffff) this.#nextGrantId = 1;
    (this.#leases[listener] as Lease[]).push(lease);
    this.grants++;
    return { type: 'grant', lease };
  }

  // See before(): not loaded, fewest held, fewest accepted, least loaded, lowest id.
  // `beside`: the listener's current holders, who cannot get a second lease on
  // it; `overlap`: only workers of accept.overlap qualify.
  #pick(beside: readonly Lease[], overlap: boolean, load: number): LeaseWorker | undefined {
    const held = new Map<number, number>();
    for (const l of this.outstanding()) held.set(l.workerId, (held.get(l.workerId) ?? 0) + 1);
    let best: Ranked | undefined;
    for (const w of this.workers.values()) {
      if (!w.ready || w.draining || w.stalled || !hasRoom(w)) continue;
      if ((overlap && !w.overlap) || beside.some((l) => l.workerId === w.id)) continue;
      const r: Ranked = { worker: w, held: held.get(w.id) ?? 0, loaded: w.inFlight >= this.#releaseLoad(w, load) };
      if (best === undefined || before(r, best)) best = r;
    }
    return best?.worker;
  }

  // The holder hands the lease on once it holds more than its fair share of
  // the pool's connections (plus one, so an idle pool never releases early).
  #releaseLoad(w: LeaseWorker, load: number): number {
    return w.capacity > 0 ? Math.min(load, w.capacity) : load;
  }

  #poolReleaseLoad(): number {
    let total = 0;
    let n = 0;
    for (const x of this.workers.values()) {
      if (!x.ready || x.draining) continue;
      total += x.inFlight;
      n++;
    }
    const fair = n === 0 ? 0 : Math.ceil(total / n);
    return Math.max(2, fair + 1);
  }
}
