import { describe, expect, it } from 'vitest';
import {
  analyzeMesh,
  applyDocs,
  castMesh,
  formatAnalysis,
  istioWarnings,
  parseMeshYaml,
  validateIstio,
} from './index';
import { readFileSync } from 'node:fs';

function check(yaml: string): { errors: string[]; warnings: string[] } {
  const { docs, errors } = parseMeshYaml(yaml);
  expect(errors).toEqual([]);
  return {
    errors: validateIstio(docs).map((e) => `${e.path}: ${e.message}`),
    warnings: istioWarnings(docs).map((e) => `${e.path}: ${e.message}`),
  };
}

const vs = (http: string): string => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: payments }
spec:
  hosts: [payments]
  http:
${http}`;

const to = (subset: string): string =>
  `    route: [{ destination: { host: payments, subset: ${subset} } }]\n`;

describe("istioWarnings: Istio's unreachable-rule analysis (accepted, but flagged)", () => {
  it('flags a rule after a catch-all rule', () => {
    const r = check(
      vs(
        `  - name: all\n${to('v1')}  - name: canary\n    match: [{ headers: { x-canary: { exact: "1" } } }]\n${to('v2')}`,
      ),
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      'spec.http[1]: virtualService rule "canary" not used (route without matches defined before)',
    ]);
  });

  it('flags two catch-all rules and a duplicated match', () => {
    const r = check(
      vs(
        `  - match: [{ uri: { exact: /a } }]\n${to('v1')}  - match: [{ name: again, uri: { exact: /a } }]\n${to('v2')}  - route: [{ destination: { host: payments } }]\n  - route: [{ destination: { host: payments } }]\n`,
      ),
    );
    expect(r.warnings).toEqual([
      'spec.http[1]: virtualService rule #1 match "again" is not used (duplicate/overlapping match in rule #0)',
      'spec.http[1]: virtualService rule #1 not used (all matches used by prior rules)',
      'spec.http[3]: virtualService rule #3 not used (only the last rule can have no matches)',
    ]);
  });

  it('flags a longer uri prefix shadowed by a shorter one', () => {
    const r = check(
      vs(
        `  - match: [{ uri: { prefix: /api } }]\n${to('v1')}  - match: [{ uri: { prefix: /api/v2 } }]\n${to('v2')}`,
      ),
    );
    expect(r.warnings).toEqual([
      'spec.http[1]: virtualService rule #1 match #0 of prefix /api/v2 is not used (duplicate/overlapping match in rule #0 of prefix /api on #0)',
    ]);
  });

  it('warns about an abort without a status', () => {
    const r = check(vs(`  - fault: { abort: { percentage: { value: 5 } } }\n${to('v1')}`));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      'spec.http[0].fault.abort: abort configured, but error type not set',
    ]);
  });
});

describe('AuthorizationPolicy rules with Istio messages', () => {
  const ap = (spec: string): string =>
    `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: { name: p }\nspec:\n${spec}`;
  it('rejects DENY and CUSTOM without rules, and empty values', () => {
    expect(check(ap('  action: DENY\n')).errors).toEqual([
      'spec.rules: invalid policy p.shop: DENY action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request',
    ]);
    expect(check(ap('  action: CUSTOM\n  rules: [{}]\n')).errors).toEqual([
      'spec.provider: invalid policy p.shop: `provider.name` must not be empty',
    ]);
    expect(
      check(
        ap('  rules:\n  - from: [{ source: { principals: [""] } }]\n    to: [{ operation: {} }]\n'),
      ).errors,
    ).toEqual([
      'spec.rules[0].from[0].source.principals[0]: invalid policy p.shop: empty value not allowed, found in Principals',
      'spec.rules[0].to[0].operation: invalid policy p.shop: `to.operation` must not be empty, found at rule 0',
    ]);
  });
  it('accepts an ALLOW-nothing policy (empty spec) and warns about an empty selector', () => {
    const r = check(ap('  selector: { matchLabels: {} }\n'));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual(['spec.selector: workload selector specified without labels']);
  });
});

describe('analyzeMesh (istioctl analyze cross-object checks)', () => {
  it('finds nothing in the default cast', () => {
    expect(analyzeMesh(castMesh())).toEqual([]);
  });

  it('reports a missing subset, an unknown host and two VirtualServices for one host', () => {
    const yaml = readFileSync(
      new URL('./fixtures/analyze-missing-subset.yaml', import.meta.url),
      'utf8',
    );
    const { docs, errors } = parseMeshYaml(yaml);
    expect(errors).toEqual([]);
    expect(validateIstio(docs)).toEqual([]);
    expect(analyzeMesh(applyDocs(castMesh(), docs)).map(formatAnalysis)).toEqual([
      'Error [IST0101] (VirtualService shop/payments) Referenced host+subset in destinationrule not found: "payments+v3"',
      'Error [IST0101] (VirtualService shop/payments-extra) Referenced host not found: "paymentz"',
      'Warning [IST0109] (VirtualService shop/payments) The VirtualServices payments.shop, payments-extra.shop associated with mesh gateway define the same host payments which can lead to undefined behavior.',
      'Warning [IST0109] (VirtualService shop/payments-extra) The VirtualServices payments.shop, payments-extra.shop associated with mesh gateway define the same host payments which can lead to undefined behavior.',
    ]);
  });
});
