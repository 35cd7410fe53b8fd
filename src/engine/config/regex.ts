/**
 * The RE2 program size of a regex, as Envoy sees it. Istio checks a regex with Go's
 * `regexp.Compile` (goRegexp.ts) and caps its length at 1024, but puts no limit on its compiled
 * size; Envoy (C++ RE2) rejects a program larger than the runtime key
 * `re2.max_program_size.error_level` (Envoy default 100; Istio's bootstrap sets 32768).
 * Simplified: the size is an ESTIMATE from a small compiler model whose costs were calibrated
 * against RE2 2022-06 `ProgramSize()` (Debian libre2): exact for literals, ASCII classes and
 * counted repeats, within about 1% for Unicode classes, a few percent for alternations RE2
 * factors (`foo|bar|baz`).
 */

import { UNICODE_CLASS_COST, countRanges, literalAlternationCost } from './re2Costs';

/** Istio's bootstrap value of `re2.max_program_size.error_level` (tools/packaging/common/envoy_bootstrap.json). */
export const ISTIO_RE2_MAX_PROGRAM_SIZE = 32768;

const GO_MAX_REPEAT = 1000;
const UTF8 = new TextEncoder();

interface Walk {
  size: number;
  /** Largest product of nested repeat counts (Go and RE2 reject > 1000). */
  repeat: number;
  /** Set when the piece is a plain literal string (for RE2's alternation factoring). */
  lit?: string;
}

/** A tiny recursive-descent walk over RE2 syntax, estimating RE2 instruction counts. */
class Estimator {
  private i = 0;
  badRepeat: string | null = null;
  constructor(private readonly re: string) {}

  run(): Walk {
    // A leading `^` and a trailing `$` become program flags (free); otherwise RE2 adds the
    // unanchored `.*?` loop. Measured overhead: 4 unanchored, 3 anchored.
    const anchored = this.re.startsWith('^');
    if (anchored) this.i = 1;
    const w = this.alternation();
    return { size: w.size + (anchored ? 3 : 4), repeat: w.repeat };
  }

  private alternation(): Walk {
    const parts: Walk[] = [this.concat()];
    while (this.re[this.i] === '|') {
      this.i++;
      parts.push(this.concat());
    }
    const repeat = Math.max(...parts.map((p) => p.repeat));
    const lits = parts.map((p) => p.lit);
    if (parts.length > 1 && lits.every((l): l is string => l !== undefined))
      return { size: literalAlternationCost(lits), repeat };
    return {
      size: parts.reduce((s, p) => s + p.size, 0),
      repeat,
      ...(parts.length === 1 && parts[0]?.lit !== undefined ? { lit: parts[0].lit } : {}),
    };
  }

  private concat(): Walk {
    let size = 0;
    let repeat = 1;
    let lit: string | undefined = '';
    while (this.i < this.re.length && this.re[this.i] !== '|' && this.re[this.i] !== ')') {
      const a = this.quantified();
      size += a.size;
      repeat = Math.max(repeat, a.repeat);
      lit = lit !== undefined && a.lit !== undefined ? lit + a.lit : undefined;
    }
    return { size, repeat, ...(lit === undefined ? {} : { lit }) };
  }

