/**
 * What the call-graph mode does when a call finishes (called by `finishRequest`): give back its
 * retry slot and timer, count it for its service, wake the app job that waits for it, and tell
 * the load generator. Jobs and loops hear of it through events, never inline.
 */
import type { MeshSim } from '../../mesh/types';
import type { Request } from '../types';
import { loadCallDone } from './loadStats';
import { recordObserved } from './observe';
import { releaseRetryHold } from './retryHold';
import { record } from './stats';

/** `rq` finished with `code`. */
export function onRequestFinished(sim: MeshSim, rq: Request, code: number): void {
  const g = sim.state.traffic.graph;
  if (!g) return;
  releaseRetryHold(sim, rq);
  if (rq.perTryTimer !== undefined && rq.perTryTimer !== null) sim.cancel(rq.perTryTimer);
  rq.perTryTimer = null;
  const ok = code >= 200 && code < 400;
  const cs = (g.window.calls[rq.to] ??= { done: 0, ok: 0, latency: {} });
  cs.done++;
  if (ok) cs.ok++;
  record(cs.latency, sim.now - rq.start);
  if (g.observe) recordObserved(sim, g, rq, code);
  if (rq.job !== undefined) sim.schedule(0, { type: 'job.callDone', id: rq.job, code });
  if (rq.load) loadCallDone(sim, g, rq.load.run, rq.load.loop, code, sim.now - rq.start);
}
