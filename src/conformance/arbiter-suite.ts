// `corral conformance arbiter`: one basic session that many cases judge,
// then the cases that need an arbiter of their own.
//
//   baseline: a probe run directly (no arbiter) -> its descriptors and signal masks
//   basic session: arbiter up -> pool settled -> traffic -> SIGTERM -> exit
//     no probe ever Ready: the run exits 3 and the other cases are SKIPPED
//   judge cases (`judge: true`): evaluate the recorded session, no new process
//   active cases: each starts its own arbiter
import type { CaseResult } from './types.js';
import { notRun, runAll, type ContextFactory, type RunnableCase, type RunnerOptions } from './runner.js';
import { Transcript } from './wire.js';
import type { Timing } from './worker-harness.js';
import { sleep } from './worker-harness.js';
import { ArbiterContext, arbiterFds, probeBaseline, type Session } from './arbiter-context.js';
import { TestArbiter, freePort } from './arbiter-harness.js';
import { monoMs, type ProbeStart } from './probe-protocol.js';
import { formatTranscript } from './report-human.js';

export interface ArbiterCase extends RunnableCase<ArbiterContext> {
  /** Judges the basic session; starts nothing. */
  judge?: boolean;
}

export interface ArbiterRun {
  results: CaseResult[];
  handshakeFailed: boolean;
  testee: Record<string, unknown>;
  note?: string;
}

/** Starts the arbiter, waits for its pool, sends traffic, stops it with SIGTERM. */
export async function basicSession(template: string[], timing: Timing, transcript: Transcript, gracefulMs: number): Promise<Session> {
  const bind = `127.0.0.1:${await freePort()}`;
  const a = new TestArbiter(template, bind, timing, transcript, {
    // Delayed Hello and Ready let the cases see that the arbiter waits for them.
    scriptFor: () => ({ helloDelayMs: 200, readyDelayMs: 300 }),
    env: { LISTEN_STRAY: 'must-not-reach-workers', CORRAL_STRAY: 'must-not-reach-workers' },
  });
  const ready = await a.settled(timing.bootTimeoutMs + timing.timeoutMs);
  const fds = arbiterFds(a.pid);
  const first = ready[0];
  const plain = first !== undefined && first.start.env['CORRAL_CONTROL_FD'] === undefined;
  const strategy = Number((first?.welcome?.['strategy'] as string | number | undefined) === undefined ? 0 : strategyNumber(first?.welcome?.['strategy']));
  let answered = 0;
  const requests = 30;
  if (ready.length > 0) {
    answered = await a.traffic(requests, 4, timing.timeoutMs * 2);
    await sleep(300);
  }
  const termAt = monoMs();
  a.signal('SIGTERM');
  const drainWait = Math.min(gracefulMs, 20_000) + timing.timeoutMs * 2;
  await a.waitExit(drainWait);
  await a.until(() => a.probes.every((p) => p.closed), timing.timeoutMs);
  return { arbiter: a, ready, answered, requests, termAt, arbiterFds: fds, strategy, plain };
}

function strategyNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  const names: Record<string, number> = {
    ACCEPT_STRATEGY_ARBITER: 1, ACCEPT_STRATEGY_SHARED: 2, ACCEPT_STRATEGY_EXCLUSIVE: 3, ACCEPT_STRATEGY_REUSEPORT: 4, ACCEPT_STRATEGY_HANDOFF: 5,
  };
  return names[String(v)] ?? 0;
}

function factory(template: string[], timing: Timing, baseline: ProbeStart | undefined, session: Session | undefined, gracefulMs: number): ContextFactory<ArbiterContext> {
  return {
    create: (_c, transcript) => new ArbiterContext(template, timing, transcript, baseline, session, gracefulMs),
    async dispose(ctx) {
      const teardowns: string[] = [];
      let out = '';
      for (const a of ctx.arbiters) {
        teardowns.push(await a.dispose());
        out += a.output;
      }
      return teardowns.length ? { teardown: teardowns.join('; '), stderr: out.slice(-4000) } : {};
    },
  };
}

export async function runArbiterSuite(
  template: string[], timing: Timing, cases: ArbiterCase[], skipped: CaseResult[], opts: RunnerOptions, gracefulMs = 30_000,
): Promise<ArbiterRun> {
  const baseline = await probeBaseline(timing.bootTimeoutMs);
  const transcript = new Transcript();
  const session = await basicSession(template, timing, transcript, gracefulMs);
  // A pool of task workers only has no socket worker to judge, but its task cases run.
  const handshakeFailed = session.ready.length === 0 && session.arbiter.readyTaskProbes().length === 0;
  // The session's transcript goes with every judge case that looks at it.
  const judgeFactory = factory(template, timing, baseline, session, gracefulMs);
  const judged: CaseResult[] = [];
  const judges = cases.filter((c) => c.judge);
  const active = cases.filter((c) => !c.judge);
  if (!handshakeFailed) {
    for (const c of judges) {
      const r = await runAll([c], { ...judgeFactory, dispose: async () => ({}) }, opts);
      const res = r[0] as CaseResult;
      if (res.verdict !== 'PASS' && res.verdict !== 'UNSUPPORTED' && res.verdict !== 'SKIPPED') res.transcript = transcript.entries;
      judged.push(res);
    }
  }
  const ran = handshakeFailed ? [] : await runAll(active, factory(template, timing, baseline, session, gracefulMs), opts);
  const byId = new Map([...judged, ...ran].map((r) => [r.info.id, r]));
  const gate = cases.find((c) => c.id === 'A-HS-001');
  const results = cases.map((c) => byId.get(c.id) ?? (handshakeFailed && c === gate
    ? { ...notRun(c, 'FAIL', 'no probe completed a handshake with the arbiter'), transcript: transcript.entries, stderr: session.arbiter.output.slice(-4000) }
    : notRun(c, 'SKIPPED', 'the arbiter never completed a handshake with a probe')));
  await session.arbiter.dispose();
  const first = session.ready[0];
  const testee: Record<string, unknown> = {
    pid: session.arbiter.pid,
    workers: session.ready.length,
    ...(session.arbiter.taskProbes.length ? { taskWorkers: session.arbiter.readyTaskProbes().length } : {}),
    strategy: session.plain ? 'process-only' : STRATEGY(session.strategy),
    ...(first?.welcome ? { heartbeatIntervalMs: first.welcome['heartbeatIntervalMs'], heartbeatTimeoutMs: first.welcome['heartbeatTimeoutMs'] ?? 0 } : {}),
  };
  const out: ArbiterRun = { results: [...results, ...skipped], handshakeFailed, testee };
  if (handshakeFailed) {
    out.note = `No probe completed a handshake (${session.arbiter.probes.length} started${session.arbiter.exit ? `, the arbiter exited with ${session.arbiter.exit.code ?? session.arbiter.exit.signal}` : ''}).\n` +
      formatTranscript(transcript.entries, '  ') +
      (session.arbiter.output ? `\n  arbiter output:\n${session.arbiter.output.trimEnd().split('\n').slice(-12).map((l) => '  | ' + l).join('\n')}` : '');
  }
  return out;
}

function STRATEGY(n: number): string {
  return ({ 1: 'arbiter', 2: 'shared', 3: 'exclusive', 4: 'reuseport', 5: 'handoff' } as Record<number, string>)[n] ?? String(n);
}
