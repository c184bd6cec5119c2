// A pool of Node processes that each bind their own SO_REUSEPORT listener
// (Node >= 22.12 / 23.1: `listen({ reusePort: true })`), serving the same app
// as the corral pools, for `bench herd` (strategy `node-reuseport`). The
// kernel hashes each connection to one listener; no process coordinates.
//
//   node bench/peers/reuseport.mjs --workers N --port P
//
// Workers are node:cluster workers listening with `exclusive: true`, so each
// binds its own socket instead of sharing the primary's. The primary prints
// the same lines as the other pools and takes its workers with it on exit.
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { workers: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } } });
const workers = Number(values.workers ?? 2);
const port = Number(values.port ?? 0);
const host = values.host ?? '127.0.0.1';
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (!(major > 23 || (major === 23 && minor >= 1) || (major === 22 && minor >= 12))) {
  process.stderr.write(`node ${process.version} has no listen({ reusePort }) (needs 22.12 or 23.1)\n`);
  process.exit(2);
}
if (port === 0) {
  process.stderr.write('reuseport pool: --port must be a fixed port (each worker binds it)\n');
  process.exit(2);
}

if (cluster.isPrimary) {
  let ready = 0;
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // A worker listening with `exclusive: true` binds its own socket, and the
  // primary hears no 'listening' event for it: the worker reports instead.
  cluster.on('message', (worker, msg) => {
    if (msg?.reusePortListening !== true) return;
    process.stderr.write(`worker ${worker.id} (pid ${worker.process.pid}) ready\n`);
    if (++ready === workers) process.stderr.write(`listening at ${host}:${port} (reusePort)\n`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping) process.stderr.write(`worker ${worker.id} (pid ${worker.process.pid}) exited (${signal ?? code})\n`);
  });
  for (let i = 0; i < workers; i++) cluster.fork();
} else {
  const { default: server } = await import('../../fixtures/apps/hello.mjs');
  server.listen({ host, port, exclusive: true, reusePort: true }, () => process.send?.({ reusePortListening: true }));
}
