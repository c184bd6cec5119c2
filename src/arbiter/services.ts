// The arbiter's optional HTTP services: the Prometheus metrics endpoint
// (options.metrics) and the web dashboard (options.dashboard). Each reads the
// pool through PoolView, the same answers the control socket gives, and acts
// on it only through control() (so every action is one the control protocol
// can take, checked the same way).
import type { ControlAction, ControlResult, JobList, PoolStatus, TasksStatus } from '../protocol/control.js';
import type { Logger } from './log.js';
import type { HistoryPoint } from './monitor.js';
import type { ArbiterOptions } from './options.js';
import type { JobQuery } from './task-pool.js';

/** What a service may read and do. */
export interface PoolView {
  readonly options: ArbiterOptions;
  status(options?: { histograms?: boolean }): PoolStatus;
  tasksStatus(): TasksStatus;
  jobs(query?: Partial<JobQuery>): JobList;
  history(): HistoryPoint[];
  control(action: ControlAction): ControlResult;
}

/** A running service; close() ends it and every connection it holds. */
export interface Service {
  readonly name: string;
  /** http://HOST:PORT/... where it answers. */
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the services the options ask for; rejects (having closed those started) if one cannot. */
export async function openServices(view: PoolView, o: ArbiterOptions, log: Logger): Promise<Service[]> {
  const started: Service[] = [];
  try {
    // Each service: `if (o.X) started.push(await openX(view, o.X, log));`
    // Loaded only when asked for: prom-client takes tens of ms to load.
    if (o.metrics) started.push(await (await import('./metrics.js')).openMetrics(view, o.metrics, log));
    if (o.dashboard) started.push(await (await import('../dashboard/server.js')).openDashboard(view, o.dashboard, { token: o.dashboardToken, log }));
  } catch (err) {
    await Promise.all(started.map((s) => s.close()));
    throw err;
  }
  for (const s of started) log.info(`corral arbiter ${process.pid}: ${s.name} at ${s.url}`);
  return started;
}
