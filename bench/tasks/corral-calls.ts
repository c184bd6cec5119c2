// How each job becomes a corral execute() call, the same for the three
// corral callers (embedding process, socket worker, task-socket client).
// It imports nothing from corral: the callers hand their execute() in.
import { checkEcho, payloadFor, type Job } from './loops.js';

export type ExecuteFn = (app: string, action: string, payload: unknown, options?: Record<string, unknown>) => Promise<unknown>;

/** A zero-argument call for this job: JSON payloads for noop/cpu/block, raw bytes for echo. */
export function corralCaller(execute: ExecuteFn, app: string, job: Job): () => Promise<unknown> {
  if (job.op === 'echo') {
    const data = payloadFor(job, 'buffer');
    const opts = { codec: 'raw' };
    return async () => {
      const r = await execute(app, 'echo', data, opts);
      checkEcho(job, r);
      return r;
    };
  }
  const opts = { codec: 'json' };
  const arg = job.op === 'noop' ? null : { ms: job.ms ?? 0 };
  return () => execute(app, job.op, arg, opts);
}
