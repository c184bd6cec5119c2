// Typed wrapper over the C addon (src/native/*.c, built to
// build/Release/corral_native.node). The rest of corral calls only this file.
//
// What it adds over node:net: a one-shot non-blocking accept that reports
// "would block" as a value, a readiness watcher that never accepts by itself
// (plain, or EPOLLEXCLUSIVE), SO_REUSEPORT listeners on every Node version,
// and SCM_RIGHTS descriptor passing over a socket libuv is not reading.
//
// Ownership rule for descriptors: every fd returned here is the caller's to
// close, with close() below or by handing it to toSocket()/dispatch(), after
// which the net.Socket owns it.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as net from 'node:net';
import { CmsgTruncatedError, InvalidOptionError, NativeError, NativeUnavailableError } from '../errors.js';

/** A connection taken off a listener's queue by acceptOne/acceptBatch. */
export interface AcceptedConnection {
  /** The new socket: O_NONBLOCK and close-on-exec. The caller owns it. */
  fd: number;
  family: 'tcp4' | 'tcp6' | 'unix';
  /** Numeric peer address; for unix sockets the peer's path, usually ''. */
  remoteAddress: string;
  /** Peer port; 0 for unix sockets. */
  remotePort: number;
}

/** Options of listen(): `host`+`port` for TCP, or `path` for a unix socket. */
export interface ListenOptions {
  /** Numeric IPv4 or IPv6 address (no DNS); `[::1]` brackets are accepted. Default `::`, or `0.0.0.0` without IPv6. */
  host?: string;
  /** 0..65535; 0 (the default) picks a free port. */
  port?: number;
  /** Unix socket path; a leading "\0" selects the abstract namespace. An existing file is not removed. */
  path?: string;
  /** listen(2) backlog, default 511 (Node's). */
  backlog?: number;
  /** Set SO_REUSEPORT before bind (TCP only), so several sockets can share the port. */
  reusePort?: boolean;
  /**
   * Bind but do not listen (TCP only). With reusePort this reserves the port
   * for a group of SO_REUSEPORT listeners without joining the group, so no
   * connection is ever queued on this socket.
   */
  bindOnly?: boolean;
}

/** A socket's local address, as getsockname(2) reports it. */
export interface SocketAddress {
  family: 'tcp4' | 'tcp6' | 'unix';
  /** Numeric host, or for unix sockets the path. */
  address: string;
  /** 0 for unix sockets. */
  port: number;
  /** Unix sockets only. */
  path?: string;
}

/** One message read by recvWithFds. */
export interface ReceivedMessage {
  data: Buffer;
  /** Descriptors that came with the message (close-on-exec); the caller owns them. */
  fds: number[];
  /** True when the peer closed the socket; data and fds are then empty. */
  eof: boolean;
}

/** Per-process counters kept by the addon (for benchmarks). */
export interface Counters {
  /** Watcher callbacks delivered to JS. */
  readiness: number;
  /** accept4 syscalls made. */
  acceptCalls: number;
  /** accept4 calls that found the queue empty (EAGAIN). */
  acceptWouldBlock: number;
  /** Connections accepted. */
  accepted: number;
}

/** Options of the Watcher constructor. */
export interface WatcherOptions {
  /** Use EPOLLEXCLUSIVE: among processes watching the same fd, the kernel wakes one (or a few) per event. */
  exclusive?: boolean;
  /**
   * The fd is a listening socket: on each readiness the watcher accepts one
   * connection itself and calls back with it (`onReadable(fd)`, or a
   * negative errno when accept failed); a readiness whose accept finds the
   * queue empty is only counted (`emptyAccepts`), with no callback.
   */
  accept?: boolean;
}

interface NativeWatcherHandle {
  start(): void;
  stop(): void;
  close(): void;
  ref(): void;
  unref(): void;
  readonly active: boolean;
  readonly closed: boolean;
  readonly emptyAccepts: number;
}

