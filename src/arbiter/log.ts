// The arbiter's log: levels, text or JSON lines, to stderr or a file that
// USR1 reopens (for logrotate).
import { closeSync, openSync, writeSync } from 'node:fs';
import type { LogFormat, LogLevel } from './options.js';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warning: 30, error: 40, critical: 50 };

/** A string from a worker, made safe for one log line (SEC-8): control characters escaped, length capped. */
export function printable(text: string, max = 512): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

export class Logger {
  readonly #level: number;
  readonly #format: LogFormat;
  readonly #file: string | undefined;
  #fd: number;

  constructor(options: { level: LogLevel; format: LogFormat; file?: string | undefined }) {
    this.#level = RANK[options.level];
    this.#format = options.format;
    this.#file = options.file;
    this.#fd = this.#file ? openSync(this.#file, 'a') : 2;
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
    try {
      writeSync(this.#fd, line + '\n');
    } catch {
      // A full disk or a closed stderr must not take the arbiter down.
    }
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
