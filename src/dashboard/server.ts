// The web dashboard (options.dashboard, `corral run --dashboard HOST:PORT`):
// one page that shows the pool live, and a small JSON API under /api that
// the page reads. Everything goes through PoolView, the answers the control
// socket gives; the two actions (scale, reload) go through view.control(),
// so they are checked exactly as `corral ctl` is. There is no stop: a page
// is too easy to click by accident (docs/dashboard.md).
//
//   GET  /                      the page (HTML), /dashboard.js, /dashboard.css
//   GET  /api/status            PoolStatus
//   GET  /api/tasks             TasksStatus
//   GET  /api/jobs?state=&app=&limit=&id=&counts=1
//                               JobList (+ counts per state when counts=1)
//   GET  /api/history           HistoryPoint[] (oldest first)
//   GET  /api/events            Server-Sent Events, once a tick:
//                                 event: status  PoolStatus
//                                 event: point   the newest HistoryPoint (when there is a new one)
//                                 event: tasks   TasksStatus (task pools only)
//                               and a comment line as a heartbeat
//   POST /api/scale  {kind, workers, app?}       control({action: 'scale', …})
//   POST /api/reload {}                          control({action: 'reload'})
//
// Security (docs/dashboard.md): loopback by default (options.ts refuses a
// non-loopback bind without a token). A GET never changes anything. A POST
// must carry `Content-Type: application/json` (which a cross-site form
// cannot send without a CORS preflight this server never grants) and an
// Origin equal to the dashboard's own; when a token is configured, also
// `Authorization: Bearer TOKEN`, compared in constant time. On a loopback
// bind the Host header must name a loopback host, so a page on another site
// that rebinds its DNS name to 127.0.0.1 reads nothing either. Bounded:
// connections, event clients, request bodies, time to send a request, and
// event bytes queued for a client that does not read.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ControlResult, JobState } from '../protocol/control.js';
import type { Logger } from '../arbiter/log.js';
import type { HistoryPoint } from '../arbiter/monitor.js';
import type { PoolView, Service } from '../arbiter/services.js';
import { DASHBOARD_HTML } from './page/html.js';
import { DASHBOARD_SCRIPT } from './page/script.js';
import { DASHBOARD_STYLE } from './page/style.js';

/** The job states, as the control protocol names them (JOB_STATES; copied: this module imports only types from the protocol). */
const STATES: readonly JobState[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'timeout', 'lost'];

export const DASHBOARD_LIMITS = Object.freeze({
  /** TCP connections at once; more are closed as they arrive. */
  maxConnections: 64,
  /** /api/events clients at once; more get 503. */
  maxEventClients: 32,
  /** A POST body larger than this gets 413. */
  maxBodyBytes: 4096,
  /** Event bytes queued for a client that does not read before it is dropped. */
  maxQueuedBytes: 1024 * 1024,
  /** Time to send a whole request (headers and body). */
  requestTimeoutMs: 10_000,
  /** Time to send the headers. */
  headersTimeoutMs: 5_000,
  /** An idle keep-alive connection is closed after this long. */
  keepAliveTimeoutMs: 5_000,
  /** How often /api/events pushes. */
  tickMs: 1000,
  /** A comment line this often, so that proxies and clients see the stream is alive. */
  heartbeatMs: 15_000,
  /** Largest `limit` of /api/jobs (CONTROL_LIMITS.maxJobs). */
  maxJobs: 1000,
});

export type DashboardLimits = { -readonly [K in keyof typeof DASHBOARD_LIMITS]: number };

export interface DashboardOptions {
  /** Required as `Authorization: Bearer TOKEN` for actions; undefined = none. */
  token?: string | undefined;
  log: Logger;
  /** Tests: smaller limits, a faster tick. */
  limits?: Partial<DashboardLimits> | undefined;
}

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** An HTTP answer that is an error: its status, a stable code and a message, sent as JSON. */
class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

/** HOST:PORT or [IPv6]:PORT (options.ts has checked the form). */
export function splitAddress(address: string): { host: string; port: number } {
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(address) ?? /^([^:[\]]*):(\d+)$/.exec(address);
  if (!m) throw new RangeError(`dashboard address must be HOST:PORT or [IPv6]:PORT, got ${JSON.stringify(address)}`);
  return { host: m[1] === '' ? '0.0.0.0' : m[1]!, port: Number(m[2]) };
}

