import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as http from 'node:http';
import * as net from 'node:net';
import { ConnectionTracker } from './load.js';
import { sleep, until } from './test-support.js';

/**
 * A real loopback connection: the client socket, and the server-side socket
 * that the tracker is given in place of an accepted fd.
 */
async function connection(): Promise<{ client: net.Socket; served: net.Socket; done: () => void }> {
  const l = net.createServer();
  await new Promise<void>((r) => l.listen(0, '127.0.0.1', r));
  const port = (l.address() as net.AddressInfo).port;
  const served = new Promise<net.Socket>((r) => l.once('connection', r));
  const client = net.connect(port, '127.0.0.1');
  const s = await served;
  l.close();
  return { client, served: s, done: () => client.destroy() };
}

/** Collects what the client receives; `ended` once the server closed. */
function reader(client: net.Socket) {
  const r = { text: '', ended: false };
  client.setEncoding('utf8');
  client.on('data', (d: string) => (r.text += d));
  client.on('end', () => (r.ended = true));
  client.on('close', () => (r.ended = true));
  return r;
}

const GET = 'GET / HTTP/1.1\r\nHost: x\r\n\r\n';

function setup(handler: http.RequestListener) {
  const app = http.createServer(handler);
  let releases = 0;
  let next: net.Socket | undefined;
  const tracker = new ConnectionTracker(app, { socketFactory: () => next as net.Socket, onRelease: () => releases++ });
  return {
    app,
    tracker,
    releases: () => releases,
    hand(socket: net.Socket) {
      next = socket;
      assert.ok(tracker.dispatch(1000));
    },
  };
}

test('http: in_flight follows the connection, requests_total counts finished responses', async () => {
  const t = setup((_req, res) => res.end('ok'));
  const c = await connection();
  const r = reader(c.client);
  t.hand(c.served);
  assert.is(t.tracker.inFlight, 1);
  assert.is(t.tracker.acceptedTotal, 1);
  c.client.write(GET);
  await until(() => r.text.includes('ok'));
  c.client.write(GET);
  await until(() => t.tracker.requestsTotal === 2);
  assert.not.match(r.text, /connection: close/i);
  c.client.end();
  await until(() => t.tracker.inFlight === 0);
  assert.is(t.releases(), 1);
  c.done();
});

test('http drain: an idle keep-alive connection is closed at once', async () => {
  const t = setup((_req, res) => res.end('ok'));
  const c = await connection();
  const r = reader(c.client);
  t.hand(c.served);
  c.client.write(GET);
  await until(() => r.text.includes('ok'));
  t.tracker.beginDrain();
  await until(() => r.ended && t.tracker.inFlight === 0, 2000, 'idle connection closed');
  c.done();
});

test('http drain: a request in flight completes with Connection: close', async () => {
  let respond!: () => void;
  const t = setup((_req, res) => {
    respond = () => res.end('late');
  });
  const c = await connection();
  const r = reader(c.client);
  t.hand(c.served);
  c.client.write(GET);
  await until(() => respond !== undefined);
  t.tracker.beginDrain();
  await sleep(20);
  assert.is(r.ended, false, 'busy connection left open');
  respond();
  await until(() => r.ended && t.tracker.inFlight === 0);
  assert.match(r.text, /connection: close/i);
  assert.match(r.text, /late$/);
  c.done();
});

test('http drain: a keep-alive response already started is followed by a close', async () => {
  let finish!: () => void;
  const t = setup((_req, res) => {
    res.writeHead(200, { 'content-length': '4' });
    res.flushHeaders();
    finish = () => res.end('done');
  });
  const c = await connection();
  const r = reader(c.client);
  t.hand(c.served);
  c.client.write(GET);
  await until(() => finish !== undefined && r.text.includes('200'));
  t.tracker.beginDrain();
  finish();
  await until(() => r.ended && t.tracker.inFlight === 0);
  assert.match(r.text, /keep-alive/i);
  assert.match(r.text, /done$/);
  c.done();
});

