import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  applyDocs,
  buildProxyResources,
  CAST_PODS,
  castMesh,
  envoyRejectsAny,
  parseMeshYaml,
  validateIstio,
} from './index';

const PAY = 'payments.shop.svc.cluster.local';

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
