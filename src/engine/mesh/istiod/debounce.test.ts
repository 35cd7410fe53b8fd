import { describe, expect, it } from 'vitest';
import { ms, sec } from '../../core/time';
import { createMesh } from '../create';
import type { MeshSim } from '../types';
import type { MeshTraceOf } from '../contract';

function pushes(sim: MeshSim, after: number): { t: number; full: boolean; proxies: number }[] {
  return sim.trace
    .recent()
    .filter((e): e is MeshTraceOf<'push.debounced'> => e.type === 'push.debounced' && e.t > after);
}

describe('Istiod debounce (PILOT_DEBOUNCE_AFTER 100 ms, PILOT_DEBOUNCE_MAX 10 s)', () => {
  it('merges events 50 ms apart into one push 100 ms after the last', () => {
    const sim = createMesh({ seed: 1, perEdgeRps: 0 });
    sim.advanceTo(sec(2));
    const t0 = sim.now;
    for (let i = 0; i < 5; i++) {
      sim.command({ kind: 'canary.weights', v1: 90 - i, v2: 10 + i });
      sim.advanceTo(t0 + ms(50) * (i + 1));
    }
    sim.advanceTo(t0 + sec(1));
    const p = pushes(sim, t0);
    expect(p).toHaveLength(1);
    expect(p[0]?.t).toBe(t0 + ms(200) + ms(100));
    expect(p[0]?.full).toBe(true);
    expect(p[0]?.proxies).toBe(8);
  });

  it('forces a push 10 s after the first event under continuous churn', () => {
    const sim = createMesh({ seed: 2, perEdgeRps: 0 });
    sim.advanceTo(sec(2));
    const t0 = sim.now;
    for (let i = 0; i < 300; i++) {
      sim.command({ kind: 'canary.weights', v1: 50 + (i % 7), v2: 50 });
      sim.advanceTo(t0 + ms(50) * (i + 1));
    }
    const p = pushes(sim, t0);
    expect(p[0]?.t).toBe(t0 + sec(10));
    expect(p.length).toBe(1);
  });

  it('endpoint changes are debounced too and push EDS only', () => {
    const sim = createMesh({ seed: 3, perEdgeRps: 0 });
    sim.advanceTo(sec(2));
    const t0 = sim.now;
    sim.command({ kind: 'pod.kill', pod: 'payments-v1-b' });
    sim.advanceTo(t0 + sec(1));
    const p = pushes(sim, t0);
    expect(p).toHaveLength(1);
    expect(p[0]?.t).toBe(t0 + ms(100));
    expect(p[0]?.full).toBe(false);
    const types = new Set(
      sim.trace
        .recent()
        .filter((e): e is MeshTraceOf<'xds.response'> => e.type === 'xds.response' && e.t > t0)
        .map((e) => e.xds),
    );
    expect([...types]).toEqual(['EDS']);
  });

  it('a VirtualService change pushes CDS, LDS, RDS and no EDS', () => {
    const sim = createMesh({ seed: 4, perEdgeRps: 0 });
    sim.advanceTo(sec(2));
    const t0 = sim.now;
    sim.command({ kind: 'canary.weights', v1: 1, v2: 1 });
    sim.advanceTo(t0 + sec(1));
    const types = new Set(
      sim.trace
        .recent()
        .filter((e): e is MeshTraceOf<'xds.response'> => e.type === 'xds.response' && e.t > t0)
        .map((e) => e.xds),
    );
    expect([...types].sort()).toEqual(['CDS', 'LDS', 'RDS']);
  });

  it('re-applying an unchanged object triggers no push (no watch event)', () => {
    const sim = createMesh({ seed: 5, perEdgeRps: 0 });
    sim.advanceTo(sec(2));
    const t0 = sim.now;
    sim.command({ kind: 'canary.weights', v1: 90, v2: 10 });
    sim.advanceTo(t0 + sec(1));
    expect(pushes(sim, t0)).toHaveLength(0);
    sim.command({ kind: 'canary.weights', v1: 80, v2: 20 });
    sim.advanceTo(t0 + sec(2));
    expect(pushes(sim, t0)).toHaveLength(1);
  });
});
