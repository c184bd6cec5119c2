import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pack, unpack } from 'msgpackr';
import { corral, encodeFrame } from '../protocol/codec.js';
import { HARD_MAX_FRAME_BYTES, PROTOCOL_VERSION } from '../protocol/limits.js';
import { defineApp, type TaskContext } from './app.js';
import { TASK_FEATURES } from './runtime.js';
import { execute, exited, gate, json, replyOf, sleep, taskHarness, taskStart, taskWelcome, until, WORKER_ID } from './test-support.js';

const { ErrorCode, GoodbyeReason, WorkerKind } = corral.v1;

const basic = defineApp({
  actions: {
    noop() {},
    echo: (p: unknown) => p,
    fail() {
      throw new Error('it broke');
    },
    async later(p: { ms: number }) {
      await sleep(p.ms);
      return 'done';
    },
    bytes: () => Buffer.from([1, 2, 3]),
    twice: (p: string) => p + p,
  },
});

// ---- handshake --------------------------------------------------------------

test('handshake: Hello{TASK, the current version, task features, apps, capacity, 16 MiB}, Welcome, Ready [HELLO-1..10, HS-8]', async () => {
  const h = await taskStart({ apps: { basic, other: basic }, capacity: 5 });
  const b = h.hello.body;
  assert.is(b.kind, WorkerKind.WORKER_KIND_TASK);
  assert.equal(b.versions.map((v) => [v.major, v.minor]), [[1, PROTOCOL_VERSION.minor]]);
  assert.equal(b.features, ['tasks', 'tasks.stream', 'tasks.flow', 'load-report']);
  assert.equal(b.apps, ['basic', 'other']);
  assert.is(b.capacity, 5);
  assert.is(b.maxFrameBytes, HARD_MAX_FRAME_BYTES);
  assert.is(b.pid, process.pid);
  const ready = h.arbiter.received.find((m) => m.kind === 'ready');
  assert.is(ready?.kind === 'ready' && ready.body.capacity, 5);
  assert.is(h.runtime.phase, 'ready');
  h.runtime.stop();
});

for (const [what, over, code] of [
  ['a strategy', { strategy: 1 }, ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE],
  ['listeners', { listeners: [{ index: 0, name: 'l', address: '127.0.0.1:1' }] }, ErrorCode.ERROR_CODE_INVALID_FIELD],
  ['a feature Hello did not offer', { features: [...TASK_FEATURES, 'accept.shared'] }, ErrorCode.ERROR_CODE_INVALID_FIELD],
  ['a minor above its own', { version: { major: 1, minor: PROTOCOL_VERSION.minor + 1 } }, ErrorCode.ERROR_CODE_VERSION_MISMATCH],
  ['another worker id', { workerId: WORKER_ID + 1 }, ErrorCode.ERROR_CODE_INVALID_FIELD],
] as const) {
  test(`handshake: a Welcome with ${what} is a fatal error, exit 3 [NEG-5, NEG-9, NEG-12, WELCOME-5]`, async () => {
    const h = taskHarness({ apps: { basic } });
    await h.arbiter.next('hello');
    h.arbiter.send({ kind: 'welcome', body: taskWelcome(over as Partial<corral.v1.Welcome.$Properties>) });
    const err = await h.arbiter.next('error');
    assert.is(err.body.code, code, err.body.message);
    assert.is(err.body.fatal, true);
    assert.is(await exited(h), 3);
  });
}

test('handshake: heartbeats start at Welcome and report running jobs as in_flight [LIVE-3, LOAD-1]', async () => {
  const g = gate();
  const h = await taskStart({ apps: { a: { actions: { wait: () => g.promise } } }, welcome: { heartbeatIntervalMs: 20 } });
  execute(h, 1, 'a.wait');
  const hb = await h.arbiter.nextOf('heartbeat');
  assert.is(hb.body.inFlight, 1);
  assert.is(hb.body.acceptedTotal, 1);
  g.open();
  await replyOf(h, 1);
  const hb2 = await h.arbiter.nextOf('heartbeat');
  assert.is(hb2.body.inFlight, 0);
  assert.is(hb2.body.requestsTotal, 1);
  h.runtime.stop();
});

