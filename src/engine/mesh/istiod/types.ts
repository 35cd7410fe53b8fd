/** Istiod's state: debounce, push queue, per-connection xDS bookkeeping, metrics. */
import type { EventId } from '../../core/queue';
import type { SimTime } from '../../core/time';
import type { PodName, SyncStatus, XdsType } from '../contract';
import type { XdsMessage } from '../wire';

/** One merged push request (pilot's PushRequest, reduced to what the model needs). */
export interface PushRequest {
  /** Full push (config change) or incremental EDS-only (endpoint change). */
  full: boolean;
  /** Config keys that changed (`VirtualService/shop/payments`) — for scoping and the log. */
  configs: string[];
  /** Services (FQDN) whose endpoints changed. */
  services: string[];
  /** Forced: push everyone regardless of scope (e.g. a debug trigger). */
  forced: boolean;
  /** When the first event of this request arrived (for convergence time). */
  start: SimTime;
  reason: string[];
}

/** What Istiod last sent / last got acknowledged on one type of one connection. */
export interface TypeSync {
  sentNonce: string | null;
  sentVersion: string | null;
  sentAt: SimTime | null;
  ackedNonce: string | null;
  ackedAt: SimTime | null;
  /** Set when the last request for this type was a NACK (error_detail message). */
  nackError: string | null;
  /** Resource hashes last sent (Delta: to send only what changed; SotW: to skip no-op EDS). */
  sentHashes: Record<string, string>;
  /** The type has been requested on this stream (watched). */
  watched: boolean;
}

/** One ADS connection as Istiod sees it. */
export interface Connection {
  pod: PodName;
  streamId: number;
  connectedAt: SimTime;
  types: Record<XdsType, TypeSync>;
  /** Push in progress to this proxy (holds a throttle slot). */
  pushing: boolean;
  /** A merged request waiting for this proxy (one pending push per proxy). */
  pending: PushRequest | null;
  /** When the oldest un-ACKed push started (for convergence). */
  pushStartedAt: SimTime | null;
}

/** Counters as Istiod exports them (names of pilot's metrics). */
export interface IstiodMetrics {
  pilot_xds_pushes: Record<string, number>;
  pilot_total_xds_rejects: number;
  pilot_xds_reject: Record<XdsType, number>;
  pilot_xds_expired_nonce: number;
  pilot_push_triggers: number;
  pilot_xds_config_size_bytes: number;
  /** Convergence samples (ms) of the last pushes, bounded. */
  convergence_ms: number[];
  pushes_debounced: number;
  streams_rejected: number;
}

/** A type column of `istioctl proxy-status` (IGNORED: the proxy does not watch that type). */
export type ProxyStatusState = SyncStatus | 'IGNORED';

/** One row of `istioctl proxy-status` (see ../proxyStatus.ts). */
export interface ProxyStatusTableRow {
  pod: PodName;
  /** One string per column, exactly as istioctl prints them (`SYNCED (2m5s)`). */
  cells: string[];
  /** The state behind each type column. */
  status: Record<XdsType | 'ECDS', ProxyStatusState>;
}

/** The `istioctl proxy-status` table at one moment. */
export interface ProxyStatusSnapshot {
  at: SimTime;
  columns: string[];
  rows: ProxyStatusTableRow[];
}

/** Istiod. */
export interface IstiodState {
  up: boolean;
  /** Incarnation: bumped on every restart, so events of a dead process are ignored. */
  epoch: number;
  /** Down since (for the log). */
  downSince: SimTime | null;
  /** CPU cores (GOMAXPROCS): sets the push throttle and the stream admission rate. */
  cores: number;
  versionNum: number;
  /** The version of the current PushContext (every response of a push carries it). */
  pushVersion: string | null;
  pushId: number;
  /** A full push's PushContext is being built until then; debounced events wait for it. */
  busyUntil: SimTime;
  debounce: {
    req: PushRequest | null;
    firstAt: SimTime;
    lastAt: SimTime;
    timer: EventId | null;
    events: number;
  };
  /** Proxies waiting for a throttle slot, FIFO. */
  queue: PodName[];
  inProgress: number;
  conns: Record<PodName, Connection>;
  /**
   * Stream admission (PILOT_MAX_REQUESTS_PER_SECOND, a Go rate.Limiter with burst 1): the next free
   * slot, and the first messages of streams waiting for theirs (at most 1 s, else RESOURCE_EXHAUSTED).
   */
  admission: {
    nextFree: SimTime;
    waiting: Record<PodName, { streamId: number; msgs: XdsMessage[] }>;
  };
  /**
   * Process-local counters (a restarted Istiod starts them at zero, like any Prometheus
   * counter of a new process).
   */
  metrics: IstiodMetrics;
  /** Times the Istiod pod was replaced (its pod name changes with each new pod). */
  restarts: number;
  /**
   * While Istiod is down: the proxy-status table it would have printed a moment before it died
   * (cleared when it is back).
   */
  lastStatus: ProxyStatusSnapshot | null;
}

/** `min(15 + 5×cores, 100)`: PILOT_PUSH_THROTTLE and PILOT_MAX_REQUESTS_PER_SECOND (Istio ≥ 1.21). */
export function cpuScaledLimit(cores: number): number {
  return Math.min(15 + 5 * cores, 100);
}
