// Worker cases: drain, stop, signals and the arbiter going away.
//
// "In flight" here is a client connection the worker has accepted whose
// request head is not complete yet: any HTTP server keeps it open and
// answers once the final empty line arrives, so the suite controls exactly
// when the work ends.
import { describeIncoming } from '../wire.js';
import { check, fail, type WorkerContext } from '../worker-context.js';
import { sleep, type TestWorker } from '../worker-harness.js';
import { END_OF_HEAD, ErrorCode, GoodbyeReason, PARTIAL_HEAD, expectDrained, expectNotBootStatus, expectQuiet, workerCase, type WorkerCase } from './common.js';
import { encodeFrame } from '../../protocol/codec.js';

function exitText(e: { code: number | null; signal: NodeJS.Signals | null }): string {
  return e.signal ? `killed by ${e.signal}` : `exit status ${e.code}`;
}

/**
 * The graceful path shared by Drain and SIGTERM: with one connection in
 * flight, `begin` starts the drain; the worker must stay up, answer the
 * request once it completes, then say Goodbye{DRAINED} and exit 0.
 */
async function gracefulWithWork(ctx: WorkerContext, begin: (w: TestWorker) => void, requirements: string[], goodbyeRequirements: string[]): Promise<void> {
  const w = await ctx.ready({ heartbeatIntervalMs: 100 });
  const client = await ctx.inFlight(w, PARTIAL_HEAD);
  begin(w);
  const began = ctx.transcript.now();
  const hold = Math.max(300, ctx.timing.quietMs);
  const early = await w.wire.next(hold, (i) => i.type === 'message' && i.message.kind === 'goodbye');
  if (early !== undefined || w.exit) {
    fail('the worker ended before its in-flight request finished', `the worker still running ${hold} ms later, no Goodbye`,
      (early ? describeIncoming(early) : 'still running') + w.exitText(), requirements);
  }
  check(!client.closed && client.data.length === 0, 'the in-flight connection was cut', 'the connection open and unanswered',
    client.closed ? 'the connection was closed' : 'it was answered before the request completed', requirements);
  const beats = w.wire.received.filter((i) => i.type === 'message' && i.message.kind === 'heartbeat' && i.tMs > began).length;
  check(beats > 0, 'the worker stopped heartbeating while it drained', `heartbeats every 100 ms during the ${hold} ms the work was held`,
    'none', ['DRAIN-2']);
  client.write(END_OF_HEAD);
  const answered = await client.gotResponse(ctx.timing.timeoutMs);
  check(answered, 'the in-flight request was not answered during the drain', 'a response after the request completed',
    client.closed ? 'the connection closed without a byte' : 'no byte', requirements);
  const bye = await w.wire.nextMessage(ctx.timing.timeoutMs, ['heartbeat', 'acceptDone', 'handoffAck']);
  if (bye?.type !== 'message' || bye.message.kind !== 'goodbye') {
    fail('no Goodbye after the drain finished', 'Goodbye{reason: DRAINED}', describeIncoming(bye) + w.exitText(), goodbyeRequirements);
  }
  check(bye.message.body.reason === GoodbyeReason.GOODBYE_REASON_DRAINED, 'the Goodbye has the wrong reason', 'Goodbye.reason = DRAINED',
    `Goodbye.reason = ${GoodbyeReason[bye.message.body.reason] ?? bye.message.body.reason}`, goodbyeRequirements);
  const e = await ctx.mustExit(w, ctx.timing.timeoutMs, 'after its drain', goodbyeRequirements);
  check(e.code === 0, 'the worker exited with an error after a drain', 'exit status 0', exitText(e), ['EXIT-1', ...goodbyeRequirements]);
}

/** An immediate stop: with work in flight, `begin` must make the worker exit promptly without waiting for it. */
async function immediateWithWork(ctx: WorkerContext, begin: (w: TestWorker) => void, requirements: string[]): Promise<TestWorker> {
  const w = await ctx.ready();
  await ctx.inFlight(w, PARTIAL_HEAD);
  begin(w);
  await ctx.mustExit(w, ctx.timing.timeoutMs, 'promptly while a request was in flight', requirements);
  check(w.exit?.code === 0, 'the worker did not exit with status 0', 'exit status 0', w.exitText().slice(2), ['EXIT-1']);
  return w;
}

