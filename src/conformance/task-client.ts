// The suite as a client of the arbiter's task socket (spec.md section 4.7.1).
//
// It speaks the wire itself through a Wire, so every frame the arbiter sends
// is in the case's transcript and judged as sent; it never uses corral's own
// client (src/tasks/), which would hide what the arbiter did.
//
//   suite ──connect(\0name)──► arbiter task socket
//     Hello{kind CLIENT, tasks.call …} ──►      ◄── Welcome
//     Execute{id, name, payload} ──►            ◄── Result | Chunk* End | Chunk* Error
import * as net from 'node:net';
import { readFileSync, statSync } from 'node:fs';
import type { Message, OutMessage } from '../protocol/codec.js';
import * as native from '../transport/native.js';
import { PROTOCOL_VERSION } from '../protocol/limits.js';
import { Wire, type Incoming, type Transcript } from './wire.js';
import { fairTimeout } from './starvation.js';
import type { JobPlan } from './probe-protocol.js';

export const WORKER_KIND_CLIENT = 3;
export const CLIENT_FEATURES = ['tasks.call', 'tasks.stream', 'tasks.flow'];
export const JOB_REPLY_KINDS = ['result', 'chunk', 'end', 'error'] as const;

/** The address as read from the operator's file: `@name` (or `\0name`) means an abstract name. */
export interface TaskAddress {
  /** What net.connect() takes: `\0name` for an abstract name. */
  path: string;
  /** The file's text, as written. */
  text: string;
  mode: number;
}

/** Reads the task socket's address from the file the arbiter wrote; undefined while it is not there. */
export function readTaskAddress(file: string): TaskAddress | undefined {
  let text: string;
  let mode: number;
  try {
    text = readFileSync(file, 'utf8');
    mode = statSync(file).mode & 0o777;
  } catch {
    return undefined;
  }
  const line = text.replace(/\r?\n$/, '');
  if (line === '') return undefined;
  const path = line.startsWith('@') ? `\0${line.slice(1)}` : line;
  return { path, text, mode };
}

/** A job's payload that tells the probe how to answer it. */
export function planned(plan: JobPlan): Buffer {
  return Buffer.from(JSON.stringify({ probe: plan }));
}

export function requestIdOf(m: Message): number | undefined {
  const b = m.body as { requestId?: number | string | null };
  return b.requestId === undefined || b.requestId === null ? undefined : Number(b.requestId);
}

export class TaskClient {
  readonly wire: Wire;
  readonly socket: net.Socket;
  readonly connected: Promise<boolean>;

  constructor(path: string, transcript: Transcript) {
    // An abstract name is connected with its own length (native connect);
    // Node's net would pad it with NULs to the whole sun_path, which reaches
    // only an arbiter that bound it so (A-TS-004 judges that), so net is the
    // fallback.
    let fd: number | undefined;
    let how = 'net (padded)';
    if (native.available) {
      try {
        fd = native.connectUnix(path);
        how = 'exact name';
      } catch (err) {
        transcript.event('task client', 'connect', `exact name: ${(err as Error).message}; trying Node's net (the name padded with NULs)`);
      }
    }
    this.socket = fd !== undefined ? new net.Socket({ fd, readable: true, writable: true }) : net.connect({ path });
    this.wire = new Wire(this.socket, transcript, 'task client');
    transcript.event('task client', 'connect', how);
    this.connected = fd !== undefined ? Promise.resolve(true) : new Promise((resolve) => {
      this.socket.once('connect', () => resolve(true));
      this.socket.once('error', () => resolve(false));
    });
  }

  hello(over: { versions?: { major: number; minor: number }[]; kind?: number; features?: string[]; capacity?: number; apps?: string[] } = {}): void {
    this.wire.send({
      kind: 'hello',
      body: {
        versions: over.versions ?? [{ major: PROTOCOL_VERSION.major, minor: PROTOCOL_VERSION.minor }], kind: over.kind ?? WORKER_KIND_CLIENT, pid: process.pid, features: over.features ?? CLIENT_FEATURES,
        maxFrameBytes: 0, implementation: 'corral-conformance-suite/1.0', capacity: over.capacity ?? 0, apps: over.apps ?? [],
      },
    });
  }

  /** Hello, then the Welcome (or whatever came instead). */
  async handshake(timeoutMs: number, over?: Parameters<TaskClient['hello']>[0]): Promise<Incoming | undefined> {
    this.hello(over);
    const i = await this.wire.next(timeoutMs);
    if (i?.type === 'message' && i.message.kind === 'welcome') {
      this.wire.features = i.message.body.features;
      this.wire.minor = i.message.body.version?.minor ?? 0;
    }
    return i;
  }

  execute(requestId: number, name: string, plan: JobPlan | Buffer, opts: { deadlineMs?: number; window?: number; idempotent?: boolean; meta?: Record<string, string> } = {}): void {
    const payload = Buffer.isBuffer(plan) ? plan : planned(plan);
    this.wire.send({
      kind: 'execute',
      body: { requestId, name, payload, deadlineMs: opts.deadlineMs ?? 0, contentType: 'application/json', window: opts.window ?? 0, idempotent: opts.idempotent ?? false, ...(opts.meta ? { meta: opts.meta } : {}) },
    });
  }

  cancel(requestId: number, reason = 'the suite cancels'): void {
    this.wire.send({ kind: 'cancel', body: { requestId, reason } });
  }

  credit(requestId: number, chunks: number): void {
    this.wire.send({ kind: 'credit', body: { requestId, chunks } });
  }

  send(m: OutMessage): void {
    this.wire.send(m);
  }

  /** Every message received (not consumed by anyone). */
  messages(): Message[] {
    return this.wire.received.flatMap((i) => (i.type === 'message' ? [i.message] : []));
  }

  /** Job-reply messages carrying `requestId`, in arrival order, with their times. */
  replies(requestId: number): { tMs: number; message: Message }[] {
    return this.wire.received.flatMap((i) => (i.type === 'message' && (JOB_REPLY_KINDS as readonly string[]).includes(i.message.kind) && requestIdOf(i.message) === requestId ? [{ tMs: i.tMs, message: i.message }] : []));
  }

  /** The first final reply (Result, End or an Error) for `requestId`, once it is there. */
  final(requestId: number): { tMs: number; message: Message } | undefined {
    return this.replies(requestId).find((r) => r.message.kind !== 'chunk');
  }

  /** Waits for the final reply of `requestId` (or EOF, or the timeout). */
  async waitFinal(requestId: number, timeoutMs: number): Promise<{ tMs: number; message: Message } | undefined> {
    const have = this.final(requestId);
    if (have) return have;
    await new Promise<void>((resolve) => {
      let done = false;
      const finish = () => {
        if (!done) {
          done = true;
          t.cancel();
          resolve();
        }
      };
      // Time in which the suite was starved of CPU does not count (starvation.ts).
      const t = fairTimeout(timeoutMs, finish);
      this.wire.onIncoming((i) => {
        if (i.type === 'eof' || (i.type === 'message' && i.message.kind !== 'chunk' && requestIdOf(i.message) === requestId)) finish();
      });
      if (this.wire.eof) finish();
    });
    return this.final(requestId);
  }

  close(): void {
    this.wire.end();
  }

  destroy(): void {
    this.wire.destroy();
  }
}
