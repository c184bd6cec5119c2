// `corral top`: a live full-screen view of a running pool, as `htop` or
// `pm2 monit` give, read from the arbiter's control socket (spec.md section
// 14) once a second.
//
//   poll ──► status (+ tasks) ──► TopHistory.record ──► renderTop(…, width, height) ──► lines
//                                                                                        │
//   keys (q, Ctrl-C, + -, r) ──► ControlClient                 Screen.paint: only the rows that changed
//
// renderTop is pure (data and a terminal size in, lines out) so that every
// layout is unit-tested; the rest is the terminal: the alternate screen, raw
// keys, resizes, and putting everything back on the way out, whatever the
// way out is.
import { parseArgs } from 'node:util';
import { ControlClient } from '../control/client.js';
import { findControlSocket } from '../control/paths.js';
import type { CorralError } from '../errors.js';
import type { PoolStatus, TasksStatus, WorkerStatus } from '../protocol/control.js';
import { bytesShort, clip, count, cpu, duration, micros, pad, printable, rate, sparkline, textWidth } from './format.js';

export const TOP_HELP = `Usage: corral top [--socket PATH | --pidfile FILE] [--interval SECS] [--once]

A live view of a running pool, redrawn every --interval: the arbiter (pid,
state, accept strategy, generation, uptime, listeners), the last interval's
accepts/s, p50 and p99, jobs/s, requests in flight and restarts by reason, a
sparkline of accepts/s over the last minute, then one row per worker: id,
kind, pid, state, in flight, accepts/s, p99, CPU, memory (RSS), heartbeat age
and its own accepts/s history (jobs/s for task workers). With task apps: per
app queued, in flight, completed, failed and run p99, and the durable queues'
depths. When the arbiter goes away top says so and reconnects every second.

Keys:
  q, Ctrl-C              quit
  +, -                   one socket worker more, one fewer
  r                      reload the pool (asks for y to confirm)
  Ctrl-L                 redraw the screen

Options:
  -s, --socket PATH      the control socket (default: next to --pidfile, else
                         $CORRAL_CONTROL_SOCKET, else the only arbiter of this user)
  -p, --pidfile FILE     the pidfile given to corral run --pidfile
  -i, --interval SECS    seconds between updates (default 1)
      --once             print one frame as plain text and exit (also when
                         stdout is not a terminal; width: $COLUMNS, else 80)
      --no-color         no colours (also when NO_COLOR is set)
  -h, --help             show this help

Exit codes: 0 done, 1 the arbiter refused the request, 2 bad usage, 3 no
arbiter could be reached at the start.
`;

const EXIT = { ok: 0, refused: 1, usage: 2, unreachable: 3 } as const;

