/** Envoy Cluster / ClusterLoadAssignment JSON → the compact forms the data path reads. */
import { durationMs, MAX_UINT32, type Cluster, type ClusterLoadAssignment } from '../../config';
import type { EnvoyCluster, EnvoyClusterLoadAssignment, LbEndpoint } from '../envoy';

const UNLIMITED = {
  max_connections: MAX_UINT32,
  max_pending_requests: MAX_UINT32,
  max_requests: MAX_UINT32,
  max_retries: MAX_UINT32,
};

/** Compact cluster. */
export function compactCluster(c: Cluster): EnvoyCluster {
  const th = c.circuit_breakers?.thresholds[0];
  const meta = c.metadata?.filter_metadata.istio as
    { services?: { host: string }[]; subset?: string } | undefined;
  const tlsMatch = c.transport_socket_matches?.some(
    (m) => m.transport_socket.name === 'envoy.transport_sockets.tls',
  );
  const out: EnvoyCluster = {
    name: c.name,
    type: c.type,
    lb_policy: c.lb_policy === 'MAGLEV' ? 'RING_HASH' : c.lb_policy,
    connect_timeout_ms: durationMs(c.connect_timeout),
    circuit_breakers: th
      ? {
          max_connections: th.max_connections,
          max_pending_requests: th.max_pending_requests,
          max_requests: th.max_requests,
          max_retries: th.max_retries,
        }
      : { ...UNLIMITED },
    tls: tlsMatch ? 'ISTIO_MUTUAL' : 'DISABLE',
    service: meta?.services?.[0]?.host ?? '',
    subset: meta?.subset ? meta.subset : null,
  };
  const http = c.typed_extension_protocol_options?.[
    'envoy.extensions.upstreams.http.v3.HttpProtocolOptions'
  ] as { common_http_protocol_options?: { max_requests_per_connection?: number } } | undefined;
  const mrpc = http?.common_http_protocol_options?.max_requests_per_connection;
  if (mrpc !== undefined && mrpc > 0) out.max_requests_per_connection = mrpc;
  const od = c.outlier_detection;
  if (od && od.enforcing_consecutive_5xx > 0) {
    out.outlier_detection = {
      consecutive_5xx: od.consecutive_5xx,
      interval_ms: durationMs(od.interval),
      base_ejection_time_ms: durationMs(od.base_ejection_time),
      max_ejection_time_ms: 300_000,
      max_ejection_percent: od.max_ejection_percent,
    };
  }
  return out;
}

/** Compact load assignment; the pod comes from Istio's `workload` metadata (`pod;ns;…`). */
export function compactCla(cla: ClusterLoadAssignment): EnvoyClusterLoadAssignment {
  const endpoints: LbEndpoint[] = [];
  for (const loc of cla.endpoints) {
    for (const e of loc.lb_endpoints) {
      const sa = e.endpoint.address.socket_address;
      const workload = e.metadata.filter_metadata.istio.workload;
      endpoints.push({
        address: sa.address,
        port: sa.port_value,
        pod: workload.split(';')[0] ?? sa.address,
        health_status: e.health_status === 'HEALTHY' ? 'HEALTHY' : 'UNHEALTHY',
      });
    }
  }
  return { cluster_name: cla.cluster_name, endpoints };
}
