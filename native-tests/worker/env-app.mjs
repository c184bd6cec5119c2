// Answers with what the app sees of the worker's environment once it is
// served: the LISTEN_* and CORRAL_* variables left in process.env (none, once
// the worker has read them) and isWorker(). Runs under tsx.
import http from 'node:http';
import { isWorker } from '../../src/worker/index.ts';

export default http.createServer((req, res) => {
  const left = Object.keys(process.env).filter((k) => k.startsWith('LISTEN_') || k.startsWith('CORRAL_'));
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ left, isWorker: isWorker() }));
});
