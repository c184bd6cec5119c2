// The handoff dispatcher with real descriptors: a real listener, real
// SOCK_SEQPACKET handoff channels whose worker ends this process reads, and
// a real loopback client. What a worker that dies without acknowledging
// leaves behind must reach the client through another worker [HANDOFF-13].
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as net from 'node:net';
import { once } from 'node:events';
import * as native from '../../src/transport/native.js';
import { decodeMessage } from '../../src/protocol/codec.js';
import { HandoffDispatcher } from '../../src/arbiter/handoff.js';
import type { ListenerRecord } from '../../src/arbiter/listeners.js';
import { sleep } from './pool.js';

/** The next handoff datagram on a worker end: its id and the connection's fd. */
async function nextHandoff(sock: number, ms = 5000): Promise<{ id: number; fd: number }> {
  const deadline = Date.now() + ms;
  for (;;) {
    const d = native.recvWithFds(sock);
    if (d) {
      assert.is(d.fds.length, 1);
      const m = decodeMessage(d.data.subarray(4));
      assert.is(m.kind, 'handoff');
      return { id: (m as { body: { handoffId: number } }).body.handoffId, fd: d.fds[0]! };
    }
    if (Date.now() > deadline) throw new Error('no handoff arrived');
    await sleep(5);
  }
}

function setup() {
  const lfd = native.listen({ host: '127.0.0.1', port: 0 });
  const port = native.localAddress(lfd).port;
  const record: ListenerRecord = { index: 0, fd: lfd, name: 'test', address: `127.0.0.1:${port}`, spec: undefined, unlinkPath: undefined };
  const errors: string[] = [];
  const d = new HandoffDispatcher([record], (m) => errors.push(m));
  const toClose: number[] = [lfd];
  const worker = (id: number) => {
    const [ours, theirs] = native.seqpacketPair();
    toClose.push(theirs);
    d.add(id, ours, 0);
    d.ready(id);
    return theirs;
  };
  const done = () => {
    d.close();
    for (const fd of toClose) try { native.close(fd); } catch { /* closed by the test */ }
  };
  return { d, port, worker, errors, done };
}

test('a connection the dead worker had not acknowledged is handed to another worker, untouched, and served there', async () => {
  const { d, port, worker, errors, done } = setup();
  const client = net.connect(port, '127.0.0.1');
  try {
    await once(client, 'connect');
    const w1 = worker(1);
    const first = await nextHandoff(w1);
    // Worker 1 dies holding it, unacknowledged: its copy and its end go.
    native.close(first.fd);
    native.close(w1);
    assert.equal(d.remove(1), { acknowledged: 0, handedOn: 1 });
    const w2 = worker(2);
    const again = await nextHandoff(w2);
    assert.is(again.id, first.id, 'the same handoff, handed on');
    assert.equal(d.ack(2, [again.id], [], 1), undefined);
    // The arbiter closed its copy on the ack; worker 2's copy serves the client.
    const sock = new net.Socket({ fd: again.fd, readable: true, writable: true });
    const got = once(client, 'data');
    sock.end('served by worker 2');
    assert.is(String((await got)[0]), 'served by worker 2');
    assert.equal(d.remove(2), { acknowledged: 1, handedOn: 0 });
    assert.equal(errors, []);
  } finally {
    client.destroy();
    done();
  }
});

test('a connection the dead worker had acknowledged is its own: not handed on', async () => {
  const { d, port, worker, errors, done } = setup();
  const client = net.connect(port, '127.0.0.1');
  try {
    await once(client, 'connect');
    const w1 = worker(1);
    const h = await nextHandoff(w1);
    assert.equal(d.ack(1, [h.id], [], 1), undefined);
    // Killed after the ack, before serving it: the connection dies with it.
    const closed = once(client, 'close');
    client.on('error', () => {});
    native.close(h.fd);
    native.close(w1);
    assert.equal(d.remove(1), { acknowledged: 1, handedOn: 0 });
    await closed;
    const w2 = worker(2);
    await sleep(50);
    assert.is(native.recvWithFds(w2), null, 'nothing handed to worker 2');
    assert.is(d.pendingCount, 0);
    assert.equal(errors, []);
  } finally {
    client.destroy();
    done();
  }
});

test.run();
