// The golden vectors in fixtures/vectors/: the committed files must be what
// scripts/vectors.ts generates, and, checked independently of the generator,
// every vector must behave as it says.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderVectors, VECTORS_DIR, type VectorFile, type VectorTest } from '../../scripts/vectors.js';
import { corral, decodeMessage, encodeFrame, MESSAGE_KINDS, messageFromJSON, messageToJSON, validate, type OutMessage } from './codec.js';
import { CorralError, UnknownMessageError, toWireError } from './errors.js';
import { FrameDecoder } from './framer.js';
import { negotiate, type HandshakeOffer } from './handshake.js';
import { DEFAULT_MAX_FRAME_BYTES, PROTOCOL_VERSION } from './limits.js';
import { CONTROL_LIMITS, CONTROL_VERSION, decodeReply, decodeRequest, encodeReply, encodeRequest } from './control.js';
import { corral as control } from './generated/control.js';

// The requirement ids the vectors cite; each must exist in spec.md.
const REQUIREMENTS = new Set([
  'FRAME-1', 'FRAME-2', 'FRAME-3', 'FRAME-4', 'FRAME-5', 'FRAME-6', 'FRAME-7', 'FRAME-11', 'FRAME-12',
  'MSG-1', 'MSG-3', 'MSG-4', 'MSG-5', 'MSG-7', 'COMPAT-1', 'COMPAT-2', 'COMPAT-3', 'COMPAT-7', 'COMPAT-8',
  'HELLO-2', 'NEG-1', 'NEG-2', 'NEG-3', 'NEG-4', 'NEG-8', 'TASK-7', 'TASK-27', 'LOAD-9', 'HANDOFF-3', 'HANDOFF-12',
  'TRANSCRIPT-1', 'TRANSCRIPT-2', 'TRANSCRIPT-3', 'TRANSCRIPT-4',
  'CTL-4', 'CTL-5', 'CTL-6', 'CTL-7', 'CTL-8', 'CTL-9', 'CTL-11', 'CTL-13', 'CTL-14', 'CTL-15', 'CTL-17', 'CTL-18',
]);

const files = new Map<string, VectorFile>(
  readdirSync(VECTORS_DIR).filter((f) => f.endsWith('.json')).sort()
    .map((f) => [f, JSON.parse(readFileSync(join(VECTORS_DIR, f), 'utf8')) as VectorFile]),
);
const all = (name?: string): VectorTest[] =>
  [...files].filter(([f]) => name === undefined || f === name).flatMap(([, v]) => v.testGroups.flatMap((g) => g.tests));

test('the committed vectors are exactly what scripts/vectors.ts generates', () => {
  const rendered = renderVectors();
  assert.equal([...files.keys()], [...rendered.keys()].sort());
  for (const [name, text] of rendered) {
    assert.ok(readFileSync(join(VECTORS_DIR, name), 'utf8') === text, `${name} is stale: run npx tsx scripts/vectors.ts`);
  }
});

test('file headers, ids, requirements and flags are consistent', () => {
  const ids = new Set<string>();
  for (const [name, f] of files) {
    assert.is(f.schema, 'corral-vectors-v1', name);
    assert.is(f.protocolVersion, name === 'control.json' ? `control/${CONTROL_VERSION}` : `${PROTOCOL_VERSION.major}.${PROTOCOL_VERSION.minor}`, name);
    const tests = f.testGroups.flatMap((g) => g.tests);
    assert.is(f.numberOfTests, tests.length, name);
    assert.equal(tests.map((t) => t.tcId), tests.map((_, i) => i + 1), `${name}: tcId runs 1..N`);
    for (const t of tests) {
      assert.not.ok(ids.has(t.id), `duplicate id ${t.id}`);
      ids.add(t.id);
      assert.match(t.id, /^[a-z0-9][a-z0-9.-]*$/i);
      assert.ok(REQUIREMENTS.has(t.requirement), `${t.id}: unknown requirement ${t.requirement}`);
      assert.ok(['valid', 'invalid', 'acceptable'].includes(t.result), t.id);
      assert.ok(t.result === 'valid' ? t.error === null : typeof t.error === 'string' && t.error.startsWith('CORRAL_ERR_'), t.id);
      for (const flag of t.flags) assert.type(f.notes[flag], 'string', `${t.id}: flag ${flag} has no note`);
    }
  }
});

