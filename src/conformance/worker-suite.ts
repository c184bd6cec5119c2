// `corral conformance worker`: discover what the worker declares, then run
// the worker cases against fresh processes of it.
//
//   discovery: spawn (shared strategy, one listener) -> Hello -> Welcome -> Ready -> Stop
//     no Hello / no Ready: the handshake cases run (and fail), the rest are
//     SKIPPED, and the run exits 3
//   cases: each starts its own worker process(es), killed when it ends
import { corral } from '../protocol/codec.js';
import type { CaseResult } from './types.js';
import { HandshakeNeverCompleted } from './types.js';
import { notRun, runAll, type ContextFactory, type RunnableCase, type RunnerOptions } from './runner.js';
import { Transcript } from './wire.js';
import { WorkerContext, type TaskJobs } from './worker-context.js';
import type { Timing } from './worker-harness.js';
import { workerCases } from './registry.js';

export interface Discovery {
  hello: corral.v1.Hello | undefined;
  /** Why the handshake did not complete, when it did not. */
  failure: HandshakeNeverCompleted | Error | undefined;
  transcript: Transcript;
  stderr: string;
  /** Milliseconds from spawn to Hello. */
  startupMs?: number;
}

const EMPTY_HELLO = corral.v1.Hello.create({ versions: [], features: [] });

/** Runs one handshake with the worker to learn its Hello. */
export async function discover(argv: string[], timing: Timing): Promise<Discovery> {
  const transcript = new Transcript();
  const ctx = new WorkerContext(argv, timing, transcript, EMPTY_HELLO);
  let hello: corral.v1.Hello | undefined;
  let startupMs: number | undefined;
  try {
    let w = ctx.start({ strategy: 'shared' });
    hello = await w.readHello();
    startupMs = transcript.entries.find((e) => e.dir === 'in')?.tMs;
    const features = hello.features;
    const strategy = (['shared', 'arbiter', 'exclusive', 'reuseport', 'handoff'] as const).find((s) => features.includes(`accept.${s}`)) ?? 'shared';
    const task = hello.kind === corral.v1.WorkerKind.WORKER_KIND_TASK;
    if (task || strategy !== 'shared') {
      // Start it again the way it asks to be started.
      await w.dispose();
      w = ctx.start(task ? { task: true } : { strategy });
      hello = await w.readHello();
    }
    w.sendWelcome();
    const r = await w.wire.nextMessage(timing.bootTimeoutMs);
    if (r?.type !== 'message' || r.message.kind !== 'ready') {
      throw new HandshakeNeverCompleted('the worker did not send Ready after Welcome', 'Ready', r?.type ?? 'nothing' + w.exitText());
    }
    w.wire.send({ kind: 'stop', body: { reason: 'conformance discovery done' } });
    await w.waitExit(Math.min(500, timing.timeoutMs));
    return { hello, failure: undefined, transcript, stderr: ctx.workers.map((x) => x.stderr).join(''), ...(startupMs !== undefined ? { startupMs } : {}) };
  } catch (err) {
    return { hello, failure: err as Error, transcript, stderr: ctx.workers.map((x) => x.stderr).join('') };
  } finally {
    for (const w of ctx.workers) await w.dispose();
  }
}

export function workerFactory(argv: string[], timing: Timing, testee: corral.v1.Hello, jobs: TaskJobs): ContextFactory<WorkerContext> {
  return {
    create: (_c, transcript) => new WorkerContext(argv, timing, transcript, testee, jobs),
    async dispose(ctx) {
      const teardowns: string[] = [];
      let stderr = '';
      for (const w of ctx.workers) {
        teardowns.push(await w.dispose());
        stderr += w.stderr;
      }
      return teardowns.length ? { teardown: teardowns.join('; '), stderr: stderr.slice(-4000) } : {};
    },
  };
}

export interface WorkerRun {
  results: CaseResult[];
  discovery: Discovery;
  handshakeFailed: boolean;
}

/** The cases that still mean something when the worker never completes a handshake. */
const HANDSHAKE_GATE = /^W-HS-00[1-4]$/;

export async function runWorkerSuite(
  argv: string[], timing: Timing, cases: RunnableCase<WorkerContext>[], skipped: CaseResult[], opts: RunnerOptions, jobs: TaskJobs = {},
): Promise<WorkerRun> {
  const discovery = await discover(argv, timing);
  const handshakeFailed = discovery.failure !== undefined;
  if (discovery.startupMs !== undefined) timing = { ...timing, startupMs: discovery.startupMs };
  // Without a Hello, the gate cases start the worker as discovery did (shared strategy).
  const testee = discovery.hello ?? corral.v1.Hello.create({ versions: [], features: ['accept.shared'] });
  const runnable = handshakeFailed ? cases.filter((c) => HANDSHAKE_GATE.test(c.id)) : cases;
  // A case for an optional feature the worker did not declare is UNSUPPORTED without a run.
  const unsupported = handshakeFailed ? [] : runnable.filter((c) => c.feature !== undefined && !testee.features.includes(c.feature));
  const ran = await runAll(runnable.filter((c) => !unsupported.includes(c)), workerFactory(argv, timing, testee, jobs), opts);
  for (const c of unsupported) ran.push(notRun(c, 'UNSUPPORTED', `the worker does not declare "${c.feature}" in Hello`));
  const byId = new Map(ran.map((r) => [r.info.id, r]));
  const results = [...cases.map((c) => byId.get(c.id) ?? notRun(c, 'SKIPPED', 'the worker never completed a handshake')), ...skipped]
;
  const order = new Map(workerCases.map((c, i) => [c.id, i]));
  results.sort((a, b) => (order.get(a.info.id) ?? 0) - (order.get(b.info.id) ?? 0));
  return { results, discovery, handshakeFailed };
}
