// Test doubles for the worker runtime: an in-memory control channel, a fake
// native layer (watchers, accept queues, handoff datagrams) and a fake
// arbiter end. Used by the unit tests beside this file; not part of the API.
import { constants } from 'node:os';
import { Duplex, PassThrough } from 'node:stream';
import { EventEmitter } from 'node:events';
import * as net from 'node:net';
import { Channel } from '../transport/channel.js';
import type { Message, MessageKind, MessageOf, OutMessage } from '../protocol/codec.js';
import type { Datagram, NativeDeps, WatcherLike } from './native-deps.js';
import type { WorkerEnvironment } from '../transport/process-state.js';
import { corral } from '../protocol/codec.js';
import { serve, type ServeOptions } from './index.js';
import { WORKER_FEATURES } from './runtime.js';

const { AcceptStrategy } = corral.v1;

/**
 * Two connected in-memory Duplex ends; `onWrite` sees every chunk written on
 * end `a`. With `delayMs`, a write on `a` completes (and reaches `b`) only
 * that much later, like a socket whose peer is slow to read.
 */
export function duplexPair(onWrite?: (chunk: Buffer) => void, delayMs = 0): [Duplex, Duplex] {
  let a!: Duplex;
  let b!: Duplex;
  const make = (peer: () => Duplex, hook?: (chunk: Buffer) => void, delay = 0) =>
    new Duplex({
      read() {},
      write(chunk: Buffer, _enc, cb) {
        hook?.(chunk);
        const deliver = () => {
          if (!peer().destroyed) peer().push(chunk);
          cb();
        };
        if (delay > 0) setTimeout(deliver, delay);
        else deliver();
      },
      final(cb) {
        if (!peer().destroyed) peer().push(null);
        cb();
      },
    });
  a = make(() => b, onWrite, delayMs);
  b = make(() => a);
  // Destroying one end is the peer hanging up: the other sees EOF.
  a.on('close', () => void (!b.readableEnded && !b.destroyed && b.push(null)));
  b.on('close', () => void (!a.readableEnded && !a.destroyed && a.push(null)));
  return [a, b];
}

export class FakeWatcher implements WatcherLike {
  active = false;
  closed = false;
  /** Accept mode: readiness events whose accept found the queue empty. */
  emptyAccepts = 0;
  constructor(
    readonly fd: number,
    readonly cb: (conn?: number) => void,
    readonly exclusive: boolean,
    private readonly log: string[],
    /** Accept mode, as the native watcher: accepts one connection per readiness itself. */
    readonly accepter?: () => number,
  ) {}

  /** A readiness: in accept mode the watcher's own accept first; no callback when it finds nothing. */
  ready(): void {
    if (!this.accepter) return this.cb();
    let conn: number;
    try {
      conn = this.accepter();
    } catch (err) {
      // The native watcher hands JS -errno.
      const e = err as { errno?: number; code?: string };
      conn = -Math.abs(e.errno ?? (constants.errno as Record<string, number>)[e.code ?? ''] ?? constants.errno.EIO);
    }
    if (conn === -1) this.emptyAccepts++;
    else this.cb(conn);
  }
  start(): void {
    if (this.closed) throw new Error('start after close');
    this.active = true;
    this.log.push(`start ${this.fd}`);
  }
  stop(): void {
    this.active = false;
    this.log.push(`stop ${this.fd}`);
  }
  close(): void {
    this.active = false;
    this.closed = true;
  }
}

/** A scripted native layer: queues of fds per listener, datagrams per socket. */
export class FakeNative implements NativeDeps {
  readonly log: string[] = [];
  readonly watchers: FakeWatcher[] = [];
  readonly queues = new Map<number, number[]>();
  /** Per socket: what the next recvWithFds calls return, or throw when it is an Error. */
  readonly datagrams = new Map<number, (Datagram | Error)[]>();
  readonly closed: number[] = [];
  acceptCalls = 0;
  acceptError: Error | undefined;

  acceptFd(fd: number): number {
    this.acceptCalls++;
    if (this.acceptError) throw this.acceptError;
    return this.queues.get(fd)?.shift() ?? -1;
  }
  createWatcher(fd: number, onReadable: (conn?: number) => void, opts: { exclusive: boolean; accept?: boolean }): WatcherLike {
    const w = new FakeWatcher(fd, onReadable, opts.exclusive, this.log, opts.accept ? () => this.acceptFd(fd) : undefined);
    this.watchers.push(w);
    return w;
  }
  recvWithFds(fd: number): Datagram | null {
    const next = this.datagrams.get(fd)?.shift();
    if (next instanceof Error) throw next;
    return next ?? null;
  }
  close(fd: number): void {
    this.closed.push(fd);
  }
  /** Queue connection fds on a listener. */
  enqueue(listenerFd: number, ...fds: number[]): void {
    const q = this.queues.get(listenerFd) ?? [];
    q.push(...fds);
    this.queues.set(listenerFd, q);
  }
  watcher(fd: number): FakeWatcher | undefined {
    return this.watchers.filter((w) => w.fd === fd && !w.closed).at(-1);
  }
  /** Readiness on fd: runs the callback when the watcher is active, as uv_poll would. */
  fire(fd: number): boolean {
    const w = this.watcher(fd);
    if (!w || !w.active) return false;
    w.ready();
    return true;
  }
}

/** Sockets made for accepted fds: PassThroughs; destroy one to "close the connection". */
export class FakeSockets {
  readonly byFd = new Map<number, PassThrough>();
  /** Where to note each socket made, as `socket <fd>` (the native log, to order it against writes). */
  log: string[] | undefined;
  factory = (fd: number): net.Socket => {
    const s = new PassThrough();
    this.byFd.set(fd, s);
    this.log?.push(`socket ${fd}`);
    return s as unknown as net.Socket;
  };
  close(fd: number): void {
    this.byFd.get(fd)?.destroy();
  }
}

