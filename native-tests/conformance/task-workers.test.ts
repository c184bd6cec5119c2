// The Python task worker runs Python task apps: it passes the worker
// conformance suite as a task worker (with the Echo app of
// fixtures/tasks/py_apps.py), really runs `capacity` jobs at once, keeps an
// app's state from init() on, hands the action its job's meta, and fails to
// load as spec 2.5 says.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message } from '../../src/protocol/codec.js';
import { corral } from '../../src/protocol/codec.js';
import { Transcript } from '../../src/conformance/wire.js';
import { TestWorker, type Timing } from '../../src/conformance/worker-harness.js';
import { explain, failures, pool, root, runSuite } from './run-suite.js';

// No __pycache__ left in the source tree by the workers these tests start.
process.env.PYTHONDONTWRITEBYTECODE = '1';

const WORKER = join(root, 'native-tests/workers/python/task_worker.py');
const APPS = join(root, 'fixtures/tasks/py_apps.py');
const JOBS = ['--task', 'echo.echo', '--task-slow', 'echo.sleep', '--task-fail', 'echo.fail', '--task-stream', 'echo.stream', '--task-echo', 'echo.echo', '--task-meta', 'echo.meta'];
const { ErrorCode } = corral.v1;
// Long waits: they bound a hang only, and a loaded machine is slow.
const TIMING: Timing = { timeoutMs: 20_000, bootTimeoutMs: 60_000, quietMs: 300 };

test('the Python task worker is conformant: every applicable case passes, the flow, apps and meta cases among them', async () => {
  const r = await runSuite('worker', JOBS, ['python3', WORKER, `echo=${APPS}:Echo`]);
  assert.is(r.exit, 0, explain(r));
  const verdicts = new Map(r.cases.map((c) => [c.id, c.verdict]));
  for (const id of ['W-TK-001', 'W-TK-003', 'W-TK-004', 'W-TK-005', 'W-TK-006', 'W-TK-007', 'W-TK-008', 'W-TK-009', 'W-TK-010', 'W-TK-012', 'W-TK-013', 'W-TK-014', 'W-TK-015', 'W-TK-016', 'W-TK-017']) {
    assert.is(verdicts.get(id), 'PASS', `${id}: ${verdicts.get(id)}\n${explain(r)}`);
  }
  const bad = r.cases.filter((c) => !['PASS', 'UNSUPPORTED', 'INFO'].includes(c.verdict));
  assert.equal(bad.map((c) => `${c.id} ${c.verdict}`), [], explain(r));
});

// Copies of the worker, each with one rule broken: the 1.2 and 1.3 cases
// must catch each (and only the cases meant), or they pass vacuously.
const MUTANTS: { name: string; file: string; from: string; to: string; fails: string[] }[] = [
  {
    name: 'ignores the window', file: 'task_jobs.py', fails: ['W-TK-012'],
    from: 'self.credit = body["window"] if body["window"] and "tasks.flow" in worker.features else None', to: 'self.credit = None',
  },
  {
    name: 'answers a Credit for no job', file: 'task_worker.py', fails: ['W-TK-013'],
    from: 'if job is None:\n            return                    # its last chunk and the Credit crossed [FLOW-5]',
    to: 'if job is None:\n            self.send_error(INVALID_FIELD, "no such job", request_id=body["request_id"])\n            return',
  },
  { name: 'lists a malformed app', file: 'task_worker.py', fails: ['W-TK-014'], from: '"apps": list(self.apps)}', to: '"apps": list(self.apps) + ["no spaces"]}' },
  {
    name: 'hides the meta from the action', file: 'task_jobs.py', fails: ['W-TK-017'],
    from: 'meta = {e["key"]: e["value"] for e in body["meta"]} if', to: 'meta = {} if',
  },
  {
    name: 'refuses a job with meta', file: 'task_jobs.py', fails: ['W-TK-016', 'W-TK-017'],
    from: '    app_name, _, action_name = body["name"].partition(".")',
    to: '    if body["meta"]:\n        worker.send_error(TASK_FAILED, "no meta here", request_id=rid)\n        return\n    app_name, _, action_name = body["name"].partition(".")',
  },
];

