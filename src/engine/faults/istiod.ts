/**
 * `istiod.kill` / `istiod.restore`. Killing Istiod breaks every ADS stream: sidecars keep serving
 * from their cached config (Istiod is not on the request path), mark "stale since", and retry with
 * backoff; operator edits still land in the Kubernetes API and wait. A restarted Istiod has no
 * connections and a fresh version counter; sidecars reconnect on their own backoff schedule and
 * each gets the full state (docs/fidelity.md §1.5, §2, misconception 2).
 */
import { logLine } from '../mesh/log';
import { newIstiod, nextVersion } from '../mesh/istiod/state';
import { breakStream } from '../mesh/sidecar/stream';
import type { MeshSim } from '../mesh/types';

/** Kills Istiod (config server, registry watch and CA). */
export function killIstiod(sim: MeshSim): void {
  const s = sim.state;
  const i = s.istiod;
  if (!i.up) return;
  for (const pod of s.order) breakStream(sim, pod, 'istiod unavailable');
  if (i.debounce.timer !== null) sim.cancel(i.debounce.timer);
  s.istiod = {
    ...newIstiod(i.cores, i.epoch + 1),
    up: false,
    downSince: sim.now,
    metrics: i.metrics,
    versionNum: i.versionNum,
    pushVersion: i.pushVersion,
    pushId: i.pushId,
  };
  sim.emit({ t: sim.now, type: 'istiod.down' });
  logLine(
    sim,
    'fault',
    'Istiod is down: sidecars keep serving from cached config; config changes and cert renewals wait',
  );
}

/** Restarts Istiod: it reads the current config and waits for sidecars to reconnect. */
export function restoreIstiod(sim: MeshSim): void {
  const s = sim.state;
  const i = s.istiod;
  if (i.up) return;
  // Simplified: counters are kept across the restart (a real process starts them at zero).
  // pushId stays monotonic so that (pod, pushId) names one push across restarts.
  s.istiod = {
    ...newIstiod(i.cores, i.epoch + 1),
    metrics: i.metrics,
    versionNum: 0,
    pushId: i.pushId,
  };
  nextVersion(sim);
  sim.emit({ t: sim.now, type: 'istiod.up' });
  logLine(
    sim,
    'fault',
    'Istiod is back: sidecars reconnect on their backoff schedule and get full state',
  );
}
