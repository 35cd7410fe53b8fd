/** Injection (plaintext clients vs PERMISSIVE/STRICT) and load-balancing policies. */
import { describe, expect, it } from 'vitest';
import { sec } from '../core/time';
import { createMesh } from '../mesh/create';

const dr = (policy: string): string => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: payments
  namespace: shop
spec:
  host: payments
  trafficPolicy:
${policy}
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
`;

describe('injection and mTLS modes', () => {
  it('a pod without a sidecar: PERMISSIVE accepts its plaintext, STRICT resets it', () => {
    const sim = createMesh({ seed: 11, perEdgeRps: 10 });
    sim.advanceTo(sec(2));
    sim.command({ kind: 'pod.inject', pod: 'web-1', injected: false });
    const c = sim.state.traffic.counters;
    const failedAtInject = c.failed;
    sim.advanceTo(sec(12));
    expect(c.failed - failedAtInject).toBeLessThan(3);
    const okBefore = c.ok;
    sim.command({
      kind: 'config.apply',
      yaml: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: shop
spec:
  mtls:
    mode: STRICT
`,
    });
    sim.advanceTo(sec(13));
    const failedAtStrict = c.failed;
    sim.advanceTo(sec(23));
    // web → cart/catalog/checkout are plaintext now: reset; checkout → payments/inventory is mTLS: fine.
    expect(c.failed - failedAtStrict).toBeGreaterThan(200);
    expect(c.ok - okBefore).toBeGreaterThan(100);
    expect(sim.state.sidecars['web-1']!.connected).toBe(false);
    // Killed and restarted, it comes back ready, still without a sidecar.
    sim.command({ kind: 'pod.kill', pod: 'web-1' });
    sim.command({ kind: 'pod.restore', pod: 'web-1' });
    sim.advanceTo(sec(25));
    expect(sim.state.pods['web-1']!.ready).toBe(true);
    expect(sim.state.pods['web-1']!.injected).toBe(false);
    expect(sim.state.sidecars['web-1']!.connected).toBe(false);
  }, 30_000);
});

describe('load balancing policies', () => {
  it('RING_HASH on x-user is sticky per user; ROUND_ROBIN alternates between hosts', () => {
    const sim = createMesh({ seed: 12, perEdgeRps: 30 });
    sim.command({ kind: 'canary.weights', v1: 100, v2: 0 });
    sim.command({
      kind: 'config.apply',
      yaml: dr('    loadBalancer:\n      consistentHash:\n        httpHeaderName: x-user'),
    });
    sim.advanceTo(sec(2));
    const hostOf = new Map<string, Set<string>>();
    const off = sim.trace.subscribe((e) => {
      const r = e;
      if (r.type !== 'request.done' || !r.hashKey || !r.to.startsWith('payments')) return;
      if (!hostOf.has(r.hashKey)) hostOf.set(r.hashKey, new Set());
      hostOf.get(r.hashKey)!.add(r.to);
    });
    sim.advanceTo(sec(30));
    off();
    expect(hostOf.size).toBeGreaterThan(50);
    for (const hosts of hostOf.values()) expect(hosts.size).toBe(1);
    const both = new Set([...hostOf.values()].flatMap((h) => [...h]));
    expect(both).toEqual(new Set(['payments-v1-a', 'payments-v1-b']));

    sim.command({ kind: 'config.apply', yaml: dr('    loadBalancer:\n      simple: ROUND_ROBIN') });
    sim.advanceTo(sec(31));
    const seq: string[] = [];
    const off2 = sim.trace.subscribe((e) => {
      const r = e;
      if (r.type === 'request.done' && r.from === 'checkout-1' && r.to.startsWith('payments'))
        seq.push(r.to);
    });
    sim.advanceTo(sec(41));
    off2();
    const a = seq.filter((h) => h === 'payments-v1-a').length;
    expect(Math.abs(a - (seq.length - a))).toBeLessThanOrEqual(seq.length * 0.05 + 2);
  }, 30_000);
});

describe('make-before-break', () => {
  it('removing a subset the VirtualService still uses: clusters deleted (Delta: removed_resources), 503 NC for its share', () => {
    for (const delta of [false, true]) {
      const sim = createMesh({ seed: 13, perEdgeRps: 20, delta });
      sim.advanceTo(sec(3));
      const removed: string[] = [];
      sim.trace.subscribe((e) => {
        const r = e;
        if (r.type === 'xds.response' && r.xds === 'CDS' && r.removed > 0) removed.push(r.xds);
      });
      const v2 = 'outbound|8080|v2|payments.shop.svc.cluster.local';
      expect(sim.state.sidecars['checkout-1']!.active.CDS[v2]).toBeDefined();
      sim.command({
        kind: 'config.apply',
        yaml: dr('    loadBalancer:\n      simple: LEAST_REQUEST').replace(
          '  - name: v2\n    labels:\n      version: v2\n',
          '',
        ),
      });
      sim.advanceTo(sec(4));
      expect(sim.state.sidecars['checkout-1']!.active.CDS[v2]).toBeUndefined();
      expect(sim.state.sidecars['checkout-1']!.active.EDS[v2]).toBeUndefined();
      expect(removed.length > 0).toBe(delta);
      const nc = sim.state.traffic.counters.byFlag['NC'] ?? 0;
      sim.advanceTo(sec(34));
      const share = ((sim.state.traffic.counters.byFlag['NC'] ?? 0) - nc) / (30 * 20);
      expect(share).toBeGreaterThan(0.05);
      expect(share).toBeLessThan(0.15);
    }
  }, 30_000);
});

describe('tracing', () => {
  it('spans join into one trace only when apps forward the trace headers', () => {
    const run = (
      forwardHeaders: boolean,
    ): {
      spans: {
        traceId: number;
        spanId: number;
        parentId: number | null;
        pod: string;
        kind: string;
      }[];
    } => {
      const sim = createMesh({ seed: 14, perEdgeRps: 10 });
      sim.command({ kind: 'tracing.set', forwardHeaders, samplingPercent: 100 });
      const spans: {
        traceId: number;
        spanId: number;
        parentId: number | null;
        pod: string;
        kind: string;
      }[] = [];
      sim.trace.subscribe((e) => {
        if (e.type === 'span') spans.push(e);
      });
      sim.advanceTo(sec(10));
      return { spans };
    };
    const joined = run(true).spans;
    const servers = new Map(joined.filter((s) => s.kind === 'server').map((s) => [s.spanId, s]));
    const children = joined.filter(
      (s) => s.kind === 'client' && s.pod === 'checkout-1' && s.parentId !== null,
    );
    expect(children.length).toBeGreaterThan(10);
    for (const c of children) {
      const parent = servers.get(c.parentId!);
      expect(parent?.pod).toBe('checkout-1');
      expect(parent?.traceId).toBe(c.traceId);
    }
    const apart = run(false).spans;
    expect(apart.filter((s) => s.kind === 'client' && s.parentId !== null)).toHaveLength(0);
  }, 30_000);
});
