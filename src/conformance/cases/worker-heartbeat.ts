// Worker cases: liveness. Heartbeats come every heartbeat_interval_ms and
// carry the worker's load, and since 1.4 its wakeups and request latency.
import type { corral } from '../../protocol/codec.js';
import { LATENCY_BUCKETS, LOAD_COUNTS_SINCE_MINOR } from '../../protocol/limits.js';
import { firstDecrease } from '../../protocol/load-counts.js';
import type { Incoming } from '../wire.js';
import { check, fail, type WorkerContext } from '../worker-context.js';
import type { TestWorker } from '../worker-harness.js';
import { FairDeadline } from '../starvation.js';
import { sleep } from '../worker-harness.js';
import { CaseUnsupported } from '../types.js';
import { FULL_REQUEST, PARTIAL_HEAD, workerCase, type WorkerCase } from './common.js';
import { maxHeartbeatGapMs, maxMeanHeartbeatGapMs } from '../background.js';
import { creditBetween } from '../starvation.js';

const INTERVAL_MS = 200;
const WINDOW_MS = 2000;
/**
 * The most starvation one beat may be excused for in the mean. A worker that
 * schedules each beat an interval after the last sent one drifts by exactly
 * its wait for a CPU, which the credit gives back; one that keeps absolute
 * deadlines does not drift, so crediting it without limit would let a worker
 * beating at 1.6 × the interval pass on a machine loaded enough. With this
 * cap the slower worker fails at any load (320 − 40 > 275 ms), and a correct
 * one passes while it waits up to 115 ms for a CPU per beat (200 + 115 − 40).
 */
const MAX_CREDIT_PER_BEAT_MS = INTERVAL_MS / 5;

function heartbeats(w: TestWorker, fromMs: number): { tMs: number; body: corral.v1.Heartbeat }[] {
  return w.wire.received
    .filter((i): i is Extract<Incoming, { type: 'message' }> => i.type === 'message' && i.message.kind === 'heartbeat' && i.tMs >= fromMs)
    .map((i) => ({ tMs: i.tMs, body: i.message.body as corral.v1.Heartbeat }));
}

/**
 * The second Heartbeat received after `fromMs` (the first may have been
 * composed just before the state the case set up); fails after `ms`.
 */
async function secondHeartbeatAfter(w: TestWorker, fromMs: number, ms: number): Promise<corral.v1.Heartbeat> {
  const deadline = new FairDeadline(ms, w.runDelay);
  for (;;) {
    const beats = heartbeats(w, fromMs + 0.1);
    if (beats.length >= 2) return (beats[1] as { body: corral.v1.Heartbeat }).body;
    const left = deadline.left();
    if (left <= 0 || w.wire.eof) {
      fail('Heartbeats stopped', `two Heartbeats within ${ms} ms`, `${beats.length}${w.exitText()}`, ['LIVE-1']);
    }
    await w.wire.next(left, (i) => i.type === 'message' && i.message.kind === 'heartbeat');
  }
}

/** The worker's highest minor of major 1; UNSUPPORTED below 1.4, where Heartbeat has no wakeups_total or latency_counts. */
function needLoadCounts(ctx: WorkerContext): void {
  const minor = Math.max(-1, ...ctx.testee.versions.filter((v) => v.major === 1).map((v) => v.minor ?? 0));
  if (minor < LOAD_COUNTS_SINCE_MINOR) {
    throw new CaseUnsupported(`the worker speaks 1.${minor}; Heartbeat.wakeups_total and latency_counts came with 1.${LOAD_COUNTS_SINCE_MINOR} (COMPAT-8)`);
  }
}

/**
 * Puts `n` requests through `w` one after the other, each on its own
 * connection (a full request head, Connection: close), and waits until each
 * has been answered and closed, or a timeout. Returns how many were answered.
 */
