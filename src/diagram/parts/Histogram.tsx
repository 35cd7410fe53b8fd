import { scaleLinear } from 'd3';
import { memo } from 'react';

/** One bar: a count, the share it is of the total, and the share it is expected to have. */
export interface HistogramRow {
  label: string;
  count: number;
  /** The configured share (0–100) drawn as a tick over the bar, or null. */
  expected: number | null;
  /** A class for the bar's colour (the label always says what it is). */
  tone?: string;
}

/**
 * Counts per category as horizontal bars with their percentage, beside the expected share [1].
 * A table under it says the same in words (the text alternative).
 */
export const Histogram = memo(function Histogram({
  rows,
  title,
  idPrefix,
  unit,
}: {
  rows: readonly HistogramRow[];
  title: string;
  idPrefix: string;
  unit: string;
}) {
  const total = rows.reduce((n, r) => n + r.count, 0);
  const w = 360;
  const x = scaleLinear().domain([0, 100]).range([0, w]);
  const pct = (n: number) => (total > 0 ? (100 * n) / total : 0);
  const id = `${idPrefix}-hist`;
  return (
    <figure className="histogram" aria-labelledby={id}>
      <figcaption id={id}>
        {title}: <strong>{total.toLocaleString('en-US')}</strong> {unit}
      </figcaption>
      <svg
        viewBox={`0 0 ${w + 150} ${rows.length * 30 + 8}`}
        aria-hidden="true"
        className="histogram-bars"
      >
        {rows.map((r, i) => (
          <g key={r.label} transform={`translate(0,${i * 30 + 4})`}>
            <text x={0} y={16} className="hist-label">
              {r.label}
            </text>
            <rect x={90} y={2} width={w} height={20} className="hist-track" />
            <rect
              x={90}
              y={2}
              width={x(pct(r.count))}
              height={20}
              className={`hist-bar ${r.tone ?? ''}`}
            />
            {r.expected !== null && (
              <line
                x1={90 + x(r.expected)}
                x2={90 + x(r.expected)}
                y1={-1}
                y2={25}
                className="hist-expected"
              />
            )}
            <text x={w + 96} y={16} className="hist-value">
              {pct(r.count).toFixed(1)}%
            </text>
          </g>
        ))}
      </svg>
      <table className="histogram-table">
        <thead>
          <tr>
            <th scope="col">cluster</th>
            <th scope="col">count</th>
            <th scope="col">share</th>
            <th scope="col">configured</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td className="num" data-testid={`hist-count-${r.label}`}>
                {r.count.toLocaleString('en-US')}
              </td>
              <td className="num">{pct(r.count).toFixed(1)}%</td>
              <td className="num">{r.expected === null ? '—' : `${r.expected.toFixed(0)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
});

// [1] The tick marks the configured weight, so the learner sees the sample approach it as the
//     count grows (the law of large numbers, not a promise for any 100 requests).
