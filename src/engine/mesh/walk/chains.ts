/**
 * Envoy's filter chain selection on a listener's JSON (docs/fidelity.md §4.8): the chains are
 * narrowed criterion by criterion in Envoy's order — destination port, then transport protocol,
 * then application protocols — and at each step the chains that name the connection's value win
 * over the chains that leave the criterion empty (`FilterChainManagerImpl` in
 * envoyproxy/envoy source/common/listener_manager/filter_chain_manager_impl.cc). No chain left:
 * the listener's `default_filter_chain`, or the connection is closed.
 * Simplified: destination IP, server names (SNI), source type/IP/port are not modelled (Istio's
 * sidecar chains do not use them for this cast).
 */
import type { FilterChain, Listener } from '../../config';

/** What the listener filters learned about a connection. */
export interface ConnectionFacts {
  destinationPort: number;
  /** `tls` (tls_inspector saw a ClientHello) or `raw_buffer`. */
  transportProtocol: 'tls' | 'raw_buffer';
  /** ALPN from the ClientHello, or `http/1.1` / `h2c` from http_inspector. */
  applicationProtocols: string[];
}

/** The chain Envoy picked, and why. */
export interface ChainChoice {
  chain: FilterChain | null;
  /** Index in `filter_chains`, or -1 for the default chain / none. */
  index: number;
  isDefault: boolean;
  /** The criteria that decided, in words (`destination_port 8080, transport_protocol tls`). */
  matchedOn: string[];
}

type Criterion = {
  name: string;
  value: (fc: FilterChain) => unknown;
  hits: (fc: FilterChain, c: ConnectionFacts) => boolean;
  shown: (c: ConnectionFacts) => string;
};

const CRITERIA: Criterion[] = [
  {
    name: 'destination_port',
    value: (fc) => fc.filter_chain_match?.destination_port,
    hits: (fc, c) => fc.filter_chain_match?.destination_port === c.destinationPort,
    shown: (c) => String(c.destinationPort),
  },
  {
    name: 'transport_protocol',
    value: (fc) => fc.filter_chain_match?.transport_protocol,
    hits: (fc, c) => fc.filter_chain_match?.transport_protocol === c.transportProtocol,
    shown: (c) => c.transportProtocol,
  },
  {
    name: 'application_protocols',
    value: (fc) => fc.filter_chain_match?.application_protocols?.length || undefined,
    hits: (fc, c) =>
      (fc.filter_chain_match?.application_protocols ?? []).some((p) =>
        c.applicationProtocols.includes(p),
      ),
    shown: (c) => c.applicationProtocols[0] ?? '',
  },
];

/** Envoy's choice of filter chain for a connection on `listener`. */
export function matchFilterChain(listener: Listener, c: ConnectionFacts): ChainChoice {
  let left = listener.filter_chains.map((chain, index) => ({ chain, index }));
  const matchedOn: string[] = [];
  for (const k of CRITERIA) {
    const exact = left.filter((x) => k.value(x.chain) !== undefined && k.hits(x.chain, c));
    if (exact.length > 0) {
      left = exact;
      matchedOn.push(`${k.name} ${k.shown(c)}`);
    } else left = left.filter((x) => k.value(x.chain) === undefined);
    if (left.length === 0) break;
  }
  const first = left[0];
  if (first) return { chain: first.chain, index: first.index, isDefault: false, matchedOn };
  const d = listener.default_filter_chain ?? null;
  return { chain: d, index: -1, isDefault: d !== null, matchedOn: [] };
}

/** The HTTP connection manager of a chain, if it has one. */
export function hcmOf(chain: FilterChain | null): Record<string, unknown> | null {
  const f = chain?.filters.find((x) => x.name === 'envoy.filters.network.http_connection_manager');
  return (f?.typed_config as Record<string, unknown> | undefined) ?? null;
}

/** The HTTP filters of a chain's connection manager, in order. */
export function httpFiltersOf(chain: FilterChain | null): string[] {
  const filters = hcmOf(chain)?.['http_filters'] as { name: string }[] | undefined;
  return (filters ?? []).map((f) => f.name);
}

/** The cluster of a chain's tcp_proxy (PassthroughCluster, BlackHoleCluster...), if any. */
export function tcpProxyCluster(chain: FilterChain | null): string | null {
  const f = chain?.filters.find((x) => x.name === 'envoy.filters.network.tcp_proxy');
  const cluster = (f?.typed_config as { cluster?: string } | undefined)?.cluster;
  return cluster ?? null;
}

/** What each HTTP filter does to this request, in one line. */
export function filterDoes(name: string, side: 'outbound' | 'inbound'): string {
  switch (name) {
    case 'istio.metadata_exchange':
      return side === 'outbound'
        ? 'adds this workload’s identity headers so the peer knows who called (metrics, logs)'
        : 'reads the caller’s peer metadata (who called: for metrics and logs)';
    case 'envoy.filters.http.rbac':
      return 'checks the AuthorizationPolicies of this workload';
    case 'envoy.filters.http.grpc_stats':
      return 'not gRPC: nothing to count';
    case 'istio.alpn':
      return 'sets the upstream ALPN to istio-http/1.1 so the peer’s mTLS chain matches';
    case 'envoy.filters.http.fault':
      return 'no fault injected on this route: passes';
    case 'envoy.filters.http.cors':
      return 'no CORS policy on this route: passes';
    case 'istio.stats':
      return side === 'outbound'
        ? 'will count the request in istio_requests_total (reporter=source)'
        : 'will count the request in istio_requests_total (reporter=destination)';
    case 'envoy.filters.http.router':
      return 'routes the request (the last filter)';
    default:
      return 'runs';
  }
}
