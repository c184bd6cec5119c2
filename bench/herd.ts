// `npm run bench herd` / `corral bench herd`: every accept strategy side by
// side with node:cluster (and nginx when present). See docs/bench.md.
import { herd } from './herd/main.js';

process.exitCode = await herd(process.argv.slice(2));
