// Checks that hold on every frame of every worker case, whatever the case
// itself looks at. They run after a case has passed, over everything each
// worker process of the case sent:
//
//   frame rules   every frame decodes, fits the frame limit in force
//                 (FRAME-10) and keeps the sender rules of frame-check.ts
//   cadence       from Ready until Goodbye, end of stream or exit, no gap
//                 between heartbeats longer than LIVE-13's bound, once the
//                 time the worker waited for a CPU (or the suite was held
//                 up) within the gap is taken off (starvation.ts)
//
//   Welcome ─ Ready ─ hb ─ hb ─ … ─ hb ─ Goodbye / EOF / exit / end of case
//                     └gap┘          └── tail ──┘ (also a gap)
//
// A case that passes but breaks one of these fails with the rule broken.
import type { Incoming } from './wire.js';
import { CaseFailure } from './types.js';
import type { TestWorker } from './worker-harness.js';
import { creditBetween } from './starvation.js';

/** LIVE-13: the longest single gap between heartbeats, judged at the receiver. */
export function maxHeartbeatGapMs(intervalMs: number): number {
  return 2 * intervalMs + 250;
}

/** LIVE-13: the longest mean gap over a stretch of at least one second. */
export function maxMeanHeartbeatGapMs(intervalMs: number): number {
  return 1.25 * intervalMs + 25;
}

const isMsg = (i: Incoming, kind: string) => i.type === 'message' && i.message.kind === kind;

/**
 * Gaps between Ready, each heartbeat and the end of the window (ms), each
 * with the starvation it can excuse (`credits`), or undefined before Ready.
 */
export function heartbeatGaps(w: TestWorker, endMs: number): { gaps: number[]; credits: number[]; intervalMs: number } | undefined {
  const intervalMs = w.welcome?.heartbeatIntervalMs ?? 0;
  if (intervalMs <= 0) return undefined;
  const received = w.wire.received;
  const ready = received.find((i) => isMsg(i, 'ready'));
  if (!ready) return undefined;
  // The window ends where the worker may stop heartbeating: its Goodbye, a
  // fatal Error it sent (it closes next), anything undecodable, end of stream.
  const stop = received.find((i) => i.tMs >= ready.tMs && (i.type !== 'message' || isMsg(i, 'goodbye') || (i.message.kind === 'error' && i.message.body.fatal)));
  let end = Math.min(endMs, stop?.tMs ?? Infinity, w.exit?.tMs ?? Infinity);
  // The suite ends a worker's liveness itself with Stop, a fatal Error, a
  // stop signal or by closing the channel: the window ends there too.
  for (const e of w.transcript.entries) {
    if (e.tMs < ready.tMs || e.tMs >= end) continue;
    const fatalOut = e.what === 'error' && (e.detail as { fatal?: boolean } | undefined)?.fatal === true;
    const stopsIt = (e.dir === 'out' && e.channel === 'control' && (e.what === 'stop' || fatalOut))
      || (e.dir === 'event' && e.what === 'suite-closed')
      || (e.dir === 'event' && e.what === 'signal' && !['SIGHUP', 'SIGTERM', 'SIGUSR1'].includes(String(e.detail)));
    if (stopsIt) {
      end = e.tMs;
      break;
    }
  }
  const times = [ready.tMs, ...received.filter((i) => isMsg(i, 'heartbeat') && i.tMs > ready.tMs && i.tMs <= end).map((i) => i.tMs), end];
  return {
    gaps: times.slice(1).map((t, i) => Math.round(t - (times[i] as number))),
    credits: times.slice(1).map((t, i) => Math.round(creditBetween(w.stall, times[i] as number, t))),
    intervalMs,
  };
}

/** Throws CaseFailure for the first background rule that `w` broke. */
export function checkWorker(w: TestWorker, endMs: number): void {
  const bad = w.wire.received.find((i) => i.type === 'bad');
  if (bad && bad.type === 'bad') {
    throw new CaseFailure('the worker sent a frame that is not valid (background check)', 'well-formed frames only',
      `${bad.error.message} at ${bad.tMs} ms [${bad.hex}]`, ['FRAME-1', 'FRAME-10']);
  }
  const p = w.wire.problems[0];
  if (p) {
    throw new CaseFailure('the worker sent a frame that breaks a sender rule (background check)', 'well-formed 1.0 frames within the frame limit',
      `${p.kind} at ${p.tMs} ms: ${p.problem}`, [p.requirement]);
  }
  const hb = heartbeatGaps(w, endMs);
  if (!hb) return;
  const bound = maxHeartbeatGapMs(hb.intervalMs);
  const worst = Math.max(0, ...hb.gaps.map((g, i) => g - (hb.credits[i] as number)));
  if (worst > bound) {
    throw new CaseFailure('Heartbeats stopped for longer than LIVE-13 allows (background check)',
      `no gap above ${bound} ms (2 × heartbeat_interval_ms ${hb.intervalMs} + 250 ms) from Ready to Goodbye or exit, less the time the worker waited for a CPU or the suite was held up`,
      `gaps ${hb.gaps.map((g, i) => (hb.credits[i] ? `${g} (-${hb.credits[i]})` : String(g))).join(', ')} ms`, ['LIVE-1', 'LIVE-13']);
  }
}