/** The arbiter's end of the control channel, with a message log to wait on. */
export class FakeArbiter extends EventEmitter {
  readonly channel: Channel;
  readonly received: Message[] = [];
  #cursor = 0;
  closed = false;

  constructor(readonly stream: Duplex) {
    super();
    this.channel = new Channel(stream);
    this.channel.on('message', (m) => {
      this.received.push(m);
      this.emit('message', m);
    });
    this.channel.on('close', () => {
      this.closed = true;
      this.emit('closed');
    });
  }

  send(m: OutMessage): void {
    this.channel.send(m);
  }

  /** Bytes straight onto the wire, bypassing the encoder. */
  writeRaw(bytes: Uint8Array): void {
    this.stream.write(bytes);
  }

  /** The next message (after the ones already taken), which must be of `kind`. */
  async next<K extends MessageKind>(kind: K, timeoutMs = 2000): Promise<MessageOf<K>> {
    const m = await this.nextAny(timeoutMs);
    if (m.kind !== kind) throw new Error(`expected ${kind}, got ${m.kind}: ${JSON.stringify(m.body)}`);
    return m as MessageOf<K>;
  }

  /** The next message of `kind`, skipping others (heartbeats, say). */
  async nextOf<K extends MessageKind>(kind: K, timeoutMs = 2000): Promise<MessageOf<K>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = await this.nextAny(Math.max(1, deadline - Date.now()));
      if (m.kind === kind) return m as MessageOf<K>;
    }
  }

  async nextAny(timeoutMs = 2000): Promise<Message> {
    if (this.#cursor < this.received.length) return this.received[this.#cursor++] as Message;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('message', on);
        reject(new Error(`no message within ${timeoutMs} ms (got ${this.received.map((m) => m.kind).join(', ') || 'nothing'})`));
      }, timeoutMs);
      const on = () => {
        clearTimeout(timer);
        this.off('message', on);
        resolve(this.received[this.#cursor++] as Message);
      };
      this.on('message', on);
    });
  }

  /** Messages not yet taken with next(). */
  pending(): Message[] {
    return this.received.slice(this.#cursor);
  }
}

export function environment(overrides: Partial<WorkerEnvironment> = {}): WorkerEnvironment {
  return { controlFd: 5, handoffFd: undefined, workerId: 7, strategy: 'shared', listenFds: [3, 4], listenNames: ['a', 'b'], ...overrides };
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Resolves once `cond()` holds, polling every few ms; rejects after timeoutMs. */
export async function until(cond: () => boolean, timeoutMs = 2000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

/** Resolves with the rejection reason of `p`; fails when p fulfils. */
export async function rejects(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the promise to reject');
}

export interface BootOptions {
  env?: Partial<WorkerEnvironment>;
  welcome?: Partial<corral.v1.Welcome.$Properties>;
  serve?: Partial<ServeOptions>;
  /** Writes on the worker's end of the control channel complete this much later. */
  controlDelayMs?: number;
}

/** A valid Welcome for a worker with environment `env` (as {@link environment} makes it). */
export function welcomeFor(env: WorkerEnvironment, over: Partial<corral.v1.Welcome.$Properties> = {}): corral.v1.Welcome.$Properties {
  return {
    version: { major: 1, minor: 0 },
    workerId: env.workerId,
    heartbeatIntervalMs: 60_000,
    heartbeatTimeoutMs: 0,
    listeners: env.listenFds.map((_, i) => ({ index: i, name: env.listenNames[i] ?? '', address: `127.0.0.1:${8000 + i}` })),
    maxFrameBytes: 65536,
    strategy: AcceptStrategy[`ACCEPT_STRATEGY_${env.strategy.toUpperCase()}` as keyof typeof AcceptStrategy],
    features: [...WORKER_FEATURES],
    generation: 1,
    ...over,
  };
}

/** A worker served on a fake arbiter, welcomed and Ready. */
export async function start(o: BootOptions = {}) {
  const h = harness(o);
  const hello = await h.arbiter.next('hello');
  h.arbiter.send({ kind: 'welcome', body: welcomeFor(environment(o.env), o.welcome) });
  const worker = await h.served;
  await h.arbiter.next('ready');
  return { ...h, hello, worker };
}

/** The fakes around one worker: native layer, sockets, control channel and arbiter, signals, clock; and the options that wire them in. */
export function fakeWorld(o: BootOptions = {}) {
  const native = new FakeNative();
  const sockets = new FakeSockets();
  sockets.log = native.log;
  const [w, a] = duplexPair(() => native.log.push('write'), o.controlDelayMs ?? 0);
  const arbiter = new FakeArbiter(a);
  const exits: number[] = [];
  const stderr: string[] = [];
  const signals = new EventEmitter();
  const clock = { t: 1000 };
  const server = new net.Server();
  const env = environment(o.env);
  const options: ServeOptions = {
    environment: env,
    control: w,
    exit: (c) => exits.push(c),
    native,
    socketFactory: sockets.factory,
    signals,
    stderr: (t) => stderr.push(t),
    now: () => clock.t,
    ...o.serve,
  };
  return { native, sockets, arbiter, exits, stderr, signals, clock, server, control: w, env, options };
}

/** A worker served on a fake arbiter, before the handshake. */
export function harness(o: BootOptions = {}) {
  const world = fakeWorld(o);
  const served = serve(world.server, world.options);
  // Tests of failed handshakes look at exits and frames, not always at this.
  served.catch(() => {});
  return { ...world, served };
}