const FLAGS = {
  socket: { type: 'string', short: 's' },
  pidfile: { type: 'string', short: 'p' },
  interval: { type: 'string', short: 'i' },
  once: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

// ---- history --------------------------------------------------------------

const perSecond = (n: number, ms: number) => (ms > 0 ? (n * 1000) / ms : 0);

/** What renderTop reads of the history: rates per poll, oldest first. */
export interface HistoryView {
  /** The pool's accepts/s (of the arbiter's last interval), one per poll. */
  readonly pool: readonly number[];
  /** The pool's jobs/s, one per poll. */
  readonly poolJobs: readonly number[];
  /** Per worker id: its accepts/s (a task worker: jobs/s), one per poll since top first saw it. */
  readonly workers: ReadonlyMap<number, readonly number[]>;
}

/**
 * The rates top keeps itself, `size` polls of them (a minute at the default
 * interval). A worker is known by its id; an id seen with another pid (a new
 * arbiter after a re-exec numbers its workers afresh) starts empty again, and
 * a worker no longer listed is forgotten.
 */
export class TopHistory implements HistoryView {
  readonly pool: number[] = [];
  readonly poolJobs: number[] = [];
  readonly workers = new Map<number, number[]>();
  readonly #pids = new Map<number, number>();
  /** Task workers: jobs completed and the arbiter's uptime when last seen, for jobs/s. */
  readonly #jobs = new Map<number, { n: number; at: number }>();
  #arbiter = 0;

  constructor(readonly size = 60) {}

  record(s: PoolStatus): void {
    const iv = s.interval;
    this.#push(this.pool, poolAcceptsPerSecond(s));
    this.#push(this.poolJobs, perSecond(iv.jobs, iv.durationMs));
    if (s.pid !== this.#arbiter) {
      this.#arbiter = s.pid;
      this.workers.clear();
      this.#pids.clear();
      this.#jobs.clear();
    }
    const seen = new Set<number>();
    for (const w of s.workers) {
      seen.add(w.id);
      let values = this.workers.get(w.id);
      if (!values || this.#pids.get(w.id) !== w.pid) {
        values = [];
        this.workers.set(w.id, values);
        this.#pids.set(w.id, w.pid);
        this.#jobs.delete(w.id);
      }
      if (w.kind === 'task') {
        const prev = this.#jobs.get(w.id);
        this.#jobs.set(w.id, { n: w.jobsCompleted, at: s.uptimeMs });
        if (prev && s.uptimeMs > prev.at) this.#push(values, (Math.max(0, w.jobsCompleted - prev.n) * 1000) / (s.uptimeMs - prev.at));
      } else {
        this.#push(values, w.acceptsPerSecond);
      }
    }
    for (const id of [...this.workers.keys()]) {
      if (seen.has(id)) continue;
      this.workers.delete(id);
      this.#pids.delete(id);
      this.#jobs.delete(id);
    }
  }

  #push(a: number[], v: number): void {
    a.push(Number.isFinite(v) ? v : 0);
    if (a.length > this.size) a.splice(0, a.length - this.size);
  }
}

// ---- layout ---------------------------------------------------------------

export interface RenderOptions {
  /** SGR colours: worker and arbiter states, the status bar in reverse video. */
  color?: boolean;
  /** The interactive status bar, on the last row (the frame then fills `height` exactly). */
  statusLine?: string;
}

const SGR = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', reverse: '\x1b[7m', red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', magenta: '\x1b[35m' } as const;

const STATE_COLOUR: Record<string, string> = {
  ready: SGR.green, running: SGR.green,
  booting: SGR.yellow, starting: SGR.yellow,
  draining: SGR.magenta, stopping: SGR.magenta,
  exited: SGR.red,
};

interface Column {
  head: string;
  cells: string[];
  right?: boolean;
  /** Higher is kept longer when the width runs short; on a tie the column further right goes first. */
  keep: number;
  /** A flexible column takes the width left over, from `min` up to `max`; `fill` makes its cells at that width. */
  flex?: { min: number; max: number; fill(row: number, width: number): string };
  paint?: (cell: string, row: number) => string;
}

/** The columns laid out in `width`: the least needed dropped until the rest fit, the flexible one filling what is left. */
function layoutTable(cols: Column[], width: number, gap = 1): string[] {
  const natural = (c: Column) => (c.flex ? c.flex.min : Math.max(textWidth(c.head), ...c.cells.map(textWidth)));
  let shown = cols.map((c) => ({ c, w: natural(c) }));
  const total = () => shown.reduce((n, x) => n + x.w, 0) + gap * Math.max(0, shown.length - 1);
  while (shown.length > 1 && total() > width) {
    let drop = 0;
    for (let i = 1; i < shown.length; i++) if (shown[i]!.c.keep <= shown[drop]!.c.keep) drop = i;
    shown = shown.filter((_, i) => i !== drop);
  }
  for (const x of shown) if (x.c.flex) x.w = Math.max(x.c.flex.min, Math.min(x.c.flex.max, x.w + width - total()));
  const rows = cols[0]?.cells.length ?? 0;
  const line = (cell: (x: { c: Column; w: number }) => string) => shown.map((x) => cell(x)).join(' '.repeat(gap)).trimEnd();
  const out = [line((x) => pad(clip(x.c.head, x.w), x.w, x.c.right))];
  for (let r = 0; r < rows; r++) {
    out.push(line((x) => {
      const cell = pad(clip(x.c.flex ? x.c.flex.fill(r, x.w) : x.c.cells[r] ?? '', x.w), x.w, x.c.right);
      return x.c.paint ? x.c.paint(cell, r) : cell;
    }));
  }
  return out;
}

