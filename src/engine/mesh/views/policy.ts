/**
 * Scene 10's views: what the operator's last change did to each sidecar's route table ("before →
 * after" from the route configuration its latest RDS update replaced), the JSON of the payments
 * virtual host before and after as `/config_dump` shows it, and what a caller's recent requests
 * to payments got (subset, status, response flags) — the canary and the faults as traffic.
 */
import { diffRoutes, type RouteConfiguration } from '../../config';
import { getResource } from '../blobs';
import { memoBySim, memoBySimWith, type MeshSource } from './memo';
import { requestViews } from './traffic';

/** The outbound route configuration every sidecar uses for port 8080. */
export const ROUTES_8080 = '8080';

/** One sidecar's latest route change. */
export interface RouteChangeRow {
  pod: string;
  /** version_info of the RDS response that last changed "8080" (null before any). */
  version: string | null;
  /** The diff of that change in words (empty when nothing was replaced yet). */
  lines: string[];
}

const rc = (hash: string | undefined): RouteConfiguration | null =>
  (getResource<'RDS'>(hash)?.envoy as RouteConfiguration | undefined) ?? null;

/** Every sidecar's latest change to route configuration "8080". */
export const routeChanges = memoBySim((sim: MeshSource): RouteChangeRow[] =>
  sim.state.order.map((pod) => {
    const sc = sim.state.sidecars[pod];
    const after = rc(sc?.active.RDS[ROUTES_8080]);
    const before = rc(sc?.replacedRoutes?.[ROUTES_8080]);
    const stamp = sc?.stamps.RDS[ROUTES_8080];
    return {
      pod,
      version: stamp === undefined ? null : stamp.slice(0, stamp.lastIndexOf('@')),
      lines: before && after ? diffRoutes([before], [after]) : [],
    };
  }),
);

/** The payments virtual host of `pod`'s route configuration "8080", before and after its last change. */
export const paymentsVhostJson = memoBySimWith(
  (pod: string) => pod,
  (sim: MeshSource, pod: string): { before: unknown; after: unknown } => {
    const sc = sim.state.sidecars[pod];
    const vhost = (r: RouteConfiguration | null) =>
      r?.virtual_hosts.find((v) => v.name.startsWith('payments.')) ?? null;
    return {
      before: vhost(rc(sc?.replacedRoutes?.[ROUTES_8080])),
      after: vhost(rc(sc?.active.RDS[ROUTES_8080])),
    };
  },
);

/** What a caller's recent requests to payments got. */
export interface OutcomeRow {
  subset: string;
  status: string;
  count: number;
}

/**
 * `caller`'s finished requests to payments sent since its routes last changed (its latest RDS
 * update of "8080"), by subset and status with flags — among the recent requests the model keeps.
 */
export const paymentsOutcomes = memoBySimWith(
  (caller: string) => caller,
  (
    sim: MeshSource,
    caller: string,
  ): { since: number | null; total: number; rows: OutcomeRow[] } => {
    const counts = new Map<string, OutcomeRow>();
    let total = 0;
    const stamp = sim.state.sidecars[caller]?.stamps.RDS[ROUTES_8080];
    const since = stamp === undefined ? null : Number(stamp.slice(stamp.lastIndexOf('@') + 1));
    for (const r of requestViews(sim)) {
      if (r.from !== caller || r.code === undefined) continue;
      if (since !== null && r.sentAt < since) continue;
      const pod = sim.state.pods[r.to];
      // A request answered by the caller's own sidecar (an injected abort) never got a pod.
      if (pod ? pod.service !== 'payments' : r.to !== 'payments') continue;
      const status = `${r.code}${r.flags && r.flags !== '-' ? ` ${r.flags}` : ''}`;
      const subset = pod ? (pod.subset ?? '-') : 'none';
      const key = `${subset}|${status}`;
      const row = counts.get(key) ?? { subset, status, count: 0 };
      row.count++;
      counts.set(key, row);
      total++;
    }
    const rows = [...counts.values()].sort(
      (a, b) => a.subset.localeCompare(b.subset) || a.status.localeCompare(b.status),
    );
    return { since, total, rows };
  },
);
