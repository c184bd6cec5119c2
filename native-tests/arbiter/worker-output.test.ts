// Worker output through the arbiter's log, with real processes: `corral run`
// with two workers of fixtures/apps/chatty.mjs, each signalled at the same
// moment to write a burst of half lines to both its stdout and stderr, a
// line longer than the limit, and a last line without a newline at exit.
// Every line must arrive whole, once, marked with the worker id and pid that
// wrote it, in text and in JSON; in JSON every line of the log must be one
// JSON object, and a pino line the app wrote is kept under `app`.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { corralBin, root, sleep } from './pool.js';
// @ts-expect-error: a plain .mjs fixture, no types
import { chattyLine, longLine } from '../../fixtures/apps/chatty-lines.mjs';

const app = join(root, 'fixtures/apps/chatty.mjs');
const LINES = 200;
const LONG = 40_000;
const LIMIT = 16 * 1024; // DEFAULT_WORKER_LINE_BYTES
const line = chattyLine as (pid: number, stream: string, i: number) => string;
const long = longLine as (pid: number, bytes: number) => string;

interface Run {
  proc: ChildProcess;
  /** The arbiter's stderr (its log) and stdout, decoded once whole (a chunk may end inside a character). */
  log: () => string;
  out: () => string;
  exited: Promise<number | null>;
}

function run(args: string[]): Run {
  const proc = spawn(process.execPath, [corralBin, 'run', '--workers', '2', '--bind', '127.0.0.1:0', '--handshake-timeout', '60', ...args, app], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CHATTY_LINES: String(LINES), CHATTY_LONG: String(LONG) },
  });
  const err: Buffer[] = [];
  const out: Buffer[] = [];
  proc.stderr!.on('data', (d: Buffer) => err.push(d));
  proc.stdout!.on('data', (d: Buffer) => out.push(d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  return { proc, log: () => Buffer.concat(err).toString('utf8'), out: () => Buffer.concat(out).toString('utf8'), exited };
}

async function waitFor(r: Run, what: string, ok: () => boolean, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (r.proc.exitCode !== null || Date.now() > deadline) {
      r.proc.kill('SIGKILL');
      throw new Error(`${what}: not in time\n${r.log().slice(-6000)}`);
    }
    await sleep(25);
  }
}

/** One worker's line as the test reads it back from either format. */
interface Got {
  pid: number;
  worker: number;
  stream: 'stdout' | 'stderr';
  text: string;
  /** JSON only: piece numbering of a cut line. */
  part?: number;
  more?: boolean;
  app?: Record<string, unknown>;
}

const TEXT = /^\[([^\]]+)\] \[(\d+)\] \[worker (\d+)( stderr)?\] (.*)$/;

/** Worker lines, the arbiter's messages, and the lines that are neither (there must be none). */
function parse(log: string, format: 'text' | 'json'): { workers: Got[]; arbiter: string[]; stray: string[] } {
  const workers: Got[] = [];
  const arbiter: string[] = [];
  const stray: string[] = [];
  for (const l of log.split('\n').slice(0, -1)) {
    if (format === 'json') {
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(l) as Record<string, unknown>;
      } catch {
        stray.push(l);
        continue;
      }
      if (typeof o !== 'object' || o === null) stray.push(l);
      else if (o.worker !== undefined) {
        workers.push({ pid: o.pid as number, worker: o.worker as number, stream: o.stream as Got['stream'], text: (o.msg as string | undefined) ?? JSON.stringify(o.app), ...(o.part !== undefined ? { part: o.part as number, more: o.more as boolean } : {}), ...(o.app ? { app: o.app as Record<string, unknown> } : {}) });
        assert.is(o.kind, 'socket');
        assert.ok(typeof o.time === 'string' && Number.isFinite(Date.parse(o.time as string)), l);
      } else if (typeof o.level === 'string' && typeof o.msg === 'string') arbiter.push(o.msg);
      else stray.push(l);
    } else {
      const m = TEXT.exec(l);
      if (m) workers.push({ pid: Number(m[2]), worker: Number(m[3]), stream: m[4] ? 'stderr' : 'stdout', text: m[5]! });
      else if (/^\[[^\]]+\] \[\d+\] \[(DEBUG|INFO|WARNING|ERROR|CRITICAL)\] /.test(l)) arbiter.push(l.replace(/^(\[[^\]]*\] ){3}/, ''));
      else stray.push(l);
    }
  }
  return { workers, arbiter, stray };
}

/** In text, the pieces of a cut line carry " [...]" at the end / "[...] " at the start. */
function rejoin(pieces: Got[], format: 'text' | 'json'): string {
  if (format === 'json') {
    pieces.forEach((p, i) => {
      assert.is(p.part, i + 1);
      assert.is(p.more, i < pieces.length - 1);
    });
    return pieces.map((p) => p.text).join('');
  }
  return pieces.map((p, i) => {
    let t = p.text;
    if (i > 0) t = t.replace(/^\[\.\.\.\] /, '');
    if (i < pieces.length - 1) t = t.replace(/ \[\.\.\.\]$/, '');
    return t;
  }).join('');
}

