import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  corral, decodeMessage, encodeFrame, encodeMessage, kindOfField, messageFromJSON, messageToJSON, validate,
  MESSAGE_FIELD_NUMBERS, MESSAGE_KINDS, type Message, type OutMessage,
} from './codec.js';
import { CorralError, DecodeError, FrameEmptyError, FrameTooLargeError, InvalidFieldError, UnknownMessageError } from './errors.js';
import { EXAMPLE_MESSAGES, examplePayload } from './examples.js';
import { varint, lenField } from './raw.js';

function thrown(fn: () => unknown): CorralError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CorralError) return err;
    throw err;
  }
  throw new Error('expected a throw');
}

/**
 * Generated class instances, Buffers and plain objects -> comparable plain
 * values. Default values are dropped: a decoded message leaves them on the
 * prototype, an input object may spell them out.
 */
function plain(v: unknown): unknown {
  if (v instanceof Uint8Array) return Array.from(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[k];
      if (x === 0 || x === '' || x === false || x === null || x === undefined) continue;
      if ((Array.isArray(x) || x instanceof Uint8Array) && x.length === 0) continue;
      out[k] = plain(x);
    }
    return out;
  }
  return v;
}

function hex(s: string): Uint8Array {
  return Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
}

/** Raw protobuf field helpers, for hand-built envelopes. */

test('every message kind has an example with every field set', () => {
  assert.equal(Object.keys(EXAMPLE_MESSAGES).sort(), [...MESSAGE_KINDS].sort());
  for (const kind of MESSAGE_KINDS) {
    const m = EXAMPLE_MESSAGES[kind];
    assert.is(m.kind, kind);
    const decoded = decodeMessage(encodeMessage(m));
    // The generated classes keep one default per field on the prototype.
    const proto = Object.getPrototypeOf(decoded.body) as object;
    const fields = Object.getOwnPropertyNames(proto).filter((f) => f !== 'constructor' && f !== 'toJSON');
    assert.ok(fields.length > 0, kind);
    for (const f of fields) {
      const value = (decoded.body as unknown as Record<string, unknown>)[f];
      const empty = value === 0 || value === '' || value === false || value === null ||
        (Array.isArray(value) && value.length === 0) || (value instanceof Uint8Array && value.length === 0);
      assert.not.ok(empty, `${kind}.${f} is not set in the example`);
    }
  }
});

for (const kind of MESSAGE_KINDS) {
  test(`${kind} round-trips with all fields set`, () => {
    const m = EXAMPLE_MESSAGES[kind] as OutMessage;
    const bytes = encodeMessage(m);
    const decoded = decodeMessage(bytes);
    assert.is(decoded.kind, kind);
    assert.equal(plain(decoded.body), plain(m.body));
    validate(decoded);
    // Re-encoding the decoded message gives the same bytes.
    assert.equal(Array.from(encodeMessage(decoded as OutMessage)), Array.from(bytes));
    // The JSON form round-trips too.
    const json = messageToJSON(decoded);
    assert.equal(plain(messageFromJSON(json).body), plain(decoded.body));
  });
}

test('64-bit fields decode to plain numbers, zero included', () => {
  const hb = decodeMessage(encodeMessage({ kind: 'heartbeat', body: { timeMs: 2 ** 40 + 3 } }));
  assert.is(hb.kind, 'heartbeat');
  if (hb.kind !== 'heartbeat') return;
  assert.is(hb.body.timeMs, 2 ** 40 + 3);
  // A zero uint64 is absent on the wire and must read as the number 0, not Long(0).
  assert.is(hb.body.acceptedTotal, 0);
  assert.is(typeof hb.body.requestsTotal, 'number');
  const ack = decodeMessage(encodeMessage({ kind: 'handoffAck', body: { handoffIds: [2 ** 53 - 1, 0, 1] } }));
  assert.equal(ack.kind === 'handoffAck' && ack.body.handoffIds, [2 ** 53 - 1, 0, 1]);
});

