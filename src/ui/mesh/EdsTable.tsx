import { formatTime } from '../../engine/core/time';
import {
  edsSync,
  endpointSlice,
  memoBySimWith,
  sidecarEds,
  type EdsSyncRow,
  type EdsSyncView,
  type MeshSource,
} from '../../engine/mesh/views';
import { jsonKey, useRuntime, useSimSelect } from '../../runtime/context';
import { select, useUi } from '../../store/uiStore';
import './endpoints.css';

interface Row {
  pod: string;
  /** The pods in its service-wide ClusterLoadAssignment (null: none yet). */
  endpoints: string[] | null;
  sync: EdsSyncRow | null;
}

interface Data {
  sync: EdsSyncView;
  cluster: string;
  rows: Row[];
}

/** `+104.1 ms` */
const plusMs = (us: number): string => `+${(us / 1000).toFixed(1)} ms`;

function syncText(r: EdsSyncRow | null, sync: EdsSyncView): string {
  if (!r || !sync.last) return '—';
  switch (r.state) {
    case 'acked':
      return `✓ ACKed ${plusMs(r.delay ?? 0)}`;
    case 'sent':
      return `… sent ${plusMs(r.delay ?? 0)}, no ACK yet`;
    case 'waiting':
      return sync.debounce ? '○ Istiod debounces' : '○ queued';
    case 'disconnected':
      return '◔ no stream to Istiod';
    case 'podDown':
      return '✗ pod down';
  }
}

const CLASS: Record<EdsSyncRow['state'], string> = {
  acked: 'st-synced',
  sent: 'st-stale',
  waiting: 'st-not-sent',
  disconnected: 'st-stale',
  podDown: 'st-error',
};

/** Every caller sidecar (the pods outside `service`): its endpoints for `service` and its EDS ACK. */
const read = memoBySimWith((service: string) => service, readNow);
function readNow(sim: MeshSource, service: string): Data {
  const sync = edsSync(sim, service);
  const own = new Set(endpointSlice(sim, service).endpoints.map((e) => e.pod));
  const rows: Row[] = [];
  let cluster = '';
  for (const r of sync.rows) {
    if (own.has(r.pod)) continue;
    const all = sidecarEds(sim, r.pod, service).find((c) => c.subset === null);
    if (all) cluster = all.cluster;
    rows.push({
      pod: r.pod,
      endpoints: all ? all.endpoints.map((e) => e.pod ?? e.address) : null,
      sync: r,
    });
  }
  return { sync, cluster, rows };
}

/** The change the delays count from, in words. */
function lastText(sync: EdsSyncView): string {
  const e = sync.last;
  if (!e) return 'No endpoint change yet.';
  const what = e.change === 'removed' ? 'deleted' : e.ready ? 'turned ready' : 'turned not ready';
  return `Last endpoint change: ${e.pod} ${what} at ${formatTime(e.t)}.`;
}

/**
 * Each caller sidecar's endpoints for a service as its Envoy serves them (its active
 * ClusterLoadAssignment for the service-wide cluster), and when Istiod got its EDS ACK after the
 * registry's last endpoint change.
 */
export function EdsTable({ service = 'payments' }: { service?: string }) {
  const { ui, idPrefix } = useRuntime();
  const selected = useUi(ui, (s) => s.selected);
  // Every change, not a coarse refresh: in slow motion the push is on screen for seconds [1].
  const v = useSimSelect((sim: MeshSource) => read(sim, service), jsonKey);
  const id = `${idPrefix}-eds`;
  const d = v.sync.debounce;
  return (
    <section className="eds-table" aria-labelledby={id} data-testid="eds-table">
      <h3 id={id}>
        Each caller’s endpoints for <code>{service}</code> (EDS)
      </h3>
      <p className="hint">
        {lastText(v.sync)}
        {v.sync.added && ` ${v.sync.added.pod} joined, not ready: nothing is pushed for it yet.`}
        {d &&
          ` Istiod debounces ${d.events} event${d.events === 1 ? '' : 's'}: it pushes at ${formatTime(d.earliest)} if nothing else changes (at ${formatTime(d.latest)} at the latest).`}
      </p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">sidecar</th>
              <th scope="col">
                endpoints in <code>{v.cluster || `outbound|8080||${service}…`}</code>
              </th>
              <th scope="col">EDS ACK after the change</th>
            </tr>
          </thead>
          <tbody>
            {v.rows.map((r) => (
              <tr
                key={r.pod}
                className={r.pod === selected ? 'selected' : undefined}
                data-pod={r.pod}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="linklike"
                    aria-pressed={r.pod === selected}
                    onClick={() => select(ui, r.pod)}
                  >
                    {r.pod}
                  </button>
                </th>
                <td data-testid={`eds-${r.pod}`}>
                  {r.endpoints === null ? (
                    <span className="muted">none yet</span>
                  ) : (
                    <span className="ep-list">
                      {r.endpoints.map((p) => (
                        <span key={p} className="ep">
                          {p}
                        </span>
                      ))}
                    </span>
                  )}
                </td>
                <td className={r.sync ? CLASS[r.sync.state] : undefined} data-state={r.sync?.state}>
                  {syncText(r.sync, v.sync)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// [1] The table must never say "Istiod debounces" while the diagram shows the push on the wire.
