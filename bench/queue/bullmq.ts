// BullMQ as a queue system: the producer is a Queue and a QueueEvents in the
// driver process (addBulk, add, job.waitUntilFinished(queueEvents)); the
// consumers are W processes, each running one Worker (bullmq-worker.ts) with
// an in-process no-op processor, as BullMQ's guide runs them. Every option is
// BullMQ's default but two:
// - the Worker's concurrency, set to corral's task capacity so that both hold
//   the same number of jobs at once;
// - the events stream's length (streams.events.maxLen, default 10 000
//   entries, about 4 per job). waitUntilFinished() learns of a completion
//   from that stream; a QueueEvents reader that falls further behind than
//   the stream keeps loses those completions for good, and their waiters
//   never resolve. In one run on a loaded 2-core machine 1726 of 20 000
//   waiters were still waiting after 120 s; a producer that stalls for 4 s
//   mid-run reproduces it (every job completes, 1226 waiters hang). The
//   bench keeps 10 events per job of a run, so that it measures throughput
//   rather than that loss.
import { fileURLToPath } from 'node:url';
import { Queue, QueueEvents, type Job } from 'bullmq';
import { stopChild, spawnNode, type Consumers, type Producer, type QueueSystem, type Task } from './systems.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const WORKER = fileURLToPath(new URL('./bullmq-worker.ts', import.meta.url));
const QUEUE = 'bench';

/** BullMQ's connection options for a redis:// URL. */
export function bullConnection(url: string): { host: string; port: number; password?: string } {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || 6379), ...(u.password ? { password: decodeURIComponent(u.password) } : {}) };
}

class BullProducer implements Producer {
  constructor(private readonly q: Queue, private readonly events: QueueEvents) {}
  enqueueBatch(n: number, task: Task): Promise<Job[]> {
    // BullMQ's bulk call: one addBulk (one MULTI of n add scripts).
    return this.q.addBulk(Array.from({ length: n }, () => ({ name: task, data: {} })));
  }
  enqueueOne(task: Task): Promise<Job> {
    return this.q.add(task, {});
  }
  result(job: unknown): Promise<unknown> {
    return (job as Job).waitUntilFinished(this.events);
  }
  async close(): Promise<void> {
    await Promise.all([this.q.close(), this.events.close()]);
  }
}

export const bullmq: QueueSystem = {
  async producer(url, jobs) {
    const connection = bullConnection(url);
    const q = new Queue(QUEUE, { connection, streams: { events: { maxLen: Math.max(10_000, 10 * jobs) } } });
    const events = new QueueEvents(QUEUE, { connection });
    // Thousands of jobs awaited at once: one listener each on the Queue and on QueueEvents, by design.
    q.setMaxListeners(0);
    events.setMaxListeners(0);
    q.on('error', () => {});
    events.on('error', () => {});
    await Promise.all([q.waitUntilReady(), events.waitUntilReady()]);
    return new BullProducer(q, events);
  },

  async start(url, workers, capacity): Promise<Consumers> {
    const kids = Array.from({ length: workers }, () => spawnNode(['--import', 'tsx', WORKER, url, String(capacity)], { cwd: root, ipc: true }));
    let stopping = false;
    const stop = async () => {
      stopping = true;
      await Promise.all(kids.map(async ({ child }) => {
        try { child.send('stop'); } catch { /* gone */ }
        await stopChild(child, 'SIGTERM', 10_000);
      }));
    };
    try {
      await Promise.all(kids.map(({ child, tail }) => new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`a BullMQ worker did not connect within 60 s:\n${tail()}`)), 60_000);
        child.once('message', (m) => { if (m === 'ready') { clearTimeout(t); resolve(); } });
        child.once('exit', (code, sig) => { clearTimeout(t); reject(new Error(`a BullMQ worker exited (${sig ?? code}) at start:\n${tail()}`)); });
      })));
    } catch (err) {
      await stop();
      throw err;
    }
    for (const { child, tail } of kids) child.on('exit', (code, sig) => {
      if (!stopping) process.stderr.write(`bench queue: a BullMQ worker exited (${sig ?? code}) during the run:\n${tail()}\n`);
    });
    return {
      describe: `${workers} BullMQ worker process(es), each one Worker with concurrency ${capacity} (${workers * capacity} jobs at once), other options BullMQ's defaults`,
      output: () => kids.map(({ tail }) => tail()).filter(Boolean).join('\n'),
      stop,
    };
  },
};
