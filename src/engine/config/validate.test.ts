import { describe, expect, it } from 'vitest';
import { castConfigYaml, istioWarnings, parseMeshYaml, validateIstio } from './index';

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

describe('validateIstio: VirtualService weights (Istio ≥ 1.15)', () => {
  it('accepts the cast canary', () => {
    expect(errs(castConfigYaml)).toEqual([]);
  });
  it('has no sum-to-100 rule: 1/3 and 60/60 are valid', () => {
    expect(errs(vs(split(1, 3)))).toEqual([]);
    expect(errs(vs(split(60, 60)))).toEqual([]);
  });
  it('rejects a negative weight, naming its path', () => {
    expect(errs(vs(split(-1, 10)))).toEqual(['spec.http[0].route[0].weight: weight -1 < 0']);
  });
  it('rejects a zero total with more than one destination', () => {
    expect(errs(vs(split(0, 0)))).toEqual(['spec.http[0].route: total destination weight = 0']);
  });
  it('accepts a single destination without weight', () => {
    expect(errs(vs('  - route:\n    - destination: { host: payments }\n'))).toEqual([]);
  });
});

describe('validateIstio: VirtualService fields', () => {
  it('requires http routes; a VirtualService without hosts is a delegate (accepted, with a warning)', () => {
    const y = `apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata: { name: x }
spec: {}
`;
    expect(errs(y)).toEqual(['spec: http, tcp or tls must be provided in virtual service']);
    expect(istioWarnings(parseMeshYaml(y).docs).map((w) => w.path)).toEqual(['spec.hosts']);
  });
  it('rejects duplicate hosts', () => {
    expect(
      errs(
        vs(split(1, 1)).replace(
          'hosts: [payments]',
          'hosts: [payments, "*.shop.svc.cluster.local", a.shop.svc.cluster.local]',
        ),
      ),
    ).toEqual([
      'spec.hosts: duplicate hosts in virtual service: *.shop.svc.cluster.local & a.shop.svc.cluster.local',
    ]);
  });
  it('rejects the * host for sidecars and a bad domain', () => {
    expect(errs(vs(split(1, 1)).replace('hosts: [payments]', 'hosts: ["*", "pay_ments"]'))).toEqual(
      [
        'spec.hosts[0]: wildcard host * is not allowed for virtual services bound to the mesh gateway',
        'spec.hosts[1]: domain name "pay_ments" invalid (label "pay_ments" invalid)',
      ],
    );
  });
  it('requires a route and a destination host', () => {
    expect(errs(vs('  - timeout: 1s\n'))).toEqual([
      'spec.http[0]: HTTP route, redirect or direct_response is required',
    ]);
    expect(errs(vs('  - route:\n    - destination: { subset: v1 }\n'))).toEqual([
      'spec.http[0].route[0].destination.host: empty domain name not allowed',
    ]);
  });
  it('requires subset names to be DNS labels', () => {
    expect(
      errs(vs('  - route:\n    - destination: { host: payments, subset: v1.beta }\n')),
    ).toEqual(['spec.http[0].route[0].destination.subset: subset name is invalid: v1.beta']);
  });
  it('checks the port number', () => {
    expect(
      errs(vs('  - route:\n    - destination: { host: payments, port: { number: 70000 } }\n')),
    ).toEqual([
      'spec.http[0].route[0].destination.port.number: port number 70000 must be in the range 1..65535',
    ]);
  });
  it('requires Go durations of at least 1ms, to ms precision', () => {
    const route = '    route: [{ destination: { host: payments } }]\n';
    expect(errs(vs(`  - timeout: 5 s\n${route}`))).toEqual([
      'spec.http[0].timeout: time: unknown unit " s" in duration "5 s" (got "5 s")',
    ]);
    expect(errs(vs(`  - timeout: abc\n${route}`))).toEqual([
      'spec.http[0].timeout: time: invalid duration "abc" (got "abc")',
    ]);
    expect(errs(vs(`  - timeout: "10"\n${route}`))).toEqual([
      'spec.http[0].timeout: time: missing unit in duration "10" (got "10")',
    ]);
    expect(errs(vs(`  - timeout: 100us\n${route}`))).toEqual([
      'spec.http[0].timeout: duration must be greater than 1ms (got "100us")',
    ]);
    expect(errs(vs(`  - timeout: 1500us\n${route}`))).toEqual([
      'spec.http[0].timeout: only durations to ms precision are supported (got "1500us")',
    ]);
    expect(errs(vs(`  - timeout: 1m30s\n${route}`))).toEqual([]);
    expect(errs(vs(`  - timeout: 5\n${route}`))).toEqual([
      'spec.http[0].timeout: must be a duration string such as "1s" or "500ms", got number 5',
    ]);
  });
  it('checks retries: attempts ≥ 0, no policy when disabled, valid retryOn', () => {
    const route = '    route: [{ destination: { host: payments } }]\n';
    expect(errs(vs(`  - retries: { attempts: -1 }\n${route}`))).toEqual([
      'spec.http[0].retries.attempts: attempts cannot be negative',
    ]);
    expect(errs(vs(`  - retries: { attempts: 0, perTryTimeout: 1s }\n${route}`))).toEqual([
      'spec.http[0].retries: http retry policy configured when attempts are set to 0 (disabled)',
    ]);
    expect(
      errs(vs(`  - retries: { attempts: 2, retryOn: "5xx,503,sometimes,999" }\n${route}`)),
    ).toEqual([
      'spec.http[0].retries.retryOn: "sometimes" is not a valid retryOn policy',
      'spec.http[0].retries.retryOn: "999" is not a valid retryOn policy',
    ]);
  });
  it('checks fault injection: percentages in [0,100], httpStatus, at least one fault', () => {
    const route = '    route: [{ destination: { host: payments } }]\n';
    expect(
      errs(vs(`  - fault: { abort: { httpStatus: 700, percentage: { value: 150 } } }\n${route}`)),
    ).toEqual([
      'spec.http[0].fault.abort.percentage.value: percentage 150 is neither 0.0, nor in range [0.0001, 100.0]',
      'spec.http[0].fault.abort.httpStatus: HTTP status 700 is not in range 200-599',
    ]);
    expect(
      errs(vs(`  - fault: { delay: { fixedDelay: 2s, percentage: { value: -1 } } }\n${route}`)),
    ).toEqual([
      'spec.http[0].fault.delay.percentage.value: percentage -1 is neither 0.0, nor in range [0.0001, 100.0]',
    ]);
    expect(errs(vs(`  - fault: {}\n${route}`))).toEqual([
      'spec.http[0].fault: HTTP fault injection must have an abort and/or a delay',
    ]);
  });
  it('checks matches: one StringMatch kind, RE2 syntax', () => {
    const route = '    route: [{ destination: { host: payments } }]\n';
    expect(errs(vs(`  - match: [{ uri: { prefix: /a, exact: /b } }]\n${route}`))).toEqual([
      'spec.http[0].match[0].uri: only one of exact, prefix or regex may be set (StringMatch is a oneof), got exact and prefix',
    ]);
    expect(errs(vs(`  - match: [{ uri: { regex: "/(?=x)" } }]\n${route}`))).toEqual([
      'spec.http[0].match[0].uri.regex: "uri": error parsing regexp: invalid or unsupported Perl syntax: `(?=`; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)',
    ]);
    expect(errs(vs(`  - match: [{ headers: { x-v: { regex: "a{1001}" } } }]\n${route}`))).toEqual([
      'spec.http[0].match[0].headers.x-v.regex: "headers": error parsing regexp: invalid repeat count: `{1001}`; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)',
    ]);
    expect(
      errs(
        vs(
          `  - match: [{ headers: { x-v: { prefix: "" } }, uri: { regex: "${'a'.repeat(1025)}" } }]\n${route}`,
        ),
      ),
    ).toEqual([
      'spec.http[0].match[0].headers.x-v.prefix: "headers": prefix string match should not be empty',
      'spec.http[0].match[0].uri.regex: "uri": regex is too large, max length allowed is 1024',
    ]);
  });
});

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
      'spec.trafficPolicy.connectionPool.tcp.maxConnections: max connections must be non-negative',
      'spec.trafficPolicy.outlierDetection.interval: time: unknown unit "x" in duration "1x" (got "1x")',
      'spec.trafficPolicy.outlierDetection.maxEjectionPercent: percentage 101 is not in range 0..100',
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
  it('gives the YAML error with its line', () => {
    const { errors } = parseMeshYaml('kind: VirtualService\nspec: [1\nmetadata: {}\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^YAML error: .*line 3, column 1/);
    expect(errors[0]?.line).toBe(3);
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
