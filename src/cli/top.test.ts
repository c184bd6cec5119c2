import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { AppStatus, PoolStatus, TasksStatus, WorkerStatus } from '../protocol/control.js';
import { bytesShort, charWidth, clip, pad, printable, rate, textWidth } from './format.js';
import { poolAcceptsPerSecond, renderTop, top, TopHistory, TOP_HELP } from './top.js';

function worker(id: number, o: Partial<WorkerStatus> = {}): WorkerStatus {
  return {
    id, kind: 'socket', pid: 4000 + id, generation: 1, state: 'ready', inFlight: 0, capacity: 1000, acceptedTotal: 0, requestsTotal: 0,
    rssBytes: 80 * 1024 * 1024, cpuUs: 0, heartbeatAgeMs: 300, ageMs: 60_000, wakeupsTotal: 0, latencyCounts: [], jobsCompleted: 0,
    cpuPermille: 50, acceptsPerSecond: 12.5, p99Us: 2500, ...o,
  };
}

function pool(workers: WorkerStatus[], o: Partial<PoolStatus> = {}): PoolStatus {
  return {
    controlVersion: 1, pid: 1234, implementation: 'corral-node/0.1.0', strategy: 'arbiter', generation: 1, targetWorkers: workers.filter((w) => w.kind === 'socket').length,
    targetTaskWorkers: workers.filter((w) => w.kind === 'task').length, listeners: ['127.0.0.1:8000'], startedAtMs: 0, uptimeMs: 185_000, bootFailures: 0, state: 'running',
    workers, restarts: [], interval: { durationMs: 1000, accepted: 250, requests: 250, p50Us: 250, p99Us: 2500, jobs: 0 }, acceptedTotal: 10_000, latencyBoundsUs: [], ...o,
  };
}

function app(name: string, o: Partial<AppStatus> = {}): AppStatus {
  const p = { p50: 0, p90: 0, p99: 0, n: 0 };
  return { name, workers: 1, queued: 3, inFlight: 2, submitted: 100, completed: 90, failed: 5, rejected: 0, lost: 0, abandoned: 0, waitMs: { ...p, p99: 1.5 }, runMs: { ...p, p99: 12 }, ...o };
}

/** A history of `polls` samples of `s`. */
function historyOf(s: PoolStatus, polls = 10): TopHistory {
  const h = new TopHistory();
  for (let i = 0; i < polls; i++) h.record({ ...s, uptimeMs: s.uptimeMs + i * 1000, interval: { ...s.interval, accepted: s.interval.accepted * (i + 1) / polls } });
  return h;
}

const ESC = /\x1b/;

function checkFits(lines: string[], width: number, height: number) {
  for (const l of lines) assert.ok(textWidth(l) <= width, `wider than ${width}: ${JSON.stringify(l)} (${textWidth(l)})`);
  assert.ok(lines.length <= height, `${lines.length} lines for ${height} rows`);
}

test('80x24, two workers: the frame fills the screen, the status line last, nothing wider than 80', () => {
  const s = pool([worker(1), worker(2, { state: 'booting', acceptsPerSecond: 0, p99Us: 0 })]);
  const lines = renderTop(s, undefined, historyOf(s), 80, 24, { statusLine: ' q quit' });
  checkFits(lines, 80, 24);
  assert.is(lines.length, 24);
  assert.is(lines[23]!.trimEnd(), ' q quit');
  assert.is(textWidth(lines[23]!), 80, 'the status bar spans the width');
  assert.equal(lines.slice(0, 7).join('\n'), [
    'corral 1234 · running · accept arbiter · gen 1 · up 3m05s · 127.0.0.1:8000',
    'accepts/s 250 · p50 250µs · p99 2.5ms · in-flight 0 · restarts 0 · workers 2/2',
    'accepts/s                                                   ▂▂▃▄▅▅▆▇▇█ max 250',
    '',
    ' ID KIND       PID STATE    INFL  ACC/S    P99  CPU    RSS    HB HISTORY',
    '  1 socket    4001 ready       0   12.5  2.5ms   5%  80.0M 300ms      ██████████',
    '  2 socket    4002 booting     0      0      -   5%  80.0M 300ms      ▁▁▁▁▁▁▁▁▁▁',
  ].join('\n'));
  assert.ok(lines.slice(7, 23).every((l) => l === ''));
  assert.not.match(lines.join('\n'), ESC);
});

test('120x40: wider columns, the history column grows', () => {
  const s = pool([1, 2, 3, 4].map((i) => worker(i)));
  const lines = renderTop(s, undefined, historyOf(s, 60), 120, 40, { statusLine: 'x' });
  checkFits(lines, 120, 40);
  assert.is(lines.length, 40);
  const row = lines.find((l) => l.includes('4001'))!;
  assert.match(row, / █{55}$/);
  assert.is(textWidth(row), 120);
});

