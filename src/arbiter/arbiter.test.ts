// Supervision logic with injected spawn and clock: no processes, no sockets.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EventEmitter } from 'node:events';
import { Arbiter, type ArbiterDeps } from './arbiter.js';
import { Logger } from './log.js';
import type { SpawnRequest, WorkerProcess } from './spawner.js';
import type { ListenerRecord } from './listeners.js';
import { Channel } from '../transport/channel.js';
import { duplexPair } from '../transport/duplex-pair.js';
import { corral, type Message } from '../protocol/codec.js';
import { frameHeader } from '../protocol/framer.js';

class FakeWorker extends EventEmitter {
  pid: number;
  control;
  /** The worker's end of the control channel, for raw bytes. */
  raw;
  peer: Channel;
  signals: string[] = [];
  inbox: Message[] = [];
  exited = false;
  constructor(readonly req: SpawnRequest, pid: number) {
    super();
    this.pid = pid;
    const [a, b] = duplexPair();
    this.control = a;
    this.raw = b;
    this.peer = new Channel(b);
    this.peer.on('message', (m) => this.inbox.push(m));
  }
  kill(signal: NodeJS.Signals) {
    this.signals.push(signal);
    // SIGKILL cannot be caught: the fake dies as a real process would.
    if (signal === 'SIGKILL' && !this.exited) setImmediate(() => this.exit(null, 'SIGKILL'));
    return true;
  }
  exit(code: number | null, signal: NodeJS.Signals | null = null) {
    this.exited = true;
    // A dead process's end of the socketpair closes: the arbiter reads EOF.
    this.raw.destroy();
    this.emit('exit', code, signal);
  }
  hello(features = ['accept.arbiter', 'accept.shared', 'accept.handoff', 'load-report'], minor = 0) {
    this.peer.send({ kind: 'hello', body: { versions: [{ major: 1, minor }], kind: corral.v1.WorkerKind.WORKER_KIND_SOCKET, pid: this.pid, features, maxFrameBytes: 65536, capacity: 100 } });
  }
  ready() { this.peer.send({ kind: 'ready', body: { capacity: 100 } }); }
  of(kind: string) { return this.inbox.filter((m) => m.kind === kind); }
}

function harness(opts: Record<string, unknown> = {}, deps: Partial<ArbiterDeps> = {}) {
  let now = 0;
  let pid = 1000;
  const workers: FakeWorker[] = [];
  const listeners: ListenerRecord[] = [{ index: 0, fd: 99, name: 'web', address: '127.0.0.1:8000', spec: undefined, unlinkPath: undefined }];
  const arbiter = new Arbiter(
    { command: ['worker'], workers: 2, timeout: 5, gracefulTimeout: 3, heartbeatIntervalMs: 1000, handshakeTimeoutMs: 2000, respawnBackoffMs: 100, maxBootFailures: 3, ...opts },
    {
      spawn: (req) => {
        const w = new FakeWorker(req, ++pid);
        workers.push(w);
        return w as unknown as WorkerProcess;
      },
      clock: { now: () => now },
      handleSignals: false,
      tickMs: 2,
      logger: new Logger({ level: (process.env.ARBITER_TEST_LOG as 'debug' | undefined) ?? 'critical', format: 'text' }),
      openListeners: () => listeners,
      ...deps,
    },
  );
  const flush = () => new Promise((r) => setTimeout(r, 10));
  const advance = async (ms: number) => {
    now += ms;
    await flush();
  };
  const tick = async () => { arbiter.setWorkers(arbiter.workerCount); await flush(); };
  const live = () => workers.filter((w) => !w.exited);
  /** A fast stop whose workers obey at once. */
  const shutdown = async () => {
    const done = arbiter.stop({ graceful: false });
    await flush();
    for (const w of live()) w.exit(0);
    return done;
  };
  return { shutdown, arbiter, workers, live, advance, flush, tick, setNow: (t: number) => (now = t), now: () => now };
}

