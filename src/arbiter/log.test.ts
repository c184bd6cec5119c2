// The Logger's writes on a non-blocking pipe (stderr as Node leaves it once
// anything opened process.stderr): a slow reader is waited for, a stuck one
// costs one wait and then lines are dropped, and lines are never glued.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BLOCKED_WRITE_MS, Logger } from './log.js';

function fifo(): { path: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'corral-log-'));
  const path = join(dir, 'fifo');
  execFileSync('mkfifo', [path]);
  return { path, done: () => rmSync(dir, { recursive: true, force: true }) };
}

const line = (i: number, size = 100) => `line ${i} ${'x'.repeat(size - 10)}`;

test('a slow reader: writes wait for it, and every line arrives whole', async () => {
  const f = fifo();
  const out = join(f.path, '..', 'out');
  try {
    // Our own read end, never read from, lets the write end open without
    // blocking; the reader starts reading 100 ms after the writer has filled the pipe.
    const rd = openSync(f.path, constants.O_RDONLY | constants.O_NONBLOCK);
    const fd = openSync(f.path, constants.O_WRONLY | constants.O_NONBLOCK);
    const reader = spawn('sh', ['-c', `exec 3<"${f.path}"; sleep 0.1; cat <&3 > "${out}"`]);
    const log = new Logger({ level: 'info', format: 'text', fd });
    const t0 = performance.now();
    for (let i = 0; i < 3000; i++) log.writeLine(line(i));
    const waited = performance.now() - t0;
    closeSync(fd);
    await new Promise((r) => reader.on('exit', r));
    closeSync(rd);
    const lines = readFileSync(out, 'utf8').split('\n');
    assert.is(lines.pop(), '');
    assert.equal(lines, Array.from({ length: 3000 }, (_, i) => line(i)));
    assert.ok(waited >= 50, `the writer did not wait (${waited.toFixed(0)} ms)`);
  } finally {
    f.done();
  }
});

for (const size of [100, 10_000]) {
  test(`a stuck reader, lines of ${size} bytes: one wait of BLOCKED_WRITE_MS, then lines are dropped at once until a write goes through; no line is glued to another`, () => {
    const f = fifo();
    try {
      const rd = openSync(f.path, constants.O_RDONLY | constants.O_NONBLOCK);
      const fd = openSync(f.path, constants.O_WRONLY | constants.O_NONBLOCK);
      const log = new Logger({ level: 'info', format: 'text', fd });
      // Fill the pipe; the line that finds it full waits, then gives up.
      let slow = 0;
      let i = 0;
      for (; i < 10_000 && slow === 0; i++) {
        const t0 = performance.now();
        log.writeLine(line(i, size));
        if (performance.now() - t0 >= BLOCKED_WRITE_MS * 0.9) slow = performance.now() - t0;
      }
      assert.ok(slow > 0, 'the pipe never filled');
      const t1 = performance.now();
      for (let j = 0; j < 100; j++) log.writeLine(line(i + j, size));
      assert.ok(performance.now() - t1 < BLOCKED_WRITE_MS / 2, 'stalled: no more waiting');
      // The reader comes back: everything read so far, then new lines get through.
      const buf = Buffer.alloc(1 << 20);
      let text = '';
      for (;;) {
        let n = 0;
        try {
          n = readSync(rd, buf);
        } catch {
          break; // EAGAIN: drained
        }
        if (n === 0) break;
        text += buf.toString('utf8', 0, n);
      }
      log.writeLine('after the stall');
      text += buf.toString('utf8', 0, readSync(rd, buf));
      closeSync(rd);
      closeSync(fd);
      const lines = text.split('\n');
      assert.is(lines.pop(), '');
      assert.is(lines.pop(), 'after the stall', 'on a line of its own');
      // Every line is a whole line, or one cut short by the give-up and then ended: never two in one.
      lines.forEach((l, k) => {
        if (k < lines.length - 1) assert.is(l, line(k, size), 'whole lines in order before the stall');
        else assert.ok(line(k, size).startsWith(l), 'the last one whole or cut short, and then ended');
      });
    } finally {
      f.done();
    }
  });
}

test.run();
