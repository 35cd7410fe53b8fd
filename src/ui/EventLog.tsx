import { useId, useState } from 'react';
import type { TraceEntry } from '../engine/core/trace';
import { formatTime } from '../engine/core/time';
import type { LogRow } from '../engine/core/sceneModel';
import { jsonKey, useRuntime } from '../runtime/context';
import type { AnyPlayer } from '../runtime/player';
import { useUi } from '../store/uiStore';
import { useCoarseSelect } from './useCoarse';

/** Rows drawn at most (the newest); the rest stay in the model and the trace. */
const MAX_ROWS = 300;

type Source = 'story' | 'trace';

interface Row {
  t: number;
  kind: string;
  text: string;
}

/** The model's sentences (the story of the run). */
const storyRows = (p: AnyPlayer): readonly LogRow[] => p.def.model.log(p.sim);

/** Every trace entry in the trace window, described in words (every xDS message, every retry...). */
function traceRows(p: AnyPlayer, actor: string | null): Row[] {
  const out: Row[] = [];
  const { model } = p.def;
  for (const e of p.sim.trace.recent() as TraceEntry[]) {
    if (actor !== null) {
      const who = model.actorsOf(e);
      if (who !== null && !who.includes(actor)) continue;
    }
    const text = model.describe(e);
    if (text !== null) out.push({ t: e.t, kind: e.type, text });
  }
  return out;
}

/**
 * The text alternative of the diagram [1]: what happened, newest first, scrollable and
 * filterable. "Story" is the model's sentences; "Every entry" is each trace entry in words — every
 * message with its version and nonce, every reconnect attempt with its backoff.
 */
export function EventLog() {
  const { idPrefix, ui } = useRuntime();
  const selected = useUi(ui, (s) => s.selected);
  const [source, setSource] = useState<Source>('story');
  const [mine, setMine] = useState(false);
  const [filter, setFilter] = useState('');
  const fid = useId();
  const rows = useCoarseSelect(
    (p): Row[] => (source === 'story' ? [...storyRows(p)] : traceRows(p, mine ? selected : null)),
    jsonKey,
  );
  const f = filter.trim().toLowerCase();
  const matching = rows.filter(
    (r) =>
      (f === '' || r.text.toLowerCase().includes(f) || r.kind.toLowerCase().includes(f)) &&
      (source === 'trace' || !mine || r.text.includes(selected)),
  );
  const shown = matching.slice(-MAX_ROWS).reverse();
  return (
    <section className="event-log" aria-labelledby={`${idPrefix}-log`}>
      <h3 id={`${idPrefix}-log`}>What happened (newest first)</h3>
      <div className="log-tools" role="group" aria-label="Event log view">
        <button
          type="button"
          className="btn"
          aria-pressed={source === 'story'}
          onClick={() => setSource('story')}
        >
          Story
        </button>
        <button
          type="button"
          className="btn"
          aria-pressed={source === 'trace'}
          onClick={() => setSource('trace')}
        >
          Every entry
        </button>
        <label className="log-mine">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> only{' '}
          {selected}
        </label>
        <label htmlFor={fid} className="log-filter">
          <span className="sr-only">Filter the log</span>
          <input
            id={fid}
            type="search"
            placeholder="filter (e.g. NACK, nonce, retry)"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </label>
      </div>
      <p className="hint" aria-live="off">
        {matching.length === rows.length
          ? `${rows.length} rows`
          : `${matching.length} of ${rows.length} rows`}
        {matching.length > MAX_ROWS ? `, the newest ${MAX_ROWS} shown` : ''}
        {source === 'trace' ? ' (the trace keeps the newest 4,096 entries)' : ''}
      </p>
      <div className="log-scroll" tabIndex={0} aria-label="Event log rows">
        <table>
          <thead>
            <tr>
              <th scope="col">t</th>
              {source === 'trace' && <th scope="col">entry</th>}
              <th scope="col">Event</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r, i) => (
              <tr key={`${r.t}-${i}-${r.text}`} className={`log-${r.kind.replace(/\W/g, '-')}`}>
                <td className="num">{formatTime(r.t)}</td>
                {source === 'trace' && (
                  <td>
                    <code>{r.kind}</code>
                  </td>
                )}
                <td>{r.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// [1] Python Tutor and RaftScope say in words what their pictures show; a reader who cannot see
//     the diagram follows the run here.
