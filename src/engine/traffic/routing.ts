/**
 * The caller's sidecar picks a route (docs/fidelity.md §4.1, §4.3): iptables sends the app's call to
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

/** A virtual host of a route configuration. */
export type EnvoyVirtualHost = EnvoyRouteConfiguration['virtual_hosts'][number];

/** The outbound HTTP listener every service port 8080 goes through (after `virtualOutbound`). */
export const OUTBOUND_LISTENER = '0.0.0.0_8080';

const vhostIndex = new WeakMap<EnvoyRouteConfiguration, Map<string, EnvoyVirtualHost>>();

/** The virtual host Envoy selects for a Host header (exact domain, else `*`). */
export function vhostFor(
  rc: EnvoyRouteConfiguration,
  authority: string,
): EnvoyVirtualHost | undefined {
  let idx = vhostIndex.get(rc);
  if (!idx) {
    idx = new Map();
    for (const vh of rc.virtual_hosts) for (const d of vh.domains) if (!idx.has(d)) idx.set(d, vh);
    vhostIndex.set(rc, idx);
  }
  return idx.get(authority) ?? idx.get('*');
}

/**
 * The route configuration the sidecar's outbound listener serves now (its ACTIVE listener and
 * route config), or a reason why there is none.
 */
export function outboundRouteConfig(
  sc: SidecarState,
): { ok: true; rc: EnvoyRouteConfiguration } | { ok: false; code: number; detail: string } {
  const listener = active(sc, 'LDS', OUTBOUND_LISTENER);
  if (sc.active.LDS['virtualOutbound'] === undefined || !listener) {
    return { ok: false, code: 503, detail: 'no listener for 0.0.0.0:8080 (config not received)' };
  }
  const rc = active(sc, 'RDS', listener.rds_route_config_name ?? '');
  if (!rc) return { ok: false, code: 404, detail: 'route_not_found' };
  return { ok: true, rc };
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

/** A route's match in words: `prefix /`, `path /pay header end-user = jason`. */
export function matchText(m: EnvoyRoute['match']): string {
  const uri =
    m.path !== undefined
      ? `path ${m.path}`
      : m.regex !== undefined
        ? `regex ${m.regex}`
        : `prefix ${m.prefix ?? '/'}`;
  const headers = (m.headers ?? []).map(
    (h) =>
      ` header ${h.name} ${h.exact !== undefined ? `= ${h.exact}` : h.prefix !== undefined ? `^= ${h.prefix}` : `~ ${h.regex ?? ''}`}`,
  );
  return uri + headers.join('');
}

/**
 * A route's label: its Envoy name, or its match in words when it has none (Istio names a route
 * only when the VirtualService names it; the compact form then holds its index).
 */
export function routeLabel(vh: EnvoyVirtualHost, r: EnvoyRoute): string {
  return r.name === String(vh.routes.indexOf(r)) ? matchText(r.match) : r.name;
}

/** One weighted draw: the chosen cluster, Σw and the drawn value `r = u32 % Σw`. */
export interface WeightedDraw {
  cluster: string;
  total: number;
  drawn: number;
}

/** Envoy's weighted pick with its numbers: `random % total_weight` into [0,w1), [w1,w1+w2), … */
export function drawWeighted(
  sim: Pick<MeshSim, 'rng'>,
  clusters: readonly { name: string; weight: number }[],
): WeightedDraw | null {
  let total = 0;
  for (const c of clusters) total += c.weight;
  if (total <= 0) return null;
  const drawn = sim.rng.u32() % total;
  let r = drawn;
  for (const c of clusters) {
    if (r < c.weight) return { cluster: c.name, total, drawn };
    r -= c.weight;
  }
  return null;
}

/** Envoy's weighted pick: `random % total_weight` into [0,w1), [w1,w1+w2), … */
export function pickWeighted(
  sim: Pick<MeshSim, 'rng'>,
  clusters: readonly { name: string; weight: number }[],
): string | null {
  return drawWeighted(sim, clusters)?.cluster ?? null;
}

const candidatesOf = new WeakMap<object, { cluster: string; weight: number }[]>();

/** The candidates of a weighted route as the trace shows them (shared: entries are immutable). */
function candidates(
  w: NonNullable<EnvoyRoute['route']['weighted_clusters']>,
): { cluster: string; weight: number }[] {
  let c = candidatesOf.get(w);
  if (!c) {
    c = w.clusters.map((x) => ({ cluster: x.name, weight: x.weight }));
    candidatesOf.set(w, c);
  }
  return c;
}

/**
 * Routes a call (request `id`) from the app of `sc` to `service:8080` with path and user header.
 * A weighted route's draw is counted in `traffic.picks` and traced as `route.pick`.
 */
export function routeRequest(
  sim: MeshSim,
  sc: SidecarState,
  service: string,
  path: string,
  user: string,
  id: number,
): RouteResult {
  const out = outboundRouteConfig(sc);
  if (!out.ok) return { ok: false, code: out.code, flags: 'NR', detail: out.detail };
  const rc = out.rc;
  const vh = vhostFor(rc, `${service}:8080`);
  if (!vh) return { ok: false, code: 404, flags: 'NR', detail: 'route_not_found' };
  const route = vh.routes.find((r) => matches(r, path, user));
  if (!route) return { ok: false, code: 404, flags: 'NR', detail: 'route_not_found' };
  const a = route.route;
  let cluster: string | null = a.cluster ?? null;
  if (cluster === null && a.weighted_clusters) {
    const d = drawWeighted(sim, a.weighted_clusters.clusters);
    if (d) {
      cluster = d.cluster;
      const picks = (sim.state.traffic.picks[sc.pod] ??= {});
      picks[cluster] = (picks[cluster] ?? 0) + 1;
      sim.emit({
        t: sim.now,
        type: 'route.pick',
        pod: sc.pod,
        id,
        service,
        routeConfig: rc.name,
        vhost: vh.name,
        route: routeLabel(vh, route),
        candidates: candidates(a.weighted_clusters),
        total: d.total,
        drawn: d.drawn,
        cluster,
      });
    }
  }
  if (!cluster) return { ok: false, code: 503, flags: 'NC', detail: 'cluster_not_found' };
  if (sc.active.CDS[cluster] === undefined)
    return { ok: false, code: 503, flags: 'NC', detail: 'cluster_not_found' };
  return { ok: true, cluster, route };
}
