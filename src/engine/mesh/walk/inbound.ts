/**
 * The callee's side of a walk: PREROUTING sends the connection to 15006, `virtualInbound` picks
 * the filter chain by destination port and transport (mTLS or plaintext under PERMISSIVE), the
 * inbound HTTP filters run, and Envoy hands the request to the app from 127.0.0.6 — a connection
 * iptables returns untouched (docs/fidelity.md §4.1, §4.8).
 */
import { filterDoes, httpFiltersOf, matchFilterChain, tcpProxyCluster } from './chains';
import { INBOUND_PASSTHROUGH_SRC, PROXY_UID } from './iptables';
import { HOP_US, type Walker } from './walker';

/** How the connection arrives at the callee. */
export interface Arrival {
  from: string;
  callee: string;
  port: number;
  /** mTLS from the caller's Envoy, or plaintext (caller without a sidecar). */
  tls: boolean;
  /** The caller's SPIFFE identity (mTLS only). */
  principal: string | null;
}

/** Appends the callee's hops and the caller's `done`. */
export function walkInbound(w: Walker, a: Arrival): void {
  const sim = w.sim;
  const pod = sim.state.pods[a.callee];
  if (!pod) return;
  const sc = sim.state.sidecars[a.callee];
  const dst = `${pod.ip}:${a.port}`;
  const captured =
    w.iptables(
      a.callee,
      pod.injected,
      { hook: 'PREROUTING', uid: 0, src: 'peer', dst: pod.ip, dport: a.port, oif: 'eth0' },
      `the connection to ${dst}`,
    ) === 'redirect';
  if (captured) {
    const vi = w.listener(sc, 'virtualInbound');
    if (!vi) {
      w.add(HOP_US.envoy, {
        pod: a.callee,
        side: 'inbound',
        stage: 'listener.accept',
        title: 'nothing listens on 15006',
        detail: `${a.callee}’s Envoy has no listeners yet (no LDS received): the kernel refuses the connection.`,
        listener: 'virtualInbound',
      });
      w.finish(
        a.from,
        HOP_US.wire,
        'connection refused',
        'The caller’s Envoy answers 503 (UF: upstream connection failure).',
        '503 UF',
      );
      return;
    }
    w.add(HOP_US.envoy, {
      pod: a.callee,
      side: 'inbound',
      stage: 'listener.accept',
      title: 'virtualInbound accepts on 15006',
      detail: `virtualInbound (0.0.0.0:15006) accepts; its original_dst listener filter reads the address the caller used, ${dst}.`,
      listener: 'virtualInbound',
    });
    const facts = {
      destinationPort: a.port,
      transportProtocol: a.tls ? ('tls' as const) : ('raw_buffer' as const),
      applicationProtocols: a.tls ? ['istio-http/1.1', 'istio', 'http/1.1'] : ['http/1.1'],
    };
    if (w.full)
      w.add(HOP_US.envoy, {
        pod: a.callee,
        side: 'inbound',
        stage: 'listener.filters',
        title: 'tls_inspector, http_inspector',
        detail: a.tls
          ? 'tls_inspector reads the TLS ClientHello: transport_protocol tls, ALPN istio-http/1.1 (set by the caller’s istio.alpn filter).'
          : 'tls_inspector finds no ClientHello: transport_protocol raw_buffer; http_inspector sees HTTP/1.1.',
        listener: 'virtualInbound',
      });
    const choice = matchFilterChain(vi, facts);
    const chainName = choice.chain?.name ?? '(none)';
    const proxyTo = tcpProxyCluster(choice.chain);
    if (w.full || proxyTo)
      w.add(HOP_US.envoy, {
        pod: a.callee,
        side: 'inbound',
        stage: 'filterChain.match',
        title: `filter chain ${chainName}`,
        detail: choice.isDefault
          ? `No chain matches ${facts.transportProtocol} on port ${a.port}: the default chain ${chainName} applies.`
          : `Matched on ${choice.matchedOn.join(', ')}: chain ${chainName}${a.tls ? `. TLS ends here with ${a.callee}’s certificate (SDS "default"); the caller’s certificate verifies against ROOTCA: ${a.principal ?? ''}` : ' (plaintext, allowed under PERMISSIVE)'}.`,
        listener: 'virtualInbound',
        chain: { name: chainName, index: choice.index },
      });
    if (proxyTo === 'BlackHoleCluster') {
      w.add(HOP_US.envoy, {
        pod: a.callee,
        side: 'inbound',
        stage: 'tcp.proxy',
        title: 'BlackHoleCluster: closed',
        detail: `tcp_proxy to BlackHoleCluster, which has no endpoints: STRICT mTLS refuses plaintext, so ${a.callee}’s Envoy closes the connection.`,
        cluster: proxyTo,
      });
      w.finish(
        a.from,
        HOP_US.wire,
        'connection reset',
        `${a.from}’s app sees the connection reset by peer: no response.`,
        'connection reset',
      );
      return;
    }
    if (w.full && !proxyTo) {
      w.add(HOP_US.envoy, {
        pod: a.callee,
        side: 'inbound',
        stage: 'hcm.decode',
        title: 'HTTP connection manager',
        detail: `The inbound HTTP connection manager (stat prefix inbound|${a.port}||) decodes GET / and forwards the client certificate details (x-forwarded-client-cert).`,
        listener: 'virtualInbound',
        chain: { name: chainName, index: choice.index },
      });
      for (const f of httpFiltersOf(choice.chain))
        w.add(f === 'envoy.filters.http.router' ? HOP_US.envoy : HOP_US.filter, {
          pod: a.callee,
          side: 'inbound',
          stage: f === 'envoy.filters.http.router' ? 'router.route' : 'http.filter',
          title: f,
          detail:
            f === 'envoy.filters.http.router'
              ? `Route configuration inbound|${a.port}|| → virtual host inbound|http|${a.port} → route default → cluster inbound|${a.port}||.`
              : filterDoes(f, 'inbound'),
          filter: f,
          ...(f === 'envoy.filters.http.router' ? { cluster: `inbound|${a.port}||` } : {}),
        });
    }
    const cluster = proxyTo ?? `inbound|${a.port}||`;
    w.add(HOP_US.envoy, {
      pod: a.callee,
      side: 'inbound',
      stage: 'upstream.connect',
      title: `to the app via ${cluster}`,
      detail: `${a.callee}’s Envoy opens a plaintext connection to the app at ${dst}, from source ${INBOUND_PASSTHROUGH_SRC}.`,
      cluster,
    });
    w.iptables(
      a.callee,
      true,
      {
        hook: 'OUTPUT',
        uid: PROXY_UID,
        src: INBOUND_PASSTHROUGH_SRC,
        dst: pod.ip,
        dport: a.port,
        oif: 'lo',
      },
      'Envoy’s connection to the app',
    );
  }
  w.add(HOP_US.kernel, {
    pod: a.callee,
    side: 'app',
    stage: 'app.receive',
    title: `the app gets GET / on :${a.port}`,
    detail: captured
      ? `${a.callee}’s app accepts on ${a.port} and answers 200. It saw plain HTTP: mTLS ended in its sidecar.`
      : `${a.callee}’s app accepts on ${a.port} and answers 200: no sidecar saw this request.`,
  });
  w.finish(
    a.from,
    HOP_US.app,
    `${a.from}’s app gets 200`,
    `The answer returns over the same connections; conntrack undoes each redirect, so ${a.from}’s app sees 200 from the address it dialled and never learns Envoy was there.`,
    `200 from ${a.callee}`,
  );
}
