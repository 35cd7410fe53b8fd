/**
 * LDS: `virtualOutbound` (0.0.0.0:15001, original-destination handoff), one `0.0.0.0_<port>`
 * listener per outbound HTTP port (RDS route config named by port), and `virtualInbound`
 * (0.0.0.0:15006) with filter chains for the workload's ports, shaped by its mTLS mode and
 * AuthorizationPolicies. Simplified: only the filters the simulator uses are listed.
 */
import { ads } from './clusters';
import type { FilterChain, Listener, NetworkFilter, TypedConfig } from './envoy';
import { clusterName } from './lookup';
import type { MeshConfig, MeshPod, MeshService } from './mesh';
import { effectiveMtlsMode, rbacFilters } from './security';

const HCM =
  'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager';

function filter(
  name: string,
  type: string,
  extra: Record<string, unknown> = {},
): { name: string; typed_config: TypedConfig } {
  return { name, typed_config: { '@type': `type.googleapis.com/${type}`, ...extra } };
}

function tcpProxy(cluster: string): NetworkFilter {
  return filter(
    'envoy.filters.network.tcp_proxy',
    'envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy',
    { stat_prefix: cluster, cluster },
  );
}

const router = (): NetworkFilter =>
  filter('envoy.filters.http.router', 'envoy.extensions.filters.http.router.v3.Router');
const fault = (): NetworkFilter =>
  filter('envoy.filters.http.fault', 'envoy.extensions.filters.http.fault.v3.HTTPFault');

function outboundPortListener(port: number): Listener {
  return {
    name: `0.0.0.0_${port}`,
    address: { socket_address: { address: '0.0.0.0', port_value: port } },
    bind_to_port: false,
    traffic_direction: 'OUTBOUND',
    filter_chains: [
      {
        filter_chain_match: { application_protocols: ['http/1.1', 'h2c'] },
        filters: [
          {
            name: 'envoy.filters.network.http_connection_manager',
            typed_config: {
              '@type': HCM,
              stat_prefix: `outbound_0.0.0.0_${port}`,
              rds: { route_config_name: String(port), config_source: ads() },
              http_filters: [fault(), router()],
            },
          },
        ],
      },
    ],
    default_filter_chain: {
      name: 'PassthroughFilterChain',
      filters: [tcpProxy('PassthroughCluster')],
    },
  };
}

function inboundChains(config: MeshConfig, pod: MeshPod, port: number): FilterChain[] {
  const cluster = clusterName('inbound', port, '', '');
  const hcm = (): NetworkFilter => ({
    name: 'envoy.filters.network.http_connection_manager',
    typed_config: {
      '@type': HCM,
      stat_prefix: cluster,
      route_config: {
        name: cluster,
        validate_clusters: false,
        virtual_hosts: [
          {
            name: `inbound|http|${port}`,
            domains: ['*'],
            routes: [
              {
                name: 'default',
                match: { prefix: '/' },
                // Istio ≥ 1.24: inbound routes retry twice on reset-before-request (docs/fidelity.md §4.5).
                route: {
                  cluster,
                  timeout: '0s',
                  max_stream_duration: { max_stream_duration: '0s', grpc_timeout_header_max: '0s' },
                  retry_policy: { retry_on: 'reset-before-request', num_retries: 2 },
                },
              },
            ],
          },
        ],
      },
      http_filters: [...rbacFilters(config, pod), router()],
      forward_client_cert_details: 'APPEND_FORWARD',
    },
  });

  const mode = effectiveMtlsMode(config, pod);
  const chains: FilterChain[] = [];
  // Simplified chain names: Istio names both `0.0.0.0_<port>`; the suffix here tells them apart.
  if (mode !== 'DISABLE')
    chains.push({
      name: `0.0.0.0_${port}`,
      filter_chain_match: { destination_port: port, transport_protocol: 'tls' },
      filters: [hcm()],
    });
  if (mode !== 'STRICT')
    chains.push({
      name: `0.0.0.0_${port}_plaintext`,
      filter_chain_match: { destination_port: port, transport_protocol: 'raw_buffer' },
      filters: [hcm()],
    });
  return chains;
}

/** The listeners `pod`'s sidecar gets. */
export function listenersFor(
  config: MeshConfig,
  pod: MeshPod,
  own: readonly MeshService[],
): Listener[] {
  const outboundPorts = [
    ...new Set(config.services.flatMap((s) => s.ports.map((p) => p.port))),
  ].sort((a, b) => a - b);
  const inboundPorts = [...new Set(own.flatMap((s) => s.ports.map((p) => p.targetPort)))].sort(
    (a, b) => a - b,
  );
  const mode = effectiveMtlsMode(config, pod);
  return [
    ...outboundPorts.map(outboundPortListener),
    {
      name: 'virtualInbound',
      address: { socket_address: { address: '0.0.0.0', port_value: 15006 } },
      traffic_direction: 'INBOUND',
      listener_filters: [
        filter(
          'envoy.filters.listener.original_dst',
          'envoy.extensions.filters.listener.original_dst.v3.OriginalDst',
        ),
        filter(
          'envoy.filters.listener.tls_inspector',
          'envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector',
        ),
      ],
      filter_chains: inboundPorts.flatMap((p) => inboundChains(config, pod, p)),
      // Ports the workload's services do not declare: passed through (inbound policy PASSTHROUGH),
      // unless STRICT mTLS, which rejects plaintext.
      default_filter_chain: {
        name: 'InboundPassthroughFilterChain',
        filters: [tcpProxy(mode === 'STRICT' ? 'BlackHoleCluster' : 'InboundPassthroughCluster')],
      },
    },
    {
      name: 'virtualOutbound',
      address: { socket_address: { address: '0.0.0.0', port_value: 15001 } },
      use_original_dst: true,
      traffic_direction: 'OUTBOUND',
      filter_chains: [
        { name: 'virtualOutbound-catchall-tcp', filters: [tcpProxy('PassthroughCluster')] },
      ],
    },
  ];
}
