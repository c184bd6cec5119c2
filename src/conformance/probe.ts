// The probe worker: what `{probe}` runs in `corral conformance arbiter`.
//
// It is a small, conformant socket worker (or, started without
// CORRAL_ACCEPT, a task worker: probe-tasks.ts) that also reports everything it
// sees (its inherited fds and environment, every frame, every signal) to the
// suite over a side channel, and misbehaves when its script says so (stops
// heartbeating, dies holding a grant, sends garbage ...). It never imports
// the corral worker runtime: it tests the arbiter against the spec.
//
//   node --import <tsx> probe.ts --side /tmp/corral-conf-….sock   (as a worker)
//   node --import <tsx> probe.ts --side … --baseline                (fd baseline)
import * as net from 'node:net';
import { readFileSync } from 'node:fs';
import { decodeMessage, encodeFrame, messageToJSON, type Message, type OutMessage } from '../protocol/codec.js';
import { FrameDecoder } from '../protocol/framer.js';
import { HARD_MAX_FRAME_BYTES } from '../protocol/limits.js';
import * as native from '../transport/native.js';
import { checkSentEnvelope } from './frame-check.js';
import { openFds, fdFlags, tcpTable } from './procfs.js';
import { TaskRunner, appsFromArgv, capacityFromArgv } from './probe-tasks.js';
import { SIDE_ENV, monoMs, type ProbeCommand, type ProbeFd, type ProbeReport, type ProbeScript, type ProbeStart } from './probe-protocol.js';
import { varint } from '../protocol/raw.js';

// ---- what we inherited, before anything else opens descriptors ---------------

