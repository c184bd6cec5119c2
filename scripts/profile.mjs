#!/usr/bin/env node
// `npm run profile`: profiles a corral pool (the compiled one, dist/, as an
// installed user runs it) under the benchmark's load with clinic (Clinic.js
// flame and doctor), and prints where the HTML reports are plus a text summary
// that needs no browser: the hottest functions, and the CPU time per connection
// of the profiled processes.
//
//   npm run profile -- [--tool flame|doctor|both|none] [--accept STRATEGY]
//                      [--workers N] [--connections N] [--concurrency K]
//                      [--target worker|arbiter|both] [--pool corral|shared-fd]
//                      [--out DIR]
//
// How clinic reaches a worker. The arbiter spawns the workers, and a worker
// must get the listening sockets at fd 3.., the control channel right after
// them (LISTEN_FDS, CORRAL_CONTROL_FD) and LISTEN_PID naming its own pid.
// `corral run -- clinic flame -- node bootstrap.js app` does not work, checked
// with clinic 13 on Node 20: clinic runs the program as its own child, so
// LISTEN_PID names the clinic process ("LISTEN_PID=… names another process"),
// and that child does not get the inherited descriptors: clinic flame (0x)
// spawns node with stdio [inherit, pipe, inherit, pipe, ignore, pipe], which
// puts its own pipes on fds 3 and 5 ("CORRAL_CONTROL_FD: fd 4 is not an open
// socket"), and clinic doctor spawns it with stdio inherit, which passes fds 0
// to 2 only ("fd 3 is not an open socket"). So the worker command (`corral
// run -- <command>`, which the arbiter starts in place, same pid, every fd
// kept) runs node with what clinic would have added:
//   flame   `--prof` into a V8 log, which after the run 0x (clinic flame's
//           collector) turns into clinic flame's samples, and
//           `clinic flame --visualize-only` into the HTML;
//   doctor  clinic doctor's own preload (injects/sampler.js) and trace
//           events, as `clinic doctor` sets them through NODE_OPTIONS, and
//           `clinic doctor --visualize-only` afterwards.
// The arbiter needs no inherited descriptors, so `clinic flame|doctor -- node
// dist/cli/main.js run …` works (checked). `--target arbiter` uses that for
// doctor; for flame it gives the arbiter --prof like a worker, because clinic
// flame's CLI has no collect delay and in a run of seconds the arbiter's
// module loading at boot outweighs the load: the samples here start after
// the warm-up.
// Every pool is stopped gracefully through its control socket
// (`corral ctl stop --graceful`), so the profiled processes exit the way they
// do in production and write their data.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const HELP = `Usage: npm run profile -- [options]

