import { describe, expect, it } from 'vitest';
import { estimateRe2ProgramSize } from './regex';

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
