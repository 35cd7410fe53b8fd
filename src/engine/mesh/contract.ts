/**
 * The contract between the mesh model (src/engine/mesh, traffic, faults, config) and the views
 * (src/runtime, src/diagram, scenes/). The model implements it; the UI reads only these shapes.
 * Extend it freely; do not rename or remove fields without updating both sides.
 */
import type { SimTime } from '../core/time';
import type { TraceReducer } from '../core/trace';
import type { GraphCommand, GraphTrace, GraphTrafficOptions } from './contractGraph';

export type { BreakerLimit, GraphCommand, GraphTrace, GraphTrafficOptions } from './contractGraph';
import type { IptSocket, WalkDetail, WalkSide, WalkStage } from './walk/types';

/** The xDS types a sidecar subscribes to on its ADS stream (push order CDS → EDS → LDS → RDS). */
export type XdsType = 'CDS' | 'EDS' | 'LDS' | 'RDS';

/** Real type URLs (docs/fidelity.md §1.1). */
export const TYPE_URL: Record<XdsType | 'SDS', string> = {
  CDS: 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
  EDS: 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
  LDS: 'type.googleapis.com/envoy.config.listener.v3.Listener',
  RDS: 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration',
  SDS: 'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret',
};

/**
 * Istio's admission webhooks served by Istiod (failurePolicy Fail): config validation and, for
 * namespace `shop` (labelled `istio-injection=enabled`), sidecar injection of new pods.
 */
export type IstioWebhook = 'validation.istio.io' | 'namespace.sidecar-injector.istio.io';

/** As `istioctl proxy-status` reports each type. */
export type SyncStatus = 'SYNCED' | 'NOT SENT' | 'STALE' | 'ERROR';

/** The eight pods of the cast (docs/curriculum.md), in namespace `shop`. */
export const CAST = [
  'web-1',
  'catalog-1',
  'cart-1',
  'checkout-1',
  'inventory-1',
  'payments-v1-a',
  'payments-v1-b',
  'payments-v2-a',
] as const;
export type PodName = string;

