/**
 * `istiod.kill` / `istiod.restore`. Killing Istiod (its pod is gone) breaks every ADS stream:
 * sidecars keep serving from their cached config (Istiod is not on the request path), mark "stale
 * since", and retry with backoff. Operator edits are refused meanwhile: the API server cannot
 * reach Istio's admission webhooks (./admission.ts). The model keeps the proxy-status table Istiod
 * had a moment before it died (istioctl itself can only say that no Istiod pod runs). A restored
 * Istiod is a new pod and a new process: no connections, a fresh version counter, its metrics
 * (`pilot_total_xds_rejects`, `pilot_xds_pushes`, expired nonces, convergence samples) back at
 * zero; sidecars reconnect on their own backoff schedule and each gets the full state
 * (docs/fidelity.md §1.5, §2, misconception 2).
 */
import { logLine } from '../mesh/log';
import { proxyStatusTable } from '../mesh/proxyStatus';
import { newIstiod, nextVersion } from '../mesh/istiod/state';
import { breakStream } from '../mesh/sidecar/stream';
import type { MeshSim } from '../mesh/types';

/** Kills Istiod (config server, registry watch, CA and admission webhooks). */
export function killIstiod(sim: MeshSim): void {
  const s = sim.state;
  const i = s.istiod;
  if (!i.up) return;
  const lastStatus = proxyStatusTable(s, sim.now);
  for (const pod of s.order) breakStream(sim, pod, 'istiod unavailable');
  if (i.debounce.timer !== null) sim.cancel(i.debounce.timer);
  s.istiod = {
    ...newIstiod(i.cores, i.epoch + 1, i.restarts),
    up: false,
    downSince: sim.now,
    // The dead process's last values (what a scrape had before it died).
    metrics: i.metrics,
    versionNum: i.versionNum,
    pushVersion: i.pushVersion,
    pushId: i.pushId,
    lastStatus,
  };
  sim.emit({ t: sim.now, type: 'istiod.down' });
  logLine(
    sim,
    'fault',
    'Istiod is down: sidecars keep serving from cached config; config changes and new pods are refused, cert renewals wait',
  );
}

/** Restarts Istiod: a new pod reads the current config and waits for sidecars to reconnect. */
export function restoreIstiod(sim: MeshSim): void {
  const s = sim.state;
  const i = s.istiod;
  if (i.up) return;
  // A new process: fresh metrics and version counter, no last proxy-status. pushId stays
  // monotonic so that (pod, pushId) names one push across restarts.
  s.istiod = { ...newIstiod(i.cores, i.epoch + 1, i.restarts + 1), pushId: i.pushId };
  nextVersion(sim);
  sim.emit({ t: sim.now, type: 'istiod.up' });
  logLine(
    sim,
    'fault',
    'Istiod is back: sidecars reconnect on their backoff schedule and get full state',
  );
}
