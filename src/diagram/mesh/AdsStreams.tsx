import { memo } from 'react';
import type { SidecarView, XdsMessageView } from '../../engine/mesh/contract';
import { fadeAge, fadeLevel, TRAIL_US, type CastLayout } from '../layout/castLayout';
import { XDS_RADIUS, XdsShape } from './marks';
import { deliveredAt, spreadTokens } from './spread';

interface Props {
  l: CastLayout;
  messages: XdsMessageView[];
  /** Recently delivered messages (each lane's last is drawn fading AT the end it reached). */
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

/**
 * Config messages on the ADS streams. In flight: an envelope placed by interpolating sentAt →
 * arriveAt (RaftScope's way), spread so messages sharing a stream never cover each other
 * (`spreadTokens`), each a focusable button keyed by its message id, so it stays the same DOM
 * node while it travels and can be clicked while the scene plays [1]. Delivered: the last message
 * of each stream and direction is drawn briefly AT the end it reached, fading; it is no longer on
 * the wire, so it is not a button.
 */
export function XdsTokens({ l, messages, recent, now, selected, onPick }: Props) {
  const delivered = new Map<string, XdsMessageView>();
  for (const m of recent) {
    if (now >= m.arriveAt && fadeAge(now, m.arriveAt) <= DELIVERED_US)
      delivered.set(`${m.pod}|${m.direction}`, m);
  }
  return (
    <g className="ads-tokens">
      <g className="delivered-marks" aria-hidden="true">
        {[...delivered.values()].map((msg) => {
          const p = deliveredAt(l, msg);
          if (!p) return null;
          const fade = fadeLevel(1 - fadeAge(now, msg.arriveAt) / DELIVERED_US);
          return (
            <g
              key={`d${msg.id}`}
              transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)}) scale(0.8)`}
              opacity={(0.15 + 0.45 * fade).toFixed(2)}
              className="xds-delivered"
              data-testid="xds-token-delivered"
              data-kind={msg.kind}
              data-pod={msg.pod}
            >
              <XdsShape kind={msg.kind} />
            </g>
          );
        })}
      </g>
      {spreadTokens(l, messages, now).map(({ msg, p, side }) => (
        <Token
          key={msg.id}
          msg={msg}
          x={p.x}
          y={p.y}
          side={side}
          labelled={msg.pod === selected || msg.kind === 'NACK'}
          onPick={onPick}
        />
      ))}
    </g>
  );
}

/** How long a delivered message stays drawn at its end (simulated µs): briefly. */
const DELIVERED_US = TRAIL_US / 2;

/** The accessible name: what the message is, whose stream, its version_info and nonce. */
export function tokenName(msg: XdsMessageView): string {
  const where = msg.direction === 'down' ? `Istiod to ${msg.pod}` : `${msg.pod} to Istiod`;
  const err = msg.errorDetail ? `, error_detail: ${msg.errorDetail.slice(0, 80)}` : '';
  return `${msg.kind} ${msg.xds}, ${where}, version_info ${msg.versionInfo || '(empty)'}, nonce ${msg.nonce || '(empty)'}${err}. In flight: show the line that sent it.`;
}

interface TokenProps {
  msg: XdsMessageView;
  x: number;
  y: number;
  side: -1 | 1;
  labelled: boolean;
  onPick: (m: XdsMessageView) => void;
}

/**
 * One message in flight. Picked on pointer DOWN (a moving target may have left the pointer by
 * the time the button is released), by Enter or Space, or by a click that came from neither (an
 * assistive technology's).
 */
function Token({ msg, x, y, side, labelled, onPick }: TokenProps) {
  return (
    <g
      transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`}
      className={`token ${msg.kind.toLowerCase()}`}
      role="button"
      tabIndex={0}
      aria-label={tokenName(msg)}
      data-testid="xds-token"
      data-kind={msg.kind}
      data-pod={msg.pod}
      data-xds={msg.xds}
      data-id={msg.id}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        onPick(msg);
      }}
      onClick={(e) => {
        if (e.detail === 0) onPick(msg);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onPick(msg);
        }
      }}
    >
      <circle className="hit" r={XDS_RADIUS + 7} />
      <XdsShape kind={msg.kind} />
      {labelled && (
        <text
          x={side * (XDS_RADIUS + 3)}
          y={3.5}
          textAnchor={side < 0 ? 'end' : 'start'}
          className="token-label"
        >
          {msg.xds} {SHORT[msg.kind]}
        </text>
      )}
    </g>
  );
}

// [1] Every frame re-renders the tokens, but a token keeps its element (its key is the message's
//     id) and only its transform changes, so a press lands on it wherever it has got to.
