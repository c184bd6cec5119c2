// The `corral` command.
import { run, RUN_HELP } from './run.js';
import { readFileSync } from 'node:fs';
import { EXIT } from '../transport/process-state.js';

const HELP = `Usage: corral <command> [options]

Commands:
  run           run a prefork pool: corral run [options] app.mjs | -- <command> [args…]
  bench         run a benchmark: corral bench [herd|tasks|codec] [options]
  conformance   test a worker or an arbiter against the spec
  queue         inspect and act on durable queues in Redis: stats, jobs, dead, enqueue…
  ctl           read and steer a running pool: status, workers N, reload, stop, tasks, jobs…
  top           a live full-screen view of a running pool
  help          show this help
  version       print corral's version (also --version, -v)

corral <command> --help shows a command's options.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run':
      return run(rest);
    case 'bench': {
      const { bench } = await import('./bench.js');
      return bench(rest);
    }
    case 'conformance': {
      const { conformance } = await import('./conformance.js');
      return conformance(rest);
    }
    case 'ctl': {
      const { ctl } = await import('./ctl.js');
      return ctl(rest);
    }
    case 'top': {
      const { top } = await import('./top.js');
      return top(rest);
    }
    case 'queue': {
      const { queueCommand } = await import('./queue.js');
      return queueCommand(rest);
    }
    case 'version':
    case '--version':
    case '-v': {
      // src/cli/ and dist/cli/ are both two levels below the package root.
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
      process.stdout.write(`corral ${pkg.version}\n`);
      return EXIT.ok;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP + (command === undefined ? '' : '\n' + RUN_HELP));
      return command === undefined ? EXIT.usage : EXIT.ok;
    default:
      process.stderr.write(`corral: unknown command ${JSON.stringify(command)}\n\n${HELP}`);
      return EXIT.usage;
  }
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
// An arbiter that has stopped leaves nothing to wait for; exit even if a
// stray handle (a hook's timer, say) would keep the loop alive.
setImmediate(() => process.exit(code)).unref();
