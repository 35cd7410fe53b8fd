/**
 * Traffic generators: one Poisson source per edge (web → cart, catalog, checkout; checkout →
 * payments, inventory) at `perEdgeRps`. An app only calls out once its pod is ready. Each call
 * enters the caller's sidecar (routing, LB, retries), see `request.ts`.
 */
import { SECOND } from '../core/time';
import type { MeshSim } from '../mesh/types';
import { startRequest } from './request';

/** Schedules the next arrival on edge `i`. */
export function scheduleEdge(sim: MeshSim, i: number): void {
  const t = sim.state.traffic;
  const rps = t.perEdgeRps;
  if (!(rps > 0)) {
    t.genTimers[i] = null;
    return;
  }
  t.genTimers[i] = sim.schedule(sim.rng.exp(SECOND / rps), { type: 'gen.tick', edge: i });
}

/** Starts every generator (at model start). */
export function startGenerators(sim: MeshSim): void {
  for (let i = 0; i < sim.state.traffic.edges.length; i++) scheduleEdge(sim, i);
}

/** Changes the rate of every edge (`traffic.rate`): pending arrivals are redrawn. */
export function setRate(sim: MeshSim, perEdgeRps: number): void {
  const t = sim.state.traffic;
  t.perEdgeRps = Math.max(0, perEdgeRps);
  for (let i = 0; i < t.edges.length; i++) {
    const id = t.genTimers[i];
    if (id !== null && id !== undefined) sim.cancel(id);
    scheduleEdge(sim, i);
  }
}

/** An arrival on edge `i`. */
export function onGenTick(sim: MeshSim, i: number): void {
  const s = sim.state;
  const edge = s.traffic.edges[i];
  scheduleEdge(sim, i);
  if (!edge) return;
  const from = s.pods[edge.from];
  if (!from || !from.up || !from.ready) return;
  startRequest(sim, edge.from, edge.to);
}
