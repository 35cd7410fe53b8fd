/**
 * `meshView`: everything a frame needs, derived from the state without copying it (bounded
 * arrays only: at most 200 requests, 200 log lines, the xDS messages in flight). Cached per
 * simulation revision, so calling it every animation frame is cheap.
 */
import type { MeshView, XdsMessageView } from './contract';
import {
  deltaMode,
  handshakeCounts,
  istiodView,
  logLines,
  memoBySim,
  pilotMetrics,
  requestViews,
  sidecarViews,
  trafficCounters,
  xdsInFlight,
  xdsRecent,
  type MeshSource,
  type PilotMetricsView,
  type SidecarViewExt,
} from './views';

export type { SidecarViewExt } from './views';

/** The view plus extensions (Delta flag, certificate counters, recently delivered messages). */
export interface MeshViewExt extends MeshView {
  sidecars: SidecarViewExt[];
  delta: boolean;
  recentXds: XdsMessageView[];
  handshakes: { ok: number; failed: number };
  rejects: number;
  /** Istiod's push metrics: pushes per type, `pilot_xds_expired_nonce`, convergence p50/p90 (ms). */
  pilot: PilotMetricsView;
}

/** Everything a frame needs, assembled from the selectors of `./views` (same objects within a revision). */
export const meshView: (sim: MeshSource) => MeshViewExt = memoBySim((sim) => {
  const istiod = istiodView(sim);
  return {
    now: sim.now,
    istiod,
    sidecars: sidecarViews(sim),
    xdsMessages: xdsInFlight(sim),
    requests: requestViews(sim),
    counters: trafficCounters(sim),
    log: logLines(sim),
    delta: deltaMode(sim),
    recentXds: xdsRecent(sim),
    handshakes: handshakeCounts(sim),
    rejects: istiod.rejects,
    pilot: pilotMetrics(sim),
  };
});
