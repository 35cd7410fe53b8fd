/**
 * The statistics of the call-graph mode: integer-only log-linear buckets (about 3% wide) with
 * nearest-rank percentiles, and windows: `traffic.mark` closes one (kept for comparison, at most
 * 8) and opens the next.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sec } from '../../core/time';
import { windowHistory } from '../../mesh/views';
import { bucketMid, bucketOf, percentilesMs, record } from './stats';
import { graphMesh } from './testkit';

describe('call-graph statistics', () => {
  it('buckets are monotonic, contain their value and are at most ~3% wide', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (us) => {
        const b = bucketOf(us);
        expect(bucketOf(us + 1)).toBeGreaterThanOrEqual(b);
        const mid = bucketMid(b);
        expect(Math.abs(mid - us)).toBeLessThanOrEqual(Math.max(0.5, us * 0.032));
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('percentiles by nearest rank', () => {
    const h = {};
    for (let ms = 1; ms <= 100; ms++) record(h, ms * 1000);
    const [p50, p90, p99] = percentilesMs(h, [50, 90, 99]);
    expect(p50).toBeCloseTo(50, -0.5);
    expect(p90).toBeCloseTo(90, -0.5);
    expect(p99).toBeCloseTo(99, -0.5);
    expect(percentilesMs({}, [50])).toEqual([0]);
  });

  it('traffic.mark closes the window (kept, labelled, at most 8) and opens a new one', () => {
    const sim = graphMesh(61, { userRps: 50 });
    for (let i = 0; i < 10; i++) {
      sim.command({ kind: 'traffic.mark', label: `w${i}` });
      sim.advanceTo(sim.now + sec(1));
    }
    const h = windowHistory(sim, 'payments');
    expect(h).toHaveLength(9);
    expect(h.map((w) => w.label)).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'w9']);
    for (const w of h) {
      expect(w.seconds).toBeCloseTo(1, 5);
      expect(w.users.issued).toBeGreaterThan(20);
      expect(w.amplification).toBeGreaterThan(0.8);
      // The cast's 90/10 canary: both v1 pods get calls every second.
      expect(w.service.hosts.map((x) => x.host)).toContain('payments-v1-a');
      expect(w.service.hosts.reduce((n, x) => n + x.share, 0)).toBeCloseTo(1, 5);
    }
  }, 30_000);
});
