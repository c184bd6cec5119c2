// The suite as the workers of an arbiter under test.
//
//   suite ──spawn──► arbiter command ({probe}, {bind}, {tasks-address-file}, {control-socket} substituted)
//                       └─spawns─► probe, probe, ...  (our probe.ts, as workers)
//   suite ◄──side channel (unix socket)── each probe: what it inherited and saw
//
// The arbiter runs in its own process group, so that the suite can always
// take it down with everything it started; its own signals (TERM, HUP, ...)
// are sent to its pid only.
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import { existsSync, lstatSync, mkdtempSync, rmSync, unlinkSync, watch, type FSWatcher } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Transcript } from './wire.js';
import {
  MARKER_ENV, SIDE_ENV, monoMs, type ProbeCommand, type ProbeReport, type ProbeScript, type ProbeStart,
} from './probe-protocol.js';
import type { Timing } from './worker-harness.js';
import { sleep } from './worker-harness.js';
import { Wakeup } from './wakeup.js';

/** The command that runs a probe; `--side PATH` is appended. */
export function probeCommand(): string[] {
  // From an installed package this file is dist/…/arbiter-harness.js, and
  // the probe is compiled JavaScript that needs no loader.
  if (fileURLToPath(import.meta.url).endsWith('.js')) return [process.execPath, fileURLToPath(new URL('./probe.js', import.meta.url))];
  const probe = fileURLToPath(new URL('./probe.ts', import.meta.url));
  const tsx = import.meta.resolve('tsx');
  return [process.execPath, '--import', tsx, probe];
}

export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Where the arbiter under test is to write its task socket's address (spec.md section 4.7.1). */
export const TASKS_ADDRESS_PLACEHOLDER = '{tasks-address-file}';

/** Where the arbiter under test is to open its control socket (spec.md section 14.1). */
export const CONTROL_SOCKET_PLACEHOLDER = '{control-socket}';

/** Replaces {probe}, {bind}, {tasks-address-file} and {control-socket} in an argv template. */
export function substitute(template: string[], probe: string[], bind: string, tasksAddressFile = '', controlSocket = ''): string[] {
  const out: string[] = [];
  for (const a of template) {
    if (a === '{probe}') out.push(...probe);
    else {
      out.push(a.replaceAll('{probe}', probe.map(shellQuote).join(' ')).replaceAll('{bind}', bind)
        .replaceAll(TASKS_ADDRESS_PLACEHOLDER, tasksAddressFile).replaceAll(CONTROL_SOCKET_PLACEHOLDER, controlSocket));
    }
  }
  return out;
}

/** A free loopback port (bound and released; a race with other processes is possible but unlikely). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

let sideSeq = 0;

/** Events of one probe. */
export class ProbeHandle {
  readonly index: number;
  readonly start: ProbeStart;
  readonly events: ProbeReport[] = [];
  readonly socket: net.Socket;
  script: ProbeScript = {};
  closed = false;

  constructor(index: number, start: ProbeStart, socket: net.Socket) {
    this.index = index;
    this.start = start;
    this.socket = socket;
  }

  get pid(): number {
    return this.start.pid;
  }

  do(cmd: ProbeCommand): void {
    if (!this.socket.destroyed) this.socket.write(JSON.stringify(cmd) + '\n');
  }

  /** Messages received from the arbiter, in order. */
  recv(kind?: string): Extract<ProbeReport, { t: 'recv' }>[] {
    return this.events.filter((e): e is Extract<ProbeReport, { t: 'recv' }> => e.t === 'recv' && (kind === undefined || e.kind === kind));
  }

  sent(kind?: string): Extract<ProbeReport, { t: 'sent' }>[] {
    return this.events.filter((e): e is Extract<ProbeReport, { t: 'sent' }> => e.t === 'sent' && (kind === undefined || e.kind === kind));
  }

  of<T extends ProbeReport['t']>(t: T): Extract<ProbeReport, { t: T }>[] {
    return this.events.filter((e): e is Extract<ProbeReport, { t: T }> => e.t === t);
  }

  get welcome(): Record<string, unknown> | undefined {
    return this.recv('welcome')[0]?.body as Record<string, unknown> | undefined;
  }

  /** Started as a task worker: a control channel and no CORRAL_ACCEPT (ENV-11). */
  get task(): boolean {
    return !this.plain && this.start.env['CORRAL_ACCEPT'] === undefined;
  }

  /** Supervised by process only (no control channel): ready once started. */
  get plain(): boolean {
    return this.start.env['CORRAL_CONTROL_FD'] === undefined;
  }

  get readyAt(): number | undefined {
    return this.plain ? this.start.at : this.sent('ready')[0]?.at;
  }

