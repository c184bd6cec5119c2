// Worker cases: accepting connections (spec 7.1 - 7.5). In the arbiter
// strategy the worker may poll and accept a listener only while it holds an
// AcceptGrant for it, and gives the grant back with AcceptDone when
// max_accepts, release_load or lease_ms says so. The suite watches the kernel
// accept queue of each listener (/proc/net/tcp) instead of trusting the
// worker's own accounts.
//
//   suite                                  worker
//     3 clients connect (queue = 3)
//     ... quiet: queue stays 3 ............ (no grant: must not accept)
//     AcceptGrant{max_accepts: 2} ────────►
//                                           accept, accept (2 == max)
//           ◄──────────────────────────────  AcceptDone{accepted: 2, BATCH}
//     queue = 1, and stays 1 .............. (released: must not accept)
import type { corral } from '../../protocol/codec.js';
import * as native from '../../transport/native.js';
import { EPOLLEXCLUSIVE, epollRegistrations, procAvailable, processState } from '../procfs.js';
import { CaseSkipped, CaseUnsupported } from '../types.js';
import { describeIncoming } from '../wire.js';
import { check, fail, reasonName, type WorkerContext } from '../worker-context.js';
import { sleep, type TestClient, type TestWorker } from '../worker-harness.js';
import {
  END_OF_HEAD, ErrorCode, GoodbyeReason, PARTIAL_HEAD, ReleaseReason, codeName, expectNonFatalError, expectQuiet,
  workerCase, type WorkerCase,
} from './common.js';

const LONG_LEASE_MS = 30_000;

function needProc(): void {
  if (!procAvailable) throw new CaseSkipped('needs Linux /proc to watch accept queues');
}

async function arbiterWorker(ctx: WorkerContext, listeners = 1): Promise<TestWorker> {
  ctx.need('accept.arbiter');
  needProc();
  const w = ctx.start({ strategy: 'arbiter', listeners });
  await w.handshake();
  return w;
}

/** A worker of the arbiter strategy with accept.revoke negotiated (1.1), holding a long grant on listener 0. */
async function revocableHolder(ctx: WorkerContext): Promise<{ w: TestWorker; grantId: number }> {
  ctx.need('accept.revoke');
  const w = await arbiterWorker(ctx);
  if (!(w.welcome?.features ?? []).includes('accept.revoke')) {
    throw new CaseUnsupported('accept.revoke is a 1.1 feature and the worker does not list version 1.1 in Hello');
  }
  const grantId = ctx.nextGrantId();
  w.wire.send({ kind: 'acceptGrant', body: { grantId, listener: 0, maxAccepts: 10, leaseMs: LONG_LEASE_MS } });
  return { w, grantId };
}

/** Queues `n` clients on a listener and checks that all of them wait in the kernel queue. */
async function queueClients(ctx: WorkerContext, w: TestWorker, index: number, n: number, request: boolean, requirements = ['ACCEPT-13']): Promise<TestClient[]> {
  const before = w.acceptQueue(index);
  const clients = await w.clientsTo(index, n, request);
  const q = await w.waitQueue(index, before + n, ctx.timing.quietMs);
  check(q === before + n, 'the worker accepted connections without a grant', `${before + n} connections waiting in the accept queue of listener ${index}`,
    `${q} waiting`, requirements);
  return clients;
}

function doneText(d: corral.v1.AcceptDone): string {
  return `AcceptDone{grant_id: ${d.grantId}, listener: ${d.listener}, accepted: ${d.accepted}, would_block: ${d.wouldBlock}, in_flight: ${d.inFlight}, reason: ${reasonName(d.reason)}}`;
}

/** Sends a grant and waits for its AcceptDone; checks grant_id and listener. */
async function grant(ctx: WorkerContext, w: TestWorker, body: corral.v1.IAcceptGrant): Promise<{ done: corral.v1.AcceptDone; afterMs: number; grantId: number }> {
  const grantId = ctx.nextGrantId();
  const sentAt = ctx.transcript.now();
  w.wire.send({ kind: 'acceptGrant', body: { grantId, listener: 0, maxAccepts: 1, leaseMs: LONG_LEASE_MS, ...body } });
  const lease = body.leaseMs ?? LONG_LEASE_MS;
  const wait = lease < LONG_LEASE_MS ? lease + ctx.timing.timeoutMs : ctx.timing.timeoutMs;
  const got = await w.wire.waitFor('acceptDone', wait);
  if (got?.type !== 'message' || got.message.kind !== 'acceptDone') {
    fail('the worker did not release the grant', `AcceptDone{grant_id: ${grantId}} within ${wait} ms`, describeIncoming(got) + w.exitText(), ['ACCEPT-25']);
  }
  const done = got.message.body;
  check(done.grantId === grantId && done.listener === (body.listener ?? 0), 'AcceptDone names another grant or listener',
    `AcceptDone{grant_id: ${grantId}, listener: ${body.listener ?? 0}}`, doneText(done), ['ACCEPT-24']);
  return { done, afterMs: got.tMs - sentAt, grantId };
}

