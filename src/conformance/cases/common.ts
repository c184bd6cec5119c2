// Building blocks shared by the worker case files.
import { corral } from '../../protocol/codec.js';
import type { RunnableCase } from '../runner.js';
import type { CaseInfo } from '../types.js';
import { describeIncoming } from '../wire.js';
import { check, fail, type WorkerContext } from '../worker-context.js';
import type { ExitInfo, TestWorker } from '../worker-harness.js';

export type WorkerCase = RunnableCase<WorkerContext>;

/** A worker case: `role` is implied. */
export function workerCase(c: Omit<CaseInfo, 'role'> & { serial?: boolean; run(ctx: WorkerContext): Promise<void> }): WorkerCase {
  return { role: 'worker', ...c };
}

/** An HTTP request head without its final empty line: the connection stays busy until `END_OF_HEAD`. */
export const PARTIAL_HEAD = 'GET / HTTP/1.1\r\nHost: conformance\r\nConnection: close\r\n';
export const END_OF_HEAD = '\r\n';
export const FULL_REQUEST = PARTIAL_HEAD + END_OF_HEAD;

export const { ErrorCode, GoodbyeReason, ReleaseReason } = corral.v1;

export function codeName(code: number): string {
  return `${(ErrorCode[code] ?? 'code').replace(/^ERROR_CODE_/, '')}(${code})`;
}

export function exitText(e: Pick<ExitInfo, 'code' | 'signal'> | undefined): string {
  if (!e) return 'still running';
  return e.signal ? `killed by ${e.signal}` : `exit status ${e.code}`;
}

/** Requires the exit status `code`. */
export function expectStatus(w: TestWorker, code: number, requirements: string[], why: string): void {
  check(w.exit?.code === code, `the worker did not exit with status ${code} ${why}`, `exit status ${code}`, exitText(w.exit), requirements);
}

/** After Ready, a worker must never exit 3 or 4 (EXIT-5). */
export function expectNotBootStatus(w: TestWorker): void {
  const c = w.exit?.code;
  check(c !== 3 && c !== 4, 'the worker exited with a boot-failure status after Ready', 'an exit status other than 3 and 4', exitText(w.exit), ['EXIT-5']);
}

/**
 * The worker must answer with Error{code, fatal: true}, close the control
 * channel and exit (ERR-5: a fatal error is reported, then the channel closed).
 */
export async function expectFatalError(ctx: WorkerContext, w: TestWorker, code: number, requirements: string[]): Promise<corral.v1.Error> {
  const t = ctx.timing.timeoutMs;
  const got = await w.wire.nextMessage(t);
  if (got?.type !== 'message' || got.message.kind !== 'error') {
    fail('the worker did not report the error', `Error{code: ${codeName(code)}, fatal: true}`, describeIncoming(got) + w.exitText(), requirements);
  }
  const e = got.message.body;
  check(e.code === code, 'the worker reported the wrong error code', `Error.code ${codeName(code)}`, `Error.code ${codeName(e.code)} (${e.message})`, requirements);
  check(e.fatal, 'the error was not marked fatal', 'Error.fatal = true', 'Error.fatal = false', [...requirements, 'ERR-5']);
  const closed = await w.wire.waitEof(t);
  check(closed, 'the worker kept the control channel open after a fatal error', `EOF within ${t} ms of the Error`, 'the channel stayed open', ['ERR-5']);
  await ctx.mustExit(w, t, 'after a fatal protocol error', ['ERR-5']);
  return e;
}

/** Requires a non-fatal Error{code} as the next message (heartbeats skipped). */
export async function expectNonFatalError(ctx: WorkerContext, w: TestWorker, code: number, requirements: string[]): Promise<corral.v1.Error> {
  const got = await w.wire.nextMessage(ctx.timing.timeoutMs);
  if (got?.type !== 'message' || got.message.kind !== 'error') {
    fail('the worker did not answer with an Error', `Error{code: ${codeName(code)}, fatal: false}`, describeIncoming(got) + w.exitText(), requirements);
  }
  const e = got.message.body;
  check(e.code === code && !e.fatal, 'the worker answered with the wrong Error', `Error{code: ${codeName(code)}, fatal: false}`,
    `Error{code: ${codeName(e.code)}, fatal: ${e.fatal}, message: ${JSON.stringify(e.message)}}`, requirements);
  return e;
}

/** Sends Drain and requires Goodbye{DRAINED}, EOF and exit 0. */
export async function expectDrained(ctx: WorkerContext, w: TestWorker, requirements: string[], deadlineMs = 10_000): Promise<corral.v1.Goodbye> {
  const t = ctx.timing.timeoutMs;
  w.wire.send({ kind: 'drain', body: { deadlineMs, reason: 'conformance' } });
  const got = await w.wire.nextMessage(t, ['heartbeat', 'acceptDone']);
  if (got?.type !== 'message' || got.message.kind !== 'goodbye') {
    fail('the worker did not finish a drain with Goodbye', `Goodbye{reason: DRAINED} within ${t} ms of Drain`, describeIncoming(got) + w.exitText(), requirements);
  }
  const bye = got.message.body;
  check(bye.reason === GoodbyeReason.GOODBYE_REASON_DRAINED, 'the Goodbye after a drain has the wrong reason',
    'Goodbye.reason = DRAINED', `Goodbye.reason = ${GoodbyeReason[bye.reason] ?? bye.reason}`, requirements);
  const e = await ctx.mustExit(w, t, 'after its drain', requirements);
  check(e.code === 0, 'the worker exited with an error after a drain', 'exit status 0', exitText(e), requirements);
  return bye;
}

/** Requires nothing but the `allow` kinds (default heartbeats) for `ms`. */
export async function expectQuiet(w: TestWorker, ms: number, what: string, requirements: string[], allow: string[] = ['heartbeat']): Promise<void> {
  const got = await w.wire.next(ms, (i) => i.type !== 'message' || !allow.includes(i.message.kind));
  if (got !== undefined) fail(what, `nothing but ${allow.join('/')} for ${ms} ms`, describeIncoming(got) + w.exitText(), requirements);
}

/** Runs `body` against `n` fresh workers at once (variants of one rule); reports the first failure. */
export async function variants<T>(items: readonly T[], body: (item: T) => Promise<void>): Promise<void> {
  const results = await Promise.allSettled(items.map((i) => body(i)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
