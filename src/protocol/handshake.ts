// Version and feature negotiation (spec.md section 5), as a pure function the
// arbiter applies to a worker's Hello before it answers with Welcome.
//
//   worker                                   arbiter
//     | Hello{versions, features, max_frame}   |
//     |--------------------------------------->|  negotiate(hello, offer)
//     |                                        |    ok: Welcome{version, features, max_frame}
//     |<---------------------------------------|    no common major: Error{202, fatal} + close
import type { corral } from './generated/corral.js';
import { InvalidFieldError, InvalidOptionError, VersionMismatchError } from './errors.js';
import { DEFAULT_MAX_FRAME_BYTES, FEATURE_SINCE, HARD_MAX_FRAME_BYTES } from './limits.js';

/** A protocol version. */
export interface Version {
  major: number;
  minor: number;
}

/** What the arbiter supports. */
export interface HandshakeOffer {
  /** Versions the arbiter speaks; one entry per major is enough (the highest minor). */
  versions: Version[];
  features: string[];
  /** Largest frame the arbiter accepts; 0 means the protocol default. */
  maxFrameBytes: number;
}

/** The negotiated parameters, sent in Welcome. */
export interface Negotiated {
  version: Version;
  /** Features both sides support, in the order of the offer. */
  features: string[];
  maxFrameBytes: number;
}

function fmt(v: { major?: number | null; minor?: number | null }): string {
  return `${v.major ?? 0}.${v.minor ?? 0}`;
}

/** Highest minor per major; minors within a major are backward compatible. */
function byMajor(versions: ReadonlyArray<{ major?: number | null; minor?: number | null }>): Map<number, number> {
  const out = new Map<number, number>();
  for (const v of versions) {
    const major = v.major ?? 0;
    const minor = v.minor ?? 0;
    const seen = out.get(major);
    if (seen === undefined || minor > seen) out.set(major, minor);
  }
  return out;
}

function frameLimit(value: number | null | undefined): number {
  return value === undefined || value === null || value === 0 ? DEFAULT_MAX_FRAME_BYTES : value;
}

/**
 * Negotiates a worker's Hello against what the arbiter offers:
 * - version: the highest major both list, with the lower of the two sides'
 *   highest minors for it [NEG-1]; none in common throws VersionMismatchError [NEG-2];
 * - features: the intersection, in offer order, without duplicates [NEG-3],
 *   less those a later minor than the chosen version introduced [COMPAT-8];
 * - maxFrameBytes: the smaller of both limits (0 = 65536), capped at 16 MiB [NEG-4].
 * A Hello without versions throws InvalidFieldError [HELLO-2].
 */
export function negotiate(hello: corral.v1.Hello.$Properties, offer: HandshakeOffer): Negotiated {
  if (offer.versions.length === 0) throw new InvalidOptionError('offer.versions must list at least one version', { range: true });
  const theirs = byMajor(hello.versions ?? []);
  if (theirs.size === 0) throw new InvalidFieldError('Hello.versions must list at least one version [HELLO-2]');
  const ours = byMajor(offer.versions);

  let major = -1;
  for (const m of theirs.keys()) if (ours.has(m) && m > major) major = m;
  if (major < 0) {
    const list = (vs: ReadonlyArray<{ major?: number | null; minor?: number | null }>): string => vs.map(fmt).join(', ');
    throw new VersionMismatchError(
      `no common protocol major version: the worker speaks ${list(hello.versions ?? [])}, the arbiter ${list(offer.versions)} [NEG-2]`,
    );
  }
  const minor = Math.min(theirs.get(major)!, ours.get(major)!);

  const wanted = new Set(hello.features ?? []);
  const features: string[] = [];
  for (const f of offer.features) {
    const since = FEATURE_SINCE[f];
    if (since && (since.major !== major || since.minor > minor)) continue;
    if (wanted.has(f) && !features.includes(f)) features.push(f);
  }

  const maxFrameBytes = Math.min(frameLimit(hello.maxFrameBytes), frameLimit(offer.maxFrameBytes), HARD_MAX_FRAME_BYTES);
  return { version: { major, minor }, features, maxFrameBytes };
}
