// Starting and stopping the pools under test. Every pool runs in its own
// process group, so stopping it (or a crash of the benchmark) can kill the
// whole tree with one signal; `killAllPools` is wired to process exit.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Strategy } from './options.js';
import { processTree } from '../common/proc.js';
import { nginxArgs, nginxConfig, type NginxInfo, type NginxMode } from '../peers/nginx.js';

export type PoolKind = 'corral' | 'node' | 'nginx';

export interface PoolContext {
  root: string;
  corralConfig: string | undefined;
  nginx: NginxInfo | undefined;
  /** Node binary for the node:cluster peers (default: this one). */
  nodeBin: string;
  /** The corral CLI entry point to run (the compiled dist/cli/main.js); default bin/corral.mjs. */
  corralCli?: string | undefined;
}

export interface Pool {
  strategy: Strategy;
  kind: PoolKind;
  workers: number;
  port: number;
  /** The arbiter / cluster primary / nginx master. */
  leader: number;
  /** The workers when the pool became ready. */
  workerPids: number[];
  /** The workers now (a replaced worker shows up here). */
  currentWorkers(): number[];
  /** Where corral processes dump their counters on SIGWINCH (corral pools only). */
  countersDir: string | undefined;
  log(): string;
  stop(): Promise<void>;
}

/**
 * The benchmark measures accepting, not booting: on a loaded 2-core machine
 * 32 workers starting at once can miss the default 10 s handshake timeout
 * and the pool halts. So corral pools get a 60 s handshake timeout, under
 * the user's --corral-config (whose settings win).
 */
export const BENCH_CORRAL_DEFAULTS = { handshakeTimeoutMs: 60_000 };

function corralConfigFile(dir: string, user: string | undefined): string {
  const file = join(dir, 'corral.config.mjs');
  const base = JSON.stringify(BENCH_CORRAL_DEFAULTS);
  let body: string;
  if (!user) body = `export default ${base};\n`;
  else if (user.endsWith('.json')) body = `export default { ...${base}, ...${JSON.stringify(JSON.parse(readFileSync(user, 'utf8')))} };\n`;
  else body = `import user from ${JSON.stringify(pathToFileURL(user).href)};\nexport default { ...${base}, ...user };\n`;
  writeFileSync(file, body);
  return file;
}

/** Running pools and their temporary directories. */
const live = new Map<ChildProcess, string>();

/** SIGKILLs every pool's process group that is still around and removes its files. Synchronous: safe in an 'exit' handler. */
export function killAllPools(): void {
  for (const [child, temp] of live) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(temp, { recursive: true, force: true });
  }
  live.clear();
}

export function kindOf(strategy: Strategy): PoolKind {
  if (strategy.startsWith('nginx-')) return 'nginx';
  if (strategy.startsWith('cluster-') || strategy === 'node-reuseport' || strategy === 'shared-fd') return 'node';
  return 'corral';
}

/** A port that was free a moment ago (for pools that cannot report the one they bound). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

export async function startPool(strategy: Strategy, workers: number, ctx: PoolContext, timeoutMs = 90_000): Promise<Pool> {
  const kind = kindOf(strategy);
  const temp = mkdtempSync(join(tmpdir(), `corral-herd-${strategy}-`));
  let countersDir: string | undefined;
  let cmd: string;
  let args: string[];
  let port = 0;
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS;
  if (kind === 'corral') {
    countersDir = join(temp, 'counters');
    env.CORRAL_COUNTERS_DIR = countersDir;
    cmd = process.execPath;
    args = [ctx.corralCli ?? join(ctx.root, 'bin/corral.mjs'), 'run', '--workers', String(workers), '--bind', '127.0.0.1:0', '--accept', strategy, '--log-level', 'info'];
    args.push('--config', corralConfigFile(temp, ctx.corralConfig));
    args.push(join(ctx.root, 'fixtures/apps/hello.mjs'));
    mkdirSync(countersDir);
  } else if (kind === 'node') {
    port = await freePort();
    cmd = ctx.nodeBin;
    const script = strategy === 'node-reuseport' ? 'reuseport.mjs' : strategy === 'shared-fd' ? 'shared-fd.mjs' : 'cluster.mjs';
    args = [join(ctx.root, 'bench/peers', script), '--workers', String(workers), '--port', String(port)];
    if (strategy.startsWith('cluster-')) env.NODE_CLUSTER_SCHED_POLICY = strategy === 'cluster-rr' ? 'rr' : 'none';
  } else {
    if (!ctx.nginx) throw new Error('nginx is not available');
    port = await freePort();
    const mode = strategy.slice('nginx-'.length) as NginxMode;
    const conf = join(temp, 'nginx.conf');
    writeFileSync(conf, nginxConfig({ workers, mode, port, prefix: temp, info: ctx.nginx }));
    cmd = ctx.nginx.bin;
    args = nginxArgs(ctx.nginx, temp, conf);
  }

  const child = spawn(cmd, args, { cwd: ctx.root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  live.set(child, temp);
  let out = '';
  const keep = (d: Buffer) => {
    out += d.toString();
    if (out.length > 256 * 1024) out = out.slice(-128 * 1024);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let gone = false;
  child.on('exit', () => (gone = true));
  child.on('error', (e) => {
    out += `\nspawn error: ${e.message}\n`;
    gone = true;
  });

  const stop = async () => {
    if (!gone && child.pid) {
      // corral: SIGINT is the immediate stop; the Node peers and nginx stop fast on SIGTERM.
      try {
        process.kill(child.pid, kind === 'corral' ? 'SIGINT' : 'SIGTERM');
      } catch {
        // gone
      }
      await Promise.race([exited, sleep(3000)]);
    }
    // Whatever is left of the group (a worker that outlived its leader) goes too.
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group is empty
    }
    if (!gone) await Promise.race([exited, sleep(2000)]);
    live.delete(child);
    rmSync(temp, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (gone) throw new Error(`${strategy} pool exited before it was ready:\n${out.length > 12_000 ? `${out.slice(0, 4000)}\n…\n${out.slice(-8000)}` : out}`);
      if (Date.now() > deadline) throw new Error(`${strategy} pool with ${workers} workers not ready in ${timeoutMs / 1000} s:\n${out.slice(-4000)}`);
      if (kind === 'nginx') {
        const tree = processTree(child.pid!);
        if (tree.length - 1 >= workers && (await canConnect(port))) break;
      } else {
        const m = /listening at (\S+?):(\d+)(?:,| |$)/m.exec(out);
        const ready = (out.match(/\(pid \d+\) ready$/gm) ?? []).length;
        if (m && ready >= workers) {
          port = Number(m[2]);
          break;
        }
      }
      await sleep(50);
    }
    // Workers are what the pool says they are: the leader's children also
    // include helpers (tsx's esbuild service under the corral arbiter).
    const currentWorkers = () => {
      const tree = new Set(processTree(child.pid!).slice(1));
      if (kind === 'nginx') return [...tree];
      const said = [...out.matchAll(/\(pid (\d+)\) ready$/gm)].map((m) => Number(m[1]));
      return [...new Set(said)].filter((p) => tree.has(p));
    };
    return { strategy, kind, workers, port, leader: child.pid!, workerPids: currentWorkers(), currentWorkers, countersDir, log: () => out, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
