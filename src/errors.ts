// Every error corral raises is a CorralError with a stable string `code`
// (CORRAL_ERR_*). Errors that travel on the wire also carry `wireCode`, the
// number sent in Error.code (proto ErrorCode, spec.md section 9), and `fatal`,
// whether the sender closes the channel after reporting it.
//
// Match on `err.code`, not on the message text: codes are part of the public
// API, messages are not.

/** Options accepted by every CorralError constructor. */
export interface CorralErrorOptions {
  /** The underlying error, if any. */
  cause?: unknown;
  /** Overrides the kind's default: whether the channel is closed after this error. */
  fatal?: boolean;
  /** The task the error belongs to (Error.request_id); 0 when none. */
  requestId?: number;
}

/** Base class of every error corral raises. */
export class CorralError extends Error {
  /** Stable identifier, `CORRAL_ERR_*`. */
  readonly code: string;
  /** The wire error code (proto ErrorCode), or undefined for local-only errors. */
  readonly wireCode: number | undefined;
  /** Whether the channel is closed after this error. */
  readonly fatal: boolean;
  /** The task the error belongs to; 0 when none. */
  readonly requestId: number;

  constructor(code: string, message: string, options: CorralErrorOptions & { wireCode?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.wireCode = options.wireCode;
    this.fatal = options.fatal ?? false;
    this.requestId = options.requestId ?? 0;
  }
}

/** What the protocol says about one wire error code. */
export interface WireErrorKind {
  readonly code: string;
  readonly wireCode: number;
  /** Default for `fatal` when the error is raised locally. */
  readonly fatal: boolean;
}

function kind(code: string, wireCode: number, fatal: boolean): WireErrorKind {
  return Object.freeze({ code, wireCode, fatal });
}

/** The wire error codes of protocol 1.0 (proto ErrorCode), by name. */
export const WIRE_ERRORS = Object.freeze({
  FRAME_TOO_LARGE: kind('CORRAL_ERR_FRAME_TOO_LARGE', 100, true),
  FRAME_EMPTY: kind('CORRAL_ERR_FRAME_EMPTY', 101, true),
  FRAME_TRUNCATED: kind('CORRAL_ERR_FRAME_TRUNCATED', 102, true),
  DECODE: kind('CORRAL_ERR_DECODE', 103, true),
  UNKNOWN_MESSAGE: kind('CORRAL_ERR_UNKNOWN_MESSAGE', 200, false),
  UNEXPECTED_MESSAGE: kind('CORRAL_ERR_UNEXPECTED_MESSAGE', 201, true),
  VERSION_MISMATCH: kind('CORRAL_ERR_VERSION_MISMATCH', 202, true),
  HANDSHAKE_TIMEOUT: kind('CORRAL_ERR_HANDSHAKE_TIMEOUT', 203, true),
  HEARTBEAT_TIMEOUT: kind('CORRAL_ERR_HEARTBEAT_TIMEOUT', 204, true),
  FLOOD: kind('CORRAL_ERR_FLOOD', 205, true),
  INVALID_FIELD: kind('CORRAL_ERR_INVALID_FIELD', 206, true),
  GRANT_VIOLATION: kind('CORRAL_ERR_GRANT_VIOLATION', 207, true),
  UNSUPPORTED_FEATURE: kind('CORRAL_ERR_UNSUPPORTED_FEATURE', 208, false),
  TASK_UNKNOWN: kind('CORRAL_ERR_TASK_UNKNOWN', 300, false),
  TASK_TIMEOUT: kind('CORRAL_ERR_TASK_TIMEOUT', 301, false),
  TASK_CANCELLED: kind('CORRAL_ERR_TASK_CANCELLED', 302, false),
  TASK_FAILED: kind('CORRAL_ERR_TASK_FAILED', 303, false),
  TASK_OVERLOADED: kind('CORRAL_ERR_TASK_OVERLOADED', 304, false),
  DUPLICATE_REQUEST: kind('CORRAL_ERR_DUPLICATE_REQUEST', 305, false),
  TASK_WORKER_LOST: kind('CORRAL_ERR_TASK_WORKER_LOST', 306, false),
  APP_LOAD: kind('CORRAL_ERR_APP_LOAD', 400, true),
  INTERNAL: kind('CORRAL_ERR_INTERNAL', 401, true),
});

/** A protocol error: one that has a wire code and can be sent as an Error message. */
export class WireError extends CorralError {
  declare readonly wireCode: number;
  constructor(k: WireErrorKind, message: string, options: CorralErrorOptions = {}) {
    super(k.code, message, { ...options, wireCode: k.wireCode, fatal: options.fatal ?? k.fatal });
  }
}

/** A frame's length prefix exceeds the receiver's limit (checked before the payload is buffered). */
export class FrameTooLargeError extends WireError {
  /** The declared frame length, when known. */
  readonly length: number;
  /** The limit it exceeded, when known. */
  readonly limit: number;
  constructor(message = 'frame too large', options: CorralErrorOptions & { length?: number; limit?: number } = {}) {
    const { length = 0, limit = 0, ...rest } = options;
    super(WIRE_ERRORS.FRAME_TOO_LARGE, message, rest);
    this.length = length;
    this.limit = limit;
  }
}

/** A frame with length 0. */
export class FrameEmptyError extends WireError {
  constructor(message = 'zero-length frame', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.FRAME_EMPTY, message, options);
  }
}

