// A worker's checks of the arbiter's Welcome (spec.md sections 4.3, 5.2 -
// 5.4). Each problem is a fatal error of the handshake: the worker answers
// Error{code, fatal: true} and exits with status 3 [EXIT-2].
//
//   every worker   valid message, version, features offered    (first)
//                  worker id, heartbeat terms, frame limit, generation
//   socket worker  the strategy of CORRAL_ACCEPT, its feature; the listeners (last)
//   task worker    no strategy, no listeners                   (before the terms)
import { corral, validate } from '../protocol/codec.js';
import { PROTOCOL_VERSION } from '../protocol/limits.js';
import { strategyFeature, strategyFromWire, type WorkerEnvironment } from '../transport/process-state.js';

const { ErrorCode } = corral.v1;

export interface WelcomeProblem {
  code: number;
  message: string;
}

/** What a worker offered in Hello, and the id its environment gave it. */
export interface HelloOffer {
  /** CORRAL_WORKER_ID. */
  workerId: number;
  /** Hello.features. */
  features: readonly string[];
  /** Hello.max_frame_bytes. */
  maxFrameBytes: number;
}

/** The checks of one kind of worker: `accept` after the feature check, `last` after all others. */
export interface KindChecks {
  accept(w: corral.v1.Welcome): WelcomeProblem | undefined;
  last?(w: corral.v1.Welcome): WelcomeProblem | undefined;
}

export function invalidField(message: string): WelcomeProblem {
  return { code: ErrorCode.ERROR_CODE_INVALID_FIELD, message };
}

/** The first thing wrong with a Welcome to a worker of the kind `kind` checks, or undefined when it is acceptable. */
export function checkWelcomeOf(w: corral.v1.Welcome, offer: HelloOffer, kind: KindChecks): WelcomeProblem | undefined {
  try {
    validate({ kind: 'welcome', body: w }); // unknown enum values [COMPAT-7]
  } catch (err) {
    return invalidField(`invalid Welcome: ${(err as Error).message}`);
  }
  const v = w.version;
  if (!v || v.major !== PROTOCOL_VERSION.major || (v.minor ?? 0) > PROTOCOL_VERSION.minor) {
    // NEG-5: not a version this worker listed.
    return {
      code: ErrorCode.ERROR_CODE_VERSION_MISMATCH,
      message: `Welcome chose version ${v?.major ?? 0}.${v?.minor ?? 0}; this worker speaks ${PROTOCOL_VERSION.major}.${PROTOCOL_VERSION.minor}`,
    };
  }
  const unoffered = w.features.filter((f) => !offer.features.includes(f));
  if (unoffered.length > 0) return invalidField(`Welcome.features lists ${unoffered.join(', ')}, which Hello did not offer`); // NEG-9
  const accept = kind.accept(w);
  if (accept) return accept;
  // ERR-17: field values the spec forbids.
  if (w.workerId !== offer.workerId) return invalidField(`Welcome.worker_id ${w.workerId} differs from CORRAL_WORKER_ID=${offer.workerId}`); // WELCOME-1
  if (w.heartbeatIntervalMs < 1) return invalidField('Welcome.heartbeat_interval_ms is 0'); // WELCOME-2
  if (w.heartbeatTimeoutMs !== 0 && w.heartbeatTimeoutMs < 2 * w.heartbeatIntervalMs) {
    return invalidField(`Welcome.heartbeat_timeout_ms ${w.heartbeatTimeoutMs} is below twice heartbeat_interval_ms ${w.heartbeatIntervalMs}`);
  }
  if (w.maxFrameBytes < 1 || w.maxFrameBytes > offer.maxFrameBytes) {
    return invalidField(`Welcome.max_frame_bytes ${w.maxFrameBytes} is not within 1..${offer.maxFrameBytes}, the limit Hello offered`); // NEG-4
  }
  if (w.generation < 1) return invalidField('Welcome.generation is 0'); // WELCOME-7
  return kind.last?.(w);
}

/** What the socket worker offered in Hello, and what its environment says. */
export interface WelcomeContext {
  environment: WorkerEnvironment;
  /** Hello.features. */
  features: readonly string[];
  /** Hello.max_frame_bytes. */
  maxFrameBytes: number;
}

/** The first thing wrong with a Welcome to a socket worker, or undefined when it is acceptable. */
export function checkWelcome(w: corral.v1.Welcome, ctx: WelcomeContext): WelcomeProblem | undefined {
  const env = ctx.environment;
  return checkWelcomeOf(w, { workerId: env.workerId, features: ctx.features, maxFrameBytes: ctx.maxFrameBytes }, {
    accept(w) {
      const chosen = strategyFromWire(w.strategy);
      if (chosen !== env.strategy) {
        // NEG-12
        return { code: ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, message: `Welcome.strategy ${chosen ?? `#${w.strategy}`} differs from CORRAL_ACCEPT=${env.strategy}` };
      }
      if (!w.features.includes(strategyFeature(chosen))) {
        // NEG-7: the strategy's own feature must have been negotiated.
        return { code: ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, message: `Welcome.features lacks ${strategyFeature(chosen)}, the feature of its own strategy` };
      }
      return undefined;
    },
    last(w) {
      const n = env.listenFds.length;
      // WELCOME-3. (In the handoff strategy the list describes the arbiter's own
      // listeners [WELCOME-4], which the worker cannot check.)
      if (env.strategy !== 'handoff' && (w.listeners.length !== n || w.listeners.some((l, i) => l.index !== i))) {
        return invalidField(`Welcome.listeners has indexes [${w.listeners.map((l) => l.index).join(', ')}] for the ${n} listener(s) of LISTEN_FDS`);
      }
      return undefined;
    },
  });
}
