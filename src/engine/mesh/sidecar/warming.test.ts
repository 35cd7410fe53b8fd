/**
 * Warming (docs/fidelity.md §1.4): an updated cluster needs a new ClusterLoadAssignment to finish
 * warming, even when its endpoints did not change — Istiod must send it, in SotW and in Delta,
 * on a push and after a reconnect. Otherwise the old cluster would keep serving forever.
 */
import { describe, expect, it } from 'vitest';
import { sec } from '../../core/time';
import { createMesh } from '../create';
import { generateFor } from '../resources';

const DR = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: payments
  namespace: shop
spec:
  host: payments
  trafficPolicy:
    loadBalancer:
      simple: ROUND_ROBIN
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
`;
const V1 = 'outbound|8080|v1|payments.shop.svc.cluster.local';

describe('cluster warming', () => {
  for (const delta of [false, true]) {
    it(`an updated cluster finishes warming after a push and after a reconnect (${delta ? 'Delta' : 'SotW'})`, () => {
      const sim = createMesh({ seed: 51, perEdgeRps: 2, delta });
      sim.advanceTo(sec(3));
      sim.command({ kind: 'config.apply', yaml: DR });
      sim.advanceTo(sec(4));
      for (const pod of sim.state.order) {
        const sc = sim.state.sidecars[pod]!;
        expect(Object.keys(sc.warmingClusters), pod).toEqual([]);
        expect(sc.active.CDS[V1]).toBe(generateFor(sim.state, pod).CDS[V1]?.hash);
      }
      // The change is stored, but Istiod dies within its 100 ms debounce: only the full state
      // after the reconnect carries it. (While Istiod is down the API server refuses edits.)
      sim.command({ kind: 'config.apply', yaml: DR.replace('ROUND_ROBIN', 'RANDOM') });
      sim.command({ kind: 'istiod.kill' });
      sim.advanceTo(sec(10));
      sim.command({ kind: 'istiod.restore' });
      sim.advanceTo(sec(45));
      for (const pod of sim.state.order) {
        const sc = sim.state.sidecars[pod]!;
        expect(Object.keys(sc.warmingClusters), pod).toEqual([]);
        expect(sc.active.CDS[V1]).toBe(generateFor(sim.state, pod).CDS[V1]?.hash);
      }
    }, 30_000);
  }
});
