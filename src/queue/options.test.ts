import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { backoffDelay, checkBackoff, checkKey, checkQueueName, checkTaskName, parseRate } from './options.js';
import { resolveQueueOptions } from '../arbiter/queue-options.js';

test('backoff: delay × factor^(n−1), capped; jitter takes off up to half', () => {
  const b = { delayMs: 100, factor: 2, maxMs: 1000, jitter: false };
  assert.equal([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(b, n)), [100, 200, 400, 800, 1000, 1000]);
  const j = { ...b, jitter: true };
  assert.is(backoffDelay(j, 3, () => 0), 400);
  assert.is(backoffDelay(j, 3, () => 0.999999), 200);
  assert.equal(checkBackoff(250), { delayMs: 250, factor: 2, maxMs: 600_000, jitter: true });
  assert.throws(() => checkBackoff({ factor: 0.5 }), /backoff.factor: must be a number from 1 to 100/);
  assert.throws(() => checkBackoff('x'), /backoff: must be ms or/);
});

test('rates: "N/unit" and "N/Kunit" to [max, windowMs]; anything else names the option', () => {
  assert.equal(parseRate('10/s', 'r'), [10, 1000]);
  assert.equal(parseRate('100/m', 'r'), [100, 60_000]);
  assert.equal(parseRate('5/200ms', 'r'), [5, 200]);
  assert.equal(parseRate('1/2h', 'r'), [1, 7_200_000]);
  for (const bad of ['10', '0/s', '10/d', 'fast', 10]) assert.throws(() => parseRate(bad, 'queue.rateLimits["q.t"]'), /queue\.rateLimits\["q\.t"\]: .* is not a rate/);
});

test('names and keys', () => {
  assert.is(checkQueueName('images'), 'images');
  assert.throws(() => checkQueueName('im ages'), /queue: "im ages" is not a queue name/);
  assert.throws(() => checkQueueName('a.b'), /not a queue name/);
  assert.is(checkTaskName('thumb.small'), 'thumb.small');
  assert.throws(() => checkTaskName('.x'), /not a task name/);
  assert.throws(() => checkKey('has space', 'idempotencyKey'), /idempotencyKey: must be 1-128 printable ASCII/);
  assert.throws(() => checkKey('x'.repeat(129), 'jobId'), /jobId/);
});

test('the arbiter\'s queue option: defaults, every queue an app, and errors that name the option', () => {
  assert.is(resolveQueueOptions(undefined, ['a']), undefined);
  const o = resolveQueueOptions({ redis: 'redis://h:1' }, ['a', 'b'])!;
  assert.equal([o.queues, o.prefix, o.visibilityMs, o.maxDeliveries, o.prefetch], [['a', 'b'], 'corral', 30_000, 3, 0]);
  assert.equal(resolveQueueOptions({ redis: 'redis://h:1', rateLimits: { 'a.t': '2/s' }, prefetch: '8' as never }, ['a'])!.rates, { 'a.t': [2, 1000] });
  const bad: [unknown, RegExp][] = [
    [{ redis: 'http://x' }, /queue.redis: must be a redis:\/\//],
    [{ redis: 'redis://h', queues: ['c'] }, /queue.queues: "c" is not one of the task apps/],
    [{ redis: 'redis://h', visibilityMs: 10 }, /queue.visibilityMs: must be a whole number of ms >= 300/],
    [{ redis: 'redis://h', maxDeliveries: 0 }, /queue.maxDeliveries: must be a whole number >= 1/],
    [{ redis: 'redis://h', rateLimits: { a: '1/s' } }, /queue.rateLimits: key "a" must be "queue.task"/],
    [{ redis: 'redis://h', bogus: 1 }, /queue.bogus: unknown option/],
    [{ redis: 'redis://h', blockMs: 40_000 }, /queue.blockMs \(40000\) must be less than queue.visibilityMs/],
    [{ redis: 'redis://h', schedules: [{ name: 'x', queue: 'a', task: 't' }] }, /schedules\[0\]/],
    ['redis://h', /queue: must be an object/],
  ];
  for (const [input, re] of bad) assert.throws(() => resolveQueueOptions(input, ['a']), re);
  assert.throws(() => resolveQueueOptions({ redis: 'redis://h' }, []), /queue.queues: no queue to consume/);
});

test.run();
