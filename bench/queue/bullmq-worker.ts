// One BullMQ worker process of `bench queue`: a Worker on queue `bench` with
// an in-process processor that does what fixtures/queue/bench-app.mjs does
// (noop → null; pid → this process's pid, after 5 ms), at the concurrency it
// is given.
// Tells its parent "ready" once connected; closes the Worker (letting its
// jobs finish) on "stop", SIGTERM or SIGINT, and exits when the parent is gone.
import { Worker } from 'bullmq';
import { bullConnection } from './bullmq.js';

const [url, concurrency] = process.argv.slice(2);
const worker = new Worker('bench', async (job) => {
  if (job.name !== 'pid') return null;
  await new Promise((resolve) => setTimeout(resolve, 5));
  return process.pid;
}, {
  connection: bullConnection(url!),
  concurrency: Number(concurrency),
});
worker.on('error', (err) => process.stderr.write(`bullmq worker ${process.pid}: ${err.message}\n`));

let closing = false;
const close = async (code: number) => {
  if (closing) return;
  closing = true;
  const t = setTimeout(() => process.exit(code), 10_000);
  await worker.close().catch(() => {});
  clearTimeout(t);
  process.exit(code);
};
process.on('SIGTERM', () => void close(0));
process.on('SIGINT', () => void close(0));
process.on('disconnect', () => void close(0));
process.on('message', (m: unknown) => {
  if (m === 'stop') void close(0);
});

await worker.waitUntilReady();
process.send?.('ready');
