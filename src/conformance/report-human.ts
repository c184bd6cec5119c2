// The human report: cases grouped by spec section, a symbol per verdict, and
// for each problem the requirement text, what was expected and what was seen.
//
//   5.1 Hello
//     ✔ W-HS-001 worker/5.1/hello-first  Hello is the first frame ... (212 ms)
//     × W-HS-005 worker/5.3/version-mismatch-exits  ...
//         -> [NEG-2] An arbiter and a worker with no common major MUST ...
//         expected: exit code 3
//         observed: exit code 1
//
//   CONFORMANCE worker v1.0 FAILED: 30 pass, 1 fail, ...
import type { CaseResult, RunSummary, TranscriptEntry, Verdict } from './types.js';
import { caseName } from './types.js';
import { loadSpec } from './requirements.js';
import { breaksRun } from './runner.js';

export const SYMBOL: Record<Verdict, string> = {
  PASS: '✔', NON_STRICT: '~', FAIL: '×', INFO: 'i', UNSUPPORTED: '-', SKIPPED: 's', ERROR: '!', XFAIL: 'x', XPASS: '‼',
};

const COLOR: Partial<Record<Verdict, string>> = {
  PASS: '32', NON_STRICT: '33', FAIL: '31', ERROR: '31', XPASS: '31', XFAIL: '36', INFO: '36', UNSUPPORTED: '90', SKIPPED: '90',
};

export interface HumanOptions {
  color: boolean;
  /** Print the decoded transcript of every case, not only of problems. */
  trace: boolean;
}

function paint(on: boolean, code: string | undefined, s: string): string {
  return on && code ? `\x1b[${code}m${s}\x1b[0m` : s;
}

export function formatTranscript(entries: readonly TranscriptEntry[], indent: string, max = 60): string {
  const lines: string[] = [];
  const shown = entries.length > max ? [...entries.slice(0, 10), undefined, ...entries.slice(-(max - 10))] : entries;
  for (const e of shown) {
    if (e === undefined) {
      lines.push(`${indent}  … ${entries.length - max} lines …`);
      continue;
    }
    const arrow = e.dir === 'out' ? '->' : e.dir === 'in' ? '<-' : '  ';
    let detail = e.detail === undefined ? '' : ' ' + (typeof e.detail === 'string' ? e.detail : JSON.stringify(e.detail));
    if (detail.length > 200) detail = detail.slice(0, 200) + '…';
    const hex = e.hex && e.detail === undefined ? ` [${e.hex}]` : '';
    lines.push(`${indent}${e.tMs.toFixed(1).padStart(8)} ms ${arrow} ${e.channel}: ${e.what}${detail}${hex}`);
  }
  return lines.join('\n');
}

function problem(r: CaseResult, strict: boolean): boolean {
  return breaksRun(r.verdict, strict) || r.verdict === 'NON_STRICT' || r.verdict === 'XFAIL' || r.verdict === 'INFO';
}

function caseBlock(r: CaseResult, o: HumanOptions, strict: boolean): string {
  const spec = loadSpec();
  const head = `  ${paint(o.color, COLOR[r.verdict], SYMBOL[r.verdict])} ${r.info.id} ${caseName(r.info)}  ${r.info.title} (${r.durationMs} ms)`;
  const out = [head];
  const ind = '      ';
  if (r.verdict === 'UNSUPPORTED' || r.verdict === 'SKIPPED') {
    if (r.message) out.push(`${ind}${r.message}`);
    return out.join('\n');
  }
  if (r.verdict === 'XPASS') out.push(`${ind}listed as known-failing, but passed: remove it from the list`);
  if (!problem(r, strict) && !o.trace) return out.join('\n');
  if (r.verdict !== 'PASS' && r.verdict !== 'XPASS') {
    if (r.message) out.push(`${ind}${r.verdict === 'ERROR' ? 'error' : 'why'}: ${r.message.split('\n').join('\n' + ind + '  ')}`);
    for (const id of r.failedRequirements ?? r.info.requirements) {
      const req = spec.requirements.get(id);
      out.push(`${ind}-> [${id}]${req ? ` ${req.text}` : ''}`);
    }
    if (r.expected) out.push(`${ind}expected: ${r.expected}`);
    if (r.observed) out.push(`${ind}observed: ${r.observed}`);
    if (r.teardown) out.push(`${ind}teardown: ${r.teardown}`);
  }
  if (r.transcript.length > 0 && (o.trace || r.verdict === 'FAIL' || r.verdict === 'ERROR' || r.verdict === 'NON_STRICT')) {
    out.push(`${ind}transcript:`);
    out.push(formatTranscript(r.transcript, ind, o.trace ? 400 : 40));
  }
  if (r.stderr && (o.trace || r.verdict === 'FAIL' || r.verdict === 'ERROR')) {
    const tail = r.stderr.trimEnd().split('\n').slice(-8);
    out.push(`${ind}testee stderr (last ${tail.length} lines):`);
    for (const l of tail) out.push(`${ind}  | ${l}`);
  }
  return out.join('\n');
}

export function summaryLine(s: RunSummary): string {
  const c = s.counts;
  const parts = [
    `${c.PASS} pass`, `${c.NON_STRICT} non-strict`, `${c.INFO} info`, `${c.UNSUPPORTED} unsupported`,
    `${c.SKIPPED} skipped`, `${c.FAIL} fail`, `${c.ERROR} error`,
  ];
  if (c.XFAIL || c.XPASS) parts.push(`${c.XFAIL} expected failures`, `${c.XPASS} unexpected passes`);
  return `CONFORMANCE ${s.role} v${s.specVersion} ${s.passed ? 'PASSED' : 'FAILED'}: ${parts.join(', ')}`;
}

export function renderHuman(s: RunSummary, o: HumanOptions): string {
  const spec = loadSpec();
  const out: string[] = [];
  out.push(`corral conformance ${s.role}: ${s.command.join(' ')}`);
  const t = s.testee;
  if (Object.keys(t).length > 0) out.push(`testee: ${Object.entries(t).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`).join('  ')}`);
  if (!spec.available) out.push('note: spec.md not found; requirement texts are not shown');
  const sections = new Map<string, CaseResult[]>();
  for (const r of s.results) {
    const list = sections.get(r.info.section) ?? [];
    list.push(r);
    sections.set(r.info.section, list);
  }
  for (const [section, results] of sections) {
    const title = spec.sections.get(section) ?? '';
    out.push('', `${section}${title ? ' ' + title : ''}`);
    for (const r of results) out.push(caseBlock(r, o, s.strict));
  }
  out.push('');
  if (s.note) out.push(s.note, '');
  out.push(paint(o.color, s.passed ? COLOR.PASS : COLOR.FAIL, summaryLine(s)));
  return out.join('\n') + '\n';
}
