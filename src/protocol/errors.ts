// Mapping between local errors and the wire Error message (spec.md section 9).
// The classes themselves live in src/errors.ts so that every layer shares one
// hierarchy; this module re-exports the protocol ones.
import type { corral } from './generated/corral.js';
import {
  AppLoadError, CorralError, DecodeError, DuplicateRequestError, FloodError, FrameEmptyError,
  FrameTooLargeError, FrameTruncatedError, GrantViolationError, HandshakeTimeoutError,
  HeartbeatTimeoutError, InternalError, InvalidFieldError, RemoteError, TaskCancelledError,
  TaskFailedError, TaskOverloadedError, TaskTimeoutError, TaskUnknownError, TaskWorkerLostError, UnexpectedMessageError,
  UnknownMessageError, UnsupportedFeatureError, VersionMismatchError, WIRE_ERRORS,
  type CorralErrorOptions,
} from '../errors.js';

export {
  AppLoadError, CorralError, DecodeError, DuplicateRequestError, FloodError, FrameEmptyError,
  FrameTooLargeError, FrameTruncatedError, GrantViolationError, HandshakeTimeoutError,
  HeartbeatTimeoutError, InternalError, InvalidFieldError, InvalidOptionError, RemoteError,
  TaskCancelledError, TaskFailedError, TaskOverloadedError, TaskTimeoutError, TaskUnknownError,
  TaskWorkerLostError, UnexpectedMessageError, UnknownMessageError, UnsupportedFeatureError, VersionMismatchError,
  WireError, WIRE_ERRORS,
} from '../errors.js';
export type { CorralErrorOptions, WireErrorKind } from '../errors.js';

/**
 * Longest Error.message this side sends, in octets of UTF-8 [ERR-2]. A local
 * error's text can be arbitrarily long (a stack, a user string); the Error
 * frame must stay far below the smallest frame limit a peer may negotiate.
 */
export const MAX_WIRE_MESSAGE_BYTES = 1024;

/** `text` cut to at most `max` octets of UTF-8, on a character boundary, with an ellipsis when cut. */
function truncateUtf8(text: string, max: number): string {
  if (text.length * 3 <= max) return text; // fast path: cannot exceed
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return text;
  let cut = max - 3; // room for the 3-octet ellipsis
  while (cut > 0 && (bytes[cut]! & 0xc0) === 0x80) cut--; // never split a character
  return bytes.subarray(0, cut).toString('utf8') + '\u2026';
}

type Ctor = new (message: string, options?: CorralErrorOptions) => CorralError;

const BY_WIRE_CODE = new Map<number, Ctor>([
  [WIRE_ERRORS.FRAME_TOO_LARGE.wireCode, FrameTooLargeError],
  [WIRE_ERRORS.FRAME_EMPTY.wireCode, FrameEmptyError],
  [WIRE_ERRORS.FRAME_TRUNCATED.wireCode, FrameTruncatedError],
  [WIRE_ERRORS.DECODE.wireCode, DecodeError],
  [WIRE_ERRORS.UNEXPECTED_MESSAGE.wireCode, UnexpectedMessageError],
  [WIRE_ERRORS.VERSION_MISMATCH.wireCode, VersionMismatchError],
  [WIRE_ERRORS.HANDSHAKE_TIMEOUT.wireCode, HandshakeTimeoutError],
  [WIRE_ERRORS.HEARTBEAT_TIMEOUT.wireCode, HeartbeatTimeoutError],
  [WIRE_ERRORS.FLOOD.wireCode, FloodError],
  [WIRE_ERRORS.INVALID_FIELD.wireCode, InvalidFieldError],
  [WIRE_ERRORS.GRANT_VIOLATION.wireCode, GrantViolationError],
  [WIRE_ERRORS.UNSUPPORTED_FEATURE.wireCode, UnsupportedFeatureError],
  [WIRE_ERRORS.TASK_UNKNOWN.wireCode, TaskUnknownError],
  [WIRE_ERRORS.TASK_TIMEOUT.wireCode, TaskTimeoutError],
  [WIRE_ERRORS.TASK_CANCELLED.wireCode, TaskCancelledError],
  [WIRE_ERRORS.TASK_FAILED.wireCode, TaskFailedError],
  [WIRE_ERRORS.TASK_OVERLOADED.wireCode, TaskOverloadedError],
  [WIRE_ERRORS.DUPLICATE_REQUEST.wireCode, DuplicateRequestError],
  [WIRE_ERRORS.TASK_WORKER_LOST.wireCode, TaskWorkerLostError],
  [WIRE_ERRORS.APP_LOAD.wireCode, AppLoadError],
  [WIRE_ERRORS.INTERNAL.wireCode, InternalError],
]);

/** Extra fields of a received Error message. */
export interface WireErrorDetails {
  /** As sent by the peer; when absent the kind's default applies. */
  fatal?: boolean;
  requestId?: number;
  messageType?: number;
}

/**
 * Turns a received Error{code, message} into the matching CorralError subclass.
 * A code this implementation does not define becomes a RemoteError that keeps
 * the number in `wireCode`.
 */
export function errorFromWire(code: number, message: string, details: WireErrorDetails = {}): CorralError {
  const options: CorralErrorOptions = {};
  if (details.fatal !== undefined) options.fatal = details.fatal;
  if (details.requestId !== undefined && details.requestId !== 0) options.requestId = details.requestId;
  if (code === WIRE_ERRORS.UNKNOWN_MESSAGE.wireCode) {
    return new UnknownMessageError(details.messageType ?? 0, message, options);
  }
  const ctor = BY_WIRE_CODE.get(code);
  return ctor === undefined ? new RemoteError(code, message, options) : new ctor(message, options);
}

/** errorFromWire for a decoded Error message body. */
export function errorFromWireMessage(body: corral.v1.Error.$Properties): CorralError {
  const details: WireErrorDetails = { fatal: body.fatal === true };
  if (body.requestId) details.requestId = body.requestId;
  if (body.messageType) details.messageType = body.messageType;
  return errorFromWire(body.code ?? 0, body.message ?? '', details);
}

/**
 * The Error message body that reports `err` to the peer. A CorralError with a
 * wire code keeps its code, fatality, request id and (UNKNOWN_MESSAGE) message
 * type; anything else is reported as INTERNAL and fatal.
 */
export function toWireError(err: unknown): corral.v1.Error.$Properties {
  let code: number = WIRE_ERRORS.INTERNAL.wireCode;
  let fatal = true;
  let message: string;
  const out: corral.v1.Error.$Properties = {};
  if (err instanceof CorralError && err.wireCode !== undefined) {
    code = err.wireCode;
    fatal = err.fatal;
    if (err.requestId !== 0) out.requestId = err.requestId;
    if (err instanceof UnknownMessageError && err.messageType !== 0) out.messageType = err.messageType;
    message = err.message;
  } else if (err instanceof Error) {
    message = err.message;
  } else {
    message = String(err);
  }
  message = truncateUtf8(message, MAX_WIRE_MESSAGE_BYTES);
  out.code = code;
  out.message = message;
  out.fatal = fatal;
  return out;
}
