// Worker output: what a worker writes to its fds 1 and 2, read by the
// arbiter from one pipe per stream (workerOutput 'prefix'), cut into lines
// per worker per stream, and written to the arbiter's log one whole line per
// write: prefixed with the worker in text format, wrapped in one JSON object
// in JSON format. Lines of two workers, or of one worker's two streams,
// therefore never mix within a line.
//
// Text:  [2026-12-07T13:00:00.000Z] [4242] [worker 3] GET / 200
//        [2026-12-07T13:00:00.000Z] [4242] [worker 3 stderr] Error: boom
//        [2026-12-07T13:00:00.000Z] [4250] [task worker 5] job done
// The time is when the arbiter read the line; the pid is the worker's (the
// arbiter's own lines carry the arbiter's pid and a level instead).
// JSON:  {"time":…,"pid":4242,"worker":3,"kind":"socket","stream":"stdout","msg":"GET / 200"}
// A line that is itself one JSON object (a pino or other structured logger
// in the app) is kept as it was written, under "app", in place of "msg":
//        {"time":…,"pid":4242,"worker":3,"kind":"socket","stream":"stdout","app":{"level":30,…,"msg":"hi"}}
// so nothing the app writes can overwrite the arbiter's fields, and nothing
// is escaped twice. Worker lines have no "level": the arbiter cannot know how
// severe an app's line is (its own level, if any, is inside "app").
//
// Failure modes:
// - A line longer than the limit (workerLineBytes): cut into pieces of at
//   most that many bytes, at a character boundary; memory per stream stays
//   bounded by the limit however long the line. Text: every piece but the
//   last ends with " [...]", every piece but the first starts with "[...] ".
//   JSON: each piece has "part" (1, 2, …) and "more" (another piece follows).
// - Binary junk: not valid UTF-8 is decoded with U+FFFD in its place;
//   control characters are escaped (\x1b) in text format and by JSON.stringify
//   in JSON format, so a worker cannot forge or erase log lines (SEC-8).
// - A worker writing faster than the log is written: the arbiter reads a
//   worker's pipe only as fast as it writes lines out, so the pipe fills and
//   the worker's write blocks (or, for a Node stream on a non-blocking pipe,
//   waits in its own memory). That is backpressure on the noisy worker, and
//   better than buffering without bound in the arbiter.
// - The worker exits with a line not ended by a newline: flushed as a line
//   when its pipe reaches end of file (the spawner reports the exit only
//   after that, so the line comes before "worker N exited").
// - The arbiter dies: the workers' pipes have no reader, and their next
//   write fails with EPIPE (SIGPIPE is ignored by Node and by spec SIG-4
//   workers). Corral's Node runtimes ignore that error (src/worker/stdio.ts);
//   a worker of another runtime must not let it end the process either.
import type { Readable } from 'node:stream';
import type { LogFormat } from './options.js';
import { printable } from './log.js';

export const DEFAULT_WORKER_LINE_BYTES = 16 * 1024;
/** Bounds of workerLineBytes: a piece must hold a few multi-byte characters and a useful message. */
export const MIN_WORKER_LINE_BYTES = 256;
export const MAX_WORKER_LINE_BYTES = 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;

/** One line a worker wrote, or one piece of a line longer than the limit. */
export interface OutputLine {
  /** Without its line end (LF or CRLF). */
  text: string;
  /** 0 for a whole line; 1, 2, … for the pieces of a line that was cut. */
  part: number;
  /** Another piece of the same line follows. */
  more: boolean;
}

/**
 * - idle: no byte of a line held.
 * - line: the start of a line held, no piece emitted yet.
 * - cut:  pieces of the current line emitted, its rest (if any) held.
 * - ended: end of file seen; what was held has been emitted, nothing more is.
 */
export type AssemblerState = 'idle' | 'line' | 'cut' | 'ended';

/** Cuts a byte stream into lines of at most `maxBytes` bytes. Holds at most maxBytes + 1 bytes between pushes. */
export class LineAssembler {
  readonly #maxBytes: number;
  readonly #emit: (line: OutputLine) => void;
  #state: AssemblerState = 'idle';
  /** The held bytes of the current line (copies, so a chunk is not kept alive by a small view of it). */
  #held: Buffer[] = [];
  #size = 0;
  /** Pieces of the current line emitted so far. */
  #parts = 0;

  constructor(maxBytes: number, emit: (line: OutputLine) => void) {
    if (!Number.isInteger(maxBytes) || maxBytes < 4) throw new RangeError(`maxBytes must be an integer >= 4, got ${maxBytes}`);
    this.#maxBytes = maxBytes;
    this.#emit = emit;
  }

  get state(): AssemblerState {
    return this.#state;
  }

  /** Bytes held of a line not yet ended. */
  get held(): number {
    return this.#size;
  }

