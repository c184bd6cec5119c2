// What the Node worker programs (the socket worker's bootstrap and index,
// the task worker's bootstrap) share about the process they run in.
import * as net from 'node:net';
import { realpathSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import { pathToFileURL } from 'node:url';

/** Hello.implementation: `<name>/<package version>` (0.0.0 when package.json cannot be read). */
export { implementation } from '../transport/version.js';

/** The control channel at CORRAL_CONTROL_FD; throws an Error that names the variable when the fd is not a usable socket. */
export function openControl(fd: number): Duplex {
  try {
    return new net.Socket({ fd, readable: true, writable: true });
  } catch (err) {
    throw new Error(`CORRAL_CONTROL_FD=${fd} is not a usable socket: ${(err as Error).message}`);
  }
}

/** True when the module at `moduleUrl` is the script node was started with (not imported by tests). */
export function isEntry(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    // The module URL is the real path; argv[1] may go through a symlink (node_modules/.bin).
    return moduleUrl === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}
