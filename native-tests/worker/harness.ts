// Real-process harness for the worker runtime: the test plays the arbiter.
// It builds the worker's initial process state (listeners at fds 3.., the
// control socketpair end after them, the handoff seqpacket end after that,
// CORRAL_* / LISTEN_* env), spawns
//
//   node --import tsx src/worker/bootstrap.ts fixtures/apps/hello.mjs
//
// and speaks the protocol over the control channel with FakeArbiter.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Duplex } from 'node:stream';
import { corral } from '../../src/protocol/codec.js';
import { FakeArbiter } from '../../src/worker/test-support.js';
import type { StrategyName } from '../../src/transport/process-state.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const bootstrap = join(root, 'src/worker/bootstrap.ts');
export const helloApp = join(root, 'fixtures/apps/hello.mjs');

const WIRE_STRATEGY: Record<StrategyName, corral.v1.AcceptStrategy> = {
  arbiter: corral.v1.AcceptStrategy.ACCEPT_STRATEGY_ARBITER,
  shared: corral.v1.AcceptStrategy.ACCEPT_STRATEGY_SHARED,
  exclusive: corral.v1.AcceptStrategy.ACCEPT_STRATEGY_EXCLUSIVE,
  reuseport: corral.v1.AcceptStrategy.ACCEPT_STRATEGY_REUSEPORT,
  handoff: corral.v1.AcceptStrategy.ACCEPT_STRATEGY_HANDOFF,
};

export interface SpawnOptions {
  strategy: StrategyName;
  listenFds?: number[];
  /** The worker's end of the handoff seqpacket pair. */
  handoffFd?: number;
  id?: number;
  /** Program and args after `node`; default the bootstrap serving hello.mjs. */
  args?: string[];
  /** Extra env (wins over the protocol variables). */
  env?: NodeJS.ProcessEnv;
  /** Give the child a control channel (default true). */
  control?: boolean;
}

export interface Worker {
  child: ChildProcess;
  pid: number;
  arbiter: FakeArbiter | undefined;
  output: () => string;
  /** Resolves with the exit code (128+signal for a signal). */
  exited: Promise<number>;
  /** Hello -> Welcome -> Ready. */
  handshake(welcome?: Partial<corral.v1.Welcome.$Properties>): Promise<void>;
}

const live = new Set<ChildProcess>();

/** Kills every worker still running (SIGKILL, by pid). Call from test.after.each. */
export function killAll(): void {
  for (const c of live) {
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }
  live.clear();
}
process.on('exit', killAll);

function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('CORRAL_') && !k.startsWith('LISTEN_')) env[k] = v;
  }
  return env;
}

export function spawnWorker(o: SpawnOptions): Worker {
  const listenFds = o.listenFds ?? [];
  const n = listenFds.length;
  const withControl = o.control ?? true;
  const stdio: ('pipe' | 'ignore' | number)[] = ['ignore', 'pipe', 'pipe', ...listenFds];
  if (withControl) stdio.push('pipe');
  if (o.handoffFd !== undefined) stdio.push(o.handoffFd);
  const id = o.id ?? 1;
  const env: NodeJS.ProcessEnv = {
    ...baseEnv(),
    CORRAL_PROTOCOL: '1',
    CORRAL_WORKER_ID: String(id),
    CORRAL_ACCEPT: o.strategy,
    CORRAL_ARBITER_PID: String(process.pid),
    ...(withControl ? { CORRAL_CONTROL_FD: String(3 + n) } : {}),
    ...(o.handoffFd !== undefined ? { CORRAL_HANDOFF_FD: String(3 + n + 1) } : {}),
    ...(n > 0 ? { LISTEN_FDS: String(n), LISTEN_FDNAMES: listenFds.map((_, i) => `l${i}`).join(':') } : {}),
    ...o.env,
  };
  const args = o.args ?? ['--import', 'tsx', bootstrap, helloApp];
  // LISTEN_PID is the worker's own pid, known only after the fork: a shell
  // sets it and execs the program, keeping its pid (spec section 2.2).
  const setPid = n > 0 && !(o.env && 'LISTEN_PID' in o.env);
  const child = setPid
    ? spawn('/bin/sh', ['-c', 'LISTEN_PID=$$; export LISTEN_PID; exec "$0" "$@"', process.execPath, ...args], { cwd: root, env, stdio })
    : spawn(process.execPath, args, { cwd: root, env, stdio });
  live.add(child);
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1))));
  const control = withControl ? (child.stdio[3 + n] as Duplex) : undefined;
  const arbiter = control ? new FakeArbiter(control) : undefined;
  return {
    child,
    pid: child.pid as number,
    arbiter,
    output: () => out,
    exited,
    async handshake(welcome = {}) {
      if (!arbiter) throw new Error('no control channel');
      const hello = await arbiter.next('hello', 10_000).catch((err: Error) => {
        throw new Error(`${err.message}; worker output:\n${out}`);
      });
      arbiter.send({
        kind: 'welcome',
        body: {
          version: { major: 1, minor: 0 },
          workerId: id,
          heartbeatIntervalMs: 200,
          heartbeatTimeoutMs: 5000,
          maxFrameBytes: 65536,
          strategy: WIRE_STRATEGY[o.strategy],
          listeners: listenFds.map((_, i) => ({ index: i, name: `l${i}` })),
          features: hello.body.features,
          generation: 1,
          ...welcome,
        },
      });
      await arbiter.nextOf('ready', 10_000);
    },
  };
}

/** One GET on a fresh connection; resolves with status, headers and body. */
export function get(port: number, path = '/', timeoutMs = 4000): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

/** Resolves with `p`, or rejects after `ms`. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
    }),
  ]);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
