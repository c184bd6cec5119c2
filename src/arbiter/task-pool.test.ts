// The arbiter's task pool as pure logic: a fake clock and recording fakes for
// send, kill, log and schedule; callers that record what they are answered.
// Each test names the spec rule (spec.md 4.6, 4.6.1, 4.6.2, 4.7) it checks.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { JOB_RUN_BOUNDS_MS, TaskPool, type Caller, type SubmitRequest, type TaskPoolOptions } from './task-pool.js';
import { ErrorCode, type OutMessage } from '../protocol/codec.js';

const E = {
  UNKNOWN: ErrorCode.ERROR_CODE_TASK_UNKNOWN,
  TIMEOUT: ErrorCode.ERROR_CODE_TASK_TIMEOUT,
  CANCELLED: ErrorCode.ERROR_CODE_TASK_CANCELLED,
  FAILED: ErrorCode.ERROR_CODE_TASK_FAILED,
  OVERLOADED: ErrorCode.ERROR_CODE_TASK_OVERLOADED,
  DUPLICATE: ErrorCode.ERROR_CODE_DUPLICATE_REQUEST,
  LOST: ErrorCode.ERROR_CODE_TASK_WORKER_LOST,
  FLOOD: ErrorCode.ERROR_CODE_FLOOD,
} as const;

interface RecCaller extends Caller {
  got: OutMessage[];
}

interface Exec { to: number; wid: number; tag: string; name: string; deadlineMs: number; window: number; idempotent: unknown; meta: unknown }

type Body = {
  requestId?: number; code?: number; seq?: number; chunks?: number; name?: string; payload?: Uint8Array; deadlineMs?: number; window?: number; idempotent?: boolean; fatal?: boolean;
  meta?: Record<string, string> | null; message?: string;
};
const body = (m: OutMessage) => m.body as Body;

/** What a caller was answered, one short string per message: kind:callerId[:seq|chunks|code]. */
function said(c: RecCaller): string[] {
  return c.got.map((m) => {
    const b = body(m);
    if (m.kind === 'chunk') return `chunk:${b.requestId}:${b.seq}`;
    if (m.kind === 'end') return `end:${b.requestId}:${b.chunks}`;
    if (m.kind === 'error') return `error:${b.requestId}:${b.code}`;
    return `${m.kind}:${b.requestId}`;
  });
}

function setup(o: Partial<TaskPoolOptions> = {}, configured: string[] = []) {
  let now = 0;
  const sent: { to: number; m: OutMessage }[] = [];
  const kills: { id: number; reason: string }[] = [];
  const scheduled: number[] = [];
  const logs: string[] = [];
  const pool = new TaskPool({ maxQueue: 100, graceMs: 1000, streamWindow: 4, ...o }, configured, {
    now: () => now,
    send: (to, m) => { sent.push({ to, m }); },
    kill: (id, reason) => { kills.push({ id, reason }); },
    log: (level, message) => { logs.push(`${level}: ${message}`); },
    schedule: (at) => { scheduled.push(at); },
  });
  const h = {
    pool, sent, kills, scheduled, logs,
    get now() { return now; },
    advance(ms: number) { now += ms; },
    /** A worker that said Hello and (unless ready = false) Ready. */
    worker(id: number, opts: { apps?: string[]; capacity?: number; flow?: boolean; meta?: boolean; ready?: boolean } = {}) {
      const capacity = opts.capacity ?? 1;
      pool.addWorker(id, opts.apps ?? [], capacity, { flow: opts.flow ?? false, meta: opts.meta ?? false });
      if (opts.ready !== false) pool.ready(id, capacity);
    },
    caller(name = 'c'): RecCaller {
      const got: OutMessage[] = [];
      return { name, got, reply: (m) => { got.push(m); } };
    },
    submit(c: RecCaller, requestId: number, name = 'app.run', r: Partial<SubmitRequest> = {}) {
      pool.submit({ caller: c, requestId, name, payload: Buffer.from(`${c.name}:${requestId}`), contentType: 'text/plain', deadlineMs: 0, window: 0, idempotent: false, ...r });
    },
    execs(to?: number): Exec[] {
      const out: Exec[] = [];
      for (const { to: t, m } of sent) {
        if (m.kind !== 'execute' || (to !== undefined && t !== to)) continue;
        const b = body(m);
        out.push({ to: t, wid: Number(b.requestId), tag: Buffer.from(b.payload!).toString(), name: b.name!, deadlineMs: b.deadlineMs!, window: b.window!, idempotent: b.idempotent, meta: b.meta });
      }
      return out;
    },
    /** The latest Execute sent for a caller's job. */
    exec(c: RecCaller, requestId: number): Exec {
      const e = h.execs().filter((x) => x.tag === `${c.name}:${requestId}`).pop();
      assert.ok(e, `no Execute for ${c.name}:${requestId}`);
      return e!;
    },
    tags(to?: number) { return h.execs(to).map((e) => e.tag); },
    of(kind: 'cancel' | 'credit', to?: number) {
      return sent.filter((s) => s.m.kind === kind && (to === undefined || s.to === to)).map((s) => ({ to: s.to, ...body(s.m) }));
    },
    result(e: Exec) { return pool.onReply(e.to, { kind: 'result', body: { requestId: e.wid, payload: Buffer.from('ok'), contentType: 'text/plain' } }); },
    chunk(e: Exec, seq: number) { return pool.onReply(e.to, { kind: 'chunk', body: { requestId: e.wid, seq, payload: Buffer.from(`#${seq}`) } }); },
    end(e: Exec, chunks: number) { return pool.onReply(e.to, { kind: 'end', body: { requestId: e.wid, chunks } }); },
    error(e: Exec, code: number) { return pool.onReply(e.to, { kind: 'error', body: { requestId: e.wid, code, message: 'x', fatal: false } }); },
    workers() { return pool.stats().workers; },
    outstanding(id: number) { return pool.stats().workers.find((w) => w.id === id)?.outstanding; },
    app(name: string) {
      return pool.stats().apps[name] as { workers: number; queued: number; inFlight: number; submitted: number; completed: number; failed: number; rejected: number; lost: number; abandoned: number };
    },
  };
  return h;
}

type H = ReturnType<typeof setup>;

/** No worker ever holds more than its capacity (TASK-11). */
function withinCapacity(h: H) {
  for (const w of h.workers()) if (w.capacity > 0) assert.ok(w.outstanding <= w.capacity, `worker ${w.id}: ${w.outstanding} > ${w.capacity}`);
}

/** submitted = completed + failed + rejected + lost + abandoned + queued + inFlight (inFlight: jobs whose caller still waits). */
function addsUp(h: H, app: string) {
  const a = h.app(app);
  assert.is(a.submitted, a.completed + a.failed + a.rejected + a.lost + a.abandoned + a.queued + a.inFlight, JSON.stringify(a));
}

