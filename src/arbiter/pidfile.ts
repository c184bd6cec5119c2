// The pidfile (--pidfile): written atomically once the listeners are bound,
// removed on the final stop unless a re-exec'd arbiter has taken it over.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export function writePidfile(path: string | undefined): void {
  if (!path) return;
  writeFileSync(`${path}.tmp`, `${process.pid}\n`);
  renameSync(`${path}.tmp`, path);
}

export function removePidfile(path: string | undefined): void {
  if (!path) return;
  try {
    // After a re-exec the pidfile names the new arbiter: leave it.
    if (Number(readFileSync(path, 'utf8').trim()) === process.pid) rmSync(path);
  } catch { /* already gone */ }
}
