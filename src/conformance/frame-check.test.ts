import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkSentEnvelope } from './frame-check.js';
import { encodeMessage } from '../protocol/codec.js';
import { EXAMPLE_MESSAGES } from '../protocol/examples.js';

const rules = (bytes: Uint8Array | number[], features: string[] = [], minor?: number) => checkSentEnvelope(Uint8Array.from(bytes), features, minor).map((p) => p.requirement);

test('the example of every message passes', () => {
  for (const m of Object.values(EXAMPLE_MESSAGES)) {
    // The example Error carries request_id and message_type together, on purpose (all fields set).
    const problems = checkSentEnvelope(encodeMessage(m), ['accept.revoke', 'tasks.flow', 'tasks.call']).filter((p) => !(m.kind === 'error' && p.requirement === 'ERR-3') && !(m.kind === 'error' && p.requirement === 'ERR-4'));
    assert.equal(problems, [], m.kind);
  }
});

test('what 1.2 added is flagged without its feature: Credit, Execute.window, Execute.idempotent; Hello.apps never', () => {
  const credit = encodeMessage({ kind: 'credit', body: { requestId: 3, chunks: 4 } });
  assert.equal(rules(credit), ['COMPAT-8']);
  assert.equal(rules(credit, ['tasks.flow']), []);
  const exec = encodeMessage({ kind: 'execute', body: { requestId: 3, name: 'a.b', window: 8, idempotent: true } });
  assert.equal(rules(exec), ['COMPAT-8', 'COMPAT-8']);
  assert.equal(rules(exec, ['tasks.flow']), ['COMPAT-8']);
  assert.equal(rules(exec, ['tasks.flow', 'tasks.call']), []);
  assert.equal(rules(encodeMessage({ kind: 'hello', body: { versions: [{ major: 1 }], apps: ['images'] } })), []);
});

test('what 1.3 added is flagged below 1.3, whatever the features: Execute.meta', () => {
  const exec = encodeMessage({ kind: 'execute', body: { requestId: 3, name: 'a.b', meta: { 'corral.job': 'j1', k: 'v' } } });
  assert.equal(rules(exec, [], 3), []);
  assert.equal(rules(exec, ['tasks.flow', 'tasks.call'], 2), ['COMPAT-8', 'COMPAT-8'], 'one per entry');
  assert.equal(rules(exec, [], 0), ['COMPAT-8', 'COMPAT-8']);
  assert.equal(rules(exec), [], 'nothing negotiated yet: the suite\'s own version');
  assert.equal(rules(encodeMessage({ kind: 'execute', body: { requestId: 3, name: 'a.b', meta: {} } }), [], 2), [], 'an empty map is no field');
  // Execute{request_id 3, meta: {k: ff}}: a value that is not UTF-8.
  assert.equal(rules([0xf2, 0x01, 0x0a, 0x08, 0x03, 0x42, 0x06, 0x0a, 0x01, 0x6b, 0x12, 0x01, 0xff], [], 3), ['MSG-8']);
});

test('what 1.4 added is flagged below 1.4: Heartbeat.wakeups_total and latency_counts, packed or not', () => {
  const hb = encodeMessage({ kind: 'heartbeat', body: { timeMs: 5, wakeupsTotal: 3, latencyCounts: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2] } });
  assert.equal(rules(hb, [], 4), []);
  assert.equal(rules(hb, [], 3), ['COMPAT-8', 'COMPAT-8']);
  assert.equal(rules(hb), [], 'nothing negotiated yet: the suite\'s own version');
  assert.equal(rules(encodeMessage({ kind: 'heartbeat', body: { timeMs: 5, wakeupsTotal: 0, latencyCounts: [] } }), [], 3), [], 'zero and empty are no field');
  // Heartbeat{latency_counts: 1, 2} unpacked, and a count above 2^53 - 1 packed.
  assert.equal(rules([0x22, 0x04, 0x38, 0x01, 0x38, 0x02], [], 4), []);
  assert.equal(rules([0x22, 0x04, 0x38, 0x01, 0x38, 0x02], [], 3), ['COMPAT-8', 'COMPAT-8']);
  assert.equal(rules([0x22, 0x0b, 0x3a, 0x09, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10], [], 4), ['MSG-6']);
});

test('two bodies, unknown fields and extension messages are flagged', () => {
  const ready = [...encodeMessage({ kind: 'ready', body: { capacity: 1 } })];
  assert.equal(rules([...ready, ...ready]), ['MSG-2']);
  assert.equal(rules([0x1a, 0x02, 0x40, 0x01]), ['COMPAT-8']); // Ready with field 8
  assert.equal(rules([...ready, 0xa0, 0x06, 0x01]), ['COMPAT-10']); // envelope field 100
  assert.equal(rules([...ready, 0xa0, 0x06, 0x01], ['example.com/x']), []);
});

test('uint64 above 2^53 - 1, invalid UTF-8 and unknown enum values are flagged', () => {
  // Heartbeat{time_ms: 2^60}
  assert.equal(rules([0x22, 0x0a, 0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10]), ['MSG-6']);
  // Goodbye{detail: ff}
  assert.equal(rules([0xb2, 0x01, 0x03, 0x12, 0x01, 0xff]), ['MSG-8']);
  // Goodbye{reason: 9}
  assert.equal(rules([0xb2, 0x01, 0x02, 0x08, 0x09]), ['COMPAT-6']);
});

test('1.1 additions only with their feature: AcceptDone REVOKED and AcceptRevoke need accept.revoke', () => {
  const done = [...encodeMessage({ kind: 'acceptDone', body: { grantId: 1, reason: 6 } })];
  assert.equal(rules(done), ['COMPAT-6']);
  assert.equal(rules(done, ['accept.revoke']), []);
  const revoke = [...encodeMessage({ kind: 'acceptRevoke', body: { grantId: 1, listener: 0 } })];
  assert.equal(rules(revoke), ['COMPAT-8']);
  assert.equal(rules(revoke, ['accept.revoke']), []);
});

test('Error codes and fields are checked', () => {
  const err = (body: object) => rules([...encodeMessage({ kind: 'error', body })]);
  assert.equal(err({ code: 0, message: 'x' }), ['ERR-1']);
  assert.equal(err({ code: 150 }), ['ERR-13']);
  assert.equal(err({ code: 1500 }), []);
  assert.equal(err({ code: 100, requestId: 4 }), ['ERR-3']);
  assert.equal(err({ code: 302, requestId: 4 }), []);
  assert.equal(err({ code: 206, requestId: 4 }), [], 'a caller\'s Execute refused, not fatal (CALL-18)');
  assert.equal(err({ code: 206, requestId: 4, fatal: true }), ['ERR-3']);
  assert.equal(err({ code: 100, messageType: 4 }), ['ERR-4']);
  assert.equal(err({ code: 200 }), ['ERR-4']);
  assert.equal(err({ code: 200, messageType: 45 }), []);
});

test('undecodable envelopes are reported, not thrown', () => {
  assert.equal(rules([0x0a, 0x05, 0x08]), ['FRAME-1']);
});

test.run();
