// Beat with a fake clock, fake timers and a fake enqueue: no real time, no Redis.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Beat, validateSchedules, type BeatDeps, type Schedule } from './beat.js';
import { InvalidOptionError } from '../errors.js';

interface Call { queue: string; task: string; payload: unknown; options: Record<string, unknown> }
interface Timer { at: number; fn: () => void; cancelled: boolean }

class Host {
  t: number;
  timers: Timer[] = [];
  calls: Call[] = [];
  logs: [string, string][] = [];
  /** Whether the next enqueues reject; a number counts the rejections left. */
  fail: boolean | number = false;
  constructor(t: number) {
    this.t = t;
  }
  deps: BeatDeps = {
    now: () => this.t,
    setTimer: (fn, ms) => {
      const timer: Timer = { at: this.t + ms, fn, cancelled: false };
      this.timers.push(timer);
      return { cancel: () => void (timer.cancelled = true) };
    },
    enqueue: (queue, task, payload, options) => {
      this.calls.push({ queue, task, payload, options });
      if (this.fail === true || (typeof this.fail === 'number' && this.fail-- > 0)) return Promise.reject(new Error('ECONNREFUSED'));
      return Promise.resolve('job-id');
    },
    log: (level, msg) => void this.logs.push([level, msg]),
  };
  live(): Timer[] {
    return this.timers.filter((x) => !x.cancelled);
  }
  /** Fires the pending timer `lateMs` after its time (the clock moves there). */
  async fireNext(lateMs = 0): Promise<void> {
    const live = this.live();
    assert.is(live.length, 1, 'exactly one timer pending');
    const timer = live[0]!;
    timer.cancelled = true;
    this.t = Math.max(this.t, timer.at + lateMs);
    timer.fn();
    await new Promise((r) => setImmediate(r));
  }
  /** Fires timers in order until the clock reaches `t`. */
  async runUntil(t: number): Promise<void> {
    while (this.live().length > 0 && this.live()[0]!.at <= t) await this.fireNext();
    this.t = t;
  }
  keys(): unknown[] {
    return this.calls.map((c) => c.options.idempotencyKey);
  }
}

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const every = (name: string, everyMs: number, extra: Partial<Schedule> = {}): Schedule => ({ name, everyMs, queue: 'mail', task: 'digest.send', ...extra });

test('interval ticks fall on epoch multiples of everyMs, first one after now', async () => {
  const h = new Host(T0 + 12_345);
  const beat = new Beat([every('sync', 10_000, { payload: { full: true }, options: { priority: 0 } })], h.deps);
  beat.start();
  assert.equal(beat.nextTicks(), [{ name: 'sync', at: T0 + 20_000 }]);
  assert.is(h.live()[0]!.at, T0 + 20_000);
  await h.runUntil(T0 + 40_000);
  assert.equal(h.keys(), [`beat:sync:${T0 + 20_000}`, `beat:sync:${T0 + 30_000}`, `beat:sync:${T0 + 40_000}`]);
  assert.equal(h.calls[0], {
    queue: 'mail',
    task: 'digest.send',
    payload: { full: true },
    options: { priority: 0, idempotencyKey: `beat:sync:${T0 + 20_000}`, keyTtlMs: 3_600_000 },
  });
  assert.is(h.live().length, 1);
});

test('keyTtlMs is twice the period when that exceeds an hour', async () => {
  const h = new Host(T0 + 1);
  new Beat([every('daily', 86_400_000)], h.deps).start();
  await h.runUntil(T0 + 86_400_000);
  assert.equal(h.calls.map((c) => c.options.keyTtlMs), [172_800_000]);
  assert.is(h.calls[0]!.options.idempotencyKey, `beat:daily:${T0 + 86_400_000}`);
});

test('two beats started at different times agree on the keys of the same ticks', async () => {
  const schedules = [every('a', 15_000), { name: 'b', cron: '*/5 * * * *', queue: 'reports', task: 'build' }];
  const h1 = new Host(T0 + 1_000);
  const h2 = new Host(T0 + 7_777);
  const b1 = new Beat(schedules, h1.deps);
  const b2 = new Beat(schedules, h2.deps);
  b1.start();
  b2.start();
  assert.equal(b1.nextTicks(), b2.nextTicks());
  await h1.runUntil(T0 + 600_000);
  await h2.runUntil(T0 + 600_000);
  assert.is(h1.calls.length, 40 + 2);
  assert.equal(h1.keys(), h2.keys());
  assert.ok(h1.keys().includes(`beat:b:${T0 + 300_000}`));
});

