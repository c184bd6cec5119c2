// One PoolStatus with every field set, for the control codec's tests, the
// renderings of corral ctl and corral top, and the control vectors.
import type { PoolStatus } from './control.js';

export const EXAMPLE_STATUS: PoolStatus = {
  controlVersion: 1, pid: 4242, implementation: 'corral-node/0.1.0', strategy: 'arbiter', generation: 2, targetWorkers: 2, targetTaskWorkers: 1,
  listeners: ['127.0.0.1:8000'], startedAtMs: 1_765_000_000_000, uptimeMs: 65_000, bootFailures: 0, state: 'running',
  workers: [
    { id: 3, kind: 'socket', pid: 4300, generation: 2, state: 'ready', inFlight: 4, capacity: 1000, acceptedTotal: 5_000_000_000, requestsTotal: 12, rssBytes: 50_331_648, cpuUs: 1_230_000, heartbeatAgeMs: 120, ageMs: 60_000, wakeupsTotal: 900, latencyCounts: [1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], jobsCompleted: 0, cpuPermille: 250, acceptsPerSecond: 812.5, p99Us: 2500 },
    { id: 4, kind: 'task', pid: 4301, generation: 2, state: 'draining', inFlight: 0, capacity: 16, acceptedTotal: 0, requestsTotal: 0, rssBytes: 0, cpuUs: 0, heartbeatAgeMs: 0, ageMs: 1, wakeupsTotal: 0, latencyCounts: [], jobsCompleted: 77, cpuPermille: 0, acceptsPerSecond: 0, p99Us: 0 },
  ],
  restarts: [{ reason: 'killed', count: 2 }, { reason: 'reload', count: 2 }],
  interval: { durationMs: 1001, accepted: 813, requests: 800, p50Us: 500, p99Us: 2500, jobs: 3 },
  acceptedTotal: 5_000_000_100,
  latencyBoundsUs: [100, 250],
};
