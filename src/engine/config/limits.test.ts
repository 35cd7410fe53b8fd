import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { castConfigYaml, parseMeshYaml, PRESETS } from './index';
import { MAX_DEPTH, MAX_DOCUMENTS, MAX_FILE_BYTES } from './parse';
import { deepPoint } from './yamlDepth';
import { depthOf } from './yamlTree';

const DEEP = `YAML error: too deeply nested (more than ${MAX_DEPTH} levels)`;
const vs = (name: string) =>
  `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: ${name}}\nspec: {hosts: [a], http: [{route: [{destination: {host: a}}]}]}`;

/** The same document repeated to fill a file just under the size limit. */
const fill = (one: string): string =>
  Array.from({ length: Math.floor((MAX_FILE_BYTES - 10) / (one.length + 5)) }, () => one).join(
    '\n---\n',
  );

describe('limits: the depth estimate before parsing', () => {
  const dir = join(import.meta.dirname, 'fixtures');
  const corpus = [
    ...readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ya?ml|txt)$/.test(f))
      .map((f) => readFileSync(join(dir, f), 'utf8')),
    ...Object.values(PRESETS),
    castConfigYaml,
  ];

  it('is within two levels of the real depth on every real file', () => {
    for (const text of corpus) {
      const real = Math.max(0, ...parseAllDocuments(text).map((d) => depthOf(d.contents, 999)));
      expect(deepPoint(text, real + 2)).toBeNull();
      expect(deepPoint(text, real - 4)).not.toBeNull();
    }
  });

  it('finds the document and line of a deep point, skipping quotes, comments and block scalars', () => {
    const ok = [
      `a: "${'['.repeat(500)}"`,
      `b: '${'{'.repeat(500)}'`,
      `c: |\n  ${'[ '.repeat(500)}\nd: 1`,
      `e: x${'['.repeat(500)}`,
      `# ${'['.repeat(500)}`,
    ].join('\n');
    expect(deepPoint(ok, 10)).toBeNull();
    const text = `a: 1\n---\n# c\nb: ${'{a: '.repeat(300)}`;
    expect(deepPoint(text, 80)).toMatchObject({ doc: 1, line: 4 });
    expect(deepPoint(`# lead\n---\n- ${'- '.repeat(300)}1`, 80)).toMatchObject({
      doc: 0,
      line: 3,
    });
  });

  it('refuses far-too-deep text before parsing: flow, compact sequences, key chains', () => {
    for (const text of [
      `a: ${'['.repeat(5000)}`,
      `a:\n${'- '.repeat(5000)}1`,
      `${'- a: '.repeat(3000)}1`,
      `${'? '.repeat(3000)}a`,
    ]) {
      const { errors } = parseMeshYaml(text);
      expect(errors.map((e) => e.message)).toEqual([DEEP]);
    }
  });
});

describe('limits: hostile files stay fast', () => {
  it(`reads at most ${MAX_DOCUMENTS} documents of a file, and says so`, () => {
    const text = Array.from({ length: MAX_DOCUMENTS + 20 }, (_, i) => vs(`v${i}`)).join('\n---\n');
    const { docs, errors } = parseMeshYaml(text);
    expect(docs).toHaveLength(MAX_DOCUMENTS);
    expect(errors).toEqual([
      {
        path: '',
        message: `more than ${MAX_DOCUMENTS} documents: the rest of the file was not read`,
        doc: MAX_DOCUMENTS,
        line: MAX_DOCUMENTS * 5 + 1,
      },
    ]);
  });

  it.each([
    ['deep flow documents', `a: ${'['.repeat(3000)}`],
    ['many odd documents', `${'- a: '.repeat(8)}1`],
    ['key chains near the limit', `${'- a: '.repeat(40)}1`],
    ['flow at the limit', `a: ${'['.repeat(70)}${']'.repeat(70)}`],
    ['tiny documents', 'a: 1'],
  ])(
    '%s: a file of them is parsed and gives a clear answer (timing: npm run fuzz:validate)',
    (_, one) => {
      const { docs, errors } = parseMeshYaml(fill(one));
      expect(docs.length + errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e.message.length).toBeLessThan(300);
    },
  );
});
