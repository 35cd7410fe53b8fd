import { memo, type ReactNode } from 'react';
import { useElementWidth } from '../../diagram/layout/useElementWidth';
import {
  labelWidth,
  plotWidth,
  RowLabel,
  rowHeight,
  rowLines,
  type PlotRow,
  type PlotSeries,
} from './PlotBars';
import './plot.css';

/**
 * Shares as 100% bars, one per row (a run): each series a segment, its percentage written in it
 * when it fits [1]. `values` hold shares in [0, 1]. The caller passes the table (children).
 */
export const PlotShares = memo(function PlotShares({
  id,
  title,
  rows,
  series,
  children,
}: {
  id: string;
  title: ReactNode;
  rows: readonly PlotRow[];
  series: readonly PlotSeries[];
  children?: ReactNode;
}) {
  const [ref, px] = useElementWidth<HTMLDivElement>();
  const w = plotWidth(px);
  const left = labelWidth(w);
  const area = w - left - 8;
  const lines = rows.map((r) => rowLines(r, left));
  const heights = lines.map((x) => rowHeight(1, x));
  const h = heights.reduce((a, b) => a + b, 0) + 4;
  let y = 0;
  return (
    <figure className="plot" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>{title}</figcaption>
      <ul className="plot-legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span className={`plot-swatch ${s.tone}`} />
            {s.name}
          </li>
        ))}
      </ul>
      <div ref={ref}>
        <svg className="plot-svg" width={w} viewBox={`0 0 ${w} ${h}`} aria-hidden="true">
          {rows.map((r, i) => {
            const y0 = y;
            y += heights[i] ?? 0;
            let at = left;
            return (
              <g key={r.id}>
                {r.current && (
                  <rect
                    x={0}
                    y={y0 - 2}
                    width={w}
                    height={(heights[i] ?? 0) - 8}
                    className="plot-current"
                  />
                )}
                <RowLabel lines={lines[i] ?? { label: [], note: [] }} y={y0} />
                <rect x={left} y={y0} width={area} height={16} className="plot-track" />
                {series.map((s) => {
                  const share = r.values[s.key] ?? 0;
                  const sw = share * area;
                  const x0 = at;
                  at += sw;
                  return share > 0 ? (
                    <g key={s.key}>
                      <rect x={x0} y={y0} width={sw} height={16} className={s.tone} />
                      {sw >= 34 && (
                        <text
                          x={x0 + sw / 2}
                          y={y0 + 12}
                          textAnchor="middle"
                          className="plot-seg-text"
                        >
                          {Math.round(share * 100)}%
                        </text>
                      )}
                    </g>
                  ) : null;
                })}
              </g>
            );
          })}
        </svg>
      </div>
      {children}
    </figure>
  );
});

// [1] A segment too narrow for its number leaves it to the table under the plot.
