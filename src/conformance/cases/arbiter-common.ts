// Building blocks shared by the arbiter case files.
import type { CaseInfo } from '../types.js';
import type { ArbiterCase } from '../arbiter-suite.js';
import type { ArbiterContext } from '../arbiter-context.js';
import { check, fail } from '../arbiter-context.js';
import type { ProbeHandle, TestArbiter } from '../arbiter-harness.js';
import type { ProbeReport } from '../probe-protocol.js';
import { corral } from '../../protocol/codec.js';

export function arbiterCase(c: Omit<CaseInfo, 'role'> & { judge?: boolean; serial?: boolean; run(ctx: ArbiterContext): Promise<void> }): ArbiterCase {
  return { role: 'arbiter', ...c };
}

export const { ErrorCode } = corral.v1;

export function codeName(code: number): string {
  return `${(ErrorCode[code] ?? 'code').replace(/^ERROR_CODE_/, '')}(${code})`;
}

export type Recv = Extract<ProbeReport, { t: 'recv' }>;

/** Fields of a received message body as protobuf JSON (numbers may be strings for uint64). */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : 0;
}

export function field(body: unknown, name: string): unknown {
  return (body as Record<string, unknown> | undefined)?.[name];
}

/** Every AcceptGrant received by any probe, with who got it, in arrival order. */
export function grants(a: TestArbiter): { probe: ProbeHandle; at: number; id: number; listener: number; maxAccepts: number; leaseMs: number; releaseLoad: number }[] {
  return a.probes
    .flatMap((p) => p.recv('acceptGrant').map((r) => ({
      probe: p, at: r.at, id: num(field(r.body, 'grantId')), listener: num(field(r.body, 'listener')),
      maxAccepts: num(field(r.body, 'maxAccepts')), leaseMs: num(field(r.body, 'leaseMs')), releaseLoad: num(field(r.body, 'releaseLoad')),
    })))
    .sort((x, y) => x.at - y.at);
}

/** When each grant ended on the probe's side: its release, or the probe's exit. */
export function grantEnd(p: ProbeHandle, grantId: number): number | undefined {
  return p.of('release').find((r) => r.grantId === grantId)?.at ?? p.exitedAt;
}

/**
 * The probe must receive Error{code, fatal: true} and then end of stream
 * on its control channel (ERR-5).
 */
export async function expectFatal(ctx: ArbiterContext, a: TestArbiter, p: ProbeHandle, code: number, requirements: string[], wait = ctx.timing.timeoutMs): Promise<void> {
  await a.until(() => p.of('eof').length > 0 || p.closed, wait);
  const errors = p.recv('error');
  const e = errors.find((x) => num(field(x.body, 'code')) === code);
  if (!e) {
    fail('the arbiter did not answer with the expected Error', `Error{code: ${codeName(code)}, fatal: true}`,
      errors.length ? errors.map((x) => JSON.stringify(x.body)).join('; ') : `no Error${p.of('eof').length ? ', but the channel was closed' : ''}`, requirements);
  }
  check(field(e.body, 'fatal') === true, 'the Error was not marked fatal', 'fatal: true', JSON.stringify(e.body), [...requirements, 'ERR-5']);
  check(p.of('eof').length > 0 || p.closed, 'the arbiter kept the channel open after a fatal error', 'end of stream after the Error', 'the channel stayed open', ['ERR-5']);
}

/** The other ready probes carried on: no Drain, Stop, fatal Error or signal, and they are alive. */
export function othersUnaffected(a: TestArbiter, exclude: ProbeHandle[], since: number, requirements: string[]): void {
  const others = a.probes.filter((p) => !exclude.includes(p) && p.readyAt !== undefined && p.readyAt < since);
  for (const p of others) {
    const hit = p.events.find((e) => e.at >= since && ((e.t === 'recv' && (e.kind === 'drain' || e.kind === 'stop' || (e.kind === 'error' && field(e.body, 'fatal') === true))) || e.t === 'signal' || e.t === 'exit' || e.t === 'eof'));
    check(hit === undefined, 'another worker was affected', `probe ${p.pid} untouched`, JSON.stringify(hit), requirements);
  }
}
