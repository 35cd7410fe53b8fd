import { describe, expect, it } from 'vitest';
import {
  applyDocs,
  buildProxyResources,
  castMesh,
  castRegistry,
  parseMeshYaml,
  upstreamTlsMode,
  type MeshConfig,
  type Route,
} from './index';

const PAY = 'payments.shop.svc.cluster.local';

function apply(config: MeshConfig, yaml: string): MeshConfig {
  const { docs, errors } = parseMeshYaml(yaml);
  expect(errors).toEqual([]);
  return applyDocs(config, docs);
}

function payRoutes(config: MeshConfig, pod = 'checkout-1'): Route[] {
  return (
    buildProxyResources(config, { pod }).routes[0]?.virtual_hosts.find(
      (v) => v.name === `${PAY}:8080`,
    )?.routes ?? []
  );
}

const DR_HASH = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: payments }
spec:
  host: payments
  trafficPolicy:
    loadBalancer:
      consistentHash: { httpHeaderName: x-user }
    outlierDetection: { baseEjectionTime: 10m }
  subsets:
  - { name: v1, labels: { version: v1 } }
  - { name: v2, labels: { version: v2 } }
`;

describe('consistent hashing', () => {
  it('makes RING_HASH clusters, a header hash policy on routes, and retries without previous_hosts', () => {
    const config = apply(castMesh(), DR_HASH);
    const c = buildProxyResources(config, { pod: 'web-1' }).clusters.find(
      (x) => x.name === `outbound|8080|v1|${PAY}`,
    );
    expect(c?.lb_policy).toBe('RING_HASH');
    expect(c?.ring_hash_lb_config).toEqual({ minimum_ring_size: 1024 });
    expect(c?.outlier_detection?.max_ejection_time).toBe('600s');
    const [route] = payRoutes(config);
    expect(route?.route.hash_policy).toEqual([{ header: { header_name: 'x-user' } }]);
    expect(route?.route.retry_policy?.retry_host_predicate).toEqual([]);
  });

  it('puts the hash policy on the default route of a service without VirtualService', () => {
    const config = apply(castRegistry(), DR_HASH);
    const [route] = payRoutes(config);
    expect(route?.name).toBe('default');
    expect(route?.route.cluster).toBe(`outbound|8080||${PAY}`);
    expect(route?.route.hash_policy).toEqual([{ header: { header_name: 'x-user' } }]);
  });
});

describe('VirtualService scoping and edge cases', () => {
  it('gives a sourceLabels match only to matching proxies; others fall through to the next rule', () => {
    const config = apply(
      castMesh(),
      `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: payments }
spec:
  hosts: [payments]
  http:
  - name: from-checkout
    match: [{ sourceLabels: { app: checkout }, uri: { prefix: /pay } }]
    route: [{ destination: { host: payments, subset: v2 } }]
  - name: rest
    route: [{ destination: { host: payments, subset: v1 } }]
`,
    );
    expect(
      payRoutes(config, 'checkout-1').map((r) => [r.name, r.match.prefix, r.route.cluster]),
    ).toEqual([
      ['from-checkout', '/pay', `outbound|8080|v2|${PAY}`],
      ['rest', '/', `outbound|8080|v1|${PAY}`],
    ]);
    expect(payRoutes(config, 'web-1').map((r) => r.name)).toEqual(['rest']);
  });

  it('ignores a VirtualService bound only to a gateway (sidecars keep the default route)', () => {
    const config = apply(
      castRegistry(),
      `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: payments-edge }
spec:
  hosts: [payments]
  gateways: [istio-system/ingress]
  http: [{ route: [{ destination: { host: payments, subset: v2 } }] }]
`,
    );
    expect(payRoutes(config).map((r) => r.route.cluster)).toEqual([`outbound|8080||${PAY}`]);
  });

  it('routes to a subset the DestinationRule lacks: the cluster does not exist (503 NC at request time)', () => {
    const config = apply(
      castMesh(),
      `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: payments }
spec:
  hosts: [payments]
  http: [{ route: [{ destination: { host: payments, subset: v3 } }] }]
`,
    );
    const res = buildProxyResources(config, { pod: 'checkout-1' });
    expect(payRoutes(config)[0]?.route.cluster).toBe(`outbound|8080|v3|${PAY}`);
    expect(res.clusters.some((c) => c.name === `outbound|8080|v3|${PAY}`)).toBe(false);
  });

  it('writes matches, headers and fault injection as Envoy does (MILLION denominators)', () => {
    const config = apply(
      castMesh(),
      `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: payments }
