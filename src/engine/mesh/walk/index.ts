/**
 * `request.walk`: one connection followed hop by hop (scenes 2 and 4). The whole walk is computed
 * when the command runs (from the iptables rules and the sidecars' ACTIVE config at that moment)
 * and kept in `state.walk`; each hop is then emitted as a `walk.hop` trace entry at its own
 * simulated time, so stepping shows one hop at a time. Walks carry no load: they are not counted
 * in the traffic metrics. Simplified: the connection is new (no pooled connection is reused) and
 * the request is `GET /`.
 */
import type { MeshService } from '../../config';
import { ISTIOD_CLUSTER_IP } from '../../faults/admission';
import { logLine } from '../log';
import type { MeshSim } from '../types';
import { walkInbound } from './inbound';
import { PROXY_UID } from './iptables';
import { walkOutbound, type Destination } from './outbound';
import type { WalkDetail } from './types';
import { EXTERNAL, HOP_US, Walker } from './walker';

export type { WalkDetail, WalkHop, WalkStage, WalkSide, WalkState } from './types';
export { iptablesSave, ISTIO_NAT_RULES, type SaveLine } from './iptables';
export { EXTERNAL } from './walker';

/** What `to` names: `istiod`, `external` (a host outside the registry) or a service. */
function describeTarget(to: string, port: number): string {
  if (to === 'istiod') return `istiod.istio-system.svc:15012`;
  if (to === 'external') return `${EXTERNAL.host}:${port}`;
  return `${to}:${port}`;
}

/** The istio-agent's own connection to Istiod (the ADS stream's transport). */
function walkToIstiod(w: Walker, from: string): void {
  const sim = w.sim;
  const pod = sim.state.pods[from];
  if (!pod) return;
  if (!pod.injected) {
    w.finish(
      from,
      0,
      'no istio-agent',
      `${from} has no sidecar, so no istio-agent and no connection to Istiod.`,
      'nothing to trace',
    );
    return;
  }
  w.add(0, {
    pod: from,
    side: 'outbound',
    stage: 'app.send',
    title: 'the istio-agent dials Istiod',
    detail: `${from}’s istio-agent (in the istio-proxy container, UID ${PROXY_UID}) connects to istiod.istio-system.svc:15012 = ${ISTIOD_CLUSTER_IP}:15012 for xDS and certificates.`,
  });
  w.iptables(
    from,
    true,
    {
      hook: 'OUTPUT',
      uid: PROXY_UID,
      src: pod.ip,
      dst: ISTIOD_CLUSTER_IP,
      dport: 15012,
      oif: 'eth0',
    },
    'the agent’s connection',
  );
  const up = sim.state.istiod.up;
  w.add(HOP_US.wire, {
    pod: null,
    side: 'network',
    stage: 'network',
    title: up ? 'to Istiod' : 'Istiod is down',
    detail: up
      ? 'Straight to Istiod over mTLS: the long-lived gRPC stream that carries this pod’s ADS (LDS, RDS, CDS, EDS) and its certificate requests.'
      : 'kube-proxy finds no ready Istiod endpoint: connection refused. The agent backs off and retries.',
  });
  w.finish(
    from,
    HOP_US.wire,
    up ? 'connected to Istiod' : 'refused',
    up
      ? 'Envoy itself talks to the agent over a Unix socket (./etc/istio/proxy/XDS); the agent forwards to Istiod.'
      : 'No config can arrive until Istiod is back; traffic keeps flowing on the last config.',
    up ? 'connected to Istiod, uncaptured' : 'connection refused',
  );
}

/** A pod without a sidecar calls a service: kube-proxy on the node picks the endpoint. */
function walkWithoutSidecar(w: Walker, from: string, svc: MeshService, port: number): void {
  const sim = w.sim;
  const pod = sim.state.pods[from];
  if (!pod) return;
  w.iptables(
    from,
    false,
    { hook: 'OUTPUT', uid: 1000, src: pod.ip, dst: svc.clusterIP, dport: port, oif: 'eth0' },
    'the app’s connection',
  );
  const ready = sim.state.order.filter((p) => {
    const s = sim.state.pods[p];
    return s?.service === svc.name && s.up && s.ready;
  });
  if (ready.length === 0) {
    w.finish(
      from,
      HOP_US.wire,
      'connection refused',
      `${svc.name} has no ready endpoint: kube-proxy rejects the connection to ${svc.clusterIP}:${port}.`,
      'connection refused',
    );
    return;
  }
  const callee = ready[sim.rng.int(ready.length)] ?? ready[0]!;
  const ip = sim.state.pods[callee]?.ip ?? '';
  w.add(HOP_US.wire, {
    pod: null,
    side: 'network',
    stage: 'network',
    title: `kube-proxy: ${svc.clusterIP} → ${ip}`,
    detail: `On the node, kube-proxy’s rules DNAT the ClusterIP ${svc.clusterIP}:${port} to a ready pod chosen at random: ${ip}:${port} (${callee}). No routing rules, no retries, no mTLS.`,
    endpoint: callee,
  });
  walkInbound(w, { from, callee, port, tls: false, principal: null });
}

