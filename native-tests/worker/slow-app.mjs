// An app that takes SLOW_APP_MS (default 800) to load, asynchronously, like
// one that connects to a database at start: the worker heartbeats meanwhile.
import http from 'node:http';

await new Promise((resolve) => setTimeout(resolve, Number(process.env.SLOW_APP_MS ?? 800)));

export default http.createServer((req, res) => res.end(`slow app ${process.pid}\n`));
