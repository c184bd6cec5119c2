// Arbiter cases, the task socket and the callers' handshake (spec.md 2.2,
// 4.7, 4.7.1): who is offered tasks.call, how a client is welcomed or
// refused, where the address is, and that a task worker is started as one.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CaseSkipped, CaseUnsupported } from '../types.js';
import { check, fail, firstOnly } from '../arbiter-context.js';
import { encodeFrame } from '../../protocol/codec.js';
import * as native from '../../transport/native.js';
import { describeIncoming, describeMessage } from '../wire.js';
import { sleep } from '../worker-harness.js';
import { client, narrowApp, taskAddress, taskPool } from '../task-context.js';
import { ErrorCode, arbiterCase, codeName, expectFatal, field, num } from './arbiter-common.js';
import type { TaskClient } from '../task-client.js';

const SOCKET_FEATURES = ['accept.arbiter', 'accept.shared', 'accept.exclusive', 'accept.reuseport', 'accept.handoff', 'load-report', 'tasks.call', 'tasks.stream', 'tasks.flow'];

/**
 * Run as another user: connects to the abstract address (argv 1, hex) with
 * its own length through corral's native addon (argv 3, when it loads), else
 * with Node's net (padded), sends the frame (argv 2, hex), and prints
 * `connected|refused BYTES closed|open`.
 */
const PEER_HELPER = `
const net = require('node:net');
const [path, frame] = process.argv.slice(1, 3).map((h) => Buffer.from(h, 'hex'));
let s;
try {
  s = new net.Socket({ fd: require(process.argv[3]).connectUnix(path.toString()), readable: true, writable: true });
  setImmediate(() => s.emit('connect'));
} catch {
  s = net.connect({ path: path.toString() });
}
let got = 0, connected = false, done = false;
const finish = (state) => { if (done) return; done = true; console.log((connected ? 'connected' : 'refused') + ' ' + got + ' ' + state); process.exit(0); };
s.on('connect', () => { connected = true; s.write(frame); });
s.on('data', (d) => { got += d.length; });
s.on('error', () => finish('closed'));
s.on('close', () => finish('closed'));
setTimeout(() => finish('open'), 3000);
`;

/** The fatal Error a client must get, then end of stream. */
async function clientFatal(c: TaskClient, code: number, requirements: string[], timeoutMs: number): Promise<void> {
  const i = await c.wire.next(timeoutMs);
  const m = i?.type === 'message' ? i.message : undefined;
  check(m?.kind === 'error' && num(field(m.body, 'code')) === code, 'the arbiter did not refuse the client as required', `Error{code: ${codeName(code)}, fatal: true}`, describeIncoming(i), requirements);
  check(field(m.body, 'fatal') === true, 'the refusal was not fatal', 'fatal: true', describeMessage(m), requirements);
  check(await c.wire.waitEof(timeoutMs), 'the arbiter kept a refused client connected', 'end of stream after the Error', 'the connection stayed open', requirements);
}

