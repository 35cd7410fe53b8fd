/** Initial data-plane state and the default traffic edges of the cast. */
import type { ClusterRuntime, Edge, SidecarTraffic, TrafficState } from './types';

/** web → cart, catalog, checkout; checkout → payments, inventory (docs/curriculum.md). */
export const DEFAULT_EDGES: Edge[] = [
  { from: 'web-1', to: 'cart' },
  { from: 'web-1', to: 'catalog' },
  { from: 'web-1', to: 'checkout' },
  { from: 'checkout-1', to: 'payments' },
  { from: 'checkout-1', to: 'inventory' },
];

/** Default requests per second per edge. */
export const DEFAULT_RPS = 5;

/** Requests kept in the view ring. */
export const RECENT_REQUESTS = 200;
/** Numbers per request in the ring. */
export const REC_FIELDS = 7;

/** A fresh data-plane state. */
export function newTrafficState(edges: Edge[], perEdgeRps: number): TrafficState {
  return {
    edges,
    perEdgeRps,
    nextId: 1,
    nextConnId: 1,
    requests: {},
    counters: { issued: 0, completed: 0, ok: 0, failed: 0, byFlag: {}, byCode: {}, byDest: {} },
    recent: new Float64Array(RECENT_REQUESTS * REC_FIELDS),
    recentNext: 0,
    recentCount: 0,
    names: [''],
    requestsTotal: {},
    latency: {},
    forwardHeaders: true,
    samplingPercent: 1,
    nextSpanId: 1,
    handshakes: { ok: 0, failed: 0 },
    genTimers: edges.map(() => null),
    serving: {},
    picks: {},
    pickBase: {},
    bursts: {},
    nextBurstId: 1,
  };
}

/** A fresh sidecar data-plane state (a restarted Envoy forgets LB, outlier and pool state). */
export function newSidecarTraffic(): SidecarTraffic {
  return { clusters: {}, conns: {}, inbound: 0 };
}

/** The runtime state of a cluster in a sidecar, created on first use. */
export function clusterRuntime(t: SidecarTraffic, name: string): ClusterRuntime {
  let c = t.clusters[name];
  if (!c) {
    c = { rr: 0, active: 0, activeRetries: 0, hostActive: {}, outlier: {}, ejectedCount: 0 };
    t.clusters[name] = c;
  }
  return c;
}
