// `corral run` option parsing: flags in seconds become the options in ms,
// and a bad value is refused with a message naming the flag.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runOptions } from './run.js';
import { InvalidOptionError, resolveOptions } from '../arbiter/options.js';

const opts = async (...args: string[]) => {
  const o = await runOptions([...args, '--', 'worker'], {});
  if (o === 'help') throw new Error('help');
  return o;
};

test('--handshake-timeout, --ready-timeout, --kill-delay, --min-uptime: seconds to ms', async () => {
  const o = await opts('--handshake-timeout', '2', '--ready-timeout', '4.5', '--kill-delay', '0.25', '--min-uptime', '0');
  assert.is(o.handshakeTimeoutMs, 2000);
  assert.is(o.readyTimeoutMs, 4500);
  assert.is(o.killDelayMs, 250);
  assert.is(o.minUptimeMs, 0);
  const r = resolveOptions({ ...o, workers: 1 });
  assert.equal([r.readyTimeoutMs, r.killDelayMs, r.minUptimeMs], [4500, 250, 0]);
});

test('unset: the defaults stand', async () => {
  const o = await opts();
  assert.is(o.readyTimeoutMs, undefined);
  const r = resolveOptions({ ...o, workers: 1 });
  assert.equal([r.readyTimeoutMs, r.killDelayMs, r.minUptimeMs], [60_000, 2000, 1000]);
});

test('the command line wins over CORRAL_CMD_ARGS', async () => {
  const o = await runOptions(['--kill-delay', '3', '--', 'worker'], { CORRAL_CMD_ARGS: '--kill-delay 1 --min-uptime 5' });
  if (o === 'help') throw new Error('help');
  assert.is(o.killDelayMs, 3000);
  assert.is(o.minUptimeMs, 5000);
});

for (const [flag, value] of [['ready-timeout', 'soon'], ['kill-delay', '-1'], ['min-uptime', ''], ['handshake-timeout', 'NaN']] as const) {
  test(`--${flag} ${JSON.stringify(value)} is refused, naming the flag`, async () => {
    const err = await opts(`--${flag}=${value}`).catch((e: Error) => e);
    assert.instance(err, InvalidOptionError);
    assert.match((err as Error).message, new RegExp(`^--${flag} must be a non-negative number of seconds`));
  });
}

test('out of range after conversion: resolveOptions names the option', async () => {
  const o = await opts('--ready-timeout', '0.001');
  assert.throws(() => resolveOptions({ ...o, workers: 1 }), /options\.readyTimeoutMs must be an integer >= 10, got 1/);
});

test.run();