// ---- routing (4.6.1) ---------------------------------------------------------

test('TASK-23: each job goes to the ready worker with the fewest outstanding jobs', () => {
  const h = setup();
  h.worker(1, { capacity: 10 }); h.worker(2, { capacity: 10 }); h.worker(3, { capacity: 10 });
  const c = h.caller();
  for (let i = 1; i <= 6; i++) h.submit(c, i);
  assert.equal(h.workers().map((w) => w.outstanding), [2, 2, 2]);
  // Worker 2 finishes both of its jobs: it is now the least loaded.
  for (const e of h.execs(2)) h.result(e);
  h.submit(c, 7);
  h.submit(c, 8);
  assert.equal(h.execs().slice(-2).map((e) => e.to), [2, 2]);
  h.submit(c, 9); // all at 2 again: a tie among equals
  assert.equal(h.workers().map((w) => w.outstanding).sort(), [2, 2, 3]);
});

test('TASK-23: ties go to the worker that has completed fewer jobs, so idle workers take turns', () => {
  const h = setup();
  h.worker(1); h.worker(2); h.worker(3);
  const c = h.caller();
  const order: number[] = [];
  for (let i = 1; i <= 9; i++) {
    h.submit(c, i);
    const e = h.exec(c, i);
    order.push(e.to);
    h.result(e);
  }
  assert.equal(order, [1, 2, 3, 1, 2, 3, 1, 2, 3]);
  assert.equal([h.pool.completed(1), h.pool.completed(2), h.pool.completed(3)], [3, 3, 3]);
});

test('TASK-23: an idle worker that has done less wins over the first-added idle worker', () => {
  const h = setup();
  h.worker(1, { capacity: 4 });
  const c = h.caller();
  for (let i = 1; i <= 3; i++) { h.submit(c, i); h.result(h.exec(c, i)); }
  h.worker(2, { capacity: 4 }); // joins later with nothing done
  h.submit(c, 4);
  assert.is(h.exec(c, 4).to, 2);
});

test('TASK-11: no worker is sent more jobs than its capacity; the rest wait in the queue', () => {
  const h = setup();
  h.worker(1, { capacity: 2 }); h.worker(2, { capacity: 3 });
  const c = h.caller();
  for (let i = 1; i <= 8; i++) { h.submit(c, i); withinCapacity(h); }
  assert.equal([h.outstanding(1), h.outstanding(2)], [2, 3]);
  assert.is(h.app('app').queued, 3);
  // Each final reply makes room for exactly one queued job.
  for (let i = 0; i < 3; i++) {
    const before = h.execs().length;
    h.result(h.execs()[i]!);
    withinCapacity(h);
    assert.is(h.execs().length, before + 1);
  }
  assert.is(h.app('app').queued, 0);
});

test('TASK-11: capacity 0 means unbounded', () => {
  const h = setup();
  h.worker(1, { capacity: 0 });
  const c = h.caller();
  for (let i = 1; i <= 50; i++) h.submit(c, i);
  assert.is(h.outstanding(1), 50);
  assert.is(h.app('app').queued, 0);
});

test('TASK-23: no job before Ready; Ready sends the queued jobs and sets the capacity', () => {
  const h = setup({}, ['app']);
  h.worker(1, { capacity: 1, ready: false });
  const c = h.caller();
  h.submit(c, 1); h.submit(c, 2); h.submit(c, 3);
  assert.is(h.execs().length, 0);
  h.pool.ready(1, 2);
  assert.equal(h.tags(1), ['c:1', 'c:2']);
  assert.is(h.app('app').queued, 1);
});

test('TASK-22: a job goes only to workers listing its app; a worker with no apps takes any app', () => {
  const h = setup();
  h.worker(1, { apps: ['img'], capacity: 0 });
  h.worker(2, { apps: ['txt', 'pdf'], capacity: 0 });
  h.worker(3, { apps: [], capacity: 0 });
  const c = h.caller();
  let id = 0;
  for (let i = 0; i < 6; i++) for (const n of ['img.resize', 'txt.upper', 'pdf.render', 'zip.pack']) h.submit(c, ++id, n);
  const serves: Record<number, string[] | null> = { 1: ['img'], 2: ['txt', 'pdf'], 3: null };
  for (const e of h.execs()) {
    const app = e.name.split('.')[0]!;
    const apps = serves[e.to];
    assert.ok(apps === null || apps!.includes(app), `${e.name} sent to worker ${e.to}`);
  }
  assert.is(h.execs().filter((e) => e.name === 'zip.pack').length, 6);
  assert.ok(h.execs().filter((e) => e.name === 'zip.pack').every((e) => e.to === 3));
  assert.is(h.execs().length, 24);
});

test('TASK-22: the app is the part of the name before the first dot', () => {
  const h = setup();
  h.worker(1, { apps: ['img'], capacity: 0 });
  const c = h.caller();
  h.submit(c, 1, 'img.resize.large');
  h.submit(c, 2, 'img');
  assert.equal(h.execs().map((e) => e.name), ['img.resize.large', 'img']);
  h.submit(c, 3, 'imgx.resize');
  assert.equal(said(c), [`error:3:${E.UNKNOWN}`]);
});

test('CALL-4: a job whose app no worker serves is answered TASK_UNKNOWN at once, not queued', () => {
  const h = setup({}, ['img']);
  h.worker(1, { apps: ['img'] });
  const c = h.caller();
  h.submit(c, 7, 'video.encode');
  assert.equal(said(c), [`error:7:${E.UNKNOWN}`]);
  assert.not.ok(body(c.got[0]!).fatal);
  assert.is(h.execs().length, 0);
  // The id was not taken: the caller may use it again at once.
  h.submit(c, 7, 'img.resize');
  assert.is(h.exec(c, 7).to, 1);
  // A configured app with no worker yet is not unknown: the job waits.
  const h2 = setup({}, ['img']);
  const c2 = h2.caller();
  h2.submit(c2, 1, 'img.resize');
  assert.equal(said(c2), []);
  assert.is(h2.app('img').queued, 1);
});

// ---- queue (TASK-24, CALL-4) ------------------------------------------------

test('TASK-24: jobs of one app leave the queue in the order they arrived', () => {
  const h = setup();
  h.worker(1, { capacity: 2 }); h.worker(2, { capacity: 1 });
  const c = h.caller('a');
  const d = h.caller('b');
  for (let i = 1; i <= 10; i++) h.submit(i % 2 ? c : d, i);
  assert.equal(h.tags(), ['a:1', 'b:2', 'a:3']);
  while (h.execs().length < 10) {
    const running = h.execs().filter((e) => h.outstanding(e.to)! > 0);
    h.result(running[running.length - 1]!); // finish the newest: order must still hold
  }
  assert.equal(h.tags(), ['a:1', 'b:2', 'a:3', 'b:4', 'a:5', 'b:6', 'a:7', 'b:8', 'a:9', 'b:10']);
});

