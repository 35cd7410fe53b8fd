import { formatTime } from '../../engine/core/time';
import {
  PROXY_STATUS_RELEASE,
  proxyStatus,
  type MeshSource,
  type ProxyStatusTableRow,
} from '../../engine/mesh/views';
import { jsonKey, useRuntime } from '../../runtime/context';
import { select, useUi } from '../../store/uiStore';
import { useCoarseSim } from '../useCoarse';
import { STATUS_GLYPH, statusClass } from './statusText';

const TYPE_COLUMNS = new Set(['CDS', 'LDS', 'EDS', 'RDS', 'ECDS']);

/**
 * `istioctl proxy-status` exactly as one Istio release prints it [1]. While Istiod is down
 * istioctl has no one to ask: the page shows its real error, and below it, labelled as such, the
 * last table Istiod had before it went down.
 */
export function ProxyStatusTable() {
  const rt = useRuntime();
  const v = useCoarseSim((sim: MeshSource) => proxyStatus(sim), jsonKey);
  const id = `${rt.idPrefix}-ps`;
  return (
    <section className="proxy-status" aria-labelledby={id}>
      <h3 id={id}>
        <code>istioctl proxy-status</code>{' '}
        <span className="muted">(Istio {PROXY_STATUS_RELEASE})</span>
      </h3>
      {v.ok ? (
        <StatusTable columns={v.columns} rows={v.rows} label="proxy-status now" />
      ) : (
        <>
          <pre className="istioctl-error" data-testid="istioctl-error">
            $ istioctl proxy-status{'\n'}
            {v.error}
          </pre>
          {v.last && (
            <>
              <p className="hint">
                istioctl asks Istiod, and Istiod is down. The last table Istiod had, at t ={' '}
                {formatTime(v.last.at)} (just before it went down):
              </p>
              <StatusTable
                columns={v.last.columns}
                rows={v.last.rows}
                label="the last proxy-status before Istiod went down"
                last
              />
            </>
          )}
        </>
      )}
    </section>
  );
}

function StatusTable({
  columns,
  rows,
  label,
  last = false,
}: {
  columns: readonly string[];
  rows: readonly ProxyStatusTableRow[];
  label: string;
  last?: boolean;
}) {
  const rt = useRuntime();
  const selected = useUi(rt.ui, (s) => s.selected);
  return (
    <div className="table-scroll">
      <table aria-label={label} className={last ? 'last-known' : undefined}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.pod}
              data-pod={r.pod}
              className={r.pod === selected ? 'selected' : undefined}
            >
              {columns.map((c, i) => {
                const text = r.cells[i] ?? '';
                if (i === 0)
                  return (
                    <th scope="row" key={c}>
                      <button
                        type="button"
                        className="linklike"
                        onClick={() => select(rt.ui, r.pod)}
                        aria-pressed={r.pod === selected}
                      >
                        {text}
                      </button>
                    </th>
                  );
                if (!TYPE_COLUMNS.has(c)) return <td key={c}>{text}</td>;
                const st = r.status[c as keyof ProxyStatusTableRow['status']];
                return (
                  <td
                    key={c}
                    className={st && st !== 'IGNORED' ? statusClass(st) : undefined}
                    data-xds={c}
                  >
                    {st && st !== 'IGNORED' && <span aria-hidden="true">{STATUS_GLYPH[st]} </span>}
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// [1] The columns and words are those of `istioctl proxy-status` in the release named in the
//     header (the model's src/engine/mesh/proxyStatus.ts); nothing here invents a status.
