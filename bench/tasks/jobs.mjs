// The four jobs every peer runs, as plain functions: piscina and tinypool
// load this file in their threads and processes (name = the export), and the
// fork and Unix-socket children call runJob(). Plain JavaScript so that no
// loader runs inside a peer's worker.
//
//   noop()          nothing: the pool's own overhead
//   cpu({ ms })     a busy loop of ms milliseconds (a CPU-bound job)
//   block({ ms })   a blocking wait of ms milliseconds that uses no CPU
//                   (Atomics.wait, as Gunicorn's benchmark sleeps in its worker)
//   echo(data)      returns its payload (the payload round trip)

const cell = new Int32Array(new SharedArrayBuffer(4));

export function noop() {
  return null;
}

export function cpu(arg) {
  const until = performance.now() + Math.min(Number(arg?.ms) || 0, 60_000);
  while (performance.now() < until) {
    // busy on purpose
  }
  return null;
}

export function block(arg) {
  Atomics.wait(cell, 0, 0, Math.min(Number(arg?.ms) || 0, 60_000));
  return null;
}

export function echo(data) {
  return data;
}

export default noop;

const JOBS = { noop, cpu, block, echo };

/** Runs a job by name; throws on an unknown one. */
export function runJob(op, arg) {
  const fn = JOBS[op];
  if (!fn) throw new Error(`unknown job ${op}`);
  return fn(arg);
}
