/**
 * Outlier detection as Envoy does it (docs/fidelity.md §4.7), in the call graph: consecutive 5xx
 * eject a host inline; it returns at the first interval tick once base × multiplier has passed;
 * each ejection raises the multiplier, each clean tick lowers it; max_ejection_percent decides
 * whether a host may be ejected at all (with three endpoints, 34% allows one).
 */
import { describe, expect, it } from 'vitest';
import { sec } from '../../core/time';
import type { MeshTrace } from '../../mesh/contract';
import { dr, graphMesh, PAYMENTS, vs } from './testkit';

const od = (mep: number): string =>
  `outlierDetection:\n  consecutive5xxErrors: 3\n  interval: 1s\n  baseEjectionTime: 5s\n  maxEjectionPercent: ${mep}`;

function run(mep: number) {
  const sim = graphMesh(
    41,
    { userRps: 50, detail: true },
    `${vs('payments')}---\n${dr('payments', od(mep))}`,
  );
  const seen: MeshTrace[] = [];
  sim.trace.subscribe((e) => {
    if (e.type.startsWith('outlier.') && 'cluster' in e && e.cluster === PAYMENTS) seen.push(e);
  });
  sim.command({ kind: 'pod.fail', pod: 'payments-v1-a', share: 1 });
  return { sim, seen };
}

describe('outlier detection (call graph)', () => {
  it('ejects after 3 consecutive 5xx, returns at the first tick after base × multiplier, is ejected for twice as long next time, and clean ticks lower the multiplier', () => {
    const { sim, seen } = run(34);
    sim.advanceTo(sim.now + sec(20));
    sim.command({ kind: 'pod.fail', pod: 'payments-v1-a', share: 0 });
    sim.advanceTo(sim.now + sec(25));
    const ej = seen.filter((e) => e.type === 'outlier.ejected');
    const back = seen.filter((e) => e.type === 'outlier.returned');
    expect(ej.length).toBeGreaterThanOrEqual(2);
    expect(back.length).toBe(ej.length);
    const [e1, e2] = ej;
    const [r1, r2] = back;
    if (e1?.type !== 'outlier.ejected' || e2?.type !== 'outlier.ejected' || !r1 || !r2)
      throw new Error('missing entries');
    expect(e1.host).toBe('payments-v1-a');
    expect(e1.multiplier).toBe(1);
    expect(r1.t - e1.t).toBeGreaterThanOrEqual(sec(5));
    expect(r1.t - e1.t).toBeLessThan(sec(6));
    expect(e2.multiplier).toBe(2);
    expect(r2.t - e2.t).toBeGreaterThanOrEqual(sec(10));
    expect(r2.t - e2.t).toBeLessThan(sec(11));
    // Returns happen on the 1 s interval grid.
    expect((r2.t - r1.t) % sec(1)).toBe(0);
    // Three responses counted before each ejection.
    const counts = seen.filter((e) => e.type === 'outlier.response' && e.decision === 'count');
    expect(counts.length).toBeGreaterThanOrEqual(4);
    // Healed: after the last return, each tick lowers the multiplier by one, down to 0.
    const lastEj = ej[ej.length - 1];
    const lastBack = back[back.length - 1];
    if (lastEj?.type !== 'outlier.ejected' || !lastBack) throw new Error('no last ejection');
    const dec = seen.filter((e) => e.type === 'outlier.decremented' && e.t > lastBack.t);
    const m = lastEj.multiplier ?? 0;
    expect(dec.map((e) => (e.type === 'outlier.decremented' ? e.multiplier : -1))).toEqual(
      Array.from({ length: m }, (_, i) => m - 1 - i),
    );
    dec.forEach((e, i) => expect(e.t - lastBack.t).toBe(sec(i + 1)));
  }, 30_000);

  it('with Istio’s default maxEjectionPercent 10 and three endpoints nothing is ejected: the detector says so', () => {
    const { sim, seen } = run(10);
    sim.advanceTo(sim.now + sec(10));
    expect(seen.filter((e) => e.type === 'outlier.ejected')).toHaveLength(0);
    const refused = seen.filter(
      (e) => e.type === 'outlier.response' && e.decision === 'maxEjectionPercent',
    );
    expect(refused.length).toBeGreaterThan(5);
  }, 30_000);
});