for (const format of ['text', 'json'] as const) {
  test(`${format}: two workers' stdout and stderr at once, half lines, a long line and a last line without newline arrive whole, each marked with its worker and pid`, async () => {
    const r = run(['--log-format', format]);
    try {
      const ready = () => [...r.log().matchAll(/worker (\d+) \(pid (\d+)\) ready/g)].map((m) => ({ id: Number(m[1]), pid: Number(m[2]) }));
      await waitFor(r, 'two workers ready', () => ready().length >= 2);
      const workers = ready();
      // Both at once: their bursts overlap in the arbiter.
      for (const w of workers) process.kill(w.pid, 'SIGUSR2');
      await waitFor(r, 'both bursts done', () => workers.every((w) => r.log().includes(`done ${w.pid}`)));
      r.proc.kill('SIGTERM');
      assert.is(await r.exited, 0, r.log().slice(-4000));

      const log = r.log();
      const { workers: got, arbiter, stray } = parse(log, format);
      assert.equal(stray, [], `lines that are neither the arbiter's nor a worker's: ${stray.slice(0, 3).join('\n')}`);
      assert.is(r.out(), '', "nothing on the arbiter's stdout");
      assert.ok(arbiter.some((m) => /arbiter \d+ stopped \(exit 0\)/.test(m)));
      const pidOf = new Map(workers.map((w) => [w.id, w.pid]));
      for (const g of got) assert.is(g.pid, pidOf.get(g.worker), `worker ${g.worker}'s line carries pid ${g.pid}: ${g.text.slice(0, 80)}`);

      for (const w of workers) {
        const mine = got.filter((g) => g.worker === w.id);
        for (const stream of ['stdout', 'stderr'] as const) {
          const burst = mine.filter((g) => g.stream === stream && g.text.startsWith(`chatty ${w.pid} `));
          assert.equal(burst.map((g) => g.text), Array.from({ length: LINES }, (_, i) => line(w.pid, stream, i)), `worker ${w.id} ${stream}: every line whole, once, in order`);
          // A line written to one stream is never reported as the other's.
          assert.ok(burst.every((g) => g.text.includes(` ${stream} `)));
        }
        // The long line: cut into pieces of at most the limit, nothing lost or doubled.
        const first = mine.findIndex((g) => g.text.startsWith(`long ${w.pid} `));
        assert.ok(first >= 0, `worker ${w.id}: no long line`);
        const pieces = mine.slice(first).filter((g) => g.stream === 'stdout');
        const count = Math.ceil(LONG / (LIMIT - 3));
        const cut = pieces.slice(0, pieces.findIndex((p) => format === 'json' ? p.more === false : !p.text.endsWith(' [...]')) + 1);
        assert.ok(cut.length >= 3 && cut.length <= count, `${cut.length} pieces`);
        for (const p of cut) assert.ok(Buffer.byteLength(p.text) <= LIMIT + (format === 'text' ? 12 : 0), `a piece of ${Buffer.byteLength(p.text)} bytes`);
        assert.ok(rejoin(cut, format) === long(w.pid, LONG), `worker ${w.id}: the long line, rejoined, differs`);
        assert.not.match(rejoin(cut, format), /\uFFFD/);
        // The partial last line, flushed at its exit, logged before the arbiter says it exited.
        const bye = log.split('\n').findIndex((l) => l.includes(`bye ${w.pid}`));
        const exited = log.split('\n').findIndex((l) => l.includes(`worker ${w.id} (pid ${w.pid}) exited`));
        assert.ok(bye >= 0 && mine.some((g) => g.text === `bye ${w.pid}` && g.stream === 'stdout'), `worker ${w.id}: no bye line`);
        assert.ok(bye < exited, `worker ${w.id}: its last line came after its exit was logged`);
        // The app's pino line.
        const up = mine.find((g) => g.text.includes('chatty up'));
        assert.ok(up, `worker ${w.id}: no pino line`);
        if (format === 'json') {
          assert.is(up.app?.msg, 'chatty up');
          assert.is(up.app?.level, 30);
          assert.is(up.app?.reqId, 'boot');
          assert.equal(up.app?.detail, { workers: 'many' });
        } else {
          assert.is(JSON.parse(up.text).msg, 'chatty up', 'the raw pino line after the prefix');
        }
      }
      const lengths = got.map((g) => Buffer.byteLength(g.text));
      console.log(`  ${format}: ${got.length} worker lines from 2 workers (longest ${Math.max(...lengths)} bytes), ${arbiter.length} arbiter lines`);
    } finally {
      r.proc.kill('SIGKILL');
    }
  });
}

test("--worker-output inherit: the workers' lines are raw, on the arbiter's own stdout and stderr", async () => {
  const r = run(['--worker-output', 'inherit']);
  try {
    const ready = () => [...r.log().matchAll(/worker (\d+) \(pid (\d+)\) ready/g)].map((m) => Number(m[2]));
    await waitFor(r, 'two workers ready', () => ready().length >= 2);
    const pid = ready()[0]!;
    process.kill(pid, 'SIGUSR2');
    await waitFor(r, 'the burst', () => r.out().includes(`done ${pid}\n`));
    r.proc.kill('SIGTERM');
    assert.is(await r.exited, 0);
    assert.ok(r.out().split('\n').includes(line(pid, 'stdout', 0)), 'stdout raw, on stdout');
    assert.ok(r.log().split('\n').includes(line(pid, 'stderr', 0)), 'stderr raw, on stderr');
    assert.ok(r.out().split('\n').includes(long(pid, LONG)), 'not cut');
  } finally {
    r.proc.kill('SIGKILL');
  }
});

test.run();