test('Execute before Ready is UNEXPECTED_MESSAGE, fatal, exit 3 [HS-13]', async () => {
  const h = taskHarness({ apps: { basic } });
  await h.arbiter.next('hello');
  h.arbiter.send({ kind: 'welcome', body: taskWelcome() });
  await h.welcomed;
  h.arbiter.send({ kind: 'execute', body: { requestId: 1, name: 'basic.noop' } });
  const err = await h.arbiter.nextOf('error');
  assert.is(err.body.code, ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE);
  assert.is(await exited(h), 3);
});

// ---- jobs -------------------------------------------------------------------

test('execute: a JSON payload in, the action\'s value out as a JSON Result [TASK-3]', async () => {
  const h = await taskStart({ apps: { basic } });
  execute(h, 3, 'basic.echo', { hello: ['world', 1] });
  const r = await replyOf(h, 3);
  assert.is(r.kind, 'result');
  assert.equal(json(r), { hello: ['world', 1] });
  assert.is(r.kind === 'result' && r.body.contentType, 'application/json');
  execute(h, 4, 'basic.noop');
  const n = await replyOf(h, 4);
  assert.is(n.kind, 'result');
  assert.is(json(n), undefined, 'undefined is an empty payload');
  h.runtime.stop();
});

test('execute: msgpack in and out; raw bytes in; a returned Buffer goes as application/octet-stream', async () => {
  const h = await taskStart({ apps: { basic } });
  h.arbiter.send({ kind: 'execute', body: { requestId: 1, name: 'basic.echo', payload: pack({ n: 1, s: 'x' }), contentType: 'application/msgpack' } });
  const r = await replyOf(h, 1);
  assert.is(r.kind === 'result' && r.body.contentType, 'application/msgpack');
  assert.equal(unpack(Buffer.from((r as { body: { payload: Uint8Array } }).body.payload)), { n: 1, s: 'x' });
  h.arbiter.send({ kind: 'execute', body: { requestId: 2, name: 'basic.echo', payload: Buffer.from([9, 8, 7]) } });
  const raw = await replyOf(h, 2);
  assert.is(raw.kind === 'result' && raw.body.contentType, 'application/octet-stream');
  assert.equal([...(raw as { body: { payload: Uint8Array } }).body.payload], [9, 8, 7]);
  execute(h, 3, 'basic.bytes');
  const b = await replyOf(h, 3);
  assert.is(b.kind === 'result' && b.body.contentType, 'application/octet-stream');
  h.runtime.stop();
});

test('execute: an unknown app or action is TASK_UNKNOWN, not fatal [TASK-9]', async () => {
  const h = await taskStart({ apps: { basic } });
  for (const [id, name] of [[1, 'basic.nope'], [2, 'nope.noop'], [3, 'basic'], [4, 'basic.toString']] as const) {
    execute(h, id, name);
    const r = await replyOf(h, id);
    assert.is(r.kind === 'error' && r.body.code, ErrorCode.ERROR_CODE_TASK_UNKNOWN, name);
    assert.is(r.kind === 'error' && r.body.fatal, false);
  }
  h.runtime.stop();
});

test('execute: a throwing action is TASK_FAILED with its message; a bad JSON payload too [TASK-10]', async () => {
  const h = await taskStart({ apps: { basic } });
  execute(h, 1, 'basic.fail');
  const r = await replyOf(h, 1);
  assert.is(r.kind === 'error' && r.body.code, ErrorCode.ERROR_CODE_TASK_FAILED);
  assert.is(r.kind === 'error' && r.body.message, 'it broke');
  h.arbiter.send({ kind: 'execute', body: { requestId: 2, name: 'basic.echo', payload: Buffer.from('{nope'), contentType: 'application/json' } });
  const bad = await replyOf(h, 2);
  assert.is(bad.kind === 'error' && bad.body.code, ErrorCode.ERROR_CODE_TASK_FAILED);
  h.runtime.stop();
});

