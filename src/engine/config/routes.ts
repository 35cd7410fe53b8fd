/**
 * RDS: outbound RouteConfigurations named by port (`"8080"`), one virtual host per service on
 * that port, routes from the VirtualService (pilot/pkg/networking/core/route/route.go) or the
 * default route, plus the `allow_any` virtual host (ALLOW_ANY → PassthroughCluster).
 */
import { durationMs, protoDuration } from './duration';
import type {
  FaultConfig,
  FractionalPercent,
  HeaderMatcher,
  Route,
  RouteAction,
  RouteConfiguration,
  RouteMatch,
  VirtualHost,
} from './envoy';
import type { HTTPMatchRequest, HTTPRoute, StringMatch, VirtualService } from './istio';
import { clusterName, configPath, destinationPort, resolveHost, virtualServiceFor } from './lookup';
import { commonHashPolicy, hashPolicyFor, type HashPolicy } from './hash';
import { labelsMatch, type MeshConfig, type MeshPod, type MeshService } from './mesh';
import { convertRetry, defaultRetryPolicy } from './retry';

/** Domains of a virtual host: FQDN, short name, name.ns, name.ns.svc and ClusterIP, each ± `:port`. */
export function virtualHostDomains(svc: MeshService, port: number, proxy: MeshPod): string[] {
  const names = [svc.hostname];
  if (proxy.namespace === svc.namespace) names.push(svc.name);
  names.push(`${svc.name}.${svc.namespace}`, `${svc.name}.${svc.namespace}.svc`, svc.clusterIP);
  return names.flatMap((n) => [n, `${n}:${port}`]);
}

function stringMatch(m: StringMatch): HeaderMatcher['string_match'] {
  if (m.exact !== undefined) return { exact: m.exact };
  if (m.prefix !== undefined) return { prefix: m.prefix };
  return { safe_regex: { regex: m.regex ?? '' } };
}

