// A task app for the task pool's real-process tests: jobs that report how
// many ran at once in this worker, jobs that ignore their signal, and a
// stream whose producer progress can be read by another job.
let running = 0;
let maxRunning = 0;
let produced = 0;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export default {
  actions: {
    async hold(p) {
      running++;
      maxRunning = Math.max(maxRunning, running);
      const at = running;
      try {
        await sleep(p?.ms ?? 300);
      } finally {
        running--;
      }
      return { pid: process.pid, at, max: maxRunning };
    },
    /** Busy for `ms`, deaf to its signal: only a kill ends it early. */
    spin(p) {
      const until = Date.now() + (p?.ms ?? 10_000);
      while (Date.now() < until);
      return { pid: process.pid };
    },
    async *numbers(p) {
      for (let i = 0; i < (p?.n ?? 100); i++) {
        produced++;
        yield i;
        await new Promise((r) => setImmediate(r));
      }
    },
    produced() {
      return produced;
    },
    pid() {
      return process.pid;
    },
  },
};
