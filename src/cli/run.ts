// `corral run [options] app.mjs` and `corral run [options] -- <command> [args…]`.
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { resolve, extname } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { Arbiter } from '../arbiter/arbiter.js';
import { HOOK_NAMES, type Hooks } from '../arbiter/hooks.js';
import { DEFAULTS, InvalidOptionError, parseTaskSpec, type ArbiterOptions, type ArbiterInput } from '../arbiter/options.js';
import { EXIT } from '../transport/process-state.js';
import { loaderFor } from '../transport/tsx.js';
import { defaultControlSocket } from '../control/paths.js';

export const RUN_HELP = `Usage:
  corral run [options] app.mjs [app args…]     run a Node module as the worker
  corral run [options] -- <command> [args…]    run any program as the worker
  corral run --tasks ./jobs.mjs [options]      run task workers only (no listener)

The app module either calls serve() from 'corral/worker' itself, or default-exports
an http.Server, a net.Server or a request handler.

Options (precedence: command line > CORRAL_CMD_ARGS > --config file > defaults):
  -b, --bind ADDRESS           listen on HOST:PORT, [IPv6]:PORT, unix:PATH or fd://N;
                               repeatable (default ${DEFAULTS.bind.join(', ')})
  -w, --workers N              worker processes (default $WEB_CONCURRENCY, else the CPU count)
      --accept STRATEGY        arbiter | shared | exclusive | reuseport | handoff
                               (default ${DEFAULTS.accept}: herd-free accept leases)
  -t, --timeout SECONDS        stop a worker silent this long (no heartbeat); 0 = never
                               (default ${DEFAULTS.timeout})
      --graceful-timeout SECS  time a draining worker gets before SIGKILL (default ${DEFAULTS.gracefulTimeout})
      --handshake-timeout SECS time a new worker gets to say Hello (default ${DEFAULTS.handshakeTimeoutMs / 1000});
                               raise it when many workers boot at once on few cores
      --ready-timeout SECS     time a new worker gets to say Ready, counted from its start;
                               at least --handshake-timeout (default ${DEFAULTS.readyTimeoutMs / 1000}, or
                               --handshake-timeout when that is longer)
      --kill-delay SECS        SIGKILL a worker given up on (protocol error, a timeout)
                               this long after SIGTERM; it holds its slot until it has
                               exited (default ${DEFAULTS.killDelayMs / 1000})
      --min-uptime SECS        a worker that exits by itself within this long of Ready
                               counts as a boot failure; 0 = never (default ${DEFAULTS.minUptimeMs / 1000})
      --max-requests N         recycle a worker after N connections; 0 = never (default 0)
      --max-requests-jitter N  add 0..N at random to --max-requests per worker (default 0)
      --backlog N              listen backlog (default ${DEFAULTS.backlog})
  -p, --pidfile FILE           write the arbiter's pid to FILE
  -c, --config FILE            a .js/.mjs (default export) or .json config file: the options
                               above in camelCase, plus hooks (on_starting, when_ready,
                               pre_fork, post_fork, worker_ready, child_exit, worker_exit,
                               nworkers_changed, on_reload, on_exit; for task workers
                               task_starting, task_post_fork, task_worker_init,
                               task_worker_exit)
      --log-level LEVEL        debug | info | warning | error | critical (default info)
      --log-format FORMAT      text | json (default text)
      --log-file FILE          log here instead of stderr (USR1 reopens it)
      --worker-output MODE     prefix | inherit (default ${DEFAULTS.workerOutput}): prefix logs each line
                               a worker writes to stdout or stderr whole, marked with its
                               worker id and pid (one JSON object with --log-format json);
                               inherit gives workers the arbiter's stdout and stderr, raw
      --access-log [FORMAT]    Node workers write a line per finished HTTP response to their
                               stdout, in Gunicorn's access_log_format: atoms h l u t r m U
                               q H s B b f a T M D L p, {header}i, {header}o; without FORMAT
                               Gunicorn's default '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s
                               %(b)s "%(f)s" "%(a)s"'. The next argument is the FORMAT when
                               it holds a %(…)s atom (or write --access-log=FORMAT)
      --control-socket PATH    the control socket for corral ctl and corral top (mode
                               0600; default: next to --pidfile as NAME.sock, else
                               $XDG_RUNTIME_DIR/corral/PID.sock or /tmp/corral-UID/PID.sock)
      --no-control-socket      open no control socket
      --metrics HOST:PORT      serve Prometheus metrics at http://HOST:PORT/metrics (off by
                               default; a port alone is 127.0.0.1:PORT; no authentication,
                               so bind 0.0.0.0 only where the network is trusted)
      --dashboard HOST:PORT    serve the web dashboard at http://HOST:PORT/ (off by default;
                               a port alone is 127.0.0.1:PORT): workers, charts, restarts,
                               task jobs; scale and reload buttons (no stop); docs/dashboard.md
      --dashboard-token TOKEN  required as "Authorization: Bearer TOKEN" for the dashboard's
                               actions, and to bind it to a non-loopback address; at least
                               16 characters; $CORRAL_DASHBOARD_TOKEN keeps it out of ps
      --plain                  the workers do not speak the protocol (e.g. systemd
                               socket-activation apps): supervise by process only;
                               needs --accept shared or reuseport

Task workers (jobs called with execute() from socket workers, the embedding
process, or scripts of the same user through the task socket):
      --tasks [NAME=]MODULE[:N]  a task app; N = how many task workers run it (default
                               all); NAME defaults to the file name; repeatable
      --task-workers N         task worker processes (default: the largest N, at least 1)
      --task-command CMD       the task worker program, split at spaces (default corral's
                               Node task worker); it gets --capacity N NAME=MODULE…, e.g.
                               "python3 native-tests/workers/python/task_worker.py"
      --task-capacity N        jobs one task worker runs at once (default ${DEFAULTS.taskCapacity})
      --max-queue N            jobs queued per app before TASK_OVERLOADED (default ${DEFAULTS.maxQueue})
      --task-grace SECS        a job running this long past its deadline or cancel gets
                               its worker replaced; 0 = never (default ${DEFAULTS.taskGraceMs / 1000})
      --task-max-jobs N        recycle a task worker after N jobs; 0 = never (default 0)
      --task-max-jobs-jitter N add 0..N at random to --task-max-jobs per worker
      --task-max-rss MB        recycle a task worker above MB of resident memory (default 0)
      --tasks-address-file F   write the task socket's address to F (mode 0600), for
                               connect() from scripts outside the pool

Durable queues (Redis Streams; docs/queues.md):
      --redis URL              consume the task apps' queues from this Redis
                               (e.g. redis://127.0.0.1:6379; $CORRAL_REDIS is the default URL)
      --queues Q,Q             consume only these queues (default: every task app)
      --prefetch N             jobs held at once (default: 2 x task workers x capacity)
      --visibility SECS        a consumer silent this long is dead; its jobs go to
                               others (default ${30})
      --max-deliveries N       deliveries without a run ending before a job is
                               dead-lettered (default 3)
      --rate-limit Q.T=RATE    at most RATE jobs of Q.T across all consumers, like
                               10/s, 100/m; repeatable
      --queue-prefix P         Redis key prefix (default corral)
  -h, --help                   show this help

Signals: TERM graceful stop, INT/QUIT fast stop, HUP reload, TTIN/TTOU one more/one
fewer worker, USR1 reopen logs, USR2 re-exec with the listeners inherited.
Exit codes: 0 ok, 1 error, 2 bad options, 3 workers keep failing at boot, 4 app load error.
`;