/**
 * Parts joined with ' · ' in `width`: while too wide, the part least needed
 * (the lowest `keep`; on a tie the one further right) is left out.
 */
function fitParts(parts: (string | [text: string, keep: number])[], width: number, sep = ' · '): { text: string; shown: number } {
  let shown = parts.map((p, i) => (typeof p === 'string' ? { text: p, keep: parts.length - i } : { text: p[0], keep: p[1] }));
  const join = () => shown.map((p) => p.text).join(sep);
  while (shown.length > 1 && textWidth(join()) > width) {
    let drop = 0;
    for (let i = 1; i < shown.length; i++) if (shown[i]!.keep <= shown[drop]!.keep) drop = i;
    shown = shown.filter((_, i) => i !== drop);
  }
  return { text: join(), shown: shown.length };
}

/** The first of the ways to say a line that leaves out the fewest parts. */
function mostShown(...ways: { text: string; shown: number }[]): string {
  return ways.reduce((best, w) => (w.shown > best.shown ? w : best)).text;
}

/** Socket workers first, then task workers; by id. */
function ordered(workers: readonly WorkerStatus[]): WorkerStatus[] {
  return [...workers].sort((a, b) => (a.kind === b.kind ? a.id - b.id : a.kind === 'socket' ? -1 : 1));
}

export function hasTasks(s: PoolStatus): boolean {
  return s.targetTaskWorkers > 0 || s.workers.some((w) => w.kind === 'task');
}

/**
 * Connections accepted per second over the arbiter's last interval. The
 * interval's `accepted` also counts what task workers report as accepted
 * (jobs started), so with task workers the socket workers' own rates are
 * added up instead.
 */
export function poolAcceptsPerSecond(s: PoolStatus): number {
  if (!s.workers.some((w) => w.kind === 'task')) return perSecond(s.interval.accepted, s.interval.durationMs);
  return s.workers.reduce((n, w) => n + (w.kind === 'socket' ? w.acceptsPerSecond : 0), 0);
}

/**
 * One frame of `corral top`: the lines to show in a terminal of `width`
 * columns and `height` rows (Infinity: as many as it takes, for --once).
 * No line is wider than `width`; with a status line the frame has exactly
 * `height` lines, the status line last.
 */
