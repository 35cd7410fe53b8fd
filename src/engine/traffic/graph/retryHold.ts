/** A scheduled retry holds one of its cluster's active retries (max_retries) until it resolves. */
import type { MeshSim } from '../../mesh/types';
import type { Request } from '../types';

/** Gives back the active-retry slot `rq` holds, if any. */
export function releaseRetryHold(sim: MeshSim, rq: Request): void {
  if (!rq.retryHeld) return;
  delete rq.retryHeld;
  const rt = sim.state.sidecars[rq.from]?.traffic.clusters[rq.cluster];
  if (rt) rt.activeRetries = Math.max(0, rt.activeRetries - 1);
}
