// Builds bench/loadgen.c on first use (and when the source is newer) into
// node_modules/.cache/corral-bench/, and runs it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from './options.js';

export interface Percentiles {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

/** The load generator's one JSON line (bench/loadgen.c print_report). */
export interface LoadgenReport {
  mode: string;
  open: boolean;
  concurrency: number;
  connections: number;
  ok: number;
  failed: number;
  notStarted: number;
  requests: number;
  okRequests: number;
  failedRequests: number;
  bursts: number;
  errors: Record<string, number>;
  perPid: Record<string, number>;
  unattributed: number;
  latencyUs: Percentiles;
  latencyRawUs: Percentiles;
  correctionIntervalUs: number;
  wallMs: number;
  /** Time with connections open (in burst mode: the bursts without the pauses). */
  busyMs: number;
  cpuUserMs: number;
  cpuSysMs: number;
}

// Not under build/: `node-gyp rebuild` empties that directory.
export function loadgenDir(root: string): string {
  return join(root, 'node_modules', '.cache', 'corral-bench');
}

export function loadgenPath(root: string): string {
  return join(loadgenDir(root), 'loadgen');
}

/** Compiles the load generator unless an up-to-date binary exists. Throws with the compiler's output. */
export function buildLoadgen(root: string): string {
  const src = join(root, 'bench', 'loadgen.c');
  const out = loadgenPath(root);
  if (existsSync(out) && statSync(out).mtimeMs >= statSync(src).mtimeMs) return out;
  mkdirSync(loadgenDir(root), { recursive: true });
  const cc = process.env.CC || 'cc';
  // Build to a temporary name: two runs compiling at once must not run a half-written binary.
  const tmp = `${out}.${process.pid}.tmp`;
  const r = spawnSync(cc, ['-O2', '-Wall', '-o', tmp, src], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(`cannot build the load generator (${cc} -O2 -Wall -o ${out} bench/loadgen.c): ${r.error?.message ?? ''}${r.stderr ?? ''}`);
  }
  renameSync(tmp, out);
  return out;
}

export interface LoadRun {
  port: number;
  scenario: Scenario;
  /** Overrides the scenario's connection count (warm-up). */
  connections?: number;
  concurrency?: number;
  maxSeconds: number;
  timeoutMs?: number;
}

export function loadgenArgs(run: LoadRun): string[] {
  const sc = run.scenario;
  const k = run.concurrency ?? sc.concurrency;
  const n = run.connections ?? sc.connections;
  const args = ['--host', '127.0.0.1', '--port', String(run.port), '--path', sc.path, '--mode', sc.mode, '--concurrency', String(k), '--max-seconds', String(run.maxSeconds), '--timeout-ms', String(run.timeoutMs ?? 10_000)];
  if (sc.mode === 'close') {
    args.push('--connections', String(n));
    if (sc.rate > 0) args.push('--rate', String(sc.rate));
  } else if (sc.mode === 'keepalive') {
    args.push('--requests', String(Math.max(1, Math.ceil(n / k))));
  } else {
    args.push('--bursts', String(Math.max(1, Math.round(n / k))), '--pause-ms', String(sc.pauseMs));
  }
  return args;
}

const running = new Set<ChildProcess>();

/** SIGKILLs any load generator still running. Synchronous: safe in an 'exit' handler. */
export function killAllLoadgens(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** Runs the load generator once; rejects if it does not print its report. */
export function runLoadgen(bin: string, run: LoadRun): Promise<LoadgenReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, loadgenArgs(run), { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    child.on('exit', () => running.delete(child));
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    // The generator bounds itself with --max-seconds; this is the backstop.
    const kill = setTimeout(() => child.kill('SIGKILL'), (run.maxSeconds + 15) * 1000);
    child.on('error', (e) => {
      clearTimeout(kill);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(kill);
      const line = out.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve(JSON.parse(line) as LoadgenReport);
      } catch (e) {
        reject(new Error(`load generator failed (${(e as Error).message}): ${err.trim() || line}`));
      }
    });
  });
}
