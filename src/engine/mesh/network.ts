/**
 * ADS messages on the wire. Every message in flight sits in `state.net.inflight` with `sentAt` and
 * `arriveAt` (so the diagram can place a token by interpolation) until its `xds.arrive` event.
 * Latency: 1–3 ms drawn from the seeded RNG plus 10 µs per KB (simplified network). A stream is
 * FIFO per direction (gRPC over one HTTP/2 stream), so `arriveAt` never goes backwards.
 */
import { ms } from '../core/time';
import type { MeshSim, XdsMessage } from './types';

/** Recently delivered messages kept for the view. */
export const RECENT_XDS = 16;

/** Sends a message now; returns it (already registered as in flight). */
export function sendXds(
  sim: MeshSim,
  m: Omit<XdsMessage, 'id' | 'sentAt' | 'arriveAt'>,
): XdsMessage {
  const net = sim.state.net;
  const lane = `${m.pod}|${m.direction}`;
  const latency = ms(1) + sim.rng.int(ms(2)) + Math.floor(m.bytes / 100);
  const arriveAt = Math.max(sim.now + latency, (net.lastArrive[lane] ?? 0) + 1);
  net.lastArrive[lane] = arriveAt;
  const msg: XdsMessage = { ...m, id: net.nextId++, sentAt: sim.now, arriveAt };
  net.inflight[msg.id] = msg;
  sim.scheduleAt(arriveAt, { type: 'xds.arrive', id: msg.id });
  return msg;
}

/**
 * While a sidecar is cut off, messages of its established stream are not delivered: TCP keeps
 * retransmitting them (held here) until the network heals or keepalive declares the stream dead.
 */
export function holdIfCut(sim: MeshSim, msg: XdsMessage): boolean {
  const sc = sim.state.sidecars[msg.pod];
  if (!sc || !sc.cut || msg.streamId !== sc.streamId) return false;
  (sim.state.net.held[msg.pod] ??= []).push(msg);
  return true;
}

/** The network healed: held messages are delivered, in order. */
export function releaseHeld(sim: MeshSim, pod: string): void {
  const held = sim.state.net.held[pod];
  if (!held) return;
  delete sim.state.net.held[pod];
  for (const m of held) {
    const { id: _id, sentAt: _s, arriveAt: _a, ...rest } = m;
    sendXds(sim, rest);
  }
}

/** Removes a delivered message from the in-flight set and remembers it in `recent`. */
export function takeDelivered(sim: MeshSim, id: number): XdsMessage | undefined {
  const net = sim.state.net;
  const msg = net.inflight[id];
  if (!msg) return undefined;
  delete net.inflight[id];
  net.recent.push(msg);
  if (net.recent.length > RECENT_XDS) net.recent.shift();
  return msg;
}
