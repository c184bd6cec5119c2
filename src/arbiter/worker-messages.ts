// A worker's control channel, arbiter side: opening it, what the arbiter does
// with each message the worker sends on it (the handshake: Hello, answered
// with Welcome; Ready, Heartbeat, AcceptDone, HandoffAck, Goodbye and Error),
// and with a channel that fails or closes. A message that breaks the
// protocol gets the worker a fatal Error and a replacement.
//
// Written against MessageContext, the little of the arbiter the handlers
// need, not against the Arbiter class.
import type { Duplex } from 'node:stream';
import { Channel } from '../transport/channel.js';
import { strategyToWire, strategyFeature } from '../transport/process-state.js';
import { APP_NAME, DEFAULT_MAX_FRAME_BYTES, FEATURE, HARD_MAX_FRAME_BYTES, PROTOCOL_VERSION } from '../protocol/limits.js';
import { negotiate } from '../protocol/handshake.js';
import { metaAllowed } from '../protocol/meta.js';
import { firstDecrease, latencyCountsProblem, loadCountsAllowed } from '../protocol/load-counts.js';
import { WorkerKind, type BodyTypes, type Message, type MessageKind } from '../protocol/codec.js';
import { CorralError, InvalidFieldError, UnexpectedMessageError } from '../protocol/errors.js';
import type { ListenerRecord } from './listeners.js';
import { printable } from './log.js';
import type { WorkerRecord } from './worker-record.js';
import { disconnect, type StopDeps } from './worker-stop.js';
import type { Caller, TaskPool } from './task-pool.js';

/** What the message handlers need from the arbiter. */
export interface MessageContext extends StopDeps {
  /** The open listeners (Welcome describes them). */
  listeners(): readonly ListenerRecord[];
  /** The worker said Ready. */
  markReady(w: WorkerRecord): void;
  /** A warning a worker can cause as often as it likes (rate-limited per worker). */
  workerWarning(w: WorkerRecord, text: string): void;
  /** Stops the worker (see the arbiter's retire verb). */
  retire(w: WorkerRecord, reason: string, how: 'drain' | 'term' | 'kill'): void;
  /** The task pool, when the arbiter runs task workers. */
  readonly tasks: TaskPool | undefined;
  /** A task worker reported its completed-job count moved (recycling by max jobs). */
  jobDone(w: WorkerRecord): void;
}

/** Features offered to task workers, and to socket workers that call jobs (tasks.call). */
const TASK_WORKER_FEATURES = [FEATURE.TASKS, FEATURE.TASKS_STREAM, FEATURE.TASKS_FLOW, FEATURE.LOAD_REPORT];
const CALLER_FEATURES = [FEATURE.TASKS_CALL, FEATURE.TASKS_STREAM, FEATURE.TASKS_FLOW];

/** A caller may submit far more frames a second than a socket worker's control traffic, and have its results queued. */
export const CALLER_LIMITS = (queuedBytes: number) => ({ maxFramesPerWindow: 1_000_000, maxQueuedBytes: queuedBytes });

/** The Caller a socket worker is, for the jobs it submits on its control channel. */
export function callerOf(w: WorkerRecord): Caller {
  w.caller ??= { name: `worker ${w.id}`, reply: (m) => w.channel?.send(m) };
  return w.caller;
}