test('many workers: as many rows as fit, then "… N more workers"; the status line stays', () => {
  const s = pool(Array.from({ length: 50 }, (_, i) => worker(i + 1)));
  for (const [w, h] of [[80, 24], [120, 40]] as const) {
    const lines = renderTop(s, undefined, historyOf(s), w, h, { statusLine: ' q quit' });
    checkFits(lines, w, h);
    assert.is(lines.length, h);
    const rows = lines.filter((l) => /^\s+\d+ socket/.test(l)).length;
    // header (3), blank, column heads, rows, "more", status line.
    assert.is(rows, h - 3 - 2 - 1 - 1);
    assert.is(lines[h - 2], `… ${50 - rows} more workers`);
    assert.is(lines[h - 1]!.trim(), 'q quit');
  }
  // Without a height limit (--once) every worker is listed.
  const all = renderTop(s, undefined, historyOf(s), 80, Infinity);
  assert.is(all.filter((l) => /^\s+\d+ socket/.test(l)).length, 50);
  assert.not.ok(all.some((l) => l.includes('more workers')));
  // Thousands of workers with a full minute each: no argument-list limits hit.
  const huge = pool(Array.from({ length: 5000 }, (_, i) => worker(i + 1)));
  const lines = renderTop(huge, undefined, historyOf(huge, 60), 80, 24, { statusLine: ' q' });
  assert.is(lines[22], `… ${5000 - 17} more workers`);
});

test('task apps: per-app queued, in flight, completed, failed, run p99; queue depths; jobs/s in the pool line', () => {
  const s = pool([worker(1), worker(2, { kind: 'task', acceptsPerSecond: 0, jobsCompleted: 40, capacity: 16 })], { interval: { durationMs: 1000, accepted: 10, requests: 10, p50Us: 250, p99Us: 1000, jobs: 30 } });
  const t: TasksStatus = {
    apps: [app('thumbnails'), app('mail', { queued: 1200, completed: 1_234_567 })],
    queue: { state: 'connected', queues: ['thumbnails'], held: 4, fetched: 100, succeeded: 90, failed: 2, retried: 1, dead: 0, depths: [{ queue: 'thumbnails', waiting: 17, delayed: 2, dead: 1 }] },
  };
  const lines = renderTop(s, t, historyOf(s), 80, 24, { statusLine: ' q quit' });
  checkFits(lines, 80, 24);
  const text = lines.join('\n');
  assert.match(text, /jobs\/s 30/);
  assert.match(renderTop(s, t, historyOf(s), 120, 24)[1]!, /workers 1\/1 \+ 1\/1 task$/);
  assert.match(text, /^\s+2 task\s+4002 ready\s+0\s+-/m);
  assert.match(text, /^APP\s+WORKERS\s+QUEUED\s+IN-FLIGHT\s+COMPLETED\s+FAILED\s+RUN P99/m);
  assert.match(text, /^thumbnails\s+1\s+3\s+2\s+90\s+5\s+12ms/m);
  assert.match(text, /^mail\s+1\s+1,200\s+2\s+1,234,567\s+5\s+12ms/m);
  assert.match(text, /^queues connected · held 4 · fetched 100 · failed 2 · retried 1 · dead 0$/m);
  assert.match(text, /^QUEUE\s+WAITING\s+DELAYED\s+DEAD\nthumbnails\s+17\s+2\s+1$/m);
  // 120 columns: the wait p99 too.
  assert.match(renderTop(s, t, historyOf(s), 120, 40).join('\n'), /RUN P99\s+WAIT P99\n/);
  // The interval's `accepted` counts task workers' jobs too: with task workers, the socket workers' own rates.
  assert.match(text, /^accepts\/s 12\.5 · /m);
  const h = new TopHistory();
  h.record(s);
  assert.equal(h.pool, [12.5]);
  // 55 columns: KIND stays (two kinds), P99 and HB go first.
  const narrow = renderTop(s, t, historyOf(s), 55, 24).join('\n');
  assert.match(narrow, /^ +2 task +4002 ready/m);
  assert.not.match(narrow, /P99 | HB/);
  // A pool of task workers only charts jobs/s.
  const tasksOnly = pool([worker(1, { kind: 'task' })], { listeners: [] });
  assert.match(renderTop(tasksOnly, t, historyOf(tasksOnly), 80, 24)[2]!, /^jobs\/s /);
});

