/** Envoy RouteConfiguration JSON → the compact route table the caller's sidecar matches on. */
import { durationMs, ENVOY_RETRY_BASE_INTERVAL_MS, type RouteConfiguration } from '../../config';
import type { EnvoyRoute, EnvoyRouteConfiguration, RetryPolicyConfig } from '../envoy';

type Route = RouteConfiguration['virtual_hosts'][number]['routes'][number];

function percentOf(p: { numerator: number; denominator: string } | undefined): number {
  if (!p) return 100;
  const d =
    p.denominator === 'HUNDRED' ? 100 : p.denominator === 'TEN_THOUSAND' ? 10_000 : 1_000_000;
  return (p.numerator / d) * 100;
}

function retry(r: Route['route']['retry_policy']): RetryPolicyConfig | undefined {
  if (!r) return undefined;
  return {
    retry_on: r.retry_on,
    num_retries: r.num_retries,
    per_try_timeout_ms: r.per_try_timeout ? durationMs(r.per_try_timeout) : 0,
    base_interval_ms: ENVOY_RETRY_BASE_INTERVAL_MS,
    previous_hosts: (r.retry_host_predicate ?? []).some(
      (p) => p.name === 'envoy.retry_host_predicates.previous_hosts',
    ),
    host_selection_retry_max_attempts: r.host_selection_retry_max_attempts,
    retriable_status_codes: r.retriable_status_codes ?? [],
  };
}

function compactRoute(r: Route, i: number): EnvoyRoute {
  const m = r.match;
  const match: EnvoyRoute['match'] = {};
  if (m.prefix !== undefined) match.prefix = m.prefix;
  if (m.path !== undefined) match.path = m.path;
  if (m.safe_regex) match.regex = m.safe_regex.regex;
  if (m.headers) {
    match.headers = m.headers.map((h) => {
      const out: { name: string; exact?: string; prefix?: string; regex?: string } = {
        name: h.name,
      };
      if (h.string_match.exact !== undefined) out.exact = h.string_match.exact;
      if (h.string_match.prefix !== undefined) out.prefix = h.string_match.prefix;
      if (h.string_match.safe_regex) out.regex = h.string_match.safe_regex.regex;
      return out;
    });
  }
  const a = r.route;
  const route: EnvoyRoute['route'] = { timeout_ms: durationMs(a.timeout) };
  if (a.cluster !== undefined) route.cluster = a.cluster;
  if (a.weighted_clusters)
    route.weighted_clusters = {
      clusters: a.weighted_clusters.clusters.map((c) => ({ name: c.name, weight: c.weight })),
    };
  const rp = retry(a.retry_policy);
  if (rp) route.retry_policy = rp;
  for (const hp of a.hash_policy ?? []) {
    if ('header' in hp) route.hash_header = hp.header.header_name;
    else if ('connection_properties' in hp)
      route.hash_source_ip = hp.connection_properties.source_ip;
    else if ('cookie' in hp) route.hash_cookie = hp.cookie.name;
  }
  const f = r.typed_per_filter_config?.['envoy.filters.http.fault'];
  if (f) {
    const fault: NonNullable<EnvoyRoute['route']['fault']> = {};
    if (f.delay) {
      fault.delay_ms = durationMs(f.delay.fixed_delay);
      fault.delay_percent = percentOf(f.delay.percentage);
    }
    if (f.abort) {
      fault.abort_status = f.abort.http_status;
      fault.abort_percent = percentOf(f.abort.percentage);
    }
    route.fault = fault;
  }
  return { name: r.name ?? String(i), match, route };
}

/** Compact route configuration. */
export function compactRouteConfig(rc: RouteConfiguration): EnvoyRouteConfiguration {
  return {
    name: rc.name,
    virtual_hosts: rc.virtual_hosts.map((vh) => ({
      name: vh.name,
      domains: vh.domains,
      routes: vh.routes.map(compactRoute),
    })),
  };
}
