/**
 * The whole v1 API, DestinationRule, security kinds, decoding and `unmodelledFields`: fields beyond the simulator's model are decoded and checked with Istio's
 * rules and messages (pkg/config/validation: validation.go, virtualservice.go,
 * agent/validation.go; pkg/config/security), and listed by `unmodelledFields`.
 */
import { describe, expect, it } from 'vitest';
import {
  applyDocs,
  buildProxyResources,
  castMesh,
  istioWarnings,
  parseMeshYaml,
  unmodelledFields,
  unmodelledNotes,
  validateIstio,
} from './index';

function errs(yaml: string): string[] {
  const { docs, errors } = parseMeshYaml(yaml);
  return [...errors, ...validateIstio(docs)].map((e) => `${e.path}: ${e.message}`);
}
const warns = (yaml: string): string[] =>
  istioWarnings(parseMeshYaml(yaml).docs).map((e) => `${e.path}: ${e.message}`);

const vs = (spec: string): string =>
  `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: { name: r }\nspec:\n${spec}`;
const dr = (spec: string): string =>
  `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: { name: r }\nspec:\n  host: ratings\n${spec}`;
const sec = (kind: string, spec: string): string =>
  `apiVersion: security.istio.io/v1\nkind: ${kind}\nmetadata: { name: p }\nspec:\n${spec}`;
const route = '    route: [{ destination: { host: ratings } }]\n';

describe('DestinationRule: the whole traffic policy', () => {
  it('checks client TLS from files or from a secret', () => {
    expect(errs(dr('  trafficPolicy: { tls: { mode: MUTUAL } }\n'))).toEqual([
      'spec.trafficPolicy.tls: client certificate required for mutual tls',
      'spec.trafficPolicy.tls: private key required for mutual tls',
    ]);
    expect(
      errs(
        dr(
          '  trafficPolicy: { tls: { mode: MUTUAL, credentialName: c, caCertificates: /ca.pem } }\n',
        ),
      ),
    ).toEqual([
      'spec.trafficPolicy.tls: cannot specify client certificates or CA certificate or CA CRL If credentialName is set',
    ]);
    expect(
      errs(
        dr('  trafficPolicy: { tls: { mode: SIMPLE, credentialName: "configmap://other/ca" } }\n'),
      ),
    ).toEqual([
      'spec.trafficPolicy.tls.credentialName: invalid configmap:// credentialName: namespace must match the configuration namespace "shop"',
    ]);
  });

  it('checks load balancing: hashing, locality, warmup', () => {
    expect(
      errs(
        dr(
          '  trafficPolicy:\n    loadBalancer: { consistentHash: { ringHash: { minimumRingSize: 64 }, minimumRingSize: 32, useSourceIp: true } }\n',
        ),
      ),
    ).toEqual([
      'spec.trafficPolicy.loadBalancer.consistentHash: only one of MinimumRingSize or Maglev/Ringhash can be specified',
    ]);
    expect(
      errs(
        dr(
          '  trafficPolicy:\n    loadBalancer: { localityLbSetting: { distribute: [{ from: "a/*", to: { "a/*": 60, "b/*": 30 } }] } }\n',
        ),
      ),
    ).toEqual([
      'spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].to: total locality weight 90 != 100',
    ]);
    expect(
      warns(
        dr(
          '  trafficPolicy:\n    loadBalancer: { localityLbSetting: { failover: [{ from: a, to: b }] } }\n',
        ),
      ),
    ).toEqual([
      'spec.trafficPolicy.loadBalancer.localityLbSetting: outlier detection policy must be provided for failover',
    ]);
    expect(
      errs(
        dr(
          '  trafficPolicy:\n    loadBalancer: { warmup: { duration: 10s, minimumPercent: 101 } }\n',
        ),
      ),
    ).toEqual([
      'spec.trafficPolicy.loadBalancer.warmup.minimumPercent: minimumPercent value should be less than or equal to 100',
    ]);
  });

  it('checks port-level settings, tunnel, outlier detection and the workload selector', () => {
    expect(
      errs(dr('  trafficPolicy: { portLevelSettings: [{ port: { number: 80 } }] }\n')),
    ).toEqual([
      'spec.trafficPolicy.portLevelSettings[0]: port traffic policy must have at least one field',
    ]);
    expect(
      errs(
        dr('  trafficPolicy: { tunnel: { protocol: GET, targetHost: "a b", targetPort: 0 } }\n'),
      ),
    ).toEqual([
      'spec.trafficPolicy.tunnel.protocol: tunnel protocol must be "CONNECT" or "POST"',
      'spec.trafficPolicy.tunnel.targetHost: tunnel target host must be valid FQDN or IP address: domain name "a b" invalid (label "a b" invalid); a b is not a valid IP',
      'spec.trafficPolicy.tunnel.targetPort: tunnel target port is invalid: port number 0 must be in the range 1..65535',
    ]);
    expect(
      errs(dr('  trafficPolicy: { outlierDetection: { consecutiveLocalOriginFailures: 3 } }\n')),
    ).toEqual([
      'spec.trafficPolicy.outlierDetection.consecutiveLocalOriginFailures: outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false',
    ]);
    expect(
      errs(dr('  workloadSelector: { matchLabels: { app: a } }\n  exportTo: ["*"]\n')),
    ).toEqual([
      'spec.exportTo: destination rule with workload selector cannot have exportTo beyond current namespace',
    ]);
  });
});

