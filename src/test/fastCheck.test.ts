import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUITE_SEED } from './fastCheck';

describe('fast-check runs from one fixed seed suite-wide (src/test/fastCheck.ts)', () => {
  it('uses the suite seed unless FC_SEED says otherwise', () => {
    if (process.env.FC_SEED) return;
    expect(fc.readConfigureGlobal().seed).toBe(SUITE_SEED);
  });
  it('gives the same values on every run, and names the seed of a failure', () => {
    const a = fc.sample(fc.integer(), 5);
    const b = fc.sample(fc.integer(), 5);
    expect(a).toEqual(b);
    const details = fc.check(fc.property(fc.integer(), (n) => n < 1000));
    expect(details.failed).toBe(true);
    expect(details.seed).toBe(fc.readConfigureGlobal().seed);
    expect(() => fc.assert(fc.property(fc.integer(), (n) => n < 1000))).toThrow(
      new RegExp(`seed: ${fc.readConfigureGlobal().seed}, path:`),
    );
  });
});
