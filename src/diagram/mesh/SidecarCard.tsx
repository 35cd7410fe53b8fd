import { m } from 'motion/react';
import { memo } from 'react';
import type { XdsType } from '../../engine/mesh/contract';
import type { SidecarViewExt } from '../../engine/mesh/views';
import {
  disconnectedText,
  seconds,
  shortVersion,
  sidecarBadge,
  STATUS_GLYPH,
  statusClass,
} from '../../ui/mesh/statusText';
import { useCoarse } from '../../ui/useCoarse';
import type { Box } from '../layout/castLayout';

/** The cached config cell's rows, in the order the reference page lists them. */
export const CONFIG_ROWS: readonly XdsType[] = ['LDS', 'RDS', 'CDS', 'EDS'];
const NAMES: Record<XdsType, string> = {
  LDS: 'listeners',
  RDS: 'routes',
  CDS: 'clusters',
  EDS: 'endpoints',
};

interface Props {
  s: SidecarViewExt;
  box: Box;
  /** The config rows the card shows (a scene may show fewer). */
  rows: readonly XdsType[];
  selected: boolean;
  onSelect: (pod: string) => void;
}

/** One pod: istio-agent (the ADS stream ends here) and Envoy with its cached config cell. */
function SidecarCardView({ s, box, rows, selected, onSelect }: Props) {
  const badge = sidecarBadge(s);
  const { x, y, w } = box;
  const state =
    s.staleSince !== null
      ? `disconnected from Istiod since ${seconds(s.staleSince)}, serving its cached config`
      : badge.text;
  const label = `${s.pod} sidecar: ${state}. ${rows.map((t) => `${t} ${s.status[t]} version ${s.versions[t] ?? 'none'}`).join(', ')}${s.lastError ? `. Last NACK: ${s.lastError}` : ''}`;
  return (
    <g
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={label}
      data-testid={`sidecar-${s.pod}`}
      data-badge={badge.text.split(' ')[0]}
      className={selected ? 'sidecar selected' : 'sidecar'}
      onClick={() => onSelect(s.pod)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(s.pod);
        }
      }}
    >
      <rect
        x={x}
        y={y}
        width={w}
        height={box.h}
        rx={8}
        className={s.podUp ? 'node card' : 'node card down'}
      />
      <rect x={x} y={y} width={w} height={18} rx={8} className="agent-strip" />
      <text x={x + w / 2} y={y + 13} textAnchor="middle" className="tiny">
        istio-agent ⇄ envoy
      </text>
      <text x={x + 8} y={y + 34} className="pod-name">
        {s.pod}
      </text>
      <m.g
        key={badge.cls}
        initial={{ opacity: 0.3 }}
        animate={{ opacity: 1 }}
        transition={{ duration: 0.25 }}
      >
        <rect
          x={x + 6}
          y={y + 41}
          width={w - 12}
          height={18}
          rx={4}
          className={`badge ${badge.cls}`}
        />
        <text x={x + 11} y={y + 54} className="badge-text">
          {badge.glyph} {badge.text}
        </text>
      </m.g>
      <g className="config-cell">
        {rows.map((t, i) => (
          <text key={t} x={x + 8} y={y + 78 + i * 17} className={`cfg ${statusClass(s.status[t])}`}>
            <tspan className="cfg-type">{t}</tspan>
            <tspan dx={4}>{shortVersion(s.versions[t])}</tspan>
            <tspan dx={4} aria-hidden="true">
              {STATUS_GLYPH[s.status[t]]}
            </tspan>
            <title>{`${NAMES[t]}: ${s.status[t]}, version_info ${s.versions[t] ?? 'none'}`}</title>
          </text>
        ))}
      </g>
      {s.staleSince !== null && (
        <Disconnected
          since={s.staleSince}
          nextRetryAt={s.nextRetryAt}
          x={x + 8}
          y={y + box.h - 6}
        />
      )}
      {s.podUp && s.staleSince === null && !s.connected && (
        <text x={x + 8} y={y + box.h - 6} className="tiny">
          connecting…
        </text>
      )}
      {warming(s) > 0 && (
        // ACKed is not serving yet: new clusters wait for EDS, new listeners for RDS.
        <text x={x + 8} y={y + box.h - 6} className="tiny">
          warming {warming(s)}
        </text>
      )}
    </g>
  );
}

/** How long a disconnected sidecar has served its cached config (refreshed a few times a second). */
function Disconnected({
  since,
  nextRetryAt,
  x,
  y,
}: {
  since: number;
  nextRetryAt: number | null;
  x: number;
  y: number;
}) {
  const now = useCoarse((p) => p.sim.now);
  return (
    <text x={x} y={y} className="tiny" data-testid="disconnected-for">
      cached · {seconds(Math.max(0, now - since))}
      <title>{disconnectedText(since, now, nextRetryAt)}</title>
    </text>
  );
}

/** Clusters and listeners accepted but still warming. */
const warming = (s: SidecarViewExt): number => s.warming.clusters + s.warming.listeners;

const cardKey = (s: SidecarViewExt) =>
  `${s.podUp}|${s.connected}|${s.staleSince}|${s.lastError}|${warming(s)}|${JSON.stringify(s.status)}|${JSON.stringify(s.versions)}`;

/** Re-renders only when what the card shows changes (not every frame). */
export const SidecarCard = memo(
  SidecarCardView,
  (a, b) =>
    a.selected === b.selected &&
    a.box === b.box &&
    a.rows === b.rows &&
    a.onSelect === b.onSelect &&
    cardKey(a.s) === cardKey(b.s),
);
