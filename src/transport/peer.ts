// Who is on the other end of a Unix socket, and whether they may talk to the
// arbiter: its own user or root (the task socket, CALL-13; the control
// socket, CTL-2). Read with SO_PEERCRED before any byte of the peer's is
// read, so a refused peer never reaches a decoder.
import type * as net from 'node:net';
import * as native from './native.js';

/** The peer's uid, and whether it is the process's own user or root; uid undefined when the kernel could not say. */
export function peerAllowed(c: net.Socket): { uid: number | undefined; me: number; allowed: boolean } {
  const fd = (c as unknown as { _handle?: { fd?: number } })._handle?.fd;
  let uid: number | undefined;
  try {
    uid = fd !== undefined && fd >= 0 ? native.peerCredentials(fd).uid : undefined;
  } catch {
    uid = undefined;
  }
  const me = process.getuid?.() ?? 0;
  return { uid, me, allowed: uid !== undefined && (uid === me || uid === 0) };
}
