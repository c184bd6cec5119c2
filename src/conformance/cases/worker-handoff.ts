// Worker cases: the handoff strategy (spec 7.6). The arbiter accepts and
// sends each connection over the SOCK_SEQPACKET handoff channel, one datagram
// per connection: a frame (length + Envelope{handoff}) plus one fd
// (SCM_RIGHTS). The worker lists its id in a HandoffAck on the control
// channel, in handoff_ids (kept) or refused_ids.
import { fstatSync } from 'node:fs';
import { encodeFrame, type corral } from '../../protocol/codec.js';
import * as native from '../../transport/native.js';
import { O_CLOEXEC, fdFlags, fdOfInode, procAvailable } from '../procfs.js';
import { rawFrame, type Incoming } from '../wire.js';
import { check, type WorkerContext } from '../worker-context.js';
import { TestClient, sleep, type TestWorker } from '../worker-harness.js';
import { FairDeadline } from '../starvation.js';
import {
  ErrorCode, FULL_REQUEST, PARTIAL_HEAD, codeName, expectFatalError, expectNonFatalError, variants, workerCase, type WorkerCase,
} from './common.js';

async function handoffWorker(ctx: WorkerContext): Promise<TestWorker> {
  ctx.need('accept.handoff');
  const w = ctx.start({ strategy: 'handoff' });
  await w.handshake();
  return w;
}

interface Conn {
  client: TestClient;
  fd: number;
  peer: string;
  inode: number;
}

/** Connects a client to a private listener and returns the accepted fd (the suite's copy). */
async function connection(ctx: WorkerContext, w: TestWorker, id: number, first: string): Promise<Conn> {
  const lfd = native.listen({ host: '127.0.0.1', port: 0, backlog: 8 });
  try {
    const client = new TestClient(id, native.localAddress(lfd).port, ctx.transcript, w.runDelay);
    w.clients.push(client);
    await client.connected;
    if (first) client.write(first);
    for (let i = 0; i < 200; i++) {
      const conn = native.acceptOne(lfd);
      if (conn) return { client, fd: conn.fd, peer: `${conn.remoteAddress}:${conn.remotePort}`, inode: fstatSync(conn.fd).ino };
      await sleep(5);
    }
    throw new Error('the suite could not accept its own test connection');
  } finally {
    native.close(lfd);
  }
}

function acks(w: TestWorker): corral.v1.HandoffAck[] {
  return w.wire.received
    .filter((i): i is Extract<Incoming, { type: 'message' }> => i.type === 'message' && i.message.kind === 'handoffAck')
    .map((i) => i.message.body as corral.v1.HandoffAck);
}

/** Waits until every id in `ids` was acknowledged or refused (or time runs out). */
async function settle(w: TestWorker, ids: number[], ms: number): Promise<{ acked: number[]; refused: number[] }> {
  const deadline = new FairDeadline(ms, w.runDelay);
  for (;;) {
    const all = acks(w);
    const acked = all.flatMap((a) => a.handoffIds);
    const refused = all.flatMap((a) => a.refusedIds);
    if (ids.every((id) => acked.includes(id) || refused.includes(id)) || deadline.passed || w.wire.eof) return { acked, refused };
    await w.wire.next(Math.max(1, deadline.left()), (i) => i.type === 'message' && i.message.kind === 'handoffAck');
  }
}

function errors(w: TestWorker): corral.v1.Error[] {
  return w.wire.received
    .filter((i): i is Extract<Incoming, { type: 'message' }> => i.type === 'message' && i.message.kind === 'error')
    .map((i) => i.message.body as corral.v1.Error);
}

function ackText(w: TestWorker): string {
  return acks(w).length ? JSON.stringify(acks(w)) : `no HandoffAck${w.exitText()}`;
}

function handoffFrame(handoffId: number, peer = '127.0.0.1:1'): Buffer {
  return encodeFrame({ kind: 'handoff', body: { handoffId, listener: 0, peer } });
}

