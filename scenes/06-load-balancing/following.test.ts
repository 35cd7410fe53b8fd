import { describe, expect, it } from 'vitest';
import { checkExactFollowing } from '../../src/scene/headless';
import { eraseScene } from '../../src/scene/types';
import { scene6 } from './scene';

/**
 * Exact following on the call graph: after two simulated minutes of picks (about 6,000 of them
 * by checkout-1's Envoy alone), the highlights after a seek, a step back or another selection
 * equal what following every entry from t = 0 gives [1].
 */
describe('scene 6 panels stay exact on a long run', () => {
  it('after seeks, steps back and for every sidecar', () => {
    expect(checkExactFollowing(eraseScene(scene6), 120_000_000)).toEqual([]);
  }, 240_000);
});

// [1] Two minutes rather than the hour of scenes 1, 3 and 11: the call graph emits a detail entry
//     per pick and per try (some 900 a second here), and the fold is the same platform code.