  get exitedAt(): number | undefined {
    return this.of('exit')[0]?.at ?? (this.closed ? this.closedAt : undefined);
  }

  closedAt: number | undefined;

  signals(): string[] {
    return this.of('signal').map((e) => e.signal);
  }
}

export interface ArbiterStartOptions {
  /** Chooses each socket probe's script from what it inherited (index = order of arrival among socket probes). */
  scriptFor?: (start: ProbeStart, index: number) => ProbeScript;
  /** The same for probes started as task workers (default: a conformant task worker). */
  taskScriptFor?: (start: ProbeStart, index: number) => ProbeScript;
  /** Extra environment for the arbiter. */
  env?: Record<string, string>;
  /** The {control-socket} path of another arbiter, instead of a fresh one (two arbiters told the same path). */
  controlSocket?: string;
}

/** The first sight of the control socket's file: its mode, when the suite saw it appear. */
export interface ControlSocketSeen {
  mode: number;
  at: number;
}

export class TestArbiter {
  readonly argv: string[];
  readonly bind: string;
  readonly transcript: Transcript;
  readonly timing: Timing;
  /** Socket workers (and process-only ones), in order of start. */
  readonly probes: ProbeHandle[] = [];
  /** Probes started as task workers (no CORRAL_ACCEPT), apart, so that socket cases never count them. */
  readonly taskProbes: ProbeHandle[] = [];
  readonly child: ChildProcess;
  readonly sidePath: string;
  /** The file the arbiter writes its task socket's address to ({tasks-address-file}), or undefined when the command has no such placeholder. */
  readonly tasksAddressFile: string | undefined;
  /**
   * The path given as {control-socket}: a fresh directory of the suite's
   * (mode 0700) and control.sock in it; undefined when the command has no
   * such placeholder.
   */
  readonly controlSocket: string | undefined;
  /** The control socket's mode when the suite first saw the file (inotify on its directory), before the arbiter could chmod it. */
  controlSocketSeen: ControlSocketSeen | undefined;
  #controlDir: string | undefined;
  #controlWatch: FSWatcher | undefined;
  /** Things to close with the arbiter (task-socket clients). */
  readonly closers: (() => void)[] = [];
  readonly startedAt = monoMs();
  output = '';
  exit: { code: number | null; signal: NodeJS.Signals | null; at: number } | undefined;
  readonly exited: Promise<void>;
  #server: net.Server;
  readonly #wakeup = new Wakeup();
  #scriptFor: (start: ProbeStart, index: number) => ProbeScript;
  #taskScriptFor: (start: ProbeStart, index: number) => ProbeScript;
  /** Arbiter pids seen (re-exec starts new ones), to clean up. */
  readonly arbiterPids = new Set<number>();

