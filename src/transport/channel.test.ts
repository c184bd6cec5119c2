import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Channel } from './channel.js';
import { duplexPair } from './duplex-pair.js';
import { corral, encodeMessage, type Message } from '../protocol/codec.js';
import { frameHeader } from '../protocol/framer.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

function pair(opts: ConstructorParameters<typeof Channel>[1] = {}) {
  const [a, b] = duplexPair();
  const ours = new Channel(a, opts);
  const theirs = new Channel(b);
  const got: Message[] = [];
  const back: Message[] = [];
  const failures: Error[] = [];
  ours.on('message', (m) => got.push(m));
  ours.on('failed', (e) => failures.push(e));
  theirs.on('message', (m) => back.push(m));
  return { ours, theirs, raw: b, got, back, failures };
}

test('messages cross in order, both ways', async () => {
  const p = pair();
  p.theirs.send({ kind: 'heartbeat', body: { timeMs: 1, inFlight: 2 } });
  p.theirs.send({ kind: 'ready', body: { capacity: 9 } });
  p.ours.send({ kind: 'drain', body: { deadlineMs: 5 } });
  await tick();
  assert.equal(p.got.map((m) => m.kind), ['heartbeat', 'ready']);
  assert.is((p.got[0]!.body as corral.v1.Heartbeat).inFlight, 2);
  assert.equal(p.back.map((m) => m.kind), ['drain']);
  assert.is(p.ours.framesIn, 2);
  assert.is(p.ours.framesOut, 1);
});

test('an unknown message type is answered with a non-fatal Error and the channel carries on (COMPAT-2)', async () => {
  const p = pair();
  const warnings: Error[] = [];
  p.ours.on('warning', (e) => warnings.push(e));
  // Field 99, length-delimited, empty: a message type this version does not know.
  p.raw.write(Buffer.concat([frameHeader(3), Buffer.from([0x9a, 0x06, 0x00])]));
  p.theirs.send({ kind: 'ready', body: {} });
  await tick();
  const err = p.back.find((m) => m.kind === 'error')?.body as corral.v1.Error | undefined;
  assert.ok(err, 'answered');
  assert.is(err!.code, 200);
  assert.is(err!.messageType, 99);
  assert.is(err!.fatal, false);
  assert.is(warnings.length, 1);
  assert.equal(p.got.map((m) => m.kind), ['ready']);
  assert.is(p.ours.closed, false);
});

test('during the handshake an unknown message type is fatal UNEXPECTED_MESSAGE instead (HS-2, HS-6)', async () => {
  const p = pair();
  p.ours.handshaking = true;
  p.raw.write(Buffer.concat([frameHeader(3), Buffer.from([0x9a, 0x06, 0x00])]));
  await tick();
  assert.is((p.failures[0] as { code?: string }).code, 'CORRAL_ERR_UNEXPECTED_MESSAGE');
  const err = p.back.find((m) => m.kind === 'error')?.body as corral.v1.Error;
  assert.is(err.code, 201);
  assert.is(err.fatal, true);
});

test('an oversize frame: a fatal Error to the peer, then the channel fails and closes (FRAME-5)', async () => {
  const p = pair({ maxFrameBytes: 1024 });
  let closed = false;
  p.ours.on('close', () => (closed = true));
  p.raw.write(frameHeader(5000));
  await tick();
  assert.is((p.failures[0] as { code?: string }).code, 'CORRAL_ERR_FRAME_TOO_LARGE');
  const err = p.back.find((m) => m.kind === 'error')?.body as corral.v1.Error;
  assert.is(err.code, 100);
  assert.is(err.fatal, true);
  assert.ok(closed);
  assert.is(p.ours.send({ kind: 'ready', body: {} }), false, 'nothing is sent after close');
});

test('garbage bytes are an undecodable frame (FRAME-7)', async () => {
  const p = pair();
  p.raw.write(Buffer.concat([frameHeader(3), Buffer.from([0xff, 0xff, 0xff])]));
  await tick();
  assert.is((p.failures[0] as { code?: string }).code, 'CORRAL_ERR_DECODE');
});

test('end of stream inside a frame is a truncated frame (FRAME-6)', async () => {
  const p = pair();
  const body = encodeMessage({ kind: 'ready', body: { capacity: 3 } });
  p.raw.write(Buffer.concat([frameHeader(body.length), Buffer.from(body).subarray(0, 1)]));
  p.raw.end();
  await tick();
  assert.is((p.failures[0] as { code?: string }).code, 'CORRAL_ERR_FRAME_TRUNCATED');
});

test('a flood is cut off with FLOOD', async () => {
  let now = 0;
  const p = pair({ maxFramesPerWindow: 10, floodWindowMs: 1000, now: () => now });
  for (let i = 0; i < 10; i++) p.theirs.send({ kind: 'heartbeat', body: { timeMs: i } });
  await tick();
  assert.is(p.failures.length, 0);
  now = 1500;
  for (let i = 0; i < 11; i++) p.theirs.send({ kind: 'heartbeat', body: { timeMs: i } });
  await tick();
  assert.is((p.failures[0] as { code?: string }).code, 'CORRAL_ERR_FLOOD');
  assert.is(p.got.length, 20, 'the frame over the limit is not delivered');
});

test('a peer that stops reading makes the channel fail instead of buffering without bound', async () => {
  const [a] = duplexPair();
  // Nothing consumes what `a` writes to its peer; fake a full write queue.
  const ch = new Channel(a, { maxQueuedBytes: 100 });
  const failures: Error[] = [];
  ch.on('failed', (e) => failures.push(e));
  Object.defineProperty(a, 'writableLength', { get: () => 1000 });
  assert.is(ch.send({ kind: 'ready', body: {} }), false);
  assert.is((failures[0] as { code?: string }).code, 'CORRAL_ERR_FLOOD');
});

test('Error replies to unknown frames count against the output-queue limit too', async () => {
  const [a, b] = duplexPair();
  const ch = new Channel(a, { maxQueuedBytes: 100 });
  const failures: Error[] = [];
  const warnings: Error[] = [];
  ch.on('failed', (e) => failures.push(e));
  ch.on('warning', (e) => warnings.push(e));
  // The peer streams unknown-type frames and never reads our answers.
  let queued = 0;
  Object.defineProperty(a, 'writableLength', { get: () => queued });
  const unknown = Buffer.concat([frameHeader(3), Buffer.from([0x9a, 0x06, 0x00])]);
  b.write(unknown);
  await new Promise((r) => setTimeout(r, 5));
  assert.is(warnings.length, 1, 'answered while there is room');
  queued = 1000;
  b.write(unknown);
  await new Promise((r) => setTimeout(r, 5));
  assert.is((failures[0] as { code?: string } | undefined)?.code, 'CORRAL_ERR_FLOOD');
  assert.ok(ch.closed);
});

test('close(reason) tells the peer why first', async () => {
  const p = pair();
  const { UnexpectedMessageError } = await import('../protocol/errors.js');
  p.ours.close(new UnexpectedMessageError('not now'));
  await tick();
  const err = p.back[0]?.body as corral.v1.Error;
  assert.is(err.code, 201);
  assert.is(err.message, 'not now');
  assert.ok(p.ours.closed);
});

test.run();
