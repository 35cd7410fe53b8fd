/**
 * Scene 1's model, "services talking directly": no proxies, no control plane. Three callers each
 * carry their own client library and call the payments pods straight from the app. This file
 * holds its state, events, commands and trace entries (plain, JSON-serialisable data).
 */
import type { LogRow } from '../core/sceneModel';
import type { Simulation } from '../core/simulation';
import type { EventId } from '../core/queue';
import type { SimTime } from '../core/time';

/** The three calling pods, in display order. */
export const CALLERS = ['web-1', 'cart-1', 'checkout-1'] as const;
export type CallerName = (typeof CALLERS)[number];

/** The three payments pods. */
export const PAYMENTS_PODS = ['payments-v1-a', 'payments-v1-b', 'payments-v2-a'] as const;
export type PaymentsPod = (typeof PAYMENTS_PODS)[number];

/** How a caller finds payments. */
export type Discovery = 'hard-coded' | 'dns-cache' | 'cluster-ip';

/** How `call.resolve` got the address: the literal in the code, the JVM's DNS cache, a fresh
 * DNS lookup (cache expired), or the Service name (one ClusterIP, kube-proxy picks a pod). */
export type ResolveHow = 'hard-coded' | 'cached-dns' | 'fresh-dns' | 'cluster-ip';

/** Why one attempt failed. */
export type AttemptFailure =
  /** The SYN went unanswered until the client's connect timeout. */
  | 'connect timeout'
  /** kube-proxy REJECTs connections to a ClusterIP with no ready endpoint (ICMP unreachable). */
  | 'connection refused'
  /** Connected, but no response bytes within the socket timeout (Python's `timeout=`). */
  | 'read timeout'
  /** Connected, but no response headers within undici's `headersTimeout` (300 s). */
  | 'headers timeout';

/** Why a whole call failed: its last attempt's reason, or no address at all. */
export type CallFailure = AttemptFailure | 'unknown host';

/** External inputs (each one is recorded in the engine's input log). */
export type DirectCommand =
  /** The pod stops answering: SYNs and packets to its IP are dropped, nothing replies. */
  | { kind: 'pod.kill'; pod: string }
  /** The same pod (same IP) answers again; its readiness probe passes at its next period. */
  | { kind: 'pod.restore'; pod: string }
  /** Calls per second from each caller (Poisson). */
  | { kind: 'traffic.rate'; perCallerRps: number };

/**
 * Everything the model records. No catch-all member: these are all the entry types.
 * `caller` is always the calling pod; `id` numbers one call (unique across callers); `attempt`
 * counts from 1.
 */
export type DirectTrace =
  | { t: SimTime; type: 'command'; command: DirectCommand }
  /** The app starts one call to payments (`url` as written in its code). */
  | { t: SimTime; type: 'call.start'; caller: CallerName; id: number; url: string }
  /** The app has the address of its first attempt (`name` is the host it looked up). */
  | {
      t: SimTime;
      type: 'call.resolve';
      caller: CallerName;
      id: number;
      name: string;
      address: string;
      how: ResolveHow;
    }
  /** A caller's DNS lookup (its cache was empty or expired); `ttlMs` is how long it keeps it. */
  | {
      t: SimTime;
      type: 'dns.refresh';
      caller: CallerName;
      name: string;
      addresses: string[];
      ttlMs: number;
    }
  /**
   * The app dials `address` (ip:port). `ip` is where the packets really go (a pod IP: for a
   * ClusterIP, the endpoint kube-proxy's DNAT chose; null when kube-proxy rejects), `pod` the pod
   * that has that IP (null when none).
   */
  | {
      t: SimTime;
      type: 'call.connect';
      caller: CallerName;
      id: number;
      attempt: number;
      address: string;
      ip: string | null;
      pod: string | null;
    }
  /** The TLS handshake done inside the app finished and the peer certificate was accepted. */
  | { t: SimTime; type: 'call.tls'; caller: CallerName; id: number; attempt: number; pod: string }
  /** The request bytes left the app (connected; after TLS when the app does TLS). */
  | { t: SimTime; type: 'call.send'; caller: CallerName; id: number; attempt: number; pod: string }
  | {
      t: SimTime;
      type: 'call.attemptFailed';
      caller: CallerName;
      id: number;
      attempt: number;
      address: string;
      ip: string | null;
      pod: string | null;
      reason: AttemptFailure;
    }
  /** The library will try again: `attempt` is the number of the attempt it is about to make. */
  | {
      t: SimTime;
      type: 'call.retry';
      caller: CallerName;
      id: number;
      attempt: number;
      backoffMs: number;
    }
  /**
   * The call ended. ok: `code` 200 and `error` null; failed: `code` null and `error` the reason
   * (the library gave up). `pod` answered it (null when it failed). `attempts` made (0 when
   * the name did not resolve).
   */
  | {
      t: SimTime;
      type: 'call.done';
      caller: CallerName;
      id: number;
      ok: boolean;
      code: number | null;
      error: CallFailure | null;
      attempts: number;
      latencyMs: number;
      pod: string | null;
    }
  /** The kubelet's readiness probe of a pod failed (`failures` in a row, of `threshold`). */
  | { t: SimTime; type: 'probe.failed'; pod: string; failures: number; threshold: number }
  /** A not-ready pod's readiness probe passed again (successThreshold is 1). */
  | { t: SimTime; type: 'probe.passed'; pod: string }
  /** The EndpointSlice of Service `service` changed: the pods (and IPs) now listed as ready. */
  | { t: SimTime; type: 'endpoints.update'; service: string; ready: string[]; addresses: string[] }
  /** kube-proxy rewrote the node's iptables rules for the ClusterIP (`endpoints`: ip:port). */
  | {
      t: SimTime;
      type: 'kubeproxy.sync';
      service: string;
      clusterIP: string;
      endpoints: string[];
    }
  | { t: SimTime; type: 'pod.down'; pod: string; ip: string }
  | { t: SimTime; type: 'pod.up'; pod: string; ip: string };

