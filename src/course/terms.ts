import { GLOSSARY, type GlossaryEntry } from './glossary';

/** A run of caption text, linked to a glossary entry or not. */
export type Segment = { text: string; term?: string };

/** Not inside a longer word or name: no letter, digit, `_` or `-` on either side, no `.x` after. */
const BEFORE = '(?<![A-Za-z0-9_-])';
const AFTER = '(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])';

interface Matcher {
  id: string;
  re: RegExp;
}

const compile = (entries: readonly GlossaryEntry[]): Matcher[] =>
  entries.map((e) => ({
    id: e.id,
    re: new RegExp(`${BEFORE}(?:${e.match})${AFTER}`, e.i ? 'gi' : 'g'),
  }));

const DEFAULT = compile(GLOSSARY);

/**
 * Splits a caption into segments, linking the first occurrence of each glossary term. The
 * segments' texts joined give the caption back unchanged. Where two terms overlap, the earlier
 * one wins, then the longer; a term whose first occurrence lost takes its next free one.
 */
export function linkTerms(text: string, matchers: readonly Matcher[] = DEFAULT): Segment[] {
  const found: { at: number; end: number; id: string }[] = [];
  for (const m of matchers) {
    m.re.lastIndex = 0;
    for (const hit of text.matchAll(m.re))
      if (hit[0].length > 0)
        found.push({ at: hit.index, end: hit.index + hit[0].length, id: m.id });
  }
  found.sort((a, b) => a.at - b.at || b.end - a.end);
  const linked = new Set<string>();
  const out: Segment[] = [];
  let pos = 0;
  for (const f of found) {
    if (f.at < pos || linked.has(f.id)) continue;
    if (f.at > pos) out.push({ text: text.slice(pos, f.at) });
    out.push({ text: text.slice(f.at, f.end), term: f.id });
    linked.add(f.id);
    pos = f.end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos) });
  return out;
}

/** Matchers for a custom list of entries (tests). */
export const termMatchers = compile;

/** The hash of a glossary entry. */
export const glossaryHash = (id: string): string => `#/glossary#term-${id}`;
