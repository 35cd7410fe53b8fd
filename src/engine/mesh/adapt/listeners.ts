/**
 * Envoy Listener JSON → compact listener: the RDS name of an outbound HTTP listener, and for
 * `virtualInbound` the mTLS mode (which transport protocols its filter chains accept: tls and
 * raw_buffer = PERMISSIVE, tls only = STRICT) and the RBAC rules of its HTTP filters.
 */
import type { Listener } from '../../config';
import type { AuthzRule, EnvoyListener, InboundAuthz, PrincipalMatcher } from '../envoy';

interface RbacPolicy {
  permissions?: unknown[];
  principals?: unknown[];
}

function principalsOf(list: unknown[] | undefined): PrincipalMatcher[] | null {
  const out: PrincipalMatcher[] = [];
  const visit = (p: unknown): boolean => {
    const o = p as {
      any?: boolean;
      or_ids?: { ids: unknown[] };
      authenticated?: {
        principal_name: {
          exact?: string;
          prefix?: string;
          suffix?: string;
          safe_regex?: { regex: string };
        };
      };
    };
    if (o.any) return true;
    if (o.or_ids) return o.or_ids.ids.some(visit);
    const pn = o.authenticated?.principal_name;
    if (pn) {
      const m: PrincipalMatcher = {};
      if (pn.exact !== undefined) m.exact = pn.exact;
      if (pn.prefix !== undefined) m.prefix = pn.prefix;
      if (pn.suffix !== undefined) m.suffix = pn.suffix;
      if (pn.safe_regex) m.regex = pn.safe_regex.regex;
      out.push(m);
    }
    return false;
  };
  for (const p of list ?? []) if (visit(p)) return null;
  return out;
}

function permissionsOf(list: unknown[] | undefined): {
  paths: string[] | null;
  methods: string[] | null;
} {
  const paths: string[] = [];
  const methods: string[] = [];
  let any = false;
  const visit = (p: unknown): void => {
    const o = p as {
      any?: boolean;
      or_rules?: { rules: unknown[] };
      url_path?: { path: { exact: string } };
      header?: { name: string; string_match: { exact: string } };
    };
    if (o.any) any = true;
    if (o.or_rules) o.or_rules.rules.forEach(visit);
    if (o.url_path) paths.push(o.url_path.path.exact);
    if (o.header?.name === ':method') methods.push(o.header.string_match.exact);
  };
  (list ?? []).forEach(visit);
  if (any) return { paths: null, methods: null };
  return { paths: paths.length ? paths : null, methods: methods.length ? methods : null };
}

function rbacOf(
  httpFilters: { name: string; typed_config: Record<string, unknown> }[],
): InboundAuthz {
  const authz: InboundAuthz = { deny: [], allowPolicies: 0, allow: [] };
  for (const f of httpFilters) {
    if (f.name !== 'envoy.filters.http.rbac') continue;
    const rules = f.typed_config['rules'] as
      { action: string; policies: Record<string, RbacPolicy> } | undefined;
    if (!rules) continue;
    const compiled: AuthzRule[] = Object.entries(rules.policies).map(([policy, p]) => ({
      policy,
      principals: principalsOf(p.principals),
      ...permissionsOf(p.permissions),
    }));
    if (rules.action === 'DENY') authz.deny.push(...compiled);
    else {
      authz.allowPolicies++;
      authz.allow.push(...compiled);
    }
  }
  return authz;
}

/** Compact listener. */
export function compactListener(l: Listener): EnvoyListener {
  const out: EnvoyListener = {
    name: l.name,
    address: l.address.socket_address.address,
    port: l.address.socket_address.port_value,
    direction: l.traffic_direction,
  };
  for (const fc of l.filter_chains) {
    for (const f of fc.filters) {
      const rds = (f.typed_config['rds'] as { route_config_name?: string } | undefined)
        ?.route_config_name;
      if (rds !== undefined) out.rds_route_config_name = rds;
    }
  }
  if (l.traffic_direction === 'INBOUND') {
    const protos = new Set(l.filter_chains.map((fc) => fc.filter_chain_match?.transport_protocol));
    out.mtls_mode =
      protos.has('tls') && protos.has('raw_buffer')
        ? 'PERMISSIVE'
        : protos.has('tls')
          ? 'STRICT'
          : 'DISABLE';
    const hcm = l.filter_chains
      .flatMap((fc) => fc.filters)
      .find((f) => f.name === 'envoy.filters.network.http_connection_manager');
    const httpFilters = (hcm?.typed_config['http_filters'] ?? []) as {
      name: string;
      typed_config: Record<string, unknown>;
    }[];
    out.authz = rbacOf(httpFilters);
  }
  return out;
}