const FLAGS = {
  bind: { type: 'string', short: 'b', multiple: true },
  workers: { type: 'string', short: 'w' },
  accept: { type: 'string' },
  timeout: { type: 'string', short: 't' },
  'graceful-timeout': { type: 'string' },
  'handshake-timeout': { type: 'string' },
  'ready-timeout': { type: 'string' },
  'kill-delay': { type: 'string' },
  'min-uptime': { type: 'string' },
  'max-requests': { type: 'string' },
  'max-requests-jitter': { type: 'string' },
  backlog: { type: 'string' },
  pidfile: { type: 'string', short: 'p' },
  config: { type: 'string', short: 'c' },
  'log-level': { type: 'string' },
  'log-format': { type: 'string' },
  'log-file': { type: 'string' },
  'worker-output': { type: 'string' },
  'access-log': { type: 'string' },
  'control-socket': { type: 'string' },
  'no-control-socket': { type: 'boolean' },
  metrics: { type: 'string' },
  dashboard: { type: 'string' },
  'dashboard-token': { type: 'string' },
  plain: { type: 'boolean' },
  tasks: { type: 'string', multiple: true },
  'task-workers': { type: 'string' },
  'task-command': { type: 'string' },
  'task-capacity': { type: 'string' },
  'max-queue': { type: 'string' },
  'task-grace': { type: 'string' },
  'task-max-jobs': { type: 'string' },
  'task-max-jobs-jitter': { type: 'string' },
  'task-max-rss': { type: 'string' },
  'tasks-address-file': { type: 'string' },
  redis: { type: 'string' },
  queues: { type: 'string' },
  prefetch: { type: 'string' },
  visibility: { type: 'string' },
  'max-deliveries': { type: 'string' },
  'rate-limit': { type: 'string', multiple: true },
  'queue-prefix': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Parsed = Partial<Record<keyof typeof FLAGS, string | string[] | boolean>>;

export class UsageError extends Error {}

/**
 * `--access-log [FORMAT]`: parseArgs has no optional values, so the flag is
 * rewritten to `--access-log=FORMAT` when the next argument is a format (it
 * holds a %(…)s atom), else to `--access-log=` (the default format):
 * `--access-log app.mjs` leaves the app where it is.
 */
function optionalValues(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a !== '--access-log') out.push(a);
    else if (args[i + 1]?.includes('%(')) out.push(`--access-log=${args[++i]}`);
    else out.push('--access-log=');
  }
  return out;
}