test('Execute.meta (1.3) round-trips: UTF-8 beyond ASCII, an empty value, keys that name object properties', () => {
  const meta = { 'corral.job': 'j1', 'ünï': '日本 😀', empty: '', constructor: 'c', ['__proto__']: 'p' };
  const m = decodeMessage(encodeMessage({ kind: 'execute', body: { requestId: 5, name: 'a.b', meta } }));
  assert.is(m.kind, 'execute');
  if (m.kind !== 'execute') return;
  assert.equal(Object.keys(m.body.meta), Object.keys(meta));
  for (const [k, v] of Object.entries(meta)) assert.is(Object.getOwnPropertyDescriptor(m.body.meta, k)?.value, v, k);
  assert.is(Object.getPrototypeOf(m.body.meta), Object.prototype, '"__proto__" is an entry, not the prototype');
  // The JSON form keeps it too.
  const json = messageToJSON(m) as { execute: { meta: Record<string, string> } };
  assert.equal(Object.entries(json.execute.meta), Object.entries(meta));
});

test('Execute.meta on the wire: one entry message per key (1 key, 2 value); no field when empty; the last of two equal keys wins', () => {
  // Execute{request_id 1, meta {k: v}}: 08 01, then field 8: 42 06 [0a 01 6b] [12 01 76]
  assert.equal(Array.from(encodeMessage({ kind: 'execute', body: { requestId: 1, meta: { k: 'v' } } })), [0xf2, 0x01, 0x0a, 0x08, 0x01, 0x42, 0x06, 0x0a, 0x01, 0x6b, 0x12, 0x01, 0x76]);
  assert.equal(Array.from(encodeMessage({ kind: 'execute', body: { requestId: 1, meta: {} } })), [0xf2, 0x01, 0x02, 0x08, 0x01]);
  const twice = Uint8Array.from([0xf2, 0x01, 0x12, 0x08, 0x01, 0x42, 0x06, 0x0a, 0x01, 0x6b, 0x12, 0x01, 0x61, 0x42, 0x06, 0x0a, 0x01, 0x6b, 0x12, 0x01, 0x62]);
  const m = decodeMessage(twice);
  assert.equal(m.kind === 'execute' && { ...m.body.meta }, { k: 'b' });
  // An entry without a value is the empty string; one without a key, the empty key.
  const partial = decodeMessage(Uint8Array.from([0xf2, 0x01, 0x0b, 0x08, 0x01, 0x42, 0x03, 0x0a, 0x01, 0x6b, 0x42, 0x02, 0x12, 0x00]));
  assert.equal(partial.kind === 'execute' && { ...partial.body.meta }, { k: '', '': '' });
});

test('empty bodies encode as a zero-length field and decode with defaults', () => {
  const bytes = encodeMessage({ kind: 'ready', body: {} });
  assert.equal(Array.from(bytes), [0x1a, 0x00]);
  const m = decodeMessage(bytes);
  assert.is(m.kind, 'ready');
  assert.is(m.kind === 'ready' && m.body.capacity, 0);
  // Field numbers above 15 need a two-byte tag.
  assert.equal(Array.from(encodeMessage({ kind: 'stop', body: {} })), [0xaa, 0x01, 0x00]);
});

test('encodeFrame prefixes the envelope with its big-endian length', () => {
  const m = EXAMPLE_MESSAGES.welcome;
  const env = encodeMessage(m);
  const frame = encodeFrame(m);
  assert.ok(Buffer.isBuffer(frame));
  assert.is(frame.readUInt32BE(0), env.length);
  assert.equal(Array.from(frame.subarray(4)), Array.from(env));
});

test('encodeFrame refuses an envelope above the limit', () => {
  const m: OutMessage = { kind: 'execute', body: { requestId: 1, payload: examplePayload(100) } };
  const err = thrown(() => encodeFrame(m, 64));
  assert.instance(err, FrameTooLargeError);
  assert.is(err.code, 'CORRAL_ERR_FRAME_TOO_LARGE');
  assert.is((err as FrameTooLargeError).limit, 64);
  assert.ok((err as FrameTooLargeError).length > 100);
  assert.is(encodeFrame(m, 200).length, encodeMessage(m).length + 4);
});

