// Execute.meta (spec.md section 4.6.3, since 1.3): job metadata that a caller
// attaches, the arbiter relays, and the task worker hands to the action
// untouched, such as a durable queue job's id, attempt and idempotency key.
//
//   caller ──Execute{meta}──► arbiter ──Execute{meta + corral.* keys}──► task worker ──► ctx.meta
//          CALL-17: at most 64 entries and 4096 octets, no corral.* key;
//          otherwise Error INVALID_FIELD, not fatal, and the job is not run (CALL-18)
//
// A peer that negotiated 1.2 or lower is sent no meta (COMPAT-8).
import { MAX_META_BYTES, MAX_META_ENTRIES, META_RESERVED_PREFIX, META_SINCE_MINOR } from './limits.js';

/** Job metadata: string keys to string values. */
export type Meta = Readonly<Record<string, string>>;

/** What is wrong with a caller's meta: `range` for a limit, otherwise a value of the wrong type. */
export interface MetaProblem {
  message: string;
  range: boolean;
}

/** The meta of a job that has none: frozen, without a prototype. */
export const EMPTY_META: Meta = Object.freeze(Object.create(null) as Record<string, string>);

/** True when a peer that negotiated minor version `minor` of major 1 may be sent Execute.meta (COMPAT-8). */
export function metaAllowed(minor: number | null | undefined): boolean {
  return (minor ?? 0) >= META_SINCE_MINOR;
}

// JavaScript strings may hold a lone surrogate, which has no UTF-8 encoding (MSG-8).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first thing that makes `meta` break CALL-17, or undefined when a caller
 * may send it: an object whose values are strings, at most MAX_META_ENTRIES
 * entries and MAX_META_BYTES octets of keys and values in UTF-8, no key
 * under META_RESERVED_PREFIX, nothing that is not valid UTF-8.
 */
export function metaProblem(meta: unknown): MetaProblem | undefined {
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return { message: `must be an object of strings, got ${meta === null ? 'null' : Array.isArray(meta) ? 'an array' : typeof meta}`, range: false };
  let entries = 0;
  let bytes = 0;
  for (const [key, value] of Object.entries(meta)) {
    if (typeof value !== 'string') return { message: `${JSON.stringify(key)} must be a string, got ${typeof value}`, range: false };
    if (key.startsWith(META_RESERVED_PREFIX)) return { message: `the key ${JSON.stringify(key)} begins with "${META_RESERVED_PREFIX}", which is reserved for the arbiter`, range: true };
    if (LONE_SURROGATE.test(key) || LONE_SURROGATE.test(value)) return { message: `${JSON.stringify(key)}: a lone surrogate has no UTF-8 encoding`, range: true };
    if (++entries > MAX_META_ENTRIES) return { message: `more than ${MAX_META_ENTRIES} entries`, range: true };
    bytes += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  if (bytes > MAX_META_BYTES) return { message: `${bytes} octets of keys and values, above ${MAX_META_BYTES}`, range: true };
  return undefined;
}

/** At most the octets `meta` adds to an Execute on the wire: per entry a tag and a length, then a key field and a value field. */
export function metaWireBytes(meta: Meta | undefined): number {
  if (!meta) return 0;
  let n = 0;
  for (const [key, value] of Object.entries(meta)) n += 12 + Buffer.byteLength(key) + Buffer.byteLength(value);
  return n;
}
