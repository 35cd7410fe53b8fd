/**
 * Scene 5's route table: what the selected sidecar's Envoy really serves for calls to a service,
 * read from its ACTIVE (applied) listener and RDS resource — route config `"8080"`, the virtual
 * host the Host header selects (`payments.shop.svc.cluster.local:8080` and its domains), and each
 * route's match with its cluster or weighted clusters (Istio names:
 * `outbound|8080|v1|payments.shop.svc.cluster.local`). A new VirtualService shows here only once
 * that sidecar applied (ACKed) the new RDS.
 */
import type { EnvoyRoute } from '../envoy';
import {
  matchText,
  outboundRouteConfig,
  OUTBOUND_LISTENER,
  routeLabel,
  vhostFor,
} from '../../traffic/routing';
import { memoBySimWith, type MeshSource } from './memo';

/** One upstream cluster of a route. */
export interface RouteTableCluster {
  /** Istio's cluster name, `outbound|8080|v1|payments.shop.svc.cluster.local`. */
  cluster: string;
  /** The subset (`v1`) or null for the whole service. */
  subset: string | null;
  /** Weight (a single-cluster route has weight 100). */
  weight: number;
  /** weight / Σweights × 100. */
  percent: number;
}

/** One route of the virtual host, in match order (the first match wins). */
export interface RouteTableRoute {
  /** Envoy's route name, or the match in words when the route has no name. */
  name: string;
  match: EnvoyRoute['match'];
  /** `prefix /`, `path /pay header end-user = jason`. */
  matchText: string;
  /** `weighted_clusters` (a per-request pick) rather than one `cluster`. */
  weighted: boolean;
  clusters: RouteTableCluster[];
  totalWeight: number;
}

/** The route to one service as one sidecar serves it. */
export interface RouteTableView {
  pod: string;
  service: string;
  /** `0.0.0.0_8080`. */
  listener: string;
  /** The route configuration's name, `"8080"`. */
  routeConfig: string;
  /** `version_info` of the RDS response that last changed it (null if unknown). */
  version: string | null;
  vhost: { name: string; domains: string[] };
  routes: RouteTableRoute[];
}

/** The subset of an Istio cluster name (`outbound|8080|v1|host` → `v1`), or null. */
export function subsetOfCluster(cluster: string): string | null {
  return cluster.split('|')[2] || null;
}

function clusterRow(cluster: string, weight: number, total: number): RouteTableCluster {
  return {
    cluster,
    subset: subsetOfCluster(cluster),
    weight,
    percent: total > 0 ? (weight * 100) / total : 0,
  };
}

function build(sim: MeshSource, pod: string, service: string): RouteTableView | null {
  const sc = sim.state.sidecars[pod];
  if (!sc) return null;
  const out = outboundRouteConfig(sc);
  if (!out.ok) return null;
  const rc = out.rc;
  const vh = vhostFor(rc, `${service}:8080`);
  if (!vh) return null;
  const stamp = sc.stamps.RDS[rc.name];
  const routes = vh.routes.map((r): RouteTableRoute => {
    const a = r.route;
    const w = a.weighted_clusters?.clusters;
    let clusters: RouteTableCluster[] = [];
    let total = 0;
    if (a.cluster !== undefined) {
      total = 100;
      clusters = [clusterRow(a.cluster, 100, 100)];
    } else if (w) {
      for (const c of w) total += c.weight;
      clusters = w.map((c) => clusterRow(c.name, c.weight, total));
    }
    return {
      name: routeLabel(vh, r),
      match: r.match,
      matchText: matchText(r.match),
      weighted: a.cluster === undefined && w !== undefined,
      clusters,
      totalWeight: total,
    };
  });
  return {
    pod,
    service,
    listener: OUTBOUND_LISTENER,
    routeConfig: rc.name,
    version: stamp === undefined ? null : (stamp.split('@')[0] ?? null),
    vhost: { name: vh.name, domains: [...vh.domains] },
    routes,
  };
}

const memo = memoBySimWith((pod: string, service: string) => `${pod}|${service}`, build);

/**
 * The route to `service` (default `payments`) in `pod`'s sidecar, as its Envoy serves it now;
 * null when the sidecar has no active listener, route config or matching virtual host.
 */
export function routeTable(
  sim: MeshSource,
  pod: string,
  service = 'payments',
): RouteTableView | null {
  return memo(sim, pod, service);
}
