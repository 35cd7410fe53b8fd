import { formatTime } from '../engine/core/time';
import { jsonKey, useRuntime } from '../runtime/context';
import { useCoarseSelect } from './useCoarse';

const ROWS = 8;

/** The text alternative of the diagram: what happened, in words, newest first (the model's log). */
export function EventLog() {
  const { idPrefix, def } = useRuntime();
  const rows = useCoarseSelect((p) => def.model.log(p.sim).slice(-ROWS).reverse(), jsonKey);
  return (
    <section className="event-log" aria-labelledby={`${idPrefix}-log`}>
      <h3 id={`${idPrefix}-log`}>What happened (newest first)</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">t</th>
            <th scope="col">Event</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.t}-${i}-${r.text}`} className={`log-${r.kind}`}>
              <td className="num">{formatTime(r.t)}</td>
              <td>{r.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
