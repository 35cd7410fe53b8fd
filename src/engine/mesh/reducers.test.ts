/**
 * Trace reducers passed through `MeshOptions.traceReducers`: a fold over every entry of the run,
 * checkpointed with the trace, so its value is exact after any seek.
 */
import { describe, expect, it } from 'vitest';
import type { TraceReducer } from '../core/trace';
import { ms, sec } from '../core/time';
import type { MeshCommand, MeshTrace } from './contract';
import { createMesh } from './create';
import type { MeshSim } from './types';

const countAcks: TraceReducer<MeshTrace, number> = {
  initial: 0,
  reduce: (n, e) => (e.type === 'xds.ack' ? n + 1 : n),
};

const SCHEDULE: { at: number; command: MeshCommand }[] = [
  { at: sec(4), command: { kind: 'canary.weights', v1: 50, v2: 50 } },
  { at: sec(9), command: { kind: 'istiod.kill' } },
  { at: sec(14), command: { kind: 'istiod.restore' } },
  { at: sec(21), command: { kind: 'pod.kill', pod: 'payments-v1-a' } },
];

/** A run of the schedule up to `until`. */
function run(until: number, checkpointEvery: number): MeshSim {
  const sim = createMesh({ seed: 7, checkpointEvery, traceReducers: [countAcks] });
  for (const s of SCHEDULE) {
    if (s.at > until) break;
    sim.advanceTo(s.at);
    sim.command(s.command);
  }
  sim.advanceTo(until);
  return sim;
}

describe('trace reducers', () => {
  it('a reducer counting xds.ack equals the trace counter, after a run and after seeking back', () => {
    for (const every of [sec(1), sec(10)]) {
      const sim = run(sec(30), every);
      expect(sim.trace.counter('xds.ack')).toBeGreaterThan(0);
      expect(sim.trace.fold(0)).toBe(sim.trace.counter('xds.ack'));
      for (const t of [sec(16) + ms(3), sec(2), sec(9) + ms(50)]) {
        sim.seek(t);
        const fresh = run(t, every);
        expect(sim.trace.fold(0)).toBe(sim.trace.counter('xds.ack'));
        expect(sim.trace.fold(0)).toBe(fresh.trace.fold(0));
        expect(sim.trace.counter('xds.ack')).toBe(fresh.trace.counter('xds.ack'));
        expect(sim.stateHash()).toBe(fresh.stateHash());
      }
      sim.advanceTo(sec(30));
      expect(sim.trace.fold(0)).toBe(run(sec(30), every).trace.fold(0));
    }
  }, 60_000);
});
