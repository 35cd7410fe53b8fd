/**
 * Outlier detection in one client sidecar's cluster (docs/fidelity.md §4.7), as Envoy's
 * `DetectorImpl` does it: consecutive 5xx (connect failures and timeouts included, as Envoy
 * counts local-origin errors without split_external_local_origin_errors) eject the host inline;
 * each ejection raises the host's multiplier (while base × multiplier < max + base); the interval
 * timer returns an ejected host once min(base × multiplier, max_ejection_time) has passed since
 * its ejection (so it returns at the first tick after that), resets its counters, and lowers the
 * multiplier of every host that is not ejected by one. Current Envoy (≥ 1.28) ejects only if
 * (ejected + 1) / hosts ≤ max_ejection_percent — with Istio's default 10% and fewer than 10 hosts
 * nothing is ejected. Simplified: the interval timer starts with the cluster's first response
 * (Envoy arms it when the cluster is created).
 */
import { ms } from '../core/time';
import { active } from '../mesh/blobs';
import type { MeshTraceOf } from '../mesh/contract';
import type { OutlierDetectionConfig } from '../mesh/envoy';
import { logLine } from '../mesh/log';
import type { MeshSim } from '../mesh/types';
import type { ClusterRuntime, HostOutlier } from './types';

function hostState(rt: ClusterRuntime, host: string): HostOutlier {
  let h = rt.outlier[host];
  if (!h) {
    h = {
      consecutive5xx: 0,
      ejections: 0,
      ejected: false,
      ejectedUntil: 0,
      ejectedAt: 0,
      multiplier: 0,
    };
    rt.outlier[host] = h;
  }
  return h;
}

/** Arms the cluster's interval timer (once per cluster runtime). */
function armTimer(
  sim: MeshSim,
  pod: string,
  cluster: string,
  rt: ClusterRuntime,
  od: OutlierDetectionConfig,
): void {
  if (rt.odEpoch !== undefined) return;
  // The arming time tells this runtime's timer from one of a sidecar that has since restarted.
  rt.odEpoch = sim.now + 1;
  sim.schedule(ms(Math.max(1, od.interval_ms)), {
    type: 'outlier.tick',
    pod,
    cluster,
    epoch: rt.odEpoch,
  });
}

function ejectionMs(od: OutlierDetectionConfig, multiplier: number): number {
  return Math.min(
    od.base_ejection_time_ms * multiplier,
    Math.max(od.base_ejection_time_ms, od.max_ejection_time_ms),
  );
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
  armTimer(sim, pod, cluster, rt, od);
  const h = hostState(rt, host);
  const detail = sim.state.traffic.graph?.detail === true;
  const note = (decision: MeshTraceOf<'outlier.response'>['decision']): void => {
    if (detail)
      sim.emit({
        t: sim.now,
        type: 'outlier.response',
        pod,
        cluster,
        host,
        code,
        consecutive: h.consecutive5xx,
        threshold: od.consecutive_5xx,
        decision,
      });
  };
  if (code < 500) {
    h.consecutive5xx = 0;
    note('reset');
    return;
  }
  h.consecutive5xx++;
  if (h.ejected) return note('ejected');
  if (h.consecutive5xx < od.consecutive_5xx) return note('count');
  if (((rt.ejectedCount + 1) * 100) / Math.max(1, hostsInCluster) > od.max_ejection_percent) {
    note('maxEjectionPercent');
    h.consecutive5xx = 0;
    return;
  }
  note('eject');
  h.consecutive5xx = 0;
  h.ejected = true;
  h.ejections++;
  if (h.multiplier * od.base_ejection_time_ms < od.max_ejection_time_ms + od.base_ejection_time_ms)
    h.multiplier++;
  rt.ejectedCount++;
  const dur = ejectionMs(od, h.multiplier) * 1000;
  h.ejectedAt = sim.now;
  h.ejectedUntil = sim.now + dur;
  sim.emit({
    t: sim.now,
    type: 'outlier.ejected',
    pod,
    cluster,
    host,
    ejections: h.ejections,
    untilMs: h.ejectedUntil / 1000,
    multiplier: h.multiplier,
  });
  logLine(
    sim,
    'traffic',
    `${pod} ejected ${host} from ${cluster} for ${dur / 1_000_000} s (ejection #${h.ejections})`,
  );
}

/** The interval timer: return hosts whose time is up, lower the multiplier of clean hosts. */
export function onOutlierTick(sim: MeshSim, pod: string, cluster: string, epoch: number): void {
  const sc = sim.state.sidecars[pod];
  const rt = sc?.traffic.clusters[cluster];
  if (!sc || !rt || rt.odEpoch !== epoch) return;
  const od = active(sc, 'CDS', cluster)?.outlier_detection;
  if (!od) {
    delete rt.odEpoch;
    return;
  }
  for (const host of Object.keys(rt.outlier)) {
    const h = rt.outlier[host] as HostOutlier;
    if (!h.ejected) {
      if (h.multiplier > 0) {
        h.multiplier--;
        sim.emit({
          t: sim.now,
          type: 'outlier.decremented',
          pod,
          cluster,
          host,
          multiplier: h.multiplier,
        });
      }
      continue;
    }
    if (ejectionMs(od, h.multiplier) * 1000 > sim.now - h.ejectedAt) continue;
    h.ejected = false;
    h.consecutive5xx = 0;
    rt.ejectedCount = Math.max(0, rt.ejectedCount - 1);
    sim.emit({ t: sim.now, type: 'outlier.returned', pod, cluster, host });
    logLine(sim, 'traffic', `${pod}: ${host} returns to ${cluster}`);
  }
  sim.schedule(ms(Math.max(1, od.interval_ms)), { type: 'outlier.tick', pod, cluster, epoch });
}
