/**
 * Regexes as the two sides see them.
 * - Istio (Go `regexp.Compile`, RE2 syntax): syntax only; no limit on the compiled size.
 * - Envoy (C++ RE2): also rejects a regex whose compiled program is larger than the runtime key
 *   `re2.max_program_size.error_level` (Envoy default 100; Istio's bootstrap sets 32768).
 * Simplified: the syntax check uses the JS engine plus the RE2-only rules below, and the program
 * size is an ESTIMATE from a small compiler model (no prefix factoring, fixed costs for Unicode
 * classes), good for telling a tiny regex from a huge one, not for matching RE2 to the unit.
 */

/** Istio's bootstrap value of `re2.max_program_size.error_level` (tools/packaging/common/envoy_bootstrap.json). */
export const ISTIO_RE2_MAX_PROGRAM_SIZE = 32768;

const GO_MAX_REPEAT = 1000;

interface Walk {
  size: number;
  /** Largest product of nested repeat counts (Go and RE2 reject > 1000). */
  repeat: number;
}

/** A tiny recursive-descent walk over RE2 syntax, estimating RE2 instruction counts. */
class Estimator {
  private i = 0;
  badRepeat: string | null = null;
  constructor(private readonly re: string) {}

  run(): Walk {
    const w = this.alternation();
    return { size: w.size + 5, repeat: w.repeat }; // + match, fail and the unanchored `.*?` prefix
  }

  private alternation(): Walk {
    const parts: Walk[] = [this.concat()];
    while (this.re[this.i] === '|') {
      this.i++;
      parts.push(this.concat());
    }
    return {
      size: parts.reduce((s, p) => s + p.size, 0) + parts.length - 1,
      repeat: Math.max(...parts.map((p) => p.repeat)),
    };
  }

  private concat(): Walk {
    let size = 0;
    let repeat = 1;
    while (this.i < this.re.length && this.re[this.i] !== '|' && this.re[this.i] !== ')') {
      const a = this.quantified();
      size += a.size;
      repeat = Math.max(repeat, a.repeat);
    }
    return { size, repeat };
  }

  private quantified(): Walk {
    const a = this.atom();
    for (;;) {
      const c = this.re[this.i];
      if (c === '*' || c === '+' || c === '?') {
        this.i++;
        a.size += 1;
      } else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.re.slice(this.i));
        if (!m) return a;
        this.i += m[0].length;
        const min = Number(m[1]);
        const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
        const count = Math.max(min, max);
        if (min > GO_MAX_REPEAT || max > GO_MAX_REPEAT || (max !== -1 && max < min)) this.badRepeat ??= m[0];
        a.repeat *= Math.max(count, 1);
        if (a.repeat > GO_MAX_REPEAT) this.badRepeat ??= m[0];
        a.size = min * a.size + (max === -1 ? a.size + 1 : (max - min) * (a.size + 1));
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
    return { size: new TextEncoder().encode(c).length, repeat: 1 };
  }

  private escape(): number {
    const e = this.re[this.i++] ?? '';
    if (e === 'p' || e === 'P') {
      if (this.re[this.i] === '{') this.i = this.re.indexOf('}', this.i) + 1;
      else this.i++;
      return 200; // a Unicode category compiles to hundreds of UTF-8 range instructions
    }
    if (e === 'Q') {
      const end = this.re.indexOf('\\E', this.i);
      const lit = end < 0 ? this.re.slice(this.i) : this.re.slice(this.i, end);
      this.i = end < 0 ? this.re.length : end + 2;
      return lit.length;
    }
    return { d: 1, w: 4, s: 5, D: 8, W: 8, S: 8 }[e] ?? 1;
  }

  private charClass(): number {
    let size = 0;
    const negated = this.re[this.i] === '^';
    if (negated) this.i++;
    let first = true;
    while (this.i < this.re.length && (first || this.re[this.i] !== ']')) {
      first = false;
      if (this.re[this.i] === '\\') {
        this.i++;
        size += this.escape();
      } else if (this.re.startsWith('[:', this.i)) {
        this.i = this.re.indexOf(':]', this.i) + 2;
        size += 2;
      } else {
        this.i++;
        if (this.re[this.i] === '-' && this.re[this.i + 1] !== ']') this.i += 2;
        size += 1;
      }
    }
    this.i++; // ']'
    return Math.max(size, 1) + (negated ? 8 : 0);
  }
}

/** Estimated RE2 `ProgramSize()` of `re` (see the module note: an estimate). */
export function estimateRe2ProgramSize(re: string): number {
  return new Estimator(re).run().size;
}

/**
 * Go `regexp.Compile`'s verdict on `re`: null if it compiles, else an error worded like Go's
 * (`error parsing regexp: invalid or unsupported Perl syntax: \`(?=\``).
 */
export function goRegexpError(re: string): string | null {
  const perl = /\(\?<?[=!]/.exec(re);
  if (perl) return `error parsing regexp: invalid or unsupported Perl syntax: \`${perl[0]}\``;
  const backref = /\\[1-9]/.exec(re);
  if (backref) return `error parsing regexp: invalid escape sequence: \`${backref[0]}\``;
  // Translate RE2-only syntax the JS engine lacks: (?P<name>, inline flags, \z, \A, \Q..\E.
  const js = re
    .replace(/\(\?P</g, '(?<')
    .replace(/\(\?[imsU]+\)/g, '')
    .replace(/\(\?[imsU-]+:/g, '(?:')
    .replace(/\\[zA]/g, '')
    .replace(/\\Q(.*?)(\\E|$)/g, (_m, lit: string) => lit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  try {
    new RegExp(js);
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : String(e);
    return `error parsing regexp: ${reason.toLowerCase()}: \`${re}\``;
  }
  const est = new Estimator(re);
  est.run();
  if (est.badRepeat) return `error parsing regexp: invalid repeat count: \`${est.badRepeat}\``;
  return null;
}