const isLoopbackHost = (h: string) => /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::1' || h === 'localhost';

/** The host name of a Host header (`name:port`, `[v6]:port`, or without a port). */
function hostName(header: string): string {
  const v6 = /^\[([^\]]+)\](?::\d+)?$/.exec(header);
  if (v6) return v6[1]!.toLowerCase();
  return header.replace(/:\d+$/, '').toLowerCase();
}

/** Whether `given` (an Authorization header) carries `token`, in time that does not depend on where they differ. */
export function bearerMatches(given: string | undefined, token: string): boolean {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(given ?? '');
  // Digests: equal lengths for timingSafeEqual whatever was sent.
  const a = createHash('sha256').update(m?.[1] ?? '').digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b) && m !== null;
}

/** The HTTP status for a control() error code. */
function statusFor(code: string): number {
  if (code === 'CORRAL_ERR_STATE') return 409;
  if (code === 'CORRAL_ERR_INTERNAL') return 500;
  return 400;
}

interface EventClient {
  res: http.ServerResponse;
  remote: string;
  /** The newest history point sent to it. */
  lastPointT: number;
}

export class DashboardServer implements Service {
  readonly name = 'dashboard';
  readonly #view: PoolView;
  readonly #log: Logger;
  readonly #token: string | undefined;
  readonly #limits: DashboardLimits;
  readonly #server: http.Server;
  readonly #sockets = new Set<Socket>();
  readonly #events = new Set<EventClient>();
  readonly #html: string;
  #host = '';
  #port = 0;
  #loopback = true;
  #tick: NodeJS.Timeout | undefined;
  #lastBeat = 0;
  /** Refusals are logged a few times, then counted: a flood of them must not flood the log. */
  #refused = 0;