function parse(args: string[]): { values: Parsed; rest: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: optionalValues(args), options: FLAGS, allowPositionals: true, strict: true });
    return { values: values as Parsed, rest: positionals };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

// Numbers stay strings here: resolveOptions parses them and names the option
// in its error ("options.workers must be a positive integer, got \"abc\"").
const num = (v: unknown) => v as number | undefined;

// Seconds on the command line, milliseconds in the options. The message names
// the flag the user typed and its unit; resolveOptions checks the range
// ("options.readyTimeoutMs must be an integer >= 10, got 1").
function ms(flag: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const secs = typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(secs) || secs < 0) throw new InvalidOptionError(`--${flag} must be a non-negative number of seconds, got ${JSON.stringify(v)}`);
  return Math.round(secs * 1000);
}

function toOptions(v: Parsed): ArbiterInput {
  const o: ArbiterInput = {};
  const set = <K extends keyof ArbiterInput>(k: K, value: ArbiterInput[K] | undefined) => {
    if (value !== undefined) o[k] = value;
  };
  set('bind', v.bind as string[] | undefined);
  set('workers', num(v.workers));
  set('accept', v.accept as ArbiterOptions['accept'] | undefined);
  set('timeout', num(v.timeout));
  set('gracefulTimeout', num(v['graceful-timeout']));
  set('handshakeTimeoutMs', ms('handshake-timeout', v['handshake-timeout']));
  set('readyTimeoutMs', ms('ready-timeout', v['ready-timeout']));
  set('killDelayMs', ms('kill-delay', v['kill-delay']));
  set('minUptimeMs', ms('min-uptime', v['min-uptime']));
  set('maxRequests', num(v['max-requests']));
  set('maxRequestsJitter', num(v['max-requests-jitter']));
  set('backlog', num(v.backlog));
  set('pidfile', v.pidfile as string | undefined);
  set('logLevel', v['log-level'] as ArbiterOptions['logLevel'] | undefined);
  set('logFormat', v['log-format'] as ArbiterOptions['logFormat'] | undefined);
  set('logFile', v['log-file'] as string | undefined);
  set('workerOutput', v['worker-output'] as ArbiterOptions['workerOutput'] | undefined);
  if (typeof v['access-log'] === 'string') o.accessLog = v['access-log'] === '' ? true : v['access-log'];
  set('controlSocket', v['control-socket'] as string | undefined);
  if (v['no-control-socket']) o.controlSocket = false;
  if (typeof v.metrics === 'string') o.metrics = /^\d+$/.test(v.metrics) ? `127.0.0.1:${v.metrics}` : v.metrics;
  if (typeof v.dashboard === 'string') o.dashboard = /^\d+$/.test(v.dashboard) ? `127.0.0.1:${v.dashboard}` : v.dashboard;
  set('dashboardToken', v['dashboard-token'] as string | undefined);
  if (v.plain) o.plain = true;
  if (v.tasks) o.tasks = (v.tasks as string[]).map(parseTaskSpec);
  set('taskWorkers', num(v['task-workers']));
  if (typeof v['task-command'] === 'string') o.taskCommand = (v['task-command'] as string).split(/\s+/).filter(Boolean);
  set('taskCapacity', num(v['task-capacity']));
  set('maxQueue', num(v['max-queue']));
  set('taskGraceMs', ms('task-grace', v['task-grace']));
  set('taskMaxJobs', num(v['task-max-jobs']));
  set('taskMaxJobsJitter', num(v['task-max-jobs-jitter']));
  set('taskMaxRssMb', num(v['task-max-rss']));
  set('tasksAddressFile', v['tasks-address-file'] as string | undefined);
  if (v.redis !== undefined) {
    const q: NonNullable<Exclude<ArbiterInput['queue'], false>> = { redis: v.redis as string };
    if (v.queues !== undefined) q.queues = (v.queues as string).split(',').map((x) => x.trim()).filter(Boolean);
    const prefetch = num(v.prefetch);
    if (prefetch !== undefined) q.prefetch = prefetch;
    const vis = ms('visibility', v.visibility);
    if (vis !== undefined) q.visibilityMs = vis;
    const md = num(v['max-deliveries']);
    if (md !== undefined) q.maxDeliveries = md;
    if (v['queue-prefix'] !== undefined) q.prefix = v['queue-prefix'] as string;
    for (const r of (v['rate-limit'] as string[] | undefined) ?? []) {
      const eq = r.indexOf('=');
      if (eq < 1) throw new InvalidOptionError(`--rate-limit: "${r}" must be QUEUE.TASK=RATE, like images.resize=10/s`);
      (q.rateLimits ??= {})[r.slice(0, eq)] = r.slice(eq + 1);
    }
    o.queue = q;
  } else {
    for (const f of ['queues', 'prefetch', 'visibility', 'max-deliveries', 'rate-limit', 'queue-prefix'] as const) {
      if (v[f] !== undefined) throw new InvalidOptionError(`--${f} needs --redis URL`);
    }
  }
  return o;
}

