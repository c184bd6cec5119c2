// The task socket: where clients outside the pool submit jobs (spec.md
// section 4.7.1). A Unix stream socket in the Linux abstract namespace, so
// nothing is left on a file system, under a name with 128 random bits.
// Abstract names have no permissions and are listed in /proc/net/unix, so
// the name is not the secret: every connection's peer credentials are
// checked (SO_PEERCRED) before a byte is read, and only the arbiter's own
// user (or root) gets in (CALL-13).
//
//   client                                   arbiter
//     Hello{kind CLIENT, features [tasks.call, ...]} ──►
//           ◄── Welcome{strategy UNSPECIFIED, no listeners, heartbeat_timeout 0}
//     Execute / Cancel / Credit ──►  (the task pool, as any caller)
//           ◄── Result / Chunk / End / Error
import * as net from 'node:net';
import { randomBytes } from 'node:crypto';
import { writeFileSync, renameSync } from 'node:fs';
import { Channel } from '../transport/channel.js';
import * as native from '../transport/native.js';
import { peerAllowed } from '../transport/peer.js';
import { WorkerKind, type Message } from '../protocol/codec.js';
import { CorralError, UnexpectedMessageError } from '../protocol/errors.js';
import { DEFAULT_MAX_FRAME_BYTES, FEATURE, HARD_MAX_FRAME_BYTES, PROTOCOL_VERSION } from '../protocol/limits.js';
import { negotiate, type Negotiated } from '../protocol/handshake.js';
import { metaAllowed } from '../protocol/meta.js';
import type { Logger } from './log.js';
import { printable } from './log.js';
import type { Caller, TaskPool } from './task-pool.js';
import { CALLER_LIMITS } from './worker-messages.js';

const CLIENT_FEATURES = [FEATURE.TASKS_CALL, FEATURE.TASKS_STREAM, FEATURE.TASKS_FLOW];
/** Clients connected at once; more are refused (bounded memory whatever a local process does). */
const MAX_CLIENTS = 1024;

export interface TaskSocketOptions {
  log: Logger;
  /** Bytes queued for a client before it is taken for one that stopped reading. */
  queuedBytes: number;
  /** Write the address here (mode 0600) for the operator's scripts. */
  addressFile?: string | undefined;
}

export class TaskSocket {
  readonly #server: net.Server;
  readonly #pool: TaskPool;
  readonly #log: Logger;
  readonly #clients = new Set<Channel>();
  #nextClient = 1;
  /** The abstract address, with its leading NUL, as net.connect() takes it. */
  readonly address: string;

  readonly #queuedBytes: number;

  private constructor(server: net.Server, address: string, pool: TaskPool, log: Logger, queuedBytes: number) {
    this.#queuedBytes = queuedBytes;
    this.#server = server;
    this.address = address;
    this.#pool = pool;
    this.#log = log;
  }

  /** The address as logs and files show it: `@name`. */
  get printable(): string {
    return `@${this.address.slice(1)}`;
  }

  static async open(pool: TaskPool, o: TaskSocketOptions): Promise<TaskSocket> {
    const address = `\0corral-tasks-${process.pid}-${randomBytes(16).toString('hex')}`;
    const server = net.createServer({ pauseOnConnect: true });
    const sock = new TaskSocket(server, address, pool, o.log, o.queuedBytes);
    server.on('connection', (c) => sock.#accept(c));
    server.on('error', (err) => o.log.error(`task socket: ${err.message}`));
    // Bound by the native layer with the name's own length: Node's net pads
    // an abstract name with NULs to the whole sun_path, and a client in
    // another language, connecting to the name it was told, would be refused.
    const fd = native.listen({ path: address, backlog: 511 });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ fd }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    if (o.addressFile) {
      // Written whole, then renamed: a reader never sees half an address.
      const tmp = `${o.addressFile}.${process.pid}.tmp`;
      writeFileSync(tmp, `${sock.printable}\n`, { mode: 0o600 });
      renameSync(tmp, o.addressFile);
    }
    return sock;
  }

