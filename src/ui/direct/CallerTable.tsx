import { callers, type DirectSim } from '../../engine/direct';
import { jsonKey, useRuntime } from '../../runtime/context';
import { select, useUi } from '../../store/uiStore';
import { useCoarseSim } from '../useCoarse';

/** Per calling app: its client library's settings and what happened to its calls. */
export function CallerTable() {
  const { ui, idPrefix } = useRuntime();
  const selected = useUi(ui, (s) => s.selected);
  const rows = useCoarseSim(
    (sim: DirectSim) =>
      callers(sim).map((c) => ({
        name: c.name,
        library: c.library,
        style: c.addressStyle,
        retry: c.retryText,
        timeout: c.timeoutText,
        tls: c.tlsText,
        k: c.counters,
        last: c.lastOutcome,
      })),
    jsonKey,
  );
  const id = `${idPrefix}-callers`;
  const mine = rows.find((r) => r.name === selected) ?? rows[0];
  return (
    <section className="caller-table" aria-labelledby={id}>
      <h3 id={id}>Calls to payments, by caller</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">caller</th>
            <th scope="col">ok</th>
            <th scope="col">failed</th>
            <th scope="col">retries</th>
            <th scope="col">timeouts</th>
            <th scope="col">in flight</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.name}
              className={r.name === selected ? 'selected' : undefined}
              data-caller={r.name}
            >
              <th scope="row">
                <button
                  type="button"
                  className="linklike"
                  aria-pressed={r.name === selected}
                  onClick={() => select(ui, r.name)}
                >
                  {r.name}
                </button>
              </th>
              <td className="num">{r.k.ok}</td>
              <td className="num">{r.k.failed}</td>
              <td className="num">{r.k.retries}</td>
              <td className="num">{r.k.timeouts}</td>
              <td className="num">{r.k.inFlight}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {mine && (
        <dl className="library" aria-label={`${mine.name}’s client library`}>
          <dt>{mine.name}’s library</dt>
          <dd>{mine.library}</dd>
          <dt>finds payments by</dt>
          <dd>{mine.style}</dd>
          <dt>retries</dt>
          <dd>{mine.retry}</dd>
          <dt>timeouts</dt>
          <dd>{mine.timeout}</dd>
          <dt>TLS</dt>
          <dd>{mine.tls}</dd>
          <dt>last call</dt>
          <dd data-testid="last-outcome">{mine.last ?? '—'}</dd>
        </dl>
      )}
    </section>
  );
}
