/**
 * Rewind and replay: a mesh run is a function of its seed and input log, so seeking back to any
 * time and replaying reproduces the exact state and trace (the scene player's scrubber).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ms, sec } from '../core/time';
import { createMesh } from './create';
import { scheduleArb } from './testkit';

describe('seek', () => {
  it('seek(t) after running on restores the state hash at t, and replays to the same end', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        scheduleArb,
        fc.integer({ min: 1, max: 30 }),
        (seed, schedule, probeS) => {
          const sim = createMesh({ seed, perEdgeRps: 3 });
          sim.advanceTo(sec(1));
          for (const step of schedule) {
            sim.command(step.command);
            sim.advanceTo(sim.now + ms(step.afterMs));
          }
          const end = Math.max(sim.now, sec(probeS)) + sec(5);
          const probe = Math.min(sec(probeS), end - sec(1));
          sim.advanceTo(end);
          const endHash = sim.stateHash();
          sim.seek(probe);
          const atProbe = sim.stateHash();
          sim.advanceTo(end);
          expect(sim.stateHash()).toBe(endHash);
          sim.seek(probe);
          expect(sim.stateHash()).toBe(atProbe);
        },
      ),
      { numRuns: 10 },
    );
  }, 60_000);
});
