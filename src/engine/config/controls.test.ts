import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyDocs,
  buildProxyResources,
  CAST_PODS,
  castMesh,
  diffRoutes,
  effectiveMtlsMode,
  envoyRejectsAny,
  makeEnvoyRejectedConfig,
  type MeshConfig,
  parseMeshYaml,
  podByName,
  setCanaryWeights,
  validateIstio,
  type VirtualService,
} from './index';
import { stringify } from 'yaml';

const PAY = 'payments.shop.svc.cluster.local';

function routes(c: MeshConfig, pod = 'checkout-1') {
  return buildProxyResources(c, { pod }).routes;
}

describe('setCanaryWeights and diffRoutes', () => {
  it('moves the canary 90/10 → 50/50 and the diff says so', () => {
    const before = castMesh();
    const after = setCanaryWeights(before, 50, 50);
    expect(validateIstio(after.virtualServices)).toEqual([]);
    expect(diffRoutes(routes(before), routes(after))).toEqual([
      `~ route payments: outbound|8080|v1|${PAY} 90 → 50`,
      `~ route payments: outbound|8080|v2|${PAY} 10 → 50`,
    ]);
    expect(diffRoutes(routes(after), routes(after))).toEqual([]);
  });

  it('moves the catch-all rule even when the NACK demo rule sits first', () => {
    const bad = makeEnvoyRejectedConfig(castMesh(), 'checkout-1');
    const moved = setCanaryWeights(bad, 0, 100);
    const http = moved.virtualServices[0]?.spec.http ?? [];
    expect(http.map((r) => r.name ?? '-')).toEqual(['user-name-check', '-']);
    expect(http[1]?.route?.map((d) => d.weight)).toEqual([0, 100]);
    expect(http[0]?.route).toEqual(bad.virtualServices[0]?.spec.http?.[0]?.route);
  });

  it('shows a dropped zero-weight destination, a timeout and a fault', () => {
    const zero = setCanaryWeights(castMesh(), 0, 100);
    expect(diffRoutes(routes(castMesh()), routes(zero))).toEqual([
      `~ route payments: outbound|8080|v2|${PAY} 10 → 100`,
      `- route payments: outbound|8080|v1|${PAY} 90`,
    ]);
    const { docs } = parseMeshYaml(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: payments }
spec:
  hosts: [payments]
  http:
  - timeout: 2s
    fault: { abort: { httpStatus: 503, percentage: { value: 10 } } }
    route:
    - { destination: { host: payments, subset: v1 }, weight: 90 }
    - { destination: { host: payments, subset: v2 }, weight: 10 }
`);
    expect(diffRoutes(routes(castMesh()), routes(applyDocs(castMesh(), docs)))).toEqual([
      '~ route payments: timeout 0s → 2s',
      '~ route payments: fault none → abort 503 10%',
    ]);
  });

  it('property: compiled weights equal the VirtualService weights, zeros dropped, proportions kept', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 6 })
          .filter((ws) => ws.some((w) => w > 0)),
        (ws) => {
          const vs = castMesh().virtualServices[0] as VirtualService;
          const next: VirtualService = {
            ...vs,
            spec: {
              ...vs.spec,
              http: [
                {
                  route: ws.map((w, i) => ({
                    destination: { host: 'payments', subset: i % 2 === 0 ? 'v1' : 'v2' },
                    weight: w,
                  })),
                },
              ],
            },
          };
          expect(validateIstio([next])).toEqual([]);
          const route = routes(applyDocs(castMesh(), [next]))[0]?.virtual_hosts.find(
            (v) => v.name === `${PAY}:8080`,
          )?.routes[0];
          const got = route?.route.weighted_clusters?.clusters.map((c) => c.weight) ?? [];
          const nonZero = ws.filter((w) => w > 0);
          expect(got).toEqual(nonZero);
          const total = got.reduce((a, b) => a + b, 0);
          const vsTotal = ws.reduce((a, b) => a + b, 0);
          got.forEach((w, i) => expect(w / total).toBeCloseTo((nonZero[i] ?? 0) / vsTotal, 12));
          expect(route?.route.weighted_clusters).not.toHaveProperty('total_weight');
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });
});

describe('security on the inbound side', () => {
  it('is PERMISSIVE by default and STRICT when a namespace PeerAuthentication says so', () => {
    const m = castMesh();
    expect(effectiveMtlsMode(m, podByName(m, 'payments-v1-a'))).toBe('PERMISSIVE');
    const { docs } = parseMeshYaml(
      'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: { name: default }\nspec: { mtls: { mode: STRICT } }\n',
    );
    const strict = applyDocs(m, docs);
    expect(effectiveMtlsMode(strict, podByName(strict, 'payments-v1-a'))).toBe('STRICT');
    const inbound = buildProxyResources(strict, { pod: 'payments-v1-a' }).listeners.find(
      (l) => l.name === 'virtualInbound',
    );
    // The 15006 blackhole chain (no transport match), then the workload port's mTLS chain only.
    expect(inbound?.filter_chains.map((c) => c.filter_chain_match?.transport_protocol)).toEqual([
      undefined,
      'tls',
    ]);
  });

  it('turns an AuthorizationPolicy into an RBAC filter on the selected workload only', () => {
    const { docs } = parseMeshYaml(`apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: payments }
spec:
  selector: { matchLabels: { app: payments } }
  action: ALLOW
  rules:
  - from: [{ source: { principals: ["cluster.local/ns/shop/sa/checkout"] } }]
`);
    const m = applyDocs(castMesh(), docs);
    const filters = (pod: string) =>
      (buildProxyResources(m, { pod }).listeners.find((l) => l.name === 'virtualInbound')
        ?.filter_chains[1]?.filters[0]?.typed_config.http_filters ?? []) as {
        name: string;
        typed_config: Record<string, unknown>;
      }[];
    const rbac = filters('payments-v2-a').find((f) => f.name === 'envoy.filters.http.rbac');
    expect(JSON.stringify(rbac)).toContain('"exact":"spiffe://cluster.local/ns/shop/sa/checkout"');
    expect(filters('cart-1').some((f) => f.name === 'envoy.filters.http.rbac')).toBe(false);
  });
});

const destination = fc.record(
  { host: fc.constantFrom('payments', PAY), subset: fc.constantFrom('v1', 'v2') },
  { requiredKeys: ['host'] },
);

const match = fc.record(
  {
    uri: fc.oneof(
      fc.record({ prefix: fc.constantFrom('/', '/pay', '/api/v1') }),
      fc.record({ exact: fc.constantFrom('/charge', '/refund') }),
      fc.record({ regex: fc.constantFrom('/items/[0-9]+', '^/v[12]/.*$') }),
    ),
    headers: fc.dictionary(
      fc.constantFrom('x-user', 'x-canary'),
      fc.record({ exact: fc.constantFrom('1', 'jason') }),
      {
        maxKeys: 2,
      },
    ),
  },
  { requiredKeys: [] },
);

const duration = fc.constantFrom('1ms', '250ms', '1s', '1.5s', '2m', '1h');

const httpRoute = fc.record(
  {
    match: fc.array(match, { minLength: 1, maxLength: 2 }),
    route: fc.array(fc.record({ destination, weight: fc.integer({ min: 1, max: 1000 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
    timeout: duration,
    retries: fc.record(
      { attempts: fc.integer({ min: 1, max: 5 }), perTryTimeout: duration },
      { requiredKeys: ['attempts'] },
    ),
    fault: fc.record({
      abort: fc.record({
        httpStatus: fc.constantFrom(500, 503, 429),
        percentage: fc.record({ value: fc.double({ min: 0.1, max: 100, noNaN: true }) }),
      }),
    }),
  },
  { requiredKeys: ['route'] },
);

describe('round trip: YAML → validateIstio → compiler → Envoy', () => {
  it('property: every VirtualService Istio accepts compiles, and every sidecar accepts its routes', () => {
    fc.assert(
      fc.property(
        fc.array(httpRoute, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...CAST_PODS.map((p) => p.pod)),
        (http, pod) => {
          const yaml = stringify({
            apiVersion: 'networking.istio.io/v1',
            kind: 'VirtualService',
            metadata: { name: 'payments', namespace: 'shop' },
            spec: { hosts: ['payments'], http },
          });
          const { docs, errors } = parseMeshYaml(yaml);
          expect(errors).toEqual([]);
          expect(validateIstio(docs)).toEqual([]);
          const res = buildProxyResources(applyDocs(castMesh(), docs), { pod });
          expect(
            envoyRejectsAny([...res.clusters, ...res.endpoints, ...res.listeners, ...res.routes]),
          ).toBeNull();
          const routes =
            res.routes[0]?.virtual_hosts.find((v) => v.name === `${PAY}:8080`)?.routes ?? [];
          // One Envoy route per match, in VirtualService order (first match wins).
          expect(routes).toHaveLength(http.reduce((n, r) => n + (r.match?.length ?? 1), 0));
          expect(JSON.parse(JSON.stringify(res))).toEqual(res);
        },
      ),
      { numRuns: 25, seed: 11 },
    );
  });
});
