// The access log: the format parser (shared with the arbiter's options),
// rendering of every atom on real HTTP requests, escaping, line bounds, and
// the environment variable.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as http from 'node:http';
import * as net from 'node:net';
import { AccessLog, accessLogFromEnvironment, accessLogFromOption, escapeField, formatLogTime, MAX_ACCESS_LOG_LINE } from './access-log.js';
import { ACCESS_LOG_ENV, DEFAULT_ACCESS_LOG_FORMAT, parseAccessLogFormat } from '../transport/access-log-format.js';
import { until } from './test-support.js';

test('parse: text, atoms, headers (lower-cased), %% ', () => {
  assert.equal(parseAccessLogFormat('%(h)s "%(r)s" %({X-Request-Id}i)s %({content-type}o)s 100%%'), [
    { kind: 'atom', atom: 'h' },
    { kind: 'text', text: ' "' },
    { kind: 'atom', atom: 'r' },
    { kind: 'text', text: '" ' },
    { kind: 'header', from: 'request', name: 'x-request-id' },
    { kind: 'text', text: ' ' },
    { kind: 'header', from: 'response', name: 'content-type' },
    { kind: 'text', text: ' 100%' },
  ]);
  assert.is(parseAccessLogFormat(DEFAULT_ACCESS_LOG_FORMAT).filter((p) => p.kind === 'atom').length, 9);
});

test('parse: what is refused, and where', () => {
  const cases: [string, RegExp][] = [
    ['', /empty/],
    ['plain text', /no atom/],
    ['%(h)s %d', /offset 6: a % starts an atom/],
    ['%(h)', /offset 0/],
    ['%(x)s', /unknown atom %\(x\)s/],
    ['%({}i)s', /not a header name/],
    ['%({a b}o)s', /not a header name/],
    ['%(h)s\n%(r)s', /printable ASCII/],
    ['%(h)s\u00e9', /printable ASCII/],
  ];
  for (const [format, why] of cases) assert.throws(() => parseAccessLogFormat(format), why, JSON.stringify(format));
});

test('escapeField: control characters, quotes, backslashes and octets beyond ASCII cannot forge or break a line', () => {
  assert.is(escapeField('GET / HTTP/1.1'), 'GET / HTTP/1.1');
  assert.is(escapeField('a\nb\r\tc\x00\x1b[31m'), 'a\\x0ab\\x0d\\x09c\\x00\\x1b[31m');
  assert.is(escapeField('say "hi" \\o/'), 'say \\"hi\\" \\\\o/');
  assert.is(escapeField('caf\u00e9 \x7f'), 'caf\\xe9 \\x7f');
  assert.is(escapeField('\u2028'), '\\u2028');
});

test('formatLogTime: [dd/Mon/yyyy:HH:MM:SS +zzzz], as Gunicorn writes it', () => {
  assert.match(formatLogTime(Date.UTC(2000, 9, 10, 13, 55, 36)), /^\[\d\d\/(Oct|Nov)\/2000:\d\d:\d\d:36 [+-]\d{4}\]$/);
  const tz = process.env.TZ;
  process.env.TZ = 'UTC';
  try {
    assert.is(formatLogTime(Date.UTC(2000, 9, 10, 13, 55, 36)), '[10/Oct/2000:13:55:36 +0000]');
  } finally {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  }
});

/** A server whose responses are logged by `log`, and a client that sends raw request text on one keep-alive connection. */
async function served(log: AccessLog, handler: http.RequestListener, options: http.ServerOptions = {}) {
  const server = http.createServer(options, handler);
  server.prependListener('request', log.onRequest);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  const client = net.connect(port, '127.0.0.1');
  await new Promise<void>((r) => client.once('connect', r));
  let text = '';
  client.setEncoding('latin1');
  client.on('data', (d: string) => (text += d));
  return {
    send: (raw: string) => client.write(raw, 'latin1'),
    received: () => text,
    close: () => {
      client.destroy();
      server.close();
    },
  };
}

/** Runs `fn` with a served log, closing the server and client whatever happens. */
async function withServed(log: AccessLog, handler: http.RequestListener, fn: (s: Awaited<ReturnType<typeof served>>) => Promise<void>, options: http.ServerOptions = {}) {
  const s = await served(log, handler, options);
  try {
    await fn(s);
  } finally {
    s.close();
  }
}

