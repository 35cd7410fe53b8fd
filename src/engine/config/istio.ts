/**
 * Typed Istio objects (the subset of the istio/api protos the simulator understands), as they
 * come out of YAML after decoding. Field names are the YAML (JSON) names of the real API.
 * Simplified: only the fields listed here are modelled; `parseMeshYaml` rejects any other field
 * as unknown, as `istioctl validate` does for a field missing from the proto.
 */

/** Where a document came from: its index in the YAML stream and a line for each field path. */
export interface SourceInfo {
  /** 0-based index of the document in the multi-document YAML text. */
  doc: number;
  /** 1-based line of `apiVersion`/`kind` (the document start). */
  line: number;
  /** 1-based line of each field path (`spec.http[0].route[1].weight` → 12). */
  lines: Record<string, number>;
}

/** Kubernetes object metadata (the fields used). */
export interface ObjectMeta {
  name: string;
  namespace: string;
  labels?: Record<string, string>;
}

/** `Percent`: a double in [0, 100]. */
export interface Percent {
  value: number;
}

/** `exact`, `prefix` or `regex`: exactly one must be set (Istio's StringMatch oneof). */
export interface StringMatch {
  exact?: string;
  prefix?: string;
  regex?: string;
}

/** `HTTPMatchRequest`: conditions AND-ed inside one match; matches of a rule are OR-ed. */
export interface HTTPMatchRequest {
  name?: string;
  uri?: StringMatch;
  headers?: Record<string, StringMatch>;
  /** Only sidecars whose pod has these labels get this match (applied when Istiod builds routes). */
  sourceLabels?: Record<string, string>;
}

/** `Destination`: a service host, optional subset and port. */
export interface Destination {
  host: string;
  subset?: string;
  port?: { number: number };
}

/** `HTTPRouteDestination`: a destination and its relative weight. */
export interface HTTPRouteDestination {
  destination: Destination;
  /** Relative weight (Istio ≥ 1.15: no sum-to-100 rule). Absent means 0 when several exist. */
  weight?: number;
}

/** `HTTPRetry`. */
export interface HTTPRetry {
  attempts: number;
  perTryTimeout?: string;
  retryOn?: string;
  /** Base interval of Envoy's retry backoff (Envoy's default when unset: 25 ms). */
  backoff?: string;
  /** Retry on another host (previous_hosts); default true unless the route hashes. */
  retryIgnorePreviousHosts?: boolean;
}

/** `HTTPFaultInjection`: a fixed delay and/or an HTTP abort, each for a percentage. */
export interface HTTPFaultInjection {
  delay?: { fixedDelay?: string; percentage?: Percent };
  abort?: { httpStatus?: number; percentage?: Percent };
}

/** `HTTPRoute`: one rule of a VirtualService (first match wins). */
export interface HTTPRoute {
  name?: string;
  match?: HTTPMatchRequest[];
  route?: HTTPRouteDestination[];
  timeout?: string;
  retries?: HTTPRetry;
  fault?: HTTPFaultInjection;
}

/** `VirtualService` spec (HTTP part). */
export interface VirtualServiceSpec {
  hosts: string[];
  gateways?: string[];
  http?: HTTPRoute[];
}

/** `LoadBalancerSettings.SimpleLB`. */
export type SimpleLB =
  'UNSPECIFIED' | 'ROUND_ROBIN' | 'LEAST_REQUEST' | 'LEAST_CONN' | 'RANDOM' | 'PASSTHROUGH';
/** Values of `SimpleLB`. */
export const SIMPLE_LB: readonly SimpleLB[] = [
  'UNSPECIFIED',
  'ROUND_ROBIN',
  'LEAST_REQUEST',
  'LEAST_CONN',
  'RANDOM',
  'PASSTHROUGH',
];

/** `LoadBalancerSettings.ConsistentHashLB` (the hash keys modelled). */
export interface ConsistentHashLB {
  httpHeaderName?: string;
  useSourceIp?: boolean;
  httpCookie?: { name: string; ttl?: string };
}

/** `LoadBalancerSettings`: `simple` or `consistentHash` (a oneof). */
export interface LoadBalancerSettings {
  simple?: SimpleLB;
  consistentHash?: ConsistentHashLB;
}

/** `ConnectionPoolSettings` (circuit-breaker limits). */
export interface ConnectionPoolSettings {
  tcp?: { maxConnections?: number; connectTimeout?: string };
  http?: {
    http1MaxPendingRequests?: number;
    http2MaxRequests?: number;
    maxRequestsPerConnection?: number;
    maxRetries?: number;
  };
}

