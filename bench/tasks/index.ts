// `npm run bench tasks` / `corral bench tasks`: corral's task pool against
// piscina, tinypool, fork IPC and a raw Unix socket. See docs/bench-tasks.md.
import { tasks } from './main.js';

process.exitCode = await tasks(process.argv.slice(2));
