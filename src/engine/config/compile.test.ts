import { describe, expect, it } from 'vitest';
import {
  applyDocs,
  buildProxyResources,
  castMesh,
  MAX_UINT32,
  parseMeshYaml,
  setCanaryWeights,
  setPodReady,
  type Cluster,
  type MeshConfig,
  type Route,
} from './index';

const PAY = 'payments.shop.svc.cluster.local';

function apply(config: MeshConfig, yaml: string): MeshConfig {
  const { docs, errors } = parseMeshYaml(yaml);
  expect(errors).toEqual([]);
  return applyDocs(config, docs);
}

function cluster(config: MeshConfig, name: string, pod = 'checkout-1'): Cluster {
  const c = buildProxyResources(config, { pod }).clusters.find((x) => x.name === name);
  if (!c) throw new Error(`no cluster ${name}`);
  return c;
}

function paymentsRoutes(config: MeshConfig, pod = 'checkout-1'): Route[] {
  const rc = buildProxyResources(config, { pod }).routes.find((r) => r.name === '8080');
  return rc?.virtual_hosts.find((v) => v.name === `${PAY}:8080`)?.routes ?? [];
}

describe('buildProxyResources on the default cast', () => {
  const res = buildProxyResources(castMesh(), { pod: 'checkout-1' });

  it('names clusters as Istio does, one per subset plus the subset-less one', () => {
    const names = res.clusters.map((c) => c.name);
    expect(names).toContain(`outbound|8080|v1|${PAY}`);
    expect(names).toContain(`outbound|8080|v2|${PAY}`);
    expect(names).toContain(`outbound|8080||${PAY}`);
    expect(names).toContain('outbound|8080||web.shop.svc.cluster.local');
    expect(names).toContain('inbound|8080||');
    expect(names).toEqual(expect.arrayContaining(['PassthroughCluster', 'BlackHoleCluster']));
    expect(names).toEqual([...names].sort());
  });

  it('uses Istio defaults: LEAST_REQUEST, 10s connect timeout, 2^32-1 breakers, no outlier detection', () => {
    const c = cluster(castMesh(), `outbound|8080|v1|${PAY}`);
    expect(c.lb_policy).toBe('LEAST_REQUEST');
    expect(c.connect_timeout).toBe('10s');
    expect(c.circuit_breakers?.thresholds[0]).toEqual({
      max_connections: MAX_UINT32,
      max_pending_requests: MAX_UINT32,
      max_requests: MAX_UINT32,
      max_retries: MAX_UINT32,
      track_remaining: true,
    });
    expect(c.outlier_detection).toBeUndefined();
    expect(c.eds_cluster_config?.eds_config.initial_fetch_timeout).toBe('0s');
  });

  it('routes 90/10 with weighted clusters and no total_weight, timeout 0s and the default retry policy', () => {
    const [route] = paymentsRoutes(castMesh());
    expect(route?.route.weighted_clusters).toEqual({
      clusters: [
        { name: `outbound|8080|v1|${PAY}`, weight: 90 },
        { name: `outbound|8080|v2|${PAY}`, weight: 10 },
      ],
    });
    expect(route?.route.weighted_clusters).not.toHaveProperty('total_weight');
    expect(route?.route.timeout).toBe('0s');
    expect(route?.route.retry_policy).toEqual({
      retry_on: 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes',
      num_retries: 2,
      retry_host_predicate: [
        {
          name: 'envoy.retry_host_predicates.previous_hosts',
          typed_config: {
            '@type':
              'type.googleapis.com/envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate',
          },
        },
      ],
      host_selection_retry_max_attempts: 5,
    });
    expect(route?.route.retry_policy).not.toHaveProperty('retriable_status_codes');
  });

  it('names the route configuration by port, with domains short, FQDN and ClusterIP, with and without :port', () => {
    expect(res.routes.map((r) => r.name)).toEqual(['8080']);
    const vh = res.routes[0]?.virtual_hosts.find((v) => v.name === `${PAY}:8080`);
    expect(vh?.domains).toEqual(
      expect.arrayContaining(['payments', 'payments:8080', PAY, `${PAY}:8080`, '10.96.0.15:8080']),
    );
    expect(res.routes[0]?.virtual_hosts.at(-1)?.name).toBe('allow_any');
  });

  it('gives services without a VirtualService one default route to the subset-less cluster', () => {
    const vh = res.routes[0]?.virtual_hosts.find(
      (v) => v.name === 'cart.shop.svc.cluster.local:8080',
    );
    expect(vh?.routes).toHaveLength(1);
    expect(vh?.routes[0]?.route.cluster).toBe('outbound|8080||cart.shop.svc.cluster.local');
  });

  it('has virtualOutbound on 15001, virtualInbound on 15006 and a per-port listener 0.0.0.0_8080', () => {
    const byName = new Map(res.listeners.map((l) => [l.name, l]));
    expect(byName.get('virtualOutbound')?.address.socket_address.port_value).toBe(15001);
    expect(byName.get('virtualOutbound')?.use_original_dst).toBe(true);
    expect(byName.get('virtualInbound')?.address.socket_address.port_value).toBe(15006);
    expect(byName.get('0.0.0.0_8080')?.bind_to_port).toBe(false);
  });

  it('lists ready endpoints per subset as ip:port', () => {
    const ips = (name: string): string[] =>
      res.endpoints
        .find((e) => e.cluster_name === name)
        ?.endpoints.flatMap((l) =>
          l.lb_endpoints.map(
            (e) =>
              `${e.endpoint.address.socket_address.address}:${e.endpoint.address.socket_address.port_value}`,
          ),
        ) ?? [];
    expect(ips(`outbound|8080|v1|${PAY}`)).toEqual(['10.244.2.21:8080', '10.244.3.22:8080']);
    expect(ips(`outbound|8080|v2|${PAY}`)).toEqual(['10.244.3.23:8080']);
    const down = buildProxyResources(setPodReady(castMesh(), 'payments-v1-a', false), {
      pod: 'checkout-1',
    });
    expect(
      down.endpoints.find((e) => e.cluster_name === `outbound|8080|v1|${PAY}`)?.endpoints[0]
        ?.lb_endpoints,
    ).toHaveLength(1);
  });

  it('is deterministic and JSON-serialisable', () => {
    const again = buildProxyResources(castMesh(), { pod: 'checkout-1' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(res));
    expect(JSON.parse(JSON.stringify(res))).toEqual(res);
  });

  it('is a tree: no object is shared between two places (safe to patch one resource)', () => {
    const seen = new Set<object>();
    let shared = 0;
    const walk = (v: unknown): void => {
      if (v === null || typeof v !== 'object') return;
      if (seen.has(v)) shared++;
      else {
        seen.add(v);
        Object.values(v).forEach(walk);
      }
    };
    walk(buildProxyResources(castMesh(), { pod: 'payments-v1-a' }));
    expect(shared).toBe(0);
  });
});

describe('compiling VirtualService and DestinationRule changes', () => {
  it('drops zero-weight destinations', () => {
    const [route] = paymentsRoutes(setCanaryWeights(castMesh(), 100, 0));
    expect(route?.route.weighted_clusters?.clusters).toEqual([
      { name: `outbound|8080|v1|${PAY}`, weight: 100 },
    ]);
  });

  it('writes a VirtualService timeout and retries', () => {
    const config = apply(
      castMesh(),
      `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: payments, namespace: shop }
spec:
  hosts: [payments]
  http:
  - timeout: 1.5s
    retries: { attempts: 3, perTryTimeout: 500ms, retryOn: "5xx,503" }
    route:
    - destination: { host: payments, subset: v1 }
`,
    );
    const [route] = paymentsRoutes(config);
    expect(route?.route.cluster).toBe(`outbound|8080|v1|${PAY}`);
    expect(route?.route.timeout).toBe('1.5s');
    expect(route?.route.retry_policy).toMatchObject({
      num_retries: 3,
      per_try_timeout: '0.5s',
      retry_on: '5xx,retriable-status-codes',
      retriable_status_codes: [503],
    });
  });

  it('disables retries with attempts: 0', () => {
    const config = apply(
      castMesh(),
      `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: payments }
spec:
  hosts: [payments]
  http:
  - retries: { attempts: 0 }
    route: [{ destination: { host: payments } }]
`,
    );
    expect(paymentsRoutes(config)[0]?.route.retry_policy).toBeUndefined();
  });

  it('applies DR policies: LB, connection pool, outlier detection with Istio defaults, subset override', () => {
    const config = apply(
      castMesh(),
      `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: payments }
spec:
  host: payments
  trafficPolicy:
    loadBalancer: { simple: ROUND_ROBIN }
    connectionPool: { tcp: { maxConnections: 10, connectTimeout: 2s }, http: { http1MaxPendingRequests: 1, maxRetries: 4 } }
    outlierDetection: { consecutive5xxErrors: 1, maxEjectionPercent: 100 }
  subsets:
  - name: v1
    labels: { version: v1 }
    trafficPolicy: { loadBalancer: { simple: RANDOM } }
  - name: v2
    labels: { version: v2 }
`,
    );
    const v1 = cluster(config, `outbound|8080|v1|${PAY}`);
    const v2 = cluster(config, `outbound|8080|v2|${PAY}`);
    expect(v1.lb_policy).toBe('RANDOM');
    expect(v2.lb_policy).toBe('ROUND_ROBIN');
    expect(v2.connect_timeout).toBe('2s');
    expect(v2.circuit_breakers?.thresholds[0]).toMatchObject({
      max_connections: 10,
      max_pending_requests: 1,
      max_requests: MAX_UINT32,
      max_retries: 4,
    });
    expect(v2.outlier_detection).toEqual({
      consecutive_5xx: 1,
      interval: '10s',
      base_ejection_time: '30s',
      max_ejection_percent: 100,
      enforcing_consecutive_5xx: 100,
      enforcing_success_rate: 0,
    });
    expect(v2.common_lb_config).toEqual({ healthy_panic_threshold: { value: 0 } });
    expect(cluster(config, 'outbound|8080||web.shop.svc.cluster.local').lb_policy).toBe(
      'LEAST_REQUEST',
    );
  });
});