/** External inputs. Every one is recorded in the input log (so a run = seed + log). */
export type MeshCommand =
  | { kind: 'istiod.kill' }
  | { kind: 'istiod.restore' }
  | { kind: 'pod.kill'; pod: PodName }
  | { kind: 'pod.restore'; pod: PodName }
  | { kind: 'pod.slow'; pod: PodName; extraMs: number }
  | { kind: 'pod.fail'; pod: PodName; share: number }
  /**
   * The kubelet's readiness probe of `pod`'s app fails (`ready: false`) or passes again: the
   * container keeps running, only the pod's Ready condition (and its EndpointSlice entry) changes.
   */
  | { kind: 'pod.readiness'; pod: PodName; ready: boolean }
  | { kind: 'sidecar.cut'; pod: PodName }
  | { kind: 'sidecar.uncut'; pod: PodName }
  | { kind: 'ca.stop' }
  | { kind: 'ca.start' }
  /** The operator applies YAML (VirtualService / DestinationRule); invalid YAML changes nothing. */
  | { kind: 'config.apply'; yaml: string }
  /** The 90/10 canary slider: a VirtualService change for payments pushed through Istiod. */
  | { kind: 'canary.weights'; v1: number; v2: number }
  /** A config Istiod accepts but that this pod's Envoy rejects (NACK); last good config stays. */
  | { kind: 'config.pushBad'; pod: PodName }
  /** Change the request rate of every generator (requests per second per edge). */
  | { kind: 'traffic.rate'; perEdgeRps: number }
  /** Removes what `config.pushBad` added (the sidecar ACKs again). */
  | { kind: 'config.revertBad' }
  /**
   * Root rotation: a new root joins the trust bundle and signs new certs (overlap). `sameKey`: the
   * self-signed root re-issued with the same key (old certs still verify); else a new key.
   */
  | { kind: 'ca.rotateRoot'; sameKey?: boolean }
  /** Ends the overlap: only the signing root stays in the trust bundle. */
  | { kind: 'ca.dropOldRoots' }
  /** Apps forward trace headers or not; trace sampling percent (Istio default 1). */
  | { kind: 'tracing.set'; forwardHeaders?: boolean; samplingPercent?: number }
  /** Restart a pod with or without an Envoy sidecar (injection on/off; scene 2 and STRICT mTLS). */
  | { kind: 'pod.inject'; pod: PodName; injected: boolean }
  /**
   * Follow one connection hop by hop (scenes 2 and 4): the app of `from` calls `to` (a service,
   * `istiod` for the istio-agent's own xDS connection, or `external`, a host outside the
   * registry) on `port`; `detail` `stages` shows every listener stage, `hops` one hop per place.
   */
  | { kind: 'request.walk'; from: PodName; to: string; port: number; detail: WalkDetail }
  /** meshConfig.outboundTrafficPolicy.mode (the `istio` ConfigMap): a full push when it changes. */
  | { kind: 'mesh.outboundTrafficPolicy'; mode: 'ALLOW_ANY' | 'REGISTRY_ONLY' }
  /** Scale a service's deployment to `replicas` pods (new pods copy the first pod's labels). */
  | { kind: 'service.scale'; service: string; replicas: number }
  /**
   * The app of `from` sends exactly `count` requests to `service:8080`, one every 1 ms of
   * simulated time starting now, each through its sidecar like generator traffic (none while the
   * pod is down: those are counted as not sent).
   */
  | { kind: 'traffic.send'; from: PodName; service: string; count: number }
  /**
   * Scene 13's "find the cause": heals every chaos fault, then injects one picked by the run
   * (`faults/chaos.ts`) without saying which (the mysteries are numbered 1, 2, ...).
   */
  | { kind: 'mystery.inject' }
  /** The learner names the mystery fault (a `faults/chaos.ts` id); the run checks it. */
  | { kind: 'mystery.guess'; fault: string }
  /** The call-graph model's commands (contractGraph.ts). */
  | GraphCommand;

/** A finished span (client or server side) of a sampled request. */
export interface TraceSpan {
  traceId: number;
  spanId: number;
  parentId: number | null;
  name: string;
  pod: PodName;
  kind: 'client' | 'server';
  start: SimTime;
  end: SimTime;
  code: number;
}

/**
 * Every trace entry the mesh model emits, exactly (no catch-all member): views, code-panel
 * machines and scene steps switch on `type` and read typed fields. `t` is simulated time. The
 * names are fixed; add a member here when the model emits a new type.
 */
