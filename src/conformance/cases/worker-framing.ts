// Worker cases: framing and robustness against what an arbiter might send.
//
//   frame = uint32 big-endian N | N bytes of Envelope
//   N > limit   -> Error{FRAME_TOO_LARGE, fatal}, close        (judged on the length alone)
//   N = 0       -> Error{FRAME_EMPTY, fatal}, close
//   garbage     -> Error{DECODE, fatal}, close
//   unknown body field number -> Error{UNKNOWN_MESSAGE, message_type, fatal: false}, carry on
//   unknown field inside a known message -> ignored
import { encodeFrame, encodeMessage } from '../../protocol/codec.js';
import { frameHeader } from '../../protocol/framer.js';
import { DEFAULT_MAX_FRAME_BYTES } from '../../protocol/limits.js';
import { describeIncoming, rawFrame } from '../wire.js';
import { check, fail, type WorkerContext } from '../worker-context.js';
import { sleep, type TestWorker } from '../worker-harness.js';
import { FairDeadline } from '../starvation.js';
import { ErrorCode, GoodbyeReason, PARTIAL_HEAD, codeName, expectDrained, expectFatalError, expectNotBootStatus, expectQuiet, variants, workerCase, type WorkerCase } from './common.js';
import { varint } from '../../protocol/raw.js';


/** Unknown fields of every wire type, numbered 50-53 (unused in every 1.0 message). */
const UNKNOWN_FIELDS = Buffer.from([
  ...varint((50 << 3) | 0), ...varint(123456),
  ...varint((51 << 3) | 2), 3, 0x61, 0x62, 0x63,
  ...varint((52 << 3) | 5), 1, 2, 3, 4,
  ...varint((53 << 3) | 1), 1, 2, 3, 4, 5, 6, 7, 8,
]);

/** An Envelope whose body (field `field`) carries `body` plus the unknown fields above. */
function withUnknownFields(field: number, body: Uint8Array): Buffer {
  const inner = Buffer.concat([body, UNKNOWN_FIELDS]);
  return Buffer.concat([Buffer.from([...varint((field << 3) | 2), ...varint(inner.length)]), inner]);
}

/** The body bytes of a message (its Envelope minus the tag and length). */
function bodyBytes(envelope: Uint8Array): Uint8Array {
  let i = 0;
  while ((envelope[i] as number) & 0x80) i++; // tag
  i++;
  while ((envelope[i] as number) & 0x80) i++; // length
  return envelope.subarray(i + 1);
}

async function ready(ctx: WorkerContext, over = {}): Promise<TestWorker> {
  return ctx.ready(over);
}

/** The frame limit the worker must apply after our Welcome. */
function limitOf(w: TestWorker): number {
  return w.welcome?.maxFrameBytes || DEFAULT_MAX_FRAME_BYTES;
}

