import { describe, expect, it } from 'vitest';
import { testDef } from '../test/testScene';
import { fakeMesh } from '../test/fakeMesh';
import type { SceneDef } from '../../scenes/types';
import type { MeshView } from '../engine/mesh/contract';
import { Player } from './player';

const make = () => new Player(testDef, fakeMesh, 7);

describe('player', () => {
  it('goToStep gives the same state as stepping there by NEXT', () => {
    const a = make();
    a.goToStep(2);
    const b = make();
    b.goToStep(0);
    b.next();
    while (b.playing) b.advance(5_000);
    b.next();
    while (b.playing) b.advance(5_000);
    expect(b.stepIndex).toBe(2);
    expect(b.sim.stateHash()).toBe(a.sim.stateHash());
  });

  it('NEXT plays until the step event, then pauses exactly there', () => {
    const p = make();
    p.goToStep(1);
    p.next();
    expect(p.playing).toBe(true);
    for (let i = 0; i < 1000 && p.playing; i++) p.advance(1_000);
    expect(p.playing).toBe(false);
    const last = p.sim.trace.recent(1)[0];
    expect(last).toMatchObject({ type: 'xds.nack', pod: 'cart-1' });
  });

  it('steps one event back and forward exactly, and seeks exactly', () => {
    const p = make();
    p.goToStep(0);
    const before = p.sim.stateHash();
    const n = p.sim.processed;
    p.stepEvent();
    expect(p.sim.processed).toBe(n + 1);
    p.backEvent();
    expect(p.sim.processed).toBe(n);
    expect(p.sim.stateHash()).toBe(before);
    const t = p.sim.now;
    p.play();
    p.advance(40_000);
    p.seek(t);
    expect(p.sim.now).toBe(t);
  });

  it('notifies subscribers and changes its snapshot when the engine moves', () => {
    const p = make();
    let calls = 0;
    const off = p.subscribe(() => calls++);
    const s0 = p.getSnapshot();
    p.play();
    p.advance(10_000);
    expect(p.getSnapshot()).not.toBe(s0);
    expect(calls).toBeGreaterThan(0);
    off();
  });

  it('waits for an entry and, with `until`, for a condition on the view after it', () => {
    const allRds = (v: MeshView) => v.sidecars.every((x) => x.status.RDS === 'SYNCED');
    const def: SceneDef = {
      ...testDef,
      steps: [{ caption: 'all', highlights: {}, waitFor: { type: 'xds.ack', until: allRds } }, ...testDef.steps.slice(1)],
    };
    const p = new Player(def, fakeMesh, 7);
    p.goToStep(0);
    expect(p.lastWaitHit).toBe(true);
    expect(allRds(p.view())).toBe(true);
    const last = p.sim.trace.recent(1)[0];
    expect(last).toMatchObject({ type: 'xds.ack', xds: 'RDS' });
  });

  it('pressing NEXT twice quickly still reaches the canonical state of the second step', () => {
    const a = make();
    a.goToStep(2);
    const b = make();
    b.goToStep(0);
    b.next();
    b.next();
    while (b.playing) b.advance(5_000);
    expect(b.sim.stateHash()).toBe(a.sim.stateHash());
  });
});