test('TASK-24, CALL-4: a full app queue answers TASK_OVERLOADED and counts it as rejected', () => {
  const h = setup({ maxQueue: 2 });
  h.worker(1);
  const c = h.caller();
  for (let i = 1; i <= 5; i++) h.submit(c, i);
  assert.equal(said(c), [`error:4:${E.OVERLOADED}`, `error:5:${E.OVERLOADED}`]);
  const a = h.app('app');
  assert.equal([a.queued, a.inFlight, a.rejected, a.submitted], [2, 1, 2, 5]);
  // Room again once the queue moves; the rejected ids are free.
  h.result(h.exec(c, 1));
  h.submit(c, 4);
  assert.is(said(c).length, 3);
  assert.is(h.app('app').queued, 2);
  addsUp(h, 'app');
});

test('TASK-24: the queue bound is per app', () => {
  const h = setup({ maxQueue: 1 });
  h.worker(1, { apps: [] });
  const c = h.caller();
  h.submit(c, 1, 'a.x'); // runs
  h.submit(c, 2, 'a.x'); // queued
  h.submit(c, 3, 'b.x'); // queued: b's own queue
  h.submit(c, 4, 'a.x'); // a's queue is full
  assert.equal(said(c), [`error:4:${E.OVERLOADED}`]);
  assert.equal([h.app('a').queued, h.app('b').queued], [1, 1]);
});

// Was a bug: a final reply pumps only the finished
// job's app queue (onReply/#flush call #pump(job.app)), so a worker serving
// several apps leaves another app's queued job waiting although it has room.
test('TASK-24 (was a bug): a worker serving several apps takes a queued job of another app as soon as it has room', () => {
  const h = setup();
  h.worker(1, { apps: [] }); // any app, capacity 1
  const c = h.caller();
  h.submit(c, 1, 'a.x');
  h.submit(c, 2, 'b.x');
  assert.is(h.app('b').queued, 1);
  h.result(h.exec(c, 1));
  // Expected: b.x is sent to worker 1 now that it has room.
  assert.equal(h.tags(1), ['c:1', 'c:2']);
});

// Was a bug: a consequence of the one above; the
// next submit() finds the idle worker and runs ahead of the queued job.
test('TASK-24 (was a bug): a new job does not overtake an older queued job of its app', () => {
  const h = setup();
  h.worker(1, { apps: ['a', 'b'] });
  const c = h.caller();
  h.submit(c, 1, 'a.x');
  h.submit(c, 2, 'b.x');
  h.result(h.exec(c, 1));
  h.submit(c, 3, 'b.x');
  assert.equal(h.tags(1).slice(0, 2), ['c:1', 'c:2']);
});

// ---- request ids (CALL-2, CALL-3, TASK-1, TASK-2) -----------------------------

test('CALL-2: a caller reusing the id of a job it has outstanding gets DUPLICATE_REQUEST; the first job is unaffected', () => {
  const h = setup();
  h.worker(1, { capacity: 4 });
  const c = h.caller();
  h.submit(c, 5);
  h.submit(c, 5);
  assert.equal(said(c), [`error:5:${E.DUPLICATE}`]);
  assert.not.ok(body(c.got[0]!).fatal); // absent = false on the wire
  assert.is(h.execs().length, 1);
  h.result(h.exec(c, 5));
  assert.equal(said(c), [`error:5:${E.DUPLICATE}`, 'result:5']);
  // Queued jobs are outstanding too.
  const h2 = setup();
  h2.worker(1);
  const d = h2.caller();
  h2.submit(d, 1); h2.submit(d, 2); h2.submit(d, 2);
  assert.equal(said(d), [`error:2:${E.DUPLICATE}`]);
  assert.is(h2.app('app').queued, 1);
});

test('CALL-2: the same id from two callers, or from one caller after its job ended, is not a duplicate', () => {
  const h = setup();
  h.worker(1, { capacity: 4 });
  const a = h.caller('a');
  const b = h.caller('b');
  h.submit(a, 1); h.submit(b, 1);
  assert.is(h.execs().length, 2);
  h.result(h.exec(a, 1));
  h.submit(a, 1);
  assert.is(h.execs().length, 3);
  assert.equal(said(a), ['result:1']);
  assert.equal(said(b), []);
});

test('TASK-1, TASK-2, CALL-3: arbiter ids are non-zero, never reused, and replies carry the caller\'s own id', () => {
  const h = setup();
  h.worker(1, { capacity: 2 }); h.worker(2, { capacity: 2 });
  const a = h.caller('a');
  const b = h.caller('b');
  for (let round = 0; round < 5; round++) {
    h.submit(a, 1); h.submit(b, 1); h.submit(a, 2); h.submit(b, 2);
    for (const c of [a, b]) for (const id of [1, 2]) h.result(h.exec(c, id));
  }
  const wids = h.execs().map((e) => e.wid);
  assert.is(wids.length, 20);
  assert.ok(wids.every((w) => Number.isInteger(w) && w > 0));
  assert.is(new Set(wids).size, 20);
  assert.equal(said(a), Array.from({ length: 5 }, () => ['result:1', 'result:2']).flat());
  assert.equal(said(b), said(a));
});

test('TASK-2: a job re-run after its worker is lost gets a new arbiter id; the old worker\'s id is never reused', () => {
  const h = setup();
  h.worker(1); h.worker(2);
  const c = h.caller();
  h.submit(c, 1, 'app.run', { idempotent: true });
  const first = h.exec(c, 1);
  h.pool.removeWorker(first.to);
  const second = h.exec(c, 1);
  assert.is.not(second.wid, first.wid);
  assert.is.not(second.to, first.to);
});

// ---- deadlines (CALL-5, TASK-14, CALL-9, CALL-10, TASK-18) --------------------

test('CALL-5: a job whose deadline passes in the queue gets TASK_TIMEOUT and is never run', () => {
  const h = setup();
  h.worker(1);
  const c = h.caller();
  h.submit(c, 1);
  h.submit(c, 2, 'app.run', { deadlineMs: 100 });
  h.advance(100);
  h.pool.expire();
  assert.equal(said(c), [`error:2:${E.TIMEOUT}`]);
  assert.is(h.app('app').queued, 0);
  h.result(h.exec(c, 1));
  assert.equal(h.tags(), ['c:1']);
});

test('CALL-5: a queued job found expired when a worker frees up is answered TASK_TIMEOUT, not sent', () => {
  const h = setup();
  h.worker(1);
  const c = h.caller();
  h.submit(c, 1);
  h.submit(c, 2, 'app.run', { deadlineMs: 100 });
  h.submit(c, 3);
  h.advance(150); // expire() not called yet
  h.result(h.exec(c, 1));
  assert.equal(h.tags(), ['c:1', 'c:3']);
  assert.equal(said(c), ['result:1', `error:2:${E.TIMEOUT}`]);
});

