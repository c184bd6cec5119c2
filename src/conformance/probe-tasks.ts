// The probe as a task worker (spec.md section 4.6): it runs the jobs the
// arbiter under test sends it as the case planned them (a Result, N chunks
// paced by window and credit, an Error, no answer, death), and reports every
// job's fate to the suite, so that a case can hold the arbiter's relaying,
// queueing and bookkeeping against what the worker really did.
//
//   arbiter ──Execute{id, name, payload {"probe": plan}}──► probe ──Result/Chunk/End/Error──► arbiter
//                                                             └─► suite: recv, sent, job events
import type { Message, OutMessage } from '../protocol/codec.js';
import { monoMs, type JobPlan, type ProbeReport, type ProbeScript } from './probe-protocol.js';

export interface TaskHost {
  send(m: OutMessage): void;
  /** Sends several frames in one write (nothing read in between, and no write after a peer's close cut the batch). */
  sendBatch(ms: OutMessage[]): void;
  report(r: ProbeReport): void;
  quit(code: number, why: string): void;
  script(): ProbeScript;
  /** Welcome.features (what this probe may use). */
  features(): readonly string[];
}

interface Job {
  id: number;
  name: string;
  plan: JobPlan;
  window: number;
  credit: number;
  sent: number;
  cancelled: boolean;
}

const TASK_FAILED = 303;
const TASK_CANCELLED = 302;
const DUPLICATE_REQUEST = 305;
const INVALID_FIELD = 206;

/** The NAME of every NAME=MODULE argument (how corral-style arbiters tell a task worker its apps). */
export function appsFromArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--side' || a === '--capacity') {
      i++;
      continue;
    }
    const m = /^([A-Za-z0-9_-]{1,64})=./.exec(a);
    if (m) out.push(m[1] as string);
  }
  return out;
}

