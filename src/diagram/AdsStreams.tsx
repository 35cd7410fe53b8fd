import type { SidecarView, XdsMessageView } from '../engine/mesh/contract';
import { along, type MeshLayout } from './layout/meshLayout';

interface Props {
  l: MeshLayout;
  sidecars: SidecarView[];
  messages: XdsMessageView[];
  now: number;
  onPick: (msg: XdsMessageView) => void;
}

const SHORT: Record<XdsMessageView['kind'], string> = {
  DiscoveryResponse: 'response',
  DiscoveryRequest: 'request',
  ACK: 'ACK',
  NACK: 'NACK',
};

/** One ADS stream per sidecar; tokens ride it, placed by interpolating sentAt → arriveAt. */
export function AdsStreams({ l, sidecars, messages, now, onPick }: Props) {
  return (
    <g className="ads">
      {sidecars.map((s) => {
        const st = l.streams[s.pod];
        if (!st) return null;
        return (
          <line
            key={s.pod}
            x1={st.from.x}
            y1={st.from.y}
            x2={st.to.x}
            y2={st.to.y}
            className={s.connected ? 'stream up' : 'stream down'}
          />
        );
      })}
      {messages.map((msg) => {
        const st = l.streams[msg.pod];
        if (!st) return null;
        const [a, b] = msg.direction === 'down' ? [st.from, st.to] : [st.to, st.from];
        const p = along(a, b, msg.sentAt, msg.arriveAt, now);
        const label = `${msg.kind} ${msg.xds} ${msg.direction === 'down' ? 'to' : 'from'} ${msg.pod}, version_info ${msg.versionInfo || '(empty)'}, nonce ${msg.nonce || '(empty)'}${msg.errorDetail ? `, error_detail: ${msg.errorDetail}` : ''}`;
        return (
          <g
            key={msg.id}
            transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`}
            className={`token ${msg.kind.toLowerCase()}`}
            role="button"
            tabIndex={0}
            aria-label={`${label}. Show the line that sent it.`}
            data-testid="xds-token"
            data-kind={msg.kind}
            onClick={() => onPick(msg)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onPick(msg);
              }
            }}
          >
            <Token kind={msg.kind} />
            <text x={10} y={4} className="token-label">
              {msg.xds} {SHORT[msg.kind]}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Shapes differ by kind (not only by colour): square response, circle request, ✓ ACK, ✗ NACK. */
function Token({ kind }: { kind: XdsMessageView['kind'] }) {
  if (kind === 'DiscoveryResponse') return <rect x={-6} y={-6} width={12} height={12} rx={2} />;
  if (kind === 'DiscoveryRequest') return <circle r={6} />;
  if (kind === 'ACK')
    return (
      <g>
        <circle r={7} />
        <path d="M-3.5 0 L-1 3 L4 -3" className="glyph" />
      </g>
    );
  return (
    <g>
      <polygon points="0,-8 8,6 -8,6" />
      <path d="M-3 -1 L3 4 M3 -1 L-3 4" className="glyph" />
    </g>
  );
}
