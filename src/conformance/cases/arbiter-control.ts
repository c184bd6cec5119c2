// Arbiter cases, the control socket (spec.md section 14): the socket's mode
// and who may use it, requests answered once each and in order, status that
// tells the truth about the probes, bad input, limits, and the requests that
// act (scale, reload, stop, reopen_logs) having the effect of their signals.
//
//   suite ──spawn──► arbiter command (--control-socket {control-socket} -- {probe})
//   suite ──ControlRequest frames──► {control-socket} ──► ControlReply frames
//
// The suite speaks the control protocol with src/protocol/control.ts and plain
// sockets; it never imports the arbiter. Every case starts an arbiter of its
// own, so the requests that stop or reload the pool disturb no other case.
// Without {control-socket} in the command every case is UNSUPPORTED.
import { spawn } from 'node:child_process';
import * as net from 'node:net';
import { chmodSync, existsSync, lstatSync } from 'node:fs';
import { dirname } from 'node:path';
import { CaseSkipped, CaseUnsupported } from '../types.js';
import { check, fail, firstOnly, type ArbiterContext } from '../arbiter-context.js';
import { CONTROL_SOCKET_PLACEHOLDER, type ProbeHandle, type TestArbiter } from '../arbiter-harness.js';
import {
  CONTROL_LIMITS, CONTROL_VERSION, controlFrame, decodeReply, encodeRequest, type ControlAction, type ControlReply, type PoolStatus,
} from '../../protocol/control.js';
import { corral } from '../../protocol/generated/control.js';
import { FrameDecoder } from '../../protocol/framer.js';
import { descendants } from '../procfs.js';
import type { ProbeScript, ProbeStart } from '../probe-protocol.js';
import { monoMs } from '../probe-protocol.js';
import type { Transcript } from '../wire.js';
import { sleep } from '../worker-harness.js';
import { arbiterCase, field, num, othersUnaffected } from './arbiter-common.js';
import { varint } from '../../protocol/raw.js';
import { Wakeup } from '../wakeup.js';

const pb = corral.control.v1;

const E = {
  UNKNOWN: 'CORRAL_ERR_CONTROL_UNKNOWN_REQUEST',
  INVALID: 'CORRAL_ERR_INVALID_FIELD',
  STATE: 'CORRAL_ERR_STATE',
  TOO_LARGE: 'CORRAL_ERR_FRAME_TOO_LARGE',
  EMPTY: 'CORRAL_ERR_FRAME_EMPTY',
  DECODE: 'CORRAL_ERR_DECODE',
  FLOOD: 'CORRAL_ERR_FLOOD',
} as const;

// ---- a control connection, byte by byte ----------------------------------

/** One reply as it arrived: decoded, and whether the raw message set error, a body, or both (CTL-13). */
interface Got {
  at: number;
  reply: ControlReply;
  /** The raw ControlReply had its `error` field set. */
  error: boolean;
  /** The raw ControlReply's body (oneof) member, if any. */
  body: string | undefined;
  /** The frame's payload length. */
  size: number;
}

/** What one request was, for the transcript and for failure messages. */
type Req = [id: number, action: ControlAction | { raw: Uint8Array; what: string }];

let connections = 0;

/** A connection to the control socket that reads every reply frame until the arbiter closes it. */
class ControlConn {
  readonly name: string;
  readonly sock: net.Socket;
  readonly got: Got[] = [];
  readonly connected: Promise<boolean>;
  /** When the arbiter ended the connection (monotonic ms). */
  endedAt: number | undefined;
  /** A reply frame that did not decode (the connection is useless after it). */
  garbage: string | undefined;
  #decoder = new FrameDecoder({ maxFrameBytes: CONTROL_LIMITS.maxReplyBytes });
  readonly #wakeup = new Wakeup();
  #t: Transcript;
  /** Log at most this many replies (a flood would fill the transcript). */
  #logLeft = 200;

