/**
 * LDS as Istio builds it for a sidecar (docs/fidelity.md §4.1, §4.8): `virtualOutbound`
 * (0.0.0.0:15001, `use_original_dst`: hands each connection to the listener of its original
 * destination port), one `0.0.0.0_<port>` listener per outbound HTTP port (listener filters
 * tls_inspector + http_inspector, a plaintext HTTP filter chain with the RDS route config named by
 * port, a passthrough default chain), and `virtualInbound` (0.0.0.0:15006) with an mTLS and a
 * plaintext chain per workload port, shaped by its mTLS mode and AuthorizationPolicies. The HTTP
 * filters are Istio's, in Istio's order (`buildHTTPConnectionManager` in
 * pilot/pkg/networking/core/listener.go). Simplified: typed configs carry only the fields the
 * simulator reads; access logs, tracing and stats settings are left out.
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
const cors = (): NetworkFilter =>
  filter('envoy.filters.http.cors', 'envoy.extensions.filters.http.cors.v3.Cors');
const grpcStats = (): NetworkFilter =>
  filter(
    'envoy.filters.http.grpc_stats',
    'envoy.extensions.filters.http.grpc_stats.v3.FilterConfig',
    {
      emit_filter_state: true,
      stats_for_all_methods: false,
    },
  );
/** Istio's peer metadata filter: learns who is on the other side (for metrics and logs). */
const metadataExchange = (side: 'upstream' | 'downstream'): NetworkFilter => ({
  name: 'istio.metadata_exchange',
  typed_config: {
    '@type': 'type.googleapis.com/udpa.type.v1.TypedStruct',
    type_url: 'type.googleapis.com/io.istio.http.peer_metadata.Config',
    value: {
      [`${side}_discovery`]: [{ istio_headers: {} }, { workload_discovery: {} }],
      [`${side}_propagation`]: [{ istio_headers: {} }],
    },
  },
});
/** Outbound only: offers `istio-http/1.1` etc. as ALPN so the server's mTLS chain matches. */
const alpn = (): NetworkFilter =>
  filter('istio.alpn', 'istio.envoy.config.filter.http.alpn.v2alpha1.FilterConfig', {
    alpn_override: [
      { upstream_protocol: 'HTTP10', alpn_override: ['istio-http/1.0', 'istio', 'http/1.0'] },
      { alpn_override: ['istio-http/1.1', 'istio', 'http/1.1'] },
      { upstream_protocol: 'HTTP2', alpn_override: ['istio-h2', 'istio', 'h2'] },
    ],
  });
/** Istio's telemetry filter (`istio_requests_total` and friends), `reporter` per side. */
const stats = (reporter: 'SOURCE' | 'DESTINATION'): NetworkFilter =>
  filter('istio.stats', 'stats.PluginConfig', reporter === 'SOURCE' ? {} : { reporter });
const inspectors = () => [
  filter(
    'envoy.filters.listener.tls_inspector',
    'envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector',
  ),
  filter(
    'envoy.filters.listener.http_inspector',
    'envoy.extensions.filters.listener.http_inspector.v3.HttpInspector',
  ),
];
/** The ALPN values Istio's inbound mTLS HTTP chain matches (what `istio.alpn` offers). */
export const MTLS_HTTP_ALPN = ['istio-http/1.0', 'istio-http/1.1', 'istio-h2'];

/** Where traffic to an unknown destination goes (meshConfig.outboundTrafficPolicy.mode). */
const unknownCluster = (config: MeshConfig): string =>
  config.outboundTrafficPolicy === 'REGISTRY_ONLY' ? 'BlackHoleCluster' : 'PassthroughCluster';

function outboundPortListener(config: MeshConfig, port: number): Listener {
  return {
    name: `0.0.0.0_${port}`,
    address: { socket_address: { address: '0.0.0.0', port_value: port } },
    bind_to_port: false,
    traffic_direction: 'OUTBOUND',
    listener_filters: inspectors(),
    filter_chains: [
      {
        filter_chain_match: {
          transport_protocol: 'raw_buffer',
          application_protocols: ['http/1.1', 'h2c'],
        },
        filters: [
          {
            name: 'envoy.filters.network.http_connection_manager',
            typed_config: {
              '@type': HCM,
              stat_prefix: `outbound_0.0.0.0_${port}`,
              rds: { route_config_name: String(port), config_source: ads() },
              http_filters: [
                metadataExchange('upstream'),
                grpcStats(),
                alpn(),
                fault(),
                cors(),
                stats('SOURCE'),
                router(),
              ],
            },
          },
        ],
      },
    ],
    default_filter_chain: {
      name: 'PassthroughFilterChain',
      filters: [tcpProxy(unknownCluster(config))],
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
      http_filters: [
        metadataExchange('downstream'),
        ...rbacFilters(config, pod),
        grpcStats(),
        fault(),
        cors(),
        stats('DESTINATION'),
        router(),
      ],
      forward_client_cert_details: 'APPEND_FORWARD',
    },
  });

  const mode = effectiveMtlsMode(config, pod);
  const chains: FilterChain[] = [];
  // Simplified chain names: Istio names both `0.0.0.0_<port>`; the suffix here tells them apart.
  if (mode !== 'DISABLE')
    chains.push({
      name: `0.0.0.0_${port}`,
      filter_chain_match: {
        destination_port: port,
        transport_protocol: 'tls',
        application_protocols: MTLS_HTTP_ALPN,
      },
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
    ...outboundPorts.map((p) => outboundPortListener(config, p)),
    {
      name: 'virtualInbound',
      address: { socket_address: { address: '0.0.0.0', port_value: 15006 } },
      traffic_direction: 'INBOUND',
      listener_filters: [
        filter(
          'envoy.filters.listener.original_dst',
          'envoy.extensions.filters.listener.original_dst.v3.OriginalDst',
        ),
        ...inspectors(),
      ],
      filter_chains: [
        // A connection addressed to 15006 itself would loop: Istio drops it.
        {
          name: 'virtualInbound-blackhole',
          filter_chain_match: { destination_port: 15006 },
          filters: [tcpProxy('BlackHoleCluster')],
        },
        ...inboundPorts.flatMap((p) => inboundChains(config, pod, p)),
      ],
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
        // Sent to 15001 itself: a loop, dropped.
        {
          name: 'virtualOutbound-blackhole',
          filter_chain_match: { destination_port: 15001 },
          filters: [tcpProxy('BlackHoleCluster')],
        },
        // No listener for the original destination port: ALLOW_ANY passes it through.
        { name: 'virtualOutbound-catchall-tcp', filters: [tcpProxy(unknownCluster(config))] },
      ],
    },
  ];
}
