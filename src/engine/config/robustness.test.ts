import { describe, expect, it } from 'vitest';
import { MAX_ERRORS } from './checks';
import { istioWarnings, parseMeshYaml, validateIstio } from './index';
import { MAX_DEPTH, MAX_FILE_BYTES } from './parse';

/** Parse + validate (+ warnings, which must not throw either); errors as `path: message`. */
function errs(yaml: string): string[] {
  const { docs, errors } = parseMeshYaml(yaml);
  istioWarnings(docs);
  return [...errors, ...validateIstio(docs)].map((e) => `${e.path}: ${e.message}`);
}

const head = (kind = 'VirtualService'): string =>
  `apiVersion: networking.istio.io/v1\nkind: ${kind}\nmetadata:\n  name: payments\n`;

const vsSpec = (hosts: string, extra = ''): string =>
  `spec:\n  hosts: ${hosts}\n  http:\n  - route:\n    - destination: { host: payments }${extra}\n`;

const PROTO_NAMES = [
  '__proto__',
  'valueOf',
  'constructor',
  'toString',
  'isPrototypeOf',
  'hasOwnProperty',
  'propertyIsEnumerable',
  '__defineGetter__',
  'toLocaleString',
];

describe('robustness: a missing spec', () => {
  it('reports "spec: required" for a VirtualService or DestinationRule without spec', () => {
    expect(errs(head())).toEqual([': spec: required']);
    expect(errs(head('DestinationRule'))).toEqual([': spec: required']);
    expect(errs(`${head('DestinationRule')}spec:\n`)).toEqual([': spec: required']);
  });
  it('gives the missing-spec error the document line', () => {
    const { errors } = parseMeshYaml(`# a comment\n---\n${head()}`);
    expect(errors.map((e) => [e.line, e.message])).toEqual([[3, 'spec: required']]);
  });
});

describe('robustness: Object.prototype names', () => {
  it.each(PROTO_NAMES)('treats %s as an unknown field at every level', (k) => {
    const y = `${head()}${vsSpec('[payments]', `\n      ${k}: 1`)}  ${k}: {a: 1}\n`;
    expect(errs(y)).toEqual([
      `spec.http[0].route[0].${k}: unknown field "${k}" in istio.networking.v1alpha3.HTTPRouteDestination`,
      `spec.${k}: unknown field "${k}" in istio.networking.v1alpha3.VirtualService`,
    ]);
    expect(errs(`${k}: x\n${head()}${vsSpec('[payments]')}`)).toEqual([
      `${k}: unknown field "${k}" (a document has apiVersion, kind, metadata and spec)`,
    ]);
  });
  it.each(PROTO_NAMES)('rejects kind: %s as an unknown kind', (k) => {
    const e = errs(`apiVersion: networking.istio.io/v1\nkind: ${k}\nmetadata: {name: x}\n`);
    expect(e).toHaveLength(1);
    expect(e[0]).toContain(`kind: unknown kind "${k}"`);
  });
  it.each(PROTO_NAMES)('handles %s as a map key (labels, headers) and in metadata', (k) => {
    const y = `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: x, ${k}: 1, labels: {${k}: a}}
spec: {hosts: [a], http: [{match: [{headers: {${k}: {exact: a}}}], route: [{destination: {host: a}}]}]}\n`;
    expect(() => errs(y)).not.toThrow();
    const { docs } = parseMeshYaml(y);
    for (const d of docs) expect(Object.getPrototypeOf(d.spec)).toBe(Object.prototype);
  });
});