async function bootAll(h: ReturnType<typeof harness>) {
  for (const w of h.live()) { w.hello(); w.ready(); }
  await h.flush();
}

test('spawns the pool with the process state of spec section 2', async () => {
  const h = harness();
  await h.arbiter.start();
  assert.is(h.workers.length, 2);
  const req = h.workers[0]!.req;
  assert.equal(req.listenFds, [99]);
  assert.is(req.control, true);
  assert.is(req.env.CORRAL_CONTROL_FD, '4');
  assert.is(req.env.LISTEN_FDS, '1');
  assert.is(req.env.LISTEN_FDNAMES, 'web');
  assert.is(req.env.CORRAL_ACCEPT, 'arbiter');
  assert.is(req.env.CORRAL_WORKER_ID, '1');
  await h.shutdown();
});

test('plain workers (supervised by process only): exactly the target count, no control channel (PROC-15)', async () => {
  const h = harness({ plain: true, accept: 'shared', workers: 3 });
  await h.arbiter.start();
  await h.tick();
  assert.is(h.workers.length, 3);
  assert.ok(h.workers.every((w) => w.req.control === false && w.req.env.CORRAL_CONTROL_FD === undefined && w.req.env.CORRAL_PROTOCOL === undefined));
  await h.shutdown();
});

test('handshake: Welcome carries the strategy, listeners and heartbeat settings; one lease goes out', async () => {
  const h = harness();
  await h.arbiter.start();
  await bootAll(h);
  const welcome = h.workers[0]!.of('welcome')[0]!.body as corral.v1.Welcome;
  assert.is(welcome.workerId, 1);
  assert.is(welcome.strategy, corral.v1.AcceptStrategy.ACCEPT_STRATEGY_ARBITER);
  assert.is(welcome.heartbeatIntervalMs, 1000);
  assert.is(welcome.heartbeatTimeoutMs, 5000);
  assert.equal(welcome.listeners.map((l) => [l.index, l.name, l.address]), [[0, 'web', '127.0.0.1:8000']]);
  const grants = h.workers.flatMap((w) => w.of('acceptGrant'));
  assert.is(grants.length, 1, 'exactly one lease for one listener');
  await h.shutdown();
});

test('AcceptDone hands the lease to the other worker', async () => {
  const h = harness();
  await h.arbiter.start();
  await bootAll(h);
  const holder = h.workers.find((w) => w.of('acceptGrant').length === 1)!;
  const other = h.workers.find((w) => w !== holder)!;
  const g = holder.of('acceptGrant')[0]!.body as corral.v1.AcceptGrant;
  holder.peer.send({ kind: 'acceptDone', body: { grantId: g.grantId, listener: 0, accepted: 16, inFlight: 0, reason: corral.v1.ReleaseReason.RELEASE_REASON_BATCH } });
  await h.flush();
  assert.is(other.of('acceptGrant').length, 1);
  assert.is(h.arbiter.stats().workers.find((w) => w.id === holder.req.id)!.acceptedTotal, 16);
  await h.shutdown();
});

/** A stall watch driven by hand: the queue length it reads, and its poll. */
function manualWatch() {
  const watch = { queued: 0 as number | null, poll: undefined as (() => void) | undefined };
  const deps: Partial<ArbiterDeps> = {
    stallWatch: { queued: () => watch.queued, setInterval: (fn) => ((watch.poll = fn), 1), clearInterval: () => (watch.poll = undefined) },
  };
  return { watch, deps };
}

