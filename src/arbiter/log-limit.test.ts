import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LogLimiter, describeSuppressed } from './log-limit.js';

function limiter(burst = 3, intervalMs = 10_000) {
  const clock = { t: 0 };
  return { clock, l: new LogLimiter({ burst, intervalMs, now: () => clock.t }) };
}

test('the first `burst` occurrences are logged, the rest counted', () => {
  const { l } = limiter(3);
  const admitted = Array.from({ length: 10 }, (_, i) => l.admit('w1', `m${i}`));
  assert.equal(admitted, [true, true, true, false, false, false, false, false, false, false]);
});

test('a summary per interval while suppression lasts, with the count and the last message', () => {
  const { clock, l } = limiter(2, 10_000);
  for (let i = 0; i < 5; i++) l.admit('w1', `m${i}`);
  clock.t = 9_999;
  assert.equal(l.due(), [], 'not before the interval has passed');
  clock.t = 10_000;
  assert.equal(l.due(), [{ key: 'w1', count: 3, spanMs: 10_000, last: 'm4' }]);
  assert.equal(l.due(), [], 'reported once');
  // The flood goes on: still suppressed, summarised again an interval later.
  for (let i = 0; i < 1000; i++) { clock.t = 10_000 + i; assert.not.ok(l.admit('w1', `n${i}`)); }
  clock.t = 20_000;
  assert.equal(l.due(), [{ key: 'w1', count: 1000, spanMs: 10_000, last: 'n999' }]);
});

test('keys are independent', () => {
  const { l } = limiter(1);
  assert.ok(l.admit('w1', 'a'));
  assert.not.ok(l.admit('w1', 'a'));
  assert.ok(l.admit('w2', 'a'));
});

test('a key quiet for a whole interval is forgotten and logs again', () => {
  const { clock, l } = limiter(1, 10_000);
  l.admit('w1', 'a');
  assert.not.ok(l.admit('w1', 'b'));
  clock.t = 10_000;
  assert.is(l.due().length, 1);
  clock.t = 20_000;
  assert.equal(l.due(), [], 'nothing suppressed since');
  assert.is(l.size, 0, 'forgotten');
  assert.ok(l.admit('w1', 'c'), 'logged again');
});

test('end() returns what is still suppressed and forgets the key', () => {
  const { clock, l } = limiter(1);
  l.admit('w1', 'a');
  clock.t = 500;
  l.admit('w1', 'b');
  l.admit('w1', 'c');
  clock.t = 2_500;
  assert.equal(l.end('w1'), { key: 'w1', count: 2, spanMs: 2_000, last: 'c' });
  assert.is(l.size, 0);
  assert.is(l.end('w1'), undefined);
  l.admit('w2', 'a');
  assert.is(l.end('w2'), undefined, 'nothing suppressed: nothing to report');
});

test('describeSuppressed', () => {
  assert.is(describeSuppressed({ key: 'k', count: 12, spanMs: 10_000, last: 'unknown message type 47' }), '12 more suppressed in the last 10 s (last: unknown message type 47)');
  assert.is(describeSuppressed({ key: 'k', count: 2, spanMs: 2_000, last: 'x' }), '2 more suppressed in the last 2.0 s (last: x)');
});

test.run();
