/**
 * The cast of docs/curriculum.md: eight pods in namespace `shop`, one Service per app on port 8080, one
 * service account per app, and the default config: the 90/10 payments canary (docs/curriculum.md).
 */
import { applyDocs, type MeshConfig, type MeshPod, type MeshService } from './mesh';
import { parseMeshYaml } from './parse';

/** The cast's namespace. */
export const CAST_NAMESPACE = 'shop';
/** The port every cast service listens on. */
export const CAST_PORT = 8080;

/** One pod of the cast, as docs/curriculum.md lists it. */
export interface CastPod {
  pod: string;
  service: string;
  /** `version` label: `v1` everywhere except the canary `payments-v2-a`. */
  version: string;
  ip: string;
}

/** The eight pods. IPs are fixed (10.244.<node>.<n>) so every run prints the same addresses. */
export const CAST_PODS: readonly CastPod[] = [
  { pod: 'web-1', service: 'web', version: 'v1', ip: '10.244.1.11' },
  { pod: 'catalog-1', service: 'catalog', version: 'v1', ip: '10.244.1.12' },
  { pod: 'cart-1', service: 'cart', version: 'v1', ip: '10.244.1.13' },
  { pod: 'checkout-1', service: 'checkout', version: 'v1', ip: '10.244.1.14' },
  { pod: 'inventory-1', service: 'inventory', version: 'v1', ip: '10.244.2.15' },
  { pod: 'payments-v1-a', service: 'payments', version: 'v1', ip: '10.244.2.21' },
  { pod: 'payments-v1-b', service: 'payments', version: 'v1', ip: '10.244.3.22' },
  { pod: 'payments-v2-a', service: 'payments', version: 'v2', ip: '10.244.3.23' },
];

/** The six services with their ClusterIPs (10.96.0.<n>). */
export const CAST_SERVICES: readonly { name: string; clusterIP: string }[] = [
  { name: 'web', clusterIP: '10.96.0.10' },
  { name: 'catalog', clusterIP: '10.96.0.11' },
  { name: 'cart', clusterIP: '10.96.0.12' },
  { name: 'checkout', clusterIP: '10.96.0.13' },
  { name: 'inventory', clusterIP: '10.96.0.14' },
  { name: 'payments', clusterIP: '10.96.0.15' },
];

/** The default Istio config: the 90/10 payments canary (VirtualService + DestinationRule). */
export const castConfigYaml = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: payments
  namespace: shop
spec:
  hosts:
  - payments
  http:
  - route:
    - destination:
        host: payments
        subset: v1
      weight: 90
    - destination:
        host: payments
        subset: v2
      weight: 10
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: payments
  namespace: shop
spec:
  host: payments
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
`;

/** The registry (Services and Pods) with no Istio objects. */
export function castRegistry(): MeshConfig {
  const services: MeshService[] = CAST_SERVICES.map((s) => ({
    name: s.name,
    namespace: CAST_NAMESPACE,
    hostname: `${s.name}.${CAST_NAMESPACE}.svc.cluster.local`,
    clusterIP: s.clusterIP,
    ports: [{ name: 'http', port: CAST_PORT, targetPort: CAST_PORT, protocol: 'HTTP' }],
    selector: { app: s.name },
  }));
  const pods: MeshPod[] = CAST_PODS.map((p) => ({
    name: p.pod,
    namespace: CAST_NAMESPACE,
    ip: p.ip,
    labels: { app: p.service, version: p.version },
    serviceAccount: p.service,
    ready: true,
  }));
  return {
    trustDomain: 'cluster.local',
    rootNamespace: 'istio-system',
    services,
    pods,
    virtualServices: [],
    destinationRules: [],
    peerAuthentications: [],
    authorizationPolicies: [],
  };
}

/** The default mesh: the cast's registry plus `castConfigYaml` applied. */
export function castMesh(): MeshConfig {
  const { docs, errors } = parseMeshYaml(castConfigYaml);
  if (errors.length > 0)
    throw new Error(`castConfigYaml is invalid: ${errors.map((e) => e.message).join('; ')}`);
  return applyDocs(castRegistry(), docs);
}
