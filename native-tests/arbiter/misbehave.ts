// A worker that breaks one rule, chosen by argv[2]:
//   silent   handshakes, then never sends a heartbeat
//   garbage  handshakes, then writes bytes that are not a frame
//   boot     exits 1 before saying anything
// Workers of this kind are how the arbiter's defences are tested.
import net from 'node:net';
import { Channel } from '../../src/transport/channel.js';
import { readWorkerEnvironment } from '../../src/transport/process-state.js';
import { corral } from '../../src/protocol/codec.js';

const mode = process.argv[2];
if (mode === 'boot') process.exit(1);
const env = readWorkerEnvironment();
const socket = new net.Socket({ fd: env.controlFd, readable: true, writable: true });
const channel = new Channel(socket);
channel.on('message', (m) => {
  if (m.kind !== 'welcome') return;
  channel.send({ kind: 'ready', body: { capacity: 10 } });
  if (mode === 'garbage') setTimeout(() => socket.write(Buffer.from('GET / HTTP/1.1\r\n\r\n this is not a frame')), 100);
});
channel.on('close', () => process.exit(0));
channel.send({
  kind: 'hello',
  body: {
    versions: [{ major: 1, minor: 0 }], kind: corral.v1.WorkerKind.WORKER_KIND_SOCKET, pid: process.pid,
    features: ['accept.arbiter', 'accept.shared', 'accept.exclusive', 'accept.reuseport', 'accept.handoff'], capacity: 10,
  },
});
// Stay alive without doing anything else; SIGTERM is ignored on purpose for 'silent'.
if (mode === 'silent') process.on('SIGTERM', () => {});
setInterval(() => {}, 1 << 30);
