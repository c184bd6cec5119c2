import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { corral, encodeFrame } from '../protocol/codec.js';
import { CmsgTruncatedError, NativeError } from '../errors.js';
import { sleep, start, until } from './test-support.js';

const { ErrorCode, GoodbyeReason } = corral.v1;

const HANDOFF_FD = 4;
const handoff = (o: Parameters<typeof start>[0] = {}) =>
  start({ ...o, env: { strategy: 'handoff', listenFds: [], listenNames: [], controlFd: 3, handoffFd: HANDOFF_FD, ...o.env } });

const dgram = (id: number, fds: number[]) => ({ data: encodeFrame({ kind: 'handoff', body: { handoffId: id, listener: 0, peer: '127.0.0.1:1' } }), fds });

/** Waits until the worker has processed what it was sent. */
const settle = () => sleep(5);

/** A worker fed `datagrams` in one readiness: expects a fatal Error `code`, Goodbye{ERROR}, exit 1, every fd closed, no ack. */
async function expectFatal(datagrams: ({ data: Buffer; fds: number[] } | Error)[], code: number, closed: number[]) {
  const h = await handoff();
  h.native.datagrams.set(HANDOFF_FD, datagrams);
  h.native.fire(HANDOFF_FD);
  const err = await h.arbiter.next('error');
  assert.is(err.body.code, code);
  assert.is(err.body.fatal, true);
  const bye = await h.arbiter.next('goodbye');
  assert.is(bye.body.reason, GoodbyeReason.GOODBYE_REASON_ERROR);
  await until(() => h.exits.length > 0);
  assert.equal(h.exits, [1]);
  assert.equal(h.native.closed.sort(), closed);
  assert.equal(h.arbiter.received.filter((m) => m.kind === 'handoffAck'), [], 'nothing acknowledged: the arbiter hands them on');
  assert.equal([...h.sockets.byFd.keys()], [], 'no connection was touched');
}

test('handoff: every datagram of one readiness is served and acked once [HANDOFF-20, HANDOFF-22]', async () => {
  const h = await handoff();
  assert.equal(h.native.watchers.map((w) => [w.fd, w.active]), [[HANDOFF_FD, true]]);
  h.native.datagrams.set(HANDOFF_FD, [dgram(11, [100]), dgram(12, [101])]);
  h.native.fire(HANDOFF_FD);
  const ack = await h.arbiter.next('handoffAck');
  assert.equal(ack.body.handoffIds, [11, 12]);
  assert.equal(ack.body.refusedIds, []);
  assert.is(ack.body.inFlight, 2);
  assert.equal([...h.sockets.byFd.keys()], [100, 101]);
  assert.is(h.worker.stats.acceptedTotal, 2);
  await settle();
  assert.equal(h.arbiter.pending(), [], 'one ack for the batch');
  h.worker.stop();
});

test('handoff wakeups: one per readiness that reads datagrams, however many; none for a readiness that reads nothing [LOAD-8]', async () => {
  const h = await handoff();
  h.native.datagrams.set(HANDOFF_FD, [dgram(11, [100]), dgram(12, [101]), dgram(13, [102])]);
  h.native.fire(HANDOFF_FD);
  await h.arbiter.next('handoffAck');
  assert.is(h.worker.stats.wakeupsTotal, 1);
  h.native.fire(HANDOFF_FD); // nothing to read
  assert.is(h.worker.stats.wakeupsTotal, 1);
  h.native.datagrams.set(HANDOFF_FD, [dgram(14, [103])]);
  h.native.fire(HANDOFF_FD);
  await h.arbiter.next('handoffAck');
  assert.is(h.worker.stats.wakeupsTotal, 2);
  h.worker.stop();
});

test('handoff: a connection is handed to the server only after its HandoffAck was written [HANDOFF-23]', async () => {
  const h = await handoff();
  h.native.datagrams.set(HANDOFF_FD, [dgram(11, [100])]);
  h.native.log.length = 0;
  h.native.fire(HANDOFF_FD);
  assert.equal(h.native.log, ['write', 'socket 100']);
  h.worker.stop();
});

