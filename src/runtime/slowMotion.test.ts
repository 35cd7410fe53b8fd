import { describe, expect, it } from 'vitest';
import { xdsInFlight } from '../engine/mesh/views';
import type { MeshSim } from '../engine/mesh/types';
import { meshTestScene } from '../test/meshScene';
import { Player, SLOW_MOTION_WALL_MS } from './player';

/** Plays `wallMs` of wall time in 16 ms frames at `speed`× and counts the frames each xDS message is seen in flight. */
function play(slowMotion: boolean, speed: number, wallMs: number) {
  const p = new Player(meshTestScene);
  p.slowMotion = slowMotion;
  p.play();
  const seen = new Map<number, number>();
  let slowedFrames = 0;
  for (let t = 0; t < wallMs; t += 16) {
    p.advance(16_000 * speed, 16);
    if (p.slowed) slowedFrames++;
    for (const m of xdsInFlight(p.sim as MeshSim))
      if (m.sentAt <= p.sim.now && p.sim.now < m.arriveAt)
        seen.set(m.id, (seen.get(m.id) ?? 0) + 1);
  }
  return { p, seen, slowedFrames };
}

describe('protocol slow motion', () => {
  it('shows every xDS message of the start-up push travelling for about half a second of wall time, even at 100×', () => {
    const { seen, slowedFrames } = play(true, 100, 20_000);
    expect(seen.size).toBeGreaterThan(30);
    const frames = [...seen.values()].sort((a, b) => a - b);
    // Each message is on screen for most of SLOW_MOTION_WALL_MS (frames of 16 ms).
    expect(frames[0]).toBeGreaterThanOrEqual(Math.floor((0.6 * SLOW_MOTION_WALL_MS) / 16));
    expect(slowedFrames).toBeGreaterThan(0);
  });

  it('without it, at 100× a message is almost never seen in flight', () => {
    const { seen } = play(false, 100, 2_000);
    expect(seen.size).toBeLessThan(5);
  });

  it('changes only the pace, never the run: the same events happen in the same order', () => {
    const a = play(true, 100, 6_000).p;
    const b = new Player(meshTestScene);
    b.sim.advanceTo(a.sim.now);
    expect(a.sim.stateHash()).toBe(b.sim.stateHash());
  });
});
