// Ending one worker. The arbiter's verbs decide which worker stops and why;
// this file says how: a protocol worker past its handshake is asked (Drain,
// Stop), a plain one or one still in the handshake (HS-2: nothing but the
// handshake before Welcome) is signalled, and each way sets the deadline
// after which SIGKILL follows (killOverdue, run by murderStuck).
import type { CorralError } from '../protocol/errors.js';
import type { AcceptCoordination } from './accept.js';
import type { Logger } from './log.js';
import type { ArbiterOptions } from './options.js';
import type { WorkerRecord } from './worker-record.js';

export interface StopDeps {
  readonly options: ArbiterOptions;
  readonly log: Logger;
  readonly accept: AcceptCoordination;
  now(): number;
}

/**
 * `drain`: Drain message (SIGTERM for plain workers), kill after the graceful
 * timeout. `term`: SIGTERM, kill after the graceful timeout (the kill delay
 * for a worker given up on). `kill`: SIGKILL now.
 */
export function endWorker(deps: StopDeps, w: WorkerRecord, reason: string, how: 'drain' | 'term' | 'kill', planned: boolean): void {
  const { options: o, log } = deps;
  const now = deps.now();
  w.stopReason = reason;
  w.planned = planned;
  // HS-2: nothing but the handshake before Welcome, so a worker still in
  // it is signalled, never sent Drain.
  if (how === 'drain' && w.channel && !w.channel.closed && w.helloed) {
    w.state = 'draining';
    log.info(`draining worker ${w.id} (pid ${w.proc.pid}): ${reason}`);
    w.channel.send({ kind: 'drain', body: { deadlineMs: Math.round(o.gracefulTimeout * 1000), reason } });
  } else if (how === 'kill') {
    w.state = 'stopping';
    log.warning(`killing worker ${w.id} (pid ${w.proc.pid}): ${reason}`);
    w.signalled = true;
    w.proc.kill('SIGKILL');
    return;
  } else {
    w.state = how === 'drain' ? 'draining' : 'stopping';
    (planned ? log.info : log.warning).call(log, `stopping worker ${w.id} (pid ${w.proc.pid}): ${reason}`);
    w.signalled = true;
    w.proc.kill('SIGTERM');
  }
  // A worker given up on, or one that never said Ready (it has accepted
  // nothing), has nothing worth draining: killDelayMs, not the graceful
  // timeout (SUP-13, SUP-16).
  w.killAt = now + ((planned || how === 'drain') && w.everReady ? o.gracefulTimeout * 1000 : o.killDelayMs);
}

/** A fast stop of the arbiter: the worker is to exit now, SIGKILL after the graceful timeout (the kill delay before Ready, SUP-16). */
export function stopWorkerNow(deps: StopDeps, w: WorkerRecord, now: number): void {
  // STOP-7: Stop for protocol workers, SIGQUIT for plain ones (PROC-17).
  w.stopReason = 'arbiter stopping';
  w.planned = true;
  w.state = 'stopping';
  if (w.channel && !w.channel.closed && w.helloed) w.channel.send({ kind: 'stop', body: { reason: 'arbiter stopping' } });
  else {
    // Plain, or still in the handshake (HS-2: no Stop before Welcome).
    w.signalled = true;
    w.proc.kill('SIGQUIT');
  }
  w.killAt = now + (w.everReady ? deps.options.gracefulTimeout * 1000 : deps.options.killDelayMs);
}

/** Sends the SIGTERM or SIGKILL a worker's deadlines call for; true if it was killed. */
export function killOverdue(deps: StopDeps, w: WorkerRecord, now: number): boolean {
  if (w.termAt !== undefined && now >= w.termAt) {
    w.termAt = undefined;
    w.signalled = true;
    w.proc.kill('SIGTERM');
  }
  if (w.killAt !== undefined && now >= w.killAt) {
    deps.log.warning(`worker ${w.id} (pid ${w.proc.pid}) still alive past its deadline (${w.stopReason ?? 'stopping'}): SIGKILL`);
    w.signalled = true;
    w.proc.kill('SIGKILL');
    w.killAt = undefined;
    return true;
  }
  return false;
}

/**
 * Sends a fatal Error (when given), closes the channel and stops using the
 * worker. A conforming worker exits on its own on the Error or the end of
 * stream; SIGTERM follows a second later (a signal at once could kill it
 * before it reads why), SIGKILL the kill delay after that.
 */
export function disconnect(deps: StopDeps, w: WorkerRecord, err: CorralError | undefined, reason: string): void {
  if (w.state === 'exited') return;
  if (w.channel && !w.channel.closed) w.channel.close(err);
  deps.accept.drain(w.id);
  if (w.state === 'stopping') return;
  const now = deps.now();
  w.state = 'stopping';
  w.stopReason ??= reason;
  w.termAt = now + 1000;
  w.killAt = now + 1000 + deps.options.killDelayMs;
}