test('handoff: with a slow control channel the connection waits until the ack has left [HANDOFF-23]', async () => {
  const h = await handoff({ controlDelayMs: 40 });
  await until(() => h.native.watcher(HANDOFF_FD)?.active === true, 2000, 'the handoff channel watched');
  h.native.datagrams.set(HANDOFF_FD, [dgram(11, [100])]);
  h.native.fire(HANDOFF_FD);
  assert.equal([...h.sockets.byFd.keys()], [], 'not yet: the ack is still queued');
  const ack = await h.arbiter.next('handoffAck');
  assert.equal(ack.body.handoffIds, [11]);
  assert.is(ack.body.inFlight, 1, 'the kept connection counts already');
  await until(() => h.sockets.byFd.has(100), 2000, 'dispatch after the flush');
  h.worker.stop();
});

test('handoff: no fd or two fds -> INVALID_FIELD (not fatal), refused, fds closed; the rest served [HANDOFF-18]', async () => {
  const h = await handoff();
  h.native.datagrams.set(HANDOFF_FD, [dgram(31, []), dgram(32, [101, 102]), dgram(33, [103])]);
  h.native.fire(HANDOFF_FD);
  for (let i = 0; i < 2; i++) {
    const err = await h.arbiter.next('error');
    assert.is(err.body.code, ErrorCode.ERROR_CODE_INVALID_FIELD);
    assert.is(err.body.fatal, false);
  }
  const ack = await h.arbiter.next('handoffAck');
  assert.equal(ack.body.handoffIds, [33]);
  assert.equal(ack.body.refusedIds, [31, 32]);
  assert.equal(h.native.closed.sort(), [101, 102]);
  assert.equal([...h.sockets.byFd.keys()], [103]);
  assert.equal(h.exits, []);
  h.worker.stop();
});

test('handoff: truncated ancillary data -> INVALID_FIELD, not fatal [HANDOFF-18]', async () => {
  const h = await handoff();
  h.native.datagrams.set(HANDOFF_FD, [new CmsgTruncatedError('more than 4 descriptors'), dgram(41, [100])]);
  h.native.fire(HANDOFF_FD);
  const err = await h.arbiter.next('error');
  assert.is(err.body.code, ErrorCode.ERROR_CODE_INVALID_FIELD);
  assert.is(err.body.fatal, false);
  const ack = await h.arbiter.next('handoffAck');
  assert.equal(ack.body.handoffIds, [41]);
  h.worker.stop();
});

test('handoff: an unknown message type -> UNKNOWN_MESSAGE with its number, not fatal, fd closed [HANDOFF-19]', async () => {
  const h = await handoff();
  // Envelope field 45, length-delimited, empty: tag (45<<3|2) = 0xea 0x02, length 0.
  const payload = Buffer.from([0xea, 0x02, 0x00]);
  h.native.datagrams.set(HANDOFF_FD, [{ data: Buffer.concat([Buffer.from([0, 0, 0, 3]), payload]), fds: [100] }, dgram(42, [101])]);
  h.native.fire(HANDOFF_FD);
  const err = await h.arbiter.next('error');
  assert.equal([err.body.code, err.body.messageType, err.body.fatal], [ErrorCode.ERROR_CODE_UNKNOWN_MESSAGE, 45, false]);
  const ack = await h.arbiter.next('handoffAck');
  assert.equal(ack.body.handoffIds, [42]);
  assert.equal(h.native.closed, [100]);
  h.worker.stop();
});

test('handoff: a length that does not match the datagram -> DECODE, fatal [HANDOFF-17]', async () => {
  await expectFatal([dgram(1, [100]), { data: Buffer.concat([Buffer.from([0, 0, 0, 10]), Buffer.alloc(20, 8)]), fds: [101] }], ErrorCode.ERROR_CODE_DECODE, [100, 101]);
});

test('handoff: a datagram shorter than a frame header -> DECODE, fatal [HANDOFF-17]', async () => {
  await expectFatal([{ data: Buffer.from([0, 0]), fds: [100] }], ErrorCode.ERROR_CODE_DECODE, [100]);
});