/** Every trace entry type, for exhaustive tables (describe, anchors). */
export type DirectTraceType = DirectTrace['type'];

/** Engine events (internal). Attempt events carry the attempt number so stale ones are ignored. */
export type DirectEvent =
  | { type: 'caller.tick'; caller: CallerName }
  | { type: 'attempt.start'; id: number; attempt: number }
  | { type: 'attempt.connected'; id: number; attempt: number }
  | { type: 'attempt.refused'; id: number; attempt: number }
  | { type: 'attempt.tlsDone'; id: number; attempt: number }
  | { type: 'attempt.response'; id: number; attempt: number }
  | { type: 'attempt.timeout'; id: number; attempt: number; kind: 'connect' | 'response' }
  | { type: 'probe.tick'; pod: string }
  | { type: 'probe.result'; pod: string }
  | { type: 'kubeproxy.sync' };

/** Per-caller counters. */
export interface CallerCounters {
  /** Calls started. */
  calls: number;
  /** Calls that got a 200. */
  ok: number;
  /** Calls the library gave up on. */
  failed: number;
  /** Retries made (attempts after the first). */
  retries: number;
  /** Attempts that ended in a timeout (connect, read or headers). */
  timeouts: number;
  /** Calls started and not finished. */
  inFlight: number;
}

/** The JVM's cached answer (cart-1). */
export interface DnsCache {
  name: string;
  addresses: string[];
  resolvedAt: SimTime;
  expiresAt: SimTime;
}

export interface CallerState {
  name: CallerName;
  counters: CallerCounters;
  /** A sentence about the last finished call. */
  lastOutcome: string | null;
  lastOk: boolean | null;
  /** Round-robin cursor over the cached addresses (cart-1). */
  rr: number;
  dns: DnsCache | null;
  /** The pending `caller.tick`. */
  tick: EventId | null;
  /** The last thing logged for this caller was a plain success (more are counted, not logged). */
  quiet: boolean;
}

export type CallPhase = 'connecting' | 'tls' | 'request' | 'backoff';

/** One failed attempt, kept for the call's closing sentence. */
export interface FailedAttempt {
  attempt: number;
  address: string;
  pod: string | null;
  reason: AttemptFailure;
  /** How long it took to fail. */
  tookUs: number;
}

/** A call in flight. */
export interface CallState {
  id: number;
  caller: CallerName;
  startedAt: SimTime;
  /** Current attempt (1-based). */
  attempt: number;
  phase: CallPhase;
  /** Addresses this call round-robins over (cart-1: the cached answer at the call's start). */
  addresses: string[];
  /** What the app dialled (ip:port). */
  address: string;
  /** Where the packets go (pod IP), null when kube-proxy rejects. */
  ip: string | null;
  pod: string | null;
  /** When the current phase started. */
  since: SimTime;
  /** When the current phase completes if the peer answers (null: stalled, nothing will come). */
  arriveAt: SimTime | null;
  /** When the library gives up on the current phase (null: never). */
  timeoutAt: SimTime | null;
  /** The peer stopped answering during this phase. */
  stalled: boolean;
  /** Round-trip time of this attempt's path. */
  rttUs: number;
  /** When the first SYN of this attempt left (SYN retransmissions count from it). */
  connectStartedAt: SimTime;
  pending: EventId | null;
  timer: EventId | null;
  failures: FailedAttempt[];
}

export interface PodState {
  name: PaymentsPod;
  ip: string;
  version: string;
  up: boolean;
  /** Ready as the kubelet reports it (what the EndpointSlice lists). */
  ready: boolean;
  /** Readiness probe failures in a row. */
  failures: number;
  /** Mean service time per request (µs). */
  serviceMeanUs: number;
}

/** One finished attempt (for a "recent outcomes" strip). */
export interface AttemptOutcome {
  t: SimTime;
  caller: CallerName;
  id: number;
  attempt: number;
  address: string;
  ip: string | null;
  pod: string | null;
  ok: boolean;
  reason: AttemptFailure | null;
}

/** The readiness probe's settings. */
export interface ProbeSettings {
  periodUs: number;
  timeoutUs: number;
  failureThreshold: number;
}

export interface DirectState {
  perCallerRps: number;
  callers: Record<CallerName, CallerState>;
  pods: PodState[];
  /** Ready pods in the payments EndpointSlice (what DNS for the headless Service returns). */
  endpoints: string[];
  /** Pod IPs kube-proxy has programmed for the ClusterIP (lags `endpoints` by one sync). */
  kubeProxy: string[];
  kubeProxySync: EventId | null;
  calls: Record<string, CallState>;
  nextId: number;
  recent: AttemptOutcome[];
  log: LogRow[];
  probe: ProbeSettings;
}

/** Options a scene may set. */
export interface DirectOptions {
  /** Calls per second from each caller (default 4). */
  perCallerRps?: number;
  /** Readiness probe periodSeconds, in ms (default 10 000, Kubernetes' default). */
  probePeriodMs?: number;
  /** Readiness probe failureThreshold (default 3, Kubernetes' default). */
  probeFailureThreshold?: number;
}

export type DirectSim = Simulation<DirectState, DirectEvent, DirectCommand, DirectTrace>;
