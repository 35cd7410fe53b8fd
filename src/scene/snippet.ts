/**
 * Code-panel snippets: text with anchor comments (`# @anchor recv`, or `// @anchor recv`) at the
 * end of the line they name. Anchors tie narrative steps and machine states to lines without
 * hard-coding line numbers; they are stripped for display.
 */
export interface Snippet {
  /** Display lines, anchor comments removed. */
  lines: string[];
  /** Anchor → 1-based line number. */
  anchors: Map<string, number>;
}

const ANCHOR = /\s*(?:#|\/\/)\s*@anchor\s+([\w.-]+(?:\s*,\s*[\w.-]+)*)\s*$/;

export function parseSnippet(source: string): Snippet {
  const raw = source.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const anchors = new Map<string, number>();
  const lines = raw.map((line, i) => {
    const m = ANCHOR.exec(line);
    if (!m?.[1]) return line;
    for (const name of m[1].split(',')) {
      const n = name.trim();
      if (anchors.has(n)) throw new Error(`snippet: anchor "${n}" is defined twice`);
      anchors.set(n, i + 1);
    }
    return line.slice(0, m.index).replace(/\s+$/, '');
  });
  return { lines, anchors };
}

/** Splits a display line into code and a trailing `#` comment (for dimming the comment). */
export function splitComment(line: string): [code: string, comment: string] {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return [line.slice(0, i), line.slice(i)];
  }
  return [line, ''];
}