/** Opens the control channel of a protocol worker that was just spawned. */
export function openChannel(ctx: MessageContext, w: WorkerRecord, control: Duplex): void {
  const { id, proc } = w;
  const channel = new Channel(control, { maxFrameBytes: DEFAULT_MAX_FRAME_BYTES, batchWrites: true });
  channel.handshaking = true; // until Hello (HS-2)
  w.channel = channel;
  channel.on('message', (m) => onWorkerMessage(ctx, w, m));
  channel.on('warning', (err) => ctx.workerWarning(w, printable(err.message)));
  channel.on('failed', (err) => {
    if (w.state === 'exited') return;
    // A worker that dies (kill -9, Ctrl-C of the process group) resets
    // its end: not a protocol error; its exit is logged with the reason.
    const code = (err as NodeJS.ErrnoException).code;
    if (!(err instanceof CorralError) && (code === 'ECONNRESET' || code === 'EPIPE')) {
      ctx.log.debug(`worker ${id} (pid ${proc.pid}): control channel ${printable(err.message)}`);
      disconnect(ctx, w, undefined, 'control channel reset');
      return;
    }
    ctx.log.error(`worker ${id} (pid ${proc.pid}): ${err instanceof CorralError ? `${err.code}: ` : ''}${printable(err.message)}; stopping it`);
    disconnect(ctx, w, undefined, `protocol error${err instanceof CorralError ? ` ${err.code}` : ''}: ${err.message}`);
  });
  channel.on('close', () => {
    // A task worker whose channel is gone can answer nothing more: settle its
    // jobs now (TASK-20), not when its exit is reported, which a loaded
    // machine can delay by tens of milliseconds.
    if (w.kind === 'task') ctx.tasks?.removeWorker(w.id);
    // After Goodbye (or our own Drain/Stop) the worker is on its way out,
    // and a worker that dies closes its end first: give its exit a moment
    // to be reported (with the real reason) before stopping it ourselves.
    setTimeout(() => {
      if (w.state === 'ready' || w.state === 'booting') ctx.retire(w, 'control channel closed', 'term');
    }, 500).unref();
  });
}

/** One message from a worker's control channel. */
export function onWorkerMessage(ctx: MessageContext, w: WorkerRecord, m: Message): void {
  w.lastSeen = ctx.now();
  if (w.saidGoodbye) return hostile(ctx, w, new UnexpectedMessageError(`${m.kind} after Goodbye`));
  if (!w.helloed && m.kind !== 'hello') return hostile(ctx, w, new UnexpectedMessageError(`${m.kind} before Hello`));
  if (m.kind === 'result' || m.kind === 'chunk' || m.kind === 'end' || (m.kind === 'error' && m.body.requestId !== 0 && w.kind === 'task')) {
    if (w.kind !== 'task' || !ctx.tasks) {
      // ERR-18: a known message of a feature not negotiated: answered, not
      // fatal, otherwise ignored.
      w.channel?.send({ kind: 'error', body: { code: 208, message: `${m.kind} belongs to the tasks feature, which was not negotiated`, fatal: false } });
      return;
    }
    if (m.kind === 'error' && m.body.fatal) return handlers.error!(ctx, w, m.body);
    const problem = ctx.tasks.onReply(w.id, m);
    if (problem) return hostile(ctx, w, new CorralError('CORRAL_ERR_FLOOD', problem.message, { wireCode: problem.code, fatal: true }));
    if (m.kind !== 'chunk') ctx.jobDone(w);
    return;
  }
  if (m.kind === 'execute' || m.kind === 'cancel' || m.kind === 'credit') return onCall(ctx, w, m);
  const handler = handlers[m.kind];
  if (!handler) {
    // A message an arbiter sends, or a task message to a socket worker pool.
    return hostile(ctx, w, new UnexpectedMessageError(`a worker must not send ${m.kind}`));
  }
  try {
    (handler as (ctx: MessageContext, w: WorkerRecord, body: unknown) => void)(ctx, w, m.body);
  } catch (err) {
    if (err instanceof CorralError) hostile(ctx, w, err);
    else throw err;
  }
}

/** A worker broke the protocol: tell it why, then stop and replace it. */
function hostile(ctx: MessageContext, w: WorkerRecord, err: CorralError): void {
  ctx.log.error(`worker ${w.id} (pid ${w.proc.pid}) broke the protocol: ${err.code}: ${printable(err.message)}; stopping it`);
  disconnect(ctx, w, err, `protocol error ${err.code}: ${err.message}`);
}

