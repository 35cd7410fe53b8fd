import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PanelDef } from '../scene/types';
import { CodePanel } from './CodePanel';

const panel = {
  id: 'p',
  title: 'Client.loop',
  subtitle: 'one stream',
  source: 'resp = stream.recv()  # @anchor recv\nstream.send(ack(resp.nonce))  # @anchor ack\n',
  follows: 'selected',
  following: () => 'x',
  machine: null,
} as unknown as PanelDef;

const line = (n: number) => screen.getByRole('figure').querySelector(`[data-line="${n}"]`)!;

describe('code panel marks', () => {
  it('shows the pinned mark beside the running one when both are on one line', () => {
    render(<CodePanel panel={panel} active="ack" pinned="ack" idPrefix="t" />);
    const l2 = line(2);
    expect(l2).toHaveClass('active', 'pinned');
    expect(l2.querySelector('.m-active')).toHaveTextContent('▶');
    expect(l2.querySelector('.m-pin')).toHaveTextContent('◆');
    expect(l2).toHaveTextContent('(executing)');
    expect(l2).toHaveTextContent('(sent the selected message)');
    expect(within(screen.getByRole('figure')).getByTestId('marks-key')).toHaveTextContent(
      '▶ runs now · ◆ sent the message you picked (line 2, the line running now too)',
    );
  });

  it('marks each line with its own mark when they differ; no key without a pin', () => {
    const { rerender } = render(
      <CodePanel panel={panel} active="recv" pinned="ack" idPrefix="t" />,
    );
    expect(line(1).querySelector('.m-active')).toHaveTextContent('▶');
    expect(line(1).querySelector('.m-pin')!.textContent).toBe(' ');
    expect(line(2).querySelector('.m-pin')).toHaveTextContent('◆');
    expect(screen.getByTestId('marks-key')).toHaveTextContent('(line 2)');
    rerender(<CodePanel panel={panel} active="recv" idPrefix="t" />);
    expect(screen.queryByTestId('marks-key')).toBeNull();
  });
});