export const handoffCases: WorkerCase[] = [
  workerCase({
    id: 'W-HO-001',
    section: '7.6',
    slug: 'handoff-acked-and-served',
    title: 'A connection passed with SCM_RIGHTS is acknowledged, served, and close-on-exec in the worker',
    requirements: ['HANDOFF-20', 'HANDOFF-14', 'ACCEPT-1'],
    level: 'MUST',
    feature: 'accept.handoff',
    procedure: [
      'Start the worker in the handoff strategy (no listeners; control at fd 3, handoff channel at fd 4); complete the handshake.',
      'Accept a client connection in the suite, the client sends an incomplete request, and send the connection as ConnectionHandoff{handoff_id: 7}.',
      'Look up the connection in the worker\'s descriptors; then complete the request.',
    ],
    expectations: ['HandoffAck lists 7 in handoff_ids.', 'The worker\'s descriptor of the connection has FD_CLOEXEC.', 'The client gets a response.'],
    async run(ctx) {
      const w = await handoffWorker(ctx);
      const c = await connection(ctx, w, 1, PARTIAL_HEAD);
      try {
        w.sendHandoff(7, c.fd, c.peer);
        const { acked } = await settle(w, [7], ctx.timing.timeoutMs);
        check(acked.includes(7), 'the worker did not acknowledge the handoff', 'HandoffAck{handoff_ids: [7]}', ackText(w), ['HANDOFF-20']);
        if (procAvailable) {
          const fd = fdOfInode(w.pid, c.inode);
          const flags = fd === undefined ? undefined : fdFlags(w.pid, fd);
          if (flags !== undefined) {
            check((flags & O_CLOEXEC) !== 0, 'the handed-off connection is not close-on-exec in the worker', 'FD_CLOEXEC (received with MSG_CMSG_CLOEXEC)',
              `fd ${fd} flags ${flags.toString(8)}`, ['HANDOFF-14']);
          }
        }
      } finally {
        native.close(c.fd);
      }
      c.client.write('\r\n');
      check(await c.client.gotResponse(ctx.timing.timeoutMs), 'the handed-off client got no response', 'a response',
        c.client.closed ? 'closed without a byte' : 'no byte', ['ACCEPT-1']);
    },
  }),
  workerCase({
    id: 'W-HO-002',
    section: '7.6',
    slug: 'handoffs-each-acked-once',
    title: 'Several handoffs are each listed exactly once',
    requirements: ['HANDOFF-20'],
    level: 'MUST',
    feature: 'accept.handoff',
    procedure: ['Start the worker in the handoff strategy.', 'Send three handoffs (ids 11, 12, 13) back to back.'],
    expectations: ['Across the HandoffAcks each id appears exactly once; every kept connection is served.'],
    async run(ctx) {
      const w = await handoffWorker(ctx);
      const ids = [11, 12, 13];
      const conns: Conn[] = [];
      for (const id of ids) conns.push(await connection(ctx, w, id, FULL_REQUEST));
      try {
        conns.forEach((c, i) => w.sendHandoff(ids[i] as number, c.fd, c.peer));
        const { acked, refused } = await settle(w, ids, ctx.timing.timeoutMs);
        const all = [...acked, ...refused];
        check(ids.every((id) => all.filter((x) => x === id).length === 1), 'handoffs were not each listed exactly once', 'each of 11, 12, 13 once',
          ackText(w), ['HANDOFF-20']);
        for (const [i, c] of conns.entries()) {
          if (!acked.includes(ids[i] as number)) continue;
          check(await c.client.gotResponse(ctx.timing.timeoutMs), 'a kept connection got no response', 'a response', 'no byte', ['HANDOFF-20']);
        }
      } finally {
        for (const c of conns) native.close(c.fd);
      }
    },
  }),
  workerCase({
    id: 'W-HO-003',
    section: '7.6',
    slug: 'handoff-while-draining',
    title: 'A draining worker still answers handoffs, refusing them, and closes refused connections untouched',
    requirements: ['HANDOFF-25', 'HANDOFF-26', 'HANDOFF-24'],
    level: 'MUST',
    feature: 'accept.handoff',
    procedure: [
      'Start the worker in the handoff strategy; hand off one connection with an incomplete request (keeps the worker draining).',
      'Send Drain, then hand off a second connection (id 22) whose client sent a request; after the answer, close the suite\'s copy.',
    ],
    expectations: [
      'A HandoffAck lists 22 (MUST), in refused_ids (SHOULD).',
      'A refused connection is closed by the worker without a byte written: its client sees end of stream with no data.',
    ],
    async run(ctx) {
      const w = await handoffWorker(ctx);
      const busy = await ctx.handOff(w, PARTIAL_HEAD, 21);
      w.wire.send({ kind: 'drain', body: { deadlineMs: 10_000, reason: 'conformance' } });
      await sleep(50);
      const c = await connection(ctx, w, 22, FULL_REQUEST);
      let refused: number[] = [];
      try {
        w.sendHandoff(22, c.fd, c.peer);
        const r = await settle(w, [22], ctx.timing.timeoutMs);
        refused = r.refused;
        check(r.acked.includes(22) || r.refused.includes(22), 'a draining worker did not answer a handoff', 'HandoffAck listing 22', ackText(w), ['HANDOFF-25']);
      } finally {
        native.close(c.fd);
      }
      if (refused.includes(22)) {
        await c.client.gotResponse(ctx.timing.quietMs);
        check(c.client.data.length === 0, 'the worker wrote to a connection it refused', 'no byte on the refused connection',
          JSON.stringify(c.client.data.subarray(0, 40).toString('latin1')), ['HANDOFF-24']);
      }
      check(refused.includes(22), 'a draining worker kept a handoff', 'HandoffAck{refused_ids: [22]}', ackText(w), ['HANDOFF-26'], 'SHOULD');
      busy.destroy();
    },
  }),
  workerCase({
    id: 'W-HO-004',
    section: '7.6',
    slug: 'bad-handoff-datagram-fatal',
    title: 'A truncated datagram, a length mismatch, or a known non-handoff body on the handoff channel is fatal',
    requirements: ['HANDOFF-16', 'HANDOFF-17', 'HANDOFF-19', 'HANDOFF-28'],
    level: 'MUST',
    feature: 'accept.handoff',
    procedure: [
      'Start three workers in the handoff strategy; on each handoff channel send, with one connection fd:',
      'a datagram longer than 4 octets plus the frame limit; a frame whose length says 10 but 20 octets follow; a frame carrying Drain.',
    ],
    expectations: [
      `On the control channel: Error{${codeName(100)}}, Error{${codeName(103)}}, Error{${codeName(201)}} respectively, each fatal; then close and exit.`,
    ],
    async run(ctx) {
      ctx.need('accept.handoff');
      const cases: { data: (limit: number) => Buffer; code: number; req: string; what: string }[] = [
        { data: (limit) => rawFrame(Buffer.alloc(limit + 100, 0x20)), code: ErrorCode.ERROR_CODE_FRAME_TOO_LARGE, req: 'HANDOFF-16', what: 'oversize-datagram' },
        { data: () => Buffer.concat([Buffer.from([0, 0, 0, 10]), Buffer.alloc(20, 0x08)]), code: ErrorCode.ERROR_CODE_DECODE, req: 'HANDOFF-17', what: 'length-mismatch' },
        { data: () => encodeFrame({ kind: 'drain', body: { deadlineMs: 1000 } }), code: ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, req: 'HANDOFF-19', what: 'drain-on-handoff' },
      ];
      await variants(cases, async (v) => {
        const w = await handoffWorker(ctx);
        const c = await connection(ctx, w, 1, '');
        try {
          const limit = w.welcome?.maxFrameBytes || 65536;
          w.sendHandoffRaw(v.data(limit), [c.fd], v.what);
          await expectFatalError(ctx, w, v.code, [v.req, 'HANDOFF-28']);
        } finally {
          native.close(c.fd);
        }
      });
    },
  }),
  workerCase({
    id: 'W-HO-005',
    section: '7.6',
    slug: 'bad-handoff-datagram-survivable',
    title: 'A handoff with no fd or two fds, or an unknown body, is answered without ending the channel',
    requirements: ['HANDOFF-18', 'HANDOFF-19', 'HANDOFF-27', 'HANDOFF-28'],
    level: 'MUST',
    feature: 'accept.handoff',
    procedure: [
      'Start the worker in the handoff strategy.',
      'Send: ConnectionHandoff{31} with no fd; ConnectionHandoff{32} with two fds; an Envelope of unknown type 45 with one fd; then a valid handoff 33.',
    ],
    expectations: [
      `For 31 and 32: Error{${codeName(206)}, fatal: false} and 31/32 in refused_ids; every fd that came is closed in the worker.`,
      `For the unknown type: Error{${codeName(200)}, message_type: 45, fatal: false}, its fd closed.`,
      'Handoff 33 is acknowledged and served; the worker never writes to the handoff channel.',
    ],
    async run(ctx) {
      const w = await handoffWorker(ctx);
      const a = await connection(ctx, w, 1, '');
      const b = await connection(ctx, w, 2, '');
      const u = await connection(ctx, w, 3, '');
      try {
        for (const [id, fds, what] of [[31, [], 'handoff-without-fd'], [32, [a.fd, b.fd], 'handoff-with-two-fds']] as const) {
          const before = errors(w).length;
          w.sendHandoffRaw(handoffFrame(id), [...fds], what);
          const { refused } = await settle(w, [id], ctx.timing.timeoutMs);
          await sleep(20);
          const e = errors(w).slice(before);
          check(e.some((x) => x.code === ErrorCode.ERROR_CODE_INVALID_FIELD && !x.fatal) && !e.some((x) => x.fatal),
            `a handoff ${what.slice(8)} was not reported as INVALID_FIELD, not fatal`, `Error{${codeName(206)}, fatal: false}`,
            e.length ? JSON.stringify(e) : 'no Error', ['HANDOFF-18', 'HANDOFF-28']);
          check(refused.includes(id), `a handoff ${what.slice(8)} was not listed as refused`, `refused_ids [${id}]`, ackText(w), ['HANDOFF-18']);
        }
        w.sendHandoffRaw(rawFrame(Buffer.from([0xea, 0x02, 0x00])), [u.fd], 'unknown-type-45');
        const e = await expectNonFatalError(ctx, w, ErrorCode.ERROR_CODE_UNKNOWN_MESSAGE, ['HANDOFF-19']);
        check(e.messageType === 45, 'UNKNOWN_MESSAGE without the field number', 'message_type: 45', `message_type: ${e.messageType}`, ['HANDOFF-19']);
        await sleep(50);
        if (procAvailable) {
          const kept = [a, b, u].filter((c) => fdOfInode(w.pid, c.inode) !== undefined);
          check(kept.length === 0, 'the worker kept descriptors of datagrams it rejected', 'every such descriptor closed',
            `${kept.length} still open in the worker`, ['HANDOFF-18', 'HANDOFF-19']);
        }
        const good = await ctx.handOff(w, FULL_REQUEST, 33);
        check(await good.gotResponse(ctx.timing.timeoutMs), 'the worker stopped serving after malformed handoffs', 'a response', 'no byte', ['HANDOFF-18']);
        const wrote = native.recvWithFds(w.handoffFd as number, 65536, 4);
        check(wrote === null, 'the worker wrote to the handoff channel', 'nothing to read on the suite\'s end', `${wrote?.eof ? 'end of stream' : `${wrote?.data.length} octets`}`, ['HANDOFF-27']);
      } finally {
        for (const c of [a, b, u]) native.close(c.fd);
      }
    },
  }),
  workerCase({
    id: 'W-HO-006',
    section: '4.2',
    slug: 'handoff-id-above-2-53',
    title: 'A handoff_id above 2^53 - 1 is INVALID_FIELD',
    requirements: ['MSG-7', 'ERR-17'],
    level: 'MUST',
    feature: 'accept.handoff',
    procedure: ['Start the worker in the handoff strategy.', 'Send ConnectionHandoff{handoff_id: 2^60} with a connection.'],
    expectations: [`Error{${codeName(206)}, fatal: true}, close, exit.`],
    async run(ctx) {
      const w = await handoffWorker(ctx);
      const c = await connection(ctx, w, 1, '');
      try {
        w.sendHandoffRaw(handoffFrame(2 ** 60), [c.fd], 'handoff-id-2^60');
        await expectFatalError(ctx, w, ErrorCode.ERROR_CODE_INVALID_FIELD, ['MSG-7', 'ERR-17']);
      } finally {
        native.close(c.fd);
      }
    },
  }),
  workerCase({
    id: 'W-HO-007',
    section: '8.2',
    slug: 'handoff-channel-eof',
    title: 'End of stream on the handoff channel is the loss of the arbiter: exit at once, status 0, no Goodbye',
    requirements: ['STOP-4', 'EXIT-1'],
    level: 'MUST',
    feature: 'accept.handoff',
    procedure: ['Start the worker in the handoff strategy; complete the handshake.', 'Close the suite\'s end of the handoff channel only.'],
    expectations: ['The worker exits within the timeout with status 0 and sends no Goodbye.'],
    async run(ctx) {
      const w = await handoffWorker(ctx);
      w.closeHandoff();
      await ctx.mustExit(w, ctx.timing.timeoutMs, 'when the handoff channel closed', ['STOP-4']);
      check(w.exit?.code === 0, 'the worker did not exit with status 0 when the arbiter went away', 'exit status 0', w.exitText().slice(2), ['EXIT-1']);
      const bye = w.wire.received.find((i) => i.type === 'message' && i.message.kind === 'goodbye');
      check(bye === undefined, 'the worker said Goodbye to an arbiter that is gone', 'no Goodbye', 'Goodbye', ['STOP-4']);
    },
  }),
];