const handlers: { [K in MessageKind]?: (ctx: MessageContext, w: WorkerRecord, body: BodyTypes[K]) => void } = {
  hello(ctx, w, hello) {
    if (w.helloed) throw new UnexpectedMessageError('Hello sent twice');
    if (w.kind === 'task' || hello.kind === WorkerKind.WORKER_KIND_TASK) return taskHello(ctx, w, hello);
    const o = ctx.options;
    const revoke = o.accept === 'arbiter' && o.leaseStallMs > 0 ? [FEATURE.ACCEPT_REVOKE] : [];
    const overlap = o.accept === 'arbiter' && o.leaseHolders > 1 ? [FEATURE.ACCEPT_OVERLAP] : [];
    const calls = ctx.tasks ? CALLER_FEATURES : []; // CALL-1
    const result = negotiate(hello, {
      versions: [PROTOCOL_VERSION], features: [strategyFeature(o.accept), FEATURE.LOAD_REPORT, ...revoke, ...overlap, ...calls],
      maxFrameBytes: ctx.tasks ? HARD_MAX_FRAME_BYTES : DEFAULT_MAX_FRAME_BYTES,
    });
    if (hello.apps.length > 0) throw new InvalidFieldError('Hello.apps must be empty for a socket worker [HELLO-10]');
    if (!result.features.includes(strategyFeature(o.accept))) {
      throw new CorralError('CORRAL_ERR_UNSUPPORTED_FEATURE', `the worker does not support accept strategy "${o.accept}" (feature ${strategyFeature(o.accept)})`, { wireCode: 208, fatal: true });
    }
    // WELCOME-4: listeners described in the handoff strategy too (ConnectionHandoff.listener indexes them).
    welcome(ctx, w, hello, result, strategyToWire(o.accept), ctx.listeners().map((l) => ({ index: l.index, name: l.name, address: l.address })));
    if (result.features.includes(FEATURE.TASKS_CALL)) w.channel!.setLimits(CALLER_LIMITS(o.taskQueueBytes));
    ctx.accept.add(w, result.features.includes(FEATURE.ACCEPT_REVOKE), result.features.includes(FEATURE.ACCEPT_OVERLAP));
  },
  ready(ctx, w, ready) {
    if (!w.helloed || w.everReady) throw new UnexpectedMessageError(w.everReady ? 'Ready sent twice' : 'Ready before Hello');
    w.capacity = ready.capacity; // LOAD-3: the latest word on capacity wins; 0 = unbounded
    if (w.kind === 'task') ctx.tasks?.ready(w.id, w.capacity);
    else ctx.accept.capacity(w.id, w.capacity);
    ctx.markReady(w);
  },
  heartbeat(ctx, w, hb) {
    if (!w.helloed) throw new UnexpectedMessageError('Heartbeat before Hello');
    w.inFlight = hb.inFlight;
    w.acceptedTotal = Math.max(w.acceptedTotal, hb.acceptedTotal);
    w.requestsTotal = hb.requestsTotal;
    // Fields of 1.4 only from a worker that negotiated 1.4 (NEG-6).
    if (loadCountsAllowed(w.minor)) loadCounts(ctx, w, hb);
    if (w.kind === 'task') {
      if (w.everReady && hb.capacity !== w.capacity && w.state === 'ready') ctx.tasks?.ready(w.id, hb.capacity);
      w.capacity = hb.capacity;
      return;
    }
    w.capacity = hb.capacity;
    ctx.accept.capacity(w.id, hb.capacity);
    ctx.accept.load(w.id, hb.inFlight, hb.acceptedTotal);
  },
  acceptDone(ctx, w, done) {
    if (w.kind === 'task') throw new UnexpectedMessageError('AcceptDone from a task worker');
    if (ctx.options.accept !== 'arbiter') throw new UnexpectedMessageError(`AcceptDone in the ${ctx.options.accept} strategy`);
    w.inFlight = done.inFlight;
    countAcknowledged(w, done.accepted);
    ctx.accept.done(w.id, done);
  },
  handoffAck(ctx, w, ack) {
    if (w.kind === 'task') throw new UnexpectedMessageError('HandoffAck from a task worker');
    if (ctx.options.accept !== 'handoff') throw new UnexpectedMessageError(`HandoffAck in the ${ctx.options.accept} strategy`);
    w.inFlight = ack.inFlight;
    countAcknowledged(w, ack.handoffIds.length);
    const problem = ctx.accept.ack(w.id, ack);
    if (problem) throw new InvalidFieldError(problem, { fatal: true });
  },
  goodbye(ctx, w, bye) {
    const detail = bye.detail ? `: ${printable(bye.detail)}` : '';
    ctx.log.debug(`worker ${w.id} says goodbye (reason ${bye.reason}${detail})`);
    w.saidGoodbye = true;
    w.stopReason ??= `worker said goodbye${detail}`;
    if (w.state === 'ready' || w.state === 'booting') w.state = 'draining';
    ctx.accept.drain(w.id);
    ctx.tasks?.close(w.id);
  },
  error(ctx, w, e) {
    const text = `reports error ${e.code}${e.fatal ? ' (fatal)' : ''}: ${printable(e.message)}`;
    if (e.fatal) ctx.log.warning(`worker ${w.id} (pid ${w.proc.pid}) ${text}`);
    else ctx.workerWarning(w, text);
    // ERR-6..8: fatal by the flag alone; close, never answer an Error with an Error.
    if (e.fatal) disconnect(ctx, w, undefined, `the worker reported fatal error ${e.code}`);
  },
};