  constructor(path: string, t: Transcript) {
    this.name = `control ${++connections}`;
    this.#t = t;
    this.sock = net.connect(path);
    this.connected = new Promise((resolve) => {
      this.sock.once('connect', () => resolve(true));
      this.sock.once('error', () => resolve(false));
    });
    this.sock.on('data', (chunk: Buffer) => this.#onData(chunk));
    this.sock.on('error', () => {});
    this.sock.on('close', () => {
      this.endedAt ??= monoMs();
      t.event(this.name, 'closed', { replies: this.got.length });
      this.#wakeup.wake();
    });
  }

  get ended(): boolean {
    return this.endedAt !== undefined;
  }

  #onData(chunk: Buffer): void {
    let frames: Uint8Array[];
    try {
      frames = this.#decoder.push(chunk);
    } catch (err) {
      this.garbage = (err as Error).message;
      this.sock.destroy();
      return;
    }
    for (const f of frames) {
      let raw: corral.control.v1.ControlReply;
      let reply: ControlReply;
      try {
        raw = pb.ControlReply.decode(f);
        reply = decodeReply(f);
      } catch (err) {
        this.garbage = `${(err as Error).message}: ${Buffer.from(f).subarray(0, 32).toString('hex')}`;
        this.#t.add({ dir: 'in', channel: this.name, what: 'undecodable reply', hex: Buffer.from(f).subarray(0, 64).toString('hex') });
        this.sock.destroy();
        return;
      }
      const g: Got = { at: monoMs(), reply, error: raw.error != null, body: raw.body ?? undefined, size: f.length };
      this.got.push(g);
      if (this.#logLeft-- > 0) this.#t.add({ dir: 'in', channel: this.name, what: whatReply(reply), detail: summary(reply) });
    }
    this.#wakeup.wake();
  }


  /** Resolves true once `cond()` holds (checked on every reply and on close), false after `ms`. */
  async until(cond: () => boolean, ms: number): Promise<boolean> {
    return this.#wakeup.until(cond, ms);
  }

  /** Writes raw bytes as they are. */
  write(bytes: Uint8Array, what: string, detail?: unknown): void {
    this.#t.add({ dir: 'out', channel: this.name, what, ...(detail === undefined ? {} : { detail }), hex: Buffer.from(bytes).subarray(0, 48).toString('hex') });
    if (!this.sock.destroyed) this.sock.write(bytes);
  }

  /** Sends requests, all in one write; returns how many replies there were before. */
  send(reqs: Req[]): number {
    const before = this.got.length;
    const frames = reqs.map(([id, a]) => controlFrame('raw' in a ? a.raw : encodeRequest(id, a)));
    for (const [id, a] of reqs) this.#t.add({ dir: 'out', channel: this.name, what: 'raw' in a ? a.what : a.action, detail: 'raw' in a ? { requestId: id } : { requestId: id, ...a } });
    if (!this.sock.destroyed) this.sock.write(Buffer.concat(frames));
    return before;
  }

  /** Sends requests in one write and waits for as many replies (or the end of the connection). */
  async exchange(reqs: Req[], ms: number): Promise<Got[]> {
    const before = this.send(reqs);
    await this.until(() => this.got.length >= before + reqs.length || this.ended, ms);
    return this.got.slice(before);
  }

  destroy(): void {
    this.sock.destroy();
  }
}

function whatReply(r: ControlReply): string {
  const x = r.result;
  return 'error' in x ? x.error.code : Object.keys(x)[0] ?? '?';
}

/** A reply as the transcript shows it: a status is summed up, not printed whole. */
function summary(r: ControlReply): unknown {
  const x = r.result;
  if ('status' in x) {
    const s = x.status;
    return {
      requestId: r.requestId, pid: s.pid, state: s.state, generation: s.generation, targetWorkers: s.targetWorkers, acceptedTotal: s.acceptedTotal,
      workers: s.workers.map((w) => `${w.id}:${w.kind}:${w.pid}:g${w.generation}:${w.state}${w.latencyCounts.length ? `:latency=${w.latencyCounts.join('/')}` : ''}`), restarts: s.restarts,
    };
  }
  return { requestId: r.requestId, ...x };
}

function describe(g: Got | undefined): string {
  if (!g) return 'no reply';
  const x = g.reply.result;
  return `request_id ${g.reply.requestId}: ${'error' in x ? `error ${x.error.code} (${x.error.message})` : 'done' in x ? `done "${x.done}"` : Object.keys(x)[0]}`;
}

function describeAll(gs: Got[], conn: ControlConn): string {
  return `${gs.map(describe).join('; ') || 'no reply'}${conn.ended ? '; then the connection was closed' : ''}${conn.garbage ? `; an undecodable reply (${conn.garbage})` : ''}`;
}

const errorCode = (g: Got | undefined): string | undefined => (g && 'error' in g.reply.result ? g.reply.result.error.code : undefined);
const statusOf = (g: Got | undefined): PoolStatus | undefined => (g && 'status' in g.reply.result ? g.reply.result.status : undefined);
const doneOf = (g: Got | undefined): string | undefined => (g && 'done' in g.reply.result ? g.reply.result.done : undefined);

// ---- raw requests ---------------------------------------------------------


/** request_id, then `rest` (already encoded fields). */
function rawRequest(id: number, rest: number[], what: string): { raw: Uint8Array; what: string } {
  return { raw: Uint8Array.from([0x08, ...varint(id), ...rest]), what };
}

/** ScaleRequest with any kind and count, encoded by the schema (encodeRequest only takes SOCKET and TASK). */
function rawScale(id: number, kind: number, workers: number, what: string): { raw: Uint8Array; what: string } {
  return { raw: pb.ControlRequest.encode({ requestId: id, scale: { kind, workers } }).finish(), what };
}

// ---- the pool and its socket -------------------------------------------------

function needControl(ctx: ArbiterContext): void {
  if (!ctx.template.some((a) => a.includes(CONTROL_SOCKET_PLACEHOLDER))) {
    throw new CaseUnsupported('the arbiter command has no {control-socket}: the suite cannot learn where its control socket is (spec.md 14.7)');
  }
}

function pathOf(a: TestArbiter): string {
  if (!a.controlSocket) throw new CaseUnsupported('the arbiter command has no {control-socket}');
  return a.controlSocket;
}

/** Starts an arbiter whose command names {control-socket}, and waits for its pool. */
async function controlPool(ctx: ArbiterContext, scriptFor?: (s: ProbeStart, i: number) => ProbeScript): Promise<{ a: TestArbiter; ready: ProbeHandle[] }> {
  needControl(ctx);
  return ctx.up(scriptFor);
}

/** A connection to the arbiter's control socket, retried until the socket answers (closed with the arbiter). */
async function open(ctx: ArbiterContext, a: TestArbiter): Promise<ControlConn> {
  const path = pathOf(a);
  const deadline = performance.now() + ctx.timing.bootTimeoutMs;
  for (;;) {
    const c = new ControlConn(path, ctx.transcript);
    if (await c.connected) {
      a.closers.push(() => c.destroy());
      return c;
    }
    if (performance.now() > deadline || a.exit) {
      fail('the arbiter opened no control socket at {control-socket}', `a Unix stream socket at ${path} that accepts connections`,
        existsSync(path) ? 'a file nobody accepts connections at' : `no file${a.exit ? `; the arbiter exited with ${a.exit.code ?? a.exit.signal}` : ''}`, ['CTL-1']);
    }
    await sleep(100);
  }
}

/** One request, its one reply (a reply with another request_id, or none, fails the case). */
async function ask(ctx: ArbiterContext, c: ControlConn, id: number, action: ControlAction, requirements: string[]): Promise<Got> {
  const [g] = await c.exchange([[id, action]], ctx.timing.timeoutMs * 2);
  check(g !== undefined && g.reply.requestId === id, `a ${action.action} request was not answered`, `a ControlReply with request_id ${id}`, describeAll(c.got.slice(-1), c), requirements);
  return g;
}

async function status(ctx: ArbiterContext, c: ControlConn, id: number, histograms = false): Promise<PoolStatus> {
  const g = await ask(ctx, c, id, { action: 'status', histograms }, ['CTL-4']);
  const s = statusOf(g);
  if (!s) fail('a status request was not answered with a PoolStatus', 'ControlReply.status', describe(g), ['CTL-4']);
  return s;
}

/**
 * Waits until the pool is whole: status says running and as many probes are
 * ready as it targets (the suite's own "no probe started for a while" can be
 * fooled by a slow machine). Returns the last status.
 */
async function steady(ctx: ArbiterContext, a: TestArbiter, c: ControlConn, firstId = 1000): Promise<PoolStatus> {
  const deadline = performance.now() + ctx.timing.bootTimeoutMs;
  for (let id = firstId; ; id++) {
    const s = await status(ctx, c, id);
    const whole = a.readyProbes().length >= s.targetWorkers && a.readyTaskProbes().length >= s.targetTaskWorkers;
    if ((s.state === 'running' && whole) || performance.now() > deadline) {
      check(whole, 'the pool never had its target of ready workers', `${s.targetWorkers} socket and ${s.targetTaskWorkers} task workers ready`,
        `${a.readyProbes().length} and ${a.readyTaskProbes().length} ready probes`);
      check(s.state === 'running', 'status does not say running once every worker of the pool is ready', 'state running', `state ${s.state}`);
      return s;
    }
    await sleep(200);
  }
}

/** A request that acts must be answered `done`, not refused. */
function expectDone(g: Got | undefined, what: string, requirements: string[]): void {
  check(doneOf(g) !== undefined, `${what} was not carried out`, 'a ControlReply with done', g ? describe(g) : 'no reply', requirements);
}

/** The probe a WorkerStatus pid stands for: the probe itself, or a wrapper the arbiter started it through. */
function probeFor(a: TestArbiter, s: PoolStatus, pid: number): ProbeHandle | undefined {
  const all = [...a.probes, ...a.taskProbes];
  return all.find((p) => p.pid === pid) ?? (pid !== s.pid && pid !== a.pid ? all.find((p) => p.start.ppid === pid) : undefined);
}

const live = (p: ProbeHandle) => p.exitedAt === undefined && !p.closed;

/** Whether the probe was told to drain (Drain, or SIGTERM for a probe supervised by process only). */
const drained = (p: ProbeHandle, since: number) => p.recv('drain').some((r) => r.at >= since) || (p.plain && p.of('signal').some((x) => x.at >= since && x.signal === 'SIGTERM'));

/** The latency counts a heartbeat carried (protobuf JSON: uint64 as strings). */
function countsOf(body: unknown): number[] {
  const v = field(body, 'latencyCounts');
  return Array.isArray(v) ? v.map(num) : [];
}

/** The WorkerStatus counters CTL-17 says never decrease. */
const WORKER_TOTALS = ['acceptedTotal', 'requestsTotal', 'wakeupsTotal'] as const;

/** CTL-17 between two replies of one arbiter: each *_total and each restarts count is not below the earlier one. */
function notDecreasing(before: PoolStatus, after: PoolStatus): void {
  check(after.acceptedTotal >= before.acceptedTotal, 'PoolStatus.accepted_total decreased', `at least ${before.acceptedTotal}`, String(after.acceptedTotal), ['CTL-17']);
  for (const w of after.workers) {
    const b = before.workers.find((x) => x.id === w.id && x.pid === w.pid);
    if (!b) continue;
    for (const k of WORKER_TOTALS) {
      check(w[k] >= b[k], `WorkerStatus.${k} of worker ${w.id} decreased`, `at least ${b[k]}`, String(w[k]), ['CTL-17']);
    }
  }
  for (const r of before.restarts) {
    const n = after.restarts.find((x) => x.reason === r.reason)?.count ?? 0;
    check(n >= r.count, `PoolStatus.restarts "${r.reason}" decreased`, `at least ${r.count}`, String(n), ['CTL-17']);
  }
}

/**
 * CTL-18 with histograms: each worker's latency_counts is a Heartbeat's as
 * its probe sent it: the latest one sent before the request, or one sent
 * after it and before the reply (the arbiter may have received it meanwhile).
 */
function asReceived(a: TestArbiter, s: PoolStatus, sentAt: number, replyAt: number): void {
  for (const w of s.workers) {
    const p = probeFor(a, s, w.pid);
    if (!p) continue;
    const hbs = p.sent('heartbeat').filter((h) => h.at <= replyAt);
    let k = -1;
    hbs.forEach((h, i) => {
      if (h.at <= sentAt) k = i;
    });
    // One sent just before the request may still be on its way to the arbiter: the one before it counts too.
    const from = k > 0 && sentAt - hbs[k]!.at < 100 ? k - 1 : k;
    const candidates = [...(from < 0 ? [[]] : []), ...hbs.slice(Math.max(0, from)).map((h) => countsOf(h.body))];
    const same = candidates.some((x) => x.length === w.latencyCounts.length && x.every((v, i) => v === w.latencyCounts[i]));
    check(same, 'latency_counts is not the worker\'s latest Heartbeat.latency_counts', [...new Set(candidates.map((x) => `[${x.join(', ')}]`))].join(' or '),
      `worker ${w.id}: [${w.latencyCounts.join(', ')}]`, ['CTL-18']);
  }
}

const totalRestarts = (s: PoolStatus) => s.restarts.reduce((n, r) => n + r.count, 0);

/**
 * Run as another user: connects to the control socket (argv 1), sends the
 * frame (argv 2, hex) and prints `connected|refused BYTES closed|open`.
 */
const PEER_HELPER = `
const net = require('node:net');
const s = net.connect(process.argv[1]);
let got = 0, connected = false, done = false;
const finish = (state) => { if (done) return; done = true; console.log((connected ? 'connected' : 'refused') + ' ' + got + ' ' + state); process.exit(0); };
s.on('connect', () => { connected = true; s.write(Buffer.from(process.argv[2], 'hex')); });
s.on('data', (d) => { got += d.length; });
s.on('error', () => finish('closed'));
s.on('close', () => finish('closed'));
setTimeout(() => finish('open'), 3000);
`;

// ---- the cases -----------------------------------------------------------------

export const controlCases = [
  arbiterCase({
    id: 'A-CTL-001',
    section: '14.1',
    slug: 'control-socket-mode',
    title: 'The control socket gives no other user access from the moment it exists (mode 0600 or stricter)',
    requirements: ['CTL-1'],
    level: 'MUST',
    procedure: [
      'Start the arbiter with {control-socket}: a path in a fresh directory the suite watches (inotify), so that it sees the file\'s mode as soon as it is created.',
      'Once the pool is up, look at the mode again and connect.',
    ],
    expectations: ['The file is a socket; neither its first mode nor its mode later grants anything to group or others (mode & 077 = 0); it accepts a connection.'],
    async run(ctx) {
      const { a } = await controlPool(ctx);
      const path = pathOf(a);
      await open(ctx, a);
      const st = lstatSync(path);
      check(st.isSocket(), 'the control socket is not a socket', 'a Unix socket', `a file of mode 0${st.mode.toString(8)}`, ['CTL-1']);
      const now = st.mode & 0o7777;
      check((now & 0o077) === 0, 'the control socket gives other users access', 'mode 0600 or stricter', `mode 0${now.toString(8)}`, ['CTL-1']);
      const first = a.controlSocketSeen;
      if (first) {
        check((first.mode & 0o077) === 0, 'the control socket was created with access for other users, and restricted only later (a window after bind)', 'mode 0600 or stricter when the file appeared',
          `mode 0${first.mode.toString(8)} when it appeared, 0${now.toString(8)} later`, ['CTL-1']);
      }
    },
  }),
  arbiterCase({
    id: 'A-CTL-002',
    section: '14.1',
    slug: 'control-peer-uid',
    title: 'A connection from another user is closed without a reply, even when the file lets them in',
    requirements: ['CTL-2'],
    level: 'MUST',
    procedure: [
      'Only when the suite runs as root: make the socket\'s directory 0755 and the socket 0666, so that the file no longer keeps anyone out.',
      'A helper running as uid 65534 connects and sends a status request; then the suite (root) does the same.',
    ],
    expectations: ['The helper\'s connection is closed and it receives no byte; root\'s request is answered.'],
    async run(ctx) {
      if (process.getuid?.() !== 0) throw new CaseSkipped('needs root: connecting as another user takes a process of another uid');
      const { a } = await controlPool(ctx);
      const path = pathOf(a);
      await open(ctx, a);
      chmodSync(dirname(path), 0o755);
      chmodSync(path, 0o666);
      const frame = controlFrame(encodeRequest(1, { action: 'status' })).toString('hex');
      const out = await new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ['-e', PEER_HELPER, path, frame], { uid: 65534, gid: 65534, stdio: ['ignore', 'pipe', 'pipe'] });
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
      if (!r) fail('the helper could not run', 'connected N closed', out || 'nothing', ['CTL-2']);
      if (r[1] === 'refused') throw new CaseSkipped(`the helper (uid 65534) could not reach the control socket at all (${out}); CTL-2 not judged`);
      check(r[2] === '0' && r[3] === 'closed', 'the arbiter served a connection from another user', 'closed with no byte received', out, ['CTL-2']);
      const me = await open(ctx, a);
      await status(ctx, me, 2);
    },
  }),
  arbiterCase({
    id: 'A-CTL-003',
    section: '14.1',
    slug: 'control-socket-in-use',
    title: 'A second arbiter told the same path does not take the socket of one that answers there',
    requirements: ['CTL-3'],
    level: 'MUST',
    procedure: [
      'Start an arbiter; once it answers on its control socket, start a second one with the same {control-socket} path.',
      'Wait until the second one has exited or its pool is up; then ask the socket for status.',
    ],
    expectations: ['The socket still belongs to the first arbiter: status names its pid.'],
    async run(ctx) {
      const { a } = await controlPool(ctx);
      const before = await status(ctx, await open(ctx, a), 1);
      const b = await ctx.start({ controlSocket: pathOf(a) });
      await b.until(() => b.exit !== undefined || b.readyProbes().length > 0, ctx.timing.bootTimeoutMs);
      await sleep(ctx.timing.quietMs * 2);
      ctx.transcript.event('suite', 'second arbiter', b.exit ? { exit: b.exit.code ?? b.exit.signal } : { running: true, probes: b.probes.length });
      const c = new ControlConn(pathOf(a), ctx.transcript);
      a.closers.push(() => c.destroy());
      check(await c.connected, 'the first arbiter\'s control socket is gone after a second arbiter started at its path', `a socket at ${pathOf(a)} answered by pid ${before.pid}`,
        existsSync(pathOf(a)) ? 'nobody accepts connections there' : 'no file', ['CTL-3']);
      const s = await status(ctx, c, 2);
      check(s.pid === before.pid, 'a second arbiter took over the control socket of one that answered there', `status from pid ${before.pid}`, `status from pid ${s.pid}`, ['CTL-3']);
    },
  }),
  arbiterCase({
    id: 'A-CTL-004',
    section: '14.2',
    slug: 'control-pipelined',
    title: 'Requests sent in one write are each answered once, in order, with their request_id; a reply sets an error or a body, never both',
    requirements: ['CTL-4', 'CTL-9', 'CTL-13'],
    level: 'MUST',
    procedure: [
      'Send six requests in one write: status (request_id 2^40+7), tasks (3), jobs{limit 1} (2), status{histograms} (3 again), jobs{state succeeded} (2^53-1), status (1).',
      'Then one status request split across two writes 50 ms apart; then wait the quiet time.',
    ],
    expectations: [
      'Seven replies, in the order sent, with the request ids echoed exactly; each status answered with a PoolStatus, tasks and jobs with their body (or an error); no reply sets both error and a body, or neither.',
      'No further reply; the connection stays open.',
    ],
    async run(ctx) {
      const { a } = await controlPool(ctx);
      const c = await open(ctx, a);
      const reqs: Req[] = [
        [2 ** 40 + 7, { action: 'status' }],
        [3, { action: 'tasks' }],
        [2, { action: 'jobs', limit: 1 }],
        [3, { action: 'status', histograms: true }],
        [Number.MAX_SAFE_INTEGER, { action: 'jobs', state: 'succeeded' }],
        [1, { action: 'status' }],
      ];
      const got = await c.exchange(reqs, ctx.timing.timeoutMs * 2);
      const want = reqs.map(([id, x]) => `${id}:${'raw' in x ? '?' : x.action}`).join(', ');
      check(got.length === reqs.length, 'not every pipelined request was answered', `${reqs.length} replies (${want})`, describeAll(got, c), ['CTL-4', 'CTL-9']);
      check(got.every((g, i) => g.reply.requestId === reqs[i]![0]), 'replies came out of order, or with other request ids', `request ids ${reqs.map((r) => r[0]).join(', ')}`,
        got.map((g) => g.reply.requestId).join(', '), ['CTL-4']);
      // A split frame: the length and half the request, then the rest.
      const split = controlFrame(encodeRequest(77, { action: 'status' }));
      c.write(split.subarray(0, 5), 'status (first 5 bytes)', { requestId: 77 });
      await sleep(50);
      c.write(split.subarray(5), 'status (the rest)');
      await c.until(() => c.got.length > reqs.length || c.ended, ctx.timing.timeoutMs * 2);
      const last = c.got[reqs.length];
      check(last?.reply.requestId === 77 && statusOf(last) !== undefined, 'a request split across two writes was not answered', 'status for request_id 77', describe(last), ['CTL-4']);
      await sleep(ctx.timing.quietMs);
      check(c.got.length === reqs.length + 1, 'a request was answered more than once', `${reqs.length + 1} replies`, `${c.got.length}: ${describeAll(c.got.slice(reqs.length + 1), c)}`, ['CTL-4']);
      check(!c.ended, 'the arbiter closed a connection that sent only valid requests', 'the connection open', 'closed', ['CTL-4', 'CTL-9']);
      for (const g of c.got) {
        check(g.error !== (g.body !== undefined), 'a reply set both an error and a body, or neither', 'error and no body, or a body and no error', `request_id ${g.reply.requestId}: error ${g.error ? 'set' : 'unset'}, body ${g.body ?? 'unset'}`, ['CTL-13']);
      }
      reqs.forEach(([id, x], i) => {
        const g = got[i]!;
        const action = 'raw' in x ? '' : x.action;
        if (action === 'status') check(g.body === 'status', 'a status request was not answered with a PoolStatus', 'ControlReply.status', describe(g), ['CTL-4']);
        else check(g.body === action || g.error, `a ${action} request was answered with another body`, `ControlReply.${action} or an error`, describe(g), ['CTL-4']);
        void id;
      });
    },
  }),
  arbiterCase({
    id: 'A-CTL-011',
    section: '14.3',
    slug: 'control-status',
    title: 'Status names the arbiter and the probes it runs; its counters never decrease; latency counts only when asked for',
    requirements: ['CTL-17', 'CTL-18', 'CTL-4'],
    level: 'MUST',
    procedure: [
      'Start the arbiter; its probes send load counts in their heartbeats when 1.4 is negotiated (every request they answer in the first bucket). Once the pool is up, ask for status and status{histograms} in one write.',
      'Send 20 requests through the listener; wait two heartbeat intervals; ask for status{histograms} again. Make the probe that accepted the most exit with status 1; once it is replaced, ask again.',
    ],
    expectations: [
      'control_version 1; pid the arbiter\'s; state running; every ready probe listed (by pid) as a worker of its kind and Welcome.generation; every ready worker listed is a probe.',
      'Without histograms every latency_counts is empty; with them each is the latest Heartbeat.latency_counts its probe sent (empty when it sent none).',
      'Between replies no *_total counter and no restarts count decreases, also when a worker that accepted connections exits; the exit is counted.',
    ],
    async run(ctx) {
      const { a } = await controlPool(ctx, () => ({ loadCounts: true }));
      const c = await open(ctx, a);
      await steady(ctx, a, c);
      const sentAt = monoMs();
      const got = await c.exchange([[1, { action: 'status' }], [2, { action: 'status', histograms: true }]], ctx.timing.timeoutMs * 2);
      const s1 = statusOf(got[0]);
      const s1h = statusOf(got[1]);
      if (!s1 || !s1h || got[1]?.reply.requestId !== 2) fail('status was not answered', 'two PoolStatus replies, request ids 1 and 2', describeAll(got, c), ['CTL-4']);
      check(s1.controlVersion === CONTROL_VERSION, 'PoolStatus.control_version is not 1', '1', String(s1.controlVersion));
      const arbiters = new Set([a.pid, ...descendants(a.pid)]);
      check(arbiters.has(s1.pid), 'PoolStatus.pid is not the arbiter\'s', `${a.pid} (the process the suite started) or a process it started`, String(s1.pid));
      for (const s of [s1, s1h]) {
        for (const p of [...a.readyProbes(), ...a.readyTaskProbes()]) {
          const w = s.workers.find((x) => probeFor(a, s, x.pid) === p);
          check(w !== undefined, 'a ready worker is missing from status', `a WorkerStatus for probe ${p.pid}${p.start.ppid !== a.pid ? ` (or its parent ${p.start.ppid})` : ''}`,
            s.workers.map((x) => `${x.id}:${x.pid}:${x.state}`).join(', ') || 'no workers');
          check(w.kind === (p.task ? 'task' : 'socket'), 'a worker is listed with the wrong kind', p.task ? 'task' : 'socket', `${w.kind} (worker ${w.id})`);
          if (p.welcome) check(w.generation === num(p.welcome['generation']), 'a worker is listed with another generation than its Welcome\'s', String(num(p.welcome['generation'])), `${w.generation} (worker ${w.id})`);
        }
        for (const w of s.workers.filter((x) => x.state === 'ready')) {
          check(probeFor(a, s, w.pid) !== undefined, 'status lists a ready worker the suite never started', 'only the probes', `worker ${w.id}, pid ${w.pid}`);
        }
      }
      for (const w of s1.workers) {
        check(w.latencyCounts.length === 0, 'latency_counts sent though the request did not ask for histograms', 'empty', `worker ${w.id}: [${w.latencyCounts.join(', ')}]`, ['CTL-18']);
      }
      asReceived(a, s1h, sentAt, got[1]!.at);
      await a.traffic(20, 2, ctx.timing.timeoutMs * 2);
      const interval = Math.min(3000, num(a.probes.find((p) => p.welcome)?.welcome?.['heartbeatIntervalMs']) || 1000);
      await sleep(interval * 2 + 100);
      const sent2 = monoMs();
      const s2 = await status(ctx, c, 3, true);
      asReceived(a, s2, sent2, c.got.at(-1)!.at);
      notDecreasing(s1h, s2);
      // The probe that accepted the most connections exits: what it accepted must still count.
      const acceptedBy = (p: ProbeHandle) => num(field(p.sent('heartbeat').at(-1)?.body, 'acceptedTotal'));
      const victim = a.readyProbes().sort((x, y) => acceptedBy(y) - acceptedBy(x))[0];
      if (!victim) throw new CaseSkipped('no ready socket probe left to end');
      const exitAt = monoMs();
      victim.do({ t: 'do', action: 'exit', code: 1 });
      ctx.transcript.event('suite', 'probe told to exit 1', { pid: victim.pid, accepted: acceptedBy(victim) });
      const replaced = await a.until(() => !live(victim) && a.probes.some((p) => p.start.at > exitAt && p.readyAt !== undefined), ctx.timing.bootTimeoutMs);
      if (!replaced) throw new CaseSkipped('the probe that was told to exit was not replaced; the counters after an exit were not judged');
      let s3 = await status(ctx, c, 4, true);
      const gone = (s: PoolStatus) => !s.workers.some((w) => probeFor(a, s, w.pid) === victim);
      for (let i = 5; !gone(s3) && i < 30; i++) {
        await sleep(200);
        s3 = await status(ctx, c, i, true);
      }
      notDecreasing(s2, s3);
      check(totalRestarts(s3) > totalRestarts(s2), 'a worker\'s exit was not counted in PoolStatus.restarts', `more than ${totalRestarts(s2)} exits in all`, JSON.stringify(s3.restarts), ['CTL-17']);
    },
  }),
  arbiterCase({
    id: 'A-CTL-012',
    section: '14.4',
    slug: 'control-unknown-action',
    title: 'A request with an action of a later version, or none, is answered CORRAL_ERR_CONTROL_UNKNOWN_REQUEST; the connection stays open',
    requirements: ['CTL-7'],
    level: 'MUST',
    procedure: ['In one write: a request with field 99 (an action of a later version, request_id 21), one with field 17 (the first number reserved for later requests, 22), one with no action (23), then status (24).'],
    expectations: ['21, 22 and 23 answered CORRAL_ERR_CONTROL_UNKNOWN_REQUEST under their request ids, 24 with a PoolStatus; the connection stays open.'],
    async run(ctx) {
      const { a } = await controlPool(ctx);
      const c = await open(ctx, a);
      const got = await c.exchange([
        [21, rawRequest(21, [0x9a, 0x06, 0x00], 'field 99 (a later action)')],
        [22, rawRequest(22, [0x8a, 0x01, 0x02, 0x08, 0x01], 'field 17 (a later action) {1: 1}')],
        [23, rawRequest(23, [], 'no action')],
        [24, { action: 'status' }],
      ], ctx.timing.timeoutMs * 2);
      const seen = describeAll(got, c);
      for (const [i, id] of [21, 22, 23].entries()) {
        check(got[i]?.reply.requestId === id && errorCode(got[i]) === E.UNKNOWN, 'a request of an unknown action was not answered as one', `request_id ${id}: ${E.UNKNOWN}`, seen, ['CTL-7']);
      }
      check(got[3]?.reply.requestId === 24 && statusOf(got[3]) !== undefined, 'the connection did not carry on after an unknown action', 'status for request_id 24', seen, ['CTL-7']);
      await sleep(ctx.timing.quietMs);
      check(!c.ended, 'the arbiter closed the connection after an unknown action', 'the connection open', 'closed', ['CTL-7']);
      await status(ctx, c, 25);
    },
  }),
  arbiterCase({
    id: 'A-CTL-013',
    section: '14.4',
    slug: 'control-forbidden-fields',
    title: 'ScaleRequest.kind 7, workers 0 and an unknown JobsRequest.state are answered CORRAL_ERR_INVALID_FIELD, and nothing is done',
    requirements: ['CTL-8'],
    level: 'MUST',
    procedure: [
      'Ask for status (N socket workers); then in one write: scale{kind 7, workers N+1} (31), scale{SOCKET, workers 0} (32), jobs{state "nonsense"} (33), and, when the pool runs task workers, scale{TASK, workers 1, app "conformance-no-such-app"} (34); then status.',
      'Wait the quiet time twice.',
    ],
    expectations: ['Each answered CORRAL_ERR_INVALID_FIELD under its request id; the status after shows N again; no worker was started or drained; the connection stays open.'],
    async run(ctx) {
      const { a } = await controlPool(ctx);
      const c = await open(ctx, a);
      const s0 = await steady(ctx, a, c);
      const n = s0.targetWorkers;
      const probes = a.probes.length + a.taskProbes.length;
      const since = monoMs();
      const reqs: Req[] = [
        [31, rawScale(31, 7, n + 1, `scale{kind 7, workers ${n + 1}}`)],
        [32, rawScale(32, 1, 0, 'scale{SOCKET, workers 0}')],
        [33, { action: 'jobs', state: 'nonsense' }],
        ...(s0.targetTaskWorkers > 0 ? [[34, { action: 'scale', kind: 'task', workers: 1, app: 'conformance-no-such-app' }] as Req] : []),
        [35, { action: 'status' }],
      ];
      const got = await c.exchange(reqs, ctx.timing.timeoutMs * 2);
      const seen = describeAll(got, c);
      reqs.slice(0, -1).forEach(([id], i) => {
        check(got[i]?.reply.requestId === id && errorCode(got[i]) === E.INVALID, 'a forbidden field value was not answered CORRAL_ERR_INVALID_FIELD', `request_id ${id}: ${E.INVALID}`, seen, ['CTL-8']);
      });
      const s1 = statusOf(got.at(-1));
      check(got.at(-1)?.reply.requestId === 35 && s1 !== undefined, 'the connection did not carry on after a forbidden field', 'status for request_id 35', seen, ['CTL-8']);
      check(s1.targetWorkers === n && s1.targetTaskWorkers === s0.targetTaskWorkers, 'a refused scale request changed the pool\'s target', `target_workers ${n}, target_task_workers ${s0.targetTaskWorkers}`,
        `target_workers ${s1.targetWorkers}, target_task_workers ${s1.targetTaskWorkers}`, ['CTL-8']);
      await sleep(ctx.timing.quietMs * 2);
      check(a.probes.length + a.taskProbes.length === probes, 'a refused request started workers', `${probes} probes`, `${a.probes.length + a.taskProbes.length}`, ['CTL-8']);
      othersUnaffected(a, [], since, ['CTL-8']);
      check(!c.ended, 'the arbiter closed the connection after a forbidden field', 'the connection open', 'closed', ['CTL-8']);
    },
  }),
  arbiterCase({
    id: 'A-CTL-014',
    section: '14.4',
    slug: 'control-bad-frames',
    title: 'An oversize length prefix, an empty frame and an undecodable frame are answered with request_id 0 and the connection closed; 1024 octets are accepted',
    requirements: ['CTL-5', 'CTL-6', 'CTL-19'],
    level: 'MUST',
    procedure: [
      'On three connections: only the length prefix 16777217 (no payload follows); the length 0; a frame 0a ff ff (an unterminated length).',
      'On a fourth, a ControlRequest of exactly 1024 octets (jobs with a long app name, request_id 41).',
      'Then a fifth connection asks for status.',
    ],
    expectations: [
      'Each of the three gets one ControlReply with request_id 0 and CORRAL_ERR_FRAME_TOO_LARGE, CORRAL_ERR_FRAME_EMPTY or CORRAL_ERR_DECODE, then end of stream.',
      'The 1024-octet request is answered under request_id 41 and its connection stays open; the status is answered and no worker was disturbed.',
    ],
    async run(ctx) {
      const { a } = await controlPool(ctx);
      const since = monoMs();
      const bad: [Uint8Array, string, string, string][] = [
        [Uint8Array.from([0x01, 0x00, 0x00, 0x01]), 'length prefix 16777217, no payload', E.TOO_LARGE, 'CTL-5'],
        [Uint8Array.from([0x00, 0x00, 0x00, 0x00]), 'length 0', E.EMPTY, 'CTL-5'],
        [controlFrame(Uint8Array.from([0x0a, 0xff, 0xff])), 'undecodable frame', E.DECODE, 'CTL-6'],
      ];
      for (const [bytes, what, code, req] of bad) {
        const c = await open(ctx, a);
        c.write(bytes, what);
        await c.until(() => c.ended, ctx.timing.timeoutMs * 2);
        const g = c.got[0];
        check(c.got.length === 1 && g?.reply.requestId === 0 && errorCode(g) === code, `${what}: not answered as required`, `one ControlReply{request_id 0, error ${code}}, then end of stream`, describeAll(c.got, c), [req]);
        check(c.ended, `${what}: the connection was left open`, 'end of stream after the reply', 'open', [req]);
      }
      // The smallest limit the spec allows: 1024 octets must be taken.
      let app = 'a'.repeat(1000);
      for (let len = encodeRequest(41, { action: 'jobs', app }).length; len !== 1024; len = encodeRequest(41, { action: 'jobs', app }).length) app = 'a'.repeat(app.length + 1024 - len);
      const big = await open(ctx, a);
      const [g] = await big.exchange([[41, { action: 'jobs', app }]], ctx.timing.timeoutMs * 2);
      check(g?.reply.requestId === 41 && errorCode(g) !== E.TOO_LARGE, 'a request of 1024 octets was refused', 'a reply under request_id 41 (the request limit is at least 1024 octets)', describeAll(big.got, big), ['CTL-5']);
      await sleep(ctx.timing.quietMs);
      check(!big.ended, 'a request of 1024 octets closed the connection', 'the connection open', 'closed', ['CTL-5']);
      await status(ctx, await open(ctx, a), 42);
      othersUnaffected(a, [], since, ['CTL-19']);
    },
  }),
  arbiterCase({
    id: 'A-CTL-015',
    section: '14.4',
    slug: 'control-request-rate',
    title: '100 requests in one second are all answered; a flood is answered FLOOD with request_id 0 and closed, if the arbiter bounds it',
    requirements: ['CTL-11'],
    level: 'SHOULD',
    procedure: [
      'Send 100 status requests over one second, ten every 100 ms.',
      'Then 3000 status requests in one write, and read every reply until the connection closes or the replies stop.',
    ],
    expectations: [
      'All 100 answered and the connection open (SHOULD).',
      'The 3000: either all answered (no bound), or some answered, then ControlReply{request_id 0, CORRAL_ERR_FLOOD} and end of stream (MAY; recorded as INFO otherwise).',
    ],
    async run(ctx) {
      const { a } = await controlPool(ctx);
      const c = await open(ctx, a);
      for (let i = 0; i < 10; i++) {
        c.send(Array.from({ length: 10 }, (_, j): Req => [i * 10 + j + 1, { action: 'status' }]));
        await sleep(100);
      }
      await c.until(() => c.got.length >= 100 || c.ended, ctx.timing.timeoutMs * 2);
      const flood = c.got.find((g) => errorCode(g) === E.FLOOD);
      check(c.got.length === 100 && !c.ended && flood === undefined, 'fewer than 100 requests a second are allowed', '100 status replies, the connection open',
        `${c.got.length} replies${flood ? `, ${describe(flood)}` : ''}${c.ended ? ', then the connection was closed' : ''}`, ['CTL-11']);
      const before = c.got.length;
      c.send(Array.from({ length: 3000 }, (_, j): Req => [1000 + j, { action: 'status' }]));
      let count = -1;
      while (count !== c.got.length && !c.ended) {
        count = c.got.length;
        await c.until(() => c.ended || c.got.length >= before + 3000, ctx.timing.timeoutMs * 2);
      }
      const after = c.got.slice(before);
      const f = after.findIndex((g) => errorCode(g) === E.FLOOD);
      ctx.transcript.event('suite', 'flood', { sent: 3000, answered: f < 0 ? after.length : f, flood: f >= 0, closed: c.ended });
      if (f < 0) {
        // No bound, or one above 3000 a second: allowed (a MAY).
        check(after.length === 3000, 'a flood of requests was neither answered nor refused', '3000 replies, or CORRAL_ERR_FLOOD and end of stream', `${after.length} replies${c.ended ? ', then the connection was closed' : ''}`, ['CTL-11'], 'MAY');
        return;
      }
      const g = after[f]!;
      check(g.reply.requestId === 0, 'CORRAL_ERR_FLOOD was not sent with request_id 0', 'request_id 0', String(g.reply.requestId), ['CTL-11'], 'MAY');
      check(f === after.length - 1, 'replies followed CORRAL_ERR_FLOOD', 'nothing after it', describeAll(after.slice(f + 1, f + 4), c), ['CTL-11'], 'MAY');
      await c.until(() => c.ended, ctx.timing.timeoutMs * 2);
      check(c.ended, 'the connection stayed open after CORRAL_ERR_FLOOD', 'end of stream', 'open', ['CTL-11'], 'MAY');
      check(after.slice(0, f).every((x, i) => x.reply.requestId === 1000 + i), 'requests before the flood error were answered out of order', 'request ids from 1000 up', after.slice(0, f).slice(0, 5).map((x) => x.reply.requestId).join(', '), ['CTL-4']);
    },
  }),
  arbiterCase({
    id: 'A-CTL-016',
    section: '14.4',
    slug: 'control-client-never-reads',
    title: 'A client that sends requests and never reads the replies is closed; another client is answered throughout',
    requirements: ['CTL-12', 'CTL-19'],
    level: 'MUST',
    procedure: [
      'One connection sends status{histograms} requests and never reads: 45 at a time, at most every 50 ms and only once the arbiter has answered a status on a second connection since the last batch (so that it never sees more than about 900 a second).',
      'It stops when the arbiter closes it, once the replies it was sent add up to 16 MiB, or when the case\'s time is nearly up (the boot timeout plus four timeouts after the case began).',
      'The second connection\'s status requests must each be answered within the timeout throughout.',
    ],
    expectations: [
      'The connection that never reads is closed before 16 MiB of replies, and before the case\'s time is up.',
      'The other client is answered throughout and after, and the probes are not disturbed.',
    ],
    async run(ctx) {
      // The case's time limit is the boot timeout plus 8 timeouts plus 10 s; leave room for the rest.
      const until = performance.now() + ctx.timing.bootTimeoutMs + ctx.timing.timeoutMs * 4;
      const { a } = await controlPool(ctx);
      const since = monoMs();
      const good = await open(ctx, a);
      const size = ((await good.exchange([[1, { action: 'status', histograms: true }]], ctx.timing.timeoutMs * 2))[0]?.size ?? 0) + 4;
      if (size <= 4) fail('status was not answered', 'a PoolStatus', describeAll(good.got, good), ['CTL-19']);
      const budget = 16 * 1024 * 1024;
      const stuck = net.connect(pathOf(a));
      a.closers.push(() => stuck.destroy());
      let closed = false;
      stuck.on('error', () => {});
      stuck.on('close', () => (closed = true));
      stuck.pause();
      if (!(await new Promise<boolean>((resolve) => { stuck.once('connect', () => resolve(true)); stuck.once('error', () => resolve(false)); }))) {
        fail('the control socket refused a connection', 'a connection', 'refused', ['CTL-19']);
      }
      ctx.transcript.event('suite', 'a client that never reads', { replyBytes: size, budgetBytes: budget });
      const started = performance.now();
      let sent = 0;
      let id = 1;
      let pings = 2;
      let worstMs = 0;
      const frame = (n: number) => Buffer.concat(Array.from({ length: n }, () => controlFrame(encodeRequest(id++, { action: 'status', histograms: true }))));
      while (!closed && sent * size < budget && performance.now() < until) {
        stuck.write(frame(45));
        sent += 45;
        const t0 = performance.now();
        const pingId = pings++;
        const [g] = await good.exchange([[pingId, { action: 'status' }]], ctx.timing.timeoutMs * 2);
        worstMs = Math.max(worstMs, performance.now() - t0);
        check(g?.reply.requestId === pingId && statusOf(g) !== undefined, 'another client was not answered while one did not read', `status for request_id ${pingId} within ${ctx.timing.timeoutMs * 2} ms`,
          `${describe(g)} after ${sent} requests from the client that does not read`, ['CTL-19']);
        await sleep(Math.max(0, 50 - (performance.now() - t0)));
      }
      await a.until(() => closed, ctx.timing.timeoutMs);
      ctx.transcript.event('suite', 'the client that never reads', { sent, replyBytes: sent * size, closed, seconds: Math.round((performance.now() - started) / 100) / 10, slowestOtherMs: Math.round(worstMs) });
      check(closed, 'a client that does not read was kept connected', `closed before ${Math.round(budget / 1048576)} MiB of replies`,
        `still connected after ${sent} requests (about ${Math.round((sent * size) / 1048576)} MiB of replies) in ${Math.round((performance.now() - started) / 1000)} s`, ['CTL-12']);
      await status(ctx, good, pings++);
      othersUnaffected(a, [], since, ['CTL-19']);
    },
  }),
  arbiterCase({
    id: 'A-CTL-005',
    section: '14.2',
    slug: 'control-scale',
    title: 'scale SOCKET to N+1 starts a worker, answered before it is ready; back to N drains one',
    requirements: ['CTL-15'],
    level: 'MUST',
    procedure: [
      'Ask for status (target N); send scale{SOCKET, N+1}. Workers started from then on wait 1 s before Ready.',
      'Wait for the new worker; ask for status; send scale{SOCKET, N}.',
    ],
    expectations: [
      'done, before the new worker sent Ready; a new probe starts and becomes ready; status shows target_workers N+1 and N+1 ready socket workers.',
      'Scaling back is done, target_workers N again, and one worker is drained.',
    ],
    async run(ctx) {
      let scaledAt = Infinity;
      const { a } = await controlPool(ctx, (s) => (s.at > scaledAt ? { readyDelayMs: 1000 } : {}));
      const c = await open(ctx, a);
      const s0 = await steady(ctx, a, c);
      const n = s0.targetWorkers;
      if (n === 0) throw new CaseSkipped('the pool runs no socket workers');
      const sockets = a.readyProbes().length;
      scaledAt = monoMs();
      const up = await ask(ctx, c, 2, { action: 'scale', kind: 'socket', workers: n + 1 }, ['CTL-15']);
      expectDone(up, `scale to ${n + 1}`, ['CTL-15']);
      const fresh = () => a.probes.filter((p) => p.start.at > scaledAt);
      await a.until(() => fresh().some((p) => p.readyAt !== undefined), ctx.timing.bootTimeoutMs);
      const p = fresh().find((x) => x.readyAt !== undefined);
      check(p !== undefined, 'scale to N+1 started no worker', 'a new worker, ready', `${fresh().length} started, none ready`, ['CTL-15']);
      if (!p.plain) check(up.at < (p.readyAt ?? Infinity), 'the done reply waited for the action to finish', 'done before the new worker\'s Ready', `done ${Math.round(up.at - (p.readyAt ?? 0))} ms after it`, ['CTL-15']);
      await a.until(() => a.readyProbes().length >= sockets + 1, ctx.timing.timeoutMs);
      const s1 = await status(ctx, c, 3);
      check(s1.targetWorkers === n + 1, 'status does not show the new target', `target_workers ${n + 1}`, String(s1.targetWorkers), ['CTL-15']);
      check(s1.workers.filter((w) => w.kind === 'socket' && w.state === 'ready').length === sockets + 1, 'status does not list the new worker', `${sockets + 1} ready socket workers`,
        s1.workers.map((w) => `${w.id}:${w.state}`).join(', '), ['CTL-15']);
      const downAt = monoMs();
      const down = await ask(ctx, c, 4, { action: 'scale', kind: 'socket', workers: n }, ['CTL-15']);
      expectDone(down, `scale back to ${n}`, ['CTL-15']);
      await a.until(() => a.probes.some((x) => drained(x, downAt) || x.recv('stop').some((r) => r.at >= downAt)), ctx.timing.timeoutMs * 2);
      await sleep(ctx.timing.quietMs);
      const retired = a.probes.filter((x) => drained(x, downAt) || x.recv('stop').some((r) => r.at >= downAt));
      check(retired.length === 1, 'scaling back by one did not retire exactly one worker', 'one worker drained', `${retired.length}`, ['CTL-15']);
      const s2 = await status(ctx, c, 5);
      check(s2.targetWorkers === n, 'status does not show the target after scaling back', `target_workers ${n}`, String(s2.targetWorkers), ['CTL-15']);
    },
  }),
  arbiterCase({
    id: 'A-CTL-006',
    section: '14.2',
    slug: 'control-reload',
    title: 'reload starts a new generation, answered before it is ready, and drains the old one',
    requirements: ['CTL-15'],
    level: 'MUST',
    procedure: ['Ask for status (generation G, N socket workers); send reload. Workers started from then on wait 800 ms before Ready.'],
    expectations: [
      'done, before any worker of the new generation sent Ready.',
      'N new workers become ready (Welcome.generation G+1); the old ones are drained; status then shows generation G+1 and only workers of it.',
    ],
    async run(ctx) {
      let reloadAt = Infinity;
      const { a } = await controlPool(ctx, (s) => (s.at > reloadAt ? { readyDelayMs: 800 } : {}));
      const c = await open(ctx, a);
      const s0 = await steady(ctx, a, c);
      const g0 = s0.generation;
      reloadAt = monoMs();
      const r = await ask(ctx, c, 2, { action: 'reload' }, ['CTL-15']);
      expectDone(r, 'reload', ['CTL-15']);
      const gen = (p: ProbeHandle) => num(p.welcome?.['generation']);
      const news = () => a.probes.filter((p) => p.start.at > reloadAt && (p.plain || gen(p) > g0));
      const old = a.readyProbes();
      await a.until(() => news().filter((p) => p.readyAt !== undefined).length >= old.length && old.every((p) => drained(p, reloadAt) || !live(p)), ctx.timing.bootTimeoutMs + ctx.timing.timeoutMs * 2);
      check(news().filter((p) => p.readyAt !== undefined).length >= old.length, 'reload did not start a new generation', `${old.length} new workers, ready`,
        `${news().length} started (generations ${a.probes.filter((p) => p.start.at > reloadAt).map(gen).join(', ') || 'none'})`, ['CTL-15']);
      const firstReady = Math.min(...news().map((p) => p.readyAt ?? Infinity));
      if (!news()[0]?.plain) check(r.at < firstReady, 'the done reply waited for the new generation', 'done before the first new Ready', `done ${Math.round(r.at - firstReady)} ms after it`, ['CTL-15']);
      const kept = old.filter((p) => !drained(p, reloadAt) && live(p));
      check(kept.length === 0, 'the old generation was not drained after a reload', 'every old worker drained', `${kept.length} of ${old.length} not drained`, ['CTL-15']);
      let s = await status(ctx, c, 3);
      for (let i = 4; s.workers.some((w) => w.kind === 'socket' && w.generation !== s.generation) && i < 40; i++) {
        await sleep(250);
        s = await status(ctx, c, i);
      }
      check(s.generation > g0, 'status does not show the new generation', `generation above ${g0}`, String(s.generation), ['CTL-15']);
      check(s.workers.filter((w) => w.kind === 'socket').every((w) => w.generation === s.generation), 'workers of the old generation are still listed after the reload', `only generation ${s.generation}`,
        s.workers.map((w) => `${w.id}:g${w.generation}:${w.state}`).join(', '), ['CTL-15']);
    },
  }),
  arbiterCase({
    id: 'A-CTL-007',
    section: '14.2',
    slug: 'control-reopen-logs',
    title: 'reopen_logs passes SIGUSR1 to every worker',
    requirements: ['CTL-15'],
    level: 'MUST',
    procedure: ['Once the pool is up, send reopen_logs.'],
    expectations: ['done; every ready worker receives SIGUSR1 within the timeout.'],
    async run(ctx) {
      const { a } = await controlPool(ctx);
      const c = await open(ctx, a);
      await steady(ctx, a, c);
      const workers = [...a.readyProbes(), ...a.readyTaskProbes()];
      const at = monoMs();
      expectDone(await ask(ctx, c, 1, { action: 'reopenLogs' }, ['CTL-15']), 'reopen_logs', ['CTL-15']);
      const got = (p: ProbeHandle) => p.of('signal').some((s) => s.at >= at && s.signal === 'SIGUSR1');
      await a.until(() => workers.every(got), ctx.timing.timeoutMs * 2);
      const missed = workers.filter((p) => !got(p));
      check(missed.length === 0, 'a worker was not sent SIGUSR1 on reopen_logs', 'SIGUSR1 at every worker', `${missed.length} of ${workers.length} got none (pids ${missed.map((p) => p.pid).join(', ')})`, ['CTL-15']);
    },
  }),
  arbiterCase({
    id: 'A-CTL-008',
    section: '14.2',
    slug: 'control-stop-graceful',
    title: 'stop{graceful} drains the pool as SIGTERM does; while stopping, status is answered and scale and reload are refused CORRAL_ERR_STATE',
    requirements: ['CTL-15', 'CTL-16', 'CTL-3'],
    level: 'MUST',
    procedure: [
      'Start the arbiter; its first probe ignores Drain and catchable signals, so that the pool stays stopping until the drain deadline.',
      'Send stop{graceful}; once it is answered, send status, scale{SOCKET, N+1} and reload in one write; then ask for status every 500 ms.',
      'When the graceful timeout is at most 15 s: wait for the arbiter to exit.',
    ],
    expectations: [
      'done; every worker is drained (Drain, or SIGTERM when supervised by process only).',
      'status says stopping; scale and reload are answered CORRAL_ERR_STATE; every later status is answered until the socket is closed.',
      'The arbiter exits 0; its socket file is removed (SHOULD).',
    ],
    async run(ctx) {
      const { a } = await controlPool(ctx, firstOnly({ onDrain: 'ignore', ignoreSignals: true }));
      const c = await open(ctx, a);
      const s0 = await steady(ctx, a, c);
      const ready = [...a.readyProbes(), ...a.readyTaskProbes()];
      const at = monoMs();
      expectDone(await ask(ctx, c, 2, { action: 'stop', graceful: true }, ['CTL-15']), 'stop{graceful}', ['CTL-15']);
      const got = await c.exchange([[3, { action: 'status' }], [4, { action: 'scale', kind: 'socket', workers: s0.targetWorkers + 1 }], [5, { action: 'reload' }]], ctx.timing.timeoutMs * 2);
      const seen = describeAll(got, c);
      const s = statusOf(got[0]);
      check(got[0]?.reply.requestId === 3 && s !== undefined, 'status was not answered while the pool was stopping', 'status for request_id 3', seen, ['CTL-16']);
      check(s.state === 'stopping', 'status does not say the pool is stopping', 'state stopping', s.state, ['CTL-16']);
      check(got[1]?.reply.requestId === 4 && errorCode(got[1]) === E.STATE, 'scale was not refused while the pool was stopping', `request_id 4: ${E.STATE}`, seen, ['CTL-16']);
      check(got[2]?.reply.requestId === 5 && errorCode(got[2]) === E.STATE, 'reload was not refused while the pool was stopping', `request_id 5: ${E.STATE}`, seen, ['CTL-16']);
      await a.until(() => ready.every((p) => drained(p, at) || !live(p)), ctx.timing.timeoutMs * 2);
      const missed = ready.filter((p) => !drained(p, at) && p.exitedAt === undefined);
      check(missed.length === 0, 'stop{graceful} did not drain every worker', 'Drain (SIGTERM when supervised by process only) at every worker', `${missed.length} of ${ready.length} got neither`, ['CTL-15']);
      if (ctx.gracefulMs > 15_000) return;
      // Until the arbiter closes the socket every status is answered.
      for (let id = 6; a.exit === undefined && !c.ended; id++) {
        const g = (await c.exchange([[id, { action: 'status' }]], ctx.timing.timeoutMs * 2))[0];
        if (c.ended) break;
        check(g?.reply.requestId === id && statusOf(g) !== undefined, 'status was not answered while the pool was stopping', `status for request_id ${id}`, describeAll(c.got.slice(-1), c), ['CTL-16']);
        await a.until(() => a.exit !== undefined, 500);
      }
      await a.waitExit(ctx.gracefulMs + ctx.timing.timeoutMs * 3);
      check(a.exit?.code === 0, 'the arbiter did not exit 0 after stop{graceful}', 'exit status 0', String(a.exit?.code ?? a.exit?.signal ?? 'still running'), ['CTL-15']);
      check(!existsSync(pathOf(a)), 'the arbiter left its control socket behind', 'the file removed', 'still there', ['CTL-3'], 'SHOULD');
    },
  }),
  arbiterCase({
    id: 'A-CTL-009',
    section: '14.2',
    slug: 'control-stop-now',
    title: 'stop without graceful stops the pool as SIGQUIT does',
    requirements: ['CTL-15'],
    level: 'MUST',
    procedure: ['Once the pool is up, send stop{graceful: false}.'],
    expectations: ['done; every worker receives Stop (or ends, when supervised by process only); the arbiter exits 0.'],
    async run(ctx) {
      const { a } = await controlPool(ctx);
      const c = await open(ctx, a);
      await steady(ctx, a, c);
      const ready = [...a.readyProbes(), ...a.readyTaskProbes()];
      const at = monoMs();
      expectDone(await ask(ctx, c, 1, { action: 'stop', graceful: false }, ['CTL-15']), 'stop', ['CTL-15']);
      await a.waitExit(ctx.timing.timeoutMs * 3);
      for (const p of ready) {
        if (p.plain) continue;
        check(p.recv('stop').some((r) => r.at >= at), 'a worker was not sent Stop on stop{graceful: false}', 'Stop', `probe ${p.pid}: ${p.recv().filter((r) => r.at >= at).map((r) => r.kind).join(', ') || 'nothing'}`, ['CTL-15']);
      }
      check(a.exit?.code === 0, 'the arbiter did not exit 0 after stop', 'exit status 0', String(a.exit?.code ?? a.exit?.signal ?? 'still running'), ['CTL-15']);
    },
  }),
  arbiterCase({
    id: 'A-CTL-010',
    section: '14.2',
    slug: 'control-pipelined-after-action',
    title: 'A request pipelined behind one that acts sees it taken on: the new generation, the new target, the pool stopping',
    requirements: ['CTL-15', 'CTL-16', 'CTL-4'],
    level: 'MUST',
    procedure: [
      'Ask for status (generation G, target N). In one write: reload, status. Then in one write: scale{SOCKET, N+1}, status.',
      'Then in one write: stop{graceful}, status, scale{SOCKET, N+2}, reload.',
    ],
    expectations: [
      'The status behind reload shows a generation above G; the one behind scale target_workers N+1 (a done reply means the action was taken on).',
      'The status behind stop says stopping; the scale and reload behind it are refused CORRAL_ERR_STATE.',
    ],
    async run(ctx) {
      const { a } = await controlPool(ctx);
      const c = await open(ctx, a);
      const s0 = await steady(ctx, a, c);
      const r = await c.exchange([[2, { action: 'reload' }], [3, { action: 'status' }]], ctx.timing.timeoutMs * 2);
      expectDone(r[0], 'reload', ['CTL-15']);
      const s1 = statusOf(r[1]);
      check(s1 !== undefined && s1.generation > s0.generation, 'status right after a reload\'s done reply shows the old generation', `generation above ${s0.generation}`, s1 ? `generation ${s1.generation}` : describeAll(r, c), ['CTL-15']);
      const u = await c.exchange([[4, { action: 'scale', kind: 'socket', workers: s0.targetWorkers + 1 }], [5, { action: 'status' }]], ctx.timing.timeoutMs * 2);
      expectDone(u[0], `scale to ${s0.targetWorkers + 1}`, ['CTL-15']);
      const s2 = statusOf(u[1]);
      check(s2 !== undefined && s2.targetWorkers === s0.targetWorkers + 1, 'status right after a scale\'s done reply shows the old target', `target_workers ${s0.targetWorkers + 1}`, s2 ? `target_workers ${s2.targetWorkers}` : describeAll(u, c), ['CTL-15']);
      const got = await c.exchange([[6, { action: 'stop', graceful: true }], [7, { action: 'status' }], [8, { action: 'scale', kind: 'socket', workers: s0.targetWorkers + 2 }], [9, { action: 'reload' }]], ctx.timing.timeoutMs * 2);
      const seen = describeAll(got, c);
      expectDone(got[0], 'stop{graceful}', ['CTL-15']);
      const s3 = statusOf(got[1]);
      check(s3?.state === 'stopping', 'status right after a stop\'s done reply does not say stopping', 'state stopping', s3 ? `state ${s3.state}` : seen, ['CTL-16']);
      check(errorCode(got[2]) === E.STATE, 'a scale sent right after stop was carried out', `request_id 8: ${E.STATE}`, seen, ['CTL-16']);
      check(errorCode(got[3]) === E.STATE, 'a reload sent right after stop was accepted', `request_id 9: ${E.STATE}`, seen, ['CTL-16']);
    },
  }),
];
