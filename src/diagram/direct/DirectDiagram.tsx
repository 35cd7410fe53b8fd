import { useCallback, useMemo } from 'react';
import {
  callers,
  inFlight,
  pods,
  recentOutcomes,
  type CallerView,
  type DirectSim,
  type PodView,
} from '../../engine/direct';
import { usePlayer, useRuntime, useSelect } from '../../runtime/context';
import { select, useUi } from '../../store/uiStore';
import {
  arcBetween,
  castLayout,
  fadeAge,
  fadeLevel,
  TRAIL_US,
  type Box,
  type CastLayout,
} from '../layout/castLayout';
import { columnLayout } from '../layout/columnLayout';
import { narrowWidth, useElementWidth } from '../layout/useElementWidth';
import { Diagram } from '../parts/Diagram';
import type { RegionLabel } from '../parts/RegionLabels';
import { Dot, Stalled, stalledGroups } from './DirectMarks';

const CARD = { w: 220, h: 150 };
/** Below this container width (CSS px) the cards stack in one column, apps above pods. */
const NARROW_PX = 560;

/**
 * Apps calling payments with no proxy in between: one card per calling app with its own client
 * library (how it finds payments, retries, timeouts, TLS) and its counters; one card per payments
 * pod; a dot per attempt in flight — a dial that gets no answer stays parked near the dead pod,
 * labelled with the time left before the caller's timeout.
 */
export function DirectDiagram({
  title,
  labels,
}: {
  title: string;
  labels?: (l: CastLayout) => readonly RegionLabel[];
}) {
  const { ui, def } = useRuntime();
  const cs = useSelect((sim: DirectSim) => callers(sim));
  const ps = useSelect((sim: DirectSim) => pods(sim));
  const fly = useSelect((sim: DirectSim) => inFlight(sim));
  const done = useSelect((sim: DirectSim) => recentOutcomes(sim));
  const now = usePlayer().sim.now;
  const selected = useUi(ui, (s) => s.selected);
  const names = [...cs.map((c) => c.name), ...ps.map((p) => p.name)].join(',');
  const [fitRef, px] = useElementWidth<HTMLDivElement>();
  // Narrow: one column at a scale that keeps the smallest text at 11 CSS px, cards ≥ 220 wide.
  const narrow = px !== null && px < NARROW_PX ? narrowWidth(px, 284) : 0;
  const l = useMemo(
    () =>
      narrow
        ? columnLayout(def.cast, names.split(','), {
            width: narrow,
            columns: 1,
            cardH: CARD.h,
            below: 112,
          })
        : castLayout(def.cast, names.split(','), {
            width: 760,
            card: CARD,
            traffic: 64,
            rowGap: 100,
          }),
    [def.cast, names, narrow],
  );
  const onSelect = useCallback((n: string) => select(ui, n), [ui]);
  return (
    <Diagram
      l={l}
      fitRef={fitRef}
      labels={labels}
      title={title}
      movingLabel="Calls in flight"
      still={
        <>
          {cs.map((c) => {
            const b = l.nodes[c.name];
            return b ? (
              <AppCard
                key={c.name}
                c={c}
                b={b}
                selected={c.name === selected}
                onSelect={onSelect}
              />
            ) : null;
          })}
          {ps.map((p) => {
            const b = l.nodes[p.name];
            return b ? <PodCard key={p.name} p={p} b={b} /> : null;
          })}
        </>
      }
      moving={
        <g aria-hidden="true">
          {done.map((o, i) => {
            if (!o.pod || now - o.t > TRAIL_US) return null;
            const arc = arcBetween(l, o.caller, o.pod);
            const op = fadeLevel(1 - fadeAge(now, o.t) / TRAIL_US);
            const d = `M${arc.p0.x},${arc.p0.y} Q${arc.c.x},${arc.c.y} ${arc.p1.x},${arc.p1.y}`;
            return (
              <path
                key={`${o.id}-${o.attempt}-${i}`}
                d={d}
                className={o.ok ? 'req-path' : 'req-path failed'}
                opacity={op}
              />
            );
          })}
          {fly
            .filter((f) => !f.stalled)
            .map((f) => (
              <Dot key={`${f.id}-${f.attempt}`} f={f} l={l} now={now} />
            ))}
          {stalledGroups(fly, now).map((g, i) => (
            <Stalled key={g.key} g={g} l={l} line={i} />
          ))}
        </g>
      }
    />
  );
}