interface Binding {
  listenTcp(host: string, port: number, backlog: number, reusePort: boolean): number;
  listenUnix(path: string, backlog: number): number;
  localAddress(fd: number): SocketAddress;
  listening(fd: number): boolean;
  setNonBlocking(fd: number, on: boolean): void;
  setCloexec(fd: number, on: boolean): void;
  acceptOne(fd: number): AcceptedConnection | null;
  acceptFd(fd: number): number;
  acceptBatch(fd: number, max: number): AcceptedConnection[];
  acceptQueue(fd: number): AcceptQueue | null;
  peerCredentials(fd: number): PeerCredentials;
  connectUnix(path: string): number;
  seqpacketPair(): [number, number];
  sendWithFds(sock: number, data: Uint8Array, fds: number[]): boolean;
  recvWithFds(sock: number, maxBytes: number, maxFds: number):
    | ReceivedMessage
    | { truncated: 'control' | 'data'; closed: number; bytes: number }
    | null;
  sendDatagram(path: string, data: Uint8Array): void;
  close(fd: number): void;
  counters(): Counters;
  resetCounters(): void;
  NativeWatcher: new (fd: number, onReadable: (conn?: number) => void, exclusive: boolean, accept: boolean) => NativeWatcherHandle;
}

// ---- loading ----------------------------------------------------------------

/** The package root: the nearest directory up from here whose package.json is named "corral". */
function packageRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'corral') return dir;
    } catch { /* no package.json here, or not ours */ }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

// node-gyp-build's order: build/Release (a build from source, as in a
// checkout or on a platform without a prebuild), then the binary in
// prebuilds/<platform>-<arch>/ whose tags (napi, glibc/musl) match this process.
function locate(): string {
  const override = process.env['CORRAL_NATIVE_PATH'];
  if (override) return resolve(override);
  const root = packageRoot();
  if (root === undefined) throw new Error(`no package.json named "corral" above ${fileURLToPath(import.meta.url)}`);
  const gypBuild = createRequire(import.meta.url)('node-gyp-build') as { path(dir: string): string };
  return gypBuild.path(root);
}

let binding: Binding | undefined;
let loadError: unknown;
let path = '';
try {
  path = locate();
  binding = createRequire(import.meta.url)(path) as Binding;
} catch (err) {
  loadError = err;
}

/** Absolute path of the addon this module loaded (or tried to); `CORRAL_NATIVE_PATH` overrides it. */
export const addonPath: string = path;

/** False only when the addon failed to load; every function then throws CORRAL_ERR_NATIVE_UNAVAILABLE. */
export const available: boolean = binding !== undefined;

function addon(): Binding {
  if (binding !== undefined) return binding;
  const why = loadError instanceof Error ? loadError.message : String(loadError);
  throw new NativeUnavailableError(`the corral native addon is not available (${addonPath || 'not found'}): ${why}`, { cause: loadError });
}

// ---- validation ---------------------------------------------------------------

function checkFd(fd: unknown, name = 'fd'): asserts fd is number {
  if (typeof fd !== 'number' || !Number.isInteger(fd) || fd < 0 || fd > 0x7fffffff) {
    throw new InvalidOptionError(`${name} must be a non-negative integer`);
  }
}

function checkInt(v: unknown, name: string, min: number, max: number): asserts v is number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new InvalidOptionError(`${name} must be an integer`);
  if (v < min || v > max) throw new InvalidOptionError(`${name} must be between ${min} and ${max}`, { range: true });
}

function checkBool(v: unknown, name: string): asserts v is boolean {
  if (typeof v !== 'boolean') throw new InvalidOptionError(`${name} must be a boolean`);
}

// ---- listeners ------------------------------------------------------------------

/**
 * Creates a bound, listening socket: O_NONBLOCK, close-on-exec, SO_REUSEADDR
 * (TCP), and SO_REUSEPORT when asked. The family follows the address: an IPv4
 * literal gives tcp4, an IPv6 literal tcp6, `path` a unix socket.
 * @returns the listening fd (the caller owns it).
 * @throws a Node-style error on failure, e.g. `bind EADDRINUSE 127.0.0.1:8000`
 *   with `code`, negative `errno`, `syscall`, `address`, `port`;
 *   InvalidOptionError (CORRAL_ERR_INVALID_OPTION) for bad options.
 */
