/**
 * The mesh config Istiod compiles from: the service registry (Kubernetes Services and Pods, as
 * Istiod watches them) plus the Istio objects the operator applied. Plain JSON, immutable by
 * convention: every helper returns a new config.
 */
import {
  objectKey,
  type AuthorizationPolicy,
  type DestinationRule,
  type IstioObject,
  type PeerAuthentication,
  type VirtualService,
} from './istio';

/** A port of a Kubernetes Service. Simplified: HTTP only (the cast speaks HTTP on 8080). */
export interface ServicePort {
  /** Port name (`http`): Istio infers the protocol from its prefix. */
  name: string;
  port: number;
  targetPort: number;
  protocol: 'HTTP';
}

/** A Kubernetes Service as Istio's registry sees it. */
export interface MeshService {
  name: string;
  namespace: string;
  /** FQDN, e.g. `payments.shop.svc.cluster.local`. */
  hostname: string;
  clusterIP: string;
  ports: ServicePort[];
  /** Pod selector (`app: payments`). */
  selector: Record<string, string>;
}

/** A pod (with its sidecar): the source of endpoints and the identity of a proxy. */
export interface MeshPod {
  name: string;
  namespace: string;
  ip: string;
  labels: Record<string, string>;
  serviceAccount: string;
  /** Ready pods are endpoints; not-ready ones are left out of EDS (as Istio does by default). */
  ready: boolean;
}

/** Everything Istiod knows. */
export interface MeshConfig {
  /** SPIFFE trust domain (`cluster.local`). */
  trustDomain: string;
  /** Istio's root namespace (`istio-system`): mesh-wide policies live there. */
  rootNamespace: string;
  services: MeshService[];
  pods: MeshPod[];
  virtualServices: VirtualService[];
  destinationRules: DestinationRule[];
  peerAuthentications: PeerAuthentication[];
  authorizationPolicies: AuthorizationPolicy[];
  /**
   * meshConfig.outboundTrafficPolicy.mode (default ALLOW_ANY): where a call to a destination the
   * registry does not know goes — PassthroughCluster, or BlackHoleCluster under REGISTRY_ONLY.
   */
  outboundTrafficPolicy?: 'ALLOW_ANY' | 'REGISTRY_ONLY';
}

function upsert<T extends IstioObject>(list: readonly T[], o: T): T[] {
  const key = objectKey(o);
  const i = list.findIndex((x) => objectKey(x) === key);
  if (i < 0) return [...list, o];
  const out = [...list];
  out[i] = o;
  return out;
}

/**
 * Applies Istio objects like `kubectl apply`: an object with the same kind/namespace/name is
 * replaced in place (keeping its position, which stands for its creation time), a new one is
 * appended. Does not validate: run `validateIstio` first.
 */
export function applyDocs(config: MeshConfig, docs: readonly IstioObject[]): MeshConfig {
  let out: MeshConfig = { ...config };
  for (const d of docs) {
    switch (d.kind) {
      case 'VirtualService':
        out = { ...out, virtualServices: upsert(out.virtualServices, d) };
        break;
      case 'DestinationRule':
        out = { ...out, destinationRules: upsert(out.destinationRules, d) };
        break;
      case 'PeerAuthentication':
        out = { ...out, peerAuthentications: upsert(out.peerAuthentications, d) };
        break;
      case 'AuthorizationPolicy':
        out = { ...out, authorizationPolicies: upsert(out.authorizationPolicies, d) };
        break;
    }
  }
  return out;
}

/** Like `kubectl delete kind/name -n namespace`. */
export function deleteObject(
  config: MeshConfig,
  kind: IstioObject['kind'],
  namespace: string,
  name: string,
): MeshConfig {
  const key = `${kind}/${namespace}/${name}`;
  const keep = <T extends IstioObject>(l: readonly T[]): T[] =>
    l.filter((o) => objectKey(o) !== key);
  return {
    ...config,
    virtualServices: keep(config.virtualServices),
    destinationRules: keep(config.destinationRules),
    peerAuthentications: keep(config.peerAuthentications),
    authorizationPolicies: keep(config.authorizationPolicies),
  };
}

/** A pod's readiness changed (killed, restored, readiness probe): changes EDS only. */
export function setPodReady(config: MeshConfig, pod: string, ready: boolean): MeshConfig {
  return { ...config, pods: config.pods.map((p) => (p.name === pod ? { ...p, ready } : p)) };
}

/** True when every `selector` label is on `labels`. */
export function labelsMatch(
  selector: Record<string, string>,
  labels: Record<string, string>,
): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** The services whose selector picks this pod (the cast: exactly one). */
export function servicesOfPod(config: MeshConfig, pod: MeshPod): MeshService[] {
  return config.services.filter(
    (s) => s.namespace === pod.namespace && labelsMatch(s.selector, pod.labels),
  );
}

/** Ready pods behind a service, optionally narrowed to a subset's labels. Sorted by name. */
export function endpointsOf(
  config: MeshConfig,
  svc: MeshService,
  subsetLabels: Record<string, string> = {},
): MeshPod[] {
  return config.pods
    .filter(
      (p) =>
        p.ready &&
        p.namespace === svc.namespace &&
        labelsMatch(svc.selector, p.labels) &&
        labelsMatch(subsetLabels, p.labels),
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `spiffe://<trust-domain>/ns/<ns>/sa/<sa>` (docs/fidelity.md §3). */
export function spiffeId(config: MeshConfig, pod: MeshPod): string {
  return `spiffe://${config.trustDomain}/ns/${pod.namespace}/sa/${pod.serviceAccount}`;
}
