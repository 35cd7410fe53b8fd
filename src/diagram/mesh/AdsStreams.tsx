import { memo } from 'react';
import type { SidecarView, XdsMessageView } from '../../engine/mesh/contract';
import {
  along,
  fadeAge,
  fadeLevel,
  TRAIL_US,
  type CastLayout,
  type Point,
} from '../layout/castLayout';

interface Props {
  l: CastLayout;
  messages: XdsMessageView[];
  /** Recently delivered messages (drawn fading at the end they reached). */
  recent: XdsMessageView[];
  now: number;
  /** Tokens are labelled only on the selected sidecar's stream (NACKs always): less clutter. */
  selected: string;
  onPick: (msg: XdsMessageView) => void;
}

const SHORT: Record<XdsMessageView['kind'], string> = {
  DiscoveryResponse: 'response',
  DiscoveryRequest: 'request',
  ACK: 'ACK',
  NACK: 'NACK',
};

/** One ADS stream per sidecar: solid while connected, dotted while down. */
export const StreamLines = memo(
  function StreamLines({ l, up }: { l: CastLayout; up: [pod: string, connected: boolean][] }) {
    return (
      <g className="ads">
        {up.map(([pod, connected]) => {
          const st = l.streams[pod];
          if (!st) return null;
          return (
            <line
              key={pod}
              x1={st.from.x}
              y1={st.from.y}
              x2={st.to.x}
              y2={st.to.y}
              className={connected ? 'stream up' : 'stream down'}
            />
          );
        })}
      </g>
    );
  },
  (a, b) => a.l === b.l && a.up.join() === b.up.join(),
);

export const streamState = (sidecars: SidecarView[]): [string, boolean][] =>
  sidecars.map((s) => [s.pod, s.connected]);

/** Tokens on the ADS streams, placed by interpolating sentAt → arriveAt (RaftScope's way). */
export function XdsTokens({ l, messages, recent, now, selected, onPick }: Props) {
  const latest = new Map<string, XdsMessageView>();
  for (const m of recent) {
    const age = fadeAge(now, m.arriveAt);
    if (now >= m.arriveAt && age <= TRAIL_US) latest.set(`${m.pod}|${m.direction}`, m);
  }
  return (
    <g className="ads-tokens">
      {[...latest.values()].map((msg) => {
        const st = l.streams[msg.pod];
        if (!st) return null;
        const [a, b] = msg.direction === 'down' ? [st.from, st.to] : [st.to, st.from];
        const p = along(a, b, 0, 100, msg.direction === 'down' ? 82 : 55);
        const fade = fadeLevel(1 - fadeAge(now, msg.arriveAt) / TRAIL_US);
        return (
          <TokenG
            key={`r${msg.id}`}
            msg={msg}
            p={p}
            opacity={0.2 + 0.6 * fade}
            delivered
            labelled={msg.pod === selected}
            onPick={onPick}
          />
        );
      })}
      {messages.map((msg) => {
        const st = l.streams[msg.pod];
        if (!st || msg.sentAt > now) return null;
        const [a, b] = msg.direction === 'down' ? [st.from, st.to] : [st.to, st.from];
        return (
          <TokenG
            key={msg.id}
            msg={msg}
            p={along(a, b, msg.sentAt, msg.arriveAt, now)}
            opacity={1}
            delivered={false}
            labelled={msg.pod === selected || msg.kind === 'NACK'}
            onPick={onPick}
          />
        );
      })}
    </g>
  );
}

interface TokenProps {
  msg: XdsMessageView;
  p: Point;
  opacity: number;
  delivered: boolean;
  labelled: boolean;
  onPick: (m: XdsMessageView) => void;
}

function TokenG({ msg, p, opacity, delivered, labelled, onPick }: TokenProps) {
  const label = `${delivered ? 'Delivered' : 'In flight'}: ${msg.kind} ${msg.xds} ${msg.direction === 'down' ? 'to' : 'from'} ${msg.pod}, version_info ${msg.versionInfo || '(empty)'}, nonce ${msg.nonce || '(empty)'}${msg.errorDetail ? `, error_detail: ${msg.errorDetail.slice(0, 80)}` : ''}`;
  return (
    <g
      transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`}
      opacity={opacity.toFixed(2)}
      className={`token ${msg.kind.toLowerCase()}`}
      role="button"
      tabIndex={0}
      aria-label={`${label}. Show the line that sent it.`}
      data-testid={delivered ? 'xds-token-delivered' : 'xds-token'}
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
      {labelled && (
        <text x={10} y={4} className="token-label">
          {msg.xds} {SHORT[msg.kind]}
        </text>
      )}
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
