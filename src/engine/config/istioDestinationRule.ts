/**
 * DestinationRule types: the whole v1 API of istio/api `networking/v1alpha3/destination_rule.proto`,
 * with the YAML (JSON) field names.
 */
import type { PortSelector } from './istioVirtualService';

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

/** `ConsistentHashLB.HTTPCookie`. */
export interface HTTPCookie {
  name: string;
  path?: string;
  ttl?: string;
  attributes?: { name?: string; value?: string }[];
}

/** `LoadBalancerSettings.ConsistentHashLB`: one hash key, optionally one hash algorithm. */
export interface ConsistentHashLB {
  httpHeaderName?: string;
  httpCookie?: HTTPCookie;
  useSourceIp?: boolean;
  httpQueryParameterName?: string;
  ringHash?: { minimumRingSize?: number };
  maglev?: { tableSize?: number };
  /** Deprecated: use `ringHash.minimumRingSize`. */
  minimumRingSize?: number;
}

/** `LocalityLoadBalancerSetting`. */
export interface LocalityLbSetting {
  distribute?: { from?: string; to?: Record<string, number> }[];
  failover?: { from?: string; to?: string }[];
  failoverPriority?: string[];
  enabled?: boolean;
}

/** `ZoneAwareLoadBalancerSetting`. */
export interface ZoneAwareLbSetting {
  enabled?: boolean;
  failover?: { from?: string; to?: string }[];
  failoverPriority?: string[];
  minClusterSize?: number;
}

/** `WarmupConfiguration` (slow start). */
export interface WarmupConfiguration {
  duration?: string;
  minimumPercent?: number;
  aggression?: number;
}

/** `LoadBalancerSettings`: `simple` or `consistentHash` (a oneof), locality and warmup. */
export interface LoadBalancerSettings {
  simple?: SimpleLB;
  consistentHash?: ConsistentHashLB;
  localityLbSetting?: LocalityLbSetting;
  zoneAwareLbSetting?: ZoneAwareLbSetting;
  /** Deprecated: use `warmup.duration`. */
  warmupDurationSecs?: string;
  warmup?: WarmupConfiguration;
}

/** `ConnectionPoolSettings.TCPSettings`. */
export interface TCPSettings {
  maxConnections?: number;
  connectTimeout?: string;
  tcpKeepalive?: { probes?: number; time?: string; interval?: string };
  maxConnectionDuration?: string;
  idleTimeout?: string;
}

/** `ConnectionPoolSettings.HTTPSettings`. */
export interface HTTPSettings {
  http1MaxPendingRequests?: number;
  http2MaxRequests?: number;
  maxRequestsPerConnection?: number;
  maxRetries?: number;
  idleTimeout?: string;
  h2UpgradePolicy?: 'DEFAULT' | 'DO_NOT_UPGRADE' | 'UPGRADE';
  useClientProtocol?: boolean;
  maxConcurrentStreams?: number;
  http2KeepAlive?: { interval?: string; timeout?: string };
}

/** `ConnectionPoolSettings` (circuit-breaker limits). */
export interface ConnectionPoolSettings {
  tcp?: TCPSettings;
  http?: HTTPSettings;
}

/** `OutlierDetection`. */
export interface OutlierDetection {
  /** Deprecated: use `consecutiveGatewayErrors` / `consecutive5xxErrors`. */
  consecutiveErrors?: number;
  splitExternalLocalOriginErrors?: boolean;
  consecutiveLocalOriginFailures?: number;
  consecutiveGatewayErrors?: number;
  consecutive5xxErrors?: number;
  interval?: string;
  baseEjectionTime?: string;
  maxEjectionPercent?: number;
  minHealthPercent?: number;
  outlierDetectionHttpErrorCodes?: number[];
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

/** `ClientTLSSettings`: certificates from files or from a Kubernetes secret (`credentialName`). */
export interface ClientTLSSettings {
  mode?: ClientTLSMode;
  clientCertificate?: string;
  privateKey?: string;
  caCertificates?: string;
  credentialName?: string;
  subjectAltNames?: string[];
  sni?: string;
  insecureSkipVerify?: boolean;
  caCrl?: string;
}

/** `TrafficPolicy.PortTrafficPolicy`. */
export interface PortTrafficPolicy {
  port?: PortSelector;
  loadBalancer?: LoadBalancerSettings;
  connectionPool?: ConnectionPoolSettings;
  outlierDetection?: OutlierDetection;
  tls?: ClientTLSSettings;
}

/** `TrafficPolicy` (top level or per subset). */
export interface TrafficPolicy {
  loadBalancer?: LoadBalancerSettings;
  connectionPool?: ConnectionPoolSettings;
  outlierDetection?: OutlierDetection;
  tls?: ClientTLSSettings;
  portLevelSettings?: PortTrafficPolicy[];
  tunnel?: { protocol?: string; targetHost?: string; targetPort?: number };
  proxyProtocol?: { version?: 'V1' | 'V2' };
  retryBudget?: { percent?: number; minRetryConcurrency?: number; budgetInterval?: string };
}

/** `Subset`: a named set of endpoints selected by labels, with its own policy. */
export interface Subset {
  name: string;
  labels?: Record<string, string>;
  trafficPolicy?: TrafficPolicy;
}

/** `istio.type.v1beta1.WorkloadSelector`. */
export interface WorkloadSelector {
  matchLabels?: Record<string, string>;
}

/** `DestinationRule` spec. */
export interface DestinationRuleSpec {
  host: string;
  trafficPolicy?: TrafficPolicy;
  subsets?: Subset[];
  exportTo?: string[];
  workloadSelector?: WorkloadSelector;
}