test('accept.revoke: a holder silent while connections wait is revoked and the listener granted to the other worker at once [ACCEPT-40, ACCEPT-41]', async () => {
  const { watch, deps } = manualWatch();
  const h = harness({}, deps);
  await h.arbiter.start();
  for (const w of h.live()) { w.hello(['accept.arbiter', 'accept.revoke', 'load-report'], 1); w.ready(); }
  await h.flush();
  const welcome = h.workers[0]!.of('welcome')[0]!.body as corral.v1.Welcome;
  assert.equal([welcome.version?.minor, welcome.features.includes('accept.revoke')], [1, true]);
  const holder = h.workers.find((w) => w.of('acceptGrant').length === 1)!;
  const other = h.workers.find((w) => w !== holder)!;
  const g = holder.of('acceptGrant')[0]!.body as corral.v1.AcceptGrant;
  assert.ok(watch.poll, 'the queue is watched while a revocable lease is out and another worker is ready');
  watch.queued = 3;
  watch.poll!(); // first sight of a queue
  await h.advance(30);
  watch.poll!();
  assert.is(holder.of('acceptRevoke').length, 0, 'not before leaseStallMs (50 ms)');
  await h.advance(30);
  watch.poll!();
  await h.flush();
  const revoke = holder.of('acceptRevoke')[0]?.body as corral.v1.AcceptRevoke | undefined;
  assert.equal([revoke?.grantId, revoke?.listener], [g.grantId, 0]);
  assert.is(other.of('acceptGrant').length, 1, 'granted again without waiting for the holder');
  assert.equal(h.arbiter.stats().leases?.revoked, 1);
  // The holder's late answer is stale (ACCEPT-30), not a violation.
  holder.peer.send({ kind: 'acceptDone', body: { grantId: g.grantId, listener: 0, accepted: 2, inFlight: 2, reason: corral.v1.ReleaseReason.RELEASE_REASON_REVOKED } });
  await h.flush();
  assert.is(holder.of('error').length, 0);
  assert.is(holder.signals.length, 0);
  await h.shutdown();
});

test('accept.revoke: 1.0 workers do not get the feature, their leases are not watched, and nothing is revoked [ACCEPT-39, NEG-3]', async () => {
  const { watch, deps } = manualWatch();
  const h = harness({}, deps);
  await h.arbiter.start();
  for (const w of h.live()) { w.hello(['accept.arbiter', 'accept.revoke', 'load-report'], 0); w.ready(); }
  await h.flush();
  const welcome = h.workers[0]!.of('welcome')[0]!.body as corral.v1.Welcome;
  assert.equal([welcome.version?.minor, welcome.features.includes('accept.revoke')], [0, false]);
  assert.is(watch.poll, undefined, 'no polls for leases that cannot be revoked');
  assert.ok(h.workers.every((w) => w.of('acceptRevoke').length === 0));
  await h.shutdown();
});

test('a worker that misses heartbeats is sent SIGTERM, then SIGKILL, and replaced', async () => {
  const h = harness();
  await h.arbiter.start();
  await bootAll(h);
  const [a, b] = h.workers as [FakeWorker, FakeWorker];
  for (let t = 0; t < 6; t++) {
    b.peer.send({ kind: 'heartbeat', body: { timeMs: t, inFlight: 0, capacity: 100 } });
    await h.advance(1000);
  }
  assert.equal(a.signals, ['SIGTERM']);
  assert.equal(b.signals, []);
  for (let t = 0; t < 3; t++) { b.peer.send({ kind: 'heartbeat', body: { timeMs: t } }); await h.advance(1000); }
  assert.equal(a.signals, ['SIGTERM', 'SIGKILL']);
  await h.advance(200);
  assert.ok(a.exited);
  assert.ok(h.workers.length >= 3, 'replaced');
  await h.shutdown();
});

test('a worker that never says Hello gets HANDSHAKE_TIMEOUT, its channel closed, then SIGTERM (HS-1)', async () => {
  const h = harness({ workers: 1 });
  await h.arbiter.start();
  await h.advance(2100);
  const w = h.workers[0]!;
  const err = w.of('error')[0]?.body as corral.v1.Error | undefined;
  assert.is(err?.code, 203);
  assert.is(err?.fatal, true);
  assert.ok(w.peer.closed, 'channel closed');
  assert.equal(w.signals, [], 'time to read why before any signal');
  await h.advance(1100);
  assert.equal(w.signals, ['SIGTERM']);
  await h.shutdown();
});

