// The worker's checks of the arbiter's Welcome (spec.md sections 4.3, 5.2 -
// 5.4). Each problem is a fatal error of the handshake: the worker answers
// Error{code, fatal: true} and exits with status 3 [EXIT-2].
import { corral, validate } from '../protocol/codec.js';
import { PROTOCOL_VERSION } from '../protocol/limits.js';
import { strategyFeature, strategyFromWire, type WorkerEnvironment } from '../transport/process-state.js';

const { ErrorCode } = corral.v1;

/** What the worker offered in Hello, and what its environment says. */
export interface WelcomeContext {
  environment: WorkerEnvironment;
  /** Hello.features. */
  features: readonly string[];
  /** Hello.max_frame_bytes. */
  maxFrameBytes: number;
}

export interface WelcomeProblem {
  code: number;
  message: string;
}

/** The first thing wrong with a Welcome, or undefined when it is acceptable. */
export function checkWelcome(w: corral.v1.Welcome, ctx: WelcomeContext): WelcomeProblem | undefined {
  const invalid = (message: string): WelcomeProblem => ({ code: ErrorCode.ERROR_CODE_INVALID_FIELD, message });
  try {
    validate({ kind: 'welcome', body: w }); // unknown enum values [COMPAT-7]
  } catch (err) {
    return invalid(`invalid Welcome: ${(err as Error).message}`);
  }
  const v = w.version;
  if (!v || v.major !== PROTOCOL_VERSION.major || (v.minor ?? 0) > PROTOCOL_VERSION.minor) {
    // NEG-5: not a version this worker listed.
    return {
      code: ErrorCode.ERROR_CODE_VERSION_MISMATCH,
      message: `Welcome chose version ${v?.major ?? 0}.${v?.minor ?? 0}; this worker speaks ${PROTOCOL_VERSION.major}.${PROTOCOL_VERSION.minor}`,
    };
  }
  const unoffered = w.features.filter((f) => !ctx.features.includes(f));
  if (unoffered.length > 0) return invalid(`Welcome.features lists ${unoffered.join(', ')}, which Hello did not offer`); // NEG-9
  const env = ctx.environment;
  const chosen = strategyFromWire(w.strategy);
  if (chosen !== env.strategy) {
    // NEG-12
    return { code: ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, message: `Welcome.strategy ${chosen ?? `#${w.strategy}`} differs from CORRAL_ACCEPT=${env.strategy}` };
  }
  if (!w.features.includes(strategyFeature(chosen))) {
    // NEG-7: the strategy's own feature must have been negotiated.
    return { code: ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, message: `Welcome.features lacks ${strategyFeature(chosen)}, the feature of its own strategy` };
  }
  // ERR-17: field values the spec forbids.
  if (w.workerId !== env.workerId) return invalid(`Welcome.worker_id ${w.workerId} differs from CORRAL_WORKER_ID=${env.workerId}`); // WELCOME-1
  if (w.heartbeatIntervalMs < 1) return invalid('Welcome.heartbeat_interval_ms is 0'); // WELCOME-2
  if (w.heartbeatTimeoutMs !== 0 && w.heartbeatTimeoutMs < 2 * w.heartbeatIntervalMs) {
    return invalid(`Welcome.heartbeat_timeout_ms ${w.heartbeatTimeoutMs} is below twice heartbeat_interval_ms ${w.heartbeatIntervalMs}`);
  }
  if (w.maxFrameBytes < 1 || w.maxFrameBytes > ctx.maxFrameBytes) {
    return invalid(`Welcome.max_frame_bytes ${w.maxFrameBytes} is not within 1..${ctx.maxFrameBytes}, the limit Hello offered`); // NEG-4
  }
  if (w.generation < 1) return invalid('Welcome.generation is 0'); // WELCOME-7
  const n = env.listenFds.length;
  // WELCOME-3. (In the handoff strategy the list describes the arbiter's own
  // listeners [WELCOME-4], which the worker cannot check.)
  if (env.strategy !== 'handoff' && (w.listeners.length !== n || w.listeners.some((l, i) => l.index !== i))) {
    return invalid(`Welcome.listeners has indexes [${w.listeners.map((l) => l.index).join(', ')}] for the ${n} listener(s) of LISTEN_FDS`);
  }
  return undefined;
}
