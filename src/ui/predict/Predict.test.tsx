import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { simOf } from '../../runtime/context';
import { eraseScene, type SceneModule } from '../../scene/types';
import type { FakeSim } from '../../test/fakeModel';
import { renderTestScene } from '../../test/renderScene';
import { testScene } from '../../test/testScene';

/** The toy scene with a question on its second step ("Stop the server."). */
const steps = testScene.steps.map((s, i) =>
  i === 1
    ? {
        ...s,
        predict: {
          question: 'The server stops. Is it down when the step ends?',
          choices: [
            { id: 'down', label: 'Down' },
            { id: 'up', label: 'Up' },
          ],
          answer: (sim: FakeSim) => (sim.state.up ? 'up' : 'down'),
          evidence: 'The server’s state in the diagram.',
        },
      }
    : s,
);
const mod: SceneModule = { def: eraseScene({ ...testScene, steps }), View: () => null };
const render = (query = '') => renderTestScene(query, 'p', mod);
const finish = (rt: ReturnType<typeof render>['rt']) =>
  act(() => {
    for (let i = 0; i < 500 && rt.player.playing; i++) rt.player.advance(1_000);
  });
const serverUp = (rt: ReturnType<typeof render>['rt']) => simOf<FakeSim>(rt.player).state.up;

describe('predict, then observe', () => {
  it('asks before the step runs: its commands wait, and a live region announces the question', () => {
    const { rt } = render();
    expect(rt.player.stepIndex).toBe(0);
    expect(screen.getByText('The server stops. Is it down when the step ends?')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Down' })).toBeVisible();
    expect(serverUp(rt)).toBe(true);
    expect(
      rt.player.sim.inputLog.some((e) => (e.command as { kind: string }).kind === 'server.stop'),
    ).toBe(false);
    const live = screen.getByText(/^Predict before step 2:/);
    expect(live).toHaveAttribute('aria-live', 'polite');
  });

  it('a pick runs the step and plays; once it completes the run’s answer marks it right', async () => {
    const { rt } = render();
    await userEvent.click(screen.getByRole('button', { name: 'Down' }));
    expect(rt.player.stepIndex).toBe(1);
    expect(rt.player.playing).toBe(true);
    expect(screen.getByTestId('predict')).toHaveTextContent('“Down” — watch the run');
    expect(screen.getByTestId('predict')).toHaveFocus();
    finish(rt);
    const card = screen.getByTestId('predict-answer');
    expect(card).toHaveTextContent('The run: Down');
    expect(screen.getByTestId('predict-verdict')).toHaveTextContent('Your prediction was right.');
    expect(card).toHaveTextContent('See it: The server’s state in the diagram.');
    expect(rt.ui.getState().predictions).toEqual({ 1: { picked: 'down', answer: 'down' } });
  });

  it('marks a wrong pick wrong, and names it', async () => {
    const { rt } = render();
    await userEvent.click(screen.getByRole('button', { name: 'Up' }));
    finish(rt);
    expect(screen.getByTestId('predict-verdict')).toHaveTextContent(
      'Not this time: you predicted “Up”.',
    );
    expect(rt.ui.getState().predictions[1]).toEqual({ picked: 'up', answer: 'down' });
  });

  it('the answer follows the run: a learner who restarts the server mid-step sees “Up”', () => {
    const { rt } = render();
    // Synchronous clicks: the step (50 ms of simulated time) is still running when the learner acts.
    fireEvent.click(screen.getByRole('button', { name: 'Down' }));
    fireEvent.click(screen.getByTestId('try-server'));
    expect(rt.player.waiting).toBe(true);
    expect(serverUp(rt)).toBe(true);
    finish(rt);
    expect(screen.getByTestId('predict-answer')).toHaveTextContent('The run: Up');
    expect(rt.ui.getState().predictions[1]).toEqual({ picked: 'down', answer: 'up' });
  });

  it('“Just show me” runs the step without a prediction; “Ask me first” asks again', async () => {
    const { rt } = render();
    await userEvent.click(screen.getByRole('button', { name: /Just show me/ }));
    expect(rt.player.stepIndex).toBe(1);
    finish(rt);
    expect(screen.getByTestId('predict-answer')).toHaveTextContent(
      'You did not predict this step.',
    );
    expect(rt.ui.getState().predictions).toEqual({});
    await userEvent.click(screen.getByRole('button', { name: 'Ask me first' }));
    expect(rt.player.stepIndex).toBe(0);
    expect(screen.getByRole('button', { name: 'Down' })).toBeVisible();
  });

  it('the player’s Next (→) still advances and counts as “just show me”', () => {
    const { rt } = render();
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(rt.player.stepIndex).toBe(1);
    expect(screen.queryByRole('button', { name: 'Down' })).toBeNull();
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(rt.player.stepIndex).toBe(2);
    expect(rt.ui.getState().predictions).toEqual({});
  });

  it('a link to the question’s step shows that step as before, with the run’s answer', () => {
    const { rt } = render('step=2');
    expect(rt.player.stepIndex).toBe(1);
    expect(serverUp(rt)).toBe(false);
    expect(screen.getByTestId('predict-answer')).toHaveTextContent('The run: Down');
    expect(screen.getByTestId('predict-answer')).toHaveTextContent('You did not predict');
  });

  it('a pick from an earlier visit is not shown for a later entry into the step', async () => {
    const { rt } = render();
    await userEvent.click(screen.getByRole('button', { name: 'Down' }));
    finish(rt);
    act(() => rt.player.prev());
    act(() => rt.player.next());
    finish(rt);
    expect(screen.getByTestId('predict-answer')).toHaveTextContent('You did not predict');
  });
});
