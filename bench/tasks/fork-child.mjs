// A child of the fork IPC peer: one request, one reply, over the
// child_process channel ('json' or 'advanced' serialization, as the parent
// chose). Request { i: id, o: op, a: argument }; reply { i, r } or { i, e }.
import { runJob } from './jobs.mjs';

process.on('message', (m) => {
  let reply;
  try {
    reply = { i: m.i, r: runJob(m.o, m.a) };
  } catch (err) {
    reply = { i: m.i, e: String(err?.message ?? err) };
  }
  process.send(reply);
});
// The parent's channel closing means the benchmark is gone (even by SIGKILL).
process.on('disconnect', () => process.exit(0));
