// Connections handed to the application server, and the load the worker
// reports (Heartbeat, AcceptDone, HandoffAck).
//
//   accepted fd ──► socketFor(fd) ──► track (in_flight++) ──► server.emit('connection')
//                                      socket 'close' ──► in_flight--
//
// For HTTP servers the tracker also watches requests: requests_total counts
// finished responses, and while draining it turns keep-alive off and closes
// connections that sit idle between requests, so "finish what is in flight"
// terminates instead of waiting for clients to hang up.
//
// Request latency (Heartbeat.latency_counts, spec.md section 6.3.1): each
// finished response is counted in one of 17 buckets by the time from its
// 'request' event (the head has been read) to its 'finish' (the last octet
// went to the kernel); for a server that is not HTTP, each connection by the
// time from its dispatch to its close. Two clock readings and an increment
// per request, in closures that exist anyway [LOAD-16].
import * as net from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { emptyLatencyCounts, latencyBucket } from '../protocol/load-counts.js';

/**
 * Turns an accepted connection fd into the socket the server expects.
 * `kind` is what the listener it came from is, when known: a factory may use
 * it to skip probing the descriptor.
 */
export type SocketFactory = (fd: number, server: net.Server, kind?: ConnectionKind) => net.Socket;

/** The family of a listener, and so of every connection accepted from it. */
export type ConnectionKind = 'tcp' | 'unix';

/** Fields net.Server keeps from its constructor options (not in @types/node). */
interface ServerSocketOptions {
  allowHalfOpen?: boolean;
  pauseOnConnect?: boolean;
  noDelay?: boolean;
  keepAlive?: boolean;
  keepAliveInitialDelay?: number;
}

interface TcpWrap {
  TCP: new (type: number) => { open(fd: number): number; close(): void };
  constants: { SOCKET: number };
}

/**
 * Node's own TCP handle class, as net.Server's accept path uses it. Reached
 * through process.binding (allow-listed for tcp_wrap on Node 20 to 24)
 * because `new net.Socket({ fd })` first probes the descriptor with
 * guessHandleType: four syscalls per connection (ioctl TCGETS, fstat,
 * getsockname, getsockopt SO_TYPE) that a connection accepted from a TCP
 * listener does not need. Not used when pending deprecations are shown
 * (the binding would warn), nor where the binding is gone: `{ fd }` is the
 * fallback and behaves the same.
 */
let tcpWrap: TcpWrap | null | undefined;
function tcpHandles(): TcpWrap | null {
  if (tcpWrap !== undefined) return tcpWrap;
  tcpWrap = null;
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  if (/pending-deprecation/.test(flags)) return tcpWrap;
  try {
    const b = (process as unknown as { binding(name: string): TcpWrap }).binding('tcp_wrap');
    if (typeof b?.TCP === 'function' && typeof b.constants?.SOCKET === 'number') tcpWrap = b;
  } catch {
    // gone in this Node: the probing constructor it is
  }
  return tcpWrap;
}

/** A socket on `fd`: from a TCP handle opened on it when the fd is known to be TCP, else Node's probing constructor. */
function openSocket(fd: number, allowHalfOpen: boolean, kind: ConnectionKind | undefined): net.Socket {
  const wrap = kind === 'tcp' ? tcpHandles() : null;
  if (wrap) {
    const handle = new wrap.TCP(wrap.constants.SOCKET);
    const err = handle.open(fd);
    if (err === 0) return new net.Socket({ handle, readable: true, writable: true, allowHalfOpen } as net.SocketConstructorOpts);
    // open() failed before taking the fd: the probing constructor reports it properly.
    handle.close();
  }
  return new net.Socket({ fd, readable: true, writable: true, allowHalfOpen });
}

/**
 * A socket configured as net.Server's own accept path would configure it:
 * an http.Server is created with allowHalfOpen and noDelay, and without
 * TCP_NODELAY a keep-alive client pays the delayed-ACK penalty on every
 * response.
 */
export const socketForServer: SocketFactory = (fd, server, kind) => {
  const o = server as net.Server & ServerSocketOptions;
  const socket = openSocket(fd, Boolean(o.allowHalfOpen), kind);
  if (o.noDelay) socket.setNoDelay(true);
  if (o.keepAlive) socket.setKeepAlive(true, (o.keepAliveInitialDelay ?? 0) * 1000);
  if (o.pauseOnConnect) socket.pause();
  (socket as net.Socket & { server?: net.Server }).server = server;
  return socket;
};

interface Tracked {
  socket: net.Socket;
  /** Responses on this connection that have not closed. */
  responses: Set<ServerResponse>;
  /** Requests seen on this connection. */
  requests: number;
  /** When it was dispatched (ms, the tracker's clock); only read for servers that are not HTTP. */
  since: number;
}

interface HttpLikeServer extends net.Server {
  closeIdleConnections(): void;
}

function isHttpServer(server: net.Server): server is HttpLikeServer {
  // http.Server and https.Server (a tls.Server) both emit 'request' and have this.
  return typeof (server as Partial<HttpLikeServer>).closeIdleConnections === 'function';
}

export interface ConnectionTrackerOptions {
  socketFactory?: SocketFactory;
  /** Called after a tracked connection closed (in_flight went down). */
  onRelease?: () => void;
  /** Reports a connection that could not be turned into a socket. */
  onError?: (err: Error) => void;
  /**
   * Called for every HTTP request, after the tracker's own listeners are on
   * the response (the access log hangs its 'finish' listener here).
   */
  onRequest?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Monotonic clock in ms for request durations; default performance.now. */
  now?: () => number;
}

