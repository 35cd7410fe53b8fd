/**
 * `pod.readiness`: the app's readiness probe fails or passes while the container keeps running.
 * The registry's endpoint event (`endpoints.changed`), Istio's default of leaving a not-ready
 * endpoint out of EDS, and the probe's verdict surviving config pushes and restarts.
 */
import { describe, expect, it } from 'vitest';
import { ms, sec } from '../core/time';
import type { MeshTrace, MeshTraceOf } from '../mesh/contract';
import { parseMeshCommand } from '../mesh/commands';
import { createMesh } from '../mesh/create';
import type { MeshSim } from '../mesh/types';
import { edsSync, endpointSlice, probeFailing, sidecarEds } from '../mesh/views';

const POD = 'payments-v1-a';
const ALL = 'outbound|8080||payments.shop.svc.cluster.local';

function mesh(): { sim: MeshSim; entries: MeshTrace[] } {
  const sim = createMesh({ seed: 7, perEdgeRps: 0 });
  const entries: MeshTrace[] = [];
  sim.trace.subscribe((e) => entries.push(e));
  sim.advanceTo(sec(1));
  return { sim, entries };
}

/** The pods in `pod`'s service-wide ClusterLoadAssignment for payments. */
const served = (sim: MeshSim, pod: string): (string | null)[] =>
  sidecarEds(sim, pod, 'payments')
    .find((c) => c.cluster === ALL)
    ?.endpoints.map((e) => e.pod) ?? [];

const changes = (entries: readonly MeshTrace[], pod: string) =>
  entries.filter(
    (e): e is MeshTraceOf<'endpoints.changed'> => e.type === 'endpoints.changed' && e.pod === pod,
  );

describe('pod.readiness', () => {
  it('fails: one endpoint event, the container and its stream stay, callers drop it after the debounce', () => {
    const { sim, entries } = mesh();
    entries.length = 0;
    sim.command({ kind: 'pod.readiness', pod: POD, ready: false });
    expect(changes(entries, POD)).toEqual([
      {
        t: sim.now,
        type: 'endpoints.changed',
        service: 'payments',
        namespace: 'shop',
        pod: POD,
        ip: '10.244.2.21',
        ready: false,
        change: 'updated',
      },
    ]);
    expect(probeFailing(sim, POD)).toBe(true);
    expect(sim.state.pods[POD]).toMatchObject({ up: true, ready: false });
    expect(served(sim, 'checkout-1')).toContain(POD); // nothing pushed yet
    sim.advanceTo(sim.now + ms(200));
    expect(served(sim, 'checkout-1')).toEqual(['payments-v1-b', 'payments-v2-a']);
    expect(sim.state.sidecars[POD]!.connected).toBe(true);
    // Every endpoint Istio sends is HEALTHY: the not-ready one is simply not there.
    for (const c of sidecarEds(sim, 'web-1', 'payments'))
      for (const e of c.endpoints) expect(e.health).toBe('HEALTHY');
  });

  it('the probe’s verdict survives config pushes and a restart; passing again makes the pod ready', () => {
    const { sim, entries } = mesh();
    sim.command({ kind: 'pod.readiness', pod: POD, ready: false });
    // A VirtualService change re-pushes CDS and LDS: the agent's check passes, the probe does not.
    sim.command({ kind: 'canary.weights', v1: 50, v2: 50 });
    sim.advanceTo(sim.now + sec(1));
    expect(sim.state.pods[POD]!.ready).toBe(false);
    sim.command({ kind: 'pod.kill', pod: POD });
    sim.command({ kind: 'pod.restore', pod: POD });
    sim.advanceTo(sim.now + sec(2));
    expect(sim.state.sidecars[POD]!.xds.LDS.version).not.toBeNull();
    expect(endpointSlice(sim, 'payments').endpoints[0]).toMatchObject({
      pod: POD,
      ready: false,
      why: 'readiness probe failing',
    });
    entries.length = 0;
    sim.command({ kind: 'pod.readiness', pod: POD, ready: true });
    expect(changes(entries, POD).map((e) => e.ready)).toEqual([true]);
    sim.advanceTo(sim.now + ms(200));
    expect(served(sim, 'checkout-1')).toContain(POD);
  });

  it('is a no-op when nothing changes (passing while passing, unknown pods)', () => {
    const { sim, entries } = mesh();
    entries.length = 0;
    sim.command({ kind: 'pod.readiness', pod: POD, ready: true });
    sim.command({ kind: 'pod.readiness', pod: 'nobody', ready: false });
    expect(entries.filter((e) => e.type !== 'command')).toEqual([]);
  });

  it('with Istiod down the event is not pushed; after restore the reconnecting sidecars get the new list', () => {
    const { sim } = mesh();
    sim.command({ kind: 'istiod.kill' });
    sim.command({ kind: 'pod.readiness', pod: POD, ready: false });
    sim.advanceTo(sim.now + sec(1));
    expect(served(sim, 'checkout-1')).toContain(POD);
    expect(edsSync(sim, 'payments').rows.find((r) => r.pod === 'checkout-1')?.state).toBe(
      'disconnected',
    );
    sim.command({ kind: 'istiod.restore' });
    sim.advanceTo(sim.now + sec(60));
    expect(served(sim, 'checkout-1')).toEqual(['payments-v1-b', 'payments-v2-a']);
  });

  it('a shared link may carry it (and nothing malformed)', () => {
    expect(parseMeshCommand({ kind: 'pod.readiness', pod: POD, ready: false })).toEqual({
      kind: 'pod.readiness',
      pod: POD,
      ready: false,
    });
    expect(parseMeshCommand({ kind: 'pod.readiness', pod: POD })).toBeNull();
    expect(parseMeshCommand({ kind: 'pod.readiness', pod: POD, ready: 'no' })).toBeNull();
  });

  it('a seek back and forth over the change gives the same state', () => {
    const { sim } = mesh();
    sim.command({ kind: 'pod.readiness', pod: POD, ready: false });
    sim.advanceTo(sim.now + sec(2));
    const end = sim.now;
    const hash = sim.stateHash();
    sim.seek(ms(500));
    sim.seek(end);
    expect(sim.stateHash()).toBe(hash);
  });
});