describe('PeerAuthentication and AuthorizationPolicy: the whole API', () => {
  it('checks port-level mTLS', () => {
    expect(
      errs(sec('PeerAuthentication', '  portLevelMtls: { 8080: { mode: DISABLE } }\n')),
    ).toEqual([
      'spec.portLevelMtls: mesh/namespace peer authentication cannot have port level mTLS',
    ]);
  });
  it('checks sources, operations, conditions and targets', () => {
    const rule = (r: string): string[] => errs(sec('AuthorizationPolicy', `  rules:\n  - ${r}\n`));
    expect(rule('from: [{ source: { serviceAccounts: ["a/b/c"] } }]')).toEqual([
      "spec.rules[0].from[0].source.serviceAccounts: invalid policy p.shop: expected format 'serviceAccount' or 'namespace/serviceAccount', found \"a/b/c\" in ServiceAccounts",
    ]);
    expect(rule('to: [{ operation: { ports: ["http"] } }]')).toEqual([
      'spec.rules[0].to[0].operation.ports[0]: invalid policy p.shop: bad port (http): strconv.ParseUint: parsing "http": invalid syntax',
    ]);
    expect(rule('when: [{ key: destination.namespace, values: [x] }]')).toEqual([
      'spec.rules[0].when[0].values: invalid policy p.shop: invalid `value` for `key` destination.namespace: attribute destination.namespace is replaced by the metadata.namespace',
      // Istio checks the (empty) notValues too, and the key alone is enough to fail.
      'spec.rules[0].when[0].notValues: invalid policy p.shop: invalid `notValue` for `key` destination.namespace: attribute destination.namespace is replaced by the metadata.namespace',
    ]);
    expect(
      errs(
        sec(
          'AuthorizationPolicy',
          '  targetRef: { kind: Pod, name: a }\n  selector: { matchLabels: { a: b } }\n',
        ),
      ),
    ).toEqual([
      'spec: invalid policy p.shop: only one of targetRefs or workloadSelector can be set',
      'spec.targetRef: invalid policy p.shop: targetRef must be to one of [/v1/Service networking.istio.io/v1/ServiceEntry gateway.networking.k8s.io/v1/Gateway gateway.networking.k8s.io/v1/GatewayClass] but was /Pod',
    ]);
  });
});

