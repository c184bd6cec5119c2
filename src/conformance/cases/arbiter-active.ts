// Arbiter cases that start an arbiter of their own: misbehaving probes
// (version, handshake, frames, grants), liveness, stops, reloads, re-exec
// and supervision.
import { encodeFrame, encodeMessage, type OutMessage } from '../../protocol/codec.js';
import { CaseSkipped, CaseUnsupported } from '../types.js';
import { check, fail, firstOnly, type ArbiterContext } from '../arbiter-context.js';
import type { ProbeHandle, TestArbiter } from '../arbiter-harness.js';
import { monoMs, type ProbeScript } from '../probe-protocol.js';
import { acceptQueueByInode, processState } from '../procfs.js';
import { sleep } from '../worker-harness.js';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ErrorCode, arbiterCase, codeName, expectFatal, field, grantEnd, grants, num, othersUnaffected } from './arbiter-common.js';
import { varint } from '../../protocol/raw.js';

function hex(m: OutMessage): string {
  return encodeFrame(m).toString('hex');
}

function frameHex(envelope: number[] | Buffer): string {
  const b = Buffer.from(envelope);
  const h = Buffer.alloc(4);
  h.writeUInt32BE(b.length, 0);
  return Buffer.concat([h, b]).toString('hex');
}

/** Starts an arbiter whose first probe follows `script`; returns it and that probe once it reported enough. */
async function misbehave(ctx: ArbiterContext, script: ProbeScript): Promise<{ a: TestArbiter; p: ProbeHandle }> {
  const a = await ctx.start({ scriptFor: firstOnly(script) });
  const ok = await a.until(() => a.probes.length > 0, ctx.timing.bootTimeoutMs);
  if (!ok) fail('the arbiter started no worker', 'a probe', `none${a.exit ? `; the arbiter exited ${a.exit.code ?? a.exit.signal}` : ''}`, ['SUP-2']);
  return { a, p: a.probes[0] as ProbeHandle };
}

/** A probe that completes its handshake, then sends `hexes`. */
async function hostile(ctx: ArbiterContext, hexes: string[], extra: ProbeScript = {}): Promise<{ a: TestArbiter; p: ProbeHandle; sentAt: number }> {
  const { a, p } = await misbehave(ctx, { afterReady: { delayMs: 400, hex: hexes }, ...extra });
  await a.until(() => p.sent('raw').length === hexes.length || p.closed, ctx.timing.bootTimeoutMs + 1000);
  const sentAt = p.sent('raw')[0]?.at ?? monoMs();
  if (p.sent('raw').length === 0) fail('the probe never got to send its frames', 'a completed handshake', p.recv().map((r) => r.kind).join(', ') || 'nothing', ['HS-4']);
  return { a, p, sentAt };
}

/** Hostile frame: the arbiter answers Error{code} fatal, closes, and the others carry on. */
function hostileCase(id: string, section: string, slug: string, title: string, requirements: string[], frames: () => string[], code: number, what: string) {
  return arbiterCase({
    id, section, slug, title, requirements, level: 'MUST',
    procedure: [`Start the arbiter; once its first probe is ready, that probe sends ${what}.`],
    expectations: [`Error{code: ${codeName(code)}, fatal: true} to that probe, then end of stream; the other workers are unaffected.`],
    async run(ctx) {
      ctx.needProtocol();
      const { a, p, sentAt } = await hostile(ctx, frames());
      await expectFatal(ctx, a, p, code, requirements.slice(0, 1));
      await sleep(200);
      othersUnaffected(a, [p], sentAt, ['ERR-12']);
    },
  });
}


