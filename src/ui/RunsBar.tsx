import { formatTime } from '../engine/core/time';
import { jsonKey, usePlayerSelect, useRuntime } from '../runtime/context';
import { ComparePanel } from './runs/ComparePanel';
import { RunFileTools } from './runs/RunFileTools';
import type { RunFileActions } from './runs/types';
import './runs/runs.css';

/**
 * The runs the learner left behind (acting in the past, going back a step, reset) [1]: each can be
 * reopened exactly where it ended; the run on screen takes its place in the list. On a scene page
 * (not in an embed, which gets no `files`) the run on screen can be saved as a file and a file
 * opened, and any two runs compared side by side.
 */
export function RunsBar({ files }: { files?: RunFileActions | undefined }) {
  const { player, idPrefix } = useRuntime();
  const runs = usePlayerSelect(
    (p) => p.runs.list.map((r) => ({ id: r.id, changes: r.changes, end: r.end, step: r.step + 1 })),
    jsonKey,
  );
  if (runs.length === 0 && !files) return null;
  const Heading = files ? 'h4' : 'h3';
  const list = runs.length > 0 && (
    <>
      <Heading id={`${idPrefix}-runs`}>Your other runs</Heading>
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
    </>
  );
  if (!files)
    return (
      <section className="runs-bar" aria-labelledby={`${idPrefix}-runs`}>
        {list}
      </section>
    );
  return (
    <section className="runs-bar" aria-labelledby={`${idPrefix}-runs-title`}>
      <h3 id={`${idPrefix}-runs-title`}>Your runs</h3>
      <RunFileTools files={files} />
      {list}
      {runs.length > 0 && <ComparePanel />}
    </section>
  );
}

// [1] Learn Git Branching keeps every branch a learner makes; so do we.
