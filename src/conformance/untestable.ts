// MUST requirements of spec.md that the suite cannot check from outside the
// testee, each with the reason. requirements.test.ts fails when a MUST has no
// case and is not listed here, and when an entry here is stale (unknown to
// spec.md, or cited by a case after all).
export const UNTESTABLE: Readonly<Record<string, string>> = Object.freeze({
  'EXIT-3': 'the suite has one command, whose application loads; what makes an application fail to load (a path, a module name) is the worker\'s own, so a check needs a second, failing command from the user, which the CLI does not take',
  'ACCEPT-6': 'the arbiter\'s poll set is internal; that it does not accept meanwhile is checked (ACCEPT-5)',
  'ACCEPT-15': 'accept calls are not counted anywhere outside the process (no /proc counter; only ptrace, which an unprivileged suite may not have); a level-triggered poll reports the listener ready again at once while connections stay queued, so one accept per event and several leave the same queue and the same AcceptDone; the count per grant is checked',
  'ACCEPT-21': 'needs accept to fail inside the worker: EMFILE needs its descriptor table full, but a low RLIMIT_NOFILE set before the start fails the start-up first (a Node worker opens dozens of descriptors before Hello) and lowering it on the running worker needs prlimit(2), which Node does not expose; ENOBUFS and ENOMEM cannot be caused from outside',
  'HANDOFF-23': 'the order of writes on two different sockets (control channel, connection) cannot be observed reliably',
  'COMPAT-5': 'concerns what a sender assumes; neither testee sends unknown message types the suite could answer',
});
