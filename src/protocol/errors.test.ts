import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as errors from './errors.js';
import {
  CorralError, DecodeError, FrameTooLargeError, InternalError, InvalidOptionError, RemoteError, TaskFailedError,
  UnknownMessageError, WireError, WIRE_ERRORS, errorFromWire, errorFromWireMessage, toWireError, MAX_WIRE_MESSAGE_BYTES,
} from './errors.js';
import { CmsgTruncatedError, NativeError, NativeUnavailableError } from '../errors.js';
import { ErrorCode } from './codec.js';

type AnyCtor = new (...args: never[]) => CorralError;
const classes: AnyCtor[] = (Object.values(errors) as unknown[]).filter(
  (v): v is AnyCtor => typeof v === 'function' && (v as AnyCtor).prototype instanceof WireError,
);

test('WIRE_ERRORS lists exactly the proto ErrorCode values, with CORRAL_ERR_ names', () => {
  const fromProto = Object.entries(ErrorCode)
    .filter(([name]) => name !== 'ERROR_CODE_UNSPECIFIED')
    .map(([name, n]) => [`CORRAL_ERR_${name.slice('ERROR_CODE_'.length)}`, n]);
  const ours = Object.values(WIRE_ERRORS).map((k) => [k.code, k.wireCode]);
  assert.equal(ours, fromProto);
  for (const [name, k] of Object.entries(WIRE_ERRORS)) assert.is(k.code, `CORRAL_ERR_${name}`);
});

test('one class per wire code; each maps back from the wire to itself', () => {
  assert.is(classes.length, Object.keys(WIRE_ERRORS).length);
  const seen = new Set<number>();
  for (const kind of Object.values(WIRE_ERRORS)) {
    const err = errorFromWire(kind.wireCode, 'm');
    assert.instance(err, CorralError);
    assert.instance(err, WireError);
    assert.instance(err, Error);
    assert.is(err.code, kind.code);
    assert.is(err.wireCode, kind.wireCode);
    assert.is(err.fatal, kind.fatal);
    assert.is(err.message, 'm');
    assert.is(err.name, err.constructor.name);
    seen.add(classes.indexOf(err.constructor as AnyCtor));
  }
  assert.is(seen.size, classes.length);
  assert.not.ok(seen.has(-1));
});

test('fatal defaults: framing, decode and version errors are fatal; unknown message is not', () => {
  for (const k of ['FRAME_TOO_LARGE', 'FRAME_EMPTY', 'FRAME_TRUNCATED', 'DECODE', 'VERSION_MISMATCH', 'UNEXPECTED_MESSAGE'] as const) {
    assert.ok(WIRE_ERRORS[k].fatal, k);
  }
  assert.not.ok(WIRE_ERRORS.UNKNOWN_MESSAGE.fatal);
  assert.not.ok(new UnknownMessageError(42).fatal);
  assert.ok(new DecodeError().fatal);
});

test('constructors take a default message and options', () => {
  const cause = new Error('inner');
  const e = new DecodeError(undefined, { cause, fatal: false, requestId: 9 });
  assert.is(e.message, 'undecodable frame');
  assert.is(e.cause, cause);
  assert.is(e.fatal, false);
  assert.is(e.requestId, 9);
  const big = new FrameTooLargeError('too big', { length: 10, limit: 5 });
  assert.is(big.length, 10);
  assert.is(big.limit, 5);
  assert.is(new FrameTooLargeError().length, 0);
  const u = new UnknownMessageError(77);
  assert.is(u.messageType, 77);
  assert.is(u.message, 'unknown message type 77');
  for (const C of classes) {
    const err = C === (UnknownMessageError as unknown) ? new UnknownMessageError(1) : new (C as unknown as new () => CorralError)();
    assert.ok(err.message.length > 0, C.name);
    assert.is(err.requestId, 0);
  }
});

test('errorFromWire: unknown codes, fatal from the peer, request id and message type', () => {
  const r = errorFromWire(1234, 'custom', { fatal: true });
  assert.instance(r, RemoteError);
  assert.is(r.code, 'CORRAL_ERR_REMOTE');
  assert.is(r.wireCode, 1234);
  assert.is(r.fatal, true);
  assert.is(errorFromWire(0, 'x').fatal, false);
  const t = errorFromWire(303, 'boom', { requestId: 17, fatal: false });
  assert.instance(t, TaskFailedError);
  assert.is(t.requestId, 17);
  assert.is(errorFromWire(303, 'boom', { requestId: 0 }).requestId, 0);
  const u = errorFromWire(200, 'what', { messageType: 42 });
  assert.instance(u, UnknownMessageError);
  assert.is((u as UnknownMessageError).messageType, 42);
  assert.is((errorFromWire(200, 'what') as UnknownMessageError).messageType, 0);
  assert.is(errorFromWire(101, 'overridden', { fatal: false }).fatal, false);
});

