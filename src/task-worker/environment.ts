// What a task worker checks at start (spec.md sections 2.1 - 2.3) and its
// checks of the arbiter's Welcome (sections 4.3, 5.2 - 5.4).
//
//   CORRAL_PROTOCOL     must be "1"                                  [ENV-17]
//   CORRAL_CONTROL_FD   3, an open socket: a task worker has no listeners [PROC-3, ENV-6, ENV-18]
//   CORRAL_WORKER_ID    non-zero                                     [ENV-9]
//   CORRAL_ARBITER_PID  set                                          [ENV-12]
//   CORRAL_ACCEPT, CORRAL_HANDOFF_FD, LISTEN_FDS  unset              [ENV-11, ENV-8, ENV-4]
//   every number        decimal digits, no sign or leading zeros     [ENV-13]
//
// A socket worker's state (listeners, CORRAL_ACCEPT) is refused with exit 3,
// which is also how a tool that tries strategies in turn learns that this
// worker runs tasks only.
import { corral } from '../protocol/codec.js';
import { BadEnvironmentError, ENV, LISTEN_FDS_START } from '../transport/process-state.js';
import { isOpenSocket, PROTOCOL_ENV_VALUE } from '../worker/environment.js';
import { checkWelcomeOf, invalidField, type HelloOffer, type WelcomeProblem } from '../worker/welcome.js';

const { ErrorCode, AcceptStrategy } = corral.v1;
const DECIMAL = /^(0|[1-9][0-9]*)$/;

export interface TaskEnvironment {
  controlFd: number;
  workerId: number;
}

/** Reads and checks a task worker's initial process state; throws BadEnvironmentError naming the variable at fault. */
export function readTaskEnvironment(env: NodeJS.ProcessEnv = process.env, isSocket: (fd: number) => boolean = isOpenSocket): TaskEnvironment {
  const protocol = env[ENV.protocol];
  if (protocol === undefined) throw new BadEnvironmentError(`${ENV.protocol} is not set: this process was not started by a corral arbiter`);
  if (protocol !== PROTOCOL_ENV_VALUE) throw new BadEnvironmentError(`${ENV.protocol}=${JSON.stringify(protocol)}: this worker speaks protocol ${PROTOCOL_ENV_VALUE} only`);
  for (const name of [ENV.controlFd, ENV.workerId, ENV.arbiterPid]) {
    const raw = env[name];
    if (raw === undefined || raw === '') throw new BadEnvironmentError(`${name} is not set`);
    if (!DECIMAL.test(raw)) throw new BadEnvironmentError(`${name} must be a decimal number without sign, spaces or leading zeros, got ${JSON.stringify(raw)}`);
  }
  for (const name of [ENV.accept, ENV.handoffFd, ENV.listenFds]) {
    if (env[name] !== undefined) throw new BadEnvironmentError(`${name} is set, but a task worker has no accept strategy, handoff channel or listeners`);
  }
  const workerId = Number(env[ENV.workerId]);
  if (workerId === 0 || !Number.isSafeInteger(workerId) || workerId > 0xffffffff) throw new BadEnvironmentError(`${ENV.workerId} must be a worker id from 1 to 2^32-1`);
  const controlFd = Number(env[ENV.controlFd]);
  if (controlFd !== LISTEN_FDS_START) throw new BadEnvironmentError(`${ENV.controlFd}=${controlFd} must be ${LISTEN_FDS_START}: a task worker has no listeners`);
  if (!isSocket(controlFd)) throw new BadEnvironmentError(`${ENV.controlFd}: fd ${controlFd} is not an open socket`);
  return { controlFd, workerId };
}

export type { WelcomeProblem } from '../worker/welcome.js';

/** What the worker offered in Hello. */
export type TaskWelcomeContext = HelloOffer;

/** The first thing wrong with a Welcome to a task worker, or undefined when it is acceptable. */
export function checkTaskWelcome(w: corral.v1.Welcome, ctx: TaskWelcomeContext): WelcomeProblem | undefined {
  return checkWelcomeOf(w, ctx, {
    accept(w) {
      if (w.strategy !== AcceptStrategy.ACCEPT_STRATEGY_UNSPECIFIED) {
        // NEG-12, WELCOME-6: a task worker declares no accept strategy.
        return { code: ErrorCode.ERROR_CODE_UNSUPPORTED_FEATURE, message: `Welcome.strategy is ${AcceptStrategy[w.strategy] ?? w.strategy}; a task worker accepts no connections` };
      }
      if (w.listeners.length > 0) return invalidField(`Welcome.listeners lists ${w.listeners.length} listener(s); a task worker has none`); // WELCOME-5
      return undefined;
    },
  });
}