test('garbage on the control channel: the worker gets a fatal Error and is stopped; the others carry on', async () => {
  const h = harness();
  await h.arbiter.start();
  await bootAll(h);
  const [bad, good] = h.workers as [FakeWorker, FakeWorker];
  bad.inbox.length = 0;
  // An oversize length prefix (FRAME-5): rejected before any payload arrives.
  bad.raw.write(frameHeader(100_000_000));
  await h.flush();
  assert.ok(bad.of('error').length >= 1, 'told why');
  assert.is((bad.of('error')[0]!.body as corral.v1.Error).code, 100);
  await h.advance(1100);
  assert.ok(bad.signals.includes('SIGTERM'));
  assert.equal(good.signals, []);
  bad.exit(1);
  await h.advance(200);
  assert.is(h.live().length, 2);
  await h.shutdown();
});

test('an unexpected message (AcceptGrant from a worker) gets UNEXPECTED_MESSAGE and a stop', async () => {
  const h = harness({ workers: 1 });
  await h.arbiter.start();
  await bootAll(h);
  const w = h.workers[0]!;
  w.peer.send({ kind: 'acceptGrant', body: { grantId: 1 } });
  await h.flush();
  assert.is((w.of('error')[0]!.body as corral.v1.Error).code, 201);
  await h.advance(1100);
  assert.ok(w.signals.includes('SIGTERM'));
  await h.shutdown();
});

test('a fatal Error from a worker closes its channel without an answer (ERR-6..8); a task reply gets UNSUPPORTED_FEATURE (ERR-18)', async () => {
  const h = harness();
  await h.arbiter.start();
  await bootAll(h);
  const [a, b] = h.workers as [FakeWorker, FakeWorker];
  b.peer.send({ kind: 'result', body: { requestId: 1 } });
  a.peer.send({ kind: 'error', body: { code: 1500, message: 'bye', fatal: true } });
  await h.flush();
  assert.equal(a.of('error'), [], 'an Error is never answered with an Error');
  assert.ok(a.peer.closed);
  const e = b.of('error')[0]?.body as corral.v1.Error;
  assert.is(e.code, 208);
  assert.is(e.fatal, false);
  assert.is(b.peer.closed, false);
  await h.shutdown();
});

test('workers that keep failing at boot halt the arbiter with exit code 3', async () => {
  const h = harness({ workers: 1, maxBootFailures: 3 });
  await h.arbiter.start();
  let code: number | undefined;
  void h.arbiter.stopped().then((c) => (code = c));
  for (let i = 0; i < 20 && code === undefined; i++) {
    for (const w of h.live()) w.exit(1);
    await h.advance(1000);
  }
  assert.is(code, 3);
  assert.ok(h.workers.length <= 3, `no fork loop: ${h.workers.length} spawned: ${h.workers.map((w) => `${w.req.id}:${w.exited}`)}`);
});

test('an app load failure (exit 4) halts at once with exit code 4', async () => {
  const h = harness({ workers: 2 });
  await h.arbiter.start();
  h.workers[0]!.exit(4);
  h.workers[1]!.exit(0, null);
  assert.is(await h.arbiter.stopped(), 4);
});

test('TTIN and TTOU change the worker count', async () => {
  const h = harness();
  await h.arbiter.start();
  await bootAll(h);
  h.arbiter.signal('TTIN');
  await h.flush();
  assert.is(h.live().length, 3);
  h.arbiter.signal('TTOU');
  h.arbiter.signal('TTOU');
  await h.flush();
  const drains = h.workers.filter((w) => w.of('drain').length > 0);
  // The oldest go first, as in Gunicorn; the newcomer counts toward the target.
  assert.equal(drains.map((w) => w.req.id), [1, 2]);
  await h.shutdown();
});

