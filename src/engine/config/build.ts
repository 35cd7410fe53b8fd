/**
 * Istiod's per-proxy config generation: everything one sidecar gets over ADS.
 * Simplified: no Sidecar resource (every proxy sees every service, Istio's default scope), one
 * cluster network, HTTP ports only.
 */
import { inboundClusters, outboundClusters, specialClusters } from './clusters';
import { clusterLoadAssignments } from './endpoints';
import type { ProxyResources } from './envoy';
import { listenersFor } from './listeners';
import { servicesOfPod, type MeshConfig, type MeshPod } from './mesh';
import { outboundRouteConfig } from './routes';

/** Finds a pod by name or throws (a programming error in the caller). */
export function podByName(config: MeshConfig, pod: string): MeshPod {
  const p = config.pods.find((x) => x.name === pod);
  if (!p) throw new Error(`unknown pod ${pod}`);
  return p;
}

/** Istio's proxy ID: `sidecar~<ip>~<pod>.<ns>~<ns>.svc.cluster.local` (docs/fidelity.md §4.1). */
export function nodeId(config: MeshConfig, pod: string): string {
  const p = podByName(config, pod);
  return `sidecar~${p.ip}~${p.name}.${p.namespace}~${p.namespace}.svc.cluster.local`;
}

/**
 * Builds the CDS, EDS, LDS and RDS resources of `proxy.pod`'s sidecar. Deterministic: the same
 * config always gives the same JSON (clusters sorted by name, everything else in registry order).
 */
export function buildProxyResources(config: MeshConfig, proxy: { pod: string }): ProxyResources {
  const pod = podByName(config, proxy.pod);
  const own = servicesOfPod(config, pod);
  const clusters = [
    ...outboundClusters(config, pod),
    ...inboundClusters(own),
    ...specialClusters(),
  ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const endpoints = clusterLoadAssignments(config, pod).sort((a, b) =>
    a.cluster_name < b.cluster_name ? -1 : 1,
  );
  const ports = [...new Set(config.services.flatMap((s) => s.ports.map((p) => p.port)))].sort(
    (a, b) => a - b,
  );
  return {
    clusters,
    endpoints,
    listeners: listenersFor(config, pod, own),
    routes: ports.map((p) => outboundRouteConfig(config, pod, p)),
  };
}