/** Runs `request.walk`: computes the walk, keeps it, schedules its hops. */
export function startWalk(
  sim: MeshSim,
  from: string,
  to: string,
  port: number,
  detail: WalkDetail,
): void {
  const s = sim.state;
  const pod = s.pods[from];
  if (!pod) return;
  const w = new Walker(sim, detail);
  const target = describeTarget(to, port);
  const svc = s.config.services.find((x) => x.name === to);
  if (!pod.up) {
    w.finish(
      from,
      0,
      `${from} is not running`,
      `${from}’s app is not running: nothing is sent.`,
      'not sent',
    );
  } else if (to === 'istiod') {
    walkToIstiod(w, from);
  } else {
    const ip = svc ? svc.clusterIP : EXTERNAL.ip;
    w.add(0, {
      pod: from,
      side: 'app',
      stage: 'app.send',
      title: `the app dials ${target}`,
      detail: svc
        ? `${from}’s app calls ${target}. DNS answers with the Service’s ClusterIP, so the app (UID 1000) opens a TCP connection to ${ip}:${port}. It knows nothing about Envoy.`
        : `${from}’s app opens a TCP connection to ${EXTERNAL.host} (${ip}:${port}), a host the mesh’s registry does not know.`,
    });
    const sc = s.sidecars[from];
    const d: Destination = svc ? { kind: 'service', svc, port } : { kind: 'external', port };
    if (pod.injected && sc) walkOutbound(w, from, d, sc);
    else if (svc) walkWithoutSidecar(w, from, svc, port);
    else {
      w.iptables(
        from,
        false,
        { hook: 'OUTPUT', uid: 1000, src: pod.ip, dst: ip, dport: port, oif: 'eth0' },
        'the app’s connection',
      );
      w.finish(
        from,
        HOP_US.wire,
        'straight out',
        `Without a sidecar the connection goes straight to ${EXTERNAL.host}.`,
        `direct to ${ip}:${port}`,
      );
    }
  }
  const id = (s.walk?.id ?? 0) + 1;
  s.walk = { id, from, to, port, detail, hops: w.hops, outcome: w.outcome };
  for (const h of w.hops) sim.schedule(h.at - sim.now, { type: 'walk.hop', id, n: h.n });
  logLine(
    sim,
    'traffic',
    `${from} traces one request to ${target} hop by hop (${w.hops.length} hops)`,
  );
}

/** A scheduled hop is reached: emits its trace entry (if its walk is still the current one). */
export function onWalkHop(sim: MeshSim, id: number, n: number): void {
  const w = sim.state.walk;
  if (!w || w.id !== id) return;
  const h = w.hops[n - 1];
  if (!h) return;
  const deciding = h.iptables?.checked.filter((c) => c.matched).pop();
  sim.emit({
    t: sim.now,
    type: 'walk.hop',
    walk: id,
    n,
    of: w.hops.length,
    from: w.from,
    pod: h.pod,
    side: h.side,
    stage: h.stage,
    title: h.title,
    ...(h.filter ? { filter: h.filter } : {}),
    ...(h.iptables
      ? { verdict: h.iptables.verdict, uid: h.iptables.uid, socket: h.iptables.socket }
      : {}),
    ...(deciding ? { rule: `${deciding.chain} ${deciding.rule}` } : {}),
    ...(h.listener ? { listener: h.listener } : {}),
    ...(h.chain ? { chain: h.chain.name, defaultChain: h.chain.index < 0 } : {}),
  });
  if (n === w.hops.length) logLine(sim, 'traffic', `Walk ${id}: ${w.outcome}`);
}
