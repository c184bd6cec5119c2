// What the arbiter keeps for its task pool besides the workers themselves:
// the pool (routing, queues, deadlines), the timer that runs its deadlines,
// the task socket for clients, and the embedding process as a caller.
//
//   embedding process ─ execute() ─┐
//   socket workers ── control ─────┼──► TaskPool ──► task workers
//   clients ── task socket ────────┤
//   Redis queues ── consumer ──────┘ (options.queue: spec.md section 13)
import type { OutMessage } from '../protocol/codec.js';
import { CorralError } from '../protocol/errors.js';
import type { Meta } from '../protocol/meta.js';
import { TaskClient } from '../tasks/client.js';
import type { Logger } from './log.js';
import type { ArbiterOptions } from './options.js';
import { TaskPool, type Caller } from './task-pool.js';
import { TaskSocket } from './task-socket.js';
import { QueueConsumer } from './queue-consumer.js';
import type { AppStatus, QueueDepth, TasksStatus } from '../protocol/control.js';

/** How often the queues' depths are read from Redis for status and metrics, ms (about 20 commands per queue). */
const DEPTH_REFRESH_MS = 2000;

export interface TaskHostDeps {
  now(): number;
  log: Logger;
  /** A frame to task worker `id` (dropped when it is gone). */
  send(id: number, m: OutMessage): void;
  /** Stops and replaces task worker `id` (a job past its grace, CALL-10). */
  kill(id: number, reason: string): void;
}

export class TaskHost {
  readonly pool: TaskPool;
  /** Task worker slots (taskWorkers, changed by setTaskWorkers). */
  slots: number;
  readonly #o: ArbiterOptions;
  readonly #deps: TaskHostDeps;
  #timer: { at: number; timer: NodeJS.Timeout } | undefined;
  #socket: TaskSocket | undefined;
  #local: TaskClient | undefined;
  /** The durable-queue consumer, when options.queue is set. */
  readonly queue: QueueConsumer | undefined;
  /** The queues' depths as last read (refreshDepths). */
  #depths: QueueDepth[] = [];
  #depthsAt = -Infinity;
  #depthsReading = false;

