/**
 * Cost tables and helpers of the RE2 program-size model (regex.ts), measured against RE2.
 */

/** RE2 instruction counts of Unicode classes (measured with RE2 2022-06; others default to 300). */
export const UNICODE_CLASS_COST: Record<string, number> = {
  L: 1193,
  Lu: 790,
  Ll: 822,
  Lo: 929,
  Lm: 133,
  Lt: 15,
  N: 233,
  Nd: 86,
  M: 551,
  Mn: 573,
  P: 330,
  Pd: 37,
  S: 440,
  Sm: 113,
  Z: 15,
  Zs: 14,
  C: 70,
  Cc: 4,
  Latin: 78,
  Greek: 58,
  Cyrillic: 33,
  Arabic: 98,
  Han: 73,
  Hiragana: 19,
  Katakana: 34,
  Hangul: 36,
  Common: 352,
  Any: 7,
};

/** Merged ASCII ranges, counting an upper-case range once when its lower-case twin is there. */
export function countRanges(input: readonly [number, number][]): number {
  const sorted = [...input].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = merged[merged.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  const key = (r: [number, number]): string => `${r[0]}-${r[1]}`;
  const lower = new Set(merged.filter(([lo, hi]) => lo >= 97 && hi <= 122).map(key));
  return merged.filter(([lo, hi]) => !(lo >= 65 && hi <= 90 && lower.has(key([lo + 32, hi + 32]))))
    .length;
}

/**
 * RE2's simplification of an alternation of plain literals (`Regexp::FactorAlternation`):
 * adjacent alternatives that share a leading literal keep it once (`version/a|version/b` →
 * `version/(?:a|b)`), and adjacent single characters merge into one character class
 * (`a|b|c` → `[a-c]`). Returns the estimated instruction count (see regex.ts).
 * Simplified: groups by first character and factors their longest common prefix, recursively;
 * a factored group with several tails costs one extra instruction.
 */
const UTF8 = new TextEncoder();

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/** Estimated RE2 instructions for `lit1|lit2|…` (plain literals). */
export function literalAlternationCost(lits: readonly string[]): number {
  let cost = 0;
  let singles = 0; // a run of adjacent one-character alternatives becomes one class
  const flushSingles = (): void => {
    if (singles > 0) cost += 1;
    singles = 0;
  };
  let i = 0;
  while (i < lits.length) {
    const first = lits[i] ?? '';
    let j = i + 1;
    while (j < lits.length && first !== '' && (lits[j] ?? '')[0] === first[0]) j++;
    const group = lits.slice(i, j);
    if (group.length === 1 && [...first].length === 1) singles++;
    else {
      flushSingles();
      if (group.length === 1) cost += UTF8.encode(first).length;
      else {
        const prefix = group.reduce((p, s) => commonPrefix(p, s));
        cost +=
          UTF8.encode(prefix).length +
          literalAlternationCost(group.map((s) => s.slice(prefix.length))) +
          1;
      }
    }
    i = j;
  }
  flushSingles();
  return cost;
}
