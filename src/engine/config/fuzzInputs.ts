/**
 * Inputs for the validator's property tests and `npm run fuzz:validate`: generated YAML (nearly
 * Istio objects, so the decoders and validators run, with prototype names, odd scalars, anchors
 * and three kinds of line ending) and mutated real files (./fuzzMutate.ts). Test-only: nothing
 * in the app imports it.
 */
import fc from 'fast-check';

// Keys: real Istio field names (so generated documents get past the kind check and into the
// decoders and validators), Object.prototype names, and random words.
export const KEYS = [
  'apiVersion',
  'kind',
  'metadata',
  'name',
  'namespace',
  'labels',
  'spec',
  'hosts',
  'host',
  'http',
  'route',
  'destination',
  'subset',
  'weight',
  'match',
  'uri',
  'prefix',
  'regex',
  'headers',
  'retries',
  'attempts',
  'retryOn',
  'fault',
  'abort',
  'httpStatus',
  'percentage',
  'value',
  'subsets',
  'trafficPolicy',
  'connectionPool',
  'selector',
  'matchLabels',
  'rules',
  'from',
  'source',
  'principals',
  'mtls',
  'mode',
  '__proto__',
  'constructor',
  'valueOf',
  'toString',
  'isPrototypeOf',
  'hasOwnProperty',
  'prototype',
];

export const SCALARS = [
  '.nan',
  '.inf',
  '-.inf',
  '~',
  'null',
  'true',
  '0',
  '-1',
  '2147483648',
  '1e400',
  '0x1F',
  '"*"',
  '"*.shop"',
  'payments',
  "''",
  '"5 s"',
  '"1s"',
  '"[a-"',
  'VirtualService',
  'DestinationRule',
  'AuthorizationPolicy',
  'PeerAuthentication',
  'networking.istio.io/v1',
  'security.istio.io/v1',
  '__proto__',
  'constructor',
  '*anchor',
  '*nowhere',
];

const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 }));
const scalar = fc.oneof(
  fc.constantFrom(...SCALARS),
  fc.integer().map(String),
  fc.double().map(String),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.string({ maxLength: 300 }).map((s) => JSON.stringify(s)),
);

/** A YAML flow value: scalars, flow maps and sequences, sometimes anchored. */
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    tie('map'),
    tie('seq'),
    tie('anchored'),
  ),
  map: fc
    .array(fc.tuple(key, tie('node')), { maxLength: 5 })
    .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}: ${String(v)}`).join(', ')}}`),
  seq: fc.array(tie('node'), { maxLength: 5 }).map((items) => `[${items.join(', ')}]`),
  anchored: tie('node').map((v) => `&anchor ${String(v)}`),
})).node;

/** Sometimes one extra `key: value` pair (a prototype name, a typo, a random word). */
const extra = fc.oneof(
  { weight: 12, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.tuple(key, value).map(([k, v]) => `, ${JSON.stringify(k)}: ${v}`) },
);
const host = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      'payments',
      '"*.shop"',
      'a.shop',
      '"*"',
      'pay_ments',
      '"*.a.shop"',
      '""',
    ),
  },
  { weight: 1, arbitrary: scalar },
);
const num = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -5, max: 700 }) },
  { weight: 1, arbitrary: fc.constantFrom('.nan', '.inf', '1.5') },
);
const text = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom('"/a"', '""', '"[a-"', '"^x{2000}$"', 'cancelled', '503'),
  },
  { weight: 1, arbitrary: scalar },
);
const words = (arb: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.array(arb, { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`);
const routeDest = fc
  .tuple(host, fc.constantFrom('', ', subset: v1', ', subset: "bad subset"'), num, extra)
  .map(([h, sub, w, x]) => `{destination: {host: ${h}${sub}}, weight: ${w}${x}}`);
const match = fc
  .tuple(key, text, fc.constantFrom('prefix', 'exact', 'regex'), extra)
  .map(
    ([k, v, how, x]) => `{uri: {${how}: ${v}}, headers: {${JSON.stringify(k)}: {exact: a}}${x}}`,
  );
const httpRoute = fc
  .tuple(words(routeDest), words(match), num, text, num, extra)
  .map(
    ([route, m, attempts, retryOn, status, x]) =>
      `{route: ${route}, match: ${m}, retries: {attempts: ${attempts}, retryOn: ${retryOn}}, ` +
      `fault: {abort: {httpStatus: ${status}, percentage: {value: ${status}}}}${x}}`,
  );
const specs = {
  VirtualService: fc
    .tuple(words(host), words(httpRoute), extra)
    .map(([h, http, x]) => `{hosts: ${h}, http: ${http}${x}}`),
  DestinationRule: fc
    .tuple(host, words(key), num, extra)
    .map(
      ([h, names, n, x]) =>
        `{host: ${h}, subsets: [${names}], trafficPolicy: {connectionPool: {tcp: {maxConnections: ${n}}}}${x}}`,
    ),
  AuthorizationPolicy: fc
    .tuple(fc.constantFrom('ALLOW', 'DENY', 'CUSTOM', 'constructor'), words(scalar), extra)
    .map(([a, p, x]) => `{action: ${a}, rules: [{from: [{source: {principals: ${p}}}]}]${x}}`),
  PeerAuthentication: fc
    .tuple(fc.constantFrom('STRICT', 'PERMISSIVE', 'toString'), extra)
    .map(([m, x]) => `{mtls: {mode: ${m}}${x}}`),
};

/** A document that is (nearly) an Istio object, so the decoders and validators run too. */
const istioDoc = fc.constantFrom(...(Object.keys(specs) as (keyof typeof specs)[])).chain((kind) =>
  fc
    .tuple(
      specs[kind],
      fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value }),
    )
    .map(([spec, bad]) => {
      const api = kind.endsWith('Rule') || kind === 'VirtualService' ? 'networking' : 'security';
      const body = bad === undefined ? spec : bad;
      return `apiVersion: ${api}.istio.io/v1\nkind: ${kind}\nmetadata: {name: x}\nspec: ${body}\n`;
    }),
);

/** A file of one to three such documents (or odd maps), with \n, \r\n or \r line endings. */
export const generatedFile = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: istioDoc },
      { weight: 1, arbitrary: value.map((v) => `x: ${v}\n`) },
    ),
    { minLength: 1, maxLength: 3 },
  )
  .chain((docs) =>
    fc.constantFrom('\n', '\r\n', '\r').map((eol) => docs.join('---\n').replace(/\n/g, eol)),
  );
