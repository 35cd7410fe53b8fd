/**
 * A pod died: requests its app sent end with DC (downstream connection termination: nobody is
 * left to read the answer); attempts it was serving are reset (503 UC, retried only with
 * `reset` in retry_on); callers' pooled connections to it are gone.
 */
import type { MeshSim } from '../mesh/types';
import { releaseAttempt } from './attempt';
import { finishRequest } from './finish';
import { onPodDiedGraph } from './graph/podDied';

/** Ends or resets every request involving `pod`. */
export function onPodDied(sim: MeshSim, pod: string): void {
  if (sim.state.traffic.graph) return onPodDiedGraph(sim, pod);
  const t = sim.state.traffic;
  for (const key of Object.keys(t.requests)) {
    const rq = t.requests[Number(key)];
    if (!rq) continue;
    if (rq.from === pod) {
      releaseAttempt(sim, rq);
      finishRequest(sim, rq, 0, 'DC');
    } else if (
      rq.host === pod &&
      rq.outcome &&
      rq.attemptTimer !== null &&
      rq.outcome.code !== 503
    ) {
      sim.cancel(rq.attemptTimer);
      rq.outcome = { code: 503, flags: 'UC', retriable: 'reset' };
      rq.attemptTimer = sim.schedule(0, { type: 'rq.attemptEnd', id: rq.id, attempt: rq.attempt });
    }
  }
  for (const name of sim.state.order) {
    const sc = sim.state.sidecars[name];
    if (sc && sc.traffic.conns[pod]) delete sc.traffic.conns[pod];
  }
  delete t.serving[pod];
}
