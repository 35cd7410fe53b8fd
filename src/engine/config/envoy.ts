/**
 * Envoy xDS resources as plain JSON (proto3 JSON with the proto's snake_case names, as
 * `/config_dump` prints them). No classes, no functions: a `/config_dump` view prints them as-is.
 * Simplified: only the fields Istio sets that the simulator uses or shows are modelled; enum and
 * default fields are written out explicitly (config_dump omits proto3 defaults such as
 * `lb_policy: ROUND_ROBIN`; here they are kept so the view can show them).
 */

/** proto3 JSON Duration: `"10s"`, `"0.025s"`, `"0s"`. */
export type ProtoDuration = string;

/** `envoy.config.core.v3.Address` with a socket address. */
export interface SocketAddress {
  socket_address: { address: string; port_value: number; protocol?: 'TCP' };
}

/** `{ ads: {} }` config source with Istio's `initial_fetch_timeout: 0s`. */
export interface AdsConfigSource {
  ads: Record<string, never>;
  initial_fetch_timeout: ProtoDuration;
  resource_api_version: 'V3';
}

/** A `google.protobuf.Any` in JSON: `@type` plus the message fields. */
export interface TypedConfig {
  '@type': string;
  [field: string]: unknown;
}

// ---- CDS -------------------------------------------------------------------------------------

/** `Cluster.LbPolicy` (RING_HASH for consistent hashing, CLUSTER_PROVIDED for original destination). */
export type LbPolicy =
  'ROUND_ROBIN' | 'LEAST_REQUEST' | 'RANDOM' | 'RING_HASH' | 'MAGLEV' | 'CLUSTER_PROVIDED';

/** `CircuitBreakers.Thresholds` (default priority). */
export interface CircuitBreakerThresholds {
  max_connections: number;
  max_pending_requests: number;
  max_requests: number;
  max_retries: number;
  track_remaining: boolean;
}

/** `envoy.config.cluster.v3.OutlierDetection` (the fields Istio sets). */
export interface OutlierDetectionConfig {
  consecutive_5xx: number;
  interval: ProtoDuration;
  base_ejection_time: ProtoDuration;
  max_ejection_percent: number;
  enforcing_consecutive_5xx: number;
  enforcing_success_rate: number;
  /** Set when baseEjectionTime exceeds Envoy's default max_ejection_time (300s). */
  max_ejection_time?: ProtoDuration;
  consecutive_gateway_failure?: number;
  enforcing_consecutive_gateway_failure?: number;
}

/** `envoy.config.cluster.v3.Cluster` (CDS). */
export interface Cluster {
  name: string;
  type: 'EDS' | 'STATIC' | 'ORIGINAL_DST';
  connect_timeout: ProtoDuration;
  lb_policy: LbPolicy;
  eds_cluster_config?: { eds_config: AdsConfigSource; service_name: string };
  circuit_breakers?: { thresholds: CircuitBreakerThresholds[] };
  outlier_detection?: OutlierDetectionConfig;
  common_lb_config?: { healthy_panic_threshold?: { value: number } };
  /** Set with `lb_policy: RING_HASH` (DR consistentHash); the hash key lives on the route. */
  ring_hash_lb_config?: { minimum_ring_size: number };
  /** HTTP options per upstream connection (DR `maxRequestsPerConnection`). */
  typed_extension_protocol_options?: Record<string, TypedConfig>;
  /** Auto mTLS: Istio mTLS to endpoints labelled `tlsMode: istio`, plaintext otherwise. */
  transport_socket_matches?: {
    name: string;
    match: Record<string, string>;
    transport_socket: { name: string; typed_config?: TypedConfig };
  }[];
  /** A fixed upstream socket (DR `tls.mode` ISTIO_MUTUAL / SIMPLE / MUTUAL); absent = plaintext. */
  transport_socket?: { name: string; typed_config?: TypedConfig };
  /** STATIC clusters (BlackHoleCluster) carry their (empty) assignment inline. */
  load_assignment?: ClusterLoadAssignment;
  metadata?: { filter_metadata: { istio: Record<string, unknown> } };
}

// ---- EDS -------------------------------------------------------------------------------------

/** `envoy.config.endpoint.v3.LbEndpoint`: one pod, with Istio's workload and tlsMode metadata. */
export interface LbEndpoint {
  endpoint: { address: SocketAddress };
  health_status: 'HEALTHY' | 'UNHEALTHY' | 'DRAINING';
  metadata: {
    filter_metadata: {
      istio: { workload: string };
      'envoy.transport_socket_match': { tlsMode: string };
    };
  };
  load_balancing_weight: number;
}

/** `envoy.config.endpoint.v3.ClusterLoadAssignment` (EDS), named by its cluster. */
export interface ClusterLoadAssignment {
  cluster_name: string;
  endpoints: { locality: { region?: string; zone?: string }; lb_endpoints: LbEndpoint[] }[];
}

// ---- RDS -------------------------------------------------------------------------------------