/** The stream ended in the middle of a frame. */
export class FrameTruncatedError extends WireError {
  constructor(message = 'stream ended mid-frame', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.FRAME_TRUNCATED, message, options);
  }
}

/** The frame payload is not a valid Envelope. */
export class DecodeError extends WireError {
  constructor(message = 'undecodable frame', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.DECODE, message, options);
  }
}

/** The Envelope's body is a field number this implementation does not know. Not fatal. */
export class UnknownMessageError extends WireError {
  /** The field number of the unknown body (sent back as Error.message_type). */
  readonly messageType: number;
  constructor(messageType: number, message = `unknown message type ${messageType}`, options?: CorralErrorOptions) {
    super(WIRE_ERRORS.UNKNOWN_MESSAGE, message, options);
    this.messageType = messageType;
  }
}

/** A known message arrived where the protocol state does not allow it. */
export class UnexpectedMessageError extends WireError {
  constructor(message = 'unexpected message', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.UNEXPECTED_MESSAGE, message, options);
  }
}

/** The peers share no protocol major version. */
export class VersionMismatchError extends WireError {
  constructor(message = 'no common protocol version', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.VERSION_MISMATCH, message, options);
  }
}

/** The worker did not complete the handshake in time. */
export class HandshakeTimeoutError extends WireError {
  constructor(message = 'handshake timed out', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.HANDSHAKE_TIMEOUT, message, options);
  }
}

/** The worker missed its heartbeats. */
export class HeartbeatTimeoutError extends WireError {
  constructor(message = 'heartbeat timed out', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.HEARTBEAT_TIMEOUT, message, options);
  }
}

/** The peer sends faster than the receiver allows. */
export class FloodError extends WireError {
  constructor(message = 'peer is flooding the channel', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.FLOOD, message, options);
  }
}

/** A message is well-formed protobuf but a field value breaks a protocol rule. */
export class InvalidFieldError extends WireError {
  constructor(message = 'invalid field value', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.INVALID_FIELD, message, options);
  }
}

/** A worker broke the accept-lease rules (accepted without a grant, wrong grant id, ...). */
export class GrantViolationError extends WireError {
  constructor(message = 'accept grant violated', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.GRANT_VIOLATION, message, options);
  }
}

/** A message needs a feature that was not negotiated. */
export class UnsupportedFeatureError extends WireError {
  constructor(message = 'feature not negotiated', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.UNSUPPORTED_FEATURE, message, options);
  }
}

