/**
 * CDS: the clusters Istiod builds for a sidecar (pilot/pkg/networking/core/cluster_builder.go,
 * cluster_traffic_policy.go). One outbound cluster per service port plus one per DR subset, the
 * inbound cluster of the proxy's own service, and the special clusters.
 */
import { durationMs, protoDuration } from './duration';
import { MAX_UINT32, type AdsConfigSource, type Cluster, type LbPolicy } from './envoy';
import type { DestinationRule, TrafficPolicy } from './istio';
import { clusterName, configPath, destinationRuleFor, mergePolicy } from './lookup';
import { upstreamTls } from './tls';
import type { MeshConfig, MeshPod, MeshService } from './mesh';

/** Istio's mesh default `connectTimeout` (Envoy's own default is 5 s). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/**
 * The ADS config source, with Istio's `initial_fetch_timeout: 0s` (docs/fidelity.md §1.5). A fresh
 * object each call, so no two resources share one.
 */
export function ads(): AdsConfigSource {
  return { ads: {}, initial_fetch_timeout: '0s', resource_api_version: 'V3' };
}

function lbPolicy(tp: TrafficPolicy): LbPolicy {
  const lb = tp.loadBalancer;
  if (lb?.consistentHash) return 'RING_HASH';
  switch (lb?.simple) {
    case 'ROUND_ROBIN':
      return 'ROUND_ROBIN';
    case 'RANDOM':
      return 'RANDOM';
    case 'PASSTHROUGH':
      return 'CLUSTER_PROVIDED';
    default:
      return 'LEAST_REQUEST'; // Istio's default since 1.14 (also for LEAST_CONN and UNSPECIFIED)
  }
}

/** `applyTrafficPolicy`: LB, connection pool (circuit breakers), outlier detection. */
function applyPolicy(c: Cluster, tp: TrafficPolicy): void {
  c.lb_policy = lbPolicy(tp);
  if (c.lb_policy === 'RING_HASH') c.ring_hash_lb_config = { minimum_ring_size: 1024 };
  const cp = tp.connectionPool;
  const th = c.circuit_breakers?.thresholds[0];
  if (cp && th) {
    if (cp.tcp?.maxConnections !== undefined && cp.tcp.maxConnections > 0)
      th.max_connections = cp.tcp.maxConnections;
    if (cp.http?.http1MaxPendingRequests !== undefined && cp.http.http1MaxPendingRequests > 0)
      th.max_pending_requests = cp.http.http1MaxPendingRequests;
    if (cp.http?.http2MaxRequests !== undefined && cp.http.http2MaxRequests > 0)
      th.max_requests = cp.http.http2MaxRequests;
    if (cp.http?.maxRetries !== undefined && cp.http.maxRetries > 0)
      th.max_retries = cp.http.maxRetries;
    if (cp.tcp?.connectTimeout !== undefined)
      c.connect_timeout = protoDuration(durationMs(cp.tcp.connectTimeout));
    const mrpc = cp.http?.maxRequestsPerConnection;
    if (mrpc !== undefined && mrpc > 0)
      c.typed_extension_protocol_options = {
        'envoy.extensions.upstreams.http.v3.HttpProtocolOptions': {
          '@type': 'type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions',
          common_http_protocol_options: { max_requests_per_connection: mrpc },
          use_downstream_protocol_config: {},
        },
      };
  }
  const od = tp.outlierDetection;
  if (od) {
    // Istio sets only what the DR sets; the unset ones are Envoy's defaults, written out here.
    c.outlier_detection = {
      consecutive_5xx: od.consecutive5xxErrors ?? 5,
      interval: protoDuration(od.interval === undefined ? 10_000 : durationMs(od.interval)),
      base_ejection_time: protoDuration(
        od.baseEjectionTime === undefined ? 30_000 : durationMs(od.baseEjectionTime),
      ),
      max_ejection_percent:
        od.maxEjectionPercent !== undefined && od.maxEjectionPercent > 0
          ? od.maxEjectionPercent
          : 10,
      enforcing_consecutive_5xx: od.consecutive5xxErrors === 0 ? 0 : 100,
      enforcing_success_rate: 0, // Istio always disables success-rate ejection
      ...(od.baseEjectionTime !== undefined && durationMs(od.baseEjectionTime) > 300_000
        ? { max_ejection_time: protoDuration(durationMs(od.baseEjectionTime)) }
        : {}),
      ...(od.consecutiveGatewayErrors === undefined
        ? {}
        : {
            consecutive_gateway_failure: od.consecutiveGatewayErrors,
            enforcing_consecutive_gateway_failure: od.consecutiveGatewayErrors > 0 ? 100 : 0,
          }),
    };
    c.common_lb_config = { healthy_panic_threshold: { value: od.minHealthPercent ?? 0 } };
  }
}