  private quantified(): Walk {
    const a = this.atom();
    for (;;) {
      const c = this.re[this.i];
      if (c === '*' || c === '+' || c === '?' || c === '{') delete a.lit;
      if (c === '*' || c === '+' || c === '?') {
        this.i++;
        if (c !== '*') a.size += 1; // RE2 folds the star's loop into its operand
      } else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.re.slice(this.i));
        if (!m) return a;
        this.i += m[0].length;
        const min = Number(m[1]);
        const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
        const count = Math.max(min, max);
        if (min > GO_MAX_REPEAT || max > GO_MAX_REPEAT || (max !== -1 && max < min))
          this.badRepeat ??= m[0];
        a.repeat *= Math.max(count, 1);
        if (a.repeat > GO_MAX_REPEAT) this.badRepeat ??= m[0];
        a.size = min * a.size + (max === -1 ? a.size : (max - min) * (a.size + 1));
      } else return a;
      if (this.re[this.i] === '?') this.i++; // lazy
    }
  }

  private atom(): Walk {
    const c = this.re[this.i++] ?? '';
    if (c === '(') {
      let capture = 2;
      if (this.re.startsWith('?:', this.i)) {
        this.i += 2;
        capture = 0;
      } else if (this.re.startsWith('?P<', this.i) || this.re.startsWith('?<', this.i)) {
        this.i = this.re.indexOf('>', this.i) + 1;
      } else if (this.re[this.i] === '?') {
        const m = /^\?[imsU-]*(:|\))/.exec(this.re.slice(this.i));
        this.i += m ? m[0].length : 1;
        capture = 0;
        if (m?.[1] === ')') return { size: 0, repeat: 1 };
      }
      const inner = this.alternation();
      this.i++; // ')'
      return { size: inner.size + capture, repeat: inner.repeat };
    }
    if (c === '[') return { size: this.charClass(), repeat: 1 };
    if (c === '.') return { size: 8, repeat: 1 }; // any rune but \n: several UTF-8 byte ranges
    if (c === '\\') return { size: this.escape(), repeat: 1 };
    if (c === '$' && this.i === this.re.length) return { size: 0, repeat: 1 };
    return { size: UTF8.encode(c).length, repeat: 1, lit: c };
  }

  private escape(): number {
    const e = this.re[this.i++] ?? '';
    if (e === 'p' || e === 'P') {
      let name: string;
      if (this.re[this.i] === '{') {
        const end = this.re.indexOf('}', this.i);
        name = this.re.slice(this.i + 1, end).replace(/^\^/, '');
        this.i = end + 1;
      } else name = this.re[this.i++] ?? '';
      return (UNICODE_CLASS_COST[name] ?? 300) + (e === 'P' ? 4 : 0);
    }
    if (e === 'Q') {
      const end = this.re.indexOf('\\E', this.i);
      const lit = end < 0 ? this.re.slice(this.i) : this.re.slice(this.i, end);
      this.i = end < 0 ? this.re.length : end + 2;
      return lit.length;
    }
    return { d: 1, w: 3, s: 3, D: 8, W: 11, S: 10 }[e] ?? 1;
  }

  /**
   * A bracket class: its ASCII ranges merged (RE2 also folds `a-z` with `A-Z` into one
   * case-folding instruction) plus the cost of any Unicode class inside. Negated ASCII classes
   * cost 8 (their complement spans the UTF-8 byte ranges).
   */
  private charClass(): number {
    const ranges: [number, number][] = [];
    const unicode: number[] = [];
    const negated = this.re[this.i] === '^';
    if (negated) this.i++;
    let first = true;
    while (this.i < this.re.length && (first || this.re[this.i] !== ']')) {
      first = false;
      if (this.re[this.i] === '\\') {
        const e = this.re[this.i + 1] ?? '';
        const known: Record<string, [number, number][]> = {
          d: [[48, 57]],
          w: [
            [48, 57],
            [65, 90],
            [95, 95],
            [97, 122],
          ],
          s: [
            [9, 10],
            [12, 13],
            [32, 32],
          ],
        };
        if (known[e]) {
          ranges.push(...(known[e] ?? []));
          this.i += 2;
        } else if (e === 'p' || e === 'P') {
          this.i++;
          unicode.push(this.escape());
        } else {
          ranges.push([this.re.charCodeAt(this.i + 1), this.re.charCodeAt(this.i + 1)]);
          this.i += 2;
        }
      } else if (this.re.startsWith('[:', this.i)) {
        this.i = this.re.indexOf(':]', this.i) + 2;
        ranges.push([65, 90], [97, 122]);
      } else {
        const lo = this.re.charCodeAt(this.i++);
        let hi = lo;
        if (this.re[this.i] === '-' && this.re[this.i + 1] !== ']') {
          hi = this.re.charCodeAt(this.i + 1);
          this.i += 2;
        }
        ranges.push([lo, hi]);
      }
    }
    this.i++; // ']'
    // Unicode classes overlap once merged: the largest counts fully, the others about 62%.
    const sorted = unicode.sort((a, b) => b - a);
    const uni = (sorted[0] ?? 0) + Math.round(0.62 * sorted.slice(1).reduce((x, y) => x + y, 0));
    if (negated) return uni > 0 ? uni + 4 : 8;
    return Math.max(countRanges(ranges) + uni, 1);
  }
}

const memo = new Map<string, number>();

/** Estimated RE2 `ProgramSize()` of `re` (see the module note: an estimate). Memoised. */
export function estimateRe2ProgramSize(re: string): number {
  let size = memo.get(re);
  if (size === undefined) {
    size = new Estimator(re).run().size;
    if (memo.size < 1000) memo.set(re, size);
  }
  return size;
}

/** True if Go and RE2 would reject the repeat counts (> 1000, or nested products > 1000); the bad one. */
export function badRepeatCount(re: string): string | null {
  const est = new Estimator(re);
  est.run();
  return est.badRepeat;
}
