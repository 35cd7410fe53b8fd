/**
 * The contract between the mesh model (src/engine/mesh, traffic, faults, config) and the views
 * (src/runtime, src/diagram, scenes/). The model implements it; the UI reads only these shapes.
 * Extend it freely; do not rename or remove fields without updating both sides.
 */
import type { Simulation } from '../core/simulation';
import type { SimTime } from '../core/time';
import type { TraceEntry } from '../core/trace';

/** The xDS types a sidecar subscribes to on its ADS stream (push order CDS → EDS → LDS → RDS). */
export type XdsType = 'CDS' | 'EDS' | 'LDS' | 'RDS';

/** Real type URLs (fidelity.md §1.1). */
export const TYPE_URL: Record<XdsType | 'SDS', string> = {
  CDS: 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
  EDS: 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
  LDS: 'type.googleapis.com/envoy.config.listener.v3.Listener',
  RDS: 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration',
  SDS: 'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret',
};

/** As `istioctl proxy-status` reports each type. */
export type SyncStatus = 'SYNCED' | 'NOT SENT' | 'STALE' | 'ERROR';

/** The eight pods of the cast (scenes.md), in namespace `shop`. */
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
  /** Root rotation: a new root joins the trust bundle and signs new certs (overlap). */
  | { kind: 'ca.rotateRoot' }
  /** Ends the overlap: only the signing root stays in the trust bundle. */
  | { kind: 'ca.dropOldRoots' }
  /** Apps forward trace headers or not; trace sampling percent (Istio default 1). */
  | { kind: 'tracing.set'; forwardHeaders?: boolean; samplingPercent?: number }
  /** Restart a pod with or without an Envoy sidecar (injection on/off; scene 2 and STRICT mTLS). */
  | { kind: 'pod.inject'; pod: PodName; injected: boolean }
  /** Scale a service's deployment to `replicas` pods (new pods copy the first pod's labels). */
  | { kind: 'service.scale'; service: string; replicas: number };

/**
 * Trace entries the views and code-panel machines follow. `t` is simulated time. Models may emit
 * more types; these names are fixed.
 */
export type MeshTrace = TraceEntry &
  (
    | { type: 'config.accepted'; kind: string; name: string; version: string }
    | { type: 'config.rejected'; errors: string[] }
    | { type: 'push.debounced'; reason: string; full: boolean; proxies: number }
    | { type: 'xds.response'; pod: PodName; xds: XdsType; version: string; nonce: string; resources: string[] }
    | { type: 'xds.ack'; pod: PodName; xds: XdsType; version: string; nonce: string }
    | { type: 'xds.nack'; pod: PodName; xds: XdsType; version: string; nonce: string; error: string }
    | { type: 'stream.open'; pod: PodName }
    | { type: 'stream.closed'; pod: PodName; reason: string }
    | { type: 'stream.retry'; pod: PodName; backoffMs: number }
    | { type: 'istiod.down' }
    | { type: 'istiod.up' }
    | { type: 'cert.issued'; pod: PodName; spiffe: string; expiresAt: SimTime }
    | { type: 'request.done'; id: number; from: PodName; to: PodName; code: number; flags: string }
    | { type: 'command'; command: MeshCommand }
    | { type: string; [key: string]: unknown }
  );

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
  istiod: { up: boolean; connectedProxies: number; lastVersion: string | null; pendingPushes: number };
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
}

/** What the model module exports (src/engine/mesh/index.ts). */
export interface MeshModule<S> {
  createMesh(options: MeshOptions): Simulation<S, { type: string }, MeshCommand, MeshTrace>;
  meshView(sim: Simulation<S, { type: string }, MeshCommand, MeshTrace>): MeshView;
}
