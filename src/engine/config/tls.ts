/**
 * The upstream TLS of an outbound cluster (Istio's cluster_tls.go, simplified): with no DR `tls`,
 * auto mTLS (Istio mTLS to endpoints labelled `tlsMode: istio`, plaintext to the others);
 * `ISTIO_MUTUAL` always Istio mTLS with the workload certificate from SDS (`default`, `ROOTCA`);
 * `DISABLE` plaintext; `SIMPLE` / `MUTUAL` TLS with the operator's own certificates (not modelled
 * beyond the socket name). SNI is Istio's `outbound_.<port>_.<subset>_.<host>`.
 */
import type { Cluster, TypedConfig } from './envoy';
import type { ClientTLSMode } from './istio';

const TLS = 'envoy.transport_sockets.tls';
const UPSTREAM_TLS =
  'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext';

function istioMtls(sni: string): { name: string; typed_config: TypedConfig } {
  return {
    name: TLS,
    typed_config: {
      '@type': UPSTREAM_TLS,
      common_tls_context: {
        alpn_protocols: ['istio-peer-exchange', 'istio'],
        tls_certificate_sds_secret_configs: [{ name: 'default' }],
        combined_validation_context: { validation_context_sds_secret_config: { name: 'ROOTCA' } },
      },
      sni,
    },
  };
}

/** The transport-socket fields of an outbound cluster for DR tls mode `mode`. */
export function upstreamTls(
  mode: ClientTLSMode | undefined,
  port: number,
  subset: string,
  host: string,
): Pick<Cluster, 'transport_socket' | 'transport_socket_matches'> {
  const sni = `outbound_.${port}_.${subset}_.${host}`;
  switch (mode) {
    case undefined:
      return {
        transport_socket_matches: [
          { name: 'tlsMode-istio', match: { tlsMode: 'istio' }, transport_socket: istioMtls(sni) },
          {
            name: 'tlsMode-disabled',
            match: {},
            transport_socket: { name: 'envoy.transport_sockets.raw_buffer' },
          },
        ],
      };
    case 'ISTIO_MUTUAL':
      return { transport_socket: istioMtls(sni) };
    case 'DISABLE':
      return {};
    default:
      return {
        transport_socket: {
          name: TLS,
          typed_config: { '@type': UPSTREAM_TLS, common_tls_context: {} },
        },
      };
  }
}

/**
 * How a compiled outbound cluster talks to its endpoints: `AUTO` (auto mTLS: Istio mTLS to
 * `tlsMode: istio` endpoints, plaintext to others), `ISTIO_MUTUAL`, `TLS` (operator TLS) or
 * `DISABLE` (plaintext). For models that need the mode without reading the sockets.
 */
export function upstreamTlsMode(c: Cluster): 'AUTO' | 'ISTIO_MUTUAL' | 'TLS' | 'DISABLE' {
  if (c.transport_socket_matches?.some((m) => m.transport_socket.name === TLS)) return 'AUTO';
  if (c.transport_socket?.name !== TLS) return 'DISABLE';
  const ctx = c.transport_socket.typed_config?.common_tls_context as
    { tls_certificate_sds_secret_configs?: { name: string }[] } | undefined;
  return ctx?.tls_certificate_sds_secret_configs?.some((s) => s.name === 'default')
    ? 'ISTIO_MUTUAL'
    : 'TLS';
}