export const framingCases: WorkerCase[] = [
  workerCase({
    id: 'W-FR-001',
    section: '3.3',
    slug: 'oversize-frame',
    title: 'A length above the limit is FRAME_TOO_LARGE, fatal, judged on the four length octets alone; nothing after it is read',
    requirements: ['FRAME-5', 'ERR-5', 'FRAME-13', 'EXIT-5'],
    level: 'MUST',
    procedure: ['Complete the handshake.', 'In one write: a length prefix of limit + 1 (no payload), then a complete Drain frame.'],
    expectations: [
      `Error{code: ${codeName(100)}, fatal: true}, then end of stream and exit (not with status 3 or 4).`,
      'The Drain after the bad length is not acted on (no Goodbye{DRAINED}).',
    ],
    async run(ctx) {
      const w = await ready(ctx);
      const bytes = Buffer.concat([frameHeader(limitOf(w) + 1), encodeFrame({ kind: 'drain', body: { deadlineMs: 1000 } })]);
      w.wire.sendRaw(bytes, 'length-only+drain', { length: limitOf(w) + 1 });
      await expectFatalError(ctx, w, ErrorCode.ERROR_CODE_FRAME_TOO_LARGE, ['FRAME-5']);
      const bye = w.wire.received.find((i) => i.type === 'message' && i.message.kind === 'goodbye' && i.message.body.reason === GoodbyeReason.GOODBYE_REASON_DRAINED);
      check(bye === undefined, 'the worker interpreted octets after a fatal framing error', 'nothing acted on after the bad length', 'a Drain was honoured', ['FRAME-13']);
      expectNotBootStatus(w);
    },
  }),
  workerCase({
    id: 'W-FR-002',
    section: '3.3',
    slug: 'zero-length-frame',
    title: 'A zero length is FRAME_EMPTY, fatal',
    requirements: ['FRAME-3'],
    level: 'MUST',
    procedure: ['Complete the handshake.', 'Send the length prefix 0.'],
    expectations: [`Error{code: ${codeName(101)}, fatal: true}, then close and exit.`],
    async run(ctx) {
      const w = await ready(ctx);
      w.wire.sendRaw(frameHeader(0), 'zero-length');
      await expectFatalError(ctx, w, ErrorCode.ERROR_CODE_FRAME_EMPTY, ['FRAME-3']);
    },
  }),
  workerCase({
    id: 'W-FR-003',
    section: '3.4',
    slug: 'undecodable-envelopes',
    title: 'Envelopes that are not valid protobuf are DECODE, fatal',
    requirements: ['FRAME-7', 'FRAME-12'],
    level: 'MUST',
    procedure: [
      'Start five workers and complete their handshakes; send each one frame whose Envelope is:',
      '0A 05 08 (a length running past the end); 00 00 (field number 0); 0F (wire type 7); A0 01 01 (Drain with wire type 0); a Drain whose field 1 is an 11-octet varint.',
    ],
    expectations: [`Each answers Error{code: ${codeName(103)}, fatal: true}, closes and exits.`],
    async run(ctx) {
      const envelopes: [string, number[]][] = [
        ['length-past-end', [0x0a, 0x05, 0x08]],
        ['field-number-0', [0x00, 0x00]],
        ['wire-type-7', [0x0f]],
        ['known-body-as-varint', [0xa0, 0x01, 0x01]],
        ['varint-of-11-octets', [0xa2, 0x01, 0x0c, 0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]],
      ];
      await variants(envelopes, async ([what, bytes]) => {
        const w = await ready(ctx);
        w.wire.sendRaw(rawFrame(Buffer.from(bytes)), what);
        await expectFatalError(ctx, w, ErrorCode.ERROR_CODE_DECODE, ['FRAME-7', 'FRAME-12']);
      });
    },
  }),
  workerCase({
    id: 'W-FR-004',
    section: '10.2',
    slug: 'unknown-message-type',
    title: 'An unknown message type is answered with UNKNOWN_MESSAGE naming the first unknown field, not fatal, and the worker carries on',
    requirements: ['COMPAT-2', 'COMPAT-3', 'COMPAT-4', 'ERR-4'],
    level: 'MUST',
    procedure: ['Complete the handshake.', 'Send an Envelope holding field 47 then field 45 (both reserved for 1.x), nothing known.', 'Then send Drain.'],
    expectations: [
      `Error{code: ${codeName(200)}, message_type: 47, fatal: false}.`,
      'The control channel stays open and the Drain is honoured (Goodbye{DRAINED}, exit 0).',
    ],
    async run(ctx) {
      const w = await ready(ctx);
      w.wire.sendRaw(rawFrame(Buffer.from([...varint((47 << 3) | 0), 1, ...varint((45 << 3) | 2), 0])), 'unknown-types-47-45');
      const got = await w.wire.nextMessage(ctx.timing.timeoutMs);
      if (got?.type !== 'message' || got.message.kind !== 'error') {
        fail('an unknown message type was not answered', `Error{code: ${codeName(200)}, message_type: 47}`, describeIncoming(got) + w.exitText(), ['COMPAT-2', 'COMPAT-4']);
      }
      const e = got.message.body;
      check(e.code === ErrorCode.ERROR_CODE_UNKNOWN_MESSAGE, 'an unknown message type got the wrong error', `Error.code ${codeName(200)}`, `Error.code ${codeName(e.code)}`, ['COMPAT-2']);
      check(e.messageType === 47, 'UNKNOWN_MESSAGE names the wrong field', 'message_type: 47 (the first unknown field on the wire)', `message_type: ${e.messageType}`, ['COMPAT-3', 'ERR-4']);
      check(!e.fatal, 'an unknown message type was treated as fatal', 'fatal: false', 'fatal: true', ['COMPAT-2']);
      await expectQuiet(w, ctx.timing.quietMs, 'the worker did more than answer the unknown message', ['COMPAT-2']);
      check(!w.wire.eof && !w.exit, 'the worker closed after an unknown message type', 'the channel open', 'closed' + w.exitText(), ['COMPAT-2']);
      await expectDrained(ctx, w, ['COMPAT-2']);
    },
  }),
  workerCase({
    id: 'W-FR-005',
    section: '10.1',
    slug: 'unknown-fields-ignored',
    title: 'Unknown fields inside known messages, and beside the body in the Envelope, are ignored',
    requirements: ['COMPAT-1'],
    level: 'MUST',
    procedure: [
      'Read Hello; send Welcome with extra fields 50-53 (varint, bytes, fixed32, fixed64) inside its body.',
      'After Ready, send Drain with the same extra fields, and field 60 of the Envelope beside the body.',
    ],
    expectations: ['Ready after the Welcome; Goodbye{DRAINED} and exit 0 after the Drain; no Error.'],
    async run(ctx) {
      const w = ctx.start(ctx.defaultStart());
      const hello = await w.readHello();
      const welcome = w.welcomeFor(hello);
      w.welcome = welcome;
      const env = withUnknownFields(2, bodyBytes(encodeMessage({ kind: 'welcome', body: welcome })));
      w.wire.sendRaw(rawFrame(env), 'welcome+unknown-fields', { unknownFields: [50, 51, 52, 53] });
      const r = await w.wire.nextMessage(ctx.timing.bootTimeoutMs);
      check(r?.type === 'message' && r.message.kind === 'ready', 'a Welcome with unknown fields was not accepted', 'Ready',
        describeIncoming(r) + w.exitText(), ['COMPAT-1']);
      const drain = Buffer.concat([
        withUnknownFields(20, bodyBytes(encodeMessage({ kind: 'drain', body: { deadlineMs: 10_000, reason: 'conformance' } }))),
        Buffer.from([...varint((60 << 3) | 0), 7]),
      ]);
      w.wire.sendRaw(rawFrame(drain), 'drain+unknown-fields+envelope-field-60');
      const bye = await w.wire.nextMessage(ctx.timing.timeoutMs);
      check(bye?.type === 'message' && bye.message.kind === 'goodbye', 'a Drain with unknown fields was not honoured', 'Goodbye{DRAINED}',
        describeIncoming(bye) + w.exitText(), ['COMPAT-1']);
      const e = await ctx.mustExit(w, ctx.timing.timeoutMs, 'after its drain', ['COMPAT-1']);
      check(e.code === 0, 'the worker exited with an error after a drain', 'exit status 0', w.exitText().slice(2), ['COMPAT-1']);
    },
  }),
  workerCase({
    id: 'W-FR-006',
    section: '3.1',
    slug: 'frame-split-across-reads',
    title: 'A frame that arrives one octet at a time is reassembled',
    requirements: ['FRAME-1', 'FRAME-2'],
    level: 'MUST',
    procedure: ['Read Hello; send Welcome one octet per write, 2 ms apart.'],
    expectations: ['Ready.'],
    async run(ctx) {
      const w = ctx.start(ctx.defaultStart());
      const hello = await w.readHello();
      w.welcome = w.welcomeFor(hello);
      const bytes = encodeFrame({ kind: 'welcome', body: w.welcome });
      ctx.transcript.event('suite', 'note', `Welcome (${bytes.length} octets) sent one octet per write`);
      for (const b of bytes) {
        w.wire.sendRaw(Buffer.from([b]), 'octet');
        await sleep(2);
      }
      const r = await w.wire.nextMessage(ctx.timing.bootTimeoutMs);
      check(r?.type === 'message' && r.message.kind === 'ready', 'a Welcome split across reads was not understood', 'Ready',
        describeIncoming(r) + w.exitText(), ['FRAME-1']);
    },
  }),
  workerCase({
    id: 'W-FR-007',
    section: '3.1',
    slug: 'frames-back-to-back',
    title: 'Several frames in one read are all processed',
    requirements: ['FRAME-8'],
    level: 'MUST',
    procedure: ['Read Hello; send Welcome and an Envelope of unknown type 45 in a single write.'],
    expectations: [`Ready and Error{${codeName(200)}, message_type: 45}, in either order (an Error may precede Ready).`],
    async run(ctx) {
      const w = ctx.start(ctx.defaultStart());
      const hello = await w.readHello();
      w.welcome = w.welcomeFor(hello);
      const both = Buffer.concat([encodeFrame({ kind: 'welcome', body: w.welcome }), rawFrame(Buffer.from([...varint((45 << 3) | 2), 0]))]);
      w.wire.sendRaw(both, 'welcome+unknown-type-45');
      let deadline = new FairDeadline(ctx.timing.bootTimeoutMs, w.runDelay);
      const seen = () => w.wire.received.filter((i) => i.type === 'message').map((i) => (i.type === 'message' ? i.message : undefined));
      const done = () => seen().some((m) => m?.kind === 'ready') && seen().some((m) => m?.kind === 'error' && m.body.messageType === 45);
      let readySeen = false;
      while (!done() && !deadline.passed && !w.wire.eof) {
        if (!readySeen && seen().some((m) => m?.kind === 'ready')) {
          readySeen = true;
          const after = new FairDeadline(ctx.timing.timeoutMs, w.runDelay);
          if (after.left() < deadline.left()) deadline = after;
        }
        await w.wire.next(Math.max(1, deadline.left()), () => true);
      }
      check(seen().some((m) => m?.kind === 'ready'), 'the first of two back-to-back frames was lost', 'Ready', describeIncoming(w.wire.received[w.wire.received.length - 1]) + w.exitText(), ['FRAME-8']);
      check(done(), 'the second of two back-to-back frames was lost', `Error{${codeName(200)}, message_type: 45}`, describeIncoming(w.wire.received[w.wire.received.length - 1]) + w.exitText(), ['FRAME-8']);
    },
  }),
  workerCase({
    id: 'W-FR-008',
    section: '3.3',
    slug: 'frame-at-default-limit',
    title: 'A frame of exactly 65536 octets (the default limit) is accepted',
    requirements: ['FRAME-4'],
    level: 'MUST',
    procedure: [
      'Complete the handshake, with Welcome.max_frame_bytes 65536 when the worker declared 0 or more.',
      'Send a non-fatal Error{code: 1000} padded to an Envelope of exactly the limit.',
      'Then send Drain.',
    ],
    expectations: ['No Error in reply; Goodbye{DRAINED} and exit 0 after the Drain.'],
    async run(ctx) {
      const w = await ready(ctx);
      const limit = limitOf(w);
      let pad = limit - 16;
      let env = encodeMessage({ kind: 'error', body: { code: 1000, message: 'x'.repeat(pad), fatal: false } });
      for (let i = 0; i < 8 && env.length !== limit; i++) {
        pad += limit - env.length;
        env = encodeMessage({ kind: 'error', body: { code: 1000, message: 'x'.repeat(pad), fatal: false } });
      }
      if (env.length !== limit) throw new Error(`could not build an Envelope of exactly ${limit} octets`);
      w.wire.sendRaw(rawFrame(env), 'error-at-limit', { length: limit });
      await expectQuiet(w, ctx.timing.quietMs, 'a frame of exactly the limit was rejected', ['FRAME-4']);
      await expectDrained(ctx, w, ['FRAME-4']);
    },
  }),
  workerCase({
    id: 'W-FR-010',
    section: '12.4',
    slug: 'transcript-4',
    title: 'Transcript 4: UNKNOWN_MESSAGE for type 45, then FRAME_TOO_LARGE for a 65537 length',
    requirements: ['TRANSCRIPT-4'],
    level: 'MUST',
    procedure: ['Complete the handshake (frame limit 65536).', 'Send the octets 00000005 ea02020801.', 'Send the octets 00010001.'],
    expectations: [
      `Error{${codeName(200)}, message_type: 45, fatal: false} with the channel still open.`,
      `Then Error{${codeName(100)}, fatal: true} after only the four length octets; close; exit.`,
    ],
    async run(ctx) {
      const w = await ready(ctx, { maxFrameBytes: DEFAULT_MAX_FRAME_BYTES });
      w.wire.sendRaw(Buffer.from('00000005ea02020801', 'hex'), 'transcript-4/1');
      const got = await w.wire.nextMessage(ctx.timing.timeoutMs);
      check(got?.type === 'message' && got.message.kind === 'error' && got.message.body.code === 200 && got.message.body.messageType === 45 && !got.message.body.fatal,
        'frame 1 of transcript 4 was not answered as shown', `Error{${codeName(200)}, message_type: 45, fatal: false}`, describeIncoming(got) + w.exitText(), ['TRANSCRIPT-4']);
      w.wire.sendRaw(Buffer.from('00010001', 'hex'), 'transcript-4/4');
      await expectFatalError(ctx, w, ErrorCode.ERROR_CODE_FRAME_TOO_LARGE, ['TRANSCRIPT-4']);
    },
  }),
  workerCase({
    id: 'W-FR-011',
    section: '4.2',
    slug: 'several-bodies-last-wins',
    title: 'An Envelope carrying two body members is read as protobuf says: the last one wins',
    requirements: ['MSG-3'],
    level: 'MUST',
    procedure: ['Complete the handshake; put one connection in flight.', 'Send one Envelope holding a Stop body followed by a Drain body.'],
    expectations: ['The worker drains (the Drain won): it waits for the in-flight request instead of exiting at once.'],
    async run(ctx) {
      const w = await ready(ctx);
      const client = await ctx.inFlight(w, PARTIAL_HEAD);
      const stop = encodeMessage({ kind: 'stop', body: { reason: 'first member' } });
      const drain = encodeMessage({ kind: 'drain', body: { deadlineMs: 10_000, reason: 'last member' } });
      w.wire.sendRaw(rawFrame(Buffer.concat([stop, drain])), 'stop+drain-in-one-envelope');
      await sleep(ctx.timing.quietMs);
      check(!w.exit, 'the worker acted on the first body member', 'a drain: still running while work is in flight', w.exitText().slice(2), ['MSG-3']);
      client.write('\r\n');
      await client.gotResponse(ctx.timing.timeoutMs);
      const bye = await w.wire.waitFor('goodbye', ctx.timing.timeoutMs);
      check(bye?.type === 'message' && bye.message.kind === 'goodbye' && bye.message.body.reason === GoodbyeReason.GOODBYE_REASON_DRAINED,
        'the worker did not treat the Envelope as a Drain', 'Goodbye{DRAINED}', describeIncoming(bye) + w.exitText(), ['MSG-3']);
    },
  }),
  workerCase({
    id: 'W-FR-012',
    section: '3.1',
    slug: 'worker-frames-well-formed',
    title: 'Every frame the worker sends is well-formed 1.0 protobuf within the frame limit',
    requirements: ['FRAME-1', 'FRAME-2', 'FRAME-8', 'FRAME-9', 'FRAME-10', 'MSG-2', 'MSG-6', 'MSG-8', 'NEG-6', 'COMPAT-6', 'COMPAT-8', 'COMPAT-10', 'ERR-1', 'ERR-3', 'ERR-13'],
    level: 'MUST',
    procedure: [
      'Complete the handshake with heartbeat_interval_ms 50 and max_frame_bytes 1024.',
      'Have two clients served, send an unknown message type (to draw an Error), wait 500 ms, then drain.',
      'Check every frame received against the schema, octet by octet.',
    ],
    expectations: [
      'Every frame decodes, is at most 1024 octets, sets exactly one body member and no field 1.0 does not define.',
      'No uint64 above 2^53 - 1, valid UTF-8 strings, defined enum values and error codes, request_id and message_type only where they belong.',
    ],
    async run(ctx) {
      const w = await ready(ctx, { heartbeatIntervalMs: 50, maxFrameBytes: 1024 });
      for (let i = 0; i < 2; i++) {
        const c = await ctx.inFlight(w, PARTIAL_HEAD + '\r\n');
        await c.gotResponse(ctx.timing.timeoutMs);
      }
      w.wire.sendRaw(rawFrame(Buffer.from([...varint((46 << 3) | 2), 0])), 'unknown-type-46');
      await w.wire.waitFor('error', ctx.timing.timeoutMs);
      await sleep(500);
      await expectDrained(ctx, w, ['FRAME-1']);
      const bad = w.wire.received.filter((i) => i.type === 'bad');
      check(bad.length === 0, 'the worker sent a frame that does not decode', 'well-formed frames only',
        bad.map((b) => (b.type === 'bad' ? `${b.error.message} [${b.hex}]` : '')).join('; '), ['FRAME-1', 'FRAME-2']);
      const big = w.wire.sizes.filter((n) => n > 1024);
      check(big.length === 0, 'the worker sent frames above the negotiated limit', 'frames of at most 1024 octets', `sizes ${big.join(', ')}`, ['FRAME-10']);
      const p = w.wire.problems[0];
      if (p) fail('the worker sent a frame that breaks a sender rule', 'well-formed 1.0 messages', `${p.kind} at ${p.tMs} ms: ${p.problem}`, [p.requirement]);
    },
  }),
];
