import { useState } from 'react';
import { CHAOS_FAULTS } from '../../engine/faults/chaos';
import type { MeshSim } from '../../engine/mesh/types';
import { mysteryView } from '../../engine/mesh/views/observeMystery';
import { jsonKey, useRuntime } from '../../runtime/context';
import { useCoarseSim } from '../useCoarse';

/** "Find the cause": name the injected fault; the run checks it and shows the evidence. */
export function Mystery() {
  const { idPrefix, player } = useRuntime();
  const v = useCoarseSim((sim: MeshSim) => mysteryView(sim), jsonKey);
  const [pick, setPick] = useState('');
  const id = `${idPrefix}-mystery`;
  const last = v?.guesses[v.guesses.length - 1];
  return (
    <section className="obs-card" aria-labelledby={id} data-testid="mystery">
      <h3 id={id}>Find the cause{v ? ` — mystery ${v.round}` : ''}</h3>
      {!v ? (
        <p className="hint">No mystery yet: step to the last step, or press “New mystery”.</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (pick) player.command({ kind: 'mystery.guess', fault: pick });
          }}
        >
          <fieldset>
            <legend>Which fault was injected?</legend>
            {CHAOS_FAULTS.map((f) => (
              <label key={f.id} className="obs-choice">
                <input
                  type="radio"
                  name={`${id}-pick`}
                  value={f.id}
                  checked={pick === f.id}
                  onChange={() => setPick(f.id)}
                />{' '}
                {f.label}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={!pick} data-testid="mystery-check">
            Check
          </button>{' '}
          <button type="button" onClick={() => player.command({ kind: 'mystery.inject' })}>
            New mystery
          </button>
        </form>
      )}
      {v && last && (
        <div
          className={`obs-verdict ${last.correct ? 'obs-ok' : 'obs-no'}`}
          role="status"
          data-testid="mystery-verdict"
        >
          <p>
            <strong>{last.correct ? 'Right.' : 'Not it.'}</strong>{' '}
            {last.correct ? '' : `You named “${last.label}”; it was “${v.label}”.`} The evidence:
          </p>
          <ul>
            {v.evidence.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
