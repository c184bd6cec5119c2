// A corral socket worker that calls task workers through its arbiter: the
// bench driver POSTs a LoopCommand (JSON) to it over a Unix socket, the
// worker runs the loop with execute() from corral/worker and answers with
// the LoopResult and its pid. Served by corral's worker bootstrap (the
// default export), so the socket, the accept strategy and the control
// channel are corral's own.
import http from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corralCaller, type ExecuteFn } from './corral-calls.js';
import { runLoop, type LoopCommand } from './loops.js';

const workerModule = pathToFileURL(fileURLToPath(new URL('../../src/worker/index.ts', import.meta.url))).href;
const app = process.env.CORRAL_BENCH_TASKS_APP ?? 'bench';

let execute: ExecuteFn | undefined;
async function executeFn(): Promise<ExecuteFn> {
  if (!execute) {
    const mod = (await import(workerModule)) as { execute?: ExecuteFn };
    if (typeof mod.execute !== 'function') throw new Error('corral/worker has no execute()');
    execute = mod.execute;
  }
  return execute;
}

const server = http.createServer((req, res) => {
  const body: Buffer[] = [];
  req.on('data', (c: Buffer) => body.push(c));
  req.on('end', () => {
    void (async () => {
      try {
        const cmd = JSON.parse(Buffer.concat(body).toString()) as LoopCommand;
        const result = await runLoop(corralCaller(await executeFn(), cmd.app ?? app, cmd.job), cmd);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ pid: process.pid, result }));
      } catch (err) {
        res.statusCode = 500;
        res.end(String((err as Error)?.stack ?? err));
      }
    })();
  });
});
// One command runs for seconds: no request timeout.
server.requestTimeout = 0;
server.headersTimeout = 0;

export default server;
