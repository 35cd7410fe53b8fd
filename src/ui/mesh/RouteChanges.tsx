import './listeners.css';
import {
  paymentsOutcomes,
  paymentsVhostJson,
  routeChanges,
  type MeshSource,
} from '../../engine/mesh/views';
import { jsonKey, useRuntime, useSimSelect } from '../../runtime/context';
import { useUi } from '../../store/uiStore';
import { shortVersion } from './statusText';

/**
 * What the operator's change did, per sidecar: the diff of route configuration "8080" between
 * the one its last RDS update replaced and the one it serves now (readable rows), and for the
 * selected sidecar the payments virtual host before and after, as `/config_dump` prints it.
 */
export function RouteChanges() {
  const { ui } = useRuntime();
  const pod = useUi(ui, (s) => s.selected);
  const rows = useSimSelect((sim: MeshSource) => routeChanges(sim), jsonKey);
  const json = useSimSelect((sim: MeshSource) => paymentsVhostJson(sim, pod), jsonKey);
  // Sidecars with the same version and the same change share a row (usually all of them).
  const groups: { key: string; version: string | null; lines: string[]; pods: string[] }[] = [];
  for (const r of rows) {
    const key = `${r.version}|${r.lines.join('\n')}`;
    const g = groups.find((x) => x.key === key);
    if (g) g.pods.push(r.pod);
    else groups.push({ key, version: r.version, lines: r.lines, pods: [r.pod] });
  }
  return (
    <section className="route-changes" aria-label="Route table changes per sidecar">
      <h3>Each sidecar’s route table "8080": its last change (RDS)</h3>
      <table data-testid="route-changes">
        <thead>
          <tr>
            <th scope="col">sidecars</th>
            <th scope="col">RDS version</th>
            <th scope="col">before → after</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key} className={g.pods.includes(pod) ? 'selected' : undefined}>
              <th scope="row">{g.pods.join(', ')}</th>
              <td>{g.version === null ? '—' : shortVersion(g.version)}</td>
              <td>
                {g.lines.length === 0
                  ? 'no change since its first routes'
                  : g.lines.map((l) => (
                      <code key={l} className="diff-line">
                        {l}
                      </code>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <details className="config-dump">
        <summary>
          <code>/config_dump</code> of {pod}: the payments virtual host before and after
        </summary>
        <pre tabIndex={0} aria-label={`${pod}’s payments virtual host before its last change`}>
          {`// before\n${JSON.stringify(json.before, null, 2)}`}
        </pre>
        <pre tabIndex={0} aria-label={`${pod}’s payments virtual host now`}>
          {`// after\n${JSON.stringify(json.after, null, 2)}`}
        </pre>
      </details>
    </section>
  );
}

/** The selected caller's recent requests to payments: which subset, which status and flags. */
export function PaymentsOutcomes() {
  const { ui } = useRuntime();
  const pod = useUi(ui, (s) => s.selected);
  const o = useSimSelect((sim: MeshSource) => paymentsOutcomes(sim, pod), jsonKey);
  return (
    <section aria-label={`${pod}’s recent requests to payments`}>
      <h3>
        {pod}’s requests to payments since its routes last changed
        {o.since !== null ? ` (t = ${(o.since / 1_000_000).toFixed(3)} s)` : ''}: {o.total}
      </h3>
      {o.total === 0 ? (
        <p>None finished yet: {pod} does not call payments, or no request has completed since.</p>
      ) : (
        <table data-testid="payments-outcomes">
          <thead>
            <tr>
              <th scope="col">subset</th>
              <th scope="col">status (flags)</th>
              <th scope="col">requests</th>
            </tr>
          </thead>
          <tbody>
            {o.rows.map((r) => (
              <tr key={`${r.subset}|${r.status}`}>
                <td>{r.subset === 'none' ? 'none (answered by the sidecar)' : r.subset}</td>
                <td>{r.status}</td>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
