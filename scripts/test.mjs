// `npm test`: formatting, typecheck, lint (with import cycles and layers), unit + component tests,
// then the Playwright e2e suite.
// Stops at the first failing stage and exits non-zero.
import { spawnSync } from 'node:child_process';

const stages = [
  ['formatting', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit and component tests', 'npx', ['vitest', 'run']],
  ['end-to-end tests', 'node', ['scripts/e2e.mjs']],
];
for (const [name, cmd, args] of stages) {
  console.log(`\n=== ${name} ===`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\nnpm test: ${name} failed (exit ${r.status ?? r.signal}) after ${secs} s`);
    process.exit(1);
  }
  console.log(`--- ${name}: ok (${secs} s)`);
}
console.log('\nnpm test: all stages passed');
