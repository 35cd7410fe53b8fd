import type { XdsMessageView } from '../../engine/mesh/contract';

/**
 * The mesh diagram's marks, one component per meaning, shared by the diagram and its legend (so
 * the legend draws exactly what the diagram draws) [1]. Config messages are "envelopes" on the
 * ADS streams; requests are solid dots on the traffic arcs with bare ✓/✗ at the callee. Every
 * mark's shape class (`SHAPE_CLASS`) names its shape, not its colour: no two meanings share one.
 */
export type XdsKind = XdsMessageView['kind'];

/** The shape class of each mark (the e2e and component tests match the legend against these). */
export const SHAPE_CLASS = {
  DiscoveryResponse: 'shape-square',
  DiscoveryRequest: 'shape-diamond',
  ACK: 'shape-envelope-check',
  NACK: 'shape-envelope-cross',
  requestDot: 'req-dot',
  requestOk: 'req-ok',
  requestFailed: 'req-fail',
  requestArc: 'req-path',
  stream: 'stream',
} as const;

/** How far a config mark reaches from its centre (for spacing and hit areas). */
export const XDS_RADIUS = 9;

/**
 * One config message, centred on (0, 0): a filled square (DiscoveryResponse, Istiod → sidecar),
 * an outlined diamond (DiscoveryRequest, a subscription), an envelope with a ✓ badge (ACK) or
 * with a ✗ badge (NACK).
 */
export function XdsShape({ kind }: { kind: XdsKind }) {
  const cls = `xds-shape ${SHAPE_CLASS[kind]}`;
  if (kind === 'DiscoveryResponse')
    return <rect className={cls} x={-6.5} y={-6.5} width={13} height={13} rx={1.5} />;
  if (kind === 'DiscoveryRequest')
    return <polygon className={cls} points="0,-8.5 8.5,0 0,8.5 -8.5,0" />;
  return (
    <g className={cls}>
      <rect className="body" x={-9} y={-6.5} width={16} height={12} rx={1.5} />
      <path className="flap" d="M-9 -6 L-1 0 L7 -6" />
      <circle className="badge" cx={5} cy={3.5} r={5} />
      <path
        className="glyph"
        d={kind === 'ACK' ? 'M2.6 3.6 L4.3 5.5 L7.4 1.6' : 'M3 1.5 L7 5.5 M7 1.5 L3 5.5'}
      />
    </g>
  );
}

/** A request on the wire: a solid dot (never a config shape). */
export const RequestDot = ({ x, y }: { x: number; y: number }) => (
  <circle cx={x} cy={y} r={5} className={SHAPE_CLASS.requestDot} />
);

/** Requests that succeeded, at the callee: a bare tick (no envelope, no badge). */
export const RequestOk = ({ x, y, opacity }: { x: number; y: number; opacity?: number }) => (
  <path d={`M${x - 5},${y + 1} l3.5,4 l7,-8`} className={SHAPE_CLASS.requestOk} opacity={opacity} />
);

/** Requests that failed, at the callee: a bare cross. */
export const RequestFailed = ({ x, y, opacity }: { x: number; y: number; opacity?: number }) => (
  <path
    d={`M${x - 4.5},${y - 3} l9,9 m0,-9 l-9,9`}
    className={SHAPE_CLASS.requestFailed}
    opacity={opacity}
  />
);

// [1] The legend used to redraw each mark by hand and had drifted (the ACK of the legend was not
//     the ACK of the diagram); now both render these components.