describe('decoding as istioctl (jsonpb) does', () => {
  it('reads an empty list as unset, as jsonpb does (`rules: []` is no rules)', () => {
    expect(errs(sec('AuthorizationPolicy', '  action: DENY\n  rules: []\n'))).toEqual([
      'spec.rules: invalid policy p.shop: DENY action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request',
    ]);
    expect(
      errs(
        sec(
          'AuthorizationPolicy',
          '  rules: [{ from: [], to: [{ operation: { methods: [GET] } }] }]\n',
        ),
      ),
    ).toEqual([]);
  });
  it('accepts proto field names, and null list entries as empty messages', () => {
    expect(
      errs(
        vs(
          `  hosts: [a]\n  http:\n  - retries: { attempts: 2, per_try_timeout: 1s }\n    match: [null]\n${route}`,
        ),
      ),
    ).toEqual([]);
  });
  it('names the message of an unknown field by its full proto name, and refuses two oneof members', () => {
    expect(errs(dr('  trafficPolicy: { tls: { mode: SIMPLE, sniHost: x } }\n'))).toEqual([
      'spec.trafficPolicy.tls.sniHost: unknown field "sniHost" in istio.networking.v1alpha3.ClientTLSSettings',
    ]);
    expect(
      errs(
        vs(
          `  hosts: [a]\n  http:\n  - fault: { abort: { httpStatus: 500, grpcStatus: INTERNAL } }\n${route}`,
        ),
      ),
    ).toEqual([
      'spec.http[0].fault.abort: only one of httpStatus, grpcStatus or http2Error may be set (Abort.error_type is a oneof), got httpStatus and grpcStatus',
    ]);
  });
  it('checks the istio.io/dry-run annotation as Istio does', () => {
    const y = (action: string, v: string): string =>
      `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: { name: p, annotations: { istio.io/dry-run: "${v}" } }\nspec: { action: ${action}, rules: [{}] }\n`;
    expect(errs(y('DENY', 'true'))).toEqual([]);
    expect(errs(y('DENY', 'yes'))).toEqual([
      'metadata.annotations: shop/p has annotation istio.io/dry-run with invalid value (yes): strconv.ParseBool: parsing "yes": invalid syntax',
    ]);
    expect(errs(y('AUDIT', 'true'))).toEqual([
      'metadata.annotations: the annotation istio.io/dry-run currently only supports action ALLOW/DENY, found action AUDIT in shop/p',
    ]);
  });
});

describe('unmodelledFields: accepted, not simulated', () => {
  const y = vs(
    `  hosts: [payments]\n  http:\n  - match: [{ uri: { prefix: /old }, method: { exact: GET } }]\n    redirect: { uri: /new }\n  - corsPolicy: { allowOrigins: [{ exact: "https://a" }] }\n    route: [{ destination: { host: payments }, headers: { request: { set: { x: y } } } }]\n`,
  );
  const [doc] = parseMeshYaml(y).docs;
  it('lists the outermost unmodelled field paths, in document order', () => {
    expect(doc && unmodelledFields(doc)).toEqual([
      'spec.http[0].match[0].method',
      'spec.http[0].redirect',
      'spec.http[1].corsPolicy',
      'spec.http[1].route[0].headers',
    ]);
    expect(unmodelledNotes(doc ? [doc] : []).map((n) => `${n.line}: ${n.message}`)).toEqual([
      '7: accepted; the simulator does not model method',
      '8: accepted; the simulator does not model redirect',
      '9: accepted; the simulator does not model corsPolicy',
      '10: accepted; the simulator does not model headers',
    ]);
  });
  it('leaves a redirect-only rule out of the compiled routes (the next rule still applies)', () => {
    const config = applyDocs(castMesh(), doc ? [doc] : []);
    const rc = buildProxyResources(config, { pod: 'web-1' }).routes.find((r) => r.name === '8080');
    const vh = rc?.virtual_hosts.find((h) => h.name.startsWith('payments.'));
    expect(vh?.routes.map((r) => r.match)).toEqual([{ prefix: '/' }]);
  });
});
