import { describe, expect, it } from 'vitest';
import { checkExactFollowing } from '../../src/scene/headless';
import { eraseScene } from '../../src/scene/types';
import { scene11 } from './scene';

/**
 * Exact following after an hour of simulated time: the highlights after seeking, stepping back or
 * selecting another sidecar equal what following every entry from t = 0 gives. (A follower that
 * refolded only the recent trace window lost the ACK line after about three minutes.)
 */
describe('scene 11 panels stay exact after one simulated hour', () => {
  it('after seeks, steps back and for every sidecar', () => {
    expect(checkExactFollowing(eraseScene(scene11), 3_600_000_000)).toEqual([]);
  }, 240_000);
});
