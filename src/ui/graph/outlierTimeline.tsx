import { formatTime, SECOND, type SimTime } from '../../engine/core/time';
import type { MeshSource } from '../../engine/mesh/views';
import {
  outlierView,
  type OutlierHostRow,
  type OutlierView,
} from '../../engine/mesh/views/graphOutlier';
import { jsonKey, useRuntime } from '../../runtime/context';
import { useUi } from '../../store/uiStore';
import { useCoarse, useCoarseSim } from '../useCoarse';
import './breaker.css';

/** Seconds of the past the timeline shows, and of the future (a return to come). */
const PAST = 30;
const AHEAD = 15;
const W = 380;
const LEFT = 104;
const ROW = 24;

const secs = (t: SimTime): string => formatTime(t);

/** A host's state in words (the table and the diagram say the same). */
export function hostState(h: OutlierHostRow, v: OutlierView): string {
  if (h.ejected) return 'ejected';
  if (v.config && h.consecutive > 0)
    return `in · ${h.consecutive} of ${v.config.consecutive5xx} consecutive 5xx`;
  return 'in';
}

function Bars({ v, now }: { v: OutlierView; now: SimTime }) {
  const from = now - PAST * SECOND;
  const x = (t: SimTime) =>
    LEFT +
    ((Math.min(Math.max(t, from), now + AHEAD * SECOND) - from) / ((PAST + AHEAD) * SECOND)) *
      (W - LEFT);
  const nowX = x(now);
  return (
    <svg
      className="outlier-bars"
      viewBox={`0 0 ${W} ${v.hosts.length * ROW + 22}`}
      aria-hidden="true"
    >
      {v.hosts.map((h, i) => {
        const y = i * ROW + 4;
        const last = h.last;
        const end = last ? (last.returnsAt ?? now + AHEAD * SECOND) : 0;
        const shown = last && end >= from;
        return (
          <g key={h.host}>
            <text x={0} y={y + 14} className="outlier-host">
              {h.host}
            </text>
            <rect x={LEFT} y={y + 2} width={W - LEFT} height={16} className="outlier-track" />
            {shown && (
              <>
                <rect
                  x={x(last.at)}
                  y={y + 2}
                  width={Math.max(2, x(end) - x(last.at))}
                  height={16}
                  className={h.ejected ? 'outlier-out' : 'outlier-out past'}
                />
                <text x={Math.min(x(last.at) + 4, W - 60)} y={y + 14} className="outlier-label">
                  {v.config
                    ? `${Math.round(last.forMs / v.config.baseMs)} × ${v.config.baseMs / 1000} s`
                    : `${last.forMs / 1000} s`}
                </text>
              </>
            )}
          </g>
        );
      })}
      <line x1={nowX} x2={nowX} y1={0} y2={v.hosts.length * ROW + 6} className="outlier-now" />
      <text x={nowX} y={v.hosts.length * ROW + 18} className="outlier-axis" textAnchor="middle">
        now
      </text>
      <text x={LEFT} y={v.hosts.length * ROW + 18} className="outlier-axis">
        −{PAST} s
      </text>
      <text x={W} y={v.hosts.length * ROW + 18} className="outlier-axis" textAnchor="end">
        +{AHEAD} s
      </text>
    </svg>
  );
}

/**
 * The selected sidecar's outlier detector for one cluster: the config in force, and per host an
 * ejection timeline (the last ejection: when, for how long, the tick that returns it) with the
 * same numbers in a table [1].
 */
export function OutlierTimeline({ cluster, service }: { cluster: string; service: string }) {
  const { ui, idPrefix } = useRuntime();
  const pod = useUi(ui, (s) => s.selected);
  const v = useCoarseSim((sim: MeshSource) => outlierView(sim, pod, cluster), jsonKey);
  const now = useCoarse((p) => p.sim.now);
  const id = `${idPrefix}-outlier`;
  const c = v.config;
  return (
    <section className="outlier-timeline" aria-labelledby={id} data-testid="outlier-timeline">
      <h3 id={id}>
        <code>{pod}</code>’s outlier detector for <code>{service}</code>
      </h3>
      {!c ? (
        <p className="hint">
          No outlier detection on this cluster: Istio configures it only when a DestinationRule sets
          outlierDetection.
        </p>
      ) : (
        <>
          <p className="muted">
            eject after {c.consecutive5xx} consecutive 5xx · interval {c.intervalMs / 1000} s · base
            ejection {c.baseMs / 1000} s × multiplier (at most {c.maxMs / 1000} s) ·
            maxEjectionPercent {c.maxEjectionPercent}: at most <strong>{v.maxEjectable}</strong> of{' '}
            {v.hosts.length} hosts out at once
          </p>
          <Bars v={v} now={now} />
          <div className="outlier-table">
            <table>
              <thead>
                <tr>
                  <th scope="col">host</th>
                  <th scope="col">state</th>
                  <th scope="col">ejections</th>
                  <th scope="col">multiplier</th>
                  <th scope="col">last ejected, for</th>
                  <th scope="col">returns at</th>
                </tr>
              </thead>
              <tbody>
                {v.hosts.map((h) => (
                  <tr key={h.host} data-host={h.host} data-ejected={h.ejected}>
                    <th scope="row">{h.host}</th>
                    <td>{hostState(h, v)}</td>
                    <td className="num">{h.ejections}</td>
                    <td className="num">{h.multiplier}</td>
                    <td className="num">
                      {h.last ? `${secs(h.last.at)}, ${h.last.forMs / 1000} s` : '—'}
                    </td>
                    <td className="num">
                      {h.last?.returnsAt != null
                        ? `${secs(h.last.returnsAt)}${h.ejected ? '' : ' (returned)'}`
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

// [1] A host returns at the first interval tick once base × multiplier has passed; the table names
//     that tick. Each client sidecar has its own detector: select another caller to see its own.
