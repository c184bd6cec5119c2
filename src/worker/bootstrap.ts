// The program a `corral run app.mjs` worker runs:
//
//   node dist/worker/bootstrap.js <app-module> [args...]
//   node --import tsx src/worker/bootstrap.ts <app-module> [args...]   (development)
//
// It checks the environment and sends Hello first (exit 3 when the
// environment is bad), then imports the application module while the
// handshake goes on, heartbeating once welcomed [LIVE-4], and serves what
// the module exports:
//   - the module called serve() itself while loading   -> that call sends Ready
//   - default export is an http.Server or net.Server   -> Ready, serve it
//   - default export is a function                      -> serve(http.createServer(fn))
//   - default export is a Koa app or Fastify instance   -> its server (Fastify: after ready())
//   - anything else, or the import throws               -> Error APP_LOAD, exit 4
//
//   spawned ── Hello ──► (import app ...) ◄── Welcome ── heartbeats ... ── Ready
import * as http from 'node:http';
import * as net from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXIT } from '../transport/process-state.js';
import { prepare, serveCalled, type ServeOptions } from './index.js';
import { isServable, toServer, type Servable } from './frameworks.js';
import { isEntry } from './program.js';

/** What to do with a loaded app module; exported for tests. */
export type AppPlan = { kind: 'served' } | { kind: 'serve'; server: net.Server } | { kind: 'app'; app: Servable } | { kind: 'invalid'; message: string };

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
  if (isServable(exported)) return { kind: 'app', app: exported };
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
  // Hello goes out before the app starts loading; a bad environment has
  // already ended the process (exit 3) when this rejects.
  const serveOptions: ServeOptions = { exit, stderr, ...options.serveOptions };
  const worker = prepare(serveOptions);
  if (!(await worker.started.then(() => true, () => false))) return;
  // The app sees the argv it would see if run directly: [node, app, ...args].
  if (argv === process.argv) process.argv.splice(1, 1);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(appSpecifier(app))) as Record<string, unknown>;
  } catch (err) {
    stderr(`corral worker (pid ${process.pid}): failed to load ${app}: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    worker.appLoadFailed(`failed to load ${app}: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const plan = planFor(mod, app, serveCalled());
  if (plan.kind === 'served') return;
  if (plan.kind === 'invalid') {
    stderr(`corral worker (pid ${process.pid}): ${plan.message}\n`);
    worker.appLoadFailed(plan.message);
    return;
  }
  let server: net.Server;
  try {
    // Fastify: ready() loads its plugins, so its failure is the app's (exit 4).
    server = plan.kind === 'app' ? await toServer(plan.app) : plan.server;
  } catch (err) {
    stderr(`corral worker (pid ${process.pid}): ${app} failed to get ready: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    worker.appLoadFailed(`${app} failed to get ready: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  // A failed handshake is the worker's own exit(3); the rejection only
  // matters with an injected exit and must not go unhandled here.
  await worker.attach(server, serveOptions).then(
    () => undefined,
    () => undefined,
  );
}

// Run when executed as the entry point (not when imported by tests).
if (isEntry(import.meta.url)) void boot();
