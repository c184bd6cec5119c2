// A worker that breaks one rule, chosen by argv[2]:
//   silent    handshakes, then never sends a heartbeat
//   garbage   handshakes, then writes bytes that are not a frame
//   boot      exits 1 before saying anything
//   stubborn  says Hello, then writes bytes that are not a frame before Ready;
//             ignores SIGTERM and the end of its control channel (only SIGKILL ends it)
//   mute      never says Hello; ignores SIGTERM (only SIGKILL ends it)
//   flood     says Hello and heartbeats but never Ready, and streams frames of
//             an unknown type (argv[3] per second, default 13000, under the
//             arbiter's flood limit; 0 = none) without ever reading its control channel
// Workers of this kind are how the arbiter's defences are tested.
const mode = process.argv[2];
if (mode === 'boot') process.exit(1);
// Ignoring SIGTERM is the point of these modes: the arbiter must SIGKILL them.
// Before the imports below, which take a while to compile on a loaded machine.
if (mode === 'silent' || mode === 'stubborn' || mode === 'mute') process.on('SIGTERM', () => {});
const keepAlive = setInterval(() => {}, 1 << 30);
const net = (await import('node:net')).default;
const { Channel } = await import('../../src/transport/channel.js');
const { readWorkerEnvironment } = await import('../../src/transport/process-state.js');
const { corral } = await import('../../src/protocol/codec.js');
const env = readWorkerEnvironment();
const socket = new net.Socket({ fd: env.controlFd, readable: true, writable: true });

if (mode === 'mute') {
  // Holds its control channel open and says nothing.
  socket.on('error', () => {});
} else {
  const channel = new Channel(socket);
  channel.on('message', (m) => {
    if (m.kind !== 'welcome') return;
    if (mode === 'stubborn') {
      setTimeout(() => socket.write(Buffer.from('GET / HTTP/1.1\r\n\r\n this is not a frame')), 50);
      return;
    }
    if (mode === 'flood') return flood(m.body.heartbeatIntervalMs);
    channel.send({ kind: 'ready', body: { capacity: 10 } });
    if (mode === 'garbage') setTimeout(() => socket.write(Buffer.from('GET / HTTP/1.1\r\n\r\n this is not a frame')), 100);
  });
  channel.on('failed', () => {});
  channel.on('close', () => {
    if (mode !== 'stubborn') process.exit(0);
  });
  channel.send({
    kind: 'hello',
    body: {
      versions: [{ major: 1, minor: 0 }], kind: corral.v1.WorkerKind.WORKER_KIND_SOCKET, pid: process.pid,
      features: ['accept.arbiter', 'accept.shared', 'accept.exclusive', 'accept.reuseport', 'accept.handoff'], capacity: 10,
    },
  });

  function flood(heartbeatMs: number): void {
    // Stop reading: the arbiter's answers (an Error per unknown frame) queue up on its side.
    socket.pause();
    socket.removeAllListeners('data');
    const rate = Number(process.argv[3] ?? 13_000);
    // Envelope field 47 (no message type has it), varint 1: the unknown type of spec.md 10.2.
    const frame = Buffer.from([0, 0, 0, 3, 0xf8, 0x02, 0x01]);
    const tickMs = 10;
    const batch = Buffer.concat(Array.from({ length: Math.round((rate * tickMs) / 1000) }, () => frame));
    if (batch.length > 0) setInterval(() => { if (!socket.destroyed) socket.write(batch); }, tickMs);
    setInterval(() => channel.send({ kind: 'heartbeat', body: { inFlight: 0, acceptedTotal: 0, requestsTotal: 0, capacity: 10 } }), heartbeatMs);
  }
}
void keepAlive;
