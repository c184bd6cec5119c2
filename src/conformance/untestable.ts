// MUST requirements of spec.md that the suite cannot check from outside the
// testee, each with the reason. requirements.test.ts fails when a MUST has no
// case and is not listed here, and when an entry here is stale (unknown to
// spec.md, or cited by a case after all).
export const UNTESTABLE: Readonly<Record<string, string>> = Object.freeze({
  'EXIT-3': 'the worker command is opaque to the suite, which cannot make its application fail to load',
  'TASK-1': 'jobs reach an arbiter from its own callers, through an interface the protocol does not define',
  'TASK-14': 'jobs reach an arbiter from its own callers, through an interface the protocol does not define',
  'TASK-18': 'jobs reach an arbiter from its own callers, through an interface the protocol does not define',
  'TASK-20': 'jobs reach an arbiter from its own callers, through an interface the protocol does not define',
  'ENV-11': 'the probe is a socket worker; an arbiter that runs task workers refuses it (NEG-11) before anything else',
  'TASK-19': 'needs a job whose output size the suite controls; job semantics are the application\'s',
  'ACCEPT-6': 'the arbiter\'s poll set is internal; that it does not accept meanwhile is checked (ACCEPT-5)',
  'ACCEPT-15': 'how many accept calls a holder makes per readiness event is invisible outside it; the count per grant is checked',
  'ACCEPT-21': 'needs an accept failure (EMFILE, ENOBUFS ...) inside the worker, which the suite cannot cause',
  'HANDOFF-23': 'the order of writes on two different sockets (control channel, connection) cannot be observed reliably',
  'COMPAT-5': 'concerns what a sender assumes; neither testee sends unknown message types the suite could answer',
  'SEC-2': 'the suite cannot make a worker start a program; close-on-exec on the inherited descriptors is checked (SEC-3)',
});
