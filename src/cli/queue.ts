// `corral queue`: look into durable queues and act on them from a shell,
// like `celery inspect` / Flower's tables and BullMQ's dashboards' verbs.
// Every command takes --json for scripts; exit codes: 0 done, 1 Redis
// unreachable or the job failed (enqueue --wait), 2 usage.
import { parseArgs } from 'node:util';
import { Queue } from '../queue/producer.js';
import type { JobInfo } from '../broker/broker.js';
import { EXIT } from '../transport/process-state.js';

export const QUEUE_HELP = `Usage: corral queue [--redis URL] [--prefix P] [--json] <command>

Commands:
  stats [QUEUE…]               depths per priority, delayed, dead, consumers and their
                               pending jobs, finished counts (default: every queue)
  jobs QUEUE [--state S]       jobs by state: PENDING, ACTIVE, DELAYED, SUCCESS, FAILURE,
         [--limit N]           REVOKED (default ACTIVE; limit 20)
  job ID                       one job: state, attempts, times, error, result
  dead QUEUE [--limit N]       dead letters, oldest first
  redrive QUEUE                dead letters back into the queue, attempts reset
  enqueue QUEUE TASK [JSON]    enqueue a job (payload JSON, default null)
         [--priority P] [--delay SECS] [--retries N] [--key K] [--wait]
  revoke ID [--terminate]      revoke a job; --terminate cancels it if it runs

Options:
      --redis URL              default $CORRAL_REDIS or redis://127.0.0.1:6379
      --prefix P               key prefix (default corral)
      --json                   machine-readable output
`;

const FLAGS = {
  redis: { type: 'string' }, prefix: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  state: { type: 'string' }, limit: { type: 'string' }, priority: { type: 'string' }, delay: { type: 'string' },
  retries: { type: 'string' }, key: { type: 'string' }, wait: { type: 'boolean' }, terminate: { type: 'boolean' },
} as const;

const STATES = ['PENDING', 'ACTIVE', 'DELAYED', 'SUCCESS', 'FAILURE', 'REVOKED'] as const;