export type MeshTrace =
  /** The operator's change passed validation and is stored (one entry per object). */
  | { t: SimTime; type: 'config.accepted'; kind: string; name: string; version: string }
  /**
   * The API server refused the operator's change: it failed validation, or (`webhook` set) an
   * Istio admission webhook with `failurePolicy: Fail` could not be reached because Istiod is
   * down — `errors[0]` is then the API server's message as kubectl prints it. Nothing changed.
   */
  | { t: SimTime; type: 'config.rejected'; errors: string[]; webhook?: IstioWebhook }
  /** Istiod's debounce ended: a push (full or EDS-only) to `proxies` connected proxies. */
  | {
      t: SimTime;
      type: 'push.debounced';
      reason: string;
      full: boolean;
      proxies: number;
      why: string;
    }
  /**
   * Istiod received a sidecar's subscription request (a DiscoveryRequest, or a
   * DeltaDiscoveryRequest when `delta`, with no response nonce): `versionInfo` is the version the
   * sidecar already holds ('' for a fresh Envoy, and always in Delta), `resourceNames` the names
   * it asks for (at most the first 20; absent for a wildcard CDS/LDS request), `resourceCount`
   * how many names (0 = wildcard), `initialResourceVersions` how many resources a reconnecting
   * Delta client says it holds.
   */
  | {
      t: SimTime;
      type: 'xds.request';
      pod: PodName;
      xds: XdsType;
      typeUrl: string;
      versionInfo: string;
      nonce: string;
      resourceNames?: string[];
      resourceCount: number;
      delta: boolean;
      initialResourceVersions?: number;
    }
  /** Istiod sent a DiscoveryResponse (`resources`: at most the first 20 names). */
  | {
      t: SimTime;
      type: 'xds.response';
      pod: PodName;
      xds: XdsType;
      typeUrl: string;
      version: string;
      nonce: string;
      resources: string[];
      resourceCount: number;
      removed: number;
      bytes: number;
      delta: boolean;
      pushId: number;
    }
  /** Istiod received an ACK (the sidecar applied `version`). */
  | {
      t: SimTime;
      type: 'xds.ack';
      pod: PodName;
      xds: XdsType;
      typeUrl: string;
      version: string;
      nonce: string;
    }
  /** Istiod received a NACK (`version` is the previous good one; `error` is error_detail). */
  | {
      t: SimTime;
      type: 'xds.nack';
      pod: PodName;
      xds: XdsType;
      typeUrl: string;
      version: string;
      nonce: string;
      error: string;
      errorCode: number;
    }
  | { t: SimTime; type: 'stream.open'; pod: PodName }
  | { t: SimTime; type: 'stream.closed'; pod: PodName; reason: string }
  /** The sidecar's stream failed: it retries after `backoffMs` (whole ms), at simulated time `at`. */
  | { t: SimTime; type: 'stream.retry'; pod: PodName; backoffMs: number; at: SimTime }
  | { t: SimTime; type: 'istiod.down' }
  | { t: SimTime; type: 'istiod.up' }
  /** The istio-agent sent a CSR (CreateCertificate) for its SPIFFE identity. */
  | { t: SimTime; type: 'cert.csr'; pod: PodName; rpc: string; spiffe: string }
  /** A CSR attempt failed (CA unavailable); the agent retries with backoff. */
  | { t: SimTime; type: 'cert.csrFailed'; pod: PodName; attempt: number }
  | {
      t: SimTime;
      type: 'cert.issued';
      pod: PodName;
      spiffe: string;
      expiresAt: SimTime;
      serial: number;
    }
  /** The agent handed Envoy a secret over SDS: the workload cert (`default`) or the trust bundle (`ROOTCA`). */
  | { t: SimTime; type: 'sds.push'; pod: PodName; resource: 'default'; version: string }
  | {
      t: SimTime;
      type: 'sds.push';
      pod: PodName;
      resource: 'ROOTCA';
      version: string;
      roots: string[];
    }
  /**
   * One hop of a `request.walk` (n of `of`) in `pod` (null: the node or the wire): its stage, a
   * short title, the HTTP filter (for `http.filter`), and for iptables hops the verdict, the
   * socket owner's UID and the deciding rule. The hop's full detail is in `state.walk` (views: `walkView`).
   */
  | {
      t: SimTime;
      type: 'walk.hop';
      walk: number;
      n: number;
      of: number;
      from: PodName;
      pod: PodName | null;
      side: WalkSide;
      stage: WalkStage;
      title: string;
      filter?: string;
      verdict?: string;
      uid?: number;
      socket?: IptSocket;
      /** iptables hops: the rule that decided (`ISTIO_OUTPUT 4`), absent when none matched. */
      rule?: string;
      /** Listener hops: the listener; `filterChain.match`: the chain, and whether it is the default. */
      listener?: string;
      chain?: string;
      defaultChain?: boolean;
    }
  /**
   * (With `traceSecurity`.) A new mTLS connection from `from`'s sidecar to `to`'s: the client
   * offers ALPN `istio-http/1.1`; the server's certificate carries SAN `server`, verified against
   * the client's ROOTCA; secure naming: `server` is among `expected`, the identities the client's
   * cluster accepts (its endpoints' service accounts); the server verifies the client's
   * certificate (SAN `client`) the same way.
   */
  | {
      t: SimTime;
      type: 'tls.handshake';
      from: PodName;
      to: PodName;
      client: string;
      server: string;
      expected: string[];
    }
  /**
   * (With `traceSecurity`.) `pod`'s inbound RBAC filters decided a request from `from` (null: a
   * caller without a sidecar, so no principal): DENY policies first, then ALLOW; `policy` is the
   * RBAC policy that matched (null: none did), `action` the filter that decided.
   */
  | {
      t: SimTime;
      type: 'rbac.decision';
      pod: PodName;
      from: PodName | null;
      principal: string;
      action: 'DENY' | 'ALLOW';
      policy: string | null;
      allowed: boolean;
    }
  /** A new mTLS connection from `from`'s sidecar to `to`'s failed its handshake. */
  | { t: SimTime; type: 'tls.handshakeFailed'; from: PodName; to: PodName; reason: string }
  /** `pod`'s sidecar ejected `host` from `cluster` (outlier detection). */
  | {
      t: SimTime;
      type: 'outlier.ejected';
      pod: PodName;
      cluster: string;
      host: PodName;
      ejections: number;
      untilMs: number;
      /** Envoy's ejection-time multiplier after this ejection (ejection lasts base × it). */
      multiplier?: number;
    }
  | { t: SimTime; type: 'outlier.returned'; pod: PodName; cluster: string; host: PodName }
  /** The call-graph model's entries (contractGraph.ts). */
  | GraphTrace
  /**
   * The registry's endpoint event: `pod`'s entry in the EndpointSlice of `service` was `added`
   * (a new pod, not ready yet), `updated` (its Ready condition changed to `ready`) or `removed`
   * (the pod was deleted). Istiod hears of it (an EDS update) while it is up.
   */
  | {
      t: SimTime;
      type: 'endpoints.changed';
      service: string;
      namespace: string;
      pod: PodName;
      ip: string;
      ready: boolean;
      change: 'added' | 'updated' | 'removed';
    }
  /**
   * The caller's sidecar (`pod`) matched a route with weighted clusters and drew one:
   * `drawn` = random % `total`, which falls in the chosen candidate's band.
   */
  | {
      t: SimTime;
      type: 'route.pick';
      pod: PodName;
      id: number;
      service: string;
      routeConfig: string;
      vhost: string;
      route: string;
      candidates: { cluster: string; weight: number }[];
      total: number;
      drawn: number;
      cluster: string;
    }
  /** A sampled request's span (client span in the caller, server span in the destination). */
  | ({ t: SimTime; type: 'span' } & TraceSpan)
  /**
   * A request finished (one outcome): `to` is the pod that answered last (or the service when
   * none did), `start` when the app sent it, `cluster` the upstream cluster ('' when none).
   */
  | {
      t: SimTime;
      type: 'request.done';
      id: number;
      from: PodName;
      to: PodName;
      code: number;
      flags: string;
      start: SimTime;
      cluster: string;
      hashKey?: string;
    }
  /** Scene 13: mystery `round` was injected (which fault is kept in `state.mystery`). */
  | { t: SimTime; type: 'mystery.injected'; round: number }
  /** Scene 13: the learner named `guess` for mystery `round`; it was `fault`. */
  | {
      t: SimTime;
      type: 'mystery.checked';
      round: number;
      guess: string;
      fault: string;
      correct: boolean;
    }
  /** An external command was applied (first, before its effects). */
  | { t: SimTime; type: 'command'; command: MeshCommand };

