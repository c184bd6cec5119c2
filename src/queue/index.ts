// `corral/queue`: durable job queues on Redis Streams (spec.md section 13,
// docs/queues.md). Producers enqueue from any process that reaches Redis;
// arbiters started with `queue: { redis }` (or `corral run --redis URL`)
// consume and run the jobs on their task workers.
export { Queue, Job, type QueueConnectOptions, type EnqueueOptions, type ResultOptions } from './producer.js';
export { sig, chain, group, chord, chunks, dag, Workflow, type Canvas, type Signature, type DagNode } from './workflow.js';
export { QUEUE_DEFAULTS, backoffDelay, parseRate } from './options.js';
export { validateSchedules, type Schedule } from './beat.js';
export { FINAL_STATES, PRIORITIES, type JobState, type JobInfo, type Priority, type Backoff } from '../broker/broker.js';
export type { QueueInfo } from '../broker/redis.js';
