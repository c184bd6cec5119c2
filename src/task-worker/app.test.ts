import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { unpack } from 'msgpackr';
import { decodePayload, defineApp, encodeResult, encodeValue, findAction, gathered, isStream, loadApp } from './app.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/tasks');

test('defineApp checks the shape and returns the app unchanged', () => {
  const app = { name: 'ok', actions: { a: () => 1 } };
  assert.is(defineApp(app), app);
  assert.throws(() => defineApp({ actions: { a: 1 } } as never), /not a function/);
  assert.throws(() => defineApp({ name: 'has space', actions: {} }), /1 to 64/);
  assert.throws(() => defineApp({} as never), /actions/);
});

test('findAction: app.action, split at the first dot; only own function properties', () => {
  const apps = new Map([['img', { actions: { 'resize.fast': () => 1, plain: () => 2 } }]]);
  assert.ok(findAction(apps, 'img.resize.fast'));
  assert.ok(findAction(apps, 'img.plain'));
  assert.is(findAction(apps, 'img.constructor'), undefined);
  assert.is(findAction(apps, '.plain'), undefined);
  assert.is(findAction(apps, 'img'), undefined);
  assert.is(findAction(apps, 'other.plain'), undefined);
});

test('codecs: JSON, msgpack, raw bytes; Buffers go as octet-stream', () => {
  assert.equal(decodePayload(Buffer.from('{"a":1}'), 'application/json'), { a: 1 });
  assert.equal(decodePayload(Buffer.from('[1]'), 'application/json; charset=utf-8'), [1]);
  assert.is(decodePayload(new Uint8Array(0), 'application/json'), undefined);
  assert.ok(Buffer.isBuffer(decodePayload(new Uint8Array([1, 2]), '')));
  assert.equal(unpack(Buffer.from(encodeValue({ x: [1, 'y'] }, 'application/msgpack'))), { x: [1, 'y'] });
  assert.equal(encodeResult(Buffer.from('hi'), 'application/json').contentType, 'application/octet-stream');
  assert.equal(encodeResult('hi', '').contentType, '');
  assert.equal(Buffer.from(encodeResult('hi', '').payload).toString(), 'hi');
  const obj = encodeResult({ a: 1 }, '');
  assert.is(obj.contentType, 'application/json', 'a value raw bytes cannot carry goes as JSON and says so');
  assert.throws(() => encodeValue(() => 1, 'application/json'), /JSON/);
  assert.equal(Buffer.from(gathered([Buffer.from('a'), 'b'], '') as Buffer).toString(), 'ab');
  assert.equal(gathered([1, 2], 'application/json'), [1, 2]);
});

test('isStream: async iterables and iterators, not arrays, strings or bytes', () => {
  assert.ok(isStream((async function* () {})()));
  assert.ok(isStream((function* () {})()));
  assert.ok(isStream([1].values()));
  assert.not.ok(isStream([1, 2]));
  assert.not.ok(isStream('abc'));
  assert.not.ok(isStream(Buffer.from('x')));
  assert.not.ok(isStream(new Map()));
  assert.not.ok(isStream(null));
});

test('loadApp: the default export, checked; a name must match the command line', async () => {
  const echo = await loadApp('echo', join(fixtures, 'echo.mjs'));
  assert.type(echo.actions.noop, 'function');
  await loadApp('anything', join(fixtures, 'counter.mjs'));
  try {
    await loadApp('other', join(fixtures, 'echo.mjs'));
    assert.unreachable();
  } catch (err) {
    assert.match((err as Error).message, /names its app "echo"/);
  }
  try {
    await loadApp('t', join(fixtures, 'throws.mjs'));
    assert.unreachable();
  } catch (err) {
    assert.match((err as Error).message, /fails at import/);
  }
});

test.run();
