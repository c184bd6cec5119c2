// The side channel between the suite and its probe workers (arbiter role).
//
//   suite (unix socket server) ◄──── probe connects at start
//     ◄── {t:'start', pid, ppid, env, fds, ...}      what the probe inherited
//     ──► {t:'script', script}                         how it is to behave
//     ◄── {t:'recv'|'sent'|'release'|'signal'|...}     what happens, as it happens
//     ──► {t:'do', action, ...}                        scripted actions mid-run
//
// One JSON object per line. Times (`at`) are CLOCK_MONOTONIC milliseconds
// (process.hrtime), which every process on the machine shares, so events of
// different probes can be ordered exactly.

/** How a probe behaves; every field is optional (default: a conformant worker). */
export interface ProbeScript {
  /** Exit with this status at once, before Hello (a boot failure). */
  exitBeforeHello?: number;
  /** Wait this long before Hello (to see that the arbiter sends nothing first). */
  helloDelayMs?: number;
  /** Never send Hello (to trigger the handshake timeout). */
  noHello?: boolean;
  /** Send this (raw hex frame) instead of Hello as the first frame. */
  firstFrameHex?: string;
  /** Overrides of the Hello fields. */
  hello?: {
    versions?: { major: number; minor: number }[];
    kind?: number;
    features?: string[];
    maxFrameBytes?: number;
    pid?: number;
    capacity?: number;
    /** Pad Hello.implementation so that the Envelope is exactly this long. */
    padTo?: number;
    /** Hello.apps (a task worker's default: the NAME of every NAME=MODULE argument). */
    apps?: string[];
  };
  /** Send Ready this long after Welcome. */
  readyDelayMs?: number;
  /** Never send Ready (stays booting). */
  noReady?: boolean;
  /** Ready.capacity and Heartbeat.capacity. */
  capacity?: number;
  /** Pretend to hold this many connections in every in_flight field. */
  fakeInFlight?: number;
  /** 'none': send no Heartbeat after Ready (a stuck worker). */
  heartbeat?: 'normal' | 'none';
  /** Send time_ms 0 in every heartbeat (liveness must not depend on it). */
  zeroTime?: boolean;
  /** When 1.4 or later is negotiated, heartbeats carry wakeups_total and 17 latency_counts (every answered request in the first bucket). */
  loadCounts?: boolean;
  /**
   * On AcceptGrant: 'serve' accepts per the rules (default); 'hold' accepts
   * nothing and releases only when the lease expires; 'keep' never releases;
   * 'die' exits with status 1 at once; 'bad-reason' answers AcceptDone with
   * reason 99.
   */
  onGrant?: 'serve' | 'hold' | 'keep' | 'die' | 'bad-reason';
  /** Apply `onGrant` to the first grant only; later grants are served. */
  onGrantOnce?: boolean;
  /** On AcceptRevoke (accept.revoke): 'answer' releases the grant with REVOKED (default); 'ignore' does nothing, as a stopped holder would. */
  onRevoke?: 'answer' | 'ignore';
  /** Apply `onGrant` only until the first AcceptRevoke arrives; later grants are served. */
  onGrantUntilRevoked?: boolean;
  /** Shared-style strategies: do not accept at all. */
  noAccept?: boolean;
  /** Handoff strategy: 'ack' (default), 'refuse', 'refuse-first' (only the first), 'never' (no HandoffAck), 'die' (exit 1 holding them). */
  onHandoff?: 'ack' | 'refuse' | 'refuse-first' | 'never' | 'die';
  /** Send HandoffAck ids unpacked (repeated varint fields) instead of packed. */
  unpackedAcks?: boolean;
  /** 'ignore': do nothing on Drain. */
  onDrain?: 'obey' | 'ignore';
  /** 'ignore': do nothing on Stop. */
  onStop?: 'obey' | 'ignore';
  /** Ignore SIGTERM, SIGINT and SIGQUIT (only SIGKILL ends the probe). */
  ignoreSignals?: boolean;
  /** Keep running after end of stream on the control channel. */
  ignoreEof?: boolean;
  /** After Ready + this many ms, send these raw frames (hex), in order. */
  afterReady?: { delayMs: number; hex: string[] };
  /** After Ready + delayMs, exit with this status (after Goodbye if goodbye is set). */
  exitAfterReady?: { delayMs: number; code: number; goodbye?: number };
  /** Right after Welcome (before Ready), send these raw frames (hex), in order. */
  afterWelcome?: { hex: string[] };
  /** Task worker: how a job is answered when its payload carries no plan of its own (default: a Result). */
  job?: JobPlan;
}