export function renderTop(status: PoolStatus | undefined, tasks: TasksStatus | undefined, history: HistoryView, width: number, height: number, options: RenderOptions = {}): string[] {
  width = Math.max(1, Math.floor(width));
  const color = options.color === true;
  const paint = (code: string | undefined, s: string) => (color && code ? code + s + SGR.reset : s);
  const bar = options.statusLine === undefined ? [] : [paint(SGR.reverse, pad(clip(printable(options.statusLine), width), width))];
  const rows = height === Infinity ? Infinity : Math.max(0, Math.floor(height) - bar.length);

  const body: string[] = [];
  let workerBlock: (budget: number) => string[] = () => [];
  let wantWorkers = 0;
  let taskBlock: string[] = [];
  if (!status) {
    body.push('waiting for the arbiter…');
  } else {
    const s = status;
    const iv = s.interval;
    // Header: who, in what state, since when, where.
    const listeners = s.listeners.map(printable);
    const where = listeners.length === 0 ? 'no listeners' : listeners.join(', ');
    const whereShort = listeners.length > 1 ? `${listeners[0]} +${listeners.length - 1}` : where;
    const head = (listening: string) => fitParts([
      [`corral ${s.pid}`, 10], [paint(STATE_COLOUR[s.state], s.state), 9], [`accept ${printable(s.strategy)}`, 4], [`gen ${s.generation}`, 3], [`up ${duration(s.uptimeMs)}`, 6], [listening, 5],
    ], width);
    body.push(mostShown(head(where), head(whereShort)));

    // The pool over the arbiter's last interval.
    const socketWorkers = s.workers.filter((w) => w.kind === 'socket').length;
    const taskWorkers = s.workers.filter((w) => w.kind === 'task').length;
    const inFlight = s.workers.reduce((n, w) => n + w.inFlight, 0);
    const restarted = s.restarts.filter((r) => r.count > 0);
    const restartsTotal = restarted.reduce((n, r) => n + r.count, 0);
    const restarts = restartsTotal ? `restarts ${restarted.map((r) => `${printable(r.reason)} ${r.count}`).join(', ')}` : 'restarts 0';
    const line = (restartsPart: string) => fitParts([
      [`accepts/s ${rate(poolAcceptsPerSecond(s))}`, 10],
      [`p50 ${micros(iv.p50Us)}`, 7],
      [`p99 ${micros(iv.p99Us)}`, 9],
      ...(hasTasks(s) ? [[`jobs/s ${rate(perSecond(iv.jobs, iv.durationMs))}`, 8] as [string, number]] : []),
      [`in-flight ${count(inFlight)}`, 6],
      [restartsPart, 8],
      [`workers ${socketWorkers}/${s.targetWorkers}` + (hasTasks(s) ? ` + ${taskWorkers}/${s.targetTaskWorkers} task` : ''), 4],
    ], width);
    // Restarts by reason when they fit, else their number.
    body.push(mostShown(line(restarts), line(`restarts ${restartsTotal}`)));

    // A minute of the pool's rate: accepts/s, or jobs/s for a pool of task workers only.
    const jobsOnly = s.listeners.length === 0 && hasTasks(s);
    const values = jobsOnly ? history.poolJobs : history.pool;
    const label = `${jobsOnly ? 'jobs/s' : 'accepts/s'} `;
    const peak = ` max ${rate(values.reduce((a, b) => Math.max(a, b), 0))}`;
    const room = width - label.length - peak.length;
    body.push(room >= 4 ? label + sparkline(values, Math.min(room, Math.max(60, values.length))) + peak : clip(label + rate(values.at(-1) ?? 0), width));

    const list = ordered(s.workers);
    workerBlock = (budget) => workerTable(list, history, width, budget, paint);
    wantWorkers = list.length ? 2 + list.length : 2; // a blank line, the heads, the rows; or a blank line, "no workers"
    taskBlock = tasks ? taskTable(tasks, width) : [];
  }

  // Share the rows out: the header lines, then the workers (at least a few of
  // them), then the task apps with what is left; the workers take the rest.
  const fixed = body.length;
  const avail = rows - fixed;
  let out: string[];
  if (avail >= wantWorkers + taskBlock.length) {
    out = [...body, ...workerBlock(Infinity), ...taskBlock];
  } else {
    const workersMin = Math.min(wantWorkers, 7);
    let taskRows = Math.min(taskBlock.length, avail - workersMin);
    if (taskRows < 3) taskRows = 0;
    const tasksShown = taskRows === 0 ? [] : taskRows >= taskBlock.length ? taskBlock : [...taskBlock.slice(0, taskRows - 1), `… ${taskBlock.length - taskRows + 1} more task lines`];
    out = [...body, ...workerBlock(avail - tasksShown.length), ...tasksShown];
  }
  out = out.slice(0, rows === Infinity ? undefined : rows).map((l) => clip(l, width));
  if (bar.length) {
    while (out.length < rows) out.push('');
    out.push(...bar);
    out = out.slice(-Math.max(1, Math.floor(height)));
  }
  return out;
}

