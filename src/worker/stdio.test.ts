// guardStdio on real pipes: a child process whose stdout and stderr reader
// is gone (the arbiter died), and one whose reader is slow.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const stdio = fileURLToPath(new URL('./stdio.ts', import.meta.url));

function child(body: string): ReturnType<typeof spawn> {
  const script = `import { guardStdio } from ${JSON.stringify(stdio)};\nimport { writeSync } from 'node:fs';\n${body}`;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
}

function exited(c: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => c.on('exit', (code) => resolve(code)));
}

const writeAfterLoss = `
  setTimeout(() => {
    process.stdout.write('lost\\n');
    process.stderr.write('lost\\n');
    setTimeout(() => { writeSync(3, 'alive\\n'); process.exit(0); }, 200);
  }, 500);
`;

test('unguarded, a write to stdout after its reader is gone ends the process (what guardStdio prevents)', async () => {
  const c = child(writeAfterLoss);
  c.stdout!.destroy();
  c.stderr!.destroy();
  assert.is(await exited(c), 1);
});

test('guarded, EPIPE on stdout and stderr is ignored and the process goes on', async () => {
  const c = child(`guardStdio();\n${writeAfterLoss}`);
  let side = '';
  (c.stdio[3] as NodeJS.ReadableStream).on('data', (d) => (side += d));
  c.stdout!.destroy();
  c.stderr!.destroy();
  assert.is(await exited(c), 0);
  assert.is(side, 'alive\n');
});

test('guarded, a pipe is blocking: a fast writer waits for its reader instead of filling its own memory', async () => {
  // 8 MB through console.log while nobody reads for a while: the loop blocks
  // (it takes at least the pause) and nothing is left queued in the process.
  const c = child(`guardStdio();
    const line = 'x'.repeat(1023);
    writeSync(3, 'start\\n');
    const t0 = Date.now();
    for (let i = 0; i < 8192; i++) console.log(line);
    writeSync(3, JSON.stringify({ ms: Date.now() - t0, queued: process.stdout.writableLength }) + '\\n');
  `);
  let side = '';
  (c.stdio[3] as NodeJS.ReadableStream).on('data', (d) => (side += d));
  c.stdout!.pause();
  for (let i = 0; !side.startsWith('start\n'); i++) {
    assert.ok(i < 1500 && c.exitCode === null, `the child did not start: ${side}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 800));
  let read = 0;
  c.stdout!.on('data', (d: Buffer) => (read += d.length));
  c.stdout!.resume();
  assert.is(await exited(c), 0);
  await new Promise((r) => setImmediate(r));
  const r = JSON.parse(side.slice('start\n'.length)) as { ms: number; queued: number };
  assert.is(r.queued, 0, 'nothing queued in the writer');
  assert.ok(r.ms >= 500, `the writes waited for the reader (${r.ms} ms)`);
  assert.is(read, 8192 * 1024);
});

test.run();