test('cron */5 ticks every five minutes on the minute, in UTC by default', async () => {
  const h = new Host(T0 + 61_000);
  const beat = new Beat([{ name: 'c', cron: '*/5 * * * *', queue: 'q', task: 't' }], h.deps);
  beat.start();
  assert.equal(beat.nextTicks(), [{ name: 'c', at: T0 + 300_000 }]);
  await h.runUntil(T0 + 900_000);
  assert.equal(h.keys(), [300_000, 600_000, 900_000].map((d) => `beat:c:${T0 + d}`));
  assert.equal(h.calls.map((c) => c.options.keyTtlMs), [3_600_000, 3_600_000, 3_600_000]);
});

test('cron with a seconds field', () => {
  const h = new Host(T0 + 1);
  const beat = new Beat([{ name: 's', cron: '*/30 * * * * *', queue: 'q', task: 't' }], h.deps);
  beat.start();
  assert.equal(beat.nextTicks(), [{ name: 's', at: T0 + 30_000 }]);
});

test('timezone: 09:00 in Europe/Paris is 08:00Z in winter and 07:00Z in summer', () => {
  const s: Schedule = { name: 'nine', cron: '0 9 * * *', timezone: 'Europe/Paris', queue: 'q', task: 't' };
  const winter = new Host(T0);
  const b1 = new Beat([s], winter.deps);
  b1.start();
  assert.equal(b1.nextTicks(), [{ name: 'nine', at: Date.UTC(2025, 0, 1, 8) }]);
  const summer = new Host(Date.UTC(2025, 6, 1, 7, 30));
  const b2 = new Beat([s], summer.deps);
  b2.start();
  assert.equal(b2.nextTicks(), [{ name: 'nine', at: Date.UTC(2025, 6, 2, 7) }]);
  assert.is(winter.live()[0]!.at, T0 + 60_000, 'timers wait at most a minute');
});

test('a late timer enqueues its own tick once, then the next tick after now', async () => {
  const h = new Host(T0 + 500);
  const beat = new Beat([every('late', 10_000)], h.deps);
  beat.start();
  await h.fireNext(35_000); // the clock is now T0 + 45 000
  assert.equal(h.keys(), [`beat:late:${T0 + 10_000}`]);
  assert.equal(beat.nextTicks(), [{ name: 'late', at: T0 + 50_000 }]);
  await h.fireNext();
  assert.equal(h.keys(), [`beat:late:${T0 + 10_000}`, `beat:late:${T0 + 50_000}`]);
});

test('a timer more than a minute late reports the tick missed instead', async () => {
  const h = new Host(T0 + 500);
  const beat = new Beat([every('sleepy', 10_000)], h.deps);
  beat.start();
  await h.fireNext(3_600_000);
  assert.equal(h.calls, []);
  assert.equal(h.logs.filter(([l]) => l === 'warning').length, 1);
  assert.match(h.logs[0]![1], /sleepy: missed the tick of 2025-01-01T00:00:10.000Z/);
  assert.equal(beat.nextTicks(), [{ name: 'sleepy', at: T0 + 3_620_000 }]);
});

test('one timer for all schedules, at the earliest tick', async () => {
  const h = new Host(T0 + 1);
  const beat = new Beat([every('slow', 30_000), every('fast', 20_000), every('mid', 25_000)], h.deps);
  beat.start();
  assert.is(h.live().length, 1);
  assert.is(h.live()[0]!.at, T0 + 20_000);
  assert.equal(beat.nextTicks().map((x) => x.name), ['fast', 'mid', 'slow']);
  await h.runUntil(T0 + 60_000);
  const order: [string, number][] = [['fast', 20], ['mid', 25], ['slow', 30], ['fast', 40], ['mid', 50], ['slow', 60], ['fast', 60]];
  assert.equal(h.keys(), order.map(([n, s]) => `beat:${n}:${T0 + s * 1000}`));
  assert.is(h.live().length, 1);
});

test('stop() cancels the timer; start() resumes without catching up', async () => {
  const h = new Host(T0 + 1);
  const beat = new Beat([every('x', 10_000)], h.deps);
  beat.start();
  await h.runUntil(T0 + 10_000);
  beat.stop();
  assert.equal(h.live(), []);
  assert.equal(beat.nextTicks(), []);
  h.t = T0 + 55_000;
  beat.start();
  await h.runUntil(T0 + 60_000);
  assert.equal(h.keys(), [`beat:x:${T0 + 10_000}`, `beat:x:${T0 + 60_000}`]);
});

test('a rejected enqueue is retried with the same key, then succeeds', async () => {
  const h = new Host(T0 + 1);
  h.fail = 2;
  new Beat([every('r', 60_000)], h.deps).start();
  await h.runUntil(T0 + 60_000 + 1_500);
  assert.equal(h.keys(), Array(3).fill(`beat:r:${T0 + 60_000}`));
  assert.equal(h.logs.filter(([l]) => l === 'warning'), []);
  assert.is(h.live()[0]!.at, T0 + 120_000);
});

