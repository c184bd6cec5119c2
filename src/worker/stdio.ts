// A Node worker's stdout and stderr when they are pipes the arbiter reads
// (its default, workerOutput 'prefix': src/arbiter/worker-output.ts).
//
// - The arbiter dies: the pipes have no reader any more, and each write
//   fails with EPIPE (SIGPIPE is ignored [SIG-4]). Node reports it as an
//   'error' event on process.stdout or process.stderr, and an 'error' event
//   nobody listens for ends the process with code 1: one
//   process.stdout.write() in a request handler would crash a worker that is
//   still serving, before it has read the end of its control channel and
//   begun to drain. (console.log is spared: the Console ignores the errors of
//   its streams.) EPIPE is ignored here, and the output lost; the worker
//   learns of the loss from its control channel and drains as usual. Any
//   other error is thrown as Node would have.
// - The worker writes faster than the arbiter logs: Node writes to a pipe
//   without blocking and keeps what the pipe does not take in the process's
//   memory, without bound for console.log (which ignores write()'s return
//   value). The pipe is made blocking here, as Node makes a terminal: a write
//   then waits for the arbiter to read, which is backpressure on the noisy
//   worker instead of a growing heap. (setBlocking is libuv's, reached through
//   the stream's handle, which Node's own tty module uses; where it is
//   missing, nothing changes.)
import type { Writable } from 'node:stream';

const GUARDED = Symbol.for('corral.stdio.guarded');

type Handle = { setBlocking?: (blocking: boolean) => number };
type Stream = Writable & { isTTY?: boolean; _handle?: Handle; [GUARDED]?: true };

/** Installs both guards on the process's stdout and stderr (or the given streams); idempotent. */
export function guardStdio(streams: Writable[] = [process.stdout, process.stderr]): void {
  for (const s of streams as Stream[]) {
    if (s[GUARDED]) continue;
    s[GUARDED] = true;
    s.on('error', onError);
    const handle = s._handle;
    if (!s.isTTY && typeof handle?.setBlocking === 'function') handle.setBlocking(true);
  }
}

function onError(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return;
  throw err;
}
