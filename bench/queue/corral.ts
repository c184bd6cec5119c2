// corral as a queue system: the producer is corral/queue in the driver
// process (Queue.connect, enqueue, job.result), the consumer an arbiter
// started the way a user starts one:
//
//   corral run --tasks bench=fixtures/queue/bench-app.mjs --task-workers W
//              --task-capacity C --redis URL
//
// which consumes queue `bench` and runs its jobs on W Node task workers.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue, type Job } from '../../src/queue/index.js';
import { exited, spawnNode, stopChild, type Consumers, type Producer, type QueueSystem, type Task } from './systems.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const BENCH_APP = join(root, 'fixtures/queue/bench-app.mjs');
const CLI = join(root, 'bin/corral.mjs');
const QUEUE = 'bench';

class CorralProducer implements Producer {
  constructor(private readonly q: Queue) {}
  enqueueBatch(n: number, task: Task): Promise<Job[]> {
    // What a user writes to enqueue many: enqueue() n times in one tick; the
    // command connection's auto-pipelining sends them in one write.
    const all: Promise<Job>[] = [];
    for (let i = 0; i < n; i++) all.push(this.q.enqueue(QUEUE, task));
    return Promise.all(all);
  }
  enqueueOne(task: Task): Promise<Job> {
    return this.q.enqueue(QUEUE, task);
  }
  result(job: unknown): Promise<unknown> {
    return (job as Job).result();
  }
  close(): Promise<void> {
    return this.q.close();
  }
}

export const corral: QueueSystem = {
  async producer(url) {
    // A corral producer's results come on its own pub/sub channel: nothing to size.
    return new CorralProducer(await Queue.connect({ redis: url }));
  },

  async start(url, workers, capacity): Promise<Consumers> {
    const args = [CLI, 'run', '--tasks', `${QUEUE}=${BENCH_APP}`, '--task-workers', String(workers), '--task-capacity', String(capacity), '--redis', url, '--log-level', 'warning'];
    const { child, tail } = spawnNode(args, { cwd: root });
    let stopping = false;
    child.on('exit', (code, sig) => {
      if (!stopping) process.stderr.write(`bench queue: the corral arbiter exited (${sig ?? code}) during the run:\n${tail()}\n`);
    });
    // The arbiter is up when it has not exited; the driver's pid jobs then show when every task worker serves.
    if (await exited(child, 300)) {
      stopping = true;
      throw new Error(`corral run exited (${child.exitCode ?? child.signalCode}) at start:\n${tail()}`);
    }
    return {
      output: tail,
      describe: `corral run: 1 arbiter consuming queue ${QUEUE}, ${workers} Node task worker(s) × capacity ${capacity} (prefetch ${2 * workers * capacity}, the default: twice the capacity)`,
      async stop() {
        stopping = true;
        // TERM: a graceful stop (outcomes written, task workers drained).
        await stopChild(child, 'SIGTERM', 15_000);
      },
    };
  },
};