test('4.7: the deadline sent to the worker is what is left of the caller\'s after the queue', () => {
  const h = setup();
  h.worker(1);
  const c = h.caller();
  h.submit(c, 1);
  h.submit(c, 2, 'app.run', { deadlineMs: 1000 });
  h.submit(c, 3, 'app.run', { deadlineMs: 5000 });
  h.advance(300);
  h.result(h.exec(c, 1));
  assert.is(h.exec(c, 2).deadlineMs, 700);
  h.advance(250.5);
  h.result(h.exec(c, 2));
  assert.is(h.exec(c, 3).deadlineMs, 5000 - 550); // 4449.5 rounded up
  assert.is(h.exec(c, 1).deadlineMs, 0); // none stays none
  // Sent at once: the whole deadline.
  h.submit(c, 4, 'app.run', { deadlineMs: 250 });
  h.result(h.exec(c, 3));
  assert.is(h.exec(c, 4).deadlineMs, 250);
});

test('CALL-5, CALL-9, TASK-18: a running job times out at the deadline; Cancel goes out, capacity stays taken, the late Result is dropped', () => {
  const h = setup({ graceMs: 1000 });
  h.worker(1);
  const c = h.caller();
  h.submit(c, 1, 'app.run', { deadlineMs: 500 });
  h.submit(c, 2);
  const e = h.exec(c, 1);
  h.advance(499);
  h.pool.expire();
  assert.equal(said(c), []);
  h.advance(1);
  h.pool.expire();
  assert.equal(said(c), [`error:1:${E.TIMEOUT}`]);
  assert.equal(h.of('cancel'), [{ to: 1, requestId: e.wid, reason: 'deadline of 500 ms passed' }]);
  // CALL-9: still counted at the worker; job 2 waits.
  assert.is(h.outstanding(1), 1);
  assert.equal(h.tags(), ['c:1']);
  // TASK-18: the late reply is dropped without error, and frees the room.
  h.advance(10);
  assert.is(h.result(e), undefined);
  assert.equal(said(c), [`error:1:${E.TIMEOUT}`]);
  assert.equal(h.tags(), ['c:1', 'c:2']);
  assert.equal(h.kills, []);
  // The id is free again for the caller.
  h.submit(c, 1);
  assert.ok(!said(c).includes(`error:1:${E.DUPLICATE}`));
});

test('TASK-18: late chunks and End of a timed-out stream are dropped', () => {
  const h = setup();
  h.worker(1, { flow: true });
  const c = h.caller();
  h.submit(c, 1, 'app.gen', { deadlineMs: 100 });
  const e = h.exec(c, 1);
  h.chunk(e, 0);
  h.advance(100);
  h.pool.expire();
  h.chunk(e, 1); h.chunk(e, 2);
  h.end(e, 3);
  assert.equal(said(c), ['chunk:1:0', `error:1:${E.TIMEOUT}`]);
  assert.is(h.outstanding(1), 0);
});

test('CALL-10: a worker that gives no final reply graceMs after the deadline is killed, once', () => {
  const h = setup({ graceMs: 1000 });
  h.worker(1, { capacity: 2 });
  const c = h.caller();
  h.submit(c, 1, 'app.run', { deadlineMs: 500 });
  h.submit(c, 2, 'app.run', { deadlineMs: 500 });
  h.advance(500);
  h.pool.expire();
  h.advance(999);
  h.pool.expire();
  assert.equal(h.kills, []);
  h.advance(1);
  h.pool.expire();
  assert.is(h.kills.length, 1);
  assert.is(h.kills[0]!.id, 1);
  h.advance(5000);
  h.pool.expire();
  h.pool.expire();
  assert.is(h.kills.length, 1);
  // Killed means closed: no new job goes there.
  h.submit(c, 3);
  assert.is(h.execs().length, 2);
});

test('CALL-10: a final reply within the grace period spares the worker', () => {
  const h = setup({ graceMs: 1000 });
  h.worker(1);
  const c = h.caller();
  h.submit(c, 1, 'app.run', { deadlineMs: 500 });
  h.advance(500);
  h.pool.expire();
  h.advance(900);
  h.error(h.exec(c, 1), E.CANCELLED);
  h.advance(5000);
  h.pool.expire();
  assert.equal(h.kills, []);
  assert.is(h.pool.nextTimer(), undefined);
});

// Was a bug: expire() kills only when !w.closed,
// and close() (drain) sets closed, so a draining worker is never killed.
test('CALL-10 (was a bug): a draining worker that holds a job past its deadline plus grace is still killed', () => {
  const h = setup({ graceMs: 1000 });
  h.worker(1);
  const c = h.caller();
  h.submit(c, 1, 'app.run', { deadlineMs: 500 });
  h.pool.close(1); // draining (DRAIN-12)
  h.advance(500);
  h.pool.expire();
  h.advance(1000);
  h.pool.expire();
  assert.is(h.kills.length, 1);
});

test('schedule() and nextTimer(): each deadline and each grace end is announced', () => {
  const h = setup({ graceMs: 1000 });
  h.worker(1, { capacity: 4 });
  const c = h.caller();
  h.advance(10);
  h.submit(c, 1, 'app.run', { deadlineMs: 500 });
  h.submit(c, 2, 'app.run', { deadlineMs: 300 });
  h.submit(c, 3); // no deadline: nothing to schedule
  assert.equal(h.scheduled, [510, 310]);
  assert.is(h.pool.nextTimer(), 310);
  h.advance(300);
  h.pool.expire();
  assert.equal(h.scheduled, [510, 310, 1310]);
  assert.is(h.pool.nextTimer(), 510);
  h.advance(50);
  h.pool.cancel(c, 3, 'stop');
  assert.equal(h.scheduled, [510, 310, 1310, 1360]);
  h.result(h.exec(c, 1));
  h.error(h.exec(c, 2), E.CANCELLED);
  h.error(h.exec(c, 3), E.CANCELLED);
  assert.is(h.pool.nextTimer(), undefined);
});

test('schedule(): a queued job\'s deadline is announced when it is submitted', () => {
  const h = setup();
  h.worker(1);
  const c = h.caller();
  h.submit(c, 1);
  h.submit(c, 2, 'app.run', { deadlineMs: 70 });
  assert.equal(h.scheduled, [70]);
  assert.is(h.pool.nextTimer(), 70);
});

// Was a bug: nextTimer() keeps returning the
// passed hardAt of a killed (or closed) worker until removeWorker(), and the
// arbiter's #scheduleTasks re-arms setTimeout(0) on it in a loop.
test('CALL-10 (was a bug): after expire(now), nextTimer() is not in the past while a killed worker is still exiting', () => {
  const h = setup({ graceMs: 100 });
  h.worker(1);
  const c = h.caller();
  h.submit(c, 1, 'app.run', { deadlineMs: 100 });
  h.advance(100);
  h.pool.expire();
  h.advance(100);
  h.pool.expire();
  assert.is(h.kills.length, 1);
  // The arbiter re-arms its timer at nextTimer() after each expire(): a time
  // at or before now that expire() has nothing left to do for spins it.
  const next = h.pool.nextTimer();
  assert.ok(next === undefined || next > h.now, `nextTimer() = ${next} at now = ${h.now}`);
});

