// From the repeats of one (system, scenario) to medians with min–max.
import { fig, type Fig } from '../tasks/aggregate.js';
import type { Sample } from './driver.js';
import type { ScenarioName, SystemName } from './options.js';
import { sum } from './redis-stats.js';

export type { Fig };

export interface Result {
  system: SystemName;
  key: string;
  scenario: ScenarioName;
  workers: number;
  repeats: number;
  describe: string;
  /** Jobs over every repeat's timed run, and how they ended. */
  jobs: number;
  ok: number;
  errors: Record<string, number>;
  perSec: Fig | null;
  /** throughput: the enqueue phase within the run, ms. */
  enqueueMs: Fig | null;
  latencyMs: { p50: Fig; p90: Fig; p99: Fig; max: Fig } | null;
  /** Counts per bucket, summed over the repeats. */
  histogram: number[] | null;
  /** INFO commandstats over the timed runs: every call (top-level and inside scripts) per job. */
  callsPerJob: Fig | null;
  /** The commands Redis ran most, per job, pooled over the repeats' timed runs. */
  topCommands: [string, number][];
  netBytesPerJob: { in: Fig; out: Fig } | null;
  /** INFO stats over the timed runs: socket reads (requests as they arrive; a pipeline read at once counts once) and writes (replies, pub/sub messages) per job. */
  readsPerJob: Fig | null;
  writesPerJob: Fig | null;
  /** CPU per 1000 jobs, ms. */
  cpuPerKJob: { redis: Fig; consumers: Fig; consumersTop: Fig | null; producer: Fig } | null;
  otherCores: Fig | null;
  /** The MONITOR passes. */
  count: {
    jobs: number;
    topLevelPerJob: Fig;
    luaPerJob: Fig;
    scriptsPerJob: Fig;
    producerPerJob: Fig;
    consumerPerJob: Fig;
    /** Top-level commands per job by name, pooled. */
    topLevel: Record<string, number>;
  } | null;
}

const SCRIPT_COMMANDS = new Set(['evalsha', 'eval', 'evalsha_ro', 'eval_ro', 'fcall', 'fcall_ro']);

function pooled(list: Record<string, number>[], jobs: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of list) for (const [k, v] of Object.entries(o)) out[k] = (out[k] ?? 0) + v;
  for (const k of Object.keys(out)) out[k] = out[k]! / Math.max(1, jobs);
  return out;
}

export function aggregate(system: SystemName, key: string, samples: Sample[]): Result {
  const s0 = samples[0]!;
  const errors: Record<string, number> = {};
  for (const s of samples) for (const [k, v] of Object.entries(s.errors)) errors[k] = (errors[k] ?? 0) + v;
  const lat = samples.filter((s) => s.latencyMs);
  const lf = (k: 'p50' | 'p90' | 'p99' | 'max') => fig(lat.map((s) => s.latencyMs![k]))!;
  let histogram: number[] | null = null;
  for (const s of samples) {
    if (!s.histogram) continue;
    histogram ??= new Array<number>(s.histogram.length).fill(0);
    s.histogram.forEach((n, i) => (histogram![i] = (histogram![i] ?? 0) + n));
  }
  const perJob = (f: (s: Sample) => number) => fig(samples.map((s) => (s.jobs > 0 ? f(s) / s.jobs : NaN)));
  const allJobs = samples.reduce((a, s) => a + s.jobs, 0);
  const top = Object.entries(pooled(samples.map((s) => s.redis.byCommand), allJobs)).sort((a, b) => b[1] - a[1]);
  const counted = samples.filter((s) => s.count && s.count.jobs > 0);
  const cf = (f: (c: NonNullable<Sample['count']>) => number) => fig(counted.map((s) => f(s.count!) / s.count!.jobs))!;
  const scripts = (o: Record<string, number>) => Object.entries(o).reduce((a, [k, v]) => a + (SCRIPT_COMMANDS.has(k) ? v : 0), 0);
  return {
    system,
    key,
    scenario: s0.scenario,
    workers: s0.workers,
    repeats: samples.length,
    describe: s0.describe,
    jobs: allJobs,
    ok: samples.reduce((a, s) => a + s.ok, 0),
    errors,
    perSec: fig(samples.map((s) => s.perSec)),
    enqueueMs: s0.scenario === 'throughput' ? fig(samples.map((s) => s.enqueueMs)) : null,
    latencyMs: lat.length ? { p50: lf('p50'), p90: lf('p90'), p99: lf('p99'), max: lf('max') } : null,
    histogram,
    callsPerJob: perJob((s) => s.redis.calls),
    topCommands: top.slice(0, 10),
    netBytesPerJob: { in: perJob((s) => s.redis.netInBytes)!, out: perJob((s) => s.redis.netOutBytes)! },
    readsPerJob: perJob((s) => s.redis.reads ?? NaN),
    writesPerJob: perJob((s) => s.redis.writes ?? NaN),
    cpuPerKJob: { redis: perJob((s) => s.cpuMs.redis * 1000)!, consumers: perJob((s) => s.cpuMs.consumers * 1000)!, consumersTop: perJob((s) => (s.cpuMs.consumersTop ?? NaN) * 1000), producer: perJob((s) => s.cpuMs.producer * 1000)! },
    otherCores: fig(samples.map((s) => s.otherCores)),
    count: counted.length
      ? {
        jobs: counted.reduce((a, s) => a + s.count!.jobs, 0),
        topLevelPerJob: cf((c) => sum(c.topLevel)),
        luaPerJob: cf((c) => sum(c.lua)),
        scriptsPerJob: cf((c) => scripts(c.topLevel)),
        producerPerJob: cf((c) => c.producer),
        consumerPerJob: cf((c) => c.consumer),
        topLevel: pooled(counted.map((s) => s.count!.topLevel), counted.reduce((a, s) => a + s.count!.jobs, 0)),
      }
      : null,
  };
}
