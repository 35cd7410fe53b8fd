import { useId, useState } from 'react';
import { diffCounts, type DiffSection } from './diff';

const absent = (
  <>
    <span aria-hidden="true">—</span>
    <span className="sr-only">not in this run</span>
  </>
);

/**
 * Two runs side by side at one simulated time: one row per counter, version or status, the rows
 * that differ marked with ≠ and “differs” in their first cell (not by colour alone) and their values in bold. The
 * table scrolls sideways in its own region on a narrow screen.
 */
export function CompareTable({
  sections,
  labelA,
  labelB,
  at,
}: {
  sections: readonly DiffSection[];
  labelA: string;
  labelB: string;
  at: string;
}) {
  const id = useId();
  const { rows, differ } = diffCounts(sections);
  const [onlyDiffs, setOnlyDiffs] = useState(differ > 0);
  const shown = sections
    .map((s) => ({ ...s, rows: onlyDiffs ? s.rows.filter((r) => r.differs) : s.rows }))
    .filter((s) => s.rows.length > 0);
  const caption = `${labelA} and ${labelB} at ${at}: ${differ === 0 ? 'no row differs' : `${differ} of ${rows} rows differ`}`;
  return (
    <div className="compare-result">
      <label className="compare-filter">
        <input
          type="checkbox"
          checked={onlyDiffs}
          onChange={(e) => setOnlyDiffs(e.target.checked)}
          disabled={differ === 0}
        />{' '}
        Only the rows that differ ({differ} of {rows})
      </label>
      {/* The caption, where it does not scroll away (the table's own is for screen readers). */}
      <p className="compare-caption" aria-hidden="true">
        {caption}
      </p>
      <div
        className="compare-scroll"
        role="region"
        aria-labelledby={`${id}-caption`}
        // A scrolling region must be reachable with the keyboard.
        tabIndex={0}
      >
        <table className="compare-table" data-testid="compare-table">
          <caption id={`${id}-caption`} className="sr-only">
            {caption}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="compare-mark">
                <span aria-hidden="true">≠</span>
                <span className="sr-only">Differs?</span>
              </th>
              <th scope="col" className="compare-label">
                What
              </th>
              <th scope="col">{labelA}</th>
              <th scope="col">{labelB}</th>
            </tr>
          </thead>
          {shown.map((s) => (
            <tbody key={s.id}>
              <tr className="compare-section">
                <th scope="colgroup" colSpan={4}>
                  <span>
                    {s.title}
                    {s.note && <span className="compare-note">{s.note}</span>}
                  </span>
                </th>
              </tr>
              {s.rows.map((r) => (
                <tr
                  key={r.key}
                  className={r.differs ? 'differs' : undefined}
                  data-differs={r.differs ? 'true' : 'false'}
                >
                  <td className="compare-mark">
                    {r.differs ? (
                      <>
                        <span aria-hidden="true">≠</span>
                        <span className="sr-only">differs</span>
                      </>
                    ) : (
                      <span className="sr-only">same</span>
                    )}
                  </td>
                  <th scope="row">{r.label}</th>
                  <td>{r.a ?? absent}</td>
                  <td>{r.b ?? absent}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {shown.length === 0 && <p className="hint">No row to show.</p>}
    </div>
  );
}