// ---- cancel (CALL-6, CALL-8) ----------------------------------------------

test('CALL-6: cancelling a queued job answers TASK_CANCELLED at once and removes it from the queue', () => {
  const h = setup();
  h.worker(1);
  const c = h.caller();
  h.submit(c, 1); h.submit(c, 2); h.submit(c, 3);
  h.pool.cancel(c, 2, 'not needed');
  assert.equal(said(c), [`error:2:${E.CANCELLED}`]);
  assert.equal(h.of('cancel'), []);
  assert.is(h.app('app').queued, 1);
  h.result(h.exec(c, 1));
  assert.equal(h.tags(), ['c:1', 'c:3']);
});

test('CALL-6, CALL-9, TASK-18: cancelling a running job answers at once, sends Cancel, holds the capacity until the worker answers', () => {
  const h = setup();
  h.worker(1);
  const c = h.caller();
  h.submit(c, 1); h.submit(c, 2);
  const e = h.exec(c, 1);
  h.pool.cancel(c, 1, 'user left');
  assert.equal(said(c), [`error:1:${E.CANCELLED}`]);
  assert.equal(h.of('cancel'), [{ to: 1, requestId: e.wid, reason: 'user left' }]);
  assert.equal(h.tags(), ['c:1']);
  h.result(e); // crossed with the Cancel
  assert.equal(said(c), [`error:1:${E.CANCELLED}`]);
  assert.equal(h.tags(), ['c:1', 'c:2']);
  // A second cancel, or one for an id never used, is ignored.
  h.pool.cancel(c, 1, 'again');
  h.pool.cancel(c, 99, 'never');
  assert.is(said(c).length, 1);
  assert.is(h.of('cancel').length, 1);
});

test('CALL-10: a cancelled job with no final reply graceMs later gets its worker killed', () => {
  const h = setup({ graceMs: 200 });
  h.worker(1);
  const c = h.caller();
  h.submit(c, 1);
  h.advance(5);
  h.pool.cancel(c, 1, '');
  assert.equal(said(c), [`error:1:${E.CANCELLED}`]);
  assert.equal(h.scheduled, [205]);
  h.advance(199);
  h.pool.expire();
  assert.equal(h.kills, []);
  h.advance(1);
  h.pool.expire();
  assert.equal(h.kills.map((k) => k.id), [1]);
});

test('CALL-8: a caller gone cancels its running and queued jobs; other callers are untouched', () => {
  const h = setup();
  h.worker(1, { capacity: 2 });
  const a = h.caller('a');
  const b = h.caller('b');
  h.submit(a, 1); h.submit(b, 1); h.submit(a, 2); h.submit(b, 2);
  const ea = h.exec(a, 1);
  h.pool.callerGone(a);
  assert.equal(said(a), []); // nobody to answer
  assert.equal(h.of('cancel').map((x) => x.requestId), [ea.wid]);
  assert.equal(h.app('app').queued, 1); // only b:2
  h.error(ea, E.CANCELLED);
  assert.equal(h.tags(), ['a:1', 'b:1', 'b:2']);
  h.result(h.exec(b, 1)); h.result(h.exec(b, 2));
  assert.equal(said(b), ['result:1', 'result:2']);
  assert.equal(said(a), []);
  h.pool.callerGone(a); // twice: harmless
  h.pool.callerGone(h.caller('never'));
});

// ---- lost workers (TASK-20, TASK-21, CALL-7) ---------------------------------

test('TASK-20, CALL-7: a lost worker\'s jobs end TASK_WORKER_LOST, idempotent ones re-run first and in order, abandoned ones are dropped', () => {
  const h = setup({ streamWindow: 4 });
  h.worker(1, { capacity: 5 });
  const c = h.caller();
  h.submit(c, 1);                                          // not idempotent
  h.submit(c, 2, 'app.run', { idempotent: true });         // re-run
  h.submit(c, 3, 'app.gen', { idempotent: true });         // relays a chunk: lost
  h.submit(c, 4, 'app.run', { idempotent: true });         // re-run, after 2
  h.submit(c, 5);                                          // cancelled: already answered
  h.chunk(h.exec(c, 3), 0);
  h.pool.cancel(c, 5, 'x');
  h.worker(2, { capacity: 2 });
  h.submit(c, 6); h.submit(c, 7); h.submit(c, 8);          // 6, 7 run on worker 2; 8 queued
  assert.equal(h.tags(2), ['c:6', 'c:7']);
  h.pool.removeWorker(1);
  assert.equal(said(c), ['chunk:3:0', `error:5:${E.CANCELLED}`, `error:1:${E.LOST}`, `error:3:${E.LOST}`]);
  const lost = c.got.slice(2).map(body);
  assert.ok(lost.every((b) => !b.fatal));
  // The idempotent jobs wait ahead of job 8, in their original order.
  h.result(h.exec(c, 6));
  h.result(h.exec(c, 7));
  assert.equal(h.tags(2), ['c:6', 'c:7', 'c:2', 'c:4']);
  h.result(h.exec(c, 2));
  assert.equal(h.tags(2).slice(-1), ['c:8']);
  h.result(h.exec(c, 4));
  h.result(h.exec(c, 8));
  assert.equal(said(c).slice(4), ['result:6', 'result:7', 'result:2', 'result:4', 'result:8']);
  assert.ok(h.app('app').lost >= 2);
});

test('CALL-7: an idempotent job re-runs at once on a worker with room, with what is left of its deadline', () => {
  const h = setup();
  h.worker(1); h.worker(2);
  const c = h.caller();
  h.submit(c, 1, 'app.run', { idempotent: true, deadlineMs: 1000 });
  assert.is(h.exec(c, 1).to, 1);
  h.advance(400);
  h.pool.removeWorker(1);
  const e = h.exec(c, 1);
  assert.equal([e.to, e.deadlineMs], [2, 600]);
  assert.equal(said(c), []);
  h.result(e);
  assert.equal(said(c), ['result:1']);
  assert.ok(h.logs.some((l) => l.startsWith('info:')));
});

test('TASK-20: removing a worker twice, or one never added, changes nothing', () => {
  const h = setup();
  h.worker(1);
  const c = h.caller();
  h.submit(c, 1);
  h.pool.removeWorker(1);
  h.pool.removeWorker(1);
  h.pool.removeWorker(42);
  assert.equal(said(c), [`error:1:${E.LOST}`]);
  // Replies from the removed worker are ignored.
  assert.is(h.pool.onReply(1, { kind: 'result', body: { requestId: 1 } }), undefined);
  assert.is(said(c).length, 1);
});

