import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { hasRoom, pickLeastLoaded } from './policy.js';

const c = (id: number, inFlight: number, acceptedTotal = 0, capacity = 10) => ({ id, inFlight, acceptedTotal, capacity });

test('least loaded, then fewest accepted, then lowest id', () => {
  assert.is(pickLeastLoaded([c(1, 3), c(2, 1), c(3, 2)])?.id, 2);
  assert.is(pickLeastLoaded([c(1, 1, 9), c(2, 1, 4), c(3, 1, 4)])?.id, 2);
  assert.is(pickLeastLoaded([c(3, 0), c(1, 0)])?.id, 1);
});

test('full candidates and the excluded one are skipped', () => {
  assert.is(pickLeastLoaded([c(1, 10), c(2, 10)]), undefined);
  assert.is(pickLeastLoaded([c(1, 0), c(2, 5)], 1)?.id, 2);
  assert.ok(hasRoom(c(1, 99, 0, 0)), 'capacity 0 = unbounded');
});

test.run();
