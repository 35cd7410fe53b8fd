import type { XdsType } from '../../engine/mesh/contract';
import { jsonKey, useRuntime } from '../../runtime/context';
import { istiodView, sidecarViews, type MeshSource } from '../../engine/mesh/views';
import { useCoarseSim } from '../useCoarse';
import { select, useUi } from '../../store/uiStore';
import { STATUS_GLYPH, statusClass } from './statusText';

const COLS: XdsType[] = ['CDS', 'LDS', 'EDS', 'RDS'];

/** `istioctl proxy-status`, as Istio ≤1.26 prints it (one column per xDS type). */
export function ProxyStatusTable() {
  const rt = useRuntime();
  const view = useCoarseSim((sim: MeshSource) => {
    return {
      up: istiodView(sim).up,
      sidecars: sidecarViews(sim).map((s) => ({ pod: s.pod, status: s.status })),
    };
  }, jsonKey);
  const selected = useUi(rt.ui, (s) => s.selected);
  return (
    <section className="proxy-status" aria-labelledby={`${rt.idPrefix}-ps`}>
      <h3 id={`${rt.idPrefix}-ps`}>
        <code>istioctl proxy-status</code>
      </h3>
      {!view.up && (
        <p className="hint">
          Istiod is down: proxy-status asks Istiod, so these are the last statuses it knew.
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">NAME</th>
            {COLS.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.sidecars.map((s) => (
            <tr
              key={s.pod}
              data-pod={s.pod}
              className={s.pod === selected ? 'selected' : undefined}
            >
              <th scope="row">
                <button
                  type="button"
                  className="linklike"
                  onClick={() => select(rt.ui, s.pod)}
                  aria-pressed={s.pod === selected}
                >
                  {s.pod}.shop
                </button>
              </th>
              {COLS.map((c) => (
                <td key={c} className={statusClass(s.status[c])} data-xds={c}>
                  <span aria-hidden="true">{STATUS_GLYPH[s.status[c]]} </span>
                  {s.status[c]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
