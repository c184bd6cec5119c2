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

/** 85.2M, 1.2G, 512K: bytes() for narrow columns; '-' for none. */
export function bytesShort(n: number): string {
  if (n <= 0) return '-';
  const units = ['B', 'K', 'M', 'G', 'T'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 || i === 0 ? v.toFixed(0) : v.toFixed(1)}${units[i]}`;
}

/** A rate per second: 0.5, 12.3 below 100, then whole numbers with separators (1,234). */
export function rate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '0';
  return perSecond < 100 ? perSecond.toFixed(1) : count(perSecond);
}

// ---- terminal text --------------------------------------------------------

// A CSI sequence (colours, cursor moves) or an OSC one ended by BEL or ST.
const ESCAPE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/y;

/** Columns a code point takes on a terminal: 0 (combining, zero-width), 2 (East Asian wide, emoji) or 1. */
export function charWidth(cp: number): number {
  if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200b || cp === 0x200c || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd)
  ) return 2;
  return 1;
}

/** The columns `s` takes on a terminal; escape sequences take none. */
export function textWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length;) {
    if (s.charCodeAt(i) === 0x1b) {
      ESCAPE.lastIndex = i;
      const m = ESCAPE.exec(s);
      if (m) {
        i += m[0].length;
        continue;
      }
    }
    const cp = s.codePointAt(i)!;
    w += charWidth(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return w;
}

/**
 * `s` cut to at most `width` columns, escape sequences kept (they take no
 * room); when it cuts a string that set attributes, it ends with a reset
 * (ESC[0m) so that nothing leaks into the rest of the screen.
 */
export function clip(s: string, width: number): string {
  let w = 0;
  let styled = false;
  for (let i = 0; i < s.length;) {
    if (s.charCodeAt(i) === 0x1b) {
      ESCAPE.lastIndex = i;
      const m = ESCAPE.exec(s);
      if (m) {
        styled ||= m[0].endsWith('m');
        i += m[0].length;
        continue;
      }
    }
    const cp = s.codePointAt(i)!;
    const cw = charWidth(cp);
    if (w + cw > width) return s.slice(0, i) + (styled ? '\x1b[0m' : '');
    w += cw;
    i += cp > 0xffff ? 2 : 1;
  }
  return s;
}

/** `s` padded with spaces to `width` columns (at the end, or with `right` at the start); never cut. */
export function pad(s: string, width: number, right = false): string {
  const n = Math.max(0, width - textWidth(s));
  return right ? ' '.repeat(n) + s : s + ' '.repeat(n);
}

/** Text from outside (app names, addresses) made safe to print: control characters become '?'. */
export function printable(s: string): string {
  return s.replace(/[\x00-\x1f\x7f-\x9f]/g, '?');
}