function goodbyeReason(w: TestWorker): number | undefined {
  const bye = w.wire.received.find((i) => i.type === 'message' && i.message.kind === 'goodbye');
  return bye?.type === 'message' && bye.message.kind === 'goodbye' ? bye.message.body.reason : undefined;
}

export const lifecycleCases: WorkerCase[] = [
  workerCase({
    id: 'W-LC-001',
    section: '8.1',
    slug: 'drain-finishes-in-flight',
    title: 'Drain: in-flight work finishes (heartbeats go on), then Goodbye{DRAINED} and exit 0',
    requirements: ['DRAIN-2', 'DRAIN-5', 'EXIT-1'],
    level: 'MUST',
    procedure: [
      'Complete the handshake; put one connection in flight with an incomplete request head.',
      'Send Drain{deadline_ms: 10000}; wait a moment; complete the request.',
    ],
    expectations: [
      'The worker neither exits nor says Goodbye while the request is incomplete.',
      'The client gets its response; then Goodbye{DRAINED}; then exit code 0.',
    ],
    async run(ctx) {
      await gracefulWithWork(ctx, (w) => w.wire.send({ kind: 'drain', body: { deadlineMs: 10_000, reason: 'conformance' } }), ['DRAIN-2'], ['DRAIN-5']);
    },
  }),
  workerCase({
    id: 'W-LC-002',
    section: '8.1',
    slug: 'drain-stops-accepting',
    title: 'Drain: no new connection is accepted while in-flight work finishes',
    requirements: ['DRAIN-1', 'SHARED-6', 'ACCEPT-2'],
    level: 'MUST',
    procedure: [
      'Start the worker in the shared, exclusive or reuseport strategy; put one connection in flight.',
      'Send Drain; then connect two more clients with complete requests.',
    ],
    expectations: ['The two new connections stay in the accept queue and get no response while the worker drains.'],
    async run(ctx) {
      const strategy = (['shared', 'exclusive', 'reuseport'] as const).find((s) => ctx.has(`accept.${s}`));
      if (strategy === undefined) ctx.need('accept.shared');
      const w = ctx.start({ strategy: strategy as 'shared', reusePort: strategy === 'reuseport' });
      await w.handshake();
      const busy = await ctx.inFlight(w, PARTIAL_HEAD);
      w.wire.send({ kind: 'drain', body: { deadlineMs: 10_000, reason: 'conformance' } });
      await sleep(50);
      const late = await w.clientsTo(0, 2, true);
      await sleep(ctx.timing.quietMs * 2);
      const answered = late.filter((c) => c.data.length > 0).length;
      const q = w.exit ? 2 : w.acceptQueue(0);
      check(answered === 0 && q === 2, 'the worker accepted new connections while draining', '2 connections left in the queue, none answered',
        `${answered} answered, ${q} queued`, ['DRAIN-1']);
      busy.write(END_OF_HEAD);
    },
  }),
  workerCase({
    id: 'W-LC-003',
    section: '8.1',
    slug: 'drain-idle',
    title: 'Drain with nothing in flight: Goodbye{DRAINED, accepted_total} as the last frame, close, exit 0',
    requirements: ['DRAIN-5', 'EXIT-7', 'EXIT-1'],
    level: 'MUST',
    procedure: ['Complete the handshake; have one client served.', 'Send Drain{deadline_ms: 10000}.'],
    expectations: ['Goodbye{reason: DRAINED, accepted_total: 1} within the timeout, no frame after it, end of stream, exit status 0.'],
    async run(ctx) {
      const w = await ctx.ready();
      const c = await ctx.inFlight(w, PARTIAL_HEAD + END_OF_HEAD);
      await c.gotResponse(ctx.timing.timeoutMs);
      c.destroy();
      await sleep(50);
      const bye = await expectDrained(ctx, w, ['DRAIN-5']);
      check(bye.acceptedTotal === 1, 'Goodbye.accepted_total does not count the connection served', 'accepted_total: 1', `accepted_total: ${bye.acceptedTotal}`, ['DRAIN-5']);
      const i = w.wire.received.findIndex((x) => x.type === 'message' && x.message.kind === 'goodbye');
      const after = w.wire.received.slice(i + 1).find((x) => x.type !== 'eof');
      check(after === undefined, 'the worker sent frames after Goodbye', 'Goodbye is the last frame', describeIncoming(after), ['EXIT-7']);
    },
  }),
  workerCase({
    id: 'W-LC-004',
    section: '8.1',
    slug: 'drain-deadline',
    serial: true,
    title: 'Drain: the worker is gone by the deadline even if work never finishes',
    requirements: ['DRAIN-7'],
    level: 'SHOULD',
    procedure: ['Put one connection in flight whose request never completes.', 'Send Drain{deadline_ms: 1000}.'],
    expectations: ['The worker exits (after Goodbye) within the deadline plus a small tolerance, instead of waiting to be killed.'],
    async run(ctx) {
      const w = await ctx.ready();
      await ctx.inFlight(w, PARTIAL_HEAD);
      const deadline = 1000;
      w.wire.send({ kind: 'drain', body: { deadlineMs: deadline, reason: 'conformance' } });
      const sent = ctx.transcript.now();
      const e = await w.waitExit(deadline + ctx.timing.quietMs);
      if (!e) fail('the worker outlived its drain deadline', `exit within ${deadline} ms (+${ctx.timing.quietMs} ms)`, 'still running', ['DRAIN-7']);
      ctx.transcript.event('suite', 'note', `exited ${Math.round(e.tMs - sent)} ms after Drain`);
    },
  }),
  workerCase({
    id: 'W-LC-005',
    section: '8.2',
    slug: 'stop-exits-now',
    title: 'Stop: the worker exits at once, status 0, without waiting for in-flight work',
    requirements: ['STOP-1', 'EXIT-1', 'STOP-2'],
    level: 'MUST',
    procedure: ['Put one connection in flight with an incomplete request.', 'Send Stop.'],
    expectations: ['The worker exits within the timeout; a Goodbye{STOPPED} before it is recommended (best effort).'],
    async run(ctx) {
      const w = await immediateWithWork(ctx, (x) => x.wire.send({ kind: 'stop', body: { reason: 'conformance' } }), ['STOP-1']);
      const reason = goodbyeReason(w);
      check(reason === GoodbyeReason.GOODBYE_REASON_STOPPED, 'no Goodbye{STOPPED} before exiting on Stop', 'Goodbye{reason: STOPPED} (best effort)',
        reason === undefined ? 'no Goodbye' : `Goodbye.reason ${GoodbyeReason[reason] ?? reason}`, ['STOP-2'], 'SHOULD');
    },
  }),
  workerCase({
    id: 'W-LC-006',
    section: '8.2',
    slug: 'control-eof-exits',
    title: 'End of stream on the control channel: the arbiter is gone, the worker exits at once with status 0',
    requirements: ['STOP-4', 'FRAME-11', 'EXIT-1'],
    level: 'MUST',
    procedure: ['Complete the handshake; put one connection in flight.', 'Close the suite\'s end of the control channel (at a frame boundary).'],
    expectations: ['The worker exits within the timeout, with status 0, without Goodbye.'],
    async run(ctx) {
      const w = await immediateWithWork(ctx, (x) => x.wire.end(), ['STOP-4', 'FRAME-11']);
      check(goodbyeReason(w) === undefined, 'the worker said Goodbye to an arbiter that is gone', 'no Goodbye', 'Goodbye', ['STOP-4']);
    },
  }),
  workerCase({
    id: 'W-SG-001',
    section: '2.4',
    slug: 'sigterm-graceful',
    title: 'SIGTERM is a graceful stop: in-flight work finishes, Goodbye{DRAINED}, exit 0',
    requirements: ['SIG-1'],
    level: 'MUST',
    procedure: ['Complete the handshake; put one connection in flight with an incomplete request.', 'Send SIGTERM to the worker; then complete the request.'],
    expectations: ['As for Drain: the worker waits for the request, answers it, says Goodbye{DRAINED} and exits 0.'],
    async run(ctx) {
      await gracefulWithWork(ctx, (w) => {
        ctx.transcript.event('worker', 'signal', 'SIGTERM');
        w.child.kill('SIGTERM');
      }, ['SIG-1'], ['SIG-1']);
    },
  }),
  ...(['SIGINT', 'SIGQUIT'] as const).map((sig, i) =>
    workerCase({
      id: `W-SG-00${2 + i}`,
      section: '2.4',
      slug: `${sig.toLowerCase()}-immediate`,
      title: `${sig} is an immediate stop: exit status 0, Goodbye (if any) with reason SIGNAL`,
      requirements: ['SIG-2', 'STOP-1', 'EXIT-1', 'STOP-3'],
      level: 'MUST',
      procedure: ['Complete the handshake; put one connection in flight with an incomplete request.', `Send ${sig} to the worker.`],
      expectations: ['The worker exits within the timeout with status 0 without waiting for the request.', 'A Goodbye, recommended, has reason SIGNAL.'],
      async run(ctx: WorkerContext) {
        const w = await immediateWithWork(ctx, (x) => {
          ctx.transcript.event('worker', 'signal', sig);
          x.child.kill(sig);
        }, ['SIG-2', 'STOP-1']);
        const reason = goodbyeReason(w);
        check(reason === undefined || reason === GoodbyeReason.GOODBYE_REASON_SIGNAL, `the Goodbye after ${sig} has the wrong reason`, 'Goodbye.reason = SIGNAL',
          `Goodbye.reason = ${GoodbyeReason[reason ?? 0]}`, ['SIG-2']);
        check(reason !== undefined, `no Goodbye before exiting on ${sig}`, 'Goodbye{reason: SIGNAL} (best effort)', 'no Goodbye', ['STOP-3'], 'SHOULD');
      },
    })),
  workerCase({
    id: 'W-SG-004',
    section: '2.4',
    slug: 'sighup-ignored',
    title: 'SIGHUP does not stop the worker',
    requirements: ['SIG-3'],
    level: 'SHOULD',
    procedure: ['Complete the handshake with heartbeat_interval_ms 100.', 'Send SIGHUP; watch for 500 ms.'],
    expectations: ['The worker keeps running and heartbeating.'],
    async run(ctx) {
      const w = await ctx.ready({ heartbeatIntervalMs: 100 });
      ctx.transcript.event('worker', 'signal', 'SIGHUP');
      w.child.kill('SIGHUP');
      const at = ctx.transcript.now();
      await sleep(500);
      const beats = w.wire.received.filter((i) => i.type === 'message' && i.message.kind === 'heartbeat' && i.tMs > at + 200).length;
      check(!w.exit && beats > 0, 'SIGHUP stopped the worker', 'still running and heartbeating', w.exit ? w.exitText().slice(2) : 'no heartbeat', ['SIG-3']);
    },
  }),
  workerCase({
    id: 'W-LC-007',
    section: '8.1',
    slug: 'second-drain-keeps-earlier-deadline',
    serial: true,
    title: 'A second Drain does not extend the deadline of the first',
    requirements: ['DRAIN-8', 'DRAIN-7'],
    level: 'SHOULD',
    procedure: [
      'Put one connection in flight whose request never completes.',
      'Send Drain{deadline_ms: 1000}, then Drain{deadline_ms: 0} (no deadline).',
    ],
    expectations: ['The worker still gives up near the first deadline: it exits within 1000 ms plus a tolerance.'],
    async run(ctx) {
      const w = await ctx.ready();
      await ctx.inFlight(w, PARTIAL_HEAD);
      w.wire.send({ kind: 'drain', body: { deadlineMs: 1000, reason: 'first' } });
      await sleep(50);
      w.wire.send({ kind: 'drain', body: { deadlineMs: 0, reason: 'second' } });
      const e = await w.waitExit(1000 + ctx.timing.quietMs);
      if (!e) fail('the second Drain lifted the deadline of the first', `exit within 1000 ms (+${ctx.timing.quietMs} ms)`, 'still running', ['DRAIN-8']);
    },
  }),
  workerCase({
    id: 'W-LC-008',
    section: '3.4',
    slug: 'eof-inside-frame',
    title: 'End of stream inside a frame is FRAME_TRUNCATED: the partial frame is not acted on',
    requirements: ['FRAME-6', 'EXIT-1'],
    level: 'MUST',
    procedure: ['Complete the handshake.', 'Send all but the last octet of a Drain frame, then close the control channel.'],
    expectations: ['The worker exits within the timeout without acting on the partial Drain (no Goodbye{DRAINED}), with status 0 as on any end of stream after Welcome.'],
    async run(ctx) {
      const w = await ctx.ready();
      const drain = encodeFrame({ kind: 'drain', body: { deadlineMs: 5000, reason: 'truncated' } });
      w.wire.sendRaw(drain.subarray(0, drain.length - 1), 'drain-without-last-octet');
      await sleep(50);
      w.wire.end();
      await ctx.mustExit(w, ctx.timing.timeoutMs, 'after end of stream inside a frame', ['FRAME-6']);
      check(goodbyeReason(w) !== GoodbyeReason.GOODBYE_REASON_DRAINED, 'the worker acted on a truncated Drain', 'no drain', 'Goodbye{DRAINED}', ['FRAME-6']);
      check(w.exit?.code === 0, 'the worker did not exit with status 0 after end of stream inside a frame', 'exit status 0 (the arbiter is gone)', w.exitText().slice(2), ['FRAME-6', 'EXIT-1']);
    },
  }),
  workerCase({
    id: 'W-ER-001',
    section: '9.1',
    slug: 'fatal-error-received',
    title: 'An Error with fatal true, whatever its code, makes the worker close and exit',
    requirements: ['ERR-6', 'ERR-7', 'ERR-8', 'EXIT-5', 'EXIT-4'],
    level: 'MUST',
    procedure: ['Complete the handshake.', 'Send Error{code: 1500 (implementation-specific), fatal: true}.'],
    expectations: ['The worker closes the control channel and exits, without answering with an Error, and not with status 3 or 4 (1 recommended, not the 0 of a lost arbiter).'],
    async run(ctx) {
      const w = await ctx.ready();
      w.wire.send({ kind: 'error', body: { code: 1500, message: 'conformance: fatal error with an unknown code', fatal: true } });
      const closed = await w.wire.waitEof(ctx.timing.timeoutMs);
      check(closed, 'the worker kept the channel open after a fatal Error', 'end of stream', 'the channel stayed open', ['ERR-6', 'ERR-7']);
      await ctx.mustExit(w, ctx.timing.timeoutMs, 'after a fatal Error', ['ERR-6']);
      const answered = w.wire.received.find((i) => i.type === 'message' && i.message.kind === 'error');
      check(answered === undefined, 'the worker answered an Error with an Error', 'no Error', describeIncoming(answered), ['ERR-8']);
      expectNotBootStatus(w);
      check(w.exit?.code === 1, 'the worker did not exit with status 1 after a fatal Error once Ready', 'exit status 1', w.exitText().slice(2), ['EXIT-4'], 'SHOULD');
    },
  }),
  workerCase({
    id: 'W-ER-002',
    section: '9.1',
    slug: 'non-fatal-error-received',
    title: 'An Error with fatal false is only recorded, whatever its code and text; reasons are not acted on',
    requirements: ['ERR-7', 'ERR-8', 'SEC-9'],
    level: 'MUST',
    procedure: [
      'Complete the handshake.',
      'Send Error{code: FRAME_TOO_LARGE (normally fatal), fatal: false, message: "fatal: exit now"}.',
      'Send Drain{reason: "stop immediately"} with a connection in flight.',
    ],
    expectations: ['No Error in reply and the channel stays open; the Drain is a normal drain (the in-flight request is answered).'],
    async run(ctx) {
      const w = await ctx.ready();
      w.wire.send({ kind: 'error', body: { code: ErrorCode.ERROR_CODE_FRAME_TOO_LARGE, message: 'fatal: exit now', fatal: false } });
      await expectQuiet(w, ctx.timing.quietMs, 'the worker reacted to a non-fatal Error', ['ERR-7', 'ERR-8']);
      check(!w.wire.eof && !w.exit, 'the worker closed after a non-fatal Error', 'the channel open', 'closed' + w.exitText(), ['ERR-7']);
      const client = await ctx.inFlight(w, PARTIAL_HEAD);
      w.wire.send({ kind: 'drain', body: { deadlineMs: 10_000, reason: 'stop immediately' } });
      await sleep(100);
      check(!w.exit, 'the worker acted on the text of Drain.reason', 'a drain that waits for in-flight work', w.exitText().slice(2), ['SEC-9']);
      client.write(END_OF_HEAD);
      check(await client.gotResponse(ctx.timing.timeoutMs), 'the in-flight request was not answered', 'a response', 'no byte', ['SEC-9']);
    },
  }),
];