function routeMatch(m: HTTPMatchRequest | undefined): RouteMatch {
  const uri = m?.uri;
  const out: RouteMatch =
    uri?.exact !== undefined
      ? { path: uri.exact }
      : uri?.regex !== undefined
        ? { safe_regex: { regex: uri.regex } }
        : { prefix: uri?.prefix ?? '/' };
  // Istio sets case_sensitive (= !ignoreUriCase) only when the rule has a match block.
  if (m !== undefined) out.case_sensitive = true;
  const headers = Object.entries(m?.headers ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (headers.length > 0)
    out.headers = headers.map(([name, sm]) => ({ name, string_match: stringMatch(sm) }));
  return out;
}

/** Istio percent (0–100, fractional) → Envoy FractionalPercent per MILLION. */
function percent(value: number | undefined): FractionalPercent {
  return { numerator: Math.round((value ?? 100) * 10_000), denominator: 'MILLION' };
}

function fault(r: HTTPRoute): FaultConfig | undefined {
  const f = r.fault;
  if (!f) return undefined;
  const out: FaultConfig = {
    '@type': 'type.googleapis.com/envoy.extensions.filters.http.fault.v3.HTTPFault',
  };
  if (f.delay?.fixedDelay !== undefined)
    out.delay = {
      fixed_delay: protoDuration(durationMs(f.delay.fixedDelay)),
      percentage: percent(f.delay.percentage?.value),
    };
  if (f.abort?.httpStatus !== undefined)
    out.abort = { http_status: f.abort.httpStatus, percentage: percent(f.abort.percentage?.value) };
  return out.delay || out.abort ? out : undefined;
}

/** The route action of an HTTPRoute: zero weights dropped, no `total_weight` (docs/fidelity.md §4.3). */
function action(
  config: MeshConfig,
  proxy: MeshPod,
  vs: VirtualService,
  r: HTTPRoute,
  listenerPort: number,
): RouteAction {
  const hashes: (HashPolicy | undefined)[] = [];
  const dests = (r.route ?? []).map((d) => {
    const host = resolveHost(d.destination.host, vs.metadata.namespace);
    const svc = config.services.find((s) => s.hostname === host);
    const port = destinationPort(svc, d.destination.port?.number, listenerPort);
    if ((d.weight ?? 0) > 0 || r.route?.length === 1)
      hashes.push(hashPolicyFor(config, proxy, host, d.destination.subset ?? ''));
    return {
      name: clusterName('outbound', port, d.destination.subset ?? '', host),
      weight: d.weight ?? 0,
    };
  });
  const hash = commonHashPolicy(hashes);
  const a: RouteAction =
    dests.length === 1 && dests[0]
      ? { cluster: dests[0].name, timeout: '0s' }
      : { weighted_clusters: { clusters: dests.filter((d) => d.weight > 0) }, timeout: '0s' };
  if (r.timeout !== undefined) a.timeout = protoDuration(durationMs(r.timeout));
  const retry = convertRetry(r.retries, hash !== undefined);
  if (retry) a.retry_policy = retry;
  if (hash) a.hash_policy = [hash];
  a.max_stream_duration = { max_stream_duration: a.timeout, grpc_timeout_header_max: a.timeout };
  return a;
}

/** The Envoy routes of one VirtualService for this proxy (matches filtered by `sourceLabels`). */
export function virtualServiceRoutes(
  config: MeshConfig,
  vs: VirtualService,
  proxy: MeshPod,
  svc: MeshService,
  port: number,
): Route[] {
  const out: Route[] = [];
  for (const r of vs.spec.http ?? []) {
    // Simplified: rules without destinations (redirect, directResponse, delegate) are left out
    // (`unmodelledFields` lists them for the editor).
    if ((r.route ?? []).length === 0) continue;
    const all = r.match ?? [];
    const matches = all.filter(
      (m) => m.sourceLabels === undefined || labelsMatch(m.sourceLabels, proxy.labels),
    );
    if (all.length > 0 && matches.length === 0) continue; // no match applies to this proxy
    const f = fault(r);
    for (const m of matches.length > 0 ? matches : [undefined]) {
      const act = action(config, proxy, vs, r, port); // one object per route: no shared references
      const name =
        r.name !== undefined && m?.name !== undefined ? `${r.name}.${m.name}` : (r.name ?? m?.name);
      out.push({
        ...(name === undefined ? {} : { name }),
        match: routeMatch(m),
        route: act,
        decorator: { operation: `${svc.hostname}:${port}/*` },
        ...(f ? { typed_per_filter_config: { 'envoy.filters.http.fault': f } } : {}),
        metadata: {
          filter_metadata: {
            istio: {
              config: configPath('virtual-service', vs.metadata.namespace, vs.metadata.name),
            },
          },
        },
      });
    }
  }
  return out;
}

function defaultRoute(config: MeshConfig, proxy: MeshPod, svc: MeshService, port: number): Route {
  const hash = hashPolicyFor(config, proxy, svc.hostname, '');
  return {
    name: 'default',
    match: { prefix: '/' },
    route: {
      cluster: clusterName('outbound', port, '', svc.hostname),
      timeout: '0s',
      retry_policy: defaultRetryPolicy(hash !== undefined),
      ...(hash ? { hash_policy: [hash] } : {}),
      max_stream_duration: { max_stream_duration: '0s', grpc_timeout_header_max: '0s' },
    },
    decorator: { operation: `${svc.hostname}:${port}/*` },
  };
}

/** The outbound RouteConfiguration for `port` as `proxy` gets it. */
export function outboundRouteConfig(
  config: MeshConfig,
  proxy: MeshPod,
  port: number,
): RouteConfiguration {
  const vhosts: VirtualHost[] = [];
  const svcs = config.services
    .filter((s) => s.ports.some((p) => p.port === port))
    .sort((a, b) => (a.hostname < b.hostname ? -1 : 1));
  for (const svc of svcs) {
    const vs = virtualServiceFor(config, svc);
    const vsRoutes = vs ? virtualServiceRoutes(config, vs, proxy, svc, port) : [];
    // A VirtualService that yields no route for this proxy is skipped: the default route applies.
    const routes = vsRoutes.length > 0 ? vsRoutes : [defaultRoute(config, proxy, svc, port)];
    vhosts.push({
      name: `${svc.hostname}:${port}`,
      domains: virtualHostDomains(svc, port, proxy),
      routes,
      include_request_attempt_count: true,
    });
  }
  vhosts.push({
    name: 'allow_any',
    domains: ['*'],
    routes: [
      {
        name: 'allow_any',
        match: { prefix: '/' },
        route: {
          cluster: 'PassthroughCluster',
          timeout: '0s',
          max_stream_duration: { max_stream_duration: '0s', grpc_timeout_header_max: '0s' },
        },
      },
    ],
    include_request_attempt_count: true,
  });
  return { name: String(port), virtual_hosts: vhosts, validate_clusters: false };
}