test('the flow and apps cases are not vacuous: a worker that breaks each rule fails its case', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corral-py-mutants-'));
  try {
    const results = await pool(MUTANTS, 2, async (m, i = MUTANTS.indexOf(m)) => {
      const copy = join(dir, String(i));
      cpSync(join(root, 'native-tests/workers/python'), copy, { recursive: true });
      const file = join(copy, m.file);
      const text = readFileSync(file, 'utf8');
      assert.ok(text.includes(m.from), `${m.name}: the line to mutate is gone from ${m.file}`);
      writeFileSync(file, text.replace(m.from, m.to));
      assert.ok(readdirSync(copy).includes('task_worker.py'));
      const runs = ['W-TK-012', 'W-TK-013', 'W-TK-014', 'W-TK-016', 'W-TK-017'].flatMap((id) => ['--run', id]);
      return { m, r: await runSuite('worker', [...runs, ...JOBS], ['python3', join(copy, 'task_worker.py'), `echo=${APPS}:Echo`]) };
    });
    const wrong = results.filter(({ m, r }) => r.exit !== 1 || failures(r).join(' ') !== m.fails.join(' '));
    assert.equal(wrong.map(({ m, r }) => `${m.name}: exit ${r.exit}, failed [${failures(r).join(' ')}], want [${m.fails.join(' ')}]\n${explain(r)}`), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A task worker started as an arbiter starts one, past Ready. */
async function start(args: string[], heartbeatIntervalMs = 1000): Promise<TestWorker> {
  const w = new TestWorker(['python3', WORKER, ...args], { task: true }, TIMING, new Transcript());
  await w.handshake({ heartbeatIntervalMs, heartbeatTimeoutMs: 0 });
  return w;
}

function execute(w: TestWorker, requestId: number, name: string, payload: unknown): void {
  w.wire.send({ kind: 'execute', body: { requestId, name, payload: Buffer.from(JSON.stringify(payload)), contentType: 'application/json' } });
}

/** The final replies (Result, End, Error) received so far, by request id. */
function finals(w: TestWorker): Map<number, Message> {
  const out = new Map<number, Message>();
  for (const i of w.wire.received) {
    if (i.type !== 'message') continue;
    const m = i.message;
    if ((m.kind === 'result' || m.kind === 'end' || m.kind === 'error') && m.body.requestId !== 0) out.set(Number(m.body.requestId), m);
  }
  return out;
}

async function waitFinals(w: TestWorker, ids: number[]): Promise<Map<number, Message>> {
  for (;;) {
    const f = finals(w);
    if (ids.every((id) => f.has(id))) return f;
    const got = await w.wire.next(TIMING.timeoutMs, (i) => i.type === 'message');
    if (got === undefined || got.type === 'eof') throw new Error(`no final reply for ${ids.filter((id) => !f.has(id)).join(', ')}${w.exitText()}\n${w.stderr}`);
  }
}

function resultOf(m: Message | undefined): { start: number; end: number; pid: number } {
  if (m?.kind !== 'result') throw new Error(`not a Result: ${JSON.stringify(m)}`);
  return JSON.parse(Buffer.from(m.body.payload).toString()) as { start: number; end: number; pid: number };
}

/** The most jobs whose [start, end) intervals overlap at one instant. */
function mostAtOnce(runs: { start: number; end: number }[]): number {
  const edges = runs.flatMap((r) => [[r.start, 1], [r.end, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, d] of edges) most = Math.max(most, (now += d));
  return most;
}

for (const action of ['sleep', 'async_sleep']) {
  test(`capacity 4: six 1 s ${action} jobs run in two waves, four at once, the rest refused until a slot frees`, async () => {
    const w = await start(['--capacity', '4', `echo=${APPS}:Echo`], 100);
    try {
      for (let id = 1; id <= 6; id++) execute(w, id, `echo.${action}`, { ms: 1000 });
      // Two of six are beyond the capacity: refused at once, not queued (TASK-12).
      const refused = await waitFinals(w, [5, 6]);
      for (const id of [5, 6]) {
        const m = refused.get(id);
        assert.ok(m?.kind === 'error' && m.body.code === ErrorCode.ERROR_CODE_TASK_OVERLOADED, `job ${id}: ${JSON.stringify(m)}`);
      }
      const first = await waitFinals(w, [1, 2, 3, 4]);
      // The second wave, as an arbiter sends it once slots are free.
      execute(w, 7, `echo.${action}`, { ms: 1000 });
      execute(w, 8, `echo.${action}`, { ms: 1000 });
      const second = await waitFinals(w, [7, 8]);
      const wave1 = [1, 2, 3, 4].map((id) => resultOf(first.get(id)));
      const wave2 = [7, 8].map((id) => resultOf(second.get(id)));
      // Real concurrency: the four of the first wave all ran at one instant
      // (each started before any ended), not one after another.
      assert.ok(Math.max(...wave1.map((r) => r.start)) < Math.min(...wave1.map((r) => r.end)), `wave 1 did not overlap: ${JSON.stringify(wave1)}`);
      assert.is(mostAtOnce([...wave1, ...wave2]), 4);
      // The second wave started after the first ended: never a fifth at once.
      assert.ok(Math.min(...wave2.map((r) => r.start)) >= Math.min(...wave1.map((r) => r.end)), 'wave 2 started before a slot was free');
      // The worker's own account: in_flight never above the capacity, and
      // 4 reported (load-report sends it as the worker fills up, LOAD-6).
      const inFlight = w.wire.received.flatMap((i) => (i.type === 'message' && i.message.kind === 'heartbeat' ? [i.message.body.inFlight] : []));
      assert.ok(inFlight.length > 0 && Math.max(...inFlight) === 4, `heartbeat in_flight: ${inFlight.join(', ')}`);
    } finally {
      await w.dispose();
    }
  });
}

test('flow control pauses the generator itself: it produces no item the credit cannot send', async () => {
  const w = await start([`echo=${APPS}:Echo`]);
  const chunks = () => w.wire.received.filter((i) => i.type === 'message' && i.message.kind === 'chunk' && i.message.body.requestId === 1).length;
  const produced = async (id: number) => {
    execute(w, id, 'echo.produced', {});
    const m = (await waitFinals(w, [id])).get(id);
    return Number(Buffer.from(m?.kind === 'result' ? m.body.payload : new Uint8Array()).toString());
  };
  try {
    w.wire.send({ kind: 'execute', body: { requestId: 1, name: 'echo.tracked', payload: Buffer.from('{"n":10}'), contentType: 'application/json', window: 2 } });
    while (chunks() < 2) await w.wire.next(TIMING.timeoutMs, (i) => i.type === 'message');
    // Another job's round trip through the same loop: had the generator run
    // ahead, it would have done so by now.
    await new Promise((r) => setTimeout(r, 200));
    assert.is(await produced(2), 2);
    assert.is(chunks(), 2);
    w.wire.send({ kind: 'credit', body: { requestId: 1, chunks: 3 } });
    while (chunks() < 5) await w.wire.next(TIMING.timeoutMs, (i) => i.type === 'message');
    await new Promise((r) => setTimeout(r, 200));
    assert.is(await produced(3), 5);
    assert.is(chunks(), 5);
    w.wire.send({ kind: 'credit', body: { requestId: 1, chunks: 100 } });
    const end = (await waitFinals(w, [1])).get(1);
    assert.ok(end?.kind === 'end' && end.body.chunks === 10, JSON.stringify(end));
  } finally {
    await w.dispose();
  }
});

test('an app keeps the state its init() built, across jobs', async () => {
  const w = await start([`counter=${APPS}:Counter`, `echo=${APPS}:Echo`]);
  try {
    execute(w, 1, 'counter.incr', { by: 2 });
    const a = (await waitFinals(w, [1])).get(1);
    execute(w, 2, 'counter.incr', {});
    execute(w, 3, 'echo._private', {});
    execute(w, 4, 'counter.init', {});
    const f = await waitFinals(w, [2, 3, 4]);
    const one = resultOf(a) as unknown as { count: number; token: string };
    const two = resultOf(f.get(2)) as unknown as { count: number; token: string };
    assert.equal([one.count, two.count], [2, 3]);
    assert.is(one.token, two.token);
    // Private methods and the lifecycle hooks are not actions.
    for (const id of [3, 4]) {
      const m = f.get(id);
      assert.ok(m?.kind === 'error' && m.body.code === ErrorCode.ERROR_CODE_TASK_UNKNOWN, `job ${id}: ${JSON.stringify(m)}`);
    }
  } finally {
    await w.dispose();
  }
});

for (const [what, spec] of [['init() raises', `broken=${APPS}:BrokenInit`], ['the module is missing', 'gone=/nonexistent/app.py:App'], ['the class is missing', `nope=${APPS}:NoSuchClass`]] as const) {
  test(`an app that fails to load (${what}): Error APP_LOAD, fatal, exit 4`, async () => {
    const w = new TestWorker(['python3', WORKER, spec], { task: true }, TIMING, new Transcript());
    try {
      const hello = await w.readHello();
      assert.equal(hello.apps, [spec.split('=')[0]]);
      w.sendWelcome();
      const got = await w.wire.nextMessage(TIMING.timeoutMs);
      assert.ok(got?.type === 'message' && got.message.kind === 'error', JSON.stringify(got));
      assert.is(got.message.body.code, ErrorCode.ERROR_CODE_APP_LOAD);
      assert.ok(got.message.body.fatal);
      const e = await w.waitExit(TIMING.timeoutMs);
      assert.is(e?.code, 4, w.stderr);
      assert.not.ok(w.wire.received.some((i) => i.type === 'message' && i.message.kind === 'ready'), 'Ready after a failed load');
    } finally {
      await w.dispose();
    }
  });
}

test('SIGTERM drains: the running job finishes, close() runs, Goodbye DRAINED, exit 0', async () => {
  const w = await start([`echo=${APPS}:Echo`]);
  try {
    execute(w, 1, 'echo.sleep', { ms: 300 });
    await w.wire.waitFor('heartbeat', TIMING.timeoutMs);
    w.child.kill('SIGTERM');
    const f = await waitFinals(w, [1]);
    assert.is(f.get(1)?.kind, 'result');
    const bye = await w.wire.waitFor('goodbye', TIMING.timeoutMs);
    assert.ok(bye?.type === 'message' && bye.message.kind === 'goodbye' && bye.message.body.reason === corral.v1.GoodbyeReason.GOODBYE_REASON_DRAINED, JSON.stringify(bye));
    assert.is((await w.waitExit(TIMING.timeoutMs))?.code, 0);
  } finally {
    await w.dispose();
  }
});

test('a deadline ends a sync job at once with TASK_TIMEOUT, and the worker keeps serving', async () => {
  const w = await start([`echo=${APPS}:Echo`]);
  try {
    w.wire.send({ kind: 'execute', body: { requestId: 1, name: 'echo.sleep', payload: Buffer.from('{"ms":30000}'), contentType: 'application/json', deadlineMs: 200 } });
    const f = await waitFinals(w, [1]);
    const m = f.get(1);
    assert.ok(m?.kind === 'error' && m.body.code === ErrorCode.ERROR_CODE_TASK_TIMEOUT && !m.body.fatal, JSON.stringify(m));
    execute(w, 2, 'echo.echo', { hello: 'again' });
    const r = (await waitFinals(w, [2])).get(2);
    assert.ok(r?.kind === 'result' && Buffer.from(r.body.payload).toString() === '{"hello":"again"}', JSON.stringify(r));
  } finally {
    await w.dispose();
  }
});

test.run();
