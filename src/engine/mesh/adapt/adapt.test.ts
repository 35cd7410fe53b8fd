/**
 * The compact forms the data path reads, derived from the config module's Envoy JSON: a guard
 * against silent drift if the JSON shape changes.
 */
import { describe, expect, it } from 'vitest';
import { applyDocs, buildProxyResources, castMesh, parseMeshYaml } from '../../config';
import { compactCla, compactCluster } from './clusters';
import { compactListener } from './listeners';
import { compactRouteConfig } from './routes';

const POLICIES = `apiVersion: security.istio.io/v1
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
  name: default
  namespace: shop
spec:
  mtls:
    mode: STRICT
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: payments
  namespace: shop
spec:
  host: payments
  trafficPolicy:
    loadBalancer:
      simple: ROUND_ROBIN
    connectionPool:
      http:
        http2MaxRequests: 7
    outlierDetection:
      consecutive5xxErrors: 3
      baseEjectionTime: 15s
      maxEjectionPercent: 100
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
`;

describe('compact forms of the Envoy JSON', () => {
  const config = applyDocs(castMesh(), parseMeshYaml(POLICIES).docs);

  it('clusters and endpoints', () => {
    const pr = buildProxyResources(config, { pod: 'checkout-1' });
    const v1 = pr.clusters.find(
      (c) => c.name === 'outbound|8080|v1|payments.shop.svc.cluster.local',
    );
    const c = compactCluster(v1!);
    expect(c).toMatchObject({
      type: 'EDS',
      lb_policy: 'ROUND_ROBIN',
      connect_timeout_ms: 10_000,
      tls: 'ISTIO_MUTUAL',
      service: 'payments.shop.svc.cluster.local',
      subset: 'v1',
    });
    expect(c.circuit_breakers.max_requests).toBe(7);
    expect(c.outlier_detection).toMatchObject({
      consecutive_5xx: 3,
      base_ejection_time_ms: 15_000,
      max_ejection_percent: 100,
    });
    const cart = compactCluster(
      pr.clusters.find((x) => x.name === 'outbound|8080||cart.shop.svc.cluster.local')!,
    );
    expect(cart).toMatchObject({
      lb_policy: 'LEAST_REQUEST',
      subset: null,
      service: 'cart.shop.svc.cluster.local',
    });
    expect(cart.outlier_detection).toBeUndefined();
    const eds = compactCla(
      pr.endpoints.find(
        (e) => e.cluster_name === 'outbound|8080|v1|payments.shop.svc.cluster.local',
      )!,
    );
    expect(eds.endpoints.map((e) => e.pod)).toEqual(['payments-v1-a', 'payments-v1-b']);
    expect(eds.endpoints[0]).toMatchObject({
      address: '10.244.2.21',
      port: 8080,
      health_status: 'HEALTHY',
    });
  });

  it('listeners: RDS name, STRICT mode, RBAC principals', () => {
    const web = buildProxyResources(config, { pod: 'web-1' });
    expect(compactListener(web.listeners.find((l) => l.name === '0.0.0.0_8080')!)).toMatchObject({
      port: 8080,
      direction: 'OUTBOUND',
      rds_route_config_name: '8080',
    });
    const pay = buildProxyResources(config, { pod: 'payments-v1-a' });
    const inbound = compactListener(pay.listeners.find((l) => l.name === 'virtualInbound')!);
    expect(inbound.mtls_mode).toBe('STRICT');
    expect(inbound.authz?.allowPolicies).toBe(1);
    expect(inbound.authz?.allow[0]?.principals).toEqual([
      { exact: 'spiffe://cluster.local/ns/shop/sa/checkout' },
    ]);
    const cart = compactListener(
      buildProxyResources(castMesh(), { pod: 'cart-1' }).listeners.find(
        (l) => l.name === 'virtualInbound',
      )!,
    );
    expect(cart.mtls_mode).toBe('PERMISSIVE');
    expect(cart.authz).toEqual({ deny: [], allowPolicies: 0, allow: [] });
  });

  it('routes: weighted clusters and Istio default retries', () => {
    const rc = compactRouteConfig(
      buildProxyResources(castMesh(), { pod: 'checkout-1' }).routes[0]!,
    );
    const pay = rc.virtual_hosts.find((v) => v.domains.includes('payments:8080'));
    expect(pay?.routes[0]?.route.weighted_clusters?.clusters).toEqual([
      { name: 'outbound|8080|v1|payments.shop.svc.cluster.local', weight: 90 },
      { name: 'outbound|8080|v2|payments.shop.svc.cluster.local', weight: 10 },
    ]);
    const cart = rc.virtual_hosts.find((v) => v.domains.includes('cart:8080'))?.routes[0]?.route;
    expect(cart?.timeout_ms).toBe(0);
    expect(cart?.retry_policy).toMatchObject({
      num_retries: 2,
      base_interval_ms: 25,
      previous_hosts: true,
      retriable_status_codes: [],
    });
    expect(cart?.retry_policy?.retry_on).toBe(
      'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes',
    );
  });
});
