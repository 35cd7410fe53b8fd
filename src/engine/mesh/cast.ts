/**
 * The registry's pods: the eight-pod cast of docs/curriculum.md (from the config module's `castMesh()`)
 * and a generator of large meshes (up to 1,000 sidecars) for the scale benchmark.
 */
import { ms } from '../core/time';
import { castMesh, type MeshConfig, type MeshPod, type MeshService } from '../config';
import type { PodState } from './types';

/** Mean app service time per cast service (ms). */
const SERVICE_MS: Record<string, number> = {
  web: 8,
  catalog: 6,
  cart: 5,
  checkout: 12,
  inventory: 6,
  payments: 10,
};

/** The DR subset a pod belongs to (first matching subset of its service's DR), or null. */
function subsetOf(config: MeshConfig, pod: MeshPod, service: string): string | null {
  for (const dr of config.destinationRules) {
    const h = dr.spec.host;
    if (h !== service && !h.startsWith(`${service}.`)) continue;
    for (const s of dr.spec.subsets ?? []) {
      if (Object.entries(s.labels ?? {}).every(([k, v]) => pod.labels[k] === v)) return s.name;
    }
  }
  return null;
}

/** Runtime record of a registry pod. */
export function podState(config: MeshConfig, mp: MeshPod): PodState {
  const svc = config.services.find(
    (s) =>
      s.namespace === mp.namespace &&
      Object.entries(s.selector).every(([k, v]) => mp.labels[k] === v),
  );
  const service = svc?.name ?? mp.labels['app'] ?? mp.name;
  return {
    name: mp.name,
    service,
    namespace: mp.namespace,
    serviceAccount: mp.serviceAccount,
    subset: subsetOf(config, mp, service),
    ip: mp.ip,
    port: svc?.ports[0]?.targetPort ?? 8080,
    up: true,
    ready: false,
    generation: 0,
    extraMs: 0,
    failShare: 0,
    serviceTimeUs: ms(SERVICE_MS[service] ?? 5),
    injected: true,
    egress: ['*'],
  };
}

/** The cast config with every pod not ready yet (readiness comes from the sidecar's first config). */
export function castConfig(): MeshConfig {
  const c = castMesh();
  return { ...c, pods: c.pods.map((p) => ({ ...p, ready: false })) };
}

/**
 * A large mesh: `sidecars` pods over `services` services (`svc-<i>`) spread across `namespaces`
 * namespaces (`ns-<k>`), all on port 8080, not ready yet.
 */
export function generateTopology(
  sidecars: number,
  services = Math.max(1, Math.floor(sidecars / 10)),
  namespaces = 1,
): MeshConfig {
  const base = castMesh();
  const svcs: MeshService[] = [];
  for (let i = 0; i < services; i++) {
    const ns = `ns-${i % namespaces}`;
    svcs.push({
      name: `svc-${i}`,
      namespace: ns,
      hostname: `svc-${i}.${ns}.svc.cluster.local`,
      clusterIP: `10.96.${Math.floor(i / 250) + 1}.${(i % 250) + 1}`,
      ports: [{ name: 'http', port: 8080, targetPort: 8080, protocol: 'HTTP' }],
      selector: { app: `svc-${i}` },
    });
  }
  const pods: MeshPod[] = [];
  for (let k = 0; k < sidecars; k++) {
    const i = k % services;
    const ns = `ns-${i % namespaces}`;
    pods.push({
      name: `svc-${i}-${Math.floor(k / services)}`,
      namespace: ns,
      ip: `10.${32 + Math.floor(k / 62500)}.${Math.floor(k / 250) % 250}.${(k % 250) + 1}`,
      labels: { app: `svc-${i}`, version: 'v1' },
      serviceAccount: `svc-${i}`,
      ready: false,
    });
  }
  return {
    ...base,
    services: svcs,
    pods,
    virtualServices: [],
    destinationRules: [],
    peerAuthentications: [],
    authorizationPolicies: [],
  };
}

/** `<service>.<namespace>.svc.cluster.local`. */
export function fqdn(service: string, namespace: string): string {
  return `${service}.${namespace}.svc.cluster.local`;
}

/** `spiffe://cluster.local/ns/<ns>/sa/<sa>`. */
export function spiffeId(pod: Pick<PodState, 'namespace' | 'serviceAccount'>): string {
  return `spiffe://cluster.local/ns/${pod.namespace}/sa/${pod.serviceAccount}`;
}

/** Istio's node id: `sidecar~<ip>~<pod>.<ns>~<ns>.svc.cluster.local`. */
export function nodeId(pod: Pick<PodState, 'ip' | 'name' | 'namespace'>): string {
  return `sidecar~${pod.ip}~${pod.name}.${pod.namespace}~${pod.namespace}.svc.cluster.local`;
}