/** `--capacity N` from the probe's arguments, if the arbiter gave one. */
export function capacityFromArgv(argv: readonly string[]): number | undefined {
  const i = argv.indexOf('--capacity');
  const n = i >= 0 ? Number(argv[i + 1]) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

function planOf(payload: Uint8Array, fallback: JobPlan | undefined): JobPlan {
  try {
    const v = JSON.parse(Buffer.from(payload).toString('utf8')) as { probe?: JobPlan };
    if (v && typeof v === 'object' && v.probe && typeof v.probe === 'object') return v.probe;
  } catch {
    // not a plan: the script's default
  }
  return fallback ?? {};
}

export class TaskRunner {
  readonly #host: TaskHost;
  readonly #jobs = new Map<number, Job>();

  constructor(host: TaskHost) {
    this.#host = host;
  }

  /** Jobs running now (for heartbeats). */
  get inFlight(): number {
    return this.#jobs.size;
  }

  #flow(): boolean {
    return this.#host.features().includes('tasks.flow');
  }

  #event(job: Job, event: Extract<ProbeReport, { t: 'job' }>['event'], detail?: string): void {
    this.#host.report({ t: 'job', at: monoMs(), requestId: job.id, event, ...(job.plan.tag ? { tag: job.plan.tag } : {}), ...(detail ? { detail } : {}) });
  }

  /** Handles a task message from the arbiter; false when it is not one. */
  onMessage(m: Message): boolean {
    switch (m.kind) {
      case 'execute':
        this.#execute(m.body);
        return true;
      case 'cancel':
        this.#cancel(Number(m.body.requestId));
        return true;
      case 'credit':
        this.#credit(Number(m.body.requestId), m.body.chunks);
        return true;
      default:
        return false;
    }
  }

  #execute(b: Extract<Message, { kind: 'execute' }>['body']): void {
    const id = Number(b.requestId);
    if (id === 0) {
      this.#host.send({ kind: 'error', body: { code: INVALID_FIELD, message: 'Execute.request_id is 0 [TASK-7]', fatal: true } });
      this.#host.quit(1, 'Execute with request id 0');
      return;
    }
    const plan = planOf(b.payload, this.#host.script().job);
    if (this.#jobs.has(id)) {
      this.#host.report({ t: 'job', at: monoMs(), requestId: id, event: 'duplicate', ...(plan.tag ? { tag: plan.tag } : {}) });
      this.#host.send({ kind: 'error', body: { code: DUPLICATE_REQUEST, message: `request id ${id} is running`, fatal: false, requestId: id } });
      return;
    }
    const job: Job = { id, name: b.name, plan, window: this.#flow() ? b.window : 0, credit: 0, sent: 0, cancelled: false };
    this.#jobs.set(id, job);
    this.#event(job, 'start');
    switch (plan.reply ?? 'result') {
      case 'result':
        this.#finish(job, 'result');
        return;
      case 'error':
        this.#finish(job, 'error');
        return;
      case 'stream':
        this.#pump(job);
        return;
      case 'die':
        this.#host.quit(plan.exitCode ?? 1, `dies running job ${id}`);
        return;
      case 'never':
        return;
    }
  }

  /** Sends what the job's window and credit allow; End once every chunk is out. */
  #pump(job: Job): void {
    const total = job.plan.chunks ?? 3;
    const flood = job.plan.flood ?? 0;
    const limit = job.window > 0 ? job.window + job.credit + flood : Infinity;
    const batch: OutMessage[] = [];
    while (job.sent < total && job.sent < limit) {
      batch.push({ kind: 'chunk', body: { requestId: job.id, seq: job.sent, payload: Buffer.from(JSON.stringify({ seq: job.sent, tag: job.plan.tag ?? '' })) } });
      job.sent++;
    }
    // One write: a flood's last chunks cannot meet the channel the arbiter closed
    // over its first ones (EPIPE would make Node drop the Error waiting to be read).
    if (batch.length) this.#host.sendBatch(batch);
    if (job.sent >= total) {
      this.#jobs.delete(job.id);
      this.#event(job, 'answered', `${job.sent} chunks`);
      this.#host.send({ kind: 'end', body: { requestId: job.id, chunks: job.sent } });
    } else if (job.sent >= limit) this.#event(job, 'stalled', `${job.sent} chunks sent, window ${job.window}, credit ${job.credit}`);
  }

  #finish(job: Job, reply: 'result' | 'error'): void {
    this.#jobs.delete(job.id);
    this.#event(job, 'answered', reply + (job.cancelled ? ' after Cancel' : ''));
    if (reply === 'result') {
      const payload = Buffer.from(JSON.stringify({ pid: process.pid, requestId: job.id, name: job.name, tag: job.plan.tag ?? '' }));
      this.#host.send({ kind: 'result', body: { requestId: job.id, payload, contentType: 'application/json' } });
    } else {
      this.#host.send({ kind: 'error', body: { code: job.plan.errorCode ?? TASK_FAILED, message: 'the job failed as planned', fatal: false, requestId: job.id } });
    }
  }

  #cancel(id: number): void {
    const job = this.#jobs.get(id);
    if (!job) return; // TASK-17
    job.cancelled = true;
    this.#event(job, 'cancelled');
    if ((job.plan.onCancel ?? 'answer') === 'ignore') return;
    this.#jobs.delete(id);
    this.#host.send({ kind: 'error', body: { code: TASK_CANCELLED, message: 'cancelled', fatal: false, requestId: id } });
  }

  #credit(id: number, chunks: number): void {
    const job = this.#jobs.get(id);
    if (!job || (job.plan.reply ?? 'result') !== 'stream') return; // FLOW-5
    job.credit += chunks;
    this.#pump(job);
  }

  /** The suite says: answer this job now (a late reply after a cancel or timeout, TASK-18). */
  answer(id: number, reply: 'result' | 'error' = 'result'): void {
    const job = this.#jobs.get(id) ?? { id, name: '', plan: {}, window: 0, credit: 0, sent: 0, cancelled: true };
    this.#finish(job, reply);
  }
}