export class ConnectionTracker {
  readonly #server: net.Server;
  readonly #http: boolean;
  readonly #socketFor: SocketFactory;
  readonly #onRelease: () => void;
  readonly #onError: (err: Error) => void;
  readonly #onRequestHook: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  readonly #now: () => number;
  readonly #open = new Map<net.Socket, Tracked>();
  #draining = false;
  acceptedTotal = 0;
  requestsTotal = 0;
  /**
   * Completed requests by duration, one count per bucket of LATENCY_BOUNDS_US
   * plus one above the last bound (Heartbeat.latency_counts) [LOAD-10].
   * Counts only ever grow [LOAD-11].
   */
  readonly latencyCounts: number[] = emptyLatencyCounts();

  constructor(server: net.Server, options: ConnectionTrackerOptions = {}) {
    this.#server = server;
    this.#http = isHttpServer(server);
    this.#socketFor = options.socketFactory ?? socketForServer;
    this.#onRelease = options.onRelease ?? (() => {});
    this.#onError = options.onError ?? (() => {});
    this.#onRequestHook = options.onRequest;
    this.#now = options.now ?? (() => performance.now());
    if (this.#http) {
      // Prepended so it runs before the application's handler: a handler that
      // answers synchronously writes its headers before any later listener could
      // turn keep-alive off.
      server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => this.#onRequest(req, res));
    }
  }

  /** Connections handed to the server and not yet closed. */
  get inFlight(): number {
    return this.#open.size;
  }

  get draining(): boolean {
    return this.#draining;
  }

  /**
   * Hands an accepted fd to the server. Returns false (and has closed the fd,
   * or left it to the caller when no socket could be made) on failure.
   */
  dispatch(fd: number, kind?: ConnectionKind): boolean {
    let socket: net.Socket;
    try {
      socket = this.#socketFor(fd, this.#server, kind);
    } catch (err) {
      this.#onError(err as Error);
      return false;
    }
    const entry: Tracked = { socket, responses: new Set(), requests: 0, since: this.#http ? 0 : this.#now() };
    this.#open.set(socket, entry);
    this.acceptedTotal++;
    // 'close' is attached before the server sees the socket, so a connection
    // the application destroys synchronously in its 'connection' handler is
    // still counted down.
    // on, not once: each of these fires at most once, and once() allocates a
    // wrapper per connection.
    socket.on('close', () => {
      // A server that is not HTTP: the connection is the request [LOAD-10].
      if (!this.#http) this.#count(this.#now() - entry.since);
      if (this.#open.delete(socket)) this.#onRelease();
    });
    // A socket error with no listener of the application's would crash the
    // process; the server adds its own handlers, this one only keeps it alive.
    socket.on('error', ignore);
    this.#server.emit('connection', socket);
    return true;
  }

  /**
   * Stops keep-alive and closes connections idle between requests.
   * Connections that have not sent their first request yet are left alone
   * (the request is usually already on its way); `closeIdle(true)` later
   * closes them too.
   */
  beginDrain(): void {
    this.#draining = true;
    for (const entry of this.#open.values()) {
      // Responses whose headers are not out yet announce the close.
      for (const res of entry.responses) if (!res.headersSent) res.shouldKeepAlive = false;
    }
    this.closeIdle(false);
  }

  /**
   * Closes HTTP connections with no request in progress. Race window: a
   * request the client sent just now may sit unread in the socket buffer;
   * that client sees the connection close (the usual keep-alive race, which
   * HTTP clients answer by retrying idempotent requests on a new connection).
   */
  closeIdle(includeFresh: boolean): void {
    if (!this.#http) return;
    // Only covers connections of a server that listens itself; ours are below.
    (this.#server as HttpLikeServer).closeIdleConnections();
    for (const entry of this.#open.values()) {
      if (entry.responses.size === 0 && (includeFresh || entry.requests > 0)) endSoon(entry.socket);
    }
  }

  /** Ends every tracked connection at once (stop, or a missed drain deadline). */
  destroyAll(): void {
    for (const socket of [...this.#open.keys()]) socket.destroy();
  }

  #entryFor(socket: net.Socket): Tracked | undefined {
    // https: the request's socket is the TLSSocket wrapping ours.
    return this.#open.get(socket) ?? this.#open.get((socket as net.Socket & { _parent?: net.Socket })._parent as net.Socket);
  }

  #onRequest(req: IncomingMessage, res: ServerResponse): void {
    const entry = this.#entryFor(req.socket);
    // Race window: a request already parsed when the drain began gets here
    // after beginDrain(); its response still carries `Connection: close`.
    if (this.#draining) res.shouldKeepAlive = false;
    if (entry) {
      entry.responses.add(res);
      entry.requests++;
    }
    const start = this.#now();
    res.on('finish', () => {
      this.requestsTotal++;
      this.#count(this.#now() - start); // the same completions as requests_total [LOAD-13]
    });
    res.on('close', () => {
      if (!entry) return;
      entry.responses.delete(res);
      // A response whose headers went out with keep-alive before the drain
      // began: close the connection once it is idle again. setImmediate lets
      // Node finish its own end-of-response handling first.
      if (this.#draining && entry.responses.size === 0) setImmediate(() => {
        if (entry.responses.size === 0 && this.#open.has(entry.socket)) endSoon(entry.socket);
        (this.#server as HttpLikeServer).closeIdleConnections();
      });
    });
    this.#onRequestHook?.(req, res);
  }

  /** One completed request of `ms` milliseconds. */
  #count(ms: number): void {
    (this.latencyCounts[latencyBucket(ms * 1000)] as number)++;
  }
}

function ignore(): void {}

function endSoon(socket: net.Socket): void {
  // destroySoon: FIN after the queued response bytes, then release the fd.
  const s = socket as net.Socket & { destroySoon?: () => void };
  if (typeof s.destroySoon === 'function') s.destroySoon();
  else socket.end();
}