test('encoded bytes do not change when the shared writer is reused', () => {
  const big = encodeMessage({ kind: 'execute', body: { requestId: 1, payload: examplePayload(200_000) } });
  const small = encodeMessage(EXAMPLE_MESSAGES.heartbeat);
  const again = encodeMessage({ kind: 'execute', body: { requestId: 1, payload: examplePayload(200_000) } });
  assert.equal(Buffer.compare(Buffer.from(big), Buffer.from(again)), 0);
  assert.equal(plain(decodeMessage(small).body), plain(EXAMPLE_MESSAGES.heartbeat.body));
  const m = decodeMessage(big);
  assert.is(m.kind === 'execute' && m.body.payload.length, 200_000);
});

test('encodeMessage rejects an unknown kind', () => {
  for (const kind of ['nope', 'constructor', 'toString']) {
    assert.throws(() => encodeMessage({ kind, body: {} } as unknown as OutMessage), /unknown message kind/);
  }
});

test('an encode that throws leaves the writer usable', () => {
  assert.throws(() => encodeMessage({ kind: 'hello', body: { versions: [null as unknown as corral.v1.Version.$Properties] } }));
  assert.equal(Array.from(encodeMessage({ kind: 'ready', body: { capacity: 1 } })), [0x1a, 0x02, 0x08, 0x01]);
});

test('decodes from a plain Uint8Array as well as a Buffer', () => {
  const bytes = Uint8Array.from(encodeMessage(EXAMPLE_MESSAGES.hello));
  assert.not.ok(Buffer.isBuffer(bytes));
  assert.equal(plain(decodeMessage(bytes).body), plain(EXAMPLE_MESSAGES.hello.body));
});

test('unknown fields inside known messages are ignored (COMPAT-1)', () => {
  const grant = Array.from(encodeMessage({ kind: 'acceptGrant', body: EXAMPLE_MESSAGES.acceptGrant.body }).subarray(2));
  const extras = [
    ...varint(99 * 8 + 0), ...varint(123456), // varint
    ...lenField(100, [1, 2, 3]), // length-delimited
    ...varint(101 * 8 + 5), 1, 2, 3, 4, // fixed32
    ...varint(102 * 8 + 1), 1, 2, 3, 4, 5, 6, 7, 8, // fixed64
    ...varint(103 * 8 + 3), ...varint(1 * 8 + 0), 7, ...varint(103 * 8 + 4), // group
  ];
  for (const body of [[...extras, ...grant], [...grant, ...extras]]) {
    const m = decodeMessage(Uint8Array.from(lenField(10, body)));
    assert.is(m.kind, 'acceptGrant');
    assert.equal(plain(m.body), plain(EXAMPLE_MESSAGES.acceptGrant.body));
    assert.is((m.body as { $unknowns?: unknown }).$unknowns, undefined);
  }
  // A known field sent with the wrong wire type is an unknown field too.
  const m = decodeMessage(Uint8Array.from(lenField(3, [...lenField(1, [9]), ...varint(1 * 8), 5])));
  assert.is(m.kind === 'ready' && m.body.capacity, 5);
});

test('unknown top-level fields beside a known body are ignored', () => {
  const hb = Array.from(encodeMessage(EXAMPLE_MESSAGES.heartbeat));
  for (const bytes of [[...lenField(150, [1]), ...hb], [...hb, ...varint(45 * 8), 1]]) {
    const m = decodeMessage(Uint8Array.from(bytes));
    assert.is(m.kind, 'heartbeat');
    assert.equal(plain(m.body), plain(EXAMPLE_MESSAGES.heartbeat.body));
  }
});