test('task apps and many workers: the workers keep their rows, the task lines are cut', () => {
  const s = pool([...Array.from({ length: 30 }, (_, i) => worker(i + 1)), worker(31, { kind: 'task' })]);
  const t: TasksStatus = { apps: Array.from({ length: 10 }, (_, i) => app(`app${i}`)) };
  const lines = renderTop(s, t, historyOf(s), 80, 24, { statusLine: ' q' });
  checkFits(lines, 80, 24);
  assert.is(lines.length, 24);
  assert.ok(lines.filter((l) => /^\s+\d+ socket/.test(l)).length >= 5);
  assert.ok(lines.some((l) => /^… \d+ more workers$/.test(l)));
  const big = renderTop(s, t, historyOf(s), 120, 60, { statusLine: ' q' });
  assert.ok(big.some((l) => l.startsWith('app9')), 'all apps fit in 60 rows with 31 workers? then listed');
});

test('an empty pool, and no status yet', () => {
  const s = pool([], { targetWorkers: 0, listeners: [] });
  const lines = renderTop(s, undefined, new TopHistory(), 80, 24, { statusLine: ' q' });
  checkFits(lines, 80, 24);
  assert.ok(lines.includes('no workers'));
  assert.match(lines[0]!, /no listeners$/);
  const waiting = renderTop(undefined, undefined, new TopHistory(), 80, 24, { statusLine: ' arbiter gone' });
  assert.is(waiting[0], 'waiting for the arbiter…');
  assert.is(waiting.length, 24);
  assert.is(waiting[23]!.trim(), 'arbiter gone');
});

test('narrow terminals: columns drop (KIND, HB first), ID, PID and STATE stay; lines never wider', () => {
  const s = pool([worker(1), worker(2), worker(3, { kind: 'task' })], { restarts: [{ reason: 'killed', count: 2 }, { reason: 'reload', count: 4 }], listeners: ['127.0.0.1:8000', 'unix:/run/app.sock'] });
  const t: TasksStatus = { apps: [app('a-rather-long-task-app-name')] };
  for (const w of [1, 5, 20, 40, 60, 79, 80, 100, 200]) {
    for (const h of [1, 2, 5, 24]) {
      const lines = renderTop(s, t, historyOf(s), w, h, { statusLine: ' q quit · +/- workers', color: true });
      checkFits(lines, w, h);
      assert.is(lines.length, h);
    }
  }
  const at40 = renderTop(s, t, historyOf(s), 40, 24).join('\n');
  assert.match(at40, /^ ID +PID STATE/m);
  assert.not.match(at40, /KIND| HB/);
  // Restarts by reason when they fit, else their number; a second listener as "+1".
  assert.match(renderTop(s, t, historyOf(s), 120, 24)[1]!, /restarts killed 2, reload 4/);
  assert.match(renderTop(s, t, historyOf(s), 120, 24)[0]!, /127\.0\.0\.1:8000, unix:\/run\/app\.sock$/);
  assert.match(renderTop(s, t, historyOf(s), 80, 24)[0]!, /127\.0\.0\.1:8000 \+1$/);
  assert.match(renderTop(s, t, historyOf(s), 70, 24)[1]!, /restarts 6$/);
});

