// The SVG chart: for each scenario a row of three panels, wakeups per
// connection, p99 of corral's strategies, and p99 of the peers (node:cluster,
// nginx) with the arbiter for reference, against worker count: one line per
// strategy, a bar for the min–max over the repeats at each point. Points are
// nudged sideways per strategy so that bars at the same worker count do not
// cover each other.
// Both y axes are logarithmic: a herd grows with the worker count while the
// herd-free strategies stay near 1, and both must stay readable.
import { esc, svgHead } from '../common/svg.js';
import type { HerdResult } from './metrics.js';
import type { ScenarioName, Strategy } from './options.js';

const STYLE: Record<Strategy, { color: string; dash?: string; width?: number }> = {
  arbiter: { color: '#d62728', width: 3.2 },
  shared: { color: '#1f77b4' },
  exclusive: { color: '#2ca02c' },
  reuseport: { color: '#9467bd' },
  handoff: { color: '#ff7f0e' },
  'shared-fd': { color: '#000000', dash: '3 3' },
  'cluster-rr': { color: '#444444', dash: '7 4' },
  'cluster-none': { color: '#8c8c8c', dash: '7 4' },
  'node-reuseport': { color: '#8c564b', dash: '7 4' },
  'nginx-mutex': { color: '#17becf', dash: '2 3' },
  'nginx-exclusive': { color: '#a6a61f', dash: '2 3' },
  'nginx-reuseport': { color: '#e377c2', dash: '2 3' },
};

function logTicks(lo: number, hi: number): number[] {
  const steps = [1, 2, 5];
  const out: number[] = [];
  for (let e = -3; e <= 6; e++) for (const s of steps) {
    const v = s * 10 ** e;
    if (v >= lo * 0.999 && v <= hi * 1.001) out.push(Number(v.toPrecision(3)));
  }
  return out;
}

interface Point {
  x: number;
  y: number | null;
  /** min–max over the repeats */
  lo: number | null;
  hi: number | null;
}

interface Series {
  strategy: Strategy;
  points: Point[];
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
  const ys = spec.series.flatMap((s) => s.points.flatMap((p) => [p.y, p.lo, p.hi])).filter((y): y is number => y !== null && y > 0);
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
  const lx = (v: number) => M.left + (xhi === xlo ? w / 2 : 24 + ((Math.log2(v) - xlo) / (xhi - xlo)) * (w - 48));
  // Sideways nudge per strategy: wide when there is one worker count (a dot plot), narrow otherwise.
  const n = spec.series.length;
  const step = xhi === xlo ? Math.min(28, (w - 40) / Math.max(1, n)) : Math.min(5, 40 / Math.max(1, n));
  const nudge = new Map(spec.series.map((s, i) => [s.strategy, (i - (n - 1) / 2) * step]));
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
    const pts = s.points.filter((p): p is Point & { y: number } => p.y !== null && p.y > 0);
    if (pts.length === 0) continue;
    const dx = nudge.get(s.strategy) ?? 0;
    const X = (p: Point) => (lx(p.x) + dx).toFixed(1);
    const d = pts.map((p, i) => `${i ? 'L' : 'M'}${X(p)},${ly(p.y).toFixed(1)}`).join(' ');
    if (pts.length > 1) out += `<path d="${d}" fill="none" stroke="${st.color}" stroke-width="${st.width ?? 2}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`;
    for (const p of pts) {
      if (p.lo !== null && p.hi !== null && p.lo > 0 && p.hi > p.lo) {
        const [y0, y1] = [ly(p.lo).toFixed(1), ly(p.hi).toFixed(1)];
        const x = Number(X(p));
        out += `<path d="M${x},${y0} L${x},${y1} M${x - 3},${y0} L${x + 3},${y0} M${x - 3},${y1} L${x + 3},${y1}" stroke="${st.color}" stroke-width="1.3" opacity="0.8"/>`;
      }
      out += `<circle cx="${X(p)}" cy="${ly(p.y).toFixed(1)}" r="${(st.width ?? 2) + 0.8}" fill="${st.color}"/>`;
    }
  }
  return out + '</g>';
}

