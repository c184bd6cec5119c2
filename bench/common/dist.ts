// The benchmarks and `npm run profile` run corral as an installed package
// runs it: the compiled dist/, not the TypeScript sources through tsx. tsx
// costs each worker about 35 MB of RSS and some CPU per connection that a
// user never pays, and a benchmark that compares with plain Node pools must
// not carry it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir: string, keep: (name: string) => boolean): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p, keep));
    else if (keep(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/**
 * 'fresh', 'stale' (older than a source file), or 'missing' (absent, or
 * half-made by an interrupted build: the build's last steps copy the
 * generated control code and the broker's Lua).
 */
export function distState(root: string): 'fresh' | 'stale' | 'missing' {
  const complete = ['dist/cli/main.js', 'dist/protocol/generated/control.js', 'dist/broker/lua'].every((p) => existsSync(join(root, p)));
  if (!complete) return 'missing';
  const src = newest(join(root, 'src'), (n) => n.endsWith('.ts') && !n.endsWith('.test.ts'));
  return statSync(join(root, 'dist', 'cli', 'main.js')).mtimeMs >= src ? 'fresh' : 'stale';
}

/**
 * The compiled CLI entry point, built first when dist/ is missing or older
 * than a source file. `say` gets one line when a build runs.
 */
export function compiledCli(root: string, say: (line: string) => void): string {
  const state = distState(root);
  if (state !== 'fresh') {
    say(`building dist/ (${state}; the benchmark runs corral compiled, as an installed package does)`);
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return join(root, 'dist', 'cli', 'main.js');
}
