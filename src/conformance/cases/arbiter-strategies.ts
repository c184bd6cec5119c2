// Arbiter cases for the shared-style and handoff strategies. They are
// UNSUPPORTED unless the arbiter command runs that strategy (e.g.
// `corral run --accept handoff ...`).
import { encodeFrame } from '../../protocol/codec.js';
import { check, fail, firstOnly } from '../arbiter-context.js';
import type { ProbeHandle, TestArbiter } from '../arbiter-harness.js';
import { acceptQueueByInode, socketInodes } from '../procfs.js';
import { sleep } from '../worker-harness.js';
import { ErrorCode, arbiterCase, expectFatal, field, num, type Recv } from './arbiter-common.js';

function handoffs(a: TestArbiter): { probe: ProbeHandle; r: Recv; id: number }[] {
  return a.probes.flatMap((p) => p.recv('handoff').map((r) => ({ probe: p, r, id: num(field(r.body, 'handoffId')) }))).sort((x, y) => x.r.at - y.r.at);
}

export const strategyCases = [
  arbiterCase({
    id: 'A-HO-001',
    section: '7.6',
    slug: 'handoff-datagrams',
    title: 'Handoff: one frame and one descriptor per datagram, unique non-zero ids, only to ready workers',
    requirements: ['HANDOFF-1', 'HANDOFF-2', 'HANDOFF-3', 'HANDOFF-4', 'FRAME-14', 'WELCOME-4'],
    level: 'MUST',
    judge: true,
    procedure: ['Basic session in the handoff strategy: probes record every datagram of their handoff channel.'],
    expectations: [
      'Each datagram: exactly one frame with a handoff body and one descriptor; ids non-zero and never repeated.',
      'No handoff before a worker\'s Ready or after its Drain; Welcome.listeners describes the arbiter\'s listeners.',
    ],
    async run(ctx) {
      ctx.needProtocol();
      ctx.needStrategy('handoff');
      const a = ctx.s.arbiter;
      const all = handoffs(a);
      check(all.length > 0, 'no connection was handed off', 'handoffs during the traffic', 'none', ['HANDOFF-1']);
      const seen = new Set<number>();
      for (const h of all) {
        check(h.r.fds === 1, 'a handoff datagram does not carry exactly one descriptor', 'one descriptor', `${h.r.fds}`, ['HANDOFF-2']);
        check(h.id !== 0 && !seen.has(h.id), 'handoff ids are 0 or repeated', 'unique non-zero ids', `id ${h.id}`, ['HANDOFF-3']);
        seen.add(h.id);
        const ready = h.probe.readyAt ?? Infinity;
        const drain = h.probe.recv('drain')[0]?.at ?? Infinity;
        check(h.r.at >= ready && h.r.at <= drain, 'a connection was handed to a worker not ready or draining', 'between Ready and Drain', `probe ${h.probe.pid}`, ['HANDOFF-4']);
      }
      for (const p of a.probes) {
        const rule = p.of('rule').find((r) => r.requirement === 'FRAME-14');
        if (rule) fail('a handoff datagram is not exactly one frame', 'one frame per datagram', rule.problem, ['FRAME-14']);
        if (p.welcome) check(((p.welcome['listeners'] as unknown[] | undefined) ?? []).length > 0, 'Welcome.listeners is empty in the handoff strategy', 'the arbiter\'s listeners', JSON.stringify(p.welcome), ['WELCOME-4']);
      }
    },
  }),
  arbiterCase({
    id: 'A-HO-002',
    section: '7.6',
    slug: 'refused-handoffs-redispatched',
    title: 'Handoffs a worker refuses are handed to a worker again',
    requirements: ['HANDOFF-10'],
    level: 'MUST',
    procedure: ['Start the arbiter (handoff, 2+ workers); the first probe refuses the first handoff it receives.', 'Send 10 requests.'],
    expectations: ['All 10 are answered: the refused connection was handed out again.'],
    async run(ctx) {
      ctx.needProtocol();
      ctx.needStrategy('handoff');
      const { a } = await ctx.up(firstOnly({ onHandoff: 'refuse-first' }), 2);
      const answered = await a.traffic(10, 2, ctx.timing.timeoutMs * 2);
      check(answered === 10, 'refused connections were not served', '10 answered', `${answered}`, ['HANDOFF-10']);
      const refuser = a.probes[0] as ProbeHandle;
      const refused = refuser.recv('handoff')[0];
      if (refused) {
        const id = num(field(refused.body, 'handoffId'));
        check(handoffs(a).filter((h) => h.id === id).length > 1, 'a refused handoff was not handed out again', `handoff ${id} sent again`, 'once only', ['HANDOFF-10']);
      }
    },
  }),
  arbiterCase({
    id: 'A-HO-003',
    section: '7.6',
    slug: 'unacked-handoffs-of-dead-worker',
    title: 'Connections a worker died holding without acknowledging are handed to another worker',
    requirements: ['HANDOFF-13', 'HANDOFF-8'],
    level: 'MUST',
    procedure: ['Start the arbiter (handoff, 2+ workers); the first probe exits with status 1 on its first handoff, without HandoffAck.', 'Send 6 requests.'],
    expectations: ['All are answered: the unacknowledged connection went to another worker.'],
    async run(ctx) {
      ctx.needProtocol();
      ctx.needStrategy('handoff');
      const { a } = await ctx.up(firstOnly({ onHandoff: 'die' }), 2);
      const answered = await a.traffic(6, 1, ctx.timing.timeoutMs * 2);
      check(answered === 6, 'a connection died with the worker it was handed to', '6 answered', `${answered}`, ['HANDOFF-13', 'HANDOFF-8']);
    },
  }),
  arbiterCase({
    id: 'A-HO-004',
    section: '7.6',
    slug: 'ack-of-unknown-handoff',
    title: 'A HandoffAck listing an id never handed to that worker is INVALID_FIELD, fatal',
    requirements: ['HANDOFF-12'],
    level: 'MUST',
    procedure: ['Start the arbiter (handoff); once ready, the first probe sends HandoffAck{handoff_ids: [987654]}.'],
    expectations: [`Error{INVALID_FIELD(206), fatal: true}, then end of stream.`],
    async run(ctx) {
      ctx.needProtocol();
      ctx.needStrategy('handoff');
      const a = await ctx.start({ scriptFor: firstOnly({ afterReady: { delayMs: 300, hex: [encodeFrame({ kind: 'handoffAck', body: { handoffIds: [987654] } }).toString('hex')] }, ignoreEof: true }) });
      await a.until(() => (a.probes[0]?.sent('raw').length ?? 0) > 0, ctx.timing.bootTimeoutMs);
      await expectFatal(ctx, a, a.probes[0] as ProbeHandle, ErrorCode.ERROR_CODE_INVALID_FIELD, ['HANDOFF-12']);
    },
  }),
  arbiterCase({
    id: 'A-HO-005',
    section: '4.2',
    slug: 'unpacked-handoff-acks',
    title: 'HandoffAck ids written unpacked are understood; acknowledged descriptors are closed by the arbiter',
    requirements: ['MSG-5', 'HANDOFF-9'],
    level: 'MUST',
    procedure: ['Start the arbiter (handoff); every probe writes HandoffAck ids unpacked.', 'Send 6 requests; then look for the handed-off sockets among the arbiter\'s descriptors.'],
    expectations: ['All answered, no Error; the arbiter no longer holds any acknowledged connection.'],
    async run(ctx) {
      ctx.needProtocol();
      ctx.needStrategy('handoff');
      const { a } = await ctx.up(() => ({ unpackedAcks: true }));
      const answered = await a.traffic(6, 2, ctx.timing.timeoutMs * 2);
      check(answered === 6, 'connections acknowledged with unpacked ids were not served', '6 answered', `${answered}`, ['MSG-5']);
      const errs = a.probes.flatMap((p) => p.recv('error'));
      check(errs.length === 0, 'unpacked HandoffAck ids drew an Error', 'no Error', JSON.stringify(errs[0]?.body), ['MSG-5']);
      await sleep(ctx.timing.quietMs);
      const held = new Set(socketInodes(a.pid).values());
      const kept = handoffs(a).filter((h) => h.r.inode !== undefined && held.has(h.r.inode));
      check(kept.length === 0, 'the arbiter kept descriptors of acknowledged connections', 'closed after HandoffAck', `${kept.length} still open`, ['HANDOFF-9']);
    },
  }),
  arbiterCase({
    id: 'A-SH-001',
    section: '7.3',
    slug: 'arbiter-leaves-shared-listeners-alone',
    title: 'Shared, exclusive and reuseport strategies: the arbiter neither accepts on the listeners nor sends grants',
    requirements: ['SHARED-1'],
    level: 'MUST',
    procedure: ['Start the arbiter; no probe accepts anything.', 'Connect three clients and watch the accept queue of the listener.'],
    expectations: ['The connections stay queued; no AcceptGrant is sent.'],
    async run(ctx) {
      ctx.needProtocol();
      ctx.needStrategy('shared', 'exclusive', 'reuseport');
      const { a, ready } = await ctx.up(() => ({ noAccept: true }));
      const inode = (ready[0] as ProbeHandle).start.fds.find((f) => f.fd === 3)?.inode;
      const clients = [a.client(5000), a.client(5000), a.client(5000)];
      await sleep(ctx.timing.quietMs * 2);
      if (ctx.strategy !== 'reuseport' && inode !== null && inode !== undefined) {
        const q = acceptQueueByInode(inode) ?? -1;
        check(q >= 3, 'the arbiter accepted on a listener it passed to its workers', '3 connections queued', `${q}`, ['SHARED-1']);
      }
      const g = a.probes.flatMap((p) => p.recv('acceptGrant'));
      check(g.length === 0, 'the arbiter sent AcceptGrant outside the arbiter strategy', 'no grant', `${g.length}`, ['SHARED-1']);
      for (const c of clients) c.socket.destroy();
    },
  }),
];
