// Arbiter cases judged on the basic session: the arbiter started with its
// probes (each waits 200 ms before Hello and 300 ms before Ready), 30
// requests sent to its first listener, then SIGTERM. Nothing new is started:
// each case reads what the probes and /proc recorded.
import { CaseUnsupported } from '../types.js';
import { FEATURE_SINCE } from '../../protocol/limits.js';
import { check, fail, type ArbiterContext } from '../arbiter-context.js';
import type { ProbeHandle } from '../arbiter-harness.js';
import { MARKER_ENV } from '../probe-protocol.js';
import { O_CLOEXEC, O_NONBLOCK } from '../procfs.js';
import { arbiterCase, field, grantEnd, grants, num } from './arbiter-common.js';

const STRATEGY_BY_WIRE: Record<string, string> = {
  ACCEPT_STRATEGY_ARBITER: 'arbiter', ACCEPT_STRATEGY_SHARED: 'shared', ACCEPT_STRATEGY_EXCLUSIVE: 'exclusive',
  ACCEPT_STRATEGY_REUSEPORT: 'reuseport', ACCEPT_STRATEGY_HANDOFF: 'handoff',
};

/** The probes of the session that completed a handshake (protocol mode). */
function welcomed(ctx: ArbiterContext): ProbeHandle[] {
  ctx.needProtocol();
  return ctx.s.arbiter.probes.filter((p) => p.welcome !== undefined);
}

function listenerCount(p: ProbeHandle): number {
  return Number(p.start.env['LISTEN_FDS'] ?? 0) || 0;
}

const DECIMAL = /^(0|[1-9][0-9]*)$/;

