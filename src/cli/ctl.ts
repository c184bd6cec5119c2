// `corral ctl`: read and steer a running arbiter through its control socket
// (spec.md section 14), as `gunicornc` and `pm2` do.
import { parseArgs } from 'node:util';
import { ControlClient } from '../control/client.js';
import { findControlSocket } from '../control/paths.js';
import { CorralError } from '../errors.js';
import { JOB_STATES, type JobInfo, type JobList, type PoolStatus, type TasksStatus } from '../protocol/control.js';
import { bytes, count, cpu, duration, micros, table } from './format.js';

export const CTL_HELP = `Usage: corral ctl [--socket PATH | --pidfile FILE] [--json] <command>

Commands:
  status                 the pool: workers with pid, state, in-flight, accepted,
                         accepts/s, p99, CPU, memory, heartbeat age, age; restarts
  workers N              run N socket workers (like TTIN/TTOU, to a number)
  workers N --task [--app NAME]
                         run N task workers (of one task app, or all)
  reload                 start a new generation of workers; the old one drains (HUP)
  stop [--graceful] [--wait]
                         stop the pool: at once (QUIT), or --graceful: drain first
                         (TERM); --wait returns when the arbiter has exited
  reopen-logs            reopen the log file and tell the workers (USR1)
  tasks                  task apps: queued, in flight, outcomes, wait and run times;
                         the durable-queue consumer and queue depths
  jobs [--state S] [--app A] [--limit N] [--id ID]
                         task jobs waiting, running and recently ended, newest
                         first; S is one of ${JOB_STATES.join(', ')}

Options:
  -s, --socket PATH      the control socket (default: next to --pidfile, else
                         $CORRAL_CONTROL_SOCKET, else the only arbiter of this user)
  -p, --pidfile FILE     the pidfile given to corral run --pidfile
      --json             print the reply as JSON
      --timeout SECS     wait this long for the arbiter (default 5)
  -h, --help             show this help

Exit codes: 0 done, 1 the arbiter refused the request (the message says why),
2 bad usage, 3 no arbiter could be reached.
`;

const EXIT = { ok: 0, refused: 1, usage: 2, unreachable: 3 } as const;