/** A blank line, the column heads, one row per worker; within `budget` lines, the rest counted on a last line. */
function workerTable(list: WorkerStatus[], history: HistoryView, width: number, budget: number, paint: (code: string | undefined, s: string) => string): string[] {
  if (budget < 3) return [];
  if (list.length === 0) return ['', 'no workers'];
  let shown = list;
  let more = 0;
  if (2 + list.length > budget) {
    shown = list.slice(0, budget - 3);
    more = list.length - shown.length;
  }
  const kinds = new Set(list.map((w) => w.kind));
  const peak = (kind: string) => {
    let top = 0;
    for (const w of list) if (w.kind === kind) for (const v of history.workers.get(w.id) ?? []) top = Math.max(top, v);
    return top;
  };
  const peaks = { socket: peak('socket'), task: peak('task') };
  const cols: Column[] = [
    { head: 'ID', cells: shown.map((w) => String(w.id)), right: true, keep: 10 },
    { head: 'KIND', cells: shown.map((w) => w.kind), keep: kinds.size > 1 ? 6.5 : 1 },
    { head: 'PID', cells: shown.map((w) => String(w.pid)), right: true, keep: 10 },
    { head: 'STATE', cells: shown.map((w) => printable(w.state)), keep: 10, paint: (c, r) => paint(STATE_COLOUR[shown[r]!.state], c) },
    { head: 'INFL', cells: shown.map((w) => count(w.inFlight)), right: true, keep: 8 },
    { head: 'ACC/S', cells: shown.map((w) => (w.kind === 'task' ? '-' : rate(w.acceptsPerSecond))), right: true, keep: 9 },
    { head: 'P99', cells: shown.map((w) => micros(w.p99Us)), right: true, keep: 6 },
    { head: 'CPU', cells: shown.map((w) => cpu(w.cpuPermille)), right: true, keep: 7 },
    { head: 'RSS', cells: shown.map((w) => bytesShort(w.rssBytes)), right: true, keep: 7 },
    { head: 'HB', cells: shown.map((w) => duration(w.heartbeatAgeMs)), right: true, keep: 4 },
    {
      // Right-aligned (sparkline pads at the start), so that "now" lines up.
      head: 'HISTORY', cells: [], keep: 5,
      flex: { min: 8, max: 60, fill: (r, w) => sparkline(history.workers.get(shown[r]!.id) ?? [], w, peaks[shown[r]!.kind]) },
    },
  ];
  // Minimum widths keep the columns apart and still the same from frame to frame.
  const minWidth: Record<string, number> = { ID: 3, PID: 7, STATE: 8, INFL: 4, 'ACC/S': 6, P99: 6, CPU: 4, RSS: 6, HB: 5 };
  for (const c of cols) {
    const w = minWidth[c.head];
    if (w) c.head = c.right ? c.head.padStart(w) : c.head.padEnd(w);
  }
  const lines = layoutTable(cols, width);
  const out = ['', ...lines];
  if (more) out.push(`… ${more} more worker${more === 1 ? '' : 's'}`);
  return out;
}

/** The task apps and the durable queues: a blank line first. */
function taskTable(t: TasksStatus, width: number): string[] {
  const ms = (x: number) => (x > 0 ? micros(Math.round(x * 1000)) : '-');
  const out = [''];
  if (t.apps.length === 0) out.push('no task apps');
  else {
    out.push(...layoutTable([
      { head: 'APP', cells: t.apps.map((a) => printable(a.name)), keep: 10 },
      { head: 'WORKERS', cells: t.apps.map((a) => String(a.workers)), right: true, keep: 6 },
      { head: 'QUEUED', cells: t.apps.map((a) => count(a.queued)), right: true, keep: 9 },
      { head: 'IN-FLIGHT', cells: t.apps.map((a) => count(a.inFlight)), right: true, keep: 9 },
      { head: 'COMPLETED', cells: t.apps.map((a) => count(a.completed)), right: true, keep: 8 },
      { head: 'FAILED', cells: t.apps.map((a) => count(a.failed)), right: true, keep: 8 },
      { head: 'RUN P99', cells: t.apps.map((a) => ms(a.runMs.p99)), right: true, keep: 7 },
      { head: 'WAIT P99', cells: t.apps.map((a) => ms(a.waitMs.p99)), right: true, keep: 3 },
    ], width, 2));
  }
  const q = t.queue;
  if (q) {
    out.push('', fitParts([`queues ${q.state}`, `held ${count(q.held)}`, `fetched ${count(q.fetched)}`, `failed ${count(q.failed)}`, `retried ${count(q.retried)}`, `dead ${count(q.dead)}`], width).text);
    if (q.depths.length) {
      out.push(...layoutTable([
        { head: 'QUEUE', cells: q.depths.map((d) => printable(d.queue)), keep: 10 },
        { head: 'WAITING', cells: q.depths.map((d) => count(d.waiting)), right: true, keep: 9 },
        { head: 'DELAYED', cells: q.depths.map((d) => count(d.delayed)), right: true, keep: 8 },
        { head: 'DEAD', cells: q.depths.map((d) => count(d.dead)), right: true, keep: 8 },
      ], width, 2));
    }
  }
  return out;
}

