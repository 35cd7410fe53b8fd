import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDemo } from '../demo/queueingModel';
import { ms } from './time';

/** Everything a view can read of the trace: the ring, counters, hash, count. */
const traceOf = (sim: ReturnType<typeof createDemo>) =>
  JSON.stringify([
    sim.trace.recent(),
    sim.trace.allCounters(),
    sim.trace.digest(),
    sim.trace.count,
  ]);

describe('checkpoints without a ring copy', () => {
  it('a seek restores the whole trace ring exactly (property, long runs, sparse and dense checkpoints)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(ms(2), ms(20), ms(200)),
        fc.array(fc.integer({ min: 0, max: ms(3000) }), { minLength: 1, maxLength: 4 }),
        (seed, every, targets) => {
          const live = createDemo(seed, every);
          live.advanceTo(ms(700));
          live.command({ kind: 'crash', server: 1 });
          live.advanceTo(ms(3000));
          for (const t of targets) {
            live.seek(t);
            const fresh = createDemo(seed, every);
            if (t >= ms(700)) {
              fresh.advanceTo(ms(700));
              fresh.command({ kind: 'crash', server: 1 });
            }
            fresh.advanceTo(t);
            expect(traceOf(live)).toBe(traceOf(fresh));
            expect(live.stateHash()).toBe(fresh.stateHash());
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('steps back one event exactly, ring included, far into a run', () => {
    const sim = createDemo(4, ms(1));
    sim.advanceTo(ms(2500));
    const n = sim.processed;
    const before = traceOf(sim);
    sim.step();
    sim.seekToEvent(n);
    expect(traceOf(sim)).toBe(before);
  });
});
