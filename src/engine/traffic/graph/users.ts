/**
 * User requests: a Poisson stream at `userRps` arriving at web-1's app (the entry pod; the
 * ingress is not modelled). An arrival while web-1 is down or not ready is not served (and not
 * counted). Starts 1 s in, like the per-edge generators.
 */
import { SECOND, type SimTime } from '../../core/time';
import type { MeshSim } from '../../mesh/types';
import { startUserRequest } from './app';
import type { GraphState } from './types';

function schedule(sim: MeshSim, g: GraphState, after: SimTime): void {
  g.userTimer =
    g.userRps > 0
      ? sim.schedule(after + sim.rng.exp(SECOND / g.userRps), { type: 'graph.user' })
      : null;
}

/** Arms the first arrival (at model start). */
export function startUsers(sim: MeshSim, g: GraphState, after: SimTime): void {
  schedule(sim, g, after);
}

/** A user request arrives. */
export function onUserArrival(sim: MeshSim): void {
  const s = sim.state;
  const g = s.traffic.graph;
  if (!g) return;
  schedule(sim, g, 0);
  const p = s.pods[g.entry];
  if (!p || !p.up || !p.ready) return;
  startUserRequest(sim);
}

/** Changes the user request rate (`traffic.users`): the pending arrival is redrawn. */
export function setUserRate(sim: MeshSim, rps: number): void {
  const g = sim.state.traffic.graph;
  if (!g) return;
  if (g.userTimer !== null) sim.cancel(g.userTimer);
  g.userRps = Math.max(0, rps);
  schedule(sim, g, 0);
}
