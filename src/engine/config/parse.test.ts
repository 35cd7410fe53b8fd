import { describe, expect, it } from 'vitest';
import { castConfigYaml, formatError, parseMeshYaml, validateIstio } from './index';

/** Parse + validate; errors as `path: message`. */
function errs(yaml: string): string[] {
  const { docs, errors } = parseMeshYaml(yaml);
  return [...errors, ...validateIstio(docs)].map((e) => `${e.path}: ${e.message}`);
}

function vs(http: string, extra = ''): string {
  return `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: payments
spec:
  hosts: [payments]${extra}
  http:
${http}`;
}

function dr(spec: string): string {
  return `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: payments
spec:
  host: payments
${spec}`;
}

const split = (w1: number, w2: number): string => `  - route:
    - destination: { host: payments, subset: v1 }
      weight: ${w1}
    - destination: { host: payments, subset: v2 }
      weight: ${w2}
`;

describe('validateIstio: DestinationRule', () => {
  it('requires a host', () => {
    expect(errs(dr('').replace('  host: payments\n', '  subsets: []\n'))).toEqual([
      'spec.host: empty domain name not allowed',
    ]);
  });
  it('requires DNS-label subset names, no duplicates, valid labels', () => {
    const y = dr(`  subsets:
  - name: V_1
    labels: { version: v1 }
  - name: v2
    labels: { version: "bad value!" }
  - name: v2
`);
    expect(errs(y)).toEqual([
      'spec.subsets[0].name: subset name is invalid: V_1',
      'spec.subsets[1].labels.version: invalid tag value: "bad value!"',
      'spec.subsets[2].name: duplicate subset names: v2',
    ]);
  });
  it('checks label keys like Istio (DNS prefix, name length)', () => {
    const y = dr(`  subsets:
  - name: v1
    labels: { "mesh-scenes/nack-target": "true", "${'n'.repeat(64)}": x, "a/b/c": x }
`);
    expect(errs(y)).toEqual([
      `spec.subsets[0].labels.${'n'.repeat(64)}: invalid tag key: "${'n'.repeat(64)}" (name is too long)`,
      'spec.subsets[0].labels.a/b/c: invalid tag key: "a/b/c"',
    ]);
  });
  it('checks traffic policies: enums, durations, percents, non-negative pools', () => {
    const y = dr(`  trafficPolicy:
    loadBalancer: { simple: FASTEST }
`);
    expect(errs(y)[0]).toMatch(
      /^spec.trafficPolicy.loadBalancer.simple: unknown value "FASTEST" for enum/,
    );
    const z = dr(`  trafficPolicy:
    connectionPool: { tcp: { maxConnections: -1 } }
    outlierDetection: { interval: 1x, baseEjectionTime: 3m, maxEjectionPercent: 101 }
`);
    expect(errs(z)).toEqual([
      // Istio's order: outlier detection, then the connection pool.
      'spec.trafficPolicy.outlierDetection.interval: time: unknown unit "x" in duration "1x"',
      'spec.trafficPolicy.outlierDetection.maxEjectionPercent: percentage 101 is not in range 0..100',
      'spec.trafficPolicy.connectionPool.tcp.maxConnections: max connections must be non-negative',
    ]);
    expect(errs(dr('  trafficPolicy: {}\n'))).toEqual([
      'spec.trafficPolicy: traffic policy must have at least one field',
    ]);
  });
});