export function plotSvg(results: HerdResult[], opts: { title: string; subtitle: string; scenarios: ScenarioName[] }): string {
  const strategies = [...new Set(results.map((r) => r.strategy))];
  const xs = [...new Set(results.map((r) => r.workers))].sort((a, b) => a - b);
  const scenarios = opts.scenarios.filter((s) => results.some((r) => r.scenario === s));
  const legendW = 170;
  const top = 58;
  const width = 3 * PW + legendW + 10;
  // Tall enough for the legend too, when there is one scenario.
  const height = Math.max(top + scenarios.length * (PH + 10) + 10, top + 52 + strategies.length * 22 + 5 * 16 + 10);
  let svg = svgHead(width, height, opts.title, opts.subtitle, ['.axis{font-size:12px;text-anchor:middle;fill:#333}.na{font-size:12px;text-anchor:middle;fill:#888}']);
  scenarios.forEach((sc, row) => {
    const rows = results.filter((r) => r.scenario === sc);
    const series = (list: Strategy[], get: (r: HerdResult) => number | null, range: (r: HerdResult) => [number, number] | null): Series[] =>
      list.map((strategy) => ({
        strategy,
        points: xs.map((x) => {
          const r = rows.find((q) => q.strategy === strategy && q.workers === x);
          const rg = r ? range(r) : null;
          return { x, y: r ? get(r) : null, lo: rg ? rg[0] : null, hi: rg ? rg[1] : null };
        }),
      }));
    const unit = sc === 'keepalive' ? 'request' : 'connection';
    const oy = top + row * (PH + 10);
    const wake = (r: HerdResult) => (r.range.wakeupsPerConn as [number, number] | null | undefined) ?? null;
    const p99 = (r: HerdResult) => {
      const v = (r.range.latencyUs as Record<string, [number, number] | null> | undefined)?.p99;
      return v ? ([v[0] / 1000, v[1] / 1000] as [number, number]) : null;
    };
    const corral = strategies.filter((s) => !STYLE[s].dash);
    const peers = strategies.filter((s) => STYLE[s].dash || s === 'arbiter');
    svg += panel({ title: `${sc}: wakeups per ${unit}`, yLabel: `processes woken per ${unit}`, series: series(strategies, (r) => r.wakeupsPerConn, wake) }, 0, oy, xs);
    svg += panel({ title: `${sc}: p99, corral's strategies`, yLabel: 'p99 connect → first byte, ms', series: series(corral, (r) => r.latencyUs.p99 / 1000, p99) }, PW, oy, xs);
    svg += panel({ title: `${sc}: p99, arbiter and the peers`, yLabel: 'p99 connect → first byte, ms', series: series(peers, (r) => r.latencyUs.p99 / 1000, p99) }, 2 * PW, oy, xs);
  });
  // Legend
  const lx0 = 3 * PW + 6;
  svg += `<text x="${lx0}" y="${top + 20}" class="title">strategy</text>`;
  strategies.forEach((s, i) => {
    const st = STYLE[s];
    const y = top + 42 + i * 22;
    svg += `<line x1="${lx0}" x2="${lx0 + 30}" y1="${y - 4}" y2="${y - 4}" stroke="${st.color}" stroke-width="${st.width ?? 2}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`;
    svg += `<text x="${lx0 + 38}" y="${y}" class="legend">${esc(s)}</text>`;
  });
  const ny = top + 52 + strategies.length * 22;
  const notes = ['solid: corral', 'dashed: node:cluster', 'dotted: nginx', 'log scales; dots: medians', 'bars: min–max over repeats'];
  notes.forEach((n, i) => (svg += `<text x="${lx0}" y="${ny + i * 16}" class="sub">${esc(n)}</text>`));
  return svg + '</svg>\n';
}
