import { describe, expect, it } from 'vitest';
import {
  applyDocs,
  buildProxyResources,
  castMesh,
  CAST_PODS,
  envoyRejects,
  envoyRejectsAny,
  estimateRe2ProgramSize,
  makeEnvoyRejectedConfig,
  parseMeshYaml,
  removeEnvoyRejectedConfig,
  validateIstio,
  type MeshConfig,
  type RouteConfiguration,
} from './index';

function allDocs(c: MeshConfig): Parameters<typeof validateIstio>[0] {
  return [
    ...c.virtualServices,
    ...c.destinationRules,
    ...c.peerAuthentications,
    ...c.authorizationPolicies,
  ];
}

describe('envoyRejects: what Envoy NACKs although Istio accepted it', () => {
  it('accepts everything Istiod builds for the default cast', () => {
    for (const { pod } of CAST_PODS) {
      const r = buildProxyResources(castMesh(), { pod });
      expect(
        envoyRejectsAny([...r.clusters, ...r.endpoints, ...r.listeners, ...r.routes]),
      ).toBeNull();
    }
  });

  it('makeEnvoyRejectedConfig passes validateIstio but one sidecar rejects its RDS (RE2 program size)', () => {
    const bad = makeEnvoyRejectedConfig(castMesh(), 'checkout-1');
    expect(validateIstio(allDocs(bad))).toEqual([]);
    const verdicts = CAST_PODS.map(({ pod }) => [
      pod,
      envoyRejectsAny(buildProxyResources(bad, { pod }).routes),
    ]);
    const rejecting = verdicts.filter(([, e]) => e !== null).map(([p]) => p);
    expect(rejecting).toEqual(['checkout-1']);
    const msg = verdicts.find(([p]) => p === 'checkout-1')?.[1];
    expect(msg).toMatch(
      /^regex '\^\[\\p\{L\}\\p\{N\}\._-\]\{1,256\}\$' RE2 program size of \d+ > max program size of 32768 set for the error level threshold\. Increase configured max program size if necessary\.$/,
    );
    // Clusters and endpoints of the same push are fine: only RDS is NACKed.
    const r = buildProxyResources(bad, { pod: 'checkout-1' });
    expect(envoyRejectsAny([...r.clusters, ...r.endpoints, ...r.listeners])).toBeNull();
  });

  it('removeEnvoyRejectedConfig restores the config Envoy accepts', () => {
    const base = castMesh();
    const back = removeEnvoyRejectedConfig(makeEnvoyRejectedConfig(base, 'payments-v1-a'));
    expect(back.virtualServices.map((v) => v.spec)).toEqual(
      base.virtualServices.map((v) => v.spec),
    );
    expect(back.pods).toEqual(base.pods);
    expect(envoyRejectsAny(buildProxyResources(back, { pod: 'payments-v1-a' }).routes)).toBeNull();
  });

  it('estimates small regexes far below the limit', () => {
    expect(estimateRe2ProgramSize('^/api/v[0-9]+/.*$')).toBeLessThan(100);
    expect(estimateRe2ProgramSize('^[\\p{L}\\p{N}._-]{1,256}$')).toBeGreaterThan(32768);
  });

  it('rejects three int32-max weights that Istio accepts (its int32 total wraps)', () => {
    const max = 2147483647;
    const { docs, errors } = parseMeshYaml(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: payments, namespace: shop }
spec:
  hosts: [payments]
  http:
  - name: heavy
    route:
    - { destination: { host: payments, subset: v1 }, weight: ${max} }
    - { destination: { host: payments, subset: v2 }, weight: ${max} }
    - { destination: { host: payments }, weight: ${max} }
`);
    expect(errors).toEqual([]);
    expect(validateIstio(docs)).toEqual([]);
    const rds = buildProxyResources(applyDocs(castMesh(), docs), { pod: 'web-1' }).routes;
    expect(envoyRejectsAny(rds)).toBe(
      'The sum of weights of all weighted clusters of route heavy exceeds 4294967295',
    );
  });

  it('applies Envoy rules Istiod never breaks: zero total weight, duplicate domains', () => {
    const rc: RouteConfiguration = {
      name: '8080',
      validate_clusters: false,
      virtual_hosts: [
        {
          name: 'a',
          domains: ['a', 'b'],
          routes: [
            {
              match: { prefix: '/' },
              route: { timeout: '0s', weighted_clusters: { clusters: [{ name: 'x', weight: 0 }] } },
            },
          ],
        },
      ],
    };
    expect(envoyRejects(rc)).toBe('Sum of weights in the weighted_cluster must be greater than 0.');
    const dup: RouteConfiguration = {
      ...rc,
      virtual_hosts: [
        { name: 'a', domains: ['a'], routes: [] },
        { name: 'b', domains: ['a'], routes: [] },
      ],
    };
    expect(envoyRejects(dup)).toBe(
      'Only unique values for domains are permitted. Duplicate entry of domain a in route 8080',
    );
  });
});
