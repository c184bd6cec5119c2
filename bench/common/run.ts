// What a bench run shares with the others: the commit and package versions
// it measured, the run header, progress and time formatting, the machine's
// load, and writing the report (JSON, SVG, markdown) where the options say.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine } from './proc.js';

/** The repository's root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The commit measured, with `-dirty` when the working tree differs from it. */
export function gitDescribe(): string | null {
  const r = spawnSync('git', ['describe', '--always', '--dirty', '--abbrev=12'], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The installed version of a package, or 'missing'. */
export function packageVersion(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'missing';
  }
}

/** Indented JSON, numbers to 4 significant digits (more than these measurements carry), arrays of plain values on one line. */
export function stringifyReport(report: unknown): string {
  const round = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v);
  return JSON.stringify(report, round, 2).replace(/\[\s+([^\[\]{}]*?)\s+\]/g, (_m, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`) + '\n';
}

/** What every run's header holds: where, when, what, and the machine's load. */
export interface RunHeader {
  node: string;
  machine: { cpus: number; model: string; kernel: string };
  date: string;
  commit: string | null;
  mode: 'quick' | 'full';
  repeats: number;
  /** 1-minute load average when the run started and ended: other work on the machine shows here. */
  loadavg: { start: number; end: number | null };
}

export function runHeader(quick: boolean, repeats: number): RunHeader {
  return { node: process.version, machine: machine(), date: new Date().toISOString(), commit: gitDescribe(), mode: quick ? 'quick' : 'full', repeats, loadavg: { start: loadavg()[0]!, end: null } };
}

/** The header line, with `what` (versions of what was measured) after the node version. */
export function headerLine(h: RunHeader, what: string): string {
  return `machine: ${h.machine.cpus} cpus, ${h.machine.model}, Linux ${h.machine.kernel}; node ${h.node}; ${what}; ${h.date}; ${h.mode} mode, ${h.repeats} repeat(s), medians with min–max; load average ${h.loadavg ? `${h.loadavg.start.toFixed(1)}${h.loadavg.end !== null ? ` → ${h.loadavg.end.toFixed(1)}` : ''}` : '?'}${h.commit ? `; commit ${h.commit}` : ''}`;
}

/** Records the load average at the end; a notice when the larger of start and end exceeds `share` × the cpus. */
export function loadNotice(h: RunHeader, share: number, alike: string): string | undefined {
  h.loadavg.end = loadavg()[0]!;
  const busy = Math.max(h.loadavg.start, h.loadavg.end);
  if (busy <= h.machine.cpus * share) return undefined;
  return `the load average was ${h.loadavg.start.toFixed(1)} at the start and ${h.loadavg.end.toFixed(1)} at the end on ${h.machine.cpus} cpus: other work shared the machine, and every figure carries that noise (${alike}, interleaved)`;
}

/** 45s, 4m05s. */
export function clock(s: number): string {
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export function eta(elapsedMs: number, done: number, total: number): string {
  if (done >= total) return 'done';
  if (done === 0) return 'ETA ?';
  return `ETA ${clock(Math.round(((total - done) * elapsedMs) / done / 1000))}`;
}

/** `[ 3/12 ETA 1m05s]`: the head of a progress line. */
export function progressHead(done: number, total: number, startedMs: number): string {
  return `[${String(done).padStart(String(total).length)}/${total} ${eta(Date.now() - startedMs, done, total)}]`;
}

/** A stamp for directory names, from an ISO date: 2026-12-07-10-31-05. */
export function fileStamp(isoDate: string): string {
  return isoDate.slice(0, 19).replace(/[:T]/g, '-');
}

export interface OutputPaths {
  json: string | undefined;
  plot: string | undefined;
  markdown: string | undefined;
  out: string | undefined;
}

/** With none of --json/--plot/--markdown, all three go to --out DIR, or to a new temporary directory. */
export function defaultOutputs(opts: OutputPaths, name: string, stamp: string): void {
  if (!opts.out && (opts.json || opts.plot || opts.markdown)) return;
  const dir = opts.out ? resolve(opts.out) : mkdtempSync(join(tmpdir(), `corral-bench-${name}-${stamp}-`));
  mkdirSync(dir, { recursive: true });
  opts.json ??= join(dir, `${name}.json`);
  opts.plot ??= join(dir, `${name}.svg`);
  opts.markdown ??= join(dir, `${name}.md`);
}

/** Writes a file, making its directory first. */
export function writeOutput(path: string, text: string): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, text);
}

/** `wrote: JSON …, plot …, markdown …`, or nothing. */
export function wroteLine(opts: OutputPaths): string | undefined {
  const wrote = [opts.json && `JSON ${opts.json}`, opts.plot && `plot ${opts.plot}`, opts.markdown && `markdown ${opts.markdown}`].filter(Boolean);
  return wrote.length ? `\nwrote: ${wrote.join(', ')}` : undefined;
}

/** The markdown's closing: the legend and the notices, as lists. */
export function markdownLegend(legend: string[], notices: string[]): string {
  let md = `\n${legend.map((l) => `- ${l}`).join('\n')}\n`;
  if (notices.length) md += `\n${notices.map((n) => `- notice: ${n}`).join('\n')}\n`;
  return md;
}

/** The markdown's list of failed runs, if any. */
export function markdownFailures(lines: string[]): string {
  return lines.length ? `\n## Failed runs\n\n${lines.map((l) => `- ${l}`).join('\n')}\n` : '';
}

/**
 * `--from FILE`: reads a saved JSON report, checks it is one of this bench's
 * (`looksRight`), renders it again (`render`: recompute what is derived,
 * print, write --plot/--markdown) and writes it to --json if given.
 */
export function rerender<R>(bench: string, opts: { from?: string | undefined; json?: string | undefined }, looksRight: (report: R) => boolean, render: (report: R) => void): number {
  let report: R;
  try {
    report = JSON.parse(readFileSync(opts.from!, 'utf8')) as R;
  } catch (err) {
    process.stderr.write(`bench ${bench}: cannot read ${opts.from}: ${(err as Error).message}\n`);
    return 1;
  }
  if (!looksRight(report)) {
    process.stderr.write(`bench ${bench}: ${opts.from} is not a bench ${bench} JSON report\n`);
    return 1;
  }
  render(report);
  if (opts.json) writeFileSync(opts.json, stringifyReport(report));
  return 0;
}
