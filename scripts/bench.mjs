#!/usr/bin/env node
// `npm run bench` lists the benchmarks; `npm run bench <name> [-- args]` runs one.
//
//   npm run bench codec               protobuf codec vs JSON
//   npm run bench codec -- --save     ... and write bench/results/codec-<date>.md
//   npm run bench herd                accept strategies side by side (bench herd --help)
//
// To add a benchmark, add an entry to BENCHMARKS.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** name -> { file (run with tsx), description } */
const BENCHMARKS = {
  codec: {
    file: 'bench/codec.ts',
    description: 'encode/decode of each control message and a framed stream, against JSON (tinybench)',
  },
  herd: {
    file: 'bench/herd.ts',
    description: 'every accept strategy vs node:cluster (and nginx): wakeups, failed accepts, CPU, latency, fairness',
  },
};

const [name, ...rest] = process.argv.slice(2);

function list() {
  console.log('usage: npm run bench <name> [-- options]\n\nbenchmarks:');
  const width = Math.max(...Object.keys(BENCHMARKS).map((k) => k.length));
  for (const [key, b] of Object.entries(BENCHMARKS)) console.log(`  ${key.padEnd(width)}  ${b.description}`);
}

if (name === undefined || name === '--help' || name === '-h' || name === 'list') {
  list();
  process.exit(0);
}
const bench = Object.hasOwn(BENCHMARKS, name) ? BENCHMARKS[name] : undefined;
if (bench === undefined) {
  console.error(`unknown benchmark: ${name}\n`);
  list();
  process.exit(2);
}
const file = join(root, bench.file);
if (!existsSync(file)) {
  console.error(`${bench.file} is missing`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...rest], { cwd: root, stdio: 'inherit' });
if (r.error) {
  console.error(r.error.message);
  process.exit(1);
}
process.exit(r.status ?? 1);