test('TASK-21: after shutdown() an idempotent job of a lost worker is not run again', () => {
  const h = setup();
  h.worker(1); h.worker(2);
  const c = h.caller();
  h.submit(c, 1, 'app.run', { idempotent: true });
  h.pool.shutdown();
  h.pool.removeWorker(h.exec(c, 1).to);
  assert.equal(said(c), [`error:1:${E.LOST}`]);
  assert.is(h.execs().length, 1);
});

// ---- streams (FLOW-1..6) ---------------------------------------------------

test('FLOW-3, FLOW-6: a slow caller (window 2): chunks beyond its credit are held, Credit releases them in order, End comes last, the worker gets credit in batches', () => {
  const h = setup({ streamWindow: 4 });
  h.worker(1, { flow: true });
  const c = h.caller();
  h.submit(c, 1, 'app.gen', { window: 2 });
  const e = h.exec(c, 1);
  assert.is(e.window, 4); // Execute.window = the arbiter's streamWindow
  h.chunk(e, 0); h.chunk(e, 1);
  assert.equal(said(c), ['chunk:1:0', 'chunk:1:1']);
  assert.equal(h.of('credit'), [{ to: 1, requestId: e.wid, chunks: 2 }]); // half the window
  // Four more (the window the worker was given): all held.
  for (let s = 2; s <= 5; s++) assert.is(h.chunk(e, s), undefined);
  h.end(e, 6);
  assert.is(said(c).length, 2);
  assert.is(h.outstanding(1), 0); // the worker is done; only the relay remains
  h.pool.credit(c, 1, 1);
  assert.equal(said(c).slice(2), ['chunk:1:2']);
  h.pool.credit(c, 1, 2);
  assert.equal(said(c).slice(3), ['chunk:1:3', 'chunk:1:4']);
  h.pool.credit(c, 1, 5);
  assert.equal(said(c).slice(5), ['chunk:1:5', 'end:1:6']);
  // Payloads relayed unchanged, in order.
  assert.equal(c.got.filter((m) => m.kind === 'chunk').map((m) => Buffer.from(body(m).payload!).toString()), ['#0', '#1', '#2', '#3', '#4', '#5']);
  const credits = h.of('credit').map((x) => x.chunks!);
  assert.ok(credits.every((n) => n >= 2), `credits in batches: ${credits}`);
  assert.is(h.app('app').completed, 1);
  // FLOW-5: the job is over; more Credit is ignored.
  const sent = h.sent.length;
  h.pool.credit(c, 1, 3);
  assert.is(h.sent.length, sent);
  assert.is(said(c).length, 7);
});

test('FLOW-3: a caller that keeps reading never stalls a flow worker: credit returns as chunks are relayed', () => {
  const h = setup({ streamWindow: 4 });
  h.worker(1, { flow: true });
  const c = h.caller();
  h.submit(c, 1, 'app.gen', { window: 2 });
  const e = h.exec(c, 1);
  let allowed = e.window;
  for (let s = 0; s < 40; s++) {
    assert.ok(s < allowed, `chunk ${s} with only ${allowed} allowed: the stream would stall`);
    assert.is(h.chunk(e, s), undefined);
    h.pool.credit(c, 1, 1); // the caller consumes each chunk at once
    allowed = e.window + h.of('credit').reduce((n, x) => n + x.chunks!, 0);
  }
  h.end(e, 40);
  assert.is(said(c).length, 41);
  assert.is(said(c)[40], 'end:1:40');
});

test('FLOW-6: a caller that does not pace (window 0) gets every chunk at once, and a flow worker still gets credit', () => {
  const h = setup({ streamWindow: 4 });
  h.worker(1, { flow: true });
  const c = h.caller();
  h.submit(c, 1, 'app.gen');
  const e = h.exec(c, 1);
  for (let s = 0; s < 20; s++) assert.is(h.chunk(e, s), undefined);
  h.end(e, 20);
  assert.is(said(c).length, 21);
  assert.is(h.of('credit').reduce((n, x) => n + x.chunks!, 0), 20);
});

test('FLOW-4: a flow worker that sends more chunks than window plus credit gets FLOOD from onReply', () => {
  const h = setup({ streamWindow: 4 });
  h.worker(1, { flow: true });
  const c = h.caller();
  h.submit(c, 1, 'app.gen', { window: 2 });
  const e = h.exec(c, 1);
  // Window 4, then credit 2 once two chunks were relayed: 6 allowed.
  for (let s = 0; s < 6; s++) assert.is(h.chunk(e, s), undefined);
  const p = h.chunk(e, 6);
  assert.ok(p, 'the seventh chunk is a flood');
  assert.is(p!.code, E.FLOOD);
  assert.type(p!.message, 'string');
  // The arbiter never held more than the window it gave (FLOW-6).
  h.pool.credit(c, 1, 100);
  assert.equal(said(c), ['chunk:1:0', 'chunk:1:1', 'chunk:1:2', 'chunk:1:3', 'chunk:1:4', 'chunk:1:5']);
});

test('FLOW-4: FLOOD even before any credit: window + 1 chunks from a flow worker', () => {
  const h = setup({ streamWindow: 3 });
  h.worker(1, { flow: true });
  const c = h.caller();
  h.submit(c, 1, 'app.gen', { window: 1 });
  const e = h.exec(c, 1);
  // Relaying chunk 0 owes 1 (batch = max(1, floor(3/2)) = 1): credit 1; 4 allowed.
  for (let s = 0; s < 4; s++) assert.is(h.chunk(e, s), undefined);
  assert.is(h.chunk(e, 4)?.code, E.FLOOD);
});

test('FLOW-2, FLOW-6: a non-flow worker whose stream outruns a slow caller by more than streamWindow fails the job with TASK_FAILED', () => {
  const h = setup({ streamWindow: 3 });
  h.worker(1, { flow: false });
  const c = h.caller();
  h.submit(c, 1, 'app.gen', { window: 1 });
  const e = h.exec(c, 1);
  assert.is(e.window, 0); // no flow control asked of a worker without tasks.flow
  for (let s = 0; s < 4; s++) assert.is(h.chunk(e, s), undefined); // 1 relayed, 3 held
  assert.equal(said(c), ['chunk:1:0']);
  assert.is(h.chunk(e, 4), undefined); // a fourth held: too many
  assert.equal(said(c), ['chunk:1:0', `error:1:${E.FAILED}`]);
  assert.equal(h.of('cancel').map((x) => x.requestId), [e.wid]);
  assert.equal(h.of('credit'), []);
  // The rest is dropped; the held chunks are not delivered after the error.
  for (let s = 5; s < 50; s++) h.chunk(e, s);
  h.pool.credit(c, 1, 100);
  h.end(e, 50);
  assert.is(said(c).length, 2);
  assert.is(h.outstanding(1), 0);
});

