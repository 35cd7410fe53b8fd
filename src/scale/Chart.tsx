import { area, scaleLinear } from 'd3';
import { useMemo } from 'react';
import type { ChartPoint } from './runner';
import { shortVersion } from './constants';

const W = 480;
const H = 220;
const M = { l: 44, r: 10, t: 10, b: 34 };
/** At most this many samples drawn (the worker keeps up to 1,200 per episode). */
const MAX_DRAWN = 400;

/** Time since the change, in the unit that suits the span. */
export function formatSpan(us: number, spanUs: number): string {
  if (spanUs < 2_000_000)
    return `${(us / 1000).toFixed(us < 10_000 && spanUs < 20_000 ? 1 : 0)} ms`;
  return `${(us / 1_000_000).toFixed(spanUs < 20_000_000 ? 1 : 0)} s`;
}

/** The colour of a version's band: the current one green, older ones grey, no config faint. */
export function seriesColor(v: string | null, current: string | null, k: number): string {
  if (v === null) return 'var(--scale-none)';
  if (v === current) return 'var(--scale-s0)';
  return k % 2 === 0 ? 'var(--scale-old-a)' : 'var(--scale-old-b)';
}

/**
 * Proxies per config version over simulated time since the learner's change: one stacked band
 * per version (the `version_info` each Envoy last accepted for LDS). The push start is marked.
 */
export function Chart({
  points,
  versions,
  current,
  pushAt,
}: {
  points: ChartPoint[];
  versions: (string | null)[];
  current: string | null;
  pushAt: number | null;
}) {
  const drawn = useMemo(() => {
    if (points.length <= MAX_DRAWN) return points;
    const step = points.length / MAX_DRAWN;
    const out: ChartPoint[] = [];
    for (let i = 0; i < MAX_DRAWN; i++) out.push(points[Math.floor(i * step)] as ChartPoint);
    out.push(points[points.length - 1] as ChartPoint);
    return out;
  }, [points]);
  const span = Math.max(1000, drawn[drawn.length - 1]?.[0] ?? 0);
  const x = scaleLinear()
    .domain([0, span])
    .range([M.l, W - M.r]);
  const y = scaleLinear()
    .domain([0, 1000])
    .range([H - M.b, M.t]);
  const bands = versions.map((v, k) => {
    const lo = (p: ChartPoint) => {
      let s = 0;
      // Newer versions below older ones: the new version's band grows from the bottom.
      for (let j = k + 1; j < versions.length; j++) s += p[j + 1] ?? 0;
      return s;
    };
    const path = area<ChartPoint>()
      .x((p) => x(p[0] ?? 0))
      .y0((p) => y(lo(p)))
      .y1((p) => y(lo(p) + (p[k + 1] ?? 0)))(drawn);
    return { v, k, path: path ?? '' };
  });
  const ticks = x.ticks(5);
  return (
    <svg
      className="scale-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby="scale-chart-title"
      data-testid="scale-chart"
    >
      <title id="scale-chart-title">
        Proxies per config version over simulated time since the change
      </title>
      {bands.map((b) => (
        <path key={b.k} d={b.path} fill={seriesColor(b.v, current, b.k)} />
      ))}
      {pushAt !== null && pushAt <= span && (
        <g>
          <line x1={x(pushAt)} x2={x(pushAt)} y1={M.t} y2={H - M.b} className="scale-marker" />
          <text x={x(pushAt) - 4} y={M.t + 12} textAnchor="end" className="scale-axis scale-label">
            push starts
          </text>
        </g>
      )}
      <line x1={M.l} x2={W - M.r} y1={H - M.b} y2={H - M.b} className="scale-axis-line" />
      <line x1={M.l} x2={M.l} y1={M.t} y2={H - M.b} className="scale-axis-line" />
      {ticks.map((t) => (
        <text key={t} x={x(t)} y={H - M.b + 14} textAnchor="middle" className="scale-axis">
          {formatSpan(t, span)}
        </text>
      ))}
      {[0, 500, 1000].map((v) => (
        <text key={v} x={M.l - 6} y={y(v) + 4} textAnchor="end" className="scale-axis">
          {v}
        </text>
      ))}
      <text x={(M.l + W - M.r) / 2} y={H - 4} textAnchor="middle" className="scale-axis">
        simulated time since the change
      </text>
    </svg>
  );
}

/** The chart's legend and its text equivalent: proxies on each version now. */
export function VersionTable({
  versions,
  last,
  current,
}: {
  versions: (string | null)[];
  last: ChartPoint | undefined;
  current: string | null;
}) {
  return (
    <table className="scale-table" data-testid="scale-versions">
      <caption>Proxies per config version (LDS version_info)</caption>
      <thead>
        <tr>
          <th scope="col">version</th>
          <th scope="col">proxies</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v, k) => (
          <tr key={`${v ?? 'none'}`} data-current={v === current ? 'true' : undefined}>
            <th scope="row">
              <span className="swatch" style={{ background: seriesColor(v, current, k) }} />
              <span title={v ?? undefined}>{shortVersion(v)}</span>
              {v === current && ' (Istiod’s current)'}
            </th>
            <td>{(last?.[k + 1] ?? 0).toLocaleString('en-US')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
