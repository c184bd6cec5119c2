// Runs `corral conformance` as a user would and returns its JSON report.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SuiteCase {
  id: string;
  verdict: string;
  message: string;
  expected?: string;
  observed?: string;
}

export interface SuiteRun {
  exit: number | null;
  cases: SuiteCase[];
  output: string;
}

/** `corral conformance <role> [args] -- <command>`; resolves with the exit status and the JSON report. */
export async function runSuite(role: 'worker' | 'arbiter', args: string[], command: string[]): Promise<SuiteRun> {
  const dir = mkdtempSync(join(tmpdir(), 'corral-conf-test-'));
  const report = join(dir, 'report.json');
  try {
    const child = spawn(process.execPath, [join(root, 'bin/corral.mjs'), 'conformance', role, '--report', `json=${report}`, ...args, '--', ...command], {
      cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exit = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let cases: SuiteCase[] = [];
    try {
      cases = (JSON.parse(readFileSync(report, 'utf8')) as { cases: SuiteCase[] }).cases;
    } catch {
      // no report: the output says why
    }
    return { exit, cases, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Cases that did not pass: `ID` for FAIL, `ID:VERDICT` for ERROR, NON_STRICT and XPASS. */
export function failures(run: SuiteRun): string[] {
  return run.cases
    .filter((c) => ['FAIL', 'ERROR', 'NON_STRICT', 'XPASS'].includes(c.verdict))
    .map((c) => (c.verdict === 'FAIL' ? c.id : `${c.id}:${c.verdict}`))
    .sort();
}

/** The failures with their messages, for assertion output. */
export function explain(run: SuiteRun): string {
  return run.cases
    .filter((c) => !['PASS', 'UNSUPPORTED', 'SKIPPED', 'INFO', 'XFAIL'].includes(c.verdict))
    .map((c) => `${c.id} ${c.verdict}: ${c.message.split('\n')[0]}${c.observed ? ` (observed: ${c.observed.slice(0, 160)})` : ''}`)
    .join('\n') || run.output.slice(-2000);
}

/** Runs `fn` over `items`, `n` at a time. */
export async function pool<T, R>(items: T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  }));
  return out;
}