test('an enqueue failing until the next tick is reported once as missed', async () => {
  const h = new Host(T0 + 1);
  h.fail = true;
  new Beat([every('down', 60_000)], h.deps).start();
  await h.runUntil(T0 + 119_999);
  // attempts at +0, +0.5, +1.5, +3.5, +7.5, +15.5, +31.5 s; the next would be past the following tick
  assert.equal(h.keys(), Array(7).fill(`beat:down:${T0 + 60_000}`));
  const warnings = h.logs.filter(([l]) => l === 'warning');
  assert.is(warnings.length, 1);
  assert.match(warnings[0]![1], /down: missed the tick of 2025-01-01T00:01:00.000Z after 7 attempts: ECONNREFUSED/);
  h.fail = false;
  await h.runUntil(T0 + 120_000);
  assert.is(h.keys().at(-1), `beat:down:${T0 + 120_000}`);
  assert.is(h.calls.length, 8);
});

test('stop() drops pending retries and ignores enqueues still in flight', async () => {
  const h = new Host(T0 + 1);
  h.fail = true;
  const beat = new Beat([every('d', 60_000)], h.deps);
  beat.start();
  await h.fireNext();
  assert.is(h.live().length, 1, 'a retry is pending');
  beat.stop();
  assert.equal(h.live(), []);
  assert.equal(h.logs.filter(([l]) => l === 'warning'), []);
});

function rejects(list: unknown, pattern: RegExp): void {
  try {
    validateSchedules(list);
  } catch (err) {
    assert.instance(err, InvalidOptionError);
    assert.is((err as InvalidOptionError).code, 'CORRAL_ERR_INVALID_OPTION');
    assert.match((err as Error).message, pattern);
    return;
  }
  assert.unreachable(`accepted ${JSON.stringify(list)}`);
}

test('validation errors name the option', () => {
  const ok = every('a', 1000);
  rejects({}, /^schedules must be an array/);
  rejects([ok, ok, { name: 'c', cron: '* * *', queue: 'q', task: 't' }], /^schedules\[1\]\.name: "a" is used by another schedule/);
  rejects([ok, every('b', 1000), { name: 'c', cron: '* * *', queue: 'q', task: 't' }], /^schedules\[2\]\.cron: "\* \* \*" is not a cron expression \(.+\)/);
  rejects([{ name: 'c', cron: '61 * * * *', queue: 'q', task: 't' }], /^schedules\[0\]\.cron: "61 \* \* \* \*" is not a cron expression/);
  rejects([{ name: 'c', cron: '0 0 30 2 *', queue: 'q', task: 't' }], /^schedules\[0\]\.cron: .* never matches/);
  rejects([every('a', 999)], /^schedules\[0\]\.everyMs: must be an integer of at least 1000, got 999/);
  rejects([{ ...every('a', 1000), cron: '* * * * *' }], /^schedules\[0\]: must have exactly one of cron and everyMs/);
  rejects([{ name: 'a', queue: 'q', task: 't' }], /^schedules\[0\]: must have exactly one of/);
  rejects([every('a', 1000, { queue: 'has.dot' })], /^schedules\[0\]\.queue: "has\.dot" is not a queue name/);
  rejects([every('a', 1000, { task: '-x' })], /^schedules\[0\]\.task: "-x" is not a task name/);
  rejects([every('a', 1000, { timezone: 'Europe/Paris' })], /^schedules\[0\]\.timezone: applies only to a cron schedule/);
  rejects([{ name: 'c', cron: '* * * * *', timezone: 'Nowhere/Land', queue: 'q', task: 't' }], /^schedules\[0\]\.timezone: "Nowhere\/Land" is not an IANA timezone/);
  rejects([every('a', 1000, { options: { idempotencyKey: 'k' } })], /^schedules\[0\]\.options\.idempotencyKey: is set by the beat/);
  rejects([{ ...every('a', 1000), every: 5 }], /^schedules\[0\]\.every: is not a schedule option/);
  rejects([every('', 1000)], /^schedules\[0\]\.name: must be a string/);
  assert.throws(() => new Beat([every('a', 10)], new Host(0).deps), /schedules\[0\]\.everyMs/);
});

test('validation returns clean copies', () => {
  const opts = { priority: 2 };
  const [s] = validateSchedules([{ name: 'n', cron: '0 * * * *', timezone: 'Asia/Tokyo', queue: 'q_1', task: 'a.b-c', payload: [1], options: opts }]);
  assert.equal(s, { name: 'n', cron: '0 * * * *', timezone: 'Asia/Tokyo', queue: 'q_1', task: 'a.b-c', payload: [1], options: { priority: 2 } });
  assert.is.not(s!.options, opts);
});

test.run();