test('handoff: an undecodable Envelope -> DECODE, fatal [FRAME-7]', async () => {
  await expectFatal([{ data: Buffer.from([0, 0, 0, 3, 0xff, 0xff, 0xff]), fds: [100] }], ErrorCode.ERROR_CODE_DECODE, [100]);
});

test('handoff: a zero-length frame -> FRAME_EMPTY, fatal [FRAME-3]', async () => {
  await expectFatal([{ data: Buffer.from([0, 0, 0, 0]), fds: [100] }], ErrorCode.ERROR_CODE_FRAME_EMPTY, [100]);
});

test('handoff: a datagram longer than the buffer (MSG_TRUNC) -> FRAME_TOO_LARGE, fatal [HANDOFF-16]', async () => {
  await expectFatal([dgram(1, [100]), new NativeError('recvmsg on fd 4: message longer than 65540 bytes')], ErrorCode.ERROR_CODE_FRAME_TOO_LARGE, [100]);
});

test('handoff: a known message other than ConnectionHandoff -> UNEXPECTED_MESSAGE, fatal [HANDOFF-19]', async () => {
  await expectFatal([{ data: encodeFrame({ kind: 'drain', body: { deadlineMs: 1000 } }), fds: [100] }], ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, [100]);
});

test('handoff: handoff_id 0 or above 2^53 - 1 -> INVALID_FIELD, fatal [HANDOFF-3, MSG-7]', async () => {
  await expectFatal([dgram(0, [100])], ErrorCode.ERROR_CODE_INVALID_FIELD, [100]);
  await expectFatal([dgram(2 ** 60, [100])], ErrorCode.ERROR_CODE_INVALID_FIELD, [100]);
});

test('handoff: while draining, handoffs are refused and their fds closed [HANDOFF-25, HANDOFF-26]', async () => {
  const h = await handoff();
  h.native.datagrams.set(HANDOFF_FD, [dgram(31, [100])]);
  h.native.fire(HANDOFF_FD);
  await h.arbiter.next('handoffAck');
  h.arbiter.send({ kind: 'drain', body: { deadlineMs: 5000 } });
  await settle();
  h.native.datagrams.set(HANDOFF_FD, [dgram(32, [101]), dgram(33, [102])]);
  h.native.fire(HANDOFF_FD);
  const ack = await h.arbiter.next('handoffAck');
  assert.equal(ack.body.handoffIds, []);
  assert.equal(ack.body.refusedIds, [32, 33]);
  assert.equal(h.native.closed, [101, 102]);
  assert.equal([...h.sockets.byFd.keys()], [100], 'refused connections never became sockets');
  h.sockets.close(100);
  await h.arbiter.nextOf('goodbye');
  await until(() => h.exits.length > 0);
  assert.equal(h.exits, [0]);
});

test('handoff: EOF on the handoff channel -> the arbiter is gone: exit 0, no Goodbye [STOP-4, EXIT-1]', async () => {
  const h = await handoff();
  h.native.datagrams.set(HANDOFF_FD, [dgram(51, [100]), { data: Buffer.alloc(0), fds: [], eof: true }]);
  h.native.fire(HANDOFF_FD);
  await until(() => h.exits.length > 0);
  assert.equal(h.exits, [0]);
  assert.match(h.stderr.join(''), /arbiter went away/);
  await settle();
  assert.equal(h.arbiter.received.filter((m) => m.kind === 'goodbye' || m.kind === 'handoffAck'), []);
  assert.equal(h.native.closed, [100], 'the unacknowledged connection is left to the arbiter');
});

test('handoff: the strategy without CORRAL_HANDOFF_FD is a bad environment', async () => {
  const { readEnvironment } = await import('./environment.js');
  const env = { CORRAL_PROTOCOL: '1', CORRAL_CONTROL_FD: '3', CORRAL_WORKER_ID: '1', CORRAL_ACCEPT: 'handoff', CORRAL_ARBITER_PID: '1' };
  assert.throws(() => readEnvironment(env, 10, { isSocket: () => true }), /CORRAL_HANDOFF_FD/);
});

test.run();
