/**
 * Scene 5's pick counter: how many times `pod`'s sidecar drew each cluster of a weighted route
 * (`state.traffic.picks`, every `route.pick`, exact and checkpointed), with the weight the
 * sidecar's active route gives that cluster now.
 */
import { outboundRouteConfig } from '../../traffic/routing';
import type { MeshState } from '../types';
import { memoBySimWith, type MeshSource } from './memo';
import { subsetOfCluster } from './routes';

/** Draws of one cluster. */
export interface PickRow {
  cluster: string;
  subset: string | null;
  /** The cluster's weight in the sidecar's active weighted route (absent if no longer there). */
  weight?: number;
  count: number;
}

/** Every weighted draw of one caller's sidecar, by cluster (sorted by name). */
export interface PicksView {
  pod: string;
  total: number;
  rows: PickRow[];
  /** The draws since this pod's last `traffic.send` began (null before any). */
  sinceSend: { at: number; requested: number; total: number; rows: PickRow[] } | null;
}

/** cluster → weight over the weighted routes of the sidecar's active route config (first wins). */
function activeWeights(s: MeshState, pod: string): Map<string, number> {
  const out = new Map<string, number>();
  const sc = s.sidecars[pod];
  const rc = sc ? outboundRouteConfig(sc) : null;
  if (!rc?.ok) return out;
  for (const vh of rc.rc.virtual_hosts)
    for (const r of vh.routes)
      for (const c of r.route.weighted_clusters?.clusters ?? [])
        if (!out.has(c.name)) out.set(c.name, c.weight);
  return out;
}

/** Weighted draws of `pod`'s sidecar per cluster, and their total. */
export const picks: (sim: MeshSource, pod: string) => PicksView = memoBySimWith(
  (pod: string) => pod,
  (sim, pod) => {
    const counts = sim.state.traffic.picks[pod] ?? {};
    const weights = activeWeights(sim.state, pod);
    let total = 0;
    const rows = Object.keys(counts)
      .sort()
      .map((cluster): PickRow => {
        const count = counts[cluster] ?? 0;
        total += count;
        const row: PickRow = { cluster, subset: subsetOfCluster(cluster), count };
        const w = weights.get(cluster);
        if (w !== undefined) row.weight = w;
        return row;
      });
    const base = sim.state.traffic.pickBase[pod];
    let sinceSend: PicksView['sinceSend'] = null;
    if (base) {
      const since = rows.map((r): PickRow => ({
        ...r,
        count: r.count - (base.picks[r.cluster] ?? 0),
      }));
      sinceSend = {
        at: base.at,
        requested: base.count,
        total: since.reduce((n, r) => n + r.count, 0),
        rows: since,
      };
    }
    return { pod, total, rows, sinceSend };
  },
);
