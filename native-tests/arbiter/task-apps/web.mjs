// A socket worker that calls task jobs: GET /call?x=N answers with the
// result of probe.pid and echo of N, from execute() inside the worker;
// GET /meta with the meta that echo.meta saw for a call that attached some.
import http from 'node:http';
import { serve, execute } from '../../../src/worker/index.ts';

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/meta') {
      const meta = await execute('echo', 'meta', null, { meta: { from: 'web', worker: String(process.pid) } });
      res.end(JSON.stringify({ worker: process.pid, meta }));
      return;
    }
    const pid = await execute('probe', 'pid');
    const chunks = [];
    if (url.pathname === '/stream') {
      const { stream } = await import('../../../src/worker/index.ts');
      for await (const c of stream('probe', 'numbers', { n: Number(url.searchParams.get('n') ?? 5) })) chunks.push(c);
    }
    res.end(JSON.stringify({ worker: process.pid, taskPid: pid, chunks }));
  } catch (err) {
    res.statusCode = 500;
    res.end(JSON.stringify({ code: err.code, message: err.message }));
  }
});
serve(server);
