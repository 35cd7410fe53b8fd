/**
 * View selectors: memoised per simulation and revision (the same object until the state may have
 * changed), `meshView` assembled from them, and scene 5's route table read from what the sidecar
 * has applied (ACKed), not from what Istiod is about to send.
 */
import { describe, expect, it } from 'vitest';
import { ms, sec } from '../../core/time';
import { createMesh } from '../create';
import { meshView } from '../view';
import {
  handshakeCounts,
  istiodView,
  logLines,
  memoBySim,
  pilotMetrics,
  picks,
  requestViews,
  routeTable,
  sidecarView,
  sidecarViews,
  trafficCounters,
  xdsInFlight,
  xdsRecent,
  type MeshSource,
} from '.';

const V1 = 'outbound|8080|v1|payments.shop.svc.cluster.local';
const V2 = 'outbound|8080|v2|payments.shop.svc.cluster.local';

const weights = (sim: MeshSource, pod: string): Record<string, number> =>
  Object.fromEntries(
    (routeTable(sim, pod)?.routes[0]?.clusters ?? []).map((c) => [c.subset ?? c.cluster, c.weight]),
  );

describe('view selectors', () => {
  it('each selector returns the same object within a revision and a new one after the state changed', () => {
    const sim = createMesh({ seed: 5 });
    sim.advanceTo(sec(2) + ms(3));
    const selectors: ((s: MeshSource) => unknown)[] = [
      istiodView,
      pilotMetrics,
      sidecarViews,
      xdsInFlight,
      xdsRecent,
      requestViews,
      trafficCounters,
      handshakeCounts,
      logLines,
      meshView,
      (s) => sidecarView(s, 'checkout-1'),
      (s) => routeTable(s, 'checkout-1'),
      (s) => routeTable(s, 'checkout-1', 'cart'),
      (s) => picks(s, 'checkout-1'),
    ];
    const first = selectors.map((f) => f(sim));
    selectors.forEach((f, i) => expect(f(sim)).toBe(first[i]));
    expect(routeTable(sim, 'checkout-1')).not.toBe(routeTable(sim, 'web-1'));
    expect(routeTable(sim, 'checkout-1', 'cart')).not.toBe(routeTable(sim, 'checkout-1'));
    sim.advanceTo(sim.now + ms(100));
    selectors.forEach((f, i) => expect(f(sim)).not.toBe(first[i]));
    // A second simulation has its own cache.
    const other = createMesh({ seed: 5 });
    other.advanceTo(sim.now);
    expect(istiodView(other)).not.toBe(istiodView(sim));
    expect(istiodView(other)).toEqual(istiodView(sim));
  });

  it('meshView is assembled from the selectors', () => {
    const sim = createMesh({ seed: 6 });
    sim.advanceTo(sec(3));
    const v = meshView(sim);
    expect(v.now).toBe(sim.now);
    expect(v.sidecars).toBe(sidecarViews(sim));
    expect(v.sidecars.map((s) => s.pod)).toEqual(sim.state.order);
    expect(v.istiod).toBe(istiodView(sim));
    expect(v.istiod).toMatchObject({ up: true, connectedProxies: 8, pendingPushes: 0, rejects: 0 });
    expect(v.xdsMessages).toBe(xdsInFlight(sim));
    expect(v.recentXds).toBe(xdsRecent(sim));
    expect(v.requests).toBe(requestViews(sim));
    expect(v.counters).toBe(trafficCounters(sim));
    expect(v.log).toBe(logLines(sim));
    expect(v.log).toEqual(sim.state.log);
    expect(v.log).not.toBe(sim.state.log);
    expect(v.rejects).toBe(sim.state.istiod.metrics.pilot_total_xds_rejects);
    expect(v.delta).toBe(false);
    expect(v.counters.completed).toBe(sim.state.traffic.counters.completed);
  });

  it('memoBySim computes once per revision', () => {
    let calls = 0;
    const f = memoBySim((s) => {
      calls++;
      return s.now;
    });
    const sim = createMesh({ seed: 1 });
    f(sim);
    f(sim);
    expect(calls).toBe(1);
    sim.advanceTo(ms(10));
    f(sim);
    expect(calls).toBe(2);
  });

  it('routeTable: 90/10 on a fresh mesh; 50/50 only once the sidecar ACKed the new RDS', () => {
    const sim = createMesh({ seed: 8 });
    sim.advanceTo(sec(2));
    const rt = routeTable(sim, 'checkout-1');
    expect(rt).not.toBeNull();
    expect(rt?.routeConfig).toBe('8080');
    expect(rt?.listener).toBe('0.0.0.0_8080');
    expect(rt?.vhost.name).toBe('payments.shop.svc.cluster.local:8080');
    expect(rt?.vhost.domains).toEqual(
      expect.arrayContaining(['payments.shop.svc.cluster.local', 'payments', 'payments:8080']),
    );
    expect(rt?.routes).toHaveLength(1);
    expect(rt?.routes[0]).toMatchObject({
      name: 'prefix /',
      match: { prefix: '/' },
      weighted: true,
      totalWeight: 100,
      clusters: [
        { cluster: V1, subset: 'v1', weight: 90, percent: 90 },
        { cluster: V2, subset: 'v2', weight: 10, percent: 10 },
      ],
    });
    expect(rt?.version).toBe(sim.state.sidecars['checkout-1']?.xds.RDS.version);

    let ackAt: number | null = null;
    let ackVersion = '';
    sim.trace.subscribe((e) => {
      if (ackAt === null && e.type === 'xds.ack' && e.pod === 'checkout-1' && e.xds === 'RDS') {
        ackAt = e.t;
        ackVersion = e.version;
      }
    });
    sim.command({ kind: 'canary.weights', v1: 50, v2: 50 });
    // Istiod has the new VirtualService; the sidecar still serves the old route.
    sim.advanceTo(sim.now + ms(50));
    expect(weights(sim, 'checkout-1')).toEqual({ v1: 90, v2: 10 });
    expect(sim.runUntil(() => ackAt !== null, 1_000_000)).toBe(true);
    expect(weights(sim, 'checkout-1')).toEqual({ v1: 50, v2: 50 });
    expect(routeTable(sim, 'checkout-1')?.version).toBe(ackVersion);
    // A service without a VirtualService: Istio's default route to the whole service.
    expect(routeTable(sim, 'checkout-1', 'cart')?.routes[0]).toMatchObject({
      name: 'default',
      weighted: false,
      clusters: [
        { cluster: 'outbound|8080||cart.shop.svc.cluster.local', subset: null, weight: 100 },
      ],
    });
  });

  it('routeTable is null for an unknown pod and before the sidecar has its listener', () => {
    const sim = createMesh({ seed: 9 });
    expect(routeTable(sim, 'checkout-1')).toBeNull();
    sim.advanceTo(sec(2));
    expect(routeTable(sim, 'nobody')).toBeNull();
    expect(routeTable(sim, 'checkout-1', 'no-such-service')).not.toBeNull(); // allow_any (`*`) virtual host
  });
});
