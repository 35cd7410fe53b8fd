/**
 * A fast look at how deeply a YAML text nests, before the yaml package parses it: that parser
 * spends 20–250 ms on each document nested thousands of levels deep (`[[[[…`, `- - - …`), so a
 * 1 MB file of such documents took seconds. One pass over the characters estimates each point's
 * depth: open block levels (indentation), the indicators that open a level on one line (`- `,
 * `? `, `key: `) and open flow brackets, skipping quoted text, comments and block scalars. The
 * estimate is off by a level or two on real files (a `key: value` line counts its key, a
 * sequence at its key's indentation is not counted), so the caller refuses only well past its
 * limit and leaves the exact check to the parsed tree.
 */

/** Where the estimate first passes `limit`: offset, 1-based line, 0-based document. */
export interface DeepPoint {
  offset: number;
  line: number;
  doc: number;
}

const SPACE = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === undefined;

/** The first point nested deeper than `limit` (estimated, see the module note), or null. */
export function deepPoint(text: string, limit: number): DeepPoint | null {
  const n = text.length;
  const indents: number[] = [];
  let flow = 0;
  let base = 0; // block levels open where the current flow collection started
  let doc = 0;
  let content = false; // the current document has content (a later `---` starts a new one)
  let line = 1;
  let i = 0;
  let scalarIndent = -1; // inside a `|` / `>` scalar: its lines are indented more than this
  const over = (depth: number): DeepPoint | null =>
    depth > limit ? { offset: i, line, doc } : null;

  /** Skips a quoted scalar starting at i (it may span lines); i ends after the closing quote. */
  const skipQuoted = (): void => {
    const q = text[i];
    for (i++; i < n;) {
      const c = text[i];
      if (c === '\n') line++;
      if (q === '"' && c === '\\') i += 2;
      else if (c !== q) i++;
      else if (q === "'" && text[i + 1] === "'") i += 2;
      else return void i++;
    }
  };
  const toEol = (): void => {
    while (i < n && text[i] !== '\n') i++;
  };

  while (i < n) {
    if (flow > 0) {
      // Inside a flow collection lines do not matter: brackets, quotes and comments do.
      const c = text[i];
      if (c === '"' || c === "'") skipQuoted();
      else if (c === '#' && SPACE(text[i - 1])) toEol();
      else if (c === '[' || c === '{') {
        flow++;
        const deep = over(base + flow);
        if (deep) return deep;
        i++;
      } else if (c === ']' || c === '}') {
        flow--;
        i++;
        if (flow === 0) toEol(); // nothing after a closed flow collection opens a level
      } else {
        if (c === '\n') line++;
        i++;
      }
      continue;
    }
    if (text[i] === '\n') {
      line++;
      i++;
      continue;
    }
    let indent = 0;
    while (text[i + indent] === ' ') indent++;
    i += indent;
    const c0 = text[i];
    if (scalarIndent >= 0 && (c0 === '\n' || c0 === undefined || indent > scalarIndent)) {
      toEol();
      continue;
    }
    scalarIndent = -1;
    if (c0 === '\n' || c0 === undefined || c0 === '#' || (c0 === '%' && indent === 0)) {
      toEol();
      continue;
    }
    if (indent === 0 && /^(---|\.\.\.)(?=[ \t\n]|$)/.test(text.slice(i, i + 4))) {
      // A document marker: `---` starts a document (a new one if the last had content).
      const starts = c0 === '-';
      if (content) doc++;
      content = false;
      indents.length = 0;
      i += 3;
      if (!starts) {
        toEol();
        continue;
      }
      indent = 4;
    }
    content = true;
    while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
    indents.push(indent);
    // The indicators that open a level on this line: `- `, `? `, `key: ` (plain or quoted key).
    let depth = indents.length;
    for (;;) {
      while (text[i] === ' ' || text[i] === '\t') i++;
      const c = text[i];
      if ((c === '-' || c === '?' || c === ':') && SPACE(text[i + 1])) i++;
      else if (c === '"' || c === "'") {
        const from = line;
        skipQuoted();
        if (line !== from || text[i] !== ':' || !SPACE(text[i + 1])) break;
        i++;
      } else {
        const key = KEY.exec(text.slice(i, i + 256));
        if (!key) break;
        i += key[0].length;
      }
      depth++;
      const deep = over(depth);
      if (deep) return deep;
    }
    const c = text[i];
    if (c === '[' || c === '{') {
      base = depth;
      flow = 1;
      const deep = over(base + flow);
      if (deep) return deep;
      i++;
      continue;
    }
    if (c === '|' || c === '>') scalarIndent = indent;
    toEol();
  }
  return null;
}

/** A plain mapping key and its `:` (not a flow or quote or block-scalar start). */
const KEY = /^[^\s#[\]{},"'|>!&*][^\n#]*?:(?=[ \t\n]|$)/;
