// Sender-side rules, checked on the raw octets of every frame a testee sends
// (the decoder in protocol/codec.ts is lenient on purpose; this is not):
//
//   MSG-2     exactly one body member, nothing else at the top level
//   MSG-6     no uint64 above 2^53 - 1
//   MSG-8     strings are valid UTF-8
//   COMPAT-6  enum values defined by 1.0, or later with the feature that uses them
//   COMPAT-8 / NEG-6  no field or message type unknown to 1.0; what 1.1 and
//             1.2 added only with the feature that uses it negotiated
//             (AcceptRevoke: accept.revoke; Credit, Execute.window: tasks.flow;
//             Execute.idempotent: tasks.call); what 1.3 and 1.4 added only at
//             1.3 and 1.4 (Execute.meta; Heartbeat.wakeups_total and
//             latency_counts; none has a feature). Hello may carry 1.2's
//             `apps` at any version: it precedes negotiation, and a receiver
//             that does not know the field skips it (COMPAT-1).
//   COMPAT-10 no extension message (100-199) unless negotiated
//   ERR-1 / ERR-13  Error.code is defined, or >= 1000; never 0
//   ERR-3 / ERR-4   request_id / message_type only where they belong
import { corral } from '../protocol/codec.js';
import { PROTOCOL_VERSION } from '../protocol/limits.js';

type Scalar = 'u32' | 'u64' | 'bool' | 'str' | 'bytes';
type FieldType = Scalar | { enum: Record<string, number | string> } | { msg: string } | { rep: Scalar | { msg: string } };

const V = corral.v1;
const SCHEMA: Record<string, Record<number, FieldType>> = {
  Version: { 1: 'u32', 2: 'u32' },
  Listener: { 1: 'u32', 2: 'str', 3: 'str' },
  Hello: { 1: { rep: { msg: 'Version' } }, 2: { enum: V.WorkerKind }, 3: 'u32', 4: { rep: 'str' }, 5: 'u32', 6: 'str', 7: 'u32', 8: { rep: 'str' } },
  Welcome: {
    1: { msg: 'Version' }, 2: 'u32', 3: 'u32', 4: 'u32', 5: { rep: { msg: 'Listener' } }, 6: 'u32',
    7: { enum: V.AcceptStrategy }, 8: { rep: 'str' }, 9: 'u32',
  },
  Ready: { 1: 'u32' },
  Heartbeat: { 1: 'u64', 2: 'u32', 3: 'u32', 4: 'u64', 5: 'u64', 6: 'u64', 7: { rep: 'u64' } },
  AcceptGrant: { 1: 'u32', 2: 'u32', 3: 'u32', 4: 'u32', 5: 'u32' },
  AcceptDone: { 1: 'u32', 2: 'u32', 3: 'u32', 4: 'u32', 5: 'u32', 6: { enum: V.ReleaseReason } },
  AcceptRevoke: { 1: 'u32', 2: 'u32' },
  ConnectionHandoff: { 1: 'u64', 2: 'u32', 3: 'str' },
  HandoffAck: { 1: { rep: 'u64' }, 2: 'u32', 3: { rep: 'u64' } },
  Drain: { 1: 'u32', 2: 'str' },
  Stop: { 1: 'str' },
  Goodbye: { 1: { enum: V.GoodbyeReason }, 2: 'str', 3: 'u64' },
  Error: { 1: 'u32', 2: 'str', 3: 'bool', 4: 'u64', 5: 'u32' },
  Execute: { 1: 'u64', 2: 'str', 3: 'bytes', 4: 'u32', 5: 'str', 6: 'u32', 7: 'bool', 8: { rep: { msg: 'MetaEntry' } } },
  // map<string, string>: one entry message per key.
  MetaEntry: { 1: 'str', 2: 'str' },
  Result: { 1: 'u64', 2: 'bytes', 3: 'str' },
  Chunk: { 1: 'u64', 2: 'u32', 3: 'bytes' },
  End: { 1: 'u64', 2: 'u32' },
  Cancel: { 1: 'u64', 2: 'str' },
  Credit: { 1: 'u64', 2: 'u32' },
};

const BODIES: Record<number, string> = {
  1: 'Hello', 2: 'Welcome', 3: 'Ready', 4: 'Heartbeat', 10: 'AcceptGrant', 11: 'AcceptDone', 12: 'ConnectionHandoff',
  13: 'HandoffAck', 14: 'AcceptRevoke', 20: 'Drain', 21: 'Stop', 22: 'Goodbye', 23: 'Error', 30: 'Execute', 31: 'Result', 32: 'Chunk',
  33: 'End', 34: 'Cancel', 35: 'Credit',
};

