import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../engine/core/sceneModel';
import { eraseScene, type SceneModule } from '../../scene/types';
import type { FakeSim } from '../../test/fakeModel';
import { renderTestScene } from '../../test/renderScene';
import { testScene } from '../../test/testScene';
import { CompareTable } from './CompareTable';
import { diffCounts, diffSummaries } from './diff';

const a: RunSummary = {
  sections: [
    {
      id: 'requests',
      title: 'Requests',
      note: 'Finished requests.',
      rows: [
        { key: 'ok', label: 'OK', value: '120' },
        { key: 'failed', label: 'Failed', value: '0' },
      ],
    },
    {
      id: 'status',
      title: 'proxy-status',
      rows: [{ key: 'web-1', label: 'web-1', value: 'all SYNCED' }],
    },
  ],
};
const b: RunSummary = {
  sections: [
    {
      id: 'requests',
      title: 'Requests',
      rows: [
        { key: 'ok', label: 'OK', value: '120' },
        { key: 'failed', label: 'Failed', value: '7' },
      ],
    },
    {
      id: 'status',
      title: 'proxy-status',
      rows: [{ key: 'error', label: 'istioctl', value: 'Error: no running Istio pods' }],
    },
  ],
};

describe('diffSummaries', () => {
  it('matches rows by section and key; a row one run lacks differs', () => {
    const d = diffSummaries(a, b);
    expect(d.map((s) => s.rows.map((r) => [r.key, r.a, r.b, r.differs]))).toEqual([
      [
        ['ok', '120', '120', false],
        ['failed', '0', '7', true],
      ],
      [
        ['web-1', 'all SYNCED', null, true],
        ['error', null, 'Error: no running Istio pods', true],
      ],
    ]);
    expect(diffCounts(d)).toEqual({ rows: 4, differ: 3 });
  });
});

describe('CompareTable', () => {
  it('marks the rows that differ in words, not colour alone, and filters them', async () => {
    const user = userEvent.setup();
    render(
      <CompareTable
        sections={diffSummaries(a, b)}
        labelA="This run"
        labelB="Run 1"
        at="12.000 s"
      />,
    );
    const table = screen.getByRole('table', {
      name: 'This run and Run 1 at 12.000 s: 3 of 4 rows differ',
    });
    // Only the differing rows at first.
    let rows = within(table)
      .getAllByRole('row')
      .filter((r) => r.dataset.differs);
    expect(rows.map((r) => r.dataset.differs)).toEqual(['true', 'true', 'true']);
    expect(within(rows[0] as HTMLElement).getByText('differs')).toBeInTheDocument();
    expect(within(rows[0] as HTMLElement).getByText('≠')).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText('not in this run')).toBeInTheDocument();
    // All of them, the same ones said to be the same.
    await user.click(screen.getByRole('checkbox', { name: 'Only the rows that differ (3 of 4)' }));
    rows = within(table)
      .getAllByRole('row')
      .filter((r) => r.dataset.differs);
    expect(rows).toHaveLength(4);
    const same = rows.find((r) => r.dataset.differs === 'false') as HTMLElement;
    expect(within(same).getByRole('rowheader', { name: 'OK' })).toBeInTheDocument();
    expect(within(same).getByText('same')).toBeInTheDocument();
    // The section headers and their notes.
    expect(
      within(table).getByRole('columnheader', { name: /Requests\s*Finished requests\./ }),
    ).toBeInTheDocument();
    // A scrolling region the keyboard can reach.
    expect(screen.getByRole('region', { name: /This run and Run 1/ })).toHaveAttribute(
      'tabindex',
      '0',
    );
  });
});

/** The toy scene, its model given a summary: which client is broken, and the server's version. */
const toy = eraseScene(testScene);
const withSummary: SceneModule = {
  def: {
    ...toy,
    model: {
      ...toy.model,
      summary: (sim) => {
        const s = (sim as unknown as FakeSim).state;
        return {
          sections: [
            {
              id: 'server',
              title: 'Server',
              rows: [
                { key: 'broken', label: 'Broken client', value: s.broken ?? 'none' },
                { key: 'version', label: 'Version', value: String(s.version) },
                { key: 'ticks', label: 'Ticks', value: String(s.ticks) },
              ],
            },
          ],
        };
      },
    },
  },
  View: () => null,
};

describe('ComparePanel on a scene page', () => {
  it('replays two runs to the same time and shows where they differ', async () => {
    const user = userEvent.setup();
    const { rt } = renderTestScene('step=2', 'cmp', withSummary);
    // A run with the learner's change, then back a step: two runs.
    act(() => rt.player.command({ kind: 'client.break', client: 'beta' }));
    act(() => rt.player.sim.advanceTo(rt.player.sim.now + 300_000));
    act(() => rt.player.prev());
    // The run on screen goes on past the kept run's end: they are compared at that end.
    act(() => rt.player.seek(rt.player.sim.now + 400_000));
    await user.click(screen.getByText('Compare two runs side by side'));
    expect(screen.getByRole('combobox', { name: 'First' })).toHaveValue('current');
    expect(screen.getByRole('combobox', { name: 'Second' })).toHaveValue('1');
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    const table = await screen.findByRole('table', {
      name: /^This run and Run 1 at .*: \d+ of \d+ rows differ$/,
    });
    const broken = within(table).getByRole('rowheader', { name: 'Broken client' }).closest('tr');
    expect(broken).toHaveAttribute('data-differs', 'true');
    expect(broken).toHaveTextContent('≠differsBroken clientnonebeta');
    await waitFor(() =>
      expect(screen.getByText(/^Replayed both runs to .* in \d+ ms\.$/)).toBeInTheDocument(),
    );
  });
});
