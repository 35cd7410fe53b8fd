import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng, seedRng } from '../core/rng';
import { backoffCeiling, backoffDelay, XDS_BACKOFF_BASE, XDS_BACKOFF_MAX } from './backoff';

describe('xDS reconnect backoff (500 ms → 30 s, jittered)', () => {
  it('ceilings double from 500 ms and cap at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffCeiling(n) / 1000)).toEqual([
      500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  it('every delay lies in [ceiling/2, ceiling) and never exceeds 30 s', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 60 }), (seed, attempt) => {
        const d = backoffDelay(new Rng(seedRng(seed)), attempt);
        const c = backoffCeiling(attempt);
        expect(d).toBeGreaterThanOrEqual(c / 2);
        expect(d).toBeLessThan(c);
        expect(d).toBeLessThan(XDS_BACKOFF_MAX);
        expect(d).toBeGreaterThanOrEqual(XDS_BACKOFF_BASE / 2);
      }),
      { numRuns: 500 },
    );
  });

  it('is jittered: the same attempt gives different delays across draws', () => {
    const rng = new Rng(seedRng(1));
    const ds = new Set(Array.from({ length: 20 }, () => backoffDelay(rng, 3)));
    expect(ds.size).toBeGreaterThan(15);
  });
});
