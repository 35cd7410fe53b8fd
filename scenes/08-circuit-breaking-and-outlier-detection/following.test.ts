import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/engine/config/presets';
import { checkExactFollowing } from '../../src/scene/headless';
import { eraseScene } from '../../src/scene/types';
import { scene8 } from './scene';

/**
 * Exact following after an hour of simulated call-graph traffic with the scene's limits and a
 * flaky payments-v1-a (every pool, overflow and outlier entry: ejections, returns, decrements):
 * the panels after seeking, stepping back or selecting another sidecar equal what following every
 * entry from t = 0 gives.
 */
describe('scene 8 panels stay exact after one simulated hour', () => {
  it('after seeks, steps back and for every sidecar', () => {
    const def = {
      ...scene8,
      setup: {
        ...scene8.setup,
        commands: [
          ...(scene8.setup.commands ?? []),
          { kind: 'config.apply' as const, yaml: PRESETS['breaker-demo'] },
          { kind: 'pod.fail' as const, pod: 'payments-v1-a', share: 0.5 },
        ],
      },
    };
    expect(checkExactFollowing(eraseScene(def), 3_600_000_000)).toEqual([]);
  }, 300_000);
});