test('http drain: a connection with no request yet is kept until closeIdle(true)', async () => {
  const t = setup((_req, res) => res.end('ok'));
  const c = await connection();
  const r = reader(c.client);
  t.hand(c.served);
  t.tracker.beginDrain();
  await sleep(20);
  assert.is(r.ended, false);
  t.tracker.closeIdle(true);
  await until(() => r.ended && t.tracker.inFlight === 0);
  c.done();
});

test('net.Server: drain never closes connections itself', async () => {
  const app = net.createServer();
  const c = await connection();
  const tracker = new ConnectionTracker(app, { socketFactory: () => c.served });
  tracker.dispatch(1000);
  tracker.beginDrain();
  tracker.closeIdle(true);
  await sleep(20);
  assert.is(tracker.inFlight, 1);
  c.client.destroy();
  await until(() => tracker.inFlight === 0);
});

test('http latency: each finished response in one bucket, by the time from its request event to its finish; the sum is requests_total [LOAD-10, LOAD-13]', async () => {
  // The handler moves a fake clock (ms) by the path's number of microseconds.
  let clock = 0;
  const app = http.createServer((req, res) => {
    clock += Number(req.url!.slice(1)) / 1000;
    res.end('ok');
  });
  const seen: string[] = [];
  let next: net.Socket | undefined;
  const tracker = new ConnectionTracker(app, {
    socketFactory: () => next as net.Socket, now: () => clock, onRequest: (req, res) => res.once('finish', () => seen.push(`${req.url} ${res.statusCode}`)),
  });
  const c = await connection();
  const r = reader(c.client);
  next = c.served;
  tracker.dispatch(1000);
  const paths = ['/40', '/300', '/300', '/12000', '/20000000'];
  // One after the other: a pipelined request could start before the previous one finished.
  for (const [i, p] of paths.entries()) {
    c.client.write(`GET ${p} HTTP/1.1\r\nHost: x\r\n\r\n`);
    await until(() => tracker.requestsTotal === i + 1 && (r.text.match(/ok/g) ?? []).length === i + 1);
  }
  // 40 µs: bucket 0; 300 µs: 250 < d <= 500, bucket 2; 12 ms: bucket 7; 20 s: above the last bound.
  assert.equal(tracker.latencyCounts, [1, 0, 2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  assert.is(tracker.latencyCounts.reduce((a, b) => a + b, 0), tracker.requestsTotal);
  assert.equal(seen, paths.map((p) => `${p} 200`), 'the onRequest hook sees every request');
  c.done();
  await until(() => tracker.inFlight === 0);
  assert.is(tracker.latencyCounts.reduce((a, b) => a + b, 0), paths.length, 'closing the connection adds nothing for an HTTP server');
});

test('http latency: a response that never finishes (the client went away) is not counted', async () => {
  const app = http.createServer(() => {});
  let next: net.Socket | undefined;
  const tracker = new ConnectionTracker(app, { socketFactory: () => next as net.Socket });
  const c = await connection();
  next = c.served;
  tracker.dispatch(1000);
  c.client.write(GET);
  await sleep(20);
  c.done();
  await until(() => tracker.inFlight === 0);
  assert.is(tracker.requestsTotal, 0);
  assert.equal(tracker.latencyCounts, new Array(17).fill(0));
});

test('net.Server latency: each connection is one request, counted at its close [LOAD-10]', async () => {
  let clock = 0;
  const app = net.createServer();
  const c = await connection();
  const tracker = new ConnectionTracker(app, { socketFactory: () => c.served, now: () => clock });
  tracker.dispatch(1000);
  clock += 0.7; // 700 µs: 500 < d <= 1000, bucket 3
  c.client.destroy();
  await until(() => tracker.inFlight === 0);
  assert.equal(tracker.latencyCounts, [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.is(tracker.requestsTotal, 0, 'requests_total stays what a server that is not HTTP cannot tell');
});

test('a socket factory that throws is reported and not counted', () => {
  const errors: Error[] = [];
  const tracker = new ConnectionTracker(net.createServer(), {
    socketFactory: () => {
      throw new Error('EBADF');
    },
    onError: (e) => errors.push(e),
  });
  assert.is(tracker.dispatch(1000), false);
  assert.is(tracker.inFlight, 0);
  assert.is(tracker.acceptedTotal, 0);
  assert.is(errors.length, 1);
});

test.run();