test('errorFromWireMessage reads an Error body', () => {
  const e = errorFromWireMessage({ code: 200, message: 'unknown message type 50', fatal: false, messageType: 50 });
  assert.instance(e, UnknownMessageError);
  assert.is((e as UnknownMessageError).messageType, 50);
  const t = errorFromWireMessage({ code: 301, requestId: 5, fatal: true });
  assert.is(t.code, 'CORRAL_ERR_TASK_TIMEOUT');
  assert.is(t.requestId, 5);
  assert.is(t.fatal, true);
  assert.is(t.message, '');
  const empty = errorFromWireMessage({});
  assert.instance(empty, RemoteError);
  assert.is(empty.fatal, false);
});

test('toWireError keeps code, fatality, request id and message type', () => {
  assert.equal(toWireError(new UnknownMessageError(42)), {
    messageType: 42, code: 200, message: 'unknown message type 42', fatal: false,
  });
  assert.equal(toWireError(new TaskFailedError('bad input', { requestId: 8 })), {
    requestId: 8, code: 303, message: 'bad input', fatal: false,
  });
  assert.equal(toWireError(new FrameTooLargeError('big')), { code: 100, message: 'big', fatal: true });
  // Round trip.
  const back = errorFromWireMessage(toWireError(new UnknownMessageError(99)));
  assert.instance(back, UnknownMessageError);
  assert.is((back as UnknownMessageError).messageType, 99);
});

test('toWireError reports anything else as INTERNAL, fatal', () => {
  assert.equal(toWireError(new Error('oops')), { code: 401, message: 'oops', fatal: true });
  assert.equal(toWireError('a string'), { code: 401, message: 'a string', fatal: true });
  assert.equal(toWireError(new InvalidOptionError('options.x must be a positive integer')).code, 401);
  assert.is(new InternalError().wireCode, 401);
});

test('toWireError bounds the message to 1024 octets of UTF-8 without splitting a character (ERR-2)', () => {
  const long = toWireError(new Error('x'.repeat(5000))).message!;
  assert.is(Buffer.byteLength(long), MAX_WIRE_MESSAGE_BYTES);
  assert.ok(long.endsWith('\u2026'));
  for (const ch of ['\u{1F600}', '\u00e9', '\u4e2d']) {
    const text = 'a'.repeat(7) + ch.repeat(2000);
    const cut = toWireError(new Error(text)).message!;
    assert.ok(Buffer.byteLength(cut) <= MAX_WIRE_MESSAGE_BYTES, ch);
    assert.ok(Buffer.byteLength(cut) > MAX_WIRE_MESSAGE_BYTES - 8, ch);
    assert.not.ok(cut.includes('\ufffd'), `${ch}: no broken character`);
    assert.ok(text.startsWith(cut.slice(0, -1)), ch);
  }
  const exact = 'y'.repeat(MAX_WIRE_MESSAGE_BYTES);
  assert.is(toWireError(new Error(exact)).message, exact);
  assert.is(toWireError(new Error('short')).message, 'short');
});

test('local-only errors: InvalidOptionError and the native errors', () => {
  const t = new InvalidOptionError('options.workers must be a positive integer');
  assert.is(t.code, 'CORRAL_ERR_INVALID_OPTION');
  assert.is(t.wireCode, undefined);
  assert.is(t.name, 'TypeError');
  const r = new InvalidOptionError('options.workers must be at most 1024', { range: true, cause: 1 });
  assert.is(r.name, 'RangeError');
  assert.is(r.cause, 1);
  assert.instance(r, CorralError);
  const n = new NativeError('epoll failed');
  assert.is(n.code, 'CORRAL_ERR_NATIVE');
  const u = new NativeUnavailableError(undefined, { cause: new Error('dlopen') });
  assert.is(u.code, 'CORRAL_ERR_NATIVE_UNAVAILABLE');
  assert.instance(u, NativeError);
  assert.is(u.name, 'NativeUnavailableError');
  assert.is(new CmsgTruncatedError().code, 'CORRAL_ERR_CMSG_TRUNCATED');
  const base = new CorralError('CORRAL_ERR_X', 'x');
  assert.is(base.fatal, false);
  assert.is(base.wireCode, undefined);
});

test.run();
