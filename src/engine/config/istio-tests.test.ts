/**
 * The table-driven cases of Istio's own validation tests (istio/istio pkg/config/validation,
 * validation_test.go and virtualservice_test.go), converted from their Go literals by
 * fixtures/istio-tests/convert.py, run through parseMeshYaml + validateIstio. Each case is named
 * `<Go test> › <case name>`. A case whose input is a single message (an HTTPRoute, a
 * TrafficPolicy…) is wrapped into the smallest document around it (see `wrap`). The agreement is
 * reported in docs/fidelity.md §11.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { istioWarnings, parseMeshYaml, validateIstio } from './index';

interface Case {
  name: string;
  input?: unknown;
  valid?: boolean;
  warning?: boolean;
  skipped?: string;
  namespace?: string;
  annotations?: Record<string, string>;
  configName?: string;
  isServiceEntry?: boolean;
  isDestinationRuleWithSelector?: boolean;
}
interface Test {
  test: string;
  file: string;
  kind: string;
  checksWarnings?: boolean;
  cases: Case[];
}

const FIXTURE = new URL('./fixtures/istio-tests/cases.json', import.meta.url);
const { source, tests } = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
  source: string;
  tests: Test[];
};

/** `{"$repeat": "a", "count": n}` (Go's strings.Repeat) → the string. */
function expand(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(expand);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if (typeof o.$repeat === 'string' && typeof o.count === 'number')
    return o.$repeat.repeat(o.count);
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, expand(x)]));
}

const ROUTE = [{ destination: { host: 'foo.bar' } }];
const vs = (spec: object): object => ({
  kind: 'VirtualService',
  spec: { hosts: ['foo.bar'], ...spec },
});
/** An HTTP rule in a VirtualService bound to a gateway (so no mesh-only rule interferes). */
const rule = (r: object): object => vs({ gateways: ['default/gw'], http: [r] });
const dr = (tp: object | undefined): object => ({
  kind: 'DestinationRule',
  spec: { host: 'foo.bar', ...(tp === undefined ? {} : { trafficPolicy: tp }) },
});

/** The document a case's input stands for; undefined when the case does not apply. */
function wrap(
  kind: string,
  c: Case,
): { kind: string; spec: unknown; name?: string; namespace?: string | undefined } | undefined {
  const x = expand(c.input) as Record<string, unknown> | null;
  const opt = (k: string, v: unknown): object =>
    v === null || v === undefined ? { route: ROUTE } : { route: ROUTE, [k]: v };
  switch (kind) {
    case 'VirtualService':
    case 'DestinationRule':
      return { kind, spec: x ?? {} };
    case 'AuthorizationPolicy':
    case 'PeerAuthentication':
      return { kind, spec: x ?? {}, name: c.configName ?? 'foo', namespace: 'bar' };
    case 'HTTPRoute':
      return rule(x ?? {}) as never;
    case 'DelegateHTTPRoute':
      return { kind: 'VirtualService', spec: { http: [x ?? {}] } };
    case 'CorsPolicy':
      return rule(opt('corsPolicy', x)) as never;
    case 'Abort':
      return rule(x === null ? opt('fault', x) : { route: ROUTE, fault: { abort: x } }) as never;
    case 'Delay':
      return rule(x === null ? opt('fault', x) : { route: ROUTE, fault: { delay: x } }) as never;
    case 'HTTPStatus':
      return rule({ route: ROUTE, fault: { abort: { httpStatus: x } } }) as never;
    case 'HTTPRetry':
      return rule(opt('retries', x)) as never;
    case 'HTTPRewrite':
      return rule(opt('rewrite', x)) as never;
    case 'RegexRewrite':
      return rule(
        x === null ? opt('rewrite', x) : { route: ROUTE, rewrite: { uriRegexRewrite: x } },
      ) as never;
    case 'HTTPRedirect':
      return rule(x === null ? { route: ROUTE } : { redirect: x }) as never;
    case 'HTTPDirectResponse': {
      if (x === null) return rule({ route: ROUTE }) as never;
      const body = x.body as { bytes?: string } | undefined;
      const b64 =
        body?.bytes === undefined
          ? x
          : { ...x, body: { bytes: Buffer.from(body.bytes).toString('base64') } };
      return rule({ directResponse: b64 }) as never;
    }
    case 'Destination':
      return rule({ route: [{ destination: x }] }) as never;
    case 'RouteDestinations':
      return vs({ tcp: [{ route: x ?? [] }] }) as never;
    case 'HeaderValue':
      return rule({ route: ROUTE, headers: { request: { set: { 'x-test': x } } } }) as never;
    case 'TrafficPolicy':
      return dr(x ?? undefined) as never;
    case 'ConnectionPoolSettings':
      return dr(x === null ? undefined : { connectionPool: x }) as never;
    case 'LoadBalancerSettings':
      return dr(x === null ? undefined : { loadBalancer: x }) as never;
    case 'OutlierDetection':
      return dr(x === null ? undefined : { outlierDetection: x }) as never;
    case 'ExportTo':
      if (c.isServiceEntry) return undefined; // ServiceEntry rules: not a kind the simulator reads
      return c.isDestinationRuleWithSelector
        ? {
            kind: 'DestinationRule',
            namespace: c.namespace,
            spec: {
              host: 'foo.bar',
              exportTo: x ?? [],
              workloadSelector: { matchLabels: { app: 'a' } },
            },
          }
        : {
            kind: 'VirtualService',
            namespace: c.namespace,
            spec: { hosts: ['foo.bar'], http: [{ route: ROUTE }], exportTo: x ?? [] },
          };
  }
  return undefined;
}

