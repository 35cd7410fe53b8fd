/**
 * Mutated real files for the validator's fuzzing (`npm run fuzz:validate`, fuzz.test.ts): a
 * corpus file (the fixtures, the presets, the cast's config) with one to four edits a person or a
 * broken tool might make — lines deleted, duplicated, swapped or re-indented, keys and values
 * replaced by odd tokens (prototype names, `.nan`, aliases, tags), a cut-off file, other line
 * endings, a document repeated many times, deep nesting, a huge value, an alias bomb. And the rule
 * that says when a message is unclear. Test-only: nothing in the app imports it.
 */
import fc from 'fast-check';
import { KEYS, SCALARS } from './fuzzInputs';

const TOKENS = [
  ...SCALARS,
  '&a',
  '*a',
  '<<: *a',
  '!!binary',
  '!tag',
  '!!str',
  '? k',
  '%YAML 1.2',
  '\t',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '"unterminated',
  "'",
  '{',
  '}',
  '[',
  ']',
  '|',
  '>-',
  '@',
  '`',
  '- ',
  ': ',
  '#',
  '---',
  '...',
  '-1e309',
  '0o17',
  '9007199254740993',
  '"\\ud800"',
  'é',
  '🙂',
];

type OpName =
  | 'deleteLine'
  | 'dupLines'
  | 'swapLines'
  | 'indent'
  | 'replaceValue'
  | 'replaceKey'
  | 'insertToken'
  | 'insertLine'
  | 'truncate'
  | 'eol'
  | 'repeatDoc'
  | 'deepNest'
  | 'bigValue'
  | 'aliasBomb'
  | 'byteFlip';

/** How often each edit is drawn (the costly ones rarely). */
const OPS: [OpName, number][] = [
  ['deleteLine', 6],
  ['dupLines', 6],
  ['swapLines', 4],
  ['indent', 6],
  ['replaceValue', 10],
  ['replaceKey', 8],
  ['insertToken', 6],
  ['insertLine', 5],
  ['truncate', 3],
  ['eol', 2],
  ['repeatDoc', 2],
  ['deepNest', 1],
  ['bigValue', 1],
  ['aliasBomb', 1],
  ['byteFlip', 5],
];

interface Edit {
  op: OpName;
  a: number;
  b: number;
  token: string;
  key: string;
}

const BIG = [1_000, 20_000, 300_000, 900_000, 5_000_000];

function lines(text: string): string[] {
  return text.split('\n');
}

function at<T>(xs: readonly T[], i: number): T {
  return xs[i % xs.length] as T;
}

