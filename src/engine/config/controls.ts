/**
 * Config changes the scenes' controls make: the canary slider and "push a config that one
 * sidecar rejects".
 */
import { castMesh } from './cast';
import type { VirtualService } from './istio';
import { applyDocs, type MeshConfig } from './mesh';
import { resolveHost } from './lookup';

const PAYMENTS = 'payments.shop.svc.cluster.local';

function paymentsVs(config: MeshConfig): VirtualService {
  const found = config.virtualServices.find((vs) =>
    vs.spec.hosts.some((h) => resolveHost(h, vs.metadata.namespace) === PAYMENTS),
  );
  if (found) return found;
  const fallback = castMesh().virtualServices[0];
  if (!fallback) throw new Error('cast config has no VirtualService');
  return fallback;
}

/**
 * The canary slider: the payments VirtualService with `v1`/`v2` weights (relative, need not sum
 * to 100). Keeps everything else of the VirtualService; replaces the destinations of its
 * catch-all rule (the first rule without `match`, else the last rule) with subsets v1 and v2.
 */
export function setCanaryWeights(config: MeshConfig, v1: number, v2: number): MeshConfig {
  const vs = paymentsVs(config);
  const http = [...(vs.spec.http ?? [])];
  const route = [
    { destination: { host: 'payments', subset: 'v1' }, weight: v1 },
    { destination: { host: 'payments', subset: 'v2' }, weight: v2 },
  ];
  const catchAll = http.findIndex((r) => (r.match ?? []).length === 0);
  const at = catchAll >= 0 ? catchAll : Math.max(http.length - 1, 0);
  http[at] = { ...(http[at] ?? {}), route };
  const next: VirtualService = {
    apiVersion: vs.apiVersion,
    kind: 'VirtualService',
    metadata: vs.metadata,
    spec: { ...vs.spec, http },
  };
  return applyDocs(config, [next]);
}

/** Name of the HTTP rule `makeEnvoyRejectedConfig` prepends. */
export const NACK_RULE_NAME = 'user-name-check';

/** Label the operator puts on the pod whose sidecar should get the rejected route. */
export const NACK_TARGET_LABEL = 'mesh-scenes/nack-target';

/**
 * A regex that Go's regexp accepts (so Istio's validation passes) but whose RE2 program is far
 * above Istio's `re2.max_program_size.error_level` of 32768: a Unicode-aware user-name check.
 */
export const OVERSIZED_REGEX = '^[\\p{L}\\p{N}._-]{1,256}$';

/**
 * "Push a config that one sidecar rejects". Mirrors a real incident class: a VirtualService header
 * match with a large Unicode regex passes Istio's validation (Go regexp, syntax only) but Envoy's
 * RE2 refuses to compile it ("RE2 program size of N > max program size of 32768 ..."), so the
 * sidecar NACKs the RouteConfiguration and keeps its last good routes.
 * To reach exactly one sidecar, the operator labels `pod` with `mesh-scenes/nack-target: "true"`
 * and the new rule uses `sourceLabels` (Istio only gives such a match to matching proxies).
 * The rule is prepended to the payments VirtualService and routes like its first rule.
 */
export function makeEnvoyRejectedConfig(config: MeshConfig, pod: string): MeshConfig {
  if (!config.pods.some((p) => p.name === pod)) throw new Error(`unknown pod ${pod}`);
  const vs = paymentsVs(config);
  const http = vs.spec.http ?? [];
  const route = http[0]?.route ?? [{ destination: { host: 'payments' } }];
  const debug = {
    name: NACK_RULE_NAME,
    match: [
      {
        sourceLabels: { [NACK_TARGET_LABEL]: 'true' },
        headers: { 'x-user-name': { regex: OVERSIZED_REGEX } },
      },
    ],
    route,
  };
  const next: VirtualService = {
    apiVersion: vs.apiVersion,
    kind: 'VirtualService',
    metadata: vs.metadata,
    spec: { ...vs.spec, http: [debug, ...http.filter((r) => r.name !== NACK_RULE_NAME)] },
  };
  const labelled: MeshConfig = {
    ...config,
    pods: config.pods.map((p) =>
      p.name === pod ? { ...p, labels: { ...p.labels, [NACK_TARGET_LABEL]: 'true' } } : p,
    ),
  };
  return applyDocs(labelled, [next]);
}

/** Undoes `makeEnvoyRejectedConfig`: removes the rule and the target label from every pod. */
export function removeEnvoyRejectedConfig(config: MeshConfig): MeshConfig {
  const virtualServices = config.virtualServices.map((vs) =>
    (vs.spec.http ?? []).some((r) => r.name === NACK_RULE_NAME)
      ? {
          ...vs,
          spec: { ...vs.spec, http: (vs.spec.http ?? []).filter((r) => r.name !== NACK_RULE_NAME) },
        }
      : vs,
  );
  const pods = config.pods.map((p) => {
    if (!(NACK_TARGET_LABEL in p.labels)) return p;
    const { [NACK_TARGET_LABEL]: _removed, ...labels } = p.labels;
    return { ...p, labels };
  });
  return { ...config, virtualServices, pods };
}
