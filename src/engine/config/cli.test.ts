import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string): string => `src/engine/config/fixtures/${name}`;

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** `node --import tsx scripts/validate.ts FILE...` (what `npm run validate -- FILE...` runs). */
function run(...files: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/validate.ts', ...files],
      { cwd: root },
      (error, out, err) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, out, err });
      },
    );
  });
}

describe('npm run validate (scripts/validate.ts)', () => {
  let valid: Run;
  let invalid: Run;
  let unreadable: Run;

  // The three runs start together: each is a node process that loads tsx (about a second).
  beforeAll(async () => {
    [valid, invalid, unreadable] = await Promise.all([
      run(fixture('valid-canary.yaml'), fixture('valid-policies.yaml'), fixture('envoy-nack.yaml')),
      run(
        fixture('valid-canary.yaml'),
        fixture('invalid-weights.yaml'),
        fixture('malformed-yaml.txt'),
      ),
      run(fixture('valid-canary.yaml'), fixture('does-not-exist.yaml')),
    ]);
  }, 20_000);

  it('exits 0 and prints OK per document for valid files, NACK notes for Envoy-only rejections', () => {
    expect(valid.code).toBe(0);
    expect(valid.out).toContain('OK    VirtualService shop/payments (document 1)');
    expect(valid.out).toContain(
      'OK    AuthorizationPolicy shop/payments-only-checkout (document 4)',
    );
    expect(valid.out).toContain('WARN  VirtualService shop/cart (document 5)');
    expect(valid.out).toMatch(
      /NACK {2}Istio accepts this, but Envoy on checkout-1 would reject RDS: regex .* RE2 program size of \d+ > max program size of 32768/,
    );
  });

  it('exits 1 and prints each error with line and path when a document is invalid', () => {
    expect(invalid.code).toBe(1);
    expect(invalid.out).toContain(
      'ERROR VirtualService shop/payments-negative (document 1) line 14: spec.http[0].route[0].weight: weight -10 < 0',
    );
    expect(invalid.out).toContain(
      'ERROR VirtualService shop/payments-zero (document 2) line 28: spec.http[0].route: total destination weight = 0',
    );
    expect(invalid.out).toMatch(/ERROR document 1 line 8, column 3: YAML error: Flow sequence/);
  });

  it('exits 2 when a file cannot be read', () => {
    expect(unreadable.code).toBe(2);
    expect(unreadable.err).toContain('does-not-exist.yaml: cannot read');
  });
});
