import { describe, expect, it } from 'vitest';
import { defineScene } from '../scene/types';
import { testScene } from '../test/testScene';
import { Player } from './player';

/** The toy scene with a question on step 2, answered from the server's state. */
const scene = defineScene(testScene.model)({
  ...testScene,
  steps: testScene.steps.map((s, i) =>
    i === 1
      ? {
          ...s,
          predict: {
            question: 'Down?',
            choices: [
              { id: 'down', label: 'Down' },
              { id: 'up', label: 'Up' },
            ],
            answer: (sim) => (sim.state.up ? 'up' : 'down'),
            evidence: 'The server.',
          },
        }
      : s,
  ),
});

describe('the player reads each prediction’s answer when its step completes', () => {
  it('played or headless, the same answer; none before the step completes; cleared on rebuild', () => {
    const p = new Player(scene, 7);
    p.goToStep(0);
    expect(p.answers.has(1)).toBe(false);
    p.next();
    expect(p.waiting).toBe(true);
    expect(p.answers.has(1)).toBe(false);
    for (let i = 0; i < 500 && p.playing; i++) p.advance(1_000);
    expect(p.answers.get(1)).toBe('down');
    const q = new Player(scene, 7);
    q.goToStep(1);
    expect(q.answers.get(1)).toBe('down');
    q.goToStep(0);
    expect(q.answers.size).toBe(0);
  });

  it('adds no command: the run is the same with and without the question', () => {
    const a = new Player(scene, 7);
    const b = new Player(testScene, 7);
    a.goToStep(2);
    b.goToStep(2);
    expect(a.sim.trace.digest()).toBe(b.sim.trace.digest());
  });
});
