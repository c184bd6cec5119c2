// The one-file form, as with node:cluster: the same script runs as the
// arbiter and, re-executed by it, as each worker.
//
//   import http from 'node:http';
//   import { isWorker, serve, runPool } from 'corral';
//   const server = http.createServer(app);
//   if (isWorker()) serve(server);
//   else runPool({ workers: 4, bind: ['127.0.0.1:3000'] });
import { Arbiter } from './arbiter/arbiter.js';
import type { ArbiterInput } from './arbiter/options.js';

/**
 * Starts an arbiter whose workers run this same script (same Node flags and
 * arguments), then exits the process with the arbiter's exit code when it
 * stops. Rejects (never throws) on bad options or when the listeners cannot
 * be bound.
 */
export async function runPool(options: ArbiterInput & { command?: string[]; exitProcess?: boolean } = {}): Promise<Arbiter> {
  const { exitProcess = true, ...rest } = options;
  const script = process.argv[1];
  const command = rest.command ?? (script ? [process.execPath, ...process.execArgv, script, ...process.argv.slice(2)] : []);
  const arbiter = new Arbiter({ ...rest, command });
  process.title = 'corral arbiter';
  await arbiter.start();
  if (exitProcess) void arbiter.stopped().then((code) => process.exit(code));
  return arbiter;
}
