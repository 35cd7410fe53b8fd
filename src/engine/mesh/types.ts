/**
 * The mesh model's state (plain JSON-serialisable data) and its event union. One file so that the
 * actors (istiod/, sidecar/, ca/, traffic/) share one vocabulary.
 */
import type { WalkState } from './walk/types';
import type { EventId } from '../core/queue';
import type { Simulation } from '../core/simulation';
import type { SimTime } from '../core/time';
import type { MeshCommand, MeshTrace, MeshTraceOf, PodName, XdsType } from './contract';
import type { XdsMessage } from './wire';
import type { CaState, CertState, WorkloadCert } from './ca/types';
import type { TrafficState, SidecarTraffic } from '../traffic/types';
import type { GraphEvent } from '../traffic/graph/types';
import type { IstiodState, PushRequest } from './istiod/types';
import type { MeshConfig } from '../config';

export type { XdsMessage } from './wire';

/** A pod of the registry (Kubernetes' view). */
export interface PodState {
  name: PodName;
  service: string;
  namespace: string;
  serviceAccount: string;
  subset: string | null;
  ip: string;
  port: number;
  /** Container running (false after `pod.kill`). */
  up: boolean;
  /** Readiness as the kubelet reports it (the agent's probe: first CDS and LDS applied). */
  ready: boolean;
  /** Restarts so far (a restarted pod has a new sidecar with empty config). */
  generation: number;
  /** Extra app latency (`pod.slow`) and failure share (`pod.fail`). */
  extraMs: number;
  failShare: number;
  /** Mean app service time in µs. */
  serviceTimeUs: SimTime;
  /** Has an Envoy sidecar (injected). */
  injected: boolean;
  /** Namespaces whose services this sidecar's scope imports ('*' = all, the default). */
  egress: string[];
  /** The app's readiness probe fails (`pod.readiness`): the pod stays not ready while running. */
  probeFailing?: boolean;
}

/** Per-type bookkeeping in the sidecar's ADS client. */
export interface ClientTypeState {
  /** version_info of the last applied response (empty before any; sent in ACK/NACK). */
  version: string | null;
  /** Nonce of the last response received on the current stream. */
  nonce: string;
  /** The last NACK's error message, cleared by the next ACK. */
  lastError: string | null;
  lastUpdated: SimTime | null;
  /** Requested on the current stream (initial request sent). */
  requested: boolean;
  /** Responses received on the current stream. */
  received: number;
  /** Envoy's subscription stats over the sidecar's life: update_success / update_rejected. */
  updateSuccess: number;
  updateRejected: number;
}

/** The Envoy sidecar plus its istio-agent. */
export interface SidecarState {
  pod: PodName;
  streamId: number;
  connected: boolean;
  /** Stream being opened (waiting for Istiod's admission). */
  connecting: boolean;
  /** No route to Istiod (`sidecar.cut`). */
  cut: boolean;
  staleSince: SimTime | null;
  nextRetryAt: SimTime | null;
  retryTimer: EventId | null;
  backoffAttempt: number;
  xds: Record<XdsType, ClientTypeState>;
  /** Active (serving) resources: name → content hash (see blobs.ts). */
  active: Record<XdsType, Record<string, string>>;
  /** Per resource: `version_info@arrival` of the response that last changed it (config_dump). */
  stamps: Record<XdsType, Record<string, string>>;
  /** Per route configuration: the content hash of the one it last replaced (absent before any). */
  replacedRoutes?: Record<string, string>;
  /** Added or updated clusters waiting for EDS; listeners waiting for RDS (name → hash). */
  warmingClusters: Record<string, string>;
  warmingListeners: Record<string, string>;
  cert: CertState;
  traffic: SidecarTraffic;
}

/** One line of the text alternative. */
export interface LogLine {
  t: SimTime;
  text: string;
  kind: 'config' | 'xds' | 'traffic' | 'fault' | 'cert';
}

/** The whole model state. */
export interface MeshState {
  options: { delta: boolean; cores: number; perEdgeRps: number; traceSecurity?: boolean };
  pods: Record<PodName, PodState>;
  /** Pod names in display order. */
  order: PodName[];
  /** What Istiod watches: the registry (Services, Pods with readiness) and the Istio objects. */
  config: MeshConfig;
  /** Content key of `config` minus readiness (null after a change until generation needs it). */
  configKey: string | null;
  /** Content key of pod readiness (null after a change until generation needs it). */
  readyKey: string | null;
  /** Bumped on every accepted operator change. */
  configGeneration: number;
  istiod: IstiodState;
  sidecars: Record<PodName, SidecarState>;
  ca: CaState;
  traffic: TrafficState;
  net: {
    nextId: number;
    inflight: Record<number, XdsMessage>;
    recent: XdsMessage[];
    lastArrive: Record<string, SimTime>;
    /** Messages of an established stream held by a network cut (TCP retransmits them on heal). */
    held: Record<PodName, XdsMessage[]>;
  };
  log: LogLine[];
  logTotal: number;
  /** The last `request.walk` (scenes 2 and 4), hop by hop. */
  walk?: WalkState | null;
  /** The registry's last endpoint events (`endpoints.changed`), newest last, at most 16. */
  endpointEvents?: MeshTraceOf<'endpoints.changed'>[];
  /** Scene 13's "find the cause" (absent until the first `mystery.inject`). */
  mystery?: {
    round: number;
    fault: string;
    at: SimTime;
    guesses: { guess: string; correct: boolean; at: SimTime }[];
  };
}

/** Engine events of the mesh model (dotted names). */
export type MeshEvent =
  | { type: 'xds.arrive'; id: number }
  | { type: 'stream.connect'; pod: PodName; gen: number }
  | { type: 'stream.fail'; pod: PodName; streamId: number; reason: string }
  | { type: 'stream.keepalive'; pod: PodName; streamId: number }
  | { type: 'istiod.debounce'; epoch: number }
  | { type: 'istiod.pushReady'; epoch: number; req: PushRequest }
  | { type: 'istiod.proxyPushed'; pod: PodName; epoch: number; streamId: number }
  | { type: 'istiod.admit'; pod: PodName; streamId: number; epoch: number }
  | { type: 'istiod.connAge'; pod: PodName; streamId: number; epoch: number }
  | { type: 'ca.csr'; pod: PodName; gen: number; attempt: number }
  | { type: 'ca.issued'; pod: PodName; gen: number; serial: number; cert: WorkloadCert }
  | { type: 'ca.rotate'; pod: PodName; gen: number; serial: number }
  | { type: 'gen.tick'; edge: number }
  | { type: 'walk.hop'; id: number; n: number }
  | { type: 'traffic.burst'; id: number }
  | { type: 'rq.attemptEnd'; id: number; attempt: number }
  | { type: 'rq.retry'; id: number }
  | { type: 'rq.timeout'; id: number }
  | { type: 'outlier.tick'; pod: PodName; cluster: string; epoch: number }
  | GraphEvent;

/** The simulation type of the mesh model. */
export type MeshSim = Simulation<MeshState, MeshEvent, MeshCommand, MeshTrace>;
