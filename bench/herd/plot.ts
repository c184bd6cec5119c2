// The SVG chart: for each scenario a row of two panels, wakeups per
// connection and p99 latency against worker count, one line per strategy.
// Both y axes are logarithmic: a herd grows with the worker count while the
// herd-free strategies stay near 1, and both must stay readable.
import type { HerdResult } from './metrics.js';
import type { ScenarioName, Strategy } from './options.js';

const STYLE: Record<Strategy, { color: string; dash?: string; width?: number }> = {
  arbiter: { color: '#d62728', width: 3.2 },
  shared: { color: '#1f77b4' },
  exclusive: { color: '#2ca02c' },
  reuseport: { color: '#9467bd' },
  handoff: { color: '#ff7f0e' },
  'cluster-rr': { color: '#444444', dash: '7 4' },
  'cluster-none': { color: '#8c8c8c', dash: '7 4' },
  'node-reuseport': { color: '#8c564b', dash: '7 4' },
  'nginx-mutex': { color: '#17becf', dash: '2 3' },
  'nginx-exclusive': { color: '#a6a61f', dash: '2 3' },
  'nginx-reuseport': { color: '#e377c2', dash: '2 3' },
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function logTicks(lo: number, hi: number): number[] {
  const steps = [1, 2, 5];
  const out: number[] = [];
  for (let e = -3; e <= 6; e++) for (const s of steps) {
    const v = s * 10 ** e;
    if (v >= lo * 0.999 && v <= hi * 1.001) out.push(Number(v.toPrecision(3)));
  }
  return out;
}

interface Series {
  strategy: Strategy;
  points: { x: number; y: number | null }[];
}

interface PanelSpec {
  title: string;
  yLabel: string;
  series: Series[];
}

const PW = 430;
const PH = 270;
const M = { left: 64, right: 16, top: 34, bottom: 46 };

function panel(spec: PanelSpec, ox: number, oy: number, xs: number[]): string {
  const ys = spec.series.flatMap((s) => s.points.map((p) => p.y)).filter((y): y is number => y !== null && y > 0);
  let out = `<g transform="translate(${ox},${oy})">`;
  out += `<text x="${M.left}" y="20" class="title">${esc(spec.title)}</text>`;
  const w = PW - M.left - M.right;
  const h = PH - M.top - M.bottom;
  out += `<rect x="${M.left}" y="${M.top}" width="${w}" height="${h}" class="frame"/>`;
  if (ys.length === 0) {
    out += `<text x="${M.left + w / 2}" y="${M.top + h / 2}" class="na">not measured (run with --trace)</text></g>`;
    return out;
  }
  // y: log10 over the data, padded to whole tick steps.
  let lo = Math.min(...ys);
  let hi = Math.max(...ys);
  const nice = [1, 2, 5, 10];
  const floorNice = (v: number) => { const e = 10 ** Math.floor(Math.log10(v)); return e * ([...nice].reverse().find((n) => n * e <= v) ?? 1); };
  const ceilNice = (v: number) => { const e = 10 ** Math.floor(Math.log10(v)); return e * (nice.find((n) => n * e >= v) ?? 10); };
  lo = floorNice(lo);
  hi = ceilNice(hi);
  if (hi / lo < 10) {
    lo = floorNice(lo / 1.5);
    hi = ceilNice(hi * 1.5);
  }
  const ly = (v: number) => M.top + h - ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * h;
  // x: log2 of the worker count, so 2, 4, 8, 16, 32 are evenly spaced.
  const xlo = Math.log2(Math.min(...xs));
  const xhi = Math.log2(Math.max(...xs));
  const lx = (v: number) => M.left + (xhi === xlo ? w / 2 : 12 + ((Math.log2(v) - xlo) / (xhi - xlo)) * (w - 24));
  for (const t of logTicks(lo, hi)) {
    const y = ly(t);
    out += `<line x1="${M.left}" x2="${M.left + w}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="grid"/>`;
    out += `<text x="${M.left - 6}" y="${(y + 4).toFixed(1)}" class="ytick">${t}</text>`;
  }
  for (const x of xs) {
    out += `<line x1="${lx(x).toFixed(1)}" x2="${lx(x).toFixed(1)}" y1="${M.top}" y2="${M.top + h}" class="grid"/>`;
    out += `<text x="${lx(x).toFixed(1)}" y="${M.top + h + 16}" class="xtick">${x}</text>`;
  }
  out += `<text x="${M.left + w / 2}" y="${PH - 8}" class="axis">workers</text>`;
  out += `<text transform="translate(16,${M.top + h / 2}) rotate(-90)" class="axis">${esc(spec.yLabel)}</text>`;
  // Thick lines first, so the arbiter line is drawn last, on top.
  const order = [...spec.series].sort((a, b) => (STYLE[a.strategy].width ?? 2) - (STYLE[b.strategy].width ?? 2));
  for (const s of order) {
    const st = STYLE[s.strategy];
    const pts = s.points.filter((p): p is { x: number; y: number } => p.y !== null && p.y > 0);
    if (pts.length === 0) continue;
    const d = pts.map((p, i) => `${i ? 'L' : 'M'}${lx(p.x).toFixed(1)},${ly(p.y).toFixed(1)}`).join(' ');
    out += `<path d="${d}" fill="none" stroke="${st.color}" stroke-width="${st.width ?? 2}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`;
    for (const p of pts) out += `<circle cx="${lx(p.x).toFixed(1)}" cy="${ly(p.y).toFixed(1)}" r="${(st.width ?? 2) + 0.8}" fill="${st.color}"/>`;
  }
  return out + '</g>';
}

export function plotSvg(results: HerdResult[], opts: { title: string; subtitle: string; scenarios: ScenarioName[] }): string {
  const strategies = [...new Set(results.map((r) => r.strategy))];
  const xs = [...new Set(results.map((r) => r.workers))].sort((a, b) => a - b);
  const scenarios = opts.scenarios.filter((s) => results.some((r) => r.scenario === s));
  const legendW = 170;
  const top = 58;
  const width = 2 * PW + legendW + 10;
  const height = top + scenarios.length * (PH + 10) + 10;
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">
<style>
.title{font-size:14px;font-weight:bold;fill:#222}.frame{fill:#fff;stroke:#999}.grid{stroke:#e4e4e4}
.ytick{font-size:11px;text-anchor:end;fill:#444}.xtick{font-size:11px;text-anchor:middle;fill:#444}
.axis{font-size:12px;text-anchor:middle;fill:#333}.na{font-size:12px;text-anchor:middle;fill:#888}
.legend{font-size:12px;fill:#222}.head{font-size:16px;font-weight:bold;fill:#111}.sub{font-size:11.5px;fill:#555}
</style>
<rect width="100%" height="100%" fill="#fafafa"/>
<text x="12" y="22" class="head">${esc(opts.title)}</text>
<text x="12" y="42" class="sub">${esc(opts.subtitle)}</text>
`;
  scenarios.forEach((sc, row) => {
    const rows = results.filter((r) => r.scenario === sc);
    const series = (get: (r: HerdResult) => number | null): Series[] =>
      strategies.map((strategy) => ({ strategy, points: xs.map((x) => ({ x, y: ((r) => (r ? get(r) : null))(rows.find((r) => r.strategy === strategy && r.workers === x)) })) }));
    const unit = sc === 'keepalive' ? 'request' : 'connection';
    const oy = top + row * (PH + 10);
    svg += panel({ title: `${sc}: wakeups per ${unit}`, yLabel: `processes woken per ${unit}`, series: series((r) => r.wakeupsPerConn) }, 0, oy, xs);
    svg += panel({ title: `${sc}: p99 latency`, yLabel: 'p99 connect → first byte, ms', series: series((r) => r.latencyUs.p99 / 1000) }, PW, oy, xs);
  });
  // Legend
  const lx0 = 2 * PW + 6;
  svg += `<text x="${lx0}" y="${top + 20}" class="title">strategy</text>`;
  strategies.forEach((s, i) => {
    const st = STYLE[s];
    const y = top + 42 + i * 22;
    svg += `<line x1="${lx0}" x2="${lx0 + 30}" y1="${y - 4}" y2="${y - 4}" stroke="${st.color}" stroke-width="${st.width ?? 2}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`;
    svg += `<text x="${lx0 + 38}" y="${y}" class="legend">${esc(s)}</text>`;
  });
  const ny = top + 52 + strategies.length * 22;
  const notes = ['solid: corral', 'dashed: node:cluster', 'dotted: nginx', 'log scales; medians'];
  notes.forEach((n, i) => (svg += `<text x="${lx0}" y="${ny + i * 16}" class="sub">${esc(n)}</text>`));
  return svg + '</svg>\n';
}
