/**
 * Istiod's lookups: names (`BuildSubsetKey`), host resolution, which VirtualService and which
 * DestinationRule apply to a service as seen from a proxy, and subset policy merging.
 */
import type { DestinationRule, TrafficPolicy, VirtualService } from './istio';
import type { MeshConfig, MeshPod, MeshService } from './mesh';

/**
 * Istio's config key in Envoy metadata (`filter_metadata.istio.config`), which `istioctl
 * proxy-config` reads back: `/apis/networking.istio.io/v1alpha3/namespaces/<ns>/<kind>/<name>`.
 */
export function configPath(
  kind: 'virtual-service' | 'destination-rule',
  namespace: string,
  name: string,
): string {
  return `/apis/networking.istio.io/v1alpha3/namespaces/${namespace}/${kind}/${name}`;
}

/** `outbound|<port>|<subset>|<fqdn>` / `inbound|<port>||` (Istio's `BuildSubsetKey`). */
export function clusterName(
  direction: 'outbound' | 'inbound',
  port: number,
  subset: string,
  host: string,
): string {
  return `${direction}|${port}|${subset}|${host}`;
}

/**
 * Resolves a host as written in an Istio object of namespace `ns` to an FQDN. As Istio's
 * `ResolveShortnameToFQDN`: only a name without dots is expanded (`payments` →
 * `payments.shop.svc.cluster.local`); anything else is taken as written.
 */
export function resolveHost(host: string, ns: string): string {
  return host.includes('.') || host.startsWith('*') ? host : `${host}.${ns}.svc.cluster.local`;
}

/** True if `pattern` (an FQDN or `*.suffix` / `*`) covers `host`. */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return pattern === host;
}

/** True if the VirtualService applies to sidecars (no `gateways`, or it lists `mesh`). */
export function appliesToMesh(vs: VirtualService): boolean {
  const g = vs.spec.gateways;
  return g === undefined || g.length === 0 || g.includes('mesh');
}

/**
 * The VirtualService that programs routes for `svc` in sidecars. Several VirtualServices for one
 * host are not merged in sidecars ("Host merging is not supported in sidecars", docs/fidelity.md §2):
 * an exact host beats a wildcard, then the oldest (first applied) wins.
 */
export function virtualServiceFor(
  config: MeshConfig,
  svc: MeshService,
): VirtualService | undefined {
  const candidates = config.virtualServices.filter(appliesToMesh);
  const exact = candidates.find((vs) =>
    vs.spec.hosts.some((h) => resolveHost(h, vs.metadata.namespace) === svc.hostname),
  );
  return (
    exact ??
    candidates.find((vs) =>
      vs.spec.hosts.some((h) => hostMatches(resolveHost(h, vs.metadata.namespace), svc.hostname)),
    )
  );
}

/**
 * The DestinationRule for `svc` from `proxy`'s point of view: lookup order client namespace →
 * service namespace → root namespace (docs/fidelity.md §2); within one namespace an exact host beats a
 * wildcard and the oldest wins. Simplified: `exportTo` is not modelled (everything is `*`).
 */
export function destinationRuleFor(
  config: MeshConfig,
  proxy: MeshPod,
  svc: MeshService,
): DestinationRule | undefined {
  for (const ns of [proxy.namespace, svc.namespace, config.rootNamespace]) {
    const inNs = config.destinationRules.filter((dr) => dr.metadata.namespace === ns);
    const exact = inNs.find((dr) => resolveHost(dr.spec.host, ns) === svc.hostname);
    const found =
      exact ?? inNs.find((dr) => hostMatches(resolveHost(dr.spec.host, ns), svc.hostname));
    if (found) return found;
  }
  return undefined;
}

/**
 * A subset's effective policy: the DR's top-level trafficPolicy with the subset's fields laid over
 * it (Istio's `MergeTrafficPolicy`: field by field, the subset wins).
 */
export function mergePolicy(
  top: TrafficPolicy | undefined,
  sub: TrafficPolicy | undefined,
): TrafficPolicy {
  return { ...(top ?? {}), ...(sub ?? {}) };
}

/** The port a destination means: its `port.number`, or the service's only port. */
export function destinationPort(
  svc: MeshService | undefined,
  port: number | undefined,
  fallback: number,
): number {
  if (port !== undefined) return port;
  if (svc && svc.ports.length === 1 && svc.ports[0]) return svc.ports[0].port;
  return fallback;
}