const FLAGS = {
  socket: { type: 'string', short: 's' },
  pidfile: { type: 'string', short: 'p' },
  json: { type: 'boolean' },
  timeout: { type: 'string' },
  task: { type: 'boolean' },
  app: { type: 'string' },
  graceful: { type: 'boolean' },
  wait: { type: 'boolean' },
  state: { type: 'string' },
  limit: { type: 'string' },
  id: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Out = { write(s: string): unknown };

/** `corral ctl …`: returns the exit code. */
export async function ctl(argv: string[], out: Out = process.stdout, err: Out = process.stderr): Promise<number> {
  let values: Partial<Record<keyof typeof FLAGS, string | boolean>>;
  let rest: string[];
  try {
    const p = parseArgs({ args: argv, options: FLAGS, allowPositionals: true, strict: true });
    values = p.values;
    rest = p.positionals;
  } catch (e) {
    err.write(`corral ctl: ${(e as Error).message}\n(see corral ctl --help)\n`);
    return EXIT.usage;
  }
  const [command, ...args] = rest;
  if (values.help || command === 'help') {
    out.write(CTL_HELP);
    return EXIT.ok;
  }
  if (!command) {
    err.write(CTL_HELP);
    return EXIT.usage;
  }
  const usage = (message: string) => {
    err.write(`corral ctl ${command}: ${message}\n(see corral ctl --help)\n`);
    return EXIT.usage;
  };
  const int = (name: string, v: unknown, min: number): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    return Number.isInteger(n) && n >= min ? n : NaN;
  };
  const timeoutMs = values.timeout === undefined ? 5000 : Number(values.timeout) * 1000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return usage(`--timeout must be a positive number of seconds, got ${JSON.stringify(values.timeout)}`);
  const json = values.json === true;

  // Check the command line before reaching out to the arbiter.
  let run: (c: ControlClient) => Promise<number>;
  switch (command) {
    case 'status':
      run = async (c) => print(out, json, await c.status(), renderStatus);
      break;
    case 'workers': {
      const n = int('N', args[0], 1);
      if (args.length !== 1 || n === undefined || Number.isNaN(n)) return usage(`expects one positive integer, got ${JSON.stringify(args.join(' '))}`);
      if (values.app && !values.task) return usage('--app is for task workers: add --task');
      run = async (c) => done(out, json, await c.scale(values.task ? 'task' : 'socket', n, values.app as string | undefined));
      break;
    }
    case 'reload':
      run = async (c) => done(out, json, await c.reload());
      break;
    case 'stop':
      run = async (c) => {
        const code = done(out, json, await c.stop(values.graceful === true));
        if (values.wait) await closed(c);
        return code;
      };
      break;
    case 'reopen-logs':
      run = async (c) => done(out, json, await c.reopenLogs());
      break;
    case 'tasks':
      run = async (c) => print(out, json, await c.tasks(), renderTasks);
      break;
    case 'jobs': {
      const limit = int('limit', values.limit, 1);
      const id = int('id', values.id, 1);
      if (Number.isNaN(limit)) return usage(`--limit must be a positive integer, got ${JSON.stringify(values.limit)}`);
      if (Number.isNaN(id)) return usage(`--id must be a positive integer, got ${JSON.stringify(values.id)}`);
      if (values.state && !(JOB_STATES as readonly string[]).includes(values.state as string)) return usage(`--state must be one of ${JOB_STATES.join(', ')}`);
      const q = { ...(values.state ? { state: values.state as string } : {}), ...(values.app ? { app: values.app as string } : {}), ...(limit ? { limit } : {}), ...(id ? { id } : {}) };
      run = async (c) => print(out, json, await c.jobs(q), id ? renderJob : renderJobs);
      break;
    }
    default:
      err.write(`corral ctl: unknown command ${JSON.stringify(command)}\n\n${CTL_HELP}`);
      return EXIT.usage;
  }
  if (args.length > 0 && command !== 'workers') return usage(`unexpected ${JSON.stringify(args.join(' '))}`);

  let client: ControlClient;
  try {
    const path = findControlSocket({ socket: values.socket as string | undefined, pidfile: values.pidfile as string | undefined });
    client = await ControlClient.connect(path, { timeoutMs });
  } catch (e) {
    err.write(`corral ctl: ${(e as Error).message}\n`);
    return EXIT.unreachable;
  }
  try {
    return await run(client);
  } catch (e) {
    const ce = e as CorralError;
    if (json) out.write(`${JSON.stringify({ error: { code: ce.code, message: ce.message } })}\n`);
    err.write(`corral ctl ${command}: ${ce.code ? `${ce.code}: ` : ''}${ce.message}\n`);
    return ce.code === 'CORRAL_ERR_CONTROL_CLOSED' || ce.code === 'CORRAL_ERR_CONTROL_TIMEOUT' ? EXIT.unreachable : EXIT.refused;
  } finally {
    client.close();
  }
}