/**
 * Heartbeat.wakeups_total and latency_counts (section 6.3.1): kept as running
 * totals for status and metrics. A latency_counts of the wrong length, or one
 * whose counts went down, is ignored with a (rate-limited) warning, and the
 * last good one stays (LOAD-14, LOAD-15); an empty one says nothing.
 */
function loadCounts(ctx: MessageContext, w: WorkerRecord, hb: BodyTypes['heartbeat']): void {
  w.wakeupsTotal = Math.max(w.wakeupsTotal, hb.wakeupsTotal);
  const counts = hb.latencyCounts;
  if (counts.length === 0) return;
  const problem = latencyCountsProblem(counts);
  if (problem !== undefined) {
    ctx.workerWarning(w, problem);
    return;
  }
  const down = w.latencyCounts ? firstDecrease(w.latencyCounts, counts) : -1;
  if (down >= 0) {
    ctx.workerWarning(w, `Heartbeat.latency_counts[${down}] went down from ${w.latencyCounts![down]} to ${counts[down]}; ignored`);
    return;
  }
  w.latencyCounts = counts;
}

/** A task worker's Hello (NEG-11, HELLO-10): Welcome without listeners or strategy, then the pool knows it. */
function taskHello(ctx: MessageContext, w: WorkerRecord, hello: BodyTypes['hello']): void {
  const o = ctx.options;
  if (!ctx.tasks || w.kind !== 'task' || hello.kind !== WorkerKind.WORKER_KIND_TASK) {
    throw new CorralError('CORRAL_ERR_UNSUPPORTED_FEATURE', w.kind === 'task'
      ? `this process was started as a task worker but says kind ${hello.kind}`
      : 'this arbiter runs no task workers in this slot: a task worker is refused [NEG-11]', { wireCode: 208, fatal: true });
  }
  const result = negotiate(hello, { versions: [PROTOCOL_VERSION], features: TASK_WORKER_FEATURES, maxFrameBytes: HARD_MAX_FRAME_BYTES });
  if (!result.features.includes(FEATURE.TASKS)) {
    throw new CorralError('CORRAL_ERR_UNSUPPORTED_FEATURE', 'a task worker must support the feature "tasks" [NEG-11]', { wireCode: 208, fatal: true });
  }
  const bad = hello.apps.find((a) => !APP_NAME.test(a));
  if (bad !== undefined) throw new InvalidFieldError(`Hello.apps: ${JSON.stringify(printable(bad))} is not an app name (1 to 64 of A-Z a-z 0-9 _ -) [HELLO-10]`);
  welcome(ctx, w, hello, result, 0, []); // WELCOME-5, WELCOME-6: no strategy, no listeners
  // Every frame a task worker sends answers an Execute (or is a heartbeat); up to capacity payloads may be queued for it.
  w.channel!.setLimits({ maxFramesPerWindow: 0, maxQueuedBytes: o.taskQueueBytes });
  ctx.tasks.addWorker(w.id, hello.apps, hello.capacity, { flow: result.features.includes(FEATURE.TASKS_FLOW), meta: metaAllowed(result.version.minor) });
}

