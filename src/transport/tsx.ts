// The tsx ESM loader as a `--import` argument, for spawning TypeScript entry
// points (workers, probes) from a source checkout. Resolved with require so it
// works both under the ESM loader and the CommonJS one uvu's `-r tsx` uses.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export function tsxImport(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
}
