// Fixture for fdpass.test.ts: receives descriptors over the SOCK_SEQPACKET
// socket inherited at fd 3 and serves on them.
//   message 'conn'     + 1 fd: an accepted connection; reply on it and close it
//   message 'listener' + 1 fd: a listening socket; serve one connection from it
// stdout: JSON lines {got, fd, cloexec} and {served}.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as net from 'node:net';

const addon = createRequire(import.meta.url)(process.env.CORRAL_NATIVE_PATH);
const out = (m) => process.stdout.write(JSON.stringify({ pid: process.pid, ...m }) + '\n');
const cloexec = (fd) => (parseInt(/^flags:\s+([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))[1], 8) & 0o2000000) !== 0;

let served = 0;
const done = () => { if (++served === 2) { watcher.close(); addon.close(3); out({ done: true }); } };

const watcher = new addon.NativeWatcher(3, () => {
  let msg;
  while ((msg = addon.recvWithFds(3, 4096, 4)) !== null) {
    if (msg.eof || msg.truncated) { watcher.close(); return; }
    const kind = msg.data.toString();
    const fd = msg.fds[0];
    out({ got: kind, fd, cloexec: cloexec(fd) });
    if (kind === 'conn') {
      const sock = new net.Socket({ fd, readable: true, writable: true });
      sock.on('close', () => { out({ served: kind }); done(); });
      sock.end(`served by ${process.pid} on passed fd\n`);
    } else {
      const server = net.createServer({ pauseOnConnect: false }, (sock) => {
        sock.end(`listener served by ${process.pid}\n`);
        server.close(() => { out({ served: kind }); done(); });
      });
      server.listen({ fd });
    }
  }
}, false);
watcher.start();
out({ ready: true });
