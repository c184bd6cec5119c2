import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { negotiate, type HandshakeOffer } from './handshake.js';
import { CorralError, InvalidFieldError, InvalidOptionError, VersionMismatchError } from './errors.js';
import { DEFAULT_MAX_FRAME_BYTES, FEATURES, HARD_MAX_FRAME_BYTES, PROTOCOL_VERSION } from './limits.js';
import type { corral } from './codec.js';

function thrown(fn: () => unknown): CorralError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CorralError) return err;
    throw err;
  }
  throw new Error('expected a throw');
}

const offer: HandshakeOffer = { versions: [{ major: 1, minor: 0 }], features: [...FEATURES], maxFrameBytes: DEFAULT_MAX_FRAME_BYTES };

function hello(p: corral.v1.Hello.$Properties): corral.v1.Hello.$Properties {
  return { kind: 1, pid: 100, ...p };
}

test('1.0 against 1.0', () => {
  const r = negotiate(hello({ versions: [PROTOCOL_VERSION], features: ['accept.arbiter'], maxFrameBytes: 0 }), offer);
  assert.equal(r, { version: { major: 1, minor: 0 }, features: ['accept.arbiter'], maxFrameBytes: DEFAULT_MAX_FRAME_BYTES });
});

test('NEG-1: the highest common major, and the lower of the two minors', () => {
  const ours: HandshakeOffer = { ...offer, versions: [{ major: 1, minor: 4 }, { major: 2, minor: 1 }, { major: 3, minor: 0 }] };
  const r = negotiate(hello({ versions: [{ major: 1, minor: 9 }, { major: 2, minor: 7 }] }), ours);
  assert.equal(r.version, { major: 2, minor: 1 });
  assert.equal(negotiate(hello({ versions: [{ major: 2, minor: 0 }] }), ours).version, { major: 2, minor: 0 });
  // Order does not matter; the same major listed twice counts with its highest minor.
  const r2 = negotiate(hello({ versions: [{ major: 1, minor: 1 }, { major: 1, minor: 3 }, { major: 1 }] }), ours);
  assert.equal(r2.version, { major: 1, minor: 3 });
  const r3 = negotiate(hello({ versions: [{ major: 1, minor: 3 }] }), { ...offer, versions: [{ major: 1, minor: 2 }, { major: 1, minor: 0 }] });
  assert.equal(r3.version, { major: 1, minor: 2 });
});

test('NEG-2: no common major is VERSION_MISMATCH, fatal', () => {
  const err = thrown(() => negotiate(hello({ versions: [{ major: 2, minor: 0 }, { major: 3, minor: 1 }] }), offer));
  assert.instance(err, VersionMismatchError);
  assert.is(err.code, 'CORRAL_ERR_VERSION_MISMATCH');
  assert.is(err.wireCode, 202);
  assert.is(err.fatal, true);
  assert.match(err.message, /2\.0, 3\.1.*1\.0/);
  // A higher minor of an unknown major does not help.
  assert.instance(thrown(() => negotiate(hello({ versions: [{ minor: 5 }] }), offer)), VersionMismatchError);
});

test('HELLO-2: a Hello without versions is INVALID_FIELD', () => {
  for (const versions of [[], undefined, null]) {
    const err = thrown(() => negotiate(hello({ versions: versions as [] }), offer));
    assert.instance(err, InvalidFieldError);
    assert.is(err.wireCode, 206);
  }
});

test('NEG-3: features are the intersection, in offer order, without duplicates', () => {
  const r = negotiate(hello({
    versions: [PROTOCOL_VERSION],
    features: ['load-report', 'x.private', 'accept.arbiter', 'load-report', 'accept.handoff'],
  }), { ...offer, features: ['accept.handoff', 'accept.arbiter', 'tasks', 'load-report', 'accept.handoff'] });
  assert.equal(r.features, ['accept.handoff', 'accept.arbiter', 'load-report']);
  assert.equal(negotiate(hello({ versions: [PROTOCOL_VERSION] }), offer).features, []);
});

test('NEG-4: max frame is the smaller limit, 0 meaning the default, capped at 16 MiB', () => {
  const v = [PROTOCOL_VERSION];
  const max = (w: number, a: number): number => negotiate(hello({ versions: v, maxFrameBytes: w }), { ...offer, maxFrameBytes: a }).maxFrameBytes;
  assert.is(max(0, 0), DEFAULT_MAX_FRAME_BYTES);
  assert.is(max(4096, 0), 4096);
  assert.is(max(0, 1024), 1024);
  assert.is(max(1 << 20, 1 << 22), 1 << 20);
  assert.is(max(1 << 22, 1 << 20), 1 << 20);
  assert.is(max(0xffffffff, 0xffffffff), HARD_MAX_FRAME_BYTES);
  assert.is(max(1 << 20, 0), DEFAULT_MAX_FRAME_BYTES);
});

test('an offer without versions is an option error', () => {
  const err = thrown(() => negotiate(hello({ versions: [PROTOCOL_VERSION] }), { ...offer, versions: [] }));
  assert.instance(err, InvalidOptionError);
  assert.is(err.name, 'RangeError');
});

test.run();
