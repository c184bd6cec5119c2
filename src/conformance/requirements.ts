// Requirements of spec.md, parsed from its text.
//
// Every normative sentence of spec.md ends with an anchor such as [FRAME-3]:
//
//   A receiver MUST reject a frame whose length is 0 [FRAME-3].
//
// The sentence's level is its strongest RFC 2119 keyword (uppercase only, as
// RFC 8174 says): MUST / MUST NOT / REQUIRED / SHALL -> MUST, SHOULD /
// SHOULD NOT / RECOMMENDED -> SHOULD, MAY / OPTIONAL -> MAY. The section is
// the number of the nearest heading above ("### 5.1 Hello" -> "5.1").
// An anchor in the middle of a sentence ("as [FRAME-3] says") is a
// reference, not a definition.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Level } from './types.js';

export interface Requirement {
  id: string;
  level: Level | 'NOTE';
  section: string;
  sectionTitle: string;
  /** The sentence, without the anchor, markdown emphasis and line breaks. */
  text: string;
  /** 1-based line of the anchor. */
  line: number;
}

const ANCHOR = /\[([A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d+[a-z]?)\]/g;
const HEADING = /^(#{1,6})\s+(?:(\d+(?:\.\d+)*|[A-Z](?:\.\d+)*)\.?\s+)?(.*?)\s*#*\s*$/;

/** The strongest RFC 2119 keyword of a sentence. */
export function levelOf(sentence: string): Level | 'NOTE' {
  if (/\b(MUST|REQUIRED|SHALL)\b/.test(sentence)) return 'MUST';
  if (/\b(SHOULD|RECOMMENDED)\b/.test(sentence)) return 'SHOULD';
  if (/\b(MAY|OPTIONAL)\b/.test(sentence)) return 'MAY';
  return 'NOTE';
}

function clean(text: string): string {
  return text
    .replace(new RegExp(ANCHOR.source, 'g'), '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*)[*_](?=[\s).,;:]|$)/g, '$1$2')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/, '')
    .replace(/^\s*\|/, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:])/g, '$1')
    .trim();
}

/** The last sentence of `segment` (the text between the previous anchor and this one). */
function lastSentence(segment: string): string {
  const text = segment.trim();
  // Sentence boundaries: ". " before an uppercase letter or a markup opener,
  // except after abbreviations such as "e.g.".
  const re = /[.!?]\s+(?=[A-Z`*_(["])/g;
  let start = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at >= text.length - 2) break;
    if (/\b(e\.g|i\.e|etc|cf|vs|No|Fig)$/.test(text.slice(Math.max(0, at - 4), at))) continue;
    start = at + m[0].length;
  }
  return text.slice(start);
}

// An anchor defines a requirement when nothing but punctuation, markup or
// another anchor follows it on its line.
function endsLine(unit: string, end: number): boolean {
  const nl = unit.indexOf('\n', end);
  const rest = unit.slice(end, nl < 0 ? unit.length : nl);
  return /^[\s.;:!?)*_|]*$/.test(rest.replace(/\[[A-Z][A-Z0-9-]*-\d+[a-z]?\]/g, ''));
}

interface Unit {
  text: string;
  line: number;
  section: string;
  sectionTitle: string;
}

/** Splits markdown into paragraphs, list items and table rows (code blocks skipped). */
function units(markdown: string): Unit[] {
  const out: Unit[] = [];
  let section = '';
  let sectionTitle = '';
  let current: Unit | null = null;
  let fence: string | null = null;
  const lines = markdown.split(/\r?\n/);
  const flush = () => {
    if (current) out.push(current);
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const fm = /^\s*(```+|~~~+)/.exec(line);
    if (fm) {
      flush();
      if (fence === null) fence = (fm[1] as string)[0] as string;
      else if ((fm[1] as string)[0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const h = HEADING.exec(line);
    if (h) {
      flush();
      if (h[2] !== undefined) {
        section = h[2];
        sectionTitle = (h[3] ?? '').trim();
      }
      out.push({ text: line.replace(/^#+\s*/, ''), line: i + 1, section, sectionTitle });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const isItem = /^\s*(?:[-*+]|\d+\.)\s+/.test(line);
    const isRow = /^\s*\|/.test(line);
    if (isItem || isRow || current === null) {
      flush();
      current = { text: line, line: i + 1, section, sectionTitle };
      if (isRow) flush();
    } else {
      current.text += '\n' + line;
    }
  }
  flush();
  return out;
}

/** All requirements defined in `markdown`, in document order. */
export function parseRequirements(markdown: string): Requirement[] {
  const out: Requirement[] = [];
  const seen = new Map<string, Requirement>();
  for (const u of units(markdown)) {
    const text = u.text;
    let previousEnd = 0;
    for (const m of [...text.matchAll(new RegExp(ANCHOR.source, 'g'))]) {
      const id = m[1] as string;
      const at = m.index ?? 0;
      const end = at + m[0].length;
      const segment = text.slice(previousEnd, at);
      previousEnd = end;
      if (!endsLine(text, end)) continue;
      const sentence = clean(lastSentence(segment));
      if (sentence === '') continue;
      const line = u.line + text.slice(0, at).split('\n').length - 1;
      const level = levelOf(sentence);
      const prior = seen.get(id);
      if (prior) {
        // The same anchor at two line ends: the normative one is the definition.
        if (prior.level === 'NOTE' && level !== 'NOTE') {
          Object.assign(prior, { level, text: sentence, line, section: u.section, sectionTitle: u.sectionTitle });
        }
        continue;
      }
      const r: Requirement = { id, level, section: u.section, sectionTitle: u.sectionTitle, text: sentence, line };
      seen.set(id, r);
      out.push(r);
    }
  }
  return out;
}

/** Every anchor mentioned anywhere in the text (definitions and references). */
export function mentionedIds(markdown: string): Set<string> {
  const ids = new Set<string>();
  for (const m of markdown.matchAll(new RegExp(ANCHOR.source, 'g'))) ids.add(m[1] as string);
  return ids;
}

/** Section titles by number ("5.1" -> "Hello"). */
export function sectionTitles(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  let fence = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const h = HEADING.exec(line);
    if (h && h[2] !== undefined && !out.has(h[2])) out.set(h[2], (h[3] ?? '').trim());
  }
  return out;
}

/** The protocol version spec.md describes ("1.0"), from its title or first lines. */
export function specVersion(markdown: string): string {
  const m = /\bversion\s+(\d+\.\d+)\b/i.exec(markdown.slice(0, 4000));
  return m ? (m[1] as string) : '1.0';
}

/** Path of spec.md at the package root. */
export function specPath(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'spec.md');
}

export interface SpecIndex {
  available: boolean;
  path: string;
  version: string;
  requirements: Map<string, Requirement>;
  sections: Map<string, string>;
}

let cached: SpecIndex | undefined;

/** spec.md, parsed once; `available: false` when the file is missing. */
export function loadSpec(path = specPath()): SpecIndex {
  if (cached && cached.path === path) return cached;
  if (!existsSync(path)) {
    cached = { available: false, path, version: '1.0', requirements: new Map(), sections: new Map() };
    return cached;
  }
  const text = readFileSync(path, 'utf8');
  cached = {
    available: true,
    path,
    version: specVersion(text),
    requirements: new Map(parseRequirements(text).map((r) => [r.id, r])),
    sections: sectionTitles(text),
  };
  return cached;
}
