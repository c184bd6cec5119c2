// nodeSpawner with piped output, on real (tiny) processes: the exit is
// reported once the pipes are read to their end, and not later than
// OUTPUT_DRAIN_MS after it when a grandchild keeps a pipe open.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { nodeSpawner, OUTPUT_DRAIN_MS, type SpawnRequest } from './spawner.js';

const request = (command: string[], output: SpawnRequest['output']): SpawnRequest => ({ id: 1, generation: 1, command, env: process.env, listenFds: [], control: false, handoffFd: undefined, output });

test("piped: stdout and stderr readable; 'exit' comes after the last bytes, the unterminated ones included", async () => {
  const proc = nodeSpawner(request(['sh', '-c', 'printf "one\\ntwo"; printf "err" >&2; exit 3'], 'pipe'));
  const events: string[] = [];
  proc.stdout!.on('data', (d: Buffer) => events.push(`out:${d}`));
  proc.stderr!.on('data', (d: Buffer) => events.push(`err:${d}`));
  proc.stdout!.on('end', () => events.push('out:end'));
  proc.stderr!.on('end', () => events.push('err:end'));
  const code = await new Promise((r) => proc.on('exit', (c) => r(c)));
  assert.is(code, 3);
  assert.is(events.filter((e) => e.startsWith('out:') && e !== 'out:end').map((e) => e.slice(4)).join(''), 'one\ntwo');
  assert.ok(events.includes('out:end') && events.includes('err:end'), events.join(' '));
});

test("piped: a grandchild holding stdout delays 'exit' by OUTPUT_DRAIN_MS at most", async () => {
  const proc = nodeSpawner(request(['sh', '-c', 'sleep 3 & echo bye'], 'pipe'));
  proc.stdout!.resume();
  proc.stderr!.resume();
  const t0 = performance.now();
  await new Promise((r) => proc.on('exit', r));
  const ms = performance.now() - t0;
  assert.ok(ms >= OUTPUT_DRAIN_MS * 0.9 && ms < OUTPUT_DRAIN_MS + 3000, `exit after ${ms.toFixed(0)} ms`);
  proc.stdout!.destroy();
  proc.stderr!.destroy();
});

test('inherit: no pipes', async () => {
  const proc = nodeSpawner(request(['true'], 'inherit'));
  assert.is(proc.stdout, undefined);
  assert.is(proc.stderr, undefined);
  assert.is(await new Promise((r) => proc.on('exit', (c) => r(c))), 0);
});

test.run();
