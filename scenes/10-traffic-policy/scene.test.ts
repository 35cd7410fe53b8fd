import { describe, expect, it } from 'vitest';
import type { MeshSim } from '../../src/engine/mesh/types';
import { routeChanges, routeTable } from '../../src/engine/mesh/views';
import { Player } from '../../src/runtime/player';
import { scene10 } from './scene';

const at = (step: number): MeshSim => {
  const p = new Player(scene10);
  p.goToStep(step - 1); // 0-based
  return p.sim;
};
const weights = (sim: MeshSim) =>
  (routeTable(sim, 'checkout-1')?.routes[0]?.clusters ?? []).map((c) => `${c.subset} ${c.weight}`);

/** What is special about scene 10: valid YAML changes every route table; invalid YAML changes nothing. */
describe('scene 10, headless', () => {
  it('50/50 reaches every sidecar as a route diff once it has ACKed', () => {
    const sim = at(2);
    const rows = routeChanges(sim);
    expect(rows).toHaveLength(8);
    for (const r of rows)
      expect(r.lines).toContain(
        '~ route payments: outbound|8080|v1|payments.shop.svc.cluster.local 90 → 50',
      );
  });

  it('a rejected document (weight -10) is refused with its line and field, and changes nothing', () => {
    const before = at(3);
    const after = at(4);
    const rejected = after.trace.recent().filter((e) => e.type === 'config.rejected');
    expect(rejected.at(-1)).toMatchObject({
      errors: ['line 18: spec.http[0].route[1].weight: weight -10 < 0'],
    });
    expect(after.state.configGeneration).toBe(before.state.configGeneration);
    expect(after.state.config).toEqual(before.state.config);
    expect(weights(after)).toEqual(['v2 100']);
  });

  it('with Istiod down the webhook cannot be reached: the apply is refused and the routes stay', () => {
    const sim = at(7);
    const last = sim.trace
      .recent()
      .filter((e) => e.type === 'config.rejected')
      .at(-1);
    expect(last).toMatchObject({ webhook: 'validation.istio.io' });
    expect(weights(sim)).toEqual(['v1 90', 'v2 10']);
  });
});
