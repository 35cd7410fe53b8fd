import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
  let hostile: Run;
  let dir: string;

  // The three runs start together: each is a node process that loads tsx (about a second).
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'validate-cli-'));
    const vs = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: p}\n';
    const files: Record<string, string> = {
      'bomb.yaml': `a: &a [x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(8)}]\nc: &c [${'*b, '.repeat(8)}]\nd: [${'*c, '.repeat(8)}]\n`,
      'nospec.yaml': vs,
      'proto.yaml': `${vs}spec: {hosts: [p], __proto__: {x: 1}, constructor: 1, http: [{route: [{destination: {host: p, valueOf: 2}}]}]}\n`,
      'kind.yaml': 'apiVersion: networking.istio.io/v1\nkind: toString\nmetadata: {name: p}\n',
      'deep.yaml': `a: ${'['.repeat(50_000)}`,
      'nan.yaml': `${vs}spec: {hosts: [p], http: [{route: [{destination: {host: p}, weight: .nan}]}]}\n`,
      'cr.yaml':
        `# old Mac\n${vs}spec: {hosts: [p], http: [{route: [{destination: {host: p}}]}]}\n`.replace(
          /\n/g,
          '\r',
        ),
      'binary.yaml': '\u0000\u0001\ufffe: [\u0007',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    [valid, invalid, unreadable, hostile] = await Promise.all([
      run(fixture('valid-canary.yaml'), fixture('valid-policies.yaml'), fixture('envoy-nack.yaml')),
      run(
        fixture('valid-canary.yaml'),
        fixture('invalid-weights.yaml'),
        fixture('malformed-yaml.txt'),
      ),
      run(fixture('valid-canary.yaml'), fixture('does-not-exist.yaml')),
      run(...Object.keys(files).map((f) => join(dir, f)), fixture('valid-canary.yaml')),
    ]);
  }, 20_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
      'ERROR VirtualService shop/payments-negative (document 1) line 15: spec.http[0].route[0].weight: weight -10 < 0',
    );
    expect(invalid.out).toContain(
      'ERROR VirtualService shop/payments-zero (document 2) line 30: spec.http[0].route: total destination weight = 0',
    );
    expect(invalid.out).toMatch(/ERROR document 1 line 8, column 3: YAML error: Flow sequence/);
  });

  it('exits 2 when a file cannot be read', () => {
    expect(unreadable.code).toBe(2);
    expect(unreadable.err).toContain('does-not-exist.yaml: cannot read');
  });

  it('exits 1 for hostile input, reports each file, never prints a stack trace, and goes on', () => {
    expect(hostile.code).toBe(1);
    expect(hostile.err).toBe('');
    expect(`${hostile.out}${hostile.err}`).not.toMatch(/^\s+at /m);
    const out = hostile.out;
    expect(out).toContain('YAML error: too many alias expansions');
    expect(out).toContain('spec: required');
    expect(out).toContain('unknown field "__proto__" in istio.networking.v1alpha3.VirtualService');
    expect(out).toContain('unknown field "valueOf" in istio.networking.v1alpha3.Destination');
    expect(out).toContain('unknown kind "toString"');
    expect(out).toContain('YAML error: too deeply nested');
    expect(out).toContain('expected a finite number, got .nan');
    // No namespace in the file: istioctl's `default`.
    expect(out).toMatch(/cr\.yaml\n {2}OK {4}VirtualService default\/p \(document 1\)/);
    expect(out).toContain('OK    VirtualService shop/payments (document 1)');
  });

  it('reads documents without a namespace into --namespace NS (default: default, as istioctl)', async () => {
    const file = join(dir, 'cr.yaml');
    const [mine, usage, unknown] = await Promise.all([
      run('--namespace', 'shop', file),
      run('--namespace'),
      run('--frobnicate', file),
    ]);
    expect(mine.code).toBe(0);
    expect(mine.out).toContain('OK    VirtualService shop/p (document 1)');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('usage: npm run validate --');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown option --frobnicate');
  }, 20_000);

  it('prints a NOTE per accepted field the simulator does not model', async () => {
    const r = await run(fixture('istio-docs/api-virtual-service.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /NOTE {2}VirtualService default\/reviews-route \(document 1\) line \d+: spec\.http\[0\]\.rewrite: accepted; the simulator does not model rewrite/,
    );
  }, 20_000);

  it('exits 2 (not a crash) when an argument is a directory', async () => {
    const r = await run(dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot read');
    expect(r.err).not.toMatch(/^\s+at /m);
  }, 20_000);
});