async function loadConfig(file: string): Promise<ArbiterInput> {
  const path = resolve(file);
  if (!existsSync(path)) throw new InvalidOptionError(`options.config: ${file} does not exist`);
  let raw: unknown;
  try {
    const mod = await import(pathToFileURL(path).href, extname(path) === '.json' ? { with: { type: 'json' } } : undefined);
    raw = mod.default ?? mod;
  } catch (err) {
    throw new InvalidOptionError(`options.config: cannot load ${file}: ${(err as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null) throw new InvalidOptionError(`options.config: ${file} must export an object`);
  const cfg = { ...(raw as Record<string, unknown>) };
  // Hooks may sit at the top level under Gunicorn's names, or under `hooks`.
  const hooks: Partial<Hooks> = { ...((cfg.hooks as Partial<Hooks> | undefined) ?? {}) };
  for (const name of HOOK_NAMES) {
    if (name in cfg) {
      (hooks as Record<string, unknown>)[name] = cfg[name];
      delete cfg[name];
    }
  }
  return { ...(cfg as ArbiterInput), hooks };
}

/** The command that runs a Node module as a corral worker. */
export function nodeWorkerCommand(app: string, appArgs: string[]): string[] {
  const here = fileURLToPath(import.meta.url);
  const compiled = here.endsWith('.js');
  const bootstrap = fileURLToPath(new URL(`../worker/bootstrap.${compiled ? 'js' : 'ts'}`, import.meta.url));
  const loader = loaderFor(app, compiled);
  return [process.execPath, ...loader, bootstrap, resolve(app), ...appArgs];
}

/** Builds the arbiter's options from argv, CORRAL_CMD_ARGS and a config file. */
export async function runOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<ArbiterInput | 'help'> {
  const dash = argv.indexOf('--');
  const own = dash >= 0 ? argv.slice(0, dash) : argv;
  const cli = parse(own);
  if (cli.values.help) return 'help';
  const fromEnv = env.CORRAL_CMD_ARGS ? parse(env.CORRAL_CMD_ARGS.split(/\s+/).filter(Boolean)) : { values: {}, rest: [] };
  const configFile = (cli.values.config ?? fromEnv.values.config) as string | undefined;
  const loaded: ArbiterInput = configFile ? await loadConfig(configFile) : {};
  // The dashboard's token from the environment (not the command line, where ps shows it); a flag still wins.
  const file = env.CORRAL_DASHBOARD_TOKEN ? { ...loaded, dashboardToken: env.CORRAL_DASHBOARD_TOKEN } : loaded;
  let command: string[];
  if (dash >= 0) {
    if (cli.rest.length) throw new UsageError(`unexpected ${cli.rest.join(' ')} before --`);
    command = argv.slice(dash + 1);
    if (command.length === 0) throw new UsageError('no command after --');
  } else if (cli.rest.length) {
    const [app, ...appArgs] = cli.rest as [string, ...string[]];
    if (!existsSync(resolve(app))) throw new UsageError(`${app} does not exist`);
    command = nodeWorkerCommand(app, appArgs);
  } else if (Array.isArray(file.command) && file.command.length) {
    command = file.command;
  } else {
    const merged = { ...file, ...toOptions(fromEnv.values), ...toOptions(cli.values) };
    // A pool of task workers only: no socket-worker command, nothing bound.
    if (merged.tasks?.length) return { ...merged, hooks: file.hooks ?? {}, workers: 0 };
    throw new UsageError('nothing to run: give an app module, -- <command>, or --tasks MODULE');
  }
  return { ...file, ...toOptions(fromEnv.values), ...toOptions(cli.values), hooks: file.hooks ?? {}, command };
}

/** `corral run`: returns the process exit code. */
export async function run(argv: string[]): Promise<number> {
  let options;
  try {
    options = await runOptions(argv);
  } catch (err) {
    if (err instanceof UsageError || err instanceof InvalidOptionError) {
      process.stderr.write(`corral run: ${err.message}\n(see corral run --help)\n`);
      return EXIT.usage;
    }
    throw err;
  }
  if (options === 'help') {
    process.stdout.write(RUN_HELP);
    return EXIT.ok;
  }
  if (options.controlSocket === undefined) {
    // The default control socket is a convenience: if the per-user directory
    // cannot be used, say so and run without one (an explicit path must work).
    try {
      options.controlSocket = defaultControlSocket(process.pid, options.pidfile);
    } catch (err) {
      process.stderr.write(`corral run: no control socket: ${(err as Error).message}\n`);
    }
  }
  let arbiter: Arbiter;
  try {
    arbiter = new Arbiter(options);
  } catch (err) {
    if (err instanceof InvalidOptionError) {
      process.stderr.write(`corral run: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  process.title = 'corral arbiter';
  try {
    await arbiter.start();
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    process.stderr.write(`corral run: cannot start: ${e.message}\n`);
    return e instanceof InvalidOptionError ? EXIT.usage : EXIT.error;
  }
  return arbiter.stopped();
}