test('every atom, on real requests: the default format, then one of each', async () => {
  const lines: string[] = [];
  let clock = 1000;
  const format = `${DEFAULT_ACCESS_LOG_FORMAT} | %(m)s %(U)s %(q)s %(H)s %(B)s %(T)s %(M)s %(D)s %(L)s %(p)s %({x-request-id}i)s %({content-type}o)s %({x-none}i)s`;
  const log = new AccessLog(format, { write: (l) => lines.push(l), now: () => clock, wallClock: () => Date.UTC(2026, 11, 7, 13, 55, 36), pid: 4242 });
  await withServed(log, (req, res) => {
    clock += 1234.5678; // the request takes 1.2345678 s
    res.setHeader('content-type', 'text/plain');
    if (req.url === '/empty') res.statusCode = 204;
    res.write('hé');
    res.end(Buffer.from('llo'));
  }, async (s) => {
    s.send('GET /a/b?x=1&y=2 HTTP/1.1\r\nHost: h\r\nAuthorization: Basic YWxpY2U6c2VjcmV0\r\nReferer: http://ref/\r\nUser-Agent: tester/1.0\r\nX-Request-Id: r-17\r\n\r\n');
    await until(() => lines.length === 1);
    s.send('HEAD /empty HTTP/1.0\r\nHost: h\r\n\r\n');
    await until(() => lines.length === 2);
  });
  const time = /\[\d\d\/Dec\/2026:\d\d:\d\d:36 [+-]\d{4}\]/;
  const [a, b] = lines as [string, string];
  assert.ok(a.endsWith('\n') && a.indexOf('\n') === a.length - 1, 'one line, newline-terminated');
  const [head, tail] = a.slice(0, -1).split(' | ') as [string, string];
  assert.match(head, time);
  assert.is(head.replace(time, 'T'), '127.0.0.1 - alice T "GET /a/b?x=1&y=2 HTTP/1.1" 200 6 "http://ref/" "tester/1.0"');
  assert.is(tail, 'GET /a/b x=1&y=2 HTTP/1.1 6 1 1234 1234567 1.234568 <4242> r-17 text/plain -');
  // HEAD of a 204 over HTTP/1.0: no body (b is -, B is 0), no query, no user, no referer.
  const [head2, tail2] = b.slice(0, -1).split(' | ') as [string, string];
  assert.is(head2.replace(time, 'T'), '127.0.0.1 - - T "HEAD /empty HTTP/1.0" 204 - "-" "-"');
  assert.is(tail2, 'HEAD /empty  HTTP/1.0 0 1 1234 1234567 1.234568 <4242> - text/plain -');
});

test('escaping in practice: quotes, backslashes, octets beyond ASCII and a user name with a newline cannot forge or break a line', async () => {
  const lines: string[] = [];
  const log = new AccessLog('"%(r)s" "%(a)s" %(u)s', { write: (l) => lines.push(l) });
  // What Node's strict parser lets through: " and \ in the URL; ", \, a tab and latin1 octets in header values; anything in base64.
  const user = Buffer.from('bob\n127.0.0.1 - - "GET /forged":pw').toString('base64');
  await withServed(log, (_req, res) => res.end('ok'), async (s) => {
    s.send(`GET /a"b\\c HTTP/1.1\r\nHost: h\r\nUser-Agent: x" "y\\\t\xe9\r\nAuthorization: Basic ${user}\r\n\r\n`);
    await until(() => lines.length === 1);
  });
  assert.is(lines[0], '"GET /a\\"b\\\\c HTTP/1.1" "x\\" \\"y\\\\\\x09\\xe9" bob\\x0a127.0.0.1 - - \\"GET /forged\\"\n');
});

test('escaping with insecureHTTPParser: control characters in header values are escaped', async () => {
  const lines: string[] = [];
  const log = new AccessLog('%({x-evil}i)s|%(a)s', { write: (l) => lines.push(l) });
  await withServed(log, (_req, res) => res.end('ok'), async (s) => {
    s.send('GET / HTTP/1.1\r\nHost: h\r\nX-Evil: a\x01b\x1b[2J\x7f\r\nUser-Agent: \x00\r\n\r\n');
    await until(() => lines.length === 1);
  }, { insecureHTTPParser: true });
  assert.is(lines[0], 'a\\x01b\\x1b[2J\\x7f|\\x00\n');
});

test('a line is at most 4096 octets, written whole', () => {
  const lines: string[] = [];
  const log = new AccessLog('%(r)s', { write: (l) => lines.push(l) });
  const req = { method: 'GET', url: `/${'x'.repeat(10_000)}`, httpVersion: '1.1', headers: {}, socket: {} } as unknown as http.IncomingMessage;
  const line = log.line({ req, res: {} as http.ServerResponse, ms: 1, bytes: 0 });
  assert.is(line.length, MAX_ACCESS_LOG_LINE);
  assert.ok(line.endsWith('...\n'));
});

test('the environment variable: read once, removed, a bad format warned about and ignored', () => {
  const env: NodeJS.ProcessEnv = { [ACCESS_LOG_ENV]: '%(s)s', OTHER: 'x' };
  const warnings: string[] = [];
  assert.ok(accessLogFromEnvironment(env, (m) => warnings.push(m)) instanceof AccessLog);
  assert.equal(env, { OTHER: 'x' }, 'removed, so that programs the app starts do not log');
  assert.is(accessLogFromEnvironment(env, (m) => warnings.push(m)), undefined);
  assert.is(accessLogFromEnvironment({ [ACCESS_LOG_ENV]: '%(zz)s' }, (m) => warnings.push(m)), undefined);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /^NODE_CORRAL_ACCESS_LOG: .*unknown atom %\(zz\)s .*; no access log$/);
  assert.is(accessLogFromOption(undefined), undefined);
  assert.is(accessLogFromOption(false), undefined);
  assert.ok(accessLogFromOption(true) instanceof AccessLog);
});

test.run();
