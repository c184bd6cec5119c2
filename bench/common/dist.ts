// The benchmarks run corral as an installed package runs it: the compiled
// dist/, not the TypeScript sources through tsx. tsx costs each worker about
// 35 MB of RSS and some CPU per connection that a user never pays, and a
// benchmark that compares with plain Node pools must not carry it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/**
 * The compiled CLI entry point, built first when dist/ is missing or older
 * than a source file. `say` gets one line when a build runs.
 */
export function compiledCli(root: string, say: (line: string) => void): string {
  const main = join(root, 'dist', 'cli', 'main.js');
  if (!existsSync(main) || statSync(main).mtimeMs < newest(join(root, 'src'))) {
    say('building dist/ (the benchmark runs corral compiled, as an installed package does)');
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return main;
}
