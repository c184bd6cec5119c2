#!/usr/bin/env node
// `npm run bench` lists the benchmarks; `npm run bench <name> [-- args]` runs one.
//
//   npm run bench codec               protobuf codec vs JSON
//   npm run bench codec -- --save     ... and write bench/results/codec-<date>.md
//   npm run bench herd                accept strategies side by side (bench herd --help)
//   npm run bench tasks               the task pool and its peers (bench tasks --help)
//   npm run bench queue               durable queues: corral vs BullMQ on one redis-server (bench queue --help)
//
// To add a benchmark, add an entry to BENCHMARKS.
//
// The benchmark runs as a child (it needs the tsx loader). Signals sent to
// this process by pid are passed on, and the child gets an IPC channel whose
// end tells it that this process is gone even after a SIGKILL, so killing
// `corral bench` never leaves a benchmark (and its pools) running.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
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
  tasks: {
    file: 'bench/tasks/index.ts',
    description: 'the task pool vs piscina, tinypool, fork IPC and a raw Unix socket: latency, throughput, payloads, crashes, RSS',
  },
  queue: {
    file: 'bench/queue/index.ts',
    description: 'durable queues, corral vs BullMQ on the same redis-server: throughput, enqueue rate, latency, Redis commands per job',
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
const child = spawn(process.execPath, ['--import', 'tsx', file, ...rest], { cwd: root, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
// The channel exists only to signal our death: it must not keep us alive.
child.channel?.unref();
const FORWARD = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];
const forward = (sig) => {
  // Ctrl-C reaches the whole foreground group, the child included; passing
  // it on again is harmless (the benchmark stops on the first one).
  try {
    child.kill(sig);
  } catch {
    // already gone
  }
};
for (const sig of FORWARD) process.on(sig, forward);
child.on('error', (err) => {
  console.error(err.message);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  for (const sig of FORWARD) process.off(sig, forward);
  // A child ended by a signal: exit as a shell would report it.
  process.exit(code ?? 128 + (signal ? constants.signals[signal] ?? 0 : 0));
});