/** `envoy.config.route.v3.HeaderMatcher` with a `string_match`. */
export interface HeaderMatcher {
  name: string;
  string_match: { exact?: string; prefix?: string; safe_regex?: { regex: string } };
}

/** `envoy.config.route.v3.RouteMatch`: one path specifier (`prefix`, `path`, `safe_regex`) plus headers. */
export interface RouteMatch {
  prefix?: string;
  path?: string;
  safe_regex?: { regex: string };
  case_sensitive?: boolean;
  headers?: HeaderMatcher[];
}

/** `envoy.config.route.v3.RetryPolicy`. */
export interface RetryPolicy {
  retry_on: string;
  num_retries: number;
  per_try_timeout?: ProtoDuration;
  /** Unset in Istio's default: Envoy then uses base 25 ms, max 250 ms. */
  retry_back_off?: { base_interval: ProtoDuration };
  /** previous_hosts: retry on another host. Empty when the route hashes (consistent hashing). */
  retry_host_predicate: { name: string; typed_config: TypedConfig }[];
  host_selection_retry_max_attempts: number;
  retriable_status_codes?: number[];
}

/** Weighted clusters as Istio writes them: no `total_weight` (deprecated since Envoy 1.24). */
export interface WeightedClusters {
  clusters: { name: string; weight: number }[];
}

/** `envoy.config.route.v3.RouteAction`: one cluster or weighted clusters, timeout, retries. */
export interface RouteAction {
  cluster?: string;
  weighted_clusters?: WeightedClusters;
  timeout: ProtoDuration;
  retry_policy?: RetryPolicy;
  /** Istio writes the route timeout here too (gRPC `grpc-timeout` is capped by it). */
  max_stream_duration?: {
    max_stream_duration: ProtoDuration;
    grpc_timeout_header_max: ProtoDuration;
  };
  hash_policy?: (
    | { header: { header_name: string } }
    | { connection_properties: { source_ip: boolean } }
    | { cookie: { name: string; ttl: ProtoDuration } }
  )[];
}

/** `envoy.extensions.filters.http.fault.v3.HTTPFault` as per-route config. */
export interface FaultConfig {
  '@type': 'type.googleapis.com/envoy.extensions.filters.http.fault.v3.HTTPFault';
  delay?: { fixed_delay: ProtoDuration; percentage: FractionalPercent };
  abort?: { http_status: number; percentage: FractionalPercent };
}

/** `envoy.type.v3.FractionalPercent` (Istio uses MILLION). */
export interface FractionalPercent {
  numerator: number;
  denominator: 'HUNDRED' | 'TEN_THOUSAND' | 'MILLION';
}

/** `envoy.config.route.v3.Route`. */
export interface Route {
  name?: string;
  match: RouteMatch;
  route: RouteAction;
  decorator?: { operation: string };
  typed_per_filter_config?: { 'envoy.filters.http.fault'?: FaultConfig };
  /** Routes from a VirtualService carry its config key (`istio.config`). */
  metadata?: { filter_metadata: { istio: { config: string } } };
}

/** `envoy.config.route.v3.VirtualHost`: the domains of one service and its routes. */
export interface VirtualHost {
  name: string;
  domains: string[];
  routes: Route[];
  include_request_attempt_count?: boolean;
}

/** `envoy.config.route.v3.RouteConfiguration` (RDS), named by port for outbound HTTP. */
export interface RouteConfiguration {
  name: string;
  virtual_hosts: VirtualHost[];
  validate_clusters: boolean;
  ignore_port_in_host_matching?: boolean;
}

// ---- LDS -------------------------------------------------------------------------------------

/** A listener network filter (`envoy.filters.network.*`). */
export interface NetworkFilter {
  name: string;
  typed_config: TypedConfig;
}

/** `envoy.config.listener.v3.FilterChain`. */
export interface FilterChain {
  name?: string;
  filter_chain_match?: {
    destination_port?: number;
    transport_protocol?: string;
    application_protocols?: string[];
  };
  filters: NetworkFilter[];
}

/** `envoy.config.listener.v3.Listener` (LDS). */
export interface Listener {
  name: string;
  address: SocketAddress;
  /** virtualOutbound: hand the connection to the listener of its original destination. */
  use_original_dst?: boolean;
  /** Per-port listeners exist only behind virtualOutbound (they do not bind the port). */
  bind_to_port?: boolean;
  traffic_direction: 'OUTBOUND' | 'INBOUND';
  filter_chains: FilterChain[];
  default_filter_chain?: FilterChain;
  listener_filters?: { name: string; typed_config: TypedConfig }[];
}

/** Any resource an ADS stream carries (what `envoyRejects` checks). */
export type EnvoyResource = Cluster | ClusterLoadAssignment | Listener | RouteConfiguration;

/** The four xDS resource sets one proxy gets from Istiod. */
export interface ProxyResources {
  clusters: Cluster[];
  endpoints: ClusterLoadAssignment[];
  listeners: Listener[];
  routes: RouteConfiguration[];
}

/** Istio's circuit-breaker "unlimited" (2³²−1). */
export const MAX_UINT32 = 4294967295;
