// `corral top` in a real terminal: tmux gives it an 80x24 pty, and the test
// reads the screen as a person would (tmux capture-pane), against a real
// arbiter started with `corral run`.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { corralBin, helloApp, load, root, sleep, startPool, type Pool } from '../arbiter/pool.js';
import { textWidth } from '../../src/cli/format.js';

function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

const tmuxBin = which('tmux');
if (!tmuxBin) console.log('notice: tmux is not installed; the corral top terminal tests are SKIPPED (apt-get install tmux)');
const t = tmuxBin ? test : test.skip;

const WIDTH = 80;
const HEIGHT = 24;
const dir = mkdtempSync(join(tmpdir(), 'corral-top-'));
const pidfile = join(dir, 'pool.pid');
const exitFile = join(dir, 'top.exit');
const server = `corral-top-test-${process.pid}`;
let pool: Pool | undefined;

/** The environment of the tmux server, and so of top: colours on. */
const tmuxEnv: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
delete tmuxEnv.NO_COLOR;
delete tmuxEnv.FORCE_COLOR;
delete tmuxEnv.TMUX;

function tmux(...args: string[]): string {
  const r = spawnSync(tmuxBin!, ['-L', server, '-f', '/dev/null', ...args], { encoding: 'utf8', env: tmuxEnv, timeout: 10_000 });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

function corral(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [corralBin, ...args], { cwd: root, timeout: 30_000, env: { ...process.env, COLUMNS: '80' } }, (e, out, err) => {
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, out, err });
    });
  });
}

interface CtlStatus { pid: number; workers: { id: number; pid: number; state: string }[] }

async function ctlStatus(): Promise<CtlStatus> {
  const r = await corral('ctl', '-p', pidfile, 'status', '--json');
  assert.is(r.code, 0, r.err);
  return JSON.parse(r.out) as CtlStatus;
}

interface Screen {
  text: string;
  lines: string[];
  arbiter: number | undefined;
  poolAccepts: number;
  rows: { id: number; pid: number; state: string; accepts: number }[];
  bar: string;
}

let widest = 0;

/** The pane as text; wrapped lines joined (-J), so that a line too wide shows as one. */
function screen(): Screen {
  const text = tmux('capture-pane', '-p', '-J', '-t', 'top');
  const lines = text.replace(/\n$/, '').split('\n');
  for (const l of lines) {
    widest = Math.max(widest, textWidth(l));
    assert.ok(textWidth(l) <= WIDTH, `a line wider than ${WIDTH} columns: ${JSON.stringify(l)}\n${text}`);
  }
  assert.ok(lines.length <= HEIGHT, `${lines.length} lines on a ${HEIGHT}-row screen:\n${text}`);
  const num = (s: string) => Number(s.replace(/,/g, ''));
  const rows = [...text.matchAll(/^ +(\d+) socket +(\d+) (\w+) +\d+ +([\d.,]+) /gm)].map((m) => ({ id: Number(m[1]), pid: Number(m[2]), state: m[3]!, accepts: num(m[4]!) }));
  return {
    text, lines, rows,
    arbiter: Number(/^corral (\d+) · /m.exec(text)?.[1]) || undefined,
    poolAccepts: num(/^accepts\/s ([\d.,]+) · /m.exec(text)?.[1] ?? '0'),
    bar: lines[HEIGHT - 1] ?? '',
  };
}

/** Polls the screen until `check` returns something (not undefined or false). */
async function until<T>(what: string, check: (s: Screen) => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: Screen | undefined;
  for (;;) {
    last = screen();
    const v = await check(last);
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen:\n${last.text}`);
    await sleep(200);
  }
}

const sameSet = (a: number[], b: number[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

test.before(async () => {
  if (!tmuxBin) return;
  pool = await startPool(['--workers', '2', '--bind', '127.0.0.1:0', '--pidfile', pidfile, helloApp], { readyWorkers: 2 });
});

test.after(async () => {
  if (tmuxBin) {
    spawnSync(tmuxBin, ['-L', server, 'kill-server'], { timeout: 10_000 });
    // tmux leaves its socket file behind.
    rmSync(join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`, server), { force: true });
  }
  await pool?.stop();
  rmSync(dir, { recursive: true, force: true });
});

t('--once, stdout not a terminal: one plain frame with the real pids, exit 0', async () => {
  const s = await ctlStatus();
  const r = await corral('top', '--once', '-p', pidfile);
  assert.is(r.code, 0, r.err);
  assert.not.match(r.out, /\x1b/);
  assert.match(r.out, new RegExp(`^corral ${s.pid} · running · accept arbiter`, 'm'));
  for (const w of s.workers) assert.match(r.out, new RegExp(`^ +${w.id} socket +${w.pid} ready `, 'm'));
  for (const l of r.out.split('\n')) assert.ok(textWidth(l) <= 80, l);
});

