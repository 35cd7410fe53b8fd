import { formatTime } from '../../engine/core/time';
import { sidecarEds, type ClaView, type MeshSource } from '../../engine/mesh/views';
import { jsonKey, useRuntime, useSimSelect } from '../../runtime/context';
import { useUi } from '../../store/uiStore';
import { shortVersion } from './statusText';
import './endpoints.css';

/**
 * The selected sidecar's ClusterLoadAssignments for a service, as its /config_dump lists them
 * (`dynamic_endpoint_configs`): each cluster's `lb_endpoints` with address and `health_status`,
 * and the `version_info` / `last_updated` of the response that last changed it.
 */
export function ClaList({ service = 'payments' }: { service?: string }) {
  const { ui, idPrefix } = useRuntime();
  const pod = useUi(ui, (s) => s.selected);
  const clas = useSimSelect((sim: MeshSource): ClaView[] => sidecarEds(sim, pod, service), jsonKey);
  const id = `${idPrefix}-cla`;
  return (
    <section className="cla-list" aria-labelledby={id} data-testid="cla-list">
      <h3 id={id}>
        <code>{pod}</code>’s ClusterLoadAssignments for <code>{service}</code>
      </h3>
      {clas.length === 0 ? (
        <p className="hint">This sidecar has no endpoints for {service} yet.</p>
      ) : (
        <ul>
          {clas.map((c) => (
            <li key={c.cluster}>
              <code className="cla-name">{c.cluster}</code>{' '}
              <span className="muted">
                version_info {shortVersion(c.version)}
                {c.appliedAt !== null && `, last_updated ${formatTime(c.appliedAt)}`}
              </span>
              {c.endpoints.length === 0 ? (
                <div className="muted">no endpoints (requests to it fail with 503 UH)</div>
              ) : (
                <ul className="lb-endpoints">
                  {c.endpoints.map((e) => (
                    <li key={`${e.address}:${e.port}`}>
                      <code>
                        {e.address}:{e.port}
                      </code>{' '}
                      <span className="st-synced">{e.health}</span>
                      {e.pod && <span className="muted"> ({e.pod})</span>}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">
        An EDS-only push reuses Istiod’s current push version, so version_info stays the same;
        last_updated and the nonce are new.
      </p>
    </section>
  );
}
