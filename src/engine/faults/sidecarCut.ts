/**
 * `sidecar.cut` / `sidecar.uncut`: the network between one sidecar and Istiod is cut (data-plane
 * traffic is not affected). Nobody notices at once: messages on the open stream are held (TCP
 * retransmits), so Istiod's pushes to it stay un-ACKed (proxy-status STALE) until gRPC keepalive
 * (30 s + 10 s) declares the stream dead on both ends; then reconnect attempts time out and CSRs
 * fail. Healing before that delivers the held messages late.
 */
import { logLine } from '../mesh/log';
import { releaseHeld } from '../mesh/network';
import { armKeepalive } from '../mesh/sidecar/stream';
import type { MeshSim } from '../mesh/types';

/** Cuts `pod` off from Istiod. */
export function cutSidecar(sim: MeshSim, pod: string): void {
  const sc = sim.state.sidecars[pod];
  if (!sc || sc.cut) return;
  sc.cut = true;
  armKeepalive(sim, pod);
  logLine(
    sim,
    'fault',
    `${pod} cannot reach Istiod (network cut); keepalive will notice within 40 s`,
  );
}

/** Restores the path: held messages arrive; after a keepalive failure, the next retry succeeds. */
export function uncutSidecar(sim: MeshSim, pod: string): void {
  const sc = sim.state.sidecars[pod];
  if (!sc || !sc.cut) return;
  sc.cut = false;
  releaseHeld(sim, pod);
  logLine(sim, 'fault', `${pod} can reach Istiod again`);
}
