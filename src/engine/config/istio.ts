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

export interface ObjectMeta {
  name: string;
  namespace: string;
  labels?: Record<string, string>;
}

export interface Percent {
  value: number;
}

/** `exact`, `prefix` or `regex`: exactly one must be set (Istio's StringMatch oneof). */
export interface StringMatch {
  exact?: string;
  prefix?: string;
  regex?: string;
}

export interface HTTPMatchRequest {
  name?: string;
  uri?: StringMatch;
  headers?: Record<string, StringMatch>;
  /** Only sidecars whose pod has these labels get this match (applied when Istiod builds routes). */
  sourceLabels?: Record<string, string>;
}

export interface Destination {
  host: string;
  subset?: string;
  port?: { number: number };
}

export interface HTTPRouteDestination {
  destination: Destination;
  /** Relative weight (Istio ≥ 1.15: no sum-to-100 rule). Absent means 0 when several exist. */
  weight?: number;
}

export interface HTTPRetry {
  attempts: number;
  perTryTimeout?: string;
  retryOn?: string;
  /** Base interval of Envoy's retry backoff (Envoy's default when unset: 25 ms). */
  backoff?: string;
  /** Retry on another host (previous_hosts); default true unless the route hashes. */
  retryIgnorePreviousHosts?: boolean;
}

export interface HTTPFaultInjection {
  delay?: { fixedDelay?: string; percentage?: Percent };
  abort?: { httpStatus?: number; percentage?: Percent };
}

export interface HTTPRoute {
  name?: string;
  match?: HTTPMatchRequest[];
  route?: HTTPRouteDestination[];
  timeout?: string;
  retries?: HTTPRetry;
  fault?: HTTPFaultInjection;
}

export interface VirtualServiceSpec {
  hosts: string[];
  gateways?: string[];
  http?: HTTPRoute[];
}

export type SimpleLB =
  'UNSPECIFIED' | 'ROUND_ROBIN' | 'LEAST_REQUEST' | 'LEAST_CONN' | 'RANDOM' | 'PASSTHROUGH';
export const SIMPLE_LB: readonly SimpleLB[] = [
  'UNSPECIFIED',
  'ROUND_ROBIN',
  'LEAST_REQUEST',
  'LEAST_CONN',
  'RANDOM',
  'PASSTHROUGH',
];

export interface ConsistentHashLB {
  httpHeaderName?: string;
  useSourceIp?: boolean;
  httpCookie?: { name: string; ttl?: string };
}

export interface LoadBalancerSettings {
  simple?: SimpleLB;
  consistentHash?: ConsistentHashLB;
}

export interface ConnectionPoolSettings {
  tcp?: { maxConnections?: number; connectTimeout?: string };
  http?: {
    http1MaxPendingRequests?: number;
    http2MaxRequests?: number;
    maxRequestsPerConnection?: number;
    maxRetries?: number;
  };
}

export interface OutlierDetection {
  consecutive5xxErrors?: number;
  consecutiveGatewayErrors?: number;
  interval?: string;
  baseEjectionTime?: string;
  maxEjectionPercent?: number;
  minHealthPercent?: number;
}

export type ClientTLSMode = 'DISABLE' | 'SIMPLE' | 'MUTUAL' | 'ISTIO_MUTUAL';
export const CLIENT_TLS_MODES: readonly ClientTLSMode[] = [
  'DISABLE',
  'SIMPLE',
  'MUTUAL',
  'ISTIO_MUTUAL',
];

export interface TrafficPolicy {
  loadBalancer?: LoadBalancerSettings;
  connectionPool?: ConnectionPoolSettings;
  outlierDetection?: OutlierDetection;
  tls?: { mode: ClientTLSMode };
}

export interface Subset {
  name: string;
  labels?: Record<string, string>;
  trafficPolicy?: TrafficPolicy;
}

export interface DestinationRuleSpec {
  host: string;
  trafficPolicy?: TrafficPolicy;
  subsets?: Subset[];
}

export type MutualTLSMode = 'UNSET' | 'DISABLE' | 'PERMISSIVE' | 'STRICT';
export const MTLS_MODES: readonly MutualTLSMode[] = ['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT'];

export interface PeerAuthenticationSpec {
  selector?: { matchLabels: Record<string, string> };
  mtls?: { mode: MutualTLSMode };
}

export type AuthorizationAction = 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM';
export const AUTHZ_ACTIONS: readonly AuthorizationAction[] = ['ALLOW', 'DENY', 'AUDIT', 'CUSTOM'];

export interface AuthorizationRule {
  from?: { source: { principals?: string[]; namespaces?: string[] } }[];
  to?: { operation: { paths?: string[]; methods?: string[] } }[];
}

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

export type VirtualService = Base<'VirtualService', VirtualServiceSpec>;
export type DestinationRule = Base<'DestinationRule', DestinationRuleSpec>;
export type PeerAuthentication = Base<'PeerAuthentication', PeerAuthenticationSpec>;
export type AuthorizationPolicy = Base<'AuthorizationPolicy', AuthorizationPolicySpec>;

/** Any Istio object the simulator understands. */
export type IstioObject =
  VirtualService | DestinationRule | PeerAuthentication | AuthorizationPolicy;
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
