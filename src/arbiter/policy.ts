// Who gets the next connection (or accept lease). Pure, so it is tested
// without processes: least loaded first, then the one that has accepted the
// fewest connections (which spreads an idle pool's connections evenly), then
// the lowest id (deterministic).

export interface Candidate {
  id: number;
  inFlight: number;
  /** 0 = unbounded. */
  capacity: number;
  acceptedTotal: number;
}

export function hasRoom(c: Candidate): boolean {
  return c.capacity === 0 || c.inFlight < c.capacity;
}

/** The best candidate with room, or undefined when every one is full. */
export function pickLeastLoaded<C extends Candidate>(candidates: Iterable<C>, exclude?: number): C | undefined {
  let best: C | undefined;
  for (const c of candidates) {
    if (c.id === exclude || !hasRoom(c)) continue;
    if (
      best === undefined ||
      c.inFlight < best.inFlight ||
      (c.inFlight === best.inFlight && (c.acceptedTotal < best.acceptedTotal || (c.acceptedTotal === best.acceptedTotal && c.id < best.id)))
    ) {
      best = c;
    }
  }
  return best;
}
