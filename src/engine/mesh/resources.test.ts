/**
 * The memoised, split generation (outbound per namespace, inbound per workload, endpoints per
 * service) must give exactly what a full `buildProxyResources` gives for every pod.
 */
import { describe, expect, it } from 'vitest';
import {
  applyDocs,
  buildProxyResources,
  makeEnvoyRejectedConfig,
  parseMeshYaml,
  setCanaryWeights,
  setPodReady,
  type MeshConfig,
} from '../config';
import { castConfig, generateTopology, podState } from './cast';
import { configChanged, generateFor } from './resources';
import type { MeshState } from './types';

const EXTRA = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: payments
  namespace: shop
spec:
  selector:
    matchLabels:
      app: payments
  rules:
  - from:
    - source:
        principals: ["cluster.local/ns/shop/sa/checkout"]
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: strict-inventory
  namespace: shop
spec:
  selector:
    matchLabels:
      app: inventory
  mtls:
    mode: STRICT
`;

function stateFor(config: MeshConfig): MeshState {
  const pods: MeshState['pods'] = {};
  for (const p of config.pods) pods[p.name] = { ...podState(config, p), ready: p.ready };
  const s = { config, pods, configKey: null, readyKey: null } as unknown as MeshState;
  configChanged(s);
  return s;
}

function check(config: MeshConfig): void {
  const s = stateFor(config);
  for (const p of config.pods) {
    const full = buildProxyResources(config, { pod: p.name });
    const mine = generateFor(s, p.name);
    expect(Object.values(mine.CDS).map((r) => r.envoy)).toEqual(full.clusters);
    expect(Object.values(mine.LDS).map((r) => r.envoy)).toEqual(
      expect.arrayContaining(full.listeners),
    );
    expect(Object.keys(mine.LDS)).toHaveLength(full.listeners.length);
    expect(Object.values(mine.RDS).map((r) => r.envoy)).toEqual(full.routes);
    const eds = Object.values(mine.EDS).map((r) => r.envoy);
    expect(eds).toHaveLength(full.endpoints.length);
    expect(eds).toEqual(expect.arrayContaining(full.endpoints));
  }
}

describe('split, memoised config generation equals full builds', () => {
  it('for the cast with all pods ready, some not ready, a canary change, policies and a NACK target', () => {
    let c = castConfig();
    for (const p of c.pods) c = setPodReady(c, p.name, true);
    check(c);
    check(setPodReady(setPodReady(c, 'payments-v1-b', false), 'cart-1', false));
    check(setCanaryWeights(c, 50, 50));
    const { docs } = parseMeshYaml(EXTRA);
    check(applyDocs(c, docs));
    check(makeEnvoyRejectedConfig(c, 'checkout-1'));
  });

  it('for a generated mesh over two namespaces', () => {
    let c = generateTopology(40, 8, 2);
    for (const p of c.pods.filter((_, i) => i % 3 !== 0)) c = setPodReady(c, p.name, true);
    check(c);
  });
});