/** What 1.1 and 1.2 added, by the feature that uses it: sent without that feature negotiated, it breaks COMPAT-8 (or COMPAT-6). */
const SINCE_1_1: { bodies: Record<number, string>; fields: Record<string, string>; enums: Record<string, Record<number, string>> } = {
  bodies: { 14: 'accept.revoke', 35: 'tasks.flow' },
  fields: { 'Execute.6': 'tasks.flow', 'Execute.7': 'tasks.call' },
  enums: { 'AcceptDone.6': { [V.ReleaseReason.RELEASE_REASON_REVOKED]: 'accept.revoke' } },
};

/** Fields a minor version added without a feature of their own: sent when a lower minor was negotiated, they break COMPAT-8. */
const FIELD_SINCE_MINOR: Record<string, number> = { 'Execute.8': 3, 'Heartbeat.6': 4, 'Heartbeat.7': 4 };

const DEFINED_ERROR_CODES = new Set(Object.values(V.ErrorCode).filter((v): v is number => typeof v === 'number' && v !== 0));
const SAFE = 2n ** 53n - 1n;

/** A broken sender rule: which requirement, and what was wrong. */
export interface FrameProblem {
  requirement: string;
  problem: string;
}

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array, readonly end = buf.length) {}
  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new Error('truncated varint');
      const b = this.buf[this.pos++] as number;
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return result;
      shift += 7n;
    }
    throw new Error('varint longer than 10 octets');
  }
}

interface Field {
  number: number;
  wire: number;
  value: bigint | Uint8Array;
}

