// Numbers as an operator reads them: shared by `corral ctl` and `corral top`.

/** 48.2 MiB */
export function bytes(n: number): string {
  if (n <= 0) return '-';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 || i === 0 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}

/** 2h03m, 4m05s, 12.3s, 850ms */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(Math.floor(s % 60)).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d${String(h % 24).padStart(2, '0')}h`;
}

/** A latency in µs: 850µs, 2.5ms, 1.20s; '-' for none. */
export function micros(us: number): string {
  if (us <= 0) return '-';
  if (us < 1000) return `${us}µs`;
  if (us < 1_000_000) return `${(us / 1000).toFixed(us < 10_000 ? 1 : 0)}ms`;
  return `${(us / 1_000_000).toFixed(2)}s`;
}

/** 1,234,567 */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Thousandths of a core as a percentage of one core: 12% */
export function cpu(permille: number): string {
  return `${Math.round(permille / 10)}%`;
}

/** Rows as aligned columns; numbers (columns listed in `right`) right-aligned. */
export function table(head: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) => cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline of the values, scaled to their own maximum (or `max`). */
export function sparkline(values: readonly number[], width: number, max?: number): string {
  const v = values.slice(-width);
  const top = max ?? Math.max(0, ...v);
  return v.map((x) => (top <= 0 ? BARS[0] : BARS[Math.min(BARS.length - 1, Math.round((x / top) * (BARS.length - 1)))])).join('').padStart(width, ' ');
}
