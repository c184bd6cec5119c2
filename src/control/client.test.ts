// The control client against a fake arbiter that answers with replies of a
// later version (spec.md section 14.2): fields it does not know are skipped,
// and a body it does not know fails that one request, not the connection.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ControlClient } from './client.js';
import { controlFrame, decodeRequest, encodeReply } from '../protocol/control.js';
import { EXAMPLE_STATUS } from '../protocol/control-examples.js';
import { FrameDecoder } from '../protocol/framer.js';
import { varint } from '../protocol/raw.js';

const dir = mkdtempSync(join(tmpdir(), 'corral-client-'));


/** A server that answers each request with `answer(requestId, n)` (the reply's bytes, unframed). */
async function fake(answer: (requestId: number, n: number) => Uint8Array): Promise<{ path: string; close(): void }> {
  const path = join(dir, `fake-${Math.random().toString(36).slice(2)}.sock`);
  let n = 0;
  const server = net.createServer((c) => {
    const d = new FrameDecoder({ maxFrameBytes: 4096 });
    c.on('data', (chunk: Buffer) => {
      for (const f of d.push(chunk)) c.write(controlFrame(answer(decodeRequest(f).requestId, n++)));
    });
    c.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return { path, close: () => server.close() };
}

test('fields of a reply the client does not know are skipped; a body it does not know fails that request only [CTL-14]', async () => {
  const status = encodeReply({ requestId: 0, result: { status: EXAMPLE_STATUS } });
  const s = await fake((id, n) => {
    const head = [0x08, ...varint(id)];
    if (n === 0) {
      // The status, then field 50 (a later field of ControlReply) and, inside PoolStatus, field 99: both unknown.
      return Uint8Array.from([...head, ...withUnknownInStatus(status), 0x92, 0x03, 0x02, 0x08, 0x01]);
    }
    // n === 1: a body of a later version only (field 20, a message): no body this client knows.
    if (n === 1) return Uint8Array.from([...head, 0xa2, 0x01, 0x02, 0x08, 0x07]);
    return Uint8Array.from([...head, 0x5a, 0x04, 0x0a, 0x02, 0x6f, 0x6b]); // done{"ok"}
  });
  const c = await ControlClient.connect(s.path);
  try {
    const got = await c.status();
    assert.equal(got, EXAMPLE_STATUS, 'unknown fields skipped, the rest decoded');
    const r = await c.request({ action: 'tasks' });
    assert.equal(r, { error: { code: 'CORRAL_ERR_CONTROL_UNKNOWN_REPLY', message: 'a reply with no body this client knows' } });
    assert.is(await c.reload(), 'ok', 'the connection carries on');
  } finally {
    c.close();
    s.close();
  }
});

/** PoolStatus (field 10 of ControlReply) re-encoded with field 99 {1: 1} appended inside it; request_id left out. */
function withUnknownInStatus(reply: Uint8Array): number[] {
  // `reply` is ControlReply{status} with request_id 0 (absent): tag 0x52, a varint length, the PoolStatus.
  let i = 1;
  let len = 0;
  let shift = 0;
  for (;; i++) {
    len += (reply[i]! & 0x7f) * 2 ** shift;
    shift += 7;
    if (reply[i]! < 0x80) break;
  }
  const inner = [...reply.subarray(i + 1, i + 1 + len), 0x9a, 0x06, 0x02, 0x08, 0x01];
  return [0x52, ...varint(inner.length), ...inner];
}

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();
