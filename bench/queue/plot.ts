// The SVG of a bench queue report: throughput per worker count, the enqueue
// rate, latency percentiles (bars, and the distribution as percentile
// curves), and the Redis commands per job. Bars show the median over the
// repeats with a min–max whisker.
import { HIST_EDGES_US } from '../tasks/loops.js';
import type { Fig, Result } from './aggregate.js';
import { throughputKeys } from './report.js';
import type { SystemName } from './options.js';

const COLOR: Record<SystemName, string> = { corral: '#d62728', bullmq: '#1f77b4' };
const LIGHT: Record<SystemName, string> = { corral: '#f4a6a6', bullmq: '#a9c8e6' };
const NAME: Record<SystemName, string> = { corral: 'corral', bullmq: 'BullMQ' };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const PW = 520;
const PH = 320;

interface Row {
  label: string;
  system: SystemName;
  fig: Fig | null;
  /** A lighter bar behind, e.g. every call where the main bar counts the calls sent. */
  under?: Fig | null;
  text?: string;
}

function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const e = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * e >= v) return m * e;
  return 10 * e;
}

function bars(title: string, unit: string, rows: Row[], ox: number, oy: number, lowerIsBetter: boolean): string {
  const left = 150;
  const right = 70;
  const top = 44;
  const rowH = Math.min(26, (PH - top - 30) / Math.max(1, rows.length));
  const w = PW - left - right;
  let out = `<g transform="translate(${ox},${oy})"><text x="10" y="20" class="title">${esc(title)}</text><text x="10" y="36" class="sub">${esc(unit)} (${lowerIsBetter ? 'lower' : 'higher'} is better)</text>`;
  const vals = rows.flatMap((r) => [r.fig?.max, r.fig?.median, r.under?.max, r.under?.median]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (!vals.length) return out + `<text x="${PW / 2}" y="${PH / 2}" class="na">not measured</text></g>`;
  const max = niceMax(Math.max(...vals) * 1.05);
  const x = (v: number) => left + (v / max) * w;
  const h = rows.length * rowH;
  for (let i = 0; i <= 4; i++) {
    const v = (max / 4) * i;
    out += `<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${top + 4}" y2="${top + 4 + h}" class="grid"/><text x="${x(v).toFixed(1)}" y="${top + h + 18}" class="xtick">${Number(v.toPrecision(3))}</text>`;
  }
  rows.forEach((r, i) => {
    const y = top + 4 + i * rowH;
    const ty = (y + rowH * 0.68).toFixed(1);
    out += `<text x="${left - 6}" y="${ty}" class="ylab${r.system === 'corral' ? ' bold' : ''}">${esc(r.label)}</text>`;
    if (!r.fig) {
      out += `<text x="${left + 4}" y="${ty}" class="nal">not measured</text>`;
      return;
    }
    if (r.under) out += `<rect x="${left}" y="${(y + 3).toFixed(1)}" width="${Math.max(1, x(r.under.median) - left).toFixed(1)}" height="${(rowH - 6).toFixed(1)}" fill="${LIGHT[r.system]}"/>`;
    out += `<rect x="${left}" y="${(y + 3).toFixed(1)}" width="${Math.max(1, x(r.fig.median) - left).toFixed(1)}" height="${(rowH - 6).toFixed(1)}" fill="${COLOR[r.system]}" opacity="0.9"/>`;
    for (const fg of [r.fig, r.under]) {
      if (!fg || !(fg.max > fg.min)) continue;
      const ym = (y + rowH / 2).toFixed(1);
      out += `<path d="M${x(fg.min).toFixed(1)},${ym} L${x(fg.max).toFixed(1)},${ym} M${x(fg.min).toFixed(1)},${(y + 6).toFixed(1)} L${x(fg.min).toFixed(1)},${(y + rowH - 6).toFixed(1)} M${x(fg.max).toFixed(1)},${(y + 6).toFixed(1)} L${x(fg.max).toFixed(1)},${(y + rowH - 6).toFixed(1)}" stroke="#222" stroke-width="1.1"/>`;
    }
    const end = Math.max(r.fig.max, r.under?.max ?? 0);
    out += `<text x="${(x(end) + 4).toFixed(1)}" y="${ty}" class="val">${esc(r.text ?? String(Number(r.fig.median.toPrecision(3))))}</text>`;
  });
  return out + '</g>';
}

function cdf(results: Result[], ox: number, oy: number, width: number): string {
  const left = 60;
  const top = 44;
  const w = width - left - 220;
  const h = PH - top - 40;
  const rows = (['corral', 'bullmq'] as const).map((s) => results.find((r) => r.system === s && r.key === 'latency')).filter((r): r is Result => !!r?.histogram);
  let out = `<g transform="translate(${ox},${oy})"><text x="10" y="20" class="title">enqueue → result, one job in flight: percentile against latency</text><text x="10" y="36" class="sub">all repeats pooled; log x axis; y spaced so the tail shows (0.9, 0.99, 0.999)</text>`;
  if (!rows.length) return out + `<text x="${width / 2}" y="${PH / 2}" class="na">not measured</text></g>`;
  let lo = Infinity;
  let hi = 0;
  for (const r of rows) r.histogram!.forEach((n, i) => {
    if (!n) return;
    lo = Math.min(lo, i === 0 ? 1 : HIST_EDGES_US[i - 1]!);
    hi = Math.max(hi, HIST_EDGES_US[Math.min(i, HIST_EDGES_US.length - 1)]!);
  });
  lo = 10 ** Math.floor(Math.log10(Math.max(1, lo)));
  hi = 10 ** Math.ceil(Math.log10(Math.max(hi, lo * 10)));
  const x = (v: number) => left + ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * w;
  const TAIL = 3;
  const y = (q: number) => top + h - (Math.min(TAIL, -Math.log10(Math.max(1 - q, 10 ** -TAIL))) / TAIL) * h;
  out += `<rect x="${left}" y="${top}" width="${w}" height="${h}" class="frame"/>`;
  for (let e = Math.log10(lo); e <= Math.log10(hi); e++) for (const m of [1, 2, 5]) {
    const v = m * 10 ** e;
    if (v < lo || v > hi) continue;
    out += `<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${top}" y2="${top + h}" class="grid"/><text x="${x(v).toFixed(1)}" y="${top + h + 16}" class="xtick">${v >= 1000 ? `${v / 1000} ms` : `${v} µs`}</text>`;
  }
  for (const q of [0, 0.5, 0.9, 0.99, 0.999]) out += `<line x1="${left}" x2="${left + w}" y1="${y(q).toFixed(1)}" y2="${y(q).toFixed(1)}" class="grid"/><text x="${left - 6}" y="${(y(q) + 4).toFixed(1)}" class="ytick">${q}</text>`;
  rows.forEach((r, k) => {
    const total = r.histogram!.reduce((a, b) => a + b, 0);
    let acc = 0;
    const pts: string[] = [];
    r.histogram!.forEach((n, i) => {
      acc += n;
      const edge = HIST_EDGES_US[Math.min(i, HIST_EDGES_US.length - 1)]!;
      if (edge < lo || edge > hi) return;
      pts.push(`${x(edge).toFixed(1)},${y(acc / total).toFixed(1)}`);
    });
    const c = COLOR[r.system];
    out += `<polyline points="${pts.join(' ')}" fill="none" stroke="${c}" stroke-width="2.4"/>`;
    const ly = top + 8 + k * 22;
    out += `<line x1="${left + w + 14}" x2="${left + w + 40}" y1="${ly}" y2="${ly}" stroke="${c}" stroke-width="2.4"/><text x="${left + w + 46}" y="${ly + 4}" class="legend">${NAME[r.system]} ${r.latencyMs!.p50.median.toFixed(2)} / ${r.latencyMs!.p99.median.toFixed(2)} ms</text>`;
  });
  out += `<text x="${left + w + 14}" y="${top + 8 + rows.length * 22 + 4}" class="sub">p50 / p99 (median of repeats)</text>`;
  return out + '</g>';
}

export function plotSvg(results: Result[], opts: { title: string; subtitle: string }): string {
  const get = (s: SystemName, key: string) => results.find((r) => r.system === s && r.key === key);
  const both = ['corral', 'bullmq'] as const;
  const top = 58;
  const width = 3 * PW;
  const height = top + 2 * PH + 10;
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">
<style>
.title{font-size:14px;font-weight:bold;fill:#222}.frame{fill:#fff;stroke:#999}.grid{stroke:#e4e4e4}
.ytick{font-size:11px;text-anchor:end;fill:#444}.xtick{font-size:11px;text-anchor:middle;fill:#444}
.ylab{font-size:11.5px;text-anchor:end;fill:#333}.bold{font-weight:bold}.val{font-size:11px;fill:#222}
.na{font-size:12px;text-anchor:middle;fill:#999}.nal{font-size:12px;fill:#999}
.legend{font-size:12px;fill:#222}.head{font-size:16px;font-weight:bold;fill:#111}.sub{font-size:11.5px;fill:#555}
</style>
<rect width="100%" height="100%" fill="#fafafa"/>
<text x="12" y="22" class="head">${esc(opts.title)}</text>
<text x="12" y="42" class="sub">${esc(opts.subtitle)}</text>
`;
  const tp: Row[] = throughputKeys(results).flatMap((k) => both.map((s) => ({ label: `${NAME[s]}, ${k.slice(11)} worker(s)`, system: s, fig: get(s, k)?.perSec ?? null })));
  svg += bars('throughput: no-op jobs, enqueued in bulk, results awaited', 'jobs/s', tp, 0, top, false);
  svg += bars('enqueue only, no consumer', 'jobs/s', both.map((s) => ({ label: NAME[s], system: s, fig: get(s, 'enqueue')?.perSec ?? null })), PW, top, false);
  const lat: Row[] = (['p50', 'p90', 'p99'] as const).flatMap((p) => both.map((s) => ({ label: `${NAME[s]} ${p}`, system: s, fig: get(s, 'latency')?.latencyMs?.[p] ?? null })));
  svg += bars('latency, one job in flight, 1 worker', 'ms, enqueue → result', lat, 2 * PW, top, true);
  svg += cdf(results, 0, top + PH, 2 * PW);
  const keys = ['latency', ...throughputKeys(results), 'enqueue'];
  const short = (k: string) => (k === 'latency' ? '1 in flight' : k === 'enqueue' ? 'enqueue' : `tput ${k.slice(11)}w`);
  const cmd: Row[] = keys.flatMap((k) => both.map((s) => {
    const r = get(s, k);
    const sent = r?.count?.topLevelPerJob ?? null;
    return { label: `${NAME[s]}, ${short(k)}`, system: s, fig: sent ?? r?.callsPerJob ?? null, under: sent ? r?.callsPerJob ?? null : null, text: r ? `${sent ? sent.median.toFixed(1) : '–'} / ${r.callsPerJob ? r.callsPerJob.median.toFixed(0) : '–'}` : undefined } as Row;
  })).filter((r) => r.fig !== null);
  svg += bars('Redis commands per job: sent (dark), all (light)', 'commands per job', cmd, 2 * PW, top + PH, true);
  return svg + '</svg>\n';
}
