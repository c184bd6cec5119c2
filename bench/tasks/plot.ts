// The SVG: the no-op latency distribution of every system (a CDF from the
// histograms), then one horizontal bar chart per scenario (median, min–max
// whisker over the repeats, the goal as a vertical line), the crash
// settlement times, and RSS.
import type { Fig, Result } from './aggregate.js';
import { BAR_STYLE, barGrid, cdfAxes, cdfPoints, esc, niceMax, svgHead, whisker } from '../common/svg.js';
import { HIST_EDGES_US } from './loops.js';
import type { SystemName } from './options.js';

const COLOR: Record<SystemName, string> = {
  'corral-embedded': '#d62728',
  'corral-worker': '#ff7f0e',
  'corral-client': '#e377c2',
  piscina: '#1f77b4',
  'tinypool-threads': '#17becf',
  'tinypool-process': '#9467bd',
  'fork-json': '#2ca02c',
  'fork-advanced': '#8c564b',
  uds: '#444444',
};
const CORRALS = new Set<string>(['corral-embedded', 'corral-worker', 'corral-client']);

const PW = 470;
const PH = 300;

interface Bar {
  system: SystemName;
  fig: Fig | null;
  note?: string;
}

function bars(title: string, unit: string, items: Bar[], ox: number, oy: number, refs: { at: number; label: string; color: string }[] = [], lowerIsBetter = false): string {
  const left = 128;
  const right = 20;
  const top = 40;
  const rowH = Math.min(24, (PH - top - 36) / Math.max(1, items.length));
  const w = PW - left - right;
  const vals = items.flatMap((b) => (b.fig ? [b.fig.max, b.fig.median] : [])).concat(refs.map((r) => r.at));
  let out = `<g transform="translate(${ox},${oy})"><text x="10" y="20" class="title">${esc(title)}</text><text x="10" y="34" class="sub">${esc(unit)}${lowerIsBetter ? ' (lower is better)' : ' (higher is better)'}</text>`;
  if (vals.length === 0) return out + `<text x="${PW / 2}" y="${PH / 2}" class="na">not measured</text></g>`;
  const max = niceMax(Math.max(...vals) * 1.05);
  const x = (v: number) => left + (v / max) * w;
  const h = items.length * rowH;
  out += barGrid(x, max, top, h);
  items.forEach((b, i) => {
    const y = top + 4 + i * rowH;
    out += `<text x="${left - 6}" y="${(y + rowH * 0.68).toFixed(1)}" class="ylab${CORRALS.has(b.system) ? ' bold' : ''}">${esc(b.system)}</text>`;
    if (!b.fig) {
      out += `<text x="${left + 4}" y="${(y + rowH * 0.68).toFixed(1)}" class="nal">${esc(b.note ?? 'unavailable')}</text>`;
      return;
    }
    out += `<rect x="${left}" y="${(y + 3).toFixed(1)}" width="${Math.max(1, x(b.fig.median) - left).toFixed(1)}" height="${(rowH - 6).toFixed(1)}" fill="${COLOR[b.system]}" opacity="0.85"/>`;
    if (b.fig.max > b.fig.min) out += whisker(x, b.fig, y, rowH, 1.2);
    out += `<text x="${(x(b.fig.max) + 4).toFixed(1)}" y="${(y + rowH * 0.68).toFixed(1)}" class="val">${Number(b.fig.median.toPrecision(3))}</text>`;
  });
  // Reference labels on rows of their own, so that close lines do not print over each other.
  refs.forEach((r, i) => {
    out += `<line x1="${x(r.at).toFixed(1)}" x2="${x(r.at).toFixed(1)}" y1="${top}" y2="${top + 22 + h + i * 13}" stroke="${r.color}" stroke-width="1.6" stroke-dasharray="5 3"/><text x="${x(r.at).toFixed(1)}" y="${top + h + 32 + i * 13}" class="ref" fill="${r.color}">${esc(r.label)}</text>`;
  });
  return out + '</g>';
}

