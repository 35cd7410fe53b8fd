/**
 * Istiod down, as a learner sees it (docs/fidelity.md §1.5, §2, §3, misconception 2): sidecars
 * retry with fully jittered backoff (no floor), edits and new pods are refused by the API server
 * (Istio's webhooks run in Istiod), the data plane and pod restarts carry on, istioctl
 * proxy-status can only print an error (the model keeps the table from just before), and a
 * restored Istiod is a new process whose metrics start at zero.
 */
import { describe, expect, it } from 'vitest';
import { sec } from '../../core/time';
import type { MeshTrace, MeshTraceOf } from '../contract';
import { createMesh } from '../create';
import type { MeshSim } from '../types';
import {
  canaryPercent,
  istiodView,
  logLines,
  NO_ISTIOD_ERROR,
  pilotMetrics,
  PROXY_STATUS_COLUMNS,
  PROXY_STATUS_RELEASE,
  proxyStatus,
  sidecarView,
} from '../views';
import { humanDuration, istiodPodName } from '../proxyStatus';

const VALIDATE =
  'Internal error occurred: failed calling webhook "validation.istio.io": failed to call webhook: Post "https://istiod.istio-system.svc:443/validate?timeout=10s": dial tcp 10.96.187.42:443: connect: connection refused';
const INJECT =
  'Internal error occurred: failed calling webhook "namespace.sidecar-injector.istio.io": failed to call webhook: Post "https://istiod.istio-system.svc:443/inject?timeout=10s": dial tcp 10.96.187.42:443: connect: connection refused';

function record(sim: MeshSim): MeshTrace[] {
  const out: MeshTrace[] = [];
  sim.trace.subscribe((e) => out.push(e));
  return out;
}