export function listen(opts: ListenOptions): number {
  const b = addon();
  if (typeof opts !== 'object' || opts === null) throw new InvalidOptionError('options must be an object');
  const backlog = opts.backlog ?? 511;
  checkInt(backlog, 'options.backlog', 0, 0x7fffffff);
  const reusePort = opts.reusePort ?? false;
  checkBool(reusePort, 'options.reusePort');
  const bindOnly = opts.bindOnly ?? false;
  checkBool(bindOnly, 'options.bindOnly');
  if (opts.path !== undefined) {
    if (typeof opts.path !== 'string' || opts.path.length === 0) throw new InvalidOptionError('options.path must be a non-empty string');
    if (opts.host !== undefined || opts.port !== undefined) throw new InvalidOptionError('options.path cannot be combined with options.host or options.port', { range: true });
    if (reusePort) throw new InvalidOptionError('options.reusePort applies to TCP listeners only', { range: true });
    if (bindOnly) throw new InvalidOptionError('options.bindOnly applies to TCP sockets only', { range: true });
    return b.listenUnix(opts.path, backlog);
  }
  const tcpBacklog = bindOnly ? -1 : backlog;
  const port = opts.port ?? 0;
  checkInt(port, 'options.port', 0, 65535);
  if (opts.host === undefined) {
    // Like net.Server: the IPv6 wildcard (dual-stack where the system allows),
    // or the IPv4 one on a host without IPv6.
    try {
      return b.listenTcp('::', port, tcpBacklog, reusePort);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code !== 'EAFNOSUPPORT' && code !== 'EADDRNOTAVAIL') throw err;
      return b.listenTcp('0.0.0.0', port, tcpBacklog, reusePort);
    }
  }
  if (typeof opts.host !== 'string' || opts.host.length === 0) throw new InvalidOptionError('options.host must be a non-empty string');
  const host = opts.host.startsWith('[') && opts.host.endsWith(']') ? opts.host.slice(1, -1) : opts.host;
  if (net.isIP(host) === 0) throw new InvalidOptionError(`options.host must be a numeric IPv4 or IPv6 address, got ${JSON.stringify(opts.host)}`);
  return b.listenTcp(host, port, tcpBacklog, reusePort);
}

/** The local address of a socket (getsockname). @throws a Node-style error, e.g. EBADF, ENOTSOCK. */
export function localAddress(fd: number): SocketAddress {
  checkFd(fd);
  return addon().localAddress(fd);
}

/** Whether `fd` is a listening socket (SO_ACCEPTCONN); use it to validate an inherited fd. */
export function isListening(fd: number): boolean {
  checkFd(fd);
  return addon().listening(fd);
}

/**
 * Sets or clears O_NONBLOCK. It is a property of the open file description,
 * so it changes for every process that shares an inherited descriptor.
 */
export function setNonBlocking(fd: number, on: boolean): void {
  checkFd(fd);
  checkBool(on, 'on');
  addon().setNonBlocking(fd, on);
}

/** Sets or clears FD_CLOEXEC on this process's descriptor only. */
export function setCloexec(fd: number, on: boolean): void {
  checkFd(fd);
  checkBool(on, 'on');
  addon().setCloexec(fd, on);
}

// ---- accept ---------------------------------------------------------------------

/**
 * Accepts at most one connection with accept4(SOCK_NONBLOCK|SOCK_CLOEXEC).
 * @returns the connection, or null when the queue is empty (would block;
 *   counted in `acceptWouldBlock`). EINTR is retried; ECONNABORTED/EPROTO
 *   (a connection reset while queued) are skipped.
 * @throws a Node-style error (syscall 'accept'), e.g. EMFILE, EBADF, EINVAL
 *   (not listening).
 */
export function acceptOne(fd: number): AcceptedConnection | null {
  checkFd(fd);
  return addon().acceptOne(fd);
}

