import { describe, expect, it } from 'vitest';
import { runScene } from '../src/scene/headless';
import { checkScene } from '../src/scene/validate';
import { scenes } from './index';

/**
 * One test over the whole registry: every registered scene is checked the moment it is added.
 * Each scene's data obeys the format; every step reaches its entry for several seeds; each step's
 * panels highlight what the step says; the default seed's trace hash is pinned.
 */
const SEEDS = [1, 2, 3, 99, 2026];

describe.each(scenes.map((s) => [s.meta.number, s] as const))('scene %i', (_n, entry) => {
  it('obeys the scene format (anchors exist and are reachable, keys and URL parameters free)', async () => {
    const { default: mod } = await entry.load();
    expect(checkScene(mod.def, entry.meta)).toEqual([]);
  });

  it('reaches every step’s entry and highlights what each step says (default seed, pinned hash)', async () => {
    const { default: mod } = await entry.load();
    const run = runScene(mod.def);
    for (const s of run.steps) {
      expect(s.hit, `step ${s.step} never saw its entry`).not.toBe(false);
      expect(s.anchors, `step ${s.step} (following ${s.actor})`).toMatchObject(
        mod.def.steps[s.step - 1]!.highlights,
      );
    }
    expect({ traceHash: run.traceHash, stateHash: run.stateHash }).toMatchSnapshot();
  }, 120_000);

  it.each(SEEDS)(
    'reaches every step’s entry with seed %i too (a URL may carry any seed)',
    async (seed) => {
      const { default: mod } = await entry.load();
      for (const s of runScene(mod.def, seed).steps)
        expect(s.hit, `seed ${seed}, step ${s.step}`).not.toBe(false);
    },
    120_000,
  );
});