function AppCard({
  c,
  b,
  selected,
  onSelect,
}: {
  c: CallerView;
  b: Box;
  selected: boolean;
  onSelect: (n: string) => void;
}) {
  const k = c.counters;
  const url = c.url.replace(/\/charge$/, '');
  const label = `${c.name}: ${c.library}. Finds payments by ${c.addressStyle}. ${c.retryText}. ${c.timeoutText}. TLS: ${c.tlsText}. ${k.ok} succeeded, ${k.failed} failed, ${k.inFlight} in flight.`;
  return (
    <g
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={label}
      data-testid={`app-${c.name}`}
      className={selected ? 'sidecar selected' : 'sidecar'}
      onClick={() => onSelect(c.name)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(c.name);
        }
      }}
    >
      <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={8} className="node card" />
      <text x={b.x + 8} y={b.y + 20} className="pod-name">
        {c.name} <tspan className="tiny">({c.language})</tspan>
      </text>
      <text x={b.x + 8} y={b.y + 40} className="tiny">
        → {fitText(url, b.w - 30)}
        {fitText(url, b.w - 30) !== url && <title>{url}</title>}
      </text>
      <text x={b.x + 8} y={b.y + 58} className="tiny">
        retries:{' '}
        {c.retries === 0
          ? 'none'
          : `${c.retries}${c.backoffMs.length ? `, backoff ${c.backoffMs.join('/')} ms` : ', no backoff'}`}
      </text>
      <text x={b.x + 8} y={b.y + 76} className="tiny">
        connect timeout {c.connectTimeoutMs / 1000} s · TLS{' '}
        {c.tls === 'none' ? 'none' : 'in the app'}
      </text>
      <text x={b.x + 8} y={b.y + 100} className="cfg st-synced" data-testid={`ok-${c.name}`}>
        ✓ {k.ok} ok
      </text>
      <text x={b.x + 88} y={b.y + 100} className="cfg st-error" data-testid={`failed-${c.name}`}>
        ✗ {k.failed} failed
      </text>
      <text x={b.x + 8} y={b.y + 120} className="tiny">
        {k.retries} retries · {k.inFlight} in flight
      </text>
      <text x={b.x + 8} y={b.y + 140} className="tiny" data-testid={`last-${c.name}`}>
        {c.lastOutcome
          ? `last: ${c.lastOutcome.length > 42 ? `${c.lastOutcome.slice(0, 41)}…` : c.lastOutcome}`
          : 'no call finished yet'}
      </text>
    </g>
  );
}

/** Text cut to about `room` units of the cards' small type (9.5 units), with an ellipsis. */
function fitText(text: string, room: number): string {
  const chars = Math.floor(room / (9.5 * 0.53));
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
}

function PodCard({ p, b }: { p: PodView; b: Box }) {
  const state = !p.up ? 'DOWN — no reply' : p.ready ? 'up, ready' : 'up, not ready';
  return (
    <g
      role="img"
      aria-label={`${p.name} (${p.ip}): ${state}; ${p.inKubeProxy ? 'in' : 'not in'} kube-proxy's endpoints`}
      data-testid={`pod-${p.name}`}
      data-up={p.up}
    >
      <rect
        x={b.x}
        y={b.y}
        width={b.w}
        height={b.h}
        rx={8}
        className={p.up ? 'node card' : 'node card down'}
      />
      <text x={b.x + 8} y={b.y + 20} className="pod-name">
        {p.name}
      </text>
      <text x={b.x + 8} y={b.y + 40} className="tiny">
        {p.ip}:8080 · {p.version}
      </text>
      <text x={b.x + 8} y={b.y + 64} className={p.up ? 'cfg st-synced' : 'cfg st-error'}>
        {p.up ? '✓' : '✗'} {state}
      </text>
      <text x={b.x + 8} y={b.y + 86} className="tiny">
        readiness probe: {p.probeFailures}/{p.failureThreshold} failures
      </text>
      <text x={b.x + 8} y={b.y + 106} className="tiny">
        kube-proxy endpoint: {p.inKubeProxy ? 'yes' : 'removed'}
      </text>
    </g>
  );
}
