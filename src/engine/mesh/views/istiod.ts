/** Istiod's read-outs: up, connected proxies, version, pending pushes, rejects, push metrics. */
import { memoBySim, type MeshSource } from './memo';

/** Istiod as the diagram shows it (`rejects` = `pilot_total_xds_rejects`). */
export interface IstiodView {
  up: boolean;
  connectedProxies: number;
  lastVersion: string | null;
  pendingPushes: number;
  rejects: number;
}

/** Istiod's push metrics: pushes per type, `pilot_xds_expired_nonce`, convergence p50/p90 (ms). */
export interface PilotMetricsView {
  pushes: Record<string, number>;
  expiredNonces: number;
  convergenceP50Ms: number | null;
  convergenceP90Ms: number | null;
}

function quantile(xs: readonly number[], q: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? null;
}

/** Istiod now. */
export const istiodView: (sim: MeshSource) => IstiodView = memoBySim((sim) => {
  const i = sim.state.istiod;
  return {
    up: i.up,
    connectedProxies: Object.keys(i.conns).length,
    lastVersion: i.pushVersion,
    pendingPushes: i.queue.length + i.inProgress,
    rejects: i.metrics.pilot_total_xds_rejects,
  };
});

/** Istiod's push metrics now. */
export const pilotMetrics: (sim: MeshSource) => PilotMetricsView = memoBySim((sim) => {
  const m = sim.state.istiod.metrics;
  return {
    pushes: { ...m.pilot_xds_pushes },
    expiredNonces: m.pilot_xds_expired_nonce,
    convergenceP50Ms: quantile(m.convergence_ms, 0.5),
    convergenceP90Ms: quantile(m.convergence_ms, 0.9),
  };
});