function unixInfo(inode: number): { type: number; path: string } | undefined {
  try {
    for (const line of readFileSync('/proc/net/unix', 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (Number(f[6]) === inode) return { type: parseInt(f[4] as string, 16), path: f[7] ?? '' };
    }
  } catch { /* no /proc */ }
  return undefined;
}

function snapshotFds(): ProbeFd[] {
  const tcp = tcpTable();
  const out: ProbeFd[] = [];
  for (const [fd, target] of openFds('self')) {
    const m = /^socket:\[(\d+)\]$/.exec(target);
    const inode = m ? Number(m[1]) : null;
    let socket: string | null = null;
    let address: string | null = null;
    if (inode !== null) {
      const t = tcp.find((e) => e.inode === inode);
      const u = t ? undefined : unixInfo(inode);
      if (t) {
        socket = t.state === '0A' ? 'tcp-listen' : 'tcp';
        address = `${t.local}:${t.localPort}`;
      } else if (u) {
        socket = u.type === 1 ? 'unix-stream' : u.type === 2 ? 'unix-dgram' : u.type === 5 ? 'unix-seqpacket' : 'other';
        address = u.path;
      } else socket = 'other';
    }
    out.push({ fd, target, flags: fdFlags('self', fd) ?? null, inode, socket, address });
  }
  return out;
}

function status(field: string): string {
  try {
    return new RegExp(`^${field}:\\s*([0-9a-f]+)`, 'm').exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? '';
  } catch {
    return '';
  }
}

const args = process.argv.slice(2);
const sideIndex = args.indexOf('--side');
const sidePath = sideIndex >= 0 ? args[sideIndex + 1] : process.env[SIDE_ENV];
const baseline = args.includes('--baseline');
const start: ProbeStart = {
  t: 'start', pid: process.pid, ppid: process.ppid, at: monoMs(), env: { ...process.env } as Record<string, string>,
  fds: snapshotFds(), sigBlk: status('SigBlk'), sigIgn: status('SigIgn'), baseline, argv: args,
};

// ---- the side channel -------------------------------------------------------------

if (!sidePath) {
  process.stderr.write('corral conformance probe: no side channel (--side PATH); this program is run by `corral conformance arbiter`\n');
  process.exit(3);
}
const side = net.connect(sidePath);
side.on('error', () => {});
function report(r: ProbeReport): void {
  if (!side.destroyed) side.write(JSON.stringify(r) + '\n');
}
let script: ProbeScript = {};
let sideBuf = '';
let scripted: () => void = () => {};
const gotScript = new Promise<void>((resolve) => {
  scripted = resolve;
});
side.on('data', (d: Buffer) => {
  sideBuf += d.toString('utf8');
  let nl: number;
  while ((nl = sideBuf.indexOf('\n')) >= 0) {
    const line = sideBuf.slice(0, nl);
    sideBuf = sideBuf.slice(nl + 1);
    const cmd = JSON.parse(line) as ProbeCommand;
    if (cmd.t === 'script') {
      script = cmd.script;
      scripted();
    } else onCommand(cmd);
  }
});
// The suite going away must not leave probes behind.
side.on('close', () => quit(1, 'side channel closed'));
report(start);

let exiting = false;
function quit(code: number, why: string): void {
  if (exiting) return;
  exiting = true;
  report({ t: 'exit', at: monoMs(), code, why });
  side.end(() => process.exit(code));
  setTimeout(() => process.exit(code), 200).unref();
}

// ---- the worker --------------------------------------------------------------------

const env = process.env;
const controlFdRaw = env['CORRAL_CONTROL_FD'];
const listenCount = Number(env['LISTEN_FDS'] ?? '0') || 0;
let control: net.Socket | undefined;
const decoder = new FrameDecoder({ maxFrameBytes: HARD_MAX_FRAME_BYTES });
let welcome: Message & { kind: 'welcome' } | undefined;
let ready = false;
let draining = false;
let inFlight = 0;
let acceptedTotal = 0;
let requestsTotal = 0;
let heartbeatTimer: NodeJS.Timeout | undefined;
let heartbeatOn = true;
let grantsSeen = 0;
let revokesSeen = 0;
// A task worker has a control channel and no accept strategy (ENV-11).
const taskMode = controlFdRaw !== undefined && env['CORRAL_ACCEPT'] === undefined;
const tasks = new TaskRunner({
  send: (m) => send(m),
  sendBatch: (ms) => {
    if (!control || control.destroyed) return;
    control.write(Buffer.concat(ms.map((m) => encodeFrame(m))));
    for (const m of ms) report({ t: 'sent', at: monoMs(), kind: m.kind, body: bodyOf(m) });
  },
  report: (r) => report(r),
  quit: (code, why) => quit(code, why),
  script: () => script,
  features: () => welcome?.body.features ?? [],
});

interface Grant {
  id: number;
  listener: number;
  max: number;
  releaseLoad: number;
  accepted: number;
  wouldBlock: number;
  start: number;
  leaseMs: number;
  watcher: native.Watcher | undefined;
  timer: NodeJS.Timeout | undefined;
}
const grants = new Map<number, Grant>();
const pollers: native.Watcher[] = [];

function send(m: OutMessage): void {
  if (!control || control.destroyed) return;
  control.write(encodeFrame(m));
  report({ t: 'sent', at: monoMs(), kind: m.kind, body: bodyOf(m) });
}

function sendHex(hex: string): void {
  if (!control || control.destroyed) return;
  control.write(Buffer.from(hex, 'hex'));
  report({ t: 'sent', at: monoMs(), kind: 'raw', body: hex.length > 200 ? hex.slice(0, 200) + '…' : hex });
}

function bodyOf(m: Message | OutMessage): unknown {
  const json = messageToJSON(m as Message) as Record<string, unknown>;
  return json[Object.keys(json)[0] as string] ?? {};
}

function capacity(): number {
  return script.capacity ?? (taskMode ? capacityFromArgv(args) ?? 16 : 100);
}

function load(): number {
  return script.fakeInFlight ?? (taskMode ? tasks.inFlight : inFlight);
}

function heartbeat(): void {
  // Load counts (1.4) only when scripted and negotiated: every request the probe answers is counted in the first bucket (it answers at once).
  const counts = script.loadCounts && (welcome?.body.version?.minor ?? 0) >= 4
    ? { wakeupsTotal: acceptedTotal, latencyCounts: [requestsTotal, ...new Array<number>(16).fill(0)] } : {};
  send({ kind: 'heartbeat', body: { timeMs: script.zeroTime ? 0 : Math.round(monoMs()), inFlight: load(), capacity: capacity(), acceptedTotal, requestsTotal, ...counts } });
}

function goodbye(reason: number, detail: string): void {
  send({ kind: 'goodbye', body: { reason, detail, acceptedTotal } });
}

/** Serves one accepted connection: answers any request once its head is complete. */
function serve(fd: number): void {
  inFlight++;
  acceptedTotal++;
  let head = '';
  const s = native.toSocket(fd);
  s.on('error', () => {});
  s.on('data', (d: Buffer) => {
    head += d.toString('latin1');
    if (head.includes('\r\n\r\n')) {
      const body = `probe ${process.pid}\n`;
      s.end(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
      requestsTotal++;
    }
  });
  s.on('close', () => {
    inFlight--;
    if (draining && inFlight === 0) finishDrain('');
  });
}

// -- arbiter strategy: leases

function release(g: Grant, reason: number): void {
  // Out of the poll set first, then AcceptDone (ACCEPT-23).
  g.watcher?.close();
  if (g.timer) clearTimeout(g.timer);
  grants.delete(g.listener);
  report({ t: 'release', at: monoMs(), grantId: g.id, listener: g.listener, reason, accepted: g.accepted });
  send({ kind: 'acceptDone', body: { grantId: g.id, listener: g.listener, accepted: g.accepted, wouldBlock: g.wouldBlock, inFlight: load(), reason } });
}

function due(g: Grant): number {
  if (g.accepted >= g.max) return 1;
  const limit = g.releaseLoad || capacity();
  if (limit > 0 && load() >= limit) return 2;
  if (monoMs() - g.start >= g.leaseMs) return 3;
  return 0;
}

function onGrant(body: { grantId: number; listener: number; maxAccepts: number; releaseLoad: number; leaseMs: number }): void {
  grantsSeen++;
  const mode = (script.onGrantOnce && grantsSeen > 1) || (script.onGrantUntilRevoked && revokesSeen > 0) ? 'serve' : script.onGrant ?? 'serve';
  if (mode === 'die') {
    quit(1, `dies holding grant ${body.grantId}`);
    return;
  }
  if (mode === 'bad-reason') {
    send({ kind: 'acceptDone', body: { grantId: body.grantId, listener: body.listener, accepted: 0, inFlight: load(), reason: 99 as never } });
    return;
  }
  if (grants.has(body.listener)) {
    send({ kind: 'error', body: { code: 207, message: `second grant for listener ${body.listener}`, fatal: false } });
    return;
  }
  const g: Grant = {
    id: body.grantId, listener: body.listener, max: body.maxAccepts, releaseLoad: body.releaseLoad, accepted: 0, wouldBlock: 0,
    start: monoMs(), leaseMs: body.leaseMs, watcher: undefined, timer: undefined,
  };
  grants.set(g.listener, g);
  if (mode === 'keep') return;
  if (draining) {
    release(g, 4);
    return;
  }
  g.timer = setTimeout(() => grants.get(g.listener) === g && release(g, 3), Math.max(0, body.leaseMs));
  if (mode === 'hold') return;
  const now = due(g);
  if (now) {
    release(g, now);
    return;
  }
  // accept.overlap: other probes may hold this listener too, so the
  // registration wakes one sleeper per connection (ACCEPT-45).
  const exclusive = (welcome?.body.features ?? []).includes('accept.overlap');
  g.watcher = new native.Watcher(3 + g.listener, () => {
    const r = due(g);
    if (r) return release(g, r);
    const conn = native.acceptOne(3 + g.listener);
    if (!conn) {
      g.wouldBlock++;
      return;
    }
    g.accepted++;
    report({ t: 'accepted', at: monoMs(), listener: g.listener });
    serve(conn.fd);
    const after = due(g);
    if (after === 1 || after === 2) release(g, after);
  }, { exclusive });
  g.watcher.start();
}

// -- shared, exclusive, reuseport

function startPolling(exclusive: boolean): void {
  if (script.noAccept) return;
  for (let i = 0; i < listenCount; i++) {
    const fd = 3 + i;
    const w = new native.Watcher(fd, () => {
      if (draining) return;
      for (;;) {
        const conn = native.acceptOne(fd);
        if (!conn) break;
        report({ t: 'accepted', at: monoMs(), listener: i });
        serve(conn.fd);
      }
    }, { exclusive });
    w.start();
    pollers.push(w);
  }
}

// -- handoff

let handoffWatcher: native.Watcher | undefined;
function startHandoff(fd: number): void {
  handoffWatcher = new native.Watcher(fd, () => {
    const acked: number[] = [];
    const refused: number[] = [];
    for (;;) {
      let m: native.ReceivedMessage | null;
      try {
        m = native.recvWithFds(fd, 4 + HARD_MAX_FRAME_BYTES, 8);
      } catch (err) {
        report({ t: 'bad', at: monoMs(), error: (err as Error).message, hex: '', channel: 'handoff' });
        continue;
      }
      if (m === null) break;
      if (m.eof) {
        report({ t: 'eof', at: monoMs(), channel: 'handoff' });
        handoffWatcher?.close();
        if (!script.ignoreEof) quit(0, 'handoff channel closed');
        break;
      }
      let id = 0;
      try {
        const n = m.data.readUInt32BE(0);
        const msg = decodeMessage(m.data.subarray(4, 4 + n));
        const inode = m.fds[0] !== undefined ? fdInode(m.fds[0]) : undefined;
        report({ t: 'recv', at: monoMs(), kind: msg.kind, body: bodyOf(msg), size: n, channel: 'handoff', fds: m.fds.length, ...(inode ? { inode } : {}) });
        if (m.data.length !== 4 + n) report({ t: 'rule', at: monoMs(), requirement: 'FRAME-14', problem: `datagram of ${m.data.length} octets holds a frame of ${n}`, kind: msg.kind });
        if (msg.kind === 'handoff') id = msg.body.handoffId;
      } catch (err) {
        report({ t: 'bad', at: monoMs(), error: (err as Error).message, hex: m.data.subarray(0, 64).toString('hex'), channel: 'handoff' });
      }
      handoffsSeen++;
      const mode = script.onHandoff === 'refuse-first' ? (handoffsSeen === 1 ? 'refuse' : 'ack') : script.onHandoff ?? 'ack';
      if (mode === 'die') return quit(1, `dies holding handoff ${id}`);
      if (mode === 'never') continue;
      if (mode === 'refuse' || draining || m.fds.length !== 1 || id === 0) {
        for (const f of m.fds) native.close(f);
        if (id) refused.push(id);
        continue;
      }
      acked.push(id);
      pendingServe.push(m.fds[0] as number);
    }
    if (acked.length || refused.length) {
      sendAck(acked, refused);
      // The HandoffAck is written; only now may the connections be touched (HANDOFF-23).
      for (const f of pendingServe.splice(0)) serve(f);
    }
  });
  handoffWatcher.start();
}
const pendingServe: number[] = [];
let handoffsSeen = 0;

function fdInode(fd: number): number | undefined {
  const m = /^socket:\[(\d+)\]$/.exec(openFds('self').get(fd) ?? '');
  return m ? Number(m[1]) : undefined;
}


function sendAck(acked: number[], refused: number[]): void {
  if (!script.unpackedAcks) {
    send({ kind: 'handoffAck', body: { handoffIds: acked, inFlight: load(), refusedIds: refused } });
    return;
  }
  // Repeated uint64 written unpacked: one tag per value (MSG-5).
  const body = [...acked.flatMap((id) => [0x08, ...varint(id)]), ...(load() ? [0x10, ...varint(load())] : []), ...refused.flatMap((id) => [0x18, ...varint(id)])];
  const env = [0x6a, ...varint(body.length), ...body];
  const frame = Buffer.concat([Buffer.from([0, 0, 0, 0]), Buffer.from(env)]);
  frame.writeUInt32BE(env.length, 0);
  sendHex(frame.toString('hex'));
}

// -- lifecycle

function finishDrain(detail: string): void {
  if (exiting) return;
  goodbye(1, detail);
  control?.end();
  quit(0, 'drained');
}

function beginDrain(deadlineMs: number): void {
  if (draining) return;
  draining = true;
  for (const g of [...grants.values()]) release(g, 4);
  for (const p of pollers.splice(0)) p.close();
  if (deadlineMs > 0) setTimeout(() => finishDrain('deadline passed'), Math.max(0, deadlineMs - 100)).unref();
  if (inFlight === 0) finishDrain('');
}

function onMessage(m: Message): void {
  switch (m.kind) {
    case 'welcome':
      welcome = m;
      afterWelcome();
      return;
    case 'acceptGrant':
      onGrant(m.body);
      return;
    case 'acceptRevoke': {
      revokesSeen++;
      if (script.onRevoke === 'ignore') return;
      const g = grants.get(m.body.listener);
      if (g && g.id === m.body.grantId) release(g, 6);
      return;
    }
    case 'drain':
      if (script.onDrain === 'ignore') return;
      beginDrain(m.body.deadlineMs);
      return;
    case 'stop':
      if (script.onStop === 'ignore') return;
      goodbye(2, m.body.reason);
      quit(0, 'stopped');
      return;
    case 'error':
      if (m.body.fatal) {
        control?.end();
        if (!script.ignoreEof) quit(1, `fatal error ${m.body.code} from the arbiter`);
      }
      return;
    default:
      if (taskMode) tasks.onMessage(m);
      return;
  }
}

function afterWelcome(): void {
  const w = welcome as Message & { kind: 'welcome' };
  const strategy = w.body.strategy;
  const doReady = () => {
    if (exiting || draining) return;
    ready = true;
    send({ kind: 'ready', body: { capacity: capacity() } });
    if (script.heartbeat !== 'none') {
      heartbeatTimer = setInterval(() => heartbeatOn && heartbeat(), Math.max(1, w.body.heartbeatIntervalMs || 1000));
    }
    if (strategy === 2 || strategy === 4) startPolling(false);
    if (strategy === 3) startPolling(true);
    if (strategy === 5 && env['CORRAL_HANDOFF_FD']) startHandoff(Number(env['CORRAL_HANDOFF_FD']));
    if (script.afterReady) {
      const hexes = script.afterReady.hex;
      setTimeout(() => hexes.forEach(sendHex), script.afterReady.delayMs);
    }
    if (script.exitAfterReady) {
      const { delayMs, code, goodbye: reason } = script.exitAfterReady;
      setTimeout(() => {
        if (reason !== undefined) goodbye(reason, 'scripted exit');
        quit(code, 'scripted exit');
      }, delayMs);
    }
  };
  if (script.afterWelcome) script.afterWelcome.hex.forEach(sendHex);
  if (script.noReady) return;
  if (script.readyDelayMs) setTimeout(doReady, script.readyDelayMs);
  else doReady();
}

function onCommand(cmd: ProbeCommand): void {
  if (cmd.t !== 'do') return;
  if (cmd.action === 'send-hex') sendHex(cmd.hex);
  else if (cmd.action === 'exit') quit(cmd.code, 'told to exit');
  else if (cmd.action === 'stop-heartbeat') heartbeatOn = false;
  else if (cmd.action === 'answer') tasks.answer(cmd.requestId, cmd.reply);
}

function helloMessage(): OutMessage {
  const h = script.hello ?? {};
  const socketFeatures = ['accept.arbiter', 'accept.shared', 'accept.exclusive', 'accept.reuseport', 'accept.handoff', 'load-report', 'example.com/conformance-probe'];
  const taskFeatures = ['tasks', 'tasks.stream', 'tasks.flow', 'load-report', 'example.com/conformance-probe'];
  const body = {
    versions: h.versions ?? [{ major: 1, minor: 0 }, { major: 1, minor: 7 }],
    kind: h.kind ?? (taskMode ? 2 : 1),
    pid: h.pid ?? process.pid,
    features: h.features ?? (taskMode ? taskFeatures : socketFeatures),
    maxFrameBytes: h.maxFrameBytes ?? 65536,
    implementation: 'corral-conformance-probe/1.0',
    capacity: h.capacity ?? capacity(),
    apps: h.apps ?? (taskMode ? appsFromArgv(args) : []),
  };
  if (h.padTo) {
    const base = encodeFrame({ kind: 'hello', body }).length - 4;
    let pad = h.padTo - base - 3;
    for (let i = 0; i < 6; i++) {
      const n = encodeFrame({ kind: 'hello', body: { ...body, implementation: body.implementation + ' ' + 'x'.repeat(Math.max(0, pad)) } }).length - 4;
      if (n === h.padTo) break;
      pad += h.padTo - n;
    }
    body.implementation += ' ' + 'x'.repeat(Math.max(0, pad));
  }
  return { kind: 'hello', body };
}

function signals(): void {
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGHUP', 'SIGUSR1', 'SIGUSR2', 'SIGPIPE'] as const) {
    process.on(sig, () => {
      report({ t: 'signal', at: monoMs(), signal: sig });
      if (script.ignoreSignals || sig === 'SIGHUP' || sig === 'SIGUSR1' || sig === 'SIGUSR2' || sig === 'SIGPIPE') return;
      if (sig === 'SIGTERM') {
        if (!control) return quit(0, 'SIGTERM');
        if (!ready) return quit(0, 'SIGTERM before Ready');
        beginDrain(0);
      } else {
        if (ready) goodbye(3, sig);
        quit(0, sig);
      }
    });
  }
}

async function main(): Promise<void> {
  if (baseline) {
    quit(0, 'baseline');
    return;
  }
  await gotScript;
  signals();
  if (script.exitBeforeHello !== undefined) return quit(script.exitBeforeHello, 'scripted boot failure');
  if (controlFdRaw === undefined) {
    // Supervised by process only: no protocol, just serve the listeners.
    report({ t: 'note', at: monoMs(), text: 'no CORRAL_CONTROL_FD: process-only supervision' });
    ready = true;
    startPolling(false);
    return;
  }
  control = new net.Socket({ fd: Number(controlFdRaw), readable: true, writable: true });
  control.on('error', () => {});
  control.on('data', (chunk: Buffer) => {
    let frames: Uint8Array[];
    try {
      frames = decoder.push(chunk);
    } catch (err) {
      report({ t: 'bad', at: monoMs(), error: (err as Error).message, hex: chunk.subarray(0, 64).toString('hex'), channel: 'control' });
      return;
    }
    for (const f of frames) {
      const at = monoMs();
      let m: Message;
      try {
        m = decodeMessage(f);
      } catch (err) {
        report({ t: 'bad', at, error: (err as Error).message, hex: Buffer.from(f).subarray(0, 64).toString('hex'), channel: 'control' });
        continue;
      }
      report({ t: 'recv', at, kind: m.kind, body: bodyOf(m), size: f.length, channel: 'control' });
      for (const p of checkSentEnvelope(f, welcome?.body.features ?? [], welcome ? welcome.body.version?.minor ?? 0 : undefined)) report({ t: 'rule', at, requirement: p.requirement, problem: p.problem, kind: m.kind });
      onMessage(m);
    }
  });
  control.on('end', () => {
    report({ t: 'eof', at: monoMs(), channel: 'control' });
    if (heartbeatTimer) clearInterval(heartbeatTimer);
    if (!script.ignoreEof) quit(0, 'control channel closed');
  });
  if (script.noHello) return;
  if (script.helloDelayMs) await new Promise((r) => setTimeout(r, script.helloDelayMs));
  if (script.firstFrameHex) {
    sendHex(script.firstFrameHex);
    return;
  }
  send(helloMessage());
}

main().catch((err: unknown) => {
  report({ t: 'note', at: monoMs(), text: `probe failed: ${err instanceof Error ? err.stack : String(err)}` });
  quit(1, 'probe failed');
});
