/**
 * Istiod at scale and by scope (docs/fidelity.md §2, §6): stream admission min(15+5×cores,100)/s,
 * at most min(15+5×cores,100) concurrent pushes, proxies pushed only when their scope depends on
 * the change, Delta sending only what changed.
 */
import { describe, expect, it } from 'vitest';
import { ms, sec } from '../../core/time';
import { createMesh } from '../create';
import type { MeshTraceOf } from '../contract';

describe('Istiod', () => {
  it('admits new streams at 25/s on 2 cores (reconnect storm of 200 sidecars)', () => {
    const sim = createMesh({
      seed: 1,
      perEdgeRps: 0,
      checkpointEvery: 0,
      topology: { sidecars: 200, services: 20 },
    });
    const opens: number[] = [];
    sim.trace.subscribe((e) => {
      if (e.type === 'stream.open') opens.push(e.t);
    });
    sim.advanceTo(sec(30));
    expect(opens).toHaveLength(200);
    for (let i = 1; i < opens.length; i++)
      expect(opens[i]! - opens[i - 1]!).toBeGreaterThanOrEqual(ms(40));
    expect(sim.state.istiod.metrics.streams_rejected).toBeGreaterThan(0);
    const sim4 = createMesh({
      seed: 1,
      perEdgeRps: 0,
      checkpointEvery: 0,
      cores: 4,
      topology: { sidecars: 200, services: 20 },
    });
    const opens4: number[] = [];
    sim4.trace.subscribe((e) => {
      if (e.type === 'stream.open') opens4.push(e.t);
    });
    sim4.advanceTo(sec(30));
    for (let i = 1; i < opens4.length; i++)
      expect(opens4[i]! - opens4[i - 1]!).toBeGreaterThanOrEqual(Math.round(1e6 / 35));
  }, 30_000);

  it('runs at most 25 pushes at once and reaches every proxy', () => {
    const sim = createMesh({
      seed: 2,
      perEdgeRps: 0,
      checkpointEvery: 0,
      topology: { sidecars: 120, services: 12 },
    });
    sim.advanceTo(sec(20));
    let peak = 0;
    sim.command({ kind: 'canary.weights', v1: 1, v2: 1 });
    sim.command({
      kind: 'config.apply',
      yaml: 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: svc-1\n  namespace: ns-0\nspec:\n  host: svc-1\n  trafficPolicy:\n    loadBalancer:\n      simple: ROUND_ROBIN\n',
    });
    const t0 = sim.now;
    sim.runUntil((s) => {
      peak = Math.max(peak, s.state.istiod.inProgress);
      return s.now > t0 + sec(2);
    }, 1_000_000);
    expect(peak).toBe(25);
    const pushed = new Set(
      sim.trace
        .recent()
        .filter((e): e is MeshTraceOf<'xds.response'> => e.type === 'xds.response' && e.t > t0)
        .map((e) => e.pod),
    );
    expect(pushed.size).toBe(120);
  }, 30_000);

  it('an AuthorizationPolicy pushes LDS only to the proxies of its namespace', () => {
    const sim = createMesh({
      seed: 3,
      perEdgeRps: 0,
      checkpointEvery: 0,
      topology: { sidecars: 40, services: 8, namespaces: 2 },
    });
    sim.advanceTo(sec(10));
    const t0 = sim.now;
    sim.command({
      kind: 'config.apply',
      yaml: 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: deny-all\n  namespace: ns-1\nspec:\n  action: DENY\n  rules:\n  - {}\n',
    });
    sim.advanceTo(t0 + sec(1));
    const responses = sim.trace
      .recent()
      .filter((e): e is MeshTraceOf<'xds.response'> => e.type === 'xds.response' && e.t > t0);
    const pods = new Set(responses.map((r) => r.pod));
    expect(pods.size).toBe(20);
    for (const p of pods) expect(sim.state.pods[p]?.namespace).toBe('ns-1');
    expect(new Set(responses.map((r) => r.xds))).toEqual(new Set(['LDS']));
  }, 30_000);

  it('Delta xDS sends only the changed resources; SotW re-sends whole CDS/LDS', () => {
    const bytes = (delta: boolean): { total: number; cds: number } => {
      const sim = createMesh({ seed: 4, perEdgeRps: 0, delta });
      sim.advanceTo(sec(3));
      const t0 = sim.now;
      sim.command({ kind: 'canary.weights', v1: 70, v2: 30 });
      sim.advanceTo(t0 + sec(1));
      const rs = sim.trace
        .recent()
        .filter((e): e is MeshTraceOf<'xds.response'> => e.type === 'xds.response' && e.t > t0);
      return {
        total: rs.reduce((a, r) => a + r.bytes, 0),
        cds: rs.filter((r) => r.xds === 'CDS').length,
      };
    };
    const sotw = bytes(false);
    const delta = bytes(true);
    expect(sotw.cds).toBe(8);
    expect(delta.cds).toBe(0);
    expect(delta.total).toBeLessThan(sotw.total / 2);
  }, 30_000);
});
