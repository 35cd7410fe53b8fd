/**
 * Go `regexp.Compile`'s verdict on a regex, as Istio's validation runs it (RE2 syntax), with
 * Go's error texts (`error parsing regexp: missing closing ): \`(abc\``). Checked against Go's
 * regexp/syntax on the cases in regex.test.ts. Simplified: a scanner for the structural and
 * escape errors, then the JS engine for anything it does not cover (its wording differs).
 * Named groups `(?<name>…)` are accepted, as in Go ≥ 1.22 (Istio 1.24+ is built with it).
 */
import { badRepeatCount } from './regex';

const ESCAPES = new Set('afnrtvxAbBzdDsSwWpPQ'.split(''));

const fail = (code: string, frag: string): string => `error parsing regexp: ${code}: \`${frag}\``;

/** Go knows Unicode categories by short name (`L`, `Lu`) and scripts (`Greek`), plus `Any`. */
function knownProperty(name: string): boolean {
  const n = name.replace(/^\^/, '');
  if (n === 'Any') return true;
  const accepts = (src: string): boolean => {
    try {
      new RegExp(src, 'u');
      return true;
    } catch {
      return false;
    }
  };
  return (/^[A-Z][a-z]?$/.test(n) && accepts(`\\p{${n}}`)) || accepts(`\\p{Script=${n}}`);
}

/** End index (exclusive) of the class starting at `i` (`[`), or -1 if it never closes. */
function classEnd(re: string, i: number): number {
  let j = i + 1;
  if (re[j] === '^') j++;
  if (re[j] === ']') j++; // a leading ] is a literal
  while (j < re.length) {
    if (re[j] === '\\') j += 2;
    else if (re.startsWith('[:', j) && re.indexOf(':]', j) > 0) j = re.indexOf(':]', j) + 2;
    else if (re[j] === ']') return j + 1;
    else j++;
  }
  return -1;
}

function scan(re: string): string | null {
  const open: number[] = [];
  let atom = false; // something a quantifier can apply to precedes
  let quant = ''; // the quantifier just seen
  for (let i = 0; i < re.length;) {
    const c = re[i] ?? '';
    if (c === '\\') {
      const n = re[i + 1];
      if (n === undefined) return fail('trailing backslash at end of expression', '');
      if (n === 'Q') {
        const end = re.indexOf('\\E', i + 2);
        i = end < 0 ? re.length : end + 2;
      } else if (/[0-9]/.test(n)) {
        if (n === '8' || n === '9' || (n !== '0' && !/[0-7]/.test(re[i + 2] ?? '')))
          return fail('invalid escape sequence', `\\${n}`);
        i += 2;
      } else if (/[A-Za-z]/.test(n) && !ESCAPES.has(n)) {
        return fail('invalid escape sequence', `\\${n}`);
      } else if (n === 'p' || n === 'P') {
        const braced = re[i + 2] === '{';
        const end = braced ? re.indexOf('}', i) : i + 2;
        const name = braced ? re.slice(i + 3, end) : (re[i + 2] ?? '');
        if (end < 0 || !knownProperty(name))
          return fail('invalid character class range', re.slice(i, braced ? end + 1 : i + 3));
        i = end + 1;
      } else i += 2;
      [atom, quant] = [true, ''];
      continue;
    }
    if (c === '[') {
      const end = classEnd(re, i);
      if (end < 0) return fail('missing closing ]', re.slice(i));
      const bad = /([^\\])-([^\]\\])/g;
      for (let m = bad.exec(re.slice(i + 1, end - 1)); m; m = bad.exec(re.slice(i + 1, end - 1)))
        if ((m[1] ?? '') > (m[2] ?? ''))
          return fail('invalid character class range', `${m[1]}-${m[2]}`);
      [i, atom, quant] = [end, true, ''];
      continue;
    }
    if (c === '(') {
      const flags = /^\(\?[imsU-]*\)/.exec(re.slice(i)); // (?i): not a group
      const group = /^\(\?(P?<[A-Za-z0-9_]+>|[imsU-]*:)/.exec(re.slice(i));
      if (!flags) open.push(i);
      i += (flags ?? group)?.[0].length ?? 1;
      [atom, quant] = [false, ''];
      continue;
    }
    if (c === ')') {
      if (open.pop() === undefined) return fail('unexpected )', re);
      [i, atom, quant] = [i + 1, true, ''];
      continue;
    }
    const rep = c === '{' ? /^\{\d+(,\d*)?\}/.exec(re.slice(i)) : null;
    if (c === '*' || c === '+' || c === '?' || rep) {
      const op = rep ? rep[0] : c;
      if (c === '?' && quant !== '' && !quant.endsWith('?')) {
        quant += '?'; // lazy
        i++;
        continue;
      }
      if (!atom)
        return quant !== ''
          ? fail('invalid nested repetition operator', quant + op)
          : fail('missing argument to repetition operator', op);
      [i, atom, quant] = [i + op.length, false, op];
      continue;
    }
    [i, atom, quant] = [i + 1, c !== '|' && c !== '^', ''];
    if (c === '|') atom = false;
  }
  return open.length > 0 ? fail('missing closing )', re) : null;
}

/** Go `regexp.Compile`'s verdict on `re`: null if it compiles, else Go's error text. */
export function goRegexpError(re: string): string | null {
  const perl = /\(\?(=|!|<=|<!)/.exec(re);
  if (perl)
    return fail('invalid or unsupported Perl syntax', perl[1]?.startsWith('<') ? '(?<' : perl[0]);
  const structural = scan(re);
  if (structural) return structural;
  const repeat = badRepeatCount(re);
  if (repeat) return fail('invalid repeat count', repeat);
  // Anything else the JS engine rejects (after translating RE2-only syntax).
  const js = re
    .replace(/\(\?P</g, '(?<')
    .replace(/\(\?[imsU-]+\)/g, '')
    .replace(/\(\?[imsU-]+:/g, '(?:')
    .replace(/\\[zA]/g, '')
    .replace(/\\Q(.*?)(\\E|$)/g, (_m, lit: string) => lit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .replace(/\\[pP](\{[^}]*\}|[A-Za-z])/g, '.')
    .replace(/\[\[:[a-z]+:\]\]/g, '.');
  try {
    new RegExp(js);
  } catch (e) {
    const reason =
      e instanceof Error
        ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')
        : String(e);
    return fail(reason.toLowerCase(), re);
  }
  return null;
}
