/**
 * A client sidecar's outlier detector for one cluster (scene 8, docs/fidelity.md §4.7): per host,
 * the consecutive-5xx count, ejections, Envoy's multiplier and the last ejection with the interval
 * tick that returns it; the config in force and how many hosts max_ejection_percent lets out.
 * Works in both traffic models (outlier detection runs in both).
 */
import type { SimTime } from '../../core/time';
import { active } from '../blobs';
import { memoBySimWith, type MeshSource } from './memo';

/** One host of a cluster as one client sidecar's outlier detector sees it. */
export interface OutlierHostRow {
  host: string;
  ejected: boolean;
  /** Consecutive 5xx counted now (ejection at the config's `consecutive5xx`). */
  consecutive: number;
  /** Ejections since the sidecar started. */
  ejections: number;
  /** Envoy's ejection-time multiplier now (+1 per ejection, −1 per clean interval tick). */
  multiplier: number;
  /**
   * The last ejection: when, for how long (base × the multiplier it raised, capped) and the
   * interval tick that returns (or returned) the host: the first tick once that time has passed.
   */
  last: { at: SimTime; forMs: number; returnsAt: SimTime | null } | null;
}

/** A client sidecar's outlier detector for one cluster, now. */
export interface OutlierView {
  pod: string;
  cluster: string;
  config: {
    consecutive5xx: number;
    intervalMs: number;
    baseMs: number;
    maxMs: number;
    maxEjectionPercent: number;
  } | null;
  /** Hosts in the cluster's endpoints (and any the detector still remembers). */
  hosts: OutlierHostRow[];
  ejectedCount: number;
  /** How many hosts may be out at once: (ejected + 1) / hosts ≤ max_ejection_percent. */
  maxEjectable: number;
  /** The interval timer's next tick (null: not armed). */
  nextTick: SimTime | null;
}

/** `pod`'s outlier detection for `cluster` (config null when the cluster has none). */
export const outlierView: (sim: MeshSource, pod: string, cluster: string) => OutlierView =
  memoBySimWith(
    (pod: string, cluster: string) => `${pod} ${cluster}`,
    (sim, pod, cluster) => {
      const sc = sim.state.sidecars[pod];
      const rt = sc?.traffic.clusters[cluster];
      const od = sc ? active(sc, 'CDS', cluster)?.outlier_detection : undefined;
      const eps = sc ? (active(sc, 'EDS', cluster)?.endpoints ?? []) : [];
      const names = [...new Set([...eps.map((e) => e.pod), ...Object.keys(rt?.outlier ?? {})])];
      // The timer ticks every interval from when it was armed (its epoch is that time + 1).
      const armed = rt?.odEpoch !== undefined && od ? rt.odEpoch - 1 : null;
      const every = od ? Math.max(1, od.interval_ms) * 1000 : 0;
      const tickAtOrAfter = (t: SimTime): SimTime | null =>
        armed === null ? null : armed + Math.max(1, Math.ceil((t - armed) / every)) * every;
      const hosts = names.sort().map((host): OutlierHostRow => {
        const h = rt?.outlier[host];
        return {
          host,
          ejected: h?.ejected ?? false,
          consecutive: h?.consecutive5xx ?? 0,
          ejections: h?.ejections ?? 0,
          multiplier: h?.multiplier ?? 0,
          last:
            h && h.ejections > 0
              ? {
                  at: h.ejectedAt,
                  forMs: (h.ejectedUntil - h.ejectedAt) / 1000,
                  returnsAt: tickAtOrAfter(h.ejectedUntil),
                }
              : null,
        };
      });
      return {
        pod,
        cluster,
        config: od
          ? {
              consecutive5xx: od.consecutive_5xx,
              intervalMs: od.interval_ms,
              baseMs: od.base_ejection_time_ms,
              maxMs: od.max_ejection_time_ms,
              maxEjectionPercent: od.max_ejection_percent,
            }
          : null,
        hosts,
        ejectedCount: rt?.ejectedCount ?? 0,
        maxEjectable: od ? Math.floor((eps.length * od.max_ejection_percent) / 100) : 0,
        nextTick: tickAtOrAfter(sim.now + 1),
      };
    },
  );