/**
 * acceptOne without the peer's address: the new descriptor, or -1 when the
 * queue is empty. For hot paths that only hand the fd on.
 * @throws as acceptOne.
 */
export function acceptFd(fd: number): number {
  checkFd(fd);
  return addon().acceptFd(fd);
}

/**
 * Accepts up to `max` connections, stopping early at would-block.
 * If an error occurs after some connections were accepted, those are returned
 * and the error is left for the next call (it throws if the condition persists).
 */
export function acceptBatch(fd: number, max: number): AcceptedConnection[] {
  checkFd(fd);
  checkInt(max, 'max', 1, 0x7fffffff);
  return addon().acceptBatch(fd, max);
}

/** A listener's accept queue as the kernel reports it. */
export interface AcceptQueue {
  /** Connections established and waiting to be accepted. */
  queued: number;
  /** The queue's limit (the effective listen backlog). */
  max: number;
}

/**
 * The accept queue of a listening TCP socket, read without accepting
 * (Linux TCP_INFO: tcpi_unacked / tcpi_sacked in LISTEN state), so a process
 * that does not poll the listener can still see connections waiting on it.
 * @returns null for a socket the kernel reports no queue for: a unix-domain
 *   listener, or a TCP socket that is not listening.
 * @throws a Node-style error (syscall 'getsockopt'), e.g. EBADF, ENOTSOCK.
 */
export function acceptQueue(fd: number): AcceptQueue | null {
  checkFd(fd);
  return addon().acceptQueue(fd);
}

/** Who is on the other end of a connected Unix socket. */
export interface PeerCredentials {
  pid: number;
  uid: number;
  gid: number;
}

/**
 * SO_PEERCRED of a connected Unix socket: the peer's pid, uid and gid as the
 * kernel recorded them at connect(2).
 * @throws a Node-style error (syscall 'getsockopt'), e.g. EBADF, ENOTSOCK.
 */
export function peerCredentials(fd: number): PeerCredentials {
  checkFd(fd);
  return addon().peerCredentials(fd);
}

/**
 * Connects an AF_UNIX stream socket to `path` (a leading NUL names an
 * abstract socket, with the name's own length, unlike Node's net, which pads
 * it to the whole sun_path). Returns the connected, non-blocking fd; wrap it
 * with `new net.Socket({ fd })`.
 * @throws a Node-style error (syscall 'connect'), e.g. ECONNREFUSED, ENOENT, EAGAIN.
 */
export function connectUnix(path: string): number {
  if (typeof path !== 'string' || path.length === 0) throw new InvalidOptionError('path must be a non-empty string');
  return addon().connectUnix(path);
}

// ---- readiness ------------------------------------------------------------------

/**
 * Calls `onReadable` on the Node event loop each time `fd` is readable,
 * level-triggered: it keeps firing while the condition holds (e.g. while
 * connections are queued), so the callback must consume or stop.
 *
 * Plain mode watches the fd with libuv (uv_poll), which also sets
 * O_NONBLOCK on it. libuv allows one watcher per fd per event loop, so a
 * plain Watcher cannot share an fd with a net.Server or another plain Watcher
 * in the same process (start() throws EEXIST).
 *
 * Exclusive mode registers (a duplicate of) the fd with
 * EPOLLIN|EPOLLEXCLUSIVE in the event loop's own epoll instance, so among
 * processes watching the same listener the kernel wakes one (or a few) per
 * event, not all. A process busy running JS is not waiting in epoll, so the
 * event goes to an idle one. It is not fair: the earliest registered idle
 * waiter is preferred, and each start() re-registers at the back. An event
 * the kernel gave this process just before stop() is dropped (nobody else was
 * woken for it; the connection waits for the next event). Until close(), the
 * duplicate keeps the underlying socket open even if `fd` itself is closed
 * by other means than close() below. Several exclusive watchers, and one
 * plain watcher or net.Server, may watch the same fd in one process.
 *
 * Guarantees: start/stop/close may be called in any order and any number of
 * times, including from inside the callback; after stop() or close() returns
 * no further callback runs (until start() again); start() after close()
 * throws. An active watcher keeps itself and its callback alive and keeps the
 * process running (see unref()). Closing the watched fd through close() below
 * closes its watchers first; closing it by other means while a watcher is
 * active is a bug. An exception thrown by the callback is reported like any
 * callback's (process 'uncaughtException'); nextTicks and microtasks it
 * queues run before the next callback.
 */