  close(): void {
    this.#server.close();
    for (const ch of this.#clients) ch.close();
    this.#clients.clear();
  }

  #accept(c: net.Socket): void {
    const peer = peerAllowed(c);
    if (!peer.allowed) {
      this.#log.warning(`task socket: refused a connection from uid ${peer.uid ?? 'unknown'} (only uid ${peer.me} and root may submit jobs) [CALL-13]`);
      c.destroy();
      return;
    }
    if (this.#clients.size >= MAX_CLIENTS) {
      this.#log.warning(`task socket: ${MAX_CLIENTS} clients connected; refusing another`);
      c.destroy();
      return;
    }
    const id = this.#nextClient++;
    const ch = new Channel(c, { maxFrameBytes: DEFAULT_MAX_FRAME_BYTES, batchWrites: true });
    ch.handshaking = true;
    this.#clients.add(ch);
    let terms: Negotiated | undefined;
    const caller: Caller = { name: `client ${id}`, reply: (m) => ch.send(m) };
    const fail = (err: CorralError) => {
      this.#log.warning(`task socket client ${id}: ${err.code}: ${printable(err.message)}`);
      ch.close(err);
    };
    ch.on('message', (m: Message) => {
      try {
        if (!terms) {
          terms = this.#hello(ch, id, m);
          return;
        }
        const flow = terms.features.includes(FEATURE.TASKS_FLOW);
        if (m.kind === 'execute') {
          const b = m.body;
          // Fields of a version or feature the client did not negotiate are not taken (NEG-6).
          this.#pool.call({
            caller, requestId: b.requestId, name: b.name, payload: b.payload, contentType: b.contentType, deadlineMs: b.deadlineMs, window: flow ? b.window : 0, idempotent: b.idempotent,
            ...(metaAllowed(terms.version.minor) ? { meta: b.meta } : {}),
          });
        } else if (m.kind === 'cancel') this.#pool.cancel(caller, m.body.requestId, m.body.reason);
        else if (m.kind === 'credit' && flow) this.#pool.credit(caller, m.body.requestId, m.body.chunks);
        else if (m.kind === 'error') {
          if (m.body.fatal) ch.close();
        } else throw new UnexpectedMessageError(`a client must not send ${m.kind} [CALL-15]`);
      } catch (err) {
        if (err instanceof CorralError) fail(err);
        else throw err;
      }
    });
    ch.on('failed', (err) => this.#log.debug(`task socket client ${id}: ${printable(err.message)}`));
    ch.on('close', () => {
      this.#clients.delete(ch);
      this.#pool.callerGone(caller); // CALL-8
    });
    c.resume();
  }

  /** CALL-14, CALL-16: the client's Hello, answered with Welcome. Returns what was negotiated. */
  #hello(ch: Channel, id: number, m: Message): Negotiated {
    if (m.kind !== 'hello') throw new UnexpectedMessageError(`${m.kind} before Hello`);
    if (m.body.kind !== WorkerKind.WORKER_KIND_CLIENT) throw new UnexpectedMessageError(`Hello on the task socket must say kind CLIENT (3), got ${m.body.kind} [CALL-16]`);
    const result = negotiate(m.body, { versions: [PROTOCOL_VERSION], features: CLIENT_FEATURES, maxFrameBytes: HARD_MAX_FRAME_BYTES });
    if (!result.features.includes(FEATURE.TASKS_CALL)) {
      throw new CorralError('CORRAL_ERR_UNSUPPORTED_FEATURE', 'a client must support tasks.call (protocol 1.2) [CALL-16]', { wireCode: 208, fatal: true });
    }
    ch.handshaking = false;
    ch.send({ kind: 'welcome', body: { version: result.version, workerId: id, heartbeatIntervalMs: 0, heartbeatTimeoutMs: 0, maxFrameBytes: result.maxFrameBytes, strategy: 0, features: result.features, listeners: [] } });
    ch.maxFrameBytes = result.maxFrameBytes;
    ch.setLimits(CALLER_LIMITS(this.#queuedBytes));
    this.#log.debug(`task socket client ${id} (pid ${m.body.pid}) connected`);
    return result;
  }
}
