// SVG pieces the benches' plots share: the document head, a nice axis
// maximum, a bar chart's grid and min–max whisker, and the axes and curve
// of a latency distribution drawn from a log-bucket histogram.

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Style lines every plot uses: panel titles, frames and grid lines, tick labels; and the heading's. */
const STYLE_FIRST = [
  '.title{font-size:14px;font-weight:bold;fill:#222}.frame{fill:#fff;stroke:#999}.grid{stroke:#e4e4e4}',
  '.ytick{font-size:11px;text-anchor:end;fill:#444}.xtick{font-size:11px;text-anchor:middle;fill:#444}',
];
const STYLE_LAST = '.legend{font-size:12px;fill:#222}.head{font-size:16px;font-weight:bold;fill:#111}.sub{font-size:11.5px;fill:#555}';
/** Style lines of the bar charts: row labels and values. */
export const BAR_STYLE = '.ylab{font-size:11.5px;text-anchor:end;fill:#333}.bold{font-weight:bold}.val{font-size:11px;fill:#222}';

/** The opening of a plot: size, styles (`style`: the plot's own lines, between the shared ones), background, title and subtitle. */
export function svgHead(width: number, height: number, title: string, subtitle: string, style: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">
<style>
${[...STYLE_FIRST, ...style, STYLE_LAST].join('\n')}
</style>
<rect width="100%" height="100%" fill="#fafafa"/>
<text x="12" y="22" class="head">${esc(title)}</text>
<text x="12" y="42" class="sub">${esc(subtitle)}</text>
`;
}

/** The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × a power of ten at or above v (1 for nothing to show). */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const e = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * e >= v) return m * e;
  return 10 * e;
}

/** A bar chart's vertical grid: 0 to max in quarters, labelled below the rows (rows from top + 4, h tall). */
export function barGrid(x: (v: number) => number, max: number, top: number, h: number): string {
  let out = '';
  for (let i = 0; i <= 4; i++) {
    const v = (max / 4) * i;
    out += `<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${top + 4}" y2="${top + 4 + h}" class="grid"/><text x="${x(v).toFixed(1)}" y="${top + h + 18}" class="xtick">${Number(v.toPrecision(3))}</text>`;
  }
  return out;
}

/** The min–max whisker of a bar in the row at y, rowH tall. */
export function whisker(x: (v: number) => number, fig: { min: number; max: number }, y: number, rowH: number, strokeWidth: number): string {
  const ym = (y + rowH / 2).toFixed(1);
  const [a, b] = [x(fig.min).toFixed(1), x(fig.max).toFixed(1)];
  const [y0, y1] = [(y + 6).toFixed(1), (y + rowH - 6).toFixed(1)];
  return `<path d="M${a},${ym} L${b},${ym} M${a},${y0} L${a},${y1} M${b},${y0} L${b},${y1}" stroke="#222" stroke-width="${strokeWidth}"/>`;
}

export interface CdfAxes {
  /** log x axis over [lo, hi], µs */
  x: (v: number) => number;
  /** percentile axis spaced so that 0.9, 0.99, 0.999 … are equal steps, down to 10^-tail */
  y: (q: number) => number;
  lo: number;
  hi: number;
  /** The frame, the grid and the tick labels. */
  svg: string;
}

/**
 * Axes for percentile curves of histograms over log buckets (`edges`: the
 * upper edges in µs; the last bucket open-ended), in the box at left, top,
 * w × h; x spans whole powers of ten around what the histograms hold.
 */
export function cdfAxes(histograms: number[][], edges: readonly number[], box: { left: number; top: number; w: number; h: number }, tail: number, quantiles: number[]): CdfAxes {
  const { left, top, w, h } = box;
  let lo = Infinity;
  let hi = 0;
  for (const hist of histograms) hist.forEach((n, i) => {
    if (!n) return;
    lo = Math.min(lo, i === 0 ? 1 : edges[i - 1]!);
    hi = Math.max(hi, edges[Math.min(i, edges.length - 1)]!);
  });
  lo = 10 ** Math.floor(Math.log10(Math.max(1, lo)));
  hi = 10 ** Math.ceil(Math.log10(Math.max(hi, lo * 10)));
  const x = (v: number) => left + ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * w;
  const y = (q: number) => top + h - (Math.min(tail, -Math.log10(Math.max(1 - q, 10 ** -tail))) / tail) * h;
  let svg = `<rect x="${left}" y="${top}" width="${w}" height="${h}" class="frame"/>`;
  for (let e = Math.log10(lo); e <= Math.log10(hi); e++) for (const m of [1, 2, 5]) {
    const v = m * 10 ** e;
    if (v < lo || v > hi) continue;
    svg += `<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${top}" y2="${top + h}" class="grid"/><text x="${x(v).toFixed(1)}" y="${top + h + 16}" class="xtick">${v >= 1000 ? `${v / 1000} ms` : `${v} µs`}</text>`;
  }
  for (const q of quantiles) svg += `<line x1="${left}" x2="${left + w}" y1="${y(q).toFixed(1)}" y2="${y(q).toFixed(1)}" class="grid"/><text x="${left - 6}" y="${(y(q) + 4).toFixed(1)}" class="ytick">${q}</text>`;
  return { x, y, lo, hi, svg };
}

/** The polyline points of one histogram's cumulative share on those axes. */
export function cdfPoints(hist: number[], edges: readonly number[], axes: CdfAxes): string {
  const total = hist.reduce((a, b) => a + b, 0);
  let acc = 0;
  const pts: string[] = [];
  hist.forEach((n, i) => {
    acc += n;
    const edge = edges[Math.min(i, edges.length - 1)]!;
    if (edge < axes.lo || edge > axes.hi) return;
    pts.push(`${axes.x(edge).toFixed(1)},${axes.y(acc / total).toFixed(1)}`);
  });
  return pts.join(' ');
}