export const sessionCases = [
  arbiterCase({
    id: 'A-HS-001',
    section: '5.1',
    slug: 'handshake',
    title: 'Every worker that sends Hello gets Welcome, and nothing before its Hello',
    requirements: ['HS-4', 'HS-3', 'TRANSCRIPT-1'],
    level: 'MUST',
    judge: true,
    procedure: ['Basic session: probes wait 200 ms before Hello.'],
    expectations: ['No frame reaches a probe before its Hello; every probe that sent Hello received Welcome.'],
    async run(ctx) {
      const a = ctx.s.arbiter;
      ctx.needProtocol();
      for (const p of a.probes) {
        const hello = p.sent('hello')[0];
        if (!hello) continue;
        const early = p.recv().find((r) => r.at < hello.at);
        check(early === undefined, 'the arbiter sent a frame before the worker\'s Hello', 'nothing before Hello', `${early?.kind} to probe ${p.pid}`, ['HS-3']);
        check(p.welcome !== undefined || p.closed, 'a valid Hello was not answered with Welcome', 'Welcome', `probe ${p.pid}: ${p.recv().map((r) => r.kind).join(', ') || 'nothing'}`, ['HS-4', 'TRANSCRIPT-1']);
      }
    },
  }),
  arbiterCase({
    id: 'A-PS-001',
    section: '2.1',
    slug: 'worker-descriptors',
    title: 'Workers start with exactly the descriptors of section 2.1',
    requirements: ['PROC-2', 'PROC-3', 'PROC-4', 'PROC-5', 'PROC-6', 'PROC-7', 'PROC-9', 'SEC-5'],
    level: 'MUST',
    judge: true,
    procedure: ['Basic session: each probe lists its descriptors (/proc/self/fd, fdinfo, /proc/net) before opening any; a probe started directly gives the baseline of what Node itself opens.'],
    expectations: [
      'fd 0 is /dev/null open for reading; fds 3 .. 3+n-1 are bound, listening, non-blocking sockets (none in the handoff strategy).',
      'fd 3+n is an unnamed AF_UNIX stream socket, different for every worker; in the handoff strategy fd 3+n+1 is an unnamed SOCK_SEQPACKET socket.',
      'No other descriptor than Node\'s own (as in the baseline).',
    ],
    async run(ctx) {
      const probes = welcomed(ctx);
      const controls = new Map<number, number>();
      for (const p of probes) {
        const n = listenerCount(p);
        const byFd = new Map(p.start.fds.map((f) => [f.fd, f]));
        const zero = byFd.get(0);
        check(zero?.target === '/dev/null' && zero.flags !== null && (zero.flags & 3) !== 1, 'fd 0 is not /dev/null open for reading', '/dev/null, read access', `${zero?.target} flags ${zero?.flags?.toString(8)}`, ['PROC-7']);
        const handoff = p.welcome?.['strategy'] === 'ACCEPT_STRATEGY_HANDOFF';
        if (handoff) check(n === 0, 'the handoff strategy passed listening sockets', 'no listener', `LISTEN_FDS=${n}`, ['PROC-3']);
        for (let i = 0; i < n; i++) {
          const f = byFd.get(3 + i);
          check(f?.socket === 'tcp-listen' || (f?.socket === 'unix-stream' && (f.address ?? '') !== ''), `fd ${3 + i} is not a listening socket`, 'a bound, listening socket', `${f?.target} (${f?.socket})`, ['PROC-2', 'PROC-4']);
          check(f.flags !== null && (f.flags & O_NONBLOCK) !== 0, `listener fd ${3 + i} is blocking`, 'O_NONBLOCK', `flags ${f.flags?.toString(8)}`, ['PROC-4']);
        }
        const c = byFd.get(3 + n);
        check(c?.socket === 'unix-stream', `fd ${3 + n} is not the control channel`, 'an AF_UNIX SOCK_STREAM socket', `${c?.target} (${c?.socket})`, ['PROC-5']);
        check((c.address ?? '') === '', 'the control channel is a named socket', 'an unnamed socketpair end', `bound to ${c.address}`, ['SEC-5']);
        const other = controls.get(c.inode ?? -1);
        check(other === undefined, 'two workers share a control channel', 'one socket pair per worker', `probes ${other} and ${p.pid} hold socket ${c.inode}`, ['PROC-5']);
        controls.set(c.inode ?? -1, p.pid);
        let known = 3 + n + 1;
        if (handoff) {
          const h = byFd.get(3 + n + 1);
          check(h?.socket === 'unix-seqpacket' && (h.address ?? '') === '', `fd ${3 + n + 1} is not the handoff channel`, 'an unnamed AF_UNIX SOCK_SEQPACKET socket', `${h?.target} (${h?.socket})`, ['PROC-6', 'SEC-5']);
          known++;
        }
        // Everything else must be Node's own: no socket, file or device beyond the baseline.
        const extra = p.start.fds.filter((f) => f.fd >= known);
        const base = (ctx.baseline?.fds ?? []).filter((f) => f.fd >= 3);
        const kinds = (list: typeof extra) => list.map((f) => (f.socket ? 'socket' : f.target.replace(/\[\d+\]$/, '').replace(/^\/.*/, 'file'))).sort();
        const baseKinds = kinds(base);
        const leaked = kinds(extra).filter((k) => {
          const i = baseKinds.indexOf(k);
          if (i >= 0) {
            baseKinds.splice(i, 1);
            return false;
          }
          return true;
        });
        check(leaked.length === 0, 'a worker inherited descriptors it should not have', 'only the descriptors of section 2.1 (plus Node\'s own)',
          `probe ${p.pid}: ${extra.map((f) => `${f.fd} -> ${f.target}`).join(', ')}; baseline: ${base.map((f) => f.target).join(', ')}`, ['PROC-9']);
      }
    },
  }),
  arbiterCase({
    id: 'A-PS-002',
    section: '2.1',
    slug: 'worker-signals-default',
    title: 'Workers start with no signal blocked or ignored beyond what the runtime itself sets',
    requirements: ['PROC-10'],
    level: 'MUST',
    judge: true,
    procedure: ['Basic session: each probe reads SigBlk and SigIgn from /proc/self/status at start; compare with a probe started directly.'],
    expectations: ['The same masks as the baseline.'],
    async run(ctx) {
      const base = ctx.baseline;
      if (!base) throw new CaseUnsupported('the baseline probe did not run');
      for (const p of ctx.s.arbiter.probes) {
        check(p.start.sigBlk === base.sigBlk && p.start.sigIgn === base.sigIgn, 'a worker started with signals blocked or ignored',
          `SigBlk ${base.sigBlk}, SigIgn ${base.sigIgn} (as when started directly)`, `probe ${p.pid}: SigBlk ${p.start.sigBlk}, SigIgn ${p.start.sigIgn}`, ['PROC-10']);
      }
    },
  }),
  arbiterCase({
    id: 'A-PS-003',
    section: '1.1',
    slug: 'arbiter-is-parent',
    title: 'The arbiter is the parent of every worker, and names itself in CORRAL_ARBITER_PID',
    requirements: ['PROC-1', 'ENV-12'],
    level: 'MUST',
    judge: true,
    procedure: ['Basic session: each probe reports its parent pid.'],
    expectations: ['Every probe\'s parent is the arbiter process, and CORRAL_ARBITER_PID is that pid.'],
    async run(ctx) {
      const a = ctx.s.arbiter;
      for (const p of a.probes) {
        check(p.start.ppid === a.pid, 'a worker is not a child of the arbiter', `parent ${a.pid}`, `probe ${p.pid}: parent ${p.start.ppid}`, ['PROC-1']);
        if (!ctx.s.plain) check(p.start.env['CORRAL_ARBITER_PID'] === String(a.pid), 'CORRAL_ARBITER_PID is not the arbiter', String(a.pid), String(p.start.env['CORRAL_ARBITER_PID']), ['ENV-12']);
      }
    },
  }),
  arbiterCase({
    id: 'A-EN-001',
    section: '2.2',
    slug: 'worker-environment',
    title: 'The worker environment is exactly as section 2.2 says',
    requirements: ['ENV-1', 'ENV-2', 'ENV-3', 'ENV-4', 'ENV-5', 'ENV-6', 'ENV-7', 'ENV-8', 'ENV-9', 'ENV-10', 'ENV-13', 'ENV-14', 'ENV-15', 'WELCOME-1'],
    level: 'MUST',
    judge: true,
    procedure: [
      'Basic session, with LISTEN_STRAY, CORRAL_STRAY and CONFORMANCE_MARKER in the arbiter\'s environment.',
      'Each probe reports its environment.',
    ],
    expectations: [
      'LISTEN_FDS, LISTEN_FDNAMES (valid names) and LISTEN_PID (its own pid) when listeners are passed, none of them otherwise.',
      'CORRAL_PROTOCOL=1, CORRAL_CONTROL_FD=3+n, CORRAL_HANDOFF_FD only in the handoff strategy, CORRAL_WORKER_ID = Welcome.worker_id, CORRAL_ACCEPT = the strategy.',
      'All numbers in plain decimal; LISTEN_STRAY and CORRAL_STRAY removed; CONFORMANCE_MARKER passed through (SHOULD).',
    ],
    async run(ctx) {
      for (const p of welcomed(ctx)) {
        const e = p.start.env;
        const listeners = p.start.fds.filter((f) => f.fd >= 3 && (f.socket === 'tcp-listen' || (f.socket === 'unix-stream' && f.address))).filter((f) => f.fd < 3 + (Number(e['LISTEN_FDS'] ?? 0) || 0));
        const n = Number(e['LISTEN_FDS'] ?? 0) || 0;
        const who = `probe ${p.pid}`;
        for (const k of ['LISTEN_FDS', 'LISTEN_PID', 'CORRAL_PROTOCOL', 'CORRAL_CONTROL_FD', 'CORRAL_HANDOFF_FD', 'CORRAL_WORKER_ID', 'CORRAL_ARBITER_PID']) {
          if (e[k] !== undefined) check(DECIMAL.test(e[k] as string), `${k} is not plain decimal`, 'decimal digits, no sign, spaces or leading zeros', `${who}: ${k}=${JSON.stringify(e[k])}`, ['ENV-13']);
        }
        if (n > 0) {
          check(listeners.length === n, 'LISTEN_FDS does not count the listeners passed', `LISTEN_FDS=${listeners.length}`, `${who}: LISTEN_FDS=${e['LISTEN_FDS']}`, ['ENV-1']);
          const names = (e['LISTEN_FDNAMES'] ?? '').split(':');
          check(e['LISTEN_FDNAMES'] !== undefined && names.length === n && names.every((x) => /^[\x21-\x39\x3b-\x7e]{1,255}$/.test(x)), 'LISTEN_FDNAMES is not n valid names',
            `${n} colon-separated printable names`, `${who}: ${JSON.stringify(e['LISTEN_FDNAMES'])}`, ['ENV-2']);
          check(e['LISTEN_PID'] === String(p.pid), 'LISTEN_PID is not the worker\'s pid', String(p.pid), `${who}: ${e['LISTEN_PID']}`, ['ENV-3']);
        } else {
          check(e['LISTEN_FDS'] === undefined && e['LISTEN_FDNAMES'] === undefined && e['LISTEN_PID'] === undefined, 'LISTEN_* set without listeners', 'unset', who, ['ENV-4']);
        }
        check(e['CORRAL_PROTOCOL'] === '1', 'CORRAL_PROTOCOL is not 1', '1', `${who}: ${e['CORRAL_PROTOCOL']}`, ['ENV-5']);
        check(e['CORRAL_CONTROL_FD'] === String(3 + n), 'CORRAL_CONTROL_FD is not 3+n', String(3 + n), `${who}: ${e['CORRAL_CONTROL_FD']}`, ['ENV-6']);
        const strategy = STRATEGY_BY_WIRE[String(p.welcome?.['strategy'])] ?? 'unknown';
        if (strategy === 'handoff') check(e['CORRAL_HANDOFF_FD'] === String(3 + n + 1), 'CORRAL_HANDOFF_FD is not 3+n+1', String(3 + n + 1), `${who}: ${e['CORRAL_HANDOFF_FD']}`, ['ENV-7']);
        else check(e['CORRAL_HANDOFF_FD'] === undefined, 'CORRAL_HANDOFF_FD set outside the handoff strategy', 'unset', `${who}: ${e['CORRAL_HANDOFF_FD']}`, ['ENV-8']);
        check(e['CORRAL_WORKER_ID'] === String(num(p.welcome?.['workerId'])), 'CORRAL_WORKER_ID differs from Welcome.worker_id', `Welcome.worker_id ${num(p.welcome?.['workerId'])}`, `${who}: ${e['CORRAL_WORKER_ID']}`, ['ENV-9', 'WELCOME-1']);
        check(e['CORRAL_ACCEPT'] === strategy, 'CORRAL_ACCEPT does not name the strategy', strategy, `${who}: ${e['CORRAL_ACCEPT']}`, ['ENV-10']);
        const stray = Object.keys(e).filter((k) => k === 'NOTIFY_SOCKET' || k === 'LISTEN_STRAY' || k === 'CORRAL_STRAY' || k === 'CORRAL_REEXEC_PARENT');
        check(stray.length === 0, 'variables the arbiter must remove reached the worker', 'no NOTIFY_SOCKET, LISTEN_*, CORRAL_* beyond section 2.2', `${who}: ${stray.join(', ')}`, ['ENV-14']);
        check(e[MARKER_ENV] === 'kept', 'the arbiter did not pass its environment on', `${MARKER_ENV}=kept`, `${who}: ${e[MARKER_ENV]}`, ['ENV-15'], 'SHOULD');
      }
    },
  }),
  arbiterCase({
    id: 'A-WE-001',
    section: '4.3',
    slug: 'welcome-fields',
    title: 'Welcome: negotiated version, features and frame limit, sane timers, listeners, strategy, generation 1, unique ids',
    requirements: ['NEG-1', 'NEG-3', 'NEG-8', 'NEG-4', 'WELCOME-2', 'WELCOME-3', 'WELCOME-6', 'WELCOME-7', 'RELOAD-4', 'PROC-13'],
    level: 'MUST',
    judge: true,
    procedure: ['Basic session: probes offer versions 1.0 and 1.7, every accept.* feature, load-report and example.com/conformance-probe, and max_frame_bytes 65536.'],
    expectations: [
      'version 1.m with m at most 7 (the smaller of the two highest minors: 0 for an arbiter of 1.0, 1 for one of 1.1), the same for every probe; features a subset of those offered, without example.com/conformance-probe, and none that a minor above m introduced (accept.revoke needs 1.1).',
      'max_frame_bytes between 1 and 65536; heartbeat_interval_ms >= 1; heartbeat_timeout_ms 0 or >= 2 x interval.',
      'listeners: n entries, indexes 0..n-1, the LISTEN_FDNAMES names and the bound addresses; strategy = CORRAL_ACCEPT; generation 1.',
      'worker ids non-zero and all different.',
    ],
    async run(ctx) {
      const ids = new Map<number, number>();
      // The suite cannot know the arbiter's own highest minor, only that the
      // answer is at most the probe's (7) and the same for every probe.
      let minor: number | undefined;
      for (const p of welcomed(ctx)) {
        const w = p.welcome as Record<string, unknown>;
        const who = `probe ${p.pid}: ${JSON.stringify(w)}`;
        const v = w['version'] as Record<string, unknown> | undefined;
        const m = num(v?.['minor']);
        check(num(v?.['major']) === 1 && m <= 7 && (minor === undefined || m === minor), 'the negotiated version is wrong',
          `version 1.m, m <= 7 (the probe's highest), the same for every probe${minor === undefined ? '' : ` (1.${minor} so far)`}`, who, ['NEG-1']);
        minor = m;
        const offered = p.sent('hello')[0]?.body as Record<string, unknown> | undefined;
        const hf = (offered?.['features'] as string[] | undefined) ?? [];
        const wf = (w['features'] as string[] | undefined) ?? [];
        check(wf.every((f) => hf.includes(f)), 'Welcome.features lists a feature the worker did not offer', 'a subset of Hello.features', who, ['NEG-3']);
        const early = wf.filter((f) => (FEATURE_SINCE[f]?.minor ?? 0) > m);
        check(early.length === 0, 'Welcome.features lists a feature of a later minor version than the one negotiated', `no feature newer than 1.${m}`, who, ['NEG-3']);
        check(!wf.includes('example.com/conformance-probe'), 'an unknown feature name was negotiated', 'unknown names left out', who, ['NEG-8']);
        const max = num(w['maxFrameBytes']);
        check(max >= 1 && max <= 65536, 'Welcome.max_frame_bytes is not the smaller limit', 'between 1 and 65536', who, ['NEG-4']);
        const hi = num(w['heartbeatIntervalMs']);
        const ht = num(w['heartbeatTimeoutMs']);
        check(hi >= 1 && (ht === 0 || ht >= 2 * hi), 'Welcome heartbeat timers are invalid', 'interval >= 1; timeout 0 or >= 2 x interval', who, ['WELCOME-2']);
        const n = listenerCount(p);
        const ls = (w['listeners'] as Record<string, unknown>[] | undefined) ?? [];
        if (n > 0) {
          const names = (p.start.env['LISTEN_FDNAMES'] ?? '').split(':');
          const addrs = p.start.fds.filter((f) => f.fd >= 3 && f.fd < 3 + n).map((f) => f.address);
          const ok = ls.length === n && ls.every((l, i) => num(l['index']) === i && (l['name'] ?? '') === names[i] && (f(addrs[i]) === l['address'] || f(addrs[i]) === undefined));
          check(ok, 'Welcome.listeners does not describe the listeners passed', `${n} listeners: index, LISTEN_FDNAMES name, address ${addrs.join(', ')}`, who, ['WELCOME-3']);
        }
        const strategy = STRATEGY_BY_WIRE[String(w['strategy'])];
        check(strategy === p.start.env['CORRAL_ACCEPT'], 'Welcome.strategy differs from CORRAL_ACCEPT', String(p.start.env['CORRAL_ACCEPT']), who, ['WELCOME-6']);
        check(num(w['generation']) === 1, 'the first generation is not 1', 'generation 1', who, ['WELCOME-7', 'RELOAD-4']);
        const id = num(w['workerId']);
        check(id !== 0 && !ids.has(id), 'worker ids are 0 or repeated', 'distinct non-zero ids', `probe ${p.pid} got ${id}${ids.has(id) ? `, as did probe ${ids.get(id)}` : ''}`, ['PROC-13']);
        ids.set(id, p.pid);
      }
    },
  }),
  arbiterCase({
    id: 'A-HS-013',
    section: '5.5',
    slug: 'no-work-before-ready',
    title: 'No grant, handoff or job reaches a worker before its Ready',
    requirements: ['HS-13', 'ACCEPT-9'],
    level: 'MUST',
    judge: true,
    procedure: ['Basic session: probes wait 300 ms after Welcome before Ready; traffic flows meanwhile for the earlier ones.'],
    expectations: ['No AcceptGrant, ConnectionHandoff or Execute arrives at a probe before it sent Ready.'],
    async run(ctx) {
      for (const p of welcomed(ctx)) {
        const readyAt = p.readyAt ?? Infinity;
        const early = p.recv().find((r) => ['acceptGrant', 'handoff', 'execute'].includes(r.kind) && r.at < readyAt);
        check(early === undefined, 'the arbiter gave work to a worker that was not ready', 'work only after Ready', `${early?.kind} to probe ${p.pid} ${Math.round(readyAt - (early?.at ?? 0))} ms before its Ready`, ['HS-13']);
      }
    },
  }),
  arbiterCase({
    id: 'A-GR-001',
    section: '7.2.1',
    slug: 'one-grant-per-listener',
    title: 'At most one outstanding grant per listener at any instant, and the listener is granted again after each release',
    requirements: ['ACCEPT-4', 'ACCEPT-33', 'ACCEPT-29', 'ACCEPT-32', 'ACCEPT-11', 'TRANSCRIPT-2'],
    level: 'MUST',
    judge: true,
    procedure: [
      'Basic session in the arbiter strategy: 30 requests, 4 at a time; probes accept under their grants and release by the rules.',
      'Each probe timestamps (CLOCK_MONOTONIC, shared by all processes) each grant on arrival and each release before its AcceptDone.',
    ],
    expectations: [
      'For every listener, the intervals [grant arrived, AcceptDone sent] of all probes never overlap.',
      'Every request is answered (the listener is granted again after each release).',
    ],
    async run(ctx) {
      ctx.needProtocol();
      ctx.needStrategy('arbiter');
      const a = ctx.s.arbiter;
      const all = grants(a);
      check(all.length > 0, 'no grant was given while requests waited', 'grants', 'none', ['ACCEPT-11']);
      const byListener = new Map<number, typeof all>();
      for (const g of all) byListener.set(g.listener, [...(byListener.get(g.listener) ?? []), g]);
      for (const [listener, list] of byListener) {
        for (let i = 1; i < list.length; i++) {
          const prev = list[i - 1] as (typeof list)[number];
          const cur = list[i] as (typeof list)[number];
          const end = grantEnd(prev.probe, prev.id);
          if (end === undefined || end > cur.at) {
            fail('two grants on one listener were outstanding at once', `grant ${prev.id} ended before grant ${cur.id} arrived`,
              `listener ${listener}: grant ${prev.id} to probe ${prev.probe.pid} at ${a.rel(prev.at)} ms, ${end === undefined ? 'never released' : `released at ${a.rel(end)} ms`}; grant ${cur.id} to probe ${cur.probe.pid} at ${a.rel(cur.at)} ms`,
              ['ACCEPT-4', 'ACCEPT-33']);
          }
        }
      }
      check(ctx.s.answered === ctx.s.requests, 'requests went unanswered', `${ctx.s.requests} answered`, `${ctx.s.answered}`, ['ACCEPT-32', 'ACCEPT-29']);
    },
  }),
  arbiterCase({
    id: 'A-GR-002',
    section: '7.2.1',
    slug: 'grant-fields',
    title: 'grant_id counts up from 1 by one; max_accepts and lease_ms >= 1; listener is a Welcome listener',
    requirements: ['ACCEPT-7', 'ACCEPT-8'],
    level: 'MUST',
    judge: true,
    procedure: ['Basic session in the arbiter strategy: collect every AcceptGrant of every probe in arrival order.'],
    expectations: ['grant_id 1, 2, 3, ...; every grant valid.'],
    async run(ctx) {
      ctx.needProtocol();
      ctx.needStrategy('arbiter');
      const all = grants(ctx.s.arbiter);
      check(all.every((g, i) => g.id === i + 1), 'grant ids do not count up from 1', '1, 2, 3, ...', all.map((g) => g.id).join(', '), ['ACCEPT-7']);
      for (const g of all) {
        const n = ((g.probe.welcome?.['listeners'] as unknown[] | undefined) ?? []).length;
        check(g.maxAccepts >= 1 && g.leaseMs >= 1 && g.listener < n, 'an AcceptGrant has invalid fields', 'max_accepts >= 1, lease_ms >= 1, listener < Welcome.listeners',
          `grant ${g.id}: max_accepts ${g.maxAccepts}, lease_ms ${g.leaseMs}, listener ${g.listener} of ${n}`, ['ACCEPT-8']);
      }
    },
  }),
  arbiterCase({
    id: 'A-FR-001',
    section: '3.1',
    slug: 'arbiter-frames-well-formed',
    title: 'Every frame the arbiter sends is well-formed 1.0 protobuf within the frame limit',
    requirements: ['FRAME-1', 'FRAME-2', 'FRAME-8', 'FRAME-9', 'FRAME-10', 'FRAME-14', 'MSG-1', 'MSG-2', 'MSG-6', 'MSG-8', 'NEG-6', 'NEG-7', 'COMPAT-6', 'COMPAT-8', 'COMPAT-10', 'ERR-1', 'ERR-3', 'ERR-4', 'ERR-13'],
    level: 'MUST',
    judge: true,
    procedure: ['Basic session: each probe checks every frame from the arbiter octet by octet against the schema.'],
    expectations: ['Every frame decodes, sets one body, carries only 1.0 fields and values, and is within Welcome.max_frame_bytes; no message of a feature not negotiated.'],
    async run(ctx) {
      for (const p of welcomed(ctx)) {
        const bad = p.of('bad')[0];
        if (bad) fail('the arbiter sent a frame that does not decode', 'well-formed frames', `probe ${p.pid}: ${bad.error} [${bad.hex}]`, ['FRAME-1', 'FRAME-2']);
        const rule = p.of('rule')[0];
        if (rule) fail('the arbiter sent a frame that breaks a sender rule', 'well-formed 1.0 messages', `probe ${p.pid}: ${rule.kind}: ${rule.problem}`, [rule.requirement]);
        const limit = num(p.welcome?.['maxFrameBytes']) || 65536;
        const big = p.recv().find((r) => r.size > limit);
        check(big === undefined, 'the arbiter sent a frame above the negotiated limit', `frames of at most ${limit} octets`, `${big?.kind} of ${big?.size}`, ['FRAME-10']);
        const features = (p.welcome?.['features'] as string[] | undefined) ?? [];
        const offFeature = p.recv().find((r) => (r.kind === 'execute' || r.kind === 'cancel') && !features.includes('tasks'));
        check(offFeature === undefined, 'the arbiter used a feature that was not negotiated', 'only negotiated features', `${offFeature?.kind}`, ['NEG-7']);
      }
    },
  }),
  arbiterCase({
    id: 'A-ST-001',
    section: '8.5',
    slug: 'sigterm-graceful-stop',
    title: 'SIGTERM: every worker is drained with a deadline, no work after Drain, the arbiter exits 0',
    requirements: ['STOP-6', 'SIG-6', 'DRAIN-10', 'DRAIN-12', 'EXIT-6', 'TRANSCRIPT-3'],
    level: 'MUST',
    judge: true,
    procedure: ['Basic session: after the traffic, send SIGTERM to the arbiter; probes drain and exit 0.'],
    expectations: ['Each live worker receives Drain with deadline_ms > 0 and no AcceptGrant/handoff after it; the arbiter exits with status 0.'],
    async run(ctx) {
      const s = ctx.s;
      const live = s.arbiter.probes.filter((p) => p.readyAt !== undefined && (p.exitedAt === undefined || p.exitedAt > s.termAt));
      for (const p of live) {
        if (s.plain) {
          check(p.signals().includes('SIGTERM'), 'a process-supervised worker was not sent SIGTERM', 'SIGTERM', p.signals().join(', ') || 'nothing', ['PROC-17']);
          continue;
        }
        const d = p.recv('drain').find((r) => r.at >= s.termAt);
        check(d !== undefined, 'a worker was not drained on SIGTERM', 'Drain', `probe ${p.pid}: ${p.recv().filter((r) => r.at >= s.termAt).map((r) => r.kind).join(', ') || 'nothing'}`, ['STOP-6', 'SIG-6']);
        check(num(field(d.body, 'deadlineMs')) > 0, 'Drain without a deadline', 'deadline_ms > 0', JSON.stringify(d.body), ['DRAIN-10']);
        const late = p.recv().find((r) => r.at > d.at && ['acceptGrant', 'handoff', 'execute'].includes(r.kind));
        check(late === undefined, 'work was sent after Drain', 'nothing after Drain', `${late?.kind} to probe ${p.pid}`, ['DRAIN-12']);
      }
      check(s.arbiter.exit?.code === 0, 'the arbiter did not exit 0 after a graceful stop', 'exit status 0',
        s.arbiter.exit ? `${s.arbiter.exit.code ?? s.arbiter.exit.signal}` : 'still running', ['STOP-6', 'EXIT-6']);
    },
  }),
  arbiterCase({
    id: 'A-SC-001',
    section: '11.1',
    slug: 'arbiter-sockets-close-on-exec',
    title: 'The arbiter\'s listening sockets, channel ends and connections are close-on-exec',
    requirements: ['SEC-1'],
    level: 'MUST',
    judge: true,
    procedure: ['Basic session: once the pool is up, read the fd flags of every socket the arbiter holds from /proc/<arbiter>/fdinfo.'],
    expectations: ['Every socket descriptor of the arbiter has O_CLOEXEC.'],
    async run(ctx) {
      const open = ctx.s.arbiterFds.fds.filter((f) => f.target.startsWith('socket:') && f.flags !== undefined && (f.flags & O_CLOEXEC) === 0);
      check(open.length === 0, 'the arbiter holds sockets without close-on-exec', 'O_CLOEXEC on every socket', open.map((f) => `fd ${f.fd} (${f.target}) flags ${f.flags?.toString(8)}`).join(', '), ['SEC-1']);
    },
  }),
  arbiterCase({
    id: 'A-SH-002',
    section: '7.3',
    slug: 'shared-listeners-kept-by-arbiter',
    title: 'Shared and exclusive strategies: the arbiter keeps its own copies of the listeners',
    requirements: ['SHARED-2'],
    level: 'MUST',
    judge: true,
    procedure: ['Basic session in the shared or exclusive strategy: compare the listener sockets of the probes with the sockets the arbiter holds.'],
    expectations: ['The arbiter holds every listener it passes.'],
    async run(ctx) {
      ctx.needStrategy('shared', 'exclusive');
      const held = new Set(ctx.s.arbiterFds.socketInodes);
      for (const p of welcomed(ctx)) {
        const missing = p.start.fds.filter((f) => f.fd >= 3 && f.fd < 3 + listenerCount(p) && f.inode !== null && !held.has(f.inode));
        check(missing.length === 0, 'the arbiter does not keep the listeners it passed', 'each listener also held by the arbiter', missing.map((f) => f.address).join(', '), ['SHARED-2']);
      }
    },
  }),
  arbiterCase({
    id: 'A-RP-001',
    section: '7.5',
    slug: 'reuseport-sockets-per-worker',
    title: 'Reuseport strategy: each worker gets its own sockets for the same address, and the arbiter keeps none',
    requirements: ['REUSE-1', 'REUSE-2'],
    level: 'MUST',
    judge: true,
    procedure: ['Basic session in the reuseport strategy: compare the probes\' listener sockets with each other and with the arbiter\'s.'],
    expectations: ['Different sockets (inodes) per worker, bound to the same addresses; none of them held by the arbiter.'],
    async run(ctx) {
      ctx.needStrategy('reuseport');
      const held = new Set(ctx.s.arbiterFds.socketInodes);
      const seen = new Map<number, number>();
      const addrs = new Set<string>();
      for (const p of welcomed(ctx)) {
        for (const f of p.start.fds.filter((x) => x.fd >= 3 && x.fd < 3 + listenerCount(p))) {
          check(!seen.has(f.inode ?? -1), 'two workers share a reuseport socket', 'sockets of their own', `inode ${f.inode} in probes ${seen.get(f.inode ?? -1)} and ${p.pid}`, ['REUSE-1']);
          seen.set(f.inode ?? -1, p.pid);
          addrs.add(f.address ?? '');
          check(!held.has(f.inode ?? -1), 'the arbiter keeps a worker\'s reuseport socket', 'closed in the arbiter', `${f.address} (inode ${f.inode})`, ['REUSE-2']);
        }
      }
      check(addrs.size <= Math.max(1, listenerCount(welcomed(ctx)[0] as ProbeHandle)), 'reuseport sockets are bound to different addresses', 'the same address per listener', [...addrs].join(', '), ['REUSE-1']);
    },
  }),
  arbiterCase({
    id: 'A-PL-001',
    section: '2.7',
    slug: 'process-only-supervision',
    title: 'Process-only supervision: listeners and LISTEN_* without the control channel and CORRAL_PROTOCOL; SIGTERM on stop',
    requirements: ['PROC-15', 'PROC-16', 'PROC-17'],
    level: 'MUST',
    judge: true,
    procedure: ['Basic session with an arbiter that supervises its workers by process only (e.g. corral run --plain).'],
    expectations: [
      'No CORRAL_PROTOCOL or CORRAL_CONTROL_FD, no control channel descriptor; listeners at fds 3.. with LISTEN_*.',
      'No worker is stopped for silence while the pool runs; each gets SIGTERM on the arbiter\'s SIGTERM.',
    ],
    async run(ctx) {
      if (!ctx.s.plain) throw new CaseUnsupported('the arbiter speaks the protocol with its workers');
      for (const p of ctx.s.arbiter.probes) {
        const e = p.start.env;
        check(e['CORRAL_PROTOCOL'] === undefined && e['CORRAL_CONTROL_FD'] === undefined, 'a process-supervised worker got protocol variables', 'no CORRAL_PROTOCOL, CORRAL_CONTROL_FD',
          `probe ${p.pid}`, ['PROC-15']);
        const n = Number(e['LISTEN_FDS'] ?? 0);
        const extraSocket = p.start.fds.find((f) => f.fd >= 3 + n && f.socket === 'unix-stream');
        check(n > 0 && extraSocket === undefined, 'a process-supervised worker lacks listeners or has a control channel', 'listeners at 3.., no control channel', `probe ${p.pid}: LISTEN_FDS=${n}`, ['PROC-15']);
        const early = p.signals().length > 0 && (p.of('signal')[0]?.at ?? Infinity) < ctx.s.termAt;
        check(!early, 'a process-supervised worker was stopped while the pool ran', 'no signal before the stop', p.signals().join(', '), ['PROC-16']);
      }
    },
  }),
];

function f(a: string | null | undefined): string | undefined {
  return a === null || a === undefined || a === '' ? undefined : a;
}
