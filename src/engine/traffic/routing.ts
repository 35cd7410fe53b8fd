/**
 * The caller's sidecar picks a route (fidelity.md §4.1, §4.3): iptables sends the app's call to
 * `virtualOutbound` (15001), which hands it to the `0.0.0.0_8080` listener; its route config
 * `"8080"` selects the virtual host by Host header (`payments:8080`), then the first matching
 * route; a weighted route picks a cluster per request with `random % Σw` (Envoy's
 * WeightedClusterSpecifier). Routing happens here, in the client sidecar, never at the
 * destination.
 */
import type { EnvoyRoute, EnvoyRouteConfiguration } from '../mesh/envoy';
import { active } from '../mesh/blobs';
import type { MeshSim, SidecarState } from '../mesh/types';

/** Result of routing: a cluster and the route, or a local reply. */
export type RouteResult =
  | { ok: true; cluster: string; route: EnvoyRoute }
  | { ok: false; code: number; flags: string; detail: string };

const vhostIndex = new WeakMap<EnvoyRouteConfiguration, Map<string, EnvoyRouteConfiguration['virtual_hosts'][number]>>();

function vhostFor(rc: EnvoyRouteConfiguration, authority: string): EnvoyRouteConfiguration['virtual_hosts'][number] | undefined {
  let idx = vhostIndex.get(rc);
  if (!idx) {
    idx = new Map();
    for (const vh of rc.virtual_hosts) for (const d of vh.domains) if (!idx.has(d)) idx.set(d, vh);
    vhostIndex.set(rc, idx);
  }
  return idx.get(authority) ?? idx.get('*');
}

function matches(r: EnvoyRoute, path: string, user: string): boolean {
  const m = r.match;
  if (m.path !== undefined && m.path !== path) return false;
  if (m.prefix !== undefined && !path.startsWith(m.prefix)) return false;
  if (m.headers) {
    for (const h of m.headers) {
      const v = h.name === 'x-user' || h.name === 'end-user' ? user : undefined;
      if (v === undefined) return false;
      if (h.exact !== undefined && v !== h.exact) return false;
      if (h.prefix !== undefined && !v.startsWith(h.prefix)) return false;
    }
  }
  return true;
}

/** Envoy's weighted pick: `random % total_weight` into [0,w1), [w1,w1+w2), … */
export function pickWeighted(sim: MeshSim, clusters: readonly { name: string; weight: number }[]): string | null {
  let total = 0;
  for (const c of clusters) total += c.weight;
  if (total <= 0) return null;
  let r = sim.rng.u32() % total;
  for (const c of clusters) {
    if (r < c.weight) return c.name;
    r -= c.weight;
  }
  return null;
}

/** Routes a call from the app of `sc` to `service:8080` with path and user header. */
export function routeRequest(sim: MeshSim, sc: SidecarState, service: string, path: string, user: string): RouteResult {
  const listener = active(sc, 'LDS', '0.0.0.0_8080');
  if (sc.active.LDS['virtualOutbound'] === undefined || !listener) {
    return { ok: false, code: 503, flags: 'NR', detail: 'no listener for 0.0.0.0:8080 (config not received)' };
  }
  const rc = active(sc, 'RDS', listener.rds_route_config_name ?? '');
  if (!rc) return { ok: false, code: 404, flags: 'NR', detail: 'route_not_found' };
  const vh = vhostFor(rc, `${service}:8080`);
  if (!vh) return { ok: false, code: 404, flags: 'NR', detail: 'route_not_found' };
  const route = vh.routes.find((r) => matches(r, path, user));
  if (!route) return { ok: false, code: 404, flags: 'NR', detail: 'route_not_found' };
  const a = route.route;
  const cluster = a.cluster ?? (a.weighted_clusters ? pickWeighted(sim, a.weighted_clusters.clusters) : null);
  if (!cluster) return { ok: false, code: 503, flags: 'NC', detail: 'cluster_not_found' };
  if (sc.active.CDS[cluster] === undefined) return { ok: false, code: 503, flags: 'NC', detail: 'cluster_not_found' };
  return { ok: true, cluster, route };
}
