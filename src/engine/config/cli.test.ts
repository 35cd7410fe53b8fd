import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string): string => `src/engine/config/fixtures/${name}`;

function run(...files: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', ...files], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run validate (scripts/validate.ts)', () => {
  it('exits 0 and prints OK per document for valid files, NACK notes for Envoy-only rejections', () => {
    const r = run(
      fixture('valid-canary.yaml'),
      fixture('valid-policies.yaml'),
      fixture('envoy-nack.yaml'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('OK    VirtualService shop/payments (document 1)');
    expect(r.out).toContain('OK    AuthorizationPolicy shop/payments-only-checkout (document 4)');
    expect(r.out).toMatch(
      /NACK {2}Istio accepts this, but Envoy on checkout-1 would reject RDS: regex .* RE2 program size of \d+ > max program size of 32768/,
    );
  }, 10_000);

  it('exits 1 and prints each error with line and path when a document is invalid', () => {
    const r = run(
      fixture('valid-canary.yaml'),
      fixture('invalid-weights.yaml'),
      fixture('malformed-yaml.txt'),
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'ERROR VirtualService shop/payments-negative (document 1) line 14: spec.http[0].route[0].weight: weight -10 < 0',
    );
    expect(r.out).toContain(
      'ERROR VirtualService shop/payments-zero (document 2) line 28: spec.http[0].route: total destination weight = 0',
    );
    expect(r.out).toMatch(/ERROR document 1 line 8: YAML error: .*line 8, column 3/);
  }, 10_000);

  it('exits 2 when a file cannot be read', () => {
    const r = run(fixture('valid-canary.yaml'), fixture('does-not-exist.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('does-not-exist.yaml: cannot read');
  }, 10_000);
});