test('every cited requirement is defined in spec.md', () => {
  const spec = join(VECTORS_DIR, '../../spec.md');
  if (!existsSync(spec)) return;
  const text = readFileSync(spec, 'utf8');
  for (const r of REQUIREMENTS) assert.ok(text.includes(`[${r}]`), `spec.md does not define [${r}]`);
});

test('at least 40 vectors, covering every requirement they are meant to', () => {
  const tests = all();
  assert.ok(tests.length >= 40, `${tests.length} vectors`);
  const covered = new Set(tests.map((t) => t.requirement));
  for (const r of REQUIREMENTS) assert.ok(covered.has(r), `no vector for ${r}`);
  const kinds = new Set(all('messages.json').filter((t) => t.result === 'valid').map((t) => Object.keys(t.message as object)[0]));
  assert.is(kinds.size, MESSAGE_KINDS.length, 'every message kind has a valid vector');
});

interface Outcome { messages: unknown[]; error: CorralError | null }

function run(t: VectorTest): Outcome {
  const chunks = (Array.isArray(t.chunks) ? t.chunks as string[] : [t.hex]).map((h) => Buffer.from(h, 'hex'));
  assert.is(Buffer.concat(chunks).toString('hex'), t.hex, `${t.id}: chunks add up to hex`);
  const d = new FrameDecoder({ maxFrameBytes: typeof t.maxFrameBytes === 'number' ? t.maxFrameBytes : DEFAULT_MAX_FRAME_BYTES });
  const messages: unknown[] = [];
  try {
    for (const c of chunks) {
      for (const payload of d.push(c)) {
        const m = decodeMessage(payload);
        validate(m);
        messages.push(messageToJSON(m));
      }
    }
    d.end();
    return { messages, error: null };
  } catch (err) {
    if (!(err instanceof CorralError)) throw err;
    return { messages, error: err };
  }
}

function expectedMessages(t: VectorTest): unknown[] {
  if (Array.isArray(t.messages)) return t.messages;
  return t.message === null ? [] : [t.message];
}

for (const name of ['framing.json', 'messages.json', 'unknown.json', 'transcripts.json']) {
  test(`${name}: every vector decodes as recorded`, () => {
    const tests = all(name);
    assert.ok(tests.length > 0);
    for (const t of tests) {
      const o = run(t);
      if (t.result === 'valid') {
        assert.is(o.error, null, `${t.id}: ${o.error?.message}`);
        assert.equal(o.messages, expectedMessages(t), t.id);
        continue;
      }
      assert.ok(o.error !== null, `${t.id} must fail`);
      assert.is(o.error.code, t.error, t.id);
      if (typeof t.fatal === 'boolean') assert.is(o.error.fatal, t.fatal, t.id);
      if (Array.isArray(t.messages)) assert.equal(o.messages, t.messages, t.id);
      if (t.error === 'CORRAL_ERR_UNKNOWN_MESSAGE') {
        assert.instance(o.error, UnknownMessageError);
        assert.is((o.error as UnknownMessageError).messageType, t.messageType, t.id);
        const reply = toWireError(o.error);
        assert.equal({ code: reply.code, fatal: reply.fatal, messageType: reply.messageType }, t.reply, t.id);
      }
    }
  });
}

test('messages.json: this encoder reproduces the bytes of every round-trip vector', () => {
  const f = files.get('messages.json')!;
  for (const t of f.testGroups.find((g) => g.type === 'MessageRoundTrip')!.tests) {
    if (t.flags.includes('NotCanonical')) continue; // deliberately not this encoder's form
    const m = messageFromJSON(t.message as Record<string, unknown>);
    assert.is(encodeFrame(m as OutMessage).toString('hex'), t.hex, t.id);
  }
});