describe('robustness: duplicate hosts', () => {
  it('reports each duplicated host once, not once per matching pair', () => {
    const hosts = '[a.shop, a.shop, a.shop, a.shop, "*.shop", b.shop]';
    expect(errs(head() + vsSpec(hosts))).toEqual([
      'spec.hosts: duplicate hosts in virtual service: a.shop & a.shop',
      'spec.hosts: duplicate hosts in virtual service: *.shop & b.shop',
    ]);
  });
  it(`caps the errors of one document at ${MAX_ERRORS}, then "… and N more errors"`, () => {
    const hosts = `[${Array.from({ length: 50 }, (_, i) => `h${i}, h${i}`).join(', ')}]`;
    const e = errs(head() + vsSpec(hosts));
    expect(e).toHaveLength(MAX_ERRORS + 1);
    expect(e[MAX_ERRORS]).toBe(': … and 30 more errors');
  });
  it('shortens echoed values to 80 characters with …', () => {
    const long = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}`;
    const e = errs(head() + vsSpec(`[${long}, ${long}]`));
    expect(e).toEqual([
      `spec.hosts: duplicate hosts in virtual service: ${long.slice(0, 79)}… & ${long.slice(0, 79)}…`,
    ]);
  });
  it('validates an 80 KB file of hosts (duplicates and wildcards) with capped, short messages', () => {
    const hosts: string[] = [];
    for (let i = 0; hosts.join(', ').length < 80_000; i++)
      hosts.push(i % 3 === 0 ? `"*.h${i}.shop.svc"` : i % 3 === 1 ? `a.h${i - 1}.shop.svc` : 'dup');
    const y = head() + vsSpec(`[${hosts.join(', ')}]`);
    expect(y.length).toBeGreaterThan(80_000);
    const e = errs(y);
    expect(e).toHaveLength(MAX_ERRORS + 1);
    expect(e.every((m) => m.length < 300)).toBe(true);
  });
});

describe('robustness: YAML aliases, line endings, numbers, nesting, size', () => {
  it('turns an alias bomb ("billion laughs") into a parse error for that document only', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
    ].join('\n');
    const { docs, errors } = parseMeshYaml(`${bomb}\n---\n${head()}${vsSpec('[payments]')}`);
    expect(errors.map((e) => [e.doc, e.message])).toEqual([
      [0, 'YAML error: too many alias expansions (more than 100; a "billion laughs" document?)'],
    ]);
    expect(docs.map((d) => d.metadata.name)).toEqual(['payments']);
  });
  it('reports an unresolved alias as a YAML error', () => {
    const e = errs(`${head()}spec: *nowhere\n`);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^: YAML error: .*nowhere/);
  });
  it('reads old-Mac (CR only) and Windows line endings, even after a leading comment', () => {
    const y = `# payments\n${head()}${vsSpec('[payments]')}`;
    for (const eol of ['\r', '\r\n']) {
      const { docs, errors } = parseMeshYaml(y.replace(/\n/g, eol));
      expect(errors).toEqual([]);
      expect(docs.map((d) => [d.metadata.name, d.source?.lines['spec.hosts']])).toEqual([
        ['payments', 7],
      ]);
    }
  });
  it('says "expected a finite number" for .nan and .inf', () => {
    const y = `${head()}${vsSpec('[payments]', '\n      weight: .nan')}    fault:\n      abort: {httpStatus: 500, percentage: {value: -.inf}}\n`;
    expect(errs(y)).toEqual([
      'spec.http[0].route[0].weight: expected a finite number, got .nan',
      'spec.http[0].fault.abort.percentage.value: expected a finite number, got -.inf',
    ]);
  });
  it(`refuses documents nested more than ${MAX_DEPTH} levels (block and flow) without a stack overflow`, () => {
    const tooDeep = `a: ${'{b: '.repeat(MAX_DEPTH)}1${'}'.repeat(MAX_DEPTH)}`;
    expect(errs(tooDeep)).toEqual([
      `: YAML error: too deeply nested (more than ${MAX_DEPTH} levels)`,
    ]);
    const huge = `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expect(errs(huge)).toEqual([`: YAML error: too deeply nested (more than ${MAX_DEPTH} levels)`]);
    const unclosed = `a: ${'['.repeat(50_000)}`;
    expect(errs(unclosed)).toEqual([
      `: YAML error: too deeply nested (more than ${MAX_DEPTH} levels)`,
    ]);
    const block = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(errs(block)).toEqual([
      `: YAML error: too deeply nested (more than ${MAX_DEPTH} levels)`,
    ]);
  });
  it('refuses a file over 256 KB with a clear message', () => {
    const e = errs(`# ${'x'.repeat(MAX_FILE_BYTES)}\n${head()}`);
    expect(e).toEqual([': file too large (257 KB; at most 256 KB is accepted)']);
  });
});
