// `corral conformance worker|arbiter|list|explain`: the conformance suite.
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { corral } from '../protocol/codec.js';
import { EXIT } from '../transport/process-state.js';
import { caseName, type CaseInfo, type CaseResult, type Role, type RunSummary } from '../conformance/types.js';
import { selectCases, matches } from '../conformance/pattern.js';
import { KnownFailingError, parseKnownFailing, unmatchedEntries, type KnownFailingEntry } from '../conformance/known-failing.js';
import { countVerdicts, defaultJobs, exitCodeOf, notRun, breaksRun, DEFAULT_BOOT_TIMEOUT_MS } from '../conformance/runner.js';
import { loadSpec } from '../conformance/requirements.js';
import { renderHuman, summaryLine, SYMBOL, formatTranscript } from '../conformance/report-human.js';
import { renderJson, renderJunit } from '../conformance/report-files.js';
import type { Timing } from '../conformance/worker-harness.js';

export const CONFORMANCE_HELP = `Usage:
  corral conformance worker  [options] -- <command> [args…]   test a worker: the suite plays the arbiter
  corral conformance arbiter [options] -- <command> [args…]   test an arbiter: the suite plays its workers
  corral conformance list [--role worker|arbiter] [pattern]   list cases and the requirements they check
  corral conformance explain <ID|name>                          a case's procedure, requirements and expectations

In the arbiter command, {probe} is replaced by the suite's probe worker command
and {bind} by a free loopback address (127.0.0.1:PORT); the arbiter must pass
its environment to its workers. Example:
  corral conformance arbiter -- corral run --workers 3 --bind {bind} --timeout 2 -- {probe}
For the task cases, {tasks-address-file} is replaced by a fresh path where the
arbiter writes its task socket's address, and the arbiter runs {probe} as its
task worker program too:
  corral conformance arbiter --run 'A-T?-*' -- corral run --workers 1 --bind {bind}
    --tasks alpha=a.mjs --task-command={probe} --tasks-address-file {tasks-address-file} -- {probe}
For the control socket cases (A-CTL-*), {control-socket} is replaced by a fresh
path (in a new directory of mode 0700) where the arbiter opens its control socket;
without it they are UNSUPPORTED:
  corral conformance arbiter --run 'A-CTL-*' -- corral run --workers 3 --bind {bind}
    --control-socket {control-socket} -- {probe}

Options:
  --run PATTERN           run only matching cases (repeatable); PATTERN is a case id
                          (W-HS-001) or name (worker/5.1/hello-first), where * matches
                          within one /-component and ** any number of components
  --skip PATTERN          do not run matching cases (repeatable)
  --known-failing FILE    cases expected to fail (one id or pattern per line, # comments);
                          they are XFAIL, and a listed case that passes (XPASS) fails the run
  --strict                SHOULD failures (NON_STRICT) fail the run too
  --timeout-ms N          longest wait for a reaction the spec requires (default 2000)
  --boot-timeout-ms N     longest wait for the testee's first frame after start (default 60000);
                          it only bounds a hang. Every wait is in time the suite and the
                          testee could run: it does not run out while either waits for a CPU
  --jobs N                cases run in parallel (default: twice the CPU count, 2 to 6)
  --trace                 print the decoded wire transcript of every case
  --report SPEC           human | human=FILE | json=FILE | junit=FILE (repeatable; default human)
  --color / --no-color    colour the human report (default: when stdout is a terminal)
  --graceful-timeout-ms N the graceful timeout the arbiter under test is configured with
                          (arbiter role; default 30000; cases that must wait it out run when <= 15000)
  --task NAME             task workers: a job that completes quickly (worker role)
  --task-slow NAME        task workers: a job that runs for a second or more
  --task-fail NAME        task workers: a job that fails
  --task-stream NAME      task workers: a job that streams chunks (tasks.stream)
  --task-echo NAME        task workers: a job whose result is its payload (checks the frame limit)
  --task-meta NAME        task workers: a job whose result is its Execute.meta as a JSON object (1.3)

Exit codes: 0 conformant, 1 a case failed (FAIL, ERROR, XPASS; NON_STRICT with --strict),
2 usage error, 3 the testee never completed the handshake.
`;

class UsageError extends Error {}

