// What Redis itself counts over a run, read on an admin connection of the
// driver: INFO commandstats (calls per command, calls made inside Lua scripts
// included), INFO stats (bytes in and out) and INFO cpu (the server's CPU).
// Commands run inside scripts cannot be told apart from the client's own in
// these counters (total_commands_processed counts both), so a second, untimed
// pass watches with MONITOR, which marks each script call with source "lua",
// and attributes each top-level command to the producer (a connection of this
// process) or to the consumers (any other connection).
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { Redis } from 'ioredis';

/** Commands of the bench's own admin connection, left out of every count. */
const ADMIN = new Set(['info', 'config|resetstat', 'config', 'flushall', 'monitor', 'client|list', 'client|setname', 'client', 'ping', 'hello', 'command', 'command|docs']);

export interface CommandCounts {
  /** Calls over the run, by command (lower case; subcommands as `client|setname`). */
  byCommand: Record<string, number>;
  calls: number;
  netInBytes: number;
  netOutBytes: number;
  /** Reads from client sockets that redis-server processed (INFO stats total_reads_processed): requests as they arrive, a pipeline of many commands read at once counting once. */
  reads: number;
  /** Writes to client sockets (replies, pub/sub messages, MONITOR lines). */
  writes: number;
  /** CPU the redis-server process used, ms (user + system). */
  cpuMs: number;
}

export interface MonitorCounts {
  /** Commands the clients sent, by command. */
  topLevel: Record<string, number>;
  /** Commands run inside Lua scripts, by command. */
  lua: Record<string, number>;
  /** Top-level commands from this process's connections (the producer, waiting for results too) and from every other (the consumers). */
  producer: number;
  consumer: number;
}

export function parseInfo(text: string): Record<string, string> {
  const o: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0 && !line.startsWith('#')) o[line.slice(0, i)] = line.slice(i + 1);
  }
  return o;
}

export function parseCommandStats(text: string): Record<string, number> {
  const o: Record<string, number> = {};
  for (const m of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    const name = m[1]!.toLowerCase();
    if (!ADMIN.has(name)) o[name] = Number(m[2]);
  }
  return o;
}

export const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);

const cpuMs = (info: Record<string, string>) => (Number(info.used_cpu_user ?? 0) + Number(info.used_cpu_sys ?? 0)) * 1000;

/** The admin connection: FLUSHALL, CONFIG RESETSTAT and INFO around each run. */
export class RedisAdmin {
  readonly redis: Redis;
  constructor(readonly url: string) {
    this.redis = new Redis(url, { connectionName: 'bench-admin', maxRetriesPerRequest: 3, enableAutoPipelining: false });
    this.redis.on('error', () => {});
  }

  async flushAll(): Promise<void> {
    await this.redis.flushall();
  }

  async server(): Promise<Record<string, string>> {
    return parseInfo(await this.redis.info('server'));
  }

  /** Resets the counters, runs fn, and returns what Redis counted meanwhile. */
  async around<T>(fn: () => Promise<T>): Promise<{ value: T; counts: CommandCounts }> {
    const cpu0 = cpuMs(parseInfo(await this.redis.info('cpu')));
    await this.redis.config('RESETSTAT');
    const value = await fn();
    // One INFO for every section read: CONFIG RESETSTAT's own read and this one are the admin's (2 reads, 1 write), taken off below.
    const all = await this.redis.info('all');
    const byCommand = parseCommandStats(all);
    const stats = parseInfo(all);
    return {
      value,
      counts: {
        byCommand, calls: sum(byCommand), netInBytes: Number(stats.total_net_input_bytes ?? 0), netOutBytes: Number(stats.total_net_output_bytes ?? 0),
        reads: Math.max(0, Number(stats.total_reads_processed ?? 0) - 2), writes: Math.max(0, Number(stats.total_writes_processed ?? 0) - 1), cpuMs: cpuMs(stats) - cpu0,
      },
    };
  }

  /** redis-server's CPU so far, ms. */
  async cpuMs(): Promise<number> {
    return cpuMs(parseInfo(await this.redis.info('cpu')));
  }

