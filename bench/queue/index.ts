// `npm run bench queue` / `corral bench queue`: corral's durable queues
// against BullMQ on the same redis-server. See docs/bench-queue.md.
import { queue } from './main.js';

process.exitCode = await queue(process.argv.slice(2));