export class Watcher {
  readonly #handle: NativeWatcherHandle;
  /** The watched fd (not owned: closing the Watcher leaves it open). */
  readonly fd: number;
  /** Whether EPOLLEXCLUSIVE is used. */
  readonly exclusive: boolean;
  /** Whether the watcher accepts connections itself (accept mode). */
  readonly accept: boolean;

  /** Accept mode: readiness events whose accept found the queue empty (no callback ran for them). */
  get emptyAccepts(): number {
    return this.#handle.emptyAccepts;
  }

  /**
   * @param onReadable called with `this` set to the Watcher; in accept mode
   *   with the accepted fd (which it owns), or a negative errno.
   */
  constructor(fd: number, onReadable: (this: Watcher, conn?: number) => void, opts: WatcherOptions = {}) {
    const b = addon();
    checkFd(fd);
    if (typeof onReadable !== 'function') throw new InvalidOptionError('onReadable must be a function');
    const exclusive = opts.exclusive ?? false;
    checkBool(exclusive, 'options.exclusive');
    this.fd = fd;
    this.exclusive = exclusive;
    const accept = opts.accept ?? false;
    checkBool(accept, 'options.accept');
    this.accept = accept;
    // Without accept mode the native side calls back with no argument.
    this.#handle = new b.NativeWatcher(fd, (conn?: number) => onReadable.call(this, conn), exclusive, accept);
  }

  /** Starts (or keeps) watching. @throws NativeError if closed; a Node-style error if libuv refuses the fd. */
  start(): void {
    this.#handle.start();
  }

  /** Stops watching; no callback runs after this returns. Idempotent. */
  stop(): void {
    this.#handle.stop();
  }

  /** Stops for good and releases the native resources. Idempotent; safe inside the callback. */
  close(): void {
    this.#handle.close();
  }

  /** Lets an active watcher keep the process alive again (the default). */
  ref(): this {
    this.#handle.ref();
    return this;
  }

  /** An active watcher no longer keeps the process alive on its own. */
  unref(): this {
    this.#handle.unref();
    return this;
  }

  /** True between start() and stop()/close(). */
  get active(): boolean {
    return this.#handle.active;
  }

  /** True once close() has run. */
  get closed(): boolean {
    return this.#handle.closed;
  }
}

// ---- descriptor passing -------------------------------------------------------------

/**
 * Creates a connected AF_UNIX SOCK_SEQPACKET pair, both ends O_NONBLOCK and
 * close-on-exec. Each send is one record; records are never merged or split.
 */
export function seqpacketPair(): [number, number] {
  return addon().seqpacketPair();
}

/**
 * Sends `data` (non-empty) and `fds` (at most 253) as one message with
 * sendmsg(SCM_RIGHTS, MSG_NOSIGNAL). The fds stay open here: the receiver
 * gets new descriptors for the same open files.
 * @returns false if the socket buffer is full (nothing was sent).
 * @throws a Node-style error (syscall 'sendmsg'), e.g. EPIPE when the peer is gone.
 */
export function sendWithFds(sock: number, data: Uint8Array, fds: number[] = []): boolean {
  checkFd(sock, 'sock');
  if (!(data instanceof Uint8Array)) throw new InvalidOptionError('data must be a Uint8Array');
  if (data.length === 0) throw new InvalidOptionError('data must not be empty', { range: true });
  if (!Array.isArray(fds)) throw new InvalidOptionError('fds must be an array');
  if (fds.length > 253) throw new InvalidOptionError('fds must hold at most 253 descriptors', { range: true });
  for (const fd of fds) checkFd(fd, 'fds[]');
  return addon().sendWithFds(sock, data, fds);
}