test('control.json: every request and reply decodes as recorded, and this encoder reproduces the canonical ones', () => {
  const f = files.get('control.json')!;
  const types = f.testGroups.map((g) => g.type);
  assert.equal(types, ['ControlRequest', 'ControlRequestRefused', 'ControlStream', 'ControlReply']);
  const actions = new Set<string>();
  const bodies = new Set<string>();
  for (const g of f.testGroups) {
    const arbiter = g['receiver'] === 'arbiter';
    for (const t of g.tests) {
      const chunks = (Array.isArray(t.chunks) ? t.chunks as string[] : [t.hex]).map((h) => Buffer.from(h, 'hex'));
      assert.is(Buffer.concat(chunks).toString('hex'), t.hex, `${t.id}: chunks add up to hex`);
      const d = new FrameDecoder({ maxFrameBytes: typeof t.maxFrameBytes === 'number' ? t.maxFrameBytes : arbiter ? CONTROL_LIMITS.maxRequestBytes : CONTROL_LIMITS.maxReplyBytes });
      const messages: unknown[] = [];
      let error: string | null = null;
      let reply: unknown = undefined;
      let fatal = false;
      try {
        outer: for (const c of chunks) {
          for (const payload of d.push(c)) {
            if (arbiter) {
              const r = decodeRequest(payload);
              const m = control.control.v1.ControlRequest.decode(payload);
              messages.push(m.toJSON());
              if (r.action) {
                actions.add(r.action.action);
                if (!t.flags.includes('NotCanonical')) assert.equal([...encodeRequest(r.requestId, r.action)], [...payload], `${t.id}: encodeRequest reproduces the bytes`);
              }
              if (r.problem) {
                error = r.problem.code;
                reply = { requestId: r.requestId, error: r.problem.code };
                break outer;
              }
            } else {
              const r = decodeReply(payload);
              const m = control.control.v1.ControlReply.decode(payload);
              messages.push(m.toJSON());
              if ('error' in r.result && r.result.error.code === 'CORRAL_ERR_CONTROL_UNKNOWN_REPLY') {
                error = r.result.error.code;
                break outer;
              }
              bodies.add(Object.keys(r.result)[0]!);
              if (!t.flags.includes('NotCanonical')) assert.equal([...encodeReply(r)], [...payload], `${t.id}: encodeReply reproduces the bytes`);
            }
          }
        }
      } catch (err) {
        if (!(err instanceof CorralError)) throw err;
        error = err.code;
        fatal = true;
        reply = { requestId: 0, error: err.code };
      }
      assert.is(error, t.error, t.id);
      assert.equal(messages, expectedMessages(t), t.id);
      if (t.error !== null) assert.is(t.fatal, fatal, `${t.id}: fatal`);
      if (arbiter && t.error !== null) assert.equal(t.reply, reply, `${t.id}: the arbiter's answer`);
    }
  }
  assert.equal([...actions].sort(), ['jobs', 'reload', 'reopenLogs', 'scale', 'status', 'stop', 'tasks'], 'every action has a vector');
  assert.equal([...bodies].sort(), ['done', 'error', 'jobs', 'status', 'tasks'], 'every reply body, and an error, has a vector');
});

test('handshake.json: negotiation gives the recorded outcome', () => {
  const tests = all('handshake.json');
  assert.ok(tests.length >= 10);
  for (const t of tests) {
    const hello = corral.v1.Hello.fromObject(t.hello as Record<string, unknown>);
    assert.equal(messageToJSON({ kind: 'hello', body: hello }), t.message, `${t.id}: hex/message/hello agree`);
    assert.equal(messageToJSON(decodeMessage(Buffer.from(t.hex, 'hex').subarray(4))), t.message, t.id);
    let outcome: unknown = null;
    let error: string | null = null;
    try {
      outcome = negotiate(hello, t.offer as unknown as HandshakeOffer);
    } catch (err) {
      if (!(err instanceof CorralError)) throw err;
      error = err.code;
    }
    assert.is(error, t.error, t.id);
    assert.equal(outcome, t.expect, t.id);
  }
});

test.run();
