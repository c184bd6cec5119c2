// Who accepts: one facade over the accept strategy's coordinator, so that
// supervision says what happened to a worker (it said Hello, is ready,
// reported its load, drains, exited) and this file tells the coordinator and
// carries out what it decides.
//
//   arbiter    the LeaseCoordinator (lease.ts) and its StallWatch
//              (lease-watch.ts); AcceptGrant and AcceptRevoke go out on the
//              worker's control channel.
//   handoff    the HandoffDispatcher (handoff.ts); connections go out on the
//              worker's handoff socketpair.
//   shared, reuseport
//              the kernel decides: every call here is a no-op.
import * as native from '../transport/native.js';
import type { BodyTypes, OutMessage } from '../protocol/codec.js';
import { GrantViolationError } from '../protocol/errors.js';
import { HandoffDispatcher } from './handoff.js';
import { LeaseCoordinator, LeaseViolation, type LeaseAction } from './lease.js';
import { StallWatch, type StallWatchDeps } from './lease-watch.js';
import type { ListenerRecord } from './listeners.js';
import type { Logger } from './log.js';
import type { ArbiterOptions } from './options.js';
import type { WorkerRecord } from './worker-record.js';

export interface AcceptDeps {
  now(): number;
  log: Logger;
  /** Sends a message on a worker's control channel, if the worker and its channel are still there. */
  send(workerId: number, message: OutMessage): void;
  /** The stall watch's queue reads and timer (default: native.acceptQueue, real timers). */
  stallWatch?: Partial<StallWatchDeps> | undefined;
}

export class AcceptCoordination {
  readonly #options: ArbiterOptions;
  readonly #deps: AcceptDeps;
  #lease: LeaseCoordinator | undefined;
  #stallWatch: StallWatch | undefined;
  /** Leases taken back with AcceptRevoke (section 7.2.8). */
  #revocations = 0;
  #handoff: HandoffDispatcher | undefined;

  constructor(options: ArbiterOptions, deps: AcceptDeps) {
    this.#options = options;
    this.#deps = deps;
  }

