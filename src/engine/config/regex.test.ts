import { describe, expect, it } from 'vitest';
import { estimateRe2ProgramSize } from './regex';
import { parseGoDuration } from './duration';
import { goRegexpError } from './goRegexp';

/**
 * `RE2::ProgramSize()` values measured with RE2 2022-06-01 (Debian libre2-dev), the number Envoy
 * compares with `re2.max_program_size.error_level`. The last one is Envoy's own error-level test
 * regex family; `^/user/(488/sms|…)` gave 106 in a real Envoy NACK report.
 */
const MEASURED: [string, number][] = [
  ['a', 5],
  ['abc', 7],
  ['.', 12],
  ['a+', 6],
  ['(a)', 7],
  ['[a-z0-9-]', 7],
  ['[^a-z]', 12],
  ['\\w', 7],
  ['\\p{L}', 1197],
  ['\\p{N}', 237],
  ['[a-z]{1,10}', 23],
  ['(ab){2,4}', 22],
  ['.{1,10}', 93],
  ['^[a-z0-9]{1,256}$', 769],
  ['[A-Za-z0-9_]', 7],
  ['\\bfoo\\b', 9],
  ['/asdf/.*/asdf/.*', 32],
  ['GET|POST|PUT|DELETE', 19],
  ['(red|green|blue)', 18],
  ['/api/(users|orders|items)/[0-9]+', 30],
  ['foo|foobar', 11],
  ['(?:cat|car|cab|dog)', 12],
];

describe('estimateRe2ProgramSize (calibrated against RE2)', () => {
  it.each(MEASURED)('%s → %i', (re, real) => {
    expect(Math.abs(estimateRe2ProgramSize(re) - real)).toBeLessThanOrEqual(1);
  });

  it('is within 1% for the large Unicode class used by makeEnvoyRejectedConfig (RE2: 343553)', () => {
    const est = estimateRe2ProgramSize('^[\\p{L}\\p{N}._-]{1,256}$');
    expect(Math.abs(est - 343553) / 343553).toBeLessThan(0.01);
  });

  it('models RE2 factoring the common prefix of alternatives (a real NACK regex: 106)', () => {
    const re =
      '^/user/(488/sms|h5/getJwt|captcha|version/getAIDrawTemplate|version/isMainLand|version/promotionTemplate|version/activityTemplate2).*';
    const est = estimateRe2ProgramSize(re);
    expect(Math.abs(est - 106) / 106).toBeLessThan(0.1);
  });
});

/** Go's own verdicts (regexp.Compile, go1.19 regexp/syntax): null = compiles. */
const GO_REGEXP: [string, string | null][] = [
  ['/(?=x)', 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`'],
  ['/(?!x)', 'error parsing regexp: invalid or unsupported Perl syntax: `(?!`'],
  ['(?<=a)b', 'error parsing regexp: invalid or unsupported Perl syntax: `(?<`'],
  ['a\\1', 'error parsing regexp: invalid escape sequence: `\\1`'],
  ['a{1001}', 'error parsing regexp: invalid repeat count: `{1001}`'],
  ['(a{100}){11}', 'error parsing regexp: invalid repeat count: `{11}`'],
  ['(abc', 'error parsing regexp: missing closing ): `(abc`'],
  ['abc)', 'error parsing regexp: unexpected ): `abc)`'],
  ['[a-', 'error parsing regexp: missing closing ]: `[a-`'],
  ['*a', 'error parsing regexp: missing argument to repetition operator: `*`'],
  ['a**', 'error parsing regexp: invalid nested repetition operator: `**`'],
  ['\\p{Foo}', 'error parsing regexp: invalid character class range: `\\p{Foo}`'],
  ['(?P<name>a)', null],
  ['(?i)abc', null],
  ['\\Qa.b\\E', null],
  ['a\\z', null],
  ['[[:alpha:]]', null],
  ['x{2,1}', 'error parsing regexp: invalid repeat count: `{2,1}`'],
  ['\\C', 'error parsing regexp: invalid escape sequence: `\\C`'],
  ['a{,5}', null],
  ['\\8', 'error parsing regexp: invalid escape sequence: `\\8`'],
  ['[z-a]', 'error parsing regexp: invalid character class range: `z-a`'],
  ['\\pL+', null],
  ['^[\\p{L}\\p{N}._-]{1,256}$', null],
  ['(?:a|b)+', null],
  ['(?i:abc)d', null],
  ['a|*b', 'error parsing regexp: missing argument to repetition operator: `*`'],
  ['(a|)', null],
  ['a{2}{3}', 'error parsing regexp: invalid nested repetition operator: `{2}{3}`'],
  ['x*?y', null],
  ['[]a]', null],
  ['[^]a]', null],
  ['a\\x41b', null],
  ['a\\x{1F600}', null],
  ['[\\d-z]', null],
  ['\\Qa(b\\E)', 'error parsing regexp: unexpected ): `\\Qa(b\\E)`'],
  ['(?P<n>a)(?P<m>b)', null],
  ['\\E', 'error parsing regexp: invalid escape sequence: `\\E`'],
];

/** Go's time.ParseDuration on the same inputs: nanoseconds or the error text. */
const GO_DURATION: [string, string][] = [
  ['1s', '1000000000'],
  ['500ms', '500000000'],
  ['1m30s', '90000000000'],
  ['1.5h', '5400000000000'],
  ['5 s', 'time: unknown unit " s" in duration "5 s"'],
  ['10', 'time: missing unit in duration "10"'],
  ['abc', 'time: invalid duration "abc"'],
  ['0', '0'],
  ['-1s', '-1000000000'],
  ['1x', 'time: unknown unit "x" in duration "1x"'],
  ['30 seconds', 'time: unknown unit " seconds" in duration "30 seconds"'],
  ['.5s', '500000000'],
  ['1.s', '1000000000'],
  ['+2m', '120000000000'],
  ['1\u00b5s', '1000'],
  ['1us', '1000'],
  ['100ns', '100'],
  ['3m', '180000000000'],
];

describe('goRegexpError matches Go regexp.Compile', () => {
  it.each(GO_REGEXP)('%s', (re, go) => {
    expect(goRegexpError(re)).toBe(go);
  });
  it('accepts (?<name>…) named groups as Go ≥ 1.22 does (Istio 1.24+ builds with it)', () => {
    expect(goRegexpError('(?<name>a)')).toBeNull();
  });
});

describe('parseGoDuration matches Go time.ParseDuration', () => {
  it.each(GO_DURATION)('%s', (text, go) => {
    const d = parseGoDuration(text);
    expect('ns' in d ? String(d.ns) : d.error).toBe(go);
  });
});
