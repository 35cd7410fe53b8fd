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

/**
 * While a `request.walk` is between two hops: the time from the hop just shown to the next one
 * (each hop then takes about half a second in slow motion), else null.
 */
export function walkHopSpan(sim: { now: SimTime; state: MeshState }): SimTime | null {
  const hops = sim.state.walk?.hops;
  if (!hops || hops.length === 0) return null;
  const last = hops[hops.length - 1]!;
  if (sim.now >= last.at || sim.now < hops[0]!.at) return null;
  for (let i = 1; i < hops.length; i++) {
    const h = hops[i]!;
    if (h.at > sim.now) return Math.max(1, h.at - hops[i - 1]!.at);
  }
  return null;
}

/** What the learner must see move: xDS messages in flight, or a followed request between hops. */
export function shortestFlight(sim: { now: SimTime; state: MeshState }): SimTime | null {
  const xds = shortestXdsFlight(sim);
  const walk = walkHopSpan(sim);
  if (xds === null) return walk;
  return walk === null ? xds : Math.min(xds, walk);
}
