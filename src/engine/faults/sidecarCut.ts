/**
 * `sidecar.cut` / `sidecar.uncut`: the network between one sidecar and Istiod is cut (data-plane
 * traffic is not affected). The stream breaks, each reconnect attempt times out, CSRs fail.
 */
import { logLine } from '../mesh/log';
import { breakStream } from '../mesh/sidecar/stream';
import type { MeshSim } from '../mesh/types';

/** Cuts `pod` off from Istiod. */
export function cutSidecar(sim: MeshSim, pod: string): void {
  const sc = sim.state.sidecars[pod];
  if (!sc || sc.cut) return;
  sc.cut = true;
  breakStream(sim, pod, 'network cut');
  logLine(sim, 'fault', `${pod} cannot reach Istiod (network cut)`);
}

/** Restores the path; the next reconnect attempt succeeds. */
export function uncutSidecar(sim: MeshSim, pod: string): void {
  const sc = sim.state.sidecars[pod];
  if (!sc || !sc.cut) return;
  sc.cut = false;
  logLine(sim, 'fault', `${pod} can reach Istiod again (next retry at its backoff)`);
}