  constructor(template: string[], bind: string, timing: Timing, transcript: Transcript, opts: ArbiterStartOptions = {}) {
    this.transcript = transcript;
    this.timing = timing;
    this.bind = bind;
    this.#scriptFor = opts.scriptFor ?? (() => ({}));
    this.#taskScriptFor = opts.taskScriptFor ?? (() => ({}));
    this.sidePath = join(tmpdir(), `corral-conf-${process.pid}-${++sideSeq}.sock`);
    if (existsSync(this.sidePath)) unlinkSync(this.sidePath);
    this.#server = net.createServer((s) => this.#onProbe(s));
    this.#server.listen(this.sidePath);
    const wantsTasks = template.some((a) => a.includes(TASKS_ADDRESS_PLACEHOLDER));
    this.tasksAddressFile = wantsTasks ? `${this.sidePath.replace(/\.sock$/, '')}.tasks` : undefined;
    if (this.tasksAddressFile && existsSync(this.tasksAddressFile)) unlinkSync(this.tasksAddressFile);
    this.controlSocket = template.some((a) => a.includes(CONTROL_SOCKET_PLACEHOLDER)) ? this.#controlPath(opts.controlSocket) : undefined;
    this.argv = substitute(template, [...probeCommand(), '--side', this.sidePath], bind, this.tasksAddressFile, this.controlSocket);
    const env: NodeJS.ProcessEnv = { ...process.env, [SIDE_ENV]: this.sidePath, [MARKER_ENV]: 'kept', ...opts.env };
    const [program, ...args] = this.argv as [string, ...string[]];
    this.child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], env, detached: true });
    if (this.child.pid) this.arbiterPids.add(this.child.pid);
    transcript.event('arbiter', 'spawn', { pid: this.child.pid, argv: this.argv.map((a) => (a.length > 120 ? a.slice(0, 120) + '…' : a)) });
    const capture = (d: Buffer) => {
      this.output = (this.output + d.toString('utf8')).slice(-65536);
    };
    this.child.stdout?.on('data', capture);
    this.child.stderr?.on('data', capture);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal, at: monoMs() };
        transcript.event('arbiter', 'exit', { code, signal });
        this.#wakeup.wake();
        resolve();
      });
      this.child.once('error', (err) => {
        this.exit = { code: null, signal: null, at: monoMs() };
        transcript.event('arbiter', 'spawn-error', err.message);
        this.#wakeup.wake();
        resolve();
      });
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** A fresh {control-socket} path, watched so that the file's first mode is known; or `given`, another arbiter's. */
  #controlPath(given: string | undefined): string {
    if (given) return given;
    this.#controlDir = mkdtempSync(join(tmpdir(), 'corral-conf-ctl-'));
    const path = join(this.#controlDir, 'control.sock');
    const look = () => {
      if (this.controlSocketSeen) return;
      try {
        this.controlSocketSeen = { mode: lstatSync(path).mode & 0o7777, at: monoMs() };
        this.transcript.event('control socket', 'created', { mode: `0${this.controlSocketSeen.mode.toString(8)}` });
      } catch {
        // not there yet
      }
    };
    try {
      this.#controlWatch = watch(dirname(path), (_e, name) => {
        if (name === null || name === basename(path)) look();
      });
      this.#controlWatch.on('error', () => {});
      this.#controlWatch.unref();
    } catch {
      // no inotify: the cases look at the file themselves
    }
    return path;
  }

  /** Case-relative milliseconds of a monotonic time. */
  rel(at: number): number {
    return Math.round((at - this.startedAt) * 10) / 10;
  }

  #onProbe(socket: net.Socket): void {
    let buf = '';
    let probe: ProbeHandle | undefined;
    socket.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        let r: ProbeReport;
        try {
          r = JSON.parse(line) as ProbeReport;
        } catch {
          continue;
        }
        if (r.t === 'start') {
          const task = !r.baseline && r.env['CORRAL_CONTROL_FD'] !== undefined && r.env['CORRAL_ACCEPT'] === undefined;
          const list = task ? this.taskProbes : this.probes;
          probe = new ProbeHandle(list.length, r, socket);
          list.push(probe);
          // The process that started the probe is an arbiter (a re-exec starts new ones).
          if (r.ppid > 1 && r.ppid !== process.pid) this.arbiterPids.add(r.ppid);
          probe.script = r.baseline ? {} : (task ? this.#taskScriptFor : this.#scriptFor)(r, probe.index);
          this.transcript.event(`probe ${r.pid}`, 'start', { index: probe.index, ...(task ? { task: true } : {}), worker: r.env['CORRAL_WORKER_ID'], script: probe.script });
          if (!r.baseline) probe.do({ t: 'script', script: probe.script });
        } else if (probe) {
          probe.events.push(r);
          this.#log(probe, r);
        }
        this.#wakeup.wake();
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      if (probe) {
        probe.closed = true;
        probe.closedAt = monoMs();
      }
      this.#wakeup.wake();
    });
  }

  #log(p: ProbeHandle, r: ProbeReport): void {
    const channel = `probe ${p.pid}`;
    const tMs = this.transcript.now();
    switch (r.t) {
      case 'recv':
        this.transcript.add({ tMs, dir: 'out', channel: `${channel}${r.channel === 'handoff' ? ' handoff' : ''}`, what: r.kind, detail: r.body });
        break;
      case 'sent':
        if (r.kind !== 'heartbeat') this.transcript.add({ tMs, dir: 'in', channel, what: r.kind, detail: r.body });
        break;
      case 'bad':
        this.transcript.add({ tMs, dir: 'out', channel, what: 'invalid-frame', detail: r.error, hex: r.hex });
        break;
      default: {
        const { t, at: _at, ...rest } = r as ProbeReport & { at: number };
        this.transcript.event(channel, t, Object.keys(rest).length ? rest : undefined);
      }
    }
  }


  /** Resolves true when `cond()` holds (checked on every event), false after `ms`. */
  async until(cond: () => boolean, ms: number): Promise<boolean> {
    return this.#wakeup.until(cond, ms);
  }

  /** Task probes that have sent Ready and not exited. */
  readyTaskProbes(): ProbeHandle[] {
    return this.taskProbes.filter((p) => p.readyAt !== undefined && !p.closed && p.exitedAt === undefined);
  }

  /** Probes that have sent Ready and not exited. */
  readyProbes(): ProbeHandle[] {
    return this.probes.filter((p) => p.readyAt !== undefined && !p.closed && p.exitedAt === undefined);
  }

  /**
   * Waits until at least one probe is ready and no probe has started for
   * `settleMs` (the pool is up); returns the ready probes.
   */
  async settled(ms: number, settleMs = 700): Promise<ProbeHandle[]> {
    const ok = await this.until(() => this.readyProbes().length > 0, ms);
    if (!ok) return [];
    let count = -1;
    const deadline = performance.now() + ms;
    while (count !== this.probes.length && performance.now() < deadline) {
      count = this.probes.length;
      await sleep(settleMs);
      await this.until(() => this.probes.every((p) => p.readyAt !== undefined || p.closed || p.exitedAt !== undefined), settleMs * 2);
    }
    return this.readyProbes();
  }

  signal(sig: NodeJS.Signals): void {
    this.transcript.event('arbiter', 'signal', sig);
    try {
      process.kill(this.pid, sig);
    } catch {
      // gone
    }
  }

  /** The listener addresses of the first Welcome ("127.0.0.1:PORT"). */
  listenerAddresses(): string[] {
    for (const p of this.probes) {
      const l = p.welcome?.['listeners'] as { address?: string }[] | undefined;
      if (l) return l.map((x) => x.address ?? '');
    }
    return [this.bind];
  }

  /** Sends `n` HTTP requests to the first listener, `parallel` at a time; returns how many got a response. */
  async traffic(n: number, parallel: number, timeoutMs: number, address = this.listenerAddresses()[0]): Promise<number> {
    const m = /^(.*):(\d+)$/.exec(address ?? '');
    if (!m) return 0;
    const host = (m[1] as string).replace(/^\[|\]$/g, '');
    const port = Number(m[2]);
    let ok = 0;
    let next = 0;
    const one = () => new Promise<boolean>((resolve) => {
      const s = net.connect({ host, port });
      let got = false;
      const t = setTimeout(() => s.destroy(), timeoutMs);
      s.on('connect', () => s.write('GET / HTTP/1.1\r\nHost: conformance\r\nConnection: close\r\n\r\n'));
      s.on('data', () => {
        got = true;
      });
      s.on('error', () => {});
      s.on('close', () => {
        clearTimeout(t);
        resolve(got);
      });
    });
    const lane = async () => {
      while (next < n) {
        next++;
        if (await one()) ok++;
      }
    };
    await Promise.all(Array.from({ length: parallel }, lane));
    this.transcript.event('suite', 'traffic', { requests: n, answered: ok });
    return ok;
  }

  /** Opens a client that connects and sends a request; resolves with whether it was answered. */
  client(timeoutMs: number, address = this.listenerAddresses()[0]): { answered: Promise<boolean>; socket: net.Socket } {
    const m = /^(.*):(\d+)$/.exec(address ?? '');
    const s = net.connect({ host: (m?.[1] ?? '127.0.0.1').replace(/^\[|\]$/g, ''), port: Number(m?.[2] ?? 0) });
    const answered = new Promise<boolean>((resolve) => {
      let got = false;
      const t = setTimeout(() => s.destroy(), timeoutMs);
      s.on('connect', () => s.write('GET / HTTP/1.1\r\nHost: conformance\r\nConnection: close\r\n\r\n'));
      s.on('data', () => {
        got = true;
      });
      s.on('error', () => {});
      s.on('close', () => {
        clearTimeout(t);
        resolve(got);
      });
    });
    return { answered, socket: s };
  }

  async waitExit(ms: number): Promise<boolean> {
    return this.until(() => this.exit !== undefined, ms);
  }

  /** Kills the arbiter's process group, every arbiter and probe seen, and closes the side channel. */
  async dispose(): Promise<string> {
    const teardown = this.exit ? (this.exit.signal ? `arbiter killed by ${this.exit.signal}` : `arbiter exited with status ${this.exit.code}`) : 'arbiter still running at the end of the case: killed';
    const kill = (pid: number, group = false) => {
      try {
        process.kill(group ? -pid : pid, 'SIGKILL');
      } catch {
        // gone
      }
    };
    if (this.child.pid) kill(this.child.pid, true);
    for (const pid of this.arbiterPids) if (pid !== process.pid) kill(pid);
    for (const p of [...this.probes, ...this.taskProbes]) kill(p.pid);
    for (const c of this.closers.splice(0)) c();
    await this.waitExit(2000);
    for (const p of [...this.probes, ...this.taskProbes]) p.socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    for (const f of [this.sidePath, this.tasksAddressFile]) {
      try {
        if (f) unlinkSync(f);
      } catch {
        // already gone
      }
    }
    this.#controlWatch?.close();
    if (this.#controlDir) rmSync(this.#controlDir, { recursive: true, force: true });
    return teardown;
  }
}
