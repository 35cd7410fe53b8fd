import { describe, expect, it } from 'vitest';
import { runScene } from '../src/scene/headless';
import type { AnySceneDef } from '../src/scene/types';
import { checkScene } from '../src/scene/validate';
import { scenes } from './index';

/**
 * One test over the whole registry: every registered scene is checked the moment it is added.
 * Each scene's data obeys the format; every step reaches its entry for several seeds; each step's
 * panels highlight what the step says; the default seed's trace hash is pinned.
 */
const SEEDS = [1, 2, 3, 99, 2026];

/**
 * Predict, then observe: the choice each scene's authors expect the run to prove for the default
 * seed, by scene number and 1-based step (a scene not listed is only checked for a valid answer).
 */
const EXPECTED_ANSWERS: Readonly<Record<number, Readonly<Record<number, string>>>> = {
  1: { 3: 'timeout' },
  2: { 10: 'refused' },
  3: { 4: 'gone' },
  4: { 10: 'passthrough' },
  5: { 7: 'caller' },
  6: { 2: 'few' },
  7: { 2: 'fail' },
  8: { 3: 'overflow' },
  9: { 4: 'reset' },
  10: { 4: 'refused' },
  11: { 5: 'flow' },
  12: { 10: 'fail' },
};

/** Each predict step's answer at the step's end, by 1-based step, for one seed. */
const answersOf = (def: AnySceneDef, run: ReturnType<typeof runScene>) =>
  Object.fromEntries(
    def.steps.flatMap((s, i) => (s.predict ? [[i + 1, run.player.answers.get(i) ?? null]] : [])),
  );

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
    // Predict, then observe: at least one question, each with 2 to 4 choices, answered by the run.
    const asked = mod.def.steps.filter((s) => s.predict);
    expect(asked.length, 'steps with a prediction').toBeGreaterThan(0);
    for (const s of asked) expect(s.predict!.choices.length).toBeOneOf([2, 3, 4]);
    const answers = answersOf(mod.def, run);
    for (const [step, got] of Object.entries(answers))
      expect(
        mod.def.steps[Number(step) - 1]!.predict!.choices.map((c) => c.id),
        `step ${step}: the run's answer`,
      ).toContain(got);
    const expected = EXPECTED_ANSWERS[entry.meta.number];
    if (expected) expect(answers).toEqual(expected);
  }, 120_000);

  it.each(SEEDS)(
    'reaches every step’s entry with seed %i too (a URL may carry any seed)',
    async (seed) => {
      const { default: mod } = await entry.load();
      const run = runScene(mod.def, seed);
      for (const s of run.steps) expect(s.hit, `seed ${seed}, step ${s.step}`).not.toBe(false);
      for (const [step, got] of Object.entries(answersOf(mod.def, run)))
        expect(
          mod.def.steps[Number(step) - 1]!.predict!.choices.map((c) => c.id),
          `seed ${seed}, step ${step}: the run's answer`,
        ).toContain(got);
    },
    120_000,
  );
});
