// The measured loops, the same in every process that calls: the driver (peers
// and the embedding arbiter), the socket worker fixture, the client runner.
// A loop is given a zero-argument call, built once per job, so nothing but the
// call itself is timed.

export type Op = 'noop' | 'cpu' | 'block' | 'echo';

/** One job as every system runs it: ms for cpu/block, bytes for echo. */
export interface Job {
  op: Op;
  ms?: number;
  bytes?: number;
}

/** What a caller process is asked to measure. */
export interface LoopCommand {
  kind: 'latency' | 'throughput';
  job: Job;
  warmup: number;
  calls: number;
  /** throughput: calls kept in flight (latency: always 1). */
  inFlight: number;
  /** Stop early after this long (ms); what was done by then is reported. */
  maxMs: number;
  /** corral: the task app to call (the fixture's name). */
  app?: string;
}

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

export interface LoopResult {
  kind: 'latency' | 'throughput';
  /** Calls measured (after the warm-up) and how they ended. */
  calls: number;
  ok: number;
  errors: Record<string, number>;
  elapsedMs: number;
  perSec: number;
  /** latency: per call, µs (one call in flight). */
  latencyUs: Percentiles | null;
  /** latency: counts per log-spaced bucket (HIST_EDGES_US), for the plot. */
  histogram: number[] | null;
}

/** Bucket upper edges in µs: 10 per decade from 1 µs to 1 s. */
export const HIST_EDGES_US = Array.from({ length: 61 }, (_, i) => Number((10 ** (i / 10)).toPrecision(3)));

export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

export function percentiles(samples: Float64Array): Percentiles {
  const s = Float64Array.from(samples).sort();
  let sum = 0;
  for (const x of s) sum += x;
  return { p50: percentile(s, 0.5), p90: percentile(s, 0.9), p99: percentile(s, 0.99), p999: percentile(s, 0.999), max: s.length ? s[s.length - 1]! : NaN, mean: s.length ? sum / s.length : NaN };
}

export function histogram(samples: Float64Array): number[] {
  const out = new Array<number>(HIST_EDGES_US.length + 1).fill(0);
  for (const x of samples) {
    let i = x <= 1 ? 0 : Math.ceil(Math.log10(x) * 10);
    if (i > HIST_EDGES_US.length) i = HIST_EDGES_US.length;
    out[i]!++;
  }
  return out;
}

function errorCode(err: unknown): string {
  const e = err as { code?: unknown; name?: unknown; message?: unknown } | null;
  if (e && typeof e.code === 'string' && e.code) return e.code;
  if (e && typeof e.name === 'string' && e.name !== 'Error') return e.name;
  return String(e?.message ?? e).slice(0, 60);
}

/** The payload of an echo job: bytes, or for JSON-only channels a string of as many ASCII characters. */
export function payloadFor(job: Job, form: 'buffer' | 'string'): Buffer | string | undefined {
  if (job.op !== 'echo') return undefined;
  const n = job.bytes ?? 0;
  if (form === 'string') return 'x'.repeat(n);
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i += 4096) b[i] = i & 0xff;
  return b;
}

/** Throws unless an echo's answer is as long as what was sent (a lost or truncated payload must not pass as fast). */
export function checkEcho(job: Job, answer: unknown): void {
  if (job.op !== 'echo') return;
  const n = typeof answer === 'string' ? answer.length : (answer as { byteLength?: number } | null)?.byteLength;
  if (n !== job.bytes) throw new Error(`echo answered ${n} bytes, not ${job.bytes}`);
}

const now = () => performance.now();

export async function runLoop(call: () => Promise<unknown>, cmd: LoopCommand): Promise<LoopResult> {
  const errors: Record<string, number> = {};
  const fail = (err: unknown) => {
    const c = errorCode(err);
    errors[c] = (errors[c] ?? 0) + 1;
  };
  if (cmd.kind === 'latency') {
    for (let i = 0; i < cmd.warmup; i++) await call().catch(fail);
    for (const k of Object.keys(errors)) delete errors[k];
    const samples = new Float64Array(cmd.calls);
    let n = 0;
    let ok = 0;
    const t0 = now();
    const stopAt = t0 + cmd.maxMs;
    while (n < cmd.calls) {
      const a = now();
      try {
        await call();
        ok++;
      } catch (err) {
        fail(err);
      }
      const b = now();
      samples[n++] = (b - a) * 1000;
      if (b > stopAt) break;
    }
    const elapsedMs = now() - t0;
    const used = samples.subarray(0, n);
    return { kind: 'latency', calls: n, ok, errors, elapsedMs, perSec: (n / elapsedMs) * 1000, latencyUs: percentiles(used), histogram: histogram(used) };
  }
  // Throughput: inFlight loops, each starting its next call when one settles.
  const pump = async (total: number, count: boolean, stopAt: number, state: { started: number; ok: number }) => {
    const lane = async () => {
      while (state.started < total && now() < stopAt) {
        state.started++;
        try {
          await call();
          if (count) state.ok++;
        } catch (err) {
          if (count) fail(err);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, cmd.inFlight) }, lane));
  };
  if (cmd.warmup > 0) await pump(cmd.warmup, false, now() + cmd.maxMs, { started: 0, ok: 0 });
  const state = { started: 0, ok: 0 };
  const t0 = now();
  await pump(cmd.calls, true, t0 + cmd.maxMs, state);
  const elapsedMs = now() - t0;
  return { kind: 'throughput', calls: state.started, ok: state.ok, errors, elapsedMs, perSec: (state.ok / elapsedMs) * 1000, latencyUs: null, histogram: null };
}
