// The arbiter's log: levels, text or JSON lines, to stderr or a file that
// USR1 reopens (for logrotate). The workers' output lines come here too
// (worker-output.ts), written whole by writeLine().
import { closeSync, openSync, writeSync } from 'node:fs';
import type { LogFormat, LogLevel } from './options.js';

/**
 * How long one line may wait for a full stderr pipe whose reader is slow.
 * stderr can be non-blocking (Node makes a pipe so when anything in the
 * process, or any process sharing the pipe, opens process.stderr), and then
 * writeSync fails with EAGAIN, or writes part of a line, instead of waiting.
 * The line waits, in 1 ms sleeps, up to this long; after one timeout the
 * next lines do not wait until a write goes through again, so a reader that
 * stopped for good (a terminal paused with Ctrl-S) costs the arbiter this
 * long once, not per line.
 */
export const BLOCKED_WRITE_MS = 1000;
const nap = new Int32Array(new SharedArrayBuffer(4));

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warning: 30, error: 40, critical: 50 };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f-\x9f]/;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x1f\x7f-\x9f]/g;

/** A string from a worker, made safe for one log line (SEC-8): control characters (C0, DEL, C1) escaped, length capped. */
export function printable(text: string, max = 512): string {
  const clean = CONTROL.test(text) ? text.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`) : text;
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

export class Logger {
  readonly #level: number;
  readonly #format: LogFormat;
  readonly #file: string | undefined;
  #fd: number;
  /** The last write gave up waiting: do not wait again until one goes through. */
  #stalled = false;
  /** The last write gave up with part of its line written: start the next on a line of its own. */
  #broken = false;

  /** `fd`: write there instead of stderr when no file is given (tests). */
  constructor(options: { level: LogLevel; format: LogFormat; file?: string | undefined; fd?: number }) {
    this.#level = RANK[options.level];
    this.#format = options.format;
    this.#file = options.file;
    this.#fd = this.#file ? openSync(this.#file, 'a') : options.fd ?? 2;
  }

  get format(): LogFormat {
    return this.#format;
  }

  enabled(level: LogLevel): boolean {
    return RANK[level] >= this.#level;
  }

  log(level: LogLevel, message: string, fields: Record<string, unknown> = {}): void {
    if (RANK[level] < this.#level) return;
    const time = new Date().toISOString();
    const line =
      this.#format === 'json'
        ? JSON.stringify({ time, level, pid: process.pid, msg: message, ...fields })
        : `[${time}] [${process.pid}] [${level.toUpperCase()}] ${message}${Object.keys(fields).length ? ' ' + Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ') : ''}`;
    this.writeLine(line);
  }

  /**
   * Writes one line (a newline is added) as it is, whatever the level: the
   * workers' output. One writeSync for the whole line unless the pipe takes
   * only part of it; a full disk or a closed stderr drops the line rather
   * than take the arbiter down.
   */
  writeLine(line: string): void {
    const bytes = Buffer.from(`${this.#broken ? '\n' : ''}${line}\n`);
    let off = 0;
    let deadline = 0;
    while (off < bytes.length) {
      try {
        off += writeSync(this.#fd, bytes, off);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN' && !this.#stalled) {
          const now = performance.now();
          if (deadline === 0) deadline = now + BLOCKED_WRITE_MS;
          if (now < deadline) {
            Atomics.wait(nap, 0, 0, 1);
            continue;
          }
          this.#stalled = true;
        }
        // Part of it written: the next line starts with a newline. Nothing
        // written: a line cut short before, if any, still needs one.
        if (off > 0) this.#broken = true;
        return;
      }
    }
    this.#stalled = false;
    this.#broken = false;
  }

  debug(message: string, fields?: Record<string, unknown>): void { this.log('debug', message, fields); }
  info(message: string, fields?: Record<string, unknown>): void { this.log('info', message, fields); }
  warning(message: string, fields?: Record<string, unknown>): void { this.log('warning', message, fields); }
  error(message: string, fields?: Record<string, unknown>): void { this.log('error', message, fields); }
  critical(message: string, fields?: Record<string, unknown>): void { this.log('critical', message, fields); }

  /** USR1: reopen the log file (after logrotate moved it). */
  reopen(): void {
    if (!this.#file) return;
    const fd = openSync(this.#file, 'a');
    const old = this.#fd;
    this.#fd = fd;
    closeSync(old);
  }

  close(): void {
    if (this.#file) closeSync(this.#fd);
  }
}
