import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECOND, ms } from '../core/time';
import type { TraceReducer } from '../core/trace';
import { createDirect, PAYMENTS_PODS, type DirectCommand, type DirectTrace } from './index';
import { replayTo, scripted, type Scheduled } from './testkit';

const KILL_RESTORE: Scheduled[] = [
  { at: 5 * SECOND, command: { kind: 'pod.kill', pod: 'payments-v1-a' } },
  { at: 20 * SECOND, command: { kind: 'traffic.rate', perCallerRps: 8 } },
  { at: 40 * SECOND, command: { kind: 'pod.restore', pod: 'payments-v1-a' } },
];

describe('direct model: determinism', () => {
  it('gives the same trace digest and state hash for the same seed and inputs', () => {
    for (const seed of [1, 2, 42]) {
      const a = scripted(seed, KILL_RESTORE, 60 * SECOND);
      const b = scripted(seed, KILL_RESTORE, 60 * SECOND);
      expect(b.sim.trace.digest()).toBe(a.sim.trace.digest());
      expect(b.sim.stateHash()).toBe(a.sim.stateHash());
      expect(a.sim.trace.count).toBeGreaterThan(2000);
    }
  });

  it('gives different runs for different seeds', () => {
    const digests = new Set<string>();
    for (let seed = 1; seed <= 20; seed++)
      digests.add(scripted(seed, [], 10 * SECOND).sim.trace.digest());
    expect(digests.size).toBe(20);
  });

  it('seeks back to the same state as a fresh run to that time', () => {
    const live = scripted(7, KILL_RESTORE, 60 * SECOND).sim;
    for (const t of [ms(3250), 5 * SECOND, ms(12_345), 33 * SECOND, ms(40_001), 59 * SECOND]) {
      live.seek(t);
      const fresh = replayTo(7, KILL_RESTORE, t);
      expect(live.now).toBe(t);
      expect(live.stateHash()).toBe(fresh.stateHash());
      expect(live.trace.digest()).toBe(fresh.trace.digest());
    }
    // And forward again from the past: the recorded commands replay.
    live.seek(2 * SECOND);
    live.advanceTo(60 * SECOND);
    expect(live.stateHash()).toBe(scripted(7, KILL_RESTORE, 60 * SECOND).sim.stateHash());
  });

  it('steps back one event exactly (seekToEvent)', () => {
    const sim = scripted(3, KILL_RESTORE.slice(0, 1), 8 * SECOND).sim;
    const n = sim.processed;
    sim.step();
    const after = sim.stateHash();
    sim.seekToEvent(n);
    sim.step();
    expect(sim.stateHash()).toBe(after);
  });

  it('keeps a reducer counting call.done equal to the trace counter, through seeks', () => {
    const countDone: TraceReducer<DirectTrace, number> = {
      initial: 0,
      reduce: (acc, e) => (e.type === 'call.done' ? acc + 1 : acc),
    };
    const sim = createDirect({
      seed: 11,
      checkpointEvery: 2 * SECOND,
      traceReducers: [countDone as TraceReducer<DirectTrace>],
    });
    sim.advanceTo(5 * SECOND);
    sim.command({ kind: 'pod.kill', pod: 'payments-v1-a' });
    sim.advanceTo(30 * SECOND);
    expect(sim.trace.counter('call.done')).toBeGreaterThan(200);
    expect(sim.trace.fold(0)).toBe(sim.trace.counter('call.done'));
    sim.seek(ms(17_500));
    expect(sim.trace.fold(0)).toBe(sim.trace.counter('call.done'));
    sim.advanceTo(25 * SECOND);
    expect(sim.trace.fold(0)).toBe(sim.trace.counter('call.done'));
  });

  it('keeps its invariants and replays exactly under random command schedules (property)', () => {
    const pod = fc.constantFrom(...PAYMENTS_PODS);
    const command: fc.Arbitrary<DirectCommand> = fc.oneof(
      pod.map((p): DirectCommand => ({ kind: 'pod.kill', pod: p })),
      pod.map((p): DirectCommand => ({ kind: 'pod.restore', pod: p })),
      fc
        .integer({ min: 0, max: 12 })
        .map((r): DirectCommand => ({ kind: 'traffic.rate', perCallerRps: r })),
    );
    const schedule = fc
      .array(fc.record({ at: fc.integer({ min: 0, max: 20 * SECOND }), command }), {
        maxLength: 6,
      })
      .map((xs) => xs.sort((a, b) => a.at - b.at));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), schedule, (seed, sched) => {
        const { sim } = scripted(seed, sched, 25 * SECOND, { probePeriodMs: 2000 });
        for (const c of Object.values(sim.state.callers)) {
          const k = c.counters;
          expect(k.calls).toBe(k.ok + k.failed + k.inFlight);
          expect(k.inFlight).toBe(
            Object.values(sim.state.calls).filter((x) => x.caller === c.name).length,
          );
        }
        expect(sim.state.log.length).toBeLessThanOrEqual(200);
        const t = 12 * SECOND;
        sim.seek(t);
        expect(sim.stateHash()).toBe(replayTo(seed, sched, t, { probePeriodMs: 2000 }).stateHash());
      }),
      { numRuns: 25 },
    );
  });
});
