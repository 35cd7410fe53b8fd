/**
 * Istiod forgets a connection whose stream ended. Its own module (state and trace only) so the
 * sidecar's stream code can close Istiod's end without importing the ADS server, which imports
 * the sidecar's stream code.
 */
import type { PodName } from '../contract';
import type { MeshSim } from '../types';

/** The stream of `pod` ended (pod died, network cut): Istiod forgets the connection. */
export function closeConnection(sim: MeshSim, pod: PodName, reason: string): void {
  const i = sim.state.istiod;
  if (i.admission.waiting[pod]) delete i.admission.waiting[pod];
  if (!i.conns[pod]) return;
  delete i.conns[pod];
  const q = i.queue.indexOf(pod);
  if (q >= 0) i.queue.splice(q, 1);
  sim.emit({ t: sim.now, type: 'stream.closed', pod, reason });
}
