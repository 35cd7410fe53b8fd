import { poolView, type MeshSource } from '../../src/engine/mesh/views';
import { jsonKey, useRuntime } from '../../src/runtime/context';
import { useCoarseSim } from '../../src/ui/useCoarse';
import { PAYMENTS_ALL } from './machines';
import { policyNow } from './scene';

const CALLER = 'checkout-1';

/** checkout-1's Envoy now: its policy for payments and its requests in flight per pod [1]. */
export function InFlight() {
  const { idPrefix } = useRuntime();
  const v = useCoarseSim(
    (sim: MeshSource) => ({
      policy: policyNow(sim),
      hosts: poolView(sim, CALLER, PAYMENTS_ALL).hosts.map((h) => ({
        host: h.host,
        active: h.active,
        slow: (sim.state.pods[h.host]?.extraMs ?? 0) > 0,
      })),
    }),
    jsonKey,
  );
  return (
    <section className="in-flight" aria-labelledby={`${idPrefix}-s6-inflight`}>
      <h3 id={`${idPrefix}-s6-inflight`}>checkout-1’s Envoy: payments pods now</h3>
      <p className="hint">
        lb_policy (from CDS):{' '}
        <strong data-testid="lb-policy">{v.policy ?? 'no cluster yet'}</strong>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">pod</th>
            <th scope="col">requests in flight (rq_active)</th>
          </tr>
        </thead>
        <tbody>
          {v.hosts.map((h) => (
            <tr key={h.host}>
              <th scope="row">
                {h.host}
                {h.slow ? ' (slow)' : ''}
              </th>
              <td className="num">{h.active}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

// [1] What LEAST_REQUEST compares: the requests this Envoy has attached to each pod right now.
