import { describe, expect, it } from 'vitest';
import { ms, sec } from '../core/time';
import { blobCount, sweepBlobs } from './blobs';
import { configDump } from './configDump';
import { createMesh } from './create';
import type { MeshSim } from './types';

/** A run with `edits` distinct canary weights, one every 400 ms; `sweep` forces a sweep after each. */
function run(edits: number, sweep: boolean): MeshSim {
  const sim = createMesh({ seed: 3, perEdgeRps: 2, checkpointEvery: sec(2) });
  sim.advanceTo(sec(3));
  for (let i = 0; i < edits; i++) {
    sim.command({ kind: 'canary.weights', v1: 1 + i, v2: 1000 - i });
    if (sweep) sweepBlobs();
    sim.advanceTo(sim.now + ms(400));
  }
  return sim;
}

describe('blob store: drops what no live state or checkpoint refers to', () => {
  it('does not change a run, and every checkpoint still restores (seeks back compare to fresh runs)', () => {
    const swept = run(60, true);
    const plain = run(60, false);
    expect(swept.trace.digest()).toBe(plain.trace.digest());
    expect(swept.stateHash()).toBe(plain.stateHash());
    const end = swept.now;
    for (const t of [sec(4), sec(12), sec(20)]) {
      swept.seek(t);
      sweepBlobs();
      const fresh = createMesh({ seed: 3, perEdgeRps: 2, checkpointEvery: sec(2) });
      fresh.loadInputLog(swept.inputLog);
      fresh.advanceTo(t);
      expect(swept.stateHash()).toBe(fresh.stateHash());
      // Every resource a sidecar serves can still be read (config_dump reads them all).
      for (const pod of swept.state.order) expect(() => configDump(swept, pod)).not.toThrow();
    }
    swept.seek(end);
    expect(swept.stateHash()).toBe(plain.stateHash());
  });

  it('holds about one resource per checkpoint after many distinct edits, not one per edit', () => {
    const sim = run(400, false);
    sweepBlobs();
    expect(blobCount()).toBeLessThan(sim.checkpointCount + 100);
    expect(blobCount()).toBeLessThan(300);
  });
});
