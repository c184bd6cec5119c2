// corral ctl without an arbiter: usage errors exit 2 before any connection,
// an unreachable arbiter exits 3, and the renderings say what a person needs.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ctl, renderJob, renderJobs, renderStatus, renderTasks } from './ctl.js';
import { EXAMPLE_STATUS as STATUS } from '../protocol/control-examples.js';

function capture() {
  let text = '';
  return { write: (s: string) => { text += s; return true; }, get text() { return text; } };
}

test('bad usage exits 2 and says why', async () => {
  for (const [argv, why] of [
    [['workers'], /one positive integer/], [['workers', '0'], /one positive integer/], [['workers', '2', '--app', 'x'], /--task/],
    [['jobs', '--state', 'weird'], /--state must be one of/], [['frobnicate'], /unknown command/], [['status', 'extra'], /unexpected/], [['--bogus'], /Unknown option/],
  ] as const) {
    const err = capture();
    assert.is(await ctl([...argv], capture(), err), 2, argv.join(' '));
    assert.match(err.text, why);
  }
});

test('no arbiter to reach exits 3 with the path it tried', async () => {
  const err = capture();
  assert.is(await ctl(['--socket', '/nonexistent/corral.sock', 'status'], capture(), err), 3);
  assert.match(err.text, /\/nonexistent\/corral.sock: no such socket/);
});

test('status names every worker with its pid, and the pool\'s rates and restarts', () => {
  const text = renderStatus(STATUS);
  assert.match(text, /corral arbiter 4242 \(corral-node\/0\.1\.0\) · running · up 1m05s · accept arbiter · generation 2/);
  assert.match(text, /restarts: killed 2, reload 2/);
  assert.match(text, /p99 2\.5ms/);
  assert.match(text, /\b4300\b.*ready.*4\/1000.*5,000,000,000.*812\.5.*2\.5ms.*25%.*48\.0 MiB/);
  assert.match(text, /\b4301\b.*draining.*\b77\b/);
});

test('tasks, jobs and one job', () => {
  assert.match(renderTasks({ apps: [] }), /no task apps/);
  const t = renderTasks({ apps: [{ name: 'images', workers: 1, queued: 2, inFlight: 3, submitted: 4, completed: 5, failed: 6, rejected: 7, lost: 8, abandoned: 9, waitMs: { p50: 0.5, p90: 1, p99: 2, n: 3 }, runMs: { p50: 1, p90: 2, p99: 3, n: 3 } }], queue: { state: 'connected', queues: ['images'], held: 1, fetched: 2, succeeded: 3, failed: 4, retried: 5, dead: 6, depths: [{ queue: 'images', waiting: 7, delayed: 8, dead: 9 }] } });
  assert.match(t, /images\s+1\s+2\s+3/);
  assert.match(t, /durable queues \(connected\): images/);
  const job = { id: 7, app: 'images', action: 'resize', state: 'failed' as const, worker: 4, caller: 'client 2', submittedAtMs: 1_765_000_000_000, startedAtMs: 1_765_000_000_010, endedAtMs: 1_765_000_000_510, payloadBytes: 10, errorCode: 'CORRAL_ERR_TASK_FAILED', errorMessage: 'boom', meta: { 'corral.job': 'abc' }, chunks: 0 };
  assert.match(renderJobs({ jobs: [job], matched: 3 }), /images\.resize\s+failed.*CORRAL_ERR_TASK_FAILED: boom[\s\S]*1 of 3 shown/);
  const one = renderJob({ jobs: [job], matched: 1 });
  assert.match(one, /took\s+500ms/);
  assert.match(one, /meta corral\.job\s+abc/);
  assert.match(renderJob({ jobs: [], matched: 0 }), /no such job/);
});

test.run();