async function requestsThrough(ctx: WorkerContext, w: TestWorker, n: number, firstHandoffId: number): Promise<number> {
  let answered = 0;
  for (let i = 0; i < n; i++) {
    const c = w.strategy === 'handoff' ? await ctx.handOff(w, FULL_REQUEST, firstHandoffId + i) : await ctx.inFlight(w, FULL_REQUEST);
    if (await c.gotResponse(ctx.timing.timeoutMs)) answered++;
    // The server closes after its answer (Connection: close); a server that
    // does not is closed on here, which ends the request for one that counts
    // connections.
    const deadline = new FairDeadline(ctx.timing.timeoutMs, w.runDelay);
    while (!c.closed && deadline.left() > 0) await sleep(10);
    c.destroy();
  }
  return answered;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const REQUESTS = 3;

export const heartbeatCases: WorkerCase[] = [
  workerCase({
    id: 'W-HB-001',
    section: '6.1',
    slug: 'heartbeat-cadence',
    title: 'Heartbeats follow Welcome.heartbeat_interval_ms, with a monotonic time_ms',
    requirements: ['LIVE-1', 'LIVE-13', 'LIVE-5'],
    level: 'MUST',
    serial: true,
    procedure: [
      `Complete the handshake with heartbeat_interval_ms = ${INTERVAL_MS}.`,
      `Record the Heartbeats of the next ${WINDOW_MS} ms.`,
    ],
    expectations: [
      `The mean gap between consecutive Heartbeats over the window is at most ${maxMeanHeartbeatGapMs(INTERVAL_MS)} ms (1.25 × the interval + 25 ms, LIVE-13), once the time the worker waited for a CPU or the suite was held up is taken off (at most ${MAX_CREDIT_PER_BEAT_MS} ms a beat).`,
      `No single gap, the first from Ready and the last to the end of the window included, is longer than ${maxHeartbeatGapMs(INTERVAL_MS)} ms, less the same starvation within it.`,
      'time_ms never goes backwards.',
    ],
    async run(ctx) {
      const w = ctx.start(ctx.defaultStart());
      await w.handshake({ heartbeatIntervalMs: INTERVAL_MS });
      const readyAt = w.wire.received.find((i) => i.type === 'message' && i.message.kind === 'ready')?.tMs ?? 0;
      await sleep(WINDOW_MS);
      w.sampleStall();
      const end = ctx.transcript.now();
      const beats = heartbeats(w, readyAt).filter((b) => b.tMs <= end);
      const times = [readyAt, ...beats.map((b) => b.tMs)];
      const ends = [...times, end];
      const gaps = ends.slice(1).map((t, i) => Math.round(t - (ends[i] as number)));
      const credits = ends.slice(1).map((t, i) => Math.round(creditBetween(w.stall, ends[i] as number, t)));
      // The mean over the window counts what the worker owes: one beat per
      // interval. Jitter in one beat is made up by the next, so the mean
      // holds on a loaded machine where single gaps do not.
      // Between consecutive beats only: a first beat sent with Ready is no gap.
      const first = beats[0]?.tMs ?? 0;
      const last = beats[beats.length - 1]?.tMs ?? 0;
      const n = beats.length - 1;
      const credit = Math.min(creditBetween(w.stall, first, last), n * MAX_CREDIT_PER_BEAT_MS);
      const mean = n > 0 ? (last - first - credit) / n : Infinity;
      const seen = `${beats.length} Heartbeats in ${Math.round(end - readyAt)} ms; mean gap ${Math.round(mean)} ms `
        + `(${n > 0 ? Math.round((last - first) / n) : '-'} ms less ${Math.round(credit)} ms of starvation over ${n} gaps); `
        + `gaps ${gaps.map((g, i) => (credits[i] ? `${g} (-${credits[i]})` : String(g))).join(', ')} ms`;
      check(beats.length > 0, 'the worker sent no Heartbeat', `a Heartbeat every ${INTERVAL_MS} ms`, `none in ${WINDOW_MS} ms after Ready${w.exitText()}`, ['LIVE-1']);
      check(mean <= maxMeanHeartbeatGapMs(INTERVAL_MS), 'Heartbeats come slower than heartbeat_interval_ms on average',
        `a mean gap of at most ${maxMeanHeartbeatGapMs(INTERVAL_MS)} ms`, seen, ['LIVE-1', 'LIVE-13']);
      const bound = maxHeartbeatGapMs(INTERVAL_MS);
      check(gaps.every((g, i) => g - (credits[i] as number) <= bound), 'a gap between Heartbeats is longer than LIVE-13 allows',
        `gaps of at most ${bound} ms`, seen, ['LIVE-1', 'LIVE-13']);
      const clock = beats.map((b) => b.body.timeMs);
      check(clock.every((t, i) => i === 0 || t >= (clock[i - 1] as number)), 'Heartbeat.time_ms went backwards',
        'non-decreasing time_ms', clock.join(', '), ['LIVE-5']);
    },
  }),
  workerCase({
    id: 'W-HB-002',
    section: '6.3',
    slug: 'heartbeat-carries-load',
    title: 'Heartbeat.in_flight, capacity and accepted_total follow the connections the worker holds',
    requirements: ['LOAD-1', 'LOAD-2', 'LOAD-4', 'HS-9'],
    level: 'MUST',
    procedure: [
      `Complete the handshake with heartbeat_interval_ms = ${INTERVAL_MS}.`,
      'Put two connections in flight, each with an incomplete request head.',
      'Read the Heartbeat after next; close both clients; read the Heartbeat after next again.',
    ],
    expectations: [
      'With the two connections held: in_flight = 2 and accepted_total >= 2.',
      'After the clients closed: in_flight = 0, and accepted_total has not decreased.',
      'Heartbeat.capacity equals Ready.capacity (nothing changed the capacity meanwhile).',
    ],
    async run(ctx) {
      const w = ctx.start(ctx.defaultStart());
      await w.handshake({ heartbeatIntervalMs: INTERVAL_MS });
      const a = await ctx.inFlight(w, PARTIAL_HEAD);
      const b = await ctx.inFlight(w, PARTIAL_HEAD);
      const wait = INTERVAL_MS * 3 + ctx.timing.timeoutMs;
      const busy = await secondHeartbeatAfter(w, ctx.transcript.now(), wait);
      check(busy.inFlight === 2, 'Heartbeat.in_flight does not count the connections held', 'in_flight = 2', `in_flight = ${busy.inFlight}`, ['LOAD-1']);
      check(busy.acceptedTotal >= 2, 'Heartbeat.accepted_total does not count accepted connections', 'accepted_total >= 2', `accepted_total = ${busy.acceptedTotal}`, ['LOAD-4']);
      const ready = w.wire.received.find((i) => i.type === 'message' && i.message.kind === 'ready');
      const readyCapacity = ready?.type === 'message' && ready.message.kind === 'ready' ? ready.message.body.capacity : undefined;
      check(readyCapacity === busy.capacity, 'Heartbeat.capacity and Ready.capacity disagree', `capacity ${readyCapacity} in both`,
        `Ready.capacity ${readyCapacity}, Heartbeat.capacity ${busy.capacity}`, ['LOAD-2', 'HS-9']);
      a.destroy();
      b.destroy();
      await sleep(100);
      const idle = await secondHeartbeatAfter(w, ctx.transcript.now(), wait);
      check(idle.inFlight === 0, 'Heartbeat.in_flight still counts closed connections', 'in_flight = 0', `in_flight = ${idle.inFlight}`, ['LOAD-1']);
      check(idle.acceptedTotal >= busy.acceptedTotal, 'Heartbeat.accepted_total decreased', `at least ${busy.acceptedTotal}`, String(idle.acceptedTotal), ['LOAD-4']);
    },
  }),
  workerCase({
    id: 'W-HB-003',
    section: '6.3.1',
    slug: 'heartbeat-wakeups-and-latency',
    title: 'Heartbeat.wakeups_total and latency_counts (1.4): 17 counts that only grow, one per completed request; wakeups that only grow',
    requirements: ['LOAD-8', 'LOAD-9', 'LOAD-10', 'LOAD-11'],
    level: 'MUST',
    procedure: [
      'The worker must speak 1.4 or later (UNSUPPORTED otherwise); complete the handshake at 1.4 with heartbeat_interval_ms = ' + `${INTERVAL_MS}.`,
      'Read the Heartbeat after next (before).',
      `Put ${REQUESTS} requests through the worker one after the other, each a full HTTP request head with Connection: close on its own connection (a grant of one, or a handoff, as the strategy needs), and wait for each to be answered and closed.`,
      'Read the Heartbeat after next again (after).',
    ],
    expectations: [
      'The worker sends wakeups_total or latency_counts in some Heartbeat (UNSUPPORTED otherwise: both are optional).',
      'Every non-empty latency_counts holds exactly 17 counts (LOAD-9), and no count is lower than in the previous non-empty one (LOAD-11).',
      `The counts of after add up to ${REQUESTS} more than those of before: one per completed request, whether the worker counts HTTP responses or closed connections (LOAD-10).`,
      `wakeups_total, where not 0, never goes down, and it grew by at least ${REQUESTS} from before to after: each connection came on its own and woke the worker at least once (LOAD-8).`,
    ],
    async run(ctx) {
      needLoadCounts(ctx);
      const w = ctx.start(ctx.defaultStart());
      await w.handshake({ heartbeatIntervalMs: INTERVAL_MS });
      const wait = INTERVAL_MS * 3 + ctx.timing.timeoutMs;
      const before = await secondHeartbeatAfter(w, ctx.transcript.now(), wait);
      const answered = await requestsThrough(ctx, w, REQUESTS, 31);
      await sleep(100);
      const after = await secondHeartbeatAfter(w, ctx.transcript.now(), wait);
      const beats = heartbeats(w, 0).map((b) => b.body);
      if (!beats.some((b) => b.wakeupsTotal > 0 || b.latencyCounts.length > 0)) {
        throw new CaseUnsupported('the worker sends neither Heartbeat.wakeups_total nor latency_counts (both are optional)');
      }
      let last: readonly number[] | undefined;
      let lastWakeups = 0;
      for (const b of beats) {
        const n = b.latencyCounts.length;
        check(n === 0 || n === LATENCY_BUCKETS, 'a Heartbeat.latency_counts does not hold 17 counts', `0 or ${LATENCY_BUCKETS} counts`, `${n}: ${b.latencyCounts.join(', ')}`, ['LOAD-9']);
        if (n > 0) {
          const down = last ? firstDecrease(last, b.latencyCounts) : -1;
          check(down < 0, 'a count of Heartbeat.latency_counts went down', 'every count at least what it was',
            `count ${down}: ${last?.[down]} then ${b.latencyCounts[down]} (${last?.join(', ')} then ${b.latencyCounts.join(', ')})`, ['LOAD-11']);
          last = b.latencyCounts;
        }
        if (b.wakeupsTotal > 0) {
          check(b.wakeupsTotal >= lastWakeups, 'Heartbeat.wakeups_total went down', `at least ${lastWakeups}`, String(b.wakeupsTotal), ['LOAD-8']);
          lastWakeups = b.wakeupsTotal;
        }
      }
      if (after.latencyCounts.length > 0) {
        check(answered === REQUESTS, 'the worker did not answer every request', `${REQUESTS} answered`, `${answered} answered`, ['LOAD-10']);
        const grew = sum(after.latencyCounts) - sum(before.latencyCounts);
        check(grew === REQUESTS, 'Heartbeat.latency_counts does not count each completed request once', `the counts grow by ${REQUESTS}`,
          `they grew by ${grew}: ${before.latencyCounts.join(', ') || '(none)'} then ${after.latencyCounts.join(', ')}`, ['LOAD-10']);
      }
      if (after.wakeupsTotal > 0) {
        const woke = after.wakeupsTotal - before.wakeupsTotal;
        check(woke >= REQUESTS, 'Heartbeat.wakeups_total does not count the wakeups of the connections taken', `it grows by at least ${REQUESTS}`,
          `${before.wakeupsTotal} then ${after.wakeupsTotal}`, ['LOAD-8']);
      }
    },
  }),
  workerCase({
    id: 'W-HB-004',
    section: '6.3.1',
    slug: 'heartbeat-load-counts-below-1-4',
    title: 'At version 1.3 the worker sends no Heartbeat.wakeups_total or latency_counts',
    requirements: ['COMPAT-8', 'NEG-6'],
    level: 'MUST',
    procedure: [
      'The worker must speak 1.4 or later (UNSUPPORTED otherwise: below 1.4 every case negotiates 1.3 or lower, and the background check covers it).',
      `Complete the handshake with Welcome.version 1.3 and heartbeat_interval_ms = ${INTERVAL_MS}.`,
      'Put one request through the worker; read the Heartbeat after next.',
    ],
    expectations: ['No Heartbeat carries wakeups_total or latency_counts (fields 6 and 7), which 1.3 does not define.'],
    async run(ctx) {
      needLoadCounts(ctx);
      const w = ctx.start(ctx.defaultStart());
      await w.handshake({ heartbeatIntervalMs: INTERVAL_MS, version: { major: 1, minor: LOAD_COUNTS_SINCE_MINOR - 1 } });
      await requestsThrough(ctx, w, 1, 41);
      await secondHeartbeatAfter(w, ctx.transcript.now(), INTERVAL_MS * 3 + ctx.timing.timeoutMs);
      const sent = heartbeats(w, 0).map((b) => b.body).find((b) => b.wakeupsTotal !== 0 || b.latencyCounts.length > 0);
      check(sent === undefined, 'the worker sent a field of 1.4 at version 1.3', 'Heartbeats without wakeups_total and latency_counts',
        `wakeups_total ${sent?.wakeupsTotal}, latency_counts [${sent?.latencyCounts.join(', ')}]`, ['COMPAT-8', 'NEG-6']);
    },
  }),
];