  constructor(view: PoolView, options: DashboardOptions) {
    this.#view = view;
    this.#log = options.log;
    this.#token = options.token;
    this.#limits = { ...DASHBOARD_LIMITS, ...options.limits };
    const config = {
      tokenRequired: this.#token !== undefined,
      sampleIntervalMs: view.options.sampleIntervalMs,
      historySamples: view.options.historySamples,
      heartbeatIntervalMs: view.options.heartbeatIntervalMs,
      timeoutS: view.options.timeout,
    };
    // JSON inside <script type="application/json">: no "<" may end the element early.
    this.#html = DASHBOARD_HTML.replace('{{CONFIG}}', JSON.stringify(config).replace(/</g, '\\u003c'));
    this.#server = http.createServer({ requestTimeout: this.#limits.requestTimeoutMs, headersTimeout: this.#limits.headersTimeoutMs, keepAliveTimeout: this.#limits.keepAliveTimeoutMs }, (req, res) => this.#handle(req, res));
    this.#server.maxConnections = this.#limits.maxConnections;
    this.#server.maxHeadersCount = 64;
    this.#server.on('connection', (s: Socket) => {
      this.#sockets.add(s);
      s.on('close', () => this.#sockets.delete(s));
    });
    this.#server.on('clientError', (err, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      else socket.destroy(err);
    });
  }

  get url(): string {
    const h = this.#host.includes(':') ? `[${this.#host}]` : this.#host;
    return `http://${h}:${this.#port}/`;
  }

  /** Binds `address` (HOST:PORT; port 0 picks a free one). */
  async listen(address: string): Promise<void> {
    const { host, port } = splitAddress(address);
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      this.#server.once('error', onError);
      this.#server.listen({ host, port, exclusive: true }, () => {
        this.#server.off('error', onError);
        resolve();
      });
    });
    const a = this.#server.address() as AddressInfo;
    this.#host = a.address;
    this.#port = a.port;
    this.#loopback = isLoopbackHost(host) || isLoopbackHost(a.address);
    this.#server.on('error', (err) => this.#log.error(`dashboard: ${err.message}`));
  }

  async close(): Promise<void> {
    if (this.#tick) clearInterval(this.#tick);
    this.#tick = undefined;
    for (const c of this.#events) c.res.destroy();
    this.#events.clear();
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    for (const s of this.#sockets) s.destroy();
    await closed;
  }

  /** Event clients connected now (tests). */
  get eventClients(): number {
    return this.#events.size;
  }

  // ---- requests ----------------------------------------------------------

  #handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    this.#route(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) {
        if (err.status === 403 || err.status === 401) this.#noteRefusal(req, err);
        this.#json(res, err.status, { error: { code: err.code, message: err.message } }, err.headers);
      } else {
        this.#log.error(`dashboard: ${req.method} ${req.url}: ${(err as Error).stack ?? String(err)}`);
        this.#json(res, 500, { error: { code: 'CORRAL_ERR_INTERNAL', message: 'internal error' } });
      }
    });
  }

  async #route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.#checkHost(req);
    const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const get = method === 'GET' || method === 'HEAD';
    const reads: Record<string, () => void> = {
      '/': () => this.#send(res, 200, 'text/html; charset=utf-8', this.#html, true),
      '/index.html': () => this.#send(res, 200, 'text/html; charset=utf-8', this.#html, true),
      '/dashboard.js': () => this.#send(res, 200, 'text/javascript; charset=utf-8', DASHBOARD_SCRIPT, true),
      '/dashboard.css': () => this.#send(res, 200, 'text/css; charset=utf-8', DASHBOARD_STYLE, true),
      '/api/status': () => this.#json(res, 200, this.#view.status()),
      '/api/tasks': () => this.#json(res, 200, this.#view.tasksStatus()),
      '/api/history': () => this.#json(res, 200, this.#view.history()),
      '/api/jobs': () => this.#json(res, 200, this.#jobs(url.searchParams)),
      '/api/events': () => this.#subscribe(req, res),
    };
    const actions: Record<string, (body: Record<string, unknown>) => ControlResult> = {
      '/api/scale': (b) => this.#view.control(scaleAction(b)),
      '/api/reload': () => this.#view.control({ action: 'reload' }),
    };
    const read = reads[path];
    const act = actions[path];
    if (read) {
      if (!get) throw new HttpError(405, 'CORRAL_ERR_METHOD_NOT_ALLOWED', `${path} answers GET only`, { allow: 'GET, HEAD' });
      read();
      return;
    }
    if (act) {
      if (method !== 'POST') throw new HttpError(405, 'CORRAL_ERR_METHOD_NOT_ALLOWED', `${path} answers POST only`, { allow: 'POST' });
      this.#checkWrite(req);
      const body = await readBody(req, this.#limits.maxBodyBytes);
      const result = act(body);
      const remote = req.socket.remoteAddress ?? '?';
      if ('error' in result) {
        this.#log.warning(`dashboard: ${path.slice(5)} from ${remote} refused: ${result.error.code}: ${result.error.message}`);
        this.#json(res, statusFor(result.error.code), result);
        return;
      }
      this.#log.info(`dashboard: ${path.slice(5)} from ${remote}: ${'done' in result ? result.done : 'ok'}`);
      this.#json(res, 200, result);
      return;
    }
    throw new HttpError(404, 'CORRAL_ERR_NOT_FOUND', `no such page: ${path}`);
  }

  /** On a loopback bind, the Host must be a loopback name: a rebound DNS name (a page of another site) is refused. */
  #checkHost(req: http.IncomingMessage): void {
    if (!this.#loopback) return;
    const host = req.headers.host;
    if (host === undefined || !isLoopbackHost(hostName(host))) {
      throw new HttpError(403, 'CORRAL_ERR_FORBIDDEN_HOST', `this dashboard listens on a loopback address and answers only to a loopback Host, got ${JSON.stringify(host ?? '')}`);
    }
  }

  /** An action: JSON, from the dashboard's own origin, with the token when there is one. */
  #checkWrite(req: http.IncomingMessage): void {
    const origin = req.headers.origin;
    const own = `http://${req.headers.host ?? ''}`;
    if (origin === undefined || origin.toLowerCase() !== own.toLowerCase()) {
      throw new HttpError(403, 'CORRAL_ERR_FORBIDDEN_ORIGIN', `actions are taken only from the dashboard's own page: Origin must be ${own}, got ${origin === undefined ? 'none' : JSON.stringify(origin)}`);
    }
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') {
      throw new HttpError(403, 'CORRAL_ERR_FORBIDDEN_ORIGIN', `actions are taken only from the dashboard's own page (Sec-Fetch-Site: ${site})`);
    }
    if (this.#token !== undefined && !bearerMatches(req.headers.authorization, this.#token)) {
      throw new HttpError(401, 'CORRAL_ERR_UNAUTHORIZED', 'this dashboard needs its token for actions: Authorization: Bearer TOKEN', { 'www-authenticate': 'Bearer realm="corral"' });
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      throw new HttpError(415, 'CORRAL_ERR_UNSUPPORTED_MEDIA_TYPE', `actions take Content-Type: application/json, got ${JSON.stringify(req.headers['content-type'] ?? '')}`);
    }
  }

  #noteRefusal(req: http.IncomingMessage, err: HttpError): void {
    this.#refused++;
    if (this.#refused <= 10 || this.#refused % 1000 === 0) {
      this.#log.warning(`dashboard: ${req.method} ${printableUrl(req.url)} from ${req.socket.remoteAddress ?? '?'} refused (${err.status} ${err.code}); ${this.#refused} refused so far`);
    }
  }

  #jobs(q: URLSearchParams): unknown {
    const state = q.get('state') ?? '';
    if (state !== '' && !(STATES as readonly string[]).includes(state)) {
      throw new HttpError(400, 'CORRAL_ERR_INVALID_OPTION', `state must be one of ${STATES.join(', ')} or empty, got ${JSON.stringify(state)}`);
    }
    const app = q.get('app') ?? '';
    if (app.length > 256) throw new HttpError(400, 'CORRAL_ERR_INVALID_OPTION', 'app is too long');
    const int = (name: string, min: number, max: number): number => {
      const raw = q.get(name);
      if (raw === null || raw === '') return 0;
      const n = Number(raw);
      if (!/^\d+$/.test(raw) || n < min || n > max) throw new HttpError(400, 'CORRAL_ERR_INVALID_OPTION', `${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
      return n;
    };
    const limit = int('limit', 1, this.#limits.maxJobs);
    const id = int('id', 1, Number.MAX_SAFE_INTEGER);
    const list = this.#control({ action: 'jobs', state, app, limit, id }) as object;
    if (q.get('counts') !== '1') return list;
    const counts: Record<string, number> = {};
    for (const s of STATES) counts[s] = (this.#control({ action: 'jobs', state: s, app, limit: 1 }) as { matched: number }).matched;
    return { ...list, counts };
  }

  /** A read through control(): its body, or its error as an HttpError. */
  #control(a: { action: 'jobs'; state: string; app: string; limit: number; id?: number }): unknown {
    const r = this.#view.control(a);
    if ('error' in r) throw new HttpError(statusFor(r.error.code), r.error.code, r.error.message);
    return 'jobs' in r ? r.jobs : r;
  }

  #send(res: http.ServerResponse, status: number, type: string, body: string, cache = false): void {
    const bytes = Buffer.from(body);
    res.writeHead(status, { 'content-type': type, 'content-length': bytes.length, 'cache-control': cache ? 'no-cache' : 'no-store' });
    res.end(res.req.method === 'HEAD' ? undefined : bytes);
  }

  #json(res: http.ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    this.#send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
  }

  // ---- events --------------------------------------------------------------

  #subscribe(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (this.#events.size >= this.#limits.maxEventClients) {
      throw new HttpError(503, 'CORRAL_ERR_TOO_MANY_CLIENTS', `at most ${this.#limits.maxEventClients} event streams at once`, { 'retry-after': '5' });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const point = this.#newest();
    const client: EventClient = { res, remote: req.socket.remoteAddress ?? '?', lastPointT: point?.t ?? 0 };
    this.#events.add(client);
    req.socket.setNoDelay(true);
    res.on('close', () => this.#events.delete(client));
    // Straight away: how long to wait before reconnecting, and the pool as it is now.
    this.#write(client, `retry: 2000\n\n${event('status', this.#view.status())}${point ? event('point', point) : ''}${this.#tasks()}`);
    this.#tick ??= setInterval(() => this.#push(), this.#limits.tickMs);
    this.#tick.unref();
  }

  #push(): void {
    if (this.#events.size === 0) {
      clearInterval(this.#tick);
      this.#tick = undefined;
      return;
    }
    let status: string;
    let tasks: string;
    let point: HistoryPoint | undefined;
    try {
      status = event('status', this.#view.status());
      point = this.#newest();
      tasks = this.#tasks();
    } catch (err) {
      this.#log.error(`dashboard: events: ${(err as Error).message}`);
      return;
    }
    const pointEvent = point ? event('point', point) : '';
    const now = Date.now();
    let beat = '';
    if (now - this.#lastBeat >= this.#limits.heartbeatMs) {
      beat = `: heartbeat ${now}\n\n`;
      this.#lastBeat = now;
    }
    for (const c of this.#events) {
      // Each point once per client: the opening frame may have carried it already.
      const fresh = point !== undefined && point.t > c.lastPointT;
      if (fresh) c.lastPointT = point!.t;
      this.#write(c, status + (fresh ? pointEvent : '') + tasks + beat);
    }
  }

  #newest(): HistoryPoint | undefined {
    const history = this.#view.history();
    return history[history.length - 1];
  }

  /** The tasks event, for a pool that runs task apps or consumes queues. */
  #tasks(): string {
    const t = this.#view.tasksStatus();
    return t.apps.length || t.queue ? event('tasks', t) : '';
  }

  /** Writes to one client, dropping it when too much is queued for it (it does not read). */
  #write(c: EventClient, text: string): void {
    if (c.res.destroyed) return;
    c.res.write(text);
    if (c.res.writableLength > this.#limits.maxQueuedBytes) {
      this.#log.warning(`dashboard: event client ${c.remote} dropped: ${c.res.writableLength} bytes queued that it does not read`);
      this.#events.delete(c);
      c.res.destroy();
    }
  }
}

