import type { LegendItem } from '../parts/Legend';

/** Legend entries for the mesh's marks (a scene picks the ones its diagram draws). */
export const XDS_LEGEND: LegendItem[] = [
  {
    label: 'DiscoveryResponse (Istiod → sidecar)',
    icon: <rect x={3} y={3} width={10} height={10} rx={2} className="token discoveryresponse" />,
  },
  {
    label: 'DiscoveryRequest',
    icon: <circle cx={8} cy={8} r={5} className="token discoveryrequest" />,
  },
  {
    label: 'ACK',
    icon: (
      <g className="token ack">
        <circle cx={8} cy={8} r={6} />
        <path d="M4.5 8 L7 11 L12 5" className="glyph" />
      </g>
    ),
  },
  {
    label: 'NACK',
    icon: (
      <g className="token nack">
        <polygon points="8,1 15,14 1,14" />
        <path d="M5.5 7 L10.5 12 M10.5 7 L5.5 12" className="glyph" />
      </g>
    ),
  },
];

export const TRAFFIC_LEGEND: LegendItem[] = [
  { label: 'request in flight', icon: <circle cx={8} cy={8} r={4} className="req-dot" /> },
  { label: 'request ok', icon: <path d="M3 9 l3 3 l7 -8" className="req-ok" /> },
  { label: 'request failed', icon: <path d="M3 3 l10 10 m0 -10 l-10 10" className="req-fail" /> },
];
