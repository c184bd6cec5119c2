// The plain prefork herd, for `bench herd`: N children that inherit one
// listening descriptor and each call listen({ fd: 3 }) on it. No corral code
// and no node:cluster: this is what Gunicorn's sync workers, and any
// "fork after listen" server, do. Every idle child polls the same socket, so
// one connection wakes them all; the one that wins accept() serves it.
//
//   node bench/peers/shared-fd.mjs --workers N --port P
//
// The parent prints the lines the benchmark waits for (`worker N (pid P)
// ready`, `listening at HOST:PORT`), never respawns a child, and takes its
// children with it on SIGTERM/SIGINT.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { workers: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, child: { type: 'boolean' } } });

if (values.child) {
  const { default: server } = await import('../../fixtures/apps/hello.mjs');
  // fd 3 is the parent's listening socket; libuv accepts on it directly.
  server.listen({ fd: 3 }, () => process.send?.('ready'));
} else {
  const workers = Number(values.workers ?? 2);
  const host = values.host ?? '127.0.0.1';
  const listener = net.createServer();
  listener.listen({ host, port: Number(values.port ?? 0), backlog: 511 }, () => {
    const fd = listener._handle.fd;
    const port = listener.address().port;
    const children = [];
    let ready = 0;
    let stopping = false;
    const stop = () => {
      stopping = true;
      for (const c of children) c.kill('SIGKILL');
      process.exit(0);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    for (let i = 1; i <= workers; i++) {
      const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child'], { stdio: ['ignore', 'inherit', 'inherit', fd, 'ipc'] });
      children.push(child);
      child.on('message', (m) => {
        if (m !== 'ready') return;
        process.stderr.write(`worker ${i} (pid ${child.pid}) ready\n`);
        if (++ready === workers) process.stderr.write(`listening at ${host}:${port} (shared fd)\n`);
      });
      child.on('exit', (code, signal) => {
        if (!stopping) process.stderr.write(`worker ${i} (pid ${child.pid}) exited (${signal ?? code})\n`);
      });
    }
    // The parent must not accept: its own copy goes as soon as every child
    // has one (spawn dups the fd synchronously), and the socket lives on in
    // the children. Connections that come before a child listens wait in the
    // queue.
    listener.close();
  });
}
