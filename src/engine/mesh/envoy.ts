/**
 * The compact form of the Envoy resources the sidecar's data path reads (snake_case like Envoy's
 * JSON). Each is derived once (memoised by content hash) from the real Envoy JSON that the config
 * compiler (`src/engine/config`, `buildProxyResources`) produces; the real JSON travels with it in
 * `XdsResource.envoy` and is what `configDump` prints.
 */
import type { XdsType } from './contract';

/** Circuit-breaker thresholds of one cluster (Istio's default is 2^32-1 for each). */
export interface Thresholds {
  max_connections: number;
  max_pending_requests: number;
  max_requests: number;
  max_retries: number;
}

/** Outlier detection as Istio writes it (only consecutive 5xx is modelled). */
export interface OutlierDetectionConfig {
  consecutive_5xx: number;
  interval_ms: number;
  base_ejection_time_ms: number;
  max_ejection_time_ms: number;
  max_ejection_percent: number;
}

/** `envoy.config.cluster.v3.Cluster` (subset). */
export interface EnvoyCluster {
  name: string;
  type: 'EDS' | 'STATIC' | 'ORIGINAL_DST';
  lb_policy: 'LEAST_REQUEST' | 'ROUND_ROBIN' | 'RING_HASH' | 'RANDOM' | 'CLUSTER_PROVIDED';
  connect_timeout_ms: number;
  circuit_breakers: Thresholds;
  /** DR `maxRequestsPerConnection` (absent: unlimited): a connection closes after that many. */
  max_requests_per_connection?: number;
  outlier_detection?: OutlierDetectionConfig;
  /** Istio auto-mTLS: the cluster uses `ISTIO_MUTUAL` towards sidecar endpoints. */
  tls: 'ISTIO_MUTUAL' | 'DISABLE' | 'SIMPLE' | 'MUTUAL';
  /** Service host (FQDN) and subset, for metrics and the diagram. */
  service: string;
  subset: string | null;
}

/** One endpoint of a ClusterLoadAssignment. */
export interface LbEndpoint {
  address: string;
  port: number;
  /** The pod behind the address (simulator bookkeeping, Envoy's metadata). */
  pod: string;
  health_status: 'HEALTHY' | 'UNHEALTHY';
}

/** `envoy.config.endpoint.v3.ClusterLoadAssignment`. */
export interface EnvoyClusterLoadAssignment {
  cluster_name: string;
  endpoints: LbEndpoint[];
}

/** A retry policy on a route (Istio's default: 2 attempts, connect-failure etc., previous_hosts). */
export interface RetryPolicyConfig {
  retry_on: string;
  num_retries: number;
  per_try_timeout_ms: number;
  base_interval_ms: number;
  previous_hosts: boolean;
  host_selection_retry_max_attempts: number;
  retriable_status_codes: number[];
}

/** One route of a virtual host. */
export interface EnvoyRoute {
  name: string;
  match: {
    prefix?: string;
    path?: string;
    regex?: string;
    headers?: { name: string; exact?: string; prefix?: string; regex?: string }[];
  };
  route: {
    /** RING_HASH key (route `hash_policy`): a header, the source IP, or a cookie. */
    hash_header?: string;
    hash_source_ip?: boolean;
    hash_cookie?: string;
    cluster?: string;
    weighted_clusters?: { clusters: { name: string; weight: number }[] };
    /** 0 = disabled (Istio's default). */
    timeout_ms: number;
    retry_policy?: RetryPolicyConfig;
    fault?: {
      delay_ms?: number;
      delay_percent?: number;
      abort_status?: number;
      abort_percent?: number;
    };
  };
}

/** `envoy.config.route.v3.RouteConfiguration`. */
export interface EnvoyRouteConfiguration {
  name: string;
  virtual_hosts: { name: string; domains: string[]; routes: EnvoyRoute[] }[];
}

/** An RBAC principal matcher on the peer's SPIFFE id. */
export interface PrincipalMatcher {
  exact?: string;
  prefix?: string;
  suffix?: string;
  regex?: string;
}

/** One RBAC policy (Istio: one per AuthorizationPolicy rule); null fields match anything. */
export interface AuthzRule {
  /** The RBAC policy's name (`ns[shop]-policy[payments]-rule[0]`). */
  policy?: string;
  principals: PrincipalMatcher[] | null;
  paths: string[] | null;
  methods: string[] | null;
}

/** Inbound RBAC as Istio compiles AuthorizationPolicy: a DENY filter, then an ALLOW filter. */
export interface InboundAuthz {
  /** DENY rules: the request is denied (403) if one matches. */
  deny: AuthzRule[];
  /** An ALLOW filter exists; then one ALLOW rule must match. */
  allowPolicies: number;
  allow: AuthzRule[];
}

/** `envoy.config.listener.v3.Listener` (subset). */
export interface EnvoyListener {
  name: string;
  address: string;
  port: number;
  direction: 'OUTBOUND' | 'INBOUND';
  /** RDS route configuration name (outbound HTTP listeners); the listener warms until it arrives. */
  rds_route_config_name?: string;
  /** Inbound: PeerAuthentication mode in force and the authz rules. */
  mtls_mode?: 'PERMISSIVE' | 'STRICT' | 'DISABLE';
  authz?: InboundAuthz;
}

/** The body type of each xDS type. */
export interface ResourceBodies {
  CDS: EnvoyCluster;
  EDS: EnvoyClusterLoadAssignment;
  LDS: EnvoyListener;
  RDS: EnvoyRouteConfiguration;
}

/** One named resource with its content hash and its encoded size (bytes in a response). */
export interface XdsResource<T extends XdsType = XdsType> {
  name: string;
  /** Content hash of the Envoy JSON (the resource's version in Delta xDS). */
  hash: string;
  bytes: number;
  /** Compact form the data path reads. */
  body: ResourceBodies[T];
  /** The real Envoy JSON (what `/config_dump` shows and Envoy validates). */
  envoy: unknown;
}

/** Resources of one type, by name. */
export type ResourceMap<T extends XdsType = XdsType> = Record<string, XdsResource<T>>;

/** Everything Istiod generates for one proxy. */
export interface ProxyResources {
  CDS: ResourceMap<'CDS'>;
  EDS: ResourceMap<'EDS'>;
  LDS: ResourceMap<'LDS'>;
  RDS: ResourceMap<'RDS'>;
}

/** Push order of Istiod (`PushOrder` in pilot/pkg/xds/ads.go) for the types modelled here. */
export const PUSH_ORDER: readonly XdsType[] = ['CDS', 'EDS', 'LDS', 'RDS'];
