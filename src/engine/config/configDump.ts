/**
 * Envoy's admin `/config_dump` shape (envoy.admin.v3.*ConfigDump) around a sidecar's dynamic
 * resources, so a view can print what `istioctl proxy-config all -o json` would show. Versions
 * and update times come from the caller (the simulation's ADS state), never from a clock.
 * Simplified: no bootstrap, static resources, warming entries or secrets; EDS is included only
 * when asked, as with `/config_dump?include_eds`.
 */
import type { ProxyResources } from './envoy';

const T = 'type.googleapis.com/';
const TYPES = {
  cluster: `${T}envoy.config.cluster.v3.Cluster`,
  listener: `${T}envoy.config.listener.v3.Listener`,
  route: `${T}envoy.config.route.v3.RouteConfiguration`,
  endpoint: `${T}envoy.config.endpoint.v3.ClusterLoadAssignment`,
} as const;

/** What the caller knows about the last applied (ACKed) response of each type. */
export interface DumpState {
  versions: { CDS: string; EDS: string; LDS: string; RDS: string };
  /** RFC 3339 time of the last update, from simulated time. */
  lastUpdated: string;
  includeEds?: boolean;
}

/** `/config_dump` JSON for these resources (plain objects, stable key order). */
export function configDump(
  res: ProxyResources,
  state: DumpState,
): { configs: Record<string, unknown>[] } {
  const { versions: v, lastUpdated: last_updated } = state;
  const configs: Record<string, unknown>[] = [
    {
      '@type': `${T}envoy.admin.v3.ClustersConfigDump`,
      version_info: v.CDS,
      dynamic_active_clusters: res.clusters.map((c) => ({
        version_info: v.CDS,
        cluster: { '@type': TYPES.cluster, ...c },
        last_updated,
      })),
    },
    {
      '@type': `${T}envoy.admin.v3.ListenersConfigDump`,
      version_info: v.LDS,
      dynamic_listeners: res.listeners.map((l) => ({
        name: l.name,
        active_state: {
          version_info: v.LDS,
          listener: { '@type': TYPES.listener, ...l },
          last_updated,
        },
      })),
    },
    {
      '@type': `${T}envoy.admin.v3.RoutesConfigDump`,
      dynamic_route_configs: res.routes.map((r) => ({
        version_info: v.RDS,
        route_config: { '@type': TYPES.route, ...r },
        last_updated,
      })),
    },
  ];
  if (state.includeEds)
    configs.push({
      '@type': `${T}envoy.admin.v3.EndpointsConfigDump`,
      dynamic_endpoint_configs: res.endpoints.map((e) => ({
        version_info: v.EDS,
        endpoint_config: { '@type': TYPES.endpoint, ...e },
        last_updated,
      })),
    });
  return { configs };
}