/** Counts the AcceptDone messages received so far. */
function doneCount(w: TestWorker): number {
  return w.wire.received.filter((i) => i.type === 'message' && i.message.kind === 'acceptDone').length;
}

function pollStrategyCase(strategy: 'shared' | 'exclusive' | 'reuseport', id: string, requirements: string[]): WorkerCase {
  const extra: Record<string, string[]> = {
    shared: [],
    exclusive: ['Every epoll registration of the listener in the worker carries EPOLLEXCLUSIVE, and there is at least one (from /proc/<pid>/fdinfo).'],
    reuseport: [],
  };
  return workerCase({
    id,
    section: strategy === 'shared' ? '7.3' : strategy === 'exclusive' ? '7.4' : '7.5',
    slug: `${strategy}-serves`,
    title: `${strategy[0]?.toUpperCase()}${strategy.slice(1)} strategy: the worker polls and accepts by itself`,
    requirements,
    level: 'MUST',
    feature: `accept.${strategy}`,
    procedure: [
      `Start the worker in the ${strategy} strategy${strategy === 'reuseport' ? ' with an SO_REUSEPORT listener' : ''}; complete the handshake.`,
      'Connect three clients that send requests; send no grant.',
    ],
    expectations: ['All three clients get responses.', ...(extra[strategy] as string[])],
    async run(ctx: WorkerContext) {
      ctx.need(`accept.${strategy}`);
      const w = ctx.start({ strategy, reusePort: strategy === 'reuseport' });
      await w.handshake();
      const clients = await w.clientsTo(0, 3, true);
      const answered = await Promise.all(clients.map((c) => c.gotResponse(ctx.timing.timeoutMs)));
      check(answered.every(Boolean), 'clients were not served', '3 clients answered', `${answered.filter(Boolean).length} answered`, requirements.slice(0, 1));
      if (strategy === 'exclusive' && procAvailable) {
        const inode = (w.listeners[0] as { inode: number }).inode;
        const regs = epollRegistrations(w.pid).filter((r) => r.inode === inode);
        if (regs.length > 0 || epollRegistrations(w.pid).length > 0) {
          check(regs.length > 0, 'the worker does not watch its listener through epoll', 'an epoll registration of the listener with EPOLLEXCLUSIVE',
            'none found', ['EXCL-1']);
          const plain = regs.filter((r) => (r.events & EPOLLEXCLUSIVE) === 0);
          check(plain.length === 0, 'the listener is registered without EPOLLEXCLUSIVE', 'EPOLLIN | EPOLLEXCLUSIVE in every registration',
            plain.map((r) => `epoll fd ${r.epfd}: events 0x${r.events.toString(16)}`).join('; '), ['EXCL-2']);
        }
      }
    },
  });
}

