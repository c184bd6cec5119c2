// Two in-memory Duplex streams wired back to back: what one writes, the other
// reads. Lets the channel, arbiter and worker logic run in tests without fds.
import { Duplex } from 'node:stream';

export function duplexPair(): [Duplex, Duplex] {
  let a!: Duplex;
  let b!: Duplex;
  const make = (peer: () => Duplex) =>
    new Duplex({
      read() {},
      write(chunk, _enc, cb) {
        const p = peer();
        if (!p.destroyed) p.push(chunk);
        cb();
      },
      final(cb) {
        const p = peer();
        if (!p.destroyed) p.push(null);
        cb();
      },
    });
  a = make(() => b);
  b = make(() => a);
  // Destroying one end is the peer hanging up: the other sees EOF.
  a.on('close', () => { if (!b.readableEnded && !b.destroyed) b.push(null); });
  b.on('close', () => { if (!a.readableEnded && !a.destroyed) a.push(null); });
  return [a, b];
}