/** A task message names a request id the receiver does not know. */
export class TaskUnknownError extends WireError {
  constructor(message = 'unknown task', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.TASK_UNKNOWN, message, options);
  }
}

/** A task passed its deadline. */
export class TaskTimeoutError extends WireError {
  constructor(message = 'task timed out', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.TASK_TIMEOUT, message, options);
  }
}

/** A task was cancelled. */
export class TaskCancelledError extends WireError {
  constructor(message = 'task cancelled', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.TASK_CANCELLED, message, options);
  }
}

/** A task's handler failed. */
export class TaskFailedError extends WireError {
  constructor(message = 'task failed', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.TASK_FAILED, message, options);
  }
}

/** The worker cannot take another task now. */
export class TaskOverloadedError extends WireError {
  constructor(message = 'worker overloaded', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.TASK_OVERLOADED, message, options);
  }
}

/** A request id is already in use. */
export class DuplicateRequestError extends WireError {
  constructor(message = 'duplicate request id', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.DUPLICATE_REQUEST, message, options);
  }
}

/** Since 1.2: the task worker running the job exited before it answered. */
export class TaskWorkerLostError extends WireError {
  constructor(message = 'the task worker running the job was lost', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.TASK_WORKER_LOST, message, options);
  }
}

/** The worker could not load the application. */
export class AppLoadError extends WireError {
  constructor(message = 'application failed to load', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.APP_LOAD, message, options);
  }
}

/** Anything else that went wrong inside the sender. */
export class InternalError extends WireError {
  constructor(message = 'internal error', options?: CorralErrorOptions) {
    super(WIRE_ERRORS.INTERNAL, message, options);
  }
}

/** An Error message from the peer whose code this implementation does not define. */
export class RemoteError extends CorralError {
  declare readonly wireCode: number;
  constructor(wireCode: number, message: string, options?: CorralErrorOptions) {
    super('CORRAL_ERR_REMOTE', message, { ...options, wireCode });
  }
}

/**
 * A bad option value. `name` is 'TypeError' for a value of the wrong type and
 * 'RangeError' for a value out of range or in conflict with another option.
 * The message names the option: `options.maxFrameBytes must be a positive integer`.
 */
export class InvalidOptionError extends CorralError {
  constructor(message: string, options: { range?: boolean; cause?: unknown } = {}) {
    super('CORRAL_ERR_INVALID_OPTION', message, options.cause === undefined ? {} : { cause: options.cause });
    this.name = options.range === true ? 'RangeError' : 'TypeError';
  }
}

/** Codes raised by the native layer that are not errno values. */
export type NativeErrorCode = 'CORRAL_ERR_NATIVE' | 'CORRAL_ERR_NATIVE_UNAVAILABLE' | 'CORRAL_ERR_CMSG_TRUNCATED';

/** A failure in the native addon that is not a plain errno (those are Node-style errors). */
export class NativeError extends CorralError {
  constructor(message: string, options: { code?: NativeErrorCode; cause?: unknown } = {}) {
    super(options.code ?? 'CORRAL_ERR_NATIVE', message, options.cause === undefined ? {} : { cause: options.cause });
  }
}

/** The native addon failed to load; `cause` is the load error. */
export class NativeUnavailableError extends NativeError {
  constructor(message = 'the corral native addon is not available', options: { cause?: unknown } = {}) {
    super(message, { ...options, code: 'CORRAL_ERR_NATIVE_UNAVAILABLE' });
  }
}

/** A received datagram's control data (SCM_RIGHTS) was truncated; any fds that did arrive were closed. */
export class CmsgTruncatedError extends NativeError {
  constructor(message = 'control message truncated', options: { cause?: unknown } = {}) {
    super(message, { ...options, code: 'CORRAL_ERR_CMSG_TRUNCATED' });
  }
}
