/**
 * EDS: one ClusterLoadAssignment per outbound EDS cluster, listing the ready pods behind the
 * service (narrowed to the subset's labels) as `ip:targetPort`. A subset no pod matches gets an
 * empty assignment (its requests fail with 503 UH).
 */
import type { ClusterLoadAssignment, LbEndpoint } from './envoy';
import { clusterName, destinationRuleFor } from './lookup';
import { endpointsOf, type MeshConfig, type MeshPod, type MeshService } from './mesh';

function lbEndpoint(pod: MeshPod, port: number): LbEndpoint {
  const app = pod.labels.app ?? pod.name;
  const version = pod.labels.version ?? 'latest';
  return {
    endpoint: { address: { socket_address: { address: pod.ip, port_value: port } } },
    health_status: 'HEALTHY',
    metadata: {
      filter_metadata: {
        // Istio's workload metadata: name;namespace;canonical service;revision;cluster.
        istio: { workload: `${pod.name};${pod.namespace};${app};${version};Kubernetes` },
        // Auto mTLS: every cast pod has a sidecar, so every endpoint is tlsMode istio.
        'envoy.transport_socket_match': { tlsMode: 'istio' },
      },
    },
    load_balancing_weight: 1,
  };
}

function assignment(name: string, pods: readonly MeshPod[], port: number): ClusterLoadAssignment {
  return {
    cluster_name: name,
    endpoints:
      pods.length === 0
        ? []
        : [{ locality: {}, lb_endpoints: pods.map((p) => lbEndpoint(p, port)) }],
  };
}

/** The ClusterLoadAssignments `proxy` gets (same cluster set and order as `outboundClusters`). */
export function clusterLoadAssignments(
  config: MeshConfig,
  proxy: MeshPod,
): ClusterLoadAssignment[] {
  const out: ClusterLoadAssignment[] = [];
  for (const svc of config.services as readonly MeshService[]) {
    const dr = destinationRuleFor(config, proxy, svc);
    const eds = (tp: { loadBalancer?: { simple?: string } } | undefined): boolean =>
      tp?.loadBalancer?.simple !== 'PASSTHROUGH';
    for (const p of svc.ports) {
      if (eds(dr?.spec.trafficPolicy))
        out.push(
          assignment(
            clusterName('outbound', p.port, '', svc.hostname),
            endpointsOf(config, svc),
            p.targetPort,
          ),
        );
      for (const s of dr?.spec.subsets ?? []) {
        const tp = { ...(dr?.spec.trafficPolicy ?? {}), ...(s.trafficPolicy ?? {}) };
        if (!eds(tp)) continue;
        out.push(
          assignment(
            clusterName('outbound', p.port, s.name, svc.hostname),
            endpointsOf(config, svc, s.labels ?? {}),
            p.targetPort,
          ),
        );
      }
    }
  }
  return out;
}
