// Streamed results (TASK-4..6, FLOW-1..5) and the drain (DRAIN-1..8).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { corral } from '../protocol/codec.js';
import type { TaskContext } from './app.js';
import { execute, exited, gate, json, replyOf, sleep, taskStart, until } from './test-support.js';

const { ErrorCode, GoodbyeReason } = corral.v1;

/** An app whose generator counts how far it was pulled. */
function counting(n: number) {
  const state = { pulled: 0, closed: false };
  const app = {
    actions: {
      async *gen(_p: unknown, ctx: TaskContext) {
        try {
          for (let i = 0; i < n; i++) {
            state.pulled++;
            yield { i };
            if (ctx.signal.aborted) return;
          }
        } finally {
          state.closed = true;
        }
      },
      *syncGen() {
        yield 'a';
        yield 'b';
      },
      list: () => [1, 2, 3],
    },
  };
  return { app, state };
}

test('stream: Chunks numbered 0, 1, 2 ..., then End counting them [TASK-5, TASK-6]', async () => {
  const { app } = counting(4);
  const h = await taskStart({ apps: { s: app } });
  execute(h, 1, 's.gen');
  for (let i = 0; i < 4; i++) {
    const c = await replyOf(h, 1);
    assert.is(c.kind, 'chunk');
    assert.is(c.kind === 'chunk' && c.body.seq, i);
    assert.equal(json(c), { i });
  }
  const end = await replyOf(h, 1);
  assert.is(end.kind === 'end' && end.body.chunks, 4);
  execute(h, 2, 's.syncGen');
  assert.equal(json(await replyOf(h, 2)), 'a');
  assert.equal(json(await replyOf(h, 2)), 'b');
  assert.is((await replyOf(h, 2)).kind, 'end');
  // An array is a value, not a stream.
  execute(h, 3, 's.list');
  const r = await replyOf(h, 3);
  assert.is(r.kind, 'result');
  assert.equal(json(r), [1, 2, 3]);
  h.runtime.stop();
});

test('stream with window 2: exactly 2 Chunks and the generator paused until Credit arrives [FLOW-1]', async () => {
  const { app, state } = counting(5);
  const h = await taskStart({ apps: { s: app } });
  execute(h, 9, 's.gen', undefined, { window: 2 });
  assert.is((await replyOf(h, 9)).kind, 'chunk');
  assert.is((await replyOf(h, 9)).kind, 'chunk');
  await sleep(30);
  assert.equal(h.arbiter.pending().filter((m) => m.kind !== 'heartbeat'), [], 'no third chunk without credit');
  assert.is(state.pulled, 2, 'the generator is not pulled while the credit is spent');
  // Credit for another id changes nothing [FLOW-5].
  h.arbiter.send({ kind: 'credit', body: { requestId: 1234, chunks: 10 } });
  await sleep(10);
  assert.is(state.pulled, 2);
  h.arbiter.send({ kind: 'credit', body: { requestId: 9, chunks: 2 } });
  const c2 = await replyOf(h, 9);
  const c3 = await replyOf(h, 9);
  assert.equal([c2.kind === 'chunk' && c2.body.seq, c3.kind === 'chunk' && c3.body.seq], [2, 3]);
  await sleep(30);
  assert.equal(h.arbiter.pending().filter((m) => m.kind !== 'heartbeat'), [], 'again exactly the credit');
  h.arbiter.send({ kind: 'credit', body: { requestId: 9, chunks: 5 } });
  const c4 = await replyOf(h, 9);
  assert.is(c4.kind === 'chunk' && c4.body.seq, 4);
  const end = await replyOf(h, 9);
  assert.is(end.kind === 'end' && end.body.chunks, 5);
  h.runtime.stop();
});

test('stream: a window of 0, or tasks.flow not negotiated, streams without credit [FLOW-2]', async () => {
  const { app } = counting(3);
  const h = await taskStart({ apps: { s: app }, welcome: { features: ['tasks', 'tasks.stream'] } });
  execute(h, 1, 's.gen', undefined, { window: 1 });
  const kinds = [];
  for (let i = 0; i < 4; i++) kinds.push((await replyOf(h, 1)).kind);
  assert.equal(kinds, ['chunk', 'chunk', 'chunk', 'end']);
  h.runtime.stop();
});