/** `OutlierDetection`. */
export interface OutlierDetection {
  consecutive5xxErrors?: number;
  consecutiveGatewayErrors?: number;
  interval?: string;
  baseEjectionTime?: string;
  maxEjectionPercent?: number;
  minHealthPercent?: number;
}

/** `ClientTLSSettings.TLSmode`. */
export type ClientTLSMode = 'DISABLE' | 'SIMPLE' | 'MUTUAL' | 'ISTIO_MUTUAL';
/** Values of `ClientTLSMode`. */
export const CLIENT_TLS_MODES: readonly ClientTLSMode[] = [
  'DISABLE',
  'SIMPLE',
  'MUTUAL',
  'ISTIO_MUTUAL',
];

/** `TrafficPolicy` (top level or per subset). */
export interface TrafficPolicy {
  loadBalancer?: LoadBalancerSettings;
  connectionPool?: ConnectionPoolSettings;
  outlierDetection?: OutlierDetection;
  tls?: { mode: ClientTLSMode };
}

/** `Subset`: a named set of endpoints selected by labels, with its own policy. */
export interface Subset {
  name: string;
  labels?: Record<string, string>;
  trafficPolicy?: TrafficPolicy;
}

/** `DestinationRule` spec. */
export interface DestinationRuleSpec {
  host: string;
  trafficPolicy?: TrafficPolicy;
  subsets?: Subset[];
}

/** `PeerAuthentication.MutualTLS.Mode`. */
export type MutualTLSMode = 'UNSET' | 'DISABLE' | 'PERMISSIVE' | 'STRICT';
/** Values of `MutualTLSMode`. */
export const MTLS_MODES: readonly MutualTLSMode[] = ['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT'];

/** `PeerAuthentication` spec. */
export interface PeerAuthenticationSpec {
  selector?: { matchLabels: Record<string, string> };
  mtls?: { mode: MutualTLSMode };
}

/** `AuthorizationPolicy.Action`. */
export type AuthorizationAction = 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM';
/** Values of `AuthorizationAction`. */
export const AUTHZ_ACTIONS: readonly AuthorizationAction[] = ['ALLOW', 'DENY', 'AUDIT', 'CUSTOM'];

/** `Rule`: `from` sources and `to` operations (the fields modelled). */
export interface AuthorizationRule {
  from?: { source: { principals?: string[]; namespaces?: string[] } }[];
  to?: { operation: { paths?: string[]; methods?: string[] } }[];
}

/** `AuthorizationPolicy` spec. */
export interface AuthorizationPolicySpec {
  selector?: { matchLabels: Record<string, string> };
  action?: AuthorizationAction;
  rules?: AuthorizationRule[];
}

interface Base<K extends string, S> {
  apiVersion: string;
  kind: K;
  metadata: ObjectMeta;
  spec: S;
  /** Present when the object was read from YAML (for line numbers in messages). */
  source?: SourceInfo;
}

/** A VirtualService object. */
export type VirtualService = Base<'VirtualService', VirtualServiceSpec>;
/** A DestinationRule object. */
export type DestinationRule = Base<'DestinationRule', DestinationRuleSpec>;
/** A PeerAuthentication object. */
export type PeerAuthentication = Base<'PeerAuthentication', PeerAuthenticationSpec>;
/** An AuthorizationPolicy object. */
export type AuthorizationPolicy = Base<'AuthorizationPolicy', AuthorizationPolicySpec>;

/** Any Istio object the simulator understands. */
export type IstioObject =
  VirtualService | DestinationRule | PeerAuthentication | AuthorizationPolicy;
/** The kinds the simulator models. */
export type IstioKind = IstioObject['kind'];

/** One validation or parse error, as the CLI and the scene print it. */
export interface ConfigError {
  /** Field path, e.g. `spec.http[0].route[1].weight` (empty for document-level errors). */
  path: string;
  message: string;
  /** 0-based document index in the YAML stream. */
  doc?: number;
  /** 1-based line in the YAML text. */
  line?: number;
  /** 1-based column, for YAML syntax errors. */
  column?: number;
  /** `Kind/namespace/name` when known. */
  object?: string;
}

/** `Kind/namespace/name`, the key `applyDocs` replaces by. */
export function objectKey(o: IstioObject): string {
  return `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;
}