test('an envelope with only unknown field numbers is UNKNOWN_MESSAGE with that number (COMPAT-2)', () => {
  const cases: [number[], number][] = [
    [lenField(5, []), 5],
    [lenField(40, [8, 1]), 40],
    [lenField(99, [1, 2]), 99],
    [lenField(100, []), 100],
    [lenField(199, [0]), 199],
    [[...varint(150 * 8 + 0), 1], 150],
    [[...varint(200 * 8 + 5), 0, 0, 0, 0], 200],
    [[...varint(536870911 * 8 + 1), 0, 0, 0, 0, 0, 0, 0, 0], 536870911],
    [[...lenField(60, [1]), ...lenField(61, [1])], 60],
  ];
  for (const [bytes, number] of cases) {
    const err = thrown(() => decodeMessage(Uint8Array.from(bytes)));
    assert.instance(err, UnknownMessageError);
    assert.is(err.code, 'CORRAL_ERR_UNKNOWN_MESSAGE');
    assert.is(err.wireCode, 200);
    assert.is(err.fatal, false);
    assert.is((err as UnknownMessageError).messageType, number);
  }
});

test('malformed envelopes are DECODE errors', () => {
  const cases = [
    'ff', // truncated varint tag
    '22', // tag without length
    '2205', // length beyond the end
    '220308', // body truncated inside
    '2202 08ff', // varint running off the end of the body
    '07', // wire type 7
    '0e', // wire type 6
    '2001', // heartbeat (4) as a varint: a known body with the wrong wire type
    '25 00000000', // heartbeat as fixed32
    '0001', // field number 0
    '1b', // start group without an end
    '0c', // stray end group
    'ffffffffffffffffffff01', // over-long varint
  ];
  for (const c of cases) {
    const err = thrown(() => decodeMessage(hex(c)));
    assert.instance(err, DecodeError, c);
    assert.is(err.code, 'CORRAL_ERR_DECODE', c);
    assert.is(err.wireCode, 103);
    assert.is(err.fatal, true);
  }
});

test('an empty envelope is FRAME_EMPTY', () => {
  const err = thrown(() => decodeMessage(new Uint8Array(0)));
  assert.instance(err, FrameEmptyError);
  assert.is(err.wireCode, 101);
});

test('a repeated body field: the last one wins', () => {
  const a = Array.from(encodeMessage({ kind: 'ready', body: { capacity: 1 } }));
  const b = Array.from(encodeMessage({ kind: 'stop', body: { reason: 'x' } }));
  const m = decodeMessage(Uint8Array.from([...a, ...b]));
  assert.is(m.kind, 'stop');
});

test('repeated uint64 fields decode packed and unpacked', () => {
  const packed = encodeMessage({ kind: 'handoffAck', body: { handoffIds: [1, 300] } });
  assert.equal(Array.from(packed), [0x6a, 0x05, 0x0a, 0x03, 0x01, 0xac, 0x02]);
  const unpacked = Uint8Array.from(lenField(13, [0x08, 0x01, 0x08, 0xac, 0x02]));
  for (const bytes of [packed, unpacked]) {
    const m = decodeMessage(bytes);
    assert.equal(m.kind === 'handoffAck' && m.body.handoffIds, [1, 300]);
  }
});

test('kindOfField and MESSAGE_FIELD_NUMBERS agree with the generated Envelope', () => {
  for (const kind of MESSAGE_KINDS) {
    assert.is(kindOfField(MESSAGE_FIELD_NUMBERS[kind]), kind);
    const bytes = corral.v1.Envelope.encode({ [kind]: {} }).finish();
    assert.is(decodeMessage(bytes).kind, kind);
  }
  assert.is(kindOfField(5), undefined);
});

function validateError(m: OutMessage): CorralError {
  return thrown(() => validate(decodeMessage(encodeMessage(m))));
}

test('validate: Hello must list at least one version (HELLO-2)', () => {
  const err = validateError({ kind: 'hello', body: { kind: 1, pid: 1 } });
  assert.instance(err, InvalidFieldError);
  assert.is(err.code, 'CORRAL_ERR_INVALID_FIELD');
  assert.is(err.wireCode, 206);
  assert.match(err.message, /HELLO-2/);
});

