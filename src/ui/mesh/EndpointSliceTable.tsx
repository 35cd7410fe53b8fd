import { endpointSlice, type MeshSource } from '../../engine/mesh/views';
import { jsonKey, useRuntime, useSimSelect } from '../../runtime/context';

/**
 * A Service's EndpointSlice as Kubernetes keeps it: every pod the Service selects, ready or not
 * (`conditions.ready`), with why a pod is not ready. Istiod watches this object.
 */
export function EndpointSliceTable({ service = 'payments' }: { service?: string }) {
  const { idPrefix } = useRuntime();
  const v = useSimSelect((sim: MeshSource) => endpointSlice(sim, service), jsonKey);
  const id = `${idPrefix}-slice`;
  return (
    <section className="endpoint-slice" aria-labelledby={id} data-testid="endpoint-slice">
      <h3 id={id}>
        EndpointSlice of <code>{service}</code>{' '}
        <span className="muted">
          (label kubernetes.io/service-name: {service}
          {v.port ? `; port ${v.port.name} ${v.port.port}` : ''})
        </span>
      </h3>
      <table>
        <thead>
          <tr>
            <th scope="col">pod</th>
            <th scope="col">address</th>
            <th scope="col">version</th>
            <th scope="col">ready</th>
          </tr>
        </thead>
        <tbody>
          {v.endpoints.map((e) => (
            <tr key={e.pod} data-pod={e.pod} data-ready={String(e.ready)}>
              <th scope="row">{e.pod}</th>
              <td>{e.ip}</td>
              <td>{e.subset ?? '—'}</td>
              <td className={e.ready ? 'st-synced' : 'st-error'}>
                {e.ready ? '✓ true' : '✗ false'}
                {e.why && <span className="why"> · {e.why}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        {v.readyCount} of {v.endpoints.length} endpoints ready. Istio sends callers only the ready
        ones (its default): a not-ready pod is left out of every ClusterLoadAssignment.
      </p>
    </section>
  );
}
