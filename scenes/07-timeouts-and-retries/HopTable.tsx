import { hopPolicy, type MeshSource } from '../../src/engine/mesh/views';
import { jsonKey, useRuntime } from '../../src/runtime/context';
import { useCoarseSim } from '../../src/ui/useCoarse';

const HOPS = [
  ['web-1', 'checkout'],
  ['checkout-1', 'payments'],
] as const;

/** A comma-separated value that may break after its commas (the column stays narrow). */
function Breakable({ text }: { text: string }) {
  return (
    <>
      {text.split(',').map((part, i) => (
        <span key={part}>
          {i > 0 && (
            <>
              ,<wbr />
            </>
          )}
          {part}
        </span>
      ))}
    </>
  );
}

/** Each retrying hop's route as the caller's Envoy serves it now (its active RDS) [1]. */
export function HopTable() {
  const { idPrefix } = useRuntime();
  const rows = useCoarseSim(
    (sim: MeshSource) => HOPS.map(([pod, service]) => hopPolicy(sim, pod, service)),
    jsonKey,
  );
  return (
    <section aria-labelledby={`${idPrefix}-s7-hops`}>
      <h3 id={`${idPrefix}-s7-hops`}>Retry policy and timeout per hop (the caller’s RDS)</h3>
      <table data-testid="hop-table">
        <thead>
          <tr>
            <th scope="col">hop</th>
            <th scope="col">retry_on</th>
            <th scope="col">retries</th>
            <th scope="col">per-try</th>
            <th scope="col">timeout</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h, i) => {
            const [pod, service] = HOPS[i] ?? ['', ''];
            const r = h?.retry;
            return (
              <tr key={pod}>
                <th scope="row">
                  {pod} → {service}
                </th>
                <td>
                  <code>{h ? r ? <Breakable text={r.retryOn} /> : 'none' : '—'}</code>
                </td>
                <td className="num">{r ? r.numRetries : 0}</td>
                <td className="num">
                  {r && r.perTryTimeoutMs > 0 ? `${r.perTryTimeoutMs} ms` : '—'}
                </td>
                <td className="num">{h && h.timeoutMs > 0 ? `${h.timeoutMs} ms` : '0s (none)'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">
        Backoff between tries: 25 ms base, fully jittered, at most 250 ms; another pod each time
        (previous_hosts).
      </p>
    </section>
  );
}

// [1] The numbers come from the route the Envoy has applied, not from the YAML: a change shows
//     here only once that sidecar has ACKed the new RDS.
