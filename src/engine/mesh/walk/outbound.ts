/**
 * The caller's side of a walk: the app dials, ISTIO_OUTPUT redirects to 15001, `virtualOutbound`
 * hands the connection to the listener of its original port, the filter chain and the HTTP filters
 * run, the router picks a cluster and the load balancer an endpoint, and Envoy's own connection
 * (UID 1337) leaves the pod uncaptured (docs/fidelity.md §4.1, §4.3, §4.8).
 */
import type { Listener, MeshService } from '../../config';
import { active } from '../blobs';
import type { SidecarState } from '../types';
import { drawWeighted, vhostFor } from '../../traffic/routing';
import { filterDoes, httpFiltersOf, matchFilterChain, tcpProxyCluster } from './chains';
import { PROXY_UID } from './iptables';
import { walkInbound } from './inbound';
import { passthrough } from './passthrough';
import { EXTERNAL, HOP_US, type Walker } from './walker';

/** Where the app's connection goes: a service of the registry, or a host outside it. */
export type Destination =
  { kind: 'service'; svc: MeshService; port: number } | { kind: 'external'; port: number };

const sni = (cluster: string): string => {
  const [dir, port, subset, host] = cluster.split('|');
  return `${dir}_.${port}_.${subset || '_'}_.${host}`;
};

