// sd_notify(3): tell systemd (Type=notify) about READY, RELOADING, STOPPING
// and a new MAINPID after a re-exec. A no-op when NOTIFY_SOCKET is unset.
import * as native from '../transport/native.js';

export function notify(state: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const path = env.NOTIFY_SOCKET;
  if (!path) return false;
  try {
    // "@name" is the abstract namespace.
    native.sendDatagram(path.startsWith('@') ? `\0${path.slice(1)}` : path, Buffer.from(state));
    return true;
  } catch {
    return false;
  }
}
