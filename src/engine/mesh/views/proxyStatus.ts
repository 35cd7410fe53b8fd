/**
 * `istioctl proxy-status` as the learner would see it (../proxyStatus.ts: Istio 1.24's layout).
 * While Istiod is down istioctl prints only an error; `last` is the table Istiod would have
 * printed a moment before it died (kept by the model, with the time it was taken).
 */
import type { SimTime } from '../../core/time';
import type { ProxyStatusTableRow } from '../istiod/types';
import { NO_ISTIOD_ERROR, proxyStatusTable } from '../proxyStatus';
import { memoBySim, type MeshSource } from './memo';

export type { ProxyStatusState, ProxyStatusTableRow } from '../istiod/types';

/** What `istioctl proxy-status` gives now. */
export type ProxyStatusView =
  | { ok: true; columns: string[]; rows: ProxyStatusTableRow[] }
  | {
      ok: false;
      /** Exactly what istioctl prints: `Error: no running Istio pods in "istio-system"`. */
      error: string;
      last: { at: SimTime; columns: string[]; rows: ProxyStatusTableRow[] } | null;
    };

/** `istioctl proxy-status` now. */
export const proxyStatus: (sim: MeshSource) => ProxyStatusView = memoBySim((sim) => {
  const i = sim.state.istiod;
  if (!i.up) {
    const l = i.lastStatus;
    return {
      ok: false,
      error: NO_ISTIOD_ERROR,
      last: l ? { at: l.at, columns: [...l.columns], rows: l.rows.map(copyRow) } : null,
    };
  }
  const { columns, rows } = proxyStatusTable(sim.state, sim.now);
  return { ok: true, columns, rows };
});

function copyRow(r: ProxyStatusTableRow): ProxyStatusTableRow {
  return { pod: r.pod, cells: [...r.cells], status: { ...r.status } };
}