/**
 * Receives one message and its descriptors (recvmsg, MSG_CMSG_CLOEXEC).
 * @param maxBytes largest message accepted, default 65536.
 * @param maxFds most descriptors accepted in one message, default 16 (max 253).
 * @returns the message; `{ data: <empty>, fds: [], eof: true }` at end of
 *   stream; null when nothing is queued (would block).
 * @throws CmsgTruncatedError (CORRAL_ERR_CMSG_TRUNCATED) if more than `maxFds`
 *   descriptors came (those that arrived are closed, the message is dropped);
 *   NativeError (CORRAL_ERR_NATIVE) if the message was longer than `maxBytes`
 *   (dropped likewise); a Node-style error (syscall 'recvmsg') otherwise.
 */
export function recvWithFds(sock: number, maxBytes = 65536, maxFds = 16): ReceivedMessage | null {
  checkFd(sock, 'sock');
  checkInt(maxBytes, 'maxBytes', 1, 0x7fffffff);
  checkInt(maxFds, 'maxFds', 0, 253);
  const r = addon().recvWithFds(sock, maxBytes, maxFds);
  if (r === null) return null;
  if (!('truncated' in r)) return r;
  if (r.truncated === 'control') {
    throw new CmsgTruncatedError(`recvmsg on fd ${sock}: more than ${maxFds} descriptors in one message; the message and ${r.closed} received descriptor(s) were dropped`);
  }
  throw new NativeError(`recvmsg on fd ${sock}: message longer than ${maxBytes} bytes; it and ${r.closed} received descriptor(s) were dropped`);
}

/**
 * Sends one datagram to a unix SOCK_DGRAM socket at `path` (a leading "\0"
 * selects the abstract namespace), as sd_notify(3) does. Never blocks: a
 * full receiver queue throws EAGAIN.
 * @throws a Node-style error (syscall 'sendto'), e.g. ENOENT, ECONNREFUSED, EAGAIN.
 */
export function sendDatagram(path: string, data: Uint8Array): void {
  if (typeof path !== 'string' || path.length === 0) throw new InvalidOptionError('path must be a non-empty string');
  if (!(data instanceof Uint8Array)) throw new InvalidOptionError('data must be a Uint8Array');
  addon().sendDatagram(path, data);
}

// ---- misc -------------------------------------------------------------------------

/**
 * Closes a descriptor. Watchers of this process watching it are closed first,
 * so the number can be reused safely. EINTR counts as closed (Linux releases
 * the fd anyway); no retry.
 * @throws a Node-style error (syscall 'close'), e.g. EBADF.
 */
export function close(fd: number): void {
  checkFd(fd);
  addon().close(fd);
}

/** A snapshot of the per-process counters. */
export function counters(): Counters {
  return addon().counters();
}

/** Sets every counter to 0. */
export function resetCounters(): void {
  addon().resetCounters();
}

function fdOf(conn: AcceptedConnection | number): number {
  const fd = typeof conn === 'number' ? conn : conn?.fd;
  checkFd(fd, 'conn.fd');
  return fd;
}

/**
 * Wraps an accepted (or received) connection fd in a net.Socket, which then
 * owns the fd and closes it when destroyed. Works for TCP and unix stream
 * sockets; remoteAddress/remotePort come from the socket itself.
 */
export function toSocket(conn: AcceptedConnection | number): net.Socket {
  return new net.Socket({ fd: fdOf(conn), readable: true, writable: true });
}

/**
 * Hands a connection to a net.Server or http.Server as if the server had
 * accepted it: `server.emit('connection', socket)`. The server does not count
 * it in getConnections()/maxConnections, and close() does not wait for it.
 * @returns the socket given to the server.
 */
export function dispatch(server: net.Server, conn: AcceptedConnection | number): net.Socket {
  const socket = toSocket(conn);
  server.emit('connection', socket);
  return socket;
}
