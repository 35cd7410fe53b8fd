/**
 * View selectors: one small memoised function per concern, each `(sim) => X` (parameterised
 * ones `(sim, pod) => X`), cached per simulation and `sim.revision` so the UI can subscribe to
 * exactly what it draws. `meshView` (../view.ts) is built from them.
 */
import type { MeshSource } from './memo';

export { memoBySim, memoBySimWith, type MeshSource } from './memo';
export { istiodView, pilotMetrics, type IstiodView, type PilotMetricsView } from './istiod';
export { sidecarViews, sidecarView, type SidecarViewExt } from './sidecars';
export { xdsInFlight, xdsRecent, xdsMessageView, MAX_XDS_MESSAGES } from './xds';
export { requestViews, trafficCounters, handshakeCounts } from './traffic';
export { logLines } from './log';
export {
  routeTable,
  subsetOfCluster,
  type RouteTableView,
  type RouteTableRoute,
  type RouteTableCluster,
} from './routes';
export { canaryPercent } from './canary';
export { picks, type PicksView, type PickRow } from './picks';
export {
  serviceLatency,
  windowSummary,
  windowHistory,
  poolView,
  loadView,
  summarize,
  type Percentiles,
  type HostLatencyRow,
  type ServiceLatencyView,
  type WindowSummary,
  type PoolView,
  type PoolHostRow,
  type LoadView,
} from './graph';
export { hopPolicy, type HopPolicy } from './graphHop';
export {
  walkView,
  iptablesView,
  listenerJson,
  listenerNames,
  healthyEndpoints,
  walkable,
  listenerDump,
  outboundTrafficPolicy,
  type ListenerDump,
  type WalkView,
  type IptablesView,
} from './walk';
export {
  endpointSlice,
  sidecarEds,
  edsSync,
  probeFailing,
  replicasOf,
  type EndpointSliceView,
  type SliceEndpoint,
  type ClaView,
  type ClaEndpoint,
  type EdsSyncView,
  type EdsSyncRow,
  type EdsSyncState,
} from './endpoints';
export {
  proxyStatus,
  type ProxyStatusView,
  type ProxyStatusState,
  type ProxyStatusTableRow,
} from './proxyStatus';
export {
  PROXY_STATUS_RELEASE,
  PROXY_STATUS_COLUMNS,
  PROXY_STATUS_VERSION,
  NO_ISTIOD_ERROR,
} from '../proxyStatus';

/** Delta xDS (true) or state of the world. */
export function deltaMode(sim: MeshSource): boolean {
  return sim.state.options.delta;
}
export {
  routeChanges,
  paymentsVhostJson,
  paymentsOutcomes,
  ROUTES_8080,
  type RouteChangeRow,
  type OutcomeRow,
} from './policy';
export { mtlsMode, callsTo, authzRules } from './security';
export { certTimeline, type CertTimelineView, type CertRow } from './certs';