  /**
   * Runs fn with a MONITOR connection open and counts what it sees: each
   * command a client sent, and each command a script ran ("lua"). MONITOR
   * slows Redis down; this pass is never timed. The connection is a plain
   * socket: MONITOR lines may follow its OK in the same read, before a
   * client library has switched to monitor mode.
   */
  async monitor<T>(fn: () => Promise<T>): Promise<{ value: T; counts: MonitorCounts }> {
    const u = new URL(this.url);
    const port = Number(u.port || 6379);
    const topLevel: Record<string, number> = {};
    const lua: Record<string, number> = {};
    const bySource = new Map<string, number>();
    const MARK = `bench-monitor-end-${process.pid}-${Date.now()}`;
    let marked: () => void = () => {};
    const seen = new Promise<void>((resolve) => (marked = resolve));
    let ok: () => void = () => {};
    let fail: (err: Error) => void = () => {};
    const monitoring = new Promise<void>((resolve, reject) => { ok = resolve; fail = reject; });
    let done = false;
    let oks = 0;
    const socket = connect({ host: u.hostname, port });
    socket.setNoDelay(true);
    socket.on('error', (err) => fail(err));
    let buf = '';
    socket.on('data', (chunk: Buffer) => {
      buf += chunk.toString('latin1');
      let nl: number;
      while ((nl = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        if (line === '+OK') { if (++oks >= (u.password ? 2 : 1)) ok(); continue; }
        if (line.startsWith('-')) { fail(new Error(`MONITOR: ${line.slice(1)}`)); continue; }
        if (done || !line.startsWith('+')) continue;
        const m = /^\+\S+ \[\d+ ([^\]]+)\] "((?:[^"\\]|\\.)*)"(?: "((?:[^"\\]|\\.)*)")?/.exec(line);
        if (!m) continue;
        const source = m[1]!;
        const name = m[2]!.toLowerCase();
        if (name === 'echo' && m[3] === MARK) { done = true; marked(); continue; }
        if (source === 'lua') { lua[name] = (lua[name] ?? 0) + 1; continue; }
        if (ADMIN.has(name)) continue;
        topLevel[name] = (topLevel[name] ?? 0) + 1;
        bySource.set(source, (bySource.get(source) ?? 0) + 1);
      }
    });
    const resp = (...args: string[]) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
    try {
      if (u.password) socket.write(resp('AUTH', ...(u.username ? [decodeURIComponent(u.username)] : []), decodeURIComponent(u.password)));
      socket.write(resp('MONITOR'));
      // Monitoring has begun once MONITOR's OK arrives (with a password, the second OK).
      await Promise.race([monitoring, new Promise((_, reject) => setTimeout(() => reject(new Error('MONITOR: no answer within 5 s')), 5000))]);
      const value = await fn();
      // Every command sent before this one has been seen once its echo arrives.
      await this.redis.echo(MARK);
      await Promise.race([seen, new Promise((r) => setTimeout(r, 5000))]);
      const own = ownPorts(port);
      let producer = 0;
      let consumer = 0;
      for (const [source, n] of bySource) {
        const p = Number(source.slice(source.lastIndexOf(':') + 1));
        if (own.has(p)) producer += n; else consumer += n;
      }
      return { value, counts: { topLevel, lua, producer, consumer } };
    } finally {
      socket.destroy();
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** Local ports of this process's TCP connections to `port` (from /proc/net/tcp{,6} and /proc/self/fd). */
export function ownPorts(port: number): Set<number> {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync('/proc/self/fd')) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`));
        if (m) inodes.add(m[1]!);
      } catch {
        // closed meanwhile
      }
    }
  } catch {
    return new Set();
  }
  const out = new Set<number>();
  for (const file of ['/proc/self/net/tcp', '/proc/self/net/tcp6']) {
    let text = '';
    try { text = readFileSync(file, 'utf8'); } catch { continue; }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10) continue;
      const local = parseInt(f[1]!.split(':')[1]!, 16);
      const remote = parseInt(f[2]!.split(':')[1]!, 16);
      if (remote === port && inodes.has(f[9]!)) out.add(local);
    }
  }
  return out;
}