/** Execute, Cancel or Credit from a socket worker that calls jobs (section 4.7). */
function onCall(ctx: MessageContext, w: WorkerRecord, m: Extract<Message, { kind: 'execute' | 'cancel' | 'credit' }>): void {
  if (w.kind === 'task') return hostile(ctx, w, new UnexpectedMessageError(`a task worker must not send ${m.kind}`));
  if (!ctx.tasks || !w.features.includes(FEATURE.TASKS_CALL)) {
    w.channel?.send({ kind: 'error', body: { code: 208, message: `${m.kind} belongs to the tasks.call feature, which was not negotiated`, fatal: false } });
    return;
  }
  if (!w.everReady) return hostile(ctx, w, new UnexpectedMessageError(`${m.kind} before Ready [CALL-11]`));
  const caller = callerOf(w);
  if (m.kind === 'execute') {
    const b = m.body;
    const flow = w.features.includes(FEATURE.TASKS_FLOW);
    // Fields of a version or feature the caller did not negotiate are not taken (NEG-6).
    ctx.tasks.call({
      caller, requestId: b.requestId, name: b.name, payload: b.payload, contentType: b.contentType, deadlineMs: b.deadlineMs, window: flow ? b.window : 0, idempotent: b.idempotent,
      ...(metaAllowed(w.minor) ? { meta: b.meta } : {}),
    });
  } else if (m.kind === 'cancel') ctx.tasks.cancel(caller, m.body.requestId, m.body.reason);
  else ctx.tasks.credit(caller, m.body.requestId, m.body.chunks);
}

/** The worker passed its handshake: record it and send Welcome (HS-4). */
function welcome(ctx: MessageContext, w: WorkerRecord, hello: BodyTypes['hello'], result: ReturnType<typeof negotiate>, strategy: number, listeners: { index: number; name: string; address: string }[]): void {
  const o = ctx.options;
  w.helloed = true;
  w.features = result.features;
  w.minor = result.version.minor;
  w.channel!.handshaking = false;
  w.capacity = hello.capacity;
  w.channel!.send({
    kind: 'welcome',
    body: {
      version: result.version, workerId: w.id, heartbeatIntervalMs: o.heartbeatIntervalMs,
      heartbeatTimeoutMs: Math.round(o.timeout * 1000), maxFrameBytes: result.maxFrameBytes,
      strategy, features: result.features, generation: w.generation, listeners,
    },
  });
  w.channel!.maxFrameBytes = result.maxFrameBytes;
}

/**
 * Connections a worker acknowledged (AcceptDone, HandoffAck). Its Heartbeat's
 * accepted_total may already include them (a heartbeat sent while a lease is
 * out counts that lease's connections), so the two are not added: each is a
 * lower bound of what it accepted, and acceptedTotal is the larger.
 */
function countAcknowledged(w: WorkerRecord, n: number): void {
  w.acceptedAcknowledged += n;
  w.acceptedTotal = Math.max(w.acceptedTotal, w.acceptedAcknowledged);
}
