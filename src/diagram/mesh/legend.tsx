import type { LegendItem } from '../parts/Legend';
import { RequestDot, RequestFailed, RequestOk, SHAPE_CLASS, XdsShape, type XdsKind } from './marks';

/**
 * Legend entries for the mesh's marks (a scene picks the ones its diagram draws). Each icon is
 * the diagram's own mark (marks.tsx), and names its shape class in `data-shape`, so a test can
 * check that every entry matches something the diagram draws.
 */
const xds = (kind: XdsKind) => (
  <g transform="translate(8.5 8) scale(0.8)" data-shape={SHAPE_CLASS[kind]}>
    <XdsShape kind={kind} />
  </g>
);

/** Config messages on the ADS streams, and the streams themselves. */
export const XDS_LEGEND: LegendItem[] = [
  { label: 'DiscoveryResponse (Istiod → sidecar)', icon: xds('DiscoveryResponse') },
  { label: 'DiscoveryRequest (subscribe)', icon: xds('DiscoveryRequest') },
  { label: 'ACK (applied)', icon: xds('ACK') },
  { label: 'NACK (rejected)', icon: xds('NACK') },
  {
    label: 'faded at a line’s end: just delivered',
    icon: (
      <g data-shape="xds-delivered">
        <line x1={8} y1={0} x2={8} y2={9} className="stream up" />
        <g className="xds-delivered" transform="translate(8 9.5) scale(0.6)" opacity={0.5}>
          <XdsShape kind="DiscoveryResponse" />
        </g>
        <rect x={1} y={14} width={14} height={2} className="legend-card" />
      </g>
    ),
  },
  {
    label: 'ADS stream (dotted: disconnected)',
    icon: (
      <g data-shape={SHAPE_CLASS.stream}>
        <line x1={1} y1={5} x2={15} y2={5} className="stream up" />
        <line x1={1} y1={11} x2={15} y2={11} className="stream down" />
      </g>
    ),
  },
];

/** Request traffic under the sidecars. */
export const TRAFFIC_LEGEND: LegendItem[] = [
  {
    label: 'request in flight',
    icon: (
      <g data-shape={SHAPE_CLASS.requestDot}>
        <RequestDot x={8} y={8} />
      </g>
    ),
  },
  {
    label: 'requests ok (at the callee)',
    icon: (
      <g data-shape={SHAPE_CLASS.requestOk}>
        <RequestOk x={8} y={7} />
      </g>
    ),
  },
  {
    label: 'requests failed',
    icon: (
      <g data-shape={SHAPE_CLASS.requestFailed}>
        <RequestFailed x={8} y={3.5} />
      </g>
    ),
  },
  {
    label: 'last second’s requests (thicker: more)',
    icon: (
      <g data-shape={SHAPE_CLASS.requestArc}>
        <path d="M1 4 Q8 18 15 4" className="req-path" strokeWidth={2} />
      </g>
    ),
  },
];
