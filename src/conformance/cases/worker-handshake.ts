// Worker cases: Hello, the handshake sequence and negotiation (spec 4.3, 5).
import { corral } from '../../protocol/codec.js';
import { frameHeader } from '../../protocol/framer.js';
import { FEATURES, HARD_MAX_FRAME_BYTES, PROTOCOL_VERSION } from '../../protocol/limits.js';
import { strategyToWire, type StrategyName } from '../../transport/process-state.js';
import { describeIncoming, describeMessage } from '../wire.js';
import { check, fail } from '../worker-context.js';
import {
  ErrorCode, codeName, expectDrained, expectFatalError, expectNonFatalError, expectNotBootStatus, expectStatus,
  workerCase, type WorkerCase,
} from './common.js';

const { WorkerKind } = corral.v1;

export const handshakeCases: WorkerCase[] = [
  workerCase({
    id: 'W-HS-001',
    section: '4.3',
    slug: 'hello-first',
    title: 'Hello is the first frame on the control channel',
    requirements: ['HELLO-1'],
    level: 'MUST',
    procedure: ['Start the worker with one listener.', 'Read the first frame from the control channel.'],
    expectations: ['The first frame is a well-framed Envelope carrying Hello, sent without waiting for the arbiter.'],
    async run(ctx) {
      const w = ctx.start(ctx.defaultStart());
      await w.readHello();
    },
  }),
  workerCase({
    id: 'W-HS-002',
    section: '4.3',
    slug: 'hello-well-formed',
    title: 'Hello lists version 1, its kind, its own pid and a valid frame limit',
    requirements: ['HELLO-2', 'HELLO-3', 'HELLO-4', 'HELLO-5', 'HELLO-7', 'MSG-1', 'COMPAT-9'],
    level: 'MUST',
    procedure: ['Start the worker.', 'Decode its Hello.'],
    expectations: [
      'versions is not empty and lists major 1.',
      'kind is SOCKET for a socket worker, TASK for a task worker (as discovery found it).',
      'pid is the process id of the worker.',
      `max_frame_bytes is 0 or at most ${HARD_MAX_FRAME_BYTES}.`,
      'Feature names not defined by 1.0 are extensions named domain/name.',
    ],
    async run(ctx) {
      const w = ctx.start(ctx.defaultStart());
      const h = await w.readHello();
      const seen = describeMessage({ kind: 'hello', body: h });
      check(h.versions.length > 0, 'Hello lists no version', 'Hello.versions has at least one entry', seen, ['HELLO-2']);
      check(h.versions.some((v) => v.major === PROTOCOL_VERSION.major), 'Hello does not list major version 1',
        `a Hello.versions entry with major ${PROTOCOL_VERSION.major}`, seen, ['HELLO-3']);
      const kind = w.task ? WorkerKind.WORKER_KIND_TASK : WorkerKind.WORKER_KIND_SOCKET;
      check(h.kind === kind, 'Hello.kind does not match the kind of worker', `Hello.kind ${WorkerKind[kind]}`, `Hello.kind ${WorkerKind[h.kind] ?? h.kind}`, ['HELLO-5']);
      check(h.pid === w.pid, 'Hello.pid is not the worker\'s process id', `Hello.pid ${w.pid}`, `Hello.pid ${h.pid}`, ['HELLO-4']);
      check(h.maxFrameBytes === 0 || h.maxFrameBytes <= HARD_MAX_FRAME_BYTES, 'Hello.max_frame_bytes is above the hard cap',
        `0 or at most ${HARD_MAX_FRAME_BYTES}`, String(h.maxFrameBytes), ['HELLO-7']);
      const unknown = h.features.filter((f) => !(FEATURES as readonly string[]).includes(f));
      const badExt = unknown.filter((f) => !/^[a-z0-9-]+(\.[a-z0-9-]+)+\/.+/i.test(f));
      check(badExt.length === 0, 'Hello lists features that are neither 1.0 features nor domain-named extensions',
        'only the features of section 5.3 or names like example.com/feature', JSON.stringify(badExt), ['COMPAT-9']);
    },
  }),
  workerCase({
    id: 'W-HS-003',
    section: '5.1',
    slug: 'silent-until-welcome',
    title: 'The worker sends nothing after Hello until Welcome arrives',
    requirements: ['HS-5'],
    level: 'MUST',
    procedure: ['Start the worker and read Hello.', 'Send nothing for a while and watch the control channel.', 'Then send Welcome.'],
    expectations: ['No frame arrives between Hello and Welcome.', 'Ready follows Welcome.'],
    async run(ctx) {
      const w = ctx.start(ctx.defaultStart());
      await w.readHello();
      const quiet = ctx.timing.quietMs * 2;
      const early = await w.wire.next(quiet);
      if (early !== undefined) {
        fail('the worker sent a frame before Welcome', `nothing for ${quiet} ms after Hello`, describeIncoming(early) + w.exitText(), ['HS-5']);
      }
      w.sendWelcome();
      const r = await w.wire.nextMessage(ctx.timing.bootTimeoutMs);
      check(r?.type === 'message' && r.message.kind === 'ready', 'no Ready after Welcome', 'Ready', describeIncoming(r), ['HS-8']);
    },
  }),
  workerCase({
    id: 'W-HS-004',
    section: '5.5',
    slug: 'ready-once',
    title: 'Ready comes once after Welcome, preceded by nothing but heartbeats',
    requirements: ['HS-8', 'HS-11'],
    level: 'MUST',
    procedure: ['Start the worker, read Hello, send Welcome with heartbeat_interval_ms 100.', 'Watch the frames for one second.'],
    expectations: ['Between Welcome and Ready only Heartbeat, Error or Goodbye; Ready exactly once.'],
    async run(ctx) {
      const w = ctx.start(ctx.defaultStart());
      await w.readHello();
      w.sendWelcome({ heartbeatIntervalMs: 100 });
      const r = await w.wire.next(ctx.timing.bootTimeoutMs, (i) => i.type !== 'message' || i.message.kind !== 'heartbeat');
      check(r?.type === 'message' && r.message.kind === 'ready', 'Welcome was not followed by Ready',
        'heartbeats at most, then Ready', describeIncoming(r) + w.exitText(), ['HS-8', 'HS-11']);
      const again = await w.wire.next(1000, (i) => i.type === 'message' && i.message.kind === 'ready');
      check(again === undefined || again.type === 'eof', 'the worker sent Ready twice', 'one Ready', describeIncoming(again), ['HS-8']);
    },
  }),
  workerCase({
    id: 'W-HS-005',
    section: '5.2',
    slug: 'refused-handshake-exits-3',
    title: 'A worker refused with a fatal VERSION_MISMATCH closes and exits with status 3',
    requirements: ['ERR-6', 'EXIT-2'],
    level: 'MUST',
    procedure: [
      'Start the worker and read Hello.',
      'Answer as an arbiter with no common major does: Error{code: VERSION_MISMATCH, fatal: true}, then close the control channel.',
    ],
    expectations: ['The worker sends nothing but, optionally, an Error, and exits with status 3.'],
    async run(ctx) {
      const w = ctx.start(ctx.defaultStart());
      await w.readHello();
      w.wire.send({ kind: 'error', body: { code: ErrorCode.ERROR_CODE_VERSION_MISMATCH, message: 'this arbiter speaks only 9.0', fatal: true } });
      w.wire.end();
      await ctx.mustExit(w, ctx.timing.timeoutMs, 'after a fatal VERSION_MISMATCH', ['ERR-6']);
      expectStatus(w, 3, ['EXIT-2'], 'when its handshake failed');
      const extra = w.wire.received.slice(1).find((i) => i.type === 'message' && i.message.kind !== 'error');
      check(extra === undefined, 'the worker went on after being refused', 'no frame other than Error after Hello', describeIncoming(extra), ['ERR-6']);
    },
  }),
  workerCase({
    id: 'W-HS-006',
    section: '5.2',
    slug: 'welcome-unoffered-version',
    title: 'A Welcome choosing a version the worker did not list is VERSION_MISMATCH, fatal',
    requirements: ['NEG-5', 'EXIT-2'],
    level: 'MUST',
    procedure: ['Start the worker and read Hello.', 'Send Welcome with version 9.0 (or 1.x above the worker\'s highest minor 1.x).'],
    expectations: ['Error{VERSION_MISMATCH, fatal: true}, close, exit status 3; no Ready.'],
    async run(ctx) {
      const w = ctx.start(ctx.defaultStart());
      const h = await w.readHello();
      if (h.versions.some((v) => v.major === 9)) throw new Error('the worker lists major 9; this case needs a major it does not list');
      w.sendWelcome({ version: { major: 9, minor: 0 } });
      await expectFatalError(ctx, w, ErrorCode.ERROR_CODE_VERSION_MISMATCH, ['NEG-5']);
      expectStatus(w, 3, ['EXIT-2'], 'when its handshake failed');
    },
  }),
  workerCase({
    id: 'W-HS-007',
    section: '5.1',
    slug: 'message-before-welcome',
    title: 'A message other than Welcome or Error before Welcome is UNEXPECTED_MESSAGE, fatal',
    requirements: ['HS-6', 'ERR-5', 'EXIT-2'],
    level: 'MUST',
    procedure: ['Start the worker and read Hello.', 'Send Drain instead of Welcome.'],
    expectations: [`Error{code: ${codeName(201)}, fatal: true}, close, exit status 3.`],
    async run(ctx) {
      const w = ctx.start(ctx.defaultStart());
      await w.readHello();
      w.wire.send({ kind: 'drain', body: { deadlineMs: 1000, reason: 'before welcome' } });
      await expectFatalError(ctx, w, ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, ['HS-6']);
      expectStatus(w, 3, ['EXIT-2'], 'when its handshake failed');
    },
  }),
  workerCase({
    id: 'W-HS-008',
    section: '5.1',
    slug: 'eof-during-handshake',
    title: 'The control channel closing before Welcome is a failed handshake: exit status 3',
    requirements: ['EXIT-2', 'STOP-4'],
    level: 'MUST',
    procedure: ['Start the worker and read Hello.', 'Close the control channel without answering.'],
    expectations: ['The worker exits at once with status 3.'],
    async run(ctx) {
      const w = ctx.start(ctx.defaultStart());
      await w.readHello();
      w.wire.end();
      await ctx.mustExit(w, ctx.timing.timeoutMs, 'when the control channel closed', ['STOP-4']);
      expectStatus(w, 3, ['EXIT-2'], 'when its handshake could not complete');
    },
  }),
  workerCase({
    id: 'W-HS-009',
    section: '5.5',
    slug: 'second-welcome',
    title: 'A second Welcome is UNEXPECTED_MESSAGE, fatal; the exit status is not 3 or 4 after Ready',
    requirements: ['HS-14', 'EXIT-5', 'EXIT-4'],
    level: 'MUST',
    procedure: ['Complete the handshake.', 'Send the same Welcome again.'],
    expectations: [`Error{code: ${codeName(201)}, fatal: true}, close, exit with a status other than 3 or 4 (1 recommended).`],
    async run(ctx) {
      const w = await ctx.ready();
      w.wire.send({ kind: 'welcome', body: w.welcome ?? {} });
      await expectFatalError(ctx, w, ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, ['HS-14']);
      expectNotBootStatus(w);
      check(w.exit?.code === 1, 'the worker did not exit with status 1 after a fatal protocol error', 'exit status 1', w.exitText().slice(2), ['EXIT-4'], 'SHOULD');
    },
  }),
  workerCase({
    id: 'W-HS-010',
    section: '5.5',
    slug: 'message-in-wrong-direction',
    title: 'A worker-to-arbiter message received by the worker is UNEXPECTED_MESSAGE, fatal',
    requirements: ['HS-15'],
    level: 'MUST',
    procedure: ['Complete the handshake.', 'Send a Heartbeat to the worker.'],
    expectations: [`Error{code: ${codeName(201)}, fatal: true}, close, exit.`],
    async run(ctx) {
      const w = await ctx.ready();
      w.wire.send({ kind: 'heartbeat', body: { timeMs: 1, inFlight: 0 } });
      await expectFatalError(ctx, w, ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, ['HS-15']);
      expectNotBootStatus(w);
    },
  }),
  workerCase({
    id: 'W-NG-001',
    section: '5.3',
    slug: 'welcome-unrequested-feature',
    title: 'Welcome.features listing a feature the worker did not offer is INVALID_FIELD, fatal',
    requirements: ['NEG-9', 'EXIT-2'],
    level: 'MUST',
    procedure: ['Read Hello.', 'Send Welcome whose features add example.com/not-offered.'],
    expectations: [`Error{code: ${codeName(206)}, fatal: true}, close, exit status 3.`],
    async run(ctx) {
      const w = ctx.start(ctx.defaultStart());
      const h = await w.readHello();
      w.sendWelcome({ features: [...h.features, 'example.com/not-offered'] });
      await expectFatalError(ctx, w, ErrorCode.ERROR_CODE_INVALID_FIELD, ['NEG-9']);
      expectStatus(w, 3, ['EXIT-2'], 'when its handshake failed');
    },
  }),
  workerCase({
    id: 'W-NG-002',
    section: '5.3',
    slug: 'welcome-strategy-mismatch',
    title: 'A Welcome.strategy that differs from CORRAL_ACCEPT is UNSUPPORTED_FEATURE, fatal',
    requirements: ['NEG-12', 'EXIT-2'],
    level: 'MUST',
    procedure: ['Start the worker with CORRAL_ACCEPT set to one strategy.', 'Send Welcome naming another strategy.'],
    expectations: [`Error{code: ${codeName(208)}, fatal: true}, close, exit status 3.`],
    async run(ctx) {
      const env = ctx.socketStrategy();
      const other = (['shared', 'arbiter', 'exclusive', 'reuseport'] as StrategyName[]).find((s) => s !== env) as StrategyName;
      const w = ctx.start({ strategy: env });
      await w.readHello();
      w.sendWelcome({ strategy: strategyToWire(other) });
      await expectFatalError(ctx, w, ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, ['NEG-12']);
      expectStatus(w, 3, ['EXIT-2'], 'when its handshake failed');
    },
  }),
  workerCase({
    id: 'W-NG-003',
    section: '10.3',
    slug: 'welcome-unknown-enum',
    title: 'An enum value unknown to 1.0 in Welcome.strategy is INVALID_FIELD, fatal',
    requirements: ['COMPAT-7', 'ERR-17'],
    level: 'MUST',
    procedure: ['Read Hello.', 'Send Welcome with strategy 77.'],
    expectations: [`Error{code: ${codeName(206)}, fatal: true}, close, exit status 3.`],
    async run(ctx) {
      const w = ctx.start(ctx.defaultStart());
      await w.readHello();
      w.sendWelcome({ strategy: 77 as corral.v1.AcceptStrategy });
      await expectFatalError(ctx, w, ErrorCode.ERROR_CODE_INVALID_FIELD, ['COMPAT-7', 'ERR-17']);
      expectStatus(w, 3, ['EXIT-2'], 'when its handshake failed');
    },
  }),
  workerCase({
    id: 'W-NG-004',
    section: '5.4',
    slug: 'negotiated-frame-limit',
    title: 'The worker applies the frame limit chosen in Welcome to what it receives',
    requirements: ['NEG-15', 'FRAME-5'],
    level: 'MUST',
    procedure: ['Complete the handshake with Welcome.max_frame_bytes = 1024.', 'Send a length prefix of 1025.'],
    expectations: [`Error{code: ${codeName(100)}, fatal: true}, close, exit.`],
    async run(ctx) {
      const w = await ctx.ready({ maxFrameBytes: 1024 });
      w.wire.sendRaw(frameHeader(1025), 'length-only', { length: 1025 });
      await expectFatalError(ctx, w, ErrorCode.ERROR_CODE_FRAME_TOO_LARGE, ['NEG-15', 'FRAME-5']);
    },
  }),
  workerCase({
    id: 'W-NG-005',
    section: '9.3',
    slug: 'message-of-unnegotiated-feature',
    title: 'A message of a feature not negotiated is UNSUPPORTED_FEATURE, not fatal, and ignored',
    requirements: ['ERR-18', 'NEG-7'],
    level: 'MUST',
    procedure: ['Complete the handshake without the tasks feature in Welcome.', 'Send Execute{request_id: 1, name: "x"}.', 'Then send Drain.'],
    expectations: [`Error{code: ${codeName(208)}, fatal: false}; no job reply; the Drain is honoured.`],
    async run(ctx) {
      const w = await ctx.ready({ features: ctx.testee.features.filter((f) => !f.startsWith('tasks')) });
      w.wire.send({ kind: 'execute', body: { requestId: 1, name: 'x', payload: new Uint8Array(0) } });
      await expectNonFatalError(ctx, w, ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, ['ERR-18']);
      await expectDrained(ctx, w, ['ERR-18', 'NEG-7']);
      const reply = w.wire.received.find((i) => i.type === 'message' && ['result', 'chunk', 'end'].includes(i.message.kind));
      check(reply === undefined, 'the worker ran a job of a feature that was not negotiated', 'no Result/Chunk/End', describeIncoming(reply), ['NEG-7']);
    },
  }),
  workerCase({
    id: 'W-HS-011',
    section: '10.2',
    slug: 'unknown-type-before-welcome',
    title: 'An unknown message type before Welcome is UNEXPECTED_MESSAGE, fatal, exit status 3 (not UNKNOWN_MESSAGE)',
    requirements: ['HS-6', 'HS-5', 'EXIT-2'],
    level: 'MUST',
    procedure: ['Start the worker and read Hello.', 'Send an Envelope of unknown type 45 instead of Welcome.'],
    expectations: [`Error{code: ${codeName(201)}, fatal: true} (no non-fatal ${codeName(200)}), close, exit status 3.`],
    async run(ctx) {
      const w = ctx.start(ctx.defaultStart());
      await w.readHello();
      w.wire.sendRaw(Buffer.from('00000003ea0200', 'hex'), 'unknown-type-45-before-welcome');
      await expectFatalError(ctx, w, ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, ['HS-6', 'HS-5']);
      expectStatus(w, 3, ['EXIT-2'], 'when its handshake failed');
    },
  }),
  workerCase({
    id: 'W-NG-006',
    section: '9.3',
    slug: 'handoff-on-control-channel',
    title: 'ConnectionHandoff on the control channel: UNSUPPORTED_FEATURE, not fatal, without accept.handoff; UNEXPECTED_MESSAGE, fatal, with it',
    requirements: ['ERR-18', 'HS-15', 'EXIT-5'],
    level: 'MUST',
    procedure: [
      'Complete the handshake in a strategy other than handoff, with accept.handoff left out of Welcome.features.',
      'Send ConnectionHandoff{handoff_id: 1} on the control channel; then Drain.',
      'If the worker declares accept.handoff: also complete the handshake of another one in the handoff strategy and send it the same frame on the control channel.',
    ],
    expectations: [
      `Without the feature: Error{code: ${codeName(208)}, fatal: false}; the Drain is honoured.`,
      `With it: Error{code: ${codeName(201)}, fatal: true}, close, exit with a status other than 3 or 4.`,
    ],
    async run(ctx) {
      const others = (['shared', 'arbiter', 'exclusive', 'reuseport'] as const).filter((s) => ctx.has(`accept.${s}`));
      const handoff = { kind: 'handoff', body: { handoffId: 1, listener: 0, peer: '127.0.0.1:1' } } as const;
      if (others.length === 0 && !ctx.has('accept.handoff')) ctx.socketStrategy();
      if (others.length > 0) {
        const strategy = others[0] as StrategyName;
        const w = await ctx.ready({ features: ctx.testee.features.filter((f) => f !== 'accept.handoff') }, { strategy, reusePort: strategy === 'reuseport' });
        w.wire.send(handoff);
        await expectNonFatalError(ctx, w, ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, ['ERR-18']);
        await expectDrained(ctx, w, ['ERR-18']);
      }
      if (ctx.has('accept.handoff')) {
        const w = await ctx.ready({}, { strategy: 'handoff' });
        w.wire.send(handoff);
        await expectFatalError(ctx, w, ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, ['HS-15']);
        expectNotBootStatus(w);
      }
    },
  }),
];