export const acceptCases: WorkerCase[] = [
  workerCase({
    id: 'W-AC-001',
    section: '7.2.2',
    slug: 'no-accept-without-grant',
    title: 'Arbiter strategy: connections stay in the listen queue until a grant',
    requirements: ['ACCEPT-13', 'ACCEPT-33'],
    level: 'MUST',
    feature: 'accept.arbiter',
    procedure: [
      'Start the worker in the arbiter strategy with one listener; complete the handshake.',
      'Connect three clients that each send a request; send no grant.',
      'Watch the listener\'s accept queue and the clients.',
    ],
    expectations: ['All three connections stay in the accept queue and no client gets a byte.'],
    async run(ctx) {
      const w = await arbiterWorker(ctx);
      const clients = await queueClients(ctx, w, 0, 3, true);
      await sleep(ctx.timing.quietMs * 2);
      const q = w.acceptQueue(0);
      check(q === 3, 'the worker accepted connections without a grant', '3 connections in the accept queue', `${q}`, ['ACCEPT-13']);
      const answered = clients.filter((c) => c.data.length > 0).length;
      check(answered === 0, 'clients were answered without a grant', 'no response', `${answered} client(s) answered`, ['ACCEPT-13']);
    },
  }),
  workerCase({
    id: 'W-AC-002',
    section: '7.2.2',
    slug: 'grant-max-accepts',
    title: 'A grant is used for at most max_accepts connections, then released as BATCH with exact accounting',
    requirements: ['ACCEPT-14', 'ACCEPT-22', 'ACCEPT-24', 'ACCEPT-25', 'MSG-4', 'TRANSCRIPT-2'],
    level: 'MUST',
    feature: 'accept.arbiter',
    procedure: [
      'Start the worker in the arbiter strategy; queue three clients with requests.',
      'Send AcceptGrant{listener: 0, max_accepts: 2, lease_ms: 30000} (release_load left out: 0).',
    ],
    expectations: [
      'One AcceptDone{grant_id, listener: 0, accepted: 2, reason: BATCH}.',
      'Exactly two connections left the accept queue and their clients get responses.',
    ],
    async run(ctx) {
      const w = await arbiterWorker(ctx);
      const clients = await queueClients(ctx, w, 0, 3, true);
      const { done } = await grant(ctx, w, { maxAccepts: 2 });
      const q = w.acceptQueue(0);
      check(q === 1, 'the worker took more or fewer connections than max_accepts', '1 connection left in the queue (3 - 2)', `${q} left`, ['ACCEPT-22']);
      check(done.accepted === 2, 'AcceptDone.accepted does not match the connections taken', 'accepted: 2', doneText(done), ['ACCEPT-24']);
      check(done.reason === ReleaseReason.RELEASE_REASON_BATCH, 'the grant was released for the wrong reason', 'reason: BATCH', doneText(done), ['ACCEPT-24', 'TRANSCRIPT-2']);
      const answered = await Promise.all(clients.map((c) => c.gotResponse(ctx.timing.quietMs)));
      check(answered.filter(Boolean).length === 2, 'the accepted clients were not served', '2 clients answered',
        `${answered.filter(Boolean).length} answered`, ['ACCEPT-14']);
      await sleep(ctx.timing.quietMs);
      check(doneCount(w) === 1, 'more than one AcceptDone for one grant', 'one AcceptDone', `${doneCount(w)}`, ['ACCEPT-25']);
    },
  }),
  workerCase({
    id: 'W-AC-003',
    section: '7.2.2',
    slug: 'no-accept-after-release',
    title: 'After AcceptDone the worker no longer accepts on that listener',
    requirements: ['ACCEPT-23', 'ACCEPT-13'],
    level: 'MUST',
    feature: 'accept.arbiter',
    procedure: [
      'Start the worker in the arbiter strategy; queue three clients with requests.',
      'Send AcceptGrant{max_accepts: 1} and wait for AcceptDone.',
      'Connect one more client and watch the accept queue.',
    ],
    expectations: ['After AcceptDone the queue keeps every remaining connection (2, then 3).'],
    async run(ctx) {
      const w = await arbiterWorker(ctx);
      await queueClients(ctx, w, 0, 3, true);
      await grant(ctx, w, { maxAccepts: 1 });
      const after = w.acceptQueue(0);
      await w.clientsTo(0, 1, true);
      await sleep(ctx.timing.quietMs * 2);
      const q = w.acceptQueue(0);
      check(q === after + 1, 'the worker accepted after releasing its grant', `${after + 1} connections in the queue`, `${q}`, ['ACCEPT-23']);
    },
  }),
  workerCase({
    id: 'W-AC-004',
    section: '7.2.2',
    slug: 'release-on-load',
    title: 'A grant is released as LOAD when in_flight reaches release_load',
    requirements: ['ACCEPT-16', 'LOAD-1'],
    level: 'MUST',
    feature: 'accept.arbiter',
    procedure: [
      'Start the worker in the arbiter strategy; queue three clients that send nothing (they stay in flight once accepted).',
      'Send AcceptGrant{max_accepts: 10, release_load: 1}.',
    ],
    expectations: ['The worker accepts one connection, then AcceptDone{accepted: 1, in_flight: 1, reason: LOAD}; two stay queued.'],
    async run(ctx) {
      const w = await arbiterWorker(ctx);
      await queueClients(ctx, w, 0, 3, false);
      const { done } = await grant(ctx, w, { maxAccepts: 10, releaseLoad: 1 });
      const q = w.acceptQueue(0);
      check(done.reason === ReleaseReason.RELEASE_REASON_LOAD, 'the grant was not released for load', 'reason: LOAD', doneText(done), ['ACCEPT-16']);
      check(done.accepted === 1 && q === 2, 'the worker accepted past release_load', 'accepted: 1 and 2 connections left in the queue',
        `${doneText(done)}; ${q} left in the queue`, ['ACCEPT-16']);
      check(done.inFlight === 1, 'AcceptDone.in_flight does not count the held connection', 'in_flight: 1', doneText(done), ['LOAD-1']);
    },
  }),
  workerCase({
    id: 'W-AC-005',
    section: '7.2.2',
    slug: 'release-on-expiry',
    title: 'A grant is released as EXPIRED when lease_ms passes, with no connection to trigger it',
    requirements: ['ACCEPT-18'],
    level: 'MUST',
    feature: 'accept.arbiter',
    procedure: ['Start the worker in the arbiter strategy; queue nothing.', 'Send AcceptGrant{max_accepts: 10, lease_ms: 300}.'],
    expectations: ['AcceptDone{accepted: 0, reason: EXPIRED} arrives no earlier than 300 ms and within the timeout after that.'],
    async run(ctx) {
      const w = await arbiterWorker(ctx);
      const lease = 300;
      const { done, afterMs } = await grant(ctx, w, { maxAccepts: 10, leaseMs: lease });
      check(done.reason === ReleaseReason.RELEASE_REASON_EXPIRED, 'the grant was not released as expired', 'reason: EXPIRED', doneText(done), ['ACCEPT-18']);
      check(afterMs >= lease - 25, 'the grant was released before its lease expired', `AcceptDone no earlier than ${lease} ms`,
        `after ${Math.round(afterMs)} ms`, ['ACCEPT-18']);
      check(done.accepted === 0, 'AcceptDone.accepted counts connections that never came', 'accepted: 0', doneText(done), ['ACCEPT-24']);
    },
  }),
  workerCase({
    id: 'W-AC-006',
    section: '7.2.2',
    slug: 'release-on-drain',
    title: 'Drain releases an outstanding grant as DRAINING before Goodbye',
    requirements: ['ACCEPT-19', 'DRAIN-6', 'TRANSCRIPT-3'],
    level: 'MUST',
    feature: 'accept.arbiter',
    procedure: ['Start the worker in the arbiter strategy.', 'Send AcceptGrant{max_accepts: 10, lease_ms: 30000}, then Drain.'],
    expectations: ['AcceptDone{reason: DRAINING} for the grant, then Goodbye{DRAINED}, then exit 0.'],
    async run(ctx) {
      const w = await arbiterWorker(ctx);
      const grantId = ctx.nextGrantId();
      w.wire.send({ kind: 'acceptGrant', body: { grantId, listener: 0, maxAccepts: 10, leaseMs: LONG_LEASE_MS } });
      await expectQuiet(w, ctx.timing.quietMs, 'the worker answered a grant with no connection queued', ['ACCEPT-18']);
      w.wire.send({ kind: 'drain', body: { deadlineMs: 10_000, reason: 'conformance' } });
      const got = await w.wire.nextMessage(ctx.timing.timeoutMs);
      if (got?.type !== 'message' || got.message.kind !== 'acceptDone') {
        fail('the worker did not release its grant before Goodbye when told to drain', 'AcceptDone{reason: DRAINING}', describeIncoming(got) + w.exitText(), ['ACCEPT-19', 'DRAIN-6']);
      }
      check(got.message.body.reason === ReleaseReason.RELEASE_REASON_DRAINING && got.message.body.grantId === grantId,
        'the grant was released for the wrong reason', `AcceptDone{grant_id: ${grantId}, reason: DRAINING}`, doneText(got.message.body), ['ACCEPT-19']);
      const bye = await w.wire.nextMessage(ctx.timing.timeoutMs);
      check(bye?.type === 'message' && bye.message.kind === 'goodbye' && bye.message.body.reason === GoodbyeReason.GOODBYE_REASON_DRAINED,
        'no Goodbye{DRAINED} after the drain', 'Goodbye{reason: DRAINED}', describeIncoming(bye) + w.exitText(), ['TRANSCRIPT-3']);
      const e = await ctx.mustExit(w, ctx.timing.timeoutMs, 'after its drain', ['TRANSCRIPT-3']);
      check(e.code === 0, 'the worker exited with an error after a drain', 'exit status 0', w.exitText().slice(2), ['TRANSCRIPT-3']);
    },
  }),
  workerCase({
    id: 'W-AC-007',
    section: '7.2.2',
    slug: 'grant-is-per-listener',
    title: 'A grant for one listener does not let the worker accept on another',
    requirements: ['ACCEPT-13', 'ACCEPT-14'],
    level: 'MUST',
    feature: 'accept.arbiter',
    procedure: [
      'Start the worker in the arbiter strategy with two listeners (fds 3 and 4).',
      'Queue two clients on each listener.',
      'Send AcceptGrant{listener: 1, max_accepts: 1}.',
    ],
    expectations: ['AcceptDone{listener: 1, accepted: 1}; listener 1 keeps one queued connection, listener 0 keeps both.'],
    async run(ctx) {
      const w = await arbiterWorker(ctx, 2);
      await queueClients(ctx, w, 0, 2, true);
      await queueClients(ctx, w, 1, 2, true);
      const { done } = await grant(ctx, w, { listener: 1, maxAccepts: 1 });
      const q0 = w.acceptQueue(0);
      const q1 = w.acceptQueue(1);
      check(q0 === 2, 'the worker accepted on a listener it held no grant for', '2 connections still queued on listener 0', `${q0}`, ['ACCEPT-13']);
      check(q1 === 1 && done.accepted === 1, 'the worker took the wrong number of connections on the granted listener (fd 3 + listener)',
        '1 accepted, 1 still queued on listener 1', `${doneText(done)}; ${q1} queued`, ['ACCEPT-14']);
    },
  }),
  pollStrategyCase('shared', 'W-AC-008', ['SHARED-3', 'ACCEPT-1', 'HELLO-6']),
  pollStrategyCase('exclusive', 'W-AC-009', ['EXCL-5', 'EXCL-1', 'EXCL-2', 'EXCL-3', 'HELLO-6']),
  pollStrategyCase('reuseport', 'W-AC-010', ['REUSE-3', 'HELLO-6']),
  workerCase({
    id: 'W-AC-011',
    section: '7.2.2',
    slug: 'release-checked-on-arrival',
    title: 'The release conditions are checked when a grant arrives: a full worker releases at once with accepted 0',
    requirements: ['ACCEPT-16'],
    level: 'MUST',
    feature: 'accept.arbiter',
    procedure: [
      'Start the worker in the arbiter strategy; get one connection in flight (grant of one).',
      'Queue two more clients; send AcceptGrant{max_accepts: 10, release_load: 1}.',
    ],
    expectations: ['AcceptDone{accepted: 0, reason: LOAD} and both queued connections stay queued.'],
    async run(ctx) {
      const w = await arbiterWorker(ctx);
      await ctx.inFlight(w, PARTIAL_HEAD);
      await queueClients(ctx, w, 0, 2, true);
      const { done } = await grant(ctx, w, { maxAccepts: 10, releaseLoad: 1 });
      const q = w.acceptQueue(0);
      check(done.reason === ReleaseReason.RELEASE_REASON_LOAD && done.accepted === 0 && q === 2, 'a full worker accepted under a new grant',
        'AcceptDone{accepted: 0, reason: LOAD}, 2 still queued', `${doneText(done)}; ${q} queued`, ['ACCEPT-16']);
    },
  }),
  workerCase({
    id: 'W-AC-012',
    section: '7.2.2',
    slug: 'invalid-grant',
    title: 'A grant for a listener not given, or with max_accepts 0, is INVALID_FIELD (not fatal) plus AcceptDone ERROR',
    requirements: ['ACCEPT-26'],
    level: 'MUST',
    feature: 'accept.arbiter',
    procedure: [
      'Start the worker in the arbiter strategy with one listener; queue two clients.',
      'Send AcceptGrant{listener: 5}; then AcceptGrant{listener: 0, max_accepts: 0}.',
    ],
    expectations: [
      `For each: Error{code: ${codeName(206)}, fatal: false}, then AcceptDone{accepted: 0, reason: ERROR}.`,
      'Nothing is accepted.',
    ],
    async run(ctx) {
      const w = await arbiterWorker(ctx);
      await queueClients(ctx, w, 0, 2, true);
      for (const body of [{ listener: 5, maxAccepts: 1 }, { listener: 0, maxAccepts: 0 }]) {
        const grantId = ctx.nextGrantId();
        w.wire.send({ kind: 'acceptGrant', body: { grantId, leaseMs: LONG_LEASE_MS, ...body } });
        await expectNonFatalError(ctx, w, ErrorCode.ERROR_CODE_INVALID_FIELD, ['ACCEPT-26']);
        const d = await w.wire.nextMessage(ctx.timing.timeoutMs);
        check(d?.type === 'message' && d.message.kind === 'acceptDone' && d.message.body.grantId === grantId &&
          d.message.body.accepted === 0 && d.message.body.reason === ReleaseReason.RELEASE_REASON_ERROR,
        'an invalid grant was not answered with AcceptDone ERROR', `AcceptDone{grant_id: ${grantId}, accepted: 0, reason: ERROR}`,
        describeIncoming(d) + w.exitText(), ['ACCEPT-26']);
      }
      const q = w.acceptQueue(0);
      check(q === 2, 'the worker accepted under an invalid grant', '2 connections still queued', `${q}`, ['ACCEPT-26']);
    },
  }),
  workerCase({
    id: 'W-AC-013',
    section: '7.2.2',
    slug: 'duplicate-grant',
    title: 'A second grant for a listener already held is GRANT_VIOLATION (not fatal) and otherwise ignored',
    requirements: ['ACCEPT-27', 'ACCEPT-25'],
    level: 'MUST',
    feature: 'accept.arbiter',
    procedure: [
      'Start the worker in the arbiter strategy; queue nothing.',
      'Send AcceptGrant{grant_id: A, lease_ms: 600}, then AcceptGrant{grant_id: B, same listener}.',
    ],
    expectations: [`Error{code: ${codeName(207)}, fatal: false}; later one AcceptDone, for A only.`],
    async run(ctx) {
      const w = await arbiterWorker(ctx);
      const a = ctx.nextGrantId();
      const b = ctx.nextGrantId();
      w.wire.send({ kind: 'acceptGrant', body: { grantId: a, listener: 0, maxAccepts: 10, leaseMs: 600 } });
      w.wire.send({ kind: 'acceptGrant', body: { grantId: b, listener: 0, maxAccepts: 10, leaseMs: LONG_LEASE_MS } });
      await expectNonFatalError(ctx, w, ErrorCode.ERROR_CODE_GRANT_VIOLATION, ['ACCEPT-27']);
      await sleep(600 + ctx.timing.timeoutMs / 2);
      const dones = w.wire.received.flatMap((i) => (i.type === 'message' && i.message.kind === 'acceptDone' ? [i.message.body] : []));
      check(dones.length === 1 && dones[0]?.grantId === a, 'the duplicate grant was not ignored', `one AcceptDone, for grant ${a}`,
        dones.length ? dones.map(doneText).join('; ') : 'no AcceptDone', ['ACCEPT-27', 'ACCEPT-25']);
    },
  }),
  workerCase({
    id: 'W-AC-014',
    section: '7.2.2',
    slug: 'grant-while-draining',
    title: 'A draining worker answers a grant at once with AcceptDone{accepted: 0, DRAINING}',
    requirements: ['ACCEPT-28'],
    level: 'MUST',
    feature: 'accept.arbiter',
    procedure: [
      'Start the worker in the arbiter strategy; get one connection in flight; send Drain (it keeps draining).',
      'Queue two clients; send AcceptGrant{max_accepts: 10}.',
    ],
    expectations: ['AcceptDone{accepted: 0, reason: DRAINING} within the timeout; both clients stay queued.'],
    async run(ctx) {
      const w = await arbiterWorker(ctx);
      const busy = await ctx.inFlight(w, PARTIAL_HEAD);
      w.wire.send({ kind: 'drain', body: { deadlineMs: 10_000, reason: 'conformance' } });
      await sleep(50);
      await queueClients(ctx, w, 0, 2, true, ['ACCEPT-2']);
      const { done } = await grant(ctx, w, { maxAccepts: 10 });
      const q = w.acceptQueue(0);
      check(done.reason === ReleaseReason.RELEASE_REASON_DRAINING && done.accepted === 0 && q === 2, 'a draining worker used a grant',
        'AcceptDone{accepted: 0, reason: DRAINING}, 2 still queued', `${doneText(done)}; ${q} queued`, ['ACCEPT-28']);
      busy.write(END_OF_HEAD);
    },
  }),
  workerCase({
    id: 'W-AC-015',
    section: '7.1',
    slug: 'no-accept-before-ready',
    title: 'The worker accepts nothing before it has sent Ready',
    requirements: ['ACCEPT-2'],
    level: 'MUST',
    procedure: [
      'Start the worker in the shared (or exclusive, reuseport) strategy; queue two clients with requests.',
      'Read Hello, wait, then look at the accept queue before answering with Welcome.',
    ],
    expectations: ['Both connections are still queued when Welcome is sent; after Ready they are served.'],
    async run(ctx) {
      needProc();
      const strategy = (['shared', 'exclusive', 'reuseport'] as const).find((s) => ctx.has(`accept.${s}`));
      if (!strategy) throw new CaseUnsupported('the worker declares no strategy in which it accepts by itself');
      const w = ctx.start({ strategy, reusePort: strategy === 'reuseport' });
      const clients = await w.clientsTo(0, 2, true);
      await w.readHello();
      // Ready can only follow Welcome, so the window watched here (start to
      // Welcome) is entirely before Ready; after Welcome the order of the
      // worker's Ready and its first accept cannot be observed from outside.
      await sleep(ctx.timing.quietMs * 2);
      const before = w.acceptQueue(0);
      check(before === 2, 'the worker accepted before Ready', '2 connections queued until Welcome (and so until Ready)', `${before} queued`, ['ACCEPT-2']);
      w.sendWelcome();
      await w.wire.waitFor('ready', ctx.timing.bootTimeoutMs);
      const answered = await Promise.all(clients.map((c) => c.gotResponse(ctx.timing.timeoutMs)));
      check(answered.every(Boolean), 'the queued clients were not served after Ready', '2 answered', `${answered.filter(Boolean).length}`, ['ACCEPT-1']);
    },
  }),
  workerCase({
    id: 'W-AC-016',
    section: '7.3',
    slug: 'shared-race',
    title: 'Shared strategy: two workers racing on one listener both keep serving (an empty accept is normal)',
    requirements: ['SHARED-4', 'ACCEPT-3'],
    level: 'MUST',
    feature: 'accept.shared',
    procedure: [
      'Start two workers in the shared strategy on the same listener; complete both handshakes.',
      'Connect six clients with requests, twice, 300 ms apart.',
    ],
    expectations: ['Every client is answered, and both workers are still running afterwards.'],
    async run(ctx) {
      ctx.need('accept.shared');
      const a = ctx.start({ strategy: 'shared', workerId: 1 });
      await a.handshake();
      const b = ctx.startSharing(a, 2);
      await b.handshake();
      for (let round = 0; round < 2; round++) {
        const clients = await a.clientsTo(0, 6, true);
        const answered = await Promise.all(clients.map((c) => c.gotResponse(ctx.timing.timeoutMs)));
        check(answered.every(Boolean), 'clients of a shared listener were not served', '6 answered', `${answered.filter(Boolean).length} answered in round ${round + 1}`, ['SHARED-4']);
        await sleep(300);
      }
      check(!a.exit && !b.exit, 'a worker gave up after racing for connections', 'both still running', `${a.exitText()} ${b.exitText()}`, ['ACCEPT-3']);
    },
  }),
  workerCase({
    id: 'W-AC-017',
    section: '7.2.8',
    slug: 'revoke',
    title: 'accept.revoke: a revoked grant ends at once with AcceptDone REVOKED; a revoke for a grant not held is ignored',
    requirements: ['ACCEPT-42', 'ACCEPT-43', 'ACCEPT-24'],
    level: 'MUST',
    feature: 'accept.revoke',
    procedure: [
      'Start the worker in the arbiter strategy at version 1.1 with accept.revoke negotiated; complete the handshake.',
      'Send AcceptGrant{max_accepts: 10, lease_ms: 30000}; connect one client with a request and wait for its response.',
      'Send AcceptRevoke{grant_id, listener: 0}.',
      'Queue two more clients; then send AcceptRevoke again for the same grant, and one for a grant never given.',
    ],
    expectations: [
      'AcceptDone{grant_id, listener: 0, accepted: 1, reason: REVOKED} answers the first AcceptRevoke.',
      'The two later connections stay in the accept queue.',
      'Nothing but heartbeats answers the two later AcceptRevoke messages.',
    ],
    async run(ctx) {
      const { w, grantId } = await revocableHolder(ctx);
      const [first] = await w.clientsTo(0, 1, true);
      check(await (first as TestClient).gotResponse(ctx.timing.timeoutMs), 'the holder did not serve a connection under its grant', 'a response', 'none', ['ACCEPT-14']);
      w.wire.send({ kind: 'acceptRevoke', body: { grantId, listener: 0 } });
      const got = await w.wire.waitFor('acceptDone', ctx.timing.timeoutMs);
      if (got?.type !== 'message' || got.message.kind !== 'acceptDone') {
        fail('the worker did not answer AcceptRevoke', `AcceptDone{grant_id: ${grantId}, reason: REVOKED} within ${ctx.timing.timeoutMs} ms`, describeIncoming(got) + w.exitText(), ['ACCEPT-42']);
      }
      const done = got.message.body;
      check(done.grantId === grantId && done.listener === 0 && done.accepted === 1 && done.reason === ReleaseReason.RELEASE_REASON_REVOKED,
        'AcceptDone does not answer the revocation', `AcceptDone{grant_id: ${grantId}, listener: 0, accepted: 1, reason: REVOKED}`, doneText(done), ['ACCEPT-42', 'ACCEPT-24']);
      await queueClients(ctx, w, 0, 2, true, ['ACCEPT-42']);
      w.wire.send({ kind: 'acceptRevoke', body: { grantId, listener: 0 } });
      w.wire.send({ kind: 'acceptRevoke', body: { grantId: ctx.nextGrantId(), listener: 0 } });
      await expectQuiet(w, ctx.timing.quietMs, 'the worker answered an AcceptRevoke for a grant it does not hold', ['ACCEPT-43']);
      const q = w.acceptQueue(0);
      check(q === 2, 'the worker accepted after its grant was revoked', '2 connections in the accept queue', `${q}`, ['ACCEPT-42']);
    },
  }),
  workerCase({
    id: 'W-AC-018',
    section: '7.2.8',
    slug: 'revoke-while-stopped',
    title: 'accept.revoke: a holder resumed from SIGSTOP reads the AcceptRevoke before it accepts',
    requirements: ['ACCEPT-44', 'ACCEPT-42'],
    level: 'MUST',
    feature: 'accept.revoke',
    procedure: [
      'Start the worker in the arbiter strategy at version 1.1 with accept.revoke negotiated; complete the handshake.',
      'Send AcceptGrant{max_accepts: 10, lease_ms: 30000} and wait a moment for it to be read.',
      'SIGSTOP the worker; queue two clients with requests; send AcceptRevoke for the grant; SIGCONT the worker.',
    ],
    expectations: [
      'AcceptDone{accepted: 0, reason: REVOKED}.',
      'Both connections stay in the accept queue: the listener and the control channel became readable together, and the revocation came first.',
    ],
    async run(ctx) {
      const { w, grantId } = await revocableHolder(ctx);
      await sleep(ctx.timing.quietMs);
      process.kill(w.pid, 'SIGSTOP');
      try {
        // Race window: a worker woken by the signal but not yet run (a
        // loaded machine) can still return from its poll with a connection
        // that arrives meanwhile, and stop only then; it would rightly accept
        // that one on resuming, since the AcceptRevoke was not there when its
        // poll reported the listener. So connect only once it has stopped.
        for (let i = 0; i < 200 && processState(w.pid) !== 'T'; i++) await sleep(10);
        if (processState(w.pid) !== 'T') throw new CaseSkipped(`SIGSTOP did not stop the worker within 2 s (state ${processState(w.pid) ?? 'gone'})`);
        const clients = await w.clientsTo(0, 2, true);
        await w.waitQueue(0, 2, ctx.timing.quietMs);
        // The frame must be in the worker's socket buffer before it resumes:
        // a suite starved of CPU could otherwise still hold it in its own
        // write queue at SIGCONT, and the worker would rightly accept first.
        await w.wire.sendFlushed({ kind: 'acceptRevoke', body: { grantId, listener: 0 } });
        await sleep(20);
        process.kill(w.pid, 'SIGCONT');
        const got = await w.wire.waitFor('acceptDone', ctx.timing.timeoutMs);
        if (got?.type !== 'message' || got.message.kind !== 'acceptDone') {
          fail('the worker did not answer AcceptRevoke after SIGCONT', `AcceptDone{grant_id: ${grantId}, reason: REVOKED}`, describeIncoming(got) + w.exitText(), ['ACCEPT-42']);
        }
        const done = got.message.body;
        await sleep(ctx.timing.quietMs);
        const q = w.acceptQueue(0);
        check(done.accepted === 0 && q === 2, 'the resumed holder accepted before it read the AcceptRevoke waiting for it',
          'accepted: 0 and 2 connections left in the accept queue', `${doneText(done)}; ${q} left`, ['ACCEPT-44']);
        check(done.reason === ReleaseReason.RELEASE_REASON_REVOKED, 'the grant was released for the wrong reason', 'reason: REVOKED', doneText(done), ['ACCEPT-42']);
        for (const c of clients) c.socket.destroy();
      } finally {
        try { process.kill(w.pid, 'SIGCONT'); } catch { /* gone */ }
      }
    },
  }),
  workerCase({
    id: 'W-AC-019',
    section: '7.2.9',
    slug: 'overlap-exclusive-holder',
    title: 'accept.overlap: a holder polls its listener with EPOLLEXCLUSIVE and keeps its grant while another process takes connections beside it',
    requirements: ['ACCEPT-45', 'ACCEPT-48'],
    level: 'MUST',
    feature: 'accept.overlap',
    procedure: [
      'Start the worker in the arbiter strategy at version 1.5 with accept.overlap negotiated; complete the handshake.',
      'Send AcceptGrant{max_accepts: 1000, lease_ms: 30000}; read the worker\'s epoll registrations of the listener from /proc/<pid>/fdinfo.',
      'Connect 30 clients with requests, one at a time, while the suite itself accepts from the same listener as fast as it can (a co-holder), closing what it takes.',
      'Wait for the quiet period, then connect 2 more clients.',
    ],
    expectations: [
      'While it holds the grant, every epoll registration of the listener in the worker carries EPOLLEXCLUSIVE, and there is one.',
      'No AcceptDone arrives while the suite takes connections beside the worker: an accept that finds the queue empty does not end the grant.',
      'The 2 last clients are answered: the worker still holds and polls the listener.',
    ],
    async run(ctx) {
      const w = await arbiterWorker(ctx);
      if (!(w.welcome?.features ?? []).includes('accept.overlap')) {
        throw new CaseUnsupported('accept.overlap is a 1.5 feature and the worker does not list version 1.5 in Hello');
      }
      const grantId = ctx.nextGrantId();
      await w.wire.sendFlushed({ kind: 'acceptGrant', body: { grantId, listener: 0, maxAccepts: 1000, leaseMs: LONG_LEASE_MS } });
      const inode = (w.listeners[0] as { inode: number }).inode;
      let regs = epollRegistrations(w.pid).filter((r) => r.inode === inode);
      for (let i = 0; i < 100 && regs.length === 0; i++) {
        await sleep(10);
        regs = epollRegistrations(w.pid).filter((r) => r.inode === inode);
      }
      check(regs.length > 0, 'the holder does not watch its listener through epoll', 'an epoll registration of the listener with EPOLLEXCLUSIVE', 'none found', ['ACCEPT-45']);
      const plain = regs.filter((r) => (r.events & EPOLLEXCLUSIVE) === 0);
      check(plain.length === 0, 'the holder registered the listener without EPOLLEXCLUSIVE', 'EPOLLIN | EPOLLEXCLUSIVE in every registration',
        plain.map((r) => `epoll fd ${r.epfd}: events 0x${r.events.toString(16)}`).join('; '), ['ACCEPT-45']);
      // The suite as a second holder: it takes what it can of each
      // connection, so some of the worker's accepts find the queue empty
      // (a race by design; the checks below hold whoever wins it).
      const lfd = (w.listeners[0] as { fd: number }).fd;
      let stolen = 0;
      let stealing = true;
      const steal = () => {
        if (!stealing) return;
        try {
          const c = native.acceptFd(lfd);
          if (c >= 0) {
            stolen++;
            native.close(c);
          }
        } catch {
          // a connection reset while queued: nothing taken
        }
        setImmediate(steal);
      };
      steal();
      try {
        for (let i = 0; i < 30; i++) {
          const [c] = await w.clientsTo(0, 1, true);
          await c?.gotResponse(50);
          c?.socket.destroy();
        }
      } finally {
        stealing = false;
      }
      await sleep(ctx.timing.quietMs);
      const done = w.wire.received.find((i) => i.type === 'message' && i.message.kind === 'acceptDone');
      check(done === undefined, 'the holder released its grant while another process accepted beside it', 'no AcceptDone (max_accepts 1000, lease 30 s)',
        done ? describeIncoming(done) : '', ['ACCEPT-48']);
      const last = await w.clientsTo(0, 2, true);
      const answered = await Promise.all(last.map((c) => c.gotResponse(ctx.timing.timeoutMs)));
      check(answered.every(Boolean), 'the holder stopped serving its listener', '2 clients answered',
        `${answered.filter(Boolean).length} answered (the suite took ${stolen} of the 30 before)`, ['ACCEPT-48']);
      for (const c of last) c.socket.destroy();
    },
  }),
];
