/**
 * A tcp_proxy chain took the connection (no listener for its port, or not HTTP): under ALLOW_ANY
 * PassthroughCluster (type ORIGINAL_DST) forwards it unchanged; under REGISTRY_ONLY
 * BlackHoleCluster, which has no endpoints, closes it (docs/fidelity.md §4.1).
 */
import { PROXY_UID } from './iptables';
import type { Destination } from './outbound';
import { EXTERNAL, HOP_US, type Walker } from './walker';

/** The rest of the walk once a tcp_proxy chain took the connection. */
export function passthrough(
  w: Walker,
  from: string,
  cluster: string,
  dst: string,
  d: Destination,
): void {
  if (cluster === 'BlackHoleCluster') {
    w.add(HOP_US.envoy, {
      pod: from,
      side: 'outbound',
      stage: 'tcp.proxy',
      title: 'BlackHoleCluster: closed',
      detail: `outboundTrafficPolicy REGISTRY_ONLY: the catch-all chain sends unknown destinations to BlackHoleCluster, which has no endpoints; Envoy closes the connection.`,
      cluster,
    });
    w.finish(
      from,
      HOP_US.envoy,
      'connection reset',
      `${from}’s app sees its connection to ${dst} reset: nothing left the pod.`,
      'connection reset',
    );
    return;
  }
  w.add(HOP_US.envoy, {
    pod: from,
    side: 'outbound',
    stage: 'tcp.proxy',
    title: 'PassthroughCluster',
    detail: `outboundTrafficPolicy ALLOW_ANY: tcp_proxy to PassthroughCluster (type ORIGINAL_DST) opens a connection to the original destination ${dst} as it is: no route, no retries, no mTLS.`,
    cluster,
  });
  w.iptables(
    from,
    true,
    {
      hook: 'OUTPUT',
      uid: PROXY_UID,
      src: 'pod',
      dst: dst.split(':')[0] ?? '',
      dport: d.port,
      oif: 'eth0',
    },
    'Envoy’s connection',
  );
  w.add(HOP_US.wire, {
    pod: null,
    side: 'network',
    stage: 'network',
    title: `out of the mesh to ${dst}`,
    detail: `The connection leaves the pod for ${d.kind === 'external' ? EXTERNAL.host : dst}, outside the mesh.`,
  });
  w.finish(
    from,
    HOP_US.app,
    `${from}’s app is connected`,
    `${from}’s app talks to ${dst} directly through Envoy’s TCP proxy; Istio sees bytes, not requests.`,
    `passed through to ${dst}`,
  );
}
