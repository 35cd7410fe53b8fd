/**
 * Outlier detection in one client sidecar's cluster (docs/fidelity.md §4.7): consecutive 5xx
 * (connect failures included, as Envoy counts local-origin errors without
 * split_external_local_origin_errors) eject the host inline; the ejection lasts
 * base_ejection_time × times ejected, capped at max_ejection_time. Current Envoy (≥ 1.28) ejects
 * only if (ejected + 1) / hosts ≤ max_ejection_percent — with Istio's default 10% and fewer than
 * 10 hosts nothing is ejected. Simplified: the host returns exactly when its time is up (Envoy
 * checks at each `interval` tick).
 */
import type { OutlierDetectionConfig } from '../mesh/envoy';
import { logLine } from '../mesh/log';
import type { MeshSim } from '../mesh/types';
import type { ClusterRuntime, HostOutlier } from './types';

function hostState(rt: ClusterRuntime, host: string): HostOutlier {
  let h = rt.outlier[host];
  if (!h) {
    h = { consecutive5xx: 0, ejections: 0, ejected: false, ejectedUntil: 0 };
    rt.outlier[host] = h;
  }
  return h;
}

/** Records one response from `host`; may eject it. */
export function recordOutcome(
  sim: MeshSim,
  pod: string,
  cluster: string,
  rt: ClusterRuntime,
  od: OutlierDetectionConfig | undefined,
  host: string,
  code: number,
  hostsInCluster: number,
): void {
  if (!od) return;
  const h = hostState(rt, host);
  if (code < 500) {
    h.consecutive5xx = 0;
    return;
  }
  h.consecutive5xx++;
  if (h.ejected || h.consecutive5xx < od.consecutive_5xx) return;
  h.consecutive5xx = 0;
  if (((rt.ejectedCount + 1) * 100) / Math.max(1, hostsInCluster) > od.max_ejection_percent) return;
  h.ejected = true;
  h.ejections++;
  rt.ejectedCount++;
  const dur =
    Math.min(
      od.base_ejection_time_ms * h.ejections,
      Math.max(od.base_ejection_time_ms, od.max_ejection_time_ms),
    ) * 1000;
  h.ejectedUntil = sim.now + dur;
  sim.schedule(dur, { type: 'outlier.uneject', pod, cluster, host, count: h.ejections });
  sim.emit({
    t: sim.now,
    type: 'outlier.ejected',
    pod,
    cluster,
    host,
    ejections: h.ejections,
    untilMs: h.ejectedUntil / 1000,
  });
  logLine(
    sim,
    'traffic',
    `${pod} ejected ${host} from ${cluster} for ${dur / 1_000_000} s (ejection #${h.ejections})`,
  );
}

/** The ejection time is up: the host returns to the load-balancing set. */
export function onUneject(
  sim: MeshSim,
  pod: string,
  cluster: string,
  host: string,
  count: number,
): void {
  const rt = sim.state.sidecars[pod]?.traffic.clusters[cluster];
  const h = rt?.outlier[host];
  if (!rt || !h || !h.ejected || h.ejections !== count) return;
  h.ejected = false;
  rt.ejectedCount = Math.max(0, rt.ejectedCount - 1);
  sim.emit({ t: sim.now, type: 'outlier.returned', pod, cluster, host });
  logLine(sim, 'traffic', `${pod}: ${host} returns to ${cluster}`);
}
