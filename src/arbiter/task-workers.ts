// Task workers as the supervisor sees them: slots, what each slot runs, the
// command line that starts it, and the recycling rules (max jobs, max RSS).
//
// The pool has `taskWorkers` slots. An app with `workers: N` runs in slots
// 0..N-1, an app without a count in every slot, so a replacement always
// loads what the worker it replaces loaded (Gunicorn's `module:App:N`).
//
//   slot:        0        1        2
//   images:2     x        x
//   llm          x        x        x
import { processUsage } from '../transport/procfs.js';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { loaderFor } from '../transport/tsx.js';
import type { ArbiterOptions, TaskAppSpec } from './options.js';

/** The apps slot `slot` runs. */
export function appsOfSlot(o: ArbiterOptions, slot: number): TaskAppSpec[] {
  return o.tasks.filter((t) => t.workers === undefined || slot < t.workers);
}

/** The default task worker program: corral's Node task worker, from dist/ or src/. */
export function defaultTaskCommand(): string[] {
  const compiled = import.meta.url.endsWith('.js');
  const bootstrap = fileURLToPath(new URL(`../task-worker/bootstrap.${compiled ? 'js' : 'ts'}`, import.meta.url));
  return [process.execPath, ...loaderFor(bootstrap, compiled), bootstrap];
}

/** The command line of the task worker for `slot`: `<taskCommand> --capacity N name=module ...`. */
export function taskCommandFor(o: ArbiterOptions, slot: number): string[] {
  const base = o.taskCommand ?? defaultTaskCommand();
  // Node modules are resolved against the arbiter's working directory, as
  // the operator typed them; other programs get the spec as given.
  const apps = appsOfSlot(o, slot).map((t) => `${t.name}=${o.taskCommand ? t.module : resolveModule(t.module)}`);
  return [...base, '--capacity', String(o.taskCapacity), ...apps];
}

function resolveModule(m: string): string {
  return m.startsWith('.') || m.startsWith('/') ? resolve(m) : m;
}

/** Resident set size of a process in MiB, from /proc (undefined when it is gone). */
export function rssMb(pid: number | undefined): number | undefined {
  const u = processUsage(pid);
  return u ? u.rssBytes / (1024 * 1024) : undefined;
}

import type { WorkerRecord } from './worker-record.js';

export interface SlotPass {
  readonly options: ArbiterOptions;
  /** Every worker the arbiter knows (socket ones are skipped). */
  readonly workers: Iterable<WorkerRecord>;
  readonly generation: number;
  /** Slots to fill now. */
  readonly slots: number;
  /** How many spawns the boot guard allows now, given how many are missing. */
  allowance(missing: number): number;
  spawn(slot: number): void;
  retire(w: WorkerRecord, reason: string): void;
  /** Completed jobs of a worker (from the task pool). */
  completed(id: number): number;
}

/**
 * One supervision pass over the task slots: every slot of the current
 * generation has one live worker; a slot's old worker (older generation,
 * recycled, or beyond a shrunk slot count) is drained once its replacement
 * is ready, so the app never has fewer ready workers than it had (recycling
 * a task worker never drops a job: a draining worker finishes what it runs).
 * Returns true when every slot has a ready current worker.
 */
export function manageTaskSlots(p: SlotPass): boolean {
  const o = p.options;
  const tasks = [...p.workers].filter((w) => w.kind === 'task' && w.state !== 'exited');
  const live = (w: WorkerRecord) => w.state === 'booting' || w.state === 'ready';
  // Recycling: max jobs, max RSS (checked between supervision passes, never mid-job).
  for (const w of tasks) {
    if (w.state !== 'ready' || w.recycle) continue;
    const jobs = p.completed(w.id);
    if (w.maxJobs > 0 && jobs >= w.maxJobs) {
      w.recycle = true;
      w.stopReason = `recycled after ${jobs} jobs (taskMaxJobs ${o.taskMaxJobs})`;
    } else if (o.taskMaxRssMb > 0 && jobs > (w.rssCheckedAtJobs ?? 0)) {
      // After a job, never mid-job or while idle: a worker is judged by what its jobs left behind.
      w.rssCheckedAtJobs = jobs;
      const rss = rssMb(w.proc.pid);
      if (rss !== undefined && rss > o.taskMaxRssMb) {
        w.recycle = true;
        w.stopReason = `recycled at ${rss.toFixed(0)} MiB resident (taskMaxRssMb ${o.taskMaxRssMb})`;
      }
    }
  }
  let missing: number[] = [];
  let allReady = true;
  for (let slot = 0; slot < p.slots; slot++) {
    const mine = tasks.filter((w) => w.slot === slot && live(w));
    // A slot no app runs in (every app's count is below it) has no worker.
    if (appsOfSlot(o, slot).length === 0) {
      for (const w of mine) p.retire(w, 'no task app runs in its slot any more');
      continue;
    }
    const current = mine.filter((w) => w.generation === p.generation && !w.recycle);
    // A worker given up on (not a planned stop) holds its slot until it exits.
    const givenUp = tasks.some((w) => w.slot === slot && w.generation === p.generation && !w.planned && !w.recycle && (w.state === 'stopping' || w.state === 'draining'));
    if (current.length === 0 && !givenUp) missing.push(slot);
    const ready = current.find((w) => w.state === 'ready');
    if (ready) {
      // Its replacement serves: the old worker drains (finishing its jobs).
      for (const old of mine) if (old !== ready && (old.generation < p.generation || old.recycle)) p.retire(old, old.recycle ? (old.stopReason ?? 'recycled') : `replaced by generation ${p.generation}`);
    } else if (!mine.some((w) => w.state === 'ready' && w.generation === p.generation)) {
      // A slot whose only ready worker is being recycled still serves; one with none does not.
      allReady = false;
    }
    for (const extra of current.filter((w) => w !== ready && w.state === 'ready')) p.retire(extra, 'slot already served');
  }
  for (const w of tasks) if (w.slot >= p.slots && live(w)) p.retire(w, 'task pool shrinking');
  missing = missing.slice(0, p.allowance(missing.length));
  for (const slot of missing) p.spawn(slot);
  return allReady;
}
