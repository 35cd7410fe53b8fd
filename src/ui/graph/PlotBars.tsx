import { scaleLinear } from 'd3';
import { memo, type ReactNode } from 'react';
import { wrapWords } from '../../diagram/layout/fitLabels';
import { useElementWidth } from '../../diagram/layout/useElementWidth';
import './plot.css';

/** One series of a grouped bar plot (p50, p90, p99; users/s, attempts/s...). */
export interface PlotSeries {
  key: string;
  name: string;
  /** `plot-tone-a` … `plot-tone-e`. */
  tone: string;
}

/** One row of a plot: a run (a statistics window), its words, and one value per series. */
export interface PlotRow {
  id: string;
  label: string;
  /** Short lines under the label (what was in force during the run). */
  note?: readonly string[];
  /** Series key → value (null: no sample yet). */
  values: Readonly<Record<string, number | null>>;
  /** The run still being measured. */
  current?: boolean;
}

/** The plot's width in CSS px for a container `px` wide (1 unit = 1 px, so text stays 11–12 px). */
export const plotWidth = (px: number | null): number => Math.max(300, Math.min(640, px ?? 600));

/** The label column (shared with PlotShares, so rows line up). */
export const labelWidth = (w: number): number => (w < 420 ? 118 : 178);

/** A row's label and note, wrapped to the label column (about 7 px a bold character, 6 a small one). */
export function rowLines(row: PlotRow, left: number): { label: string[]; note: string[] } {
  return {
    label: wrapWords(row.label, Math.floor((left - 6) / 7.2)),
    note: (row.note ?? []).flatMap((n) => wrapWords(n, Math.floor((left - 6) / 6.1))),
  };
}

/** The room a row takes: its bars, or its label and note lines. */
export const rowHeight = (bars: number, lines: { label: string[]; note: string[] }): number =>
  Math.max(bars * 13, lines.label.length * 14 + lines.note.length * 13) + 12;

/** A row's label and note lines, at the left of the plot. */
export function RowLabel({ lines, y }: { lines: { label: string[]; note: string[] }; y: number }) {
  const n = lines.label.length;
  return (
    <>
      {lines.label.map((t, i) => (
        <text key={`l${i}`} x={0} y={y + 11 + i * 14} className="plot-label">
          {t}
        </text>
      ))}
      {lines.note.map((t, i) => (
        <text key={`n${i}`} x={0} y={y + 10 + n * 14 + i * 13} className="plot-note">
          {t}
        </text>
      ))}
    </>
  );
}

/**
 * Grouped horizontal bars: one group per row (a run), one bar per series, each with its value in
 * words at its end [1]. The caller passes the table that says the same in words (children).
 */
export const PlotBars = memo(function PlotBars({
  id,
  title,
  rows,
  series,
  format,
  max,
  children,
}: {
  id: string;
  title: ReactNode;
  rows: readonly PlotRow[];
  series: readonly PlotSeries[];
  format: (v: number, s: PlotSeries) => string;
  /** The scale's end (default: the largest value, rounded up). */
  max?: number;
  children?: ReactNode;
}) {
  const [ref, px] = useElementWidth<HTMLDivElement>();
  const w = plotWidth(px);
  const left = labelWidth(w);
  const area = w - left - 74;
  let top = max ?? 0;
  if (max === undefined)
    for (const r of rows) for (const v of Object.values(r.values)) top = Math.max(top, v ?? 0);
  const x = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .nice(4)
    .range([0, area]);
  const lines = rows.map((r) => rowLines(r, left));
  const heights = lines.map((x) => rowHeight(series.length, x));
  const h = heights.reduce((a, b) => a + b, 0) + 20;
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
          {x.ticks(4).map((t) => (
            <g key={t} transform={`translate(${left + x(t)},0)`}>
              <line y1={0} y2={h - 16} className="plot-grid" />
              <text y={h - 4} textAnchor="middle" className="plot-tick">
                {t}
              </text>
            </g>
          ))}
          {rows.map((r, i) => {
            const y0 = y;
            y += heights[i] ?? 0;
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
                {series.map((s, k) => {
                  const v = r.values[s.key];
                  const by = y0 + k * 13;
                  return (
                    <g key={s.key}>
                      {v !== null && v !== undefined && (
                        <rect
                          x={left}
                          y={by + 1}
                          width={Math.max(1, x(v))}
                          height={11}
                          className={s.tone}
                        />
                      )}
                      <text x={left + (v ? x(v) : 0) + 4} y={by + 11} className="plot-note">
                        {v === null || v === undefined ? '—' : format(v, s)}
                      </text>
                    </g>
                  );
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

// [1] Values are written beside their bars, so the plot reads without the colours; the table the
//     caller passes in is the text alternative (the SVG is hidden from screen readers).
