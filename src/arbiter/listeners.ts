// The arbiter's listening sockets: bound from --bind, adopted from fd://N, or
// inherited from systemd / a re-exec'ing arbiter through LISTEN_FDS.
import { unlinkSync, existsSync, lstatSync } from 'node:fs';
import * as native from '../transport/native.js';
import { ENV, LISTEN_FDS_START } from '../transport/process-state.js';
import { InvalidOptionError, parseBind, type BindSpec } from './options.js';

export interface ListenerRecord {
  index: number;
  fd: number;
  name: string;
  /** "127.0.0.1:8000", "[::1]:8000" or "unix:/path". */
  address: string;
  spec: BindSpec | undefined;
  /** The unix socket path we created and must unlink on a final stop. */
  unlinkPath: string | undefined;
}

export function formatAddress(a: native.SocketAddress): string {
  if (a.family === 'unix') return `unix:${a.path ?? a.address}`;
  return a.family === 'tcp6' ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
}

/** Listeners handed to us by systemd or a parent arbiter, if LISTEN_PID names us. */
export function inheritedListeners(env: NodeJS.ProcessEnv = process.env): number[] {
  const count = Number(env[ENV.listenFds] ?? '0');
  const owner = Number(env[ENV.listenPid] ?? '0');
  if (!Number.isInteger(count) || count <= 0 || owner !== process.pid) return [];
  const fds: number[] = [];
  for (let i = 0; i < count; i++) {
    const fd = LISTEN_FDS_START + i;
    // Not ours to leak into workers: they get their own copies at fixed slots.
    native.setCloexec(fd, true);
    native.setNonBlocking(fd, true);
    fds.push(fd);
  }
  // Workers must not mistake our LISTEN_* for theirs.
  delete env[ENV.listenFds];
  delete env[ENV.listenPid];
  delete env[ENV.listenFdNames];
  return fds;
}

/**
 * Binds (or adopts) every listener; on failure closes what it opened and throws.
 *
 * With `reusePort` (the reuseport strategy) the arbiter's sockets are bound
 * with SO_REUSEPORT but never listen: they hold the port for the workers' own
 * listeners without joining the group, so no connection waits on a socket
 * that nobody accepts from.
 */
export function openListeners(binds: string[], backlog: number, inherited: number[], names: string[] = [], reusePort = false): ListenerRecord[] {
  const out: ListenerRecord[] = [];
  const adopt = (fd: number) => {
    if (reusePort && native.isListening(fd)) {
      throw new InvalidOptionError(`options.accept=reuseport cannot use the inherited listening socket fd ${fd}: connections queued on it would never be accepted; bind an address instead`);
    }
    return fd;
  };
  try {
    if (inherited.length > 0) {
      inherited.forEach((fd, index) => {
        out.push({ index, fd: adopt(fd), name: names[index] || 'unknown', address: formatAddress(native.localAddress(fd)), spec: undefined, unlinkPath: undefined });
      });
      return out;
    }
    binds.forEach((text, index) => {
      const spec = parseBind(text);
      let fd: number;
      let unlinkPath: string | undefined;
      if (spec.kind === 'fd') {
        fd = adopt(spec.fd);
        native.setCloexec(fd, true);
        native.setNonBlocking(fd, true);
      } else if (spec.kind === 'unix') {
        if (reusePort) throw new InvalidOptionError(`options.accept=reuseport needs TCP addresses; ${text} is a unix socket`);
        // A stale socket file from a crashed run would make bind fail; a
        // regular file at that path is someone else's and is left alone.
        if (existsSync(spec.path) && lstatSync(spec.path).isSocket()) unlinkSync(spec.path);
        fd = native.listen({ path: spec.path, backlog });
        unlinkPath = spec.path;
      } else {
        fd = native.listen({ host: spec.host, port: spec.port, backlog, reusePort, bindOnly: reusePort });
      }
      out.push({ index, fd, name: 'unknown', address: formatAddress(native.localAddress(fd)), spec, unlinkPath });
    });
    return out;
  } catch (err) {
    closeListeners(out, true);
    throw err;
  }
}

export function closeListeners(listeners: ListenerRecord[], unlink: boolean): void {
  for (const l of listeners) {
    try { native.close(l.fd); } catch { /* already closed */ }
    if (unlink && l.unlinkPath) {
      try { unlinkSync(l.unlinkPath); } catch { /* gone */ }
    }
  }
}
