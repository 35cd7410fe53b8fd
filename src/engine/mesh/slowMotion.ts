/**
 * Protocol slow motion for the mesh: the shortest flight time of the xDS messages on the wire now
 * (a hop lasts about a millisecond of simulated time; the player stretches it so a learner sees
 * it travel).
 */
import type { SimTime } from '../core/time';
import type { MeshState } from './types';

/** The shortest `arriveAt - sentAt` among xDS messages in flight now, or null when none is. */
export function shortestXdsFlight(sim: { now: SimTime; state: MeshState }): SimTime | null {
  let best: SimTime | null = null;
  const inflight = sim.state.net.inflight;
  for (const key in inflight) {
    const m = inflight[Number(key)];
    if (!m || m.sentAt > sim.now || m.arriveAt <= sim.now) continue;
    const span = Math.max(1, m.arriveAt - m.sentAt);
    if (best === null || span < best) best = span;
  }
  return best;
}