function fields(buf: Uint8Array): Field[] {
  const r = new Reader(buf);
  const out: Field[] = [];
  while (r.pos < buf.length) {
    const tag = r.varint();
    const number = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (number === 0) throw new Error('field number 0');
    if (wire === 0) out.push({ number, wire, value: r.varint() });
    else if (wire === 2) {
      const n = Number(r.varint());
      if (r.pos + n > buf.length) throw new Error('length past the end');
      out.push({ number, wire, value: buf.subarray(r.pos, r.pos + n) });
      r.pos += n;
    } else if (wire === 1 || wire === 5) {
      const n = wire === 1 ? 8 : 4;
      if (r.pos + n > buf.length) throw new Error('fixed field past the end');
      out.push({ number, wire, value: buf.subarray(r.pos, r.pos + n) });
      r.pos += n;
    } else throw new Error(`wire type ${wire}`);
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function checkScalar(t: Scalar, f: Field, where: string, out: FrameProblem[]): void {
  if (t === 'str' && f.wire === 2) {
    try {
      utf8.decode(f.value as Uint8Array);
    } catch {
      out.push({ requirement: 'MSG-8', problem: `${where} is not valid UTF-8` });
    }
  }
  if (t === 'u64' && f.wire === 0 && (f.value as bigint) > SAFE) {
    out.push({ requirement: 'MSG-6', problem: `${where} = ${f.value} is above 2^53 - 1` });
  }
  if (t === 'u64' && f.wire === 2) {
    // packed repeated
    const r = new Reader(f.value as Uint8Array);
    while (r.pos < (f.value as Uint8Array).length) {
      const v = r.varint();
      if (v > SAFE) out.push({ requirement: 'MSG-6', problem: `${where} holds ${v}, above 2^53 - 1` });
    }
  }
}

function checkMessage(name: string, buf: Uint8Array, out: FrameProblem[], features: readonly string[], minor: number): void {
  const schema = SCHEMA[name] as Record<number, FieldType>;
  for (const f of fields(buf)) {
    const t = schema[f.number];
    const where = `${name}.${f.number}`;
    if (t === undefined) {
      out.push({ requirement: 'COMPAT-8', problem: `${name} carries field ${f.number}, which version 1.0 does not define` });
      continue;
    }
    const fieldNeeds = SINCE_1_1.fields[where];
    if (fieldNeeds !== undefined && !features.includes(fieldNeeds)) {
      out.push({ requirement: 'COMPAT-8', problem: `${name} carries field ${f.number}, which only 1.2 with ${fieldNeeds} uses, and ${fieldNeeds} was not negotiated` });
    }
    const since = FIELD_SINCE_MINOR[where];
    if (since !== undefined && minor < since) {
      out.push({ requirement: 'COMPAT-8', problem: `${name} carries field ${f.number}, which came with 1.${since}, and 1.${minor} was negotiated` });
    }
    if (typeof t === 'string') checkScalar(t, f, where, out);
    else if ('enum' in t) {
      const needs = SINCE_1_1.enums[where]?.[Number(f.value)];
      if (f.wire === 0 && typeof t.enum[Number(f.value)] !== 'string') {
        out.push({ requirement: 'COMPAT-6', problem: `${where} has enum value ${f.value}, which 1.0 does not define` });
      } else if (f.wire === 0 && needs !== undefined && !features.includes(needs)) {
        out.push({ requirement: 'COMPAT-6', problem: `${where} has enum value ${f.value}, which only 1.1 with ${needs} uses, and ${needs} was not negotiated` });
      }
    } else if ('msg' in t) {
      if (f.wire === 2) checkMessage(t.msg, f.value as Uint8Array, out, features, minor);
    } else if (typeof t.rep === 'string') checkScalar(t.rep, f, where, out);
    else if (f.wire === 2) checkMessage(t.rep.msg, f.value as Uint8Array, out, features, minor);
  }
}

/**
 * Checks one Envelope sent by the testee. `features` are the negotiated ones
 * (for extension messages and what 1.1 and 1.2 added); `minor` is the
 * negotiated minor version of major 1 (for what 1.3 and 1.4 added; the suite's own
 * when none has been negotiated yet). Returns the rules it breaks (empty if none).
 */
export function checkSentEnvelope(envelope: Uint8Array, features: readonly string[] = [], minor: number = PROTOCOL_VERSION.minor): FrameProblem[] {
  const out: FrameProblem[] = [];
  let top: Field[];
  try {
    top = fields(envelope);
  } catch (err) {
    return [{ requirement: 'FRAME-1', problem: `the Envelope is not valid protobuf: ${(err as Error).message}` }];
  }
  const bodies = top.filter((f) => BODIES[f.number] !== undefined);
  const others = top.filter((f) => BODIES[f.number] === undefined);
  if (bodies.length !== 1) out.push({ requirement: 'MSG-2', problem: `the Envelope sets ${bodies.length} body members` });
  for (const f of others) {
    if (f.number >= 100 && f.number <= 199) {
      if (!features.some((x) => x.includes('/'))) out.push({ requirement: 'COMPAT-10', problem: `extension message ${f.number} sent without a negotiated extension feature` });
    } else out.push({ requirement: 'COMPAT-8', problem: `the Envelope carries field ${f.number}, which version 1.0 does not define` });
  }
  for (const b of bodies) {
    if (b.wire !== 2) {
      out.push({ requirement: 'FRAME-1', problem: `body field ${b.number} has wire type ${b.wire}` });
      continue;
    }
    const name = BODIES[b.number] as string;
    const needs = SINCE_1_1.bodies[b.number];
    if (needs !== undefined && !features.includes(needs)) {
      out.push({ requirement: 'COMPAT-8', problem: `${name} is a message of feature ${needs} (since 1.1 or 1.2), which was not negotiated` });
    }
    try {
      checkMessage(name, b.value as Uint8Array, out, features, minor);
    } catch (err) {
      out.push({ requirement: 'FRAME-1', problem: `${name} is not valid protobuf: ${(err as Error).message}` });
      continue;
    }
    if (name === 'Error') checkError(b.value as Uint8Array, out);
  }
  return out;
}

function checkError(buf: Uint8Array, out: FrameProblem[]): void {
  let code = 0n;
  let requestId = 0n;
  let messageType = 0n;
  let fatal = false;
  for (const f of fields(buf)) {
    if (f.wire !== 0) continue;
    if (f.number === 1) code = f.value as bigint;
    if (f.number === 3) fatal = f.value !== 0n;
    if (f.number === 4) requestId = f.value as bigint;
    if (f.number === 5) messageType = f.value as bigint;
  }
  const c = Number(code);
  if (c === 0) out.push({ requirement: 'ERR-1', problem: 'Error.code is 0' });
  else if (c < 1000 && !DEFINED_ERROR_CODES.has(c)) out.push({ requirement: 'ERR-13', problem: `Error.code ${c} is not defined by 1.0` });
  // A job's errors: the task codes, and INVALID_FIELD, not fatal, refusing a caller's Execute (CALL-18).
  const endsJob = (c >= 300 && c < 400) || (c === 206 && !fatal);
  if (requestId !== 0n && !endsJob) out.push({ requirement: 'ERR-3', problem: `Error.request_id ${requestId} on a non-task error ${c}` });
  if (messageType !== 0n && c !== 200) out.push({ requirement: 'ERR-4', problem: `Error.message_type ${messageType} on error ${c}, not UNKNOWN_MESSAGE` });
  if (messageType === 0n && c === 200) out.push({ requirement: 'ERR-4', problem: 'UNKNOWN_MESSAGE without message_type' });
}