test('colours: states and the status bar, reset at the end; widths unchanged', () => {
  const s = pool([worker(1), worker(2, { state: 'booting' }), worker(3, { state: 'draining' }), worker(4, { state: 'stopping' })]);
  const plain = renderTop(s, undefined, historyOf(s), 80, 24, { statusLine: ' q' });
  const coloured = renderTop(s, undefined, historyOf(s), 80, 24, { statusLine: ' q', color: true });
  assert.equal(coloured.map((l) => l.replace(/\x1b\[[0-9;]*m/g, '')), plain);
  const text = coloured.join('\n');
  assert.match(text, /\x1b\[32mrunning\x1b\[0m/);
  assert.match(text, /\x1b\[32mready {3}\x1b\[0m/);
  assert.match(text, /\x1b\[33mbooting \x1b\[0m/);
  assert.match(text, /\x1b\[35mdraining\x1b\[0m/);
  assert.match(text, /\x1b\[35mstopping\x1b\[0m/);
  assert.match(coloured[23]!, /^\x1b\[7m q {78}\x1b\[0m$/);
});

test('text from the arbiter cannot move the cursor: control characters are shown as ?', () => {
  const s = pool([worker(1)], { listeners: ['evil\x1b[2J'] });
  const t: TasksStatus = { apps: [app('a\x1b]0;title\x07')] };
  const text = renderTop(s, t, historyOf(s), 120, 40).join('\n');
  assert.not.match(text, ESC);
  assert.match(text, /evil\?\[2J/);
});

test('poolAcceptsPerSecond: the interval without task workers, the socket workers\' rates with them', () => {
  const iv = { durationMs: 2000, accepted: 500, requests: 500, p50Us: 0, p99Us: 0, jobs: 0 };
  assert.is(poolAcceptsPerSecond(pool([worker(1), worker(2)], { interval: iv })), 250);
  assert.is(poolAcceptsPerSecond(pool([worker(1, { acceptsPerSecond: 3 }), worker(2, { kind: 'task', acceptsPerSecond: 400 })], { interval: iv })), 3);
  assert.is(poolAcceptsPerSecond(pool([], { interval: { ...iv, durationMs: 0 } })), 0);
});

test('TopHistory: per worker id, a new worker starts empty, a new pid too; gone workers forgotten; bounded', () => {
  const h = new TopHistory(5);
  const s1 = pool([worker(1, { acceptsPerSecond: 1 }), worker(2, { acceptsPerSecond: 2 })]);
  for (let i = 0; i < 7; i++) h.record(s1);
  assert.equal(h.workers.get(1), [1, 1, 1, 1, 1]);
  assert.is(h.pool.length, 5);
  assert.equal(h.pool, [250, 250, 250, 250, 250]);
  // Worker 2 was replaced by worker 3; worker 1 got a new pid under the same id.
  h.record(pool([worker(1, { pid: 9999, acceptsPerSecond: 7 }), worker(3, { acceptsPerSecond: 3 })]));
  assert.equal([...h.workers.keys()], [1, 3]);
  assert.equal(h.workers.get(1), [7]);
  assert.equal(h.workers.get(3), [3]);
  // A new arbiter (a re-exec): its workers are new even with the old ids and pids; the pool's line goes on.
  h.record(pool([worker(1, { pid: 9999, acceptsPerSecond: 5 })], { pid: 4321 }));
  assert.equal(h.workers.get(1), [5]);
  assert.is(h.pool.length, 5);
  // Task workers: jobs/s from jobsCompleted between polls (the arbiter's uptime as the clock).
  const t = new TopHistory();
  t.record(pool([worker(1, { kind: 'task', jobsCompleted: 10 })], { uptimeMs: 10_000 }));
  assert.equal(t.workers.get(1), []);
  t.record(pool([worker(1, { kind: 'task', jobsCompleted: 30 })], { uptimeMs: 12_000 }));
  assert.equal(t.workers.get(1), [10]);
  t.record(pool([worker(1, { kind: 'task', jobsCompleted: 30 })], { uptimeMs: 12_000 }));
  assert.equal(t.workers.get(1), [10], 'the same sample twice adds nothing');
});

test('format: bytesShort, rate, textWidth, clip, pad, printable', () => {
  assert.equal([bytesShort(0), bytesShort(512), bytesShort(80 * 1024 * 1024), bytesShort(1.5 * 1024 ** 3), bytesShort(300 * 1024)], ['-', '512B', '80.0M', '1.5G', '300K']);
  assert.equal([rate(0), rate(-1), rate(NaN), rate(0.25), rate(99.94), rate(1234.4)], ['0', '0', '0', '0.3', '99.9', '1,234']);
  assert.is(textWidth('\x1b[32mready\x1b[0m'), 5);
  assert.is(textWidth('▁▂µ·…'), 5);
  assert.is(textWidth('名前'), 4);
  assert.is(charWidth(0x301), 0);
  assert.is(clip('\x1b[32mready\x1b[0m', 3), '\x1b[32mrea\x1b[0m');
  assert.is(clip('plain', 3), 'pla');
  assert.is(clip('plain', 10), 'plain');
  assert.is(clip('名前x', 3), '名');
  assert.is(clip('a😀b', 2), 'a');
  assert.is(pad('ab', 4), 'ab  ');
  assert.is(pad('ab', 4, true), '  ab');
  assert.is(pad('abcdef', 4), 'abcdef');
  assert.is(printable('a\x1b[2J\nb\x9b'), 'a?[2J?b?');
});

function sink() {
  let text = '';
  return { write: (s: string) => (text += s), get text() { return text; } };
}

test('corral top: --help, bad usage (2), no arbiter (3)', async () => {
  const out = sink(), err = sink();
  assert.is(await top(['--help'], out, err), 0);
  assert.is(out.text, TOP_HELP);
  assert.match(TOP_HELP, /Usage: corral top \[--socket PATH \| --pidfile FILE\] \[--interval SECS\] \[--once\]/);
  assert.is(await top(['--interval', '0'], out, err), 2);
  assert.match(err.text, /--interval must be a number of seconds/);
  assert.is(await top(['--bogus'], out, err), 2);
  assert.is(await top(['status'], out, err), 2);
  const e3 = sink();
  assert.is(await top(['--socket', '/nonexistent/corral-top-test.sock'], out, e3), 3);
  assert.match(e3.text, /cannot connect to the control socket .*no such socket/);
  const e4 = sink();
  assert.is(await top(['--pidfile', '/nonexistent/corral-top-test.pid', '--once'], out, e4), 3);
  assert.match(e4.text, /cannot read the pidfile/);
});

test.run();