test('HUP: a new generation boots, then the old one is drained', async () => {
  const h = harness();
  await h.arbiter.start();
  await bootAll(h);
  const old = [...h.workers];
  h.arbiter.reload();
  await h.flush();
  assert.is(h.live().length, 4);
  assert.ok(old.every((w) => w.of('drain').length === 0), 'old generation serves until the new one is ready');
  for (const w of h.workers.slice(2)) { w.hello(); w.ready(); }
  await h.flush();
  assert.ok(old.every((w) => w.of('drain').length === 1), 'old generation drained');
  const welcome = h.workers[2]!.of('welcome')[0]!.body as corral.v1.Welcome;
  assert.is(welcome.generation, 2);
  await h.shutdown();
});

test('max requests: one worker at a time, drained only once its replacement is ready', async () => {
  const h = harness({ maxRequests: 10 });
  await h.arbiter.start();
  await bootAll(h);
  for (const w of h.workers) w.peer.send({ kind: 'heartbeat', body: { acceptedTotal: 50 } });
  await h.flush();
  await h.tick();
  assert.is(h.workers.length, 3, 'a replacement was started');
  assert.is(h.workers.filter((w) => w.of('drain').length > 0).length, 0, 'nobody drained before the replacement is ready');
  const fresh = h.workers[2]!;
  fresh.hello();
  fresh.ready();
  await h.flush();
  await h.tick();
  const drained = h.workers.filter((w) => w.of('drain').length > 0);
  assert.is(drained.length, 1, 'one at a time');
  drained[0]!.exit(0);
  await h.flush();
  await h.tick();
  assert.is(h.workers.length, 4, 'then the next one is recycled');
  await h.shutdown();
});

test('a failing reload is abandoned; the old generation keeps serving', async () => {
  const h = harness({ maxBootFailures: 2 });
  await h.arbiter.start();
  await bootAll(h);
  h.arbiter.reload();
  await h.flush();
  for (let i = 0; i < 6 && h.live().some((w) => w.req.generation === 2); i++) {
    for (const w of h.live().filter((x) => x.req.generation === 2)) w.exit(3);
    await h.advance(1000);
  }
  assert.ok(h.live().every((w) => w.req.generation === 1), 'only generation 1 left');
  assert.is(h.live().length, 2);
  assert.ok(h.workers.slice(0, 2).every((w) => w.of('drain').length === 0), 'never drained');
  await h.shutdown();
});

test('TERM: Drain to every worker; stopped once they exit', async () => {
  const h = harness();
  await h.arbiter.start();
  await bootAll(h);
  const done = h.arbiter.stop();
  await h.flush();
  for (const w of h.workers) {
    const d = w.of('drain')[0]!.body as corral.v1.Drain;
    assert.is(d.deadlineMs, 3000);
    w.exit(0);
  }
  assert.is(await done, 0);
});

test('graceful stop escalates to SIGKILL at the graceful timeout', async () => {
  const h = harness({ workers: 1 });
  await h.arbiter.start();
  await bootAll(h);
  const done = h.arbiter.stop();
  await h.advance(3100);
  assert.ok(h.workers[0]!.signals.includes('SIGKILL'));
  h.workers[0]!.exit(null, 'SIGKILL');
  assert.is(await done, 0);
});

test('hooks run with worker details; a throwing hook does not stop the arbiter', async () => {
  const calls: string[] = [];
  const h = harness({
    workers: 1,
    hooks: {
      on_starting: () => calls.push('on_starting'),
      pre_fork: (_a: unknown, w: { id: number }) => calls.push(`pre_fork ${w.id}`),
      post_fork: (_a: unknown, w: { id: number; pid: number }) => calls.push(`post_fork ${w.id} ${w.pid > 0}`),
      worker_ready: () => { calls.push('worker_ready'); throw new Error('hook bug'); },
      nworkers_changed: (_a: unknown, n: number, prev: number | null) => calls.push(`nworkers ${n} ${prev}`),
      child_exit: (_a: unknown, _w: unknown, e: { code: number }) => calls.push(`child_exit ${e.code}`),
      on_exit: () => calls.push('on_exit'),
    },
  });
  await h.arbiter.start();
  await bootAll(h);
  const done = h.arbiter.stop();
  await h.flush();
  h.workers[0]!.exit(0);
  await done;
  assert.equal(calls, ['on_starting', 'nworkers 1 null', 'pre_fork 1', 'post_fork 1 true', 'worker_ready', 'child_exit 0', 'on_exit']);
});

