// Driver processes: a bench runs each system, per repeat, in a fresh forked
// process of its own group, and kills the group when the driver is done,
// falls silent, or the bench itself is stopped (Ctrl-C, TERM, the parent
// going away).
import { fork, type ChildProcess } from 'node:child_process';
import { root } from './run.js';

export class Drivers {
  private readonly live = new Set<ChildProcess>();

  constructor(private readonly script: string) {}

  /** Kills every driver's process group: the driver and everything it started. */
  killAll(): void {
    for (const d of this.live) {
      try {
        process.kill(-d.pid!, 'SIGKILL');
      } catch {
        d.kill('SIGKILL');
      }
    }
    this.live.clear();
  }

  /**
   * Forks a driver, sends it `run`, and calls back per message until it
   * sends `done`; a driver that says nothing for silenceMs, or exits before
   * `done`, is reported through `failed(message)` and killed.
   */
  run<M extends { type: string }>(run: unknown, silenceMs: number, on: (m: M) => void, failed: (message: string) => M): Promise<void> {
    return new Promise((resolveRun) => {
      const d = fork(this.script, [], { cwd: root, execArgv: ['--import', 'tsx'], detached: true, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      this.live.add(d);
      let finished = false;
      let timer: NodeJS.Timeout;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          on(failed(`the driver said nothing for ${Math.round(silenceMs / 1000)} s; killed`));
          finish();
        }, silenceMs);
      };
      const finish = () => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        try {
          process.kill(-d.pid!, 'SIGKILL');
        } catch {
          // gone with its group
        }
        this.live.delete(d);
        resolveRun();
      };
      d.on('message', (m: M) => {
        arm();
        if (m.type === 'done') finish();
        else on(m);
      });
      d.on('exit', (code, sig) => {
        if (!finished) on(failed(`the driver exited (${sig ?? code}) before it was done`));
        finish();
      });
      arm();
      d.send(run as object);
    });
  }
}

/**
 * On SIGINT, SIGTERM or the parent's disconnect: `kill()`, say so, wait for
 * `cleanup()` (3 s at most) and exit 128 + the signal. `kill()` runs on exit
 * too. Returns the function that removes these handlers.
 */
export function stopOnSignals(bench: string, stopped: string, kill: () => void, cleanup?: () => Promise<unknown> | undefined): () => void {
  let stopping = false;
  const onSignal = (sig: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    kill();
    process.stderr.write(`\nbench ${bench}: ${sig}, ${stopped}\n`);
    const code = 128 + (sig === 'SIGINT' ? 2 : 15);
    const pending = cleanup?.();
    if (!pending) process.exit(code);
    void Promise.race([pending, new Promise((r) => setTimeout(r, 3000))]).finally(() => process.exit(code));
  };
  const onDisconnect = () => onSignal('SIGTERM');
  process.channel?.unref();
  process.on('exit', kill);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.once('disconnect', onDisconnect);
  return () => {
    process.off('exit', kill);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('disconnect', onDisconnect);
  };
}
