/**
 * One request followed hop by hop (scenes 2 and 4): where it is, what matched there. A walk is
 * computed when `request.walk` runs — from the pods' iptables rules and the sidecars' ACTIVE
 * listeners, routes, clusters and endpoints — and each hop is emitted as a `walk.hop` trace
 * entry at its own simulated time, so a learner can step through it.
 */
import type { SimTime } from '../../core/time';
import type { RuleCheck } from './iptables';

/** Where a hop happens. */
export type WalkSide = 'app' | 'kernel' | 'outbound' | 'inbound' | 'network';

/** What kind of step it is (the code panels' machines switch on it). */
export type WalkStage =
  /** The app opens a connection (after DNS) or its request arrives. */
  | 'app.send'
  /** netfilter's nat table decides: redirect to Envoy, or leave the connection alone. */
  | 'iptables'
  /** A listener accepts the connection (virtualOutbound 15001, virtualInbound 15006). */
  | 'listener.accept'
  /** `use_original_dst`: virtualOutbound hands the connection to the listener of its port. */
  | 'listener.handoff'
  /** Listener filters inspect the first bytes (tls_inspector, http_inspector). */
  | 'listener.filters'
  /** The filter chain is chosen (destination port, transport protocol, ALPN). */
  | 'filterChain.match'
  /** The HTTP connection manager decodes the request. */
  | 'hcm.decode'
  /** One HTTP filter runs (Istio's order). */
  | 'http.filter'
  /** The router picks virtual host, route and cluster. */
  | 'router.route'
  /** The cluster's load balancer picks an endpoint and Envoy connects (mTLS or plaintext). */
  | 'upstream.connect'
  /** A tcp_proxy chain forwards the connection (PassthroughCluster, BlackHoleCluster). */
  | 'tcp.proxy'
  /** Outside the pods: the node's kube-proxy DNAT, or the wire. */
  | 'network'
  /** The destination app gets the request. */
  | 'app.receive'
  /** The caller's app gets its answer (or an error): the walk ends. */
  | 'done';

/** Whose socket an iptables hop checks. */
export type IptSocket = 'app' | 'envoy' | 'agent' | 'peer';

/** Which walk: every hop (`stages`, scene 4) or one hop per place (`hops`, scene 2). */
export type WalkDetail = 'hops' | 'stages';

/** One hop of a walk. */
export interface WalkHop {
  n: number;
  /** Simulated time of the hop (µs). */
  at: SimTime;
  /** The pod it happens in (null: the node or the network outside the pods). */
  pod: string | null;
  side: WalkSide;
  stage: WalkStage;
  /** A short heading (`iptables OUTPUT`, `virtualOutbound accepts`). */
  title: string;
  /** What happened, in one or two sentences with Istio's and Envoy's names. */
  detail: string;
  /** iptables hops: the rules checked in order and the verdict. */
  iptables?: {
    hook: 'OUTPUT' | 'PREROUTING';
    uid: number;
    /** Whose connection: the app's, Envoy's, the istio-agent's, or one arriving from a peer. */
    socket: IptSocket;
    checked: RuleCheck[];
    verdict: string;
  };
  /** Listener hops: the listener and the chosen filter chain (index in filter_chains, -1 default). */
  listener?: string;
  chain?: { name: string; index: number };
  /** `http.filter` hops: the filter's name. */
  filter?: string;
  /** Router / upstream hops: the cluster, and the endpoint's pod. */
  cluster?: string;
  endpoint?: string;
}

/** The last walk of the run (a new `request.walk` replaces it). */
export interface WalkState {
  id: number;
  from: string;
  /** What the app called: a service short name, `istiod`, or an outside host. */
  to: string;
  port: number;
  detail: WalkDetail;
  hops: WalkHop[];
  /** How the walk ended, in words (`200 from payments-v1-a`, `connection reset`). */
  outcome: string;
}
