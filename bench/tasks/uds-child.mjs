// The floor: a Node child answering on a Unix socket, length-framed, one hop.
//   request:  u32 length | u32 id | u8 op | u32 ms | payload      (length counts what follows it)
//   response: u32 length | u32 id | u8 status (0 ok, 1 error) | payload
// op: 0 noop, 1 cpu, 2 block, 3 echo. argv[2] is the socket path; the child
// says 'listening' on its IPC channel and exits when that channel closes.
import net from 'node:net';
import { runJob } from './jobs.mjs';

const OPS = ['noop', 'cpu', 'block', 'echo'];
const path = process.argv[2];

function serve(sock) {
  let chunks = [];
  let have = 0;
  const onData = (data) => {
    chunks.push(data);
    have += data.length;
    while (have >= 4) {
      // Join only when a whole frame is there: a 1 MiB request comes in many reads.
      if (chunks[0].length < 4) chunks = [Buffer.concat(chunks, have)];
      const len = chunks[0].readUInt32LE(0);
      if (have < 4 + len) return;
      const buf = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, have);
      const id = buf.readUInt32LE(4);
      const op = OPS[buf[8]];
      const ms = buf.readUInt32LE(9);
      const payload = buf.subarray(13, 4 + len);
      let out = Buffer.alloc(0);
      let status = 0;
      try {
        const r = runJob(op, op === 'echo' ? payload : { ms });
        if (op === 'echo') out = r;
      } catch (err) {
        status = 1;
        out = Buffer.from(String(err?.message ?? err));
      }
      const head = Buffer.allocUnsafe(9);
      head.writeUInt32LE(5 + out.length, 0);
      head.writeUInt32LE(id, 4);
      head[8] = status;
      if (out.length) {
        sock.cork();
        sock.write(head);
        sock.write(out);
        sock.uncork();
      } else sock.write(head);
      const rest = buf.subarray(4 + len);
      have = rest.length;
      chunks = have ? [rest] : [];
    }
  };
  sock.on('data', onData);
  sock.on('error', () => {});
}

const server = net.createServer(serve);
server.listen(path, () => process.send?.('listening'));
process.on('disconnect', () => process.exit(0));
