import { describe, expect, it } from 'vitest';
import { meshView } from '../../src/engine/mesh/view';
import type { MeshSim } from '../../src/engine/mesh/types';
import { Player } from '../../src/runtime/player';
import { scene11 } from './scene';

/** What is special about scene 11: traffic survives Istiod, every sidecar resyncs, a NACK keeps the last good config. */
describe('scene 11, headless', () => {
  const view = (p: { sim: MeshSim }) => meshView(p.sim);

  it('keeps traffic flowing while Istiod is down, and every sidecar is stale', () => {
    const p = new Player(scene11);
    p.goToStep(3);
    const v0 = view(p);
    expect(v0.istiod.up).toBe(false);
    expect(v0.sidecars.every((s) => s.staleSince !== null)).toBe(true);
    p.play();
    for (let k = 0; k < 200; k++) p.advance(10_000);
    expect(view(p).counters.completed).toBeGreaterThan(v0.counters.completed + 20);
  });

  it('resyncs every sidecar after Istiod returns', () => {
    const p = new Player(scene11);
    p.goToStep(5);
    p.play();
    const synced = () =>
      view(p).sidecars.every((s) => Object.values(s.status).every((x) => x === 'SYNCED'));
    for (let k = 0; k < 3000 && !synced(); k++) p.advance(10_000);
    expect(view(p).sidecars.map((s) => [s.pod, Object.values(s.status).join()])).toEqual(
      view(p).sidecars.map((s) => [s.pod, 'SYNCED,SYNCED,SYNCED,SYNCED']),
    );
  });

  it('a NACK leaves ERROR on that sidecar with its last good version', () => {
    const p = new Player(scene11);
    p.goToStep(6);
    const s = view(p).sidecars.find((x) => x.pod === 'payments-v2-a')!;
    const bad = (Object.keys(s.status) as (keyof typeof s.status)[]).find(
      (t) => s.status[t] === 'ERROR',
    );
    expect(bad).toBeDefined();
    expect(s.versions[bad!]).not.toBeNull();
    expect(s.lastError).toBeTruthy();
  });
});