test('validate: enum fields must hold a value this version defines (COMPAT-7)', () => {
  const cases: [OutMessage, RegExp][] = [
    [{ kind: 'hello', body: { versions: [{ major: 1 }], kind: 9 as corral.v1.WorkerKind } }, /Hello.kind/],
    [{ kind: 'welcome', body: { version: { major: 1 }, strategy: 42 as corral.v1.AcceptStrategy } }, /Welcome.strategy/],
    [{ kind: 'acceptDone', body: { reason: 7 as corral.v1.ReleaseReason } }, /AcceptDone.reason/],
    [{ kind: 'goodbye', body: { reason: 99 as corral.v1.GoodbyeReason } }, /Goodbye.reason/],
  ];
  for (const [m, re] of cases) {
    const err = validateError(m);
    assert.match(err.message, re);
    assert.match(err.message, /COMPAT-7/);
    assert.is(err.fatal, true);
  }
  // The zero values are defined values; a Welcome without version is left to negotiation (NEG-5).
  for (const m of [
    { kind: 'hello', body: { versions: [{ major: 1 }] } }, { kind: 'welcome', body: { workerId: 1 } },
    { kind: 'acceptDone', body: {} }, { kind: 'goodbye', body: {} },
  ] as OutMessage[]) validate(decodeMessage(encodeMessage(m)));
});

test('validate: ids above 2^53-1 (MSG-7), Execute.request_id 0 (TASK-7), handoff id 0 (HANDOFF-3)', () => {
  for (const kind of ['execute', 'result', 'chunk', 'end', 'cancel', 'error'] as const) {
    const err = validateError({ kind, body: { requestId: 2 ** 60 } } as OutMessage);
    assert.instance(err, InvalidFieldError);
    assert.match(err.message, /request_id 1152921504606847000 is above 2\^53-1 \[MSG-7\]/);
  }
  assert.match(validateError({ kind: 'handoff', body: { handoffId: 2 ** 53 } }).message, /handoff_id .*MSG-7/);
  assert.match(validateError({ kind: 'handoffAck', body: { refusedIds: [2 ** 54] } }).message, /refused_ids .*MSG-7/);
  assert.match(validateError({ kind: 'execute', body: { requestId: 0, name: 'x' } }).message, /Execute.request_id must not be 0 \[TASK-7\]/);
  assert.match(validateError({ kind: 'handoffAck', body: { handoffIds: [1, 0] } }).message, /handoff_ids has handoff id 0.*HANDOFF-3/);
  assert.match(validateError({ kind: 'handoff', body: { listener: 1 } }).message, /ConnectionHandoff.handoff_id has handoff id 0/);
  assert.match(validateError({ kind: 'handoffAck', body: { refusedIds: [0] } }).message, /refused_ids/);
  // Only Execute must have a request id; the others are checked against the job table by the caller.
  for (const m of [
    { kind: 'error', body: { code: 401 } }, { kind: 'result', body: {} }, { kind: 'cancel', body: {} },
    { kind: 'ready', body: {} }, { kind: 'drain', body: {} },
    { kind: 'handoff', body: { handoffId: 2 ** 53 - 1 } },
  ] as OutMessage[]) validate(decodeMessage(encodeMessage(m)));
});

test('validate accepts every example', () => {
  for (const kind of MESSAGE_KINDS) validate(decodeMessage(encodeMessage(EXAMPLE_MESSAGES[kind])) as Message);
});

test('messageToJSON is canonical protobuf JSON', () => {
  assert.equal(messageToJSON(EXAMPLE_MESSAGES.goodbye), {
    goodbye: { reason: 'GOODBYE_REASON_DRAINED', detail: 'drained 12 connections', acceptedTotal: '4294967301' },
  });
  assert.equal(messageToJSON({ kind: 'chunk', body: { requestId: 1, seq: 0, payload: Uint8Array.from([0, 1, 2]) } }), {
    chunk: { requestId: '1', payload: 'AAEC' },
  });
});

test('messageFromJSON rejects an envelope without a known body', () => {
  assert.throws(() => messageFromJSON({}), /no known message body/);
  assert.throws(() => messageFromJSON({ bogus: {} }), /no known message body/);
});

test.run();
