// A client outside the pool: connects to the arbiter's task socket, says
// Hello as kind CLIENT (spec.md section 4.7.1), then calls jobs like any
// caller. The address comes from the arbiter (`arbiter.tasksAddress`, or the
// file written by `--tasks-address-file`), as `@name` or with its leading NUL.
import * as net from 'node:net';
import { readFileSync } from 'node:fs';
import { Channel } from '../transport/channel.js';
import * as native from '../transport/native.js';
import { WorkerKind, type Message } from '../protocol/codec.js';
import { CorralError, errorFromWire } from '../protocol/errors.js';
import { FEATURE, HARD_MAX_FRAME_BYTES, PROTOCOL_VERSION } from '../protocol/limits.js';
import { metaAllowed } from '../protocol/meta.js';
import { InvalidOptionError } from '../errors.js';
import { TaskClient, type CallOptions } from './client.js';

/** A connection to an arbiter's task socket. */
export interface TasksConnection {
  execute(app: string, action: string, payload?: unknown, options?: CallOptions): Promise<unknown>;
  stream(app: string, action: string, payload?: unknown, options?: CallOptions): AsyncGenerator<unknown, void, undefined>;
  /** Calls in flight. */
  readonly pending: number;
  /** Closes the connection; calls in flight reject with CORRAL_ERR_STATE. */
  close(): void;
}

export interface ConnectOptions {
  /** Time to wait for the arbiter's Welcome, ms (default 10000). */
  timeoutMs?: number;
}

/** The address in a file written by `--tasks-address-file`, or the value of CORRAL_TASKS_ADDRESS. */
export function tasksAddressFrom(source: { file?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const raw = source.file ? readFileSync(source.file, 'utf8').trim() : (source.env ?? process.env).CORRAL_TASKS_ADDRESS;
  if (!raw) throw new InvalidOptionError(source.file ? `${source.file} is empty` : 'CORRAL_TASKS_ADDRESS is not set');
  return raw;
}

/**
 * Connects to the task socket at `address` and completes the handshake.
 * Rejects with CORRAL_ERR_INVALID_OPTION for a malformed address, the
 * system error when nothing listens there, and the arbiter's Error when it
 * refuses (CORRAL_ERR_UNSUPPORTED_FEATURE: it runs no task apps).
 */
export async function connect(address: string, o: ConnectOptions = {}): Promise<TasksConnection> {
  if (typeof address !== 'string' || address.length < 2) throw new InvalidOptionError(`address must be the task socket's name ("@corral-tasks-..."), got ${JSON.stringify(address)}`);
  const path = address.startsWith('@') ? `\0${address.slice(1)}` : address;
  // The native connect uses the abstract name's own length (Node's net pads
  // it to the whole sun_path, which no arbiter binds); a pathname works too.
  const sock = new net.Socket({ fd: native.connectUnix(path), readable: true, writable: true });
  const ch = new Channel(sock, { maxFrameBytes: HARD_MAX_FRAME_BYTES, batchWrites: true });
  ch.handshaking = true;
  const welcome = await new Promise<Extract<Message, { kind: 'welcome' }>>((resolve, reject) => {
    const timer = setTimeout(() => {
      ch.destroy();
      reject(new CorralError('CORRAL_ERR_HANDSHAKE_TIMEOUT', `no Welcome from the task socket within ${o.timeoutMs ?? 10_000} ms`));
    }, o.timeoutMs ?? 10_000);
    const done = () => {
      clearTimeout(timer);
      ch.off('message', onMessage);
      ch.off('close', onClose);
    };
    const onMessage = (m: Message) => {
      done();
      if (m.kind === 'welcome') resolve(m);
      else {
        ch.destroy();
        reject(m.kind === 'error' ? errorFromWire(m.body.code, m.body.message, { fatal: m.body.fatal }) : new CorralError('CORRAL_ERR_UNEXPECTED_MESSAGE', `${m.kind} instead of Welcome`));
      }
    };
    const onClose = () => {
      done();
      reject(new CorralError('CORRAL_ERR_STATE', 'the arbiter closed the task socket connection during the handshake (another user\'s arbiter?)'));
    };
    ch.on('message', onMessage);
    ch.on('close', onClose);
    ch.send({ kind: 'hello', body: { versions: [PROTOCOL_VERSION], kind: WorkerKind.WORKER_KIND_CLIENT, pid: process.pid, features: [FEATURE.TASKS_CALL, FEATURE.TASKS_STREAM, FEATURE.TASKS_FLOW], maxFrameBytes: HARD_MAX_FRAME_BYTES, implementation: 'corral-node-client', capacity: 0 } });
  });
  ch.handshaking = false;
  ch.maxFrameBytes = welcome.body.maxFrameBytes;
  // Results are answers to our calls, however many a second; payloads may queue up.
  ch.setLimits({ maxFramesPerWindow: 0, maxQueuedBytes: 256 * 1024 * 1024 });
  const client = new TaskClient({ send: (m) => ch.send(m) }, {
    flow: welcome.body.features.includes(FEATURE.TASKS_FLOW), meta: metaAllowed(welcome.body.version?.minor), maxFrameBytes: welcome.body.maxFrameBytes,
  });
  let fatal: CorralError | undefined;
  ch.on('message', (m: Message) => {
    if (m.kind === 'result' || m.kind === 'chunk' || m.kind === 'end' || (m.kind === 'error' && m.body.requestId !== 0)) client.receive(m);
    else if (m.kind === 'error' && m.body.fatal) fatal = errorFromWire(m.body.code, `the arbiter closed the connection: ${m.body.message}`, { fatal: true });
  });
  ch.on('failed', (err) => (fatal ??= err instanceof CorralError ? err : new CorralError('CORRAL_ERR_STATE', `the task socket connection failed: ${err.message}`, { cause: err })));
  ch.on('close', () => client.close(fatal ?? new CorralError('CORRAL_ERR_STATE', 'the task socket connection closed (the arbiter stopped?)')));
  // Nothing else keeps the process alive while calls are in flight but the socket.
  sock.unref();
  return {
    execute: (app, action, payload, options) => {
      sock.ref();
      return client.execute(app, action, payload, options).finally(() => { if (client.pending === 0) sock.unref(); });
    },
    stream: (app, action, payload, options) => {
      sock.ref();
      const it = client.stream(app, action, payload, options);
      return (async function* () {
        try {
          yield* it;
        } finally {
          if (client.pending === 0) sock.unref();
        }
      })();
    },
    get pending() {
      return client.pending;
    },
    close: () => ch.close(),
  };
}