export const taskSocketCases = [
  arbiterCase({
    id: 'A-TS-001',
    section: '2.2',
    slug: 'task-worker-environment',
    title: 'A task worker starts without CORRAL_ACCEPT or listeners, and is welcomed as a task worker',
    requirements: ['ENV-11', 'WELCOME-5', 'WELCOME-6'],
    level: 'MUST',
    procedure: ['Start the arbiter with its task workers (probes started without CORRAL_ACCEPT answer as task workers: Hello kind TASK, features tasks, tasks.stream, tasks.flow).'],
    expectations: ['Each task worker\'s environment has no CORRAL_ACCEPT and no LISTEN_*; its Welcome has strategy UNSPECIFIED and no listeners.'],
    async run(ctx) {
      const pool = await taskPool(ctx);
      // A task probe is one the arbiter started without CORRAL_ACCEPT; that it then says
      // kind TASK and is welcomed as one shows the arbiter meant it as a task worker.
      for (const p of pool.workers) {
        const e = p.start.env;
        check(e['CORRAL_ACCEPT'] === undefined, 'CORRAL_ACCEPT set for a task worker', 'unset', `CORRAL_ACCEPT=${e['CORRAL_ACCEPT']}`, ['ENV-11']);
        check(e['LISTEN_FDS'] === undefined && e['LISTEN_PID'] === undefined, 'LISTEN_* set for a task worker', 'unset', `LISTEN_FDS=${e['LISTEN_FDS']}`, ['ENV-4']);
        const w = p.welcome ?? {};
        check(w['strategy'] === undefined || w['strategy'] === 'ACCEPT_STRATEGY_UNSPECIFIED', 'a task worker was given a strategy', 'ACCEPT_STRATEGY_UNSPECIFIED', String(w['strategy']), ['WELCOME-6']);
        check(((w['listeners'] as unknown[] | undefined) ?? []).length === 0, 'a task worker was given listeners', 'no listeners', JSON.stringify(w['listeners']), ['WELCOME-5']);
      }
    },
  }),
  arbiterCase({
    id: 'A-TS-002',
    section: '4.7',
    slug: 'tasks-call-offer',
    title: 'tasks.call is offered to socket workers when, and only when, the arbiter runs task workers',
    requirements: ['CALL-1'],
    level: 'MUST',
    procedure: ['Start the arbiter; its first socket probe offers versions 1.0 and 1.7 and tasks.call among its features.'],
    expectations: ['With task workers in the pool and version 1.2 or later negotiated, Welcome.features lists tasks.call; without task workers it does not.'],
    async run(ctx) {
      ctx.needProtocol();
      const a = await ctx.start({ scriptFor: firstOnly({ hello: { features: SOCKET_FEATURES } }) });
      await a.settled(ctx.timing.bootTimeoutMs + ctx.timing.timeoutMs);
      const p = a.probes.find((x) => x.welcome !== undefined && x.script.hello?.features !== undefined);
      if (!p) throw new CaseSkipped('no socket worker was welcomed');
      const tasks = a.taskProbes.length > 0;
      const features = (p.welcome?.['features'] as string[] | undefined) ?? [];
      const version = p.welcome?.['version'] as { major?: number; minor?: number } | undefined;
      const since12 = (version?.major ?? 0) > 1 || ((version?.major ?? 0) === 1 && (version?.minor ?? 0) >= 2);
      if (tasks && since12) check(features.includes('tasks.call'), 'tasks.call not offered though the arbiter runs task workers', 'tasks.call in Welcome.features', features.join(', '), ['CALL-1']);
      if (!tasks) check(!features.includes('tasks.call'), 'tasks.call offered by an arbiter that runs no task workers', 'no tasks.call', features.join(', '), ['CALL-1']);
    },
  }),
  arbiterCase({
    id: 'A-TS-003',
    section: '4.7',
    slug: 'call-before-ready',
    title: 'A socket worker that sends Execute before Ready gets UNEXPECTED_MESSAGE, fatal',
    requirements: ['CALL-11'],
    level: 'MUST',
    procedure: ['Start the arbiter; its first socket probe negotiates tasks.call and sends Execute{request_id 1} right after Welcome, never Ready.'],
    expectations: [`Error{code: ${codeName(201)}, fatal: true}, then end of stream.`],
    async run(ctx) {
      const pool = await taskPool(ctx, {
        socket: firstOnly({
          hello: { features: SOCKET_FEATURES }, noReady: true, ignoreEof: true,
          afterWelcome: { hex: [encodeFrame({ kind: 'execute', body: { requestId: 1, name: 'conformance.early', payload: new Uint8Array(0), deadlineMs: 0, contentType: '', window: 0, idempotent: false } }).toString('hex')] },
        }),
      });
      const p = pool.a.probes.find((x) => x.script.afterWelcome !== undefined);
      if (!p) throw new CaseSkipped('no socket worker started');
      await pool.a.until(() => p.welcome !== undefined, ctx.timing.bootTimeoutMs);
      if (!((p.welcome?.['features'] as string[] | undefined) ?? []).includes('tasks.call')) throw new CaseUnsupported('the arbiter did not negotiate tasks.call with the socket worker');
      await expectFatal(ctx, pool.a, p, ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, ['CALL-11']);
    },
  }),
  arbiterCase({
    id: 'A-TS-004',
    section: '4.7.1',
    slug: 'task-socket-address',
    title: 'The task socket is in the abstract namespace, under a name with random bits, told in a file of mode 0600',
    requirements: ['CALL-12'],
    level: 'MUST',
    procedure: ['Start the arbiter twice; read the address each wrote to {tasks-address-file}, look it up in /proc/net/unix, and connect to it.'],
    expectations: [
      'The file has mode 0600 and names an abstract socket (@name): listed in /proc/net/unix with a leading @, nothing on the file system.',
      'The two names differ in at least 11 characters after their common prefix (room for 64 random bits); a client can connect.',
    ],
    async run(ctx) {
      const names: string[] = [];
      for (let i = 0; i < 2; i++) {
        const pool = await taskPool(ctx);
        const addr = await taskAddress(ctx, pool.a);
        check(addr.mode === 0o600, 'the address file is readable by others', 'mode 0600', `mode 0${addr.mode.toString(8)}`, ['CALL-12']);
        check(addr.path.startsWith('\0'), 'the task socket is not in the abstract namespace', 'an abstract name (@name)', JSON.stringify(addr.text.trim()), ['CALL-12']);
        const name = addr.path.slice(1);
        // /proc/net/unix shows an abstract name with @ for its leading NUL and for every NUL in it.
        const paths = readFileSync('/proc/net/unix', 'utf8').split('\n').map((l) => l.trim().split(/\s+/)[7] ?? '');
        const padded = paths.find((x) => x.startsWith(`@${name}@`));
        check(paths.includes(`@${name}`) || padded === undefined, 'the task socket is bound under another name than the one told',
          `@${name} in /proc/net/unix`, `${padded?.slice(0, 24)}… (${padded?.length} octets: the name padded with NULs to the whole sun_path, as Node's net binds it; a client that connects to the name told, with its own length, is refused)`, ['CALL-12']);
        check(paths.includes(`@${name}`), 'the abstract name is not a listening Unix socket', `@${name} in /proc/net/unix`, 'not listed', ['CALL-12']);
        await client(ctx, pool.a);
        names.push(name);
      }
      const [x, y] = names as [string, string];
      let k = 0;
      while (k < x.length && x[k] === y[k]) k++;
      check(x !== y && x.length - k >= 11 && y.length - k >= 11, 'the task socket\'s name is predictable', 'names differing in at least 11 characters (64 random bits)', `${x} and ${y}`, ['CALL-12']);
    },
  }),
  arbiterCase({
    id: 'A-TS-005',
    section: '4.7.1',
    slug: 'task-socket-peer-uid',
    title: 'A connection to the task socket from another user is closed before any byte is read',
    requirements: ['CALL-13'],
    level: 'MUST',
    procedure: ['Only when the suite runs as root: a helper process running as uid 65534 connects to the task socket and sends a client Hello.'],
    expectations: ['The connection is closed; the helper receives no byte.'],
    async run(ctx) {
      if (process.getuid?.() !== 0) throw new CaseSkipped('needs root: connecting as another user takes a process of another uid');
      const pool = await taskPool(ctx);
      const addr = await taskAddress(ctx, pool.a);
      // The suite's own user (root) gets in: the refusal below is about the uid.
      (await client(ctx, pool.a)).destroy();
      const hello = encodeFrame({ kind: 'hello', body: { versions: [{ major: 1, minor: 2 }], kind: 3, pid: 0, features: ['tasks.call'], maxFrameBytes: 0, implementation: 'corral-conformance-suite/1.0', capacity: 0, apps: [] } }).toString('hex');
      const out = await new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ['-e', PEER_HELPER, Buffer.from(addr.path).toString('hex'), hello, native.addonPath], { uid: 65534, gid: 65534, stdio: ['ignore', 'pipe', 'pipe'] });
        let text = '';
        child.stdout.on('data', (d: Buffer) => (text += d.toString()));
        child.stderr.on('data', (d: Buffer) => (text += d.toString()));
        const t = setTimeout(() => child.kill('SIGKILL'), ctx.timing.timeoutMs * 3);
        child.on('close', () => {
          clearTimeout(t);
          resolve(text.trim());
        });
      });
      ctx.transcript.event('uid 65534 helper', 'result', out);
      const r = /^(connected|refused) (\d+) (closed|open)$/m.exec(out);
      if (!r) fail('the helper could not run', 'connected N closed', out || 'nothing', ['CALL-13']);
      // The kernel completes a connect before the arbiter can look at the peer: a refusal here means the helper never reached the socket.
      if (r[1] === 'refused') throw new CaseSkipped(`the helper (uid 65534) could not reach the task socket at all (${out}); CALL-13 not judged`);
      check(r[2] === '0' && r[3] === 'closed', 'the arbiter served a connection from another user', 'closed with no byte received', out, ['CALL-13']);
    },
  }),
  arbiterCase({
    id: 'A-TS-006',
    section: '4.7.1',
    slug: 'client-welcome',
    title: 'A client\'s Hello is answered with a Welcome without strategy, listeners or heartbeat timeout; then it may call jobs',
    requirements: ['CALL-14', 'CALL-1'],
    level: 'MUST',
    procedure: ['A client connects to the task socket, sends Hello{kind CLIENT, features [tasks.call, tasks.stream, tasks.flow], capacity 0}, then a job answered with a Result.'],
    expectations: ['Welcome{strategy UNSPECIFIED, no listeners, heartbeat_timeout_ms 0, features with tasks.call and only features the client listed}; the job\'s Result follows.'],
    async run(ctx) {
      const pool = await taskPool(ctx);
      const c = await client(ctx, pool.a);
      const w = c.messages()[0];
      if (w?.kind !== 'welcome') fail('no Welcome', 'Welcome', w ? describeMessage(w) : 'nothing', ['CALL-14']);
      const b = w.body;
      check(b.strategy === 0, 'a client was given a strategy', 'ACCEPT_STRATEGY_UNSPECIFIED', String(b.strategy), ['CALL-14']);
      check(b.listeners.length === 0, 'a client was given listeners', 'none', JSON.stringify(b.listeners), ['CALL-14']);
      check(b.heartbeatTimeoutMs === 0, 'a client was given a heartbeat timeout', 'heartbeat_timeout_ms 0', String(b.heartbeatTimeoutMs), ['CALL-14']);
      check(b.features.includes('tasks.call'), 'tasks.call not offered to a client', 'tasks.call in Welcome.features', b.features.join(', '), ['CALL-1', 'CALL-14']);
      const extra = b.features.filter((f) => !['tasks.call', 'tasks.stream', 'tasks.flow'].includes(f));
      check(extra.length === 0, 'a client was offered features it did not list', 'a subset of tasks.call, tasks.stream, tasks.flow', extra.join(', '), ['NEG-3']);
      const { app } = narrowApp(pool);
      c.execute(1, `${app}.hello`, { reply: 'result' });
      const r = await c.waitFinal(1, ctx.timing.timeoutMs * 2);
      check(r?.message.kind === 'result', 'a welcomed client\'s job was not answered', 'Result{request_id: 1}', r ? describeMessage(r.message) : 'nothing', ['CALL-14']);
    },
  }),
  arbiterCase({
    id: 'A-TS-007',
    section: '4.7.1',
    slug: 'client-no-worker-messages',
    title: 'A client is never sent Drain, AcceptGrant or ConnectionHandoff, even when the arbiter stops',
    requirements: ['CALL-15'],
    level: 'MUST',
    procedure: ['A client connects, runs a job, and stays connected while the arbiter is sent SIGTERM (a graceful stop).'],
    expectations: ['Until its connection ends, the client receives no Drain, AcceptGrant or ConnectionHandoff.'],
    async run(ctx) {
      const pool = await taskPool(ctx);
      const { app } = narrowApp(pool);
      const c = await client(ctx, pool.a);
      c.execute(1, `${app}.x`, { reply: 'result' });
      await c.waitFinal(1, ctx.timing.timeoutMs * 2);
      await sleep(300);
      pool.a.signal('SIGTERM');
      await Promise.race([c.wire.waitEof(Math.min(ctx.gracefulMs, 15_000) + ctx.timing.timeoutMs * 2), pool.a.exited]);
      const bad = c.messages().find((m) => m.kind === 'drain' || m.kind === 'acceptGrant' || m.kind === 'handoff');
      check(bad === undefined, 'a client was sent a message for workers', 'no Drain, AcceptGrant or ConnectionHandoff', bad ? describeMessage(bad) : '', ['CALL-15']);
    },
  }),
  arbiterCase({
    id: 'A-TS-008',
    section: '4.7.1',
    slug: 'client-hello-refused',
    title: 'A client Hello without tasks.call is UNSUPPORTED_FEATURE, a Hello of another kind UNEXPECTED_MESSAGE; both fatal',
    requirements: ['CALL-16'],
    level: 'MUST',
    procedure: [
      'A client sends Hello{kind CLIENT, features [tasks.stream]}.',
      'Another sends Hello{kind SOCKET, features [tasks.call, accept.arbiter]} on the task socket.',
      '(An arbiter that runs no task workers has no task socket to reach; that part of CALL-16 is not observable.)',
    ],
    expectations: [`The first gets Error{code: ${codeName(208)}, fatal: true}, the second Error{code: ${codeName(201)}, fatal: true}; each connection is then closed.`],
    async run(ctx) {
      const pool = await taskPool(ctx);
      const c1 = await client(ctx, pool.a, false);
      c1.hello({ features: ['tasks.stream'] });
      await clientFatal(c1, ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, ['CALL-16'], ctx.timing.timeoutMs);
      const c2 = await client(ctx, pool.a, false);
      c2.hello({ kind: 1, features: ['tasks.call', 'accept.arbiter'] });
      await clientFatal(c2, ErrorCode.ERROR_CODE_UNEXPECTED_MESSAGE, ['CALL-16'], ctx.timing.timeoutMs);
    },
  }),
];