/** Every trace entry type name. */
export type MeshTraceType = MeshTrace['type'];

/** The trace entry (or entries) of one type. */
export type MeshTraceOf<K extends MeshTraceType> = Extract<MeshTrace, { type: K }>;

/** One sidecar as the diagram and the proxy-status table show it. */
export interface SidecarView {
  pod: PodName;
  service: string;
  /** Subset label (`v1`, `v2`) or null. */
  subset: string | null;
  /** SPIFFE id, e.g. `spiffe://cluster.local/ns/shop/sa/payments`. */
  identity: string;
  podUp: boolean;
  connected: boolean;
  /** Set while the ADS stream is down: the time it dropped (the "stale since t" badge). */
  staleSince: SimTime | null;
  /** When the next reconnect attempt happens (null when connected). */
  nextRetryAt: SimTime | null;
  /** Version of the last *applied* (ACKed) response per type; null before any. */
  versions: Record<XdsType, string | null>;
  status: Record<XdsType, SyncStatus>;
  /** The last NACK's error_detail message, if the last request for some type was a NACK. */
  lastError: string | null;
}

/** A message travelling on an ADS stream (drawn as a token on the line between Istiod and a pod). */
export interface XdsMessageView {
  id: number;
  pod: PodName;
  /** `down`: Istiod → sidecar (DiscoveryResponse); `up`: sidecar → Istiod (request, ACK, NACK). */
  direction: 'down' | 'up';
  kind: 'DiscoveryResponse' | 'DiscoveryRequest' | 'ACK' | 'NACK';
  xds: XdsType;
  versionInfo: string;
  nonce: string;
  errorDetail?: string;
  sentAt: SimTime;
  arriveAt: SimTime;
  /** `type_url` of the message (TYPE_URL[xds]). */
  typeUrl?: string;
  /** NACK: `error_detail.code` (13, INTERNAL). */
  errorCode?: number;
  /** Delta xDS (DeltaDiscoveryRequest/Response) rather than state of the world. */
  delta?: boolean;
  /** Encoded size and, for responses, the number of resources carried / removed. */
  bytes?: number;
  resourceCount?: number;
  removedCount?: number;
}

