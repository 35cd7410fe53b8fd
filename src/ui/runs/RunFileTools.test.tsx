import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderTestScene } from '../../test/renderScene';

const upload = (text: string, name = 'run.json') =>
  fireEvent.change(screen.getByTestId('run-file-input'), {
    target: { files: [new File([text], name, { type: 'application/json' })] },
  });

afterEach(() => vi.restoreAllMocks());

describe('RunFileTools', () => {
  it('downloads the run on screen as a file, and opening that file says it reopened exactly', async () => {
    const user = userEvent.setup();
    let saved: Blob | null = null;
    URL.createObjectURL = vi.fn((b: Blob) => {
      saved = b;
      return 'blob:run';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { rt } = renderTestScene('step=2', 'files');
    act(() => rt.player.command({ kind: 'client.break', client: 'gamma' }));
    await user.click(screen.getByRole('button', { name: 'Download run' }));
    expect(click).toHaveBeenCalledOnce();
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toMatch(
      /^scene-99-run-\d+\.\d{3}s\.json$/,
    );
    expect(screen.getByTestId('runfile-message')).toHaveTextContent(
      /^✓ Saved scene-99-run-.*, 1 change of yours\.$/,
    );
    const text = await (saved as unknown as Blob).text();
    const hash = rt.player.sim.stateHash();
    act(() => rt.player.reset());
    upload(text);
    await waitFor(() =>
      expect(screen.getByTestId('runfile-message')).toHaveTextContent(
        /^✓ Reopened exactly: scene 99 at /,
      ),
    );
    expect(rt.player.sim.stateHash()).toBe(hash);
    expect(screen.getByRole('heading', { name: 'Your other runs' })).toBeInTheDocument();
  });

  it('a bad file gives a clear message and changes nothing', async () => {
    const { rt } = renderTestScene('step=2', 'bad');
    const before = rt.player.sim.stateHash();
    upload('not json at all');
    await waitFor(() =>
      expect(screen.getByTestId('runfile-message')).toHaveTextContent(
        '⚠ Not opened: the file is not JSON. Your run is unchanged.',
      ),
    );
    upload('x'.repeat(600 * 1024), 'huge.json');
    await waitFor(() =>
      expect(screen.getByTestId('runfile-message')).toHaveTextContent(
        /^⚠ Not opened: huge\.json is larger than 512 kB/,
      ),
    );
    expect(rt.player.sim.stateHash()).toBe(before);
    expect(rt.player.runs.list).toHaveLength(0);
  });

  it('a file for another scene offers to open it there', async () => {
    const { rt } = renderTestScene('', 'other');
    const file = {
      format: 'mesh-scenes-run',
      version: 1,
      scene: { number: 11, title: 'The control plane' },
    };
    upload(JSON.stringify(file));
    await screen.findByText(/the run is from scene 11 \(The control plane\), not scene 99/);
    const go = screen.getByRole('button', { name: 'Open scene 11 and reopen the run there' });
    fireEvent.click(go);
    expect(location.hash).toBe('#/scene/11');
    expect(JSON.parse(sessionStorage.getItem('mesh-scenes:pending-run') ?? '{}')).toMatchObject({
      scene: 11,
    });
    expect(rt.player.runs.list).toHaveLength(0);
    sessionStorage.clear();
  });
});
