/** Data-plane state: generators, requests in flight, per-sidecar LB/outlier/pool state, metrics. */
import type { SimTime } from '../core/time';
import type { BreakerLimit, PodName, TraceSpan } from '../mesh/contract';
import type { GraphState, HostPool } from './graph/types';

/** A traffic edge: the app in `from` calls service `to` (short name) at `rps`. */
export interface Edge {
  from: PodName;
  to: string;
}

/** Retry policy values copied onto a request (so the request survives config changes). */
export interface RqRetry {
  left: number;
  baseMs: number;
  perTryMs: number;
  onConnectFailure: boolean;
  onRefusedStream: boolean;
  on5xx: boolean;
  onGatewayError: boolean;
  onReset: boolean;
  codes: number[];
  previousHosts: boolean;
}

/** One request in flight. */
export interface Request {
  id: number;
  from: PodName;
  /** Destination service (short name). */
  to: string;
  start: SimTime;
  cluster: string;
  attempt: number;
  retry: RqRetry | null;
  triedHosts: string[];
  /** Current attempt: upstream host, its connection, and the outcome decided at dispatch. */
  host: string | null;
  connId: number;
  outcome: {
    code: number;
    flags: string;
    /** How Envoy's retry policy classifies the outcome ('timeout': a per-try timeout). */
    retriable: 'connect' | 'refused' | 'reset' | 'status' | 'timeout' | null;
  } | null;
  attemptSentAt: SimTime;
  timeoutAt: SimTime | null;
  timeoutTimer: number | null;
  attemptTimer: number | null;
  /** Index into the view ring (to update code/flags when done). */
  viewSlot: number;
  /** Value of the `x-user` header (for header matches). */
  user: string;
  /** RING_HASH key from the route's hash policy ('' = none: random pick). */
  hashKey: string;
  /** The last attempt reached the destination sidecar (it reports metrics too). */
  reached: boolean;
  /** Extra response flags set on the way (DI: fault delay). */
  extraFlags: string;
  /** Tracing: sampled trace id, this request's client span id, parent span (if headers forwarded). */
  traceId: number | null;
  spanId: number;
  parentSpan: number | null;
  /** Call-graph mode: the app job waiting for this call. */
  job?: number;
  /** Call-graph mode: the load-generator run and loop that sent this call. */
  load?: { run: number; loop: number };
  /** Call-graph mode: the current attempt waits in the pool since then (pending). */
  queuedAt?: SimTime;
  /** Call-graph mode: this request holds one of the cluster's active retries (max_retries). */
  retryHeld?: boolean;
  /** Call-graph mode: the current attempt's per-try timer. */
  perTryTimer?: number | null;
}

/** Per-host outlier state inside one client cluster. */
export interface HostOutlier {
  consecutive5xx: number;
  ejections: number;
  ejected: boolean;
  /** Earliest return: last ejection + min(base × multiplier, max); Envoy checks at interval ticks. */
  ejectedUntil: SimTime;
  ejectedAt: SimTime;
  /** Envoy's eject_time_backoff: +1 per ejection, −1 per clean interval tick. */
  multiplier: number;
}

/** Per-cluster runtime state inside one client sidecar. */
export interface ClusterRuntime {
  rr: number;
  active: number;
  activeRetries: number;
  /** Active requests per host (LEAST_REQUEST). */
  hostActive: Record<string, number>;
  outlier: Record<string, HostOutlier>;
  ejectedCount: number;
  /** The outlier detector's interval timer is armed (its epoch; absent: not armed). */
  odEpoch?: number;
  /** Call-graph mode: connection pools per host, pending and open connections of the cluster. */
  pools?: Record<string, HostPool>;
  pending?: number;
  connections?: number;
  /** Call-graph mode: Envoy's overflow counters by limit (upstream_rq_pending_overflow, …). */
  overflow?: Partial<Record<BreakerLimit, number>>;
}

/** An upstream connection from one sidecar to one host. */
export interface UpstreamConn {
  id: number;
  busy: boolean;
  establishedAt: SimTime;
  lastUsed: SimTime;
}

/** Data-plane state of one sidecar. */
export interface SidecarTraffic {
  clusters: Record<string, ClusterRuntime>;
  /** Upstream connection pools by host pod. */
  conns: Record<string, UpstreamConn[]>;
  /** Inbound requests being served (for DC/UC when a pod dies). */
  inbound: number;
}

/** A request as the view ring keeps it. */
export interface RequestRecord {
  id: number;
  from: PodName;
  to: PodName;
  sentAt: SimTime;
  arriveAt: SimTime;
  /** 0 and '' until the request completed (fixed shape: cheap checkpoints). */
  code: number;
  flags: string;
}

/** A finished span (client or server side): the contract's span fields. */
export type Span = TraceSpan;

/** Counters of finished requests. */
export interface Counters {
  issued: number;
  completed: number;
  ok: number;
  failed: number;
  byFlag: Record<string, number>;
  byCode: Record<string, number>;
  /** Successful requests by the pod that served them (the canary split). */
  byDest: Record<string, number>;
}

/** Data-plane state of the mesh. */
export interface TrafficState {
  edges: Edge[];
  perEdgeRps: number;
  nextId: number;
  nextConnId: number;
  requests: Record<number, Request>;
  counters: Counters;
  /**
   * Ring of the last 200 requests for the view, flattened to numbers (REC_FIELDS per request:
   * id, from, to, sentAt, arriveAt, code, flags; strings as indexes into `names`) so that
   * checkpoints copy one typed array (a memcpy) instead of 200 objects. The core's state hash
   * serialises typed arrays as number arrays.
   */
  recent: Float64Array;
  recentNext: number;
  recentCount: number;
  /** Interned strings of the ring (pod/service names, response flags); append-only. */
  names: string[];
  /** `istio_requests_total` by label set (reporter|source|destination|code|flags). */
  requestsTotal: Record<string, number>;
  /** `istio_request_duration_milliseconds` buckets per destination service (source reporter). */
  latency: Record<string, number[]>;
  /** Apps forward trace headers (x-request-id, traceparent, b3): spans join into one trace. */
  forwardHeaders: boolean;
  /** Sampling percent (Istio default 1%). */
  samplingPercent: number;
  nextSpanId: number;
  /** mTLS handshakes: ok / failed (for scene 12). */
  handshakes: { ok: number; failed: number };
  /** Next generator event per edge (to reschedule on a rate change). */
  genTimers: (number | null)[];
  /** The request each pod's app is serving now (its trace context, if sampled). */
  serving: Record<string, { traceId: number; spanId: number; until: SimTime }>;
  /** Weighted-route draws per caller pod and chosen cluster (every `route.pick`, exact). */
  picks: Record<PodName, Record<string, number>>;
  /** The pick counts of a pod when its last `traffic.send` began (scene 5 shows the draws since). */
  pickBase: Record<PodName, { at: number; count: number; picks: Record<string, number> }>;
  /** `traffic.send` bursts in progress, by id. */
  bursts: Record<number, Burst>;
  nextBurstId: number;
  /** Service-level failure share (`service.fail`; absent until first set). */
  serviceFail?: Record<string, number>;
  /** The call-graph mode's state (absent in the default per-edge mode). */
  graph?: GraphState;
}

/** A `traffic.send` burst: the app of `from` sends `count` requests to `service`, one per ms. */
export interface Burst {
  from: PodName;
  service: string;
  count: number;
  /** Requests handed to the sidecar so far. */
  sent: number;
  /** Requests not sent because the pod was down (or gone). */
  skipped: number;
}
