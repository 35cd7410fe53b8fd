import type { BreakerLimit } from '../../engine/mesh/contract';
import { poolView, type MeshSource, type PoolView } from '../../engine/mesh/views';
import { jsonKey, useRuntime } from '../../runtime/context';
import { useUi } from '../../store/uiStore';
import { useCoarseSim } from '../useCoarse';
import './breaker.css';

/** Istio's default for every threshold (2³² − 1): in effect no limit (docs/fidelity.md §4.6). */
const NO_LIMIT = 4294967295;

/** Each limit: its DestinationRule field, what is counted now, Envoy's counter, what overflow does. */
const ROWS: {
  limit: BreakerLimit;
  field: string;
  now: (v: PoolView) => number;
  what: string;
  counter: string;
  effect: string;
}[] = [
  {
    limit: 'max_connections',
    field: 'tcp.maxConnections',
    now: (v) => v.connections,
    what: 'connections',
    counter: 'upstream_cx_overflow',
    effect: 'waits',
  },
  {
    limit: 'max_pending_requests',
    field: 'http.http1MaxPendingRequests',
    now: (v) => v.pending,
    what: 'pending',
    counter: 'upstream_rq_pending_overflow',
    effect: '503 UO',
  },
  {
    limit: 'max_requests',
    field: 'http.http2MaxRequests',
    now: (v) => v.active,
    what: 'active requests',
    counter: 'upstream_rq_pending_overflow',
    effect: '503 UO',
  },
  {
    limit: 'max_retries',
    field: 'http.maxRetries',
    now: (v) => v.activeRetries,
    what: 'retries',
    counter: 'upstream_rq_retry_overflow',
    effect: 'not retried, UO',
  },
];

/** Envoy's overflow counters, each the sum of the limits it counts. */
const COUNTERS = [
  'upstream_rq_pending_overflow',
  'upstream_cx_overflow',
  'upstream_rq_retry_overflow',
] as const;
const counterValue = (v: PoolView, c: string): number =>
  ROWS.filter((r) => r.counter === c).reduce((n, r) => n + v.overflow[r.limit], 0);

const threshold = (n: number | undefined): string =>
  n === undefined ? '—' : n >= NO_LIMIT ? '2³²−1' : String(n);

/**
 * The selected sidecar's connection pool and circuit breakers for one cluster, now: each limit in
 * force beside what it counts, its overflows since the sidecar started (Envoy's counter), and per
 * host the connections and pending requests [1].
 */
export function PoolState({ cluster, service }: { cluster: string; service: string }) {
  const { ui, idPrefix } = useRuntime();
  const pod = useUi(ui, (s) => s.selected);
  const v = useCoarseSim((sim: MeshSource) => poolView(sim, pod, cluster), jsonKey);
  const id = `${idPrefix}-pool`;
  return (
    <section className="pool-state" aria-labelledby={id} data-testid="pool-state">
      <h3 id={id}>
        <code>{pod}</code>’s pool for <code>{service}</code>
      </h3>
      <p className="muted">
        cluster <code>{cluster}</code>
      </p>
      {!v.limits ? (
        <p className="hint">This sidecar has no such cluster yet (no CDS applied).</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">limit (DestinationRule)</th>
              <th scope="col">now / limit</th>
              <th scope="col">overflows</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((r) => (
              <tr key={r.limit} data-limit={r.limit}>
                <th scope="row">
                  <code>{r.limit}</code>
                  <br />
                  <span className="muted">{r.field}</span>
                </th>
                <td className="num">
                  {r.now(v)} / {threshold(v.limits?.[r.limit])}
                  <br />
                  <span className="muted">{r.what}</span>
                </td>
                <td className="num">
                  <span data-testid={`overflow-${r.limit}`}>{v.overflow[r.limit]}</span>
                  <br />
                  <span className="muted">{r.effect}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {v.hosts.length > 0 && (
        <table className="pool-hosts">
          <caption>Per host (one HTTP/1.1 pool each)</caption>
          <thead>
            <tr>
              <th scope="col">host</th>
              <th scope="col">busy</th>
              <th scope="col">idle</th>
              <th scope="col">opening</th>
              <th scope="col">pending</th>
            </tr>
          </thead>
          <tbody>
            {v.hosts.map((h) => (
              <tr key={h.host}>
                <th scope="row">{h.host}</th>
                <td className="num">{h.busy}</td>
                <td className="num">{h.idle}</td>
                <td className="num">{h.connecting}</td>
                <td className="num">{h.pending}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {v.limits && (
        <p className="envoy-stats" data-testid="envoy-stats">
          Envoy’s counters (since this sidecar started):{' '}
          {COUNTERS.map((c, i) => (
            <span key={c}>
              {i > 0 && ' · '}
              <code>{c}</code> {counterValue(v, c)}
            </span>
          ))}
        </p>
      )}
      <p className="hint">
        2³²−1 is Istio’s default (no limit). Envoy counts both 503 UO limits in{' '}
        <code>upstream_rq_pending_overflow</code>. At <code>max_connections</code> a host with no
        connection at all still opens one, so three hosts can hold three connections.
      </p>
    </section>
  );
}

// [1] Numbers, not arc widths: the learner compares "pending 1 of 1" with the 503s fortio counts.