/**
 * How the probe, as a task worker, answers one job. A case puts the plan in
 * the job's payload as JSON `{"probe": {...}}`, so that each job of one
 * probe can be answered differently; other payloads get `ProbeScript.job`.
 */
export interface JobPlan {
  /**
   * 'result' (default): a Result carrying {pid, requestId, name, tag};
   * 'stream': `chunks` Chunks (within window and credit when the job has a window), then End;
   * 'error': Error{errorCode (default TASK_FAILED), not fatal};
   * 'never': no answer (until told to by the suite: `do answer`);
   * 'die': exit with `exitCode` (default 1) at once.
   */
  reply?: 'result' | 'stream' | 'error' | 'never' | 'die';
  /** Stream: how many chunks (default 3). */
  chunks?: number;
  /** Stream: send this many chunks beyond the window and credit received, at once (FLOW-4). */
  flood?: number;
  errorCode?: number;
  exitCode?: number;
  /** On Cancel: 'answer' TASK_CANCELLED (default, TASK-16); 'ignore' it (the job runs on). */
  onCancel?: 'answer' | 'ignore';
  /** A label the suite uses to tell its jobs apart at the probe. */
  tag?: string;
}

export type ProbeCommand =
  | { t: 'script'; script: ProbeScript }
  | { t: 'do'; action: 'send-hex'; hex: string }
  | { t: 'do'; action: 'exit'; code: number }
  | { t: 'do'; action: 'stop-heartbeat' }
  /** Task worker: answer the job (the arbiter's request id) now, with `reply` ('result' or 'error'), even if it was cancelled. */
  | { t: 'do'; action: 'answer'; requestId: number; reply?: 'result' | 'error' };

/** What a probe found at start. */
export interface ProbeStart {
  t: 'start';
  pid: number;
  ppid: number;
  at: number;
  /** The process environment (all of it). */
  env: Record<string, string>;
  /** Every descriptor: target, flags (octal number), socket details. */
  fds: ProbeFd[];
  /** /proc/self/status signal masks (hex strings). */
  sigBlk: string;
  sigIgn: string;
  baseline: boolean;
  /** The probe's own arguments (after the program): a task worker gets `--capacity N NAME=MODULE ...` from corral-style arbiters. */
  argv: string[];
}

export interface ProbeFd {
  fd: number;
  target: string;
  flags: number | null;
  inode: number | null;
  /** For sockets: 'tcp-listen', 'tcp', 'unix-stream', 'unix-dgram', 'unix-seqpacket', 'other'. */
  socket: string | null;
  /** Unix socket path (empty for unnamed), or TCP address "ip:port". */
  address: string | null;
}

export type ProbeReport =
  | ProbeStart
  | { t: 'recv'; at: number; kind: string; body: unknown; size: number; channel: 'control' | 'handoff'; fds?: number; inode?: number }
  | { t: 'bad'; at: number; error: string; hex: string; channel: 'control' | 'handoff' }
  | { t: 'rule'; at: number; requirement: string; problem: string; kind: string }
  | { t: 'sent'; at: number; kind: string; body?: unknown }
  | { t: 'release'; at: number; grantId: number; listener: number; reason: number; accepted: number }
  | { t: 'accepted'; at: number; listener: number }
  | { t: 'signal'; at: number; signal: string }
  | { t: 'eof'; at: number; channel: 'control' | 'handoff' }
  | { t: 'exit'; at: number; code: number; why: string }
  | { t: 'note'; at: number; text: string }
  /** Task worker: a job's state changed at the probe (what it did with an Execute). */
  | { t: 'job'; at: number; requestId: number; event: 'start' | 'answered' | 'cancelled' | 'stalled' | 'duplicate'; tag?: string; detail?: string };

/** Monotonic milliseconds shared by every process (CLOCK_MONOTONIC). */
export function monoMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** The env var (besides the --side argument) that names the side channel; not CORRAL_*, which arbiters strip. */
export const SIDE_ENV = 'CONFORMANCE_PROBE_SIDE';
/** A variable the suite puts in the arbiter's environment; ENV-15 says it should reach the workers. */
export const MARKER_ENV = 'CONFORMANCE_MARKER';
