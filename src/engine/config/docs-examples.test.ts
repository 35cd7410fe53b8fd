/**
 * Every VirtualService, DestinationRule, PeerAuthentication and AuthorizationPolicy example of
 * Istio's API reference and traffic-management tasks (fixtures/istio-docs/, each document with
 * its source URL) validates as `istioctl validate` validates it: no error, and exactly the
 * warnings istioctl prints. Applied on top of the cast, none of them breaks the compiler.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyDocs,
  buildProxyResources,
  castMesh,
  CAST_PODS,
  formatError,
  istioWarnings,
  parseMeshYaml,
  unmodelledFields,
  validateIstio,
} from './index';

const DIR = new URL('./fixtures/istio-docs/', import.meta.url);
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** The warnings istioctl gives for these examples (file → `Kind name: message`). */
const WARNINGS: Record<string, string[]> = {
  'api-authorization-policy.yaml': [
    'AuthorizationPolicy httpbin: configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port',
    'AuthorizationPolicy dry-run-example: configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port',
  ],
  'samples-bookinfo.yaml': [
    'VirtualService details: virtualService rule #1 not used (only the last rule can have no matches)',
  ],
  'tasks-traffic-management.yaml': [
    'VirtualService httpbin: using deprecated setting "mirrorPercent", use "mirrorPercentage" instead',
    'DestinationRule httpbin: outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead',
  ],
};

const read = (f: string): string => readFileSync(new URL(f, DIR), 'utf8');

describe('Istio documentation examples (fixtures/istio-docs)', () => {
  it.each(FILES)('%s: every document is valid, with istioctl’s warnings only', (f) => {
    const text = read(f);
    const { docs, errors } = parseMeshYaml(text, { namespace: 'default' });
    const all = [...errors, ...validateIstio(docs)].map(formatError);
    expect(all).toEqual([]);
    // One decoded object per `kind:` line: no document was dropped.
    expect(docs).toHaveLength(text.match(/^kind: /gm)?.length ?? 0);
    const warnings = istioWarnings(docs).map((w) => {
      const [kind = '', , name = ''] = (w.object ?? '').split('/');
      return `${kind} ${name}: ${w.message}`;
    });
    expect(warnings).toEqual(WARNINGS[f] ?? []);
  });

  it('has every source cited, and the documents the issue named', () => {
    const all = FILES.map(read).join('\n');
    for (const f of FILES)
      for (const doc of read(f)
        .split(/^---$/m)
        .filter((d) => /^kind: /m.test(d)))
        expect(doc, f).toMatch(/^# https:\/\/(istio\.io|github\.com\/istio)\//m);
    // Fields the old validator refused as unknown, each in at least one example.
    for (const field of [
      'mirror:',
      'corsPolicy:',
      'redirect:',
      'tcp:',
      'delegate:',
      'credentialName:',
      'rewrite:',
      'directResponse:',
      'headers:',
      'portLevelSettings:',
      'tls:',
      'ignoreUriCase:',
      'prefix_rewrite:',
    ])
      expect(all, field).toContain(field);
    expect(FILES.length).toBeGreaterThanOrEqual(6);
  });

  it('compiles every example on top of the cast without breaking a sidecar’s config', () => {
    const docs = FILES.flatMap((f) => parseMeshYaml(read(f), { namespace: 'shop' }).docs);
    expect(docs.length).toBeGreaterThan(100);
    // Applied one at a time (later ones of the same name replace earlier ones).
    for (const d of docs) {
      const config = applyDocs(castMesh(), [d]);
      for (const { pod } of CAST_PODS) {
        const res = buildProxyResources(config, { pod });
        expect(res.routes.length).toBeGreaterThan(0);
      }
    }
  });

  it('lists what the simulator does not model (mirroring, CORS, TCP routes, TLS origination…)', () => {
    const docs = FILES.flatMap((f) => parseMeshYaml(read(f), { namespace: 'default' }).docs);
    const fields = new Set(docs.flatMap(unmodelledFields).map((p) => p.replace(/\[\d+\]/g, '[]')));
    for (const p of [
      'spec.http[].mirror',
      'spec.http[].corsPolicy',
      'spec.http[].redirect',
      'spec.tcp',
      'spec.tls',
      'spec.http[].delegate',
      'spec.trafficPolicy.portLevelSettings',
      'spec.trafficPolicy.loadBalancer.localityLbSetting',
      'spec.workloadSelector',
      'spec.gateways',
      'spec.portLevelMtls',
      'spec.rules[].when',
    ])
      expect([...fields], p).toContain(p);
    // Modelled fields are not listed.
    for (const p of ['spec.http[].route', 'spec.http[].fault', 'spec.subsets', 'spec.mtls'])
      expect([...fields]).not.toContain(p);
  });
});