/** A request travelling between two pods (drawn as a dot; errors drawn by shape as well). */
export interface RequestView {
  id: number;
  from: PodName;
  to: PodName;
  sentAt: SimTime;
  arriveAt: SimTime;
  /** Known once it completed; views may draw the result near `to`. */
  code?: number;
  flags?: string;
}

/** Everything a frame needs, derived from the state by `meshView`. */
export interface MeshView {
  now: SimTime;
  istiod: {
    up: boolean;
    connectedProxies: number;
    lastVersion: string | null;
    pendingPushes: number;
  };
  sidecars: SidecarView[];
  xdsMessages: XdsMessageView[];
  requests: RequestView[];
  counters: { completed: number; ok: number; failed: number; byFlag: Record<string, number> };
  /** Newest last; sentences in words (the text alternative of the diagram). */
  log: { t: SimTime; text: string; kind: 'config' | 'xds' | 'traffic' | 'fault' | 'cert' }[];
}

/** Options for creating a mesh simulation. */
export interface MeshOptions {
  seed: number;
  /** Requests per second per traffic edge (default 5). */
  perEdgeRps?: number;
  /** Use Delta xDS instead of state of the world (Istio's default since 1.22 is Delta). */
  delta?: boolean;
  /** Istiod's CPU cores (sets the push throttle and stream admission: min(15+5×cores,100)); default 2. */
  cores?: number;
  /** A generated large mesh instead of the cast (no traffic generators): for scale runs. */
  topology?: { sidecars: number; services?: number; namespaces?: number };
  /** Engine checkpoint interval (default 10 s of simulated time; 0 = off). */
  checkpointEvery?: SimTime;
  /** Trace ring size (default 4096). */
  traceCapacity?: number;
  /** Workload certificate TTL (Istio's SECRET_TTL, default 24 h); shorter for fast runs. */
  certTtl?: SimTime;
  /** Folds over every trace entry, checkpointed with the trace (`sim.trace.fold(i)`). */
  traceReducers?: readonly TraceReducer<MeshTrace>[];
  /** Trace every successful mTLS handshake and every RBAC decision (scene 9); default off. */
  traceSecurity?: boolean;
  /** Traffic model (contractGraph.ts): absent = per-edge generators; `graph` = the call graph. */
  traffic?: GraphTrafficOptions;
}
