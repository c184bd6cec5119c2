// Fixture for herd.test.ts: one pool process watching the listener it
// inherited at fd 3. It never accepts, so a queued connection stays visible
// to every plain watcher (level-triggered), and it stops after its first
// callback, so each child counts a wakeup at most once per connection.
//   argv[2]  'plain' | 'exclusive'
//   stdout   JSON lines: {ready}, {woke}, {report}
//   stdin    'report' -> prints its counters and exits
import { createRequire } from 'node:module';

const addon = createRequire(import.meta.url)(process.env.CORRAL_NATIVE_PATH);
const exclusive = process.argv[2] === 'exclusive';
const out = (m) => process.stdout.write(JSON.stringify({ pid: process.pid, ...m }) + '\n');

const watcher = new addon.NativeWatcher(3, () => {
  watcher.stop();
  out({ woke: addon.counters().readiness });
}, exclusive);
watcher.start();
out({ ready: true });

let input = '';
process.stdin.setEncoding('utf8').on('data', (chunk) => {
  input += chunk;
  if (!input.includes('report\n')) return;
  out({ report: true, counters: addon.counters() });
  watcher.close();
  process.exit(0);
});
