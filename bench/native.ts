// Per-call cost of the native socket layer:
//   - acceptOne / acceptBatch on an empty queue (the would-block path),
//   - one readiness callback: a ping-pong over a SOCK_SEQPACKET pair, where
//     each round is one callback + one recvmsg + one sendmsg, minus the cost
//     of the same recvmsg + sendmsg done in a plain loop,
//   - one loopback TCP connection end to end (connect, callback, accept, close).
//
//   npx tsx bench/native.ts [--rounds 5] [--calls 100000]
//
// Each figure is the median of --rounds runs. Loopback only.
import { cpus, release } from 'node:os';
import * as net from 'node:net';
import * as native from '../src/transport/native.js';

function flag(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : dflt;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer`);
  return v;
}

const ROUNDS = flag('rounds', 5);
const CALLS = flag('calls', 100_000);
const PINGS = Math.max(1000, Math.floor(CALLS / 5));
const CONNECTIONS = Math.max(200, Math.floor(CALLS / 50));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function nsPer(n: number, fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / n;
}

async function nsPerAsync(n: number, fn: () => Promise<void>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / n;
}

async function measure(fn: () => number | Promise<number>): Promise<number> {
  await fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) xs.push(await fn());
  return median(xs);
}

const results: [string, number, string][] = [];
const row = (what: string, ns: number, note = ''): void => {
  results.push([what, ns, note]);
};

// ---- accept would-block -------------------------------------------------------
{
  const lfd = native.listen({ host: '127.0.0.1' });
  row('acceptOne, empty queue (would-block)', await measure(() => nsPer(CALLS, () => {
    for (let i = 0; i < CALLS; i++) native.acceptOne(lfd);
  })), `${CALLS} calls`);
  row('acceptBatch(fd, 16), empty queue', await measure(() => nsPer(CALLS, () => {
    for (let i = 0; i < CALLS; i++) native.acceptBatch(lfd, 16);
  })), `${CALLS} calls`);
  row('isListening (getsockopt), for scale', await measure(() => nsPer(CALLS, () => {
    for (let i = 0; i < CALLS; i++) native.isListening(lfd);
  })), 'one cheap syscall through the same path');
  native.close(lfd);
}

// ---- readiness callback -------------------------------------------------------------
{
  const [a, b] = native.seqpacketPair();
  const ping = Buffer.from('p');
  const syncPair = await measure(() => nsPer(PINGS, () => {
    for (let i = 0; i < PINGS; i++) {
      native.sendWithFds(b, ping, []);
      native.recvWithFds(a, 64, 0);
    }
  }));
  row('sendWithFds + recvWithFds, same thread (baseline)', syncPair, `${PINGS} pairs`);

  for (const exclusive of [false, true]) {
    const round = await measure(() => nsPerAsync(PINGS, () => new Promise<void>((resolve) => {
      let n = 0;
      const w = new native.Watcher(a, () => {
        native.recvWithFds(a, 64, 0);
        if (++n === PINGS) {
          w.close();
          resolve();
        } else {
          native.sendWithFds(b, ping, []);
        }
      }, { exclusive });
      w.start();
      native.sendWithFds(b, ping, []);
    })));
    const mode = exclusive ? 'exclusive' : 'plain';
    row(`readiness round trip, ${mode} (callback + recv + send)`, round, `${PINGS} rounds`);
    row(`  => one readiness callback, ${mode}`, round - syncPair, 'round trip minus baseline');
  }
  native.close(a);
  native.close(b);
}

// ---- a loopback connection, end to end --------------------------------------------------
{
  const lfd = native.listen({ host: '127.0.0.1', backlog: 511 });
  const { port } = native.localAddress(lfd);
  for (const exclusive of [false, true]) {
    const per = await measure(() => nsPerAsync(CONNECTIONS, () => new Promise<void>((resolve) => {
      let n = 0;
      const next = (): void => {
        const s = net.connect(port, '127.0.0.1');
        s.on('error', () => {});
        s.on('close', () => (++n === CONNECTIONS ? (w.close(), resolve()) : next()));
      };
      const w = new native.Watcher(lfd, () => {
        const c = native.acceptOne(lfd);
        if (c) native.close(c.fd); // the client sees EOF and closes
      }, { exclusive });
      w.start();
      next();
    })));
    row(`connect -> callback -> accept -> close, ${exclusive ? 'exclusive' : 'plain'}`, per, `${CONNECTIONS} sequential connections`);
  }
  native.close(lfd);
}

const cpu = cpus();
console.log(`node ${process.version}, linux ${release()}, ${cpu.length} x ${cpu[0]?.model ?? 'unknown cpu'}`);
console.log(`median of ${ROUNDS} rounds (after one warm-up round)\n`);
const w = Math.max(...results.map((r) => r[0].length));
console.log(`${'what'.padEnd(w)}  ${'ns/call'.padStart(9)}  ${'µs/call'.padStart(8)}  note`);
for (const [what, ns, note] of results) {
  console.log(`${what.padEnd(w)}  ${ns.toFixed(0).padStart(9)}  ${(ns / 1000).toFixed(2).padStart(8)}  ${note}`);
}
