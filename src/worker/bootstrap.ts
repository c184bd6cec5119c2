// The program a `corral run app.mjs` worker runs:
//
//   node dist/worker/bootstrap.js <app-module> [args...]
//   node --import tsx src/worker/bootstrap.ts <app-module> [args...]   (development)
//
// It imports the application module and serves what it exports:
//   - the module called serve() itself while loading   -> nothing more to do
//   - default export is an http.Server or net.Server   -> serve(it)
//   - default export is a function                      -> serve(http.createServer(fn))
//   - anything else, or the import throws               -> exit 4 (app load failure)
import * as http from 'node:http';
import * as net from 'node:net';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXIT } from '../transport/process-state.js';
import { serve, serveCalled, type ServeOptions } from './index.js';

/** What to do with a loaded app module; exported for tests. */
export type AppPlan = { kind: 'served' } | { kind: 'serve'; server: net.Server } | { kind: 'invalid'; message: string };

/** The module specifier for an app argument: a URL stays, a path becomes a file URL. */
export function appSpecifier(arg: string, cwd = process.cwd()): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(arg) && !/^[a-z]:[\\/]/i.test(arg)) return arg;
  return pathToFileURL(resolve(cwd, arg)).href;
}

export function planFor(mod: Record<string, unknown>, name: string, alreadyServed: boolean): AppPlan {
  if (alreadyServed) return { kind: 'served' };
  const exported = mod.default;
  if (exported instanceof net.Server) return { kind: 'serve', server: exported };
  if (typeof exported === 'function') return { kind: 'serve', server: http.createServer(exported as http.RequestListener) };
  return { kind: 'invalid', message: `${name} must default-export an http.Server, a net.Server or a request handler, or call serve()` };
}

export interface BootOptions {
  argv?: string[];
  exit?: (code: number) => void;
  stderr?: (text: string) => void;
  serveOptions?: ServeOptions;
}

/** Loads the app named by argv[2] and serves it. Resolves when it is served (or has failed). */
export async function boot(options: BootOptions = {}): Promise<void> {
  const argv = options.argv ?? process.argv;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const stderr = options.stderr ?? ((text: string) => void process.stderr.write(text));
  const app = argv[2];
  if (app === undefined) {
    stderr('usage: bootstrap <app-module> [args...]\n');
    exit(EXIT.appLoadError);
    return;
  }
  // The app sees the argv it would see if run directly: [node, app, ...args].
  if (argv === process.argv) process.argv.splice(1, 1);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(appSpecifier(app))) as Record<string, unknown>;
  } catch (err) {
    stderr(`corral worker (pid ${process.pid}): failed to load ${app}: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    exit(EXIT.appLoadError);
    return;
  }
  const plan = planFor(mod, app, serveCalled());
  if (plan.kind === 'served') return;
  if (plan.kind === 'invalid') {
    stderr(`corral worker (pid ${process.pid}): ${plan.message}\n`);
    exit(EXIT.appLoadError);
    return;
  }
  // serve() handles its own failures (exit 3); the rejection is only for
  // injected exits, so it must not become an unhandled rejection here.
  await serve(plan.server, options.serveOptions).then(
    () => undefined,
    () => undefined,
  );
}

function isEntry(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    // The module URL is the real path; argv[1] may go through a symlink (node_modules/.bin).
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

// Run when executed as the entry point (not when imported by tests).
if (isEntry()) void boot();
