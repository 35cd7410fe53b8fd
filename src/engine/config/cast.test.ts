import { describe, expect, it } from 'vitest';
import { CAST } from '../mesh/contract';
import {
  applyDocs,
  buildProxyResources,
  CAST_PODS,
  castMesh,
  castRegistry,
  envoyRejectsAny,
  istioWarnings,
  nodeId,
  parseMeshYaml,
  podByName,
  type PresetName,
  PRESETS,
  spiffeId,
  validateIstio,
} from './index';

describe('the cast (docs/curriculum.md)', () => {
  const mesh = castMesh();

  it('has the eight pods of the contract, in namespace shop, with fixed 10.244.x.y IPs', () => {
    expect(mesh.pods.map((p) => p.name)).toEqual([...CAST]);
    expect(new Set(mesh.pods.map((p) => p.ip)).size).toBe(8);
    for (const p of mesh.pods) {
      expect(p.namespace).toBe('shop');
      expect(p.ip).toMatch(/^10\.244\.\d+\.\d+$/);
      expect(p.ready).toBe(true);
    }
  });

  it('labels pods app/version, one service account per service, payments-v2-a is the v2 canary', () => {
    expect(podByName(mesh, 'payments-v2-a').labels).toEqual({ app: 'payments', version: 'v2' });
    expect(podByName(mesh, 'payments-v1-b').labels).toEqual({ app: 'payments', version: 'v1' });
    expect([...new Set(mesh.pods.map((p) => p.serviceAccount))]).toEqual([
      'web',
      'catalog',
      'cart',
      'checkout',
      'inventory',
      'payments',
    ]);
    expect(spiffeId(mesh, podByName(mesh, 'checkout-1'))).toBe(
      'spiffe://cluster.local/ns/shop/sa/checkout',
    );
    expect(nodeId(mesh, 'web-1')).toBe(
      `sidecar~${CAST_PODS[0]?.ip}~web-1.shop~shop.svc.cluster.local`,
    );
  });

  it('has six services on 8080 and, by default, the 90/10 payments canary', () => {
    expect(mesh.services.map((s) => `${s.hostname}:${s.ports[0]?.port}`)).toEqual([
      'web.shop.svc.cluster.local:8080',
      'catalog.shop.svc.cluster.local:8080',
      'cart.shop.svc.cluster.local:8080',
      'checkout.shop.svc.cluster.local:8080',
      'inventory.shop.svc.cluster.local:8080',
      'payments.shop.svc.cluster.local:8080',
    ]);
    const route = mesh.virtualServices[0]?.spec.http?.[0]?.route ?? [];
    expect(route.map((r) => [r.destination.subset, r.weight])).toEqual([
      ['v1', 90],
      ['v2', 10],
    ]);
    expect(mesh.destinationRules[0]?.spec.subsets?.map((s) => s.name)).toEqual(['v1', 'v2']);
    expect(castRegistry().virtualServices).toEqual([]);
  });
});

const PAY = 'payments.shop.svc.cluster.local';

function load(name: PresetName) {
  const { docs, errors } = parseMeshYaml(PRESETS[name]);
  expect(errors).toEqual([]);
  expect(validateIstio(docs)).toEqual([]);
  expect(istioWarnings(docs)).toEqual([]);
  return applyDocs(castMesh(), docs);
}

describe('PRESETS (scene controls)', () => {
  it.each(Object.keys(PRESETS) as PresetName[])(
    '%s is valid and every sidecar accepts it',
    (name) => {
      const config = load(name);
      for (const pod of config.pods) {
        const r = buildProxyResources(config, { pod: pod.name });
        expect(
          envoyRejectsAny([...r.clusters, ...r.endpoints, ...r.listeners, ...r.routes]),
        ).toBeNull();
      }
    },
  );

  it('circuit-breaker compiles to Istio task limits with ejection possible on 3 endpoints', () => {
    const c = buildProxyResources(load('circuit-breaker'), { pod: 'checkout-1' }).clusters.find(
      (x) => x.name === `outbound|8080|v1|${PAY}`,
    );
    expect(c?.circuit_breakers?.thresholds[0]).toMatchObject({
      max_connections: 1,
      max_pending_requests: 1,
    });
    expect(c?.outlier_detection).toMatchObject({
      consecutive_5xx: 1,
      interval: '1s',
      base_ejection_time: '180s',
      max_ejection_percent: 100,
    });
  });
});
