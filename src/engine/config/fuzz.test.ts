import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { generatedFile } from './fuzzInputs';
import { mutatedFile, unclearReason } from './fuzzMutate';
import {
  castConfigYaml,
  formatError,
  istioWarnings,
  parseMeshYaml,
  PRESETS,
  validateIstio,
} from './index';

/** Parse + validate + warnings: every message as printed. */
function messages(text: string): string[] {
  const { docs, errors } = parseMeshYaml(text);
  return [...errors, ...validateIstio(docs), ...istioWarnings(docs)].map(formatError);
}

describe('property: parseMeshYaml + validateIstio on generated YAML', () => {
  it('always returns, with short non-empty messages (time limits: npm run fuzz:validate)', () => {
    fc.assert(
      fc.property(generatedFile, (text) => {
        const { docs, errors } = parseMeshYaml(text);
        const all = [...errors, ...validateIstio(docs), ...istioWarnings(docs)];
        for (const e of all) {
          expect(typeof e.message).toBe('string');
          expect(e.message.length).toBeGreaterThan(0);
          expect(e.message.length).toBeLessThan(300);
          expect(formatError(e).length).toBeGreaterThan(0);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('property: mutated real files', () => {
  const dir = join(import.meta.dirname, 'fixtures');
  const corpus = [
    ...readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ya?ml|txt)$/.test(f))
      .map((f) => readFileSync(join(dir, f), 'utf8')),
    ...Object.values(PRESETS),
    castConfigYaml,
  ];

  it('never throw, and every message is clear (time limits: npm run fuzz:validate)', () => {
    fc.assert(
      fc.property(mutatedFile(corpus), (text) => {
        const all = messages(text);
        for (const m of all) expect(unclearReason(m), m).toBeNull();
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('unclearReason (the rule npm run fuzz:validate counts by)', () => {
  it.each([
    ['spec.http[0].weight: must be an integer, got number null', '"null"'],
    ['YAML error: Maximum call stack size exceeded', 'a JavaScript error: "Maximum call stack"'],
    [
      "TypeError: Cannot read properties of undefined (reading 'x')",
      'a JavaScript error: "TypeError"',
    ],
    ['host [object Object] is invalid', '"[object"'],
    ['weight undefined < 0', '"undefined"'],
    ['percentage NaN is not in range', '"NaN"'],
    ['x'.repeat(301), 'longer than 300 characters (301)'],
    [' ', 'empty'],
  ])('calls %j unclear', (message, reason) => {
    expect(unclearReason(message)).toBe(reason);
  });
  it.each([
    'spec.hosts: must be a list, got null',
    'unknown field "undefined" in istio.networking.v1alpha3.VirtualService',
    'The VirtualServices a.shop, b.shop associated with mesh gateway define the same host a which can lead to undefined behavior.',
    'time: invalid duration "NaN"',
    'line 18: spec.null    weight: unknown field "null    weight" in istio.networking.v1alpha3.VirtualService',
  ])('calls %j clear', (message) => {
    expect(unclearReason(message)).toBeNull();
  });
});

describe('fixed by the fuzzer', () => {
  it('echoes a long invalid duration once, shortened', () => {
    const dr = `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: p}\nspec:\n  host: p\n  trafficPolicy: {connectionPool: {tcp: {connectTimeout: ${'x'.repeat(500)}}}}\n`;
    const all = messages(dr);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatch(/time: invalid duration "x{79}…"$/);
  });
  it('prints no warning for a map used as a key (an unknown field, like any other)', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    const all = messages(
      'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: p}\nspec:\n  hosts: [p]\n  ? {a: 1}\n  : 2\n',
    );
    const warnings = warn.mock.calls;
    warn.mockRestore();
    expect(warnings).toEqual([]);
    expect(all.some((m) => m.includes('unknown field'))).toBe(true);
  });
});