export async function queueCommand(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  let v: ReturnType<typeof parseArgs<{ options: typeof FLAGS; allowPositionals: true }>>;
  try {
    v = parseArgs({ args: argv, options: FLAGS, allowPositionals: true });
  } catch (e) {
    err(`corral queue: ${(e as Error).message}\n\n${QUEUE_HELP}`);
    return EXIT.usage;
  }
  const [cmd, ...args] = v.positionals;
  if (v.values.help || cmd === undefined) { out(QUEUE_HELP); return cmd === undefined && !v.values.help ? EXIT.usage : EXIT.ok; }
  const usage = (m: string) => { err(`corral queue ${cmd}: ${m}\n`); return EXIT.usage; };
  const json = v.values.json === true;
  const limit = v.values.limit === undefined ? 20 : Number(v.values.limit);
  if (!Number.isInteger(limit) || limit < 1) return usage('--limit must be a whole number >= 1');
  let q: Queue;
  try {
    q = await Queue.connect({ ...(v.values.redis ? { redis: v.values.redis } : {}), ...(v.values.prefix ? { prefix: v.values.prefix } : {}) });
  } catch (e) {
    err(`corral queue: ${(e as Error).message}\n`);
    return (e as { code?: string }).code === 'CORRAL_ERR_INVALID_OPTION' ? EXIT.usage : EXIT.error;
  }
  try {
    switch (cmd) {
      case 'stats': {
        const names = args.length ? args : await q.queues();
        const infos = await Promise.all(names.map((n) => q.inspect(n)));
        if (json) { out(JSON.stringify(infos, null, 2) + '\n'); return EXIT.ok; }
        if (!infos.length) { out('no queues yet\n'); return EXIT.ok; }
        out(table(['queue', 'waiting h/n/l', 'active', 'delayed', 'dead', 'success', 'failure', 'revoked', 'consumers'], infos.map((i) => [
          i.queue, i.streams.map((s) => s.waiting).join('/'), String(i.streams.reduce((n, s) => n + s.pending, 0)), String(i.delayed), String(i.dead),
          String(i.finished.SUCCESS ?? 0), String(i.finished.FAILURE ?? 0), String(i.finished.REVOKED ?? 0), String(i.consumers.filter((c) => c.alive).length),
        ])));
        for (const i of infos) {
          if (!i.consumers.length) continue;
          out(`\n${i.queue}: consumers\n`);
          out(table(['consumer', 'alive', 'pending', 'idle ms'], i.consumers.map((c) => [c.name, c.alive ? 'yes' : 'NO', String(c.pending), String(c.idleMs)])));
        }
        return EXIT.ok;
      }
      case 'jobs': {
        if (args.length !== 1) return usage('give one QUEUE');
        const state = (v.values.state ?? 'ACTIVE').toUpperCase();
        if (!(STATES as readonly string[]).includes(state)) return usage(`--state must be one of ${STATES.join(', ')}`);
        const jobs = await q.jobs(args[0]!, state as (typeof STATES)[number], limit);
        if (json) { out(JSON.stringify(jobs.map(plain), null, 2) + '\n'); return EXIT.ok; }
        out(jobs.length ? table(['id', 'task', 'state', 'attempts', 'consumer', 'age s', 'error'], jobs.map((j) => [
          j.id, j.task, j.state, String(j.attempts), j.consumer ?? '', j.created ? ((Date.now() - j.created) / 1000).toFixed(1) : '', j.error ? `${j.error.code}: ${j.error.message}`.slice(0, 60) : '',
        ])) : `no ${state} jobs in ${args[0]}\n`);
        return EXIT.ok;
      }
      case 'job': {
        if (args.length !== 1) return usage('give one job ID');
        const j = await q.job(args[0]!).info();
        if (!j) { err(`corral queue job: ${args[0]} is not in Redis (never enqueued, or its result expired)\n`); return EXIT.error; }
        out(json ? JSON.stringify(plain(j), null, 2) + '\n' : Object.entries(plain(j)).map(([k, x]) => `${k.padEnd(12)} ${typeof x === 'object' ? JSON.stringify(x) : String(x)}\n`).join(''));
        return EXIT.ok;
      }
      case 'dead': {
        if (args.length !== 1) return usage('give one QUEUE');
        const dead = await q.dead(args[0]!, limit);
        if (json) { out(JSON.stringify(dead, null, 2) + '\n'); return EXIT.ok; }
        out(dead.length ? table(['id', 'deliveries', 'at', 'reason'], dead.map((d) => [d.id, String(d.deliveries), new Date(d.at).toISOString(), d.reason.slice(0, 80)])) : `no dead letters in ${args[0]}\n`);
        return EXIT.ok;
      }
      case 'redrive': {
        if (args.length !== 1) return usage('give one QUEUE');
        const ids = await q.redrive(args[0]!);
        out(json ? JSON.stringify(ids) + '\n' : `${ids.length} dead letter(s) back in ${args[0]}\n`);
        return EXIT.ok;
      }
      case 'enqueue': {
        if (args.length < 2 || args.length > 3) return usage('give QUEUE TASK [JSON]');
        let payload: unknown = null;
        if (args[2] !== undefined) { try { payload = JSON.parse(args[2]); } catch (e) { return usage(`the payload is not JSON: ${(e as Error).message}`); } }
        const delay = v.values.delay === undefined ? undefined : Math.round(Number(v.values.delay) * 1000);
        if (delay !== undefined && !(delay >= 0)) return usage('--delay must be a number of seconds');
        const job = await q.enqueue(args[0]!, args[1]!, payload, {
          ...(v.values.priority ? { priority: v.values.priority as 'high' } : {}), ...(delay !== undefined ? { delayMs: delay } : {}),
          ...(v.values.retries !== undefined ? { retries: Number(v.values.retries) } : {}), ...(v.values.key ? { idempotencyKey: v.values.key } : {}),
        });
        if (!v.values.wait) { out(json ? JSON.stringify({ id: job.id, created: job.created }) + '\n' : `${job.id}${job.created ? '' : ' (an existing job with that key)'}\n`); return EXIT.ok; }
        try {
          const result = await job.result();
          out(json ? JSON.stringify({ id: job.id, state: 'SUCCESS', result }) + '\n' : `${job.id} SUCCESS ${JSON.stringify(result)}\n`);
          return EXIT.ok;
        } catch (e) {
          const c = e as { code: string; message: string };
          out(json ? JSON.stringify({ id: job.id, error: { code: c.code, message: c.message } }) + '\n' : `${job.id} ${c.code}: ${c.message}\n`);
          return EXIT.error;
        }
      }
      case 'revoke': {
        if (args.length !== 1) return usage('give one job ID');
        const state = await q.revoke(args[0]!, { terminate: v.values.terminate === true });
        out(json ? JSON.stringify({ id: args[0], state }) + '\n' : `${args[0]}: ${state === 'missing' ? 'not in Redis' : state}\n`);
        return state === 'missing' ? EXIT.error : EXIT.ok;
      }
      default:
        err(`corral queue: unknown command ${JSON.stringify(cmd)}\n\n${QUEUE_HELP}`);
        return EXIT.usage;
    }
  } catch (e) {
    const c = e as { code?: string; message: string };
    err(`corral queue ${cmd}: ${c.code ? `${c.code}: ` : ''}${c.message}\n`);
    return c.code === 'CORRAL_ERR_INVALID_OPTION' ? EXIT.usage : EXIT.error;
  } finally {
    await q.close();
  }
}

/** A job for printing: payload and result decoded when they are text, sizes otherwise. */
function plain(j: JobInfo): Record<string, unknown> {
  const text = (b: Buffer | undefined, ct: string | undefined) => (b === undefined ? undefined : /json|text/.test(ct ?? '') && b.length <= 2048 ? b.toString('utf8') : `<${b.length} bytes ${ct ?? ''}>`);
  const { payload, result, ...rest } = j;
  return { ...rest, payload: text(payload, j.contentType), ...(result ? { result: text(result, j.resultContentType) } : {}) };
}

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(w[i]!)).join('  ').trimEnd() + '\n';
  return line(head) + rows.map(line).join('');
}
