import { routeTable, type MeshSource, type RouteTableView } from '../../engine/mesh/views';
import { jsonKey, useRuntime } from '../../runtime/context';
import { useUi } from '../../store/uiStore';
import { shortVersion } from './statusText';
import { useCoarseSim } from '../useCoarse';

/**
 * One sidecar's route to a service, as its Envoy serves it (RDS applied): listener → route
 * configuration → virtual host (chosen by the Host header) → routes in match order, each with
 * its cluster or weighted clusters under Istio's cluster names.
 */
export function RouteTable({ service = 'payments' }: { service?: string }) {
  const { ui, idPrefix } = useRuntime();
  const pod = useUi(ui, (s) => s.selected);
  const t = useCoarseSim(
    (sim: MeshSource): RouteTableView | null => routeTable(sim, pod, service),
    jsonKey,
  );
  const id = `${idPrefix}-routes`;
  return (
    <section className="route-table" aria-labelledby={id}>
      <h3 id={id}>
        Route table of <code>{pod}</code>’s Envoy for <code>{service}:8080</code>
      </h3>
      {!t ? (
        <p className="hint">
          No route yet: this sidecar has not applied a listener and route configuration for{' '}
          {service}.
        </p>
      ) : (
        <>
          <p className="route-path">
            listener <code>{t.listener}</code> → route config <code>"{t.routeConfig}"</code> (RDS
            version {shortVersion(t.version)}) → virtual host <code>{t.vhost.name}</code>
            <br />
            domains: <code>{t.vhost.domains.join(', ')}</code>
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">route (match)</th>
                <th scope="col">cluster</th>
                <th scope="col">weight</th>
              </tr>
            </thead>
            <tbody>
              {t.routes.flatMap((r) =>
                r.clusters.map((c, i) => (
                  <tr key={`${r.name}|${c.cluster}`} data-subset={c.subset ?? ''}>
                    {i === 0 && (
                      <th scope="row" rowSpan={r.clusters.length}>
                        {r.matchText}
                        {r.weighted && (
                          <span className="muted">
                            {' '}
                            · weighted_clusters (total {r.totalWeight})
                          </span>
                        )}
                      </th>
                    )}
                    <td>
                      <code>{c.cluster}</code>
                    </td>
                    <td className="num">{r.weighted ? c.weight : '—'}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
