/**
 * The data path (docs/fidelity.md §4): weighted picks per request, Istio's default retries (connect
 * failures retried on another host, 503 not retried), route timeouts (504 UT), circuit breakers
 * (503 UO), outlier detection (ejection needs maxEjectionPercent high enough), authz (403),
 * metrics counted once per reporter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng, seedRng } from '../core/rng';
import { ms, sec } from '../core/time';
import { createMesh } from '../mesh/create';
import { chiSquare } from '../mesh/testkit';
import type { MeshSim } from '../mesh/types';
import { pickWeighted } from './routing';

const DR_BASE = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: payments
  namespace: shop
spec:
  host: payments
  trafficPolicy:
__POLICY__
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
`;
const dr = (policy: string): string => DR_BASE.replace('__POLICY__', policy);

function payments(sim: MeshSim): { v1: number; v2: number } {
  const d = sim.state.traffic.counters.byDest;
  return { v1: (d['payments-v1-a'] ?? 0) + (d['payments-v1-b'] ?? 0), v2: d['payments-v2-a'] ?? 0 };
}

describe('traffic', () => {
  it('Envoy weighted pick: random % Σw, chi-square over 10,000 picks', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const sim = { rng: new Rng(seedRng(seed)) } as unknown as MeshSim;
        let v2 = 0;
        for (let i = 0; i < 10_000; i++)
          if (
            pickWeighted(sim, [
              { name: 'v1', weight: 90 },
              { name: 'v2', weight: 10 },
            ]) === 'v2'
          )
            v2++;
        expect(chiSquare([10_000 - v2, v2], [0.9, 0.1])).toBeLessThan(10.83);
      }),
      { numRuns: 30 },
    );
  }, 30_000);

  it('a 90/10 canary over 10,000 payments requests passes a chi-square test (each caller picks per request)', () => {
    for (const seed of [1, 2]) {
      const sim = createMesh({ seed, perEdgeRps: 60 });
      sim.advanceTo(sec(1));
      const start = payments(sim);
      sim.runUntil(
        (s) => payments(s).v1 + payments(s).v2 - start.v1 - start.v2 >= 10_000,
        5_000_000,
      );
      const end = payments(sim);
      const v1 = end.v1 - start.v1;
      const v2 = end.v2 - start.v2;
      expect(v1 + v2).toBe(10_000);
      expect(chiSquare([v1, v2], [0.9, 0.1])).toBeLessThan(10.83);
    }
  }, 30_000);

  it('a killed endpoint: connect failures are retried on another host (previous_hosts); success stays', () => {
    const sim = createMesh({ seed: 4, perEdgeRps: 20 });
    sim.advanceTo(sec(2));
    sim.command({ kind: 'pod.kill', pod: 'payments-v1-a' });
    const c = sim.state.traffic.counters;
    const failed = c.failed;
    sim.advanceTo(sim.now + ms(90));
    // Before the EDS update lands, attempts to v1-a fail to connect and are retried elsewhere.
    expect(c.failed).toBe(failed);
    sim.advanceTo(sim.now + sec(5));
    expect(c.failed).toBe(failed);
    expect(
      sim.state.sidecars['checkout-1']!.traffic.clusters[
        'outbound|8080|v1|payments.shop.svc.cluster.local'
      ],
    ).toBeDefined();
  }, 30_000);

  it('503 from the app is NOT retried by default (Istio ≥ 1.24), but is with retryOn 5xx', () => {
    const sim = createMesh({ seed: 5, perEdgeRps: 20 });
    sim.advanceTo(sec(2));
    sim.command({ kind: 'pod.fail', pod: 'inventory-1', share: 0.3 });
    sim.advanceTo(sec(32));
    const c = sim.state.traffic.counters;
    const inv = c.byCode['503'] ?? 0;
    expect(inv).toBeGreaterThan(100);
    expect(c.byFlag['URX'] ?? 0).toBe(0);
    sim.command({
      kind: 'config.apply',
      yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: inventory
  namespace: shop
spec:
  hosts: [inventory]
  http:
  - route:
    - destination:
        host: inventory
    retries:
      attempts: 3
      retryOn: 5xx
`,
    });
    sim.advanceTo(sec(33));
    const before = c.byCode['503'] ?? 0;
    sim.advanceTo(sec(63));
    // 0.3^4 of requests still fail after 3 retries on the single endpoint.
    const after = (c.byCode['503'] ?? 0) - before;
    expect(after).toBeLessThan(inv / 10);
    expect(c.byFlag['URX'] ?? 0).toBeGreaterThan(0);
  }, 30_000);

  it('a route timeout gives 504 UT', () => {
    const sim = createMesh({ seed: 6, perEdgeRps: 10 });
    sim.command({
      kind: 'config.apply',
      yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: cart
  namespace: shop
spec:
  hosts: [cart]
  http:
  - route:
    - destination:
        host: cart
    timeout: 100ms
`,
    });
    sim.command({ kind: 'pod.slow', pod: 'cart-1', extraMs: 200 });
    sim.advanceTo(sec(20));
    expect(sim.state.traffic.counters.byFlag['UT'] ?? 0).toBeGreaterThan(50);
    expect(sim.state.traffic.counters.byCode['504']).toBe(sim.state.traffic.counters.byFlag['UT']);
  }, 30_000);

  it('connection-pool limits overflow with 503 UO', () => {
    const sim = createMesh({ seed: 7, perEdgeRps: 40 });
    sim.command({
      kind: 'config.apply',
      yaml: dr(
        '    connectionPool:\n      tcp:\n        maxConnections: 1\n      http:\n        http1MaxPendingRequests: 1\n        http2MaxRequests: 1',
      ),
    });
    sim.command({ kind: 'pod.slow', pod: 'payments-v1-a', extraMs: 100 });
    sim.command({ kind: 'pod.slow', pod: 'payments-v1-b', extraMs: 100 });
    sim.advanceTo(sec(20));
    expect(sim.state.traffic.counters.byFlag['UO'] ?? 0).toBeGreaterThan(100);
  }, 30_000);

  it('outlier detection: with maxEjectionPercent 100 a failing host is ejected; with the 10% default and 2 hosts it is not', () => {
    const run = (mep: number): number => {
      const sim = createMesh({ seed: 8, perEdgeRps: 20 });
      sim.command({ kind: 'canary.weights', v1: 100, v2: 0 });
      sim.command({
        kind: 'config.apply',
        yaml: dr(
          `    outlierDetection:\n      consecutive5xxErrors: 5\n      interval: 10s\n      baseEjectionTime: 30s\n      maxEjectionPercent: ${mep}`,
        ),
      });
      sim.advanceTo(sec(2));
      const before = sim.state.traffic.counters.byCode['503'] ?? 0;
      sim.command({ kind: 'pod.fail', pod: 'payments-v1-a', share: 1 });
      sim.advanceTo(sec(62));
      return (sim.state.traffic.counters.byCode['503'] ?? 0) - before;
    };
    const ejected = run(100);
    const notEjected = run(10);
    expect(ejected).toBeLessThanOrEqual(15);
    expect(notEjected).toBeGreaterThan(300);
  }, 30_000);

  it('AuthorizationPolicy: an ALLOW policy naming only web denies checkout → payments (403); STRICT still allows sidecar mTLS', () => {
    const sim = createMesh({ seed: 9, perEdgeRps: 10 });
    sim.command({
      kind: 'config.apply',
      yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: payments-allow-web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: payments
  action: ALLOW
  rules:
  - from:
    - source:
        principals: ["cluster.local/ns/shop/sa/web"]
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: shop
spec:
  mtls:
    mode: STRICT
`,
    });
    sim.advanceTo(sec(10));
    const c = sim.state.traffic.counters;
    expect(c.byCode['403'] ?? 0).toBeGreaterThan(50);
    expect(sim.state.traffic.handshakes.failed).toBe(0);
    // istio_requests_total: counted by both reporters when the request reached the destination.
    const rt = sim.state.traffic.requestsTotal;
    const src = Object.entries(rt)
      .filter(([k]) => k.startsWith('source|'))
      .reduce((a, [, v]) => a + v, 0);
    expect(src).toBe(c.completed);
    const dst403 = Object.entries(rt)
      .filter(([k]) => k.startsWith('destination|') && k.includes('|403|'))
      .reduce((a, [, v]) => a + v, 0);
    expect(dst403).toBe(c.byCode['403']);
  }, 30_000);

  it('requests keep flowing from cached config while Istiod is down (no request path through Istiod)', () => {
    const sim = createMesh({ seed: 10 });
    sim.advanceTo(sec(3));
    sim.command({ kind: 'istiod.kill' });
    const ok = sim.state.traffic.counters.ok;
    sim.advanceTo(sec(63));
    expect(sim.state.traffic.counters.ok - ok).toBeGreaterThan(1000);
    expect(sim.state.traffic.counters.failed).toBeLessThan(3);
  }, 30_000);
});