function cdf(results: Result[], systems: SystemName[], ox: number, oy: number, width: number): string {
  const left = 60;
  const top = 40;
  const w = width - left - 215;
  const h = PH - top - 40;
  const rows = systems.map((s) => results.find((r) => r.system === s && r.scenario === 'latency')).filter((r): r is Result => !!r?.histogram);
  let out = `<g transform="translate(${ox},${oy})"><text x="10" y="20" class="title">no-op latency, one call in flight: percentile against latency</text><text x="10" y="34" class="sub">all repeats pooled; log x axis; y: the share of calls at or under x, spaced so the tail shows (0.9, 0.99, 0.999…)</text>`;
  if (!rows.length) return out + `<text x="${width / 2}" y="${PH / 2}" class="na">not measured</text></g>`;
  // Percentile axis: equal steps for 0.9, 0.99, 0.999, 0.9999 so that the tail is as visible as the median.
  const axes = cdfAxes(rows.map((r) => r.histogram!), HIST_EDGES_US, { left, top, w, h }, 4, [0, 0.5, 0.9, 0.99, 0.999, 0.9999]);
  out += axes.svg;
  rows.forEach((r, k) => {
    const c = COLOR[r.system];
    const sw = CORRALS.has(r.system) ? 2.8 : 1.8;
    out += `<polyline points="${cdfPoints(r.histogram!, HIST_EDGES_US, axes)}" fill="none" stroke="${c}" stroke-width="${sw}"${r.system === 'uds' ? ' stroke-dasharray="5 3"' : ''}/>`;
    const ly = top + 8 + k * 20;
    out += `<line x1="${left + w + 14}" x2="${left + w + 40}" y1="${ly}" y2="${ly}" stroke="${c}" stroke-width="${sw}"/><text x="${left + w + 46}" y="${ly + 4}" class="legend">${esc(r.system)} ${Math.round(r.latencyUs!.p50.median)} / ${Math.round(r.latencyUs!.p99.median)} µs</text>`;
  });
  out += `<text x="${left + w + 14}" y="${top + 8 + rows.length * 20 + 6}" class="sub">p50 / p99 (median of repeats)</text>`;
  return out + '</g>';
}

export function plotSvg(results: Result[], systems: SystemName[], opts: { title: string; subtitle: string; unavailable: Record<string, string> }): string {
  const get = (s: SystemName, sc: string) => results.find((r) => r.system === s && r.scenario === sc);
  const note = (s: SystemName) => (opts.unavailable[s] ? 'unavailable' : 'not measured');
  const list = (sc: string, pick: (r: Result) => Fig | null) => systems.map((s) => {
    const r = get(s, sc);
    return { system: s, fig: r ? pick(r) : null, note: note(s) };
  });
  const scale = (fg: Fig | null | undefined, k: number): Fig | null => (fg ? { median: fg.median / k, min: fg.min / k, max: fg.max / k } : null);
  const pisc = get('piscina', 'latency')?.latencyUs;
  const pPipe = get('piscina', 'pipelined')?.perSec;
  const top = 58;
  const width = 3 * PW;
  const height = top + 3 * PH + 10;
  let svg = svgHead(width, height, opts.title, opts.subtitle, [BAR_STYLE, '.ref{font-size:11px;text-anchor:middle}.na{font-size:12px;text-anchor:middle;fill:#999}.nal{font-size:12px;fill:#999}']);
  svg += cdf(results, systems, 0, top, 2 * PW);
  svg += bars('no-op p99, one in flight', 'µs', list('latency', (r) => r.latencyUs?.p99 ?? null), 2 * PW, top, pisc ? [{ at: 1.5 * pisc.p99.median, label: 'goal 1.5 × piscina', color: '#d62728' }] : [], true);
  svg += bars('no-op, 64 in flight', 'calls/s', list('pipelined', (r) => r.perSec), 0, top + PH, pPipe ? [{ at: pPipe.median, label: 'goal ≥ piscina', color: '#d62728' }] : []);
  svg += bars('1 ms CPU jobs, 2 workers, 64 in flight', 'jobs/s', list('cpu', (r) => r.perSec), PW, top + PH, [{ at: 1800, label: 'goal 1800', color: '#d62728' }, { at: 2000, label: '2000', color: '#777' }]);
  svg += bars("Gunicorn's scenario: 4 × cap 1, 10 ms, 100 callers", 'jobs/s', list('gunicorn', (r) => r.perSec), 2 * PW, top + PH, [{ at: 334, label: 'Gunicorn 334', color: '#777' }, { at: 380, label: 'goal 380', color: '#d62728' }]);
  svg += bars('1 MiB echo, p50', 'ms', list('payload', (r) => scale(r.latencyUs?.p50, 1000)), 0, top + 2 * PH, [{ at: 2, label: 'goal 2 ms', color: '#d62728' }], true);
  svg += bars('no-op p50, one in flight', 'µs', list('latency', (r) => r.latencyUs?.p50 ?? null), PW, top + 2 * PH, pisc ? [{ at: pisc.p50.median, label: 'goal ≤ piscina', color: '#d62728' }] : [], true);
  // RSS: what the caller side and each worker hold, over the scenarios.
  const rssItems: Bar[] = systems.map((s) => {
    const rs = results.filter((r) => r.system === s && r.rss.workerMiB);
    const w = rs.map((r) => r.rss.workerMiB!).filter(Boolean);
    return { system: s, fig: w.length ? { median: Math.max(...w.map((f) => f.median)), min: Math.min(...w.map((f) => f.min)), max: Math.max(...w.map((f) => f.max)) } : null, note: results.some((r) => r.system === s) ? 'threads: in the caller' : note(s) };
  });
  svg += bars('RSS per worker process', 'MiB, range over workers and scenarios', rssItems, 2 * PW, top + 2 * PH, [], true);
  return svg + '</svg>\n';
}
