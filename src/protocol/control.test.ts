// The control protocol's codec (spec.md section 14): every request and reply
// round-trips, unknown actions and forbidden fields are told apart from
// garbage, and frames split at every byte decode the same.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CONTROL_ACTIONS, controlFrame, decodeReply, decodeRequest, encodeReply, encodeRequest, type ControlAction, type ControlReply } from './control.js';
import { EXAMPLE_STATUS as STATUS } from './control-examples.js';
import { FrameDecoder } from './framer.js';
import { DecodeError } from './errors.js';

const ACTIONS: ControlAction[] = [
  { action: 'status', histograms: true },
  { action: 'scale', kind: 'socket', workers: 8 },
  { action: 'scale', kind: 'task', workers: 3, app: 'images' },
  { action: 'reload' },
  { action: 'stop', graceful: true },
  { action: 'reopenLogs' },
  { action: 'tasks' },
  { action: 'jobs', state: 'failed', app: 'images', limit: 20, id: 7 },
];

test('every action round-trips with its request id', () => {
  assert.equal(new Set(ACTIONS.map((a) => a.action)), new Set(CONTROL_ACTIONS), 'the list covers every action');
  ACTIONS.forEach((a, i) => {
    const got = decodeRequest(encodeRequest(9_007_199_254_740_991 - i, a));
    assert.is(got.requestId, 9_007_199_254_740_991 - i);
    assert.equal(got.action, a);
  });
});


test('every reply body round-trips, defaults filled in', () => {
  const replies: ControlReply[] = [
    { requestId: 1, result: { status: STATUS } },
    { requestId: 2, result: { done: 'workers: 2 -> 8' } },
    { requestId: 3, result: { tasks: { apps: [{ name: 'images', workers: 1, queued: 2, inFlight: 3, submitted: 4, completed: 5, failed: 6, rejected: 7, lost: 8, abandoned: 9, waitMs: { p50: 0.5, p90: 1, p99: 2.25, n: 10 }, runMs: { p50: 1, p90: 2, p99: 3, n: 10 } }] } } },
    { requestId: 4, result: { tasks: { apps: [], queue: { state: 'connected', queues: ['images'], held: 1, fetched: 2, succeeded: 3, failed: 4, retried: 5, dead: 6, depths: [{ queue: 'images', waiting: 7, delayed: 8, dead: 9 }] } } } },
    { requestId: 5, result: { jobs: { matched: 1, jobs: [{ id: 7, app: 'images', action: 'resize', state: 'failed', worker: 4, caller: 'client 2', submittedAtMs: 1, startedAtMs: 2, endedAtMs: 3, payloadBytes: 10, errorCode: 'CORRAL_ERR_TASK_FAILED', errorMessage: 'boom', meta: { 'corral.job': 'abc' }, chunks: 0 }] } } },
    { requestId: 6, result: { error: { code: 'CORRAL_ERR_INVALID_FIELD', message: 'ScaleRequest.workers must be 1 to 1024' } } },
    { requestId: 7, result: { jobs: { matched: 0, jobs: [] } } },
  ];
  for (const r of replies) assert.equal(decodeReply(encodeReply(r)), r, JSON.stringify(r).slice(0, 60));
});

test('an unknown action is told apart from garbage [CTL-7]; a forbidden kind is a field problem [CTL-8]', () => {
  // request_id 5 (field 1, varint), then field 99 as an empty message: a request of a later version.
  const later = Uint8Array.from([0x08, 0x05, 0x9a, 0x06, 0x00]);
  const r = decodeRequest(later);
  assert.is(r.requestId, 5);
  assert.is(r.action, undefined);
  assert.is(r.problem?.code, 'CORRAL_ERR_CONTROL_UNKNOWN_REQUEST');
  const none = decodeRequest(Uint8Array.from([0x08, 0x06]));
  assert.is(none.problem?.code, 'CORRAL_ERR_CONTROL_UNKNOWN_REQUEST', 'no action at all');
  // scale{kind 7, workers 2}: field 11, length 4.
  const bad = decodeRequest(Uint8Array.from([0x08, 0x09, 0x5a, 0x04, 0x08, 0x07, 0x10, 0x02]));
  assert.is(bad.requestId, 9);
  assert.is(bad.problem?.code, 'CORRAL_ERR_INVALID_FIELD');
  assert.throws(() => decodeRequest(Uint8Array.from([0x0a, 0xff, 0xff])), (e: unknown) => e instanceof DecodeError);
});

test('requests framed and split at every byte decode the same', () => {
  const stream = Buffer.concat(ACTIONS.map((a, i) => controlFrame(encodeRequest(i + 1, a))));
  for (let cut = 1; cut < stream.length; cut++) {
    const d = new FrameDecoder({ maxFrameBytes: 4096 });
    const frames = [...d.push(stream.subarray(0, cut)), ...d.push(stream.subarray(cut))];
    assert.equal(frames.map((f) => decodeRequest(f).action), ACTIONS, `cut at ${cut}`);
  }
});

test.run();
