import { describe, expect, it } from 'vitest';
import { testScene } from '../test/testScene';
import { Simulation } from '../engine/core/simulation';
import { fakeModel, type FakeCommand, type FakeSim } from '../test/fakeModel';
import { Player } from './player';

const make = () => new Player(testScene, 7);

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
    expect(last).toMatchObject({ type: 'nack', client: 'beta' });
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

  it('waits for an entry and, with `until`, for a condition on the simulation after it', () => {
    const allAcked = (sim: FakeSim) =>
      ['alpha', 'beta', 'gamma'].every((c) => sim.state.acked[c] === 1);
    const def = {
      ...testScene,
      steps: [
        { caption: 'all', highlights: {}, waitFor: { type: 'ack' as const, until: allAcked } },
        ...testScene.steps.slice(1),
      ],
    };
    const p = new Player(def, 7);
    p.goToStep(0);
    expect(p.lastWaitHit).toBe(true);
    expect(allAcked(p.sim)).toBe(true);
    expect(p.sim.trace.recent(1)[0]).toMatchObject({ type: 'ack', client: 'gamma' });
  });

  it('applies the setup’s commands at t = 0, before the first step', () => {
    const p = new Player(
      { ...testScene, setup: { ...testScene.setup, commands: [{ kind: 'server.stop' }] } },
      7,
    );
    expect(p.sim.inputLog[0]).toMatchObject({ at: 0, after: 0, command: { kind: 'server.stop' } });
    expect(p.sim.state.up).toBe(false);
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

describe('runs are never lost', () => {
  it('acting in the past forks: the run it leaves is kept and reopens exactly where it ended', () => {
    const p = make();
    p.goToStep(0);
    p.play();
    p.advance(20_000);
    p.command({ kind: 'client.break', client: 'alpha' });
    p.advance(30_000);
    const end = p.sim.now;
    const hash = p.sim.stateHash();
    p.seek(5_000);
    p.command({ kind: 'server.stop' });
    expect(p.runs.list).toHaveLength(1);
    expect(p.runs.list[0]).toMatchObject({ end, changes: 1 });
    p.switchRun(p.runs.list[0]!.id);
    expect(p.sim.now).toBe(end);
    expect(p.sim.stateHash()).toBe(hash);
    // The forked run took its place in the list.
    expect(p.runs.list).toHaveLength(1);
    expect(p.runs.list[0]!.log.at(-1)?.command).toEqual({ kind: 'server.stop' });
  });

  it('“◀ Step” after the learner acted keeps that run', () => {
    const p = make();
    p.goToStep(1);
    p.command({ kind: 'client.break', client: 'gamma' });
    p.prev();
    expect(p.stepIndex).toBe(0);
    expect(p.runs.list).toHaveLength(1);
    expect(p.runs.list[0]!.step).toBe(1);
  });
});

describe('a command the model refuses', () => {
  // The toy model, except that breaking client "zeta" throws half-way through the handler.
  const throwing: typeof fakeModel = {
    ...fakeModel,
    create: (o) => {
      const { def, options } = fakeModel.create(o);
      return new Simulation(
        {
          ...def,
          applyCommand(sim, c) {
            if (c.kind === 'client.break' && c.client === 'zeta') {
              sim.state.up = false;
              throw new Error('no client zeta');
            }
            def.applyCommand(sim, c);
          },
        },
        options,
      );
    },
  };
  const scene = { ...testScene, model: throwing };
  const bad: FakeCommand = { kind: 'client.break', client: 'zeta' };

  it('changes nothing, is not recorded, and is reported in words', () => {
    const p = new Player(scene, 7);
    const told: string[] = [];
    p.onRefused = (t) => told.push(t);
    p.goToStep(1);
    p.command({ kind: 'client.break', client: 'alpha' });
    const hash = p.sim.stateHash();
    const log = JSON.stringify(p.sim.inputLog);
    p.command(bad);
    expect(p.sim.stateHash()).toBe(hash);
    expect(JSON.stringify(p.sim.inputLog)).toBe(log);
    expect(p.learnerChanges).toBe(1);
    expect(p.refused).toMatch(
      /^Not applied: “client\.break” failed in the model \(no client zeta\)/,
    );
    expect(told).toEqual([p.refused]);
    // Seeks across that point still work, and a later command clears the notice state.
    p.play();
    p.advance(30_000);
    const t = p.sim.now;
    const later = p.sim.stateHash();
    p.seek(0);
    p.seek(t);
    expect(p.sim.stateHash()).toBe(later);
    p.command({ kind: 'server.start' });
    expect(p.refused).toBeNull();
  });

  it('refused in the past, it neither forks nor drops the recorded future', () => {
    const p = new Player(scene, 7);
    p.goToStep(0);
    p.play();
    p.advance(20_000);
    p.command({ kind: 'client.break', client: 'alpha' });
    p.advance(30_000);
    const end = p.sim.now;
    const hash = p.sim.stateHash();
    p.seek(5_000);
    p.command(bad);
    expect(p.runs.list).toHaveLength(0);
    expect(p.sim.inputLog).toHaveLength(1);
    p.seek(end);
    expect(p.sim.stateHash()).toBe(hash);
  });
});
