import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../app/createRuntime';
import { readSceneParams } from '../../app/urlState';
import { SceneContext } from '../../runtime/context';
import { meshTestModule } from '../../test/meshScene';
import { ProxyStatusTable } from '../../ui/mesh/ProxyStatusTable';
import { MeshDiagram } from './MeshDiagram';

function setup() {
  const { params } = readSceneParams(new URLSearchParams(''), meshTestModule.def);
  const rt = createRuntime(meshTestModule.def, params, [], 'd');
  render(
    <SceneContext.Provider value={rt}>
      <MeshDiagram title="Mesh" />
      <ProxyStatusTable />
    </SceneContext.Provider>,
  );
  return rt;
}

describe('mesh diagram', () => {
  it('draws Istiod and eight sidecars, each with a named badge (not colour alone)', () => {
    setup();
    expect(screen.getByTestId('istiod')).toHaveAttribute('data-up', 'true');
    const cards = screen.getAllByRole('button', { name: /sidecar:/ });
    expect(cards).toHaveLength(8);
    expect(screen.getByTestId('sidecar-web-1')).toHaveAttribute('data-badge', 'SYNCED');
    expect(screen.getByTestId('sidecar-web-1')).toHaveTextContent('✓ SYNCED');
  });

  it('shows Istiod down and every sidecar disconnected; proxy-status shows istioctl’s error and the last table', () => {
    const rt = setup();
    act(() => rt.player.command({ kind: 'istiod.kill' }));
    act(() => rt.player.stepEvent());
    expect(screen.getByTestId('istiod')).toHaveAttribute('data-up', 'false');
    expect(screen.getByRole('img', { name: /Istiod down/ })).toBeInTheDocument();
    for (const card of screen.getAllByRole('button', { name: /sidecar:/ }))
      expect(card).toHaveAttribute('data-badge', 'DISCONNECTED');
    expect(screen.getByTestId('istioctl-error')).toHaveTextContent(
      'Error: no running Istio pods in "istio-system"',
    );
    expect(screen.getByText(/The last table Istiod had/)).toBeInTheDocument();
  });

  it('selects a sidecar by clicking its card; the proxy-status row follows', () => {
    const rt = setup();
    act(() =>
      screen
        .getByTestId('sidecar-cart-1')
        .dispatchEvent(new MouseEvent('click', { bubbles: true })),
    );
    expect(rt.ui.getState().selected).toBe('cart-1');
    expect(screen.getByRole('button', { name: 'cart-1.shop' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });
});
