// The SVG of a bench queue report: throughput per worker count, the enqueue
// rate, latency percentiles (bars, and the distribution as percentile
// curves), and the Redis commands per job. Bars show the median over the
// repeats with a min–max whisker.
import { BAR_STYLE, barGrid, cdfAxes, cdfPoints, esc, niceMax, svgHead, whisker } from '../common/svg.js';
import { HIST_EDGES_US } from '../tasks/loops.js';
import type { Fig, Result } from './aggregate.js';
import { throughputKeys } from './report.js';
import type { SystemName } from './options.js';

const COLOR: Record<SystemName, string> = { corral: '#d62728', bullmq: '#1f77b4' };
const LIGHT: Record<SystemName, string> = { corral: '#f4a6a6', bullmq: '#a9c8e6' };
const NAME: Record<SystemName, string> = { corral: 'corral', bullmq: 'BullMQ' };
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
  out += barGrid(x, max, top, rows.length * rowH);
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
    for (const fg of [r.fig, r.under]) if (fg && fg.max > fg.min) out += whisker(x, fg, y, rowH, 1.1);
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
  const axes = cdfAxes(rows.map((r) => r.histogram!), HIST_EDGES_US, { left, top, w, h }, 3, [0, 0.5, 0.9, 0.99, 0.999]);
  out += axes.svg;
  rows.forEach((r, k) => {
    const c = COLOR[r.system];
    out += `<polyline points="${cdfPoints(r.histogram!, HIST_EDGES_US, axes)}" fill="none" stroke="${c}" stroke-width="2.4"/>`;
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
  let svg = svgHead(width, height, opts.title, opts.subtitle, [BAR_STYLE, '.na{font-size:12px;text-anchor:middle;fill:#999}.nal{font-size:12px;fill:#999}']);
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