// ---- the terminal ---------------------------------------------------------

type Out = { write(s: string): unknown };
/** What top asks of its stdout: a terminal (process.stdout) or anything written to (--once). */
type TopOut = Out & { isTTY?: boolean; columns?: number; rows?: number };

const ENTER = '\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J';
const LEAVE = '\x1b[0m\x1b[?25h\x1b[?1049l';

/** Paints frames on the alternate screen, rewriting only the rows that changed. */
class Screen {
  #prev: string[] = [];
  #on = false;

  constructor(private readonly out: Out) {}

  enter(): void {
    if (this.#on) return;
    this.#on = true;
    this.#prev = [];
    this.out.write(ENTER);
  }

  leave(): void {
    if (!this.#on) return;
    this.#on = false;
    this.out.write(LEAVE);
  }

  /** Forget what is on the screen: the next paint rewrites every row. */
  invalidate(): void {
    this.#prev = [];
    if (this.#on) this.out.write('\x1b[H\x1b[2J');
  }

  paint(lines: string[], width: number): void {
    if (!this.#on) return;
    let s = '';
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (this.#prev[i] === line) continue;
      // Home to the row, overwrite, clear what is left of the old line (not
      // after a full-width line: the cursor waits in the last column then,
      // and EL would erase the last character).
      s += `\x1b[${i + 1};1H${line}${textWidth(line) < width ? '\x1b[K' : ''}`;
    }
    if (lines.length < this.#prev.length) s += `\x1b[${lines.length + 1};1H\x1b[J`;
    this.#prev = lines;
    if (s) this.out.write(s);
  }
}

interface Parsed {
  socket?: string | undefined;
  pidfile?: string | undefined;
  intervalMs: number;
  once: boolean;
  color: boolean;
}

/** `corral top …`: returns the exit code. */
export async function top(argv: string[], out: TopOut = process.stdout, err: Out = process.stderr): Promise<number> {
  let values: Partial<Record<keyof typeof FLAGS, string | boolean>>;
  try {
    const p = parseArgs({ args: argv, options: FLAGS, allowPositionals: false, strict: true });
    values = p.values;
  } catch (e) {
    err.write(`corral top: ${(e as Error).message}\n(see corral top --help)\n`);
    return EXIT.usage;
  }
  if (values.help) {
    out.write(TOP_HELP);
    return EXIT.ok;
  }
  const interval = values.interval === undefined ? 1 : Number(values.interval);
  if (!Number.isFinite(interval) || interval < 0.1 || interval > 3600) {
    err.write(`corral top: --interval must be a number of seconds from 0.1 to 3600, got ${JSON.stringify(values.interval)}\n(see corral top --help)\n`);
    return EXIT.usage;
  }
  const o: Parsed = {
    socket: values.socket as string | undefined,
    pidfile: values.pidfile as string | undefined,
    intervalMs: Math.round(interval * 1000),
    once: values.once === true || out.isTTY !== true,
    color: values['no-color'] !== true && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
  };

  let path: string;
  let client: ControlClient;
  try {
    path = findControlSocket({ socket: o.socket, pidfile: o.pidfile });
    client = await ControlClient.connect(path, { timeoutMs: 5000 });
  } catch (e) {
    err.write(`corral top: ${(e as Error).message}\n`);
    return EXIT.unreachable;
  }
  if (o.once) return once(client, o, out, err);
  return live(client, path, o, out as NodeJS.WriteStream, err);
}

/** Asks for the status, and the task apps when the pool runs any. */
async function poll(client: ControlClient): Promise<{ status: PoolStatus; tasks: TasksStatus | undefined }> {
  const status = await client.status();
  let tasks: TasksStatus | undefined;
  if (hasTasks(status)) {
    tasks = await client.tasks().catch((e: CorralError) => {
      if (e.code === 'CORRAL_ERR_CONTROL_CLOSED' || e.code === 'CORRAL_ERR_CONTROL_TIMEOUT') throw e;
      return undefined;
    });
  }
  return { status, tasks };
}

async function once(client: ControlClient, o: Parsed, out: TopOut, err: Out): Promise<number> {
  try {
    const { status, tasks } = await poll(client);
    const history = new TopHistory();
    history.record(status);
    const width = out.isTTY && out.columns ? out.columns : Number(process.env.COLUMNS) > 0 ? Number(process.env.COLUMNS) : 80;
    out.write(renderTop(status, tasks, history, width, Infinity).join('\n') + '\n');
    return EXIT.ok;
  } catch (e) {
    const ce = e as CorralError;
    err.write(`corral top: ${ce.code ? `${ce.code}: ` : ''}${ce.message}\n`);
    return ce.code === 'CORRAL_ERR_CONTROL_CLOSED' || ce.code === 'CORRAL_ERR_CONTROL_TIMEOUT' ? EXIT.unreachable : EXIT.refused;
  } finally {
    client.close();
  }
}

const KEYS_HINT = 'q quit · +/- workers · r reload';

/** The full-screen view until q, Ctrl-C or a signal. */
function live(first: ControlClient, firstPath: string, o: Parsed, out: NodeJS.WriteStream, err: Out): Promise<number> {
  const stdin = process.stdin;
  const screen = new Screen(out);
  const history = new TopHistory(Math.max(10, Math.round(60_000 / o.intervalMs)));
  let client: ControlClient | undefined = first;
  let path = firstPath;
  let last: { status: PoolStatus; tasks: TasksStatus | undefined } | undefined;
  let gone: { since: number; why: string } | undefined;
  let note: { text: string; until: number } | undefined;
  let confirmReload = false;
  let pendingTarget: number | undefined;
  let polling = false;
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  let resolveExit!: (code: number) => void;
  const exit = new Promise<number>((r) => (resolveExit = r));

  const say = (text: string, ms = 5000) => {
    note = { text, until: Date.now() + ms };
    draw();
  };

  const statusLine = (): string => {
    if (confirmReload) return 'reload: start a new generation, the old one drains; y to confirm, any other key to cancel';
    if (gone) return `arbiter gone ${duration(Date.now() - gone.since)} ago (${gone.why}) · reconnecting every second · q quit`;
    if (note && note.until > Date.now()) return note.text;
    const every = o.intervalMs === 1000 ? 'every 1s' : `every ${duration(o.intervalMs)}`;
    return `${KEYS_HINT} · ${every}`;
  };

  function draw(): void {
    if (finished) return;
    const width = out.columns || 80;
    const height = out.rows || 24;
    screen.paint(renderTop(last?.status, last?.tasks, history, width, height, { color: o.color, statusLine: ` ${statusLine()}` }), width);
  }

  const resolvePath = (): string => {
    try {
      return findControlSocket({ socket: o.socket, pidfile: o.pidfile });
    } catch {
      return path; // e.g. the pidfile names the old pid during a re-exec: the socket path is the same
    }
  };

  async function tick(): Promise<void> {
    if (finished || polling) return;
    polling = true;
    const started = Date.now();
    try {
      if (!client) {
        path = resolvePath();
        client = await ControlClient.connect(path, { timeoutMs: 2000 });
      }
      const scaling = pendingTarget;
      last = await poll(client);
      if (scaling !== undefined && last.status.targetWorkers === scaling) pendingTarget = undefined;
      history.record(last.status);
      if (gone) note = { text: `reconnected to arbiter ${last.status.pid}`, until: Date.now() + 5000 };
      gone = undefined;
    } catch (e) {
      client?.close();
      client = undefined;
      pendingTarget = undefined;
      const msg = (e as Error).message;
      const why = /no such socket|ENOENT/.test(msg) ? 'no control socket' : /nobody is listening|ECONNREFUSED/.test(msg) ? 'nobody listening' : /within|no reply/.test(msg) ? 'no answer' : 'connection closed';
      gone ??= { since: Date.now(), why };
      gone.why = why;
    } finally {
      polling = false;
    }
    if (finished) {
      // q came while connecting or waiting for the reply.
      client?.close();
      return;
    }
    draw();
    const every = gone ? Math.min(o.intervalMs, 1000) : o.intervalMs;
    timer = setTimeout(() => void tick(), Math.max(20, every - (Date.now() - started)));
  }

  async function scaleBy(d: number): Promise<void> {
    const s = last?.status;
    if (!client || !s || gone) return say('not connected to the arbiter');
    if (s.listeners.length === 0 && s.targetWorkers === 0) return say('this pool runs no socket workers');
    const from = pendingTarget ?? s.targetWorkers;
    const to = Math.max(1, from + d);
    if (to === from) return say('at least one socket worker runs (corral ctl stop stops the pool)');
    pendingTarget = to;
    say(`scaling to ${to} socket workers…`);
    try {
      say(await client.scale('socket', to));
    } catch (e) {
      pendingTarget = undefined;
      say(`scale: ${(e as Error).message}`);
    }
  }

  async function reload(): Promise<void> {
    if (!client || gone) return say('not connected to the arbiter');
    say('reloading…');
    try {
      say(await client.reload());
    } catch (e) {
      say(`reload: ${(e as Error).message}`);
    }
  }

  function onKeys(data: Buffer | string): void {
    const s = data.toString();
    // An escape sequence (arrows, function keys, a mouse report) is not a command.
    if (s.startsWith('\x1b') && s.length > 1) return;
    for (const ch of s) {
      if (ch === 'q' || ch === 'Q' || ch === '\x03' || ch === '\x04') return finish(EXIT.ok);
      if (confirmReload) {
        confirmReload = false;
        if (ch === 'y' || ch === 'Y') void reload();
        else say('reload cancelled');
        continue;
      }
      if (ch === '+' || ch === '=') void scaleBy(1);
      else if (ch === '-' || ch === '_') void scaleBy(-1);
      else if (ch === 'r' || ch === 'R') {
        confirmReload = true;
        draw();
      } else if (ch === '\x0c') {
        screen.invalidate();
        draw();
      }
    }
  }

  const onResize = () => {
    screen.invalidate();
    draw();
  };
  const signals: [NodeJS.Signals, number][] = [['SIGINT', EXIT.ok], ['SIGTERM', 143], ['SIGHUP', 129]];
  const onSignal = new Map(signals.map(([sig, code]) => [sig, () => finish(code)]));
  const onCrash = (e: unknown) => {
    restore();
    err.write(`corral top: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exit(1);
  };
  const restore = () => {
    screen.leave();
    if (stdin.isTTY) {
      try {
        stdin.setRawMode(false);
      } catch {
        // the terminal is gone (the SSH connection dropped)
      }
    }
  };

  function finish(code: number): void {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    client?.close();
    restore();
    stdin.off('data', onKeys);
    stdin.pause();
    out.off('resize', onResize);
    for (const [sig, fn] of onSignal) process.off(sig, fn);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    process.off('exit', restore);
    resolveExit(code);
  }

  process.on('exit', restore);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  for (const [sig, fn] of onSignal) process.on(sig, fn);
  screen.enter();
  if (stdin.isTTY) {
    stdin.setRawMode(true);
    stdin.on('data', onKeys);
    stdin.resume();
  }
  out.on('resize', onResize);
  void tick();
  return exit;
}
