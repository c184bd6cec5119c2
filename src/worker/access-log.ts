// The access log of the Node worker runtime (Gunicorn's access log): one line
// per finished HTTP response, in the format the arbiter passed in
// NODE_CORRAL_ACCESS_LOG (src/transport/access-log-format.ts), written to
// the worker's standard output.
//
//   127.0.0.1 - alice [07/Dec/2026:13:55:36 +0000] "GET /a?b=1 HTTP/1.1" 200 12 "-" "curl/8.5.0"
//
// Every line is written whole with one write(2) of at most PIPE_BUF (4096)
// octets, so that lines of workers sharing one pipe or file never interleave.
// What a client sends (the request line, headers, the user name) is escaped:
// octets outside printable ASCII as \xHH, `"` and `\` with a backslash, so
// that no client can end a line early, forge one, or break out of a quoted
// field.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACCESS_LOG_ENV, DEFAULT_ACCESS_LOG_FORMAT, parseAccessLogFormat, type AccessLogPart } from '../transport/access-log-format.js';

export { ACCESS_LOG_ENV, DEFAULT_ACCESS_LOG_FORMAT } from '../transport/access-log-format.js';

/** The longest line written, newline included: PIPE_BUF, so that one write(2) to a pipe is atomic. */
export const MAX_ACCESS_LOG_LINE = 4096;

export interface AccessLogOptions {
  /** Where each line (newline included) goes; default one process.stdout.write per line. */
  write?: (line: string) => void;
  /** Monotonic clock in ms, for the request time; default performance.now. */
  now?: () => number;
  /** Wall clock in ms since the epoch, for %(t)s; default Date.now. */
  wallClock?: () => number;
  /** %(p)s; default process.pid. */
  pid?: number;
}

/** What one line is rendered from. */
interface Done {
  req: IncomingMessage;
  res: ServerResponse;
  /** Request time, ms. */
  ms: number;
  /** Body octets written by the application. */
  bytes: number;
}

type Render = (d: Done) => string;

// Printable ASCII but `"` and `\`: what may appear as it is.
const UNSAFE = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;