const API: Record<string, string> = {
  VirtualService: 'networking.istio.io/v1',
  DestinationRule: 'networking.istio.io/v1',
  AuthorizationPolicy: 'security.istio.io/v1',
  PeerAuthentication: 'security.istio.io/v1',
};

/** Istio's verdict for a case as this validator gives it. */
function verdict(
  t: Test,
  c: Case,
): { valid: boolean; warning: boolean; messages: string[] } | undefined {
  const doc = wrap(t.kind, c);
  if (!doc) return undefined;
  const metadata = {
    name: doc.name ?? 'test',
    namespace: doc.namespace ?? 'default',
    ...(c.annotations ? { annotations: c.annotations } : {}),
  };
  const text = JSON.stringify({
    apiVersion: API[doc.kind],
    kind: doc.kind,
    metadata,
    spec: doc.spec,
  });
  const { docs, errors } = parseMeshYaml(text);
  const all = [...errors, ...validateIstio(docs)];
  const warnings = istioWarnings(docs);
  return {
    valid: all.length === 0,
    warning: warnings.length > 0,
    messages: [...all, ...warnings].map((e) => `${e.path}: ${e.message}`),
  };
}

/**
 * Cases where this validator knowingly differs from Istio's Go function (by Go test › case name),
 * with the reason. Each is a difference of the test's harness, not of `istioctl validate`.
 */
const KNOWN: Record<string, string> = {};

/**
 * Cases a YAML document cannot express (not applicable): the Go test builds a non-nil empty list,
 * but `from: []` in YAML decodes as unset (jsonpb leaves the slice nil), which Istio accepts.
 */
const NOT_IN_YAML = new Set([
  'TestValidateAuthorizationPolicy › from-empty',
  'TestValidateAuthorizationPolicy › to-empty',
]);

const rows = tests.flatMap((t) => t.cases.map((c) => ({ t, c, key: `${t.test} › ${c.name}` })));

describe(`Istio's validation tests (${source})`, () => {
  for (const t of tests)
    describe(`${t.test} (${t.file})`, () => {
      for (const c of t.cases) {
        const key = `${t.test} › ${c.name}`;
        const v = c.skipped === undefined && !NOT_IN_YAML.has(key) ? verdict(t, c) : undefined;
        if (v === undefined || c.valid === undefined) {
          it.skip(c.name, () => undefined);
          continue;
        }
        it(c.name, () => {
          const want = {
            valid: c.valid,
            warning: t.checksWarnings ? c.warning === true : v.warning,
          };
          const got = { valid: v.valid, warning: v.warning };
          if (Object.hasOwn(KNOWN, key)) expect(got, KNOWN[key]).not.toEqual(want);
          else expect(got, v.messages.join('\n')).toEqual(want);
        });
      }
    });

  // testdata/crds/*-{valid,invalid}.yaml: whole documents on which Istio's CRD schema and its
  // webhook agree (openapi_test.go TestCRDs); the kinds the simulator reads.
  describe('testdata/crds (openapi_test.go TestCRDs)', () => {
    for (const v of ['valid', 'invalid'] as const) {
      const text = readFileSync(
        new URL(`./fixtures/istio-tests/crds-${v}.yaml`, import.meta.url),
        'utf8',
      );
      const parts = text.split(/^---$/m).filter((d) => /^kind: /m.test(d));
      it.each(parts.map((d) => [/^ {2}name: (.*)$/m.exec(d)?.[1] ?? '?', d]))(
        `${v}: %s`,
        (_n, d) => {
          const { docs, errors } = parseMeshYaml(d, { namespace: 'default' });
          const all = [...errors, ...validateIstio(docs)];
          if (v === 'valid') expect(all.map((e) => e.message)).toEqual([]);
          else expect(all.length, /^# _err: (.*)$/m.exec(d)?.[1]).toBeGreaterThan(0);
        },
      );
    }
  });

  it('agrees with Istio on every applicable case but the known ones', () => {
    let agree = 0;
    let applicable = 0;
    for (const { t, c, key } of rows) {
      const v = c.skipped === undefined && !NOT_IN_YAML.has(key) ? verdict(t, c) : undefined;
      if (v === undefined || c.valid === undefined) continue;
      applicable++;
      const ok = v.valid === c.valid && (!t.checksWarnings || v.warning === (c.warning === true));
      if (ok) agree++;
      else expect(Object.hasOwn(KNOWN, key), key).toBe(true);
    }
    // The figure docs/fidelity.md §11 reports.
    expect({ agree, applicable, total: rows.length }).toEqual({
      agree,
      applicable,
      total: rows.length,
    });
    console.log(
      `Istio validation test cases: ${agree} of ${applicable} applicable agree (${rows.length} in all)`,
    );
  });
});
