import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BootGuard } from './boot-guard.js';

test('spawns every missing worker while healthy', () => {
  const g = new BootGuard({ maxFailures: 3, baseDelayMs: 100, maxDelayMs: 1000 });
  assert.is(g.allowance(0, 4), 4);
  assert.is(g.allowance(0, 0), 0);
});

test('after a failure: one at a time, exponential backoff, capped', () => {
  const g = new BootGuard({ maxFailures: 10, baseDelayMs: 100, maxDelayMs: 350 });
  assert.is(g.failed(0), false);
  assert.is(g.allowance(50, 4), 0);
  assert.is(g.allowance(100, 4), 1);
  g.spawned();
  assert.is(g.allowance(10_000, 3), 0, 'waits for the outcome of the one it spawned');
  g.failed(1000);
  assert.is(g.notBefore, 1200);
  g.failed(2000);
  assert.is(g.notBefore, 2350, 'capped at maxDelayMs');
});

test('halts after maxFailures in a row; a success resets', () => {
  const g = new BootGuard({ maxFailures: 3, baseDelayMs: 1, maxDelayMs: 1 });
  assert.is(g.failed(0), false);
  assert.is(g.failed(0), false);
  g.succeeded();
  assert.is(g.failures, 0);
  assert.is(g.allowance(0, 2), 2);
  g.failed(0); g.failed(0);
  assert.is(g.failed(0), true);
});

test('failures by a foreign signal back off but never halt', () => {
  const g = new BootGuard({ maxFailures: 2, baseDelayMs: 100, maxDelayMs: 10_000 });
  for (let i = 0; i < 20; i++) assert.is(g.failed(0, false), false);
  assert.is(g.failures, 0);
  assert.is(g.streak, 20);
  assert.is(g.notBefore, 10_000, 'the backoff still grows, to its cap');
  assert.is(g.allowance(10_000, 3), 1, 'one at a time while failing');
  assert.is(g.failed(0, true), false);
  assert.is(g.failed(0, true), true, 'own failures still halt');
});

test.run();
