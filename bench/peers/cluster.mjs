// A node:cluster pool serving the same app as the corral pools
// (fixtures/apps/hello.mjs), for `bench herd`.
//
//   NODE_CLUSTER_SCHED_POLICY=rr   node bench/peers/cluster.mjs --workers N --port P   (cluster-rr)
//   NODE_CLUSTER_SCHED_POLICY=none node bench/peers/cluster.mjs --workers N --port P   (cluster-none)
//
// rr: the primary accepts every connection and passes it to a worker over IPC.
// none: every worker polls the one shared listening socket (the herd).
// The primary prints the same lines as `corral run --log-level debug`, which
// the benchmark waits for: `listening at HOST:PORT` and `worker N (pid P) ready`.
// It never respawns a worker, and takes its workers with it on SIGTERM/SIGINT.
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { workers: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } } });
const workers = Number(values.workers ?? 2);
const port = Number(values.port ?? 0);
const host = values.host ?? '127.0.0.1';

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
  cluster.on('listening', (worker, address) => {
    process.stderr.write(`worker ${worker.id} (pid ${worker.process.pid}) ready\n`);
    if (++ready === workers) process.stderr.write(`listening at ${host}:${address.port} (cluster, ${cluster.schedulingPolicy === cluster.SCHED_RR ? 'rr' : 'none'})\n`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping) process.stderr.write(`worker ${worker.id} (pid ${worker.process.pid}) exited (${signal ?? code})\n`);
  });
  for (let i = 0; i < workers; i++) cluster.fork();
} else {
  const { default: server } = await import('../../fixtures/apps/hello.mjs');
  server.listen({ host, port });
}
