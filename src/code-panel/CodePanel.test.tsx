import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { select } from '../store/uiStore';
import { renderTestScene } from '../test/renderScene';

const activeLine = () => {
  const panel = screen.getByRole('figure', { name: 'Client.loop' });
  return panel.querySelector('[aria-current="true"]');
};

describe('code panel', () => {
  it('shows title, subtitle and numbered lines with the anchors stripped', () => {
    renderTestScene();
    const panel = screen.getByRole('figure', { name: 'Client.loop' });
    expect(within(panel).getByText('one line')).toBeInTheDocument();
    expect(panel.textContent).not.toContain('@anchor');
    expect(panel.querySelectorAll('.line')).toHaveLength(4);
  });

  it('highlights the line its machine is on, following engine trace events', () => {
    const { rt } = renderTestScene();
    expect(activeLine()).toHaveTextContent('stream.send(ack(resp.nonce))');
    act(() => rt.player.goToStep(2));
    expect(activeLine()).toHaveTextContent('stream.send(nack(resp.nonce))');
    expect(screen.getByText('following client beta')).toBeInTheDocument();
  });

  it('follows the actor the learner selects', () => {
    const { rt } = renderTestScene('step=3');
    expect(activeLine()).toHaveTextContent('nack');
    act(() => select(rt.ui, 'alpha'));
    expect(activeLine()).toHaveTextContent('stream.send(ack(resp.nonce))');
  });

  it('scopes DOM ids per scene instance (two scenes on one page share no id)', () => {
    renderTestScene('', 'a');
    renderTestScene('step=2', 'b');
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
    for (const el of document.querySelectorAll('[aria-labelledby]'))
      for (const ref of el.getAttribute('aria-labelledby')!.split(' '))
        expect(document.getElementById(ref)).not.toBeNull();
  });
});