const metaApp = defineApp({
  actions: {
    meta: (_p: unknown, ctx: TaskContext) => ({ meta: { ...ctx.meta }, frozen: Object.isFrozen(ctx.meta), proto: Object.getPrototypeOf(ctx.meta) === null }),
    // A job that looked at no meta still answers at once; one that looks at its own key does not see Object's.
    own: (_p: unknown, ctx: TaskContext) => [ctx.meta['constructor'] ?? null, ctx.meta['toString'] ?? null],
  },
});

test('meta: the action sees Execute.meta as ctx.meta, frozen and without a prototype; empty when none came [TASK-27]', async () => {
  const h = await taskStart({ apps: { m: metaApp } });
  const meta = { 'corral.job': 'j-1', 'corral.attempt': '2', trace: 'ü-😀', constructor: 'c', ['__proto__']: 'p' };
  execute(h, 1, 'm.meta', undefined, { meta });
  assert.equal(json(await replyOf(h, 1)), { meta, frozen: true, proto: true });
  execute(h, 2, 'm.meta');
  assert.equal(json(await replyOf(h, 2)), { meta: {}, frozen: true, proto: true });
  execute(h, 3, 'm.own', undefined, { meta: { constructor: 'mine' } });
  assert.equal(json(await replyOf(h, 3)), ['mine', null]);
  h.runtime.stop();
});

test('meta: a job runs the same whatever its meta holds: keys it does not know, more than a caller may send [TASK-28]', async () => {
  const h = await taskStart({ apps: { basic } });
  const many = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`corral.unknown-${i}`, 'x'.repeat(100)]));
  execute(h, 1, 'basic.echo', 'hi', { meta: many });
  const r = await replyOf(h, 1);
  assert.is(r.kind, 'result');
  assert.equal(json(r), 'hi');
  h.runtime.stop();
});

test('meta: from an arbiter that chose 1.2 the action sees none (COMPAT-8)', async () => {
  const h = await taskStart({ apps: { m: metaApp }, welcome: { version: { major: 1, minor: 2 } } });
  execute(h, 1, 'm.meta', undefined, { meta: { a: 'b' } });
  assert.equal(json(await replyOf(h, 1)), { meta: {}, frozen: true, proto: true });
  h.runtime.stop();
});

test('deadline: the signal aborts and TASK_TIMEOUT goes out at once; later output is discarded [TASK-13]', async () => {
  let seen: TaskContext | undefined;
  const g = gate();
  const h = await taskStart({
    apps: {
      a: {
        actions: {
          async slow(_p: unknown, ctx: TaskContext) {
            seen = ctx;
            await g.promise;
            return 'late';
          },
        },
      },
    },
  });
  execute(h, 7, 'a.slow', undefined, { deadlineMs: 30 });
  const r = await replyOf(h, 7);
  assert.is(r.kind === 'error' && r.body.code, ErrorCode.ERROR_CODE_TASK_TIMEOUT);
  assert.is(seen?.signal.aborted, true);
  assert.ok(typeof seen?.deadline === 'number');
  g.open();
  await sleep(20);
  assert.equal(h.arbiter.pending().filter((m) => m.kind !== 'heartbeat'), [], 'nothing after the final reply');
  assert.is(h.runtime.inFlight, 0);
  h.runtime.stop();
});

