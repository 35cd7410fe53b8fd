import { describe, expect, it } from 'vitest';
import { aboutPod } from '../../src/code-panel/Implementation';
import type { MeshTrace } from '../../src/engine/mesh/contract';
import { anchorOf, TraceFollower } from '../../src/machines/traceFollower';
import { Player } from '../../src/runtime/player';
import mod from './index';

/** Headless run of scene 11 against the real model: every step reaches its event and says true. */
describe('scene 11, headless', () => {
  const { def, engine } = mod;

  it.each(def.steps.map((s, i) => [i + 1, s] as const))('step %i reaches its event and highlights what it says', (_n, step) => {
    const p = new Player(def, engine);
    const i = def.steps.indexOf(step);
    p.goToStep(i);
    if (step.waitFor) expect(p.lastWaitHit, `step ${i + 1} never saw ${step.waitFor.type}`).toBe(true);
    const pod = step.select ?? def.setup.select;
    for (const [panelId, anchor] of Object.entries(step.highlights)) {
      const panel = def.panels.find((x) => x.id === panelId)!;
      const f = new TraceFollower<MeshTrace>(panel.machine, panel.followsSidecar ? aboutPod : () => true);
      expect(anchorOf(f.update(p.sim.trace, 0, panel.followsSidecar ? pod : '*')), `${panelId} at step ${i + 1}`).toBe(anchor);
    }
  });

  it('keeps traffic flowing while Istiod is down, and every sidecar is stale', () => {
    const p = new Player(def, engine);
    p.goToStep(3);
    const v0 = p.view();
    expect(v0.istiod.up).toBe(false);
    expect(v0.sidecars.every((s) => s.staleSince !== null)).toBe(true);
    p.play();
    for (let k = 0; k < 200; k++) p.advance(10_000);
    expect(p.view().counters.completed).toBeGreaterThan(v0.counters.completed + 20);
  });

  it('resyncs every sidecar after Istiod returns', () => {
    const p = new Player(def, engine);
    p.goToStep(5);
    p.play();
    for (let k = 0; k < 3000 && !p.view().sidecars.every((s) => Object.values(s.status).every((x) => x === 'SYNCED')); k++) p.advance(10_000);
    expect(p.view().sidecars.map((s) => [s.pod, Object.values(s.status).join()])).toEqual(p.view().sidecars.map((s) => [s.pod, 'SYNCED,SYNCED,SYNCED,SYNCED']));
  });

  it('a NACK leaves ERROR on that sidecar with its last good version', () => {
    const p = new Player(def, engine);
    p.goToStep(6);
    const s = p.view().sidecars.find((x) => x.pod === 'payments-v2-a')!;
    const bad = (Object.keys(s.status) as (keyof typeof s.status)[]).find((t) => s.status[t] === 'ERROR');
    expect(bad).toBeDefined();
    expect(s.versions[bad!]).not.toBeNull();
    expect(s.lastError).toBeTruthy();
  });

  it('reaches every step event for other seeds too (the URL may carry any seed)', () => {
    for (const seed of [1, 2, 3, 99]) {
      const p = new Player(def, engine, seed);
      def.steps.forEach((step, i) => {
        p.goToStep(i, seed);
        if (step.waitFor) expect(p.lastWaitHit, `seed ${seed}, step ${i + 1}`).toBe(true);
      });
    }
  });
});
