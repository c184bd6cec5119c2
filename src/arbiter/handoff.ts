// The `handoff` strategy, arbiter side: the arbiter accepts every connection
// and passes its fd to the least-loaded worker over that worker's handoff
// socketpair (SOCK_SEQPACKET, one datagram = one frame + one fd).
//
// No connection is lost between the arbiter and a dying worker: the arbiter
// keeps its copy of each fd until the worker's HandoffAck names it. A worker
// that dies first leaves its unacknowledged fds with us, and they go to
// another worker (remove()). What a kill does lose is what the worker had
// acknowledged and not yet answered, and that includes connections it had
// not even started on: the worker acknowledges a whole readiness batch, then
// hands the batch to its server (HANDOFF-23), so a kill between the two
// loses the batch although the application never saw it. A freshly started
// worker, favoured by the least-loaded pick (it gets every queued connection
// when it is the only one ready), acknowledges a burst at once and is slowest
// to serve its first ones.
//
// Backpressure: when no worker has room, the arbiter stops watching the
// listeners, so connections wait in the kernel's accept queue, not in our
// memory; `queue` never holds more than one accept batch.
import * as native from '../transport/native.js';
import { encodeFrame } from '../protocol/codec.js';
import { hasRoom, type Candidate } from './policy.js';
import type { ListenerRecord } from './listeners.js';

export interface HandoffWorker extends Candidate {
  /** The arbiter's end of the worker's handoff socketpair. */
  sock: number;
  ready: boolean;
  draining: boolean;
  /** Handed over, not yet acknowledged. */
  pending: number;
  /** Its socket buffer was full: skip it until it acknowledges something. */
  blocked: boolean;
}

interface Pending {
  id: number;
  fd: number;
  listener: number;
  peer: string;
  workerId: number;
  /** Workers that refused this connection: it goes to another one (HANDOFF-10). */
  refusedBy?: Set<number>;
}

/** Connections accepted per readiness callback (then the loop yields). */
const ACCEPT_BATCH = 32;

export class HandoffDispatcher {
  readonly workers = new Map<number, HandoffWorker>();
  readonly #watchers: native.Watcher[] = [];
  readonly #pending = new Map<number, Pending>();
  readonly #queue: Omit<Pending, 'workerId'>[] = [];
  readonly #onError: (message: string, level?: 'debug' | 'error') => void;
  #nextId = 1;
  #watching = false;
  #paused = false;
  handedOff = 0;
  redispatched = 0;

  constructor(listeners: ListenerRecord[], onError: (message: string, level?: 'debug' | 'error') => void) {
    this.#onError = onError;
    for (const l of listeners) {
      this.#watchers.push(new native.Watcher(l.fd, () => this.#onReadable(l)));
    }
  }

  /** A new capacity report (LOAD-3); 0 = unbounded. */
  capacity(id: number, capacity: number): void {
    const w = this.workers.get(id);
    if (w) w.capacity = capacity;
  }

  add(id: number, sock: number, capacity: number): void {
    this.workers.set(id, { id, sock, capacity, inFlight: 0, acceptedTotal: 0, ready: false, draining: false, pending: 0, blocked: false });
  }

  ready(id: number): void {
    const w = this.workers.get(id);
    if (w) w.ready = true;
    this.#pump();
  }

  drain(id: number): void {
    const w = this.workers.get(id);
    if (w) w.draining = true;
  }

  load(id: number, inFlight: number): void {
    const w = this.workers.get(id);
    if (w) w.inFlight = inFlight;
    this.#pump();
  }

  /** HandoffAck: acknowledged fds are the worker's now; refused ones go elsewhere. */
  ack(id: number, acked: readonly number[], refused: readonly number[], inFlight: number): string | undefined {
    const w = this.workers.get(id);
    let problem: string | undefined;
    for (const hid of acked) {
      const p = this.#pending.get(hid);
      if (!p || p.workerId !== id) { problem = `acknowledged handoff ${hid}, which was not sent to it`; continue; }
      this.#pending.delete(hid);
      native.close(p.fd);
      if (w) { w.pending--; w.acceptedTotal++; }
    }
    for (const hid of refused) {
      const p = this.#pending.get(hid);
      if (!p || p.workerId !== id) { problem = `refused handoff ${hid}, which was not sent to it`; continue; }
      this.#pending.delete(hid);
      if (w) w.pending--;
      (p.refusedBy ??= new Set()).add(id);
      this.#queue.push(p);
      this.redispatched++;
    }
    if (w) { w.inFlight = inFlight; w.blocked = false; }
    this.#pump();
    return problem;
  }

