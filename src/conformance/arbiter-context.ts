// What an arbiter case gets: the command template, the timing, the probe
// baseline (descriptors and signal masks of a probe started directly), the
// recorded basic session (judged by many cases at once), and a way to start
// arbiters of its own.
import { spawn } from 'node:child_process';
import * as net from 'node:net';
import { existsSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseFailure, CaseSkipped, CaseUnsupported, HandshakeNeverCompleted, type Level } from './types.js';
import type { Transcript } from './wire.js';
import type { Timing } from './worker-harness.js';
import { ProbeHandle, TestArbiter, freePort, probeCommand, type ArbiterStartOptions } from './arbiter-harness.js';
import type { ProbeScript, ProbeStart } from './probe-protocol.js';
import { monoMs } from './probe-protocol.js';
import { openFds, fdFlags, socketInodes } from './procfs.js';

/** The arbiter's descriptors as /proc showed them during the basic session. */
export interface ArbiterFds {
  fds: { fd: number; target: string; flags: number | undefined }[];
  socketInodes: number[];
}

/** The basic session: one arbiter started, given traffic, and stopped with SIGTERM. */
export interface Session {
  arbiter: TestArbiter;
  /** Probes ready when the pool had settled. */
  ready: ProbeHandle[];
  answered: number;
  requests: number;
  /** When SIGTERM was sent (monotonic ms). */
  termAt: number;
  arbiterFds: ArbiterFds;
  /** Welcome.strategy of the pool (1..5), or 0 when the workers are supervised by process only. */
  strategy: number;
  plain: boolean;
}

export const STRATEGY_NAMES: Record<number, string> = { 1: 'arbiter', 2: 'shared', 3: 'exclusive', 4: 'reuseport', 5: 'handoff' };

export function arbiterFds(pid: number): ArbiterFds {
  const fds = [...openFds(pid).entries()].map(([fd, target]) => ({ fd, target, flags: fdFlags(pid, fd) }));
  return { fds, socketInodes: [...socketInodes(pid).values()] };
}

export class ArbiterContext {
  readonly template: string[];
  readonly timing: Timing;
  readonly transcript: Transcript;
  readonly baseline: ProbeStart | undefined;
  readonly session: Session | undefined;
  /** The graceful timeout the arbiter under test is configured with (--graceful-timeout-ms). */
  readonly gracefulMs: number;
  readonly arbiters: TestArbiter[] = [];

  constructor(template: string[], timing: Timing, transcript: Transcript, baseline: ProbeStart | undefined, session: Session | undefined, gracefulMs: number) {
    this.template = template;
    this.timing = timing;
    this.transcript = transcript;
    this.baseline = baseline;
    this.session = session;
    this.gracefulMs = gracefulMs;
  }

  /** The recorded basic session (judge cases). */
  get s(): Session {
    if (!this.session) throw new CaseSkipped('the basic session did not run');
    return this.session;
  }

  /** The pool's strategy name, from the basic session. */
  get strategy(): string {
    return this.session?.plain ? 'plain' : STRATEGY_NAMES[this.session?.strategy ?? 0] ?? 'unknown';
  }

  /** UNSUPPORTED unless the pool runs `strategy`. */
  needStrategy(...names: string[]): void {
    if (!names.includes(this.strategy)) throw new CaseUnsupported(`the arbiter runs the ${this.strategy} strategy; this case is for ${names.join(' or ')}`);
  }

  /** UNSUPPORTED when the workers are supervised by process only. */
  needProtocol(): void {
    if (this.session?.plain) throw new CaseUnsupported('the arbiter supervises its workers by process only');
  }

  /** Starts an arbiter under test (killed when the case ends). */
  async start(opts: ArbiterStartOptions = {}): Promise<TestArbiter> {
    const bind = `127.0.0.1:${await freePort()}`;
    const a = new TestArbiter(this.template, bind, this.timing, this.transcript, opts);
    this.arbiters.push(a);
    return a;
  }

  /** Starts an arbiter whose probes follow `scriptFor`, and waits for the pool to be up. */
  async up(scriptFor?: (start: ProbeStart, index: number) => ProbeScript, minReady = 1): Promise<{ a: TestArbiter; ready: ProbeHandle[] }> {
    const a = await this.start(scriptFor ? { scriptFor } : {});
    const ready = await a.settled(this.timing.bootTimeoutMs + this.timing.timeoutMs);
    if (ready.length < minReady) {
      if (ready.length === 0) {
        throw new HandshakeNeverCompleted('no probe became ready', 'at least one probe Welcomed and Ready', `${a.probes.length} probes started${a.exit ? `; the arbiter exited with ${a.exit.code ?? a.exit.signal}` : ''}`);
      }
      throw new CaseSkipped(`needs at least ${minReady} workers; the arbiter runs ${ready.length}`);
    }
    return { a, ready };
  }

  now(): number {
    return monoMs();
  }
}

/** Script helper: the first probe misbehaves as told, the others are conformant. */
export function firstOnly(script: ProbeScript): (s: ProbeStart, i: number) => ProbeScript {
  return (_s, i) => (i === 0 ? script : {});
}

export function fail(message: string, expected: string, observed: string, requirements?: string[], level?: Level): never {
  throw new CaseFailure(message, expected, observed, requirements, level);
}

export function check(cond: boolean, message: string, expected: string, observed: string, requirements?: string[], level?: Level): asserts cond {
  if (!cond) fail(message, expected, observed, requirements, level);
}

/** Runs a probe outside any arbiter, to learn what a probe holds when nothing leaks into it. */
export async function probeBaseline(timeoutMs: number): Promise<ProbeStart | undefined> {
  const path = join(tmpdir(), `corral-conf-${process.pid}-baseline.sock`);
  if (existsSync(path)) unlinkSync(path);
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: ProbeStart | undefined) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      server.close();
      try {
        unlinkSync(path);
      } catch {
        // gone
      }
      resolve(v);
    };
    const server = net.createServer((s) => {
      let buf = '';
      s.on('data', (d: Buffer) => {
        buf += d.toString('utf8');
        const nl = buf.indexOf('\n');
        if (nl >= 0) {
          finish(JSON.parse(buf.slice(0, nl)) as ProbeStart);
          s.destroy();
        }
      });
      s.on('error', () => {});
    });
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    server.listen(path, () => {
      const [program, ...args] = probeCommand() as [string, ...string[]];
      const child = spawn(program, [...args, '--side', path, '--baseline'], { stdio: ['ignore', 'ignore', 'pipe'] });
      child.on('error', () => finish(undefined));
    });
  });
}