/** Applies one edit (pure: the same edit on the same text gives the same result). */
export function applyEdit(text: string, e: Edit): string {
  const ls = lines(text);
  const n = ls.length;
  const i = e.a % n;
  const j = e.b % n;
  switch (e.op) {
    case 'deleteLine':
      ls.splice(i, 1);
      return ls.join('\n');
    case 'dupLines': {
      const block = ls.slice(i, i + 1 + (e.b % 8));
      ls.splice(i, 0, ...Array.from({ length: 1 + (e.b % 5) }, () => block).flat());
      return ls.join('\n');
    }
    case 'swapLines': {
      const x = ls[i] as string;
      ls[i] = ls[j] as string;
      ls[j] = x;
      return ls.join('\n');
    }
    case 'indent': {
      const l = ls[i] as string;
      ls[i] = at(['  ' + l, l.replace(/^ {1,2}/, ''), '\t' + l, ' ' + l, l.trimStart()], e.b);
      return ls.join('\n');
    }
    case 'replaceValue': {
      const l = ls[i] as string;
      const k = l.indexOf(': ');
      ls[i] = k >= 0 ? `${l.slice(0, k + 2)}${e.token}` : `${l} ${e.token}`;
      return ls.join('\n');
    }
    case 'replaceKey': {
      const l = ls[i] as string;
      ls[i] = l.replace(/^(\s*-?\s*)[^:\s]+:/, (_, pre: string) => `${pre}${e.key}:`);
      return ls.join('\n');
    }
    case 'insertToken': {
      const p = e.b % (text.length + 1);
      return text.slice(0, p) + e.token + text.slice(p);
    }
    case 'insertLine': {
      const indent = ' '.repeat(e.b % 7);
      ls.splice(i, 0, at([`${indent}${e.token}`, `${indent}${e.key}: ${e.token}`], e.b));
      return ls.join('\n');
    }
    case 'truncate':
      return text.slice(0, e.b % (text.length + 1));
    case 'eol':
      return text.replace(/\n/g, at(['\r', '\r\n', '\n\r', '\n\n'], e.b));
    case 'repeatDoc': {
      // Up to 400 copies, at most about 6 MB in all (the CLI reads files up to 16 MB).
      const copies = Math.min(2 + (e.b % 400), Math.max(2, Math.floor(6e6 / (text.length + 5))));
      return Array.from({ length: copies }, () => text).join('\n---\n');
    }
    case 'deepNest': {
      const d = 10 + (e.b % 3000);
      const v = at(['[', '{a: ', '- '], e.a);
      const open =
        v === '- '
          ? '\n' + Array.from({ length: d }, (_, k) => ' '.repeat(k) + '- ').join('\n')
          : v.repeat(d);
      const close = v === '[' ? ']'.repeat(d) : v === '{a: ' ? '}'.repeat(d) : '';
      return applyEdit(text, { ...e, op: 'replaceValue', token: `${open}1${close}` });
    }
    case 'bigValue':
      return applyEdit(text, { ...e, op: 'replaceValue', token: 'x'.repeat(at(BIG, e.b)) });
    case 'aliasBomb': {
      const levels = 3 + (e.b % 8);
      const bomb = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let k = 1; k <= levels; k++)
        bomb.push(`a${k}: &a${k} [${Array.from({ length: 9 }, () => `*a${k - 1}`).join(', ')}]`);
      return `${text}\n---\n${bomb.join('\n')}\n`;
    }
    case 'byteFlip': {
      const p = e.b % Math.max(1, text.length);
      const c = String.fromCharCode(e.a % 0x3000);
      return text.slice(0, p) + c + text.slice(p + 1);
    }
  }
}

const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.oneof(...OPS.map(([op, weight]) => ({ weight, arbitrary: fc.constant(op) }))),
  a: fc.nat(),
  b: fc.nat(),
  token: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...TOKENS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  ),
  key: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...KEYS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  ),
});

/** A corpus file with one to four edits. */
export function mutatedFile(corpus: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...corpus), fc.array(edit, { minLength: 1, maxLength: 4 }))
    .map(([text, edits]) => edits.reduce(applyEdit, text));
}

const JS_ERRORS =
  /\b(TypeError|RangeError|ReferenceError|SyntaxError|InternalError|EvalError|URIError|AggregateError)\b|Maximum call stack|is not a function|Cannot read propert|Cannot convert|is not iterable|is not defined|Invalid array length|Invalid string length/;

/**
 * Why a message shown to a person is unclear, or null when it is not. Unclear: empty; longer
 * than 300 characters; a JavaScript error's words (an error name, "Maximum call stack", "is not
 * a function", "Cannot read properties"...); `[object`; and, outside the user's own text (the
 * double-quoted parts, and a quoted key where the field path repeats it), the words `undefined`
 * (but for istioctl's own "undefined behavior") or `NaN`, or `null` other than "got null" (how
 * the validator describes a YAML null) — e.g. "got number null".
 */
export function unclearReason(message: string): string | null {
  if (message.trim() === '') return 'empty';
  if (message.length > 300) return `longer than 300 characters (${message.length})`;
  const m = JS_ERRORS.exec(message);
  if (m) return `a JavaScript error: "${m[0]}"`;
  if (message.includes('[object')) return '"[object"';
  // The user's own text: every double-quoted part, and wherever a quoted key recurs unquoted
  // (the field path names the key the message quotes: `spec.null x: unknown field "null x"`).
  const QUOTED = /"((?:[^"\\]|\\.)*)"/g;
  let own = message.replace(QUOTED, '""');
  for (const [, q] of message.matchAll(QUOTED)) if (q) own = own.split(q).join('');
  if (/\bundefined\b(?! behavior)/.test(own)) return '"undefined"';
  if (/\bNaN\b/.test(own)) return '"NaN"';
  if (/\bnull\b/.test(own.replace(/\bgot null\b/g, ''))) return '"null"';
  return null;
}