describe('validateIstio: security kinds', () => {
  it('accepts STRICT PeerAuthentication and an ALLOW policy for checkout', () => {
    const y = `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: { name: default }
spec: { mtls: { mode: STRICT } }
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: payments }
spec:
  selector: { matchLabels: { app: payments } }
  action: ALLOW
  rules:
  - from: [{ source: { principals: ["cluster.local/ns/shop/sa/checkout"] } }]
`;
    expect(errs(y)).toEqual([]);
  });
  it('rejects an unknown mTLS mode and an empty source', () => {
    const y = `apiVersion: security.istio.io/v1beta1
kind: PeerAuthentication
metadata: { name: default }
spec: { mtls: { mode: STRICTEST } }
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: p }
spec:
  rules:
  - from: [{ source: {} }]
`;
    const e = errs(y);
    expect(e[0]).toMatch(/^spec.mtls.mode: unknown value "STRICTEST"/);
    expect(e[1]).toBe(
      'spec.rules[0].from[0].source: invalid policy p.shop: `from.source` must not be empty, found at rule 0',
    );
  });
});

describe('parseMeshYaml: document-level errors', () => {
  it('gives the YAML error with its line and column, and skips empty documents', () => {
    const { errors } = parseMeshYaml('kind: VirtualService\nspec: [1\nmetadata: {}\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, column: 1 });
    expect(errors[0] && formatError(errors[0])).toMatch(
      /^line 3, column 1: YAML error: Flow sequence/,
    );
    expect(errs('a: 1\na: 2\n')).toEqual([': YAML error: Map keys must be unique']);
    expect(parseMeshYaml('---\n---\n')).toEqual({ docs: [], errors: [] });
  });
  it('names an unknown kind, an unmodelled kind and a wrong apiVersion', () => {
    const base = (api: string, kind: string): string =>
      `apiVersion: ${api}\nkind: ${kind}\nmetadata: { name: a }\nspec: {}\n`;
    expect(errs(base('networking.istio.io/v1', 'VirtualServise'))[0]).toMatch(
      /^kind: unknown kind "VirtualServise"/,
    );
    expect(errs(base('networking.istio.io/v1', 'Gateway'))[0]).toMatch(
      /^kind: Gateway \(networking.istio.io\) is a real Istio kind that this simulator does not model/,
    );
    expect(errs(base('networking.istio.io/v2', 'VirtualService'))).toEqual([
      'apiVersion: unknown apiVersion "networking.istio.io/v2" for kind VirtualService; use networking.istio.io/v1, networking.istio.io/v1beta1, networking.istio.io/v1alpha3',
    ]);
    expect(errs('kind: VirtualService\n')).toEqual([
      'apiVersion: apiVersion is required (e.g. networking.istio.io/v1)',
    ]);
  });
  it('rejects a misspelt top-level field instead of reading an empty spec', () => {
    expect(errs(castConfigYaml.replace('spec:\n  hosts', 'specs:\n  hosts'))).toEqual([
      'specs: unknown field "specs" (a document has apiVersion, kind, metadata and spec)',
    ]);
  });
  it('rejects unknown fields and wrong types, with line numbers', () => {
    const { errors } = parseMeshYaml(
      vs('  - route:\n    - destination: { host: payments }\n      wieght: 5\n'),
    );
    expect(errors.map((e) => [e.path, e.message, e.line])).toEqual([
      [
        'spec.http[0].route[0].wieght',
        'unknown field "wieght" in istio.networking.v1alpha3.HTTPRouteDestination',
        10,
      ],
    ]);
  });
  it('keeps line numbers of semantic errors and document indexes', () => {
    const { docs } = parseMeshYaml(`${castConfigYaml}---\n${vs(split(0, 0))}`);
    const [e] = validateIstio(docs);
    expect(e).toMatchObject({
      path: 'spec.http[0].route',
      doc: 2,
      line: 42,
      object: 'VirtualService/shop/payments',
    });
  });
  it('defaults the namespace and rejects a bad name', () => {
    const { docs } = parseMeshYaml(castConfigYaml.replace(/ {2}namespace: shop\n/g, ''), {
      namespace: 'prod',
    });
    expect(docs.map((d) => d.metadata.namespace)).toEqual(['prod', 'prod']);
    expect(errs(vs(split(1, 1)).replace('name: payments', 'name: Payments_1'))[0]).toMatch(
      /^metadata.name: invalid name "Payments_1"/,
    );
  });
});
