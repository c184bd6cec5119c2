// A plain Node process outside the pool that calls task workers as a client
// of the arbiter's task socket (connect(address) from corral/tasks). The
// bench driver forks it with an IPC channel: 'connect' with the address, then
// LoopCommands; each is answered with its LoopResult. It exits when the
// channel closes.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corralCaller, type ExecuteFn } from './corral-calls.js';
import { runLoop, type LoopCommand } from './loops.js';

interface Client {
  execute: ExecuteFn;
  close(): void | Promise<void>;
}

// corral/tasks, wherever the source tree has it.
const CANDIDATES = ['../../src/tasks/index.ts', '../../src/tasks/client.ts', '../../src/index.ts'];

async function connectFn(): Promise<(address: string) => Promise<Client>> {
  for (const rel of CANDIDATES) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (!existsSync(path)) continue;
    const mod = (await import(pathToFileURL(path).href)) as { connect?: (address: string) => Promise<Client> };
    if (typeof mod.connect === 'function') return mod.connect;
  }
  throw new Error(`no connect() in ${CANDIDATES.join(', ')}`);
}

let client: Client | undefined;
const app = process.env.CORRAL_BENCH_TASKS_APP ?? 'bench';

process.on('message', (m: { type: 'connect'; address: string } | { type: 'run'; cmd: LoopCommand }) => {
  void (async () => {
    try {
      if (m.type === 'connect') {
        client = await (await connectFn())(m.address);
        process.send!({ type: 'connected', pid: process.pid });
        return;
      }
      if (!client) throw new Error('not connected');
      const c = client;
      const execute: ExecuteFn = (a, action, payload, options) => c.execute.call(c, a, action, payload, options);
      const result = await runLoop(corralCaller(execute, m.cmd.app ?? app, m.cmd.job), m.cmd);
      process.send!({ type: 'result', result });
    } catch (err) {
      process.send!({ type: 'error', message: String((err as Error)?.stack ?? err) });
    }
  })();
});
process.on('disconnect', () => {
  void Promise.resolve(client?.close()).finally(() => process.exit(0));
});
