import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emptyLatencyCounts, firstDecrease, latencyBucket, latencyCountsProblem, loadCountsAllowed } from './load-counts.js';
import { LATENCY_BOUNDS_US, LATENCY_BUCKETS, PROTOCOL_VERSION } from './limits.js';

test('17 buckets: 16 increasing bounds from 100 µs to 10 s, and one above [LOAD-9]', () => {
  assert.is(LATENCY_BOUNDS_US.length, 16);
  assert.is(LATENCY_BUCKETS, 17);
  assert.is(LATENCY_BOUNDS_US[0], 100);
  assert.is(LATENCY_BOUNDS_US[15], 10_000_000);
  assert.ok(LATENCY_BOUNDS_US.every((b, i) => i === 0 || b > (LATENCY_BOUNDS_US[i - 1] as number)));
  assert.equal(emptyLatencyCounts(), new Array(17).fill(0));
  assert.is.not(emptyLatencyCounts(), emptyLatencyCounts(), 'a fresh list each time');
});

test('a duration goes to the first bucket whose bound it does not exceed; a bound belongs to its own bucket [LOAD-10]', () => {
  assert.is(latencyBucket(0), 0);
  assert.is(latencyBucket(-1), 0, 'a clock that went backwards counts as 0');
  assert.is(latencyBucket(100), 0);
  assert.is(latencyBucket(100.001), 1);
  assert.is(latencyBucket(250), 1);
  assert.is(latencyBucket(3000), 5);
  LATENCY_BOUNDS_US.forEach((b, i) => {
    assert.is(latencyBucket(b), i, `${b} µs`);
    assert.is(latencyBucket(b + 1), i + 1, `${b + 1} µs`);
  });
  assert.is(latencyBucket(10_000_000.5), 16);
  assert.is(latencyBucket(3.6e9), 16, 'an hour');
  assert.is(latencyBucket(Infinity), 16);
});

test('a receiver takes an empty list or 17 counts, nothing else [LOAD-9, LOAD-14]', () => {
  assert.is(latencyCountsProblem([]), undefined);
  assert.is(latencyCountsProblem(emptyLatencyCounts()), undefined);
  assert.match(latencyCountsProblem([1, 2, 3]) ?? '', /3 counts, not 17/);
  assert.match(latencyCountsProblem(new Array(18).fill(0)) ?? '', /18 counts, not 17/);
});

test('firstDecrease finds the first count that went down [LOAD-11]', () => {
  assert.is(firstDecrease([1, 2, 3], [1, 2, 3]), -1);
  assert.is(firstDecrease([1, 2, 3], [2, 3, 4]), -1);
  assert.is(firstDecrease([1, 2, 3], [1, 1, 2]), 1);
  assert.is(firstDecrease([], [1]), -1);
});

test('the counts exist from 1.4 on (COMPAT-8)', () => {
  assert.is(loadCountsAllowed(3), false);
  assert.is(loadCountsAllowed(4), true);
  assert.is(loadCountsAllowed(undefined), false);
  assert.is(loadCountsAllowed(PROTOCOL_VERSION.minor), true);
});

test.run();
