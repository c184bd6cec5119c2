// The control protocol's client side (spec.md section 14): what `corral
// ctl` and `corral top` use, and what a program embeds to watch or steer a
// running arbiter.
//
//   const ctl = await ControlClient.connect('/run/app.sock');
//   const status = await ctl.status();
//   await ctl.scale('socket', 8);
//   ctl.close();
//
// Requests may be pipelined; replies are matched by request_id. Every
// method rejects (never throws) with a CorralError whose code is stable:
// the arbiter's own code for a refused request, CORRAL_ERR_CONTROL_CLOSED
// when the connection ends first, CORRAL_ERR_CONTROL_TIMEOUT when no reply
// comes in time.
import * as net from 'node:net';
import { FrameDecoder } from '../protocol/framer.js';
import { CONTROL_LIMITS, controlFrame, decodeReply, encodeRequest, type ControlAction, type ControlResult, type JobList, type PoolStatus, type TasksStatus } from '../protocol/control.js';
import { CorralError } from '../errors.js';

export interface ControlClientOptions {
  /** Milliseconds to wait for the connection and for each reply (default 5000). */
  timeoutMs?: number;
}

interface Pending {
  resolve(r: ControlResult): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

export class ControlClient {
  readonly #sock: net.Socket;
  readonly #timeoutMs: number;
  readonly #pending = new Map<number, Pending>();
  readonly #decoder = new FrameDecoder({ maxFrameBytes: CONTROL_LIMITS.maxReplyBytes });
  #nextId = 1;
  #closed: CorralError | undefined;

  private constructor(sock: net.Socket, timeoutMs: number) {
    this.#sock = sock;
    this.#timeoutMs = timeoutMs;
    sock.on('data', (chunk: Buffer) => this.#onData(chunk));
    sock.on('error', (err) => this.#fail(new CorralError('CORRAL_ERR_CONTROL_CLOSED', `control connection failed: ${err.message}`)));
    sock.on('close', () => this.#fail(new CorralError('CORRAL_ERR_CONTROL_CLOSED', 'the arbiter closed the control connection')));
  }

  /** Connects to the control socket at `path`. */
  static connect(path: string, options: ControlClientOptions = {}): Promise<ControlClient> {
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const sock = net.connect(path);
      const timer = setTimeout(() => {
        sock.destroy();
        reject(new CorralError('CORRAL_ERR_CONTROL_TIMEOUT', `no answer from the control socket ${path} within ${timeoutMs} ms`));
      }, timeoutMs);
      sock.once('connect', () => {
        clearTimeout(timer);
        sock.removeAllListeners('error');
        resolve(new ControlClient(sock, timeoutMs));
      });
      sock.once('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        const why = err.code === 'ENOENT' ? 'no such socket (is the arbiter running?)'
          : err.code === 'ECONNREFUSED' ? 'nobody is listening (a stale socket of an arbiter that was killed?)'
          : err.code === 'EACCES' ? 'permission denied (the control socket belongs to another user)'
          : err.message;
        reject(new CorralError('CORRAL_ERR_CONTROL_CLOSED', `cannot connect to the control socket ${path}: ${why}`));
      });
    });
  }

  /** Sends one request; resolves with the arbiter's answer, error answers included. */
  request(action: ControlAction): Promise<ControlResult> {
    if (this.#closed) return Promise.reject(this.#closed);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new CorralError('CORRAL_ERR_CONTROL_TIMEOUT', `no reply to ${action.action} within ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
      this.#pending.set(id, { resolve, reject, timer });
      this.#sock.write(controlFrame(encodeRequest(id, action)));
    });
  }

  /** Like request(), but an error answer rejects with a CorralError of its code. */
  async call(action: ControlAction): Promise<Exclude<ControlResult, { error: unknown }>> {
    const r = await this.request(action);
    if ('error' in r) throw new CorralError(r.error.code, r.error.message);
    return r;
  }

  async status(options: { histograms?: boolean } = {}): Promise<PoolStatus> {
    return ((await this.call({ action: 'status', histograms: options.histograms ?? false })) as { status: PoolStatus }).status;
  }

  async tasks(): Promise<TasksStatus> {
    return ((await this.call({ action: 'tasks' })) as { tasks: TasksStatus }).tasks;
  }

  async jobs(query: { state?: string; app?: string; limit?: number; id?: number } = {}): Promise<JobList> {
    return ((await this.call({ action: 'jobs', ...query })) as { jobs: JobList }).jobs;
  }

  /** Sets how many workers of `kind` run (task workers: of `app`, or all). Resolves with what was done. */
  async scale(kind: 'socket' | 'task', workers: number, app?: string): Promise<string> {
    return ((await this.call({ action: 'scale', kind, workers, ...(app ? { app } : {}) })) as { done: string }).done;
  }

  async reload(): Promise<string> {
    return ((await this.call({ action: 'reload' })) as { done: string }).done;
  }

  async stop(graceful = true): Promise<string> {
    return ((await this.call({ action: 'stop', graceful })) as { done: string }).done;
  }

  async reopenLogs(): Promise<string> {
    return ((await this.call({ action: 'reopenLogs' })) as { done: string }).done;
  }

  close(): void {
    this.#sock.end();
    this.#fail(new CorralError('CORRAL_ERR_CONTROL_CLOSED', 'the control client was closed'));
  }

  #onData(chunk: Buffer): void {
    let frames: Uint8Array[];
    try {
      frames = this.#decoder.push(chunk);
    } catch (err) {
      this.#sock.destroy();
      return this.#fail(new CorralError('CORRAL_ERR_CONTROL_CLOSED', `bad frame from the arbiter: ${(err as Error).message}`));
    }
    for (const f of frames) {
      let reply;
      try {
        reply = decodeReply(f);
      } catch (err) {
        this.#sock.destroy();
        return this.#fail(err as CorralError);
      }
      if (reply.requestId === 0 && 'error' in reply.result) {
        // A connection-level error (CTL-5, CTL-6, CTL-11): the arbiter closes next.
        return this.#fail(new CorralError(reply.result.error.code, reply.result.error.message));
      }
      const p = this.#pending.get(reply.requestId);
      if (!p) continue;
      this.#pending.delete(reply.requestId);
      clearTimeout(p.timer);
      p.resolve(reply.result);
    }
  }

  #fail(err: CorralError): void {
    this.#closed ??= err;
    for (const p of this.#pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.#pending.clear();
  }
}
