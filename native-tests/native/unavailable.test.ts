// When the addon cannot be loaded, importing the wrapper still works:
// `available` is false and every function throws CORRAL_ERR_NATIVE_UNAVAILABLE
// with the load error as `cause`.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { here, within } from './helpers.js';

test('a missing addon: available=false, calls throw CORRAL_ERR_NATIVE_UNAVAILABLE', async () => {
  const wrapper = join(here, '../../src/transport/native.ts');
  const code = `
    const n = await import(${JSON.stringify(wrapper)});
    const seen = [];
    for (const call of [() => n.listen({ host: '127.0.0.1' }), () => n.acceptOne(0), () => n.counters(), () => new n.Watcher(0, () => {})]) {
      try { call(); seen.push('no throw'); } catch (e) { seen.push(e.code + ':' + (e.cause ? 'cause' : 'no cause')); }
    }
    console.log(JSON.stringify({ available: n.available, addonPath: n.addonPath, seen }));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CORRAL_NATIVE_PATH: '/nonexistent/corral_native.node' },
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const [status] = await within(20_000, once(child, 'close'), 'child');
  assert.is(status, 0);
  const r = JSON.parse(out) as { available: boolean; addonPath: string; seen: string[] };
  assert.is(r.available, false);
  assert.is(r.addonPath, '/nonexistent/corral_native.node');
  assert.equal(r.seen, new Array(4).fill('CORRAL_ERR_NATIVE_UNAVAILABLE:cause'));
});

test.run();
