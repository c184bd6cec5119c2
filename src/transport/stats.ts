// Process-wide counters that cost one increment each, read by the benchmark.

/** Reads of control-channel data: each one is a wakeup caused by a peer's message. */
export const channelStats = { reads: 0 };
