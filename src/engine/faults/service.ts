/**
 * Commands of the call-graph traffic model: `service.fail` (every pod of a service answers 503 to
 * a share of requests: independent of `pod.fail`, both apply), `traffic.users` (user requests per
 * second at web-1), `load.start` / `load.stop` (the fortio-like client) and `traffic.mark` (a new
 * statistics window). All but `service.fail` need `MeshOptions.traffic.mode = 'graph'`; without
 * it they only log that.
 */
import { logLine } from '../mesh/log';
import type { MeshSim } from '../mesh/types';
import { startLoad, stopLoad } from '../traffic/graph/load';
import { HISTORY, newWindow } from '../traffic/graph/stats';
import { setUserRate } from '../traffic/graph/users';

function needsGraph(sim: MeshSim, what: string): boolean {
  if (sim.state.traffic.graph) return false;
  logLine(sim, 'traffic', `${what}: needs the call-graph traffic model (nothing changed)`);
  return true;
}

/** Every pod of `service` fails `share` of its requests with 503. */
export function failService(sim: MeshSim, service: string, share: number): void {
  const t = sim.state.traffic;
  const v = Math.min(1, Math.max(0, share));
  if (v === 0 && !t.serviceFail) return;
  (t.serviceFail ??= {})[service] = v;
  logLine(sim, 'fault', `Every ${service} pod fails ${Math.round(v * 100)}% of requests with 503`);
}

/** User requests per second at web-1. */
export function setUsers(sim: MeshSim, rps: number): void {
  if (needsGraph(sim, 'traffic.users')) return;
  setUserRate(sim, rps);
  logLine(sim, 'traffic', `Users send ${Math.max(0, rps)} requests/s to web-1`);
}

/** Starts the fortio-like client. */
export function loadStart(
  sim: MeshSim,
  from: string,
  service: string,
  connections: number,
  qps: number,
  requests: number,
): void {
  if (needsGraph(sim, 'load.start')) return;
  if (!sim.state.pods[from]) {
    logLine(sim, 'traffic', `load.start: no pod ${from} (nothing changed)`);
    return;
  }
  startLoad(sim, from, service, connections, qps, requests);
}

/** Stops it. */
export function loadStop(sim: MeshSim): void {
  if (needsGraph(sim, 'load.stop')) return;
  stopLoad(sim);
}

/** Closes the statistics window and opens one named `label`. */
export function markWindow(sim: MeshSim, label: string | undefined): void {
  const g = sim.state.traffic.graph;
  if (needsGraph(sim, 'traffic.mark') || !g) return;
  g.history.push(g.window);
  if (g.history.length > HISTORY) g.history.shift();
  g.window = newWindow(label ?? '', sim.now);
  logLine(sim, 'traffic', `New statistics window${label ? ` “${label}”` : ''}`);
}
