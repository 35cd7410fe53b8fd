import { formatTime } from '../engine/core/time';
import { jsonKey, usePlayerSelect, useRuntime } from '../runtime/context';

/**
 * The runs the learner left behind (acting in the past, going back a step, reset) [1]: each can be
 * reopened exactly where it ended; the run on screen takes its place in the list.
 */
export function RunsBar() {
  const { player, idPrefix } = useRuntime();
  const runs = usePlayerSelect(
    (p) => p.runs.list.map((r) => ({ id: r.id, changes: r.changes, end: r.end, step: r.step + 1 })),
    jsonKey,
  );
  if (runs.length === 0) return null;
  return (
    <section className="runs-bar" aria-labelledby={`${idPrefix}-runs`}>
      <h3 id={`${idPrefix}-runs`}>Your other runs</h3>
      <p className="hint" role="status">
        Nothing you did is lost: a run you left is kept here. Open one to continue it exactly where
        it was.
      </p>
      <ul>
        {runs.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className="btn"
              onClick={() => player.switchRun(r.id)}
              data-testid={`run-${r.id}`}
            >
              Open run {r.id}
            </button>{' '}
            {r.changes} change{r.changes === 1 ? '' : 's'} of yours · reached {formatTime(r.end)} ·
            step {r.step}
          </li>
        ))}
      </ul>
    </section>
  );
}

// [1] Learn Git Branching keeps every branch a learner makes; so do we.
