/**
 * How PeerAuthentication and AuthorizationPolicy land on a workload's inbound side: the effective
 * mTLS mode (selector → namespace → root namespace → PERMISSIVE) and the Envoy RBAC filters.
 */
import type { TypedConfig } from './envoy';
import type { AuthorizationAction, AuthorizationPolicy, MutualTLSMode } from './istio';
import { labelsMatch, type MeshConfig, type MeshPod } from './mesh';

/** The effective mTLS mode of a workload (docs/fidelity.md §3: unset means PERMISSIVE). */
export function effectiveMtlsMode(
  config: MeshConfig,
  pod: MeshPod,
): Exclude<MutualTLSMode, 'UNSET'> {
  const pas = config.peerAuthentications;
  const ordered = [
    ...pas.filter(
      (p) =>
        p.metadata.namespace === pod.namespace &&
        p.spec.selector &&
        labelsMatch(p.spec.selector.matchLabels ?? {}, pod.labels),
    ),
    ...pas.filter((p) => p.metadata.namespace === pod.namespace && !p.spec.selector),
    ...pas.filter((p) => p.metadata.namespace === config.rootNamespace && !p.spec.selector),
  ];
  for (const pa of ordered) {
    const mode = pa.spec.mtls?.mode;
    if (mode !== undefined && mode !== 'UNSET') return mode;
  }
  return 'PERMISSIVE';
}

/** AuthorizationPolicies that select this workload (root namespace ones apply mesh-wide). */
export function policiesFor(config: MeshConfig, pod: MeshPod): AuthorizationPolicy[] {
  return config.authorizationPolicies.filter((ap) => {
    const ns = ap.metadata.namespace;
    if (ns !== pod.namespace && ns !== config.rootNamespace) return false;
    return !ap.spec.selector || labelsMatch(ap.spec.selector.matchLabels ?? {}, pod.labels);
  });
}

function principalMatcher(p: string): unknown {
  if (p === '*') return { any: true };
  const full = (s: string): string => `spiffe://${s}`;
  if (p.startsWith('*')) return { authenticated: { principal_name: { suffix: p.slice(1) } } };
  if (p.endsWith('*'))
    return { authenticated: { principal_name: { prefix: full(p.slice(0, -1)) } } };
  return { authenticated: { principal_name: { exact: full(p) } } };
}

/** Envoy RBAC policies of one action (Istio names them `ns[<ns>]-policy[<name>]-rule[<i>]`). */
function rbacPolicies(aps: readonly AuthorizationPolicy[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const ap of aps) {
    (ap.spec.rules ?? []).forEach((rule, i) => {
      const ids = (rule.from ?? []).flatMap((f) => [
        ...(f.source.principals ?? []).map(principalMatcher),
        ...(f.source.namespaces ?? []).map((ns) => ({
          authenticated: { principal_name: { safe_regex: { regex: `.*/ns/${ns}/.*` } } },
        })),
      ]);
      const perms = (rule.to ?? []).flatMap((t) => [
        ...(t.operation.paths ?? []).map((path) => ({ url_path: { path: { exact: path } } })),
        ...(t.operation.methods ?? []).map((m) => ({
          header: { name: ':method', string_match: { exact: m } },
        })),
      ]);
      out[`ns[${ap.metadata.namespace}]-policy[${ap.metadata.name}]-rule[${i}]`] = {
        permissions: perms.length > 0 ? [{ or_rules: { rules: perms } }] : [{ any: true }],
        principals: ids.length > 0 ? [{ or_ids: { ids } }] : [{ any: true }],
      };
    });
  }
  return out;
}

/**
 * The `envoy.filters.http.rbac` filters for this workload: DENY first, then ALLOW (Istio's order).
 * An ALLOW policy with no rules allows nothing; none at all means no ALLOW filter (allow all).
 */
export function rbacFilters(
  config: MeshConfig,
  pod: MeshPod,
): { name: string; typed_config: TypedConfig }[] {
  const aps = policiesFor(config, pod);
  const out: { name: string; typed_config: TypedConfig }[] = [];
  for (const action of ['DENY', 'ALLOW'] as AuthorizationAction[]) {
    const some = aps.filter((ap) => (ap.spec.action ?? 'ALLOW') === action);
    if (some.length === 0) continue;
    out.push({
      name: 'envoy.filters.http.rbac',
      typed_config: {
        '@type': 'type.googleapis.com/envoy.extensions.filters.http.rbac.v3.RBAC',
        rules: { action, policies: rbacPolicies(some) },
      },
    });
  }
  return out;
}
