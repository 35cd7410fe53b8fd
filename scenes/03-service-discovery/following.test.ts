import { describe, expect, it } from 'vitest';
import { checkExactFollowing } from '../../src/scene/headless';
import { eraseScene } from '../../src/scene/types';
import { scene3 } from './scene';

/**
 * Exact following after an hour of simulated time: the highlights after seeking, stepping back or
 * selecting another sidecar equal what following every entry from t = 0 gives. The scene runs no
 * traffic, so the compared window is the last 40 minutes: it holds the reconnect wave Istiod's
 * 30-minute connection age causes (every sidecar re-subscribes and gets EDS again).
 */
describe('scene 3 panels stay exact after one simulated hour', () => {
  it('after seeks, steps back and for every sidecar', () => {
    expect(checkExactFollowing(eraseScene(scene3), 3_600_000_000, 2_400_000_000)).toEqual([]);
  }, 240_000);
});