/** Appends the caller's hops (and the callee's, through `walkInbound`). */
export function walkOutbound(w: Walker, from: string, d: Destination, sc: SidecarState): void {
  const pod = w.sim.state.pods[from];
  if (!pod) return;
  const ip = d.kind === 'service' ? d.svc.clusterIP : EXTERNAL.ip;
  const dst = `${ip}:${d.port}`;
  w.iptables(
    from,
    true,
    { hook: 'OUTPUT', uid: 1000, src: pod.ip, dst: ip, dport: d.port, oif: 'eth0' },
    'the app’s connection',
  );
  const vo = w.listener(sc, 'virtualOutbound');
  if (!vo) {
    w.add(HOP_US.envoy, {
      pod: from,
      side: 'outbound',
      stage: 'listener.accept',
      title: 'nothing listens on 15001',
      detail: `${from}’s Envoy has no listeners yet (no LDS from Istiod): the redirected connection is refused.`,
      listener: 'virtualOutbound',
    });
    w.finish(
      from,
      HOP_US.kernel,
      'connection refused',
      `${from}’s app gets "connection refused" from ${dst}.`,
      'connection refused',
    );
    return;
  }
  w.add(HOP_US.envoy, {
    pod: from,
    side: 'outbound',
    stage: 'listener.accept',
    title: 'virtualOutbound accepts on 15001',
    detail: `virtualOutbound (0.0.0.0:15001) accepts. The kernel kept the address the app dialled (SO_ORIGINAL_DST): ${dst}.`,
    listener: 'virtualOutbound',
  });
  const target = w.listener(sc, `0.0.0.0_${d.port}`);
  const listenerName = target ? `0.0.0.0_${d.port}` : 'virtualOutbound';
  const l: Listener = target ?? vo;
  w.add(HOP_US.envoy, {
    pod: from,
    side: 'outbound',
    stage: 'listener.handoff',
    title: target ? `handed to ${listenerName}` : `no listener for port ${d.port}`,
    detail: target
      ? `use_original_dst: virtualOutbound hands the connection to the listener for port ${d.port}, ${listenerName} (bind_to_port false: it owns no socket of its own).`
      : `use_original_dst finds no listener for port ${d.port}: the connection stays on virtualOutbound and its own filter chains decide.`,
    listener: listenerName,
  });
  const facts = {
    destinationPort: d.port,
    transportProtocol: 'raw_buffer' as const,
    applicationProtocols: ['http/1.1'],
  };
  if (w.full && target)
    w.add(HOP_US.envoy, {
      pod: from,
      side: 'outbound',
      stage: 'listener.filters',
      title: 'tls_inspector, http_inspector',
      detail:
        'tls_inspector finds no TLS ClientHello (the app sends plaintext): transport_protocol raw_buffer. http_inspector recognises HTTP/1.1: application protocol http/1.1.',
      listener: listenerName,
    });
  const choice = matchFilterChain(l, facts);
  const chainName =
    choice.chain?.name ?? (choice.index >= 0 ? `filter_chains[${choice.index}]` : '(none)');
  const proxyTo = tcpProxyCluster(choice.chain);
  if (w.full)
    w.add(HOP_US.envoy, {
      pod: from,
      side: 'outbound',
      stage: 'filterChain.match',
      title: `filter chain ${chainName}`,
      detail: choice.isDefault
        ? `No filter chain matches: the default chain ${chainName} applies.`
        : `Matched on ${choice.matchedOn.join(', ') || 'nothing (a chain with no match criteria catches everything)'}: ${proxyTo ? `a tcp_proxy chain` : 'the HTTP chain (http_connection_manager)'}.`,
      listener: listenerName,
      chain: { name: chainName, index: choice.index },
    });
  if (proxyTo || d.kind === 'external')
    return passthrough(w, from, proxyTo ?? 'PassthroughCluster', dst, d);
  const svc = d.svc;
  const rdsName = String(d.port);
  if (w.full) {
    w.add(HOP_US.envoy, {
      pod: from,
      side: 'outbound',
      stage: 'hcm.decode',
      title: 'HTTP connection manager',
      detail: `Decodes GET / HTTP/1.1 with Host: ${svc.name}:${d.port}, adds an x-request-id; its routes come from RDS route configuration "${rdsName}".`,
      listener: listenerName,
      chain: { name: chainName, index: choice.index },
    });
    for (const f of httpFiltersOf(choice.chain).filter((x) => x !== 'envoy.filters.http.router'))
      w.add(HOP_US.filter, {
        pod: from,
        side: 'outbound',
        stage: 'http.filter',
        title: f,
        detail: filterDoes(f, 'outbound'),
        filter: f,
      });
  }
  const rc = active(sc, 'RDS', rdsName);
  const vh = rc ? vhostFor(rc, `${svc.name}:${d.port}`) : undefined;
  const route = vh?.routes.find((r) => r.match.prefix === '/' || r.match.prefix === undefined);
  if (!rc || !vh || !route) {
    w.add(HOP_US.envoy, {
      pod: from,
      side: 'outbound',
      stage: 'router.route',
      title: 'no route',
      detail: `No route for ${svc.name}:${d.port} in route configuration "${rdsName}": Envoy answers 404 (NR).`,
      filter: 'envoy.filters.http.router',
    });
    w.finish(
      from,
      HOP_US.envoy,
      `${from}’s app gets 404`,
      'A local reply from the sidecar: route_not_found.',
      '404 NR',
    );
    return;
  }
  const a = route.route;
  const draw = a.weighted_clusters ? drawWeighted(w.sim, a.weighted_clusters.clusters) : null;
  const cluster = a.cluster ?? draw?.cluster ?? '';
  w.add(HOP_US.envoy, {
    pod: from,
    side: 'outbound',
    stage: 'router.route',
    title: `route → ${cluster}`,
    detail: `Route configuration "${rdsName}" → virtual host ${vh.name} (its domains include ${svc.name}:${d.port}) → route ${route.name || 'default'} (prefix /) → ${draw ? `weighted clusters: random % ${draw.total} = ${draw.drawn} → ` : ''}cluster ${cluster}.`,
    filter: 'envoy.filters.http.router',
    cluster,
  });
  const cla = active(sc, 'EDS', cluster);
  const hosts = (cla?.endpoints ?? []).filter((e) => e.health_status === 'HEALTHY');
  const cds = active(sc, 'CDS', cluster);
  if (hosts.length === 0 || !cds) {
    w.add(HOP_US.envoy, {
      pod: from,
      side: 'outbound',
      stage: 'upstream.connect',
      title: 'no healthy upstream',
      detail: `Cluster ${cluster} has no healthy endpoint in this Envoy’s EDS: a local 503 (UH).`,
      cluster,
    });
    w.finish(
      from,
      HOP_US.envoy,
      `${from}’s app gets 503`,
      'no healthy upstream (UH), answered by the caller’s own sidecar.',
      '503 UH',
    );
    return;
  }
  const host = hosts[w.sim.rng.int(hosts.length)] ?? hosts[0]!;
  const callee = w.sim.state.pods[host.pod];
  const tls = cds.tls === 'ISTIO_MUTUAL' && (callee?.injected ?? false);
  const principal = `spiffe://${w.sim.state.config.trustDomain}/ns/${pod.namespace}/sa/${pod.serviceAccount}`;
  w.add(HOP_US.envoy, {
    pod: from,
    side: 'outbound',
    stage: 'upstream.connect',
    title: `to ${host.address}:${host.port} (${host.pod})`,
    detail: `The ${cds.lb_policy} load balancer picks ${host.address}:${host.port} (${host.pod}) of ${hosts.length} healthy endpoint${hosts.length === 1 ? '' : 's'} (EDS). ${tls ? `mTLS (ISTIO_MUTUAL): ${from}’s certificate, SNI ${sni(cluster)}, ALPN istio-http/1.1.` : 'Plaintext: that endpoint has no sidecar (auto mTLS).'}`,
    cluster,
    endpoint: host.pod,
  });
  w.iptables(
    from,
    true,
    {
      hook: 'OUTPUT',
      uid: PROXY_UID,
      src: pod.ip,
      dst: host.address,
      dport: host.port,
      oif: 'eth0',
    },
    'Envoy’s own connection',
  );
  w.add(HOP_US.wire, {
    pod: null,
    side: 'network',
    stage: 'network',
    title: `pod network → ${host.address}:${host.port}`,
    detail: `The connection crosses the pod network straight to ${host.pod} — Envoy dials the endpoint, so kube-proxy’s ClusterIP rules never see it.`,
  });
  walkInbound(w, {
    from,
    callee: host.pod,
    port: host.port,
    tls,
    principal: tls ? principal : null,
  });
}
