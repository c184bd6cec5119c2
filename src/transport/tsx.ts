// The tsx ESM loader as a `--import` argument, for spawning TypeScript entry
// points (workers, probes) from a source checkout. Resolved with require so it
// works both under the ESM loader and the CommonJS one uvu's `-r tsx` uses.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export function tsxImport(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
}

/** Files that need a TypeScript loader under Node 20. */
const TYPESCRIPT = /\.(ts|mts|cts|tsx)$/;

/**
 * The loader arguments for a Node process that runs `entry`, started by code
 * that is itself `compiled` (dist/) or not (src/ through tsx): tsx only when
 * something in that process is TypeScript, because it costs every worker
 * tens of MB of RSS and a slower start.
 */
export function loaderFor(entry: string, compiled: boolean): string[] {
  return !compiled || TYPESCRIPT.test(entry) ? ['--import', tsxImport()] : [];
}
