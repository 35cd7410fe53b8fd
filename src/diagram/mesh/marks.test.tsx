import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { RequestView, SidecarView, XdsMessageView } from '../../engine/mesh/contract';
import { castLayout } from '../layout/castLayout';
import { Legend } from '../parts/Legend';
import { XdsTokens } from './AdsStreams';
import { TRAFFIC_LEGEND, XDS_LEGEND } from './legend';
import { SHAPE_CLASS } from './marks';
import { TrafficLayer } from './TrafficLayer';

const PODS = ['a', 'b', 'c'];
const l = castLayout({ controlPlane: true, rows: [PODS] }, PODS);
const KINDS = ['DiscoveryResponse', 'DiscoveryRequest', 'ACK', 'NACK'] as const;

const msg = (
  id: number,
  kind: XdsMessageView['kind'],
  pod: string,
  sentAt = 0,
): XdsMessageView => ({
  id,
  pod,
  kind,
  direction: kind === 'DiscoveryResponse' ? 'down' : 'up',
  xds: 'RDS',
  versionInfo: `v${id}`,
  nonce: `n${id}`,
  sentAt,
  arriveAt: sentAt + 1000,
});
const sidecars = PODS.map((pod) => ({ pod, service: pod })) as unknown as SidecarView[];
const requests: RequestView[] = [
  { id: 1, from: 'a', to: 'b', sentAt: 0, arriveAt: 100, code: 200 },
  { id: 2, from: 'b', to: 'c', sentAt: 0, arriveAt: 100, code: 503 },
  { id: 3, from: 'c', to: 'a', sentAt: 0, arriveAt: 2000 },
];

/** Every mark the diagram can draw: each kind of message in flight and delivered, each request. */
function drawAll(onPick = vi.fn()) {
  const inFlight = KINDS.map((k, i) => msg(10 + i, k, PODS[i % 3]!, 0));
  const delivered = [msg(1, 'DiscoveryResponse', 'a', -1000)];
  return render(
    <svg>
      <g className="ads">
        <line className="stream up" />
      </g>
      <TrafficLayer l={l} requests={requests} sidecars={sidecars} now={500} />
      <XdsTokens
        l={l}
        messages={inFlight}
        recent={delivered}
        now={500}
        selected="a"
        onPick={onPick}
      />
    </svg>,
  );
}

describe('mesh marks', () => {
  it('draws every legend entry with the element and class the legend shows', () => {
    const { container } = drawAll();
    const { container: legend } = render(<Legend items={[...XDS_LEGEND, ...TRAFFIC_LEGEND]} />);
    const items = legend.querySelectorAll('li');
    expect(items).toHaveLength(XDS_LEGEND.length + TRAFFIC_LEGEND.length);
    for (const li of items) {
      const shape = li.querySelector('[data-shape]')?.getAttribute('data-shape');
      expect(shape, li.textContent ?? '').toBeTruthy();
      const icon = li.querySelector(`svg .${shape}`);
      const drawn = container.querySelector(`.${shape}`);
      expect(drawn, `diagram draws .${shape} (${li.textContent})`).not.toBeNull();
      expect(drawn!.tagName).toBe(icon!.tagName);
    }
  });

  it('never gives a config message the shape of a request', () => {
    const { container } = drawAll();
    const shape = (kind: string) =>
      container.querySelector(`[data-testid="xds-token"][data-kind="${kind}"] .xds-shape`)!;
    expect(shape('DiscoveryRequest').tagName).toBe('polygon');
    expect(container.querySelector('.req-dot')!.tagName).toBe('circle');
    expect(shape('ACK').classList).toContain(SHAPE_CLASS.ACK);
    expect(shape('ACK').tagName).toBe('g');
    expect(container.querySelector('.req-ok')!.tagName).toBe('path');
    const classes = new Set(KINDS.map((k) => shape(k).getAttribute('class')));
    expect(classes.size).toBe(4);
    for (const c of classes) expect(c).not.toMatch(/req-/);
  });

  it('tokens are buttons named by kind, type, sidecar, version_info and nonce; a press picks', () => {
    const onPick = vi.fn();
    drawAll(onPick);
    const ack = screen.getByRole('button', {
      name: /^ACK RDS, c to Istiod, version_info v12, nonce n12\./,
    });
    fireEvent.pointerDown(ack, { button: 0 });
    expect(onPick).toHaveBeenLastCalledWith(expect.objectContaining({ id: 12, kind: 'ACK' }));
    fireEvent.keyDown(screen.getByRole('button', { name: /^NACK RDS, a to Istiod/ }), {
      key: 'Enter',
    });
    expect(onPick).toHaveBeenLastCalledWith(expect.objectContaining({ id: 13 }));
    // A delivered message is drawn at its end, not as a button.
    expect(screen.getAllByRole('button')).toHaveLength(KINDS.length);
    expect(screen.getByTestId('xds-token-delivered')).toHaveAttribute(
      'data-kind',
      'DiscoveryResponse',
    );
  });
});