  push(chunk: Uint8Array): void {
    if (this.#state === 'ended') return;
    let from = 0;
    while (from < chunk.length) {
      const nl = chunk.indexOf(LF, from);
      const to = nl < 0 ? chunk.length : nl;
      if (nl >= 0 && this.#state === 'idle' && to - from - (to > from && chunk[to - 1] === CR ? 1 : 0) <= this.#maxBytes) {
        // The common case, a whole line inside one chunk: no copy.
        this.#emitLast(chunk.subarray(from, to));
      } else {
        if (to > from) this.#hold(chunk.subarray(from, to));
        if (nl >= 0) this.#endLine();
      }
      if (nl < 0) break;
      from = nl + 1;
    }
  }

  /** End of file: a last line without its newline is emitted as it is. */
  end(): void {
    if (this.#state === 'ended') return;
    if (this.#state !== 'idle') this.#endLine();
    this.#state = 'ended';
  }

  #hold(bytes: Uint8Array): void {
    this.#held.push(Buffer.from(bytes));
    this.#size += bytes.length;
    if (this.#state === 'idle') this.#state = 'line';
    while (this.#content() > this.#maxBytes) this.#cut();
  }

  /** Held bytes that are surely the line's: a CR at the end may yet turn out to be the CR of a CRLF. */
  #content(): number {
    const last = this.#held[this.#held.length - 1];
    return last !== undefined && last[last.length - 1] === CR ? this.#size - 1 : this.#size;
  }

  #cut(): void {
    const all = Buffer.concat(this.#held, this.#size);
    let at = this.#maxBytes;
    // Not inside a UTF-8 sequence: back up over up to 3 continuation bytes
    // to their lead byte. Anything else (binary junk) is cut where it is.
    let b = at;
    while (b > at - 3 && ((all[b] ?? 0) & 0xc0) === 0x80) b--;
    if (b < at && ((all[b] ?? 0) & 0xc0) === 0xc0) at = b;
    this.#emit({ text: all.toString('utf8', 0, at), part: ++this.#parts, more: true });
    const rest = Buffer.from(all.subarray(at));
    this.#held = [rest];
    this.#size = rest.length;
    this.#state = 'cut';
  }

  #endLine(): void {
    this.#emitLast(this.#held.length === 1 ? this.#held[0]! : Buffer.concat(this.#held, this.#size));
    this.#held = [];
    this.#size = 0;
  }

  /** The line's last (or only) bytes, without the newline. */
  #emitLast(bytes: Uint8Array): void {
    const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, end).toString('utf8');
    if (this.#parts === 0) this.#emit({ text, part: 0, more: false });
    else this.#emit({ text, part: this.#parts + 1, more: false });
    this.#parts = 0;
    this.#state = 'idle';
  }
}

export type WorkerKind = 'socket' | 'task';
export type StreamName = 'stdout' | 'stderr';

export interface OutputSource {
  id: number;
  pid: number | undefined;
  kind: WorkerKind;
}

const CUT = '[...]';

/** `[time] [pid] [worker 3] text`; `[worker 3 stderr]` for stderr, `[task worker 3]` for a task worker. */
export function formatText(time: string, src: OutputSource, stream: StreamName, line: OutputLine): string {
  const who = `${src.kind === 'task' ? 'task ' : ''}worker ${src.id}${stream === 'stderr' ? ' stderr' : ''}`;
  // Escaped, not capped: the cap is workerLineBytes, applied before.
  const text = printable(line.text, Infinity);
  return `[${time}] [${src.pid ?? '?'}] [${who}] ${line.part > 1 ? `${CUT} ` : ''}${text}${line.more ? ` ${CUT}` : ''}`;
}

/** One JSON object; an app's own JSON object line is kept, unchanged, under "app". */
export function formatJson(time: string, src: OutputSource, stream: StreamName, line: OutputLine): string {
  const head = `{"time":${JSON.stringify(time)},"pid":${src.pid ?? null},"worker":${src.id},"kind":"${src.kind}","stream":"${stream}"`;
  if (line.part > 0) return `${head},"part":${line.part},"more":${line.more},"msg":${JSON.stringify(line.text)}}`;
  const app = jsonObject(line.text);
  return app === undefined ? `${head},"msg":${JSON.stringify(line.text)}}` : `${head},"app":${app}}`;
}

/**
 * The line as JSON text to embed, when it is one JSON object; else undefined.
 * Embedded as written (its key order, its numbers beyond 2^53, its escapes),
 * once JSON.parse has shown it valid, unless it holds raw control characters
 * (whitespace between tokens, say a lone CR): then as JSON.stringify writes it.
 */
export function jsonObject(text: string): string | undefined {
  const t = text.trim();
  if (!t.startsWith('{') || !t.endsWith('}')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  // eslint-disable-next-line no-control-regex
  return /[\x00-\x1f\u2028\u2029]/.test(t) ? JSON.stringify(value) : t;
}

/** Where formatted worker lines go: the arbiter's Logger. */
export interface LineSink {
  readonly format: LogFormat;
  writeLine(line: string): void;
}

export interface WorkerStreams {
  readonly pid: number | undefined;
  readonly stdout?: Readable | undefined;
  readonly stderr?: Readable | undefined;
}

/**
 * Reads a worker's stdout and stderr pipes (those it has) into `sink`, one
 * LineAssembler per stream. A stream's end, error or close flushes its last
 * line. The pid is read at each line (it is known once the spawn succeeded).
 */
export function pipeWorkerOutput(proc: WorkerStreams, id: number, kind: WorkerKind, sink: LineSink, maxBytes = DEFAULT_WORKER_LINE_BYTES, now: () => Date = () => new Date()): void {
  const format = sink.format === 'json' ? formatJson : formatText;
  for (const stream of ['stdout', 'stderr'] as const) {
    const readable = proc[stream];
    if (!readable) continue;
    const assembler = new LineAssembler(maxBytes, (line) => sink.writeLine(format(now().toISOString(), { id, pid: proc.pid, kind }, stream, line)));
    readable.on('data', (chunk: Buffer | string) => assembler.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    const end = () => assembler.end();
    readable.once('end', end);
    readable.once('close', end);
    // A read error (none is expected on a pipe) ends the stream; it must not
    // become an uncaught 'error' that takes the arbiter down.
    readable.on('error', end);
  }
}