test('cancel: TASK_CANCELLED at once, signal aborted; a Cancel of an unknown id is ignored [TASK-16, TASK-17]', async () => {
  let aborted = false;
  const h = await taskStart({
    apps: {
      a: {
        actions: {
          wait: (_p: unknown, ctx: TaskContext) =>
            new Promise((_, reject) => ctx.signal.addEventListener('abort', () => {
              aborted = true;
              reject(ctx.signal.reason);
            })),
        },
      },
    },
  });
  execute(h, 5, 'a.wait');
  await sleep(5);
  h.arbiter.send({ kind: 'cancel', body: { requestId: 99, reason: 'crossed' } });
  h.arbiter.send({ kind: 'cancel', body: { requestId: 5, reason: 'bored' } });
  const r = await replyOf(h, 5);
  assert.is(r.kind === 'error' && r.body.code, ErrorCode.ERROR_CODE_TASK_CANCELLED);
  assert.ok(aborted);
  await sleep(10);
  assert.equal(h.arbiter.pending().filter((m) => m.kind !== 'heartbeat'), [], 'no reply to the unknown Cancel, nothing more for 5');
  h.runtime.stop();
});

test('concurrency: async jobs run together up to the capacity; one more is TASK_OVERLOADED [TASK-12]', async () => {
  const g = gate();
  let running = 0;
  let most = 0;
  const h = await taskStart({
    capacity: 3,
    apps: {
      a: {
        actions: {
          async wait() {
            running++;
            most = Math.max(most, running);
            await g.promise;
            running--;
            return 'ok';
          },
        },
      },
    },
  });
  for (const id of [1, 2, 3, 4]) execute(h, id, 'a.wait');
  const over = await replyOf(h, 4);
  assert.is(over.kind === 'error' && over.body.code, ErrorCode.ERROR_CODE_TASK_OVERLOADED);
  assert.is(over.kind === 'error' && over.body.fatal, false);
  await until(() => running === 3);
  assert.is(h.runtime.inFlight, 3);
  g.open();
  const ids = new Set<number>();
  for (let i = 0; i < 3; i++) {
    const m = await h.arbiter.nextOf('result');
    ids.add(m.body.requestId);
  }
  assert.equal([...ids].sort(), [1, 2, 3]);
  assert.is(most, 3);
  // Room again: a fifth job runs.
  execute(h, 5, 'a.wait');
  assert.is((await replyOf(h, 5)).kind, 'result');
  h.runtime.stop();
});

test('duplicate: an Execute reusing a running id is DUPLICATE_REQUEST; the running job is unaffected [TASK-8]', async () => {
  const h = await taskStart({ apps: { basic } });
  execute(h, 6, 'basic.later', { ms: 30 });
  execute(h, 6, 'basic.echo', 1);
  const dup = await replyOf(h, 6);
  assert.is(dup.kind === 'error' && dup.body.code, ErrorCode.ERROR_CODE_DUPLICATE_REQUEST);
  assert.is(dup.kind === 'error' && dup.body.fatal, false);
  const r = await replyOf(h, 6);
  assert.equal(json(r), 'done');
  h.runtime.stop();
});