test('FLOW-2: a non-flow worker streaming to a caller that keeps up is never failed', () => {
  const h = setup({ streamWindow: 2 });
  h.worker(1);
  const c = h.caller();
  h.submit(c, 1, 'app.gen', { window: 1 });
  const e = h.exec(c, 1);
  for (let s = 0; s < 30; s++) { h.chunk(e, s); h.pool.credit(c, 1, 1); }
  h.end(e, 30);
  assert.is(said(c).length, 31);
  assert.is(said(c)[30], 'end:1:30');
  assert.equal(h.of('cancel'), []);
});

test('FLOW-6: a final Error after held chunks is delivered after them', () => {
  const h = setup({ streamWindow: 4 });
  h.worker(1, { flow: true });
  const c = h.caller();
  h.submit(c, 1, 'app.gen', { window: 1 });
  const e = h.exec(c, 1);
  h.chunk(e, 0); h.chunk(e, 1); h.chunk(e, 2);
  h.error(e, E.FAILED);
  assert.equal(said(c), ['chunk:1:0']);
  h.pool.credit(c, 1, 2);
  assert.equal(said(c), ['chunk:1:0', 'chunk:1:1', 'chunk:1:2', `error:1:${E.FAILED}`]);
  assert.is(h.app('app').failed, 1);
});

test('CALL-6: cancelling a stream with held chunks drops them and answers TASK_CANCELLED', () => {
  const h = setup({ streamWindow: 4 });
  h.worker(1, { flow: true });
  const c = h.caller();
  h.submit(c, 1, 'app.gen', { window: 1 });
  const e = h.exec(c, 1);
  h.chunk(e, 0); h.chunk(e, 1); h.chunk(e, 2);
  h.pool.cancel(c, 1, 'enough');
  h.pool.credit(c, 1, 10);
  assert.equal(said(c), ['chunk:1:0', `error:1:${E.CANCELLED}`]);
});

test('FLOW-5: Credit for a job that is not streaming is ignored', () => {
  const h = setup();
  h.worker(1, { flow: true });
  const c = h.caller();
  h.pool.credit(c, 9, 4);
  h.submit(c, 1);
  h.submit(c, 2); // queued
  h.pool.credit(c, 2, 4);
  h.pool.credit(h.caller('other'), 1, 4);
  assert.equal(h.of('credit'), []);
  assert.equal(said(c), []);
});

// ---- meta (TASK-25, CALL-17, CALL-18, COMPAT-8) ---------------------------------

test('TASK-25: a caller\'s meta reaches a worker of 1.3 as it came; a worker of 1.2 gets none (COMPAT-8)', () => {
  const h = setup();
  h.worker(1, { meta: true }); h.worker(2, { meta: false });
  const c = h.caller();
  const meta = { trace: 'abc', 'ünï': 'cödé', constructor: 'x' };
  h.pool.call({ caller: c, requestId: 1, name: 'app.run', payload: Buffer.from('c:1'), contentType: '', deadlineMs: 0, window: 0, idempotent: false, meta });
  h.pool.call({ caller: c, requestId: 2, name: 'app.run', payload: Buffer.from('c:2'), contentType: '', deadlineMs: 0, window: 0, idempotent: false, meta });
  const [a, b] = [h.exec(c, 1), h.exec(c, 2)].sort((x, y) => x.to - y.to);
  assert.equal([a!.to, b!.to], [1, 2]);
  assert.equal(a!.meta, meta);
  assert.is(b!.meta, null);
  h.submit(c, 3);
  h.result(a!);
  assert.is(h.exec(c, 3).meta, null, 'no meta: none sent');
});

test('TASK-25: a job queued, then re-run after its worker is lost, keeps its meta', () => {
  const h = setup();
  h.worker(1, { meta: true });
  const c = h.caller();
  h.submit(c, 1);
  h.submit(c, 2, 'app.run', { idempotent: true, meta: { n: '2' } });
  h.result(h.exec(c, 1));
  assert.equal(h.exec(c, 2).meta, { n: '2' });
  h.worker(2, { meta: true });
  h.pool.removeWorker(1);
  const again = h.exec(c, 2);
  assert.is(again.to, 2);
  assert.equal(again.meta, { n: '2' });
});

test('CALL-17, CALL-18: call() refuses meta beyond the caller\'s limits with INVALID_FIELD, not fatal; submit() takes the arbiter\'s own corral. keys', () => {
  const h = setup();
  h.worker(1, { meta: true, capacity: 10 });
  const c = h.caller();
  const call = (requestId: number, meta: Record<string, string>) =>
    h.pool.call({ caller: c, requestId, name: 'app.run', payload: Buffer.from(`c:${requestId}`), contentType: '', deadlineMs: 0, window: 0, idempotent: false, meta });
  const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v']));
  call(1, many);
  call(2, { big: 'x'.repeat(4094) }); // 3 + 4094 octets
  call(3, { 'corral.job': 'j1' });
  call(4, { big: 'x'.repeat(4093) }); // exactly 4096: allowed
  call(5, Object.fromEntries(Array.from({ length: 64 }, (_, i) => [`k${i}`, 'v'])));
  assert.equal(said(c), ['error:1:206', 'error:2:206', 'error:3:206']);
  for (const m of c.got) {
    assert.is(body(m).fatal, false);
    assert.match(body(m).message ?? '', /\[CALL-17\]$/);
  }
  assert.equal(h.execs().map((e) => e.tag), ['c:4', 'c:5']);
  h.pool.submit({ caller: c, requestId: 6, name: 'app.run', payload: Buffer.from('c:6'), contentType: '', deadlineMs: 0, window: 0, idempotent: false, meta: { 'corral.job': 'j1', 'corral.attempt': '1' } });
  assert.equal(h.exec(c, 6).meta, { 'corral.job': 'j1', 'corral.attempt': '1' });
  addsUp(h, 'app');
});

// ---- drain and shutdown (DRAIN-12) --------------------------------------------

test('DRAIN-12: close(id) stops new jobs to a worker; its running jobs finish and are relayed', () => {
  const h = setup();
  h.worker(1, { capacity: 2 }); h.worker(2, { capacity: 2 });
  const c = h.caller();
  h.submit(c, 1); h.submit(c, 2);
  assert.equal(h.execs().map((e) => e.to), [1, 2]);
  h.pool.close(1);
  for (let i = 3; i <= 6; i++) h.submit(c, i);
  assert.ok(h.execs().slice(2).every((e) => e.to === 2));
  assert.is(h.app('app').queued, 3);
  h.result(h.exec(c, 1));
  assert.ok(said(c).includes('result:1'));
  assert.is(h.execs(1).length, 1); // room on worker 1 is not used
  h.pool.ready(1, 4); // a late Ready does not reopen it
  assert.is(h.execs(1).length, 1);
  assert.equal(h.workers().find((w) => w.id === 1)!.closed, true);
});