  /** The listeners are open: starts the strategy's coordinator. */
  open(listeners: ListenerRecord[]): void {
    const o = this.#options;
    if (o.accept === 'arbiter') {
      this.#lease = new LeaseCoordinator(listeners.length, {
        maxAccepts: o.leaseMaxAccepts, maxAcceptsBusy: o.leaseMaxAcceptsBusy, leaseMs: o.leaseMs, graceMs: o.leaseGraceMs,
        stallMs: o.leaseStallMs, holders: o.leaseHolders, now: () => this.#deps.now(),
      });
      this.#stallWatch = new StallWatch(this.#lease, listeners.map((l) => l.fd), o.leasePollMs, (a) => this.#apply(a), {
        queued: (fd) => native.acceptQueue(fd)?.queued ?? null,
        setInterval: (fn, ms) => setInterval(fn, ms),
        clearInterval: (t) => clearInterval(t as NodeJS.Timeout),
        ...this.#deps.stallWatch,
      });
    } else if (o.accept === 'handoff') {
      this.#handoff = new HandoffDispatcher(listeners, (m, level = 'error') => this.#deps.log[level](m));
    }
  }

  /** Hello: the worker joins with its capacity; its leases are revocable if it negotiated accept.revoke, and may overlap others' with accept.overlap. */
  add(w: WorkerRecord, revocable: boolean, overlap = false): void {
    this.#lease?.addWorker(w.id, w.capacity, revocable, overlap);
    if (this.#handoff && w.handoffSock !== undefined) this.#handoff.add(w.id, w.handoffSock, w.capacity);
  }

  ready(id: number): void {
    this.#apply(this.#lease?.ready(id) ?? []);
    this.#handoff?.ready(id);
  }

  /** A new capacity report (LOAD-3); 0 = unbounded. */
  capacity(id: number, capacity: number): void {
    this.#lease?.capacity(id, capacity);
    this.#handoff?.capacity(id, capacity);
  }

  /** A load report (Heartbeat). */
  load(id: number, inFlight: number, acceptedTotal: number): void {
    this.#apply(this.#lease?.load(id, inFlight, acceptedTotal) ?? []);
    this.#handoff?.load(id, inFlight);
  }

  /** AcceptDone (arbiter strategy). Throws GrantViolationError for a lease the worker does not hold. */
  done(id: number, done: BodyTypes['acceptDone']): void {
    try {
      this.#apply(this.#lease?.done(id, done) ?? []);
    } catch (err) {
      if (err instanceof LeaseViolation) throw new GrantViolationError(err.message);
      throw err;
    }
  }

  /** HandoffAck (handoff strategy); returns what was wrong with it, if anything. */
  ack(id: number, ack: BodyTypes['handoffAck']): string | undefined {
    return this.#handoff?.ack(id, ack.handoffIds, ack.refusedIds, ack.inFlight);
  }

  /** No new leases or connections for this worker. */
  drain(id: number): void {
    this.#lease?.drain(id);
    this.#handoff?.drain(id);
  }

  /** The worker exited: its leases return at once, its unacknowledged handoffs go to another worker. */
  remove(w: WorkerRecord): void {
    this.#apply(this.#lease?.remove(w.id) ?? []);
    if (this.#handoff) {
      // The dispatcher owns (and closes) the sockets of the workers it was
      // given at Hello; one that died before Hello never was, and its end of
      // the pair would stay open in the arbiter, one descriptor per death.
      const given = this.#handoff.workers.has(w.id);
      // What a kill can have cost: the connections it had acknowledged and not answered.
      const h = this.#handoff.remove(w.id);
      if (given) this.#deps.log.debug(`worker ${w.id} (pid ${w.proc.pid}) had acknowledged ${h.acknowledged} handoff(s); ${h.handedOn} unacknowledged handed on`);
      else if (w.handoffSock !== undefined) native.close(w.handoffSock);
    } else if (w.handoffSock !== undefined) native.close(w.handoffSock);
  }

  /** Takes back leases whose holders stopped answering (each tick). */
  expire(): void {
    this.#apply(this.#lease?.expire() ?? []);
  }

  /** The pool is stopping: no new leases or handoffs. */
  pause(): void {
    this.#lease?.pause(true);
    this.#handoff?.pause(true);
  }

  close(): void {
    this.#stallWatch?.close();
    this.#handoff?.close();
  }

  stats() {
    return {
      leases: this.#lease ? { granted: this.#lease.grants, revoked: this.#revocations, queuePolls: this.#stallWatch?.polls ?? 0, outstanding: this.#lease.outstanding().map((l) => ({ listener: l.listener, worker: l.workerId })) } : undefined,
      handoff: this.#handoff ? { handedOff: this.#handoff.handedOff, redispatched: this.#handoff.redispatched, pending: this.#handoff.pendingCount } : undefined,
    };
  }

  /** Carries out what the lease coordinator decided. */
  #apply(actions: LeaseAction[]): void {
    for (const a of actions) {
      const l = a.lease;
      if (a.type === 'lost') {
        this.#deps.log.warning(`worker ${l.workerId} did not answer lease ${l.grantId} on listener ${l.listener} within ${l.leaseMs + this.#options.leaseGraceMs} ms: taking it back`);
        continue;
      }
      if (a.type === 'revoke') {
        // Already ended on our side (ACCEPT-41); the next grant follows in
        // this same batch of actions, without waiting for the holder. Debug
        // only: a pool of busy handlers revokes many times a second.
        this.#revocations++;
        this.#deps.log.debug(`worker ${l.workerId} left ${a.queued} connection(s) waiting on listener ${l.listener} for ${this.#options.leaseStallMs} ms without a word: revoking lease ${l.grantId}`);
        this.#deps.send(l.workerId, { kind: 'acceptRevoke', body: { grantId: l.grantId, listener: l.listener } });
        continue;
      }
      this.#deps.send(l.workerId, { kind: 'acceptGrant', body: { grantId: l.grantId, listener: l.listener, maxAccepts: l.maxAccepts, releaseLoad: l.releaseLoad, leaseMs: l.leaseMs } });
    }
    this.#stallWatch?.sync();
  }
}
