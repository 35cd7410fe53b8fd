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
  it('requires http routes; a VirtualService without hosts is a delegate (accepted, no warning: istioctl gives none)', () => {
    const y = `apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata: { name: x }
spec: {}
`;
    expect(errs(y)).toEqual(['spec: http, tcp or tls must be provided in virtual service']);
    expect(istioWarnings(parseMeshYaml(y).docs).map((w) => w.path)).toEqual([]);
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
  it('names the remainder of a host for later labels, and rejects an all-numeric TLD', () => {
    expect(
      errs(
        vs(split(1, 1)).replace(
          'hosts: [payments]',
          'hosts: ["payments.sh_op", "a.b.123", "10.96.0.15"]',
        ),
      ),
    ).toEqual([
      'spec.hosts[0]: domain name "sh_op" invalid (label "sh_op" invalid)',
      'spec.hosts[1]: domain name "b.123" invalid (top level domain "123" cannot be all-numeric)',
    ]);
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
      'spec.http[0].timeout: time: unknown unit " s" in duration "5 s"',
    ]);
    expect(errs(vs(`  - timeout: abc\n${route}`))).toEqual([
      'spec.http[0].timeout: time: invalid duration "abc"',
    ]);
    expect(errs(vs(`  - timeout: "10"\n${route}`))).toEqual([
      'spec.http[0].timeout: time: missing unit in duration "10"',
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