spec:
  hosts: [payments]
  http:
  - match: [{ uri: { exact: /charge }, headers: { x-b: { prefix: "1" }, x-a: { regex: "v[0-9]+" } } }]
    fault:
      delay: { fixedDelay: 7s, percentage: { value: 0.5 } }
      abort: { httpStatus: 503 }
    route: [{ destination: { host: payments, subset: v1 } }]
`,
    );
    const [route] = payRoutes(config);
    expect(route?.match).toEqual({
      path: '/charge',
      case_sensitive: true,
      headers: [
        { name: 'x-a', string_match: { safe_regex: { regex: 'v[0-9]+' } } },
        { name: 'x-b', string_match: { prefix: '1' } },
      ],
    });
    expect(route?.typed_per_filter_config?.['envoy.filters.http.fault']).toEqual({
      '@type': 'type.googleapis.com/envoy.extensions.filters.http.fault.v3.HTTPFault',
      delay: { fixed_delay: '7s', percentage: { numerator: 5000, denominator: 'MILLION' } },
      abort: { http_status: 503, percentage: { numerator: 1_000_000, denominator: 'MILLION' } },
    });
  });

  it('looks DestinationRules up in the client namespace, then the service namespace, then istio-system', () => {
    const root = apply(
      castMesh(),
      `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: mesh-web, namespace: istio-system }
spec:
  host: web.shop.svc.cluster.local
  trafficPolicy: { loadBalancer: { simple: RANDOM } }
`,
    );
    const web = (c: MeshConfig): string | undefined =>
      buildProxyResources(c, { pod: 'cart-1' }).clusters.find(
        (x) => x.name === 'outbound|8080||web.shop.svc.cluster.local',
      )?.lb_policy;
    expect(web(root)).toBe('RANDOM');
    const local = apply(
      root,
      `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: web, namespace: shop }
spec:
  host: web
  trafficPolicy: { loadBalancer: { simple: ROUND_ROBIN } }
`,
    );
    expect(web(local)).toBe('ROUND_ROBIN');
  });

  it('makes PASSTHROUGH subsets ORIGINAL_DST clusters without EDS', () => {
    const config = apply(
      castMesh(),
      `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: payments }
spec:
  host: payments
  subsets:
  - { name: v1, labels: { version: v1 }, trafficPolicy: { loadBalancer: { simple: PASSTHROUGH } } }
`,
    );
    const res = buildProxyResources(config, { pod: 'checkout-1' });
    const v1 = res.clusters.find((x) => x.name === `outbound|8080|v1|${PAY}`);
    expect(v1).toMatchObject({ type: 'ORIGINAL_DST', lb_policy: 'CLUSTER_PROVIDED' });
    expect(res.endpoints.some((e) => e.cluster_name === `outbound|8080|v1|${PAY}`)).toBe(false);
  });

  it('programs upstream TLS per DR tls.mode: auto mTLS by default, ISTIO_MUTUAL, DISABLE', () => {
    const tls = (mode: string): MeshConfig =>
      apply(
        castMesh(),
        `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: payments }
spec:
  host: payments
  trafficPolicy: { tls: { mode: ${mode} } }
  subsets: [{ name: v1, labels: { version: v1 } }]
`,
      );
    const v1 = (c: MeshConfig) =>
      buildProxyResources(c, { pod: 'checkout-1' }).clusters.find(
        (x) => x.name === `outbound|8080|v1|${PAY}`,
      );
    const auto = v1(castMesh());
    expect(auto?.transport_socket_matches?.map((m) => [m.name, m.transport_socket.name])).toEqual([
      ['tlsMode-istio', 'envoy.transport_sockets.tls'],
      ['tlsMode-disabled', 'envoy.transport_sockets.raw_buffer'],
    ]);
    expect(auto?.transport_socket_matches?.[0]?.transport_socket.typed_config?.sni).toBe(
      `outbound_.8080_.v1_.${PAY}`,
    );
    expect(auto && upstreamTlsMode(auto)).toBe('AUTO');
    const mutual = v1(tls('ISTIO_MUTUAL'));
    expect(mutual && upstreamTlsMode(mutual)).toBe('ISTIO_MUTUAL');
    expect(mutual?.transport_socket?.name).toBe('envoy.transport_sockets.tls');
    expect(mutual?.transport_socket_matches).toBeUndefined();
    const off = v1(tls('DISABLE'));
    expect(off && upstreamTlsMode(off)).toBe('DISABLE');
    const simple = v1(tls('SIMPLE'));
    expect(simple && upstreamTlsMode(simple)).toBe('TLS');
    expect(off?.transport_socket).toBeUndefined();
    expect(off?.transport_socket_matches).toBeUndefined();
  });
});
