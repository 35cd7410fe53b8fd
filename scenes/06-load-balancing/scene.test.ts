import { describe, expect, it } from 'vitest';
import { sec } from '../../src/engine/core/time';
import type { MeshTraceOf } from '../../src/engine/mesh/contract';
import type { MeshSim } from '../../src/engine/mesh/types';
import { serviceLatency, windowHistory } from '../../src/engine/mesh/views';
import { Player } from '../../src/runtime/player';
import { runRows } from '../../src/ui/graph/runRows';
import { PAYMENTS_ALL } from './machines';
import { KNOBS, POLICY_YAML, SLOW_MS, SLOW_POD, type Policy } from './runs';
import { scene6 } from './scene';

/** The scene's setup on `seed`, payments-v1-b slow, `policy` applied, then 20 s measured. */
function measure(seed: number, policy: Policy) {
  const p = new Player(scene6, seed);
  const sim = p.sim as MeshSim;
  sim.advanceTo(sec(1));
  sim.command({ kind: 'config.apply', yaml: POLICY_YAML[policy] });
  sim.command({ kind: 'pod.slow', pod: SLOW_POD, extraMs: SLOW_MS });
  sim.advanceTo(sec(3));
  sim.command({ kind: 'traffic.mark', label: policy });
  sim.advanceTo(sec(23));
  const v = serviceLatency(sim, 'payments');
  if (!v) throw new Error('no call-graph window');
  const share = v.hosts.find((h) => h.host === SLOW_POD)?.share ?? 0;
  return { p99: v.calls.p99, p90: v.calls.p90, calls: v.calls.done, share };
}

/** What is special about scene 6: with one slow pod, least request beats round robin. */
describe('scene 6, headless', () => {
  it.each([42, 1, 2, 3])(
    'seed %i, one slow pod (+200 ms, 4 workers), 50 users/s: LEAST_REQUEST gives a lower p99 and p90 than ROUND_ROBIN, and sends the slow pod far fewer calls',
    (seed) => {
      const rr = measure(seed, 'ROUND_ROBIN');
      const lr = measure(seed, 'LEAST_REQUEST');
      expect(rr.calls).toBeGreaterThan(900);
      expect(lr.calls).toBeGreaterThan(900);
      expect(lr.p99).toBeLessThan(rr.p99 * 0.85);
      expect(lr.p90).toBeLessThan(rr.p90);
      expect(rr.share).toBeCloseTo(1 / 3, 2);
      expect(lr.share).toBeLessThan(0.2);
    },
    60_000,
  );

  it('the steps measure one row per policy; the rows name what was in force, read from the input log', () => {
    const p = new Player(scene6);
    p.goToStep(5); // 0-based: the sixth step, ring hash measured
    const rows = runRows(p.sim as MeshSim, 'payments', KNOBS);
    expect(rows.map((r) => [r.words.label, r.words.note[0]])).toEqual([
      ['LEAST_REQUEST', 'all pods healthy · 50 users/s'],
      ['LEAST_REQUEST', 'v1-b +200 ms · 50 users/s'],
      ['ROUND_ROBIN', 'v1-b +200 ms · 50 users/s'],
      ['RING_HASH', 'v1-b +200 ms · 50 users/s'],
    ]);
    // Between them, the moments a DestinationRule was on its way (under 2 s) are left out.
    expect(windowHistory(p.sim as MeshSim, 'payments')).toHaveLength(6);
    const [, lr, rr] = rows.map((r) => r.w);
    expect(lr?.service.calls.done).toBeGreaterThanOrEqual(500);
    expect(rr?.service.calls.done).toBeGreaterThanOrEqual(500);
    expect(lr!.service.calls.p99).toBeLessThan(rr!.service.calls.p99);
  }, 60_000);

  it('ring hash sends each user to one pod; every pick names the x-user key', () => {
    const p = new Player(scene6);
    p.goToStep(4);
    const sim = p.sim as MeshSim;
    const pods = new Map<string, Set<string>>();
    const off = sim.trace.subscribe((e) => {
      if (e.type !== 'lb.pick' || e.cluster !== PAYMENTS_ALL) return;
      const pick = e as MeshTraceOf<'lb.pick'>;
      expect(pick.policy).toBe('RING_HASH');
      const key = pick.key ?? '';
      pods.set(key, (pods.get(key) ?? new Set()).add(pick.chosen));
    });
    sim.advanceTo(sim.now + sec(10));
    off();
    expect(pods.size).toBeGreaterThan(60);
    for (const [key, set] of pods) {
      expect(key).toMatch(/^user-\d+$/);
      expect(set.size).toBe(1);
    }
  }, 60_000);
});