Profiles a corral pool (the compiled dist/, rebuilt first when src/ is newer)
under load from the benchmark's load generator (bench/loadgen.c: one HTTP
request per TCP connection, loopback only), with Clinic.js. Prints where the
HTML reports are, the hottest functions, and the CPU time per connection of
the profiled processes (/proc/PID/stat and /proc/PID/task/*/schedstat).

Options:
  --tool T           flame | doctor | both | none (default flame). both runs the
                     pool twice, once per tool; none measures CPU only, with no
                     profiler (the reference for the profilers' own cost)
  --target T         worker | arbiter | both (default worker): which processes
                     clinic watches
  --accept S         the accept strategy: arbiter | shared | exclusive |
                     reuseport | handoff (default arbiter)
  --workers N        worker processes (default 2)
  --connections N    measured connections (default 20000)
  --warmup N         warm-up connections before the measurement (default 2000)
  --concurrency K    connections in flight (default 16)
  --pool P           corral | shared-fd (default corral). shared-fd profiles the
                     plain Node peer of bench/peers/shared-fd.mjs instead: N
                     children that listen on an inherited fd 3, no corral code
                     (its --target is always worker)
  --app FILE         the worker app (default fixtures/apps/hello.mjs)
  --out DIR          where reports and data go (default a new directory under
                     ${os.tmpdir()})
  --port P           the port on 127.0.0.1 (default a free one)
  --max-seconds S    bound on each load generator run (default 120)
  --top N            functions listed in the summary (default 12)
  --no-html          summary only, no HTML reports (faster)
  --no-build         do not rebuild dist/ even when src/ is newer
  -h, --help         this help

Environment: NO_INSIGHT=1 is always set, so clinic never asks to upload.
Examples:
  npm run profile -- --accept shared --workers 1
  npm run profile -- --tool doctor --accept arbiter --workers 2
  npm run profile -- --target arbiter
  npm run profile -- --pool shared-fd --workers 1
`;

// ---- options ---------------------------------------------------------------

class UsageError extends Error {}

function readOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      tool: { type: 'string' }, target: { type: 'string' }, accept: { type: 'string' }, workers: { type: 'string' },
      connections: { type: 'string' }, warmup: { type: 'string' }, concurrency: { type: 'string' }, pool: { type: 'string' },
      app: { type: 'string' }, out: { type: 'string' }, port: { type: 'string' }, 'max-seconds': { type: 'string' },
      top: { type: 'string' }, 'no-html': { type: 'boolean' }, 'no-build': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  const oneOf = (name, v, allowed, dflt) => {
    const x = v ?? dflt;
    if (!allowed.includes(x)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(x)}`);
    return x;
  };
  const int = (name, v, dflt, min, max) => {
    const x = v === undefined ? dflt : Number(v);
    if (!Number.isInteger(x) || x < min || x > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
    return x;
  };
  const o = {
    tool: oneOf('tool', values.tool, ['flame', 'doctor', 'both', 'none'], 'flame'),
    target: oneOf('target', values.target, ['worker', 'arbiter', 'both'], 'worker'),
    accept: oneOf('accept', values.accept, ['arbiter', 'shared', 'exclusive', 'reuseport', 'handoff'], 'arbiter'),
    pool: oneOf('pool', values.pool, ['corral', 'shared-fd'], 'corral'),
    workers: int('workers', values.workers, 2, 1, 64),
    connections: int('connections', values.connections, 20_000, 1, 10_000_000),
    warmup: int('warmup', values.warmup, 2000, 0, 10_000_000),
    concurrency: int('concurrency', values.concurrency, 16, 1, 20_000),
    port: int('port', values.port, 0, 0, 65535),
    maxSeconds: int('max-seconds', values['max-seconds'], 120, 1, 3600),
    top: int('top', values.top, 12, 1, 200),
    app: path.resolve(values.app ?? path.join(root, 'fixtures/apps/hello.mjs')),
    out: values.out ? path.resolve(values.out) : undefined,
    html: !values['no-html'],
    build: !values['no-build'],
  };
  if (!fs.existsSync(o.app)) throw new UsageError(`--app ${o.app} does not exist`);
  if (o.pool === 'shared-fd' && o.target !== 'worker') throw new UsageError('--pool shared-fd profiles its children only: --target worker');
  if (o.pool === 'shared-fd' && values.accept !== undefined) throw new UsageError('--accept is for --pool corral');
  if (o.pool === 'shared-fd' && values.app !== undefined) throw new UsageError('--pool shared-fd serves fixtures/apps/hello.mjs (bench/peers/shared-fd.mjs)');
  return o;
}

// ---- processes: everything started here is killed on every way out ---------

/** Process groups we lead (detached children): killed whole. */
const groups = new Set();
/** Plain children (load generator, report builders). */
const children = new Set();
let stopping = false;

function track(child, detached) {
  if (detached) groups.add(child.pid);
  else children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Pids whose process group is `pgid` (field 5 of /proc/PID/stat). */
function groupMembers(pgid) {
  const out = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const f = procStatFields(Number(name));
    if (f && Number(f[2]) === pgid) out.push(Number(name));
  }
  return out;
}

function signalAll(signal) {
  for (const g of groups) {
    try {
      process.kill(-g, signal);
    } catch {
      // the group is empty
    }
  }
  for (const c of children) {
    try {
      c.kill(signal);
    } catch {
      // gone
    }
  }
}

/** SIGTERM to everything we started, then SIGKILL to what is left after `graceMs`. */
async function killEverything(graceMs = 3000) {
  signalAll('SIGTERM');
  const until = Date.now() + graceMs;
  while (Date.now() < until && ([...groups].some((g) => groupMembers(g).length > 0) || children.size > 0)) await sleep(100);
  signalAll('SIGKILL');
  for (const g of groups) if (groupMembers(g).length === 0) groups.delete(g);
}

process.on('exit', () => signalAll('SIGKILL'));
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping everything this run started`);
    killEverything(2000).finally(() => process.exit(code));
  });
}

// ---- small helpers ---------------------------------------------------------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const t0 = Date.now();
function log(line) {
  process.stdout.write(`[profile +${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${line}\n`);
}
const rel = (p) => (p.startsWith(root + path.sep) ? path.relative(root, p) : p);

/** The fields of /proc/PID/stat after the command name (state is [0], pgrp [2], utime [11], stime [12]). */
function procStatFields(pid) {
  let s;
  try {
    s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  return s.slice(s.lastIndexOf(')') + 2).split(' ');
}

const CLK_TCK = (() => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(r.stdout?.trim());
  return Number.isInteger(n) && n > 0 ? n : 100;
})();

/** CPU time of `pid` so far: utime+stime from /proc/PID/stat (ticks), and the exact ns of every thread's schedstat. */
function cpuOf(pid) {
  const f = procStatFields(pid);
  if (!f) return null;
  const statUs = ((Number(f[11]) + Number(f[12])) * 1e6) / CLK_TCK;
  let schedNs = 0;
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        schedNs += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // a thread that just ended
      }
    }
  } catch {
    return null;
  }
  return { statUs, schedUs: schedNs / 1000 };
}

/** Seconds since boot (/proc/uptime): the clock of /proc/PID/stat's starttime. */
function uptime() {
  return Number(fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
}

/** When `pid` started, in seconds since boot (/proc/PID/stat starttime is in clock ticks). */
function startedAt(pid) {
  const f = procStatFields(pid);
  return f ? Number(f[19]) / CLK_TCK : undefined;
}

function childrenOf(pid) {
  const out = [];
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const c = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (c) out.push(...c.split(/\s+/).map(Number));
    }
  } catch {
    // gone
  }
  return out;
}

function alive(pid) {
  const f = procStatFields(pid);
  return f !== null && f[0] !== 'Z';
}

async function waitFor(what, fn, timeoutMs, intervalMs = 100) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(intervalMs);
  }
}

function exited(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

async function freePort() {
  const srv = net.createServer();
  await new Promise((r, j) => srv.once('error', j).listen({ host: '127.0.0.1', port: 0 }, r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

function fileContains(file, rx) {
  try {
    return rx.exec(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// ---- build, load generator, clinic ----------------------------------------

async function ensureBuilt(o) {
  // One definition of a stale dist/, the benchmarks' (bench/common/dist.ts).
  const { tsImport } = await import('tsx/esm/api');
  const { distState } = await tsImport(path.join(root, 'bench/common/dist.ts'), import.meta.url);
  const state = distState(root);
  if (state === 'fresh') return;
  const built = state === 'stale';
  if (!o.build) {
    log(`dist/ is ${built ? 'older than src/' : 'missing or incomplete'}; --no-build given, profiling it as it is`);
    if (!built) throw new Error('dist/ is missing or incomplete: run npm run build');
    return;
  }
  log(`dist/ is ${built ? 'older than src/' : 'missing or incomplete'}: node scripts/build.mjs`);
  const child = track(spawn(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' }), false);
  const { code, signal } = await exited(child);
  if (code !== 0) throw new Error(`node scripts/build.mjs failed (${signal ?? `exit ${code}`})`);
}

async function loadgenBinary() {
  // bench/herd/loadgen.ts compiles bench/loadgen.c into node_modules/.cache/corral-bench/.
  const { tsImport } = await import('tsx/esm/api');
  const { buildLoadgen } = await tsImport(path.join(root, 'bench/herd/loadgen.ts'), import.meta.url);
  return buildLoadgen(root);
}

const CLINIC_BIN = path.join(path.dirname(require.resolve('clinic/package.json')), 'bin.js');
const doctorDir = path.dirname(require.resolve('@clinic/doctor/package.json'));
const flameDir = path.dirname(require.resolve('@clinic/flame/package.json'));
const doctorRequire = createRequire(path.join(doctorDir, 'index.js'));
const flameRequire = createRequire(path.join(flameDir, 'index.js'));
const CLINIC_ENV = { NO_INSIGHT: '1' };

/**
 * clinic doctor's sampler writes its samples on 'beforeExit', which a process
 * that ends with process.exit() (a corral worker after draining, any server
 * stopped by a signal handler) never emits. This preload makes process.exit()
 * emit it first and exit once the sampler has flushed (at most 3 s later).
 */
const DOCTOR_EXIT_SHIM = 'data:text/javascript,' + encodeURIComponent(`
const exit = process.exit.bind(process);
let ending = false;
process.exit = (code) => {
  if (ending || process.listenerCount('beforeExit') === 0) return exit(code);
  ending = true;
  if (code !== undefined) process.exitCode = code;
  setTimeout(() => exit(), 3000);
  process.emit('beforeExit', process.exitCode ?? 0);
};
process.on('SIGTERM', () => { if (process.listenerCount('SIGTERM') === 1) process.exit(); });
`);

/** node arguments that put clinic's collector into a process started by someone else. */
function injectedArgs(tool, dir) {
  if (tool === 'flame') return ['--prof', `--logfile=${dir}/%p.v8.log`, '--no-logfile-per-isolate'];
  if (tool === 'doctor') {
    return [
      '-r', path.join(doctorDir, 'injects/no-cluster.js'),
      '-r', path.join(doctorDir, 'injects/sampler.js'),
      '--trace-events-enabled', '--trace-event-categories', 'v8',
      '--trace-event-file-pattern', `${dir}/trace-\${pid}-\${rotation}.log`,
      '--import', DOCTOR_EXIT_SHIM,
    ];
  }
  return [];
}

/** What clinic doctor's CLI puts in the environment of the process it watches. */
function doctorEnv(dir) {
  return {
    NODE_CLINIC_DOCTOR_DATA_PATH: dir,
    NODE_CLINIC_DOCTOR_SAMPLE_INTERVAL: '10',
    NODE_CLINIC_DOCTOR_TIMEOUT_DELAY: '0',
    NODE_CLINIC_DOCTOR_COLLECT_LOOP_UTILIZATION: 'true',
  };
}

/** Runs the clinic CLI to the end (visualize-only); its output goes to `logFile`. */
async function clinicCli(args, logFile) {
  const fd = fs.openSync(logFile, 'a');
  const child = track(spawn(process.execPath, [CLINIC_BIN, ...args], { stdio: ['ignore', fd, fd], env: { ...process.env, ...CLINIC_ENV } }), false);
  fs.closeSync(fd);
  const { code, signal } = await exited(child);
  if (code !== 0) throw new Error(`clinic ${args.join(' ')} failed (${signal ?? `exit ${code}`}); see ${logFile}`);
}

/** A worker's V8 log (--prof), from `skipSeconds` after the process started, → a clinic flame data directory (what `clinic flame` collects), and its HTML. */
async function flameFromV8Log(v8log, pid, dir, o, logFile, skipSeconds) {
  const v8LogToTicks = flameRequire('0x/lib/v8-log-to-ticks.js');
  // Ticks from the process's boot and the warm-up are left out: 0x drops
  // those less than collectDelay ms after the first.
  const ticks = await v8LogToTicks(v8log, { pathToNodeBinary: process.execPath, collectDelay: Math.max(0, skipSeconds * 1000) });
  const getLoggingPaths = flameRequire('./collect/get-logging-paths.js');
  const paths = getLoggingPaths({ path: dir, identifier: String(pid) });
  fs.mkdirSync(paths['/'], { recursive: true });
  fs.writeFileSync(paths['/samples'], JSON.stringify(ticks));
  // Without --print-opt-source (it writes to stdout) there is no inlining information.
  fs.writeFileSync(paths['/inlinedfunctions'], '{}');
  fs.writeFileSync(paths['/systeminfo'], JSON.stringify({
    mainDirectory: root, pathSeparator: path.sep, nodeVersions: process.versions, toolVersion: flameRequire('./package.json').version,
  }, null, 2));
  // 0x's intermediate files (the V8 log itself is kept).
  fs.rmSync(`${v8log}.preprocess-ready`, { force: true });
  fs.rmSync(`${v8log}.json`, { force: true });
  if (o.html) await clinicCli(['flame', '--visualize-only', paths['/']], logFile);
  return paths['/'];
}

/** A worker's doctor samples and trace events → the directory `clinic doctor` would have made, and its HTML. */
async function doctorFromSamples(pid, dir, o, logFile) {
  const getLoggingPaths = doctorRequire('@clinic/clinic-common').getLoggingPaths('doctor');
  const paths = getLoggingPaths({ path: dir, identifier: String(pid) });
  const joinTrace = doctorRequire('@clinic/node-trace-log-join');
  await new Promise((resolve, reject) => joinTrace(`${dir}/trace-${pid}-*.log`, paths['/traceevent'], (err) => (err ? reject(err) : resolve())));
  if (o.html) await clinicCli(['doctor', '--visualize-only', paths['/']], logFile);
  return paths['/'];
}

// ---- summaries ---------------------------------------------------------------

function shortName(node) {
  let file = node.fileName ?? '';
  file = file.replace(/^file:\/\//, '');
  if (file.startsWith(root + path.sep)) file = path.relative(root, file);
  const fn = node.functionName || '(anonymous)';
  if (!file) return fn;
  return `${fn} ${file}${node.lineNumber ? `:${node.lineNumber}` : ''}`;
}

/** Self and inclusive samples per function over clinic flame's merged call tree (recursion counted once). */
async function flameStats(dataDir) {
  const analyse = flameRequire('./analysis/index.js');
  const getLoggingPaths = flameRequire('./collect/get-logging-paths.js');
  const { merged } = await analyse(getLoggingPaths({ path: dataDir }));
  const stats = new Map();
  let total = 0;
  const walk = (node, onPath) => {
    const key = shortName(node);
    let s = stats.get(key);
    if (!s) stats.set(key, (s = { name: key, category: node.category, type: node.type, self: 0, inclusive: 0 }));
    s.self += node.onStackTop.base;
    if (!onPath.has(key)) s.inclusive += node.onStack;
    onPath.add(key);
    for (const c of node.children) walk(c, onPath);
    onPath.delete(key);
  };
  for (const c of merged.children) {
    total += c.onStack;
    walk(c, new Set());
  }
  // --prof samples the main thread every millisecond whether it runs or not:
  // samples in epoll_wait are the event loop waiting, not CPU.
  const idle = [...stats.values()].filter((s) => IDLE.test(s.name)).reduce((a, s) => a + s.self, 0);
  return { total, idle, stats };
}

const IDLE = /^(epoll_pwait|epoll_wait|__epoll_wait_nocancel)\b/;

function mergeStats(list) {
  const stats = new Map();
  let total = 0;
  let idle = 0;
  for (const x of list) {
    total += x.total;
    idle += x.idle;
    for (const s of x.stats.values()) {
      const m = stats.get(s.name);
      if (m) {
        m.self += s.self;
        m.inclusive += s.inclusive;
      } else stats.set(s.name, { ...s });
    }
  }
  return { total, idle, stats };
}

// The path from a readable listener to the HTTP server's 'connection' handler:
// corral's acceptors and ConnectionTracker (src/worker/acceptors.ts, load.ts)
// and Node's own (net.Server's onconnection, for the plain peer).
const ACCEPT_PATH = [
  ['accept (acceptors.js: readiness → accept → dispatch)', /^(#?accept\w*|#?onReadable|#?drainListener|#?poll\w*|acceptFrom) dist\/worker\/acceptors\.js/],
  ['native accept (acceptOne / acceptFd / accept4)', /^(acceptOne|acceptFd|AcceptOne|AcceptFd|accept4|__libc_accept4|accept)\b/],
  ['ConnectionTracker.dispatch (load.js)', /^dispatch dist\/worker\/load\.js/],
  ['socketForServer / openSocket (load.js)', /^(socketForServer|openSocket) dist\/worker\/load\.js/],
  ['new net.Socket (node:net Socket)', /^Socket node:net:/],
  ['guessHandleType (fd probe)', /guessHandleType/],
  ["net.Server onconnection (Node's accept callback)", /^onconnection node:net:/],
  ["emit('connection') → http connectionListener", /^connectionListener node:_http_server:/],
  ['HTTP request handling (parserOnIncoming)', /^parserOnIncoming node:_http_server:/],
];

function printFlameSummary(title, agg, top, cpuUsPerConn) {
  const { total, idle, stats } = agg;
  const busy = total - idle;
  if (!busy) {
    log(`${title}: no samples`);
    return;
  }
  const pct = (n) => `${((100 * n) / busy).toFixed(1)}%`;
  const us = (n) => (cpuUsPerConn ? `${((n / busy) * cpuUsPerConn).toFixed(1)} µs` : '');
  const all = [...stats.values()];
  const row = (s, n) => `    ${pct(n).padStart(6)} ${us(n).padStart(9)}  ${s.name}  [${s.category}${s.type && s.type !== s.category ? `:${s.type}` : ''}]`;
  console.log(`\n${title}: ${total} samples, ${idle} of them idle in epoll_wait; shares below are of the ${busy} others` +
    `${cpuUsPerConn ? `, and µs = share × ${cpuUsPerConn.toFixed(1)} µs CPU per connection` : ''}`);
  console.log(`  top ${top} by self samples (on top of the stack):`);
  for (const s of all.filter((x) => !IDLE.test(x.name)).sort((a, b) => b.self - a.self).slice(0, top)) console.log(row(s, s.self));
  console.log(`  top ${top} JavaScript functions by inclusive samples (on the stack at all):`);
  for (const s of all.filter((x) => x.category === 'app' || x.category === 'core' || x.category === 'deps').sort((a, b) => b.inclusive - a.inclusive).slice(0, top)) {
    console.log(row(s, s.inclusive));
  }
  console.log('  the accept path (inclusive):');
  for (const [label, rx] of ACCEPT_PATH) {
    const matching = all.filter((s) => rx.test(s.name));
    if (!matching.length) continue;
    const inc = matching.reduce((a, s) => Math.max(a, s.inclusive), 0);
    console.log(`    ${pct(inc).padStart(6)} ${us(inc).padStart(9)}  ${label}: ${matching.map((s) => s.name).slice(0, 3).join(', ')}`);
  }
}

async function doctorSummary(dataDir, window) {
  const getLoggingPaths = doctorRequire('@clinic/clinic-common').getLoggingPaths('doctor');
  const paths = getLoggingPaths({ path: dataDir });
  const pumpify = doctorRequire('pumpify');
  const endpoint = doctorRequire('endpoint');
  const SystemInfoDecoder = doctorRequire('./format/system-info-decoder.js');
  const TraceEventDecoder = doctorRequire('./format/trace-event-decoder.js');
  const ProcessStatDecoder = doctorRequire('./format/process-stat-decoder.js');
  const Analysis = doctorRequire('./analysis/index.js');
  const read = (file, Decoder, ...a) => pumpify.obj(fs.createReadStream(file), new Decoder(...a));
  const stats = await new Promise((resolve, reject) => read(paths['/processstat'], ProcessStatDecoder).pipe(endpoint({ objectMode: true }, (e, d) => (e ? reject(e) : resolve(d)))));
  const sys = read(paths['/systeminfo'], SystemInfoDecoder);
  const analysis = await new Promise((resolve, reject) => {
    new Analysis(sys, read(paths['/traceevent'], TraceEventDecoder, sys), read(paths['/processstat'], ProcessStatDecoder))
      .on('error', reject)
      .pipe(endpoint({ objectMode: true }, (e, d) => (e ? reject(e) : resolve(d[0]))));
  });
  const inWindow = stats.filter((s) => s.timestamp >= window[0] && s.timestamp <= window[1]);
  const use = inWindow.length ? inWindow : stats;
  const mean = (f) => use.reduce((a, s) => a + f(s), 0) / use.length;
  const max = (f) => use.reduce((a, s) => Math.max(a, f(s)), 0);
  return {
    samples: use.length,
    cpuMean: mean((s) => s.cpu),
    delayMeanMs: mean((s) => s.delay),
    delayMaxMs: max((s) => s.delay),
    eluMean: mean((s) => s.loopUtilization),
    handlesMax: max((s) => s.handles),
    rssMaxMiB: max((s) => s.memory.rss) / 2 ** 20,
    heapUsedMaxMiB: max((s) => s.memory.heapUsed) / 2 ** 20,
    issueCategory: analysis.issueCategory,
    issues: analysis.issues,
  };
}

// ---- one profiled run ----------------------------------------------------------

async function runLoad(bin, port, n, o, label) {
  const args = ['--host', '127.0.0.1', '--port', String(port), '--path', '/', '--mode', 'close', '--concurrency', String(o.concurrency),
    '--connections', String(n), '--max-seconds', String(o.maxSeconds), '--timeout-ms', '10000'];
  log(`${label}: ${n} connections, ${o.concurrency} in flight (${path.basename(bin)} ${args.join(' ')})`);
  const child = track(spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] }), false);
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const backstop = setTimeout(() => child.kill('SIGKILL'), (o.maxSeconds + 15) * 1000);
  const { code, signal } = await exited(child);
  clearTimeout(backstop);
  const line = out.trim().split('\n').pop() ?? '';
  let r;
  try {
    if (code !== 0) throw new Error(signal ?? `exit ${code}`);
    r = JSON.parse(line);
  } catch (e) {
    throw new Error(`load generator failed (${e.message}): ${err.trim() || line}`);
  }
  const rate = r.wallMs > 0 ? (r.ok / r.wallMs) * 1000 : 0;
  log(`${label}: ${r.ok} ok, ${r.failed} failed, ${r.notStarted} not started in ${(r.wallMs / 1000).toFixed(1)} s (${rate.toFixed(0)} conn/s, p50 ${(r.latencyUs.p50 / 1000).toFixed(2)} ms, p99 ${(r.latencyUs.p99 / 1000).toFixed(2)} ms)`);
  return r;
}

/**
 * Starts the pool; returns { rootChild, arbiterPid, workerPids, stop }.
 * `plan` says which processes get which collector.
 */
async function startCorral(o, plan, dirs, port, logFile) {
  const dist = path.join(root, 'dist');
  const bootstrap = path.join(dist, 'worker/bootstrap.js');
  const main = path.join(dist, 'cli/main.js');
  const ctlSocket = path.join(dirs.run, 'ctl.sock');
  // clinic doctor's CLI wraps the arbiter as it would any Node server. For
  // flame the arbiter gets --prof like a worker instead: the samples can then
  // start after the warm-up (clinic flame's CLI has no collect delay, and
  // module loading at boot outweighs a short run), and the report is made by
  // `clinic flame --visualize-only` all the same.
  const viaClinic = plan.arbiter === 'doctor';
  // The worker command, run in place by the arbiter (sh -c 'LISTEN_PID=$$; exec "$0" "$@"').
  let workerCommand = [process.execPath, ...injectedArgs(plan.worker, dirs.worker), bootstrap, o.app];
  // Under clinic doctor the arbiter's environment carries doctor's preload
  // (NODE_OPTIONS) and data path, which the arbiter passes on to every worker;
  // env(1) sets the worker's own, and execs node in place (same pid, same fds).
  if (plan.worker === 'doctor' || plan.arbiter === 'doctor') {
    const own = plan.worker === 'doctor' ? Object.entries(doctorEnv(dirs.worker)).map(([k, v]) => `${k}=${v}`) : [];
    workerCommand = ['/usr/bin/env', '-u', 'NODE_OPTIONS', '-u', 'NODE_PATH', ...own, ...workerCommand];
  }
  const runArgs = ['run', '--workers', String(o.workers), '--bind', `127.0.0.1:${port}`, '--accept', o.accept, '--control-socket', ctlSocket, '--', ...workerCommand];
  const env = { ...process.env, ...CLINIC_ENV };
  delete env.NODE_OPTIONS;
  let command;
  if (!viaClinic) command = [process.execPath, ...injectedArgs(plan.arbiter, dirs.arbiter), main, ...runArgs];
  else {
    command = [process.execPath, CLINIC_BIN, 'doctor', '--open=false', '--dest', dirs.arbiter, ...(o.html ? [] : ['--collect-only']), '--',
      process.execPath, '--import', DOCTOR_EXIT_SHIM, main, ...runArgs];
  }
  log(`starting: ${command.map((a) => (a.startsWith('data:') ? '<preload>' : rel(a))).join(' ')}`);
  const fd = fs.openSync(logFile, 'a');
  const rootChild = track(spawn(command[0], command.slice(1), { cwd: dirs.run, env, stdio: ['ignore', fd, fd], detached: true }), true);
  fs.closeSync(fd);
  let early;
  rootChild.once('exit', (code, signal) => (early = `${signal ?? `exit ${code}`}`));
  const ready = await waitFor(`${o.workers} worker(s) ready (see ${logFile})`, () => {
    if (early) throw new Error(`the pool exited before it was ready (${early}); see ${logFile}`);
    return fileContains(logFile, new RegExp(`\\] ${o.workers} worker\\(s\\) ready`)) !== null;
  }, 90_000);
  void ready;
  // (Its title is 'corral arbiter', which also replaces its /proc/PID/cmdline.)
  const arbiterPid = Number(fileContains(logFile, /corral arbiter (\d+) listening/)?.[1]);
  if (viaClinic ? !childrenOf(rootChild.pid).includes(arbiterPid) : arbiterPid !== rootChild.pid) {
    throw new Error(`the arbiter's pid (${arbiterPid}) is not ${viaClinic ? 'a child of clinic' : 'the process started'}; see ${logFile}`);
  }
  const text = fs.readFileSync(logFile, 'utf8');
  const workerPids = [...text.matchAll(/worker \d+ \(pid (\d+)\) ready/g)].map((m) => Number(m[1])).filter(alive);
  if (workerPids.length !== o.workers) throw new Error(`expected ${o.workers} live workers, found ${workerPids.length} (${workerPids.join(', ')}); see ${logFile}`);
  const kids = childrenOf(arbiterPid);
  for (const p of workerPids) if (!kids.includes(p)) throw new Error(`worker pid ${p} is not a child of the arbiter ${arbiterPid}`);
  const stop = async () => {
    log('stopping the pool gracefully (corral ctl stop --graceful)');
    const r = spawnSync(process.execPath, [main, 'ctl', '--socket', ctlSocket, 'stop', '--graceful'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    if (r.status !== 0) {
      log(`corral ctl stop failed (${(r.stderr || r.stdout).trim()}); sending SIGTERM to the arbiter`);
      try {
        process.kill(arbiterPid, 'SIGTERM');
      } catch {
        // gone
      }
    }
    await waitFor('the arbiter to exit', () => !alive(arbiterPid), 60_000);
    if (viaClinic) log(`clinic doctor is writing the arbiter's ${o.html ? 'report' : 'data'}`);
    let timer;
    const { code, signal } = await Promise.race([exited(rootChild), new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${viaClinic ? 'clinic' : 'the arbiter'} did not exit within 300 s; see ${logFile}`)), 300_000);
    })]).finally(() => clearTimeout(timer));
    if (code !== 0) log(`warning: ${viaClinic ? 'clinic' : 'the arbiter'} exited with ${signal ?? `code ${code}`}; see ${logFile}`);
  };
  return { rootChild, arbiterPid, workerPids, stop };
}

/** The plain Node peer (bench/peers/shared-fd.mjs): this process is its parent, so the children can run under a collector. */
async function startSharedFd(o, plan, dirs, port, logFile) {
  const peer = path.join(root, 'bench/peers/shared-fd.mjs');
  const listener = net.createServer();
  await new Promise((r, j) => listener.once('error', j).listen({ host: '127.0.0.1', port, backlog: 511 }, r));
  const fd = listener._handle.fd;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  if (plan.worker === 'doctor') Object.assign(env, doctorEnv(dirs.worker));
  // 0x's own preload: SIGTERM/SIGINT → process.exit(), so the V8 log is complete (the peer's child has no handler).
  const softExit = plan.worker === 'flame' ? ['-r', flameRequire.resolve('0x/lib/preload/soft-exit.js')] : [];
  const out = fs.openSync(logFile, 'a');
  const procs = [];
  try {
    for (let i = 1; i <= o.workers; i++) {
      const args = [...injectedArgs(plan.worker, dirs.worker), ...softExit, peer, '--child'];
      if (i === 1) log(`starting ${o.workers} x: node ${args.map((a) => (a.startsWith('data:') ? '<preload>' : rel(a))).join(' ')} (fd 3 = a listener on 127.0.0.1:${port})`);
      const child = track(spawn(process.execPath, args, { cwd: dirs.run, env, stdio: ['ignore', out, out, fd, 'ipc'], detached: true }), true);
      procs.push(child);
    }
  } finally {
    fs.closeSync(out);
  }
  await Promise.all(procs.map((c) => new Promise((resolve, reject) => {
    c.once('message', (m) => (m === 'ready' ? resolve() : reject(new Error(`unexpected message ${m}`))));
    c.once('exit', (code, signal) => reject(new Error(`peer child exited before ready (${signal ?? code}); see ${logFile}`)));
  })));
  // Like the peer's parent: once every child has the socket, this process does not accept.
  listener.close();
  for (const c of procs) c.disconnect();
  const stop = async () => {
    log('stopping the peer (SIGTERM to its children)');
    for (const c of procs) c.kill('SIGTERM');
    await Promise.all(procs.map(exited));
  };
  return { rootChild: procs[0], arbiterPid: undefined, workerPids: procs.map((c) => c.pid), stop };
}

async function profileOnce(o, tool, bin, outDir) {
  const plan = {
    worker: o.target === 'arbiter' ? 'none' : tool,
    arbiter: o.pool === 'corral' && o.target !== 'worker' ? tool : 'none',
  };
  if (tool === 'none') plan.worker = plan.arbiter = 'none';
  const base = path.join(outDir, tool === 'none' ? 'cpu' : tool);
  const dirs = { run: base, worker: path.join(base, 'workers'), arbiter: path.join(base, 'arbiter') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  const logFile = path.join(base, 'pool.log');
  const port = o.port || (await freePort());
  log(`--- ${tool === 'none' ? 'CPU only (no profiler)' : `clinic ${tool}`}: ${o.pool === 'corral' ? `corral --accept ${o.accept}` : 'shared-fd peer'}, ${o.workers} worker(s), port ${port}, profiling: workers ${plan.worker}, arbiter ${plan.arbiter}; log ${logFile}`);

  const pool = o.pool === 'corral' ? await startCorral(o, plan, dirs, port, logFile) : await startSharedFd(o, plan, dirs, port, logFile);
  log(`ready: ${pool.arbiterPid ? `arbiter ${pool.arbiterPid}, ` : ''}worker(s) ${pool.workerPids.join(', ')}`);
  const started = new Map([...pool.workerPids, ...(pool.arbiterPid ? [pool.arbiterPid] : [])].map((p) => [p, startedAt(p)]));
  let windowUptime;
  let measured;
  let window;
  let cpu;
  try {
    if (o.warmup > 0) await runLoad(bin, port, o.warmup, o, 'warm-up');
    const pids = [...pool.workerPids, ...(pool.arbiterPid ? [pool.arbiterPid] : [])];
    const before = new Map(pids.map((p) => [p, cpuOf(p)]));
    window = [Date.now()];
    windowUptime = uptime();
    measured = await runLoad(bin, port, o.connections, o, 'measured');
    window.push(Date.now());
    const after = new Map(pids.map((p) => [p, cpuOf(p)]));
    cpu = pids.map((p) => {
      const a = before.get(p);
      const b = after.get(p);
      if (!a || !b) throw new Error(`process ${p} ended during the measured load: a worker was replaced; see ${logFile}`);
      return { pid: p, role: p === pool.arbiterPid ? 'arbiter' : 'worker', statUs: b.statUs - a.statUs, schedUs: b.schedUs - a.schedUs, answered: measured.perPid?.[String(p)] ?? null };
    });
  } finally {
    await pool.stop();
  }
  const ok = measured.ok;
  const sum = (role, k) => cpu.filter((c) => c.role === role).reduce((a, c) => a + c[k], 0);
  const result = {
    tool, plan, port, ok, failed: measured.failed, connPerSec: measured.wallMs > 0 ? (ok / measured.wallMs) * 1000 : 0,
    p50Ms: measured.latencyUs.p50 / 1000, p99Ms: measured.latencyUs.p99 / 1000,
    workerUsPerConn: { stat: sum('worker', 'statUs') / ok, sched: sum('worker', 'schedUs') / ok },
    arbiterUsPerConn: pool.arbiterPid ? { stat: sum('arbiter', 'statUs') / ok, sched: sum('arbiter', 'schedUs') / ok } : null,
    perProcess: cpu, reports: [], dirs,
  };

  // The reports.
  if (plan.worker === 'flame') {
    const statsList = [];
    for (const pid of pool.workerPids) {
      const v8log = path.join(dirs.worker, `${pid}.v8.log`);
      if (!fs.existsSync(v8log)) throw new Error(`no V8 log for worker ${pid} (${v8log})`);
      log(`worker ${pid}: V8 log → clinic flame samples${o.html ? ' and HTML' : ''}`);
      const skip = windowUptime - (started.get(pid) ?? windowUptime);
      const dataDir = await flameFromV8Log(v8log, pid, dirs.worker, o, path.join(base, 'clinic.log'), skip);
      if (o.html) result.reports.push(`${dataDir}.html`);
      statsList.push(await flameStats(dataDir));
    }
    result.flameWorkers = mergeStats(statsList);
  }
  if (plan.worker === 'doctor') {
    result.doctorWorkers = [];
    for (const pid of pool.workerPids) {
      log(`worker ${pid}: clinic doctor samples${o.html ? ' → HTML' : ''}`);
      const dataDir = await doctorFromSamples(pid, dirs.worker, o, path.join(base, 'clinic.log'));
      if (o.html) result.reports.push(`${dataDir}.html`);
      result.doctorWorkers.push({ pid, ...(await doctorSummary(dataDir, window)) });
    }
  }
  if (plan.arbiter === 'flame') {
    const pid = pool.arbiterPid;
    const v8log = path.join(dirs.arbiter, `${pid}.v8.log`);
    if (!fs.existsSync(v8log)) throw new Error(`no V8 log for the arbiter ${pid} (${v8log})`);
    log(`arbiter ${pid}: V8 log → clinic flame samples${o.html ? ' and HTML' : ''}`);
    const skip = windowUptime - (started.get(pid) ?? windowUptime);
    const dataDir = await flameFromV8Log(v8log, pid, dirs.arbiter, o, path.join(base, 'clinic.log'), skip);
    if (o.html) result.reports.push(`${dataDir}.html`);
    result.flameArbiter = await flameStats(dataDir);
  }
  if (plan.arbiter === 'doctor') {
    const dataDir = path.join(dirs.arbiter, `${pool.arbiterPid}.clinic-doctor`);
    if (!fs.existsSync(dataDir)) throw new Error(`clinic wrote no data for the arbiter (${dataDir}); see ${logFile}`);
    if (o.html) result.reports.push(`${dataDir}.html`);
    result.doctorArbiter = { pid: pool.arbiterPid, ...(await doctorSummary(dataDir, window)) };
  }
  return result;
}

function printResult(r, o) {
  const f = (x) => (x === null || x === undefined ? '-' : x.toFixed(1));
  console.log(`\n=== ${r.tool === 'none' ? 'no profiler' : `clinic ${r.tool}`}: ${o.pool === 'corral' ? `corral --accept ${o.accept}` : 'shared-fd peer'}, ${o.workers} worker(s), ${o.concurrency} in flight`);
  console.log(`measured: ${r.ok} connections (${r.failed} failed), ${r.connPerSec.toFixed(0)} conn/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms`);
  const under = (role) => (r.plan[role] !== 'none' ? ` (under ${r.plan[role]}: includes the profiler's own cost)` : '');
  console.log(`CPU per connection, workers together: ${f(r.workerUsPerConn.stat)} µs (/proc/PID/stat utime+stime, ${1000 / CLK_TCK} ms ticks), ${f(r.workerUsPerConn.sched)} µs (schedstat)${under('worker')}`);
  if (r.arbiterUsPerConn) console.log(`CPU per connection, arbiter: ${f(r.arbiterUsPerConn.stat)} µs (stat), ${f(r.arbiterUsPerConn.sched)} µs (schedstat)${under('arbiter')}`);
  for (const p of r.perProcess) console.log(`  ${p.role} ${p.pid}: ${(p.statUs / 1000).toFixed(0)} ms CPU (stat), ${(p.schedUs / 1000).toFixed(0)} ms (schedstat)${p.answered !== null ? `, answered ${p.answered}` : ''}`);
  if (r.flameWorkers) printFlameSummary(`clinic flame, workers (${r.perProcess.filter((p) => p.role === 'worker').length} merged)`, r.flameWorkers, o.top, r.workerUsPerConn.sched);
  if (r.flameArbiter) printFlameSummary('clinic flame, arbiter', r.flameArbiter, o.top, r.arbiterUsPerConn?.sched);
  for (const d of [...(r.doctorWorkers ?? []).map((x) => ['worker', x]), ...(r.doctorArbiter ? [['arbiter', r.doctorArbiter]] : [])]) {
    const [role, x] = d;
    const issues = Object.entries(x.issues).map(([k, v]) => `${k} ${typeof v === 'object' ? Object.entries(v).filter(([, w]) => w !== 'none' && w !== false).map(([m, w]) => `${m}:${w}`).join(',') || 'none' : v}`).join(', ');
    console.log(`\nclinic doctor, ${role} ${x.pid}: issue category "${x.issueCategory}" (${issues})`);
    console.log(`  during the measured load (${x.samples} samples): CPU ${(100 * x.cpuMean).toFixed(0)}% of a core, event loop utilization ${x.eluMean.toFixed(0)}%, delay mean ${x.delayMeanMs.toFixed(1)} ms / max ${x.delayMaxMs.toFixed(1)} ms, handles max ${x.handlesMax}, RSS max ${x.rssMaxMiB.toFixed(0)} MiB, heap used max ${x.heapUsedMaxMiB.toFixed(0)} MiB`);
  }
  if (r.reports.length) {
    console.log('\nHTML reports:');
    for (const h of r.reports) console.log(`  ${h}`);
  }
  console.log(`data: ${path.dirname(r.dirs.worker)}`);
}

async function main() {
  let o;
  try {
    o = readOptions(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`profile: ${err.message}\n(see npm run profile -- --help)\n`);
    process.exit(2);
  }
  if (!o) {
    process.stdout.write(HELP);
    return;
  }
  process.env.NO_INSIGHT = '1';
  const outDir = o.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'corral-profile-'));
  fs.mkdirSync(outDir, { recursive: true });
  log(`output: ${outDir}`);
  if (o.pool === 'corral') await ensureBuilt(o);
  const bin = await loadgenBinary();
  const tools = o.tool === 'both' ? ['flame', 'doctor'] : [o.tool];
  const results = [];
  for (const tool of tools) {
    const r = await profileOnce(o, tool, bin, outDir);
    results.push(r);
    printResult(r, o);
  }
  fs.writeFileSync(path.join(outDir, 'summary.json'), JSON.stringify({ options: o, node: process.version, results: results.map((r) => ({
    ...r, flameWorkers: r.flameWorkers && topOf(r.flameWorkers, 60), flameArbiter: r.flameArbiter && topOf(r.flameArbiter, 60),
  })) }, null, 2));
  log(`summary: ${path.join(outDir, 'summary.json')}`);
}

function topOf(agg, n) {
  const all = [...agg.stats.values()];
  return { total: agg.total, bySelf: all.sort((a, b) => b.self - a.self).slice(0, n), byInclusive: [...all].sort((a, b) => b.inclusive - a.inclusive).slice(0, n) };
}

main().then(
  async () => {
    await killEverything(1000);
  },
  async (err) => {
    if (stopping) return; // a signal's handler is stopping everything and exits
    process.stderr.write(`profile: ${err.stack ?? err}\n`);
    stopping = true;
    await killEverything(2000);
    process.exit(1);
  },
);