/** A field as it may appear in a log line: see the file comment. */
export function escapeField(s: string): string {
  if (!UNSAFE.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c >= 0x20 && c < 0x7f) out += s[i];
    else if (c <= 0xff) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `[10/Oct/2000:13:55:36 -0700]`, in local time, as Gunicorn writes it (strftime `[%d/%b/%Y:%H:%M:%S %z]`). */
export function formatLogTime(ms: number): string {
  const d = new Date(ms);
  const off = -d.getTimezoneOffset();
  const abs = Math.abs(off);
  const zone = `${off < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}${two(abs % 60)}`;
  return `[${two(d.getDate())}/${MONTHS[d.getMonth()]}/${d.getFullYear()}:${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} ${zone}]`;
}

function headerText(v: number | string | readonly string[] | undefined): string {
  if (v === undefined) return '-';
  return escapeField(Array.isArray(v) ? v.join(', ') : String(v));
}

/** The user name of `Authorization: Basic …`, or '-'. */
function basicUser(req: IncomingMessage): string {
  const auth = req.headers.authorization;
  if (auth === undefined) return '-';
  const m = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(auth);
  if (!m) return '-';
  const decoded = Buffer.from(m[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon < 0 ? decoded : decoded.slice(0, colon);
  return user === '' ? '-' : escapeField(user);
}

/** Body octets of a write() or end() argument. */
function sizeOf(chunk: unknown, encoding: unknown): number {
  if (typeof chunk === 'string') return Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (chunk instanceof Uint8Array) return chunk.byteLength;
  return 0;
}

/** Responses that carry no body, whatever the application wrote (RFC 9110 section 6.4.1). */
function bodiless(d: Done): boolean {
  const s = d.res.statusCode;
  return d.req.method === 'HEAD' || s === 204 || s === 304 || (s >= 100 && s < 200);
}

/** Formats and writes access log lines; `onRequest` is the ConnectionTracker's hook. */
export class AccessLog {
  readonly #render: Render[];
  readonly #countBytes: boolean;
  readonly #write: (line: string) => void;
  readonly #now: () => number;
  readonly #wallClock: () => number;
  readonly #pid: string;
  #timeSecond = -1;
  #timeText = '';

  /** Throws when the format is invalid (the arbiter has already refused such a format). */
  constructor(format: string, options: AccessLogOptions = {}) {
    const parts = parseAccessLogFormat(format);
    this.#write = options.write ?? ((line) => void process.stdout.write(line));
    this.#now = options.now ?? (() => performance.now());
    this.#wallClock = options.wallClock ?? Date.now;
    this.#pid = `<${options.pid ?? process.pid}>`;
    this.#render = parts.map((p) => this.#compile(p));
    this.#countBytes = parts.some((p) => p.kind === 'atom' && (p.atom === 'b' || p.atom === 'B'));
  }

  /** Called for every request: the line is written when the response has finished. */
  readonly onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const start = this.#now();
    const done: Done = { req, res, ms: 0, bytes: 0 };
    if (this.#countBytes) {
      // The body as the application wrote it: no headers, no chunked framing.
      const write = res.write;
      const end = res.end;
      res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
        done.bytes += sizeOf(chunk, rest[0]);
        return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
      } as typeof res.write;
      res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
        if (typeof chunk !== 'function') done.bytes += sizeOf(chunk, rest[0]);
        return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
      } as typeof res.end;
    }
    res.once('finish', () => {
      done.ms = Math.max(0, this.#now() - start);
      this.#write(this.line(done));
    });
  };

  /** One rendered line, newline included, at most MAX_ACCESS_LOG_LINE octets. */
  line(d: Done): string {
    let out = '';
    for (const r of this.#render) out += r(d);
    // Everything rendered is ASCII: characters are octets.
    if (out.length > MAX_ACCESS_LOG_LINE - 1) out = `${out.slice(0, MAX_ACCESS_LOG_LINE - 4)}...`;
    return `${out}\n`;
  }

  #time(): string {
    const ms = this.#wallClock();
    const s = Math.floor(ms / 1000);
    if (s !== this.#timeSecond) {
      this.#timeSecond = s;
      this.#timeText = formatLogTime(ms);
    }
    return this.#timeText;
  }

  #compile(p: AccessLogPart): Render {
    if (p.kind === 'text') {
      const t = p.text;
      return () => t;
    }
    if (p.kind === 'header') {
      const name = p.name;
      return p.from === 'request' ? (d) => headerText(d.req.headers[name]) : (d) => headerText(d.res.getHeader(name));
    }
    const url = (d: Done) => d.req.url ?? '';
    switch (p.atom) {
      case 'h': return (d) => escapeField(d.req.socket?.remoteAddress ?? '-');
      case 'l': return () => '-';
      case 'u': return (d) => basicUser(d.req);
      case 't': return () => this.#time();
      case 'r': return (d) => escapeField(`${d.req.method} ${url(d)} HTTP/${d.req.httpVersion}`);
      case 'm': return (d) => escapeField(d.req.method ?? '-');
      case 'U': return (d) => {
        const u = url(d);
        const q = u.indexOf('?');
        return escapeField(q < 0 ? u : u.slice(0, q));
      };
      case 'q': return (d) => {
        const u = url(d);
        const q = u.indexOf('?');
        return q < 0 ? '' : escapeField(u.slice(q + 1));
      };
      case 'H': return (d) => escapeField(`HTTP/${d.req.httpVersion}`);
      case 's': return (d) => String(d.res.statusCode);
      case 'B': return (d) => String(bodiless(d) ? 0 : d.bytes);
      case 'b': return (d) => (bodiless(d) || d.bytes === 0 ? '-' : String(d.bytes));
      case 'f': return (d) => headerText(d.req.headers.referer);
      case 'a': return (d) => headerText(d.req.headers['user-agent']);
      case 'T': return (d) => String(Math.floor(d.ms / 1000));
      case 'M': return (d) => String(Math.floor(d.ms));
      case 'D': return (d) => String(Math.floor(d.ms * 1000));
      case 'L': return (d) => (d.ms / 1000).toFixed(6);
      case 'p': return () => this.#pid;
      default: throw new Error(`unknown atom %(${p.atom})s`);
    }
  }
}

/**
 * The access log the environment asks for: the format in NODE_CORRAL_ACCESS_LOG
 * (removed from `env`, so that programs the application starts do not log
 * for it), or undefined when it is unset. A bad format is reported through
 * `warn` and logs nothing: the worker serves all the same.
 */
export function accessLogFromEnvironment(env: NodeJS.ProcessEnv, warn: (message: string) => void, options: AccessLogOptions = {}): AccessLog | undefined {
  const format = env[ACCESS_LOG_ENV];
  delete env[ACCESS_LOG_ENV];
  if (format === undefined || format === '') return undefined;
  try {
    return new AccessLog(format, options);
  } catch (err) {
    warn(`${ACCESS_LOG_ENV}: ${(err as Error).message}; no access log`);
    return undefined;
  }
}

/** The access log of `serve()`'s `accessLog` option: a format, true for Gunicorn's default, false or undefined for none. */
export function accessLogFromOption(value: string | boolean | undefined, options: AccessLogOptions = {}): AccessLog | undefined {
  if (value === undefined || value === false) return undefined;
  return new AccessLog(value === true ? DEFAULT_ACCESS_LOG_FORMAT : value, options);
}