const OPTIONS = {
  run: { type: 'string', multiple: true },
  skip: { type: 'string', multiple: true },
  'known-failing': { type: 'string' },
  strict: { type: 'boolean' },
  'timeout-ms': { type: 'string' },
  'boot-timeout-ms': { type: 'string' },
  jobs: { type: 'string' },
  trace: { type: 'boolean' },
  report: { type: 'string', multiple: true },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  role: { type: 'string' },
  task: { type: 'string' },
  'task-slow': { type: 'string' },
  'task-fail': { type: 'string' },
  'task-stream': { type: 'string' },
  'task-echo': { type: 'string' },
  'task-meta': { type: 'string' },
  'graceful-timeout-ms': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Parsed {
  values: { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };
  positionals: string[];
  command: string[];
}

function parse(args: string[]): Parsed {
  const dash = args.indexOf('--');
  const own = dash >= 0 ? args.slice(0, dash) : args;
  const command = dash >= 0 ? args.slice(dash + 1) : [];
  try {
    const { values, positionals } = parseArgs({ args: own, options: OPTIONS, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals, command };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function positiveInt(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return n;
}

/** Patterns may come from a file: `@path` holds one per line. */
function expandPatterns(list: string[] | undefined): string[] {
  const out: string[] = [];
  for (const p of list ?? []) {
    if (p.startsWith('@')) {
      try {
        out.push(...parseKnownFailing(readFileSync(p.slice(1), 'utf8')).map((e) => e.pattern));
      } catch (err) {
        throw new UsageError(`cannot read ${p.slice(1)}: ${(err as Error).message}`);
      }
    } else out.push(p);
  }
  return out;
}

interface ReportTarget {
  kind: 'human' | 'json' | 'junit';
  file: string | undefined;
}

function reportTargets(list: string[] | undefined): ReportTarget[] {
  if (!list || list.length === 0) return [{ kind: 'human', file: undefined }];
  return list.map((spec) => {
    const eq = spec.indexOf('=');
    const kind = (eq < 0 ? spec : spec.slice(0, eq)) as ReportTarget['kind'];
    const file = eq < 0 ? undefined : spec.slice(eq + 1);
    if (kind !== 'human' && kind !== 'json' && kind !== 'junit') throw new UsageError(`--report must be human, json=FILE or junit=FILE, got ${JSON.stringify(spec)}`);
    if (kind === 'junit' && !file) throw new UsageError('--report junit needs a file: junit=FILE');
    if (file === '') throw new UsageError(`--report ${kind}= needs a file name`);
    return { kind, file };
  });
}

async function casesFor(role: Role): Promise<CaseInfo[]> {
  if (role === 'worker') return (await import('../conformance/registry.js')).workerCases;
  return (await import('../conformance/arbiter-registry.js')).arbiterCases;
}

async function everyCase(): Promise<CaseInfo[]> {
  return [...(await casesFor('worker')), ...(await casesFor('arbiter'))];
}

// ---- list / explain -------------------------------------------------------------

async function list(args: string[]): Promise<number> {
  const p = parse(args);
  const role = p.values.role;
  if (role !== undefined && role !== 'worker' && role !== 'arbiter') throw new UsageError('--role must be worker or arbiter');
  const cases = (role ? await casesFor(role) : await everyCase()).filter((c) => p.positionals.length === 0 || p.positionals.some((pat) => matches(pat, c)));
  if (p.values.json) {
    process.stdout.write(JSON.stringify(cases.map((c) => ({ id: c.id, name: caseName(c), level: c.level, requirements: c.requirements, title: c.title, feature: c.feature })), null, 2) + '\n');
    return EXIT.ok;
  }
  const width = Math.max(0, ...cases.map((c) => caseName(c).length));
  for (const c of cases) {
    process.stdout.write(`${c.id.padEnd(9)} ${caseName(c).padEnd(width)}  ${c.level.padEnd(6)} ${c.requirements.join(',')}${c.feature ? `  (needs ${c.feature})` : ''}\n`);
  }
  process.stdout.write(`${cases.length} cases\n`);
  return EXIT.ok;
}

async function explain(args: string[]): Promise<number> {
  const p = parse(args);
  const key = p.positionals[0];
  if (!key) throw new UsageError('explain needs a case id or name');
  const all = await everyCase();
  const c = all.find((x) => x.id.toLowerCase() === key.toLowerCase() || caseName(x) === key) ?? all.filter((x) => matches(key, x))[0];
  if (!c) {
    process.stderr.write(`corral conformance: no case ${JSON.stringify(key)}; see \`corral conformance list\`\n`);
    return EXIT.usage;
  }
  const spec = loadSpec();
  const out = [
    `${c.id}  ${caseName(c)}`,
    `${c.title}`,
    `level: ${c.level}${c.feature ? `   needs feature: ${c.feature} (UNSUPPORTED when the testee does not declare it)` : ''}`,
    '',
    'Requirements:',
    ...c.requirements.map((id) => {
      const r = spec.requirements.get(id);
      return r ? `  [${id}] (${r.level}, section ${r.section}) ${r.text}` : `  [${id}]${spec.available ? ' (not found in spec.md)' : ''}`;
    }),
    '',
    'Procedure:',
    ...c.procedure.map((s, i) => `  ${i + 1}. ${s}`),
    '',
    'Expectations:',
    ...c.expectations.map((s) => `  - ${s}`),
  ];
  process.stdout.write(out.join('\n') + '\n');
  return EXIT.ok;
}

// ---- running ------------------------------------------------------------------

function testeeOfHello(h: corral.v1.Hello | undefined): Record<string, unknown> {
  if (!h) return {};
  return {
    implementation: h.implementation || '(none)',
    versions: h.versions.map((v) => `${v.major}.${v.minor}`),
    kind: corral.v1.WorkerKind[h.kind] ?? h.kind,
    features: h.features,
    capacity: h.capacity,
    maxFrameBytes: h.maxFrameBytes,
  };
}

async function runRole(role: Role, args: string[]): Promise<number> {
  const p = parse(args);
  if (p.values.help) {
    process.stdout.write(CONFORMANCE_HELP);
    return EXIT.ok;
  }
  const command = p.command.length > 0 ? p.command : p.positionals;
  if (command.length === 0) throw new UsageError(`conformance ${role} needs the command to test: corral conformance ${role} [options] -- <command> [args…]`);
  if (p.command.length > 0 && p.positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(p.positionals[0])} before --`);
  const timeoutMs = positiveInt(p.values['timeout-ms'], 'timeout-ms', 2000);
  const timing: Timing = {
    timeoutMs,
    bootTimeoutMs: positiveInt(p.values['boot-timeout-ms'], 'boot-timeout-ms', Math.max(DEFAULT_BOOT_TIMEOUT_MS, timeoutMs)),
    quietMs: Math.min(400, Math.max(100, Math.round(timeoutMs / 7))),
  };
  const jobs = positiveInt(p.values.jobs, 'jobs', defaultJobs());
  const targets = reportTargets(p.values.report);
  const strict = p.values.strict ?? false;
  const trace = p.values.trace ?? false;
  const color = p.values['no-color'] ? false : p.values.color ?? (process.stdout.isTTY === true && !process.env['NO_COLOR']);

  const all = await casesFor(role);
  let knownFailing: KnownFailingEntry[] = [];
  const kf = p.values['known-failing'];
  if (kf !== undefined) {
    let text: string;
    try {
      text = readFileSync(kf, 'utf8');
    } catch (err) {
      throw new UsageError(`--known-failing: cannot read ${kf}: ${(err as Error).message}`);
    }
    try {
      knownFailing = parseKnownFailing(text);
    } catch (err) {
      if (err instanceof KnownFailingError) throw new UsageError(`--known-failing ${kf}: ${err.message}`);
      throw err;
    }
    const stale = unmatchedEntries(knownFailing, all);
    if (stale.length > 0) throw new UsageError(`--known-failing ${kf}: ${stale.map((e) => `line ${e.line} "${e.pattern}"`).join(', ')} match no ${role} case`);
  }
  const { selected, skipped } = selectCases(all, expandPatterns(p.values.run), expandPatterns(p.values.skip));
  const skippedResults: CaseResult[] = skipped.map(({ c, pattern }) => notRun(c, 'SKIPPED', pattern));

  const progress = process.stderr.isTTY === true;
  let done = 0;
  const onResult = (r: CaseResult) => {
    done++;
    if (progress) process.stderr.write(`\r\x1b[K[${done}/${selected.length}] ${SYMBOL[r.verdict]} ${r.info.id} ${r.verdict}`);
  };
  const started = new Date();
  const t0 = performance.now();
  const runnerOpts = { knownFailing, jobs, caseLimitMs: timing.bootTimeoutMs + timing.timeoutMs * 8 + 10_000, onResult };

  let results: CaseResult[];
  let handshakeFailed: boolean;
  let testee: Record<string, unknown>;
  let note: string | undefined;
  if (role === 'worker') {
    const { runWorkerSuite } = await import('../conformance/worker-suite.js');
    const jobs = {
      ...(p.values.task ? { quick: p.values.task } : {}),
      ...(p.values['task-slow'] ? { slow: p.values['task-slow'] } : {}),
      ...(p.values['task-fail'] ? { fail: p.values['task-fail'] } : {}),
      ...(p.values['task-stream'] ? { stream: p.values['task-stream'] } : {}),
      ...(p.values['task-echo'] ? { echo: p.values['task-echo'] } : {}),
      ...(p.values['task-meta'] ? { meta: p.values['task-meta'] } : {}),
    };
    const run = await runWorkerSuite(command, timing, selected as never, skippedResults, runnerOpts, jobs);
    results = run.results;
    handshakeFailed = run.handshakeFailed;
    testee = testeeOfHello(run.discovery.hello);
    if (run.handshakeFailed) {
      const f = run.discovery.failure;
      note = `The worker never completed a handshake: ${f?.message ?? 'unknown'}` +
        (f && 'observed' in f ? ` (observed: ${(f as { observed: string }).observed})` : '') +
        `\n${formatTranscript(run.discovery.transcript.entries, '  ')}` +
        (run.discovery.stderr ? `\n  worker stderr:\n${run.discovery.stderr.trimEnd().split('\n').slice(-10).map((l) => '  | ' + l).join('\n')}` : '');
    }
  } else {
    const { runArbiterSuite } = await import('../conformance/arbiter-suite.js');
    const graceful = positiveInt(p.values['graceful-timeout-ms'], 'graceful-timeout-ms', 30_000);
    const run = await runArbiterSuite(command, timing, selected as never, skippedResults, runnerOpts, graceful);
    results = run.results;
    handshakeFailed = run.handshakeFailed;
    testee = run.testee;
    if (run.note) note = run.note;
  }
  if (progress) process.stderr.write('\r\x1b[K');

  const summary: RunSummary = {
    role,
    specVersion: loadSpec().version,
    command,
    testee,
    strict,
    startedAt: started.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    results,
    counts: countVerdicts(results),
    passed: false,
    exitCode: 0,
  };
  if (note !== undefined) summary.note = note;
  summary.exitCode = exitCodeOf(summary, handshakeFailed);
  summary.passed = summary.exitCode === 0;

  let humanOnStdout = false;
  for (const t of targets) {
    const text = t.kind === 'human' ? renderHuman(summary, { color: t.file ? false : color, trace }) : t.kind === 'json' ? renderJson(summary) : renderJunit(summary);
    if (t.file) writeFileSync(t.file, text);
    else {
      process.stdout.write(text);
      if (t.kind === 'human') humanOnStdout = true;
    }
  }
  if (!humanOnStdout) {
    const bad = results.filter((r) => breaksRun(r.verdict, strict)).map((r) => `${r.info.id} ${r.verdict}`);
    process.stderr.write(`${bad.length ? bad.join(', ') + '\n' : ''}${summaryLine(summary)}\n`);
  }
  return summary.exitCode;
}

export async function conformance(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    switch (sub) {
      case 'worker':
      case 'arbiter':
        return await runRole(sub, rest);
      case 'list':
        return await list(rest);
      case 'explain':
        return await explain(rest);
      case undefined:
        process.stderr.write(CONFORMANCE_HELP);
        return EXIT.usage;
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(CONFORMANCE_HELP);
        return EXIT.ok;
      default:
        throw new UsageError(`unknown subcommand ${JSON.stringify(sub)}: use worker, arbiter, list or explain`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`corral conformance: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}
