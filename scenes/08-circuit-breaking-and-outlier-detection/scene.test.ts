import { describe, expect, it } from 'vitest';
import { SECOND } from '../../src/engine/core/time';
import type { MeshTrace, MeshTraceOf } from '../../src/engine/mesh/contract';
import type { MeshSim } from '../../src/engine/mesh/types';
import { loadView, poolView } from '../../src/engine/mesh/views';
import { outlierView } from '../../src/engine/mesh/views/graphOutlier';
import { Player } from '../../src/runtime/player';
import { fortio, PAYMENTS, scene8 } from './scene';

/** A player at the end of step 1, collecting every entry from then on. */
function recorded() {
  const p = new Player(scene8);
  p.goToStep(0);
  const seen: MeshTrace[] = [];
  p.sim.trace.subscribe((e) => void seen.push(e));
  const of = <K extends MeshTrace['type']>(k: K, pod?: string) =>
    seen.filter(
      (e): e is MeshTraceOf<K> =>
        e.type === k &&
        (pod === undefined || ('pod' in e ? e.pod : 'from' in e ? e.from : '') === pod),
    );
  return { p, seen, of };
}

/** Plays steps 2..`last` headlessly (the same run: `next` never rebuilds it). */
function playTo(p: { finishStep(): void; next(): void }, last: number) {
  for (let k = 2; k <= last; k++) {
    p.next();
    p.finishStep();
  }
}

/**
 * The special point of scene 8: a 503 UO appears exactly when a circuit-breaker limit is
 * exceeded, and only then; the outlier timeline's numbers are the ones the detector acts on.
 */
describe('scene 8, headless', () => {
  it('UO responses appear exactly when a limit is exceeded: each 503 UO is one overflow at the limit, each admitted call stayed within the limits', () => {
    const { p, of } = recorded();
    playTo(p, 5);
    // And the learner's experiment: fortio from checkout-1, sharing the pool with user calls.
    p.sim.command(fortio('checkout-1', 3));
    p.sim.runUntil((s) => (s as MeshSim).state.traffic.graph?.load?.end !== null);
    let rejected = 0;
    for (const pod of ['cart-1', 'checkout-1']) {
      const uo = of('request.done', pod).filter((d) => d.flags.split(',').includes('UO'));
      const over = of('pool.overflow', pod).filter((o) => o.result === '503 UO');
      expect(uo.length, pod).toBeGreaterThan(0);
      expect(uo.every((d) => d.code === 503)).toBe(true);
      expect(over.map((o) => o.id).sort()).toEqual(uo.map((d) => d.id).sort());
      for (const o of over) {
        expect(o.limit).toBe('max_pending_requests');
        expect(o.current).toBe(o.threshold);
      }
      // A call the pool took never made it pass a limit.
      for (const a of of('pool.admit', pod)) expect(a.pending).toBeLessThanOrEqual(1);
      // Envoy's counter is the number of those 503s.
      expect(poolView(p.sim, pod, PAYMENTS).overflow.max_pending_requests).toBe(over.length);
      rejected += over.length;
    }
    expect(rejected).toBeGreaterThan(10);
    // At max_connections a call waits (upstream_cx_overflow), it is never failed.
    const cx = of('pool.overflow').filter((o) => o.limit === 'max_connections');
    expect(cx.length).toBeGreaterThan(0);
    expect(cx.every((o) => o.result === 'queued')).toBe(true);
  }, 60_000);

  it('fortio in cart-1: -c 1 gets only 200s; -c 2 and -c 3 get 503s, exactly their max_pending_requests overflows', () => {
    const { p, of } = recorded();
    const runs: { c: number; byCode: Record<string, number>; uo: number }[] = [];
    let before = 0;
    for (const [step, c] of [
      [2, 1],
      [4, 2],
      [5, 3],
    ] as const) {
      while (p.stepIndex + 1 < step) {
        p.next();
        p.finishStep();
      }
      const uo = poolView(p.sim, 'cart-1', PAYMENTS).overflow.max_pending_requests;
      runs.push({ c, byCode: loadView(p.sim)?.byCode ?? {}, uo: uo - before });
      before = uo;
    }
    expect(runs[0]).toEqual({ c: 1, byCode: { '200': 20 }, uo: 0 });
    for (const r of runs.slice(1)) {
      expect(r.byCode['503']).toBe(r.uo);
      expect(r.uo).toBeGreaterThan(0);
    }
    expect(of('load.done', 'cart-1').map((d) => d.requests)).toEqual([20, 20, 30]);
  }, 60_000);

  it('the ejection timeline shows what the detector does: 10 s at multiplier 2, back at the tick it names, skipped meanwhile; with maxEjectionPercent 10 nothing is ejected', () => {
    const { p, of } = recorded();
    playTo(p, 7);
    const v = outlierView(p.sim, 'checkout-1', PAYMENTS);
    const h = v.hosts.find((x) => x.host === 'payments-v1-a');
    expect(v.config).toMatchObject({ consecutive5xx: 3, intervalMs: 1000, baseMs: 5000 });
    expect(v.maxEjectable).toBe(3);
    expect(h).toMatchObject({ ejected: true, multiplier: 2 });
    expect(h?.last?.forMs).toBe(10_000);
    const predicted = h?.last?.returnsAt ?? 0;
    const ejectedAt = h?.last?.at ?? 0;
    expect(predicted - ejectedAt).toBeGreaterThanOrEqual(10 * SECOND);
    expect(predicted - ejectedAt).toBeLessThan(11 * SECOND);
    p.next();
    p.finishStep();
    const back = of('outlier.returned', 'checkout-1').filter((e) => e.t > ejectedAt);
    expect(back[0]?.t).toBe(predicted);
    // While it was out, checkout-1's load balancer never chose it.
    const picks = of('lb.pick', 'checkout-1').filter((e) => e.t > ejectedAt && e.t < predicted);
    expect(picks.length).toBeGreaterThan(20);
    expect(picks.some((e) => e.chosen === 'payments-v1-a')).toBe(false);
    // The tick after its return lowers the multiplier: the table says 1.
    expect(outlierView(p.sim, 'checkout-1', PAYMENTS).hosts[0]).toMatchObject({
      host: 'payments-v1-a',
      ejected: false,
      multiplier: 1,
    });
    const t9 = p.sim.now;
    p.next();
    p.finishStep();
    p.next();
    p.finishStep();
    expect(outlierView(p.sim, 'checkout-1', PAYMENTS).maxEjectable).toBe(0);
    p.play();
    for (let k = 0; k < 100; k++) p.advance(50_000);
    expect(of('outlier.ejected', 'checkout-1').filter((e) => e.t > t9)).toHaveLength(0);
    const refused = of('outlier.response', 'checkout-1').filter(
      (e) => e.t > t9 && e.decision === 'maxEjectionPercent',
    );
    expect(refused.length).toBeGreaterThan(2);
  }, 60_000);
});
