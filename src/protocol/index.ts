// The Corral Arbiter Protocol, version 1: constants, errors, framing, codec and
// negotiation. Pure: no sockets, processes or timers.
export * from './limits.js';
export * from './errors.js';
export * from './codec.js';
export * from './framer.js';
export * from './handshake.js';
export * from './meta.js';
export * from './load-counts.js';
export * from './examples.js';