  constructor(o: ArbiterOptions, deps: TaskHostDeps) {
    this.#o = o;
    this.#deps = deps;
    this.slots = o.taskWorkers;
    this.pool = new TaskPool(
      { maxQueue: o.maxQueue, graceMs: o.taskGraceMs, streamWindow: o.taskStreamWindow, jobHistory: o.taskJobHistory },
      o.tasks.map((t) => t.name),
      { now: deps.now, send: deps.send, kill: deps.kill, log: (level, message) => deps.log.log(level, message), schedule: (at) => this.#schedule(at) },
    );
    if (o.queue) this.queue = new QueueConsumer(o.queue, { pool: this.pool, log: deps.log, capacity: () => this.slots * Math.max(1, o.taskCapacity) });
  }

  /** The task socket's address (leading NUL), once open. */
  get address(): string | undefined {
    return this.#socket?.address;
  }

  /** Opens the task socket (CALL-12) and says where it is. */
  async open(): Promise<void> {
    this.#socket = await TaskSocket.open(this.pool, { log: this.#deps.log, addressFile: this.#o.tasksAddressFile, queuedBytes: this.#o.taskQueueBytes });
    const apps = this.#o.tasks.map((t) => t.name + (t.workers ? `:${t.workers}` : '')).join(', ');
    this.#deps.log.info(`corral arbiter ${process.pid}: task apps ${apps} on ${this.slots} task worker(s); clients connect to the task socket ${this.#socket.printable}`);
    // In the background: Redis being away at boot is an outage the consumer rides out, not a reason not to start.
    this.queue?.start();
  }

  /**
   * The embedding process's caller: jobs go straight into the pool and
   * replies come back as objects (no encoding, one hop to the task worker).
   */
  caller(): TaskClient {
    if (this.#local) return this.#local;
    const pool = this.pool;
    const me: Caller = { name: 'arbiter', reply: (m) => client.receive(m as never) };
    const client = new TaskClient({
      send: (m) => {
        const b = m.body as { requestId: number; name: string; payload: Uint8Array; contentType: string; deadlineMs: number; window: number; idempotent: boolean; meta?: Meta | null; reason: string; chunks: number };
        if (m.kind === 'execute') {
          pool.call({
            caller: me, requestId: b.requestId, name: b.name, payload: b.payload, contentType: b.contentType, deadlineMs: b.deadlineMs, window: b.window, idempotent: b.idempotent,
            ...(b.meta ? { meta: b.meta } : {}),
          });
        }
        else if (m.kind === 'cancel') pool.cancel(me, b.requestId, b.reason);
        else if (m.kind === 'credit') pool.credit(me, b.requestId, b.chunks);
      },
    }, { flow: true, meta: true, window: this.#o.taskStreamWindow });
    this.#local = client;
    return client;
  }

  stats() {
    return { slots: this.slots, address: this.#socket?.printable, ...this.pool.stats(), ...(this.queue ? { queue: this.queue.stats() } : {}) };
  }

  /** Jobs ended since the start, every app; and jobs waiting in the arbiter now. */
  totals(): { ended: number; queued: number } {
    let ended = 0;
    let queued = 0;
    for (const a of Object.values(this.pool.stats().apps) as { completed: number; failed: number; lost: number; abandoned: number; queued: number }[]) {
      ended += a.completed + a.failed + a.lost + a.abandoned;
      queued += a.queued;
    }
    return { ended, queued };
  }

  /** The task apps and the queue consumer, as the control protocol's TasksStatus (spec.md section 14.3). */
  tasksStatus(): TasksStatus {
    const apps = Object.entries(this.pool.stats().apps).map(([name, a]) => ({ name, ...(a as Omit<AppStatus, 'name'>) }));
    const q = this.queue;
    if (!q) return { apps };
    const s = q.stats();
    return {
      apps,
      queue: {
        state: s.redisDown ? 'connecting' : 'connected', queues: [...s.queues], held: s.held,
        fetched: s.fetched, succeeded: s.succeeded, failed: s.failed, retried: s.retried, dead: s.dead, depths: this.#depths,
      },
    };
  }

  /** Reads the queues' depths from Redis now and then (in the background; status shows the last reading). */
  refreshDepths(now: number): void {
    const q = this.queue;
    if (!q || this.#depthsReading || now - this.#depthsAt < DEPTH_REFRESH_MS) return;
    this.#depthsReading = true;
    this.#depthsAt = now;
    void Promise.all(q.stats().queues.map(async (name) => {
      const info = await q.broker.inspect(name);
      return { queue: name, waiting: info.streams.reduce((n, st) => n + st.waiting, 0), delayed: info.delayed, dead: info.dead };
    })).then((d) => { this.#depths = d; }, () => { /* Redis away: the consumer logs the outage; keep the last reading */ }).finally(() => { this.#depthsReading = false; });
  }

  /** The arbiter is stopping: the queue consumer takes no more jobs (those it holds still end and are written). */
  stopping(): void {
    this.queue?.pause();
  }

  /** The arbiter stopped: no timer, no socket, the embedding process's calls in flight reject, the consumer's outcomes written. */
  async close(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer.timer);
    this.#timer = undefined;
    this.#socket?.close();
    this.#local?.close(new CorralError('CORRAL_ERR_STATE', 'the arbiter stopped'));
    await this.queue?.close();
  }

  /** A deadline or grace period of the pool ends at `at`: run expire() then (one timer, for the earliest). */
  #schedule(at: number): void {
    if (this.#timer && this.#timer.at <= at) return;
    if (this.#timer) clearTimeout(this.#timer.timer);
    const fire = () => {
      this.#timer = undefined;
      this.pool.expire();
      const next = this.pool.nextTimer();
      if (next !== undefined) this.#schedule(next);
    };
    // Unref'd: the arbiter's own loop keeps the process alive while it runs.
    const timer = setTimeout(fire, Math.max(0, at - this.#deps.now()));
    timer.unref();
    this.#timer = { at, timer };
  }
}