test('shutdown(): queued jobs are refused TASK_OVERLOADED, new ones too; running jobs finish', () => {
  const h = setup();
  h.worker(1);
  const c = h.caller();
  h.submit(c, 1); h.submit(c, 2); h.submit(c, 3);
  h.pool.shutdown();
  assert.equal(said(c), [`error:2:${E.OVERLOADED}`, `error:3:${E.OVERLOADED}`]);
  h.submit(c, 4);
  assert.equal(said(c).slice(2), [`error:4:${E.OVERLOADED}`]);
  h.result(h.exec(c, 1));
  assert.equal(said(c).slice(3), ['result:1']);
  assert.equal(h.tags(), ['c:1']);
  assert.is(h.app('app').queued, 0);
});

// ---- stats ---------------------------------------------------------------------

test('stats(): submitted = completed + failed + rejected + lost + queued + inFlight through a mixed run', () => {
  const h = setup({ maxQueue: 2 });
  h.worker(1, { apps: ['app'], capacity: 2 }); h.worker(2, { apps: ['app'], capacity: 1 });
  const c = h.caller();
  for (let i = 1; i <= 7; i++) { h.submit(c, i); addsUp(h, 'app'); } // 3 run, 2 queued, 2 rejected
  let a = h.app('app');
  assert.equal([a.submitted, a.inFlight, a.queued, a.rejected, a.workers], [7, 3, 2, 2, 2]);
  h.result(h.exec(c, 1)); addsUp(h, 'app');
  h.error(h.exec(c, 2), E.FAILED); addsUp(h, 'app');
  // Worker 1 holds jobs 3 and 4 (4 took the room 1 left), worker 2 job 5.
  assert.equal([h.exec(c, 3).to, h.exec(c, 4).to, h.exec(c, 5).to], [1, 1, 2]);
  h.pool.removeWorker(1); addsUp(h, 'app');
  a = h.app('app');
  assert.equal([a.completed, a.failed, a.lost, a.rejected, a.inFlight], [1, 1, 2, 2, 1]);
  h.result(h.exec(c, 5));
  a = h.app('app');
  assert.equal([a.submitted, a.completed, a.failed, a.lost, a.rejected, a.queued, a.inFlight], [7, 2, 1, 2, 2, 0, 0]);
  addsUp(h, 'app');
  // Jobs refused before they were accepted (unknown app, duplicate) are not submitted.
  h.submit(c, 8, 'nope.x');
  h.submit(c, 9); h.submit(c, 9);
  assert.equal(said(c).slice(-2), [`error:8:${E.UNKNOWN}`, `error:9:${E.DUPLICATE}`]);
  assert.is(h.app('app').submitted, 8);
  h.result(h.exec(c, 9));
  addsUp(h, 'app');
  assert.is(h.pool.stats().apps['nope'], undefined);
});

test('stats(): a running job cancelled or timed out counts once, as abandoned, not again when the worker answers', () => {
  const h = setup();
  h.worker(1, { capacity: 2 });
  const c = h.caller();
  h.submit(c, 1); h.submit(c, 2, 'app.run', { deadlineMs: 10 });
  h.pool.cancel(c, 1, '');
  h.advance(10); h.pool.expire();
  assert.is(h.app('app').inFlight, 0, 'no caller waits for them');
  assert.is(h.app('app').abandoned, 2);
  assert.is(h.pool.stats().workers[0]!.outstanding, 2, 'they still hold the worker (CALL-9)');
  addsUp(h, 'app');
  h.error(h.exec(c, 1), E.CANCELLED);
  h.error(h.exec(c, 2), E.TIMEOUT);
  addsUp(h, 'app');
  assert.equal([h.app('app').completed, h.app('app').failed, h.app('app').abandoned], [0, 0, 2]);
});

// Was a bug: #abandon() of a queued job counts it nowhere.
test('stats() (was a bug): jobs cancelled or timed out while queued are counted somewhere', () => {
  const h = setup();
  h.worker(1);
  const c = h.caller();
  h.submit(c, 1);
  h.submit(c, 2);
  h.submit(c, 3, 'app.run', { deadlineMs: 10 });
  h.pool.cancel(c, 2, '');
  h.advance(10); h.pool.expire();
  h.result(h.exec(c, 1));
  addsUp(h, 'app');
});

// Was a bug: removeWorker() skips abandoned jobs
// without counting them, and no final reply will count them.
test('stats() (was a bug): a job abandoned on a worker that is then lost is counted somewhere', () => {
  const h = setup();
  h.worker(1);
  const c = h.caller();
  h.submit(c, 1);
  h.pool.cancel(c, 1, '');
  h.pool.removeWorker(1);
  addsUp(h, 'app');
});

// Was a bug: shutdown() refuses queued jobs without counting them.
test('stats() (was a bug): queued jobs refused by shutdown() are counted somewhere', () => {
  const h = setup();
  h.worker(1);
  const c = h.caller();
  h.submit(c, 1); h.submit(c, 2);
  h.pool.shutdown();
  h.result(h.exec(c, 1));
  addsUp(h, 'app');
});

test('stats(): run durations counted by bucket of JOB_RUN_BOUNDS_MS (a bound is inclusive, the last bucket open), with their sum', () => {
  const h = setup();
  h.worker(1, { apps: ['app'], capacity: 1 });
  const c = h.caller();
  const runs = [0, 1, 1.5, 5, 250, 300_000, 300_001, 40_000];
  runs.forEach((ms, i) => {
    h.submit(c, i + 1);
    h.advance(ms);
    if (i % 2) h.error(h.exec(c, i + 1), E.FAILED); // failed jobs ran too
    else h.result(h.exec(c, i + 1));
  });
  const a = h.pool.stats().apps['app'] as { runCounts: number[]; runSumMs: number };
  assert.is(a.runCounts.length, JOB_RUN_BOUNDS_MS.length + 1);
  const want = new Array<number>(JOB_RUN_BOUNDS_MS.length + 1).fill(0);
  const at = (ms: number) => { const i = JOB_RUN_BOUNDS_MS.indexOf(ms); assert.ok(i >= 0, `${ms} is a bound`); return i; };
  want[at(1)] = 2; // 0 and 1
  want[at(5)] = 2; // 1.5 and 5
  want[at(250)] = 1;
  want[at(300_000)] = 1;
  want[at(60_000)] = 1; // 40 000
  want[JOB_RUN_BOUNDS_MS.length] = 1; // 300 001
  assert.equal(a.runCounts, want);
  assert.is(a.runSumMs, runs.reduce((x, y) => x + y, 0));
  // A copy: what a caller of stats() holds does not change under it.
  h.submit(c, 99); h.result(h.exec(c, 99));
  assert.is(a.runCounts[at(1)], 2);
  assert.is((h.pool.stats().apps['app'] as { runCounts: number[] }).runCounts[at(1)], 3);
});

test.run();