test('stream: without tasks.stream the values are gathered into one Result [TASK-4]', async () => {
  const { app } = counting(3);
  const h = await taskStart({ apps: { s: app }, welcome: { features: ['tasks'] } });
  execute(h, 1, 's.gen');
  const r = await replyOf(h, 1);
  assert.is(r.kind, 'result');
  assert.equal(json(r), [{ i: 0 }, { i: 1 }, { i: 2 }]);
  h.runtime.stop();
});

test('stream: Cancel while waiting for credit closes the generator (its finally runs) [TASK-16]', async () => {
  const { app, state } = counting(10);
  const h = await taskStart({ apps: { s: app } });
  execute(h, 4, 's.gen', undefined, { window: 1 });
  assert.is((await replyOf(h, 4)).kind, 'chunk');
  h.arbiter.send({ kind: 'cancel', body: { requestId: 4, reason: 'enough' } });
  const r = await replyOf(h, 4);
  assert.is(r.kind === 'error' && r.body.code, ErrorCode.ERROR_CODE_TASK_CANCELLED);
  await until(() => state.closed);
  h.arbiter.send({ kind: 'credit', body: { requestId: 4, chunks: 3 } });
  await sleep(20);
  assert.equal(h.arbiter.pending().filter((m) => m.kind !== 'heartbeat'), []);
  h.runtime.stop();
});

test('stream: a generator that throws ends the stream with TASK_FAILED after its chunks', async () => {
  const h = await taskStart({
    apps: {
      s: {
        actions: {
          async *bad() {
            yield 1;
            throw new Error('midway');
          },
        },
      },
    },
  });
  execute(h, 1, 's.bad');
  assert.is((await replyOf(h, 1)).kind, 'chunk');
  const r = await replyOf(h, 1);
  assert.is(r.kind === 'error' && r.body.code, ErrorCode.ERROR_CODE_TASK_FAILED);
  assert.is(r.kind === 'error' && r.body.message, 'midway');
  h.runtime.stop();
});

// ---- drain ------------------------------------------------------------------

test('drain: running jobs finish, new ones are TASK_OVERLOADED, close() runs, then Goodbye{DRAINED} and exit 0 [DRAIN-1..5]', async () => {
  const g = gate<string>();
  let closed = 0;
  const h = await taskStart({
    apps: {
      a: {
        actions: { wait: () => g.promise },
        close() {
          closed++;
        },
      },
    },
  });
  execute(h, 1, 'a.wait');
  execute(h, 2, 'a.wait');
  await sleep(5);
  h.arbiter.send({ kind: 'drain', body: { deadlineMs: 10_000, reason: 'test' } });
  execute(h, 3, 'a.wait');
  const refused = await replyOf(h, 3);
  assert.is(refused.kind === 'error' && refused.body.code, ErrorCode.ERROR_CODE_TASK_OVERLOADED);
  await sleep(10);
  assert.equal(h.exits, [], 'still draining while jobs run');
  assert.is(closed, 0);
  g.open('finished');
  assert.equal(json(await replyOf(h, 1)), 'finished');
  assert.equal(json(await replyOf(h, 2)), 'finished');
  const bye = await h.arbiter.nextOf('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_DRAINED);
  assert.is(bye.body.acceptedTotal, 2);
  assert.is(closed, 1);
  assert.is(await exited(h), 0);
});

test('drain: SIGTERM drains as Drain{0} [SIG-1]; the deadline of a Drain cuts a job that never ends short [DRAIN-7]', async () => {
  const h = await taskStart({ apps: { a: { actions: { never: () => new Promise(() => {}) } } } });
  execute(h, 1, 'a.never');
  await sleep(5);
  h.signals.emit('SIGTERM');
  await sleep(30);
  assert.equal(h.exits, [], 'SIGTERM has no deadline of its own');
  h.arbiter.send({ kind: 'drain', body: { deadlineMs: 100, reason: 'hurry' } });
  const bye = await h.arbiter.nextOf('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_DRAINED);
  assert.match(bye.body.detail, /deadline/);
  assert.is(await exited(h), 0);
});

test.run();