describe('Istiod down', () => {
  it('sidecars retry after a whole number of ms drawn from [0, 500 ms) — no floor — and say when', () => {
    const firsts: MeshTraceOf<'stream.retry'>[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const sim = createMesh({ seed, perEdgeRps: 0 });
      sim.advanceTo(sec(2));
      const seen = new Set<string>();
      sim.trace.subscribe((e) => {
        if (e.type !== 'stream.retry' || seen.has(e.pod)) return;
        seen.add(e.pod);
        firsts.push(e);
        expect(sidecarView(sim, e.pod)?.nextRetryAt).toBe(e.at);
      });
      sim.command({ kind: 'istiod.kill' });
      expect(seen.size).toBe(8);
    }
    for (const r of firsts) {
      expect(Number.isInteger(r.backoffMs)).toBe(true);
      expect(r.backoffMs).toBeGreaterThanOrEqual(0);
      expect(r.backoffMs).toBeLessThan(500);
      expect(r.at).toBe(r.t + r.backoffMs * 1000);
    }
    // With the old floor (ceiling / 2) none would come back within 250 ms.
    expect(firsts.filter((r) => r.backoffMs < 250).length).toBeGreaterThan(20);
  });

  it('refuses kubectl apply, canary, bad push and revert with the API server’s webhook error; nothing is stored', () => {
    const sim = createMesh({ seed: 11, perEdgeRps: 1 });
    sim.advanceTo(sec(3));
    sim.command({ kind: 'config.pushBad', pod: 'cart-1' });
    sim.advanceTo(sec(4));
    sim.command({ kind: 'istiod.kill' });
    const config = sim.state.config;
    const generation = sim.state.configGeneration;
    const trace = record(sim);
    sim.command({
      kind: 'config.apply',
      yaml: 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: payments\n  namespace: shop\nspec:\n  host: payments\n  trafficPolicy:\n    loadBalancer:\n      simple: ROUND_ROBIN\n',
    });
    sim.command({ kind: 'canary.weights', v1: 50, v2: 50 });
    sim.command({ kind: 'canary.weights', v1: 0, v2: 0 });
    sim.command({ kind: 'config.pushBad', pod: 'web-1' });
    sim.command({ kind: 'config.revertBad' });
    sim.advanceTo(sec(10));
    const rejected = trace.filter((e) => e.type === 'config.rejected');
    expect(rejected).toHaveLength(5);
    for (const e of rejected)
      expect(e).toMatchObject({ errors: [VALIDATE], webhook: 'validation.istio.io' });
    expect(trace.some((e) => e.type === 'config.accepted' || e.type === 'push.debounced')).toBe(
      false,
    );
    expect(sim.state.config).toBe(config);
    expect(sim.state.configGeneration).toBe(generation);
    expect(canaryPercent(sim)).toBe(10);
    expect(logLines(sim).map((l) => l.text)).toContain(
      "kubectl apply refused: Istio's validating webhook is unreachable (Istiod is down); nothing was stored",
    );
    // Re-applying what is stored changes nothing: "unchanged", no request, no refusal.
    sim.command({ kind: 'canary.weights', v1: 90, v2: 10 });
    expect(trace.filter((e) => e.type === 'config.rejected')).toHaveLength(5);
    sim.command({ kind: 'istiod.restore' });
    sim.command({ kind: 'canary.weights', v1: 50, v2: 50 });
    expect(trace[trace.length - 1]).toMatchObject({
      type: 'config.accepted',
      kind: 'VirtualService',
    });
    expect(canaryPercent(sim)).toBe(50);
  }, 30_000);

  it('refuses new pods (injector webhook) but not container restarts, pod kills, scale-down or traffic', () => {
    const sim = createMesh({ seed: 12 });
    sim.advanceTo(sec(3));
    sim.command({ kind: 'istiod.kill' });
    const trace = record(sim);
    const pods = () => [...sim.state.order];
    const before = pods();
    sim.command({ kind: 'service.scale', service: 'payments', replicas: 5 });
    sim.command({ kind: 'pod.inject', pod: 'cart-1', injected: false });
    sim.command({ kind: 'pod.inject', pod: 'cart-1', injected: true });
    const refused = trace.filter((e) => e.type === 'config.rejected');
    expect(refused).toHaveLength(2);
    for (const e of refused)
      expect(e).toMatchObject({ errors: [INJECT], webhook: 'namespace.sidecar-injector.istio.io' });
    expect(pods()).toEqual(before);
    // `sidecar.istio.io/inject: "false"` skips the webhook: that pod was created.
    expect(sim.state.pods['cart-1']!.injected).toBe(false);
    expect(logLines(sim).map((l) => l.text)).toContain(
      'Pod creation refused: the sidecar injector webhook is unreachable (Istiod is down); payments stays at 3 pod(s)',
    );
    // Not admission-controlled: kill, restart in place, scale down, traffic.
    sim.command({ kind: 'pod.kill', pod: 'catalog-1' });
    expect(sim.state.pods['catalog-1']!.up).toBe(false);
    sim.command({ kind: 'pod.restore', pod: 'catalog-1' });
    expect(sim.state.pods['catalog-1']!.up).toBe(true);
    sim.command({ kind: 'service.scale', service: 'payments', replicas: 2 });
    expect(pods()).toHaveLength(before.length - 1);
    sim.command({ kind: 'traffic.rate', perEdgeRps: 9 });
    expect(sim.state.traffic.perEdgeRps).toBe(9);
    const ok = sim.state.traffic.counters.ok;
    sim.advanceTo(sec(13));
    expect(sim.state.traffic.counters.ok - ok).toBeGreaterThan(100);
    expect(trace.filter((e) => e.type === 'config.rejected')).toHaveLength(2);
  }, 30_000);

  it(`proxyStatus: istioctl ${PROXY_STATUS_RELEASE} columns; while down, the error and the table from a moment before`, () => {
    const sim = createMesh({ seed: 13, perEdgeRps: 0 });
    sim.runUntil(
      (s) => Object.values(s.state.istiod.conns).some((c) => c.types.CDS.sentNonce !== null),
      10_000,
    );
    const fresh = proxyStatus(sim);
    expect(
      fresh.ok && fresh.rows.some((r) => r.status.CDS !== 'IGNORED' && r.status.LDS === 'IGNORED'),
    ).toBe(true);
    sim.advanceTo(sec(100));
    sim.command({ kind: 'config.pushBad', pod: 'web-1' });
    sim.advanceTo(sec(230));
    const up = proxyStatus(sim);
    expect(up.ok).toBe(true);
    if (!up.ok) return;
    expect(up.columns).toEqual([
      'NAME',
      'CLUSTER',
      'CDS',
      'LDS',
      'EDS',
      'RDS',
      'ECDS',
      'ISTIOD',
      'VERSION',
    ]);
    expect(PROXY_STATUS_COLUMNS).toEqual(up.columns);
    expect(up.rows.map((r) => r.cells[0])).toEqual([
      'cart-1.shop',
      'catalog-1.shop',
      'checkout-1.shop',
      'inventory-1.shop',
      'payments-v1-a.shop',
      'payments-v1-b.shop',
      'payments-v2-a.shop',
      'web-1.shop',
    ]);
    const web = up.rows.find((r) => r.pod === 'web-1')!;
    expect(web.cells).toEqual([
      'web-1.shop',
      'Kubernetes',
      'SYNCED (2m9s)',
      'SYNCED (2m9s)',
      'SYNCED (2m9s)',
      'ERROR (2m9s)',
      'IGNORED',
      'istiod-7c9d8b6f5-x2k4q',
      '1.24.6',
    ]);
    expect(web.status).toEqual({
      CDS: 'SYNCED',
      LDS: 'SYNCED',
      EDS: 'SYNCED',
      RDS: 'ERROR',
      ECDS: 'IGNORED',
    });
    sim.command({ kind: 'istiod.kill' });
    const down = proxyStatus(sim);
    expect(down).toEqual({
      ok: false,
      error: NO_ISTIOD_ERROR,
      last: { at: sec(230), columns: up.columns, rows: up.rows },
    });
    expect(NO_ISTIOD_ERROR).toBe('Error: no running Istio pods in "istio-system"');
    sim.advanceTo(sec(300));
    const later = proxyStatus(sim);
    expect(!later.ok && later.last?.rows.find((r) => r.pod === 'web-1')?.cells[2]).toBe(
      'SYNCED (2m9s)',
    );
    sim.command({ kind: 'istiod.restore' });
    expect(sim.state.istiod.lastStatus).toBeNull();
    expect(proxyStatus(sim)).toEqual({ ok: true, columns: up.columns, rows: [] });
    sim.advanceTo(sec(340));
    const back = proxyStatus(sim);
    expect(back.ok && back.rows.length).toBe(8);
    // A restored Istiod is a new pod of the same ReplicaSet.
    expect(back.ok && back.rows[0]!.cells[7]).toBe(istiodPodName(1));
    expect(istiodPodName(1)).toMatch(/^istiod-7c9d8b6f5-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(istiodPodName(1)).not.toBe(istiodPodName(0));
  }, 30_000);

  it('a restored Istiod is a new process: rejects, pushes, expired nonces and convergence start at zero', () => {
    const sim = createMesh({ seed: 14, perEdgeRps: 0 });
    sim.advanceTo(sec(3));
    sim.command({ kind: 'config.pushBad', pod: 'cart-1' });
    sim.advanceTo(sec(5));
    expect(istiodView(sim).rejects).toBe(1);
    expect(Object.keys(pilotMetrics(sim).pushes).length).toBeGreaterThan(0);
    expect(pilotMetrics(sim).convergenceP50Ms).not.toBeNull();
    sim.command({ kind: 'istiod.kill' });
    // What the dead process last exported.
    expect(istiodView(sim).rejects).toBe(1);
    sim.advanceTo(sec(8));
    sim.command({ kind: 'istiod.restore' });
    expect(istiodView(sim).rejects).toBe(0);
    expect(pilotMetrics(sim)).toEqual({
      pushes: {},
      expiredNonces: 0,
      convergenceP50Ms: null,
      convergenceP90Ms: null,
    });
    expect(sim.state.istiod.metrics.pilot_xds_reject).toEqual({ CDS: 0, EDS: 0, LDS: 0, RDS: 0 });
    // cart-1 reconnects, gets the full state and rejects the rule again: the new process counts 1.
    sim.advanceTo(sec(40));
    expect(istiodView(sim).rejects).toBe(1);
  }, 30_000);

  it('humanDuration is kubectl’s', () => {
    const s = (n: number) => humanDuration(sec(n));
    expect(
      [
        0, 119, 120, 125, 600, 10_799, 10_800, 11_100, 28_800, 169_200, 172_800, 180_000, 691_200,
      ].map(s),
    ).toEqual([
      '0s',
      '119s',
      '2m',
      '2m5s',
      '10m',
      '179m',
      '3h',
      '3h5m',
      '8h',
      '47h',
      '2d',
      '2d2h',
      '8d',
    ]);
  });
});
