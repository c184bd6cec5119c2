// An app that calls serve() itself (the embedding form), for the bootstrap
// test: the bootstrap must not serve it a second time. Runs under tsx, so the
// TypeScript source can be imported directly.
import http from 'node:http';
import { isWorker, serve } from '../../src/worker/index.ts';

const server = http.createServer((req, res) => res.end(`self-served by ${process.pid}\n`));
if (isWorker()) serve(server, { capacity: 5 });
else server.listen(0);

// A default export that the bootstrap would also accept, to prove it is ignored.
export default server;