function outboundCluster(
  svc: MeshService,
  port: number,
  subset: string,
  tp: TrafficPolicy,
  dr: DestinationRule | undefined,
): Cluster {
  const name = clusterName('outbound', port, subset, svc.hostname);
  const passthrough = tp.loadBalancer?.simple === 'PASSTHROUGH';
  const c: Cluster = {
    name,
    type: passthrough ? 'ORIGINAL_DST' : 'EDS',
    connect_timeout: protoDuration(DEFAULT_CONNECT_TIMEOUT_MS),
    lb_policy: 'LEAST_REQUEST',
    ...(passthrough ? {} : { eds_cluster_config: { eds_config: ads(), service_name: name } }),
    circuit_breakers: {
      thresholds: [
        {
          max_connections: MAX_UINT32,
          max_pending_requests: MAX_UINT32,
          max_requests: MAX_UINT32,
          max_retries: MAX_UINT32,
          track_remaining: true,
        },
      ],
    },
    ...upstreamTls(tp.tls?.mode, port, subset, svc.hostname),
    metadata: {
      filter_metadata: {
        istio: {
          ...(dr
            ? {
                config: configPath('destination-rule', dr.metadata.namespace, dr.metadata.name),
              }
            : {}),
          default_original_port: port,
          services: [{ host: svc.hostname, name: svc.name, namespace: svc.namespace }],
          ...(subset === '' ? {} : { subset }),
        },
      },
    },
  };
  applyPolicy(c, tp);
  return c;
}

/** The outbound clusters of every service (and every subset of its DestinationRule). */
export function outboundClusters(config: MeshConfig, proxy: MeshPod): Cluster[] {
  const out: Cluster[] = [];
  for (const svc of config.services) {
    const dr = destinationRuleFor(config, proxy, svc);
    for (const p of svc.ports) {
      out.push(
        outboundCluster(svc, p.port, '', mergePolicy(dr?.spec.trafficPolicy, undefined), dr),
      );
      for (const s of dr?.spec.subsets ?? []) {
        out.push(
          outboundCluster(
            svc,
            p.port,
            s.name,
            mergePolicy(dr?.spec.trafficPolicy, s.trafficPolicy),
            dr,
          ),
        );
      }
    }
  }
  return out;
}

/** `inbound|<port>||`: the app behind this sidecar (original destination, Istio ≥ 1.10 style). */
export function inboundClusters(svcs: readonly MeshService[]): Cluster[] {
  const ports = [...new Set(svcs.flatMap((s) => s.ports.map((p) => p.targetPort)))].sort(
    (a, b) => a - b,
  );
  return ports.map((port) => ({
    name: clusterName('inbound', port, '', ''),
    type: 'ORIGINAL_DST',
    connect_timeout: protoDuration(DEFAULT_CONNECT_TIMEOUT_MS),
    lb_policy: 'CLUSTER_PROVIDED',
    circuit_breakers: {
      thresholds: [
        {
          max_connections: MAX_UINT32,
          max_pending_requests: MAX_UINT32,
          max_requests: MAX_UINT32,
          max_retries: MAX_UINT32,
          track_remaining: true,
        },
      ],
    },
  }));
}

/** `PassthroughCluster`, `BlackHoleCluster`, `InboundPassthroughCluster`. */
export function specialClusters(): Cluster[] {
  const timeout = protoDuration(DEFAULT_CONNECT_TIMEOUT_MS);
  return [
    {
      name: 'BlackHoleCluster',
      type: 'STATIC',
      connect_timeout: timeout,
      lb_policy: 'ROUND_ROBIN',
      load_assignment: { cluster_name: 'BlackHoleCluster', endpoints: [] },
    },
    {
      name: 'InboundPassthroughCluster',
      type: 'ORIGINAL_DST',
      connect_timeout: timeout,
      lb_policy: 'CLUSTER_PROVIDED',
    },
    {
      name: 'PassthroughCluster',
      type: 'ORIGINAL_DST',
      connect_timeout: timeout,
      lb_policy: 'CLUSTER_PROVIDED',
    },
  ];
}
