import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng, seedRng } from '../core/rng';
import { ms } from '../core/time';
import { backoffCeiling, backoffDelay, XDS_BACKOFF_BASE, XDS_BACKOFF_MAX } from './backoff';

describe('xDS reconnect backoff (500 ms → 30 s, jittered)', () => {
  it('ceilings double from 500 ms and cap at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffCeiling(n) / 1000)).toEqual([
      500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  it('every delay is a whole number of ms in [0, ceiling) (Envoy: random() % interval)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 60 }), (seed, attempt) => {
        const d = backoffDelay(new Rng(seedRng(seed)), attempt);
        const c = backoffCeiling(attempt);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(c);
        expect(d).toBeLessThan(XDS_BACKOFF_MAX);
        expect(d % 1000).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('has no floor: the first retry is uniform over [0, 500 ms), a quarter of draws under 125 ms', () => {
    const rng = new Rng(seedRng(3));
    const ds = Array.from({ length: 4000 }, () => backoffDelay(rng, 0));
    const low = ds.filter((d) => d < XDS_BACKOFF_BASE / 4).length / ds.length;
    expect(low).toBeGreaterThan(0.22);
    expect(low).toBeLessThan(0.28);
    expect(Math.min(...ds)).toBeLessThan(ms(5));
    expect(Math.max(...ds)).toBeLessThan(XDS_BACKOFF_BASE);
  });

  it('is jittered: the same attempt gives different delays across draws', () => {
    const rng = new Rng(seedRng(1));
    const ds = new Set(Array.from({ length: 20 }, () => backoffDelay(rng, 3)));
    expect(ds.size).toBeGreaterThan(15);
  });
});
