// Where control sockets live (spec.md section 14.1), so that `corral run`
// and `corral ctl` agree without being told:
//
//   --pidfile /run/app.pid   ->  /run/app.sock            (next to the pidfile)
//   otherwise                ->  $XDG_RUNTIME_DIR/corral/<pid>.sock
//                                or <tmpdir>/corral-<uid>/<pid>.sock
//
// The per-user directory is created 0700 and must belong to the user: a
// directory another user made first could hold a socket that answers in
// the arbiter's place.
import { lstatSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorralError } from '../errors.js';

/** The socket that belongs with a pidfile: its path with `.pid` replaced by (or followed by) `.sock`. */
export function socketForPidfile(pidfile: string): string {
  return `${pidfile.replace(/\.pid$/, '')}.sock`;
}

/** The per-user directory for control sockets, created (0700) if missing; throws if it is not safely ours. */
export function runtimeDir(env: NodeJS.ProcessEnv = process.env, create = true): string {
  const uid = process.getuid?.() ?? 0;
  const dir = env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'corral') : join(tmpdir(), `corral-${uid}`);
  if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
  let st;
  try {
    st = lstatSync(dir);
  } catch {
    return dir;
  }
  if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o022) !== 0) {
    throw new CorralError('CORRAL_ERR_INVALID_OPTION', `${dir} must be a directory owned by uid ${uid} and writable by no one else (it holds control sockets); remove it or set XDG_RUNTIME_DIR`);
  }
  return dir;
}

/** The default control socket of arbiter `pid` (with its pidfile, if any). */
export function defaultControlSocket(pid: number, pidfile?: string, env: NodeJS.ProcessEnv = process.env): string {
  return pidfile ? socketForPidfile(pidfile) : join(runtimeDir(env), `${pid}.sock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The control socket `corral ctl` should use: --socket, else the one next to
 * --pidfile (after checking the pidfile names a live process), else
 * $CORRAL_CONTROL_SOCKET, else the only arbiter of this user in the runtime
 * directory. Throws CORRAL_ERR_CONTROL_NOT_FOUND saying what it looked at.
 */
export function findControlSocket(o: { socket?: string | undefined; pidfile?: string | undefined }, env: NodeJS.ProcessEnv = process.env): string {
  if (o.socket) return o.socket;
  if (o.pidfile) {
    let pid: number;
    try {
      pid = Number(readFileSync(o.pidfile, 'utf8').trim());
    } catch (err) {
      throw new CorralError('CORRAL_ERR_CONTROL_NOT_FOUND', `cannot read the pidfile ${o.pidfile}: ${(err as Error).message}`);
    }
    if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) throw new CorralError('CORRAL_ERR_CONTROL_NOT_FOUND', `the pidfile ${o.pidfile} names pid ${pid}, which is not running`);
    return socketForPidfile(o.pidfile);
  }
  if (env.CORRAL_CONTROL_SOCKET) return env.CORRAL_CONTROL_SOCKET;
  const dir = runtimeDir(env, false);
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    names = [];
  }
  const live = names.map((n) => /^(\d+)\.sock$/.exec(n)).filter((m): m is RegExpExecArray => m !== null && alive(Number(m[1]))).map((m) => join(dir, m[0]));
  if (live.length === 1) return live[0]!;
  if (live.length === 0) throw new CorralError('CORRAL_ERR_CONTROL_NOT_FOUND', `no running arbiter found in ${dir}; start one with \`corral run\`, or pass --socket PATH or --pidfile PATH`);
  throw new CorralError('CORRAL_ERR_CONTROL_NOT_FOUND', `${live.length} arbiters are running; choose one with --socket:\n  ${live.join('\n  ')}`);
}
