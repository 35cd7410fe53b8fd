/**
 * Vitest setup for both projects: every fast-check property in the suite runs from one fixed seed,
 * so a run is reproducible and a failure is the same failure on every machine. fast-check prints
 * the seed and the shrink path of a counterexample in the failure message (`{ seed: 42, path:
 * "…" }`); pass them to `fc.assert(…, { seed, path })` to replay exactly that case.
 * `FC_SEED=<n>` runs the suite from another seed; `FC_SEED=random` from a fresh one, printed once.
 */
import fc from 'fast-check';

/** The suite's default seed. */
export const SUITE_SEED = 42;

function seedFromEnv(): number {
  const v = process.env.FC_SEED;
  if (v === undefined || v === '') return SUITE_SEED;
  if (v === 'random') {
    const seed = Date.now() ^ (Math.random() * 0x100000000);
    console.log(`fast-check: FC_SEED=random picked seed ${seed}`);
    return seed;
  }
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new Error(`FC_SEED must be an integer or "random", got ${v}`);
  return n;
}

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: seedFromEnv() });
