// `corral bench [name] [options]`: the same benchmarks as `npm run bench`,
// through the same registry (scripts/bench.mjs), so `corral bench herd` and
// `npm run bench herd` are one command. With no name it lists them.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT } from '../transport/process-state.js';

export async function bench(argv: string[]): Promise<number> {
  const registry = fileURLToPath(new URL('../../scripts/bench.mjs', import.meta.url));
  if (!existsSync(registry)) {
    process.stderr.write(`corral bench: ${registry} is missing (the benchmarks ship with a source checkout)\n`);
    return EXIT.error;
  }
  const child = spawn(process.execPath, [registry, ...argv], { stdio: 'inherit' });
  // The child shares the terminal's process group, so Ctrl-C reaches it
  // directly; a TERM/INT sent to this process alone is passed on.
  const forward = (sig: NodeJS.Signals) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  try {
    return await new Promise<number>((resolve) => {
      child.on('error', (err) => {
        process.stderr.write(`corral bench: ${err.message}\n`);
        resolve(EXIT.error);
      });
      child.on('exit', (code, signal) => resolve(code ?? (signal === 'SIGINT' ? 130 : 128 + 15)));
    });
  } finally {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
  }
}
