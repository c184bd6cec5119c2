// The caller side, on a recording transport: what Execute carries for a
// call's options, and which options are refused before anything is sent.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { OutMessage } from '../protocol/codec.js';
import { CorralError } from '../errors.js';
import { TaskClient, type TaskClientOptions } from './client.js';

function client(o: Partial<TaskClientOptions> = {}) {
  const sent: OutMessage[] = [];
  const c = new TaskClient({ send: (m) => { sent.push(m); } }, { flow: false, ...o });
  const executes = () => sent.filter((m) => m.kind === 'execute').map((m) => m.body as { requestId: number; meta?: Record<string, string> });
  /** Answers call `id` with an empty JSON result. */
  const answer = (id: number) => c.receive({ kind: 'result', body: { requestId: id, payload: Buffer.from('null'), contentType: 'application/json' } });
  return { c, sent, executes, answer };
}

async function rejection(p: Promise<unknown>): Promise<CorralError> {
  try {
    await p;
  } catch (err) {
    assert.instance(err, CorralError);
    return err as CorralError;
  }
  throw new Error('expected a rejection');
}

test('meta: sent as given when 1.3 was negotiated; no field at all without it', async () => {
  const t = client({ meta: true });
  const meta = { trace: 'abc', 'ü': '😀' };
  const call = t.c.execute('app', 'run', 1, { meta });
  const plain = t.c.execute('app', 'run', 2);
  assert.equal(t.executes().map((e) => e.meta), [meta, undefined]);
  (meta as Record<string, string>).trace = 'changed later';
  assert.is(t.executes()[0]!.meta!.trace, 'abc', 'the call keeps the meta it was given');
  t.answer(1); t.answer(2);
  await call; await plain;
  const old = client({ meta: false });
  const gone = old.c.execute('app', 'run', 1, { meta });
  assert.not.ok('meta' in old.executes()[0]!, 'a 1.2 peer is sent no meta (COMPAT-8)');
  old.answer(1);
  await gone;
});

test('meta: streamed calls carry it too', async () => {
  const t = client({ meta: true });
  const it = t.c.stream('app', 'gen', null, { meta: { k: 'v' } });
  const first = it.next();
  assert.equal(t.executes()[0]!.meta, { k: 'v' });
  t.c.receive({ kind: 'end', body: { requestId: 1, chunks: 0 } });
  assert.is((await first).done, true);
});

test('meta: what a caller may not send is refused before anything is sent: CORRAL_ERR_INVALID_OPTION [CALL-17]', async () => {
  const t = client({ meta: true });
  const cases: [unknown, string, string][] = [
    [{ 'corral.job': 'x' }, 'RangeError', 'reserved for the arbiter'],
    [Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, ''])), 'RangeError', 'more than 64 entries'],
    [{ k: 'x'.repeat(4096) }, 'RangeError', '4097 octets'],
    [{ k: '\uD800' }, 'RangeError', 'lone surrogate'],
    [{ k: 1 }, 'TypeError', 'must be a string'],
    [['a'], 'TypeError', 'an object of strings'],
    [null, 'TypeError', 'an object of strings'],
  ];
  for (const [meta, name, says] of cases) {
    const err = await rejection(t.c.execute('app', 'run', null, { meta: meta as Record<string, string> }));
    assert.is(err.code, 'CORRAL_ERR_INVALID_OPTION', says);
    assert.is(err.name, name, says);
    assert.ok(err.message.startsWith('options.meta: ') && err.message.includes(says), err.message);
  }
  assert.equal(t.sent, []);
  // The limits, exactly: 64 entries, 4096 octets (UTF-8).
  const edge = t.c.execute('app', 'run', null, { meta: Object.fromEntries(Array.from({ length: 64 }, (_, i) => [`k${i}`, ''])) });
  const full = t.c.execute('app', 'run', null, { meta: { k: 'é'.repeat(2047) + 'x' } });
  assert.is(t.executes().length, 2);
  t.answer(1); t.answer(2);
  await edge; await full;
});

test('meta counts toward the frame limit of the call', async () => {
  const t = client({ meta: true, maxFrameBytes: 2048 });
  const err = await rejection(t.c.execute('app', 'run', null, { meta: { k: 'x'.repeat(3000) } }));
  assert.is(err.code, 'CORRAL_ERR_FRAME_TOO_LARGE');
  assert.equal(t.sent, []);
});

test.run();
