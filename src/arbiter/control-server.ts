// The control socket (spec.md section 14): a Unix stream socket on the file
// system, mode 0600, where `corral ctl`, `corral top` or any program of the
// arbiter's user asks for the pool's status and steers it.
//
//   client                                    arbiter
//     connect ──────────────────────────────► SO_PEERCRED: uid = ours or 0? else closed [CTL-2]
//     [len][ControlRequest{id, action}] ────► decode ──► runControl() ──┐
//           ◄──────────────────────────────── [len][ControlReply{id, …}] ┘  (in order)
//
// The file's mode keeps other users out on a file system that honours it;
// the peer-credential check keeps them out where it does not (and during the
// window between bind() and chmod(), which the umask closes as well).
//
// Bounded whatever a client does: clients (maxClients), request size
// (maxRequestBytes, checked on the length prefix before any byte of the
// request is buffered), requests per second (maxRequestsPerSecond), and
// replies queued for a client that does not read (maxQueuedBytes).
import * as net from 'node:net';
import { chmodSync, lstatSync, mkdirSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import * as native from '../transport/native.js';
import { peerAllowed } from '../transport/peer.js';
import { FrameDecoder } from '../protocol/framer.js';
import { CONTROL_LIMITS, controlFrame, decodeRequest, encodeReply, type ControlAction, type ControlLimits, type ControlResult } from '../protocol/control.js';
import { CorralError } from '../errors.js';
import type { Logger } from './log.js';
import { printable } from './log.js';

export type { ControlLimits };

/** What the control socket answers with (runControl over the arbiter). */
export type ControlHandler = (a: ControlAction) => ControlResult;

export class ControlServer {
  readonly path: string;
  readonly #server: net.Server;
  readonly #log: Logger;
  readonly #handle: ControlHandler;
  readonly #limits: Readonly<ControlLimits>;
  readonly #clients = new Set<net.Socket>();
  #nextClient = 1;
  /** Refusals are logged a few times, then counted: a flood of them must not flood the log. */
  #refused = 0;
  /** The socket file this server bound: close() removes the path only while it is still this one. */
  #inode = -1;

  private constructor(path: string, server: net.Server, log: Logger, handle: ControlHandler, limits: Readonly<ControlLimits>) {
    this.path = path;
    this.#server = server;
    this.#log = log;
    this.#handle = handle;
    this.#limits = limits;
  }

  /**
   * Binds the socket at `path`. A stale socket left by an arbiter that was
   * killed is replaced; a live one (another arbiter answers) is an error,
   * CORRAL_ERR_CONTROL_SOCKET_IN_USE, and so is any other file there.
   */
  static async open(path: string, handle: ControlHandler, log: Logger, limits: Readonly<ControlLimits> = CONTROL_LIMITS, options: { takeOver?: boolean } = {}): Promise<ControlServer> {
    await clearStale(path, options.takeOver === true, log);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // Created 0600 from the start: bind() applies the umask.
    const umask = process.umask(0o177);
    let fd: number;
    try {
      fd = native.listen({ path, backlog: 64 });
    } finally {
      process.umask(umask);
    }
    chmodSync(path, 0o600);
    const inode = lstatSync(path).ino;
    const server = net.createServer({ pauseOnConnect: true });
    const cs = new ControlServer(path, server, log, handle, limits);
    cs.#inode = inode;
    server.on('connection', (c) => cs.#accept(c));
    server.on('error', (err) => log.error(`control socket: ${err.message}`));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ fd }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return cs;
  }

  /** Stops listening and removes the socket file; replies already queued are still written. */
  close(): void {
    this.#server.close();
    for (const c of this.#clients) c.end();
    this.#clients.clear();
    try {
      // After a re-exec the path is the new arbiter's socket: leave it.
      if (lstatSync(this.path).ino === this.#inode) unlinkSync(this.path);
    } catch {
      // Already gone (removed by hand).
    }
  }

  #accept(c: net.Socket): void {
    const peer = peerAllowed(c);
    if (!peer.allowed) return this.#refuse(c, `a connection from uid ${peer.uid ?? 'unknown'} (only uid ${peer.me} and root may use it) [CTL-2]`);
    if (this.#clients.size >= this.#limits.maxClients) return this.#refuse(c, `a client beyond the ${this.#limits.maxClients} connected (maxClients) [CTL-10]`);
    const id = this.#nextClient++;
    this.#clients.add(c);
    const decoder = new FrameDecoder({ maxFrameBytes: this.#limits.maxRequestBytes });
    let windowStart = performance.now();
    let inWindow = 0;
    const fail = (code: string, message: string) => {
      this.#log.warning(`control client ${id}: ${code}: ${printable(message)}; closing it`);
      this.#send(c, { requestId: 0, result: { error: { code, message } } });
      c.end();
      c.removeAllListeners('data');
      setTimeout(() => c.destroy(), 1000).unref();
    };
    c.on('data', (chunk: Buffer) => {
      let frames: Uint8Array[];
      try {
        frames = decoder.push(chunk);
      } catch (err) {
        // Too large (before its bytes were read) or empty: fatal [CTL-5].
        return fail((err as CorralError).code ?? 'CORRAL_ERR_DECODE', (err as Error).message);
      }
      for (const frame of frames) {
        const now = performance.now();
        if (now - windowStart >= 1000) {
          windowStart = now;
          inWindow = 0;
        }
        if (++inWindow > this.#limits.maxRequestsPerSecond) return fail('CORRAL_ERR_FLOOD', `more than ${this.#limits.maxRequestsPerSecond} requests in one second (maxRequestsPerSecond) [CTL-11]`);
        let req: ReturnType<typeof decodeRequest>;
        try {
          req = decodeRequest(frame);
        } catch (err) {
          return fail('CORRAL_ERR_DECODE', (err as Error).message);
        }
        const result: ControlResult = req.action ? this.#handle(req.action) : { error: req.problem! };
        if (req.action && req.action.action !== 'status' && req.action.action !== 'tasks' && req.action.action !== 'jobs') {
          this.#log.info(`control client ${id}: ${describe(req.action)}: ${'error' in result ? `refused (${result.error.code}: ${printable(result.error.message)})` : 'done' in result ? result.done : 'ok'}`);
        }
        if (!this.#send(c, { requestId: req.requestId, result })) return;
      }
    });
    c.on('error', () => {});
    c.on('close', () => this.#clients.delete(c));
    c.resume();
  }

  /** Writes one reply; a client with too much unread is dropped [CTL-12]. Returns false when it was. */
  #send(c: net.Socket, reply: Parameters<typeof encodeReply>[0]): boolean {
    if (c.destroyed) return false;
    c.write(controlFrame(encodeReply(reply)));
    if (c.writableLength > this.#limits.maxQueuedBytes) {
      this.#log.warning(`control client: ${c.writableLength} bytes of replies unread (maxQueuedBytes ${this.#limits.maxQueuedBytes}); dropping it [CTL-12]`);
      c.destroy();
      return false;
    }
    return true;
  }

  #refuse(c: net.Socket, what: string): void {
    this.#refused++;
    if (this.#refused <= 5 || this.#refused % 1000 === 0) this.#log.warning(`control socket: refused ${what}${this.#refused > 5 ? ` (${this.#refused} refused so far)` : ''}`);
    c.destroy();
  }
}

function describe(a: ControlAction): string {
  switch (a.action) {
    case 'scale': return `scale ${a.kind} workers${a.app ? ` of ${a.app}` : ''} to ${a.workers}`;
    case 'stop': return a.graceful ? 'graceful stop' : 'stop';
    case 'reopenLogs': return 'reopen logs';
    default: return a.action;
  }
}

/**
 * A socket at `path` that nobody answers is removed; anything else there is
 * an error, except that an arbiter started by a re-exec (USR2, `takeOver`)
 * takes the path from the arbiter that started it: clients that connect from
 * then on reach the new arbiter, those connected stay with the old one until
 * it stops, and the old one leaves the new socket file in place (close()).
 */
async function clearStale(path: string, takeOver: boolean, log: Logger): Promise<void> {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return;
  }
  if (!st.isSocket()) throw new CorralError('CORRAL_ERR_INVALID_OPTION', `options.controlSocket: ${path} exists and is not a socket; remove it or choose another path`);
  const alive = await new Promise<boolean>((resolve) => {
    const probe = net.connect(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
  if (alive && !takeOver) throw new CorralError('CORRAL_ERR_CONTROL_SOCKET_IN_USE', `options.controlSocket: another arbiter answers at ${path}; stop it or choose another path`);
  if (alive) log.info(`control socket ${path}: taken over from the arbiter that re-exec'd this one`);
  unlinkSync(path);
}