test('request_id 0 is INVALID_FIELD, fatal, and the worker exits 1 after Ready [TASK-7, EXIT-4]', async () => {
  const h = await taskStart({ apps: { basic } });
  h.arbiter.writeRaw(encodeFrame({ kind: 'execute', body: { requestId: 0, name: 'basic.noop' } }));
  const err = await h.arbiter.nextOf('error');
  assert.is(err.body.code, ErrorCode.ERROR_CODE_INVALID_FIELD);
  assert.is(err.body.fatal, true);
  const bye = await h.arbiter.nextOf('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_ERROR);
  assert.is(await exited(h), 1);
});

test('a result larger than the negotiated frame limit is TASK_FAILED saying so [TASK-19]', async () => {
  const h = await taskStart({ apps: { basic }, welcome: { maxFrameBytes: 1024 } });
  execute(h, 1, 'basic.twice', 'x'.repeat(600));
  const r = await replyOf(h, 1);
  assert.is(r.kind === 'error' && r.body.code, ErrorCode.ERROR_CODE_TASK_FAILED);
  assert.match(r.kind === 'error' ? r.body.message : '', /does not fit/);
  execute(h, 2, 'basic.twice', 'x'.repeat(400));
  assert.is((await replyOf(h, 2)).kind, 'result');
  h.runtime.stop();
});

test('Credit without tasks.flow negotiated is UNSUPPORTED_FEATURE, not fatal [ERR-18]', async () => {
  const h = await taskStart({ apps: { basic }, welcome: { features: ['tasks', 'tasks.stream'] } });
  h.arbiter.send({ kind: 'credit', body: { requestId: 1, chunks: 1 } });
  const err = await h.arbiter.nextOf('error');
  assert.is(err.body.code, ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE);
  assert.is(err.body.fatal, false);
  execute(h, 2, 'basic.echo', 2);
  assert.equal(json(await replyOf(h, 2)), 2);
  h.runtime.stop();
});

test('load-report: an early Heartbeat when the running jobs reach the capacity and when they fall below it [LOAD-6]', async () => {
  const g = gate();
  const h = await taskStart({ capacity: 1, apps: { a: { actions: { wait: () => g.promise } } } });
  execute(h, 1, 'a.wait');
  const full = await h.arbiter.nextOf('heartbeat');
  assert.is(full.body.inFlight, 1);
  g.open();
  await replyOf(h, 1);
  await sleep(15);
  const free = await h.arbiter.nextOf('heartbeat');
  assert.is(free.body.inFlight, 0);
  h.runtime.stop();
});

// ---- ending -----------------------------------------------------------------

test('Stop: Goodbye{STOPPED} and exit 0 at once, without waiting for running jobs [STOP-1, STOP-2]', async () => {
  const h = await taskStart({ apps: { basic } });
  execute(h, 1, 'basic.later', { ms: 10_000 });
  await sleep(5);
  h.arbiter.send({ kind: 'stop', body: { reason: 'now' } });
  const bye = await h.arbiter.nextOf('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_STOPPED);
  assert.is(await exited(h), 0);
});

test('Stop: the apps\' close() hooks run before the exit, and one that hangs is given up on', async () => {
  let closed = 0;
  const h = await taskStart({ apps: { a: { actions: {}, close: () => void closed++ }, b: { actions: {}, close: () => new Promise(() => {}) } } });
  h.arbiter.send({ kind: 'stop', body: { reason: 'now' } });
  assert.is((await h.arbiter.nextOf('goodbye')).body.reason, GoodbyeReason.GOODBYE_REASON_STOPPED);
  assert.is(await exited(h, 3000), 0);
  assert.is(closed, 1);
});

test('Stop: nothing follows Goodbye while the close() hooks run, not even a heartbeat [EXIT-7]', async () => {
  const h = await taskStart({ apps: { a: { actions: {}, close: () => new Promise<void>((r) => setTimeout(r, 300)) } }, welcome: { heartbeatIntervalMs: 20, heartbeatTimeoutMs: 0 } });
  await h.arbiter.nextOf('heartbeat');
  h.arbiter.send({ kind: 'stop', body: { reason: 'now' } });
  await h.arbiter.nextOf('goodbye');
  const at = h.arbiter.received.findIndex((m) => m.kind === 'goodbye');
  assert.is(await exited(h, 3000), 0);
  assert.equal(h.arbiter.received.slice(at + 1).map((m) => m.kind), [], 'frames after Goodbye');
});

test('SIGINT: Goodbye{SIGNAL}, exit 0 [SIG-2]', async () => {
  const h = await taskStart({ apps: { basic } });
  h.signals.emit('SIGINT');
  const bye = await h.arbiter.nextOf('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_SIGNAL);
  assert.is(await exited(h), 0);
});

test('end of the control channel: exit 0, no Goodbye [STOP-4]', async () => {
  const h = await taskStart({ apps: { basic } });
  h.arbiter.stream.end();
  assert.is(await exited(h), 0);
  assert.ok(!h.arbiter.received.some((m) => m.kind === 'goodbye'));
});

test.run();
