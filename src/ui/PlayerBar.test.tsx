import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { KEYS } from '../runtime/keys';
import { createRuntime } from '../app/createRuntime';
import { SceneShell } from '../app/SceneShell';
import { readSceneParams } from '../app/urlState';
import { renderTestScene } from '../test/renderScene';
import { testModule } from '../test/testScene';
import type { FakeSim } from '../test/fakeModel';
import { simOf } from '../runtime/context';

describe('the scene player', () => {
  it('plays and pauses with the button and with Space', async () => {
    const { rt } = renderTestScene();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /play/i }));
    expect(rt.player.playing).toBe(true);
    expect(screen.getByRole('button', { name: /pause/i })).toBeInTheDocument();
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(rt.player.playing).toBe(false);
  });

  it('steps the narrative forward and back; the live region announces the caption', async () => {
    const { rt } = renderTestScene();
    const caption = screen.getByTestId('step-caption');
    expect(caption).toHaveAttribute('aria-live', 'polite');
    expect(caption).toHaveTextContent('First ACK.');
    await userEvent.click(screen.getByRole('button', { name: 'Step ▶' }));
    expect(caption).toHaveTextContent('Stop the server.');
    act(() => {
      for (let i = 0; i < 200 && rt.player.playing; i++) rt.player.advance(1_000);
    });
    expect(rt.player.playing).toBe(false);
    fireEvent.keyDown(document.body, { key: 'ArrowLeft' });
    expect(caption).toHaveTextContent('First ACK.');
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(screen.getByLabelText('Narrative step')).toHaveTextContent('2 / 3');
  });

  it('steps single engine events and changes speed with + and −', () => {
    const { rt } = renderTestScene();
    const n = rt.player.sim.processed;
    fireEvent.click(screen.getByRole('button', { name: 'One engine event forward' }));
    expect(rt.player.sim.processed).toBe(n + 1);
    fireEvent.click(screen.getByRole('button', { name: 'One engine event back' }));
    expect(rt.player.sim.processed).toBe(n);
    fireEvent.keyDown(document.body, { key: '+' });
    expect(rt.ui.getState().speed).toBe(2);
    fireEvent.keyDown(document.body, { key: '-' });
    fireEvent.keyDown(document.body, { key: '-' });
    expect(rt.ui.getState().speed).toBe(0.5);
    expect(screen.getByLabelText('Speed')).toHaveValue('0.5');
  });

  it('shows every key in the ? overlay, the scene’s own keys too', () => {
    renderTestScene();
    fireEvent.keyDown(document.body, { key: '?' });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const k of KEYS) expect(within(dialog).getByText(k.label)).toBeInTheDocument();
    expect(within(dialog).getByText('Stop the server / start the server')).toBeInTheDocument();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('runs a scene’s toggle from Try this and with the key the scene declares', async () => {
    const { rt } = renderTestScene();
    const up = () => simOf<FakeSim>(rt.player).state.up;
    await userEvent.click(screen.getByTestId('try-server'));
    expect(up()).toBe(false);
    expect(screen.getByTestId('try-server')).toHaveTextContent('Start the server');
    fireEvent.keyDown(document.body, { key: 'k' });
    expect(up()).toBe(true);
  });

  it('applies a per-actor button to the selected actor', async () => {
    const { rt } = renderTestScene('client=gamma');
    await userEvent.click(screen.getByRole('button', { name: /Break this client.*gamma/ }));
    expect(rt.player.sim.inputLog.at(-1)?.command).toEqual({
      kind: 'client.break',
      client: 'gamma',
    });
  });

  it('restores a toggle and the selection from the URL, and refuses an unknown actor', () => {
    const { rt } = renderTestScene('server=down&client=beta');
    expect(simOf<FakeSim>(rt.player).state.up).toBe(false);
    expect(rt.ui.getState().selected).toBe('beta');
    renderTestScene('client=delta', 'other');
    expect(screen.getAllByTestId('notice').at(-1)).toHaveTextContent('not a client of this scene');
  });

  it('restores the step from the URL and reports invalid parameters', () => {
    const { rt } = renderTestScene('step=3&speed=7&seed=abc&bogus=1');
    expect(rt.player.stepIndex).toBe(2);
    expect(rt.ui.getState().speed).toBe(1);
    const notice = screen.getByTestId('notice');
    expect(notice).toHaveTextContent('speed="7"');
    expect(notice).toHaveTextContent('seed="abc"');
    expect(notice).toHaveTextContent('Unknown parameter "bogus"');
  });

  it('scrubs exactly: the timeline seeks the engine, and coming back restores the same state', () => {
    const { rt } = renderTestScene('step=3');
    act(() => {
      rt.player.play();
      rt.player.advance(30_000);
      rt.player.pause();
    });
    const t1 = rt.player.sim.now;
    const hash = rt.player.sim.stateHash();
    fireEvent.change(screen.getByLabelText('Timeline'), { target: { value: '20000' } });
    expect(rt.player.sim.now).toBe(20_000);
    act(() => rt.player.seek(t1));
    expect(rt.player.sim.stateHash()).toBe(hash);
  });

  it('offers hours per second as the speed unit of long scenes', () => {
    const hours = {
      ...testModule,
      def: {
        ...testModule.def,
        setup: { ...testModule.def.setup, timeScale: 'hours' as const, speed: 1 },
      },
    };
    const { params } = readSceneParams(new URLSearchParams(''), hours.def);
    const rt = createRuntime(hours.def, params, [], 'h');
    render(<SceneShell rt={rt} mod={hours} embed={false} />);
    const speed = screen.getAllByLabelText('Speed').at(-1)!;
    expect(within(speed).getByRole('option', { name: '1 h/s' })).toBeInTheDocument();
    expect(within(speed).getByRole('option', { name: '8 h/s' })).toBeInTheDocument();
  });
});
