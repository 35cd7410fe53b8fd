/** `traffic.rate`, `traffic.send` and the tracing toggles. */
import { logLine } from '../mesh/log';
import type { MeshSim } from '../mesh/types';
import { startBurst } from '../traffic/burst';
import { setRate } from '../traffic/generators';

/** Sets requests per second per edge. */
export function setTrafficRate(sim: MeshSim, perEdgeRps: number): void {
  if (sim.state.traffic.graph) {
    logLine(sim, 'traffic', 'The call-graph model has no per-edge rate: use traffic.users');
    return;
  }
  setRate(sim, perEdgeRps);
  logLine(sim, 'traffic', `Traffic rate set to ${perEdgeRps} requests/s per edge`);
}

/** Apps forward (or not) trace headers; sampling percent (Istio's default 1%). */
export function setTracing(
  sim: MeshSim,
  forwardHeaders: boolean | undefined,
  samplingPercent: number | undefined,
): void {
  const t = sim.state.traffic;
  if (forwardHeaders !== undefined) t.forwardHeaders = forwardHeaders;
  if (samplingPercent !== undefined)
    t.samplingPercent = Math.min(100, Math.max(0, samplingPercent));
  logLine(
    sim,
    'traffic',
    `Tracing: apps ${t.forwardHeaders ? 'forward' : 'do not forward'} trace headers; sampling ${t.samplingPercent}%`,
  );
}

/** The app of `from` sends `count` requests to `service`, one every 1 ms from now. */
export function sendRequests(sim: MeshSim, from: string, service: string, count: number): void {
  startBurst(sim, from, service, count);
}