test('booting workers SIGKILLed by someone else, 20 times over: backoff, never a halt', async () => {
  const h = harness({ workers: 2, maxBootFailures: 3, respawnBackoffMaxMs: 1000 });
  await h.arbiter.start();
  let halted: number | undefined;
  void h.arbiter.stopped().then((c) => (halted = c));
  for (let i = 0; i < 20; i++) {
    for (const w of h.live()) w.exit(null, 'SIGKILL');
    await h.advance(1100);
  }
  assert.is(halted, undefined, 'still running');
  assert.is(h.arbiter.stats().bootFailures, 0, 'a stranger\'s SIGKILL is not a boot failure');
  assert.ok(h.live().length >= 1 && h.live().length <= 2, `${h.live().length} live`);
  await h.advance(1100);
  await bootAll(h);
  await h.tick();
  assert.is(h.live().length, 2, 'the pool recovers once the kills stop');
  await h.shutdown();
});

test('a worker given up on that ignores SIGTERM holds its slot until it is SIGKILLed killDelayMs later', async () => {
  const h = harness({ workers: 1, handshakeTimeoutMs: 2000, killDelayMs: 500 });
  await h.arbiter.start();
  const first = h.workers[0]!;
  await h.advance(2100); // handshake timeout: channel closed, SIGTERM a second later
  await h.advance(1100);
  assert.ok(first.signals.includes('SIGTERM'));
  await h.tick();
  assert.is(h.workers.length, 1, 'not replaced while it lives on');
  await h.advance(600);
  assert.ok(first.signals.includes('SIGKILL'), `signals: ${first.signals}`);
  await h.flush();
  await h.advance(200);
  await h.tick();
  assert.is(h.live().length, 1, 'replaced once it has exited');
  assert.is(h.arbiter.stats().bootFailures, 1, 'and it counts as a boot failure');
  await h.shutdown();
});

test('a worker that crashes soon after Ready every time halts like a boot failure (minUptimeMs)', async () => {
  const h = harness({ workers: 1, maxBootFailures: 3, minUptimeMs: 1000 });
  await h.arbiter.start();
  let halted: number | undefined;
  void h.arbiter.stopped().then((c) => (halted = c));
  for (let i = 0; i < 3 && halted === undefined; i++) {
    await bootAll(h);
    await h.advance(10);
    h.live()[0]!.exit(1);
    await h.flush(); // reaped before the clock moves on
    await h.advance(2000);
  }
  assert.is(halted, 3, 'exit code 3, as for workers failing to boot');
});

test('a worker that lived past minUptimeMs resets the boot-failure count', async () => {
  const h = harness({ workers: 1, maxBootFailures: 3, minUptimeMs: 1000 });
  await h.arbiter.start();
  h.live()[0]!.exit(1);
  await h.flush();
  await h.advance(500);
  assert.is(h.arbiter.stats().bootFailures, 1);
  await bootAll(h);
  await h.advance(1100);
  assert.is(h.arbiter.stats().bootFailures, 0);
  await h.shutdown();
});

test('stopping while a worker is still in the handshake: it is signalled, never sent Drain or Stop before Welcome', async () => {
  const h = harness({ workers: 2 });
  await h.arbiter.start();
  h.workers[0]!.hello(); h.workers[0]!.ready();
  await h.flush();
  const done = h.arbiter.stop({ graceful: true });
  await h.flush();
  const [helloed, silent] = h.workers as [FakeWorker, FakeWorker];
  assert.is(helloed.of('drain').length, 1);
  assert.is(silent.of('drain').length + silent.of('stop').length, 0);
  assert.ok(silent.signals.includes('SIGTERM'), `signals: ${silent.signals}`);
  for (const w of h.live()) w.exit(0);
  assert.is(await done, 0);
});

test.run();