function print<T>(out: Out, json: boolean, value: T, render: (v: T) => string): number {
  out.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${render(value)}\n`);
  return EXIT.ok;
}

function done(out: Out, json: boolean, message: string): number {
  out.write(json ? `${JSON.stringify({ done: message })}\n` : `${message}\n`);
  return EXIT.ok;
}

/** Resolves when the arbiter closes the connection (it has stopped), or after two minutes. */
function closed(c: ControlClient): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, 120_000);
    const poll = setInterval(() => {
      c.status().catch(() => {
        clearInterval(poll);
        clearTimeout(t);
        resolve();
      });
    }, 200);
  });
}

const RIGHT = new Set([0, 2, 4, 5, 6, 7, 8, 9, 10, 11]);

export function renderStatus(s: PoolStatus): string {
  const socket = s.workers.filter((w) => w.kind === 'socket');
  const tasks = s.workers.filter((w) => w.kind === 'task');
  const iv = s.interval;
  const lines = [
    `corral arbiter ${s.pid} (${s.implementation}) · ${s.state} · up ${duration(s.uptimeMs)} · accept ${s.strategy} · generation ${s.generation}`,
    `${s.listeners.length ? `listening on ${s.listeners.join(', ')} · ` : ''}${socket.length} socket worker(s) (target ${s.targetWorkers})${s.targetTaskWorkers ? ` · ${tasks.length} task worker(s) (target ${s.targetTaskWorkers})` : ''}`,
    `last ${(iv.durationMs / 1000).toFixed(1)} s: ${count((iv.accepted * 1000) / Math.max(1, iv.durationMs))} accepts/s, p50 ${micros(iv.p50Us)}, p99 ${micros(iv.p99Us)}${iv.jobs ? `, ${count((iv.jobs * 1000) / Math.max(1, iv.durationMs))} jobs/s` : ''} · ${count(s.acceptedTotal)} connections since start`,
    `restarts: ${s.restarts.length ? s.restarts.map((r) => `${r.reason} ${r.count}`).join(', ') : 'none'}${s.bootFailures ? ` · ${s.bootFailures} boot failure(s) in a row` : ''}`,
    '',
    table(
      ['ID', 'KIND', 'PID', 'STATE', 'IN-FLIGHT', 'ACCEPTED', 'ACC/S', 'P99', 'CPU', 'RSS', 'HEARTBEAT', 'AGE'],
      s.workers.map((w) => [
        String(w.id), w.kind, String(w.pid), w.state, `${w.inFlight}/${w.capacity || '∞'}`, count(w.kind === 'task' ? w.jobsCompleted : w.acceptedTotal),
        w.kind === 'task' ? '-' : w.acceptsPerSecond.toFixed(1), micros(w.p99Us), cpu(w.cpuPermille), bytes(w.rssBytes), duration(w.heartbeatAgeMs), duration(w.ageMs),
      ]),
      RIGHT,
    ),
  ];
  if (tasks.length) lines.push('', '(task workers: ACCEPTED counts jobs completed)');
  return lines.join('\n');
}

export function renderTasks(t: TasksStatus): string {
  if (t.apps.length === 0) return 'this pool runs no task apps';
  const ms = (x: number) => (x > 0 ? micros(Math.round(x * 1000)) : '-');
  const lines = [table(
    ['APP', 'WORKERS', 'QUEUED', 'IN-FLIGHT', 'SUBMITTED', 'COMPLETED', 'FAILED', 'REJECTED', 'LOST', 'WAIT P50', 'WAIT P99', 'RUN P50', 'RUN P99'],
    t.apps.map((a) => [a.name, String(a.workers), count(a.queued), count(a.inFlight), count(a.submitted), count(a.completed), count(a.failed), count(a.rejected), count(a.lost), ms(a.waitMs.p50), ms(a.waitMs.p99), ms(a.runMs.p50), ms(a.runMs.p99)]),
    new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
  )];
  const q = t.queue;
  if (q) {
    lines.push('', `durable queues (${q.state}): ${q.queues.join(', ')} · held ${q.held} · fetched ${count(q.fetched)}, succeeded ${count(q.succeeded)}, failed ${count(q.failed)}, retried ${count(q.retried)}, dead ${count(q.dead)}`);
    if (q.depths.length) lines.push(table(['QUEUE', 'WAITING', 'DELAYED', 'DEAD'], q.depths.map((d) => [d.queue, count(d.waiting), count(d.delayed), count(d.dead)]), new Set([1, 2, 3])));
  }
  return lines.join('\n');
}

function when(ms: number): string {
  return ms ? new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '-';
}

function took(j: JobInfo): string {
  if (!j.startedAtMs) return '-';
  return duration((j.endedAtMs || Date.now()) - j.startedAtMs);
}

export function renderJobs(l: JobList): string {
  if (l.jobs.length === 0) return 'no jobs';
  return [
    table(
      ['ID', 'JOB', 'STATE', 'WORKER', 'CALLER', 'SUBMITTED', 'TOOK', 'ERROR'],
      l.jobs.map((j) => [String(j.id), `${j.app}.${j.action}`, j.state, j.worker ? String(j.worker) : '-', j.caller, when(j.submittedAtMs), took(j), j.errorCode ? `${j.errorCode}: ${j.errorMessage.slice(0, 60)}` : '']),
      new Set([0, 3]),
    ),
    l.matched > l.jobs.length ? `(${l.jobs.length} of ${l.matched} shown; --limit N for more)` : '',
  ].filter(Boolean).join('\n');
}

export function renderJob(l: JobList): string {
  const j = l.jobs[0];
  if (!j) return 'no such job (ended jobs are kept up to taskJobHistory)';
  const rows: [string, string][] = [
    ['id', String(j.id)], ['job', `${j.app}.${j.action}`], ['state', j.state], ['worker', j.worker ? String(j.worker) : '-'], ['caller', j.caller],
    ['submitted', when(j.submittedAtMs)], ['started', when(j.startedAtMs)], ['ended', when(j.endedAtMs)], ['took', took(j)],
    ['payload', bytes(j.payloadBytes)], ['chunks', String(j.chunks)],
  ];
  if (j.errorCode) rows.push(['error', `${j.errorCode}: ${j.errorMessage}`]);
  for (const [k, v] of Object.entries(j.meta)) rows.push([`meta ${k}`, v]);
  return rows.map(([k, v]) => `${k.padEnd(12)} ${v}`).join('\n');
}
