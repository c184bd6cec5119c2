// Tables of results, in the terminal (aligned text, indented two spaces) or
// in markdown (text columns left-aligned, figures right-aligned).

export interface Column<R> {
  head: string;
  get: (r: R) => string;
  left?: boolean;
}

export function renderTable<R>(cols: Column<R>[], rows: R[], markdown: boolean): string {
  const cells = rows.map((r) => cols.map((c) => c.get(r)));
  if (markdown) return `| ${cols.map((c) => c.head).join(' | ')} |\n|${cols.map((c) => (c.left ? ':---' : '---:')).join('|')}|\n${cells.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n`;
  const w = cols.map((c, i) => Math.max(c.head.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => '  ' + row.map((s, i) => (cols[i]!.left ? s.padEnd(w[i]!) : s.padStart(w[i]!))).join('  ');
  return [line(cols.map((c) => c.head)), ...cells.map(line)].join('\n') + '\n';
}
