import { describe, expect, it } from 'vitest';
import { checkExactFollowing } from '../../src/scene/headless';
import { eraseScene } from '../../src/scene/types';
import { scene1 } from './scene';

/** Per-call entries fill the trace ring within seconds; the panel must stay exact for an hour. */
describe('scene 1 panel stays exact after one simulated hour of per-call entries', () => {
  it('after seeks, steps back and for every caller', () => {
    const def = eraseScene({
      ...scene1,
      setup: { ...scene1.setup, commands: [{ kind: 'pod.kill', pod: 'payments-v1-a' }] },
    });
    expect(checkExactFollowing(def, 3_600_000_000)).toEqual([]);
  }, 240_000);
});
