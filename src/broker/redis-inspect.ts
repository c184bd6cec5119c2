// Looking into the queues of one Redis (spec.md section 13): depths,
// consumers, jobs by state, dead letters, and sending dead letters back.
// Read-mostly; none of it is on a job's path.
import type { Redis } from 'ioredis';
import type { QueueInfo } from './redis.js';

/** The key prefix and the consumer group. */
export interface Names {
  readonly prefix: string;
  readonly group: string;
}

/** Every queue a producer has used (P:queues). */
export async function queues(r: Redis, b: Names): Promise<string[]> {
  return (await r.smembers(`${b.prefix}:queues`)).sort();
}

/** Depths per priority, consumers with their pending entries, delayed, dead and finished counts of one queue. */
export async function inspect(r: Redis, b: Names, queue: string): Promise<QueueInfo> {
  const p = `${b.prefix}:q:${queue}`;
  const streams: QueueInfo['streams'] = [];
  const consumers = new Map<string, { pending: number; idleMs: number; alive: boolean }>();
  for (let pri = 0; pri < 3; pri++) {
    const sk = `${p}:s:${pri}`;
    const length = await r.xlen(sk);
    let pending = 0;
    let lag = length;
    if (length > 0 || (await r.exists(sk))) {
      try {
        const groups = (await r.xinfo('GROUPS', sk)) as unknown[][];
        for (const g of groups) {
          const o = pairs(g);
          if (o.name === b.group) { pending = Number(o.pending); lag = o.lag === null || o.lag === undefined ? length - pending : Number(o.lag); }
        }
        for (const c of (await r.xinfo('CONSUMERS', sk, b.group)) as unknown[][]) {
          const o = pairs(c);
          const name = String(o.name);
          const prev = consumers.get(name) ?? { pending: 0, idleMs: Number(o.idle), alive: false };
          prev.pending += Number(o.pending);
          prev.idleMs = Math.min(prev.idleMs, Number(o.idle));
          consumers.set(name, prev);
        }
      } catch { /* no group yet */ }
    }
    streams.push({ priority: (['high', 'normal', 'low'] as const)[pri]!, length, waiting: Math.max(0, lag), pending });
  }
  for (const [name, c] of consumers) c.alive = (await r.exists(`${b.prefix}:alive:${name}`)) === 1;
  const counts: Record<string, number> = {};
  for (const s of ['SUCCESS', 'FAILURE', 'REVOKED']) counts[s] = await r.zcard(`${p}:z:${s}`);
  return {
    queue, streams, delayed: await r.zcard(`${p}:delayed`), dead: await r.xlen(`${p}:dead`),
    consumers: [...consumers].map(([name, c]) => ({ name, ...c })), finished: counts,
  };
}

/** The latest ids that ended in a final state, newest first; or the delayed ones, soonest first. */
export async function ids(r: Redis, b: Names, queue: string, state: 'SUCCESS' | 'FAILURE' | 'REVOKED' | 'DELAYED', limit: number): Promise<string[]> {
  const p = `${b.prefix}:q:${queue}`;
  if (state === 'DELAYED') return r.zrange(`${p}:delayed`, 0, limit - 1);
  return r.zrevrange(`${p}:z:${state}`, 0, limit - 1);
}

/**
 * Ids of jobs waiting in the streams (PENDING: after the group's last
 * delivered entry) or handed to a consumer and not finished (ACTIVE: the
 * group's pending entries), high priority first.
 */
export async function streamIds(r: Redis, b: Names, queue: string, which: 'PENDING' | 'ACTIVE', limit: number): Promise<{ id: string; consumer?: string }[]> {
  const out: { id: string; consumer?: string }[] = [];
  for (let pri = 0; pri < 3 && out.length < limit; pri++) {
    const sk = `${b.prefix}:q:${queue}:s:${pri}`;
    if (!(await r.exists(sk))) continue;
    const idOf = (f: string[]) => { for (let i = 0; i < f.length; i += 2) if (f[i] === 'id') return f[i + 1]!; return ''; };
    if (which === 'PENDING') {
      let last = '0-0';
      try {
        for (const g of (await r.xinfo('GROUPS', sk)) as unknown[][]) { const o = pairs(g); if (o.name === b.group) last = String(o['last-delivered-id']); }
      } catch { /* no group: everything waits */ }
      for (const [, f] of await r.xrange(sk, `(${last}`, '+', 'COUNT', limit - out.length)) out.push({ id: idOf(f) });
    } else {
      const pend = (await r.xpending(sk, b.group, '-', '+', limit - out.length).catch(() => [])) as [string, string, number, number][];
      for (const [entry, consumer] of pend) {
        const e = await r.xrange(sk, entry, entry);
        out.push({ id: idOf(e[0]?.[1] ?? []), consumer });
      }
    }
  }
  return out;
}

/**
 * Dead letters back to their queue (after the cause is fixed): each job
 * whose hash still exists is reset (attempts and deliveries 0) and
 * enqueued again; the dead entries go. Returns the jobs moved.
 */
export async function redrive(r: Redis, b: Names, queue: string, limit: number): Promise<string[]> {
  const dk = `${b.prefix}:q:${queue}:dead`;
  const moved: string[] = [];
  for (const [entry, f] of await r.xrange(dk, '-', '+', 'COUNT', limit)) {
    const o = pairs(f);
    const id = String(o.id ?? '');
    const jk = `${b.prefix}:j:${id}`;
    const pri = id ? await r.hget(jk, 'pri') : null;
    const m = r.multi().xdel(dk, entry);
    if (id && (await r.exists(jk))) {
      m.hset(jk, 'state', 'PENDING', 'attempts', 0, 'deliveries', 0).hdel(jk, 'ecode', 'emsg', 'finished').persist(jk)
        .zrem(`${b.prefix}:q:${queue}:z:FAILURE`, id)
        .xadd(`${b.prefix}:q:${queue}:s:${pri ?? '1'}`, '*', 'id', id, 'v', '1');
      moved.push(id);
    }
    await m.exec();
  }
  return moved;
}

/** Dead letters, oldest first. */
export async function dead(r: Redis, b: Names, queue: string, limit: number): Promise<{ entry: string; id: string; reason: string; deliveries: number; at: number }[]> {
  const entries = await r.xrange(`${b.prefix}:q:${queue}:dead`, '-', '+', 'COUNT', limit);
  return entries.map(([entry, f]) => { const o = pairs(f); return { entry, id: String(o.id ?? ''), reason: String(o.reason ?? ''), deliveries: Number(o.deliveries ?? 0), at: Number(o.at ?? 0) }; });
}

/** A Redis reply of alternating names and values, as an object. */
export function pairs(a: unknown[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (let i = 0; i + 1 < a.length; i += 2) o[String(a[i])] = a[i + 1];
  return o;
}