export const activeCases = [
  arbiterCase({
    id: 'A-HS-002',
    section: '5.2',
    slug: 'version-mismatch',
    title: 'A worker offering only major 9 is answered VERSION_MISMATCH, fatal, and the channel closed',
    requirements: ['NEG-2', 'ERR-5'],
    level: 'MUST',
    procedure: ['Start the arbiter; its first probe\'s Hello lists only version 9.0.'],
    expectations: [`Error{code: ${codeName(202)}, fatal: true}, then end of stream.`],
    async run(ctx) {
      ctx.needProtocol();
      const { a, p } = await misbehave(ctx, { hello: { versions: [{ major: 9, minor: 0 }] }, ignoreEof: true });
      await expectFatal(ctx, a, p, ErrorCode.ERROR_CODE_VERSION_MISMATCH, ['NEG-2']);
      check(p.welcome === undefined, 'the arbiter welcomed a worker it shares no version with', 'no Welcome', JSON.stringify(p.welcome), ['NEG-2']);
    },
  }),
  arbiterCase({
    id: 'A-HS-003',
    section: '5.1',
    slug: 'first-frame-not-hello',
    title: 'A first frame other than Hello is UNEXPECTED_MESSAGE, fatal',
    requirements: ['HS-2'],
    level: 'MUST',
    procedure: ['Start the arbiter; its first probe sends Heartbeat instead of Hello.'],
    expectations: [`Error{code: ${codeName(201)}, fatal: true}, then end of stream.`],
    async run(ctx) {
      ctx.needProtocol();
      const { a, p } = await misbehave(ctx, { firstFrameHex: hex({ kind: 'heartbeat', body: { timeMs: 1 } }), ignoreEof: true });
      await expectFatal(ctx, a, p, ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, ['HS-2']);
    },
  }),
  arbiterCase({
    id: 'A-HS-004',
    section: '5.1',
    slug: 'handshake-timeout',
    title: 'A worker that never sends Hello gets HANDSHAKE_TIMEOUT, fatal, within the handshake timeout',
    requirements: ['HS-1'],
    level: 'MUST',
    procedure: ['Start the arbiter; its first probe never sends Hello.', 'Wait up to the default handshake timeout (10 s) plus the suite timeout.'],
    expectations: [`Error{code: ${codeName(203)}, fatal: true}, then end of stream.`],
    async run(ctx) {
      ctx.needProtocol();
      const { a, p } = await misbehave(ctx, { noHello: true, ignoreEof: true });
      await expectFatal(ctx, a, p, ErrorCode.ERROR_CODE_HANDSHAKE_TIMEOUT, ['HS-1'], 10_000 + ctx.timing.timeoutMs * 2);
    },
  }),
  arbiterCase({
    id: 'A-NG-001',
    section: '5.4',
    slug: 'worker-frame-limit',
    title: 'A worker\'s smaller max_frame_bytes is negotiated, bounds the Welcome, and is enforced on what the worker sends',
    requirements: ['NEG-4', 'NEG-14', 'NEG-15', 'SEC-7'],
    level: 'MUST',
    procedure: ['Start the arbiter; its first probe declares max_frame_bytes 2048, and once ready sends a Heartbeat padded to 2100 octets.'],
    expectations: ['Welcome.max_frame_bytes between 1 and 2048, in a frame of at most 2048 octets.', `Error{code: ${codeName(100)}, fatal: true} for the big frame.`],
    async run(ctx) {
      ctx.needProtocol();
      const body = encodeMessage({ kind: 'heartbeat', body: { timeMs: 1 } });
      const pad = Buffer.alloc(2100 - body.length - 6, 0x61);
      const inner = Buffer.concat([Buffer.from(body.subarray(2)), Buffer.from([...varint((50 << 3) | 2), ...varint(pad.length)]), pad]);
      const big = frameHex(Buffer.concat([Buffer.from([0x22, ...varint(inner.length)]), inner]));
      const { a, p } = await hostile(ctx, [big], { hello: { maxFrameBytes: 2048 }, ignoreEof: true });
      const w = p.recv('welcome')[0];
      const max = num(field(w?.body, 'maxFrameBytes'));
      check(max >= 1 && max <= 2048, 'Welcome.max_frame_bytes is not the worker\'s smaller limit', 'between 1 and 2048', String(max), ['NEG-4']);
      check((w?.size ?? 0) <= 2048, 'Welcome is larger than the negotiated limit', 'at most 2048 octets', String(w?.size), ['NEG-14']);
      await expectFatal(ctx, a, p, ErrorCode.ERROR_CODE_FRAME_TOO_LARGE, ['NEG-15', 'SEC-7']);
    },
  }),
  arbiterCase({
    id: 'A-NG-002',
    section: '5.4',
    slug: 'hello-of-64-kib',
    title: 'A Hello of 65536 octets is accepted before any negotiation',
    requirements: ['NEG-13', 'FRAME-4'],
    level: 'MUST',
    procedure: ['Start the arbiter; its first probe sends a Hello whose Envelope is exactly 65536 octets (a long implementation string).'],
    expectations: ['Welcome.'],
    async run(ctx) {
      ctx.needProtocol();
      const { a, p } = await misbehave(ctx, { hello: { padTo: 65536 } });
      await a.until(() => p.welcome !== undefined || p.closed || p.recv('error').length > 0, ctx.timing.bootTimeoutMs);
      check(p.welcome !== undefined, 'a Hello of 65536 octets was refused', 'Welcome', p.recv().map((r) => JSON.stringify(r.body)).join('; ') || 'nothing', ['NEG-13']);
    },
  }),
  arbiterCase({
    id: 'A-NG-003',
    section: '5.3',
    slug: 'missing-strategy-feature',
    title: 'A socket worker without the strategy\'s accept.* feature is refused with UNSUPPORTED_FEATURE, fatal',
    requirements: ['NEG-10'],
    level: 'MUST',
    procedure: ['Start the arbiter; its first probe\'s Hello lists only load-report.'],
    expectations: [`Error{code: ${codeName(208)}, fatal: true}, then end of stream.`],
    async run(ctx) {
      ctx.needProtocol();
      const { a, p } = await misbehave(ctx, { hello: { features: ['load-report'] }, ignoreEof: true });
      await expectFatal(ctx, a, p, ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, ['NEG-10']);
    },
  }),
  arbiterCase({
    id: 'A-NG-004',
    section: '5.3',
    slug: 'task-worker-in-socket-pool',
    title: 'A task worker is refused with UNSUPPORTED_FEATURE unless the arbiter runs task workers, then welcomed as one',
    requirements: ['NEG-11', 'WELCOME-5', 'WELCOME-6'],
    level: 'MUST',
    procedure: ['Start the arbiter; its first probe\'s Hello says kind TASK with the tasks feature.'],
    expectations: [`Either Error{code: ${codeName(208)}, fatal: true}, or Welcome with strategy UNSPECIFIED and no listeners.`],
    async run(ctx) {
      ctx.needProtocol();
      const { a, p } = await misbehave(ctx, { hello: { kind: 2, features: ['tasks'] }, ignoreEof: true });
      await a.until(() => p.welcome !== undefined || p.recv('error').length > 0 || p.closed, ctx.timing.bootTimeoutMs);
      if (p.welcome) {
        check(p.welcome['strategy'] === undefined && ((p.welcome['listeners'] as unknown[] | undefined) ?? []).length === 0, 'a task worker was welcomed as a socket worker',
          'strategy UNSPECIFIED, no listeners', JSON.stringify(p.welcome), ['WELCOME-5', 'WELCOME-6']);
        return;
      }
      await expectFatal(ctx, a, p, ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, ['NEG-11']);
    },
  }),
  arbiterCase({
    id: 'A-NG-005',
    section: '9.3',
    slug: 'invalid-hello-fields',
    title: 'A Hello with no version, or an unknown kind, is INVALID_FIELD, fatal',
    requirements: ['ERR-17', 'COMPAT-7'],
    level: 'MUST',
    procedure: ['Start the arbiter twice; the first probe\'s Hello has no versions in one, and kind 9 in the other.'],
    expectations: [`Error{code: ${codeName(206)}, fatal: true}, then end of stream, both times.`],
    async run(ctx) {
      ctx.needProtocol();
      for (const hello of [{ versions: [] }, { kind: 9 }]) {
        const { a, p } = await misbehave(ctx, { hello, ignoreEof: true });
        await expectFatal(ctx, a, p, ErrorCode.ERROR_CODE_INVALID_FIELD, [hello.kind ? 'COMPAT-7' : 'ERR-17']);
      }
    },
  }),
  arbiterCase({
    id: 'A-LV-001',
    section: '6.2',
    slug: 'heartbeat-timeout',
    title: 'A worker that stops heartbeating gets SIGTERM after heartbeat_timeout_ms, no work meanwhile, and is replaced; time_ms is not used',
    requirements: ['LIVE-7', 'LIVE-8', 'LIVE-10', 'LIVE-6', 'LIVE-12', 'SUP-7', 'SUP-2', 'SEC-6'],
    level: 'MUST',
    procedure: [
      'Start the arbiter; its first probe sends no Heartbeat after Ready and states in Hello.pid the pid of an unrelated idle process.',
      'The other probes send heartbeats with time_ms 0. Requests keep coming.',
      'Wait heartbeat_timeout_ms plus 1.5 s plus the suite timeout.',
    ],
    expectations: [
      'The silent probe gets SIGTERM (after an optional HEARTBEAT_TIMEOUT Error), not before the timeout; no grant reaches it once it is stuck.',
      'The unrelated process gets no signal; the others are not stopped; a replacement starts; the arbiter logs the exit with the pid and "heartbeat timeout".',
    ],
    async run(ctx) {
      ctx.needProtocol();
      const decoy = spawn('sleep', ['60'], { stdio: 'ignore' });
      try {
        const a = await ctx.start({ scriptFor: (_s, i) => (i === 0 ? { heartbeat: 'none', hello: { pid: decoy.pid ?? 1 } } : { zeroTime: true }) });
        await a.until(() => (a.probes[0]?.readyAt ?? 0) > 0, ctx.timing.bootTimeoutMs);
        const p = a.probes[0] as ProbeHandle;
        const timeout = num(p.welcome?.['heartbeatTimeoutMs']);
        if (!timeout) throw new CaseUnsupported('Welcome.heartbeat_timeout_ms is 0: the arbiter does not enforce liveness');
        if (timeout > 20_000) throw new CaseSkipped(`heartbeat_timeout_ms is ${timeout}; configure the arbiter with a shorter timeout to run this case`);
        const sigAt = () => p.of('signal').find((x) => x.signal === 'SIGTERM')?.at ?? Infinity;
        // The last frame the probe sent while it was still silent (its Goodbye after SIGTERM does not count).
        const lastFrame = () => Math.max(...p.sent().filter((e) => e.at < sigAt()).map((e) => e.at), p.recv('welcome')[0]?.at ?? 0);
        const traffic = a.traffic(20, 2, ctx.timing.timeoutMs);
        const got = await a.until(() => p.signals().includes('SIGTERM') || p.closed, timeout + 1500 + ctx.timing.timeoutMs);
        await traffic;
        check(got && p.signals().includes('SIGTERM'), 'a silent worker was not sent SIGTERM', `SIGTERM within ${timeout} ms (+1.5 s)`, p.closed ? 'it was ended without SIGTERM' : 'nothing', ['LIVE-7', 'LIVE-8']);
        const termAt = p.of('signal').find((s) => s.signal === 'SIGTERM')?.at ?? 0;
        check(termAt - lastFrame() >= timeout - 50, 'a worker was declared stuck before its heartbeat timeout', `no SIGTERM before ${timeout} ms of silence`,
          `SIGTERM after ${Math.round(termAt - lastFrame())} ms`, ['LIVE-7']);
        const late = p.recv().find((r) => ['acceptGrant', 'handoff', 'execute'].includes(r.kind) && r.at > lastFrame() + timeout);
        check(late === undefined, 'a stuck worker was given work', 'nothing after it is stuck', `${late?.kind}`, ['LIVE-10']);
        check(decoy.exitCode === null && decoy.signalCode === null, 'the arbiter signalled the process named in Hello.pid', 'the decoy untouched', `decoy ${decoy.signalCode ?? decoy.exitCode}`, ['SEC-6']);
        othersUnaffected(a, [p], 0, ['LIVE-6']);
        await a.until(() => a.probes.length > 1 && a.probes.some((x) => x.index > 0 && x.start.at > termAt), ctx.timing.timeoutMs * 3);
        check(a.probes.some((x) => x.start.at > termAt), 'the stuck worker was not replaced', 'a new worker', 'none', ['SUP-2']);
        // The process the arbiter started: the probe, or a wrapper in the command that started it.
        const started = p.start.ppid === a.pid ? p.pid : p.start.ppid;
        await a.until(() => /heartbeat timeout/i.test(a.output) && a.output.includes(String(started)), ctx.timing.timeoutMs);
        check(/heartbeat timeout/i.test(a.output), 'the arbiter did not log the heartbeat timeout', 'a log line with "heartbeat timeout"', a.output.split('\n').slice(-5).join(' | '), ['LIVE-12']);
        check(a.output.includes(String(started)), 'the exit log does not name the worker\'s pid', `pid ${started} in the log`, a.output.split('\n').slice(-5).join(' | '), ['SUP-7']);
      } finally {
        decoy.kill('SIGKILL');
      }
    },
  }),
  arbiterCase({
    id: 'A-GR-003',
    section: '7.2.6',
    slug: 'regrant-after-holder-dies',
    title: 'When a grant holder dies, the listener is granted again at once and queued connections are served',
    requirements: ['ACCEPT-36', 'ACCEPT-32', 'SUP-2'],
    level: 'MUST',
    procedure: [
      'Start the arbiter (arbiter strategy, at least 2 workers); every probe exits with status 1 on its first grant (the first to get one dies holding it).',
      'Then send requests.',
    ],
    expectations: ['Within the timeout (not lease_ms later) another probe gets a grant for that listener; the requests are answered; a replacement starts.'],
    async run(ctx) {
      ctx.needProtocol();
      ctx.needStrategy('arbiter');
      const a = await ctx.start({ scriptFor: (_s, i) => (i === 0 ? { onGrant: 'die', onGrantOnce: true } : {}) });
      await a.settled(ctx.timing.bootTimeoutMs);
      const victim = a.probes[0] as ProbeHandle;
      const c = a.client(ctx.timing.timeoutMs * 3);
      const died = await a.until(() => victim.closed, ctx.timing.timeoutMs * 2);
      if (!died) {
        c.socket.destroy();
        throw new CaseSkipped('the first probe was never granted the listener');
      }
      const grant = grants(a).find((g) => g.at > (victim.closedAt ?? 0));
      const lease = grants(a)[0]?.leaseMs ?? 1000;
      await a.until(() => grants(a).some((g) => g.at > (victim.closedAt ?? 0)), Math.min(lease, ctx.timing.timeoutMs));
      const next = grant ?? grants(a).find((g) => g.at > (victim.closedAt ?? 0));
      check(next !== undefined, 'the listener was not granted again after its holder died', `a grant within ${Math.min(lease, ctx.timing.timeoutMs)} ms of the death`,
        'none', ['ACCEPT-36', 'ACCEPT-32']);
      check(await c.answered, 'a connection queued while the holder died was not served', 'an answer', 'none', ['ACCEPT-32']);
      await a.until(() => a.probes.some((p) => p.start.at > (victim.closedAt ?? 0)), ctx.timing.timeoutMs * 3);
      check(a.probes.some((p) => p.start.at > (victim.closedAt ?? 0)), 'the dead worker was not replaced', 'a new worker', 'none', ['SUP-2']);
    },
  }),
  arbiterCase({
    id: 'A-GR-004',
    section: '7.2.6',
    slug: 'lost-grant',
    title: 'A grant never answered is declared lost after lease_ms plus grace; its late AcceptDone is ignored',
    requirements: ['ACCEPT-34', 'ACCEPT-30', 'ACCEPT-39'],
    level: 'MUST',
    procedure: [
      'Start the arbiter (arbiter strategy); the first probe to get a grant keeps it and never answers; send a request. The probes do not list accept.revoke.',
      'After a new grant reaches another probe, the first sends its late AcceptDone.',
    ],
    expectations: ['Another probe is granted the listener after lease_ms (and not before); the request is answered; the late AcceptDone draws no fatal error.'],
    async run(ctx) {
      ctx.needProtocol();
      ctx.needStrategy('arbiter');
      const a = await ctx.start({ scriptFor: () => ({ onGrant: 'keep', onGrantOnce: true }) });
      await a.settled(ctx.timing.bootTimeoutMs);
      const c = a.client(30_000);
      await a.until(() => grants(a).length > 0, ctx.timing.timeoutMs);
      const first = grants(a)[0];
      if (!first) throw new CaseSkipped('no grant was given');
      const wait = first.leaseMs + Math.max(5000, ctx.timing.timeoutMs * 2);
      await a.until(() => grants(a).some((g) => g.listener === first.listener && g.id !== first.id), wait);
      const second = grants(a).find((g) => g.listener === first.listener && g.id !== first.id);
      check(second !== undefined, 'a grant that was never answered was never declared lost', `another grant within ${wait} ms`, 'none', ['ACCEPT-34']);
      check(second.at - first.at >= first.leaseMs - 20, 'a grant was declared lost before its lease ended', `no new grant before ${first.leaseMs} ms`,
        `after ${Math.round(second.at - first.at)} ms`, ['ACCEPT-34']);
      const at = monoMs();
      first.probe.do({ t: 'do', action: 'send-hex', hex: hex({ kind: 'acceptDone', body: { grantId: first.id, listener: first.listener, accepted: 0, reason: 3 } }) });
      await sleep(ctx.timing.quietMs * 2);
      const fatal = first.probe.recv('error').find((e) => e.at >= at && field(e.body, 'fatal') === true);
      check(fatal === undefined && !first.probe.closed, 'a late AcceptDone for a lost grant was treated as an error', 'ignored', JSON.stringify(fatal?.body ?? 'closed'), ['ACCEPT-30']);
      const revoked = a.probes.filter((p) => p.recv('acceptRevoke').length > 0);
      check(revoked.length === 0, 'AcceptRevoke was sent to a worker that did not negotiate accept.revoke', 'no AcceptRevoke', `${revoked.length} probe(s) got one`, ['ACCEPT-39']);
      c.socket.destroy();
    },
  }),
  arbiterCase({
    id: 'A-GR-009',
    section: '7.2.8',
    slug: 'revoke-stalled-holder',
    title: 'accept.revoke: a holder silent while connections wait has its grant revoked, and the listener is granted again without waiting for it',
    requirements: ['ACCEPT-41', 'ACCEPT-40', 'ACCEPT-30'],
    level: 'MUST',
    procedure: [
      'Start the arbiter (arbiter strategy) with probes that speak 1.1 and list accept.revoke. Until a probe has received an AcceptRevoke it holds every grant without accepting and ignores AcceptRevoke, as a stopped holder would (its lease timer still ends the grant with a late AcceptDone); afterwards it serves.',
      'Connect a client with a request while a grant is out, and wait for it to be answered.',
    ],
    expectations: [
      'The holder receives AcceptRevoke for its grant before its lease_ms has passed (SHOULD).',
      'After the AcceptRevoke, the listener is granted to another probe although the holder never answered; the client is answered.',
      'The holder\'s late AcceptDone draws no fatal error.',
    ],
    async run(ctx) {
      ctx.needProtocol();
      ctx.needStrategy('arbiter');
      const features = ['accept.arbiter', 'load-report', 'accept.revoke'];
      const a = await ctx.start({ scriptFor: () => ({ onGrant: 'hold', onGrantUntilRevoked: true, onRevoke: 'ignore', hello: { versions: [{ major: 1, minor: 1 }], features } }) });
      await a.settled(ctx.timing.bootTimeoutMs);
      const negotiated = (a.probes.find((p) => p.welcome !== undefined)?.welcome?.['features'] as string[] | undefined) ?? [];
      if (!negotiated.includes('accept.revoke')) throw new CaseUnsupported('the arbiter does not offer accept.revoke (a 1.1 feature)');
      if (a.readyProbes().length < 2) throw new CaseSkipped('needs two ready workers: a revoked grant must have somewhere to go');
      await a.until(() => grants(a).length > 0, ctx.timing.timeoutMs);
      const connectedAt = monoMs();
      const c = a.client(30_000);
      const revokes = () => a.probes.flatMap((p) => p.recv('acceptRevoke').filter((r) => r.at >= connectedAt).map((r) => ({ probe: p, at: r.at, id: num(field(r.body, 'grantId')) })));
      const wait = (grants(a).at(-1)?.leaseMs ?? 1000) + ctx.timing.timeoutMs;
      await a.until(() => revokes().length > 0, wait);
      const revoke = revokes()[0];
      if (revoke === undefined) {
        c.socket.destroy();
        fail('a holder that left a connection waiting was never revoked', `AcceptRevoke within ${wait} ms of the connection`, 'none', ['ACCEPT-40'], 'SHOULD');
      }
      const revoked = grants(a).find((g) => g.id === revoke.id);
      if (!revoked || revoked.probe !== revoke.probe) fail('AcceptRevoke names a grant the worker does not hold', `a grant of probe ${revoke.probe.pid}`, `grant_id ${revoke.id}`, ['ACCEPT-41']);
      const heardBefore = (t: number) => revoke.probe.of('release').some((r) => r.grantId === revoke.id && r.at < t);
      const next = () => grants(a).find((g) => g.listener === revoked.listener && g.id > revoked.id && g.probe !== revoke.probe);
      await a.until(() => next() !== undefined, ctx.timing.timeoutMs);
      const second = next();
      check(second !== undefined, 'the revoked listener was not granted to another worker', `a new grant on listener ${revoked.listener} to another probe after the AcceptRevoke`, 'none', ['ACCEPT-41']);
      check(second.at < revoked.at + revoked.leaseMs && !heardBefore(second.at), 'the arbiter waited for the revoked holder before granting again',
        `a new grant before the revoked holder answered and before its lease_ms (${revoked.leaseMs} ms) ran out`, `after ${Math.round(second.at - revoked.at)} ms`, ['ACCEPT-41']);
      check(revoke.at - revoked.at < revoked.leaseMs, 'the grant was revoked only when its lease had run out', `AcceptRevoke before ${revoked.leaseMs} ms`,
        `after ${Math.round(revoke.at - revoked.at)} ms`, ['ACCEPT-40'], 'SHOULD');
      check(await c.answered, 'a connection waiting on the revoked listener was not served', 'an answer', 'none', ['ACCEPT-41']);
      // The holder's lease timer answers the revoked grant late, with EXPIRED.
      await a.until(() => revoke.probe.of('release').some((r) => r.grantId === revoke.id), revoked.leaseMs + ctx.timing.timeoutMs);
      await sleep(ctx.timing.quietMs * 2);
      const fatal = revoke.probe.recv('error').find((e) => e.at >= revoke.at && field(e.body, 'fatal') === true);
      check(fatal === undefined && !revoke.probe.closed, 'the late AcceptDone for a revoked grant was treated as an error', 'ignored', JSON.stringify(fatal?.body ?? 'closed'), ['ACCEPT-41', 'ACCEPT-30']);
    },
  }),
  arbiterCase({
    id: 'A-GR-010',
    section: '7.2.9',
    slug: 'overlapping-grants',
    title: 'accept.overlap: grants on one listener overlap only between workers that negotiated it, never two to one worker, and every request is served',
    requirements: ['ACCEPT-46', 'ACCEPT-47', 'ACCEPT-4'],
    level: 'MUST',
    procedure: [
      'Start the arbiter (arbiter strategy) with probes that speak 1.5 and list accept.overlap; they poll held listeners with EPOLLEXCLUSIVE and report two connections in flight.',
      'Send 60 requests, 6 at a time.',
    ],
    expectations: [
      'Wherever two grants on one listener are outstanding at once, both holders negotiated accept.overlap.',
      'No probe is given a grant on a listener while it holds one on it.',
      'Every request is answered.',
    ],
    async run(ctx) {
      ctx.needProtocol();
      ctx.needStrategy('arbiter');
      const features = ['accept.arbiter', 'load-report', 'accept.overlap'];
      // Each probe reports two connections in flight, so that an arbiter
      // which, like corral's, overlaps grants only under load does so here.
      const a = await ctx.start({ scriptFor: () => ({ hello: { versions: [{ major: 1, minor: 5 }], features }, fakeInFlight: 2 }) });
      await a.settled(ctx.timing.bootTimeoutMs);
      const negotiated = (p: ProbeHandle) => (p.welcome?.['features'] as string[] | undefined) ?? [];
      if (!a.probes.some((p) => negotiated(p).includes('accept.overlap'))) throw new CaseUnsupported('the arbiter does not offer accept.overlap (a 1.5 feature)');
      let answered = 0;
      for (let round = 0; round < 10; round++) {
        const batch = Array.from({ length: 6 }, () => a.client(ctx.timing.timeoutMs));
        for (const c of batch) if (await c.answered) answered++;
        for (const c of batch) c.socket.destroy();
      }
      const all = grants(a);
      let overlaps = 0;
      for (const [i, g] of all.entries()) {
        for (const h of all.slice(0, i)) {
          if (h.listener !== g.listener) continue;
          const end = grantEnd(h.probe, h.id);
          if (end !== undefined && end <= g.at) continue; // ended before g arrived
          overlaps++;
          check(h.probe !== g.probe, 'a worker was given a second grant on a listener it held', `grant ${g.id} to another worker than grant ${h.id}`,
            `both to probe ${g.probe.pid} (listener ${g.listener}, at ${a.rel(h.at)} and ${a.rel(g.at)} ms)`, ['ACCEPT-47']);
          check(negotiated(h.probe).includes('accept.overlap') && negotiated(g.probe).includes('accept.overlap'), 'grants overlapped on a listener without accept.overlap',
            'overlapping grants only between holders that negotiated accept.overlap', `grants ${h.id} and ${g.id} on listener ${g.listener}`, ['ACCEPT-46', 'ACCEPT-4']);
        }
      }
      a.transcript.event('suite', 'overlaps', { grants: all.length, overlapping: overlaps });
      check(answered === 60, 'requests went unanswered', '60 answered', `${answered}`, ['ACCEPT-46']);
    },
  }),
  arbiterCase({
    id: 'A-GR-005',
    section: '7.2.1',
    slug: 'arbiter-does-not-accept-while-granted',
    title: 'While a grant is outstanding the arbiter does not accept on that listener',
    requirements: ['ACCEPT-5'],
    level: 'MUST',
    procedure: ['Start the arbiter (arbiter strategy); the first probe to get a grant holds it without accepting until the lease ends.', 'Queue three clients meanwhile and watch the accept queue.'],
    expectations: ['The three connections stay in the listener\'s accept queue while the grant is held.'],
    async run(ctx) {
      ctx.needProtocol();
      ctx.needStrategy('arbiter');
      const a = await ctx.start({ scriptFor: () => ({ onGrant: 'hold', onGrantOnce: true }) });
      await a.settled(ctx.timing.bootTimeoutMs);
      const first = a.client(10_000);
      await a.until(() => grants(a).length > 0, ctx.timing.timeoutMs);
      const g = grants(a)[0];
      if (!g) throw new CaseSkipped('no grant was given');
      const inode = g.probe.start.fds.find((f) => f.fd === 3 + g.listener)?.inode;
      if (inode === undefined || inode === null) throw new CaseSkipped('cannot find the listener in /proc');
      const clients = [a.client(10_000), a.client(10_000), a.client(10_000)];
      await sleep(Math.min(g.leaseMs / 2, 400));
      const held = g.probe.of('release').find((r) => r.grantId === g.id) === undefined;
      const q = acceptQueueByInode(inode) ?? -1;
      if (held) check(q >= 3, 'connections left the queue while another process held the grant', 'at least 3 queued', `${q}`, ['ACCEPT-5']);
      for (const c of [first, ...clients]) c.socket.destroy();
    },
  }),
  hostileCase('A-GR-006', '7.2.3', 'accept-done-for-unknown-grant', 'An AcceptDone for a grant never given is GRANT_VIOLATION, fatal; the others carry on',
    ['ACCEPT-31', 'ERR-12'], () => [hex({ kind: 'acceptDone', body: { grantId: 424242, listener: 0, accepted: 1, reason: 1 } })], ErrorCode.ERROR_CODE_GRANT_VIOLATION, 'AcceptDone{grant_id: 424242}'),
  arbiterCase({
    id: 'A-GR-007',
    section: '7.2.1',
    slug: 'no-grant-to-full-worker',
    title: 'A worker that reports itself at capacity gets no grant',
    requirements: ['ACCEPT-9', 'LOAD-3'],
    level: 'MUST',
    procedure: ['Start the arbiter (arbiter strategy, 2+ workers); the first probe reports capacity 1 and in_flight 1 in Ready and every heartbeat.', 'Send 20 requests.'],
    expectations: ['After its first report, the full probe receives no AcceptGrant; the requests are answered by the others.'],
    async run(ctx) {
      ctx.needProtocol();
      ctx.needStrategy('arbiter');
      const { a } = await ctx.up((_s, i) => (i === 0 ? { capacity: 1, fakeInFlight: 1 } : {}), 2);
      const full = a.probes[0] as ProbeHandle;
      const since = (full.sent('heartbeat')[0]?.at ?? full.readyAt ?? 0) + 1;
      await a.traffic(20, 2, ctx.timing.timeoutMs);
      const got = grants(a).filter((g) => g.probe === full && g.at > since);
      check(got.length === 0, 'a worker at capacity was given grants', 'no grant to it', `${got.length} grants`, ['ACCEPT-9', 'LOAD-3']);
    },
  }),
  arbiterCase({
    id: 'A-GR-008',
    section: '10.3',
    slug: 'unknown-release-reason',
    title: 'An AcceptDone with a reason unknown to 1.0 is INVALID_FIELD, fatal',
    requirements: ['COMPAT-7'],
    level: 'MUST',
    procedure: ['Start the arbiter (arbiter strategy); the first probe to get a grant answers AcceptDone{reason: 99}; send a request.'],
    expectations: [`Error{code: ${codeName(206)}, fatal: true} to it, then end of stream.`],
    async run(ctx) {
      ctx.needProtocol();
      ctx.needStrategy('arbiter');
      const a = await ctx.start({ scriptFor: () => ({ onGrant: 'bad-reason', onGrantOnce: true, ignoreEof: true }) });
      await a.settled(ctx.timing.bootTimeoutMs);
      const c = a.client(ctx.timing.timeoutMs * 2);
      await a.until(() => grants(a).length > 0, ctx.timing.timeoutMs);
      const g = grants(a)[0];
      if (!g) throw new CaseSkipped('no grant was given');
      await expectFatal(ctx, a, g.probe, ErrorCode.ERROR_CODE_INVALID_FIELD, ['COMPAT-7']);
      c.socket.destroy();
    },
  }),
  arbiterCase({
    id: 'A-HW-001',
    section: '3.3',
    slug: 'oversize-frame-from-worker',
    title: 'An oversize length from a worker is FRAME_TOO_LARGE, fatal; a worker that lingers gets SIGTERM; others carry on',
    requirements: ['FRAME-5', 'ERR-5', 'ERR-11', 'ERR-12', 'SUP-2', 'SEC-7'],
    level: 'MUST',
    procedure: ['Start the arbiter; once ready, its first probe sends a length prefix of 16777217 and then keeps running after end of stream.'],
    expectations: [`Error{code: ${codeName(100)}, fatal: true}; end of stream; SIGTERM to the probe; a replacement; the other workers untouched.`],
    async run(ctx) {
      ctx.needProtocol();
      const { a, p, sentAt } = await hostile(ctx, ['01000001'], { ignoreEof: true });
      await expectFatal(ctx, a, p, ErrorCode.ERROR_CODE_FRAME_TOO_LARGE, ['FRAME-5']);
      await a.until(() => p.signals().includes('SIGTERM') || p.closed, ctx.timing.timeoutMs * 2);
      check(p.signals().includes('SIGTERM') || (p.closed && p.exitedAt === undefined), 'a worker that lingers after a fatal error was not sent SIGTERM', 'SIGTERM', p.signals().join(', ') || 'nothing', ['ERR-11']);
      othersUnaffected(a, [p], sentAt, ['ERR-12']);
      await a.until(() => a.probes.some((x) => x.start.at > sentAt), ctx.timing.timeoutMs * 3);
      check(a.probes.some((x) => x.start.at > sentAt), 'the worker was not replaced', 'a new worker', 'none', ['SUP-2']);
    },
  }),
  hostileCase('A-HW-002', '3.3', 'zero-length-frame-from-worker', 'A zero length from a worker is FRAME_EMPTY, fatal', ['FRAME-3', 'ERR-12'], () => ['00000000'], ErrorCode.ERROR_CODE_FRAME_EMPTY, 'the length prefix 0'),
  hostileCase('A-HW-003', '3.4', 'undecodable-frame-from-worker', 'An undecodable Envelope from a worker is DECODE, fatal', ['FRAME-7', 'FRAME-12', 'ERR-12'],
    () => [frameHex([0x0a, 0x05, 0x08])], ErrorCode.ERROR_CODE_DECODE, 'an Envelope 0A 05 08 (a length past the end)'),
  hostileCase('A-HW-006', '5.5', 'message-in-wrong-direction', 'An arbiter-to-worker message sent by a worker is UNEXPECTED_MESSAGE, fatal', ['HS-15', 'ERR-12'],
    () => [hex({ kind: 'acceptGrant', body: { grantId: 1, listener: 0, maxAccepts: 1, leaseMs: 1 } })], ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, 'an AcceptGrant'),
  hostileCase('A-HW-007', '5.5', 'second-hello', 'A second Hello is UNEXPECTED_MESSAGE, fatal', ['HS-14', 'ERR-12'],
    () => [hex({ kind: 'hello', body: { versions: [{ major: 1, minor: 0 }], kind: 1, pid: 1, features: ['accept.arbiter'] } })], ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, 'a second Hello'),
  arbiterCase({
    id: 'A-HW-004',
    section: '10.2',
    slug: 'unknown-message-from-worker',
    title: 'An unknown message type from a worker is answered UNKNOWN_MESSAGE naming the first unknown field, not fatal',
    requirements: ['COMPAT-2', 'COMPAT-3', 'COMPAT-4', 'ERR-4'],
    level: 'MUST',
    procedure: ['Start the arbiter; once ready, its first probe sends an Envelope with field 47 (varint) then field 45.'],
    expectations: [`Error{code: ${codeName(200)}, message_type: 47, fatal: false}; the channel stays open and the probe is not stopped.`],
    async run(ctx) {
      ctx.needProtocol();
      const { a, p } = await hostile(ctx, [frameHex([...varint((47 << 3) | 0), 1, ...varint((45 << 3) | 2), 0])]);
      await a.until(() => p.recv('error').length > 0 || p.closed, ctx.timing.timeoutMs);
      const e = p.recv('error')[0];
      check(e !== undefined, 'an unknown message type was not answered', `Error{${codeName(200)}, message_type: 47}`, p.closed ? 'the channel was closed' : 'nothing', ['COMPAT-2', 'COMPAT-4']);
      check(num(field(e.body, 'code')) === 200 && num(field(e.body, 'messageType')) === 47 && field(e.body, 'fatal') !== true, 'the answer to an unknown message type is wrong',
        `Error{${codeName(200)}, message_type: 47, fatal: false}`, JSON.stringify(e.body), ['COMPAT-2', 'COMPAT-3', 'ERR-4']);
      await sleep(ctx.timing.quietMs);
      check(!p.closed && p.of('eof').length === 0 && p.signals().length === 0, 'the worker was cut off after an unknown message type', 'the channel open', 'closed or signalled', ['COMPAT-2']);
    },
  }),
  arbiterCase({
    id: 'A-HW-005',
    section: '10.1',
    slug: 'unknown-fields-from-worker',
    title: 'Unknown fields in a worker\'s messages, and beside the body, are ignored',
    requirements: ['COMPAT-1'],
    level: 'MUST',
    procedure: ['Start the arbiter; once ready, its first probe sends a Heartbeat with extra fields 50 and 51 and an Envelope field 60.'],
    expectations: ['No Error, no end of stream.'],
    async run(ctx) {
      ctx.needProtocol();
      const inner = [0x08, 0x01, ...varint((50 << 3) | 0), 5, ...varint((51 << 3) | 2), 2, 0x61, 0x62];
      const { a, p } = await hostile(ctx, [frameHex([0x22, inner.length, ...inner, ...varint((60 << 3) | 0), 1])]);
      await sleep(ctx.timing.quietMs * 2);
      check(p.recv('error').length === 0 && !p.closed && p.of('eof').length === 0, 'a message with unknown fields was rejected', 'ignored', JSON.stringify(p.recv('error')[0]?.body ?? 'closed'), ['COMPAT-1']);
      void a;
    },
  }),
  arbiterCase({
    id: 'A-HW-008',
    section: '8.3',
    slug: 'frame-after-goodbye',
    title: 'A frame after a worker\'s Goodbye is UNEXPECTED_MESSAGE; no work follows a Goodbye',
    requirements: ['EXIT-9'],
    level: 'MUST',
    procedure: ['Start the arbiter; once ready, its first probe sends Goodbye{DRAINED} and then a Heartbeat, and keeps running.'],
    expectations: [`No AcceptGrant/handoff after the Goodbye; the Heartbeat draws Error{${codeName(201)}} unless the arbiter had already closed the channel.`],
    async run(ctx) {
      ctx.needProtocol();
      const { a, p, sentAt } = await hostile(ctx, [hex({ kind: 'goodbye', body: { reason: 1 } }), hex({ kind: 'heartbeat', body: { timeMs: 1 } })], { ignoreEof: true });
      await a.until(() => p.recv('error').length > 0 || p.of('eof').length > 0 || p.closed, ctx.timing.timeoutMs);
      const e = p.recv('error')[0];
      if (e) check(num(field(e.body, 'code')) === 201, 'a frame after Goodbye drew the wrong error', `Error{${codeName(201)}}`, JSON.stringify(e.body), ['EXIT-9']);
      else check(p.of('eof').length > 0 || p.closed, 'a frame after Goodbye was accepted', `Error{${codeName(201)}} or a closed channel`, 'neither', ['EXIT-9']);
      const work = p.recv().find((r) => r.at > sentAt && ['acceptGrant', 'handoff', 'execute'].includes(r.kind));
      check(work === undefined, 'work was sent after Goodbye', 'nothing', `${work?.kind}`, ['EXIT-9']);
    },
  }),
  arbiterCase({
    id: 'A-HW-009',
    section: '9.1',
    slug: 'fatal-error-from-worker',
    title: 'A fatal Error from a worker closes its channel, without an Error in answer',
    requirements: ['ERR-6', 'ERR-7', 'ERR-8'],
    level: 'MUST',
    procedure: ['Start the arbiter; once ready, its first probe sends Error{code: 1500, fatal: true} and keeps running.'],
    expectations: ['End of stream on that probe\'s channel, and no Error sent to it.'],
    async run(ctx) {
      ctx.needProtocol();
      const { a, p } = await hostile(ctx, [hex({ kind: 'error', body: { code: 1500, message: 'conformance: fatal', fatal: true } })], { ignoreEof: true });
      await a.until(() => p.of('eof').length > 0 || p.closed, ctx.timing.timeoutMs);
      check(p.of('eof').length > 0 || p.closed, 'the arbiter kept the channel of a worker that reported a fatal error', 'end of stream', 'still open', ['ERR-6', 'ERR-7']);
      check(p.recv('error').length === 0, 'the arbiter answered an Error with an Error', 'no Error', JSON.stringify(p.recv('error')[0]?.body), ['ERR-8']);
    },
  }),
  arbiterCase({
    id: 'A-HW-010',
    section: '9.3',
    slug: 'message-of-unnegotiated-feature',
    title: 'A task message from a worker without tasks negotiated is UNSUPPORTED_FEATURE, not fatal',
    requirements: ['ERR-18'],
    level: 'MUST',
    procedure: ['Start the arbiter; once ready, its first probe (a socket worker) sends Result{request_id: 1}.'],
    expectations: [`Error{code: ${codeName(208)}, fatal: false}; the channel stays open.`],
    async run(ctx) {
      ctx.needProtocol();
      const { a, p } = await hostile(ctx, [hex({ kind: 'result', body: { requestId: 1 } })]);
      await a.until(() => p.recv('error').length > 0 || p.closed, ctx.timing.timeoutMs);
      const e = p.recv('error')[0];
      check(e !== undefined && num(field(e.body, 'code')) === 208 && field(e.body, 'fatal') !== true, 'a message of a feature not negotiated was not answered UNSUPPORTED_FEATURE, not fatal',
        `Error{${codeName(208)}, fatal: false}`, e ? JSON.stringify(e.body) : p.closed ? 'the channel was closed' : 'nothing', ['ERR-18']);
      await sleep(ctx.timing.quietMs);
      check(!p.closed && p.of('eof').length === 0, 'the channel was closed after a non-fatal error', 'open', 'closed', ['ERR-18']);
    },
  }),
  arbiterCase({
    id: 'A-DR-001',
    section: '8.1',
    slug: 'kill-after-drain-deadline',
    title: 'A worker still running deadline_ms after its Drain gets SIGKILL; the arbiter then exits 0',
    requirements: ['DRAIN-11', 'STOP-6'],
    level: 'MUST',
    procedure: ['Start the arbiter; its first probe ignores Drain and every catchable signal.', 'Send SIGTERM to the arbiter; wait the Drain deadline (if at most 15 s) plus the timeout.'],
    expectations: ['The probe is killed about deadline_ms after its Drain (not much earlier); the arbiter exits 0.'],
    async run(ctx) {
      ctx.needProtocol();
      const { a } = await ctx.up(firstOnly({ onDrain: 'ignore', ignoreSignals: true }));
      const p = a.probes[0] as ProbeHandle;
      a.signal('SIGTERM');
      await a.until(() => p.recv('drain').length > 0, ctx.timing.timeoutMs);
      const d = p.recv('drain')[0];
      if (!d) fail('the worker was not drained', 'Drain', 'nothing', ['STOP-6']);
      const deadline = num(field(d.body, 'deadlineMs'));
      if (deadline > 15_000) throw new CaseSkipped(`the drain deadline is ${deadline} ms; configure a shorter graceful timeout to run this case`);
      await a.until(() => p.closed, deadline + ctx.timing.timeoutMs * 2);
      check(p.closed, 'a worker that ignored its drain outlived the deadline', `killed by ${deadline} ms`, 'still running', ['DRAIN-11']);
      check((p.closedAt ?? 0) - d.at >= deadline - 100, 'the worker was killed before its drain deadline', `not before ${deadline} ms`, `after ${Math.round((p.closedAt ?? 0) - d.at)} ms`, ['DRAIN-11']);
      await a.waitExit(ctx.timing.timeoutMs * 2);
      check(a.exit?.code === 0, 'the arbiter did not exit 0', 'exit status 0', String(a.exit?.code ?? a.exit?.signal ?? 'running'), ['STOP-6']);
    },
  }),
  ...(['SIGINT', 'SIGQUIT'] as const).map((sig, i) => arbiterCase({
    id: `A-ST-00${2 + i}`,
    section: '8.5',
    slug: `${sig.toLowerCase()}-immediate-stop`,
    title: `${sig}: every worker gets Stop and the arbiter exits 0`,
    requirements: ['STOP-7', 'SIG-6', 'EXIT-6'],
    level: 'MUST',
    procedure: [`Start the arbiter; send it ${sig}.`],
    expectations: ['Each worker receives Stop; the arbiter exits with status 0 within the timeout.'],
    async run(ctx: ArbiterContext) {
      ctx.needProtocol();
      const { a, ready } = await ctx.up();
      const at = monoMs();
      a.signal(sig);
      await a.waitExit(ctx.timing.timeoutMs * 2);
      for (const p of ready) {
        check(p.recv('stop').some((r) => r.at >= at), `a worker was not sent Stop on ${sig}`, 'Stop', `probe ${p.pid}: ${p.recv().filter((r) => r.at >= at).map((r) => r.kind).join(', ') || 'nothing'}`, ['STOP-7', 'SIG-6']);
      }
      check(a.exit?.code === 0, `the arbiter did not exit 0 after ${sig}`, 'exit status 0', String(a.exit?.code ?? a.exit?.signal ?? 'still running'), ['STOP-7', 'EXIT-6']);
    },
  })),
  arbiterCase({
    id: 'A-ST-004',
    section: '8.2',
    slug: 'kill-after-stop',
    title: 'A worker still running a graceful timeout after Stop gets SIGKILL',
    requirements: ['STOP-5'],
    level: 'MUST',
    procedure: ['Start the arbiter; its first probe ignores Stop and every catchable signal.', 'Send SIGINT; wait the graceful timeout (--graceful-timeout-ms, if at most 15 s) plus the timeout.'],
    expectations: ['The probe is killed within the graceful timeout.'],
    async run(ctx) {
      ctx.needProtocol();
      if (ctx.gracefulMs > 15_000) throw new CaseSkipped(`the graceful timeout is ${ctx.gracefulMs} ms; configure a shorter one and pass --graceful-timeout-ms to run this case`);
      const { a } = await ctx.up(firstOnly({ onStop: 'ignore', ignoreSignals: true }));
      const p = a.probes[0] as ProbeHandle;
      a.signal('SIGINT');
      await a.until(() => p.closed, ctx.gracefulMs + ctx.timing.timeoutMs * 2);
      check(p.closed, 'a worker that ignored Stop outlived the graceful timeout', `killed within ${ctx.gracefulMs} ms`, 'still running', ['STOP-5']);
    },
  }),
  arbiterCase({
    id: 'A-RL-001',
    section: '8.6',
    slug: 'reload-on-sighup',
    title: 'SIGHUP: a new generation starts, and the old one is drained only once all new workers are ready',
    requirements: ['SIG-7', 'RELOAD-1', 'RELOAD-2', 'RELOAD-3', 'WELCOME-7'],
    level: 'MUST',
    procedure: ['Start the arbiter; once its pool is up, send SIGHUP. New probes wait 500 ms before Ready.'],
    expectations: [
      'As many new workers as before, with Welcome.generation 2.',
      'No old worker gets Drain before every new one sent Ready; then every old one gets Drain.',
    ],
    async run(ctx) {
      ctx.needProtocol();
      let hupAt = Infinity;
      const a = await ctx.start({ scriptFor: (s) => (s.at > hupAt ? { readyDelayMs: 500 } : {}) });
      const old = await a.settled(ctx.timing.bootTimeoutMs);
      if (old.length === 0) fail('no worker became ready', 'a pool', 'none', ['RELOAD-1']);
      hupAt = monoMs();
      a.signal('SIGHUP');
      // Race window: the arbiter handles SIGHUP on its next loop turn, so a
      // worker it spawns in between (replacing one that died, as happens
      // when a loaded machine starves an old worker past --timeout) is still
      // of generation 1. Such a latecomer belongs to the old generation and
      // is drained with it; it is not the new generation.
      const fresh = () => a.probes.filter((p) => p.start.at > hupAt && p.welcome !== undefined);
      const gen = (p: ProbeHandle) => num(p.welcome?.['generation']);
      const news = () => fresh().filter((p) => gen(p) === 2);
      const olds = () => [...old, ...fresh().filter((p) => gen(p) === 1)];
      const gone = (p: ProbeHandle) => p.exitedAt !== undefined || p.closed;
      await a.until(() => news().filter((p) => p.readyAt !== undefined).length >= old.length && olds().every((p) => p.recv('drain').length > 0 || gone(p)),
        ctx.timing.bootTimeoutMs + ctx.timing.timeoutMs * 2);
      check(fresh().every((p) => gen(p) === 1 || gen(p) === 2), 'a worker started after the reload is of neither generation', 'Welcome.generation 2 (or 1 for a replacement spawned before the reload was handled)',
        fresh().map((p) => gen(p)).join(', '), ['RELOAD-1', 'WELCOME-7']);
      check(news().length >= old.length, 'a reload did not start a full new generation', `${old.length} new workers of generation 2`,
        `${news().length} (generations of the workers started since: ${fresh().map((p) => gen(p)).join(', ') || 'none'})`, ['RELOAD-1', 'SIG-7', 'WELCOME-7']);
      const readies = news().map((p) => p.readyAt ?? Infinity).sort((x, y) => x - y);
      const lastReady = readies[old.length - 1] ?? Infinity;
      for (const p of olds()) {
        const d = p.recv('drain')[0];
        if (d === undefined && gone(p)) continue; // died on its own before its turn: nothing left to drain
        check(d !== undefined, 'an old worker was not drained after the reload', 'Drain', 'nothing', ['RELOAD-3']);
        check(d.at >= lastReady, 'an old worker was drained before the new generation was ready', 'Drain after the last new Ready', `${Math.round(lastReady - d.at)} ms early`, ['RELOAD-2']);
      }
    },
  }),
  arbiterCase({
    id: 'A-RL-002',
    section: '8.6',
    slug: 'reload-abandoned',
    title: 'A reload whose new workers fail to boot is abandoned: the old generation keeps serving',
    requirements: ['RELOAD-6'],
    level: 'SHOULD',
    procedure: ['Start the arbiter; once up, send SIGHUP; every new probe exits with status 3 before Hello.'],
    expectations: ['No old worker is drained within a few seconds, and requests are still answered.'],
    async run(ctx) {
      ctx.needProtocol();
      let hupAt = Infinity;
      const a = await ctx.start({ scriptFor: (s) => (s.at > hupAt ? { exitBeforeHello: 3 } : {}) });
      const old = await a.settled(ctx.timing.bootTimeoutMs);
      hupAt = monoMs();
      a.signal('SIGHUP');
      await sleep(Math.max(2000, ctx.timing.timeoutMs));
      const drained = old.filter((p) => p.recv('drain').length > 0);
      check(drained.length === 0, 'the old generation was drained although the new one never booted', 'the old workers kept', `${drained.length} drained`, ['RELOAD-6']);
      check((await a.traffic(4, 2, ctx.timing.timeoutMs)) === 4, 'requests went unanswered after a failed reload', '4 answered', 'fewer', ['RELOAD-6']);
    },
  }),
  arbiterCase({
    id: 'A-SG-001',
    section: '8.4',
    slug: 'ttin-ttou',
    title: 'SIGTTIN adds a worker; SIGTTOU drains the oldest, never going below one',
    requirements: ['SIG-8'],
    level: 'MUST',
    procedure: ['Start the arbiter; send SIGTTIN; then SIGTTOU as many times as there are workers.'],
    expectations: ['One more worker after SIGTTIN; each SIGTTOU drains the oldest; one worker is never drained.'],
    async run(ctx) {
      ctx.needProtocol();
      const { a, ready } = await ctx.up();
      const at = monoMs();
      a.signal('SIGTTIN');
      await a.until(() => a.probes.some((p) => p.start.at > at && p.readyAt !== undefined), ctx.timing.bootTimeoutMs);
      check(a.probes.some((p) => p.start.at > at), 'SIGTTIN did not add a worker', 'a new worker', 'none', ['SIG-8']);
      const live = a.readyProbes().sort((x, y) => x.start.at - y.start.at);
      for (let i = 0; i < live.length; i++) {
        a.signal('SIGTTOU');
        await sleep(ctx.timing.quietMs);
      }
      await sleep(ctx.timing.quietMs * 2);
      const drained = live.filter((p) => p.recv('drain').length > 0);
      check(drained.length === live.length - 1 && !drained.includes(live[live.length - 1] as ProbeHandle), 'SIGTTOU did not drain the oldest workers down to one',
        `${live.length - 1} drained, the newest kept`, `${drained.length} drained of ${live.length}`, ['SIG-8']);
      void ready;
    },
  }),
  arbiterCase({
    id: 'A-RX-001',
    section: '8.7',
    slug: 're-exec-on-sigusr2',
    title: 'SIGUSR2: a new arbiter inherits the listeners, starts its workers, then stops the old arbiter',
    requirements: ['SIG-9', 'REEXEC-1', 'REEXEC-2', 'REEXEC-3', 'REEXEC-4'],
    level: 'MUST',
    procedure: ['Start the arbiter; once up, send SIGUSR2.'],
    expectations: [
      'New workers whose CORRAL_ARBITER_PID is a new process, started with the same listening sockets and CORRAL_REEXEC_PARENT naming the old arbiter (read from /proc), which the workers do not inherit.',
      'Once they are ready the old arbiter exits 0.',
    ],
    async run(ctx) {
      ctx.needProtocol();
      const { a, ready } = await ctx.up();
      const oldPid = a.pid;
      const oldInodes = new Set((ready[0] as ProbeHandle).start.fds.filter((f) => f.socket === 'tcp-listen').map((f) => f.inode));
      a.signal('SIGUSR2');
      const fresh = () => a.probes.filter((p) => p.start.ppid !== oldPid);
      await a.until(() => fresh().some((p) => p.readyAt !== undefined), ctx.timing.bootTimeoutMs * 2);
      const n = fresh()[0];
      check(n !== undefined, 'SIGUSR2 started no new arbiter with workers', 'workers of a new arbiter', 'none', ['SIG-9', 'REEXEC-1']);
      const newPid = n.start.ppid;
      let environ = '';
      try {
        environ = readFileSync(`/proc/${newPid}/environ`, 'utf8');
      } catch { /* gone */ }
      check(environ.split('\0').includes(`CORRAL_REEXEC_PARENT=${oldPid}`) || environ === '', 'the new arbiter does not have CORRAL_REEXEC_PARENT', `CORRAL_REEXEC_PARENT=${oldPid}`,
        environ.split('\0').filter((x) => x.startsWith('CORRAL_') || x.startsWith('LISTEN_')).join(' '), ['REEXEC-1']);
      const inodes = n.start.fds.filter((f) => f.socket === 'tcp-listen').map((f) => f.inode);
      if (ctx.strategy !== 'reuseport') check(inodes.every((i) => oldInodes.has(i)), 'the new arbiter bound new sockets instead of the inherited ones', 'the same listening sockets', `${inodes.join(',')} vs ${[...oldInodes].join(',')}`, ['REEXEC-2']);
      check(n.start.env['CORRAL_REEXEC_PARENT'] === undefined, 'CORRAL_REEXEC_PARENT reached a worker', 'unset', String(n.start.env['CORRAL_REEXEC_PARENT']), ['REEXEC-4']);
      await a.waitExit(ctx.timing.bootTimeoutMs + ctx.gracefulMs);
      check(a.exit?.code === 0, 'the old arbiter did not stop after the new one was ready', 'exit status 0', String(a.exit?.code ?? a.exit?.signal ?? 'still running'), ['REEXEC-3']);
    },
  }),
  arbiterCase({
    id: 'A-RX-002',
    section: '8.7',
    slug: 're-exec-failed',
    title: 'When the new arbiter of a re-exec fails before stopping the old one, the old one keeps serving',
    requirements: ['REEXEC-5'],
    level: 'MUST',
    procedure: ['Start the arbiter; once up, send SIGUSR2; every worker of the new arbiter exits with status 3 before Hello.'],
    expectations: ['The old arbiter keeps running, its workers are not drained, and requests are answered.'],
    async run(ctx) {
      ctx.needProtocol();
      let oldPid = 0;
      const a = await ctx.start({ scriptFor: (s) => (oldPid && s.ppid !== oldPid ? { exitBeforeHello: 3 } : {}) });
      const ready = await a.settled(ctx.timing.bootTimeoutMs);
      oldPid = a.pid;
      a.signal('SIGUSR2');
      await a.until(() => a.probes.some((p) => p.start.ppid !== oldPid), ctx.timing.bootTimeoutMs);
      await sleep(Math.max(3000, ctx.timing.timeoutMs * 2));
      check(a.exit === undefined, 'the old arbiter stopped although the new one failed', 'still running', `exit ${a.exit?.code ?? a.exit?.signal}`, ['REEXEC-5']);
      check(ready.every((p) => p.recv('drain').length === 0), 'the old workers were drained although the new arbiter failed', 'not drained', 'drained', ['REEXEC-5']);
      check((await a.traffic(4, 2, ctx.timing.timeoutMs)) === 4, 'requests went unanswered', '4 answered', 'fewer', ['REEXEC-5']);
    },
  }),
  arbiterCase({
    id: 'A-RX-003',
    section: '8.7',
    slug: 're-exec-keeps-unix-socket-files',
    title: 'An arbiter that stops after a re-exec leaves its Unix-domain listener files in place',
    requirements: ['REEXEC-7'],
    level: 'MUST',
    procedure: ['Needs an arbiter command with a unix: listener; re-exec it and check the socket file remains after the old arbiter exits.'],
    expectations: ['The socket file still exists.'],
    async run(ctx) {
      const unix = ctx.s.arbiter.listenerAddresses().find((x) => x.startsWith('unix:'));
      if (!unix) throw new CaseUnsupported('the arbiter command binds no unix: listener');
      const { a } = await ctx.up();
      a.signal('SIGUSR2');
      await a.waitExit(ctx.timing.bootTimeoutMs + ctx.gracefulMs);
      const { existsSync } = await import('node:fs');
      check(existsSync(unix.slice(5)), 'the old arbiter removed the socket file the new one serves', 'the file kept', 'removed', ['REEXEC-7']);
    },
  }),
  arbiterCase({
    id: 'A-SU-001',
    section: '8.8',
    slug: 'halt-on-boot-failures',
    title: 'Workers that keep failing before Ready make the arbiter halt with status 3',
    requirements: ['SUP-5', 'EXIT-6'],
    level: 'MUST',
    procedure: ['Start the arbiter; every probe exits with status 3 before Hello.', 'Wait up to 30 s.'],
    expectations: ['The arbiter exits with status 3.'],
    async run(ctx) {
      const a = await ctx.start({ scriptFor: () => ({ exitBeforeHello: 3 }) });
      await a.waitExit(30_000);
      check(a.exit?.code === 3, 'the arbiter did not halt with status 3', 'exit status 3', String(a.exit?.code ?? a.exit?.signal ?? 'still running after 30 s'), ['SUP-5', 'EXIT-6']);
    },
  }),
  arbiterCase({
    id: 'A-SU-002',
    section: '8.8',
    slug: 'halt-on-app-load-failure',
    title: 'A worker exiting with status 4 while none is ready makes the arbiter halt with status 4',
    requirements: ['SUP-4', 'EXIT-6'],
    level: 'MUST',
    procedure: ['Start the arbiter; every probe exits with status 4 before Hello.'],
    expectations: ['The arbiter exits with status 4.'],
    async run(ctx) {
      const a = await ctx.start({ scriptFor: () => ({ exitBeforeHello: 4 }) });
      await a.waitExit(30_000);
      check(a.exit?.code === 4, 'the arbiter did not halt with status 4', 'exit status 4', String(a.exit?.code ?? a.exit?.signal ?? 'still running after 30 s'), ['SUP-4', 'EXIT-6']);
    },
  }),
  arbiterCase({
    id: 'A-SU-003',
    section: '8.8',
    slug: 'replace-and-reap',
    title: 'A worker that retires itself is reaped and replaced',
    requirements: ['SUP-1', 'SUP-2', 'EXIT-10'],
    level: 'MUST',
    procedure: ['Start the arbiter; its first probe, 300 ms after Ready, says Goodbye{MAX_CONNECTIONS} and exits 0.'],
    expectations: ['A replacement starts; the old process does not linger as a zombie.'],
    async run(ctx) {
      // Not ctx.up(): it waits for the pool to settle, and on a loaded
      // machine the first probe can retire (300 ms after Ready) before
      // that, leaving no ready probe for a moment while its replacement
      // boots. Wait for the first probe's Ready alone.
      const a = await ctx.start({ scriptFor: firstOnly({ exitAfterReady: { delayMs: 300, code: 0, goodbye: 5 } }) });
      await a.until(() => a.probes[0]?.readyAt !== undefined, ctx.timing.bootTimeoutMs + ctx.timing.timeoutMs);
      const p = a.probes[0];
      if (p?.readyAt === undefined) fail('the first worker never became ready', 'Ready from the first probe', `${a.probes.length} probes started`, ['SUP-2']);
      await a.until(() => p.closed, ctx.timing.timeoutMs * 2);
      await a.until(() => a.probes.some((x) => x.start.at > (p.closedAt ?? Infinity)), ctx.timing.timeoutMs * 3);
      check(a.probes.some((x) => x.start.at > (p.closedAt ?? Infinity)), 'a worker that exited was not replaced', 'a new worker', 'none', ['SUP-2']);
      await sleep(ctx.timing.quietMs);
      const state = processState(p.pid);
      check(state !== 'Z', 'the arbiter did not reap an exited worker', 'no zombie', `pid ${p.pid} is a zombie`, ['SUP-1']);
    },
  }),
];