  /**
   * The worker is gone: whatever it had not acknowledged is handed to
   * another. Returns how many connections it had acknowledged in all (those
   * were its own, answered or lost with it) and how many it had not, which
   * are handed on.
   */
  remove(id: number): { acknowledged: number; handedOn: number } {
    const w = this.workers.get(id);
    this.workers.delete(id);
    let handedOn = 0;
    for (const p of [...this.#pending.values()]) {
      if (p.workerId !== id) continue;
      this.#pending.delete(p.id);
      this.#queue.push(p);
      this.redispatched++;
      handedOn++;
    }
    if (w) native.close(w.sock);
    this.#pump();
    return { acknowledged: w?.acceptedTotal ?? 0, handedOn };
  }

  pause(paused: boolean): void {
    this.#paused = paused;
    this.#pump();
  }

  get pendingCount(): number {
    return this.#pending.size + this.#queue.length;
  }

  close(): void {
    for (const w of this.#watchers) w.close();
    for (const p of this.#pending.values()) native.close(p.fd);
    for (const p of this.#queue) native.close(p.fd);
    this.#pending.clear();
    this.#queue.length = 0;
    for (const w of this.workers.values()) native.close(w.sock);
    this.workers.clear();
  }

  #onReadable(l: ListenerRecord): void {
    if (this.#paused) return this.#watch(false);
    // Accept only as many as workers have room for: the rest stay queued in
    // the kernel, where a stop or a crash of ours cannot lose them.
    const room = this.#room();
    if (room <= 0) return this.#watch(false);
    for (const c of native.acceptBatch(l.fd, Math.min(room, ACCEPT_BATCH))) {
      this.#queue.push({ id: this.#nextId++, fd: c.fd, listener: l.index, peer: peerOf(c) });
    }
    this.#pump();
  }

  #room(): number {
    let room = 0;
    for (const w of this.workers.values()) {
      if (!w.ready || w.draining) continue;
      if (w.capacity === 0) return ACCEPT_BATCH;
      room += Math.max(0, w.capacity - w.inFlight - w.pending);
    }
    return room;
  }

  #pick(refusedBy?: Set<number>): HandoffWorker | undefined {
    let best: HandoffWorker | undefined;
    for (const w of this.workers.values()) {
      if (!w.ready || w.draining || w.blocked || refusedBy?.has(w.id)) continue;
      const load = w.inFlight + w.pending;
      if (!hasRoom({ ...w, inFlight: load })) continue;
      if (!best || load < best.inFlight + best.pending || (load === best.inFlight + best.pending && (w.acceptedTotal < best.acceptedTotal || (w.acceptedTotal === best.acceptedTotal && w.id < best.id)))) best = w;
    }
    return best;
  }

  // Sends queued connections to workers with room, then decides whether to
  // keep watching the listeners.
  #pump(): void {
    while (this.#queue.length > 0 && !this.#paused) {
      const head = this.#queue[0]!;
      const w = this.#pick(head.refusedBy);
      if (!w) {
        // HANDOFF-11: refused by every worker that could take it. Rather
        // than bounce it between them forever, the connection is closed.
        if (head.refusedBy && this.#pick() !== undefined) {
          this.#queue.shift();
          native.close(head.fd);
          this.#onError(`connection from ${head.peer} refused by ${head.refusedBy.size} worker(s): closed`);
          continue;
        }
        break;
      }
      const p = this.#queue.shift() as Omit<Pending, 'workerId'>;
      const frame = encodeFrame({ kind: 'handoff', body: { handoffId: p.id, listener: p.listener, peer: p.peer } });
      let sent = false;
      try {
        sent = native.sendWithFds(w.sock, frame, [p.fd]);
      } catch (err) {
        // A worker that died and is not reaped yet: its end of the pair is
        // gone, the connection stays queued for another worker, and the
        // reap says why it died. Anything else is worth an ERROR.
        const code = (err as { code?: unknown }).code;
        const dying = code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNREFUSED';
        this.#onError(`handoff to worker ${w.id} failed: ${(err as Error).message}${dying ? ' (it is exiting; the connection stays queued)' : ''}`, dying ? 'debug' : 'error');
      }
      if (!sent) {
        // Its socket buffer is full (or broken): treat it as full until it acks.
        this.#queue.unshift(p);
        w.blocked = true;
        continue;
      }
      this.#pending.set(p.id, { ...p, workerId: w.id });
      w.pending++;
      this.handedOff++;
    }
    this.#watch(!this.#paused && this.#queue.length === 0 && this.#room() > 0);
  }

  #watch(on: boolean): void {
    if (on === this.#watching) return;
    this.#watching = on;
    for (const w of this.#watchers) (on ? w.start() : w.stop());
  }
}

function peerOf(c: native.AcceptedConnection): string {
  if (c.family === 'unix') return 'unix:';
  return c.family === 'tcp6' ? `[${c.remoteAddress}]:${c.remotePort}` : `${c.remoteAddress}:${c.remotePort}`;
}