t('in an 80x24 tmux pane: real pids, load shows, a killed worker is replaced, the arbiter goes and comes back, q restores the terminal', async () => {
  try {
    // The shell stays after top has exited, so that the pane's modes can be read as a user would find them
    // (a dead pane kept by remain-on-exit has its cursor hidden by tmux).
    const cmd = `'${process.execPath}' '${corralBin}' top -p '${pidfile}'; echo EXIT:$? > '${exitFile}'; sleep 600`;
    tmux('new-session', '-d', '-s', 'top', '-x', String(WIDTH), '-y', String(HEIGHT), cmd);

    // The header names the arbiter's pid, one row per worker with its pid, as ctl status says.
    const before = await ctlStatus();
    const first = await until('the arbiter and its two workers', (s) => s.arbiter === before.pid && s.rows.length === 2 && sameSet(s.rows.map((r) => r.pid), before.workers.map((w) => w.pid)) && s);
    assert.equal(first.rows.map((r) => r.state), ['ready', 'ready']);
    assert.match(first.bar, /q quit/);
    assert.is(tmux('display-message', '-p', '-t', 'top', '#{alternate_on} #{cursor_flag}').trim(), '1 0', 'on the alternate screen, the cursor hidden');
    assert.match(tmux('capture-pane', '-p', '-e', '-t', 'top'), /\x1b\[32mready/, 'ready is green');

    // Under load, accepts/s rises above 0: the pool's and a worker's.
    let loading = true;
    const done = load(pool!.port, { concurrency: 4, until: () => loading, pauseMs: 2 });
    try {
      await until('accepts/s above 0 under load', (s) => s.poolAccepts > 0 && s.rows.some((r) => r.accepts > 0));
    } finally {
      loading = false;
      const replies = await done;
      assert.ok(replies.length > 0 && replies.every((r) => r.ok), 'the load got its replies');
    }

    // SIGKILL a worker: its row goes, a new pid takes its place.
    const victim = before.workers[0]!.pid;
    const survivor = before.workers[1]!.pid;
    process.kill(victim, 'SIGKILL');
    const replaced = await until('the killed worker replaced by a new pid', async (s) => {
      const pids = s.rows.map((r) => r.pid);
      if (pids.length !== 2 || pids.includes(victim) || !pids.includes(survivor) || !s.rows.every((r) => r.state === 'ready')) return undefined;
      const now = await ctlStatus();
      return sameSet(pids, now.workers.map((w) => w.pid)) && s;
    });
    assert.match(replaced.lines[1]!, /restarts (killed 1|1)/);

    // The arbiter goes: top says so and stays; a new arbiter at the same pidfile (and socket) is found again.
    await pool!.stop('SIGTERM');
    pool = undefined;
    await until('"arbiter gone" on the status line', (s) => /arbiter gone/.test(s.bar));
    pool = await startPool(['--workers', '2', '--bind', '127.0.0.1:0', '--pidfile', pidfile, helloApp], { readyWorkers: 2 });
    const again = await ctlStatus();
    assert.is.not(again.pid, before.pid);
    await until('the new arbiter and its workers', (s) => s.arbiter === again.pid && !/arbiter gone/.test(s.bar) && sameSet(s.rows.map((r) => r.pid), again.workers.map((w) => w.pid)));

    // q: exit code 0, the alternate screen left, the cursor shown again.
    tmux('send-keys', '-t', 'top', 'q');
    const deadline = Date.now() + 15_000;
    let exit = '';
    while (!exit && Date.now() < deadline) {
      try {
        exit = readFileSync(exitFile, 'utf8').trim();
      } catch {
        await sleep(100);
      }
    }
    assert.is(exit, 'EXIT:0');
    assert.is(tmux('display-message', '-p', '-t', 'top', '#{alternate_on} #{cursor_flag}').trim(), '0 1', 'normal screen, cursor visible');
    assert.not.match(tmux('capture-pane', '-p', '-t', 'top'), /HISTORY|accepts\/s/, 'the frame went with the alternate screen');
    assert.ok(widest > 60 && widest <= WIDTH, `widest line ${widest}`);
  } finally {
    spawnSync(tmuxBin!, ['-L', server, 'kill-server'], { timeout: 10_000 });
  }
});

test.run();