/** One Server-Sent Event: the JSON has no newline, so it is one data line. */
export function event(name: string, value: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(value)}\n\n`;
}

const printableUrl = (u: string | undefined) => (u ?? '').slice(0, 200).replace(/[^\x21-\x7e]/g, '?');

/** The JSON object of a POST body, at most `max` bytes. */
async function readBody(req: http.IncomingMessage, max: number): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const tooLarge = () => new HttpError(413, 'CORRAL_ERR_BODY_TOO_LARGE', `a request body is at most ${max} bytes`, { connection: 'close' });
  if (declared > max) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw tooLarge();
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, 'CORRAL_ERR_BAD_REQUEST', `the body is not JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, 'CORRAL_ERR_BAD_REQUEST', 'the body must be a JSON object');
  return value as Record<string, unknown>;
}

/** POST /api/scale's body as a control action; the range of `workers` is control()'s to check. */
function scaleAction(b: Record<string, unknown>): { action: 'scale'; kind: 'socket' | 'task'; workers: number; app?: string } {
  const kind = b.kind ?? 'socket';
  if (kind !== 'socket' && kind !== 'task') throw new HttpError(400, 'CORRAL_ERR_BAD_REQUEST', `kind must be "socket" or "task", got ${JSON.stringify(kind)}`);
  if (typeof b.workers !== 'number' || !Number.isInteger(b.workers)) throw new HttpError(400, 'CORRAL_ERR_BAD_REQUEST', `workers must be an integer, got ${JSON.stringify(b.workers) ?? 'nothing'}`);
  if (b.app !== undefined && (typeof b.app !== 'string' || b.app.length > 256)) throw new HttpError(400, 'CORRAL_ERR_BAD_REQUEST', 'app must be a string (a task app\'s name)');
  return { action: 'scale', kind, workers: b.workers, ...(b.app ? { app: b.app } : {}) };
}

/** Starts the dashboard at `address` (HOST:PORT). Rejects when the address cannot be bound. */
export async function openDashboard(view: PoolView, address: string, options: DashboardOptions): Promise<Service> {
  const s = new DashboardServer(view, options);
  await s.listen(address);
  return s;
}
